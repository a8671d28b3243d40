"""Reading events back: filters users of event data ask for, stable ordering, and counts."""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from typing import Any, get_args

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.orm import aliased

from ..errors import FilterError
from ..model import PLOVER_TYPES, Modality, Polarity
from . import schema
from .core import Store

events, articles, actors = schema.events, schema.articles, schema.actors
event_actors = schema.event_actors


@dataclass(frozen=True)
class EventFilter:
    """Every filter of ``newsevents query``; empty fields do not filter."""

    since: str | None = None
    until: str | None = None
    types: tuple[str, ...] = ()
    quad_classes: tuple[int, ...] = ()
    source_country: str | None = None
    target_country: str | None = None
    source_sector: str | None = None
    target_sector: str | None = None
    dyad: tuple[str, str] | None = None
    """Two actor codes or countries; matches either direction (A→B or B→A)."""
    actor: str | None = None
    """Part of an actor's name or text, case-insensitive."""
    location_country: str | None = None
    modalities: tuple[str, ...] = ()
    polarities: tuple[str, ...] = ()
    text: str | None = None
    """Full-text search over article text, titles and quotes."""
    outlets: tuple[str, ...] = ()
    """The article's outlet, exactly (case-insensitive); several: any of them."""
    article_id: str | None = None
    all_versions: bool = False
    """Also the events of superseded article versions (an edited input's older texts)."""
    limit: int | None = None
    offset: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


