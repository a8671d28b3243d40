"""The ingest run: read inputs, code what is new, store each coded batch in one transaction.

Each input has a source key and a content version (``newsevents.ingest.identity``): a key
stored with the same text is skipped; a key whose text changed is coded again as a new
version (the old version's events stay, marked superseded); a text already stored under
another key is one article with both sources recorded. So a re-run (or a run resumed after
SIGKILL) adds nothing twice, and every input is counted once:

    inputs = new articles + new versions + unchanged + duplicates + failures (+ re-coded)

Refused inputs go to ``failures``.

Coding can run in worker processes (``Options.n_process`` > 1, ``ingest --workers N``,
``newsevents.store.workers``): the runner plans each batch (what to code, what only to record),
sends it to the pool, keeps up to ``2 × N`` batches in flight and stores their results in the
order the batches were read, one transaction each, as the in-process run does. A kill loses at
most the batches in flight.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from sqlalchemy import Connection

from ..errors import CodingError
from ..ingest.identity import Sourced, content_id, content_version
from ..model import Article, Coder, Extraction
from .core import Store
from .workers import CodingFailure, CodingPipeline, ProcessCoding, WorkerSpec, article_source
from .workers import code_articles as code_articles
from .write import (
    NEW_KEY,
    NEW_VERSION,
    SAME_VERSION,
    Provenance,
    SourceRow,
    articles_by_content,
    coder_version,
    current_articles,
    extraction_rows,
    insert_articles,
    record_new_sources,
    record_source,
    replace_article,
    stored_keys,
)

if TYPE_CHECKING:
    from ..config import Options
    from ..ingest.failure import Failure
    from ..pipeline import Pipeline


CodingResults = list[Extraction | CodingFailure]


@runtime_checkable
class BatchCoding(Protocol):
    """Coding that runs elsewhere (``ProcessCoding``): batches go in, futures come back."""

    in_flight: int
    """Batches that may be waiting for their results before the runner stores the oldest."""

    @property
    def coder(self) -> Coder: ...

    def submit(self, batch: list[Article]) -> Future[CodingResults]: ...

    def restart(self) -> None: ...


class _InProcess:
    """A pipeline in this process as ``BatchCoding``: each batch is coded when submitted."""

    in_flight = 0

    def __init__(self, pipeline: CodingPipeline) -> None:
        self.pipeline = pipeline

    @property
    def coder(self) -> Coder:
        return self.pipeline.coder

    def submit(self, batch: list[Article]) -> Future[CodingResults]:
        future: Future[CodingResults] = Future()
        future.set_result(code_articles(self.pipeline, batch))
        return future

    def restart(self) -> None:
        pass


RETRIES_AFTER_WORKER_DEATH = 2
"""A batch whose worker died is sent again this often, then its articles are failures."""


@dataclass
class IngestCounts:
    """What a run did with its inputs; each input counts once (docs/store.md)."""

    articles: int = 0
    """New articles: texts never stored before, coded and stored."""
    versions: int = 0
    """New versions: a stored source key whose text changed (coded when the text is new)."""
    skipped: int = 0
    """Unchanged: a source key stored with this very text (or an article already coded)."""
    duplicates: int = 0
    """A text already stored, read under another key: the key is recorded, nothing coded."""
    recoded: int = 0
    """Stored articles coded again under this coder version (``--recode``)."""
    events: int = 0
    failures: int = 0

    @property
    def inputs(self) -> int:
        return (self.articles + self.versions + self.skipped + self.duplicates + self.recoded
                + self.failures)

    def as_run_columns(self) -> dict[str, int]:
        data = asdict(self)
        data.pop("recoded")
        return data


@dataclass(frozen=True)
class IngestSettings:
    recode: bool = False
    keep_text: bool = True
    batch_size: int = 16


ProgressCallback = Callable[[IngestCounts], None]


@dataclass
class _Input:
    """One article of a batch as the runner plans it."""

    item: Sourced
    article: Article
    """The article under its store id (its content id, or the id it is stored under)."""
    code: bool = False
    """True when it is coded by this run (a new text, or --recode of an outdated one)."""


@dataclass
class _Batch:
    inputs: list[_Input] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)
    """Article ids whose coding failed: their inputs are failures, no source is recorded."""


@dataclass
class _InFlight:
    """A planned batch whose articles are being coded."""

    batch: _Batch
    todo: list[Article]
    future: Future[CodingResults]
    tries: int = 0


class IngestRunner:
    """Feed Articles (plain or ``Sourced``) and Failures in; coded articles, their sources and
    failures come out in the store."""

    def __init__(
        self, store: Store, pipeline: CodingPipeline | BatchCoding,
        settings: IngestSettings = IngestSettings(),
        on_progress: ProgressCallback | None = None, run_id: str | None = None,
    ) -> None:
        self.store = store
        self.coding: BatchCoding = (pipeline if isinstance(pipeline, BatchCoding)
                                    else _InProcess(pipeline))
        self.settings = settings
        self.on_progress = on_progress or (lambda _counts: None)
        self.run_id = run_id
        self.version = coder_version(self.coding.coder)
        self.counts = IngestCounts()
        self._coded: set[str] = set()
        """Article ids coded by this run (an article given twice is coded once)."""
        self._pending: dict[str, str] = {}
        """Content version → article id of the texts in batches in flight (coded once)."""
        self._failed: set[str] = set()
        """Article ids whose coding failed in this run."""
        self._queue: deque[_InFlight] = deque()

    def run(self, items: Iterable[Article | Sourced | Failure]) -> IngestCounts:
        batch: list[Sourced] = []
        for item in items:
            if isinstance(item, Article | Sourced):
                batch.append(item if isinstance(item, Sourced) else _unkeyed(item))
                if len(batch) >= self.settings.batch_size:
                    self._submit(batch)
                    batch = []
            else:
                self._record_failure(item)
        self._submit(batch)
        self._drain(0)
        return self.counts

    def _submit(self, items: list[Sourced]) -> None:
        """Plan a batch and send its new texts to be coded; store the oldest batches whose
        results are due."""
        if not items:
            return
        batch = self._plan(items)
        todo = [i.article for i in batch.inputs if i.code]
        self._queue.append(_InFlight(batch, todo, self.coding.submit(todo)))
        self._drain(self.coding.in_flight)

    def _drain(self, keep: int) -> None:
        while len(self._queue) > keep:
            entry = self._queue[0]
            results = self._results(entry)
            self._queue.popleft()
            self._finish(entry.batch, entry.todo, results)

    def _results(self, entry: _InFlight) -> CodingResults:
        """The batch's results; when a worker died, a new pool and the batches in flight sent
        again (a batch that kills its worker every time becomes failures)."""
        while True:
            try:
                return entry.future.result()
            except BrokenProcessPool:
                entry.tries += 1
                if entry.tries > RETRIES_AFTER_WORKER_DEATH:
                    reason = ("coding failed: the worker process died coding this batch "
                              f"{entry.tries} times (out of memory?)")
                    return [CodingFailure(article_source(a), reason, CodingError.code)
                            for a in entry.todo]
                self.coding.restart()
                for waiting in self._queue:
                    waiting.future = self.coding.submit(waiting.todo)
            except Exception as error:  # a result that could not travel back, say
                reason = f"coding failed: {type(error).__name__}: {error} (please report this bug)"
                return [CodingFailure(article_source(a), reason, CodingError.code)
                        for a in entry.todo]

    def _finish(self, batch: _Batch, todo: list[Article], results: CodingResults) -> None:
        coded: list[Extraction] = []
        where = {i.article.id: i.item.location for i in batch.inputs if i.code}
        for article, result in zip(todo, results, strict=True):
            if isinstance(result, CodingFailure):
                batch.failed.add(article.id)
                self._failed.add(article.id)
                self._record_failure(replace(result, source=where[article.id]))
            else:
                coded.append(result)
        for entry in batch.inputs:
            if not entry.code and entry.article.id in self._failed - batch.failed:
                # the same text in an earlier batch of this run could not be coded
                self._record_failure(CodingFailure(
                    entry.item.location, "coding failed for the same text read earlier in this "
                    "run (see its failure)", CodingError.code))
        batch.failed |= {i.article.id for i in batch.inputs if i.article.id in self._failed}
        self._store(batch, coded)
        for entry in batch.inputs:
            if entry.code:
                self._pending.pop(content_version(entry.item.article.text), None)
        self.on_progress(self.counts)

    def _plan(self, items: list[Sourced]) -> _Batch:
        """Decide for each input: code it (a new text, or --recode), or only record its key."""
        versions = [content_version(s.article.text) for s in items]
        with self.store.engine.connect() as connection:
            stored = articles_by_content(connection, versions)
        batch = _Batch()
        new: dict[str, str] = {}
        for item, version in zip(items, versions, strict=True):
            if version in stored:
                article_id, coded_by = stored[version]
                code = (self.settings.recode and coded_by != self.version
                        and article_id not in self._coded)
            elif version in new:
                article_id, code = new[version], False
            elif version in self._pending:  # coded by a batch in flight
                article_id, code = self._pending[version], False
            else:
                article_id = new[version] = content_id(item.article.text)
                code = True
            if code:
                self._coded.add(article_id)
                self._pending[version] = article_id
            article = replace(item.article, id=article_id)
            batch.inputs.append(_Input(item, article, code=code))
        return batch

    def _store(self, batch: _Batch, coded: list[Extraction]) -> None:
        """The batch's articles and source keys in one transaction, then the counts."""
        locations = {i.article.id: i.item for i in batch.inputs if i.code}
        rows = [extraction_rows(e, keep_text=self.settings.keep_text,
                                provenance=self._provenance(locations.get(e.article.id)))
                for e in coded]
        with self.store.engine.begin() as connection:
            inserted = insert_articles(connection, rows)
            recoded = set()
            for article_rows in rows:
                if article_rows.article["id"] not in inserted and self.settings.recode:
                    replace_article(connection, article_rows)
                    recoded.add(article_rows.article["id"])
            outcomes = self._record_sources(connection, batch)
        events = {e.article.id: len(e.events) for e in coded}
        self._count(batch, outcomes, inserted, recoded, events)

    def _record_sources(self, connection: Connection, batch: _Batch) -> list[str | None]:
        """Each input's source key: keys never stored are written in bulk first (the common
        case, one statement a batch); the others, and a key repeated in the batch, one by one
        in input order, after them."""
        keys = [i.item.key for i in batch.inputs if i.item.key]
        existing = current_articles(connection, keys)
        known = stored_keys(connection, keys)
        outcomes: list[str | None] = []
        fresh: list[SourceRow] = []
        for entry in batch.inputs:
            key = entry.item.key
            if entry.article.id in batch.failed or not key:
                outcomes.append(None)
            elif existing.get(key) == entry.article.id:
                outcomes.append(SAME_VERSION)
            elif key not in known:
                fresh.append(SourceRow(key, entry.article.id, entry.item.location, self.run_id))
                outcomes.append(NEW_KEY)
                known.add(key)
                existing[key] = entry.article.id
            else:
                outcomes.append("")  # recorded below, after the fresh keys
        record_new_sources(connection, fresh)
        for k, entry in enumerate(batch.inputs):
            if outcomes[k] == "":
                outcomes[k] = record_source(connection, SourceRow(
                    entry.item.key or "", entry.article.id, entry.item.location, self.run_id))
        return outcomes

    def _count(self, batch: _Batch, outcomes: list[str | None], inserted: set[str],
               recoded: set[str], events: dict[str, int]) -> None:
        written: set[str] = set()
        for entry, outcome in zip(batch.inputs, outcomes, strict=True):
            article_id = entry.article.id
            if article_id in batch.failed:
                continue  # counted as a failure when its coding failed
            first = entry.code and article_id not in written and (
                article_id in inserted or article_id in recoded)
            if first:
                written.add(article_id)
                self.counts.events += events.get(article_id, 0)
            self._count_one(outcome, first and article_id in inserted,
                            first and article_id in recoded)

    def _count_one(self, outcome: str | None, inserted: bool, recoded: bool) -> None:
        if outcome == NEW_VERSION:
            self.counts.versions += 1
        elif outcome == NEW_KEY:
            if inserted:
                self.counts.articles += 1
            else:
                self.counts.duplicates += 1
        elif inserted:
            self.counts.articles += 1
        elif recoded:
            self.counts.recoded += 1
        else:
            self.counts.skipped += 1

    def _provenance(self, item: Sourced | None) -> Provenance:
        if item is None:
            return Provenance(run_id=self.run_id)
        return Provenance(run_id=self.run_id, source=item.location, offset=item.offset)

    def _record_failure(self, failure: Failure | CodingFailure) -> None:
        self.store.add_failure(
            failure.source, failure.reason, failure.code, failure.offset,
            coder_version=self.version, run_id=self.run_id,
        )
        self.counts.failures += 1
        self.on_progress(self.counts)


