"""The seed article: the nine required timexes, event dates, and publication inference."""

from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import shared_path
from newsevents.actors.index import ActorIndex
from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.stage import Analysis, run_stage
from newsevents.text import normalise
from newsevents.timex import date_event

SEED = "seeds/000_2850600ba5f6de60.txt"


def _analyse(published: str | None, tenure: set[int] | None = None) -> Analysis:
    text = normalise(shared_path(SEED).read_text(encoding="utf-8")).text
    pipeline = Pipeline(stages=())
    analysis = Analysis(Article(id="seed", text=text, published=published),
                        pipeline.nlp(text), pipeline.options, "test",
                        date.fromisoformat(published) if published else None)
    analysis.actor_index = ActorIndex(tenure_years=frozenset(tenure or ()))
    from newsevents.timex import STAGE

    return run_stage(STAGE, analysis)


def _gold_timexes() -> list[dict]:  # type: ignore[type-arg]
    lines = shared_path("gold/seed.gold.jsonl").read_text(encoding="utf-8").splitlines()
    return [g for g in map(json.loads, lines) if g["kind"] == "timex" and g["required"]]


def _span(text: str, needle: str, occurrence: int) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def test_all_required_timexes_right() -> None:
    analysis = _analyse("2025-05-03")
    text = analysis.article.text
    for gold in _gold_timexes():
        start, end = _span(text, gold["text"], gold.get("occurrence", 1))
        hits = [t for t in analysis.timexes if t.start < end and start < t.end]
        assert hits, f"{gold['id']} {gold['text']!r} not found"
        timex = hits[0]
        assert timex.value == gold["value"], gold["id"]
        if "earliest" in gold:
            assert (timex.earliest, timex.latest) == (gold["earliest"], gold["latest"]), gold["id"]


@pytest.mark.parametrize(("trigger", "earliest", "latest"), [
    ("left", "2025-01-31", "2025-01-31"),        # E4: In a Jan. 31 interview
    ("insisted", "2025-02-01", "2025-02-10"),    # E5: just days later
    ("agreed", "2025-02-01", "2025-02-10"),      # E6: In early February
    ("designated", "2025-02-08", "2025-02-22"),  # E9: By mid-February
    ("arrested", "2025-02-01", "2025-02-28"),    # E13: in February
    ("welcomed", "2025-02-01", "2025-02-28"),    # E15: in February
    ("offered", "2025-04-01", "2025-05-03"),     # E2: reported on May 2 that Trump had offered
    ("delay", "2025-02-01", "2025-02-10"),       # E8: carried from "In early February"
])
def test_event_dates_inside_gold(trigger: str, earliest: str, latest: str) -> None:
    analysis = _analyse("2025-05-03")
    token = next(t for t in analysis.doc if t.text == trigger)
    value = date_event(analysis, token.i)
    assert value.earliest and value.latest
    assert earliest <= value.earliest and value.latest <= latest, value


def test_reported_clause_is_not_claimed_as_the_report_day() -> None:
    analysis = _analyse("2025-05-03")
    token = next(t for t in analysis.doc if t.text == "offered")
    value = date_event(analysis, token.i)
    assert not (value.value == "2025-05-02" and value.basis == "explicit")


def test_publication_inferred_without_metadata() -> None:
    analysis = _analyse(None)
    assert analysis.published == date(2025, 5, 3)
    assert analysis.publication is not None and analysis.publication.basis == "inferred"
    assert analysis.article.published is None  # the stage returns it; the article stays as given


def test_publication_inferred_within_tenure() -> None:
    analysis = _analyse(None, tenure={2025, 2026})
    assert analysis.published == date(2025, 5, 3)
