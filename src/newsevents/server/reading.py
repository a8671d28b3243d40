"""Reads behind the API's GET endpoints: pages of events, one event, one article, actors,
quotes and failures. Every value reaches SQL as a bound parameter."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, func, select, text

from ..store import schema
from ..store.core import Store
from ..store.query import EventFilter, containing, fts_query, select_events, summarise
from .paging import (
    after_dated,
    after_key,
    after_undated,
    decode_event_key,
    encode_token,
    event_key,
)

events, articles, actors = schema.events, schema.articles, schema.actors
event_actors, quotes = schema.event_actors, schema.quotes


def event_page(store: Store, flt: EventFilter, size: int, token: str | None
               ) -> tuple[list[dict[str, Any]], str | None]:
    """One page of event summaries in query's order, and the token of the next page.

    Dated and undated events are read by two queries (dated first), each ordered by
    columns alone, so that SQLite can walk the date index and stop at the page's end
    instead of sorting every match.
    """
    key = decode_event_key(token) if token else None
    base = select_events(replace(flt, limit=None, offset=0), store.dialect).order_by(None)
    order = (events.c.article_id, events.c.first_start, events.c.id)
    with store.engine.connect() as connection:
        rows: list[dict[str, Any]] = []
        if key is None or key[0] is not None:
            dated = base.where(events.c.date_earliest.is_not(None))
            if key is not None:
                dated = dated.where(after_dated(key))
            rows = _fetch(connection, dated.order_by(events.c.date_earliest, *order), size + 1)
        if len(rows) <= size:
            undated = base.where(events.c.date_earliest.is_(None))
            if key is not None and key[0] is None:
                undated = undated.where(after_undated(key))
            rows += _fetch(connection, undated.order_by(*order), size + 1 - len(rows))
        more = len(rows) > size
        rows = rows[:size]
        summaries = summarise(connection, rows)
    page = [_summary(summary, row) for summary, row in zip(summaries, rows, strict=True)]
    return page, encode_token(event_key(rows[-1])) if more else None


def _fetch(connection: Connection, statement: Any, limit: int) -> list[dict[str, Any]]:
    return [dict(row) for row in connection.execute(statement.limit(limit)).mappings()]


def _summary(summary: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    return {
        **summary,
        "date_earliest": row["date_earliest"], "date_latest": row["date_latest"],
        "lat": row["location_lat"], "lon": row["location_lon"],
        "title": row["article_title"], "published": row["article_published"],
    }


def article_meta(row: Any) -> dict[str, Any]:
    return {
        "id": row.id, "url": row.url, "title": row.title, "outlet": row.outlet,
        "published": row.published, "language": row.language,
        "coder_version": row.coder_version, "coded_at": row.coded_at,
        "text_length": row.text_length, "text_stored": row.text is not None,
    }


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """The event's record, its article's metadata and the quotes it is attributed to."""
    with store.engine.connect() as connection:
        found = connection.execute(
            select(events.c.record, events.c.article_id).where(events.c.id == event_id)).first()
        if found is None:
            return None
        record = json.loads(found.record)
        article = connection.execute(
            select(articles).where(articles.c.id == found.article_id)).one()
        quote_ids = [q for q in record.get("quote_ids") or [] if isinstance(q, str)]
        attributed = _quotes_of(connection, found.article_id, quote_ids) if quote_ids else []
    return {"event": record, "article": article_meta(article), "quotes": attributed}


def _quotes_of(connection: Connection, article_id: str, ids: list[str] | None
               ) -> list[dict[str, Any]]:
    query = select(quotes.c.record).where(quotes.c.article_id == article_id)
    if ids is not None:
        query = query.where(quotes.c.id.in_(ids))
    return [json.loads(r.record) for r in connection.execute(query.order_by(quotes.c.start))]


def article_detail(store: Store, article_id: str) -> dict[str, Any] | None:
    """The article with its text (unless stored without), events, quotes, places, timexes."""
    with store.engine.connect() as connection:
        row = connection.execute(select(articles).where(articles.c.id == article_id)).first()
        if row is None:
            return None
        records = [json.loads(r.record) for r in connection.execute(
            select(events.c.record).where(events.c.article_id == article_id)
            .order_by(events.c.first_start, events.c.id))]
        said = _quotes_of(connection, article_id, None)
        places = _rows(connection, schema.places, article_id)
        timexes = _rows(connection, schema.timexes, article_id)
    return {"article": article_meta(row), "text": row.text, "events": records,
            "quotes": said, "places": places, "timexes": timexes}


def _rows(connection: Connection, table: Any, article_id: str) -> list[dict[str, Any]]:
    skip = {"article_id", "position"}
    columns = [c for c in table.columns if c.name not in skip]
    query = select(*columns).where(table.c.article_id == article_id).order_by(table.c.position)
    return [dict(r) for r in connection.execute(query).mappings()]


ACTOR_KEY = (int, str)


def actor_page(store: Store, name: str | None, country: str | None, size: int,
               token: str | None) -> tuple[list[dict[str, Any]], str | None]:
    """Actors by how many events they take part in (most first), then id."""
    counts = (select(event_actors.c.actor_id, func.count(func.distinct(event_actors.c.event_id))
                     .label("events")).group_by(event_actors.c.actor_id).subquery())
    query = select(actors, counts.c.events).select_from(
        actors.join(counts, counts.c.actor_id == actors.c.id))
    if name:
        query = query.where(func.lower(actors.c.name).like(containing(name), escape="\\"))
    if country:
        query = query.where(func.upper(actors.c.country) == country.upper())
    if token:
        query = query.where(after_key([-counts.c.events, actors.c.id], token, ACTOR_KEY))
    query = query.order_by(counts.c.events.desc(), actors.c.id).limit(size + 1)
    with store.engine.connect() as connection:
        rows = [dict(r) for r in connection.execute(query).mappings()]
    more = len(rows) > size
    rows = rows[:size]
    last = rows[-1] if rows else None
    return rows, encode_token([-int(last["events"]), last["id"]]) if more and last else None


QUOTE_KEY = (int,)


def quote_page(store: Store, words: str | None, speaker: str | None, article_id: str | None,
               size: int, token: str | None) -> tuple[list[dict[str, Any]], str | None]:
    """Quotes in the order they were stored, with full-text search over text and speaker."""
    query = select(quotes.c.seq, quotes.c.record, articles.c.title).select_from(
        quotes.join(articles, quotes.c.article_id == articles.c.id))
    if words:
        query = query.where(_quote_search(store.dialect, words))
    if speaker:
        query = query.where(
            func.lower(quotes.c.speaker_name).like(containing(speaker), escape="\\"))
    if article_id:
        query = query.where(quotes.c.article_id == article_id)
    if token:
        query = query.where(after_key([quotes.c.seq], token, QUOTE_KEY))
    query = query.order_by(quotes.c.seq).limit(size + 1)
    with store.engine.connect() as connection:
        rows = connection.execute(query).all()
    more = len(rows) > size
    rows = rows[:size]
    page = [{**json.loads(r.record), "article_title": r.title} for r in rows]
    return page, encode_token([rows[-1].seq]) if more and rows else None


def _quote_search(dialect: str, words: str) -> Any:
    if dialect == "postgresql":
        return text(
            "to_tsvector('english', coalesce(quotes.text, '') || ' ' || "
            "coalesce(quotes.speaker_name, '')) @@ plainto_tsquery('english', :quote_words)"
        ).bindparams(quote_words=words)
    return text(
        "quotes.seq IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :quote_words)"
    ).bindparams(quote_words=fts_query(words) or '""')


FAILURE_KEY = (str, str)


def failure_page(store: Store, code: str | None, size: int, token: str | None
                 ) -> tuple[list[dict[str, Any]], str | None]:
    """Inputs that could not be read or coded, oldest first."""
    table = schema.failures
    query = select(table)
    if code:
        query = query.where(table.c.code == code.upper())
    if token:
        query = query.where(after_key([table.c.created_at, table.c.id], token, FAILURE_KEY))
    query = query.order_by(table.c.created_at, table.c.id).limit(size + 1)
    with store.engine.connect() as connection:
        rows = [dict(r) for r in connection.execute(query).mappings()]
    more = len(rows) > size
    rows = rows[:size]
    last = rows[-1] if rows else None
    return rows, encode_token([last["created_at"], last["id"]]) if more and last else None
