"""Tense of the clause an expression sits in, read from the existing parse.

"Saturday" is the last Saturday in "was asked on Saturday" and the next one in "will meet on
Saturday"; the parse already says which verb governs the expression and which auxiliaries it
has, so no second parse and no lexicon of sentences is needed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons.wordclasses import word_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PERFECT_AUX = frozenset({"has", "have", "had", "'s", "'ve", "'d"})
PRESENT_PERFECT_AUX = frozenset({"has", "have", "'s", "'ve", "’s", "’ve"})
VERB_POS = frozenset({"VERB", "AUX"})


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def verb_tense(verb: Token, depth: int = 0) -> str | None:
    """'past', 'future' or 'present' for a verb and its auxiliaries; None when not a verb."""
    if verb.pos_ not in VERB_POS:
        return None
    auxes = _auxiliaries(verb)
    lowers = {a.lower_ for a in auxes}
    if lowers & word_class("future_auxiliaries") or ("would" in lowers and "have" not in lowers):
        return "future"  # 'said they would meet on June 25': ahead of the report
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and lowers & PERFECT_AUX:
        return "past"
    if "to" in lowers and (verb.head.lemma_ in word_class("future_leads") or verb.head.lemma_ == "be"):
        return "future"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "amod"):
        return "past"
    if verb.tag_ in ("VB", "VBG", "VBN") and not auxes and depth < 3 and verb.head.i != verb.i:
        outer = verb_tense(verb.head, depth + 1)
        if outer is not None:
            return outer
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def is_present_perfect(verb: Token) -> bool:
    """'has declined', 'have agreed' (not 'had offered', not 'will have left')."""
    auxes = {a.lower_ for a in _auxiliaries(verb)}
    return verb.tag_ == "VBN" and bool(auxes & PRESENT_PERFECT_AUX) and not (
        auxes & word_class("future_auxiliaries"))


def governing_verb(token: Token, steps: int = 8) -> Token | None:
    """The nearest verb above a token in the dependency tree."""
    node = token
    for _ in range(steps):
        if node.pos_ in VERB_POS and node.dep_ not in ("aux", "auxpass"):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _right_after_past_speech(doc: Doc, first: int) -> bool:
    """'said on Sunday he will impose…': a date right after a past speech verb dates the
    saying, whichever verb the parser hung it on."""
    i = first - 1
    while i >= 0 and doc[i].pos_ == "ADP":
        i -= 1
    if i < 0:
        return False
    word = doc[i]
    return word.tag_ == "VBD" and word.lemma_.lower() in word_class("reported_speech_verbs")


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """Tense of the clause governing the characters start…end of the doc."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if _right_after_past_speech(doc, span.start):
        return "past"
    verb = governing_verb(span.root)
    tense = verb_tense(verb) if verb is not None else None
    if tense is None:
        tense = verb_tense(span.root.sent.root)
    return tense
