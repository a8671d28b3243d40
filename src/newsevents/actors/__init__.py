"""The actors stage: find and code every actor mention, resolve mentions within the article.

``analysis.actors`` holds every mention (names, titles, pronouns resolved to the named
actor); ``actor_at_token`` and ``actor_for_span`` let later stages look mentions up.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..model import Actor
from ..spans import SpanIndex
from ..stage import Analysis, Stage, StageContractError
from .coder import ActorCoder
from .collectives import resolve_collectives
from .coref import possessive_pronoun_at, resolve
from .descriptions import resolve_descriptions
from .index import ActorIndex
from .kb import KnowledgeBase, build_kb
from .setting import place_in_setting, setting_country

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

    from ..config import Options

__all__ = [
    "STAGE",
    "actor_at_token",
    "actor_for_span",
    "knowledge_base",
    "modifier_state_at_token",
    "possessive_pronoun_at",
]


def knowledge_base(analysis: Analysis) -> KnowledgeBase:
    from ..nlp import load_model

    return build_kb(load_model(analysis.options.model), analysis.options.actor_files)


def run(analysis: Analysis) -> dict[str, object]:
    kb = knowledge_base(analysis)
    coder = ActorCoder(analysis.doc, kb, analysis.published)
    mentions = coder.code_all()
    resolve_descriptions(mentions, analysis.doc)
    setting = setting_country(analysis.doc, coder.matches, mentions)
    place_in_setting(mentions, setting)
    collective = resolve_collectives(mentions, coder.by_head, analysis.doc)
    kept = resolve(mentions, analysis.doc, kb.country_name)
    kept_ids = {id(a) for a in kept}
    actors = sorted(kept, key=lambda a: (a.start, a.end))
    by_head = {i: a for i, a in coder.by_head.items() if id(a) in kept_ids}
    co_actors = {i: [_aligned(c, by_head[i]) for c in cs]
                 for i, cs in coder.co_actors.items() if i in by_head}
    co_actors.update({i: cs for i, cs in collective.items() if i in by_head})
    index = ActorIndex(
        by_head=by_head,
        by_modifier=coder.by_modifier,
        co_actors=co_actors,
        matches=coder.matches,
        tenure_years=frozenset(tenure_years(kb, actors)),
        setting=setting,
        by_offset=SpanIndex(actors, _actor_span),
    )
    return {"actors": actors, "actor_index": index}


def tenure_years(kb: KnowledgeBase, actors: list[Actor]) -> set[int]:
    """Years in which every named office-holder of the article held an office."""
    by_id = kb.persons_by_id
    years: set[int] | None = None
    this_year = date.today().year
    for kb_id in {a.kb_id for a in actors if a.kind == "person" and a.kb_id}:
        entry = by_id.get(kb_id)
        if entry is None or not entry.offices:
            continue
        held: set[int] = set()
        for office in entry.offices:
            first = office.start.year if office.start else 1900
            last = office.end.year if office.end else this_year
            held.update(range(first, last + 1))
        years = held if years is None else years & held
    return years or set()


def _index(analysis: Analysis) -> ActorIndex:
    if analysis.actor_index is None:
        raise StageContractError("actor lookups need the actors stage to have run")
    return analysis.actor_index


def actor_at_token(analysis: Analysis, token: Token) -> Actor | None:
    """The actor whose noun phrase is headed by ``token``, if any."""
    return _index(analysis).by_head.get(token.i)


def _aligned(co: Actor, resolved: Actor) -> Actor:
    """A coordinated co-actor takes the resolved mention's sector and name fields."""
    co.sector = resolved.sector
    co.kind = resolved.kind
    co.code = f"{co.country or '---'}{co.sector or ''}"
    return co


def co_actors_at_token(analysis: Analysis, token: Token) -> list[Actor]:
    """Further actors of a phrase with coordinated countries ('U.S. and British warplanes')."""
    return _index(analysis).co_actors.get(token.i, [])


def modifier_state_at_token(analysis: Analysis, token: Token) -> Actor | None:
    """The state a country modifier token names ('U.S.' in 'U.S. intrusion')."""
    return _index(analysis).by_modifier.get(token.i)


def actor_for_span(analysis: Analysis, start: int, end: int) -> Actor | None:
    """The mention that best covers the character span [start, end)."""
    best: Actor | None = None
    best_overlap = 0
    for actor in _mentions_near(analysis, start, end):
        overlap = min(end, actor.end) - max(start, actor.start)
        if overlap > best_overlap or (overlap == best_overlap and best is not None
                                      and overlap > 0 and actor.end - actor.start
                                      < best.end - best.start):
            best, best_overlap = actor, overlap
    return best if best_overlap > 0 else None


def actors_starting_in(analysis: Analysis, start: int, end: int) -> list[Actor]:
    """The mentions whose first character lies in [start, end), in order."""
    index = analysis.actor_index
    if index is None or index.by_offset is None:
        return [a for a in analysis.actors if start <= a.start < end]
    return index.by_offset.starting_in(start, end)


def _mentions_near(analysis: Analysis, start: int, end: int) -> list[Actor]:
    """The mentions that may overlap [start, end), in order (all of them without the stage's
    offset index)."""
    index = analysis.actor_index
    if index is None or index.by_offset is None:
        return list(analysis.actors)
    return index.by_offset.overlapping(start, end)


def _actor_span(actor: Actor) -> tuple[int, int]:
    return actor.start, actor.end


def setup(nlp: Language, options: Options) -> None:
    build_kb(nlp, options.actor_files)


STAGE = Stage("actors", run, requires=("doc", "published"), assigns=("actors", "actor_index"),
              setup=setup)
