"""Magnitudes stated beside a trigger: dead, injured, size, amount."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons.wordclasses import word_class, word_values
from ..model import Magnitude

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

UNIT_WORDS = {"percent": "percent", "%": "percent", "$": "USD", "dollar": "USD", "euro": "EUR",
              "€": "EUR", "£": "GBP", "pound": "GBP", "yuan": "CNY", "ruble": "RUB", "peso": "MXN"}


def _number(token: Token) -> float | None:
    text = token.text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        words = word_values("count_words")
        return float(words[token.lower_]) if token.lower_ in words else None


def _value(token: Token) -> tuple[float, int, int] | None:
    """The number a NUM token stands for, with a following scale word ('25 million')."""
    value = _number(token)
    if value is None:
        return None
    end = token.i + 1
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    scale = word_values("scale_words")
    if nxt is not None and nxt.lower_ in scale:
        value *= scale[nxt.lower_]
        end += 1
    return value, token.i, end


def _clean(value: float) -> float | int:
    return int(value) if value.is_integer() else value


def _magnitude(token: Token, value: float, start: int, end: int, unit: str | None = None
               ) -> Magnitude:
    span = token.doc[start:end]
    return Magnitude(_clean(value), span.start_char, span.end_char, unit=unit, text=span.text)


def find_magnitudes(trigger: Token, sent: Span) -> dict[str, Magnitude | None]:
    """Numbers in the trigger's sentence tied to deaths, injuries, crowd size or amounts."""
    found: dict[str, Magnitude | None] = {}
    trigger_lemma = trigger.lemma_.lower()
    people, dead, injured = (word_class(name) for name in
                             ("people_words", "dead_words", "injured_words"))
    for token in sent:
        if token.like_num is False or token.pos_ != "NUM":
            continue
        parsed = _value(token)
        if parsed is None:
            continue
        value, start, end = parsed
        noun = token.head
        noun_lemma = noun.lemma_.lower()
        verb = noun.head.lemma_.lower() if noun.dep_ in ("dobj", "nsubjpass", "nsubj") else ""
        unit = _unit(token)
        if unit is not None and "amount" not in found:
            found["amount"] = _magnitude(token, value, min(start, _unit_start(token)), end, unit)
        elif noun_lemma in people and (verb in dead or (trigger_lemma in dead
                                                        and noun.head.i == trigger.i)):
            found.setdefault("dead", _magnitude(token, value, start, end))
        elif noun_lemma in people and verb in injured:
            found.setdefault("injured", _magnitude(token, value, start, end))
        elif noun_lemma in dead:
            found.setdefault("dead", _magnitude(token, value, start, end))
        elif noun_lemma in word_class("size_words") and "size" not in found:
            found["size"] = _magnitude(token, value, start, end)
    return found


def _unit(token: Token) -> str | None:
    doc = token.doc
    for k in (token.i + 1, token.i + 2, token.i - 1):
        if 0 <= k < len(doc):
            unit = UNIT_WORDS.get(doc[k].lemma_.lower()) or UNIT_WORDS.get(doc[k].text)
            if unit is not None:
                return unit
    return None


def _unit_start(token: Token) -> int:
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].text in UNIT_WORDS:
        return token.i - 1
    return token.i
