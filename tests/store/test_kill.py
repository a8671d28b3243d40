"""Acceptance: a run killed with SIGKILL at random points and resumed ends with exactly the
rows of an uninterrupted run; running it again adds nothing (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from newsevents.store import Store, resolve_url
from newsevents.store.schema import CONTENT_TABLES

from .conftest import _fresh_postgres, postgres_url

WORKER = Path(__file__).with_name("ingest_worker.py")
BOOKKEEPING = ("seq", "coded_at", "run_id", "created_at", "coder", "coder_version")
"""Left out of the comparison: timestamps, run ids, surrogate keys, and the coder version,
whose lexicon fingerprint changes whenever a lexicon file is edited between two runs."""
N_ARTICLES = 60
LAST_KILL = N_ARTICLES - 20
"""Kills aim at the first two thirds of the run: an article count near the end can be reached
and passed within one commit, and then the run finishes before the kill lands."""


def write_inputs(folder: Path) -> list[str]:
    """JSONL articles (a few broken lines among them) and a couple of plain-text files."""
    folder.mkdir()
    lines = []
    for i in range(N_ARTICLES):
        lines.append(json.dumps({
            "id": f"k{i:03d}", "published": f"2025-03-{1 + i % 28:02d}",
            "text": f"Officials in Washington accused Tehran of violating agreement number {i}. "
                    f"The foreign ministry rejected the claim on day {i}, according to reports.",
        }))
        if i % 20 == 7:
            lines.append("{not json")
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "note.txt").write_text(
        "Protesters gathered in the capital on Sunday to demand the release of prisoners.",
        encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    return [str(folder)]


def run_worker(db: str, inputs: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, str(WORKER), db, *inputs],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def finish(process: subprocess.Popen[bytes]) -> None:
    _out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err.decode()


def stored_articles(engine: Engine) -> int:
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM articles")).scalar_one())
    except Exception:  # the schema may not exist yet
        return 0


def kill_when(db: str, process: subprocess.Popen[bytes], target: int) -> bool:
    """SIGKILL the run once it has stored ``target`` articles (or as it stands after 120 s);
    True when the kill landed before the run ended by itself."""
    engine = create_engine(resolve_url(db))
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        if stored_articles(engine) >= target:
            break
        time.sleep(0.01)
    engine.dispose()
    time.sleep(random.uniform(0, 0.05))
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    return process.wait() == -signal.SIGKILL


def snapshot(db: str) -> dict[str, list[dict]]:
    with Store.open(db) as store:
        return {name: store.rows(name, exclude=BOOKKEEPING) for name in CONTENT_TABLES}


def kill_and_resume(tmp_path: Path, reference_db: str, db: str) -> None:
    inputs = write_inputs(tmp_path / "in")
    finish(run_worker(reference_db, inputs))
    expected = snapshot(reference_db)
    assert len(expected["articles"]) == N_ARTICLES + 1
    assert len(expected["failures"]) == 4 and expected["events"]

    rng = random.Random(os.environ.get("NEWSEVENTS_KILL_SEED", "kill"))
    killed = [kill_when(db, run_worker(db, inputs), target)
              for target in sorted(rng.sample(range(1, LAST_KILL), 3))]
    interrupted = snapshot(db)
    assert any(killed) and len(interrupted["articles"]) < N_ARTICLES + 1, \
        "the kills came too late"
    finish(run_worker(db, inputs))
    assert snapshot(db) == expected
    finish(run_worker(db, inputs))
    assert snapshot(db) == expected


@pytest.mark.slow
def test_sqlite_kill_and_resume(tmp_path: Path) -> None:
    kill_and_resume(tmp_path, f"sqlite:///{tmp_path}/ref.db", f"sqlite:///{tmp_path}/run.db")


@pytest.mark.slow
@pytest.mark.postgres
def test_postgres_kill_and_resume(tmp_path: Path) -> None:
    url = postgres_url()
    _fresh_postgres(url)
    reference = f"sqlite:///{tmp_path}/ref.db"
    kill_and_resume(tmp_path, reference, url)
