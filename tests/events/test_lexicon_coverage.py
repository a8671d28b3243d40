"""Coverage of frequent news senses: hand over / ship aid, force out, defend an actor, send
inspectors, step up patrols, hunger strikes, rule out talks, relax a curfew."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.stage import Analysis

# (sentence, PLOVER type, rule id, source country, target country or None)
CASES = [
    # AID
    ("Turkey handed over food and medicine to Syria on Monday.", "AID",
     "aid/hand-over-humanitarian", "TUR", "SYR"),
    ("Japan handed over equipment to Kenya on Thursday.", "AID", "aid/hand-over-aid", "JPN",
     "KEN"),
    ("Germany delivered goods to Moldova on Friday.", "AID", "aid/deliver-aid", "DEU", "MDA"),
    ("The United States shipped weapons to Taiwan last month.", "AID", "aid/ship-military",
     "USA", "TWN"),
    ("France shipped medical supplies to Lebanon on Tuesday.", "AID", "aid/ship-humanitarian",
     "FRA", "LBN"),
    ("Britain shipped aid to Sudan on Wednesday.", "AID", "aid/ship-aid", "GBR", "SDN"),
    # RETREAT, REJECT
    ("Fijian rebels released Prime Minister Mahendra Chaudhry on Sunday.", "RETREAT",
     "retreat/release-person", "FJI", "FJI"),
    ("Syria violated a U.N. Security Council resolution, Britain said.", "REJECT",
     "reject/violate-rule", "SYR", None),
    # SANCTION
    ("Israeli settlers forced out Palestinian families from a village near Hebron.", "SANCTION",
     "sanction/force-out", "ISR", "PSE"),
    # SUPPORT
    ("China defended Russia at the United Nations on Monday.", "SUPPORT",
     "support/defend-actor", "CHN", "RUS"),
    # ACCUSE
    ("The IAEA sent inspectors to Iran on Sunday.", "ACCUSE", "accuse/send-investigators", None,
     "IRN"),
    ("The United Nations dispatched investigators to Myanmar.", "ACCUSE",
     "accuse/dispatch-investigators", None, "MMR"),
    # MOBILIZE
    ("The Philippines stepped up patrols in the South China Sea.", "MOBILIZE",
     "mobilize/step-up-patrols", "PHL", None),
    ("Japan increased patrols near the disputed islands.", "MOBILIZE",
     "mobilize/increase-patrols", "JPN", None),
    ("Greece intensified patrols along its border with Turkey.", "MOBILIZE",
     "mobilize/intensify-patrols", "GRC", None),
    ("Finland boosted patrols on its eastern frontier.", "MOBILIZE", "mobilize/boost-patrols",
     "FIN", None),
    ("Poland deployed patrols along the border with Belarus.", "MOBILIZE",
     "mobilize/deploy-patrols", "POL", None),
    # PROTEST
    ("A jailed Egyptian activist went on a hunger strike on Monday.", "PROTEST",
     "protest/go-on-hunger-strike-np", "EGY", None),
    # REJECT
    ("Israel ruled out talks with Hamas on Sunday.", "REJECT", "reject/rule-out-talks", "ISR",
     None),
    ("Ukraine ruled out any compromise on its territory.", "REJECT",
     "reject/rule-out-compromise", "UKR", None),
    # RETREAT
    ("Sudan relaxed the curfew in Khartoum on Saturday.", "RETREAT", "retreat/relax-curfew",
     "SDN", None),
]


def _codes(actors: list) -> list[str]:
    return [a.code or "" for a in actors]


@pytest.mark.parametrize("text,expected,rule,source,target", CASES, ids=[c[2] for c in CASES])
def test_codes_expected_type(analyse: Callable[..., Analysis], text: str, expected: str,
                             rule: str, source: str | None, target: str | None) -> None:
    events = [e for e in analyse(text).events if e.type == expected and e.polarity == "positive"]
    assert events, (text, [(e.type, e.rule) for e in analyse(text).events])
    hits = [e for e in events if e.rule.endswith(":" + rule)]
    assert hits, [e.rule for e in events]
    event = hits[0]
    if source:
        assert any(c.startswith(source) for c in _codes(event.source)), _codes(event.source)
    if target:
        assert any(c.startswith(target) for c in _codes(event.target)), _codes(event.target)


def test_hunger_strike_is_142(analyse: Callable[..., Analysis]) -> None:
    events = analyse("A jailed Egyptian activist went on a hunger strike on Monday.").events
    assert [e.cameo for e in events if e.type == "PROTEST"] == ["142"]


def test_ordinary_strike_stays_143(analyse: Callable[..., Analysis]) -> None:
    events = analyse("South Korean doctors went on strike on Monday.").events
    assert [e.cameo for e in events if e.type == "PROTEST"] == ["143"]


def test_relaxed_curfew_is_ease_curfew(analyse: Callable[..., Analysis]) -> None:
    events = analyse("Sudan relaxed the curfew in Khartoum on Saturday.").events
    assert [e.cameo for e in events if e.type == "RETREAT"] == ["0813"]


# (sentence, type that must not be coded)
MUST_NOT = [
    ("He handed over the keys to the new owner.", "AID"),
    ("China shipped its exports to Europe.", "AID"),
    ("Troops defended the town against the rebels.", "SUPPORT"),
    ("The board forced out the company's chief executive.", "SANCTION"),
    ("The company sent investigators' reports to its lawyers.", "ACCUSE"),
    ("The Kenyan government released a statement on Sunday.", "RETREAT"),
    ("Kenyan drivers violated the speed limit on the highway.", "REJECT"),
]


@pytest.mark.parametrize("text,forbidden", MUST_NOT)
def test_no_false_hit(analyse: Callable[..., Analysis], text: str, forbidden: str) -> None:
    events = [e for e in analyse(text).events if e.type == forbidden]
    assert not events, [(e.type, e.rule) for e in events]
