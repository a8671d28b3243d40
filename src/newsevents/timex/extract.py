"""Turn the finder's candidates into Timex records over a parsed document.

The parse is used only where it decides something: the tense of the governing clause, and
whether a four-digit number or a month name is a date at all ("2000 troops", "April Ryan").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..model import Timex
from .calendar import Period
from .find import Found, find
from .normalise import Context, resolve
from .tense import tense_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_NAME_MONTHS = frozenset({"April", "June", "August", "May"})
_REF_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})


@dataclass(frozen=True)
class TimexRecord:
    """A Timex with its resolved period and where it sits in the parse."""

    timex: Timex
    period: Period
    first_token: int
    last_token: int
    sent_start: int

    @property
    def anchors_narrative(self) -> bool:
        """True when later 'days later' or a following sentence may count from this date."""
        return self.period.dated and self.period.value not in _REF_VALUES


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


NUMBERED_NOUNS = frozenset({"no.", "number", "flight", "route", "model", "resolution",
                            "article", "section", "chapter", "paragraph", "clause", "highway",
                            "road", "item", "decree", "regulation", "directive", "convention"})
"""Nouns a number after them labels ('Resolution 1701'), never a year."""


def _not_a_date(found: Found, span: Span | None) -> bool:
    """Reject numbers that count things and month names that are people or verbs."""
    if span is None or len(span) == 0:
        return False
    if found.kind == "year":
        tok = span[-1]
        if tok.dep_ in ("nummod", "quantmod") and tok.head.tag_ == "NNS":
            return True
        before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        # 'Flight 1701', 'Security Council Resolution 1701', 'Article 2024': a label
        return tok.head.lower_ in ("no.", "number", "flight", "route", "model") or (
            before in NUMBERED_NOUNS)
    if found.kind == "bmonth":
        tok = span[0]
        if tok.pos_ == "VERB":
            return True
        if found.text in _NAME_MONTHS and tok.ent_type_ in ("PERSON", "ORG"):
            return True
    return False


def to_timex(found: Found, period: Period) -> Timex:
    return Timex(
        text=found.text,
        start=found.start,
        end=found.end,
        type=period.type,
        value=period.value,
        precision=period.precision,
        earliest=period.earliest.isoformat() if period.earliest else None,
        latest=period.latest.isoformat() if period.latest else None,
        basis=period.basis,
        reason=period.reason,
    )


def find_timexes(doc: Doc, published: date | None,
                 candidates: Iterable[Found] | None = None) -> list[TimexRecord]:
    """Every temporal expression of the doc, resolved in text order (narrative dates carry)."""
    text = doc.text
    records: list[TimexRecord] = []
    narrative: Period | None = None
    for found in candidates if candidates is not None else find(text):
        span = _span(doc, found.start, found.end)
        if _not_a_date(found, span):
            continue
        ctx = Context(
            published=published,
            tense=_lazy_tense(doc, found.start, found.end),
            narrative=narrative,
            before=text[max(0, found.start - 24):found.start],
            after=text[found.end:found.end + 8],
        )
        period = resolve(found, ctx)
        if period is None:
            continue
        first = span.start if span is not None else 0
        last = span.end - 1 if span is not None else 0
        sent_start = span.sent.start if span is not None else 0
        record = TimexRecord(to_timex(found, period), period, first, last, sent_start)
        records.append(record)
        if record.anchors_narrative:
            narrative = period
    return records


def _lazy_tense(doc: Doc, start: int, end: int) -> Callable[[], str | None]:
    """A memoised tense lookup: most candidates never need it."""
    cache: list[str | None] = []

    def tense() -> str | None:
        if not cache:
            cache.append(tense_at(doc, start, end))
        return cache[0]

    return tense
