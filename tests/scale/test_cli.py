"""The command line of the scale features: ``ingest --workers`` / ``--dask``, the progress
figures, ``stats --runs``."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import _register_all, app
from newsevents.cli.store import IngestProgress, _workers, estimate_inputs
from newsevents.config import Options
from newsevents.store import IngestCounts
from newsevents.store.workers import available_cores

SAMPLES = str(resources.files("newsevents.samples") / "articles.jsonl")


def test_estimate_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}',
                                      encoding="utf-8")
    (tmp_path / "b.txt").write_text("x", encoding="utf-8")
    assert estimate_inputs([str(tmp_path)]) == 4
    (tmp_path / "c.warc").write_bytes(b"")
    assert estimate_inputs([str(tmp_path)]) is None
    assert estimate_inputs(["-"]) is None


def test_workers_default(tmp_path: Path) -> None:
    assert _workers(3, None, Options()) == 3
    assert _workers(None, None, Options()) == available_cores()
    config = tmp_path / "o.toml"
    config.write_text("n_process = 1\n", encoding="utf-8")
    assert _workers(None, config, Options(n_process=1)) == 1


def test_progress_shows_rates_and_eta() -> None:
    progress = IngestProgress(quiet=True, total=10)
    text = progress.describe(IngestCounts(articles=4, events=9, failures=1))
    assert "articles/s" in text and "events/s" in text and "5/10 inputs, ETA" in text
    assert "articles/s" in progress.summary(IngestCounts(articles=4))


def test_stats_by_run(tmp_path: Path) -> None:
    _register_all()
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    result = runner.invoke(app, ["ingest", SAMPLES, "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "articles/s" in result.stderr
    runs = json.loads(runner.invoke(app, ["stats", "--runs", "--db", db, "--format",
                                          "json"]).stdout)
    assert len(runs) == 1 and runs[0]["status"] == "completed"
    assert runs[0]["articles"] > 0 and runs[0]["articles_per_s"] > 0


@pytest.mark.slow
@pytest.mark.parametrize("how", [["--workers", "2"], ["--dask", "local:2"]])
def test_ingest_in_parallel_stores_what_one_process_stores(tmp_path: Path,
                                                           how: list[str]) -> None:
    if how[0] == "--dask":
        pytest.importorskip("distributed", reason="pip install 'newsevents[dask]'")
        how = [*how, "--run-dir", str(tmp_path / "run")]
    _register_all()
    runner = CliRunner()
    one, many = str(tmp_path / "one.db"), str(tmp_path / "many.db")
    assert runner.invoke(app, ["ingest", SAMPLES, "--db", one, "--workers", "1",
                               "-q"]).exit_code == 0
    result = runner.invoke(app, ["ingest", SAMPLES, "--db", many, *how])
    assert result.exit_code == 0, result.output
    stats = [json.loads(runner.invoke(app, ["stats", "--db", db, "--format", "json"]).stdout)
             for db in (one, many)]
    assert stats[0] == stats[1]


@pytest.mark.slow
def test_extract_in_workers_keeps_the_order(tmp_path: Path) -> None:
    _register_all()
    runner = CliRunner()
    outputs = []
    for workers in ("1", "2"):
        result = runner.invoke(app, ["extract", SAMPLES, "--format", "jsonl",
                                     "--workers", workers])
        assert result.exit_code == 0, result.output
        outputs.append([json.loads(line) for line in result.stdout.splitlines()])
    assert outputs[0] == outputs[1] and len(outputs[0]) == 48
