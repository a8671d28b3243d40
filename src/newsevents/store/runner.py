"""The ingest run: read inputs, code what is new, store each coded batch in one transaction.

Idempotent: an article already stored under the same coder version is skipped, so a re-run
(or a run resumed after SIGKILL) adds nothing twice. Refused inputs go to ``failures``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Protocol

from ..errors import CodingError, NewsEventsError
from ..model import Article, Coder, Extraction
from .core import Store
from .write import Provenance, coder_version

if TYPE_CHECKING:
    from ..config import Options
    from ..ingest.failure import Failure
    from ..pipeline import Pipeline


class CodingPipeline(Protocol):
    """What the runner needs of a pipeline (``newsevents.pipeline.Pipeline`` fits)."""

    @property
    def coder(self) -> Coder: ...

    def pipe(self, articles: Iterable[Article]) -> Iterator[Extraction]: ...

    def __call__(self, article: Article) -> Extraction: ...


@dataclass
class IngestCounts:
    articles: int = 0
    """Articles coded and stored by this run (new or re-coded)."""
    recoded: int = 0
    skipped: int = 0
    """Articles already stored under this coder version (or, without --recode, any version)."""
    events: int = 0
    failures: int = 0

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


@dataclass(frozen=True)
class CodingFailure:
    """An article the pipeline could not code (a bug or a resource limit, not bad input)."""

    source: str
    reason: str
    code: str
    offset: int | None = None


class IngestRunner:
    """Feed Articles and Failures in; coded articles and failures come out in the store."""

    def __init__(
        self, store: Store, pipeline: CodingPipeline, settings: IngestSettings = IngestSettings(),
        on_progress: ProgressCallback | None = None, run_id: str | None = None,
    ) -> None:
        self.store = store
        self.pipeline = pipeline
        self.settings = settings
        self.on_progress = on_progress or (lambda _counts: None)
        self.run_id = run_id
        self.version = coder_version(pipeline.coder)
        self.counts = IngestCounts()
        self._seen: set[str] = set()

    def run(self, items: Iterable[Article | Failure]) -> IngestCounts:
        batch: list[Article] = []
        for item in items:
            if isinstance(item, Article):
                batch.append(item)
                if len(batch) >= self.settings.batch_size:
                    self._code_and_store(batch)
                    batch = []
            else:
                self._record_failure(item)
        self._code_and_store(batch)
        return self.counts

    def _code_and_store(self, batch: list[Article]) -> None:
        coded: list[Extraction] = []
        for result in self._code(self._articles_to_code(batch)):
            if isinstance(result, CodingFailure):
                self._record_failure(result)
            else:
                coded.append(result)
        self._store(coded)
        self.on_progress(self.counts)

    def _articles_to_code(self, batch: list[Article]) -> list[Article]:
        stored = self.store.stored_versions(a.id for a in batch)
        todo: list[Article] = []
        for article in batch:
            version = stored.get(article.id)
            fresh = version is None or (self.settings.recode and version != self.version)
            if article.id in self._seen or not fresh:
                self.counts.skipped += 1
                continue
            self._seen.add(article.id)
            todo.append(article)
        return todo

    def _code(self, batch: Sequence[Article]) -> Iterator[Extraction | CodingFailure]:
        """Code in one batch; if the batch fails, code one by one to isolate the culprit."""
        if not batch:
            return
        try:
            results: list[Extraction | CodingFailure] = list(self.pipeline.pipe(batch))
        except Exception:
            results = [self._code_one(article) for article in batch]
        yield from results

    def _code_one(self, article: Article) -> Extraction | CodingFailure:
        try:
            return self.pipeline(article)
        except NewsEventsError as error:
            return CodingFailure(_article_source(article), error.reason, error.code)
        except Exception as error:
            reason = f"coding failed: {type(error).__name__}: {error} (please report this bug)"
            return CodingFailure(_article_source(article), reason, CodingError.code)

    def _store(self, coded: list[Extraction]) -> None:
        if not coded:
            return
        written = self.store.write(coded, keep_text=self.settings.keep_text,
                                   provenance=Provenance(run_id=self.run_id),
                                   recode=self.settings.recode)
        for extraction, was_written in zip(coded, written, strict=True):
            if not was_written:
                self.counts.skipped += 1
                continue
            self.counts.recoded += self.settings.recode
            self.counts.articles += 1
            self.counts.events += len(extraction.events)

    def _record_failure(self, failure: Failure | CodingFailure) -> None:
        self.store.add_failure(
            failure.source, failure.reason, failure.code, failure.offset,
            coder_version=self.version, run_id=self.run_id,
        )
        self.counts.failures += 1
        self.on_progress(self.counts)


def _article_source(article: Article) -> str:
    return article.url or f"article:{article.id}"


def run_ingest(
    store: Store,
    paths: Sequence[str],
    options: Options,
    *,
    settings: IngestSettings = IngestSettings(),
    pipeline: Pipeline | None = None,
    on_progress: ProgressCallback | None = None,
) -> IngestCounts:
    """The whole ``newsevents ingest`` run: read ``paths``, code, store, book-keep in ``runs``."""
    from ..ingest import read_inputs
    from ..pipeline import Pipeline

    pipeline = pipeline or Pipeline(options)
    return _booked_run(
        store, pipeline, settings, on_progress, "ingest", list(paths),
        lambda: read_inputs(list(paths), options),
    )


def run_recode_stored(
    store: Store,
    options: Options,
    *,
    settings: IngestSettings = IngestSettings(recode=True),
    pipeline: Pipeline | None = None,
    on_progress: ProgressCallback | None = None,
) -> IngestCounts:
    """Re-code every stored article (with text) whose coder version differs from the current one."""
    from ..pipeline import Pipeline

    pipeline = pipeline or Pipeline(options)
    version = coder_version(pipeline.coder)
    return _booked_run(
        store, pipeline, settings, on_progress, "recode", [],
        lambda: store.articles_to_recode(version),
    )


def _booked_run(
    store: Store, pipeline: CodingPipeline, settings: IngestSettings,
    on_progress: ProgressCallback | None, command: str, inputs: list[str],
    items: Callable[[], Iterable[Article | Failure]],
) -> IngestCounts:
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
