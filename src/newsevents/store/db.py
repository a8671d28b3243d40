"""Opening a store: URL resolution, engine settings per backend, migrations to the newest schema."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert
from sqlalchemy.sql.schema import Table

DEFAULT_DB = "newsevents.db"
DB_ENV = "NEWSEVENTS_DB"


def resolve_url(db: str | None = None) -> str:
    """A SQLAlchemy URL from ``--db``: a URL, a path, or (None) $NEWSEVENTS_DB / ./newsevents.db.

    ``postgresql://`` and ``postgres://`` use the psycopg 3 driver.
    """
    value = db or os.environ.get(DB_ENV) or DEFAULT_DB
    if value.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + value.split("://", 1)[1]
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser()}"


def create_store_engine(url: str) -> Engine:
    """An engine with the store's settings: SQLite in WAL mode with foreign keys on."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("postgresql"):
        _require_psycopg()
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.close()


def _require_psycopg() -> None:
    try:
        import psycopg  # noqa: F401
    except ModuleNotFoundError:
        from ..errors import MissingExtraError

        raise MissingExtraError("psycopg", "postgres") from None


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` of the schema (Alembic scripts shipped in the package)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files(__package__) / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def has_tables(engine: Engine) -> bool:
    return inspect(engine).has_table("articles")


def insert_ignoring_duplicates(dialect: str, table: Table) -> Insert:
    """INSERT … ON CONFLICT DO NOTHING for SQLite and PostgreSQL."""
    if dialect == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()
