"""What the quotes stage found about the article's event mentions and its journalism."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Attribution


@dataclass(frozen=True)
class Said:
    """Who says one event mention happened: the quotes it is stated in, innermost first."""

    quote_ids: list[str]
    attribution: Attribution


@dataclass(frozen=True)
class QuoteFindings:
    said: dict[int, Said] = field(default_factory=dict)
    """Mention index (in ``Analysis.mentions``) → the quotes that state it."""
    silenced: frozenset[int] = frozenset()
    """Mentions inside a non-response ("X did not respond"): never events."""
    non_responses: list[dict[str, Any]] = field(default_factory=list)
    """``{actor, start, end, cue, rule}`` for each "X did not respond / declined to comment"."""
    comment_requests: list[dict[str, Any]] = field(default_factory=list)
    """"reached out to X for comment": journalism, not events."""
    stray_marks: list[int] = field(default_factory=list)
    """Offsets of closing quotation marks with no opener."""
