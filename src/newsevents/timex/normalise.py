"""Normalise found expressions to TIMEX3 values against the publication date, like a reader.

A year-less date takes the year that puts it on or before publication in past-tense context
and on or after it in future-tense context; a bare weekday likewise. Narrative expressions
("days later", "the next day") resolve against the previous dated expression in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import DateBasis
from .calendar import (
    Period,
    day_period,
    decade_period,
    half_period,
    interval_period,
    month_end,
    month_period,
    part_of_month,
    part_of_year,
    quarter_period,
    safe_date,
    season_period,
    shift,
    unit_period,
    unresolved,
    week_period,
    year_period,
)
from .find import Found
from .words import (
    FUTURE_WORDS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    PAST_WORDS,
    SEASONS,
    SET_WORDS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
    number_value,
)

NO_ANCHOR = "no publication date to resolve against"
NEUTRAL_AHEAD_MONTHS = 3
NEUTRAL_AHEAD_DAYS = 90
"""With no tense to go by, a date this close ahead of publication is read as upcoming; news
otherwise reports the past."""
_MONEY_BEFORE = re.compile(
    r"(?:\d|million|billion|trillion|dollars|euros|pounds|yen|percent|times|once|twice|cents)"
    r"[^\S\n]*$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass
class Context:
    """What a found expression is resolved against."""

    published: date | None
    tense: Callable[[], str | None]
    """'past', 'future', 'present' or None, computed only when a rule needs it."""
    narrative: Period | None
    before: str = ""
    """A few characters of text before the expression."""
    after: str = ""
    """A few characters of text after the expression."""


def _words(text: str) -> str:
    return _SPACES.sub(" ", text.strip().lower())


def _direction(ctx: Context) -> str:
    tense = ctx.tense()
    return tense if tense in ("past", "future") else "nearest"


def pick_year_for(month: int, day: int, ctx: Context) -> date | None:
    """The year for a year-less month-day: on/before publication in the past, after in the future."""
    pub = ctx.published
    if pub is None:
        return None
    direction = _direction(ctx)
    if month == 2 and day == 29:
        return _leap_day_for(pub, direction)
    return _month_day_for(month, day, pub, direction)


def _leap_day_for(pub: date, direction: str) -> date | None:
    """29 February: the latest leap day on/before publication, the next one in the future."""
    leap_days = [date(y, 2, 29) for y in range(pub.year - 8, pub.year + 9) if safe_date(y, 2, 29)]
    past = [d for d in leap_days if d <= pub]
    future = [d for d in leap_days if d >= pub]
    if direction == "future" and future:
        return future[0]
    return past[-1] if past else None


def _month_day_for(month: int, day: int, pub: date, direction: str) -> date | None:
    """The month-day in the year before, of, or after publication that fits ``direction``."""
    candidates = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := safe_date(y, month, day))]
    if not candidates:
        return None
    past = [d for d in candidates if d <= pub]
    future = [d for d in candidates if d >= pub]
    if direction == "past":
        return past[-1]
    if direction == "future":
        return future[0]
    return _neutral_pick(past, future, pub)


def _neutral_pick(past: list[date], future: list[date], pub: date) -> date:
    """With no tense to go by: the date if it is shortly ahead of publication, else the past one."""
    soon = [d for d in future if (d - pub).days <= NEUTRAL_AHEAD_DAYS]
    return soon[0] if soon and soon[0] != pub else past[-1]


def pick_year_for_month(month: int, ctx: Context) -> int | None:
    pub = ctx.published
    if pub is None:
        return None
    direction = _direction(ctx)
    if direction == "past":
        return pub.year if month <= pub.month else pub.year - 1
    if direction == "future":
        return pub.year if month >= pub.month else pub.year + 1
    ahead = (month - pub.month) % 12
    if ahead == 0:
        return pub.year
    if ahead <= NEUTRAL_AHEAD_MONTHS:
        return pub.year if month > pub.month else pub.year + 1
    return pub.year if month < pub.month else pub.year - 1


def pick_weekday(weekday: int, ctx: Context, det: str | None = None) -> date | None:
    """The weekday meant: on/before publication in the past, the next one in the future."""
    pub = ctx.published
    if pub is None:
        return None
    back = (pub.weekday() - weekday) % 7
    ahead = (weekday - pub.weekday()) % 7
    if det in ("last", "past"):
        return pub - timedelta(days=back or 7)
    if det in ("next", "coming"):
        return pub + timedelta(days=ahead or 7)
    if det == "this":
        return pub - timedelta(days=pub.weekday()) + timedelta(days=weekday)
    direction = _direction(ctx)
    if direction == "past" or back == 0:
        return pub - timedelta(days=back)
    if direction == "future":
        return pub + timedelta(days=ahead)
    return pub - timedelta(days=back) if back <= ahead else pub + timedelta(days=ahead)


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def resolve_md(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    month = _month_number(p.get("md_mon") or p["md_mon2"])
    day = _day_number(p.get("md_day") or p["md_day2"])
    if "md_year" in p:
        d = safe_date(int(p["md_year"]), month, day)
        return day_period(d) if d else None
    if safe_date(2024, month, day) is None:
        return None
    d = pick_year_for(month, day, ctx)
    if d is None:
        return unresolved("DATE", NO_ANCHOR)
    return day_period(d)


def resolve_iso(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    d = safe_date(int(p["iso_y"]), int(p["iso_m"]), int(p["iso_d"]))
    if d is None:
        return None
    if "iso_t" in p:
        return Period("TIME", f"{d.isoformat()}T{p['iso_t']}", "time", d, d)
    return day_period(d)


def resolve_slash(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    a, b, y = int(p["sl_a"]), int(p["sl_b"]), int(p["sl_y"])
    if y < 100:
        pivot = (ctx.published.year % 100 + 1) if ctx.published else 30
        y += 2000 if y <= pivot else 1900
    month, day = (a, b) if a <= 12 else (b, a)
    d = safe_date(y, month, day)
    return day_period(d) if d else None


def resolve_monyear(f: Found, ctx: Context) -> Period | None:
    month = _month_number(f.parts["my_mon"])
    if "my_year" in f.parts:
        return month_period(int(f.parts["my_year"]), month)
    if ctx.published is None:
        return unresolved("DATE", NO_ANCHOR)
    return month_period(_relative_year(f.parts["my_rel"], ctx.published), month, "relative")


def resolve_bmonth(f: Found, ctx: Context) -> Period | None:
    month = _month_number(f.parts["bm_mon"])
    year = pick_year_for_month(month, ctx)
    if year is None:
        return unresolved("DATE", NO_ANCHOR)
    return month_period(year, month)


def resolve_relmonth(f: Found, ctx: Context) -> Period | None:
    pub = ctx.published
    if pub is None:
        return unresolved("DATE", NO_ANCHOR)
    month = _month_number(f.parts["rm_mon"])
    det = f.parts["rm_det"].lower()
    if det == "last":
        year = pub.year if month < pub.month else pub.year - 1
    elif det == "next":
        year = pub.year if month > pub.month else pub.year + 1
    elif det == "this":
        year = pub.year
    else:
        year = pick_year_for_month(month, ctx) or pub.year
        return part_of_month(year, month, det, "relative")
    return month_period(year, month, "relative")


def _mod(word: str) -> str:
    w = word.lower()
    if w.startswith(("early", "the beginning", "beginning", "the start", "start", "the turn", "turn")):
        return "early"
    if w.startswith(("mid", "the middle", "middle")):
        return "mid"
    return "late"


def _relative_year(rel: str, pub: date) -> int:
    return {"last": pub.year - 1, "next": pub.year + 1}.get(rel.lower(), pub.year)


def resolve_modmonth(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    part = _mod(p["mm_mod"])
    if "mm_mon" in p:
        month = _month_number(p["mm_mon"])
        if "mm_y1" in p:
            return part_of_month(int(p["mm_y1"]), month, part)
        year = pick_year_for_month(month, ctx)
        if year is None:
            return unresolved("DATE", NO_ANCHOR)
        return part_of_month(year, month, part)
    if "mm_y2" in p:
        return part_of_year(int(p["mm_y2"]), part)
    pub = ctx.published
    if pub is None:
        return unresolved("DATE", NO_ANCHOR)
    unit = p["mm_unit"].lower()
    rel = p["mm_rel"]
    if unit == "month":
        d = shift(pub, "M", {"last": -1, "next": 1}.get(rel.lower(), 0))
        return part_of_month(d.year, d.month, part, "relative")
    if unit == "decade":
        return decade_period(pub.year - pub.year % 10, "relative")
    return part_of_year(_relative_year(rel, pub), part, "relative")


def resolve_ofmonth(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    month = _month_number(p["om_mon"])
    year = int(p["om_year"]) if "om_year" in p else pick_year_for_month(month, ctx)
    if year is None:
        return unresolved("DATE", NO_ANCHOR)
    ordinal = p["om_ord"].lower()
    day = month_end(year, month).day - 3 if ordinal in ("last", "final") else 7 * ORDINALS[ordinal] - 3
    return week_period(date(year, month, day), "explicit" if "om_year" in p else "relative")


def resolve_quarter(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    if "q_n" in p:
        return quarter_period(int(p["q_y2"]), int(p["q_n"]))
    ordinal = p["q_ord"].lower()
    half = p["q_kind"].lower() == "half"
    n = ORDINALS[ordinal]
    n = min(n, 2) if half else n
    make = half_period if half else quarter_period
    if "q_year" in p:
        return make(int(p["q_year"]), n)
    pub = ctx.published
    if pub is None:
        return unresolved("DATE", NO_ANCHOR)
    if "q_rel" in p:
        return make(_relative_year(p["q_rel"], pub), n, "relative")
    current = (pub.month - 1) // 3 + 1
    if ordinal == "last" and not half:
        d = shift(pub, "Q", -1)
        return quarter_period(d.year, (d.month - 1) // 3 + 1, "relative")
    if half:
        return make(pub.year, n, "relative")
    year = pub.year - 1 if _direction(ctx) == "past" and n >= current else pub.year
    return quarter_period(year, n, "relative")


def resolve_season(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    name = p["ss_name"].lower()
    mod = _words(p.get("ss_mod", ""))
    if name == "fall" and mod in ("", "the") and "ss_year" not in p:
        return None
    code = SEASONS[name]
    if "ss_year" in p:
        return season_period(int(p["ss_year"]), code)
    pub = ctx.published
    if pub is None:
        return unresolved("DATE", NO_ANCHOR)
    this_year = season_period(pub.year, code, "relative")
    if mod == "last":
        seasons = [season_period(y, code, "relative") for y in (pub.year - 2, pub.year - 1, pub.year)]
        return [s for s in seasons if s.latest and s.latest < pub][-1]
    if mod == "next":
        seasons = [season_period(y, code, "relative") for y in (pub.year, pub.year + 1)]
        return next(s for s in seasons if s.earliest and s.earliest > pub)
    direction = _direction(ctx)
    if direction == "past" and this_year.earliest and this_year.earliest > pub:
        return season_period(pub.year - 1, code, "relative")
    if direction == "future" and this_year.latest and this_year.latest < pub:
        return season_period(pub.year + 1, code, "relative")
    return this_year


def resolve_decade(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    if "dc_c" in p:
        start = int(p["dc_c"]) * 100 + int(p["dc_d"]) * 10
    else:
        digit = int(p.get("dc_d2") or p["dc_d3"])
        pub_year = ctx.published.year if ctx.published else 1999
        century = pub_year // 100 * 100
        start = century + digit * 10
        if start > pub_year:
            start -= 100
    period = decade_period(start)
    if "dc_mod" in p and period.earliest and period.latest:
        mod = p["dc_mod"].lower()
        lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}[mod]
        return Period("DATE", period.value, "decade", date(start + lo, 1, 1),
                      date(start + hi, 12, 31), "explicit")
    return period


def resolve_year(f: Found, ctx: Context) -> Period | None:
    if "yr_short" in f.parts:
        short = int(f.parts["yr_short"])
        now = ctx.published.year if ctx.published else 2000
        year = now - now % 100 + short
        return year_period(year - 100 if year > now else year)
    year = int(f.parts["yr_year"])
    if "yr_fy" in f.parts:
        return Period("DATE", f"FY{year}", "year", date(year - 1, 10, 1), date(year, 9, 30))
    return year_period(year)


def _part_time(d: date, part: str, basis: DateBasis) -> Period:
    return Period("TIME", f"{d.isoformat()}T{PARTS_OF_DAY[part.lower()]}", "time", d, d, basis)


def resolve_wd(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    det = p["wd_det"].lower() if "wd_det" in p else None
    d = pick_weekday(WEEKDAYS[p["wd_name"].lower()], ctx, det)
    if d is None:
        return unresolved("DATE", NO_ANCHOR)
    if "wd_part" in p:
        return _part_time(d, p["wd_part"], "relative")
    return day_period(d, "relative")


def resolve_dayword(f: Found, ctx: Context) -> Period | None:
    pub = ctx.published
    if pub is None:
        return unresolved("DATE", NO_ANCHOR)
    p = f.parts
    if "dw_det" in p:
        d = pub - timedelta(days=1) if p["dw_det"].lower() == "last" else pub
        return _part_time(d, p["dw_part2"], "relative")
    word = p["dw_word"].lower()
    if word == "today" and re.match(r"['’]s\b", ctx.after):
        return Period("DATE", "PRESENT_REF", "day", pub, pub, "relative")
    d = pub + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(word, 0))
    if word == "tonight":
        return _part_time(d, "night", "relative")
    if "dw_part" in p:
        return _part_time(d, p["dw_part"], "relative")
    return day_period(d, "relative")


def _clock_day(f: Found, ctx: Context) -> date | None:
    day = f.parts.get("ck_day")
    if day:
        low = day.lower()
        if low in WEEKDAYS:
            return pick_weekday(WEEKDAYS[low], ctx)
        if ctx.published is None:
            return None
        return ctx.published + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(low, 0))
    anchor = ctx.narrative
    if anchor is not None and anchor.precision in ("day", "time") and anchor.earliest:
        return anchor.earliest
    return ctx.published


def resolve_clock(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    d = _clock_day(f, ctx)
    if "ck_noon" in p:
        hour, minute = (12, 0) if p["ck_noon"].lower() == "noon" else (0, 0)
    elif "ck_hm" in p:
        hour, minute = int(p["ck_hm"][:2]), int(p["ck_hm"][2:])
    else:
        hour = int(p.get("ck_h") or p["ck_h2"])
        minute = int(p.get("ck_m", "0"))
    ap = p.get("ck_ap", "").lower()
    if ap == "p" and hour < 12:
        hour += 12
    elif ap == "a" and hour == 12:
        hour = 0
    if hour > 23:
        return None
    zone = "Z" if p.get("ck_tz") in ("UTC", "GMT") else ""
    if d is None:
        return Period("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}{zone}", "time", None, None,
                      "relative", NO_ANCHOR)
    return Period("TIME", f"{d.isoformat()}T{hour:02d}:{minute:02d}{zone}", "time", d, d,
                  "relative" if "ck_day" in p or d == ctx.published else "narrative")


def _count(text: str | None) -> float | None:
    """The number of units; None when vague ('several', 'a few', no number at all)."""
    if text is None:
        return None
    words = _words(text)
    if words in VAGUE_NUMBERS:
        return None
    return number_value(words)


def _unit(word: str) -> str:
    w = word.lower()
    w = "century" if w.startswith("centur") else w.rstrip("s") if w != "hours" else "hour"
    return w


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P3Y, P2.5Y, PT30M, P10Y for a decade, PXY when vague."""
    code = UNITS[unit]
    scale = 1.0
    if code == "DE":
        code, scale = "Y", 10.0
    elif code == "CE":
        code, scale = "Y", 100.0
    elif unit == "fortnight":
        code, scale = "W", 2.0
    elif code == "WE":
        code, scale = "D", 2.0
    amount = "X" if n is None else _fmt(n * scale)
    prefix = "PT" if unit in ("hour", "minute", "second") else "P"
    return f"{prefix}{amount}{code}"


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def resolve_dur(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    unit = _unit(p["du_unit"])
    num_text = _words(p["du_num"])
    if unit == "second" and num_text in ("a", "an", "one", "single"):
        return None
    n = _count(num_text)
    if num_text in ("a", "an") and "du_pre" not in p and _MONEY_BEFORE.search(ctx.before):
        return Period("SET", duration_value(1, unit))
    return Period("DURATION", duration_value(n, unit))


def resolve_durvague(f: Found, ctx: Context) -> Period | None:
    unit = _unit(f.parts.get("dv_unit") or f.parts["dv_adj"])
    return Period("DURATION", duration_value(None, unit))


def resolve_set(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    if "st_word" in p:
        return Period("SET", SET_WORDS[p["st_word"].lower()])
    if "st_wd" in p:
        return Period("SET", f"XXXX-WXX-{WEEKDAYS[p['st_wd'].lower()] + 1}")
    unit = _unit(p.get("st_unit") or p["st_unit2"])
    n = _count(p["st_num"]) if "st_num" in p else 1.0
    return Period("SET", duration_value(n, unit))


def resolve_ref(f: Found, ctx: Context) -> Period | None:
    word = _words(f.parts["rf_word"])
    word = word[3:] if word.startswith("in ") else word
    pub = ctx.published
    if word in PAST_WORDS:
        return Period("DATE", "PAST_REF", None, None, pub, "relative")
    if word in FUTURE_WORDS:
        return Period("DATE", "FUTURE_REF", None, pub, None, "relative")
    return Period("DATE", "PRESENT_REF", "day" if pub else None, pub, pub, "relative")


def resolve_office(f: Found, ctx: Context) -> Period | None:
    return Period("DATE", "PAST_REF", None, None, ctx.published, "relative")


def resolve_weekend(f: Found, ctx: Context) -> Period | None:
    pub = ctx.published
    if pub is None:
        return unresolved("DATE", NO_ANCHOR)
    saturday = pick_weekday(5, ctx)
    if saturday is None:
        return None
    return week_period(saturday, "relative", weekend=True)


_REL_STEP = {
    "this": 0, "current": 0, "the current": 0, "last": -1, "previous": -1, "the previous": -1,
    "the last": -1, "next": 1, "the next": 1, "coming": 1, "the coming": 1,
}


def resolve_relunit(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    det = _words(p["ru_det"])
    unit_word = _words(p["ru_unit"])
    if det in ("past", "the past"):
        unit = "year" if unit_word == "fiscal year" else unit_word
        return Period("DURATION", duration_value(1, unit if unit in UNITS else "year"))
    pub = ctx.published
    if pub is None:
        return unresolved("DATE", NO_ANCHOR)
    step = _REL_STEP[det]
    if unit_word == "fiscal year":
        return Period("DATE", f"FY{pub.year + step}", "year", date(pub.year + step - 1, 10, 1),
                      date(pub.year + step, 9, 30), "relative")
    code = UNITS[unit_word]
    if code == "WE":
        anchor = pub + timedelta(weeks=step)
        return week_period(anchor, "relative", weekend=True)
    moved = shift(pub, "M" if code == "M" else code, step) if code != "CE" else pub
    period = unit_period(moved, code, "relative")
    return _earlier_later(period, p.get("ru_pre"), pub)


def _earlier_later(period: Period, pre: str | None, pub: date) -> Period:
    """'earlier this month' ends at publication; 'later this year' starts there."""
    if not pre or period.earliest is None or period.latest is None:
        return period
    if pre.lower() == "earlier" and period.earliest <= pub <= period.latest:
        return Period(period.type, period.value, period.precision, period.earliest, pub, period.basis)
    if pre.lower() == "later" and period.earliest <= pub <= period.latest:
        return Period(period.type, period.value, period.precision, pub, period.latest, period.basis)
    return period


_FUZZY_DAYS: dict[str, tuple[int, int]] = {
    "D": (1, 10), "W": (7, 30), "M": (28, 365), "Y": (365, 3650), "DE": (3650, 36500),
}


def resolve_narr(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    if "nr_det" in p or "nr_that" in p or "nr_that2" in p:
        return _next_previous_same(f, ctx)
    unit = _unit(p["nr_unit"])
    direction = _words(p["nr_dir"])
    n = _count(p["nr_num"]) if "nr_num" in p else None
    if direction in ("ago", "from now", "hence"):
        return _from_publication(n, unit, -1 if direction == "ago" else 1, ctx)
    if direction in ("before", "after", "prior") and n is None:
        return None
    sign = -1 if direction in ("earlier", "before", "prior") else 1
    anchor, basis = _anchor(ctx)
    if anchor is None:
        return unresolved("DATE", "no earlier date in the text or publication date to count from")
    return _count_from(anchor, n, unit, sign, basis, ctx.published)


def _anchor(ctx: Context) -> tuple[Period | None, DateBasis]:
    if ctx.narrative is not None and ctx.narrative.dated:
        return ctx.narrative, "narrative"
    if ctx.published is not None:
        return day_period(ctx.published, "relative"), "relative"
    return None, "relative"


def _from_publication(n: float | None, unit: str, sign: int, ctx: Context) -> Period:
    pub = ctx.published
    if pub is None:
        return unresolved("DATE", NO_ANCHOR)
    if n is None:
        value = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Period("DATE", value, None, None if sign < 0 else pub, pub if sign < 0 else None,
                      "relative")
    code = UNITS[unit]
    if unit in ("hour", "minute", "second"):
        return day_period(pub, "relative")
    moved = shift(pub, code, sign * int(n)) if code != "CE" else pub
    if code in ("D", "W"):
        return day_period(moved, "relative")
    return unit_period(moved, code, "relative")


def _count_from(anchor: Period, n: float | None, unit: str, sign: int, basis: DateBasis,
                pub: date | None) -> Period:
    """n units after (sign 1) or before (-1) the anchor; a vague count gives a window."""
    assert anchor.earliest is not None and anchor.latest is not None
    code = UNITS[unit]
    if unit in ("hour", "minute", "second"):
        base = anchor.latest if sign > 0 else anchor.earliest
        return day_period(base, basis)
    if n is None:
        lo, hi = _FUZZY_DAYS.get(code, (1, 10))
        if sign > 0:
            earliest, latest = anchor.latest + timedelta(days=lo), anchor.latest + timedelta(days=hi)
            if pub is not None and earliest <= pub < latest:
                latest = pub
        else:
            earliest, latest = anchor.earliest - timedelta(days=hi), anchor.earliest - timedelta(days=lo)
        return interval_period(earliest, latest, basis)
    base = anchor.latest if sign > 0 else anchor.earliest
    moved = shift(base, code, sign * int(n)) if code != "CE" else base
    if code in ("D", "W"):
        return day_period(moved, basis)
    return unit_period(moved, code, basis)


def _next_previous_same(f: Found, ctx: Context) -> Period | None:
    p = f.parts
    det = _words(p.get("nr_det") or p.get("nr_that") or p["nr_that2"])
    unit_word = (p.get("nr_unit2") or p.get("nr_unit3") or p["nr_unit4"]).lower()
    anchor, basis = _anchor(ctx)
    if anchor is None:
        return unresolved("DATE", "no earlier date in the text or publication date to count from")
    assert anchor.earliest is not None and anchor.latest is not None
    step = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get(det, 0)
    base = anchor.latest if step >= 0 else anchor.earliest
    if unit_word in PARTS_OF_DAY:
        return _part_time(base + timedelta(days=step), unit_word, basis)
    code = UNITS[unit_word]
    if code == "WE":
        return week_period(base + timedelta(weeks=step), basis, weekend=True)
    return unit_period(shift(base, code, step), code, basis)


RESOLVERS: dict[str, Callable[[Found, Context], Period | None]] = {
    "iso": resolve_iso, "slash": resolve_slash, "clock": resolve_clock, "office": resolve_office,
    "ofmonth": resolve_ofmonth, "modmonth": resolve_modmonth, "quarter": resolve_quarter,
    "md": resolve_md, "monyear": resolve_monyear, "relmonth": resolve_relmonth,
    "narr": resolve_narr, "relunit": resolve_relunit, "weekend": resolve_weekend,
    "season": resolve_season, "decade": resolve_decade, "wd": resolve_wd,
    "dayword": resolve_dayword, "set": resolve_set, "dur": resolve_dur,
    "durvague": resolve_durvague, "ref": resolve_ref, "bmonth": resolve_bmonth,
    "year": resolve_year,
}


def resolve(found: Found, ctx: Context) -> Period | None:
    """The Period for one found expression, or None when it turns out not to be a timex."""
    return RESOLVERS[found.kind](found, ctx)
