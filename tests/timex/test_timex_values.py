"""TIMEX3 values and intervals of single expressions, resolved against a publication date."""

from __future__ import annotations

import pytest

PUB = "2025-05-03"  # a Saturday

CASES = [
    ("Talks were held on May 3.", "May 3", "DATE", "2025-05-03", "2025-05-03", "2025-05-03"),
    ("He spoke on Jan. 31.", "Jan. 31", "DATE", "2025-01-31", "2025-01-31", "2025-01-31"),
    ("They met on 3 May 2024.", "3 May 2024", "DATE", "2024-05-03", None, None),
    ("It was signed 2025-04-30.", "2025-04-30", "DATE", "2025-04-30", None, None),
    ("They will meet on June 4.", "June 4", "DATE", "2025-06-04", None, None),
    ("They met on June 4.", "June 4", "DATE", "2024-06-04", None, None),
    ("She spoke on Saturday.", "Saturday", "DATE", "2025-05-03", None, None),
    ("She spoke on Tuesday.", "Tuesday", "DATE", "2025-04-29", None, None),
    ("She will speak on Tuesday.", "Tuesday", "DATE", "2025-05-06", None, None),
    ("They clashed on Tuesday night.", "Tuesday night", "TIME", "2025-04-29TNI", None, None),
    ("In early February, he agreed.", "early February", "DATE", "2025-02", "2025-02-01",
     "2025-02-10"),
    ("By mid-February, it was done.", "mid-February", "DATE", "2025-02", "2025-02-11",
     "2025-02-20"),
    ("In late February, it ended.", "late February", "DATE", "2025-02", "2025-02-21",
     "2025-02-28"),
    ("Sales rose in the first week of March.", "the first week of March", "DATE", "2025-W10",
     None, None),
    ("It happened in 2019.", "2019", "DATE", "2019", "2019-01-01", "2019-12-31"),
    ("Prices fell in the 1990s.", "the 1990s", "DATE", "199", "1990-01-01", "1999-12-31"),
    ("Profits rose in the first quarter.", "the first quarter", "DATE", "2025-Q1", None, None),
    ("It opened this spring.", "this spring", "DATE", "2025-SP", "2025-03-01", "2025-05-31"),
    ("Sales rose this year.", "this year", "DATE", "2025", None, None),
    ("Sales rose last month.", "last month", "DATE", "2025-04", "2025-04-01", "2025-04-30"),
    ("They meet next week.", "next week", "DATE", "2025-W19", None, None),
    ("It fell two days ago.", "two days ago", "DATE", "2025-05-01", None, None),
    ("It fell yesterday.", "yesterday", "DATE", "2025-05-02", None, None),
    ("It opens today.", "today", "DATE", "2025-05-03", None, None),
    ("He speaks tonight.", "tonight", "TIME", "2025-05-03TNI", None, None),
    ("It rose earlier this month.", "earlier this month", "DATE", "2025-05", "2025-05-01",
     "2025-05-03"),
    ("The vote is at 2 p.m. on Saturday.", "2 p.m. on Saturday", "TIME", "2025-05-03T14:00",
     None, None),
    ("The war lasted three years.", "three years", "DURATION", "P3Y", None, None),
    ("Talks took 18 months.", "18 months", "DURATION", "P18M", None, None),
    ("It is now closed.", "now", "DATE", "PRESENT_REF", None, None),
    ("It is currently closed.", "currently", "DATE", "PRESENT_REF", None, None),
    ("It recently closed.", "recently", "DATE", "PAST_REF", None, None),
    ("It may close in the future.", "the future", "DATE", "FUTURE_REF", None, None),
    ("They meet every week.", "every week", "SET", "P1W", None, None),
    ("They meet annually.", "annually", "SET", "P1Y", None, None),
    ("Since taking office, he has pushed.", "Since taking office", "DATE", "PAST_REF", None, None),
]


@pytest.mark.parametrize(("sentence", "text", "type_", "value", "earliest", "latest"), CASES)
def test_value(timexes, sentence, text, type_, value, earliest, latest) -> None:  # type: ignore[no-untyped-def]
    found = {t.text: t for t in timexes(sentence, PUB)}
    assert text in found, f"{text!r} not found in {sentence!r}: {list(found)}"
    timex = found[text]
    assert (timex.type, timex.value) == (type_, value)
    if earliest:
        assert (timex.earliest, timex.latest) == (earliest, latest)


def test_dated_values_carry_precision_and_interval(timexes) -> None:  # type: ignore[no-untyped-def]
    for timex in timexes("On May 2 and in early February and in 2019, things happened.", PUB):
        assert timex.precision and timex.earliest and timex.latest


def test_narrative_days_later_counts_from_previous_date(timexes) -> None:  # type: ignore[no-untyped-def]
    text = "In a Jan. 31 interview, he threatened them. Just days later, she responded."
    later = next(t for t in timexes(text, PUB) if "days later" in t.text)
    assert (later.value, later.earliest, later.latest, later.basis) == (
        "2025-02", "2025-02-01", "2025-02-10", "narrative")


def test_the_next_day_is_narrative(timexes) -> None:  # type: ignore[no-untyped-def]
    text = "The talks opened on March 3. The next day, the delegates left."
    nxt = next(t for t in timexes(text, PUB) if t.text == "The next day")
    assert (nxt.value, nxt.basis) == ("2025-03-04", "narrative")


def test_no_anchor_keeps_text_with_reason(timexes) -> None:  # type: ignore[no-untyped-def]
    found = timexes("It fell yesterday, and in 2019 it rose.", None)
    by_text = {t.text: t for t in found}
    assert by_text["yesterday"].value is None and by_text["yesterday"].reason
    assert by_text["2019"].value == "2019"


def test_numbers_that_count_things_are_not_years(timexes) -> None:  # type: ignore[no-untyped-def]
    assert not [t for t in timexes("The army sent 2000 soldiers.", PUB) if t.value == "2000"]
