"""States the text describes instead of naming: 'the South American country', 'the Andean
nation', 'the landlocked West African state'.

A description with region words (``lexicons/actors/regions.yml``: adjectives and member
countries) stands for a state of that region the article named before it: the last one that
was the topic of its clause (its subject, or the possessor of its subject: "Ecuador's
ministry criticised Colombia's curbs. The Andean nation said…" is Ecuador), else the last one
named at all, else the first it names after it. A description avoids repeating a name, so a
state named in the description's own sentence is no candidate when another is. Several
region words narrow the members together ('landlocked' and 'West African'). A description
of a region the article names no state of gets no country.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Actor
from .coder import refresh_code
from .regions import region_members

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

DESCRIPTION_RULE = "actors:country-noun"


def _named_states(actors: list[Actor]) -> list[Actor]:
    return [a for a in actors if a.country and a.kind == "state"
            and not (a.rule or "").startswith(DESCRIPTION_RULE)]


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _is_topic(doc: Doc, actor: Actor) -> bool:
    """The state is its clause's subject, or the possessor or modifier of the subject."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head: Token = span.root
    while head.dep_ in ("poss", "compound", "amod", "case") and head.head is not head:
        head = head.head
    return head.dep_ in SUBJECT_DEPS


def _sentence_bounds(doc: Doc, actor: Actor) -> tuple[int, int]:
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return actor.start, actor.end
    sent = span.sent
    return sent.start_char, sent.end_char


def _referent(doc: Doc, actor: Actor, named: list[Actor], members: frozenset[str]
              ) -> Actor | None:
    start, end = _sentence_bounds(doc, actor)
    candidates = [a for a in named if a.country in members]
    elsewhere = [a for a in candidates if not start <= a.start < end]
    if elsewhere:
        candidates = elsewhere
    before = [a for a in candidates if a.end <= actor.start]
    topics = [a for a in before if _is_topic(doc, a)]
    if topics:
        return topics[-1]
    if before:
        return before[-1]
    after = [a for a in candidates if a.start >= actor.end]
    return after[0] if after else None


def resolve_descriptions(actors: list[Actor], doc: Doc) -> None:
    """Give each regional description the country of the state of its region it refers to."""
    named = sorted(_named_states(actors), key=lambda a: a.start)
    for actor in actors:
        if not (actor.rule or "").startswith(DESCRIPTION_RULE):
            continue
        members = region_members(actor.text)
        if members is None:
            continue
        chosen = _referent(doc, actor, named, members)
        actor.country = chosen.country if chosen is not None else None
        base = (actor.rule or DESCRIPTION_RULE).split("#")[0]
        actor.rule = f"{base}#region" if chosen is not None else f"{base}#vague"
        refresh_code(actor)
