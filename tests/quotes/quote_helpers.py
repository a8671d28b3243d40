"""Shared helpers of the quote tests: one pipeline, articles from files, gold matching."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsevents.config import Options
from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.stage import Analysis
from newsevents.text import normalise

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    return Pipeline(Options(), stages=("actors", "timex", "events", "quotes"))


def analyse_text(text: str, article_id: str = "t", published: str = "2025-05-01") -> Analysis:
    article = Article(id=article_id, text=normalise(text).text, published=published)
    return pipeline().analyse(article)


def analyse_file(path: Path) -> Analysis:
    return analyse_text(path.read_text(encoding="utf-8"), article_id=path.stem)


def fold(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").translate(_FOLD)).strip().casefold()


def gold_quotes() -> dict[str, list[dict[str, Any]]]:
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for line in (HERE / "articles.gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_doc.setdefault(row["doc"], [])
        if row["kind"] == "quote":
            by_doc[row["doc"]].append(row)
    return by_doc


def names(gold: dict[str, Any]) -> set[str]:
    speaker = gold["speaker"]
    return {fold(s) for s in (speaker if isinstance(speaker, list) else [speaker])}
