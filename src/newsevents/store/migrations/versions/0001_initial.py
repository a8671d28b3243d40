"""The initial schema: articles, events, actors, event_actors, mentions, quotes, timexes,
places, failures, runs, and full-text search (FTS5 on SQLite, GIN tsvector on PostgreSQL).

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_CODER = sa.String(200)


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


def _event_fk() -> sa.ForeignKey:
    return sa.ForeignKey("events.id", ondelete="CASCADE")


def upgrade() -> None:
    _create_runs_and_articles()
    _create_events()
    _create_article_parts()
    _create_failures()
    if op.get_bind().dialect.name == "sqlite":
        _create_sqlite_fulltext()
    elif op.get_bind().dialect.name == "postgresql":
        _create_postgres_fulltext()


def _create_runs_and_articles() -> None:
    op.create_table(
        "runs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("command", sa.String(32), nullable=False),
        sa.Column("inputs", sa.Text),
        sa.Column("coder_version", _CODER, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("skipped", sa.Integer, nullable=False),
        sa.Column("events", sa.Integer, nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.Text, nullable=False, unique=True),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("published", sa.String(40)),
        sa.Column("published_basis", sa.String(16), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("text_sha256", sa.Text, nullable=False),
        sa.Column("text_length", sa.Integer, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("source_offset", sa.Integer),
        sa.Column("coder_version", _CODER, nullable=False),
        sa.Column("coder", sa.Text, nullable=False),
        sa.Column("coded_at", sa.String(32), nullable=False),
        sa.Column("run_id", sa.String(32)),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("name", sa.Text),
        sa.Column("kind", sa.String(16)),
        sa.Column("country", sa.String(8)),
        sa.Column("sector", sa.String(8)),
        sa.Column("code", sa.String(16)),
        sa.Column("kb_id", sa.Text),
    )
    op.create_index("ix_actors_name", "actors", ["name"])


def _create_events() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("article_id", sa.Text, _article_fk(), nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.String(32)),
        sa.Column("cameo", sa.String(8)),
        sa.Column("quad_class", sa.Integer),
        sa.Column("intensity", sa.Float),
        sa.Column("polarity", sa.String(16), nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("date_value", sa.String(32)),
        sa.Column("date_precision", sa.String(16)),
        sa.Column("date_earliest", sa.String(32)),
        sa.Column("date_latest", sa.String(32)),
        sa.Column("date_basis", sa.String(16)),
        sa.Column("location_name", sa.Text),
        sa.Column("location_country", sa.String(8)),
        sa.Column("location_admin1", sa.Text),
        sa.Column("location_lat", sa.Float),
        sa.Column("location_lon", sa.Float),
        sa.Column("location_geonameid", sa.Integer),
        sa.Column("location_precision", sa.String(16)),
        sa.Column("first_start", sa.Integer, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("coder_version", _CODER, nullable=False),
    )
    op.create_index("ix_events_article", "events", ["article_id"])
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_date", "events", ["date_earliest"])
    op.create_index("ix_events_location_country", "events", ["location_country"])
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.Text, _event_fk(), primary_key=True),
        sa.Column("role", sa.String(8), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("actor_id", sa.String(16), sa.ForeignKey("actors.id"), nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("start", sa.Integer),
        sa.Column("end", sa.Integer),
    )
    op.create_index("ix_event_actors_actor", "event_actors", ["actor_id"])
    op.create_table(
        "mentions",
        sa.Column("event_id", sa.Text, _event_fk(), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("sentence_index", sa.Integer),
        sa.Column("sentence", sa.Text),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("trigger_text", sa.Text),
        sa.Column("trigger_start", sa.Integer, nullable=False),
        sa.Column("trigger_end", sa.Integer, nullable=False),
    )


def _create_article_parts() -> None:
    op.create_table(
        "quotes",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.Text, _article_fk(), nullable=False),
        sa.Column("id", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text),
        sa.Column("text_sha256", sa.Text, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("speaker_name", sa.Text),
        sa.Column("speaker_actor_id", sa.String(16), sa.ForeignKey("actors.id")),
        sa.Column("cue", sa.Text),
        sa.Column("sentence_index", sa.Integer),
        sa.Column("unbalanced", sa.Boolean, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.UniqueConstraint("article_id", "id", name="uq_quotes_article_id"),
    )
    op.create_table(
        "timexes",
        sa.Column("article_id", sa.Text, _article_fk(), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("precision", sa.String(16)),
        sa.Column("earliest", sa.String(32)),
        sa.Column("latest", sa.String(32)),
        sa.Column("basis", sa.String(16)),
    )
    op.create_table(
        "places",
        sa.Column("article_id", sa.Text, _article_fk(), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("text", sa.Text),
        sa.Column("name", sa.Text),
        sa.Column("country", sa.String(8)),
        sa.Column("admin1", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("geonameid", sa.Integer),
        sa.Column("precision", sa.String(16)),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )


def _create_failures() -> None:
    op.create_table(
        "failures",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("offset", sa.Integer),
        sa.Column("code", sa.String(8), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("coder_version", _CODER, nullable=False),
        sa.Column("run_id", sa.String(32)),
        sa.Column("created_at", sa.String(32), nullable=False),
    )


_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE articles_fts USING fts5("
    "title, text, content='articles', content_rowid='seq')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.seq, old.title, old.text); END",
    "CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.seq, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text); END",
    "CREATE VIRTUAL TABLE quotes_fts USING fts5("
    "text, speaker_name, content='quotes', content_rowid='seq')",
    "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, text, speaker_name) "
    "VALUES (new.seq, new.text, new.speaker_name); END",
    "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name) "
    "VALUES ('delete', old.seq, old.text, old.speaker_name); END",
    "CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name) "
    "VALUES ('delete', old.seq, old.text, old.speaker_name); "
    "INSERT INTO quotes_fts(rowid, text, speaker_name) "
    "VALUES (new.seq, new.text, new.speaker_name); END",
)

_POSTGRES_FTS = (
    "CREATE INDEX ix_articles_fts ON articles USING gin "
    "(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(text, '')))",
    "CREATE INDEX ix_quotes_fts ON quotes USING gin "
    "(to_tsvector('english', coalesce(text, '') || ' ' || coalesce(speaker_name, '')))",
)


def _create_sqlite_fulltext() -> None:
    for statement in _SQLITE_FTS:
        op.execute(statement)


def _create_postgres_fulltext() -> None:
    for statement in _POSTGRES_FTS:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS quotes_fts")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in ("places", "timexes", "quotes", "mentions", "event_actors", "events",
                  "failures", "actors", "articles", "runs"):
        op.drop_table(table)
