"""Scoring saved extractions against gold JSONL: the report of ``newsevents eval --gold``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .events import score_document_events
from .gold import GoldDocument
from .quotes import score_document_quotes
from .timexes import score_document_timexes


def ratio(numerator: int, denominator: int) -> float | None:
    """numerator / denominator rounded to 4 places, or None when undefined."""
    return round(numerator / denominator, 4) if denominator else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0


def score_document(gold: GoldDocument, extraction: Mapping[str, Any] | None) -> dict[str, Any]:
    """One document's event, quote and timex details (an absent extraction predicts nothing)."""
    extraction = extraction or {}
    text = (extraction.get("article") or {}).get("text") or ""
    detail: dict[str, Any] = {"doc": gold.doc, "coded": bool(extraction)}
    if gold.events_scored:
        detail["events"] = score_document_events(list(extraction.get("events") or []), gold.events)
    if gold.quotes:
        detail["quotes"] = score_document_quotes(list(extraction.get("quotes") or []), gold.quotes)
    if gold.timexes:
        detail["timexes"] = score_document_timexes(
            text, list(extraction.get("timexes") or []), gold.timexes
        )
    return detail


def _sum(details: list[dict[str, Any]], part: str, key: str) -> int:
    return sum(int(d[part][key]) for d in details if part in d)


def _event_totals(details: list[dict[str, Any]]) -> dict[str, Any]:
    required = _sum(details, "events", "required")
    matched = _sum(details, "events", "matched_required")
    predictions = _sum(details, "events", "predictions")
    optional = _sum(details, "events", "matched_optional")
    recall = ratio(matched, required)
    precision = ratio(matched, predictions - optional)
    return {
        "event_recall": recall,
        "event_precision": precision,
        "event_f1": f1(precision, recall),
        "events_required": required,
        "events_matched": matched,
        "events_predicted": predictions,
        "events_matched_optional": optional,
        "events_false_positives": _sum(details, "events", "false_positives"),
    }


def _quote_totals(details: list[dict[str, Any]]) -> dict[str, Any]:
    required = _sum(details, "quotes", "required")
    matched = _sum(details, "quotes", "matched_required")
    predictions = _sum(details, "quotes", "predictions")
    optional = _sum(details, "quotes", "matched_optional")
    return {
        "quote_recall": ratio(matched, required),
        "quote_precision": ratio(matched, predictions - optional),
        "speaker_accuracy": ratio(_sum(details, "quotes", "speakers_right"), matched),
        "quotes_required": required,
        "quotes_matched": matched,
        "quotes_predicted": predictions,
    }


def _timex_totals(details: list[dict[str, Any]]) -> dict[str, Any]:
    required = _sum(details, "timexes", "required")
    matched = _sum(details, "timexes", "matched_required")
    right = _sum(details, "timexes", "values_right")
    return {
        "timex_recall": ratio(matched, required),
        "timex_value_accuracy": ratio(right, matched),
        "timexes_required": required,
        "timexes_matched": matched,
        "timex_values_right": right,
    }


def score_gold(
    gold: Mapping[str, GoldDocument], extractions: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """The report: micro-averaged totals over documents, then per-document details.

    ``extractions`` maps a document id to its Extraction dict; predictions for documents the
    gold does not know are listed under ``unscored_documents``.
    """
    details = [score_document(doc, extractions.get(doc_id)) for doc_id, doc in gold.items()]
    return {
        "mode": "gold",
        "documents": len(details),
        "documents_coded": sum(1 for d in details if d["coded"]),
        **_event_totals(details),
        **_quote_totals(details),
        **_timex_totals(details),
        "unscored_documents": sorted(set(extractions) - set(gold)),
        "details": details,
    }
