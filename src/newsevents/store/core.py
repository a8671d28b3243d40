"""The Store: one database (SQLite file or PostgreSQL server) holding coded articles."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Engine, func, select, update

from ..model import Article, Extraction
from . import schema
from .db import open_engine, resolve_url
from .write import (
    Provenance,
    extraction_rows,
    failure_row,
    insert_articles,
    insert_failure,
    now_iso,
    replace_article,
    to_json,
)


class Store:
    """Open with ``Store.open(url_or_path)``; the schema is migrated to the newest revision."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, db: str | None = None, *, migrate_schema: bool = True,
             create: bool = True) -> Store:
        """``create=False`` for reading: a store that does not exist is refused
        (``StoreNotFoundError``), not created empty. Errors are ``StoreError``s (E6xx)."""
        return cls(open_engine(resolve_url(db), create=create, migrate_schema=migrate_schema))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def stored_versions(self, article_ids: Iterable[str]) -> dict[str, str]:
        """{article id: coder version} for those of ``article_ids`` already stored."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        table = schema.articles
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(table.c.id, table.c.coder_version).where(table.c.id.in_(ids))
            )
            return {row.id: row.coder_version for row in rows}

    def add(
        self, extraction: Extraction, *, keep_text: bool = True,
        provenance: Provenance | None = None,
    ) -> bool:
        """Store one coded article in one transaction; False when it was already stored."""
        return self.write([extraction], keep_text=keep_text, provenance=provenance)[0]

    def write(
        self, extractions: Sequence[Extraction], *, keep_text: bool = True,
        provenance: Provenance | None = None, recode: bool = False,
    ) -> list[bool]:
        """Store coded articles in one transaction: the batch commits whole or not at all, so
        a killed run loses at most the batch in flight and a resumed one codes it again.

        For each article: True when written. Without ``recode`` an article already stored, or
        given twice in the batch, is left as it is (False); with it, its coding is replaced
        (True; of an article given twice, the first). ``provenance`` applies to
        every article; where it names no source, each article's URL is its source.
        """
        base = provenance or Provenance()
        first: dict[str, Extraction] = {}
        for extraction in extractions:
            first.setdefault(extraction.article.id, extraction)
        batch = [
            extraction_rows(extraction, keep_text=keep_text,
                            provenance=replace(base, source=base.source or extraction.article.url))
            for extraction in first.values()
        ]
        with self.engine.begin() as connection:
            inserted = insert_articles(connection, batch)
            if recode:
                for rows in batch:
                    if rows.article["id"] not in inserted:
                        replace_article(connection, rows)
        written = set(first) if recode else inserted
        return [first[e.article.id] is e and e.article.id in written for e in extractions]

    def add_failure(
        self, source: str, reason: str, code: str, offset: int | None, *,
        coder_version: str, run_id: str | None = None,
    ) -> bool:
        row = failure_row(source, reason, code, offset, coder_version, run_id)
        with self.engine.begin() as connection:
            return insert_failure(connection, row)

    def articles_to_recode(self, version: str) -> Iterator[Article]:
        """Stored articles with text whose coding is not ``version``."""
        table = schema.articles
        query = (
            select(table)
            .where(table.c.coder_version != version, table.c.text.is_not(None))
            .order_by(table.c.id)
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).mappings().all()
        for row in rows:
            yield Article(
                id=row["id"], text=row["text"], url=row["url"], title=row["title"],
                outlet=row["outlet"], published=row["published"],
                published_basis=row["published_basis"], language=row["language"],
            )

    def count_textless_outdated(self, version: str) -> int:
        table = schema.articles
        with self.engine.connect() as connection:
            return int(connection.execute(
                select(func.count()).select_from(table)
                .where(table.c.coder_version != version, table.c.text.is_(None))
            ).scalar_one())

    def start_run(self, command: str, inputs: list[str], version: str) -> str:
        run_id = uuid.uuid4().hex
        with self.engine.begin() as connection:
            connection.execute(schema.runs.insert(), {
                "id": run_id, "started_at": now_iso(), "status": "running",
                "command": command, "inputs": to_json(inputs), "coder_version": version,
                "articles": 0, "skipped": 0, "events": 0, "failures": 0,
            })
        return run_id

    def finish_run(self, run_id: str, status: str, counts: dict[str, int]) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                update(schema.runs).where(schema.runs.c.id == run_id)
                .values(finished_at=now_iso(), status=status, **counts)
            )

    def table_counts(self) -> dict[str, int]:
        with self.engine.connect() as connection:
            return {
                name: int(connection.execute(
                    select(func.count()).select_from(schema.metadata.tables[name])
                ).scalar_one())
                for name in (*schema.CONTENT_TABLES, "runs")
            }

    def rows(self, table_name: str, exclude: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        """All rows of one table, less the ``exclude`` columns, in a backend-independent order."""
        table = schema.metadata.tables[table_name]
        columns = [c for c in table.columns if c.name not in exclude]
        with self.engine.connect() as connection:
            result = connection.execute(select(*columns)).mappings()
            return sorted((dict(row) for row in result), key=to_json)
