"""Verbal-conflict triggers (RETREAT, REQUEST, ACCUSE, REJECT, THREATEN) fire on wire-style text."""

from __future__ import annotations

import pytest

from newsevents.model import Article
from newsevents.pipeline import Pipeline

MY_TYPES = {"RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def coded(pipeline: Pipeline, text: str) -> list:
    analysis = pipeline.analyse(Article(id="t", text=text, published="2024-03-01"))
    return [e for e in analysis.events if e.type in MY_TYPES]


CASES = [
    # RETREAT
    ("Hamas released 13 Israeli hostages on Friday.", "RETREAT", "release"),
    ("Russian troops withdrew from Kherson on Wednesday.", "RETREAT", "withdraw"),
    ("Prime Minister Boris Johnson resigned on Thursday.", "RETREAT", "resign"),
    ("Israel lifted the curfew in Hebron.", "RETREAT", None),
    ("Egypt allowed aid trucks to enter Gaza.", "RETREAT", "access"),
    # REQUEST
    ("The United States urged Israel to release the prisoners.", "REQUEST", "yield"),
    ("The United Nations called for an immediate ceasefire in Gaza.", "REQUEST", "yield"),
    ("Hamas called on Israel to withdraw its troops from Gaza.", "REQUEST", None),
    ("Ukraine asked Germany for more weapons.", "REQUEST", "assist"),
    ("The European Union demanded the release of the activists.", "REQUEST", "yield"),
    # ACCUSE
    ("China condemned the Japanese decision.", "ACCUSE", "disapprove"),
    ("Russia accused Ukraine of war crimes.", "ACCUSE", "allege"),
    ("The International Criminal Court is investigating war crimes in Ukraine.", "ACCUSE", "investigate"),
    ("Beijing summoned the Japanese ambassador on Monday.", "ACCUSE", None),
    # REJECT
    ("Ukraine rejected the Russian proposal for talks.", "REJECT", None),
    ("Russia vetoed the UN Security Council resolution.", "REJECT", None),
    ("Turkey refused to release the detained journalists.", "REJECT", None),
    ("Israel will not allow aid into Gaza, Prime Minister Benjamin Netanyahu said.", "REJECT", None),
    ("Iran turned down the American offer.", "REJECT", None),
    # THREATEN
    ("North Korea threatened to attack South Korea.", "THREATEN", "violence"),
    ("Iran vowed to retaliate against Israel.", "THREATEN", "violence"),
    ("Russia left open the possibility of a nuclear strike.", "THREATEN", None),
    ("President Joe Biden did not rule out military action against Iran.", "THREATEN", None),
    ("Iran issued an ultimatum to Israel.", "THREATEN", None),
]


@pytest.mark.parametrize(("text", "expected", "mode"), CASES)
def test_type(pipeline: Pipeline, text: str, expected: str, mode: str | None) -> None:
    events = coded(pipeline, text)
    assert [e.type for e in events] == [expected], [(e.type, e.rule) for e in events]
    assert events[0].polarity == "positive"
    if mode is not None:
        assert events[0].mode == mode


def test_source_and_target(pipeline: Pipeline) -> None:
    (event,) = coded(pipeline, "Russia accused Ukraine of war crimes.")
    assert [a.code for a in event.source] == ["RUSGOV"]
    assert [a.code for a in event.target] == ["UKRGOV"]


def test_refused_to_is_one_reject(pipeline: Pipeline) -> None:
    """The embedded 'release' is not coded separately."""
    events = coded(pipeline, "Turkey refused to release the detained journalists.")
    assert [e.type for e in events] == ["REJECT"]


@pytest.mark.parametrize("text", [
    "The Kremlin declined to comment.",
    "Russia refused to comment on the report.",
    "Israel released a statement on Monday.",
    "China's demand for oil rose sharply.",
    "The United Nations warned of famine in Gaza.",
    "The Syrian opposition met in Geneva.",
])
def test_must_not(pipeline: Pipeline, text: str) -> None:
    assert coded(pipeline, text) == []
