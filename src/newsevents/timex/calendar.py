"""Calendar arithmetic and the Period record: a TIMEX3 value with its interval."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..model import DateBasis, Precision

SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
THIRDS: dict[str, tuple[int, int]] = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
YEAR_THIRDS: dict[str, tuple[int, int]] = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


@dataclass(frozen=True)
class Period:
    """A resolved temporal expression: TIMEX3 type and value, precision and interval."""

    type: str
    value: str | None
    precision: Precision | None = None
    earliest: date | None = None
    latest: date | None = None
    basis: DateBasis = "explicit"
    reason: str | None = None

    def with_basis(self, basis: DateBasis) -> Period:
        return replace(self, basis=basis)

    @property
    def dated(self) -> bool:
        """True when the period is a calendar interval (usable as a narrative anchor)."""
        return self.earliest is not None and self.latest is not None and self.type in ("DATE", "TIME")


def unresolved(type_: str, reason: str) -> Period:
    return Period(type_, None, None, None, None, "relative", reason)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def day_period(d: date, basis: DateBasis = "explicit") -> Period:
    return Period("DATE", d.isoformat(), "day", d, d, basis)


def month_period(year: int, month: int, basis: DateBasis = "explicit") -> Period:
    return Period("DATE", f"{year:04d}-{month:02d}", "month", date(year, month, 1),
                  month_end(year, month), basis)


def year_period(year: int, basis: DateBasis = "explicit") -> Period:
    return Period("DATE", f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31), basis)


def week_period(d: date, basis: DateBasis = "relative", weekend: bool = False) -> Period:
    iso_year, week, weekday = d.isocalendar()
    monday = d - timedelta(days=weekday - 1)
    if weekend:
        return Period("DATE", f"{iso_year:04d}-W{week:02d}-WE", "week", monday + timedelta(days=5),
                      monday + timedelta(days=6), basis)
    return Period("DATE", f"{iso_year:04d}-W{week:02d}", "week", monday,
                  monday + timedelta(days=6), basis)


def quarter_period(year: int, quarter: int, basis: DateBasis = "explicit") -> Period:
    first = 3 * (quarter - 1) + 1
    return Period("DATE", f"{year:04d}-Q{quarter}", "quarter", date(year, first, 1),
                  month_end(year, first + 2), basis)


def half_period(year: int, half: int, basis: DateBasis = "explicit") -> Period:
    first = 1 if half == 1 else 7
    return Period("DATE", f"{year:04d}-H{half}", "quarter", date(year, first, 1),
                  month_end(year, first + 5), basis)


def season_period(year: int, code: str, basis: DateBasis = "explicit") -> Period:
    first, last = SEASON_MONTHS[code]
    end_year = year + 1 if last < first else year
    return Period("DATE", f"{year:04d}-{code}", "season", date(year, first, 1),
                  month_end(end_year, last), basis)


def decade_period(decade_start: int, basis: DateBasis = "explicit") -> Period:
    return Period("DATE", f"{decade_start // 10:03d}", "decade", date(decade_start, 1, 1),
                  date(decade_start + 9, 12, 31), basis)


def part_of_month(year: int, month: int, part: str, basis: DateBasis = "explicit") -> Period:
    """'early/mid/late February': the month's value with the 1–10 / 11–20 / 21–end interval."""
    lo, hi = THIRDS[part]
    end = month_end(year, month)
    return Period("DATE", f"{year:04d}-{month:02d}", "month", date(year, month, lo),
                  date(year, month, min(hi, end.day)), basis)


def part_of_year(year: int, part: str, basis: DateBasis = "explicit") -> Period:
    lo, hi = YEAR_THIRDS[part]
    return Period("DATE", f"{year:04d}", "year", date(year, lo, 1), month_end(year, hi), basis)


def interval_period(earliest: date, latest: date, basis: DateBasis) -> Period:
    """A fuzzy interval ('days later'): the value is the finest unit containing both ends."""
    if earliest == latest:
        return day_period(earliest, basis)
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return Period("DATE", f"{earliest.year:04d}-{earliest.month:02d}", "month", earliest,
                      latest, basis)
    if earliest.year == latest.year:
        return Period("DATE", f"{earliest.year:04d}", "year", earliest, latest, basis)
    return Period("DATE", f"{earliest.year // 10:03d}", "decade", earliest, latest, basis)


def shift(d: date, unit: str, n: int) -> date:
    """Move a date by n units (day, week, month, quarter, year, decade)."""
    if unit == "D":
        return d + timedelta(days=n)
    if unit == "W":
        return d + timedelta(weeks=n)
    if unit == "M":
        return add_months(d, n)
    if unit == "Q":
        return add_months(d, 3 * n)
    if unit == "Y":
        return add_months(d, 12 * n)
    if unit == "DE":
        return add_months(d, 120 * n)
    return d


def unit_period(d: date, unit: str, basis: DateBasis) -> Period:
    """The period of the given unit that contains d."""
    if unit == "W":
        return week_period(d, basis)
    if unit == "WE":
        return week_period(d, basis, weekend=True)
    if unit == "M":
        return month_period(d.year, d.month, basis)
    if unit == "Q":
        return quarter_period(d.year, (d.month - 1) // 3 + 1, basis)
    if unit == "Y":
        return year_period(d.year, basis)
    if unit == "DE":
        return decade_period(d.year - d.year % 10, basis)
    if unit == "CE":
        start = d.year - d.year % 100
        return Period("DATE", f"{start // 100:02d}", "century", date(start, 1, 1),
                      date(start + 99, 12, 31), basis)
    return day_period(d, basis)
