"""The engine behind ``newsevents.extract`` and ``newsevents extract``: inputs in, Extractions
(or Failures for what could not be read or coded) out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .config import Options
from .errors import CodingError, InputError
from .ingest import Failure, article_from_html, article_from_text, read_inputs
from .model import Article, Extraction

if TYPE_CHECKING:
    from .pipeline import Pipeline

_PIPELINES: dict[str, Pipeline] = {}
STRING_SOURCE = "<string>"


def get_pipeline(options: Options | None = None) -> Pipeline:
    """A Pipeline for ``options``, built once per process (the model loads once)."""
    from .pipeline import Pipeline

    options = options or Options()
    key = repr(options)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(options)
    return _PIPELINES[key]


def extract_one(
    text: str | bytes,
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    article_id: str | None = None,
    html: bool = False,
    options: Options | None = None,
) -> Extraction:
    """Code one article; raise an InputError (with its reason) when the text cannot be coded."""
    options = options or Options()
    build = article_from_html if html else article_from_text
    article = build(
        text,
        source=STRING_SOURCE,
        article_id=article_id,
        published=published,
        url=url,
        title=title,
        outlet=outlet,
        options=options,
    )
    return get_pipeline(options)(article)


def apply_output_options(extraction: Extraction, options: Options) -> Extraction:
    """The Extraction as ``options`` ask for it (events below ``min_confidence`` left out, and
    speculative ones unless ``options.speculative``).

    The given Extraction is never changed: a new one is returned when something is left out.
    """
    kept = drop_unconfident_events(extraction, options.min_confidence)
    return kept if options.speculative else drop_speculative_events(kept)


SPECULATIVE_MODALITIES = frozenset({"possible", "hypothetical"})


def drop_speculative_events(extraction: Extraction) -> Extraction:
    """The Extraction without its events that may or would happen but did not and were not
    announced ('could impose sanctions', 'if they attack')."""
    kept = [event for event in extraction.events if event.modality not in SPECULATIVE_MODALITIES]
    if len(kept) == len(extraction.events):
        return extraction
    return replace(extraction, events=kept)


def drop_unconfident_events(extraction: Extraction, min_confidence: float) -> Extraction:
    """The Extraction without its events whose confidence is below ``min_confidence``."""
    kept = [event for event in extraction.events if event.confidence >= min_confidence]
    if len(kept) == len(extraction.events):
        return extraction
    return replace(extraction, events=kept)


def extract_paths(
    paths: Iterable[str],
    options: Options,
    defaults: Mapping[str, Any] | None = None,
    pipeline: Pipeline | None = None,
) -> Iterator[Extraction | Failure]:
    """Read and code every input in order, in batches; each bad input becomes a Failure."""
    pipeline = pipeline or get_pipeline(options)
    batch: list[Article | Failure] = []
    for item in read_inputs(paths, options, defaults):
        batch.append(item)
        if sum(isinstance(i, Article) for i in batch) >= options.batch_size:
            yield from code_batch(pipeline, batch)
            batch = []
    yield from code_batch(pipeline, batch)


def code_batch(
    pipeline: Pipeline, items: list[Article | Failure]
) -> Iterator[Extraction | Failure]:
    """Code the batch's articles with ``Pipeline.pipe``, keeping the input order.

    When the batch fails, its articles are coded one by one so one article that breaks a
    stage becomes a Failure instead of ending the run.
    """
    articles = [i for i in items if isinstance(i, Article)]
    try:
        coded: list[Extraction | Failure] = list(pipeline.pipe(articles))
    except Exception:
        coded = [_code_alone(pipeline, article) for article in articles]
    results = iter(coded)
    for item in items:
        yield next(results) if isinstance(item, Article) else item


def _code_alone(pipeline: Pipeline, article: Article) -> Extraction | Failure:
    try:
        return pipeline(article)
    except InputError as error:  # refused while coding: a text without sentences (E111)
        return Failure(source=article.id, reason=error.reason, code=error.code)
    except Exception as error:  # one article must not end the batch
        return Failure(
            source=article.id,
            reason=(
                f"internal error while coding article '{article.id}' "
                f"({type(error).__name__}: {error}); please report it with this input"
            ),
            code=CodingError.code,
        )
