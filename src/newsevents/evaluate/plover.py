"""Scoring against the PLOVER gold standard records (one sentence = one document)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import PLOVER_TYPES
from .events import actor_label
from .report import ratio

PLOVER_05_TYPES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
OLD_CAMEO_COUNTRIES: dict[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
NO_EVENT = "none"


@dataclass(frozen=True)
class GsrRecord:
    """One scored PLOVER record: its sentence, today's type and the gold actor codes."""

    id: str
    text: str
    date: str | None
    type: str
    source: frozenset[str]
    target: frozenset[str]


def map_type(event: str) -> str:
    event = event.strip().upper()
    return PLOVER_05_TYPES.get(event, event)


def map_code(code: Any) -> str | None:
    if not isinstance(code, str) or not code.strip():
        return None
    code = code.strip().upper()
    return OLD_CAMEO_COUNTRIES.get(code, code)


def actor_codes(actors: Any) -> frozenset[str]:
    """Gold actor codes of one side; a string (not a list) stands for no actor."""
    if not isinstance(actors, list):
        return frozenset()
    codes = (map_code(a.get("code")) for a in actors if isinstance(a, dict))
    return frozenset(c for c in codes if c)


def parse_records(data: Any) -> list[GsrRecord]:
    """The scorable records of a PLOVER GSR list: those with a ``text``."""
    records = []
    for number, raw in enumerate(data if isinstance(data, list) else [], 1):
        if not isinstance(raw, dict) or not str(raw.get("text") or "").strip():
            continue
        records.append(
            GsrRecord(
                id=str(raw.get("id") or f"record-{number}"),
                text=str(raw["text"]),
                date=raw.get("date") if isinstance(raw.get("date"), str) else None,
                type=map_type(str(raw.get("event") or "")),
                source=actor_codes(raw.get("source")),
                target=actor_codes(raw.get("target")),
            )
        )
    return records


def record_files(path: str | Path) -> list[Path]:
    """The JSON files of a PLOVER GSR path: the file itself, or a folder's ``*.json`` files."""
    path = Path(path)
    return sorted(path.glob("*.json")) if path.is_dir() else [path]


def load_records(path: str | Path) -> list[GsrRecord]:
    """Every scorable record of a PLOVER GSR file or of the JSON files in a folder."""
    return [record
            for file in record_files(path)
            for record in parse_records(json.loads(file.read_text(encoding="utf-8")))]


def _countries(actors: Any) -> set[str]:
    return {
        str(a.get("country")).upper()
        for a in actors or []
        if isinstance(a, dict) and a.get("country")
    }


def triple_hit(record: GsrRecord, event: Mapping[str, Any]) -> bool:
    """Gold type, a source among the gold source codes, a target among gold target codes."""
    if event.get("type") != record.type:
        return False
    if record.source and not _countries(event.get("source")) & record.source:
        return False
    return not record.target or bool(_countries(event.get("target")) & record.target)


def score_record(record: GsrRecord, events: list[Mapping[str, Any]]) -> dict[str, Any]:
    return {
        "id": record.id,
        "text": record.text,
        "gold_type": record.type,
        "gold_source": sorted(record.source),
        "gold_target": sorted(record.target),
        "type_hit": any(e.get("type") == record.type for e in events),
        "triple_hit": any(triple_hit(record, e) for e in events),
        "predicted": [
            {"type": e.get("type"), "source": actor_label(e.get("source")),
             "target": actor_label(e.get("target")), "modality": e.get("modality"),
             "trigger": ((e.get("evidence") or [{}])[0].get("trigger") or {}).get("text")}
            for e in events
        ],
    }


def confusion_table(
    records: list[GsrRecord], events_by_id: Mapping[str, list[Mapping[str, Any]]]
) -> dict[str, dict[str, int]]:
    """gold type → {predicted type or "none": records}; each distinct predicted type counts once."""
    table: dict[str, Counter[str]] = {}
    for record in records:
        predicted = {str(e.get("type")) for e in events_by_id.get(record.id, [])} or {NO_EVENT}
        table.setdefault(record.type, Counter()).update(predicted)
    order = {t: i for i, t in enumerate((*PLOVER_TYPES, NO_EVENT))}
    return {
        gold: dict(sorted(row.items(), key=lambda kv: (order.get(kv[0], 99), kv[0])))
        for gold, row in sorted(table.items(), key=lambda kv: order.get(kv[0], 99))
    }


def _by_type(details: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for d in details:
        row = out.setdefault(d["gold_type"], {"records": 0, "type_hits": 0, "triple_hits": 0})
        row["records"] += 1
        row["type_hits"] += d["type_hit"]
        row["triple_hits"] += d["triple_hit"]
    for row in out.values():
        row["type_recall"] = ratio(row["type_hits"], row["records"])
        row["triple_recall"] = ratio(row["triple_hits"], row["records"])
    return out


def score_plover(
    records: list[GsrRecord], events_by_id: Mapping[str, list[Mapping[str, Any]]]
) -> dict[str, Any]:
    """type_recall, triple_recall, events_per_record, no_event_rate, confusion and details."""
    details = [score_record(r, list(events_by_id.get(r.id, []))) for r in records]
    n = len(records)
    n_events = sum(len(d["predicted"]) for d in details)
    return {
        "mode": "plover-gsr",
        "records": n,
        "type_recall": ratio(sum(d["type_hit"] for d in details), n),
        "triple_recall": ratio(sum(d["triple_hit"] for d in details), n),
        "events_per_record": ratio(n_events, n),
        "no_event_rate": ratio(sum(1 for d in details if not d["predicted"]), n),
        "events_predicted": n_events,
        "by_type": _by_type(details),
        "confusion": confusion_table(records, events_by_id),
        "details": details,
    }
