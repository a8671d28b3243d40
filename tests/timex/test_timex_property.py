"""Property: a year-less date in a past-tense sentence is on or before publication, within a year."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.nlp import load_model
from newsevents.timex import find_timexes

MONTH_NAMES = list(calendar.month_name)[1:]


@st.composite
def cases(draw: st.DrawFn) -> tuple[date, int, int]:
    published = draw(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(2024, month)[1]))
    return published, month, day


def _latest_leap_day(published: date) -> date:
    year = published.year
    while True:
        if calendar.isleap(year) and date(year, 2, 29) <= published:
            return date(year, 2, 29)
        year -= 1


@settings(max_examples=120, deadline=None)
@given(cases(), st.sampled_from(["The minister resigned on {}.", "Protesters marched on {}.",
                                 "On {}, the army attacked the town."]))
def test_year_less_dates_resolve_into_the_year_before_publication(case, template) -> None:  # type: ignore[no-untyped-def]
    published, month, day = case
    doc = load_model(None)(template.format(f"{MONTH_NAMES[month - 1]} {day}"))
    records = [r for r in find_timexes(doc, published) if r.period.precision == "day"]
    assert records, doc.text
    resolved = records[0].period.earliest
    assert resolved is not None
    if (month, day) == (2, 29):
        assert resolved == _latest_leap_day(published)
        return
    assert resolved <= published
    assert resolved > published - timedelta(days=366)
