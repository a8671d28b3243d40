"""Timex scoring: gold spans found by text and occurrence, values judged by interval or value."""

from __future__ import annotations

from typing import Any

from .dates import inside_widened, record_interval
from .gold import is_required
from .matching import match_items

Span = tuple[int, int]


def gold_span(text: str, gold: dict[str, Any]) -> Span | None:
    """The ``occurrence``-th (1-based) occurrence of the gold ``text``, case-sensitive."""
    needle = gold.get("text")
    if not isinstance(needle, str) or not needle:
        return None
    occurrence = int(gold.get("occurrence") or 1)
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start == -1:
            return None
    return start, start + len(needle)


def spans_overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def value_right(prediction: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Inside the gold interval widened by one day where it gives one, else equal ``value``."""
    if gold.get("earliest") or gold.get("latest"):
        gold_interval = record_interval(gold)
        predicted = record_interval(prediction)
        if gold_interval is not None:
            return predicted is not None and inside_widened(predicted, gold_interval, days=1)
    return prediction.get("value") is not None and prediction.get("value") == gold.get("value")


def _predicted_span(prediction: dict[str, Any]) -> Span | None:
    start, end = prediction.get("start"), prediction.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return start, end
    return None


def score_document_timexes(
    text: str, predictions: list[dict[str, Any]], gold_timexes: list[dict[str, Any]]
) -> dict[str, Any]:
    """Counts and details of one document's timexes; value accuracy over matched required ones."""
    located = [(g, gold_span(text, g)) for g in gold_timexes]
    not_found = [g.get("id") for g, span in located if span is None]
    required = [(g, s) for g, s in located if is_required(g) and s is not None]
    optional = [(g, s) for g, s in located if not is_required(g) and s is not None]
    n_required = sum(1 for g in gold_timexes if is_required(g))

    def overlaps(prediction: dict[str, Any], item: tuple[dict[str, Any], Span]) -> bool:
        span = _predicted_span(prediction)
        return span is not None and spans_overlap(span, item[1])

    to_required = match_items(predictions, required, overlaps)
    matched = {j: i for i, j in to_required.items()}
    rights = {j: value_right(predictions[i], required[j][0]) for i, j in to_required.items()}
    return {
        "required": n_required,
        "matched_required": len(to_required),
        "values_right": sum(rights.values()),
        "predictions": len(predictions),
        "gold_text_not_found": not_found,
        "optional_located": len(optional),
        "wrong_values": [
            {"id": required[j][0].get("id"), "text": required[j][0].get("text"),
             "expected": required[j][0].get("value"),
             "expected_interval": [required[j][0].get("earliest"), required[j][0].get("latest")],
             "predicted": predictions[i].get("value"),
             "predicted_interval": [predictions[i].get("earliest"), predictions[i].get("latest")]}
            for i, j in sorted(to_required.items())
            if not rights[j]
        ],
        "misses": [
            {"id": g.get("id"), "text": g.get("text"), "occurrence": g.get("occurrence", 1),
             "value": g.get("value")}
            for j, (g, _) in enumerate(required)
            if j not in matched
        ],
    }
