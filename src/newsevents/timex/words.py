"""Word tables shared by the finder and the normaliser (months, weekdays, numbers, units)."""

from __future__ import annotations

from ..lexicons.wordclasses import word_values

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}
VAGUE_NUMBERS = frozenset({"several", "few", "a few", "many", "some", "a couple of"})
ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "final": 4, "last": 4,
}
UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
    "century": "CE", "weekend": "WE",
}
TIME_UNITS = frozenset({"second", "minute", "hour"})
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}
SET_WORDS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "quarterly": "P3M", "annually": "P1Y", "annual": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
    "biannual": "P6M",
}
PRESENT_WORDS = frozenset({
    "now", "currently", "current", "nowadays", "at present", "presently", "at the moment",
    "the time being", "ongoing", "right now", "these days",
})
PAST_WORDS = frozenset({"recently", "recent", "lately", "the past", "formerly", "once"})
FUTURE_WORDS = frozenset({
    "the future", "soon", "the near future", "the near term", "the long term", "short-term",
    "long-term", "the short term", "shortly", "future",
})


def number_value(word: str) -> float | None:
    """'three' → 3, '18' → 18, 'two and a half' → 2.5, 'several' → None (vague)."""
    w = word.lower().replace("-", " ").strip()
    if w in VAGUE_NUMBERS or not w:
        return None
    if "and a half" in w:
        base = number_value(w.replace("and a half", "").strip())
        return None if base is None else base + 0.5
    try:
        return float(w.replace(",", ""))
    except ValueError:
        pass
    total = 0.0
    numbers = word_values("number_words")  # lexicons/grammar/numbers.yml
    for part in w.split():
        if part not in numbers:
            return None
        total += numbers[part]
    return total
