"""The events stage: lexicon triggers in the parse become coded events with evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons.wordclasses import word_class
from ..model import Event
from ..stage import Analysis, Stage
from .anchoring import trigger_token
from .coder import EventCoder
from .dating import statement_date, with_narrative_dates
from .intents import derive_intents, intent_table

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

    from ..config import Options
from .lexicon import load_lexicon

__all__ = ["STAGE", "load_lexicon"]

def run(analysis: Analysis) -> dict[str, object]:
    lexicon = load_lexicon(analysis.options.lexicon_files)
    coder = EventCoder(analysis, lexicon, analysis.coder_key)
    events = with_narrative_dates(analysis, coder.code())
    return {"mentions": derive_intents(events, lexicon, lambda e: is_conditional(analysis, e),
                                       lambda e: is_announced(analysis, e),
                                       lambda e: statement_date(analysis, announcing_verb(
                                           analysis, e)))}


CLAUSE_DEPS = ("xcomp", "conj", "aux", "ccomp", "dobj", "pobj", "prep", "acl")


def is_announced(analysis: Analysis, event: Event) -> bool:
    """The trigger's clause is what a speaker says ('said they would boycott', '"We will
    retaliate," he said', 'X will provide aid, the agency said'): the clause hangs as a
    complement on a speech verb, or has one beside it."""
    return announcing_verb(analysis, event) is not None


def announcing_verb(analysis: Analysis, event: Event) -> Token | None:
    """The speech verb whose complement (or parataxis) the trigger's clause is."""
    speech = word_class("reported_speech_verbs")
    node = trigger_token(analysis.doc, event)
    for _ in range(5):
        if node is None:
            return None
        for child in node.children:
            if child.dep_ == "parataxis" and child.lemma_.lower() in speech:
                return child
        if node.dep_ not in CLAUSE_DEPS or node.head.i == node.i:
            return None
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in speech:
            return node.head
        node = node.head
    return None


def is_conditional(analysis: Analysis, event: Event) -> bool:
    """The trigger governs an 'unless'/'if' clause."""
    token = trigger_token(analysis.doc, event)
    if token is None:
        return False
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if")
                                         for m in c.children) for c in token.children)


def setup(nlp: Language, options: Options) -> None:
    load_lexicon(options.lexicon_files)
    intent_table()


STAGE = Stage("events", run,
              requires=("doc", "published", "coder_key", "actors", "actor_index", "timex_records"),
              assigns=("mentions",), setup=setup)
