"""Nothing lost in silence, reading side: every row unless --limit, tables that say how many
rows there are, missing stores refused (never created empty), impossible filters refused with
the allowed values, and store errors that say what to do without SQL or tracebacks."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError
from typer.testing import CliRunner

from newsevents.cli import _register_all, app
from newsevents.errors import (
    FilterError,
    MalformedRecordError,
    StoreNotFoundError,
    StoreUnreachableError,
    UnsupportedStoreError,
)
from newsevents.store import Store
from newsevents.store.db import readable, store_error
from newsevents.store.query import EventFilter, check_filter, date_bounds, find_events

from .conftest import actor, make_event, make_extraction

N_EVENTS = 60
READERS = [["query"], ["stats"], ["export"], ["timeline"], ["failures"]]


@pytest.fixture(scope="module", autouse=True)
def commands() -> None:
    _register_all()


def invoke(*args: str) -> object:
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def many(tmp_path: Path) -> str:
    """A SQLite store with more events than a table page."""
    path = str(tmp_path / "many.db")
    with Store.open(path) as store:
        store.add(make_extraction("a1", events=[make_event("a1", i) for i in range(N_EVENTS)]))
    return path


# --- every row unless --limit; the table pages and says so --------------------------------

def test_csv_json_and_jsonl_give_every_event_without_limit(many: str) -> None:
    rows = list(csv.DictReader(io.StringIO(invoke("query", "--db", many, "--format",
                                                  "csv").stdout)))
    assert len(rows) == N_EVENTS
    lines = invoke("query", "--db", many, "--format", "jsonl").stdout.splitlines()
    assert len(lines) == N_EVENTS and all(json.loads(line)["id"] for line in lines)
    assert len(json.loads(invoke("query", "--db", many, "--format", "json").stdout)) == N_EVENTS
    timeline = invoke("timeline", "--db", many, "--format", "csv").stdout.splitlines()
    assert len(timeline) == N_EVENTS + 1


def test_limit_and_offset_still_cut(many: str) -> None:
    first = invoke("query", "--db", many, "--format", "jsonl", "--limit", "5").stdout
    later = invoke("query", "--db", many, "--format", "jsonl", "--limit", "5", "--offset", "5")
    ids = [json.loads(line)["id"] for line in (first + later.stdout).splitlines()]
    assert ids == [f"a1-e{i}" for i in range(10)]


def test_the_table_pages_and_says_how_many_events_there_are(many: str) -> None:
    result = invoke("query", "--db", many)
    assert result.exit_code == 0
    assert "events 1–50 of 60" in result.stdout
    assert "10 more event(s): --offset 50 shows the next page" in result.stderr
    rest = invoke("query", "--db", many, "--offset", "50")
    assert "events 51–60 of 60" in rest.stdout and "more event" not in rest.stderr
    whole = invoke("timeline", "--db", many)
    assert "60 events" in whole.stdout and "more event" not in whole.stderr
    cut = invoke("timeline", "--db", many, "--limit", "7")
    assert "events 1–7 of 60" in cut.stdout and "53 more event(s)" in cut.stderr


def test_an_empty_answer_says_zero(many: str) -> None:
    result = invoke("query", "--db", many, "--type", "ASSAULT")
    assert result.exit_code == 0 and "0 events" in result.stdout


# --- a store that is not there is refused by every reading command -------------------------

@pytest.mark.parametrize("command", READERS)
def test_reading_commands_refuse_a_missing_store(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "typo.db"
    result = invoke(*command, "--db", str(missing))
    assert result.exit_code == 2, result.output
    assert "[E601]" in result.stderr and "newsevents ingest" in result.stderr
    assert not missing.exists()


@pytest.mark.parametrize("command", READERS)
def test_reading_commands_refuse_a_file_without_a_store(tmp_path: Path,
                                                        command: list[str]) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    text = tmp_path / "notes.txt"
    text.write_text("not a database, but long enough to have a header of sorts\n" * 10)
    assert "[E601]" in invoke(*command, "--db", str(empty)).stderr
    result = invoke(*command, "--db", str(text))
    assert result.exit_code == 2 and "[E600]" in result.stderr
    assert "is not a SQLite database" in result.stderr and "Traceback" not in result.output


def test_the_server_refuses_a_missing_store_without_a_write_token(tmp_path: Path) -> None:
    from newsevents.server import ServerSettings, create_app

    missing = tmp_path / "typo.db"
    with pytest.raises(StoreNotFoundError):
        create_app(ServerSettings(db=str(missing)))
    assert not missing.exists()


def test_writing_still_creates_a_new_store(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "new.db")) as store:
        assert store.table_counts()["articles"] == 0
    with Store.open(str(tmp_path / "new.db"), create=False) as store:
        assert store.table_counts()["events"] == 0


# --- impossible filters are refused, listing what is allowed -------------------------------

@pytest.mark.parametrize(("args", "expected"), [
    (["--type", "FOO"], "--type: 'FOO' is not one of AGREE, CONSULT"),
    (["--type", "accuse,BOMB"], "'BOMB' is not one of"),
    (["--quad", "5"], "--quad: 5 is not one of 1, 2, 3, 4"),
    (["--since", "2025-13-45"], "--since: '2025-13-45' is not a date"),
    (["--until", "2025-02-30"], "--until: '2025-02-30' is not a date"),
    (["--since", "May"], "use YYYY, YYYY-MM or YYYY-MM-DD"),
    (["--since", "2025-06", "--until", "2025-05"], "nothing can match"),
    (["--modality", "maybe"], "actual, future, possible, hypothetical"),
    (["--polarity", "neutral"], "positive, negative"),
    (["--source-country", "US"], "ISO 3166-1 alpha-3"),
    (["--target-sector", "GOVT"], "three-letter sector code"),
    (["--search", '"*'], "--search: '\"*' has no words"),
])
def test_query_refuses_impossible_filters(many: str, args: list[str], expected: str) -> None:
    for output in ("table", "csv", "jsonl"):
        result = invoke("query", "--db", many, "--format", output, *args)
        assert result.exit_code == 2, result.output
        assert "[E610]" in result.stderr and expected in result.stderr
        assert result.stdout == ""


def test_export_refuses_impossible_filters(many: str) -> None:
    result = invoke("export", "--db", many, "--type", "FOO")
    assert result.exit_code == 2 and "is not one of" in result.stderr and result.stdout == ""


def test_search_words_are_never_fts_syntax(many: str) -> None:
    for words in ('tanker AND (', 'NEAR("x" "', "attacking*", "a1) OR"):
        result = invoke("query", "--db", many, "--format", "csv", "--search", words)
        assert result.exit_code == 0, (words, result.output)


def test_check_filter_and_date_bounds() -> None:
    assert date_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_bounds("2025-03-09") == ("2025-03-09", "2025-03-09")
    check_filter(EventFilter(types=("accuse",), quad_classes=(1, 4), since="2025",
                             until="2025", modalities=("future",), source_country="usa"))
    with pytest.raises(FilterError) as caught:
        check_filter(EventFilter(quad_classes=(0,)))
    assert caught.value.field == "quad" and caught.value.code == "E610"
    for impossible in ("2025-00", "2025-02-30", "2025-04-31", "25-01"):
        with pytest.raises(FilterError, match="is not a date"):
            check_filter(EventFilter(until=impossible))


def test_the_api_keeps_to_its_schema(many: str) -> None:
    """The API refuses what its schema forbids and nothing more (its stability promise)."""
    from fastapi.testclient import TestClient

    from newsevents.server import ServerSettings, create_app

    with Store.open(many, create=False) as store, \
            TestClient(create_app(ServerSettings(), store=store)) as client:
        assert client.get("/events", params={"type": "FOO"}).status_code == 422
        lenient = client.get("/events", params={"since": "2025-02-30", "until": "2025-02-01"})
    assert lenient.status_code == 200 and lenient.json()["events"] == []


# --- % and _ in --actor are the characters, not wildcards ----------------------------------

def test_actor_wildcards_are_escaped(store: Store) -> None:
    store.add(make_extraction("w1", events=[
        make_event("w1", 0, source=[actor("Rubio", "USA", "GOV")]),
        make_event("w1", 1, source=[actor("100% Mutual_Aid", None, None)]),
    ]))

    def found(name: str) -> list[str]:
        return [row["id"] for row in find_events(store, EventFilter(actor=name))]

    assert found("rubi_") == [] and found("r%o") == []
    assert found("%") == ["w1-e1"] and found("mutual_aid") == ["w1-e1"]
    assert found("rubio") == ["w1-e0"]


def test_the_cli_escapes_actor_wildcards(many: str) -> None:
    result = invoke("query", "--db", many, "--format", "csv", "--actor", "_nited")
    assert result.exit_code == 0 and result.stdout == ""
    united = invoke("query", "--db", many, "--format", "csv", "--actor", "united")
    assert len(united.stdout.splitlines()) == N_EVENTS + 1


# --- store messages -------------------------------------------------------------------------

def test_an_unsupported_database_is_named_not_a_missing_module(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedStoreError, match="'mysql' databases are not supported"):
        Store.open("mysql://user:secret@localhost/events")
    for command in (["query"], ["ingest", str(tmp_path)]):
        result = invoke(*command, "--db", "mysql://user:secret@localhost/events")
        assert result.exit_code == 2 and "[E603]" in result.stderr
        assert "ModuleNotFoundError" not in result.output and "secret" not in result.output


def test_a_postgres_server_not_listening_is_said_so(tmp_path: Path) -> None:
    url = "postgresql://someone:secret@127.0.0.1:9/events"
    with pytest.raises(StoreUnreachableError,
                       match=re.escape("cannot reach the database server at 127.0.0.1:9")):
        Store.open(url)
    for command in (["stats"], ["ingest", str(tmp_path)]):
        result = invoke(*command, "--db", url)
        assert result.exit_code == 1, result.output
        assert "[E604]" in result.stderr and "start it" in result.stderr
        assert "sqlalche.me" not in result.output and "secret" not in result.output


def test_a_read_only_store_is_refused_for_writing_and_read_as_it_is(many: str,
                                                                    tmp_path: Path) -> None:
    read_only = f"sqlite:///file:{many}?mode=ro&uri=true"
    (tmp_path / "in.txt").write_text("The United States accused Iran of attacking a tanker.")
    result = invoke("ingest", str(tmp_path / "in.txt"), "--db", read_only, "--quiet")
    assert result.exit_code == 2, result.output
    assert "[E602]" in result.stderr and "cannot be written" in result.stderr
    assert "[SQL:" not in result.output and "parameters" not in result.output
    rows = invoke("query", "--db", read_only, "--format", "jsonl")
    assert rows.exit_code == 0 and len(rows.stdout.splitlines()) == N_EVENTS


def test_database_errors_lose_their_sql_and_parameters() -> None:
    error = OperationalError("INSERT INTO runs (id) VALUES (?)", ("secret-run-id",),
                             Exception("attempt to write a readonly database"))
    assert "[SQL:" in str(error)
    message = readable(error)
    assert "INSERT" not in message and "secret-run-id" not in message
    assert "cannot be written" in message
    assert store_error(error).code == "E602"
    other = OperationalError("SELECT 1", {}, Exception("disk I/O error\nmore"))
    assert store_error(other).reason == "Exception: disk I/O error"


def test_sqlite_foreign_keys_stay_on_after_migrating(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "fk.db")) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1


def test_json_errors_do_not_say_at_at() -> None:
    from newsevents.ingest.records import _json_record

    with pytest.raises(MalformedRecordError) as caught:
        _json_record(b'{"text": "a\x01b"}', "wire.jsonl:1")
    assert "at at" not in str(caught.value)
    assert "Invalid control character at column" in str(caught.value)
