"""The flow: text ──► nlp ──► actors ──► timex ──► events ──► quotes ──► places ──► merge.

Each stage (``newsevents.stage.Stage``) declares what it requires and what it assigns;
``Pipeline`` checks the order before it runs and sets what each stage returns. Stages are
chosen by name: the built-in ones, those added with ``register_stage``, and those that other
packages publish under the entry-point group ``newsevents.stages`` (a ``Stage`` or a callable
that returns one).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from importlib import import_module
from importlib.metadata import entry_points
from typing import TYPE_CHECKING

from . import __version__
from .api import apply_output_options
from .config import Options
from .lexicons import fingerprint
from .lexicons.wordclasses import use_grammar_files
from .model import Article, Coder, Extraction
from .nlp import load_model, model_label, parse, parse_many
from .stage import (
    Analysis,
    Stage,
    StageContractError,
    apply_result,
    check_order,
    check_untouched,
    snapshot,
)
from .timex.publication import parse_published
from .windows import refuse_without_sentences

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "DEFAULT_STAGES",
    "ENTRY_POINT_GROUP",
    "Analysis",
    "Pipeline",
    "Stage",
    "check_order",
    "parse_published",
    "register_stage",
]

DEFAULT_STAGES: tuple[str, ...] = ("actors", "timex", "events", "quotes", "places", "merge")
BUILTIN_STAGES = frozenset(DEFAULT_STAGES)
ENTRY_POINT_GROUP = "newsevents.stages"
CHECK_STAGES_ENV = "NEWSEVENTS_CHECK_STAGES"
"""Set to 1 to check, after every stage, that it changed nothing in place (the tests do)."""

_REGISTRY: dict[str, Callable[[], Stage]] = {}


def register_stage(name: str, factory: Callable[[], Stage]) -> None:
    """Add or replace a stage by name."""
    _REGISTRY[name] = factory


def _constant(stage: Stage) -> Callable[[], Stage]:
    def factory() -> Stage:
        return stage

    return factory


def _published_factory(name: str) -> Callable[[], Stage] | None:
    """A stage another package publishes under the entry-point group, if any."""
    for point in entry_points(group=ENTRY_POINT_GROUP, name=name):
        loaded = point.load()
        return _constant(loaded) if isinstance(loaded, Stage) else loaded
    return None


def stage_named(name: str) -> Stage:
    """The stage registered under ``name``: registered, built in, or published by a package."""
    if name not in _REGISTRY:
        if name in BUILTIN_STAGES:
            register_stage(name, _constant(import_module(f"{__package__}.{name}").STAGE))
        else:
            factory = _published_factory(name)
            if factory is None:
                raise StageContractError(
                    f"no stage named '{name}': built in are {', '.join(DEFAULT_STAGES)}; others "
                    f"come from register_stage() or the '{ENTRY_POINT_GROUP}' entry points"
                )
            register_stage(name, factory)
    stage = _REGISTRY[name]()
    if not isinstance(stage, Stage):
        raise StageContractError(f"stage '{name}' is a {type(stage).__name__}, not a Stage")
    return stage


class Pipeline:
    """Code articles: ``Pipeline(options)(article)`` → Extraction."""

    def __init__(self, options: Options | None = None, stages: Iterable[str] = DEFAULT_STAGES):
        self.options = options or Options()
        self.stages = [stage_named(name) for name in stages]
        check_order(self.stages)
        self.check_stages = os.environ.get(CHECK_STAGES_ENV) == "1"
        self.nlp: Language = load_model(self.options.model)
        for stage in self.stages:
            if stage.setup is not None:
                stage.setup(self.nlp, self.options)
        self.coder = Coder(
            name="newsevents",
            version=__version__,
            model=model_label(self.nlp),
            lexicons=fingerprint(self.options.lexicon_files + self.options.actor_files
                                 + self.options.grammar_files),
        )
        self.coder_key = f"{self.coder.version}|{self.coder.model}|{self.coder.lexicons}"

    def analyse(self, article: Article, doc: Doc | None = None) -> Analysis:
        """Run every stage over a copy of ``article`` (the caller's record is left as it is).

        A text without sentence structure is refused (``NoSentencesError``, docs/api.md)."""
        if doc is None:
            refuse_without_sentences(article.text, article.id)
            doc = parse(self.nlp, article.text, self.options.chunk_chars)
        analysis = Analysis(replace(article), doc, self.options, self.coder_key,
                            parse_published(article.published))
        use_grammar_files(self.options.grammar_files)
        for stage in self.stages:
            self._run_stage(stage, analysis)
        return analysis

    def _run_stage(self, stage: Stage, analysis: Analysis) -> None:
        before = snapshot(analysis) if self.check_stages else None
        result = stage.run(analysis)
        if before is not None:
            check_untouched(stage, before, snapshot(analysis))
        apply_result(analysis, stage, result)

    def __call__(self, article: Article) -> Extraction:
        return self.to_extraction(self.analyse(article))

    def to_extraction(self, analysis: Analysis) -> Extraction:
        extraction = Extraction(
            article=output_article(analysis),
            events=analysis.events,
            quotes=analysis.quotes,
            timexes=analysis.timexes,
            places=analysis.places,
            coder=self.coder,
            actors=analysis.actors,
        )
        return apply_output_options(extraction, self.options)

    def pipe(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Code many articles, parsing them in batches."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.options.batch_size:
                yield from self._code_batch(batch)
                batch = []
        yield from self._code_batch(batch)

    def _code_batch(self, batch: list[Article]) -> Iterator[Extraction]:
        for article in batch:
            refuse_without_sentences(article.text, article.id)
        docs = parse_many(
            self.nlp, (a.text for a in batch), self.options.chunk_chars, self.options.batch_size
        )
        for article, doc in zip(batch, docs, strict=True):
            yield self.to_extraction(self.analyse(article, doc))


def output_article(analysis: Analysis) -> Article:
    """The article as coded: with the publication day the timex stage found, and how."""
    publication = analysis.publication
    if publication is None:
        return analysis.article
    return replace(analysis.article, published=publication.date.isoformat(),
                   published_basis=publication.basis)
