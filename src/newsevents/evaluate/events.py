"""Event scoring: the match predicate of spec/gold-format.md, one-to-one per document."""

from __future__ import annotations

from typing import Any

from .dates import overlaps, record_interval
from .gold import as_list, split_required
from .matching import match_required_then_optional


def actor_fits(actors: Any, gold_side: dict[str, Any]) -> bool:
    """Some actor has the gold `country` (where given) and one of its `sector`s (where given)."""
    country = gold_side.get("country")
    sectors = {str(s).upper() for s in as_list(gold_side.get("sector"))}
    for actor in actors or []:
        if not isinstance(actor, dict):
            continue
        if country and (actor.get("country") or "").upper() != str(country).upper():
            continue
        if sectors and (actor.get("sector") or "").upper() not in sectors:
            continue
        return True
    return False


def date_fits(prediction: dict[str, Any], gold_date: Any) -> bool:
    """The prediction's date interval overlaps the gold interval (no gold date: anything goes)."""
    gold_interval = record_interval(gold_date)
    if gold_interval is None:
        return True
    predicted = record_interval(prediction.get("date"))
    return predicted is not None and overlaps(predicted, gold_interval)


def event_matches(prediction: dict[str, Any], gold: dict[str, Any]) -> bool:
    """True when a predicted event (Event.to_dict() shape) matches a gold event record."""
    return not event_mismatch(prediction, gold)


def event_mismatch(prediction: dict[str, Any], gold: dict[str, Any]) -> str | None:
    """The first reason a prediction fails to match a gold event, or None when it matches."""
    if prediction.get("type") not in as_list(gold.get("types")):
        return "type"
    for side in ("source", "target"):
        gold_side = gold.get(side)
        if isinstance(gold_side, dict) and not actor_fits(prediction.get(side), gold_side):
            return side
    if gold.get("date") and not date_fits(prediction, gold["date"]):
        return "date"
    modality = as_list(gold.get("modality"))
    if modality and prediction.get("modality", "actual") not in modality:
        return "modality"
    polarity = as_list(gold.get("polarity"))
    if polarity and prediction.get("polarity", "positive") not in polarity:
        return "polarity"
    return None


def actor_label(actors: Any) -> str:
    """Short label of an actor list for reports: ``MEXGOV Claudia Sheinbaum; USA``."""
    labels = []
    for actor in actors or []:
        if not isinstance(actor, dict):
            continue
        code = f"{actor.get('country') or '---'}{actor.get('sector') or ''}"
        name = actor.get("name") or actor.get("text") or ""
        labels.append(f"{code} {name}".strip())
    return "; ".join(labels)


def describe_prediction(prediction: dict[str, Any]) -> dict[str, Any]:
    """The fields a reader needs to see why a prediction was (not) matched."""
    evidence = prediction.get("evidence") or [{}]
    trigger = (evidence[0] or {}).get("trigger") or {}
    date = prediction.get("date") or {}
    return {
        "id": prediction.get("id"),
        "type": prediction.get("type"),
        "source": actor_label(prediction.get("source")),
        "target": actor_label(prediction.get("target")),
        "trigger": trigger.get("text"),
        "date": date.get("value"),
        "modality": prediction.get("modality"),
        "rule": prediction.get("rule"),
    }


def describe_gold(gold: dict[str, Any]) -> dict[str, Any]:
    def side(key: str) -> str:
        value = gold.get(key)
        if not isinstance(value, dict):
            return ""
        sectors = "/".join(as_list(value.get("sector")))
        return f"{value.get('country') or '---'}{sectors}" + (
            f" {value['name']}" if value.get("name") else ""
        )

    return {
        "id": gold.get("id"),
        "types": as_list(gold.get("types")),
        "source": side("source"),
        "target": side("target"),
        "note": gold.get("note"),
    }


def closest_reason(gold: dict[str, Any], predictions: list[dict[str, Any]]) -> str:
    """Why a missed gold event matched nothing: the furthest any prediction of its type got."""
    order = ["type", "source", "target", "date", "modality", "polarity"]
    best = "no prediction"
    best_rank = -1
    for prediction in predictions:
        reason = event_mismatch(prediction, gold)
        if reason is None:
            return "taken by another gold event"
        rank = order.index(reason)
        if rank > best_rank:
            best_rank, best = rank, f"{reason} differs" if rank else "no prediction of its types"
    return best


def score_document_events(
    predictions: list[dict[str, Any]], gold_events: list[dict[str, Any]]
) -> dict[str, Any]:
    """Counts and details of one document's events."""
    required, optional = split_required(gold_events)
    to_required, to_optional = match_required_then_optional(
        predictions, required, optional, event_matches
    )
    matched_required = {j: i for i, j in to_required.items()}
    return {
        "required": len(required),
        "matched_required": len(to_required),
        "predictions": len(predictions),
        "matched_optional": len(to_optional),
        "false_positives": len(predictions) - len(to_required) - len(to_optional),
        "matches": [
            {"gold": required[j].get("id"), "prediction": predictions[i].get("id"),
             "required": True}
            for i, j in sorted(to_required.items())
        ] + [
            {"gold": optional[j].get("id"), "prediction": predictions[i].get("id"),
             "required": False}
            for i, j in sorted(to_optional.items())
        ],
        "misses": [
            {**describe_gold(g), "reason": closest_reason(g, predictions)}
            for j, g in enumerate(required)
            if j not in matched_required
        ],
        "false_positive_events": [
            describe_prediction(p)
            for i, p in enumerate(predictions)
            if i not in to_required and i not in to_optional
        ],
    }
