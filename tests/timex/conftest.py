"""Fixtures for the timex tests: one loaded model, a helper that resolves a sentence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from newsevents.model import Timex
from newsevents.nlp import load_model
from newsevents.timex import find_timexes

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def shared_path(relative: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"needs {path} (the project's shared data folder), which is absent")
    return path


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    return load_model(None)


@pytest.fixture(scope="session")
def timexes(nlp) -> Callable[[str, str | None], list[Timex]]:  # type: ignore[no-untyped-def]
    def run(text: str, published: str | None = "2025-05-03") -> list[Timex]:
        pub = date.fromisoformat(published) if published else None
        return [r.timex for r in find_timexes(nlp(text), pub)]

    return run
