"""The events stage: lexicon triggers in the parse become coded events with evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Event
from ..pipeline import Analysis, Stage
from .anchoring import anchor_to_prior_events
from .coder import EventCoder
from .intents import derive_intents, intent_table

if TYPE_CHECKING:
    from spacy.language import Language

    from ..config import Options
from .lexicon import load_lexicon

__all__ = ["STAGE", "load_lexicon"]

CODER_KEY = "pipeline.coder_key"


def run(analysis: Analysis) -> None:
    lexicon = load_lexicon(analysis.options.lexicon_files)
    coder = EventCoder(analysis, lexicon, str(analysis.scratch.get(CODER_KEY, "")))
    events = coder.code()
    anchor_to_prior_events(analysis.doc, events, analysis.article.published)
    analysis.events = derive_intents(events, lexicon, lambda e: is_conditional(analysis, e))


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


STAGE = Stage("events", run, requires=("doc", "actors", "timexes"), assigns=("events",),
              setup=setup)
