"""Material-conflict triggers (PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT) on wire-style sentences."""

from __future__ import annotations

import pytest

from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.stage import Analysis

MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _analyse(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline.analyse(Article(id="t", text=text, published="2024-03-01"))


CASES = [
    # PROTEST
    ("Thousands of protesters demonstrated outside the U.S. embassy in Baghdad on Friday.",
     "PROTEST", "protest/demonstrate-outside"),
    ("Kenyan teachers staged a protest outside the parliament in Nairobi on Tuesday.",
     "PROTEST", "protest/stag"),  # spaCy lemmatises "staged" as "stag" or "stage"
    ("South Korean doctors went on strike on Monday.", "PROTEST", "protest/go-on-strike"),
    ("Georgian opposition supporters took to the streets of Tbilisi on Sunday.", "PROTEST",
     "protest/take-to"),
    # SANCTION
    ("The United States imposed sanctions on Iran on Thursday.", "SANCTION",
     "sanction/impose-sanctions"),
    ("Pakistan cut diplomatic ties with India on Wednesday.", "SANCTION", "sanction/cut-ties"),
    ("Russia recalled its ambassador from Moldova.", "SANCTION", "sanction/recall-ambassador"),
    ("The European Union expelled two Russian diplomats on Monday.", "SANCTION",
     "sanction/expel"),
    ("France suspended military aid to Niger on Friday.", "SANCTION",
     "sanction/suspend-military-aid"),
    # MOBILIZE
    ("President Joe Biden deployed 3,000 troops to Poland.", "MOBILIZE",
     "mobilize/deploy-troops"),
    ("China massed troops near the border with India.", "MOBILIZE", "mobilize/mass-troops"),
    ("North Korea test-fired a ballistic missile into the sea on Sunday.", "MOBILIZE",
     "mobilize/test-fire-missile"),
    ("Russia put its nuclear forces on high alert.", "MOBILIZE", "mobilize/put-on-alert"),
    # COERCE
    ("Turkish police arrested 30 journalists in Istanbul on Tuesday.", "COERCE", "coerce/arrest"),
    ("Iran seized a British-flagged tanker in the Strait of Hormuz.", "COERCE",
     "coerce/seize-property"),
    ("Myanmar's military junta imposed a curfew in Yangon.", "COERCE", "coerce/impose-curfew"),
    ("The Egyptian government designated the Muslim Brotherhood as a terrorist organization.",
     "COERCE", "coerce/designate-terrorist"),
    ("Russian forces captured the town of Avdiivka on Saturday.", "COERCE",
     "coerce/capture-territory"),
    # ASSAULT
    ("Israeli jets struck targets in Gaza overnight.", "ASSAULT", "assault/strike-targets"),
    ("Israeli troops opened fire on Palestinians near the border fence.", "ASSAULT",
     "assault/open-fire"),
    ("Gunmen kidnapped 20 students in Kaduna on Thursday.", "ASSAULT", "assault/kidnap"),
    ("Hamas fired rockets at Israel on Saturday.", "ASSAULT", "assault/fire-missiles"),
    ("Nigerian soldiers clashed with Boko Haram fighters in Borno state.", "ASSAULT",
     "assault/clash"),
    ("Kenyan police fired tear gas at protesters in Nairobi.", "ASSAULT", "assault/fire-tear-gas"),
]


@pytest.mark.parametrize("text,expected,rule", CASES, ids=[c[2] for c in CASES])
def test_codes_expected_type(pipeline: Pipeline, text: str, expected: str, rule: str) -> None:
    events = [e for e in _analyse(pipeline, text).events if e.type in MATERIAL_CONFLICT]
    assert expected in [e.type for e in events], (text, [(e.type, e.rule) for e in events])
    assert any(rule in e.rule for e in events if e.type == expected), [e.rule for e in events]


NOT_MATERIAL_CONFLICT = [
    "Israel struck a deal with Hamas on the release of hostages.",
    "President Joe Biden fired the FBI director on Tuesday.",
    "The Kremlin urged Ukraine to seize the opportunity for peace.",
    "Russia demonstrated its commitment to the talks, the Kremlin said.",
    "Indian Prime Minister Narendra Modi rallied support for his reform plan.",
]


@pytest.mark.parametrize("text", NOT_MATERIAL_CONFLICT)
def test_no_material_conflict_event(pipeline: Pipeline, text: str) -> None:
    events = [e for e in _analyse(pipeline, text).events if e.type in MATERIAL_CONFLICT]
    assert not events, [(e.type, e.rule) for e in events]


def test_tear_gas_is_crowd_control(pipeline: Pipeline) -> None:
    events = _analyse(pipeline, "Kenyan police fired tear gas at protesters in Nairobi.").events
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault and assault[0].mode == "crowd-control"


def test_sanctions_target(pipeline: Pipeline) -> None:
    events = _analyse(pipeline, "The United States imposed sanctions on Iran on Thursday.").events
    sanction = [e for e in events if e.type == "SANCTION"]
    assert sanction and any(a.code and a.code.startswith("IRN") for a in sanction[0].target)
