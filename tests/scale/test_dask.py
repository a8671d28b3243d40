"""``ingest --dask``: the same rows as the in-process run, on a LocalCluster of two workers;
a worker killed mid-run loses nothing and doubles nothing; a run resumes by partition."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsevents.config import Options
from newsevents.store import IngestSettings, Store

from .test_workers import SETUP, _inputs, _run, snapshot

distributed = pytest.importorskip(
    "distributed", reason="the Dask runner needs dask.distributed: pip install 'newsevents[dask]'")
pytest.importorskip("pyarrow", reason="the Dask runner needs pyarrow: pip install 'newsevents[dask]'")

from newsevents.distributed import DaskRun, run_dask_ingest  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def _dask(db: str, paths: list[str], client: Any, run_dir: Path, **kwargs: Any) -> Any:
    with Store.open(db) as store:
        return run_dask_ingest(store, paths, Options(batch_size=4), "local:2", client=client,
                               settings=IngestSettings(batch_size=4), run_dir=run_dir,
                               partition_size=6, worker_setup=SETUP, **kwargs)


def test_dask_stores_what_one_process_stores(tmp_path: Path, client: Any) -> None:
    paths = _inputs(tmp_path / "in")
    reference = f"sqlite:///{tmp_path}/ref.db"
    expected = _run(reference, paths, 1)
    db = f"sqlite:///{tmp_path}/run.db"
    counts = _dask(db, paths, client, tmp_path / "run")
    assert counts == expected
    assert snapshot(db) == snapshot(reference)
    run = DaskRun(tmp_path / "run")
    run.load_manifest()
    assert len(run.partitions) > 5 and not run.pending()
    again = _dask(db, paths, client, tmp_path / "run2")  # a new run folder: nothing to code
    assert again.articles == 0 and snapshot(db) == snapshot(reference)


def test_a_killed_dask_worker_loses_nothing(tmp_path: Path, client: Any) -> None:
    paths = _inputs(tmp_path / "in")
    reference = f"sqlite:///{tmp_path}/ref.db"
    _run(reference, paths, 1)
    db = f"sqlite:///{tmp_path}/run.db"
    killed: list[int] = []

    def kill_one(_name: str, _count: int) -> None:
        if not killed:
            pids = sorted(client.run(os.getpid).values())
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    _dask(db, paths, client, tmp_path / "run", on_partition=kill_one)
    assert killed
    assert snapshot(db) == snapshot(reference)


def test_a_run_resumes_by_partition(tmp_path: Path, client: Any) -> None:
    paths = _inputs(tmp_path / "in")
    reference = f"sqlite:///{tmp_path}/ref.db"
    _run(reference, paths, 1)
    db = f"sqlite:///{tmp_path}/run.db"
    _dask(db, paths, client, tmp_path / "run")
    run = DaskRun(tmp_path / "run")
    run.load_manifest()
    first = run.result_path(run.partitions[0])
    stamp = first.stat().st_mtime_ns
    run.result_path(run.partitions[1]).unlink()  # as if the run had stopped before it
    _dask(db, paths, client, tmp_path / "run")
    assert first.stat().st_mtime_ns == stamp and not run.pending()
    assert snapshot(db) == snapshot(reference)
