"""Publication dates from datelines and from weekday–date pairs; events dated by the parse."""

from __future__ import annotations

from datetime import date

from newsevents.actors.index import ActorIndex
from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.stage import Analysis, run_stage
from newsevents.timex import STAGE, date_event, infer_publication
from newsevents.timex.find import find


def _analysis(text: str, published: str | None) -> Analysis:
    pipeline = Pipeline(stages=())
    analysis = Analysis(Article(id="t", text=text, published=published), pipeline.nlp(text),
                        pipeline.options, "test",
                        date.fromisoformat(published) if published else None)
    analysis.actor_index = ActorIndex()
    return analysis


def test_dateline_with_year_is_extracted() -> None:
    text = "MEXICO CITY, May 3, 2025 (Reuters) - Mexico declined the offer on Saturday."
    pub = infer_publication(text, find(text))
    assert pub is not None and (pub.date, pub.basis) == (date(2025, 5, 3), "extracted")


def test_weekday_date_pair_gives_the_year() -> None:
    text = "On Saturday, May 3, the minister resigned."
    pub = infer_publication(text, find(text), today=date(2025, 12, 31))
    assert pub is not None and pub.date == date(2025, 5, 3) and pub.basis == "inferred"


def test_never_today_without_evidence() -> None:
    analysis = _analysis("The minister resigned yesterday.", None)
    run_stage(STAGE, analysis)
    assert analysis.published is None
    assert analysis.timexes[0].value is None and analysis.timexes[0].reason


def test_event_without_a_timex_falls_back_to_publication() -> None:
    analysis = _analysis("The minister resigned.", "2025-05-03")
    run_stage(STAGE, analysis)
    value = date_event(analysis, 2)
    assert (value.value, value.basis, value.precision) == ("2025-05-03", "publication", "day")


def test_historical_reference_is_dated_in_its_year() -> None:
    analysis = _analysis("In 2019 Mexico signed the treaty.", "2025-05-03")
    run_stage(STAGE, analysis)
    token = next(t for t in analysis.doc if t.text == "signed")
    assert date_event(analysis, token.i).value == "2019"
