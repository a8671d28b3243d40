"""Event specs for the wire-style tests: must-have and must-not-have events, compactly.

A spec: ``{"type": "ASSAULT", "source": "SOM:REB", "target": "SOM:MIL", "modality": "actual",
"date": "2025-03-04"}``; see tests/events/test_real_news_phenomena.py for every key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsevents.model import Event
from newsevents.stage import Analysis

Analyse = Callable[..., Analysis]
Spec = dict[str, Any]


# Matching helpers


def _actor_ok(actor: Any, spec: str) -> bool:
    if spec.startswith("@"):
        word = spec[1:].lower()
        return word in (getattr(actor, "name", None) or "").lower() or \
            word in (getattr(actor, "text", None) or "").lower()
    country, _, sector = spec.partition(":")
    if country not in ("*", "") and actor.country != country:
        return False
    return not sector or actor.sector == sector


def _side_ok(actors: list[Any], spec: str | None) -> bool:
    return spec is None or any(_actor_ok(a, spec) for a in actors)


def _matches(e: Event, spec: Spec) -> bool:
    kind = spec.get("type")
    if kind is not None:
        kinds = (kind,) if isinstance(kind, str) else tuple(kind)
        if e.type not in kinds:
            return False
    if not _side_ok(e.source, spec.get("source")) or not _side_ok(e.target, spec.get("target")):
        return False
    both = list(e.source) + list(e.target)
    if "side" in spec and not _side_ok(both, spec["side"]):
        return False
    if any(not _side_ok(both, p) for p in spec.get("parties", [])):
        return False
    for key in ("modality", "polarity"):
        if key in spec and getattr(e, key) != spec[key]:
            return False
    value = e.date.value if e.date is not None else None
    if "date" in spec and not (value or "").startswith(spec["date"]):
        return False
    if "date_after" in spec and not (value and value[:10] > spec["date_after"]):
        return False
    if "trigger" in spec and spec["trigger"].lower() not in _trigger(e).lower():
        return False
    if "location" in spec:
        loc = e.location
        if loc is None or getattr(loc, "country", None) != spec["location"]:
            return False
    return True


def _trigger(e: Event) -> str:
    return e.evidence[0].trigger.text if e.evidence else ""


def _actors(actors: list[Any]) -> str:
    return ",".join(f"{a.country or '-'}:{a.sector or '-'}({a.name or a.text})" for a in actors) or "∅"


def _show(events: list[Event]) -> str:
    lines = [f"  {e.type:<9} {_actors(e.source)} -> {_actors(e.target)}  {e.modality}/{e.polarity}"
             f"  {e.date.value if e.date else None}  [{_trigger(e)}]" for e in events]
    return "\n".join(lines) or "  (no events)"



def check_events(analyse: Analyse, text: str, published: str, must: list[Spec],
                 must_not: list[Spec]) -> None:
    """Assert the must-have events are coded (at most ``max`` times) and no must-not one is."""
    events = list(analyse(text, published=published).events)
    problems: list[str] = []
    for spec in must:
        hits = [e for e in events if _matches(e, spec)]
        if not hits:
            problems.append(f"missing  {spec}")
        elif "max" in spec and len(hits) > spec["max"]:
            problems.append(f"{len(hits)} events for one  {spec}")
    for spec in must_not:
        hits = [e for e in events if _matches(e, spec)]
        if hits:
            problems.append(f"unwanted {spec}:\n{_show(hits)}")
    assert not problems, "\n".join(problems) + "\npredicted:\n" + _show(events)
