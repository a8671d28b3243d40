"""Reading gold JSON Lines (spec/gold-format.md) and saved predictions."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GOLD_KINDS: tuple[str, ...] = ("article", "event", "quote", "timex")


class GoldFormatError(ValueError):
    """A gold or predictions file that cannot be read; the message names the file and line."""


@dataclass
class GoldDocument:
    """Everything the gold says about one document."""

    doc: str
    published: str | None = None
    events_scored: bool = True
    events: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    timexes: list[dict[str, Any]] = field(default_factory=list)


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Objects of a JSON Lines file (or of a JSON array), with the line named on errors."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}: not valid JSON: {exc}") from exc
        return [d for d in data if isinstance(d, dict)]
    records: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}, line {number}: not valid JSON: {exc}") from exc
        if not isinstance(obj, dict):
            raise GoldFormatError(f"{path}, line {number}: expected a JSON object")
        records.append(obj)
    return records


def group_gold(records: Iterable[dict[str, Any]]) -> dict[str, GoldDocument]:
    """Group gold records by ``doc``, in first-seen order."""
    docs: dict[str, GoldDocument] = {}
    for number, record in enumerate(records, 1):
        doc_id, kind = record.get("doc"), record.get("kind")
        if not isinstance(doc_id, str) or kind not in GOLD_KINDS:
            raise GoldFormatError(
                f"gold record {number}: needs a string 'doc' and a 'kind' among "
                f"{', '.join(GOLD_KINDS)} (got doc={doc_id!r}, kind={kind!r})"
            )
        gold = docs.setdefault(doc_id, GoldDocument(doc_id))
        if kind == "article":
            gold.published = record.get("published")
            gold.events_scored = record.get("events_scored", True) is not False
        else:
            getattr(gold, f"{kind}es" if kind == "timex" else f"{kind}s").append(record)
    return docs


def load_gold(path: str | Path) -> dict[str, GoldDocument]:
    return group_gold(read_jsonl(path))


def load_predictions(path: str | Path) -> dict[str, dict[str, Any]]:
    """Saved extractions (JSONL or a JSON array), keyed by article id."""
    out: dict[str, dict[str, Any]] = {}
    for number, record in enumerate(read_jsonl(path), 1):
        article = record.get("article")
        if not isinstance(article, dict) or not isinstance(article.get("id"), str):
            raise GoldFormatError(f"{path}: extraction {number} has no article.id")
        out[article["id"]] = record
    return out


def is_required(record: dict[str, Any]) -> bool:
    """Gold items are required unless they say ``"required": false``."""
    return record.get("required", True) is not False



def split_required(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]],
                                                         list[dict[str, Any]]]:
    """(required, optional) gold records, in their order."""
    return ([r for r in records if is_required(r)], [r for r in records if not is_required(r)])

def as_list(value: Any) -> list[Any]:
    """A gold field that may be one value or a list of values, as a list (None → [])."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return list(value)
    return [value]
