"""The event store: SQLite (default, ./newsevents.db) or PostgreSQL, one schema, migrations.

``Store.open(db)`` opens (and migrates) a store; ``run_ingest`` codes inputs into it;
``newsevents.store.query`` reads events back out. docs/store.md documents the schema.
"""

from __future__ import annotations

from .core import Store
from .db import DEFAULT_DB, resolve_url
from .runner import IngestCounts, IngestRunner, IngestSettings, run_ingest, run_recode_stored
from .write import coder_version

__all__ = [
    "DEFAULT_DB",
    "IngestCounts",
    "IngestRunner",
    "IngestSettings",
    "Store",
    "coder_version",
    "resolve_url",
    "run_ingest",
    "run_recode_stored",
]