def date_bounds(value: str) -> tuple[str, str]:
    """('2025-02' → '2025-02-01', '2025-02-28'): the first and last day a partial date covers."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value.strip())
    if not match:
        raise ValueError(f"'{value}' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    if day:
        return value, value
    if month:
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    return f"{year}-01-01", f"{year}-12-31"


def _has_actor(role: str, *, country: str | None = None, sector: str | None = None,
               code_or_country: str | None = None) -> ColumnElement[bool]:
    link = aliased(event_actors)
    who = aliased(actors)
    clauses: list[ColumnElement[bool]] = []
    if country:
        clauses.append(func.upper(who.c.country) == country.upper())
    if sector:
        clauses.append(func.upper(who.c.sector) == sector.upper())
    if code_or_country:
        value = code_or_country.upper()
        clauses.append(or_(func.upper(who.c.code) == value, func.upper(who.c.country) == value))
    return exists(
        select(literal_column("1"))
        .select_from(link.join(who, link.c.actor_id == who.c.id))
        .where(link.c.event_id == events.c.id, link.c.role == role, *clauses)
    )


def containing(words: str) -> str:
    """A LIKE pattern (escape character ``\\``) matching text that contains ``words`` as
    they are: their ``%`` and ``_`` are not wildcards."""
    escaped = words.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _actor_named(name: str) -> ColumnElement[bool]:
    link = aliased(event_actors)
    who = aliased(actors)
    pattern = containing(name)
    return exists(
        select(literal_column("1"))
        .select_from(link.join(who, link.c.actor_id == who.c.id))
        .where(
            link.c.event_id == events.c.id,
            or_(func.lower(who.c.name).like(pattern, escape="\\"),
                func.lower(link.c.text).like(pattern, escape="\\")),
        )
    )


def fts_query(words: str) -> str:
    """User words → an FTS5 query of quoted terms (all must occur), safe from FTS5 syntax."""
    terms = re.findall(r"\w+", words)
    return " ".join(f'"{term}"' for term in terms)


def _full_text(dialect: str, words: str) -> ColumnElement[bool]:
    if dialect == "postgresql":
        article_match = text(
            "to_tsvector('english', coalesce(articles.title, '') || ' ' || "
            "coalesce(articles.text, '')) @@ plainto_tsquery('english', :fts_words)"
        ).bindparams(fts_words=words)
        quote_match = text(
            "events.article_id IN (SELECT quotes.article_id FROM quotes WHERE "
            "to_tsvector('english', coalesce(quotes.text, '') || ' ' || "
            "coalesce(quotes.speaker_name, '')) @@ plainto_tsquery('english', :fts_words_q))"
        ).bindparams(fts_words_q=words)
    else:
        query = fts_query(words) or '""'
        article_match = text(
            "articles.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fts_q)"
        ).bindparams(fts_q=query)
        quote_match = text(
            "events.article_id IN (SELECT quotes.article_id FROM quotes WHERE quotes.seq IN "
            "(SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :fts_qq))"
        ).bindparams(fts_qq=query)
    return or_(article_match, quote_match)


MODALITIES: tuple[str, ...] = get_args(Modality)
POLARITIES: tuple[str, ...] = get_args(Polarity)
QUAD_CLASSES = (1, 2, 3, 4)
THREE_LETTERS = re.compile(r"[A-Za-z]{3}")


def check_filter(flt: EventFilter) -> None:
    """Refuse values that can match nothing as written (an unknown type, quad class 5, 30
    February, a search without words): a ``FilterError`` naming the filter and the allowed
    values, rather than an empty answer that looks like 'no such events'.

    The command line calls it before reading; the HTTP API checks its parameters against its
    published schema instead (a schema-valid value is never refused there)."""
    bounds = {name: _checked_date(name, value)
              for name, value in (("since", flt.since), ("until", flt.until)) if value}
    if len(bounds) == 2 and bounds["since"][0] > bounds["until"][1]:
        raise FilterError("since", f"'{flt.since}' is after --until '{flt.until}': "
                          "nothing can match")
    _check_allowed("type", [t.upper() for t in flt.types], PLOVER_TYPES)
    _check_allowed("quad", list(flt.quad_classes), QUAD_CLASSES)
    _check_allowed("modality", list(flt.modalities), MODALITIES)
    _check_allowed("polarity", list(flt.polarities), POLARITIES)
    for name, value in (("source-country", flt.source_country),
                        ("target-country", flt.target_country),
                        ("location-country", flt.location_country),
                        ("source-sector", flt.source_sector),
                        ("target-sector", flt.target_sector)):
        if value and not THREE_LETTERS.fullmatch(value):
            kind = "an ISO 3166-1 alpha-3 country code (USA, IRN …)" if "country" in name \
                else "a three-letter sector code (GOV, MIL, REB …)"
            raise FilterError(name, f"'{value}' is not {kind}")
    if flt.text is not None and not re.search(r"\w", flt.text):
        raise FilterError("search", f"'{flt.text}' has no words to search for")


def _checked_date(name: str, value: str) -> tuple[str, str]:
    try:
        bounds = date_bounds(value)
        for day in bounds:
            date.fromisoformat(day)
    except ValueError as error:  # month 13, 30 February
        reason = str(error)
        if "is not a date" not in reason:
            reason = f"'{value}' is not a date ({reason}): use YYYY, YYYY-MM or YYYY-MM-DD"
        raise FilterError(name, reason) from None
    return bounds


def _check_allowed(name: str, values: Sequence[Any], allowed: Sequence[Any]) -> None:
    unknown = [v for v in values if v not in allowed]
    if unknown:
        raise FilterError(name, f"{', '.join(repr(v) for v in unknown)} is not one of "
                          f"{', '.join(str(a) for a in allowed)}")


def _date_clauses(flt: EventFilter) -> list[ColumnElement[bool]]:
    """An event matches when its date interval overlaps the asked one."""
    where: list[ColumnElement[bool]] = []
    if flt.since:
        where.append(events.c.date_latest >= date_bounds(flt.since)[0])
    if flt.until:
        where.append(events.c.date_earliest <= date_bounds(flt.until)[1])
    return where


def conditions(flt: EventFilter, dialect: str) -> list[ColumnElement[bool]]:
    """The WHERE clauses of one filter."""
    where: list[ColumnElement[bool]] = _date_clauses(flt)
    if flt.types:
        where.append(events.c.type.in_([t.upper() for t in flt.types]))
    if flt.quad_classes:
        where.append(events.c.quad_class.in_(flt.quad_classes))
    if flt.source_country or flt.source_sector:
        where.append(_has_actor("source", country=flt.source_country, sector=flt.source_sector))
    if flt.target_country or flt.target_sector:
        where.append(_has_actor("target", country=flt.target_country, sector=flt.target_sector))
    if flt.dyad:
        a, b = flt.dyad
        where.append(or_(
            and_(_has_actor("source", code_or_country=a), _has_actor("target", code_or_country=b)),
            and_(_has_actor("source", code_or_country=b), _has_actor("target", code_or_country=a)),
        ))
    if flt.actor:
        where.append(_actor_named(flt.actor))
    if flt.location_country:
        where.append(func.upper(events.c.location_country) == flt.location_country.upper())
    if flt.modalities:
        where.append(events.c.modality.in_(flt.modalities))
    if flt.polarities:
        where.append(events.c.polarity.in_(flt.polarities))
    if flt.outlets:
        where.append(func.lower(articles.c.outlet).in_([o.lower() for o in flt.outlets]))
    if flt.article_id:
        where.append(events.c.article_id == flt.article_id)
    if not flt.all_versions:  # a subquery: the clause needs no join with articles
        where.append(events.c.article_id.not_in(
            select(articles.c.id).where(articles.c.superseded.is_(True))
            .correlate(None).scalar_subquery()))
    if flt.text:
        where.append(_full_text(dialect, flt.text))
    return where


def ordered(statement: Select[Any]) -> Select[Any]:
    """Stable order: dated events first by date, then article, position in text, id."""
    return statement.order_by(
        events.c.date_earliest.is_(None), events.c.date_earliest, events.c.article_id,
        events.c.first_start, events.c.id,
    )


def select_events(flt: EventFilter, dialect: str, with_text: bool = False) -> Select[Any]:
    article_columns = [
        articles.c.url.label("article_url"),
        articles.c.title.label("article_title"),
        articles.c.outlet.label("article_outlet"),
        articles.c.published.label("article_published"),
        articles.c.language.label("article_language"),
        articles.c.coded_at.label("article_coded_at"),
    ]
    if with_text:
        article_columns.append(articles.c.text.label("article_text"))
    statement = select(events, *article_columns).select_from(
        events.join(articles, events.c.article_id == articles.c.id)
    )
    statement = ordered(statement.where(*conditions(flt, dialect)))
    if flt.limit is not None:
        statement = statement.limit(flt.limit)
    if flt.offset:
        statement = statement.offset(flt.offset)
    return statement


def iter_event_rows(
    connection: Connection, flt: EventFilter, page: int = 1000, with_text: bool = False,
) -> Iterator[dict[str, Any]]:
    """Event rows (with their article's metadata) in stable order, fetched in pages."""
    statement = select_events(flt, connection.dialect.name, with_text)
    result = connection.execution_options(yield_per=page).execute(statement).mappings()
    while chunk := result.fetchmany(page):
        yield from (dict(row) for row in chunk)


def find_events(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Summary rows for ``newsevents query``: one per event, actors joined by '; '."""
    with store.engine.connect() as connection:
        return summarise(connection, list(iter_event_rows(connection, flt)))


def iter_summaries(store: Store, flt: EventFilter, page: int = 1000) -> Iterator[dict[str, Any]]:
    """``find_events``'s rows streamed a page at a time: every matching event, in bounded
    memory (``query --format csv|jsonl`` without ``--limit``)."""
    with store.engine.connect() as connection:
        rows = iter_event_rows(connection, flt, page)
        while chunk := list(islice(rows, page)):
            yield from summarise(connection, chunk)


def count_events(store: Store, flt: EventFilter) -> int:
    """How many events match ``flt`` (its limit and offset aside)."""
    base = events.join(articles, events.c.article_id == articles.c.id)
    with store.engine.connect() as connection:
        return int(connection.execute(
            select(func.count()).select_from(base).where(*conditions(flt, store.dialect))
        ).scalar_one())


def summarise(connection: Connection, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event rows (as ``iter_event_rows`` gives them) → summary rows with their actors."""
    people = _actors_of(connection, [r["id"] for r in rows])
    return [summary_row(row, people.get(row["id"], {})) for row in rows]


def _actors_of(connection: Connection, event_ids: Sequence[str]) -> dict[str, dict[str, list]]:
    found: dict[str, dict[str, list]] = {}
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start:start + 500]
        query = (
            select(event_actors.c.event_id, event_actors.c.role, event_actors.c.position,
                   event_actors.c.text, actors.c.name, actors.c.code, actors.c.country)
            .select_from(event_actors.join(actors, event_actors.c.actor_id == actors.c.id))
            .where(event_actors.c.event_id.in_(chunk))
            .order_by(event_actors.c.event_id, event_actors.c.role, event_actors.c.position)
        )
        for row in connection.execute(query):
            found.setdefault(row.event_id, {}).setdefault(row.role, []).append(row)
    return found


def summary_row(row: dict[str, Any], people: dict[str, list]) -> dict[str, Any]:
    record = json.loads(row["record"])
    trigger = (record.get("evidence") or [{}])[0].get("trigger") or {}
    return {
        "id": row["id"],
        "date": row["date_value"],
        "type": row["type"],
        "mode": row["mode"],
        "cameo": row["cameo"],
        "quad_class": row["quad_class"],
        "intensity": row["intensity"],
        "source": "; ".join(p.name or p.text or "" for p in people.get("source", [])),
        "source_code": "; ".join(p.code or "" for p in people.get("source", [])),
        "target": "; ".join(p.name or p.text or "" for p in people.get("target", [])),
        "target_code": "; ".join(p.code or "" for p in people.get("target", [])),
        "location": row["location_name"],
        "location_country": row["location_country"],
        "polarity": row["polarity"],
        "modality": row["modality"],
        "confidence": row["confidence"],
        "trigger": trigger.get("text"),
        "article_id": row["article_id"],
        "url": row["article_url"],
        "outlet": row["article_outlet"],
    }


def full_records(store: Store, flt: EventFilter) -> Iterator[dict[str, Any]]:
    """The contract's Event records (with their article's metadata) for JSON output."""
    with store.engine.connect() as connection:
        for row in iter_event_rows(connection, flt):
            record = json.loads(row["record"])
            record["article"] = {
                "id": row["article_id"], "url": row["article_url"],
                "title": row["article_title"], "outlet": row["article_outlet"],
                "published": row["article_published"],
            }
            yield record


@dataclass
class Stats:
    articles: int
    events: int
    failures: int
    by_type: list[tuple[str, int]]
    by_month: list[tuple[str, int]]
    by_dyad: list[tuple[str, str, int]]
    coarser_than_month: int = 0
    """Events whose date spans more than one month ('in 2019', 'last year'): left out of
    ``by_month`` rather than piled onto a January."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "events": self.events, "failures": self.failures,
            "by_type": [{"type": t, "events": n} for t, n in self.by_type],
            "by_month": [{"month": m, "events": n} for m, n in self.by_month],
            "by_dyad": [{"source": s, "target": t, "events": n} for s, t, n in self.by_dyad],
            "coarser_than_month": self.coarser_than_month,
        }


def stats(store: Store, flt: EventFilter = EventFilter(), top_dyads: int = 20) -> Stats:
    """Counts by PLOVER type, by month of the event date (events dated within one month),
    and by source→target actor code."""
    dialect = store.dialect
    where = conditions(flt, dialect)
    base = events.join(articles, events.c.article_id == articles.c.id)
    with store.engine.connect() as connection:
        total = connection.execute(
            select(func.count()).select_from(base).where(*where)).scalar_one()
        by_type = connection.execute(
            select(events.c.type, func.count()).select_from(base).where(*where)
            .group_by(events.c.type).order_by(func.count().desc(), events.c.type)).all()
        intervals = connection.execute(
            select(events.c.date_earliest, events.c.date_latest, func.count()).select_from(base)
            .where(*where, events.c.date_earliest.is_not(None))
            .group_by(events.c.date_earliest, events.c.date_latest)).all()
        by_month, coarser = _count_by_month(intervals)
        by_dyad = connection.execute(_dyad_counts(where, top_dyads)).all()
        n_articles = connection.execute(
            select(func.count()).select_from(articles)).scalar_one()
        n_failures = connection.execute(
            select(func.count()).select_from(schema.failures)).scalar_one()
    return Stats(
        articles=int(n_articles), events=int(total), failures=int(n_failures),
        by_type=[(t, int(n)) for t, n in by_type],
        by_month=by_month,
        by_dyad=[(s, t, int(n)) for s, t, n in by_dyad],
        coarser_than_month=coarser,
    )


MONTH_DAYS = 31


def _count_by_month(intervals: Sequence[Any]) -> tuple[list[tuple[str, int]], int]:
    """Events per month of their date, for dates spanning at most a month ('last week' across
    a month's end goes to the month of its middle day); and the count of wider ones."""
    months: dict[str, int] = {}
    coarser = 0
    for earliest, latest, count in intervals:
        first = date.fromisoformat(str(earliest)[:10])
        last = date.fromisoformat(str(latest or earliest)[:10])
        if (last - first).days >= MONTH_DAYS:
            coarser += int(count)
            continue
        middle = first + (last - first) / 2
        key = f"{middle.year:04d}-{middle.month:02d}"
        months[key] = months.get(key, 0) + int(count)
    return sorted(months.items()), coarser


def _dyad_counts(where: list[ColumnElement[bool]], top: int) -> Select[Any, Any, int]:
    src_link, tgt_link = aliased(event_actors), aliased(event_actors)
    src, tgt = aliased(actors), aliased(actors)
    src_code = func.coalesce(src.c.code, src.c.name)
    tgt_code = func.coalesce(tgt.c.code, tgt.c.name)
    joined = (
        events.join(articles, events.c.article_id == articles.c.id)
        .join(src_link, and_(src_link.c.event_id == events.c.id, src_link.c.role == "source"))
        .join(src, src.c.id == src_link.c.actor_id)
        .join(tgt_link, and_(tgt_link.c.event_id == events.c.id, tgt_link.c.role == "target"))
        .join(tgt, tgt.c.id == tgt_link.c.actor_id)
    )
    count = func.count(func.distinct(events.c.id))
    return (
        select(src_code, tgt_code, count).select_from(joined).where(*where)
        .group_by(src_code, tgt_code).order_by(count.desc(), src_code, tgt_code).limit(top)
    )
