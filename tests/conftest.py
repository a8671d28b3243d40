"""Shared fixtures: one pipeline per session (loading spaCy is the slow part)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.stage import Analysis
from newsevents.text import normalise

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
os.environ.setdefault("NEWSEVENTS_CHECK_STAGES", "1")
"""Every pipeline of the tests checks that no stage changes another stage's records in place."""
os.environ.setdefault("NEWSEVENTS_WORKERS", "1")
"""``ingest`` codes in this process unless a test asks for workers (tests/scale): a worker
process would load the model again, and would not see stages a test registers."""


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared ({path} is absent): evaluation data is not in a fresh clone")
    return path


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def analyse(pipeline: Pipeline) -> Callable[..., Analysis]:
    def run(text: str, published: str | None = "2024-03-01", article_id: str = "t") -> Analysis:
        article = Article(id=article_id, text=normalise(text).text, published=published,
                          published_basis="metadata" if published else "unknown")
        return pipeline.analyse(article)

    return run
