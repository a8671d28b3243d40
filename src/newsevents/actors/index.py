"""What the actors stage found beside the mentions: lookups by token for later stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Actor
    from ..spans import SpanIndex
    from .coder import Match


@dataclass(frozen=True)
class ActorIndex:
    by_head: dict[int, Actor] = field(default_factory=dict)
    """Token index of a noun phrase's head → the actor mention it heads."""
    by_modifier: dict[int, Actor] = field(default_factory=dict)
    """Token index of a country modifier ('U.S.' in 'U.S. intrusion') → the state it names."""
    co_actors: dict[int, list[Actor]] = field(default_factory=dict)
    """Head token → further actors of a phrase with coordinated countries."""
    matches: list[Match] = field(default_factory=list)
    """Every knowledge-base surface form found in the text (the places stage reads them)."""
    tenure_years: frozenset[int] = frozenset()
    """Years in which every named office-holder of the article held an office."""
    setting: str | None = None
    """The country the article is set in (actors/setting.py), if one was found."""
    by_offset: SpanIndex[Actor] | None = None
    """The kept mentions by character offset (lookups without scanning every mention)."""
