"""Dates from other events: 'Following the terror designations, X reiterated…' happened
after the designations the article dated earlier (``basis: narrative``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons.wordclasses import word_class
from ..model import DateValue, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

STEM = 5


def _anchor_words() -> frozenset[str]:
    """'after', 'following', 'before', 'ahead' … (lexicons/grammar/function_words.yml)."""
    return word_class("after_words") | word_class("before_words")


def trigger_token(doc: Doc, event: Event) -> Token | None:
    trigger = event.evidence[0].trigger
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return span[-1] if span is not None and len(span) else None


def _anchor_nouns(token: Token) -> list[tuple[str, Token]]:
    """(after|before, noun) for 'following/after/before the <noun>' on the trigger's clause."""
    found: list[tuple[str, Token]] = []
    clause = [token]
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and len(clause) < 4:
        node = node.head
        clause.append(node)
    clause += [c for c in node.children if c.dep_ == "advcl"]
    for node in clause:
        for child in node.children:
            word = child.lower_
            if child.dep_ in ("prep", "advcl", "advmod") and word in _anchor_words():
                for pobj in child.children:
                    if pobj.dep_ in ("pobj", "dobj") and pobj.pos_ == "NOUN":
                        after = word in word_class("after_words")
                        found.append(("after" if after else "before", pobj))
    return found


def _prior_date(doc: Doc, noun: Token, events: list[Event], dates: list[DateValue],
                limit: int) -> DateValue | None:
    """The date of the last event before ``limit`` whose trigger shares the noun's stem."""
    stem = noun.lemma_.lower()[:STEM]
    best: DateValue | None = None
    for event, dated in zip(events, dates, strict=True):
        trigger = trigger_token(doc, event)
        if trigger is None or trigger.i >= limit or dated.basis == "publication":
            continue
        if trigger.lemma_.lower()[:STEM] == stem:
            best = dated
    return best


def narrative_dates(doc: Doc, events: list[Event], published: str | None) -> list[DateValue]:
    """Each event's date, re-dated from an earlier dated event when it fell back to the
    publication day and its clause names that event as its anchor."""
    dates = [event.date for event in events]
    for k, event in enumerate(events):
        if dates[k].basis != "publication":
            continue
        token = trigger_token(doc, event)
        if token is None:
            continue
        for relation, noun in _anchor_nouns(token):
            prior = _prior_date(doc, noun, events, dates, noun.i)
            if prior is None or not prior.earliest:
                continue
            dates[k] = _relative_date(prior, relation, published, noun)
            break
    return dates


def _relative_date(prior: DateValue, relation: str, published: str | None, noun: Token
                   ) -> DateValue:
    if relation == "after":
        earliest, latest = prior.earliest, published or prior.latest
    else:
        earliest, latest = None, prior.earliest
    year = (earliest or latest or "")[:4] or None
    span_text = noun.doc[noun.left_edge.i : noun.i + 1].text
    return DateValue(year, "year" if year else None, earliest, latest, text=span_text,
                     basis="narrative", start=noun.idx, end=noun.idx + len(noun),
                     reason=f"{relation} an event dated earlier in the article")
