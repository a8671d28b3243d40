"""When each event mention happened: the one module that sets ``Event.date``.

A mention is dated by the timex that governs its trigger (``timex.date_event``: the clause's
date, a reported clause's report, the story's carried date, else the publication day); one that
fell back to the publication day and names an earlier dated event as its anchor ("following
the designations") is then dated after (or before) that event (``anchoring.narrative_dates``).
A statement of intent derived from a future act is dated when it was made (``statement_date``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .anchoring import narrative_dates

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..model import DateValue, Event
    from ..stage import Analysis

VERBAL_QUAD_CLASSES = (1, 3)


def clause_date(analysis: Analysis, token_i: int, quad_class: int | None) -> DateValue:
    """The date of a trigger's clause; statements (quad classes 1 and 3) as verbal acts."""
    from ..timex import date_event

    return date_event(analysis, token_i, verbal_act=quad_class in VERBAL_QUAD_CLASSES)


def statement_date(analysis: Analysis, speech_verb: Token | None) -> DateValue:
    """When a statement of intent was made: its speech verb's clause ('…, the Kremlin said on
    Saturday'), else the publication day; never the day of the act it announces."""
    from ..timex.anchor import publication_value

    if speech_verb is not None:
        return clause_date(analysis, speech_verb.i, VERBAL_QUAD_CLASSES[0])
    return publication_value(analysis.published)


def published_text(analysis: Analysis) -> str | None:
    """The publication date as the article gives it, else the day the timex stage found."""
    if analysis.article.published:
        return analysis.article.published
    return analysis.published.isoformat() if analysis.published else None


def with_narrative_dates(analysis: Analysis, events: list[Event]) -> list[Event]:
    """The mentions, those re-dated from an earlier event as new records."""
    dates = narrative_dates(analysis.doc, events, published_text(analysis))
    return [event if dated is event.date else replace(event, date=dated)
            for event, dated in zip(events, dates, strict=True)]
