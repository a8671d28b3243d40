"""Wire-style cases for phenomena fixed on 2026-12-03, second session (issue 9): regional
descriptions and reported-clause pronouns, announced measures, joined of-phrases, regional
adjectives and named appositions. Every text was written for this file; none comes from a
corpus. Spec keys as in test_real_news_phenomena.py."""

from __future__ import annotations

import pytest
from event_specs import Analyse, Spec, check_events

CASES: list[tuple[str, str, str, list[Spec], list[Spec]]] = [
    # A regional description stands for its clause's topic state, not the one named nearest.
    ("description_is_the_topic_state",
     "LUSAKA, March 3 (Wire) - Zambia's mines minister accused Malawi of blocking fuel trucks on "
     "Sunday. The southern African nation, which relies on Malawian roads for imports, said it "
     "would recall its envoy from Lilongwe.",
     "2025-03-03",
     [{"type": ("SANCTION", "THREATEN"), "source": "ZMB"}],
     [{"type": ("SANCTION", "THREATEN"), "source": "MWI"}]),
    ("reported_clause_pronoun_is_the_reporter",
     "CANBERRA, Feb 10 (Wire) - Australia, which has long sparred with China over trade, said "
     "it would expel two Chinese diplomats.",
     "2025-02-10",
     [{"type": ("SANCTION", "COERCE", "THREATEN"), "source": "AUS"}],
     [{"type": None, "source": "CHN"}]),
    # An announced levy is one future SANCTION; a conditional one is a threat.
    ("announced_levy_is_a_future_sanction",
     "OTTAWA, Aug 2 (Wire) - Canada said on Friday it would impose a 25 percent tariff on "
     "Chinese electric vehicles from October.",
     "2025-08-02",
     [{"type": "SANCTION", "source": "CAN", "target": "CHN", "modality": "future"}],
     [{"type": "THREATEN"}, {"type": "SANCTION", "modality": "actual"}]),
    ("conditional_levy_is_a_threat",
     "NEW DELHI, Aug 6 (Wire) - India will impose retaliatory duties on American farm goods "
     "unless Washington lifts its steel levies, the trade minister said on Wednesday.",
     "2025-08-06",
     [{"type": "THREATEN", "source": "IND", "target": "USA"}],
     [{"type": "SANCTION", "source": "IND", "modality": "actual"}]),
    # 'the leaders of A and B' is one actor per state.
    ("joined_of_phrase_is_each_state",
     "ASTANA, Nov 5 (Wire) - The presidents of Kazakhstan and Uzbekistan signed a border "
     "demarcation treaty in Astana on Tuesday.",
     "2025-11-05",
     [{"type": ("SUPPORT", "AGREE"), "parties": ["KAZ", "UZB"], "date": "2025-11-04"}],
     []),
    ("joined_of_phrase_meeting",
     "CAIRO, Jan 12 (Wire) - The foreign ministers of Egypt and Jordan met in Cairo on Sunday "
     "to discuss the Gaza ceasefire.",
     "2025-01-12",
     [{"type": "CONSULT", "parties": ["EGY", "JOR"]}],
     []),
    # 'South American', 'West African' are regions, not the United States or any one state.
    ("regional_adjective_is_no_country",
     "BRASILIA, May 9 (Wire) - Latin American leaders condemned the new U.S. deportation "
     "flights on Friday.",
     "2025-05-09",
     [],
     [{"type": None, "source": "USA"}]),
    # 'Iranian-backed' names a backer, not the actor's state; 'Saudi-led' names its state.
    ("backed_by_hyphen_is_no_country",
     "ERBIL, Jan 26 (Wire) - Iranian-backed militias attacked a U.S. base in eastern Syria with "
     "drones on Sunday, the Pentagon said.",
     "2025-01-26",
     [{"type": "ASSAULT", "target": "USA"}],
     [{"type": None, "source": "IRN"}, {"type": None, "source": "USA"}]),
    ("led_by_hyphen_is_the_state",
     "ADEN, Jan 26 (Wire) - The Saudi-led coalition struck Houthi positions near Marib on Sunday.",
     "2025-01-26",
     [{"type": "ASSAULT", "source": "SAU"}],
     []),
    # A named place as the object of strike/hit is a target ('@place' in the lexicon).
    ("strike_on_a_named_city",
     "ODESA, March 2 (Wire) - Russian missiles struck Mykolaiv overnight, wounding three "
     "people, regional officials said on Sunday.",
     "2025-03-02",
     [{"type": "ASSAULT", "source": "RUS", "target": "UKR", "trigger": "struck"}],
     []),
    ("struck_a_tone_in_a_city_is_no_attack",
     "PARIS, March 2 (Wire) - The French government struck a conciliatory tone in Paris on "
     "Sunday after talks with farmers.",
     "2025-03-02",
     [],
     [{"type": "ASSAULT"}]),
    # 'mediation between A and B': the mediator acts, the parties are its targets.
    ("mediation_between_parties",
     "DOHA, Feb 3 (Wire) - Qatar's mediation between Kinshasa and the M23 rebels resumed on "
     "Monday, officials said.",
     "2025-02-03",
     [{"type": "CONSULT", "source": "QAT", "target": "COD"}],
     [{"type": "CONSULT", "source": "COD"}]),
    # 'is ready to host talks' states an intent (AGREE).
    ("ready_to_host_talks",
     "NAIROBI, April 8 (Wire) - Kenya is ready to host talks between Sudan's army and the Rapid "
     "Support Forces, its foreign minister said on Tuesday.",
     "2025-04-08",
     [{"type": "AGREE", "source": "KEN"}],
     []),
    # Protesters' arson is a riot (PROTEST), not coercion.
    ("protesters_arson_is_a_riot",
     "DHAKA, Aug 5 (Wire) - Protesters set fire to a police station in the capital on Monday "
     "as unrest spread, police said.",
     "2025-08-05",
     [{"type": "PROTEST", "source": "BGD:CVL"}],
     [{"type": ("COERCE", "ASSAULT"), "source": "BGD:CVL"}]),
    # An infinitive of purpose of the same type is the same act.
    ("purpose_clause_is_the_same_act",
     "QUITO, Jan 9 (Wire) - Ecuador's president ordered the deployment of 2,000 soldiers to "
     "patrol the port city of Guayaquil on Thursday.",
     "2025-01-09",
     [{"type": "MOBILIZE", "source": "ECU", "max": 1}],
     []),
    # An act that made a state respond, with no target of its own, fell on that state.
    ("attack_that_prompted_a_response_targets_the_responder",
     "BEIRUT, Nov 2 (Wire) - Artillery fire by Israeli forces forced Lebanon to close two "
     "border crossings on Saturday.",
     "2025-11-02",
     [{"type": "ASSAULT", "source": "ISR", "target": "LBN"}],
     []),
    ("ramming_is_an_assault",
     "MANILA, June 17 (Wire) - The ramming of a Philippine supply boat by a Chinese vessel "
     "near Second Thomas Shoal drew a protest from Manila on Monday.",
     "2025-06-17",
     [{"type": "ASSAULT", "source": "CHN", "target": "PHL"}],
     [{"type": "ASSAULT", "source": "PHL"}]),
    ("barred_from_the_election",
     "KAMPALA, Nov 20 (Wire) - Uganda's electoral commission barred opposition leader Kizza "
     "Besigye from next year's presidential election on Wednesday.",
     "2025-11-20",
     [{"type": "COERCE", "source": "UGA", "target": "@Besigye"}],
     [{"type": "COERCE", "source": "@Besigye"}]),
    # What the donor's own pronoun owns is its means: aid goes to the country in need.
    ("aid_from_its_own_fund",
     "DHAKA, Sept 3 (Wire) - The World Bank released $40 million from its crisis response "
     "window on Wednesday to help Bangladesh recover from the floods.",
     "2025-09-03",
     [{"type": "AID", "source": "IGO", "target": "BGD"}],
     [{"type": "AID", "target": "@window"}]),
    ("ordering_stations_off_air_is_censorship",
     "KAMPALA, Jan 14 (Wire) - Uganda's communications regulator ordered three television "
     "stations to stop live coverage of opposition rallies on Tuesday.",
     "2026-01-14",
     [{"type": "COERCE", "source": "UGA", "target": "*:MED"}],
     [{"type": "REQUEST", "target": "*:MED"}]),
    # Who names, judges or reports an act did not do it.
    ("naming_an_act_is_not_doing_it",
     "MANILA, July 2 (Wire) - The Philippines protested to Beijing on Wednesday over the "
     "presence of Chinese ships near Scarborough Shoal, calling the blockade a violation of "
     "international law.",
     "2025-07-02",
     [],
     [{"type": ("ASSAULT", "COERCE"), "source": "PHL"}]),
    ("planned_attack_is_not_actual",
     "KYIV, June 10 (Wire) - Ukraine's security service said on Tuesday it had detained a man "
     "who was allegedly plotting a bombing at a railway station in Lviv.",
     "2025-06-10",
     [{"type": "COERCE", "source": "UKR"}],
     [{"type": "ASSAULT", "modality": "actual"}]),
    # A clause before its head's 'after' is the main clause, not the head's content.
    ("main_clause_before_an_after_clause",
     "SEOUL, June 10 (Wire) - North Korea fired two ballistic missiles into the sea on Tuesday, "
     "South Korea's military said, days after Seoul and Washington held joint drills.",
     "2025-06-10",
     [{"type": ("MOBILIZE", "ASSAULT"), "source": "PRK"},
      {"type": "COOPERATE", "parties": ["KOR", "USA"]}],
     [{"type": "COOPERATE", "target": "PRK"}]),
    ("voted_to_remove_from_office",
     "QUITO, Oct 3 (Wire) - Ecuador's National Assembly voted on Thursday to remove the "
     "interior minister from office over a prison massacre.",
     "2025-10-03",
     [{"type": "COERCE", "source": "ECU:LEG", "modality": "actual"}],
     []),
    # Dates per clause: a date inside a noun's modifier dates that noun, and a date carries
    # within its paragraph only.
    ("date_in_a_relative_clause_dates_the_noun",
     "BEIRUT, Oct 8 (Wire) - Lebanon's president on Tuesday condemned the strikes as a breach "
     "of the truce that ended the war in November 2024.",
     "2025-10-08",
     [{"type": "ACCUSE", "source": "LBN", "date": "2025-10-07"}],
     [{"type": "ACCUSE", "date": "2024"}]),
    ("year_before_a_noun_dates_the_noun",
     "MANILA, Jan 21 (Wire) - The U.S. ambassador condemned China's conduct and said "
     "Washington's commitments under the 1951 defence treaty were ironclad.",
     "2026-01-21",
     [{"type": "ACCUSE", "source": "USA", "target": "CHN", "date": "2026"}],
     [{"type": None, "date": "1951"}]),
    ("date_does_not_cross_a_paragraph",
     "SANAA, Feb 5 (Wire) - Yemen's government said on Wednesday that peace talks had "
     "stalled.\n\nA U.N.-brokered truce collapsed in March 2024 after months of fighting.\n\n"
     "Houthi forces attacked a government position near Marib, killing four soldiers, "
     "officials said.",
     "2025-02-05",
     [{"type": "ASSAULT", "source": "YEM"}],
     [{"type": "ASSAULT", "date": "2024"}]),
    ("lead_date_carries_to_the_next_paragraph",
     "Peru closes border crossing\n\n"
     "LIMA, March 3 (Wire) - Peru closed its main border crossing with Bolivia on Sunday, the "
     "interior ministry said.\n\n"
     "Bolivia responded by recalling its ambassador from Lima, officials said.",
     "2025-03-03",
     [{"type": "SANCTION", "source": "BOL", "date": "2025-03-02"}],
     []),
    ("dates_in_a_relative_clause_stay_there",
     "Kenyan police fire on protesters\n\nNAIROBI, July 8 (Wire) - Two people were shot dead "
     "and dozens injured on Tuesday as police fired on protesters in Nairobi.\n\n"
     "Thousands of demonstrators marched through the capital carrying portraits of a blogger "
     "who was arrested on June 9 and found dead in his cell two days later.",
     "2026-07-08",
     [{"type": "ASSAULT", "source": "KEN:COP", "date": "2026-07-07"},
      {"type": "PROTEST", "date": "2026-07-07"}],
     [{"type": "PROTEST", "date": "2026-06"}]),
    ("would_points_ahead_of_the_report",
     "ISTANBUL, June 13 (Wire) - Armenia and Azerbaijan agreed to a ceasefire on Friday. The "
     "statement said the two countries would meet again in Istanbul on June 25.",
     "2026-06-13",
     [],
     [{"type": None, "date": "2025-06"}]),
    ("resolution_number_is_no_year",
     "PARIS, Oct 8 (Wire) - France urged Israel and Hezbollah on Wednesday to respect Security "
     "Council Resolution 1701.",
     "2025-10-08",
     [{"type": "REQUEST", "source": "FRA", "date": "2025-10-08"}],
     [{"type": None, "date": "1701"}]),
    # Threats stated as a promised response are actual THREATENs.
    ("quoted_will_respond_is_a_threat",
     "ISLAMABAD, June 12 (Wire) - \"If our posts are attacked again, we will respond "
     "forcefully,\" Pakistan's interior minister told reporters on Thursday.",
     "2025-06-12",
     [{"type": "THREATEN", "source": "PAK", "modality": "actual"}],
     []),
    ("will_take_measures_is_a_threat",
     "BEIJING, March 18 (Wire) - China will take all necessary measures to protect its "
     "companies, the commerce ministry said on Wednesday after the EU imposed new duties.",
     "2026-03-18",
     [{"type": "THREATEN", "source": "CHN", "modality": "actual"}],
     [{"type": "THREATEN", "modality": "future"}]),
    ("promised_a_painful_response",
     "MOSCOW, Dec 4 (Wire) - Russia's foreign ministry promised a painful response to "
     "Estonia's decision to expel two diplomats.",
     "2025-12-04",
     [{"type": "THREATEN", "source": "RUS", "target": "EST"}],
     [{"type": "AGREE", "source": "RUS"}]),
    # 'both sides' are the parties, never the go-betweens named by 'brokered by'.
    ("both_sides_are_not_the_mediators",
     "DOHA, June 13 (Wire) - Armenia and Azerbaijan held talks on Friday brokered by Qatar and "
     "Oman. \"Both sides have agreed to an immediate ceasefire,\" the Qatari statement said.",
     "2026-06-13",
     [{"type": ("AGREE", "RETREAT"), "parties": ["ARM", "AZE"]}],
     [{"type": ("AGREE", "RETREAT"), "side": "QAT"}, {"type": ("AGREE", "RETREAT"), "side": "OMN"}]),
    # 'the Gulf state' is a description of a state of the region, not 'the state' (GOV) of a
    # country named nearby.
    ("gulf_state_is_a_description",
     "KABUL, June 13 (Wire) - Afghanistan's Taliban government met U.S. envoys in Qatar on "
     "Thursday. The Gulf state, which hosted talks between the Taliban and the United States "
     "for years, welcomed the meeting.",
     "2026-06-13",
     [{"type": "SUPPORT", "source": "QAT"}],
     [{"type": "SUPPORT", "source": "USA"}]),
    # A reaction with no one named falls on the state that last acted on the speaker's.
    ("reaction_falls_on_the_last_actor_on_the_speaker",
     "WARSAW, Dec 4 (Wire) - Poland ordered the closure of Russia's consulate in Gdansk on "
     "Wednesday over a sabotage attack on a railway line.\n\n"
     "Russia's foreign ministry promised a swift and painful response, calling the decision "
     "hysterical.",
     "2025-12-04",
     [{"type": "SANCTION", "source": "POL", "target": "RUS"},
      {"type": "THREATEN", "source": "RUS", "target": "POL"}],
     [{"type": "THREATEN", "target": "RUS"}]),
    ("bare_dateline_place_is_no_actor",
     "Truce agreed at Doha talks\n\nDOHA: Armenia and Azerbaijan agreed on Friday to an "
     "immediate ceasefire. Qatar and Oman acted as mediators. \"Both sides have agreed to "
     "refrain from hostile actions,\" a statement said.",
     "2026-06-13",
     [{"type": "AGREE", "parties": ["ARM", "AZE"], "date": "2026-06-12"}],
     [{"type": "AGREE", "source": "QAT"}, {"type": "AGREE", "side": "OMN"}]),
    ("national_chapter_of_an_ngo",
     "KAMPALA, July 8 (Wire) - Amnesty International Uganda condemned the arrest of opposition "
     "activists by police on Tuesday.",
     "2026-07-08",
     [{"type": "ACCUSE", "source": "NGO"}],
     [{"type": "ACCUSE", "source": "UGA:GOV"}]),
    ("relative_pronoun_patient_is_its_antecedent",
     "KAMPALA, July 8 (Wire) - Opposition lawmaker John Okello, who was arrested by police on "
     "Monday, was charged with treason on Wednesday, his lawyer said.",
     "2026-07-08",
     [{"type": "COERCE", "source": "UGA:COP", "target": "@Okello"}],
     []),
    ("calling_an_act_a_violation_is_an_accusation",
     "KYIV, June 1 (Wire) - Ukraine's foreign minister called the Russian strike on the "
     "children's hospital a war crime on Monday.",
     "2025-06-01",
     [{"type": "ACCUSE", "source": "UKR"}],
     []),
    ("border_posts_are_military",
     "KABUL, June 1 (Wire) - Taliban forces attacked Pakistani border posts in Kurram on "
     "Friday, officials said.",
     "2025-06-01",
     [{"type": "ASSAULT", "source": "AFG", "target": "PAK:MIL"}],
     []),
    ("named_apposition_is_the_actor",
     "NAIROBI, June 3 (Wire) - The East African bloc IGAD urged Sudan's warring parties on "
     "Tuesday to agree to a ceasefire.",
     "2025-06-03",
     [{"type": "REQUEST", "source": "IGO"}],
     [{"type": None, "source": "USA"}, {"type": None, "source": "KEN"}]),
]


@pytest.mark.parametrize(("text", "published", "must", "must_not"),
                         [pytest.param(*case[1:], id=case[0]) for case in CASES])
def test_session4_phenomenon(analyse: Analyse, text: str, published: str,
                             must: list[Spec], must_not: list[Spec]) -> None:
    check_events(analyse, text, published, must, must_not)
