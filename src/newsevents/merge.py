"""The merge stage: one event stated several times in an article becomes one event with
several evidence mentions; first-person sources inside quotes become the speaker."""

from __future__ import annotations

from .model import Actor, Event
from .pipeline import Analysis, Stage

PRECISION_RANK = {"time": 0, "day": 1, "week": 2, "month": 3, "quarter": 4, "season": 5,
                  "year": 6, "decade": 7, "century": 8}
FIRST_PERSON_RULE = "actors:first-person"


def replace_first_person(event: Event) -> None:
    """'We will never accept…', said by Sheinbaum: the source is Sheinbaum's side."""
    speaker = event.attribution.speaker
    for side in (event.source, event.target):
        for k, actor in enumerate(side):
            if actor.rule == FIRST_PERSON_RULE and speaker is not None:
                side[k] = Actor(actor.text, actor.start, actor.end, name=speaker.name,
                                kind=speaker.kind, country=speaker.country,
                                sector=speaker.sector, title=speaker.title,
                                kb_id=speaker.kb_id, rule=f"{FIRST_PERSON_RULE}#speaker",
                                cluster=speaker.cluster)
    event.source = [a for a in event.source if a.rule != FIRST_PERSON_RULE]
    event.target = [a for a in event.target if a.rule != FIRST_PERSON_RULE]


def _side_key(actors: list[Actor]) -> frozenset[str]:
    return frozenset(a.country or a.name or a.text for a in actors)


def _merge_key(event: Event) -> tuple[object, ...]:
    return (event.type, event.polarity, event.modality, _side_key(event.source),
            _side_key(event.target))


def _interval(event: Event) -> tuple[str, str] | None:
    if event.date.basis == "publication" or not event.date.earliest or not event.date.latest:
        return None
    return event.date.earliest, event.date.latest


def dates_compatible(a: Event, b: Event) -> bool:
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return True
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def _more_precise(a: Event, b: Event) -> Event:
    """The event whose date the text states most precisely."""
    def rank(e: Event) -> tuple[int, int]:
        stated = 0 if e.date.basis != "publication" else 1
        return stated, PRECISION_RANK.get(e.date.precision or "", 9)

    return a if rank(a) <= rank(b) else b


def absorb(kept: Event, other: Event) -> None:
    kept.evidence.extend(other.evidence)
    kept.date = _more_precise(kept, other).date
    kept.quote_ids = sorted(set(kept.quote_ids) | set(other.quote_ids))
    if not kept.attribution.speaker and other.attribution.speaker:
        kept.attribution = other.attribution
    kept.attribution.reported_by = sorted(
        set(kept.attribution.reported_by) | set(other.attribution.reported_by))
    kept.attribution.anonymous = kept.attribution.anonymous or other.attribution.anonymous
    kept.confidence = round(min(1.0, max(kept.confidence, other.confidence) + 0.05), 3)
    for key, value in other.magnitudes.items():
        kept.magnitudes.setdefault(key, value)
    if other.location is not None and kept.location is None:
        kept.location = other.location


def merge_events(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    for event in events:
        home = next((m for m in merged
                     if _merge_key(m) == _merge_key(event) and dates_compatible(m, event)), None)
        if home is None:
            merged.append(event)
        else:
            absorb(home, event)
    return merged


def run(analysis: Analysis) -> None:
    for event in analysis.events:
        replace_first_person(event)
    analysis.events = merge_events([e for e in analysis.events if e.source])


STAGE = Stage("merge", run, requires=("events",), assigns=("merged",))
