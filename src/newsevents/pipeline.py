"""The flow: text ──► nlp ──► actors ──► timex ──► events ──► quotes ──► places ──► merge.

Each stage is a function over one ``Analysis`` that declares what it requires and what it
assigns; ``Pipeline`` checks the order before it runs. Stages are chosen by name from a
registry, so a stage can be swapped (``register_stage``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from . import __version__
from .config import Options
from .lexicons import fingerprint
from .model import Actor, Article, Coder, Event, Extraction, Place, Quote, Timex
from .nlp import load_model, model_label, parse, parse_many

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass
class Analysis:
    """Everything known about one article while it flows through the stages."""

    article: Article
    doc: Doc
    options: Options
    published: date | None
    actors: list[Actor] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    scratch: dict[str, Any] = field(default_factory=dict)
    """Stage-private data shared downstream (e.g. the token → actor index)."""


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Analysis], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    setup: Callable[[Language, Options], None] | None = None
    """Loads the stage's data once (lexicons, knowledge base) when the pipeline is built."""


_REGISTRY: dict[str, Callable[[], Stage]] = {}


def register_stage(name: str, factory: Callable[[], Stage]) -> None:
    """Add or replace a stage by name (third parties: entry point ``newsevents.stages``)."""
    _REGISTRY[name] = factory


def _builtin_stages(names: Iterable[str]) -> None:
    import importlib

    for name in names:
        if name not in _REGISTRY:
            module = importlib.import_module(f"{__package__}.{name}")
            register_stage(name, _constant(module.STAGE))


def _constant(stage: Stage) -> Callable[[], Stage]:
    def factory() -> Stage:
        return stage

    return factory


DEFAULT_STAGES: tuple[str, ...] = ("actors", "timex", "events", "quotes", "places", "merge")


def check_order(stages: list[Stage]) -> None:
    """Raise when a stage requires something no earlier stage assigns."""
    available = {"article", "doc", "published"}
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise ValueError(
                f"stage '{stage.name}' requires {', '.join(missing)}, which no earlier stage assigns"
            )
        available.update(stage.assigns)


def parse_published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


class Pipeline:
    """Code articles: ``Pipeline(options)(article)`` → Extraction."""

    def __init__(self, options: Options | None = None, stages: Iterable[str] = DEFAULT_STAGES):
        self.options = options or Options()
        stages = tuple(stages)
        _builtin_stages(stages)
        self.stages = [_REGISTRY[name]() for name in stages]
        check_order(self.stages)
        self.nlp: Language = load_model(self.options.model)
        for stage in self.stages:
            if stage.setup is not None:
                stage.setup(self.nlp, self.options)
        self.coder = Coder(
            name="newsevents",
            version=__version__,
            model=model_label(self.nlp),
            lexicons=fingerprint(self.options.lexicon_files + self.options.actor_files),
        )

    def analyse(self, article: Article, doc: Doc | None = None) -> Analysis:
        if doc is None:
            doc = parse(self.nlp, article.text, self.options.chunk_chars)
        analysis = Analysis(article, doc, self.options, parse_published(article.published))
        analysis.scratch["pipeline.coder_key"] = (
            f"{self.coder.version}|{self.coder.model}|{self.coder.lexicons}"
        )
        for stage in self.stages:
            stage.run(analysis)
        return analysis

    def __call__(self, article: Article) -> Extraction:
        return self.to_extraction(self.analyse(article))

    def to_extraction(self, analysis: Analysis) -> Extraction:
        return Extraction(
            article=analysis.article,
            events=analysis.events,
            quotes=analysis.quotes,
            timexes=analysis.timexes,
            places=analysis.places,
            coder=self.coder,
            actors=analysis.actors,
        )

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
        docs = parse_many(
            self.nlp, (a.text for a in batch), self.options.chunk_chars, self.options.batch_size
        )
        for article, doc in zip(batch, docs, strict=True):
            yield self.to_extraction(self.analyse(article, doc))


def event_id(article_id: str, start: int, end: int, event_type: str, coder: str) -> str:
    """Stable id: same article, trigger, type and coder give the same id."""
    raw = f"{article_id}|{start}|{end}|{event_type}|{coder}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]
