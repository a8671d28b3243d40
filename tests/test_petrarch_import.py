"""The PETRARCH2 converter: small dictionaries in PETRARCH syntax → newsevents entries."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
import yaml

from newsevents.actors.kb import load_entries_from
from newsevents.events.lexicon import load_lexicon
from newsevents.petrarch import PARTS, convert
from newsevents.petrarch.common import PartReport, cased_names, parse_date
from newsevents.petrarch.verbs import Unexpressible, parse_pattern

VERBS = """\
&FOOD
+FOOD
+RICE
+FOOD_AID

---  ACCELERATE   [---]  ---
EXPEDITE
HURRY {HURRIES HURRYING HURRIED }
- * AID                                               [070]         # RUSH
- * &FOOD                                             [073]         # RUSH
- * (TO BORDER)                                       [154]         # RUSH
- * {ARMS SHIPMENT}                                   [072]         # EXPEDITE
- &MILITARY *                                         [154]         # RUSH
- * (FOR {FINANCIAL AID})                             [0231]        # ASK
- * (AGAINST +)                                       [---]         # none

---  SCOLD   [111]  ---
REVILE
+HOLLER_OUT {+HOLLERED_OUT +HOLLERS_OUT +HOLLERING_OUT}
WIRE_+TAP {WIRE_+TAPS WIRE_+TAPPED WIRE_+TAPPING}
- * OUT (AT +)                                        [111]         # LASH
- * BACK                                              [042:043]     # BERATE
- * (BEFORE COURT)                                    [:173]        # BERATE

---  ACCUSE   [112]  ---
ACCUSE
~ a (a b ATTACK) SAY = a b 015
"""

AGENTS = """\
!PERSON! = MAN, MEN
POLICE {} [~COP] # jap
HARBOUR_POLICE {} [~COP]
HERDS!PERSON! [~AGR]
FERRYBOAT_OPERATOR [~BUS]
HUMAN_RIGHTS_ACTIVISTS  [NGM~]
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
"""

INTERNATIONAL = """\
THE_UNITED_NATIONS_ [IGOUNO]

GLOBAL_FERRY_WATCH_ [NGOHRI]
+FERRY_WATCH_

ACME_SHIPPING_ [MNCUSA]

KOFI_ANNAN_
+K._ANNAN_
\t[IGOUNO 970101-061231]
\t[ELI]
"""

MILNONSTATE = """\
ANGRY_BRIGADE_ [ITAREB] #  kkl 21 Mar 13
+ANGRY_BRIGADES_

DOWNTOWN_NORTH_FRONT_ [WEUREB]
"""

COUNTRIES = """\
FREEDONIA_  [FRE]
+FREEDONIAN_

KNESSET_ [ISRLEG]

RUFUS_T._FIREFLY_  # CountryInfo.txt
+PRESIDENT_FIREFLY_
\t[USAELI 780101-000101]
\t[USAGOV 000101-040101]
\t[USAGOV >090120]

