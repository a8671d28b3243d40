"""Find the publication date when metadata gave none: a dateline, else an inference.

The inference reads the article like a careful reader: the latest month-day the article states
in the past is usually the day of publication or just before it, a bare weekday in past-tense
text names a day of the week before publication, and the office-holders it names narrow the
year (``scratch["actors.tenure_years"]`` from the actors stage). Today's date is never used as
the publication date; it only bounds the years searched, since nothing is published in the
future.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .find import DAY, MON, YEAR, Found
from .words import MONTHS, WEEKDAYS

_DATELINE = re.compile(
    rf"^[^\S\n]*(?:[A-Z][A-Za-z.'’\- ]{{1,40}},[^\S\n]*)?(?:[A-Z][a-z]+,?[^\S\n]+)?"
    rf"(?P<mon>{MON})[^\S\n]+(?P<day>{DAY})(?:,?[^\S\n]+(?P<year>{YEAR}))?"
    rf"[^\S\n]*(?:\([A-Za-z .&-]{{2,30}}\))?[^\S\n]*[-–—]",
    re.MULTILINE,
)
_EARLIEST_YEAR = 1900


def parse_published(value: str | None) -> date | None:
    """The day of an ISO date or datetime (metadata), or None when it is not one."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class Publication:
    date: date
    basis: str
    """'extracted' (a dateline with its year) or 'inferred'."""
    reason: str


def dateline(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a dateline such as 'MEXICO CITY, May 3 (Reuters) -'."""
    match = _DATELINE.search(text[:600])
    if match is None:
        return None
    month = MONTHS[match["mon"].lower().rstrip(".")]
    day = int(re.sub(r"\D", "", match["day"]))
    year = int(match["year"]) if match["year"] else None
    return month, day, year


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def infer_publication(
    text: str,
    candidates: Iterable[Found],
    tenure_years: set[int] | None = None,
    past_only: Iterable[Found] | None = None,
    today: date | None = None,
) -> Publication | None:
    """The publication date from a dateline, else from weekday–date pairs and tenure years."""
    line = dateline(text)
    if line is not None and line[2] is not None:
        d = _safe(line[2], line[0], line[1])
        if d is not None:
            return Publication(d, "extracted", "dateline")
    found = list(candidates)
    month_days = [_month_day(f) for f in (past_only if past_only is not None else found)
                  if f.kind == "md" and "md_year" not in f.parts]
    pairs = [(m, d) for m, d in month_days if m]
    if line is not None:
        pairs.append((line[0], line[1]))
    weekdays = [WEEKDAYS[f.parts["wd_name"].lower()] for f in found
                if f.kind == "wd" and "wd_det" not in f.parts]
    weekdays += [WEEKDAYS[f.parts["md_wd"].lower()] for f in found if "md_wd" in f.parts]
    if not pairs:
        return None
    limit = (today or date.today()).year
    years = sorted(y for y in (tenure_years or range(_EARLIEST_YEAR, limit + 1)) if y <= limit)
    return _best_year(pairs, weekdays, years, found, tenure_years is not None)


def _month_day(f: Found) -> tuple[int, int]:
    month = MONTHS[(f.parts.get("md_mon") or f.parts["md_mon2"]).lower().rstrip(".")]
    day = int(re.sub(r"\D", "", f.parts.get("md_day") or f.parts["md_day2"]))
    return month, day


def _stated_weekday_pairs(found: list[Found], year: int) -> int:
    """'Saturday, May 3' stated together: +1 per pair that is true in this year."""
    score = 0
    for f in found:
        if f.kind == "md" and "md_wd" in f.parts and "md_year" not in f.parts:
            m, d = _month_day(f)
            day = _safe(year, m, d)
            if day is not None and day.weekday() == WEEKDAYS[f.parts["md_wd"].lower()]:
                score += 2
    return score


def _best_year(pairs: list[tuple[int, int]], weekdays: list[int], years: list[int],
               found: list[Found], from_tenure: bool) -> Publication | None:
    best: tuple[int, int, date] | None = None
    for year in years:
        days = [d for m, dd in pairs if (d := _safe(year, m, dd)) is not None]
        if not days:
            continue
        published = max(days)
        score = _stated_weekday_pairs(found, year)
        for weekday in set(weekdays):
            if published.weekday() == weekday:
                score += 2
            elif any(d.weekday() == weekday and published - timedelta(days=6) <= d for d in days):
                score += 1
        key = (score, year, published)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        return None
    score, _, published = best
    if score == 0 and not (from_tenure and len(years) == 1):
        return None
    why = "weekday–date pairs" + (" within the tenure of named office-holders" if from_tenure else "")
    return Publication(published, "inferred", why)
