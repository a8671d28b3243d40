"""Builders of hand-made predictions in the Extraction.to_dict() shape."""

from __future__ import annotations

from typing import Any


def actor(
    country: str | None, sector: str | None = None, name: str | None = None
) -> dict[str, Any]:
    return {"text": name or country or "", "start": 0, "end": 1, "name": name,
            "country": country, "sector": sector}


def event(
    eid: str,
    etype: str,
    source: list[dict[str, Any]] | None = None,
    target: list[dict[str, Any]] | None = None,
    *,
    value: str | None = "2025-05-03",
    earliest: str | None = None,
    latest: str | None = None,
    modality: str = "actual",
    trigger: str = "said",
) -> dict[str, Any]:
    return {
        "id": eid, "article_id": "d1", "type": etype,
        "source": source or [], "target": target or [],
        "date": {"value": value, "precision": "day", "earliest": earliest, "latest": latest},
        "modality": modality, "polarity": "positive", "rule": "test",
        "evidence": [{"sentence_index": 0, "sentence": "", "start": 0, "end": 1,
                      "trigger": {"text": trigger, "start": 0, "end": 1}}],
    }


def gold_event(
    gid: str, types: list[str], required: bool = True, **fields: Any
) -> dict[str, Any]:
    return {"doc": "d1", "kind": "event", "id": gid, "required": required, "types": types,
            **fields}


def extraction(doc: str, text: str = "", **parts: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "article": {"id": doc, "text": text, "published": "2025-05-03"},
        "events": parts.get("events", []), "quotes": parts.get("quotes", []),
        "timexes": parts.get("timexes", []), "places": [],
        "coder": {"name": "newsevents", "version": "0", "model": "m", "lexicons": "x"},
    }
