"""Regions and groupings of countries (``lexicons/actors/regions.yml``) as descriptions name
them: 'the South American country', 'the Gulf state', 'the landlocked West African nation'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicons import load_entries

REGIONS_FILE = "actors/regions.yml"


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
