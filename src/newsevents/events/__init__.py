"""The events stage: lexicon triggers in the parse become coded events with evidence."""

from __future__ import annotations

from ..pipeline import Analysis, Stage
from .anchoring import anchor_to_prior_events
from .coder import EventCoder
from .intents import derive_intents
from .lexicon import load_lexicon

__all__ = ["STAGE", "load_lexicon"]

CODER_KEY = "pipeline.coder_key"


def run(analysis: Analysis) -> None:
    lexicon = load_lexicon(analysis.options.lexicon_files)
    coder = EventCoder(analysis, lexicon, str(analysis.scratch.get(CODER_KEY, "")))
    events = coder.code()
    anchor_to_prior_events(analysis.doc, events, analysis.article.published)
    analysis.events = derive_intents(events, lexicon)


STAGE = Stage("events", run, requires=("doc", "actors", "timexes"), assigns=("events",))