def _unkeyed(article: Article) -> Sourced:
    """An article given without a source (``--recode`` of stored articles, the Python API):
    its identity is its text; no source key is recorded."""
    return Sourced(article, "", article_source(article))


def run_ingest(
    store: Store,
    paths: Sequence[str],
    options: Options,
    *,
    settings: IngestSettings = IngestSettings(),
    pipeline: Pipeline | None = None,
    on_progress: ProgressCallback | None = None,
    defaults: Mapping[str, Any] | None = None,
    worker_setup: str | None = None,
) -> IngestCounts:
    """The whole ``newsevents ingest`` run: read ``paths``, code, store, book-keep in ``runs``.

    ``defaults`` (``published``, ``url``, ``title``, ``outlet``) fill what plain text lacks.
    With ``options.n_process`` > 1 (and no ``pipeline``) the articles are coded in that many
    worker processes; ``worker_setup`` (``"module:function"``) runs first in each of them."""
    from ..ingest import read_sourced

    with _coding(options, pipeline, worker_setup) as coding:
        return booked_run(
            store, coding, settings, on_progress, "ingest", list(paths),
            lambda: read_sourced(list(paths), options, defaults),
        )


def run_recode_stored(
    store: Store,
    options: Options,
    *,
    settings: IngestSettings = IngestSettings(recode=True),
    pipeline: Pipeline | None = None,
    on_progress: ProgressCallback | None = None,
    worker_setup: str | None = None,
) -> IngestCounts:
    """Re-code every stored article (with text) whose coder version differs from the current one."""
    with _coding(options, pipeline, worker_setup) as coding:
        version = coder_version(coding.coder)
        return booked_run(
            store, coding, settings, on_progress, "recode", [],
            lambda: store.articles_to_recode(version),
        )


@contextmanager
def _coding(options: Options, pipeline: Pipeline | None,
            worker_setup: str | None) -> Iterator[CodingPipeline | BatchCoding]:
    """The given pipeline; else ``options.n_process`` worker processes (> 1) or a pipeline in
    this process."""
    if pipeline is not None or options.n_process <= 1:
        from ..pipeline import Pipeline

        yield pipeline or Pipeline(options)
        return
    with ProcessCoding(WorkerSpec(options, setup=worker_setup), options.n_process) as coding:
        yield coding


def booked_run(
    store: Store, pipeline: CodingPipeline | BatchCoding, settings: IngestSettings,
    on_progress: ProgressCallback | None, command: str, inputs: list[str],
    items: Callable[[], Iterable[Article | Sourced | Failure]],
) -> IngestCounts:
    """Code ``items`` into ``store`` as one run of the ``runs`` table: started, then
    finished as completed, interrupted or failed, with its counts."""
    version = coder_version(pipeline.coder)
    run_id = store.start_run(command, inputs, version)
    runner = IngestRunner(store, pipeline, settings, on_progress, run_id)
    status = "failed"
    try:
        runner.run(items())
        status = "completed"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        store.finish_run(run_id, status, runner.counts.as_run_columns())
    return runner.counts
