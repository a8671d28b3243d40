"""Statements of intent: a future act announced now is also an actual AGREE or THREATEN.

The table is data (``lexicons/events/intents.yml``); the derived event points at the future
event's evidence and names its rule ``intents.yml:<id>``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from ..lexicons import load_entries
from ..model import Event, EventType
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
                   conditional: Callable[[Event], bool]) -> list[Event]:
    """Each future, positive event with an intent entry adds an actual statement of intent;
    a conditional one ('unless', 'if') adds a THREATEN."""
    table = intent_table()
    derived: list[Event] = []
    for event in events:
        if event.modality != "future" or event.polarity != "positive" or event.type not in table:
            continue
        event_type, cameo, rule = (CONDITIONAL_THREAT if conditional(event)
                                   and event.type not in COOPERATIVE else table[event.type])
        code = lexicon.cameo_for(cameo)
        derived.append(replace(
            event,
            id=f"{event.id}-intent",
            type=event_type,
            cameo=cameo,
            mode=None,
            quad_class=code.quad_class if code else None,
            intensity=code.goldstein if code else None,
            modality="actual",
            rule=rule,
            confidence=round(event.confidence * 0.9, 3),
            evidence=list(event.evidence),
            magnitudes=dict(event.magnitudes),
        ))
    return events + derived
