"""Statements of intent: a future act announced now is also an actual AGREE or THREATEN.

The table is data (``lexicons/events/intents.yml``); the derived event points at the future
event's evidence and names its rule ``intents.yml:<id>``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import lru_cache

from ..lexicons import load_entries
from ..model import DateValue, Event, EventType
from .lexicon import EventLexicon, plover_type

INTENT_FILE = "events/intents.yml"


@lru_cache(maxsize=1)
def intent_table() -> dict[str, tuple[EventType, str, str]]:
    """from-type → (type, cameo, rule)."""
    return {
        str(e["from"]): (plover_type(e), str(e["cameo"]), f"{e['_file']}:{e['id']}")
        for e in load_entries(INTENT_FILE)
    }


CONDITIONAL_THREAT: tuple[EventType, str, str] = ("THREATEN", "130", "intents:conditional")
COOPERATIVE = {"AID", "COOPERATE", "CONSULT", "SUPPORT", "CONCEDE", "AGREE"}
"""'…would meet the mediator if…' is a conditional offer (AGREE), not a threat."""
"""'X will withdraw its force unless Y…': a conditional announcement is a threat."""


def derive_intents(events: list[Event], lexicon: EventLexicon,
                   conditional: Callable[[Event], bool],
                   announced: Callable[[Event], bool],
                   stated_on: Callable[[Event], DateValue]) -> list[Event]:
    """A future, positive act that a speaker announces ('said they would boycott') or makes
    conditional ('unless', 'if') is coded as the statement of intent it is (an actual AGREE
    or THREATEN) instead of the act; a plan the text narrates ('the tariff will take effect on
    August 1') stays the future act. One measure is never two events."""
    table = intent_table()
    coded: list[Event] = []
    for event in events:
        coding = _intent_coding(event, table, conditional, announced)
        coded.append(event if coding is None else _intent(event, lexicon, coding,
                                                           stated_on(event)))
    return coded


def _intent_coding(event: Event, table: Mapping[str, tuple[EventType, str, str]],
                   conditional: Callable[[Event], bool], announced: Callable[[Event], bool]
                   ) -> tuple[EventType, str, str] | None:
    """A conditional hostile act is a threat whatever its type ('will impose tariffs unless
    …'); an announced one is the statement the table names, and a type the table leaves out
    stays the future act ('said it would impose a levy': a future SANCTION)."""
    if event.modality != "future" or event.polarity != "positive":
        return None
    if conditional(event):
        return CONDITIONAL_THREAT if event.type not in COOPERATIVE else table.get(event.type)
    return table.get(event.type) if announced(event) else None


def _intent(event: Event, lexicon: EventLexicon, coding: tuple[EventType, str, str],
            stated: DateValue) -> Event:
    event_type, cameo, rule = coding
    code = lexicon.cameo_for(cameo)
    return replace(
        event,
        id=f"{event.id}-intent",
        type=event_type,
        cameo=cameo,
        mode=None,
        quad_class=code.quad_class if code else None,
        intensity=code.goldstein if code else None,
        modality="actual",
        date=stated,
        rule=rule,
        confidence=round(event.confidence * 0.9, 3),
        evidence=list(event.evidence),
        magnitudes=dict(event.magnitudes),
    )
