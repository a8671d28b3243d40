"""States the text describes instead of naming: 'the South American country', 'the Andean
nation', 'the landlocked West African state'.

A description with region words (``lexicons/actors/regions.yml``: adjectives and member
countries) stands for the state of that region the article named last before it (else the
first it names after it), whatever other country stands nearer in the sentence; several
region words narrow the members together ('landlocked' and 'West African'). A description
of a region the article names no state of gets no country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import load_entries
from ..model import Actor
from .coder import refresh_code

REGIONS_FILE = "actors/regions.yml"
DESCRIPTION_RULE = "actors:country-noun"


@dataclass(frozen=True)
class Region:
    id: str
    pattern: re.Pattern[str]
    members: frozenset[str]


@lru_cache(maxsize=1)
def regions() -> tuple[Region, ...]:
    found: list[Region] = []
    for entry in load_entries(REGIONS_FILE):
        words = sorted((str(a) for a in entry.get("adjectives") or ()), key=len, reverse=True)
        if not words:
            continue
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b",
                             re.IGNORECASE)
        found.append(Region(str(entry["id"]), pattern,
                            frozenset(str(m) for m in entry.get("members") or ())))
    return tuple(found)


def region_members(text: str) -> frozenset[str] | None:
    """The countries every region word of the description names; None without one."""
    members: frozenset[str] | None = None
    for region in regions():
        if region.pattern.search(text):
            members = region.members if members is None else members & region.members
    return members


def _named_states(actors: list[Actor]) -> list[Actor]:
    return [a for a in actors if a.country and a.kind == "state"
            and not (a.rule or "").startswith(DESCRIPTION_RULE)]


def resolve_descriptions(actors: list[Actor]) -> None:
    """Give each regional description the country of the state of its region named last."""
    named = sorted(_named_states(actors), key=lambda a: a.start)
    for actor in actors:
        if not (actor.rule or "").startswith(DESCRIPTION_RULE):
            continue
        members = region_members(actor.text)
        if members is None:
            continue
        before = [a for a in named if a.end <= actor.start and a.country in members]
        after = [a for a in named if a.start >= actor.end and a.country in members]
        chosen = before[-1] if before else (after[0] if after else None)
        actor.country = chosen.country if chosen is not None else None
        base = (actor.rule or DESCRIPTION_RULE).split("#")[0]
        actor.rule = f"{base}#region" if chosen is not None else f"{base}#vague"
        refresh_code(actor)
