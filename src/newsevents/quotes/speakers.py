"""Speakers: the noun phrase of a cue's subject, as a full Actor from the actors stage.

The actors stage codes every mention (names, titles, pronouns resolved to the named actor) and
``actor_for_span`` looks one up. Where it has no mention for a span (or has not run), a small
*fallback* builds the Actor from spaCy's entities: surnames expand to the full name seen
elsewhere in the article, and a pronoun or a role noun ("the Mexican president") takes the
nearest person before it. The fallback knows no countries or sectors.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicons.wordclasses import word_class
from ..model import Actor, ActorKind
from .context import Context

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_NP_DEPS = frozenset({"compound", "flat", "amod", "nmod"})
_RESOLVED_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
_ENTITY_KINDS: dict[str, ActorKind] = {
    "PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}


def noun_phrase(ctx: Context, token: Token) -> Span:
    """The noun phrase headed by ``token`` (its left dependents and the compounds it heads)."""
    head = token
    while head.dep_ in _NP_DEPS and head.head.i != head.i and head.head.i > head.i:
        head = head.head
    start = head.left_edge.i
    while start < head.i and (
        ctx.doc[start].is_punct
        or ctx.doc[start].is_space
        or ctx.quote_at(ctx.doc[start].idx) is not None
    ):
        start += 1
    return ctx.doc[start : head.i + 1]


def subject_of(token: Token) -> Token | None:
    """The grammatical subject of a cue verb, climbing through conjoined or adverbial verbs;
    else the noun right before the verb. Never one from another paragraph."""
    verb: Token | None = token
    for _ in range(3):
        if verb is None:
            break
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects[0] if _same_paragraph(subjects[0], token) else _noun_before(token)
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
            verb = verb.head
        else:
            break
    return _noun_before(token)


def _same_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return not any("\n" in t.text for t in a.doc[lo:hi])


def _noun_before(token: Token) -> Token | None:
    """ "The government says …" misparsed: the noun just before the cue (adverbs skipped)."""
    i = token.i - 1
    while i >= 0 and token.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    if i >= 0 and token.doc[i].pos_ in ("NOUN", "PROPN"):
        return token.doc[i]
    return None


def with_appositive(span: Span) -> Span:
    """ "the newspaper's editor, Gabor Nemeth": the named appositive."""
    for child in span.root.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child.doc[child.left_edge.i : child.i + 1]
    return span


def speaker_actor(ctx: Context, span: Span) -> Actor:
    """The Actor for the speaker's noun phrase."""
    span = with_appositive(span)
    actor = _from_actor_stage(ctx, span.start_char, span.end_char)
    if actor is not None and actor.name:
        return actor
    described = described_span(span)
    named = _named_person_within(ctx, described)
    if named is not None:
        return named  # 'a spokesman for the junta, Colonel Amadou Abdramane'
    if actor is not None and (actor.country or actor.sector):
        # 'a spokesman for the Indian foreign ministry': coded, but with no proper name
        start = described.start + (1 if described[0].dep_ == "det" else 0)
        return replace(actor, name=span.doc[start : described.end].text)
    return fallback_actor(ctx, span)


def _named_person_within(ctx: Context, span: Span) -> Actor | None:
    """The last named person in apposition inside the speaker's phrase ('a spokesman for the
    junta, Colonel Amadou Abdramane'), never the one the speaker speaks for ('a spokesman
    for Prime Minister Narendra Modi')."""
    inside = [a for a in ctx.analysis.actors
              if a.kind == "person" and a.name and span.start_char <= a.start
              and a.end <= span.end_char and _in_apposition(ctx, a)]
    return max(inside, key=lambda a: a.start) if inside else None


def _in_apposition(ctx: Context, actor: Actor) -> bool:
    mention = ctx.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return mention is not None and len(mention) > 0 and mention.root.dep_ == "appos"


def described_span(span: Span) -> Span:
    """The speaker's phrase with its 'for/of/at' complement ('a spokesman for the ministry')."""
    end = span.end
    for child in span.root.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
            end = max(end, child.right_edge.i + 1)
    return span.doc[span.start : end]


def _from_actor_stage(ctx: Context, start: int, end: int) -> Actor | None:
    if not ctx.analysis.actors:
        return None
    from ..actors import actor_for_span

    return actor_for_span(ctx.analysis, start, end)


# ---- fallback: used only where the actors stage has no mention for the span -------------


def fallback_actor(ctx: Context, span: Span) -> Actor:
    """A minimal Actor from spaCy's entities (FALLBACK: no country, no sector)."""
    head = span.root
    start, end = span.start_char, span.end_char
    if head.lower_ in _RESOLVED_PRONOUNS or (
        head.lower_ in word_class("role_nouns") and span[0].lower_ == "the" and head.tag_ == "NN"
    ):
        previous = nearest_person(ctx, start)
        if previous is not None:
            return replace(previous, text=span.text, start=start, end=end, rule="quotes:fallback")
        return Actor(span.text, start, end, rule="quotes:fallback")
    name, kind = _name_and_kind(ctx, span)
    return Actor(span.text, start, end, name=name, kind=kind, rule="quotes:fallback")


def _full_names(ctx: Context) -> dict[str, str]:
    """Surname → the longest PERSON name ending with it (fallback)."""
    cached = ctx.cache.get("full_names")
    if cached is None:
        cached = {}
        for ent in ctx.doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                last = ent[-1].text
                if len(ent.text) > len(cached.get(last, "")):
                    cached[last] = ent.text
        ctx.cache["full_names"] = cached
    return dict(cached)


def _name_and_kind(ctx: Context, span: Span) -> tuple[str, ActorKind | None]:
    full = _full_names(ctx)
    ents = sorted(span.ents, key=lambda e: (e.label_ != "PERSON", -len(e)))
    for ent in ents:
        if not ent.start <= span.root.i < ent.end:
            continue
        if ent[-1].text in full:
            return full[ent[-1].text], "person"
        if ent.label_ in _ENTITY_KINDS:
            return ent.text, _ENTITY_KINDS[ent.label_]
    if span[-1].text in full:
        return full[span[-1].text], "person"
    return span.text, None


def _person_mentions(ctx: Context) -> tuple[list[int], list[Actor]]:
    """Person mentions outside quotes, sorted by end (from the actors stage, else entities)."""
    cached = ctx.cache.get("person_mentions")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    mentions: list[Actor] = [
        a
        for a in ctx.analysis.actors
        if a.kind == "person" and a.name and ctx.quote_at(a.start) is None
    ]
    if not ctx.analysis.actors:
        full = _full_names(ctx)
        for ent in ctx.doc.ents:
            if (ent.label_ == "PERSON" or ent[-1].text in full) and ctx.quote_at(
                ent.start_char
            ) is None:
                name = full.get(ent[-1].text, ent.text)
                mentions.append(
                    Actor(
                        ent.text,
                        ent.start_char,
                        ent.end_char,
                        name=name,
                        kind="person",
                        rule="quotes:fallback",
                    )
                )
    mentions.sort(key=lambda a: a.end)
    result = ([a.end for a in mentions], mentions)
    ctx.cache["person_mentions"] = result
    return result


def nearest_person(ctx: Context, offset: int) -> Actor | None:
    """The person mentioned (or quoted) last before ``offset``, outside quotes."""
    ends, mentions = _person_mentions(ctx)
    i = bisect_right(ends, offset) - 1
    best = mentions[i] if i >= 0 else None
    for speaker in reversed(ctx.speakers):
        if speaker.end <= offset and speaker.kind == "person" and speaker.name:
            if best is None or speaker.end > best.end:
                best = speaker
            break
    return best
