"""A quote while it is being found: the public Quote's fields plus what attribution needs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Actor, QuoteKind

_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "„": '"', "«": '"', "»": '"'})
_SPACE = re.compile(r"\s+")
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


@dataclass
class Found:
    kind: QuoteKind
    start: int
    end: int
    speaker: Actor | None = None
    speaker_head: int | None = None
    """The token heading the words that name the speaker (resolved by ``resolve.py``)."""
    speaker_basis: str | None = None
    """How the speaker was found (``resolve.BASES``)."""
    cue: str | None = None
    cue_kind: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    rule: str | None = None
    anonymous: bool = False
    unbalanced: bool = False
    weak: bool = False
    """A short quote with no cue: a scare quote or a title unless an indirect quote absorbs it."""
    named: bool = False
    """Marked text right after a naming word ('titled "…"'): a name, never a quote."""
    outer: tuple[int, int] | None = None
    """The marks' span of a direct quote."""
    mentions: list[tuple[int, int]] = field(default_factory=list)

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


def fold(text: str) -> str:
    """Text for comparison: straight quotes, one space, lower case, no edge punctuation."""
    return _EDGE.sub("", _SPACE.sub(" ", text.translate(_FOLD)).lower())
