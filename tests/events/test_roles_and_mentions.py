"""Roles from frames and grammar, the article's setting, and one event per real event.

Every text is written for this file in the style of wire copy; each case has must-have and
must-not-have events (specs as in event_specs.py).
"""

from __future__ import annotations

import pytest
from event_specs import Analyse, Spec, check_events

from newsevents.errors import LexiconError
from newsevents.events.lexicon import load_lexicon

CASES: list[tuple[str, str, str, list[Spec], list[Spec]]] = [
    # the article's setting gives domestic actors a country
    ("setting_from_dateline",
     "LUSAKA, April 2 (Wire) - Police detained 14 opposition supporters outside a courthouse on "
     "Wednesday.",
     "2025-04-02",
     [{"type": "COERCE", "source": "ZMB:COP", "target": "ZMB"}], []),
    ("setting_from_gazetteer_dateline",
     "KISANGANI, April 2 (Wire) - Soldiers shot dead six fishermen on the river on Tuesday.",
     "2025-04-02",
     [{"type": "ASSAULT", "source": "COD:MIL"}], []),
    ("no_setting_for_one_sentence",
     "The interior ministry summoned Norway's ambassador on Monday over the remarks.",
     "2025-04-02",
     [], [{"type": None, "source": "NOR"}]),
    # states described by region
    ("region_description",
     "ASTANA, May 5 (Wire) - Kazakhstan expelled two Russian diplomats on Monday. The Central "
     "Asian nation accused them of espionage.",
     "2025-05-05",
     [{"type": "ACCUSE", "source": "KAZ", "trigger": "accused"}],
     [{"type": "ACCUSE", "source": "RUS"}]),
    # frames: reporter, experiencer, possessor
    ("reporter_accuses_in_said_clause",
     "ABUJA, June 3 (Wire) - Nigeria's defence minister said on Tuesday that the separatist "
     "group was responsible for the killing of nine traders.",
     "2025-06-03",
     [{"type": "ACCUSE", "source": "NGA", "target": "*:REB"}], []),
    ("narrated_responsibility_is_no_accusation",
     "ABUJA, June 3 (Wire) - The separatist group was responsible for several attacks last year.",
     "2025-06-03",
     [], [{"type": "ACCUSE"}]),
    ("experiencer_came_under_attack",
     "GAO, Feb 8 (Wire) - A United Nations patrol came under attack from jihadist fighters near "
     "Gao on Saturday, the mission said.",
     "2025-02-08",
     [{"type": "ASSAULT", "source": "MLI", "target": "IGO"}],
     [{"type": "ASSAULT", "source": "IGO"}]),
    ("passive_agent_inside_the_act",
     "BAMAKO, Feb 8 (Wire) - Eleven herders were killed in an ambush by armed bandits in central "
     "Mali on Friday.",
     "2025-02-08",
     [{"type": "ASSAULT", "source": "*:CRM", "target": "MLI"}],
     [{"type": "ASSAULT", "source": "MLI:CVL"}]),
    ("weapon_wielder_acts",
     "KYIV, Jan 5 (Wire) - Ukraine's air force said that drones launched by Russia hit an energy "
     "facility in the south overnight.",
     "2025-01-05",
     [{"type": "ASSAULT", "source": "RUS"}], [{"type": "ASSAULT", "source": "UKR"}]),
    # wishes, joined acts, subordinate and participle clauses
    ("wish_is_a_request",
     "TIRANA, Nov 3 (Wire) - \"We want the health minister to step down,\" an opposition leader "
     "told a rally in Tirana on Sunday.",
     "2025-11-03",
     [{"type": "REQUEST", "target": "ALB:GOV"}], [{"type": "RETREAT"}]),
    ("joined_object_of_another_type",
     "CONAKRY, Sept 6 (Wire) - The junta imposed a nationwide curfew and the deployment of "
     "troops in the capital on Friday.",
     "2025-09-06",
     [{"type": "COERCE", "source": "GIN"}, {"type": "MOBILIZE", "source": "GIN"}], []),
    ("participle_of_another_type_is_its_own_act",
     "GENEVA, Sept 6 (Wire) - The U.N. rights office condemned the killings of protesters in "
     "Guinea on Friday, calling for an independent inquiry.",
     "2025-09-06",
     [{"type": "ACCUSE", "source": "IGO"}, {"type": "REQUEST", "source": "IGO"}], []),
    ("participle_of_the_same_type_is_the_same_act",
     "GAO, Feb 8 (Wire) - Jihadist fighters attacked an army post near Gao on Saturday, killing "
     "seven soldiers.",
     "2025-02-08",
     [{"type": "ASSAULT", "source": "MLI", "max": 1}], []),
    ("reduced_relative_clause_acts",
     "HARARE, Aug 1 (Wire) - Police fired tear gas at traders denouncing the new market levy on "
     "Friday.",
     "2025-08-01",
     [{"type": "ASSAULT", "source": "ZWE:COP"}, {"type": None, "source": "ZWE",
                                                  "trigger": "denouncing"}], []),
    ("adverbial_clause_with_its_own_subject",
     "CARACAS, July 2 (Wire) - Venezuela expelled Peru's diplomats on Tuesday after Lima refused "
     "to recognise the election result.",
     "2025-07-02",
     [{"type": ("SANCTION", "COERCE", "REJECT"), "source": "VEN"},
      {"type": "REJECT", "source": "PER"}], []),
    ("caused_act_is_actual",
     "MANILA, May 4 (Wire) - The collision led the Philippines to summon China's ambassador on "
     "Sunday.",
     "2025-05-04",
     [{"type": "ACCUSE", "source": "PHL", "target": "CHN", "modality": "actual"}], []),
    # one event per real event
    ("headline_and_lead_are_one_event",
     "Zambian police detain opposition supporters\n\n"
     "LUSAKA, April 2 (Wire) - Zambian police detained 14 opposition supporters outside a "
     "courthouse on Wednesday.",
     "2025-04-02",
     [{"type": "COERCE", "source": "ZMB", "max": 1}], []),
    ("toll_joins_the_attack",
     "KHARTOUM, Sept 9 (Wire) - Paramilitary fighters shelled a market in Omdurman on Monday. "
     "At least 21 people were killed, medics said.",
     "2025-09-09",
     [{"type": "ASSAULT", "source": "SDN", "max": 1}], [{"type": "ASSAULT", "source": None,
                                                         "target": "SDN:CVL", "trigger": "killed"}]),
    ("definite_noun_refers_back",
     "MINSK, Oct 2 (Wire) - Belarus refused entry to a Lithuanian delegation on Thursday. "
     "Vilnius called the refusal a provocation.",
     "2025-10-02",
     [{"type": "REJECT", "source": "BLR", "max": 1}], []),
    ("announced_threat_is_one_event",
     "ANKARA, Jan 9 (Wire) - Turkey said it would halt all trade with the breakaway region.",
     "2025-01-09",
     [{"type": ("THREATEN", "SANCTION"), "source": "TUR", "max": 1}], []),
    # dates
    ("present_perfect_is_the_week_before",
     "Chile and Bolivia have agreed to reopen their border crossings, officials said.",
     "2025-03-14",
     [{"type": "AGREE"}], [{"type": "AGREE", "date": "2025-03-14"}]),
    ("a_weekday_after_said_is_past",
     "SANTIAGO, March 12 (Wire) - The president said on Monday he will sign the decree.",
     "2025-03-12",
     [], [{"type": None, "date_after": "2025-03-12"}]),
    # names are no countries
    ("a_country_word_in_a_name_is_no_country",
     "UN rights chief Volker Turk criticised the detention of journalists in Caracas.",
     "2025-03-12",
     [], [{"type": None, "side": "TUR"}]),
]


@pytest.mark.parametrize(("text", "published", "must", "must_not"),
                         [pytest.param(*case[1:], id=case[0]) for case in CASES])
def test_roles_and_mentions(analyse: Analyse, text: str, published: str,
                            must: list[Spec], must_not: list[Spec]) -> None:
    check_events(analyse, text, published, must, must_not)


def test_a_frame_slot_outside_the_vocabulary_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mine.yml"
    path.write_text("- id: accuse/odd\n  lemma: blame\n  type: ACCUSE\n  cameo: '112'\n"
                    "  source: object\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="source must be one of"):
        load_lexicon((str(path),))


def test_an_implicit_source_outside_the_state_sectors_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mine.yml"
    path.write_text("- id: coerce/odd\n  lemma: nab\n  type: COERCE\n  cameo: '173'\n"
                    "  implicit_source: CVL\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="implicit_source must be one of"):
        load_lexicon((str(path),))
