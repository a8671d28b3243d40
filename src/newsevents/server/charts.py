"""``GET /stats``: the counts behind the explorer's charts, each a facet computed in SQL
(grouped rows, never one row per event) so that they stay fast on large stores."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import ColumnElement, Connection, and_, func, select
from sqlalchemy.orm import aliased

from ..store import schema
from ..store.core import Store
from ..store.query import EventFilter, conditions

events, articles, actors = schema.events, schema.articles, schema.actors
event_actors = schema.event_actors

Facet = Literal["totals", "type", "quad", "country", "outlet", "timeline", "network", "places"]
FACETS: tuple[Facet, ...] = ("totals", "type", "quad", "country", "outlet", "timeline",
                             "network", "places")
Interval = Literal["auto", "day", "week", "month"]
Period = Literal["day", "week", "month"]
Level = Literal["country", "actor"]
SPAN_DAYS = {"day": 0, "week": 6, "month": 30}
"""An event counts in a period when its date spans at most this many days more than one."""


@dataclass(frozen=True)
class StatsRequest:
    facets: tuple[Facet, ...] = FACETS
    interval: Interval = "auto"
    level: Level = "country"
    top: int = 50
    points: int = 2000


def chart_stats(store: Store, flt: EventFilter, request: StatsRequest) -> dict[str, Any]:
    where = conditions(flt, store.dialect)
    joined = _with_articles if flt.outlets or flt.text else _events_only
    makers: dict[Facet, tuple[str, Callable[[Connection], Any]]] = {
        "totals": ("totals", lambda c: _totals(c, joined(), where)),
        "type": ("by_type", lambda c: _counts(c, joined(), where, events.c.type)),
        "quad": ("by_quad", lambda c: _counts(c, joined(), where, events.c.quad_class)),
        "country": ("by_country",
                    lambda c: _counts(c, joined(), where, events.c.location_country)),
        "outlet": ("by_outlet", lambda c: _counts(c, _with_articles(), where, articles.c.outlet)),
        "timeline": ("timeline", lambda c: _timeline(c, joined(), where, request.interval)),
        "network": ("network",
                    lambda c: _network(c, joined(), where, request.level, request.top)),
        "places": ("places", lambda c: _places(c, joined(), where, request.points)),
    }
    result: dict[str, Any] = {}
    with store.engine.connect() as connection:
        for facet in dict.fromkeys(request.facets):
            key, make = makers[facet]
            result[key] = make(connection)
    return result


def _with_articles() -> Any:
    return events.join(articles, events.c.article_id == articles.c.id)


def _events_only() -> Any:
    """Filters that name no article column need no join (a third of a facet's time)."""
    return events


Where = list[ColumnElement[bool]]


def _totals(connection: Connection, base: Any, where: Where) -> dict[str, int]:
    n_events, n_articles = connection.execute(
        select(func.count(), func.count(func.distinct(events.c.article_id)))
        .select_from(base).where(*where)).one()
    n_failures = connection.execute(select(func.count()).select_from(schema.failures)).scalar_one()
    return {"events": int(n_events), "articles": int(n_articles), "failures": int(n_failures)}


def _counts(connection: Connection, base: Any, where: Where, column: Any
            ) -> list[dict[str, Any]]:
    count = func.count()
    rows = connection.execute(
        select(column, count).select_from(base).where(*where)
        .group_by(column).order_by(count.desc(), column)).all()
    return [{"key": None if key is None else str(key), "events": int(n)} for key, n in rows]


AUTO_DAYS = 92
AUTO_WEEKS = 730
"""interval=auto: days for results spanning up to this many days, weeks up to AUTO_WEEKS."""


def _timeline(connection: Connection, base: Any, where: Where, asked: Interval
              ) -> dict[str, Any]:
    interval = _auto_interval(connection, base, where) if asked == "auto" else asked
    rows = connection.execute(
        select(events.c.date_earliest, events.c.date_latest, events.c.quad_class, func.count(),
               func.sum(events.c.intensity), func.count(events.c.intensity))
        .select_from(base).where(*where, events.c.date_earliest.is_not(None))
        .group_by(events.c.date_earliest, events.c.date_latest, events.c.quad_class)).all()
    undated = connection.execute(
        select(func.count()).select_from(base)
        .where(*where, events.c.date_earliest.is_(None))).scalar_one()
    periods, wider = bucket(rows, interval)
    return {"interval": interval, "periods": periods, "wider_than_interval": wider,
            "undated": int(undated)}


def _auto_interval(connection: Connection, base: Any, where: Where) -> Period:
    first, last = connection.execute(
        select(func.min(events.c.date_earliest), func.max(events.c.date_latest))
        .select_from(base).where(*where)).one()
    if first is None or last is None:
        return "month"
    days = (date.fromisoformat(str(last)[:10]) - date.fromisoformat(str(first)[:10])).days
    return "day" if days <= AUTO_DAYS else "week" if days <= AUTO_WEEKS else "month"


def bucket(rows: Sequence[Any], interval: Period) -> tuple[list[dict[str, Any]], int]:
    """Grouped (earliest, latest, quad, n, intensity sum, intensity n) rows → periods. An event
    dated to a span of more than one period ('last week' in a daily view) counts apart."""
    periods: dict[str, dict[str, Any]] = {}
    wider = 0
    for earliest, latest, quad, count, total, scored in rows:
        first = date.fromisoformat(str(earliest)[:10])
        last = date.fromisoformat(str(latest or earliest)[:10])
        if (last - first).days > SPAN_DAYS[interval]:
            wider += int(count)
            continue
        start, end = period_of(first + (last - first) / 2, interval)
        slot = periods.setdefault(start.isoformat(), {
            "start": start, "end": end, "events": 0, "quads": {}, "sum": 0.0, "scored": 0})
        slot["events"] += int(count)
        key = str(quad or 0)
        slot["quads"][key] = slot["quads"].get(key, 0) + int(count)
        slot["sum"] += float(total or 0.0)
        slot["scored"] += int(scored)
    return [_period(slot, interval) for _, slot in sorted(periods.items())], wider


def period_of(day: date, interval: Period) -> tuple[date, date]:
    if interval == "day":
        return day, day
    if interval == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def _period(slot: dict[str, Any], interval: Period) -> dict[str, Any]:
    start: date = slot["start"]
    label = start.isoformat()[:7] if interval == "month" else start.isoformat()
    mean = round(slot["sum"] / slot["scored"], 3) if slot["scored"] else None
    return {"period": label, "start": start.isoformat(), "end": slot["end"].isoformat(),
            "events": slot["events"], "quads": slot["quads"], "goldstein_mean": mean}


def _network(connection: Connection, base: Any, where: Where, level: Level, top: int
              ) -> dict[str, Any]:
    src_link, tgt_link = aliased(event_actors), aliased(event_actors)
    src, tgt = aliased(actors), aliased(actors)
    src_key: ColumnElement[Any]
    tgt_key: ColumnElement[Any]
    if level == "country":
        src_key, tgt_key = src.c.country, tgt.c.country
    else:
        src_key = func.coalesce(src.c.code, src.c.name)
        tgt_key = func.coalesce(tgt.c.code, tgt.c.name)
    joined = (
        base
        .join(src_link, and_(src_link.c.event_id == events.c.id, src_link.c.role == "source"))
        .join(src, src.c.id == src_link.c.actor_id)
        .join(tgt_link, and_(tgt_link.c.event_id == events.c.id, tgt_link.c.role == "target"))
        .join(tgt, tgt.c.id == tgt_link.c.actor_id)
    )
    count = func.count(func.distinct(events.c.id))
    rows = connection.execute(
        select(src_key, tgt_key, count, func.avg(events.c.intensity)).select_from(joined)
        .where(*where, src_key.is_not(None), tgt_key.is_not(None), src_key != tgt_key)
        .group_by(src_key, tgt_key).order_by(count.desc(), src_key, tgt_key).limit(top)).all()
    edges = [{"source": s, "target": t, "events": int(n),
              "goldstein_mean": None if mean is None else round(float(mean), 3)}
             for s, t, n, mean in rows]
    return {"level": level, "edges": edges}


def _places(connection: Connection, base: Any, where: Where, limit: int
            ) -> list[dict[str, Any]]:
    columns = (events.c.location_lat, events.c.location_lon, events.c.location_name,
               events.c.location_country, events.c.location_precision)
    count = func.count()
    rows = connection.execute(
        select(*columns, count).select_from(base)
        .where(*where, events.c.location_lat.is_not(None), events.c.location_lon.is_not(None))
        .group_by(*columns).order_by(count.desc()).limit(limit)).all()
    return [{"lat": lat, "lon": lon, "name": name, "country": country, "precision": precision,
             "events": int(n)} for lat, lon, name, country, precision, n in rows]
