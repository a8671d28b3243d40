"""Cooperation triggers (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID) on wire-style sentences."""

from __future__ import annotations

import pytest

from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.stage import Analysis

COOPERATION = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID"}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _analyse(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.analyse(Article(id="t", text=text, published="2024-03-01"))


def _types(a: Analysis) -> list[str]:
    return [e.type for e in a.events]


CASES = [
    ("President Joe Biden held talks with Chinese President Xi Jinping in San Francisco on "
     "Wednesday.", "CONSULT", "consult/hold-talks"),
    ("Russian President Vladimir Putin visited North Korea on Tuesday.", "CONSULT", "consult/visit"),
    ("Chinese Foreign Minister Wang Yi spoke by phone with Russian Foreign Minister Sergei Lavrov "
     "on Monday.", "CONSULT", "consult/speak-by-phone"),
    ("Israel agreed to a four-day truce with Hamas on Wednesday.", "AGREE", "agree/agree-ceasefire"),
    ("Iran offered to mediate between Saudi Arabia and Yemen.", "AGREE", "agree/offer-mediate"),
    ("Germany pledged 500 million euros to Ukraine on Friday.", "AGREE", "agree/pledge-aid"),
    ("Spain recognized Palestine as a state on Tuesday.", "SUPPORT", "support/recognize-state"),
    ("Saudi Arabia and Iran restored diplomatic ties in March.", "SUPPORT", "support/restore-ties"),
    ("Ukraine signed a security agreement with Britain on Friday.", "SUPPORT",
     "support/sign-agreement"),
    ("Indian Prime Minister Narendra Modi congratulated Russia on the election.", "SUPPORT",
     "support/congratulate"),
    ("French President Emmanuel Macron apologized to Algeria for colonial abuses.", "CONCEDE",
     "concede/apologize"),
    ("The Mexican government gave in to the demands of the protesters.", "CONCEDE",
     "concede/give-in"),
    ("Mexico extradited the cartel leader to the United States on Friday.", "COOPERATE",
     "cooperate/extradite"),
    ("Russia and China held joint military exercises in the Sea of Japan on Tuesday.",
     "COOPERATE", "cooperate/hold-joint-exercise"),
    ("The United States provided $300 million in military aid to Ukraine.", "AID",
     "aid/provide-money"),
    ("Germany sent 10 Leopard tanks to Ukraine.", "AID", "aid/send-military"),
    ("The International Monetary Fund approved a $3 billion loan for Pakistan.", "AID",
     "aid/approve-aid"),
    ("The Paris Club agreed to forgive $200 million of Nigeria's loan obligations.", "AID",
     "aid/agree-to-forgive-debt"),
]


@pytest.mark.parametrize(("text", "expected", "rule_id"), CASES)
def test_cooperation_type(pipeline: Pipeline, text: str, expected: str, rule_id: str) -> None:
    a = _analyse(pipeline, text)
    found = [e for e in a.events if e.type == expected]
    assert found, (text, [(e.type, e.rule) for e in a.events])
    assert any(e.rule.endswith(":" + rule_id) for e in found), [e.rule for e in found]


def test_source_and_target_of_aid(pipeline: Pipeline) -> None:
    a = _analyse(pipeline, "The United States provided $300 million in military aid to Ukraine.")
    aid = next(e for e in a.events if e.type == "AID")
    assert {x.country for x in aid.source} == {"USA"}
    assert {x.country for x in aid.target} == {"UKR"}
    assert aid.cameo == "071"


def test_noun_visit_with_possessive_actor(pipeline: Pipeline) -> None:
    a = _analyse(pipeline, "Putin's visit to Beijing lasted two days.")
    consult = [e for e in a.events if e.type == "CONSULT"]
    assert consult and consult[0].mode == "visit"


def test_negated_agree_routes_to_reject(pipeline: Pipeline) -> None:
    a = _analyse(pipeline, "France did not agree to the proposal on Monday.")
    assert "AGREE" not in _types(a) or all(
        e.polarity == "negative" for e in a.events if e.type == "AGREE")
    assert "REJECT" in _types(a) or any(e.polarity == "negative" for e in a.events)


@pytest.mark.parametrize("text", [
    "Israeli troops shelled the outskirts of Rafah on Tuesday.",
    "The United Nations said food prices rose sharply in February.",
    "Russia took control of the village of Avdiivka.",
])
def test_no_cooperation_event(pipeline: Pipeline, text: str) -> None:
    a = _analyse(pipeline, text)
    assert not COOPERATION & set(_types(a)), [(e.type, e.rule) for e in a.events]
