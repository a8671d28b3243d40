"""Speakers: the noun phrase of a cue's subject, as a full Actor from the actors stage.

The actors stage codes every mention (names, titles, pronouns resolved to the named actor) and
``actor_for_span`` looks one up. The phrase is read first (``phrase.py``): a named apposition
names the speaker ("the union's secretary-general, Erick Mwangi"), never a description in
apposition to a name ("Sen. Maria Delgado, a Democrat"); a mention that covers only a modifier
of the phrase's head ("the United Nations human rights office", "her family") is not the
speaker: the phrase is, with the modifier's country and sector. Where the actors stage has no
mention for a span (or has not run), a small *fallback* builds the Actor from spaCy's entities:
surnames expand to the full name seen elsewhere in the article, and a pronoun or a role noun
("the Mexican president") takes the nearest person before it. The fallback knows no countries
or sectors. Who a pronoun, a document or a description stands for is ``discourse.py``'s.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicons.wordclasses import word_class
from ..model import Actor, ActorKind
from .context import Context
from .phrase import (
    described_span,
    display_name,
    in_dateline,
    name_extension,
    noun_phrase,
    strip_article,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "described_span",
    "fallback_actor",
    "nearest_person",
    "noun_phrase",
    "speaker_actor",
    "subject_of",
    "with_appositive",
]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_RESOLVED_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them"})
_ENTITY_KINDS: dict[str, ActorKind] = {
    "PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}
_NAME_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "FAC"})
_INDEFINITE = frozenset({"a", "an", "another", "one"})


def subject_of(token: Token) -> Token | None:
    """The grammatical subject of a cue verb, climbing through conjoined or adverbial verbs;
    else the noun right before the verb. Never one from another paragraph."""
    verb: Token | None = token
    for _ in range(3):
        if verb is None:
            break
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if len(subjects) > 1 or (subjects and subjects[0].text.isupper()):
            subjects = [c for c in subjects if not in_dateline(c)]  # 'KHARTOUM, Feb 4 (Wire) –'
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


def is_name(token: Token) -> bool:
    """A proper name (an entity), not a description such as 'Democrat'."""
    return token.pos_ == "PROPN" and token.ent_type_ in _NAME_ENTITIES


def with_appositive(span: Span) -> Span:
    """ "the newspaper's editor, Gabor Nemeth": the named appositive. A name keeps itself
    ("Sen. Maria Delgado, a Democrat from New Mexico"), and an indefinite appositive ("a
    Democrat") is a description, never the name."""
    root = span.root
    if is_name(root):
        return span
    for child in root.children:
        if child.dep_ != "appos" or child.pos_ != "PROPN" or child.ent_type_ == "NORP":
            continue
        if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in child.children):
            continue
        return child.doc[child.left_edge.i : child.i + 1]
    if root.pos_ == "NOUN":
        # "Sudan's ambassador to the United Nations in Geneva, Osman Babiker": parsed in
        # apposition to the complement's last noun
        for token in root.doc[root.i + 1 : root.right_edge.i + 1]:
            if (token.dep_ == "appos" and token.ent_type_ == "PERSON" and token.head.i > root.i
                    and token.doc[token.left_edge.i - 1].text == ","):
                return token.doc[token.left_edge.i : token.i + 1]
    return span


def looks_named(actor: Actor) -> bool:
    """A proper name ("Osman Babiker", "Abdel Fattah al-Burhan"), not a description a coded
    mention was named with ("Sudan's ambassador")."""
    words = (actor.name or "").split()
    return bool(words) and words[0][:1].isupper() and any(c.isupper() for c in words[-1])


def speaker_actor(ctx: Context, span: Span) -> Actor:
    """The Actor for the speaker's noun phrase."""
    named = with_appositive(span)
    if named is not span:
        return _named_in_apposition(ctx, span, named)
    span = name_extension(span)
    actor = _from_actor_stage(ctx, span.start_char, span.end_char)
    if actor is not None and not _covers(actor, span.root) and span.root.pos_ in ("NOUN", "PROPN"):
        return _phrase_actor(ctx, span, actor)
    if actor is not None and actor.name:
        return _full_name(actor, span)
    described = described_span(span)
    person = _named_person_within(ctx, described)
    if person is not None:
        return person  # 'a spokesman for the junta, Colonel Amadou Abdramane'
    if actor is not None and (actor.country or actor.sector):
        # 'a spokesman for the Indian foreign ministry': coded, but with no proper name
        return replace(actor, name=display_name(described))
    group = _unnamed_group(ctx, span) if actor is None else None
    return group or fallback_actor(ctx, span)


