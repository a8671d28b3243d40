"""Each quote's speaker, resolved in text order, and how it was found (``speaker_basis``).

The finders leave the head of the words that name the speaker (``Found.speaker_head``); this
module turns them into an Actor, following relative pronouns, documents, pronouns and
definite descriptions to what they stand for (``discourse.py``). A direct quote with no cue
takes the subject of the clause that introduces it ("The minister endorsed the claim: “…”"),
else the last person quoted or mentioned before it.

Bases: ``cue-subject`` (the cue's subject, "…,” said X", "according to X"), ``apposition``
("the union's leader, X"), ``relative-antecedent`` ("X, who said"), ``statement-issuer`` ("the
statement said", "the army's statement said"), ``coreference`` (a pronoun or a description
resolved to an actor named elsewhere), ``introducing-clause``, ``previous-speaker`` and
``nearest-person`` (a quote with no cue).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Actor
from .context import Context
from .discourse import (
    described_organisation,
    described_person,
    document_issuer,
    earlier_subjects,
    headline_referent,
    is_definite_description,
    is_document,
    is_organisation_noun,
    relative_antecedent,
    same_head_speaker,
)
from .found import Found
from .speakers import looks_named, nearest_person, noun_phrase, speaker_actor, with_appositive

if TYPE_CHECKING:
    from spacy.tokens import Token

BASES = ("cue-subject", "apposition", "relative-antecedent", "statement-issuer", "coreference",
         "introducing-clause", "previous-speaker", "nearest-person")
MAX_DEPTH = 4
_IT = frozenset({"it", "its"})
_HE_SHE = frozenset({"he", "she"})

Resolved = tuple[Actor | None, str | None]


def resolve_speakers(ctx: Context, found: list[Found]) -> None:
    """Set ``speaker`` and ``speaker_basis`` of every quote, in text order."""
    for quote in sorted(found, key=lambda q: (q.start, q.end)):
        actor, basis = _resolve(ctx, quote)
        quote.speaker, quote.speaker_basis = actor, basis if actor is not None else None
        if actor is not None:
            ctx.speakers.append(actor)


def _resolve(ctx: Context, quote: Found) -> Resolved:
    if quote.speaker_head is not None:
        actor, basis = speaker_of(ctx, ctx.doc[quote.speaker_head])
        if quote.speaker_basis == "introducing-clause" and basis == "cue-subject":
            basis = quote.speaker_basis
        return actor, basis
    if quote.kind != "direct" or quote.cue is not None or quote.weak:
        return None, None
    person = nearest_person(ctx, quote.outer[0] if quote.outer else quote.start)
    if person is None:
        return None, None
    return person, "previous-speaker" if any(s is person for s in ctx.speakers) else "nearest-person"


def speaker_of(ctx: Context, token: Token, depth: int = 0) -> Resolved:
    """The Actor the words headed by ``token`` stand for, and how it was found."""
    if depth < MAX_DEPTH:
        for step in (_relative, _document, _pronoun, _description, _headline):
            found = step(ctx, token, depth)
            if found is not None:
                return found
    span = noun_phrase(ctx, token)
    actor = speaker_actor(ctx, span)
    return actor, "apposition" if with_appositive(span) is not span else "cue-subject"


def _anchored(ctx: Context, actor: Actor | None, token: Token) -> Actor | None:
    """The resolved actor at the speaker's own words (its evidence stays at the cue)."""
    if actor is None:
        return None
    span = noun_phrase(ctx, token)
    return replace(actor, text=span.text, start=span.start_char, end=span.end_char)


def _relative(ctx: Context, token: Token, depth: int) -> Resolved | None:
    antecedent = relative_antecedent(token)
    if antecedent is None:
        return None
    actor, _ = speaker_of(ctx, antecedent, depth + 1)
    return actor, "relative-antecedent"


def _document(ctx: Context, token: Token, depth: int) -> Resolved | None:
    if not is_document(token):
        return None
    issuer = document_issuer(ctx, token)
    if issuer is None:
        return None
    actor, _ = speaker_of(ctx, issuer, depth + 1)
    if actor is None or not actor.name:
        return None
    return _anchored(ctx, actor, token), "statement-issuer"


def _pronoun(ctx: Context, token: Token, depth: int) -> Resolved | None:
    """ "it said" for the last subject that is no person; "he said" for the last person."""
    word = token.lower_
    if token.pos_ != "PRON" or word not in _IT | _HE_SHE:
        return None
    person = word in _HE_SHE
    for subject in earlier_subjects(ctx, token):
        actor, _ = speaker_of(ctx, subject, depth + 1)
        if actor is None or not actor.name:
            continue
        if not person and actor.kind == "person" and _guessed_person(actor):
            actor = replace(actor, kind="organization")  # 'Ryanair said … It said'
        if person and not looks_named(actor):
            continue  # 'Sudan's ambassador': a description, the actors stage may know whom
        if (actor.kind == "person") == person and (person or actor.kind is not None):
            return _anchored(ctx, actor, token), "coreference"
    return None


def _guessed_person(actor: Actor) -> bool:
    """A one-word name that only the entity recogniser calls a person ('Ryanair')."""
    return not actor.kb_id and not actor.title and len((actor.name or "").split()) == 1


def _description(ctx: Context, token: Token, depth: int) -> Resolved | None:
    """ "the senator", "the candidate's wife", "the department": the actor described so."""
    if not is_definite_description(token):
        return None
    span = noun_phrase(ctx, token)
    stage = _actor_stage_person(ctx, span.start_char, span.end_char, token)
    if stage is not None:
        return stage, "coreference"
    if is_organisation_noun(token):
        actor = described_organisation(ctx, token, ctx.speakers)
    else:
        actor = described_person(ctx, token, ctx.speakers) or same_head_speaker(
            ctx, token, ctx.speakers)
    return (_anchored(ctx, actor, token), "coreference") if actor is not None else None


def _headline(ctx: Context, token: Token, depth: int) -> Resolved | None:
    """ "…, watchdog says" in the headline: the lead paragraph's subject of the same kind."""
    if token.pos_ != "NOUN" or token.tag_ in ("NNS", "NNPS"):
        return None
    organisation = is_organisation_noun(token)
    for subject in headline_referent(ctx, token):
        actor, _ = speaker_of(ctx, subject, depth + 1)
        if actor is not None and actor.name and (actor.kind != "person") == organisation:
            return _anchored(ctx, actor, token), "coreference"
    return None


def _actor_stage_person(ctx: Context, start: int, end: int, head: Token) -> Actor | None:
    """The named person the actors stage resolved a description to, if it covers its head."""
    if not ctx.analysis.actors:
        return None
    from ..actors import actor_for_span

    actor = actor_for_span(ctx.analysis, start, end)
    if actor is None or actor.kind != "person" or not actor.name:
        return None
    return actor if actor.start <= head.idx < actor.end else None
