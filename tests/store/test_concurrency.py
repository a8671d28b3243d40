"""Acceptance: four first ingests racing into a new store (SQLite and PostgreSQL), with
disjoint and with overlapping inputs, all succeed and store every input exactly once: the
rows equal those of one sequential run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import _fresh_postgres, postgres_url
from .ingest_worker import BARRIER_ENV
from .test_kill import WORKER, snapshot

N_FILES = 16
WORKERS = 4


def write_inputs(folder: Path) -> list[str]:
    """Plain-text articles, one JSONL file (with a broken line: a failure row) and an empty
    file (another failure row)."""
    folder.mkdir()
    paths = []
    for i in range(N_FILES):
        path = folder / f"story{i:02d}.txt"
        path.write_text(f"Officials in Washington accused Tehran of violating agreement {i}. "
                        f"The foreign ministry rejected the claim on day {i}.", encoding="utf-8")
        paths.append(str(path))
    lines = [json.dumps({"id": f"j{i}", "published": "2025-03-01",
                         "text": f"Protesters in Caracas demanded the release of prisoner {i}."})
             for i in range(6)]
    (folder / "wire.jsonl").write_text("\n".join([*lines[:3], "{broken", *lines[3:]]) + "\n",
                                       encoding="utf-8")
    (folder / "empty.txt").write_text(" \n", encoding="utf-8")
    return [*paths, str(folder / "wire.jsonl"), str(folder / "empty.txt")]


def disjoint(inputs: list[str]) -> list[list[str]]:
    return [inputs[i::WORKERS] for i in range(WORKERS)]


def overlapping(inputs: list[str]) -> list[list[str]]:
    """Every input in at least two workers' lists, in different orders."""
    half = len(inputs) // 2
    return [inputs[:half + 3], inputs[half - 3:], inputs[::-1], inputs[::2] + inputs[1::2]]


def run_together(db: str, shares: list[list[str]], barrier: Path) -> None:
    """One worker per share, let go at one moment once all are up; each must exit 0."""
    barrier.mkdir()
    env = {**os.environ, BARRIER_ENV: str(barrier)}
    workers = [subprocess.Popen([sys.executable, str(WORKER), db, *share], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
               for share in shares]
    deadline = time.monotonic() + 120
    while (len(list(barrier.glob("ready-*"))) < len(workers)
           and time.monotonic() < deadline and all(w.poll() is None for w in workers)):
        time.sleep(0.01)
    (barrier / "go").touch()
    errors = [worker.communicate(timeout=300)[1].decode() for worker in workers]
    assert [w.returncode for w in workers] == [0] * len(workers), errors


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict[str, list[dict]]]:
    """The inputs, and the rows one sequential run stores from them."""
    folder = tmp_path_factory.mktemp("race")
    inputs = write_inputs(folder / "in")
    db = f"sqlite:///{folder}/reference.db"
    run_together(db, [inputs], folder / "reference-barrier")
    expected = snapshot(db)
    assert len(expected["articles"]) == N_FILES + 6 and len(expected["failures"]) == 2
    return inputs, expected


def race(corpus: tuple[list[str], dict[str, list[dict]]], db: str, split: str,
         tmp_path: Path) -> None:
    inputs, expected = corpus
    shares = (disjoint if split == "disjoint" else overlapping)(inputs)
    run_together(db, shares, tmp_path / "barrier")
    assert snapshot(db) == expected


Corpus = tuple[list[str], dict[str, list[dict]]]


@pytest.mark.slow
@pytest.mark.parametrize("split", ["disjoint", "overlapping"])
def test_sqlite_first_ingests_race_into_a_new_store(corpus: Corpus, split: str,
                                                    tmp_path: Path) -> None:
    race(corpus, f"sqlite:///{tmp_path}/new.db", split, tmp_path)


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.parametrize("split", ["disjoint", "overlapping"])
def test_postgres_first_ingests_race_into_a_new_store(corpus: Corpus, split: str,
                                                      tmp_path: Path) -> None:
    url = postgres_url()
    _fresh_postgres(url)
    race(corpus, url, split, tmp_path)
