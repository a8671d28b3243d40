"""Wire-style cases for phenomena fixed on 2026-12-03 (issue 9): aid that reaches a town,
clusters of one sector word, datelines, ordered acts, weapon subjects, clauses parsed under a
preposition. Every text was written for this file; none comes from a corpus. Spec keys as in
test_real_news_phenomena.py."""

from __future__ import annotations

import pytest
from event_specs import Analyse, Spec, check_events

CASES: list[tuple[str, str, str, list[Spec], list[Spec]]] = [
    ("aid_relief_material_is_aid_not_mobilize",
     "NEW DELHI, April 2 (Wire) - India dispatched 12 tonnes of relief material, including "
     "blankets and water purifiers, to the central city of Mandalay on Tuesday, "
     "its foreign ministry said.",
     "2025-04-02",
     [{"type": "AID", "source": "IND", "target": "MMR"}],
     [{"type": "MOBILIZE"}]),
    ("aid_flown_to_a_town_reaches_its_country",
     "MOSCOW, April 1 (Wire) - Russia's emergencies ministry flew 80 rescuers and sniffer dogs "
     "to Mandalay on Monday to help search the rubble.",
     "2025-04-01",
     [{"type": "AID", "source": "RUS", "target": "MMR"}],
     []),
    ("aid_rescuers_arrive_to_help",
     "NAYPYITAW, March 31 (Wire) - Rescue workers from Thailand arrived in Mandalay on Sunday "
     "to help search for survivors of the earthquake.",
     "2025-03-31",
     [{"type": "AID", "source": "THA", "target": "MMR"}],
     [{"type": "CONSULT"}]),
    ("one_sector_word_two_forces",
     "BAKU, May 6 (Wire) - Azerbaijani troops captured three Armenian soldiers near the border "
     "village on Monday and accused them of sabotage, the Armenian defence ministry said.",
     "2025-05-06",
     [{"type": ("COERCE", "ASSAULT"), "source": "AZE:MIL", "target": "ARM:MIL"},
      {"type": "ACCUSE", "source": "AZE", "target": "ARM"}],
     [{"type": None, "source": "AZE", "target": "AZE"}]),
    ("dateline_place_is_no_actor",
     "HARARE, Aug 4 (Wire) - Police arrested 14 opposition activists at a rally in the capital "
     "on Saturday, their lawyers said.",
     "2025-08-04",
     [{"type": "COERCE", "source": "ZWE:COP", "target": "ZWE:OPP"}],
     [{"type": None, "side": "@HARARE"}]),
    ("a_court_ordered_him_detained",
     "TUNIS, Feb 12 (Wire) - An investigating judge on Tuesday ordered opposition leader Karim "
     "Haddad detained pending trial on conspiracy charges.",
     "2025-02-12",
     [{"type": "COERCE", "source": "TUN:JUD", "target": "@Haddad"}],
     [{"type": "COERCE", "source": "@Haddad"}]),
    ("shell_subject_hit_a_field",
     "SEOUL, Nov 24 (Wire) - An artillery shell fired by North Korean troops hit a rice field "
     "near the border town of Yeoncheon, the South Korean military said on Sunday.",
     "2025-11-24",
     [{"type": "ASSAULT", "source": "PRK", "target": "KOR", "max": 1}],
     [{"type": "ASSAULT", "source": "KOR"}]),
    ("fired_at_marchers_parsed_as_a_clause",
     "DAKAR, March 9 (Wire) - Riot police fired tear gas at hundreds of students marching on "
     "the education ministry on Friday, witnesses said.",
     "2025-03-09",
     [{"type": "ASSAULT", "source": "SEN:COP", "target": "@students"},
      {"type": "PROTEST", "source": "@students"}],
     [{"type": "ASSAULT", "target": "SEN:GOV"}]),
    ("the_two_neighbours_are_the_parties_not_the_speaker",
     "ISLAMABAD, Aug 18 (Wire) - Pakistani troops and Afghan border forces exchanged fire "
     "across the frontier on Monday. China urged the two neighbours to exercise restraint.",
     "2026-08-18",
     [{"type": "REQUEST", "source": "CHN", "target": "PAK"},
      {"type": "REQUEST", "source": "CHN", "target": "AFG"}],
     [{"type": "REQUEST", "source": "CHN", "target": "CHN"}]),
    ("strikes_inside_a_country_leave_the_soldiers_to_the_setting",
     "ISLAMABAD, Aug 18 (Wire) - Pakistan's military said on Tuesday it had struck militant "
     "hideouts inside Afghanistan, two days after militants killed 12 soldiers in an attack on "
     "a border post.",
     "2026-08-18",
     [{"type": "ASSAULT", "target": "PAK:MIL"}],
     [{"type": "ASSAULT", "target": "AFG:MIL"}]),
    ("foreign_aid_with_no_recipient_goes_to_the_setting",
     "KATHMANDU, Oct 21 (Wire) - Japan said on Tuesday it would send a medical team and "
     "emergency supplies by the end of the week.",
     "2025-10-21",
     [{"type": ("AID", "AGREE"), "source": "JPN", "target": "NPL"}],
     [{"type": ("AID", "AGREE"), "target": "JPN"}]),
    ("domestic_rescue_helps_its_own_people",
     "KATHMANDU, Oct 21 (Wire) - Nepali soldiers and police rescued more than 300 people from "
     "collapsed houses on Monday, the army said.",
     "2025-10-21",
     [{"type": "AID", "source": "NPL", "target": "NPL:CVL"}],
     []),
    ("condemning_an_act_told_before_targets_its_author",
     "AMMAN, May 2 (Wire) - Israeli troops raided a village near the border on Thursday. "
     "Jordan's foreign ministry condemned the raid on Friday.",
     "2025-05-02",
     [{"type": "ACCUSE", "source": "JOR", "target": "ISR"}],
     [{"type": "ACCUSE", "target": "JOR"}]),
    ("condemned_them_as_a_violation_after_a_report",
     "ISLAMABAD, Aug 18 (Wire) - Pakistani jets struck militant hideouts in eastern Afghanistan "
     "overnight, the military said. Afghanistan's Taliban administration said the strikes had "
     "killed nine civilians and condemned them as \"a blatant violation of Afghanistan's "
     "sovereignty\".",
     "2026-08-18",
     [{"type": "ACCUSE", "source": "AFG", "target": "PAK"}],
     [{"type": "ACCUSE", "target": "AFG"}, {"type": "ACCUSE", "target": "*:CVL"}]),
    ("charges_against_a_compatriot_name_him",
     "NAIROBI, March 4 (Wire) - A Kenyan court on Monday accepted charges against opposition "
     "leader Raila Kamau over last year's protests.",
     "2025-03-04",
     [{"type": "ACCUSE", "source": "KEN:JUD", "target": "@Kamau"}],
     []),
    ("a_name_tagged_as_a_common_noun_is_still_the_person",
     "WASHINGTON, July 9 (Wire) - Trump accused Brazil's Supreme Court of infringing on free "
     "speech.",
     "2025-07-09",
     [{"type": "ACCUSE", "source": "USA", "target": "BRA:JUD"}],
     []),
    ("rejecting_accusations_targets_the_accuser",
     "CHISINAU, Nov 25 (Wire) - Moldova's government accused Russia of funding a plot to "
     "overthrow it. In Moscow, the foreign ministry rejected the accusations as \"absurd "
     "fabrications\".",
     "2025-11-25",
     [{"type": "REJECT", "source": "RUS", "target": "MDA"}],
     [{"type": "REJECT", "target": "RUS"}]),
    ("troops_sent_to_the_border_are_a_build_up",
     "SANTO DOMINGO, March 10 (Wire) - The Dominican Republic said it had sent 1,500 more "
     "soldiers and armoured vehicles to the border with Haiti.",
     "2025-03-10",
     [{"type": "MOBILIZE", "source": "DOM"}],
     [{"type": "AID"}]),
    ("reserving_the_right_to_respond_is_a_threat",
     "KABUL, Aug 18 (Wire) - Defence ministry spokesman Hamidullah Zaheer said Kabul \"reserves "
     "the right to respond at a time and place of its choosing\".",
     "2025-08-18",
     [{"type": "THREATEN", "source": "AFG"}],
     []),
    ("no_one_hurt_is_no_attack",
     "WASHINGTON, Sept 2 (Wire) - No U.S. personnel were injured in the strike on the base, the "
     "Pentagon said. Police in the capital said nobody was arrested.",
     "2025-09-02",
     [],
     [{"type": "ASSAULT", "polarity": "positive"}, {"type": "COERCE", "polarity": "positive"}]),
    ("rivals_in_parliament_are_the_agent",
     "QUITO, Jan 9 (Wire) - Ecuador's vice president was censured and suspended by her rivals in "
     "the National Assembly on Wednesday.",
     "2025-01-09",
     [{"type": ("ACCUSE", "COERCE", "SANCTION"), "source": "ECU:LEG", "target": "ECU:GOV"}],
     [{"type": None, "source": "ECU:GOV"}]),
    ("host_of_talks_is_no_party_of_the_two_neighbours",
     "ADDIS ABABA, May 9 (Wire) - Ethiopia and Eritrea held talks in Nairobi on Friday. The two "
     "neighbours agreed to reopen their border crossings, officials said.",
     "2025-05-09",
     [{"type": "CONSULT", "parties": ["ETH", "ERI"]},
      {"type": "AGREE", "parties": ["ETH", "ERI"]}],
     [{"type": ("AGREE", "CONSULT"), "side": "KEN"}]),
    ("deployment_across_own_capital_has_no_state_counterpart",
     "LAGOS, Jan 10 (Wire) - Nigeria's government ordered the deployment of soldiers across Lagos "
     "on Friday after days of unrest.",
     "2025-01-10",
     [{"type": "MOBILIZE", "source": "NGA:GOV"}],
     [{"type": "MOBILIZE", "target": "NGA:GOV"}]),
    ("threatened_curfew_in_the_capital_falls_on_its_people",
     "LUSAKA, Feb 3 (Wire) - Zambia's president threatened on Monday to impose a curfew in Lusaka "
     "if looting continued.",
     "2025-02-03",
     [{"type": "THREATEN", "source": "ZMB:GOV", "target": "ZMB:CVL"}],
     [{"type": "THREATEN", "target": "ZMB:GOV"}]),
    ("gerund_with_by_phrase_names_the_attacker",
     "GOMA, May 2 (Wire) - Heavy shelling by Rwandan troops forced thousands of villagers to flee "
     "on Friday.",
     "2025-05-02",
     [{"type": "ASSAULT", "source": "RWA:MIL"}],
     [{"type": "ASSAULT", "source": "COD"}]),
    ("opening_gerund_agent_acts_for_the_verb",
     "GOMA, May 2 (Wire) - Shelling by rebel forces killed three civilians near the town on "
     "Friday.",
     "2025-05-02",
     [{"type": "ASSAULT", "source": "COD:REB", "target": "COD:CVL"}],
     [{"type": "ASSAULT", "source": "COD:CVL"}]),
    ("act_after_a_decision_by_judges_is_its_own",
     "CAIRO, Jan 19 (Wire) - Protesters gathered outside the court on Sunday after a decision by "
     "judges to jail the activist Alaa Hamed for five years.",
     "2025-01-19",
     [{"type": "COERCE", "source": "EGY:JUD"}, {"type": "PROTEST", "source": "EGY:CVL"}],
     [{"type": "COERCE", "source": "EGY:CVL"}]),
    ("warning_about_acts_by_states_targets_the_states",
     "MOSCOW, June 3 (Wire) - Russia's defence minister warned on Tuesday that military "
     "exercises by Finland and Sweden near the border \"will have serious consequences\".",
     "2025-06-03",
     [{"type": "THREATEN", "source": "RUS", "target": "FIN"},
      {"type": "THREATEN", "source": "RUS", "target": "SWE"}],
     [{"type": "THREATEN", "source": "FIN"}, {"type": "THREATEN", "source": "SWE"}]),
    ("bare_participle_if_convicted_is_passive",
     "LIMA, March 4 (Wire) - The former interior minister, charged with bribery on Tuesday, "
     "faces up to 12 years in prison if convicted.",
     "2025-03-04",
     [],
     [{"type": ("SANCTION", "COERCE", "ACCUSE"), "source": "PER:GOV", "trigger": "convicted"}]),
    ("closed_crossing_falls_on_the_state_across",
     "ISLAMABAD, Oct 14 (Wire) - Afghan forces fired on Pakistani border posts overnight, "
     "officials said. Pakistan closed the main Chaman crossing on Tuesday morning.",
     "2025-10-14",
     [{"type": "COERCE", "source": "PAK", "target": "AFG"}],
     [{"type": "COERCE", "source": "PAK", "target": "PAK"}]),
    ("border_closure_in_a_story_set_across_it",
     "PORT-AU-PRINCE, April 2 (Wire) - Gangs seized the town of Mirebalais on Monday. The "
     "Dominican Republic closed its border crossings on Tuesday.",
     "2025-04-02",
     [{"type": "COERCE", "source": "DOM", "target": "HTI"}],
     []),
    ("condemned_what_it_called_names_the_owner",
     "VILNIUS, Feb 11 (Wire) - Lithuania's president condemned on Tuesday what she called "
     "Belarus's \"reckless provocations\" along the border.",
     "2025-02-11",
     [{"type": "ACCUSE", "source": "LTU", "target": "BLR"}],
     [{"type": "ACCUSE", "target": "LTU"}]),
    ("condemned_what_it_described_as_acts_by",
     "KYIV, May 3 (Wire) - Ukraine condemned what it described as attacks by Russian drones on "
     "civilian trains.",
     "2025-05-03",
     [{"type": "ACCUSE", "source": "UKR", "target": "RUS"}],
     [{"type": "ACCUSE", "target": "UKR"}]),
    ("warning_to_anyone_who_would_act_falls_on_the_people",
     "LUSAKA, Aug 3 (Wire) - \"Anyone who loots shops or attacks traders will be dealt with "
     "severely,\" Zambia's police chief warned on Sunday.",
     "2025-08-03",
     [{"type": "THREATEN", "source": "ZMB", "target": "ZMB:CVL"}],
     [{"type": "ASSAULT"}]),
    ("quake_victims_were_attacked_by_no_one",
     "KATHMANDU, May 3 (Wire) - At least 200 people were killed and 1,400 injured when a "
     "powerful earthquake struck the region on Saturday.",
     "2025-05-03",
     [],
     [{"type": "ASSAULT"}]),
    ("left_people_injured_are_hurt_not_hurting",
     "GAO, May 3 (Wire) - The roadside bomb left 14 soldiers injured on Friday, the army said.",
     "2025-05-03",
     [],
     [{"type": "ASSAULT", "source": "MLI:MIL"}]),
]


@pytest.mark.parametrize(("text", "published", "must", "must_not"),
                         [pytest.param(*case[1:], id=case[0]) for case in CASES])
def test_session3_phenomenon(analyse: Analyse, text: str, published: str,
                             must: list[Spec], must_not: list[Spec]) -> None:
    check_events(analyse, text, published, must, must_not)
