"""The events stage: lexicon triggers in the parse become coded events with evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Event
from ..stage import Analysis, Stage
from .coder import EventCoder
from .dating import with_narrative_dates
from .intents import derive_intents, intent_table

if TYPE_CHECKING:
    from spacy.language import Language

    from ..config import Options
from .lexicon import load_lexicon

__all__ = ["STAGE", "load_lexicon"]

def run(analysis: Analysis) -> dict[str, object]:
    lexicon = load_lexicon(analysis.options.lexicon_files)
    coder = EventCoder(analysis, lexicon, analysis.coder_key)
    events = with_narrative_dates(analysis, coder.code())
    return {"mentions": derive_intents(events, lexicon, lambda e: is_conditional(analysis, e))}


def is_conditional(analysis: Analysis, event: Event) -> bool:
    """The trigger governs an 'unless'/'if' clause."""
    trigger = event.evidence[0].trigger
    span = analysis.doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if")
                                         for m in c.children) for c in span[-1].children)


def setup(nlp: Language, options: Options) -> None:
    load_lexicon(options.lexicon_files)
    intent_table()


STAGE = Stage("events", run,
              requires=("doc", "published", "coder_key", "actors", "actor_index", "timex_records"),
              assigns=("mentions",), setup=setup)