VLADIMIR_PUTIN_
+PUTIN_
\t[RUSGOV 000507-080507]
"""


@pytest.fixture()
def converted(tmp_path: Path) -> tuple[Path, dict[str, list[dict]]]:
    src = tmp_path / "dicts"
    src.mkdir()
    for name, text in (("CAMEO.2.0.txt", VERBS), ("Phoenix.agents.txt", AGENTS),
                       ("Phoenix.International.actors.txt", INTERNATIONAL),
                       ("Phoenix.MilNonState.actors.txt", MILNONSTATE),
                       ("Phoenix.Countries.actors.txt", COUNTRIES)):
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    convert(src, out)
    files = {part: yaml.safe_load((out / f"petrarch-{part}.yml").read_text()) for part in PARTS}
    return out, files


def _by(entries: list[dict], **match: object) -> list[dict]:
    return [e for e in entries if all(e.get(k) == v for k, v in match.items())]


def test_block_code_gives_the_plain_verb_its_sense(converted):
    verbs = converted[1]["verbs"]
    berate = _by(verbs, lemma="revile")
    plain = [e for e in berate if "objects" not in e and "with" not in e]
    assert len(plain) == 1 and plain[0]["type"] == "ACCUSE" and plain[0]["cameo"] == "111"
    assert not [e for e in _by(verbs, lemma="expedite") if "objects" not in e and "with" not in e]


def test_patterns_apply_to_every_verb_of_the_block(converted):
    verbs = converted[1]["verbs"]
    for lemma in ("expedite", "hurry"):
        aid = [e for e in _by(verbs, lemma=lemma) if e.get("objects") == ["aid"]]
        assert len(aid) == 1 and aid[0]["type"] == "AID" and aid[0]["cameo"] == "070"


def test_synset_expands_to_one_word_members(converted):
    food = [e for e in _by(converted[1]["verbs"], lemma="hurry") if e.get("cameo") == "073"]
    assert food[0]["objects"] == ["food", "rice"]


def test_prepositional_and_noun_phrase_patterns(converted):
    verbs = _by(converted[1]["verbs"], lemma="expedite")
    border = [e for e in verbs if e["cameo"] == "154"]
    assert border == [{**border[0], "with": ["to"], "objects": ["border"]}]
    arms = next(e for e in verbs if e["cameo"] == "072")
    assert arms["objects"] == ["shipment"] and arms["with"] == ["arm"]


def test_multiword_verb_and_target_preposition(converted):
    lash = _by(converted[1]["verbs"], lemma="holler")
    assert {tuple(e.get("with", ())) for e in lash} >= {("out",), ("at", "out")}
    at = next(e for e in lash if e.get("with") == ["at", "out"])
    assert at["target"] == "prep:at" and at["cameo"] == "111"
    back = [e for e in _by(converted[1]["verbs"], lemma="revile") if e.get("with") == ["back"]]
    assert back[0]["cameo"] == "042"


def test_what_cannot_be_said_is_skipped_and_counted(tmp_path: Path, converted):
    report = (converted[0] / "petrarch-report.json").read_text()
    for reason in ("words before the verb", "noun phrase inside a prepositional phrase",
                   "null code", "words before the verb (WIRE_+TAP)", "transformation",
                   "lemma in the curated lexicon"):
        assert reason in report
    verbs = converted[1]["verbs"]
    assert not _by(verbs, lemma="wire") and not _by(verbs, lemma="tap")
    assert not _by(verbs, lemma="accuse"), "accuse is curated: no imported sense"
    assert not [e for e in verbs if e["cameo"] in ("0231", "173")]


def test_pattern_parser_refuses_subject_conditions():
    with pytest.raises(Unexpressible, match="before the verb"):
        parse_pattern("&MILITARY * EXERCISES", {})
    cond = parse_pattern("* {FINANCIAL HELP}", {})
    assert cond.objects == ["help"] and cond.with_ == ["financial"]


def test_agents_become_sector_nouns(converted):
    agents = converted[1]["agents"]
    assert not _by(agents, name="police"), "police is a curated sector noun"
    riot = _by(agents, name="harbour police")[0]
    assert riot["names"] == ["harbour police"] and riot["sector"] == "COP"
    assert _by(agents, name="herdsman")[0]["names"] == ["herdsman", "herdsmen"]
    ferry = _by(agents, name="ferryboat operator")[0]
    assert ferry["names"] == ["ferryboat operator", "ferryboat operators"]
    assert _by(agents, name="chamber of commerce")[0]["names"][1] == "chambers of commerce"
    assert not _by(agents, name="human rights activists"), "a code before the actor is skipped"


def test_groups_and_institutions(converted):
    groups = converted[1]["groups"]
    assert not _by(groups, name="United Nations"), "curated"
    watch = _by(groups, name="Global Ferry Watch")[0]
    assert watch["country"] == "NGO" and watch["sector"] == "NGO"
    assert watch["names"] == ["Global Ferry Watch", "Ferry Watch"]
    assert _by(groups, name="Acme Shipping")[0]["country"] == "USA"
    brigade = _by(groups, name="Angry Brigade")[0]
    assert (brigade["country"], brigade["sector"], brigade["kind"]) == ("ITA", "REB", "group")
    assert not _by(groups, name="Downtown North Front"), "a region code is no country"
    institutions = converted[1]["institutions"]
    assert [(e["name"], e["country"], e["sector"]) for e in institutions] == [
        ("Knesset", "ISR", "LEG")] or not _by(institutions, name="Freedonia")


def test_persons_keep_only_closed_dated_offices(converted):
    persons = converted[1]["persons"]
    firefly = _by(persons, name="Rufus T. Firefly")[0]
    assert firefly["country"] == "USA"
    assert firefly["aliases"] == ["President Firefly"]
    assert [(o["sector"], o["start"], o["end"]) for o in firefly["offices"]] == [
        ("GOV", date(2000, 1, 1), date(2004, 1, 1))]
    annan = _by(persons, name="Kofi Annan")
    assert not annan or annan[0]["offices"][0]["sector"] == "IGO"
    assert not _by(persons, name="Vladimir Putin"), "a curated leader is never overridden"


def test_output_loads_through_the_project_loaders(converted):
    out = converted[0]
    lexicon = load_lexicon((str(out / "petrarch-verbs.yml"),))
    assert lexicon.candidates("expedite", "verb")
    for part in PARTS[1:]:
        load_entries_from(str(out / f"petrarch-{part}.yml"))
    assert (out / "LICENSE-PETRARCH2").read_text().startswith("The MIT License")


def test_names_dates_and_report():
    assert cased_names("KOFI_ANNAN_") == ["Kofi Annan"]
    assert cased_names("IAEA_") == ["IAEA", "Iaea"]
    assert cased_names("U.N._SECRETARY_GENERAL") == ["U.N. Secretary General"]
    assert parse_date("970101") == date(1997, 1, 1)
    assert parse_date("20070101") == date(2007, 1, 1)
    assert parse_date("2004017") is None
    report = PartReport()
    report.skip("x", 2)
    assert report.to_dict()["skipped"] == {"x": 2}


PETRARCH_DIR = Path(os.environ.get("NEWSEVENTS_PETRARCH_DIR", "/work/shared/data/petrarch2"))


@pytest.mark.skipif(not (PETRARCH_DIR / "CAMEO.2.0.txt").exists(),
                    reason=f"PETRARCH2 dictionaries not found in {PETRARCH_DIR} "
                           "(set NEWSEVENTS_PETRARCH_DIR to the folder)")
def test_full_dictionaries_convert_and_load(tmp_path: Path):
    report = convert(PETRARCH_DIR, tmp_path).to_dict()["parts"]
    assert 10_000 < report["verbs"]["produced"] < 40_000
    assert 1_500 < report["agents"]["produced"] < 2_500
    assert 2_000 < report["groups"]["produced"] < 10_000
    assert 5_000 < report["persons"]["produced"] < 20_000
    assert report["persons"]["skipped"]["office: open-ended (>date): would claim to hold today"]
    lexicon = load_lexicon((str(tmp_path / "petrarch-verbs.yml"),))
    assert lexicon.candidates("expedite", "verb")
    for part in PARTS[1:]:
        assert load_entries_from(str(tmp_path / f"petrarch-{part}.yml"))
