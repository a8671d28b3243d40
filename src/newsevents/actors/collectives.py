"""Collective references: 'the two countries', 'both sides', 'all three governments' stand for
the parties the article named before them.

The parties are the distinct countries of the states and state organs named last before the
reference (as many as its number word says; two for 'both', 'either', 'neither'). The
reference takes the first party's country (rule ``#collective``) and the others become its
co-actors, so an event with 'the two countries' as its source has both as sources. A reference
with fewer than two parties before it gets no country.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicons.wordclasses import word_class, word_values
from ..model import Actor
from .coder import refresh_code
from .setting import INTERNATIONAL, is_collective

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD"})
PAIR_WORDS = frozenset({"both", "either", "neither"})
DEFAULT_PARTIES = 2
RULE = "#collective"


def _party_count(actor: Actor) -> int:
    words = actor.text.lower().split()
    numbers = word_values("cardinals")
    for word in words[:3]:
        if word in numbers:
            return max(2, int(numbers[word]))
    return DEFAULT_PARTIES


PARTIES_WINDOW_CHARS = 20_000
"""How far back the parties of 'the two countries' are looked for: a long news article's
length (every dev article is under 6,500 characters); it keeps a very long text linear."""


def _parties_before(actor: Actor, latest_first: list[Actor], count: int,
                    addressers: frozenset[int] = frozenset(), doc: Doc | None = None
                    ) -> list[Actor]:
    """``latest_first``: the article's mentions by start, the latest first."""
    chosen: dict[str, Actor] = {}
    first = bisect_right(latest_first, -actor.start, key=lambda a: -a.start)
    for other in latest_first[first:]:
        if other.start < actor.start - PARTIES_WINDOW_CHARS:
            break
        if other.end > actor.start or other is actor or not other.country:
            continue
        if doc is not None and _named_as_host(doc, other):
            continue  # 'held talks in Nairobi', 'talks brokered by Qatar': hosts are no party
        if id(other) in addressers:
            continue  # 'China urged the two neighbours': China is not one of them
        if other.country in INTERNATIONAL or is_collective(other):
            continue
        if other.kind == "state" or other.sector in STATE_SECTORS:
            chosen.setdefault(other.country, other)
        if len(chosen) == count:
            break
    return sorted(chosen.values(), key=lambda a: a.start)


def _own_country(actor: Actor) -> bool:
    """'two Mexican cartels', 'two U.S. aircraft': the phrase names its own country."""
    rule = actor.rule or ""
    return actor.country is not None and "#country-in-sight" not in rule and "#setting" not in rule


def _addressers(doc: Doc | None, head: int, by_head: dict[int, Actor]) -> frozenset[int]:
    """The subjects of the verbs the reference hangs on: they speak to or act on it."""
    if doc is None:
        return frozenset()
    found: set[int] = set()
    for verb in doc[head].ancestors:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i in by_head:
                found.add(id(by_head[child.i]))
    return frozenset(found)


def resolve_collectives(actors: list[Actor], by_head: dict[int, Actor],
                        doc: Doc | None = None) -> dict[int, list[Actor]]:
    """Give each collective reference its parties; return the co-actors by head token."""
    co_actors: dict[int, list[Actor]] = {}
    latest_first = sorted(actors, key=lambda a: -a.start)
    for head, actor in by_head.items():
        if not is_collective(actor) or _own_country(actor):
            continue
        parties = _parties_before(actor, latest_first, _party_count(actor),
                                  _addressers(doc, head, by_head), doc)
        if len(parties) < 2:
            actor.country = None
            refresh_code(actor)
            continue
        actor.country = parties[0].country
        actor.rule = f"{(actor.rule or 'actors').split('#')[0]}{RULE}"  # no longer vague
        refresh_code(actor)
        co_actors[head] = [refresh_code(replace(actor, country=p.country, cluster=None))
                           for p in parties[1:]]
    return co_actors


def _named_as_host(doc: Doc, actor: Actor) -> bool:
    """A country or capital named as where something happened ('talks in Nairobi'), or as a
    go-between."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and (
        named_as_place(span.root, actor) or _named_as_mediator(span.root))


def _named_as_mediator(node: Token) -> bool:
    """'talks brokered by Qatar and Türkiye', 'Qatar, which mediated…', 'Qatar acted as
    mediator': a go-between is no party of what the parties agree (``mediation_verbs``,
    ``mediator_nouns``)."""
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    verbs = word_class("mediation_verbs")
    if node.dep_ == "pobj" and node.head.lower_ == "by":
        return node.head.head.lemma_.lower() in verbs
    if node.dep_ != "nsubj":
        return False
    verb = node.head
    return verb.lemma_.lower() in verbs or any(  # 'Qatar and Türkiye acted as mediators'
        prep.lower_ == "as" and any(o.lemma_.lower() in word_class("mediator_nouns")
                                    for o in prep.children)
        for prep in verb.children if prep.dep_ == "prep")


def named_as_place(node: Token, actor: Actor) -> bool:
    """A state named as where an act happened ('in Somalia', 'near Kharkiv'), ``node`` the
    head of its mention."""
    return actor.kind == "state" and node.dep_ == "pobj" and (
        node.head.lower_ in word_class("locative_preps"))
