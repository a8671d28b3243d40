"""Date intervals for scoring: a DateValue's ``earliest``…``latest``, or its ``value`` expanded."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Any

Interval = tuple[date, date]

_SEASONS: dict[str, tuple[int, int, int, int]] = {
    # (start month, start day, end month, end day); winter spans the turn of the year
    "SP": (3, 1, 5, 31),
    "SU": (6, 1, 8, 31),
    "FA": (9, 1, 11, 30),
    "AU": (9, 1, 11, 30),
    "WI": (12, 1, 2, 28),
}
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")


def parse_day(text: Any) -> date | None:
    """The date at the start of an ISO date or datetime string, else None."""
    if not isinstance(text, str):
        return None
    m = _DAY.match(text)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _season(year: int, code: str) -> Interval:
    sm, sd, em, ed = _SEASONS[code]
    if code == "WI":
        return date(year, sm, sd), _month_end(year + 1, em)
    return date(year, sm, sd), date(year, em, ed)


def value_interval(value: Any) -> Interval | None:
    """Expand an ISO 8601 / TIMEX3 value at its precision into a day interval."""
    if not isinstance(value, str) or not value:
        return None
    value = value.strip()
    try:
        return _expand(value)
    except ValueError:
        return None


def _expand(value: str) -> Interval | None:
    day = parse_day(value)
    if day is not None:
        return day, day
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + timedelta(days=6)
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return date(year, month, 1), _month_end(year, month)
    if m := _QUARTER.match(value):
        year, q = int(m[1]), int(m[2])
        return date(year, 3 * q - 2, 1), _month_end(year, 3 * q)
    if m := _HALF.match(value):
        year, h = int(m[1]), int(m[2])
        return date(year, 6 * h - 5, 1), _month_end(year, 6 * h)
    if m := _SEASON.match(value):
        return _season(int(m[1]), m[2])
    if m := _YEAR.match(value):
        return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    if m := _DECADE.match(value):
        start = int(m[1]) * 10
        return date(start, 1, 1), date(start + 9, 12, 31)
    if m := _CENTURY.match(value):
        start = max(int(m[1]) * 100, 1)
        return date(start, 1, 1), date(int(m[1]) * 100 + 99, 12, 31)
    return None


def record_interval(record: Any) -> Interval | None:
    """The interval of a DateValue or Timex dict: ``earliest``…``latest``, else ``value``."""
    if not isinstance(record, dict):
        return None
    earliest = parse_day(record.get("earliest"))
    latest = parse_day(record.get("latest"))
    from_value = value_interval(record.get("value"))
    if earliest is None and latest is None:
        return from_value
    if earliest is None:
        earliest = from_value[0] if from_value else date.min
    if latest is None:
        latest = from_value[1] if from_value else date.max
    return earliest, latest


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def inside_widened(inner: Interval, outer: Interval, days: int = 1) -> bool:
    """True when ``inner`` lies inside ``outer`` widened by ``days`` on both sides."""
    pad = timedelta(days=days)
    low = outer[0] - pad if outer[0] > date.min + pad else date.min
    high = outer[1] + pad if outer[1] < date.max - pad else date.max
    return low <= inner[0] and inner[1] <= high
