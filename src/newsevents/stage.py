"""The stage contract: ``Analysis`` holds what is known about one article, ``Stage`` declares
what a stage reads and what it finds.

A stage never writes to the ``Analysis``: its ``run`` returns a result whose fields are exactly
the names in ``assigns``, and the pipeline sets them. ``check_order`` refuses a pipeline in
which a stage requires a name that no earlier stage assigns, or names one that ``Analysis``
does not have. With ``NEWSEVENTS_CHECK_STAGES=1`` (the tests set it) the pipeline also checks
that a stage changed nothing in place: every field of the analysis must read the same after
the stage ran, apart from the ones it returned.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import TYPE_CHECKING, Any

from .model import Actor, Article, Event, Place, Quote, Timex

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from .actors.index import ActorIndex
    from .config import Options
    from .places import EventPlace
    from .quotes.findings import QuoteFindings
    from .timex.extract import TimexRecord
    from .timex.publication import Publication

__all__ = [
    "INITIAL_FIELDS",
    "Analysis",
    "Stage",
    "StageContractError",
    "analysis_fields",
    "check_order",
    "run_stage",
]


@dataclass
class Analysis:
    """Everything known about one article while it flows through the stages.

    The first five fields are given by the pipeline; each of the others is set by the one stage
    that declares it in ``assigns`` (docs/architecture.md lists them).
    """

    article: Article
    """The pipeline's own copy of the input article (the caller's is never changed)."""
    doc: Doc
    options: Options
    coder_key: str
    """version|model|lexicons: part of every event id."""
    published: date | None
    """The publication day: from metadata, or found by the timex stage."""
    actors: list[Actor] = field(default_factory=list)
    actor_index: ActorIndex | None = None
    timexes: list[Timex] = field(default_factory=list)
    timex_records: list[TimexRecord] = field(default_factory=list)
    publication: Publication | None = None
    """How the timex stage found the publication day when metadata gave none."""
    mentions: list[Event] = field(default_factory=list)
    """Event mentions as the events stage coded them, one per trigger, in text order."""
    quotes: list[Quote] = field(default_factory=list)
    quote_findings: QuoteFindings | None = None
    places: list[Place] = field(default_factory=list)
    event_places: list[EventPlace] = field(default_factory=list)
    """One per mention: its location, or why it has none."""
    events: list[Event] = field(default_factory=list)
    """The article's events: mentions with what later stages found, one event per real event."""


INITIAL_FIELDS: tuple[str, ...] = ("article", "doc", "options", "coder_key", "published")


def analysis_fields() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Analysis))


class StageContractError(ValueError):
    """A stage's declarations do not hold: wrong order, unknown names, undeclared writes."""


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Analysis], Mapping[str, Any]]
    """Returns the stage's findings: exactly one value per name in ``assigns``."""
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    setup: Callable[[Language, Options], None] | None = None
    """Loads the stage's data once (lexicons, knowledge base) when the pipeline is built."""


def check_order(stages: list[Stage]) -> None:
    """Refuse unknown names and a stage that requires what no earlier stage assigns."""
    known = set(analysis_fields())
    available = set(INITIAL_FIELDS)
    for stage in stages:
        unknown = sorted(n for n in (*stage.requires, *stage.assigns) if n not in known)
        if unknown:
            raise StageContractError(
                f"stage '{stage.name}' names {', '.join(unknown)}, which Analysis does not have; "
                f"known: {', '.join(sorted(known))}"
            )
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise StageContractError(
                f"stage '{stage.name}' requires {', '.join(missing)}, which no earlier stage "
                "assigns"
            )
        available.update(stage.assigns)


def apply_result(analysis: Analysis, stage: Stage, result: Mapping[str, Any]) -> None:
    """Set the stage's findings on the analysis, refusing any it did not declare."""
    if set(result) != set(stage.assigns):
        raise StageContractError(
            f"stage '{stage.name}' declares {sorted(stage.assigns)} but returned {sorted(result)}"
        )
    for name, value in result.items():
        setattr(analysis, name, value)


def run_stage(stage: Stage, analysis: Analysis) -> Analysis:
    """Run one stage by hand and set what it found (what the pipeline does for each stage)."""
    apply_result(analysis, stage, stage.run(analysis))
    return analysis


def snapshot(analysis: Analysis) -> dict[str, str]:
    """A comparable reading of every field but the parse (debug check of in-place writes)."""
    return {f.name: repr(getattr(analysis, f.name)) for f in fields(Analysis) if f.name != "doc"}


def check_untouched(stage: Stage, before: dict[str, str], after: dict[str, str]) -> None:
    changed = sorted(k for k in before if before[k] != after[k] and k not in stage.assigns)
    if changed:
        raise StageContractError(
            f"stage '{stage.name}' changed {', '.join(changed)} in place, which it does not "
            "assign: a stage returns what it found and never edits another stage's records"
        )
