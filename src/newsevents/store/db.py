"""Opening a store: URL resolution, engine settings per backend, migrations to the newest schema."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.sql.dml import Insert
from sqlalchemy.sql.schema import Table

from ..errors import (
    ReadOnlyStoreError,
    StoreError,
    StoreNotFoundError,
    StoreUnreachableError,
    UnsupportedStoreError,
)

DEFAULT_DB = "newsevents.db"
DB_ENV = "NEWSEVENTS_DB"
SUPPORTED_BACKENDS = ("sqlite", "postgresql")
SCHEMA_LOCK_KEY = 0x6E65_7773_7363_6865
"""PostgreSQL advisory lock held while the schema is created or migrated ('newssche')."""
NO_STORE = ("no newsevents store here: fill one with `newsevents ingest PATH... --db DB` (or "
            "`newsevents demo` for the samples), or check --db and $NEWSEVENTS_DB")


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


def open_engine(url: str, *, create: bool = True, migrate_schema: bool = True) -> Engine:
    """An engine on the store at ``url``, migrated to the newest schema.

    With ``create=False`` (reading commands) a store that is not there is refused
    (``StoreNotFoundError``) instead of being created empty, and a store already at the newest
    revision is not written at all, so read-only files and databases can be read. Database
    errors become ``StoreError``s that say what to do, never SQL with its parameters.
    """
    check_supported(url)
    if not create:
        require_file(url)
    engine = create_store_engine(url)
    try:
        if not create and not has_tables(engine):
            raise StoreNotFoundError(NO_STORE, source=safe_url(url))
        if migrate_schema:
            migrate(engine, if_behind=not create)
    except SQLAlchemyError as error:
        engine.dispose()
        raise store_error(error, url) from None
    except StoreError:
        engine.dispose()
        raise
    return engine


def backend_name(url: str) -> str:
    try:
        return make_url(url).get_backend_name()
    except ArgumentError:
        return url.split("://", 1)[0].split("+", 1)[0]


def safe_url(url: str) -> str:
    """The store as messages name it: a SQLite file's path, else the URL without password."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def check_supported(url: str) -> None:
    name = backend_name(url)
    if name not in SUPPORTED_BACKENDS:
        raise UnsupportedStoreError(
            f"'{name}' databases are not supported: give --db a SQLite file (a path, or "
            "sqlite:///PATH) or a PostgreSQL URL (postgresql://USER@HOST/DATABASE)",
            source=safe_url(url),
        )


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (``sqlite:///file:PATH?uri=true`` too); None for memory."""
    if backend_name(url) != "sqlite":
        return None
    database = make_url(url).database or ""
    if database.startswith("file:"):
        database = database.removeprefix("file:").split("?", 1)[0]
    if not database or database == ":memory:":
        return None
    return Path(database)


def require_file(url: str) -> None:
    """Refuse a SQLite file that is not there: opening it would create an empty store."""
    path = sqlite_file(url)
    if path is not None and not path.exists():
        raise StoreNotFoundError(NO_STORE, source=str(path))


def store_error(error: BaseException, url: str | None = None) -> StoreError:
    """A database error as a user reads it: what went wrong and what to do; the driver's first
    line, never the SQL statement with its parameters."""
    original = getattr(error, "orig", None) or error
    detail = (str(original).strip().splitlines() or [type(original).__name__])[0]
    lowered = str(original).lower()
    where = safe_url(url) if url else None
    if any(m in lowered for m in ("readonly database", "read-only", "permission denied")):
        return ReadOnlyStoreError(
            f"the store cannot be written ({detail}): give --db a store you can write (or a "
            "writable copy); reading commands (query, stats, export, timeline) work on it",
            source=where)
    if "file is not a database" in lowered:
        return StoreError("is not a SQLite database: give --db a store made by `newsevents "
                          "ingest`, or a new file name to create one", source=where)
    if "unable to open database file" in lowered:
        return StoreError("cannot open the file: check that its folder exists and can be "
                          "written", source=where)
    if "authentication failed" in lowered:
        return StoreError(f"the server refused the login ({detail}): check the user and "
                          "password in --db", source=where)
    if "does not exist" in lowered and "database" in lowered:
        return StoreNotFoundError(f"{detail}: create it (createdb NAME) or check --db",
                                  source=where)
    if any(m in lowered for m in UNREACHABLE):
        return StoreUnreachableError(
            f"cannot reach the database server{_host_port(url)} ({detail}): start it, or "
            "check the host and port in --db; then run the command again", source=where)
    return StoreError(f"{type(original).__name__}: {detail}", source=where)


UNREACHABLE = ("connection refused", "could not translate host name", "name or service not",
               "no route to host", "timeout expired", "connection timed out",
               "could not connect", "server closed the connection")


def _host_port(url: str | None) -> str:
    if not url:
        return ""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return ""
    return f" at {parsed.host or 'localhost'}:{parsed.port or 5432}" if parsed.host else ""


def readable(error: BaseException) -> str:
    """``str(error)`` for messages, database errors without their SQL and parameters."""
    if isinstance(error, SQLAlchemyError):
        return store_error(error).reason
    return f"{type(error).__name__}: {error}"


def migrate(engine: Engine, revision: str = "head", *, if_behind: bool = False) -> None:
    """Bring the database to ``revision`` of the schema (Alembic scripts shipped in the package).

    Safe under concurrency: the schema is changed in one transaction under a lock (SQLite:
    ``BEGIN IMMEDIATE``; PostgreSQL: an advisory lock), so of several first runs on a new
    store one creates the schema and the others wait, then find it made. On SQLite foreign
    keys are off while the schema changes (a table rebuilt by a migration must not cascade
    deletes) and checked before the commit. ``if_behind``: do nothing, and take no lock,
    when the store is already at the newest revision (readers of read-only stores).
    """
    from alembic import command

    if if_behind and revision == "head" and current_revision(engine) == head_revision():
        return
    config = _alembic_config()
    with engine.connect() as connection:
        _sqlite_foreign_keys(connection, on=False)
        try:
            _lock_schema(connection)
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            _check_foreign_keys(connection)
            connection.commit()
        finally:
            connection.rollback()
            _sqlite_foreign_keys(connection, on=True)


def _alembic_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files(__package__) / "migrations"))
    return config


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def _lock_schema(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        # A read-only file takes the lock but refuses the first write: find out now.
        version = int(connection.exec_driver_sql("PRAGMA user_version").scalar_one())
        connection.exec_driver_sql(f"PRAGMA user_version = {version}")
    elif connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})


def _sqlite_foreign_keys(connection: Connection, *, on: bool) -> None:
    """Foreign keys on or off (SQLite only; outside a transaction, where the pragma works)."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
        connection.commit()


def _check_foreign_keys(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise StoreError(f"a migration would leave {len(broken)} row(s) pointing at missing "
                         f"rows (first: {tuple(broken[0])}); the store is left unchanged")


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
