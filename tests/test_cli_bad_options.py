"""Acceptance (issue 11): bad option values and bad stores get a clear message and a usage or
run error, never a traceback or an internal error (E500); ``quotes`` reads HTML as
``extract`` does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import _register_all, app
from newsevents.store import Store

STORY = ("NAIROBI (Wire) - Kenya's interior minister said on Monday that police had arrested "
         "twelve people after protests over fuel prices turned violent in the capital.")

_register_all()


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert "Traceback" not in output and "E500" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    return result.exit_code, " ".join(output.split())


@pytest.fixture
def article(tmp_path: Path) -> Path:
    (path := tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    return path


@pytest.mark.parametrize(("value", "message"), [
    ("0001-01-01", "out of range"), ("9999-12-31", "out of range"),
    ("2025-02-30", "not an ISO date"), ("", "is empty"),
])
@pytest.mark.parametrize("command", ["extract", "ingest", "quotes"])
def test_published_out_of_range_or_malformed_is_a_usage_error(
    tmp_path: Path, article: Path, command: str, value: str, message: str,
) -> None:
    extra = ["--db", str(tmp_path / "x.db")] if command == "ingest" else []
    status, output = invoke(command, str(article), "--published", value, *extra)
    assert status == 2 and message in output, output
    assert not (tmp_path / "x.db").exists()


def test_ingest_published_dates_plain_text(tmp_path: Path, article: Path) -> None:
    db = str(tmp_path / "p.db")
    status, output = invoke("ingest", str(article), "--db", db, "--published", "2025-05-03",
                            "--quiet")
    assert status == 0, output
    with Store.open(db) as store:
        [row] = store.rows("articles")
    assert (row["published"], row["published_basis"]) == ("2025-05-03", "metadata")


def test_a_jsonl_date_out_of_range_is_a_failure_row(tmp_path: Path) -> None:
    (path := tmp_path / "a.jsonl").write_text(
        json.dumps({"id": "far", "text": STORY, "published": "9999-12-31"}) + "\n")
    db = str(tmp_path / "j.db")
    assert invoke("ingest", str(path), "--db", db, "--quiet")[0] == 0
    with Store.open(db) as store:
        [failure] = store.rows("failures")
    assert failure["source"] == f"{path}:1" and failure["code"] == "E107"
    assert "out of range" in failure["reason"] and "1900" in failure["reason"]


@pytest.mark.parametrize(("db", "message"), [
    ("mysql://user@localhost/news", "not supported"),
    ("postgresql://nobody@127.0.0.1:9/none", "cannot reach"),
])
def test_unusable_stores_are_refused_with_a_reason(article: Path, db: str, message: str) -> None:
    status, output = invoke("ingest", str(article), "--db", db, "--quiet")
    assert status in (1, 2) and message in output, output


def test_a_file_that_is_no_database_and_a_missing_store(tmp_path: Path, article: Path) -> None:
    (junk := tmp_path / "junk.db").write_bytes(b"this is not a database" * 100)
    status, output = invoke("ingest", str(article), "--db", str(junk), "--quiet")
    assert status in (1, 2) and "not a SQLite database" in output, output
    status, output = invoke("query", "--db", str(tmp_path / "missing.db"))
    assert status != 0 and "no newsevents store" in output, output
    assert not (tmp_path / "missing.db").exists()


def test_a_read_only_store_is_refused_for_ingest(tmp_path: Path, article: Path) -> None:
    db = tmp_path / "ro.db"
    Store.open(str(db)).close()
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    status, output = invoke("ingest", str(article), "--db", url, "--quiet")
    assert status in (1, 2) and "cannot be written" in output, output


def test_quotes_reads_an_html_page_as_extract_does(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Kenya</title><style>p {color: red}</style></head><body><nav>"
        "<a href='/'>Home</a></nav><article><p>Kenya's interior minister said on Monday: "
        "\u201cWe will restore order in the capital within days.\u201d</p><p>Opposition "
        "leaders said the arrests were \u201can attack on democracy\u201d and called for talks."
        "</p></article></body></html>", encoding="utf-8")
    status, output = invoke("quotes", str(page), "--format", "json")
    assert status == 0, output
    quotes = json.loads(CliRunner().invoke(app, ["quotes", str(page), "--format", "json"]).stdout)
    texts = " ".join(q["text"] for q in quotes)
    assert "restore order" in texts and "<" not in texts and "color" not in texts
