"""``ingest --workers N``: the same rows as the in-process run; a killed worker or parent loses
nothing and doubles nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from concurrent.futures import Future
from pathlib import Path

import pytest

from newsevents.config import Options
from newsevents.store import IngestCounts, IngestRunner, IngestSettings, Store, run_ingest
from newsevents.store.workers import ProcessCoding, WorkerSpec, available_cores, code_articles
from tests.store.ingest_worker import install_stand_in_stage
from tests.store.test_kill import N_ARTICLES, kill_when, snapshot, write_inputs

ROOT = Path(__file__).resolve().parents[2]
RUN = Path(__file__).with_name("ingest_workers_run.py")
SETUP = "tests.store.ingest_worker:install_stand_in_stage"


def _inputs(folder: Path) -> list[str]:
    """The kill tests' inputs plus a duplicate text under another key and a repeated key."""
    paths = write_inputs(folder)
    again = (folder / "batch.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    (folder / "again.jsonl").write_text("\n".join(
        line.replace('"k00', '"d00') for line in again) + "\n", encoding="utf-8")
    return paths


def _run(db: str, paths: list[str], n_process: int) -> IngestCounts:
    install_stand_in_stage()
    with Store.open(db) as store:
        return run_ingest(store, paths, Options(batch_size=4, n_process=n_process),
                          settings=IngestSettings(batch_size=4), worker_setup=SETUP)


def test_available_cores() -> None:
    assert 1 <= available_cores() <= (os.cpu_count() or 1)


def test_batches_in_flight_code_a_text_once(tmp_path: Path) -> None:
    """With batches in flight (results stored later), a text repeated in a later batch is
    coded once and recorded as a duplicate, as in the in-process run."""
    paths = _inputs(tmp_path / "in")
    install_stand_in_stage()
    from newsevents.ingest import read_sourced
    from newsevents.pipeline import Pipeline

    pipeline = Pipeline(Options(batch_size=4))
    reference = f"sqlite:///{tmp_path}/ref.db"
    with Store.open(reference) as store:
        expected = IngestRunner(store, pipeline, IngestSettings(batch_size=4)).run(
            read_sourced(paths, Options()))
    db = f"sqlite:///{tmp_path}/run.db"
    with Store.open(db) as store:
        counts = IngestRunner(store, _Deferred(pipeline), IngestSettings(batch_size=4)).run(
            read_sourced(paths, Options()))
    assert counts == expected
    assert snapshot(db) == snapshot(reference)


class _Deferred:
    """Coding whose results arrive only when the runner asks for them, 3 batches late."""

    in_flight = 3

    def __init__(self, pipeline: object) -> None:
        self.pipeline = pipeline
        self.coder = pipeline.coder  # type: ignore[attr-defined]

    def submit(self, batch: list) -> Future:  # type: ignore[type-arg]
        future: Future = Future()  # type: ignore[type-arg]
        future.set_result(code_articles(self.pipeline, batch))  # type: ignore[arg-type]
        return future

    def restart(self) -> None:
        pass


@pytest.mark.slow
def test_workers_store_what_one_process_stores(tmp_path: Path) -> None:
    paths = _inputs(tmp_path / "in")
    one, two = f"sqlite:///{tmp_path}/one.db", f"sqlite:///{tmp_path}/two.db"
    counts_one = _run(one, paths, 1)
    counts_two = _run(two, paths, 2)
    assert counts_two == counts_one
    assert counts_one.duplicates >= 3 and counts_one.failures == 4
    assert snapshot(two) == snapshot(one)
    again = _run(two, paths, 2)
    assert again.articles == again.events == 0 and again.skipped == counts_one.inputs - 4
    assert snapshot(two) == snapshot(one)


@pytest.mark.slow
def test_a_killed_worker_loses_nothing(tmp_path: Path) -> None:
    paths = _inputs(tmp_path / "in")
    reference = f"sqlite:///{tmp_path}/ref.db"
    expected_counts = _run(reference, paths, 1)
    db = f"sqlite:///{tmp_path}/run.db"
    install_stand_in_stage()
    killed: list[int] = []
    with ProcessCoding(WorkerSpec(Options(batch_size=4), setup=SETUP), 2) as coding, \
            Store.open(db) as store:

        def kill_one(counts: IngestCounts) -> None:
            if not killed and counts.articles >= 8:
                pid = coding.worker_pids()[0]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        from newsevents.ingest import read_sourced

        runner = IngestRunner(store, coding, IngestSettings(batch_size=4), kill_one)
        counts = runner.run(read_sourced(paths, Options(batch_size=4)))
    assert killed and counts == expected_counts
    assert snapshot(db) == snapshot(reference)


@pytest.mark.slow
def test_a_killed_parent_resumes(tmp_path: Path) -> None:
    paths = write_inputs(tmp_path / "in")
    reference = f"sqlite:///{tmp_path}/ref.db"
    _run(reference, paths, 1)
    expected = snapshot(reference)
    db = f"sqlite:///{tmp_path}/run.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, str(RUN), db, *paths], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert kill_when(db, process, N_ARTICLES // 3), "the run ended before the kill"
    assert len(snapshot(db)["articles"]) < N_ARTICLES + 1
    for _ in range(2):
        finished = subprocess.run([sys.executable, str(RUN), db, *paths], env=env,
                                  capture_output=True, timeout=300)
        assert finished.returncode == 0, finished.stderr.decode()
        assert snapshot(db) == expected
