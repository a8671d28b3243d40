"""The Dask runner: ``ingest --dask tcp://SCHEDULER:8786`` or ``--dask local:N``.

The parent reads the inputs (the same readers and source keys as ``ingest``), leaves out the
texts the store already has, and splits the rest into partitions of ``partition_size``
articles, written to the run folder (``part-NNNNN.jsonl``) with a ``manifest.json``. Each
partition is coded on the cluster by a worker whose pipeline was built once (a
``WorkerPlugin``); its results come back to the parent, which writes them as Parquet
(``part-NNNNN.parquet``: the article id, the event count, a failure's code and reason, and the
pickled Extraction) by rename, so a result file is whole or absent. Dask re-runs the task of a
worker that died; a task that raised is retried ``retries`` times. Then the parent merges the
results into the store with ``IngestRunner``, the same identity and versioning logic as every
ingest run, so the merge is idempotent.

A run killed at any point resumes from the same run folder (``--run-dir``; by default a folder
named by a hash of the inputs): partitions with a result file are not coded again, and the
merge skips what it stored before. The pickles are read back only from the run folder the
parent wrote: do not point ``--run-dir`` at files of unknown origin.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import pickle
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import MissingExtraError, NewsEventsError
from .ingest.identity import Sourced, content_id, content_version
from .model import Article, Coder, Extraction
from .store.core import Store
from .store.runner import IngestCounts, IngestSettings, ProgressCallback, booked_run
from .store.workers import CodingFailure, WorkerSpec, article_source, code_articles
from .store.write import articles_by_content

if TYPE_CHECKING:
    from distributed import Client

    from .config import Options

__all__ = ["DaskRun", "run_dask_ingest"]

MANIFEST = "manifest.json"
PARTITION_SIZE = 64
RETRIES = 3
PLUGIN_NAME = "newsevents-pipeline"
_ATTRIBUTE = "newsevents_pipeline"


def _require() -> None:
    for module in ("distributed", "pyarrow"):
        try:
            __import__(module)
        except ImportError:
            raise MissingExtraError(module, "dask") from None


# --- on the workers -----------------------------------------------------------------------

def _plugin(spec: WorkerSpec) -> Any:
    from distributed.diagnostics.plugin import WorkerPlugin

    class PipelinePlugin(WorkerPlugin):  # type: ignore[misc]
        """Builds the worker's pipeline once, when the worker starts or joins."""

        name = PLUGIN_NAME

        def __init__(self, spec: WorkerSpec) -> None:
            self.spec = spec

        def setup(self, worker: Any) -> None:
            setattr(worker, _ATTRIBUTE, self.spec.build())

    return PipelinePlugin(spec)


def _worker_pipeline() -> Any:
    from distributed import get_worker

    return getattr(get_worker(), _ATTRIBUTE)


def code_partition(articles: list[Article]) -> list[Extraction | CodingFailure]:
    """A cluster task: code one partition with this worker's pipeline."""
    return code_articles(_worker_pipeline(), articles)


def worker_coder() -> Coder:
    coder: Coder = _worker_pipeline().coder
    return coder


# --- in the parent ------------------------------------------------------------------------

