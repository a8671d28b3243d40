"""Extraction → rows, and the one-transaction writes that make ingestion idempotent and safe."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, exists, select, update

from ..model import Actor, Coder, Event, Evidence, Extraction, Quote
from . import schema
from .db import insert_ignoring_duplicates


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def coder_version(coder: Coder) -> str:
    """The string that says how an article was coded; a change means --recode re-codes it."""
    return f"{coder.name} {coder.version} | {coder.model} | lexicons {coder.lexicons}"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def actor_id(actor: Actor) -> str:
    key = "|".join(str(v or "") for v in (
        actor.name or actor.text, actor.kind, actor.country, actor.sector, actor.code, actor.kb_id,
    ))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def failure_id(source: str, offset: int | None, code: str) -> str:
    """Same input, same place, same error: the same failure row (re-runs add nothing)."""
    return hashlib.sha256(f"{source}|{offset}|{code}".encode()).hexdigest()[:16]


def strip_text(extraction: Extraction) -> Extraction:
    """The extraction without article text, evidence sentences or quote text (``--no-text``)."""
    events = [
        replace(e, evidence=[replace(m, sentence="") for m in e.evidence])
        for e in extraction.events
    ]
    quotes = [replace(q, text="") for q in extraction.quotes]
    return replace(
        extraction, article=replace(extraction.article, text=""), events=events, quotes=quotes
    )


@dataclass(frozen=True)
class Provenance:
    """Where an article came from and which run stored it."""

    run_id: str | None = None
    source: str | None = None
    offset: int | None = None


@dataclass
class ArticleRows:
    """Every row one Extraction adds, ready to insert."""

    article: dict[str, Any]
    actors: list[dict[str, Any]]
    events: list[dict[str, Any]]
    event_actors: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    timexes: list[dict[str, Any]]
    places: list[dict[str, Any]]


def extraction_rows(
    extraction: Extraction, *, keep_text: bool = True, provenance: Provenance = Provenance()
) -> ArticleRows:
    text = extraction.article.text
    if not keep_text:
        extraction = strip_text(extraction)
    version = coder_version(extraction.coder)
    rows = ArticleRows(
        article=_article_row(extraction, text, keep_text, version, provenance),
        actors=[], events=[], event_actors=[], mentions=[], quotes=[], timexes=[], places=[],
    )
    actors: dict[str, dict[str, Any]] = {}
    for event in _unique_events(extraction.events):
        rows.events.append(_event_row(event, version))
        rows.mentions.extend(_mention_rows(event.id, event.evidence))
        for role, people in (("source", event.source), ("target", event.target)):
            for position, actor in enumerate(people):
                actors.setdefault(actor_id(actor), _actor_row(actor))
                rows.event_actors.append(_event_actor_row(event.id, role, position, actor))
    for quote in _unique_quotes(extraction.quotes):
        if quote.speaker is not None:
            actors.setdefault(actor_id(quote.speaker), _actor_row(quote.speaker))
        rows.quotes.append(_quote_row(extraction.article.id, quote))
    rows.actors = list(actors.values())
    rows.timexes = [
        {"article_id": extraction.article.id, "position": i, **_pick(t.to_dict(), schema.timexes)}
        for i, t in enumerate(extraction.timexes)
    ]
    rows.places = [
        {"article_id": extraction.article.id, "position": i, **_pick(p.to_dict(), schema.places)}
        for i, p in enumerate(extraction.places)
    ]
    return rows


def _pick(data: dict[str, Any], table: Any) -> dict[str, Any]:
    names = {c.name for c in table.columns} - {"article_id", "position"}
    return {k: v for k, v in data.items() if k in names}


def _unique_events(events: Iterable[Event]) -> list[Event]:
    seen: dict[str, Event] = {}
    for event in events:
        seen.setdefault(event.id, event)
    return list(seen.values())


def _unique_quotes(quotes: Iterable[Quote]) -> list[Quote]:
    seen: dict[str, Quote] = {}
    for quote in quotes:
        seen.setdefault(quote.id, quote)
    return list(seen.values())


def _article_row(
    extraction: Extraction, text: str, keep_text: bool, version: str, provenance: Provenance
) -> dict[str, Any]:
    article = extraction.article
    return {
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "published_basis": article.published_basis,
        "language": article.language,
        "text": text if keep_text else None,
        "text_sha256": sha256(text),
        "text_length": len(text),
        "source": provenance.source,
        "source_offset": provenance.offset,
        "coder_version": version,
        "coder": to_json(extraction.coder.to_dict()),
        "coded_at": now_iso(),
        "run_id": provenance.run_id,
        "superseded": False,
    }


def _event_row(event: Event, version: str) -> dict[str, Any]:
    place = event.location
    return {
        "id": event.id,
        "article_id": event.article_id,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "intensity": event.intensity,
        "polarity": event.polarity,
        "modality": event.modality,
        "confidence": event.confidence,
        "rule": event.rule,
        "date_value": event.date.value,
        "date_precision": event.date.precision,
        "date_earliest": event.date.earliest,
        "date_latest": event.date.latest,
        "date_basis": event.date.basis,
        "location_name": place.name if place else None,
        "location_country": place.country if place else None,
        "location_admin1": place.admin1 if place else None,
        "location_lat": place.lat if place else None,
        "location_lon": place.lon if place else None,
        "location_geonameid": place.geonameid if place else None,
        "location_precision": place.precision if place else None,
        "first_start": min((m.trigger.start for m in event.evidence), default=0),
        "record": to_json(event.to_dict()),
        "coder_version": version,
    }


def _actor_row(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor_id(actor),
        "name": actor.name or actor.text,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "code": actor.code,
        "kb_id": actor.kb_id,
    }


def _event_actor_row(event_id: str, role: str, position: int, actor: Actor) -> dict[str, Any]:
    return {
        "event_id": event_id,
        "role": role,
        "position": position,
        "actor_id": actor_id(actor),
        "text": actor.text,
        "title": actor.title,
        "start": actor.start,
        "end": actor.end,
    }


def _mention_rows(event_id: str, evidence: list[Evidence]) -> list[dict[str, Any]]:
    return [
        {
            "event_id": event_id,
            "position": i,
            "sentence_index": m.sentence_index,
            "sentence": m.sentence or None,
            "start": m.start,
            "end": m.end,
            "trigger_text": m.trigger.text,
            "trigger_start": m.trigger.start,
            "trigger_end": m.trigger.end,
        }
        for i, m in enumerate(evidence)
    ]


def _quote_row(article_id: str, quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "article_id": article_id,
        "id": quote.id,
        "kind": quote.kind,
        "text": quote.text or None,
        "text_sha256": sha256(quote.text),
        "start": quote.start,
        "end": quote.end,
        "speaker_name": (speaker.name or speaker.text) if speaker else None,
        "speaker_actor_id": actor_id(speaker) if speaker else None,
        "cue": quote.cue,
        "sentence_index": quote.sentence_index,
        "unbalanced": quote.unbalanced,
        "speaker_basis": quote.speaker_basis,
        "record": to_json(quote.to_dict()),
    }


def insert_articles(connection: Connection, batch: Sequence[ArticleRows]) -> set[str]:
    """Insert coded articles and all their parts; the ids of those written. An article that
    is already stored is left out, and nothing of it is written.

    One statement per table for the whole batch (a server round trip each, not one per
    article and table). The caller owns the transaction: all commits together or nothing.
    """
    if not batch:
        return set()
    statement = insert_ignoring_duplicates(connection.dialect.name, schema.articles).returning(
        schema.articles.c.id
    )
    inserted = {row.id for row in connection.execute(statement, [r.article for r in batch])}
    _insert_parts(connection, [rows for rows in batch if rows.article["id"] in inserted])
    return inserted


def replace_article(connection: Connection, rows: ArticleRows) -> None:
    """Swap an article's coding for a new one inside the caller's transaction (``--recode``)."""
    article_id = rows.article["id"]
    for table in (schema.events, schema.quotes, schema.timexes, schema.places):
        connection.execute(delete(table).where(table.c.article_id == article_id))
    values = {k: v for k, v in rows.article.items() if k != "id"}
    connection.execute(
        update(schema.articles).where(schema.articles.c.id == article_id).values(**values)
    )
    _insert_parts(connection, [rows])


def _insert_parts(connection: Connection, batch: Sequence[ArticleRows]) -> None:
    dialect = connection.dialect.name
    actors = [actor for rows in batch for actor in rows.actors]
    if actors:
        connection.execute(insert_ignoring_duplicates(dialect, schema.actors), actors)
    for table, part in (
        (schema.events, "events"),
        (schema.event_actors, "event_actors"),
        (schema.mentions, "mentions"),
        (schema.quotes, "quotes"),
        (schema.timexes, "timexes"),
        (schema.places, "places"),
    ):
        values = [row for rows in batch for row in getattr(rows, part)]
        if values:
            connection.execute(table.insert(), values)


def failure_row(
    source: str, reason: str, code: str, offset: int | None, version: str, run_id: str | None
) -> dict[str, Any]:
    return {
        "id": failure_id(source, offset, code),
        "source": source,
        "offset": offset,
        "code": code,
        "reason": reason,
        "coder_version": version,
        "run_id": run_id,
        "created_at": now_iso(),
    }


def insert_failure(connection: Connection, row: dict[str, Any]) -> bool:
    """Record one refused input; False when the same failure is already recorded."""
    statement = insert_ignoring_duplicates(connection.dialect.name, schema.failures).returning(
        schema.failures.c.id
    )
    return connection.execute(statement, row).first() is not None


# -- input identity: source keys and versions ------------------------------------------------


@dataclass(frozen=True)
class SourceRow:
    """One input read under ``key`` whose text is the article ``article_id``."""

    key: str
    article_id: str
    location: str | None = None
    run_id: str | None = None


NEW_KEY, NEW_VERSION, SAME_VERSION = "new-key", "new-version", "same-version"


def articles_by_content(connection: Connection, versions: Iterable[str]) -> dict[str, tuple[str, str]]:
    """{content version (text sha256): (article id, coder version)} of the stored ones."""
    wanted = list(dict.fromkeys(versions))
    table = schema.articles
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(wanted), 500):
        rows = connection.execute(
            select(table.c.text_sha256, table.c.id, table.c.coder_version)
            .where(table.c.text_sha256.in_(wanted[start:start + 500]))
            .order_by(table.c.seq)
        )
        for row in rows:
            found.setdefault(row.text_sha256, (row.id, row.coder_version))
    return found


def current_articles(connection: Connection, keys: Iterable[str]) -> dict[str, str]:
    """{source key: the article id of its newest version} for the keys already stored."""
    wanted = list(dict.fromkeys(keys))
    table = schema.article_sources
    found: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        rows = connection.execute(
            select(table.c.key, table.c.article_id)
            .where(table.c.key.in_(wanted[start:start + 500]), table.c.current.is_(True))
        )
        found.update({row.key: row.article_id for row in rows})
    return found


def stored_keys(connection: Connection, keys: Iterable[str]) -> set[str]:
    """The keys among ``keys`` that have any source row (of any version)."""
    wanted = list(dict.fromkeys(keys))
    table = schema.article_sources
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        found.update(connection.execute(
            select(table.c.key).where(table.c.key.in_(wanted[start:start + 500])).distinct()
        ).scalars())
    return found


def record_new_sources(connection: Connection, rows: Sequence[SourceRow]) -> None:
    """Record keys never stored before, each reading as its article (one statement for the
    rows, one for the articles): what ``record_source`` does for a NEW_KEY, in bulk."""
    if not rows:
        return
    created = now_iso()
    connection.execute(schema.article_sources.insert(), [
        {"key": row.key, "version": 1, "article_id": row.article_id, "current": True,
         "location": row.location, "run_id": row.run_id, "created_at": created}
        for row in rows])
    articles = schema.articles
    ids = list(dict.fromkeys(row.article_id for row in rows))
    for start in range(0, len(ids), 500):  # (each now has a current source)
        connection.execute(update(articles).where(articles.c.id.in_(ids[start:start + 500]))
                           .values(superseded=False))


def record_source(connection: Connection, row: SourceRow) -> str:
    """Record that ``row.key`` now reads as ``row.article_id`` (in the caller's transaction).

    SAME_VERSION: the key's newest version is this article already (nothing written).
    NEW_KEY: the key is new. NEW_VERSION: the key had another text, whose article is now
    superseded unless another key still reads as it.
    """
    table = schema.article_sources
    latest = connection.execute(
        select(table.c.version, table.c.article_id)
        .where(table.c.key == row.key).order_by(table.c.version.desc()).limit(1)
    ).first()
    if latest is not None and latest.article_id == row.article_id:
        return SAME_VERSION
    if latest is not None:
        connection.execute(update(table).where(table.c.key == row.key, table.c.current.is_(True))
                           .values(current=False))
    connection.execute(table.insert(), {
        "key": row.key, "version": (latest.version if latest else 0) + 1,
        "article_id": row.article_id, "current": True, "location": row.location,
        "run_id": row.run_id, "created_at": now_iso(),
    })
    refresh_superseded(connection, [row.article_id, *([latest.article_id] if latest else [])])
    return NEW_VERSION if latest is not None else NEW_KEY


def refresh_superseded(connection: Connection, article_ids: Sequence[str]) -> None:
    """An article is superseded when it has source rows and none of them is current."""
    sources = schema.article_sources
    articles = schema.articles
    for article_id in dict.fromkeys(article_ids):
        has_current = exists(select(sources.c.key).where(
            and_(sources.c.article_id == article_id, sources.c.current.is_(True))))
        connection.execute(update(articles).where(articles.c.id == article_id)
                           .values(superseded=~has_current))
