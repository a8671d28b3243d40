"""The store: schema and migrations, idempotent writes, re-coding, --no-text, failures."""

from __future__ import annotations

from dataclasses import replace

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from newsevents.model import Coder
from newsevents.store import Store, coder_version, resolve_url, schema
from newsevents.store.db import current_revision

from .conftest import CODER, make_event, make_extraction


def test_migrations_create_exactly_the_schema(store: Store) -> None:
    assert current_revision(store.engine) == schema.SCHEMA_VERSION
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": _not_fulltext})
        diff = compare_metadata(context, schema.metadata)
    assert diff == []


def _not_fulltext(name: str | None, kind: str, _parent: object) -> bool:
    """The full-text tables and indexes are backend-specific DDL outside the metadata."""
    return not (name or "").endswith(("_fts", "_fts_data", "_fts_idx", "_fts_docsize",
                                      "_fts_config", "_fts_content"))


def test_sqlite_uses_wal_and_foreign_keys(tmp_path: object) -> None:
    store = Store.open(f"{tmp_path}/x.db")
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    store.close()


def test_urls_resolve() -> None:
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert resolve_url("events.db") == "sqlite:///events.db"
    assert resolve_url("sqlite:///x.db") == "sqlite:///x.db"


def test_adding_an_article_twice_adds_nothing(store: Store) -> None:
    extraction = make_extraction("a1")
    assert store.add(extraction) is True
    first = store.table_counts()
    assert store.add(extraction) is False
    assert store.table_counts() == first
    assert first["articles"] == 1 and first["events"] == 1 and first["quotes"] == 1
    assert first["event_actors"] == 2 and first["mentions"] == 1
    assert first["timexes"] == 1 and first["places"] == 1
    assert first["actors"] == 3


def test_a_batch_writes_the_new_articles_and_skips_the_stored_ones(store: Store) -> None:
    assert store.write([make_extraction("a1"), make_extraction("a2")]) == [True, True]
    first = store.table_counts()
    assert store.write([make_extraction("a2"), make_extraction("a3")]) == [False, True]
    counts = store.table_counts()
    assert counts["articles"] == 3 and first["articles"] == 2
    assert counts["events"] == 3 and counts["mentions"] == 3 and counts["quotes"] == 3
    one = store.rows("events")
    assert sorted(row["article_id"] for row in one) == ["a1", "a2", "a3"]


def test_an_article_given_twice_in_a_batch_is_written_once(store: Store) -> None:
    assert store.write([make_extraction("a1"), make_extraction("a1")]) == [True, False]
    assert store.table_counts()["articles"] == 1 and store.table_counts()["events"] == 1


def test_a_batch_commits_whole_or_not_at_all(store: Store) -> None:
    good = make_extraction("a1")
    clashing = make_extraction("a2", events=[make_event("a1", 0)])  # a1's event id again
    with pytest.raises(IntegrityError):
        store.write([good, clashing])
    assert all(count == 0 for name, count in store.table_counts().items() if name != "runs")


def test_stored_rows_keep_the_record(store: Store) -> None:
    extraction = make_extraction("a1")
    store.add(extraction)
    rows = store.rows("events")
    assert rows[0]["type"] == "ACCUSE" and rows[0]["date_earliest"] == "2025-05-03"
    import json

    from newsevents.model import Event

    assert Event.from_dict(json.loads(rows[0]["record"])) == extraction.events[0]


def test_recode_replaces_the_coding_only_when_it_commits(store: Store) -> None:
    store.add(make_extraction("a1"))
    new_coder = Coder("newsevents", "0.2.0", CODER.model, CODER.lexicons)
    recoded = make_extraction("a1", coder=new_coder, events=[
        make_event("a1", 0, type_="THREATEN"), make_event("a1", 1, type_="ASSAULT")])
    from newsevents.store.write import extraction_rows, replace_article

    with store.engine.connect() as writer:
        transaction = writer.begin()
        replace_article(writer, extraction_rows(recoded))
        assert [r["type"] for r in store.rows("events")] == ["ACCUSE"]
        transaction.commit()
    assert sorted(r["type"] for r in store.rows("events")) == ["ASSAULT", "THREATEN"]
    assert store.stored_versions(["a1"]) == {"a1": coder_version(new_coder)}
    assert store.table_counts()["articles"] == 1


def test_no_text_keeps_offsets_and_hashes_only(store: Store) -> None:
    extraction = make_extraction("a1")
    store.add(extraction, keep_text=False)
    article = store.rows("articles")[0]
    assert article["text"] is None and len(article["text_sha256"]) == 64
    assert article["text_length"] == len(extraction.article.text)
    assert store.rows("mentions")[0]["sentence"] is None
    quote = store.rows("quotes")[0]
    assert quote["text"] is None and quote["start"] == 40
    assert "accused Iran." not in store.rows("events")[0]["record"]


def test_failures_are_recorded_once(store: Store) -> None:
    for _ in range(2):
        store.add_failure("in/x.txt", "binary", "E102", None, coder_version="v")
        store.add_failure("in/y.jsonl:3", "bad json", "E107", 120, coder_version="v")
    rows = store.rows("failures", exclude=("created_at", "run_id"))
    assert [(r["source"], r["offset"], r["code"]) for r in rows] == [
        ("in/x.txt", None, "E102"), ("in/y.jsonl:3", 120, "E107")]


def test_duplicate_event_ids_in_one_extraction_are_stored_once(store: Store) -> None:
    event = make_event("a1", 0)
    store.add(make_extraction("a1", events=[event, replace(event)]))
    assert store.table_counts()["events"] == 1


def test_deleting_an_article_cascades(store: Store) -> None:
    store.add(make_extraction("a1"))
    with store.engine.begin() as connection:
        connection.execute(schema.articles.delete())
    counts = store.table_counts()
    assert counts["events"] == counts["mentions"] == counts["quotes"] == 0
    with store.engine.connect() as connection:
        assert connection.execute(select(schema.event_actors)).all() == []


def test_a_store_of_revision_0001_opens_and_its_quotes_read(tmp_path: object) -> None:
    """Quotes stored before ``speaker_basis`` existed: the column is added, null, and the
    stored records still read as Quotes."""
    import json

    from sqlalchemy import text

    from newsevents.model import Quote
    from newsevents.store.db import migrate

    path = f"{tmp_path}/old.db"
    old = Store.open(path, migrate_schema=False)
    migrate(old.engine, "0001")
    record = {"id": "q1", "article_id": "a1", "kind": "direct", "text": "we will respond",
              "start": 0, "end": 15, "speaker": None, "cue": "said", "sentence_index": 0,
              "mentions": [], "unbalanced": False}
    with old.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO articles (id, published_basis, language, text_sha256, text_length, "
            "coder_version, coder, coded_at) VALUES ('a1', 'metadata', 'en', 'x', 15, 'v', '{}', "
            "'2025-01-01')"))
        connection.execute(text(
            "INSERT INTO quotes (article_id, id, kind, text, text_sha256, start, \"end\", "
            "unbalanced, record) VALUES ('a1', 'q1', 'direct', 'we will respond', 'x', 0, 15, "
            "0, :record)"), {"record": json.dumps(record)})
    old.close()
    store = Store.open(path)
    assert current_revision(store.engine) == schema.SCHEMA_VERSION
    [row] = store.rows("quotes")
    assert row["speaker_basis"] is None
    assert Quote.from_dict(json.loads(row["record"])).speaker_basis is None
    store.close()
