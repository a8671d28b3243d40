"""Coding the documents a gold file names, so that ``eval`` can score them.

Kept apart from the scoring (which is pure functions over dicts) because it loads spaCy.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Article
from ..text import normalise
from .gold import GoldDocument, GoldFormatError
from .plover import GsrRecord

if TYPE_CHECKING:
    from ..config import Options

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_PREFERENCE = (".txt", ".text", ".md", "")


def find_document(docs_dir: Path, doc_id: str) -> Path | None:
    """``DOCS_DIR/<doc>.*``, preferring plain text when several files share the name."""
    candidates = [p for p in docs_dir.glob(f"{glob_escape(doc_id)}.*") if p.is_file()]
    exact = docs_dir / doc_id
    if exact.is_file():
        candidates.append(exact)
    if not candidates:
        return None

    def rank(path: Path) -> int:
        suffix = path.suffix.lower()
        return TEXT_PREFERENCE.index(suffix) if suffix in TEXT_PREFERENCE else len(TEXT_PREFERENCE)

    return sorted(candidates, key=lambda p: (rank(p), p.name))[0]


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[]" else c for c in name)


def read_document_text(path: Path) -> str:
    """A document's raw text: HTML through trafilatura, anything else as UTF-8 text."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() in HTML_SUFFIXES:
        import trafilatura

        return trafilatura.extract(raw) or ""
    return raw


def read_jsonl_articles(path: Path) -> dict[str, dict[str, Any]]:
    """Articles of a JSONL file (``id``, ``text``, optional metadata), keyed by id."""
    out: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}, line {number}: not valid JSON: {exc}") from exc
        if isinstance(obj, dict) and isinstance(obj.get("id"), str):
            out[obj["id"]] = obj
    return out


def gold_articles(
    gold: Mapping[str, GoldDocument], docs: Path
) -> tuple[list[Article], list[str]]:
    """Articles for the gold's documents with its publication dates; ids of missing documents."""
    jsonl = read_jsonl_articles(docs) if docs.is_file() else {}
    articles: list[Article] = []
    missing: list[str] = []
    for doc_id, gold_doc in gold.items():
        meta: dict[str, Any] = {}
        if docs.is_file():
            meta = jsonl.get(doc_id) or {}
            raw = meta.get("text")
        else:
            path = find_document(docs, doc_id)
            raw = read_document_text(path) if path else None
        if not isinstance(raw, str):
            missing.append(doc_id)
            continue
        published = gold_doc.published or meta.get("published")
        articles.append(
            Article(
                id=doc_id,
                text=normalise(raw).text,
                title=meta.get("title"),
                outlet=meta.get("outlet"),
                url=meta.get("url"),
                published=published,
                published_basis="metadata" if published else "unknown",
            )
        )
    return articles, missing


def plover_articles(records: Iterable[GsrRecord]) -> list[Article]:
    """One article per PLOVER record, its ``date`` as publication date."""
    return [
        Article(
            id=r.id,
            text=normalise(r.text).text,
            published=r.date,
            published_basis="metadata" if r.date else "unknown",
        )
        for r in records
    ]


def code_articles(
    articles: list[Article], options: Options | None = None
) -> Iterator[dict[str, Any]]:
    """Run the pipeline over the articles, yielding Extraction dicts."""
    from ..pipeline import Pipeline

    pipeline = Pipeline(options)
    for extraction in pipeline.pipe(articles):
        yield extraction.to_dict()
