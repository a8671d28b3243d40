"""Coding in worker processes: ``ingest --workers N`` (``Options.n_process``).

Each worker process loads the model and the lexicons once (the pool's initializer builds one
``Pipeline``), codes the batches the parent sends and returns Extractions (or CodingFailures);
the parent keeps the one writer of the store (``IngestRunner``). Workers are started with the
``spawn`` context: not ``fork``, which would copy a parent's threads and locks, nor
``forkserver``, whose server process is the workers' parent and may outlive a killed run. On
Linux a worker dies with the parent (``PR_SET_PDEATHSIG``). A worker that dies (SIGKILL, out
of memory) breaks the pool; the runner starts a new pool and sends the batches in flight again.

Stages added with ``register_stage`` in the parent do not exist in a fresh worker process:
publish them under the ``newsevents.stages`` entry points, or name a ``setup`` function
(``"package.module:function"``) that each worker calls before it builds its pipeline.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from ..errors import CodingError, NewsEventsError
from ..model import Article, Coder, Extraction

if TYPE_CHECKING:
    from ..config import Options
    from ..ingest.failure import Failure
    from ..pipeline import Pipeline

__all__ = ["CodingFailure", "CodingPipeline", "ProcessCoding", "WorkerSpec", "available_cores",
           "code_articles", "code_in_order"]


class CodingPipeline(Protocol):
    """What the runner needs of a pipeline (``newsevents.pipeline.Pipeline`` fits)."""

    @property
    def coder(self) -> Coder: ...

    def pipe(self, articles: Iterable[Article]) -> Iterator[Extraction]: ...

    def __call__(self, article: Article) -> Extraction: ...


@dataclass(frozen=True)
class CodingFailure:
    """An article the pipeline could not code (a bug or a resource limit, not bad input)."""

    source: str
    reason: str
    code: str
    offset: int | None = None


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count)."""
    counter = getattr(os, "process_cpu_count", None)
    if counter is not None:
        return int(counter() or 1)
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def article_source(article: Article) -> str:
    return article.url or f"article:{article.id}"


def code_articles(pipeline: CodingPipeline, batch: Sequence[Article]) -> list[Extraction | CodingFailure]:
    """Code in one batch; if the batch fails, code one by one to isolate the culprit."""
    if not batch:
        return []
    try:
        return list(pipeline.pipe(batch))
    except Exception:
        return [_code_one(pipeline, article) for article in batch]


def _code_one(pipeline: CodingPipeline, article: Article) -> Extraction | CodingFailure:
    try:
        return pipeline(article)
    except NewsEventsError as error:
        return CodingFailure(article_source(article), error.reason, error.code)
    except Exception as error:
        reason = f"coding failed: {type(error).__name__}: {error} (please report this bug)"
        return CodingFailure(article_source(article), reason, CodingError.code)


@dataclass(frozen=True)
class WorkerSpec:
    """What a worker process needs to build the same pipeline as the parent would."""

    options: Options
    stages: tuple[str, ...] | None = None
    """Stage names (None: ``DEFAULT_STAGES``)."""
    setup: str | None = None
    """``"module:function"`` each worker calls first (e.g. to ``register_stage``)."""

    def build(self) -> Pipeline:
        from ..pipeline import DEFAULT_STAGES, Pipeline

        if self.setup:
            module, _, name = self.setup.partition(":")
            getattr(import_module(module), name)()
        return Pipeline(self.options, self.stages or DEFAULT_STAGES)


_PIPELINE: Pipeline | None = None
"""The worker process's pipeline, built once by ``_start_worker``."""


def _start_worker(spec: WorkerSpec) -> None:
    global _PIPELINE
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _PIPELINE = spec.build()


def _die_with_parent() -> None:
    """Linux: a worker gets SIGKILL when the parent dies (a killed run leaves no orphans)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() == 1:  # the parent died before prctl
        os._exit(1)


def _pipeline() -> Pipeline:
    if _PIPELINE is None:
        raise RuntimeError("worker pipeline not started")
    return _PIPELINE


def _worker_coder() -> Coder:
    return _pipeline().coder


def _worker_code(batch: list[Article]) -> list[Extraction | CodingFailure]:
    return code_articles(_pipeline(), batch)


def peak_rss_bytes() -> int:
    """This process's peak resident memory (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def cpu_seconds() -> float:
    """User + system CPU time of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return float(usage.ru_utime + usage.ru_stime)


def _worker_peak() -> tuple[int, int, float]:
    return os.getpid(), peak_rss_bytes(), cpu_seconds()


class ProcessCoding:
    """A pool of ``workers`` coding processes; ``submit`` sends a batch, the future brings its
    results in order. ``in_flight`` batches may wait before the runner stores the oldest."""

    def __init__(self, spec: WorkerSpec, workers: int) -> None:
        self.spec = spec
        self.workers = max(1, workers)
        self.in_flight = 2 * self.workers
        self._pool = self._start()
        self._coder: Coder | None = None

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(self.workers, mp_context=context,
                                   initializer=_start_worker, initargs=(self.spec,))

    @property
    def coder(self) -> Coder:
        if self._coder is None:
            self._coder = self._pool.submit(_worker_coder).result()
        return self._coder

    def submit(self, batch: list[Article]) -> Future[list[Extraction | CodingFailure]]:
        return self._pool.submit(_worker_code, batch)

    def worker_pids(self) -> list[int]:
        """The pids of the pool's live worker processes (for tests and benchmarks)."""
        processes = getattr(self._pool, "_processes", None) or {}
        return sorted(pid for pid, process in processes.items() if process.is_alive())

    def restart(self) -> None:
        """A new pool after a worker died (the old one is broken)."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()

    def usage(self) -> dict[int, tuple[int, float]]:
        """Peak RSS (bytes) and CPU seconds by worker pid, as far as the pool answers (for
        the benchmarks)."""
        futures = [self._pool.submit(_worker_peak) for _ in range(4 * self.workers)]
        return {pid: (rss, cpu) for pid, rss, cpu in (f.result() for f in futures)}

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> ProcessCoding:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def code_in_order(coding: ProcessCoding, items: Iterable[Article | Failure],
                  batch_size: int) -> Iterator[Extraction | Failure]:
    """``extract --workers N``: code the articles among ``items`` in the pool, in batches,
    keeping the input order; a Failure read is passed through, a coding failure becomes one."""
    from ..ingest.failure import Failure

    queue: deque[tuple[list[Article | Failure], Future[list[Extraction | CodingFailure]]]] = (
        deque())

    def oldest() -> Iterator[Extraction | Failure]:
        batch, future = queue.popleft()
        results = iter(future.result())
        for item in batch:
            if isinstance(item, Failure):
                yield item
                continue
            result = next(results)
            yield (Failure(source=item.id, reason=result.reason, code=result.code)
                   if isinstance(result, CodingFailure) else result)

    batch: list[Article | Failure] = []
    for item in items:
        batch.append(item)
        if sum(isinstance(i, Article) for i in batch) >= batch_size:
            queue.append((batch, coding.submit([i for i in batch if isinstance(i, Article)])))
            batch = []
            while len(queue) > coding.in_flight:
                yield from oldest()
    queue.append((batch, coding.submit([i for i in batch if isinstance(i, Article)])))
    while queue:
        yield from oldest()