def _named_in_apposition(ctx: Context, description: Span, named: Span) -> Actor:
    """The appositive's Actor; a relative or a role described by it is a person."""
    actor = speaker_actor(ctx, named)
    head = description.root.lemma_.lower()
    if actor.kind != "person" and (head in word_class("kinship_nouns") or _is_title(ctx, head)):
        actor = replace(actor, kind="person")
    return actor


def _is_title(ctx: Context, word: str) -> bool:
    from .discourse import title_ids

    return bool(title_ids(ctx, word))


def _covers(actor: Actor, head: Token) -> bool:
    return actor.start <= head.idx < actor.end


def _full_name(actor: Actor, span: Span) -> Actor:
    """An actor named by its own words only part of the phrase's name ("The International
    Society" of "the International Society for Fair Elections and Democracy") takes the
    whole name; a name of the text loses its leading "The"."""
    if actor.kb_id or actor.kind == "person" or not actor.name:
        return actor
    name = actor.name
    if span.start_char <= actor.start and actor.end < span.end_char:
        name = display_name(span)
    name = strip_article(name)
    return actor if name == actor.name else replace(actor, name=name)


def _phrase_actor(ctx: Context, span: Span, modifier: Actor) -> Actor:
    """ "the United Nations human rights office", "Indonesia's Ministry of Energy", "her
    family": the phrase names the speaker; the modifier lends its country and sector."""
    head = span.root
    described = described_span(span) if head.pos_ == "NOUN" else span
    if head.lemma_.lower() in word_class("institution_nouns"):
        described = _with_seat(described)
    return Actor(span.text, span.start_char, span.end_char, name=strip_article(display_name(described)),
                 kind=_head_kind(ctx, head), country=modifier.country, sector=modifier.sector,
                 rule="quotes:phrase")


def _with_seat(span: Span) -> Span:
    """ "the World Health Organization's office in Nepal": an institution keeps its seat."""
    for child in span.root.rights:
        if child.dep_ == "prep" and child.lower_ == "in" and child.i == span.end:
            places = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ == "GPE"]
            if places:
                return span.doc[span.start : places[0].right_edge.i + 1]
    return span


def _unnamed_group(ctx: Context, span: Span) -> Actor | None:
    """ "Witnesses said", "Villagers said": a group with a descriptive name, the article's
    country and the sector the knowledge base gives the noun."""
    head = span.root
    if head.tag_ != "NNS" or head.ent_type_ or not ctx.analysis.actors:
        return None
    from ..actors import knowledge_base
    from ..actors.setting import setting_country

    kb = knowledge_base(ctx.analysis)
    sectors = [s.entry.sector for s in kb.lookup((head.lemma_.lower(),)) if s.entry.sector]
    index = ctx.analysis.actor_index
    if "setting" not in ctx.cache:
        matches = index.matches if index is not None else []
        ctx.cache["setting"] = setting_country(ctx.doc, matches, ctx.analysis.actors)
    described = described_span(span)
    return Actor(span.text, span.start_char, span.end_char, name=display_name(described),
                 kind="group", country=ctx.cache["setting"], sector=sectors[0] if sectors else None,
                 rule="quotes:unnamed-group")


def _head_kind(ctx: Context, head: Token) -> ActorKind:
    lemma = head.lemma_.lower()
    if lemma in word_class("institution_nouns") or head.pos_ == "PROPN":
        return "organization"
    if lemma in word_class("kinship_nouns") or _is_title(ctx, lemma):
        return "person" if head.tag_ != "NNS" else "group"
    return "group"


def _named_person_within(ctx: Context, span: Span) -> Actor | None:
    """The last named person in apposition inside the speaker's phrase ('a spokesman for the
    junta, Colonel Amadou Abdramane'), never the one the speaker speaks for ('a spokesman
    for Prime Minister Narendra Modi')."""
    from ..actors import actors_starting_in

    inside = [a for a in actors_starting_in(ctx.analysis, span.start_char, span.end_char)
              if a.kind == "person" and a.name and a.end <= span.end_char
              and _in_apposition(ctx, a)]
    return max(inside, key=lambda a: a.start) if inside else None


def _in_apposition(ctx: Context, actor: Actor) -> bool:
    mention = ctx.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return mention is not None and len(mention) > 0 and mention.root.dep_ == "appos"


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
            return strip_article(ent.text), _ENTITY_KINDS[ent.label_]
    if span[-1].text in full:
        return full[span[-1].text], "person"
    head = span.root
    organisation = head.text[:1].isupper() and head.lemma_.lower() in (
        word_class("institution_nouns") | word_class("generic_organisation_nouns"))
    return strip_article(display_name(span)), "organization" if organisation else None


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
