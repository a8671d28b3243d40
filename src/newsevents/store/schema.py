"""The store's tables as SQLAlchemy Core metadata (docs/store.md documents every column).

The migrations under ``migrations/versions`` create exactly these tables; a test compares the
migrated database with this metadata, so the two cannot drift apart unnoticed.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)

SCHEMA_VERSION = "0003"

metadata = MetaData()

runs = Table(
    "runs",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("status", String(16), nullable=False),
    Column("command", String(32), nullable=False),
    Column("inputs", Text),
    Column("coder_version", String(200), nullable=False),
    Column("articles", Integer, nullable=False, default=0),
    Column("skipped", Integer, nullable=False, default=0),
    Column("events", Integer, nullable=False, default=0),
    Column("failures", Integer, nullable=False, default=0),
    Column("versions", Integer, nullable=False, default=0, server_default="0"),
    Column("duplicates", Integer, nullable=False, default=0, server_default="0"),
)

articles = Table(
    "articles",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", Text, nullable=False, unique=True),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", Text),
    Column("published", String(40)),
    Column("published_basis", String(16), nullable=False),
    Column("language", String(8), nullable=False),
    Column("text", Text),
    Column("text_sha256", Text, nullable=False),
    Column("text_length", Integer, nullable=False),
    Column("source", Text),
    Column("source_offset", Integer),
    Column("coder_version", String(200), nullable=False),
    Column("coder", Text, nullable=False),
    Column("coded_at", String(32), nullable=False),
    Column("run_id", String(32)),
    Column("superseded", Boolean, nullable=False, default=False, server_default=false()),
    Index("ix_articles_text_sha256", "text_sha256"),
)

article_sources = Table(
    "article_sources",
    metadata,
    Column("key", Text, primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("current", Boolean, nullable=False),
    Column("location", Text),
    Column("run_id", String(32)),
    Column("created_at", String(32), nullable=False),
    Index("ix_article_sources_article", "article_id"),
)
"""Every source key an article was read under, version by version: the key's newest row is
``current``; an article none of whose rows is current is ``superseded``."""

actors = Table(
    "actors",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("name", Text),
    Column("kind", String(16)),
    Column("country", String(8)),
    Column("sector", String(8)),
    Column("code", String(16)),
    Column("kb_id", Text),
    Index("ix_actors_name", "name"),
)

events = Table(
    "events",
    metadata,
    Column("id", Text, primary_key=True),
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("cameo", String(8)),
    Column("quad_class", Integer),
    Column("intensity", Float),
    Column("polarity", String(16), nullable=False),
    Column("modality", String(16), nullable=False),
    Column("confidence", Float, nullable=False),
    Column("rule", Text, nullable=False),
    Column("date_value", String(32)),
    Column("date_precision", String(16)),
    Column("date_earliest", String(32)),
    Column("date_latest", String(32)),
    Column("date_basis", String(16)),
    Column("location_name", Text),
    Column("location_country", String(8)),
    Column("location_admin1", Text),
    Column("location_lat", Float),
    Column("location_lon", Float),
    Column("location_geonameid", Integer),
    Column("location_precision", String(16)),
    Column("first_start", Integer, nullable=False),
    Column("record", Text, nullable=False),
    Column("coder_version", String(200), nullable=False),
    Index("ix_events_article", "article_id"),
    Index("ix_events_type", "type"),
    Index("ix_events_date", "date_earliest"),
    Index("ix_events_location_country", "location_country"),
)

event_actors = Table(
    "event_actors",
    metadata,
    Column("event_id", Text, ForeignKey("events.id", ondelete="CASCADE"),
           primary_key=True),
    Column("role", String(8), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("actor_id", String(16), ForeignKey("actors.id"), nullable=False),
    Column("text", Text),
    Column("title", Text),
    Column("start", Integer),
    Column("end", Integer),
    Index("ix_event_actors_actor", "actor_id"),
)

mentions = Table(
    "mentions",
    metadata,
    Column("event_id", Text, ForeignKey("events.id", ondelete="CASCADE"),
           primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("sentence_index", Integer),
    Column("sentence", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("trigger_text", Text),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
)

quotes = Table(
    "quotes",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("id", Text, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("text", Text),
    Column("text_sha256", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("speaker_name", Text),
    Column("speaker_actor_id", String(16), ForeignKey("actors.id")),
    Column("cue", Text),
    Column("sentence_index", Integer),
    Column("unbalanced", Boolean, nullable=False),
    Column("record", Text, nullable=False),
    Column("speaker_basis", String(32)),
    UniqueConstraint("article_id", "id", name="uq_quotes_article_id"),
)

timexes = Table(
    "timexes",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("text", Text),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", Text),
    Column("precision", String(16)),
    Column("earliest", String(32)),
    Column("latest", String(32)),
    Column("basis", String(16)),
)

places = Table(
    "places",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("text", Text),
    Column("name", Text),
    Column("country", String(8)),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("geonameid", Integer),
    Column("precision", String(16)),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

failures = Table(
    "failures",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("source", Text, nullable=False),
    Column("offset", Integer),
    Column("code", String(8), nullable=False),
    Column("reason", Text, nullable=False),
    Column("coder_version", String(200), nullable=False),
    Column("run_id", String(32)),
    Column("created_at", String(32), nullable=False),
)

CONTENT_TABLES: tuple[str, ...] = (
    "articles", "article_sources", "events", "actors", "event_actors", "mentions", "quotes",
    "timexes", "places", "failures",
)
"""The tables whose rows an interrupted-and-resumed run must reproduce exactly."""