@dataclass
class DaskRun:
    """A run folder: the partitions to code, their results, the manifest."""

    folder: Path
    partitions: list[str] = field(default_factory=list)
    """Partition names in input order (``part-00000`` …)."""
    inputs: list[str] = field(default_factory=list)
    """The PATHs the run was planned for."""

    def input_path(self, name: str) -> Path:
        return self.folder / f"{name}.jsonl"

    def result_path(self, name: str) -> Path:
        return self.folder / f"{name}.parquet"

    def done(self, name: str) -> bool:
        return self.result_path(name).exists()

    def pending(self) -> list[str]:
        return [name for name in self.partitions if not self.done(name)]

    def load_manifest(self) -> bool:
        path = self.folder / MANIFEST
        if not path.exists():
            return False
        data = json.loads(path.read_text(encoding="utf-8"))
        self.partitions = list(data["partitions"])
        self.inputs = list(data.get("inputs", []))
        return bool(data.get("planned"))

    def save_manifest(self, inputs: Sequence[str], coder: str | None = None) -> None:
        data = {"inputs": list(inputs), "partitions": self.partitions, "planned": True,
                "coder": coder,
                "done": [name for name in self.partitions if self.done(name)]}
        _write_atomic(self.folder / MANIFEST, json.dumps(data, indent=1).encode())

    def write_partition(self, name: str, articles: list[Article]) -> None:
        lines = "".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n" for a in articles)
        _write_atomic(self.input_path(name), lines.encode("utf-8"))

    def read_partition(self, name: str) -> list[Article]:
        with self.input_path(name).open(encoding="utf-8") as stream:
            return [Article.from_dict(json.loads(line)) for line in stream if line.strip()]

    def write_results(self, name: str, articles: list[Article],
                      results: list[Extraction | CodingFailure]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.table({
            "article_id": [a.id for a in articles],
            "events": [len(r.events) if isinstance(r, Extraction) else 0 for r in results],
            "failure_code": [r.code if isinstance(r, CodingFailure) else None for r in results],
            "failure_reason": [r.reason if isinstance(r, CodingFailure) else None
                               for r in results],
            "payload": [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in results],
        })
        temporary = self.result_path(name).with_suffix(f".tmp{os.getpid()}")
        pq.write_table(table, temporary)
        os.replace(temporary, self.result_path(name))

    def read_results(self, name: str) -> dict[str, Extraction | CodingFailure]:
        import pyarrow.parquet as pq

        table = pq.read_table(self.result_path(name), columns=["article_id", "payload"])
        return {article_id: pickle.loads(payload) for article_id, payload in zip(
            table.column("article_id").to_pylist(), table.column("payload").to_pylist(),
            strict=True)}


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_suffix(path.suffix + f".tmp{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def default_run_dir(paths: Sequence[str]) -> Path:
    digest = hashlib.sha256("\0".join(os.path.abspath(p) for p in paths).encode()).hexdigest()
    return Path("newsevents-runs") / digest[:16]


def plan_partitions(run: DaskRun, store: Store, items: Iterator[object],
                    partition_size: int) -> None:
    """Write the texts the store lacks (once each) as partitions, in input order."""
    partition: list[Article] = []
    seen: set[str] = set()

    def flush() -> None:
        nonlocal partition
        if partition:
            name = f"part-{len(run.partitions):05d}"
            run.write_partition(name, partition)
            run.partitions.append(name)
            partition = []

    chunk: list[Sourced] = []

    def plan_chunk() -> None:
        versions = [content_version(s.article.text) for s in chunk]
        with store.engine.connect() as connection:
            stored = articles_by_content(connection, versions)
        for item, version in zip(chunk, versions, strict=True):
            if version in stored or version in seen:
                continue
            seen.add(version)
            article = item.article
            partition.append(Article.from_dict({**article.to_dict(),
                                                "id": content_id(article.text)}))
            if len(partition) >= partition_size:
                flush()
        chunk.clear()

    for item in items:
        if isinstance(item, Article | Sourced):
            chunk.append(item if isinstance(item, Sourced) else Sourced(item, "", ""))
            if len(chunk) >= 256:
                plan_chunk()
    plan_chunk()
    flush()


class _Precoded:
    """The merge's coding: the results the cluster wrote, read partition by partition."""

    in_flight = 0

    def __init__(self, run: DaskRun, coder: Coder) -> None:
        self.run = run
        self.coder = coder
        self._where: dict[str, str] = {}
        for name in run.partitions:
            import pyarrow.parquet as pq

            ids = pq.read_table(run.result_path(name), columns=["article_id"])
            self._where.update(dict.fromkeys(ids.column("article_id").to_pylist(), name))
        self._loaded: dict[str, dict[str, Extraction | CodingFailure]] = {}

    def _result(self, article: Article) -> Extraction | CodingFailure:
        name = self._where.get(article.id)
        if name is None:
            return CodingFailure(article_source(article), "not coded by the cluster (the "
                                 "inputs changed during the run?): run the command again",
                                 "E100")
        if name not in self._loaded:
            if len(self._loaded) >= 2:  # the merge goes in input order: keep two partitions
                self._loaded.pop(next(iter(self._loaded)))
            self._loaded[name] = self.run.read_results(name)
        return self._loaded[name][article.id]

    def submit(self, batch: list[Article]) -> Future[list[Extraction | CodingFailure]]:
        future: Future[list[Extraction | CodingFailure]] = Future()
        future.set_result([self._result(article) for article in batch])
        return future

    def restart(self) -> None:
        pass


def connect(address: str) -> tuple[Client, Callable[[], None]]:
    """A client of the cluster at ``address`` (``local:N`` starts one of N worker processes)."""
    from distributed import Client, LocalCluster

    if address.startswith("local:"):
        try:
            workers = int(address.removeprefix("local:"))
        except ValueError:
            raise NewsEventsError(f"--dask {address}: give local:N with N a number of "
                                  "workers, or tcp://HOST:8786") from None
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)

        def close() -> None:
            client.close()
            cluster.close()

        return client, close
    client = Client(address)
    return client, client.close


def code_on_cluster(client: Client, run: DaskRun, spec: WorkerSpec,
                    on_partition: Callable[[str, int], None] | None = None) -> Coder:
    """Code every partition without a result file; write each result as it comes."""
    from distributed import as_completed

    client.register_plugin(_plugin(spec), name=PLUGIN_NAME)
    coder: Coder = client.submit(worker_coder, pure=False).result()
    pending = iter(run.pending())
    window = 4 * max(1, len(client.scheduler_info().get("workers", {})))
    inputs: dict[str, list[Article]] = {}
    names: dict[Any, str] = {}
    completed = as_completed()

    def send(name: str) -> None:
        inputs[name] = run.read_partition(name)
        future = client.submit(code_partition, inputs[name], retries=RETRIES, pure=False,
                               key=f"newsevents-{name}-{os.getpid()}-{id(run)}")
        names[future] = name
        completed.add(future)

    for name in itertools.islice(pending, window):  # a few partitions per worker at a time
        send(name)
    for future in completed:
        name = names.pop(future)
        results = future.result()
        run.write_results(name, inputs.pop(name), results)
        future.release()
        if on_partition is not None:
            on_partition(name, len(results))
        following = next(pending, None)
        if following is not None:
            send(following)
    return coder


def run_dask_ingest(
    store: Store,
    paths: Sequence[str],
    options: Options,
    address: str,
    *,
    settings: IngestSettings | None = None,
    run_dir: Path | None = None,
    defaults: Mapping[str, Any] | None = None,
    on_progress: ProgressCallback | None = None,
    on_partition: Callable[[str, int], None] | None = None,
    partition_size: int = PARTITION_SIZE,
    worker_setup: str | None = None,
    client: Client | None = None,
) -> IngestCounts:
    """Plan (or resume) the run folder, code on the cluster, merge into the store."""
    _require()
    from .ingest import read_sourced
    from .store.write import coder_version

    run = DaskRun(run_dir or default_run_dir(paths))
    run.folder.mkdir(parents=True, exist_ok=True)
    if run.load_manifest():
        if run.inputs != list(paths):
            raise NewsEventsError(f"the run folder {run.folder} holds a run of other inputs "
                                  f"({' '.join(run.inputs)}): give another --run-dir")
    else:
        plan_partitions(run, store, iter(read_sourced(list(paths), options, defaults)),
                        partition_size)
        run.save_manifest(paths)
    spec = WorkerSpec(options, setup=worker_setup)
    close: Callable[[], None] = lambda: None  # noqa: E731
    if client is None:
        client, close = connect(address)
    try:
        coder = code_on_cluster(client, run, spec, on_partition)
    finally:
        close()
    run.save_manifest(paths, coder_version(coder))
    return booked_run(store, _Precoded(run, coder), settings or IngestSettings(), on_progress,
                      "ingest", [*paths, f"--dask {address}"],
                      lambda: read_sourced(list(paths), options, defaults))
