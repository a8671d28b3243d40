"""Dates from other events: 'Following the terror designations, X reiterated…' happened
after the designations the article dated earlier (``basis: narrative``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import DateValue, Event

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

AFTER_WORDS = {"following", "after", "since"}
BEFORE_WORDS = {"before", "ahead", "prior"}
STEM = 5


def _trigger_token(doc: Doc, event: Event) -> Token | None:
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
            if child.dep_ in ("prep", "advcl", "advmod") and word in AFTER_WORDS | BEFORE_WORDS:
                for pobj in child.children:
                    if pobj.dep_ in ("pobj", "dobj") and pobj.pos_ == "NOUN":
                        found.append(("after" if word in AFTER_WORDS else "before", pobj))
    return found


def _prior_event(doc: Doc, noun: Token, events: list[Event], limit: int) -> Event | None:
    stem = noun.lemma_.lower()[:STEM]
    best: Event | None = None
    for event in events:
        trigger = _trigger_token(doc, event)
        if trigger is None or trigger.i >= limit or event.date.basis == "publication":
            continue
        if trigger.lemma_.lower()[:STEM] == stem:
            best = event
    return best


def anchor_to_prior_events(doc: Doc, events: list[Event], published: str | None) -> None:
    """Re-date events that fell back to the publication day when their clause names an
    earlier dated event as their anchor."""
    for event in events:
        if event.date.basis != "publication":
            continue
        token = _trigger_token(doc, event)
        if token is None:
            continue
        for relation, noun in _anchor_nouns(token):
            prior = _prior_event(doc, noun, events, noun.i)
            if prior is None or not prior.date.earliest:
                continue
            event.date = _relative_date(prior.date, relation, published, noun)
            break


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
