"""Wire-style cases for phenomena fixed on 2026-12-03, third session (issue 9): light verbs
of welcome and demands for one's own people put to whoever holds them. Every text was written
for this file; none comes from a corpus. Spec keys as in test_real_news_phenomena.py."""

from __future__ import annotations

import pytest
from event_specs import Analyse, Spec, check_events

CASES: list[tuple[str, str, str, list[Spec], list[Spec]]] = [
    # A light verb with 'welcome' is a host receiving a visitor; a welcome drawn is no visit.
    ("gave_a_welcome_is_hosting",
     "HANOI, May 3 (Wire) - Vietnam gave the visiting Chinese premier a red-carpet welcome on "
     "Friday.",
     "2025-05-03",
     [{"type": "CONSULT", "source": "VNM", "target": "CHN", "date": "2025-05-02"}],
     [{"type": "CONSULT", "source": "CHN"}]),
    ("drew_a_welcome_is_no_visit",
     "PARIS, Feb 3 (Wire) - The truce drew a cautious welcome from European governments on "
     "Sunday.",
     "2025-02-03",
     [],
     [{"type": "CONSULT"}]),
    # A demand for one's own people goes to the state that detained them.
    ("release_demand_goes_to_the_detainer",
     "MANILA, April 14 (Wire) - Chinese coast guard ships detained four Filipino fishermen near "
     "a disputed reef on Sunday. The Philippine foreign ministry demanded the release of the "
     "fishermen on Monday.",
     "2025-04-14",
     [{"type": "REQUEST", "source": "PHL", "target": "CHN"},
      {"type": "COERCE", "source": "CHN", "target": "PHL"}],
     [{"type": "REQUEST", "target": "PHL"}]),
    ("quoted_release_demand_goes_to_the_detainer",
     "TEHRAN, Jan 9 (Wire) - \"We call for the immediate release of our nationals,\" Iran's "
     "foreign ministry spokesman said on Thursday, days after Italian police arrested two "
     "Iranian engineers in Milan.",
     "2025-01-09",
     [{"type": "REQUEST", "source": "IRN", "target": "ITA"}],
     [{"type": "REQUEST", "target": "IRN"}]),
    ("domestic_release_demand_keeps_its_target",
     "NAIROBI, April 14 (Wire) - Kenyan opposition leaders demanded the release of detained "
     "activists on Monday.",
     "2025-04-14",
     [{"type": "REQUEST", "source": "KEN", "target": "KEN"}],
     [{"type": "REQUEST", "target": "CHN"}]),
    # '…, a charge X denied', parsed with 'denied' as the root: the accusation is the main act.
    ("accusation_before_a_denied_charge",
     "ADDIS ABABA, May 12 (Wire) - Ethiopia's government accused Eritrea on Monday of training "
     "rebel fighters in the north, a charge Asmara has repeatedly denied.",
     "2025-05-12",
     [{"type": "ACCUSE", "source": "ETH", "target": "ERI", "date": "2025-05-12"},
      {"type": "REJECT", "source": "ERI"}],
     [{"type": "ACCUSE", "source": "ERI"}]),
    # An act noun names the latest act of its type, whatever word told it.
    ("condemned_shelling_names_the_assault",
     "GOMA, March 4 (Wire) - Fighters of the M23 rebel movement launched an assault on the town "
     "of Sake on Monday, shelling a market and a school, residents said.\n\n"
     "The U.N. humanitarian coordinator in Congo condemned the shelling of populated areas on "
     "Tuesday.",
     "2025-03-04",
     [{"type": "ACCUSE", "source": "IGO", "target": "COD:REB"}],
     [{"type": "ACCUSE", "target": "IGO"}]),
    # An adviser to, or a spokesman for, a non-state body is on its side.
    ("adviser_to_a_rebel_leader_is_a_rebel",
     "GOMA, March 4 (Wire) - An adviser to M23 leader Corneille Nangaa accused the Congolese army "
     "on Tuesday of shelling villages near Sake.",
     "2025-03-04",
     [{"type": "ACCUSE", "source": "COD:REB", "target": "COD:MIL"}],
     [{"type": "ACCUSE", "source": "COD:GOV"}]),
    ("spokesman_for_a_militia_is_the_militia",
     "SANAA, Jan 20 (Wire) - A spokesman for the Houthis threatened on Monday to strike ships "
     "bound for Israeli ports.",
     "2025-01-20",
     [{"type": "THREATEN", "source": "YEM:REB"}],
     [{"type": "THREATEN", "source": "YEM:GOV"}]),
    ("aide_to_a_president_is_government",
     "NAIROBI, Jan 20 (Wire) - An aide to Kenya's president accused opposition leaders on Monday "
     "of inciting violence.",
     "2025-01-20",
     [{"type": "ACCUSE", "source": "KEN:GOV"}],
     []),
    # A number before people is a count, not the parties: they take the setting's country.
    ("counted_people_take_the_setting",
     "HARARE, Aug 2 (Wire) - Police arrested three journalists covering a protest in central "
     "Harare on Saturday, their union said.",
     "2025-08-02",
     [{"type": "COERCE", "source": "ZWE:COP", "target": "ZWE:MED"}],
     [{"type": "COERCE", "target": "ZAF"}]),
    ("counted_leaders_are_the_parties",
     "BRUSSELS, Aug 2 (Wire) - Serbia's president and Kosovo's prime minister met in Brussels on "
     "Saturday. The two leaders agreed to resume talks on licence plates.",
     "2025-08-02",
     [{"type": ("AGREE", "CONSULT"), "source": "SRB", "target": "XKX"}],
     [{"type": ("AGREE", "CONSULT"), "source": "BEL"}]),
    # A reported copula that judges an act ('had been an act of sabotage') accuses its doer.
    ("said_it_was_sabotage_by_x",
     "TALLINN, Feb 3 (Wire) - Estonia's prime minister told parliament on Monday that damage to "
     "an undersea power cable had been an act of sabotage organised by Russian military "
     "intelligence.",
     "2025-02-03",
     [{"type": "ACCUSE", "source": "EST", "target": "RUS", "date": "2025-02-03"}],
     [{"type": "ACCUSE", "source": "RUS"}]),
    ("narrated_disaster_is_no_accusation",
     "MANILA, Nov 4 (Wire) - The typhoon was the worst disaster to hit the central islands in a "
     "decade, officials said on Tuesday.",
     "2025-11-04",
     [],
     [{"type": "ACCUSE"}]),
    # Withdrawing consent for another state's consulate closes it.
    ("withdrew_consent_for_a_consulate",
     "MINSK, Feb 3 (Wire) - Belarus said on Monday it was withdrawing its consent for the "
     "operation of Lithuania's consulate in Grodno.",
     "2025-02-03",
     [{"type": "SANCTION", "source": "BLR", "target": "LTU"}],
     [{"type": "RETREAT"}]),
    # 'called the incident a violation': the incident is the act told last; the resolution's
    # author is no target.
    ("incident_called_a_violation_names_the_doer",
     "BEIRUT, Oct 2 (Wire) - Israeli troops fired machinegun rounds near a patrol of U.N. "
     "peacekeepers close to the village of Kfar Kila on Thursday, the U.N. mission said.\n\n"
     "UNIFIL called the incident a serious violation of Security Council Resolution 1701.",
     "2025-10-02",
     [{"type": "ACCUSE", "source": "IGO", "target": "ISR"}],
     [{"type": "ACCUSE", "target": "IGO"}]),
    # A country named in what a speaker says is not the speaker's; a byline places the story.
    ("byline_places_the_story_and_speech_content_is_not_the_speaker",
     "Finland expels diplomats over cable sabotage\n\nBy Jane Roe, Helsinki correspondent\n\n"
     "Prime Minister Aino Virtanen told parliament on Wednesday that the damage to the cable had "
     "been an act of sabotage organised on behalf of the Kremlin.",
     "2025-12-03",
     [{"type": "ACCUSE", "source": "FIN", "target": "RUS"}],
     [{"type": "ACCUSE", "source": "RUS"}]),
    # 'talks between delegations led by A and B': the leaders stand for the parties; a passive
    # 'talks were held between A and B' has them as its actors.
    ("talks_between_delegations_led_by",
     "ISTANBUL, May 16 (Wire) - Talks were held in Istanbul on Friday between delegations led "
     "by Ukraine's defence minister and a senior Russian presidential aide.",
     "2025-05-16",
     [{"type": "CONSULT", "source": "UKR", "target": "RUS", "date": "2025-05-16"}],
     [{"type": "CONSULT", "source": "TUR"}, {"type": "CONSULT", "target": "TUR"}]),
    # An act told in an 'after' clause came before the main clause's day, not on it.
    ("after_clause_act_precedes_the_main_date",
     "HANOI, March 5 (Wire) - Vietnam lodged a protest with China on Wednesday after a Chinese "
     "coast guard ship fired water cannon at a Vietnamese fishing boat near the Paracel "
     "Islands.",
     "2025-03-05",
     [{"type": "ACCUSE", "source": "VNM", "date": "2025-03-05"},
      {"type": "ASSAULT", "source": "CHN", "target": "VNM", "date": "2025"}],
     [{"type": "ASSAULT", "date": "2025-03-05"}]),
    # Welcoming an agreement told before supports its parties.
    ("welcomed_the_deal_supports_its_parties",
     "Armenia, Azerbaijan sign peace accord\n\nWASHINGTON, Aug 8 (Wire) - Armenia and "
     "Azerbaijan signed a peace agreement in Washington on Friday, ending decades of conflict "
     "over Nagorno-Karabakh.\n\nFrance's foreign minister welcomed the deal, saying it opened a "
     "new chapter for the Caucasus.",
     "2025-08-08",
     [{"type": "SUPPORT", "source": "FRA", "target": "ARM"}],
     [{"type": "SUPPORT", "source": "FRA", "target": "USA"}]),
    # 'condemned what it called violence against X' falls on the doer of the violence.
    ("condemned_what_it_called_violence",
     "PORT-AU-PRINCE, Aug 8 (Wire) - Gang members attacked the village of Kenscoff on Thursday, "
     "killing at least nine people.\n\nThe U.N. human rights office condemned what it called "
     "horrific violence against the villagers.",
     "2025-08-08",
     [{"type": "ACCUSE", "source": "IGO", "target": "HTI:CRM"}],
     [{"type": "ACCUSE", "target": "HTI:CVL"}]),
    # A participle of consequence hung on the main verb tells the act between them.
    ("consequence_participle_belongs_to_the_nearer_act",
     "MANILA, Jan 21 (Wire) - The Philippines lodged a diplomatic protest with China on "
     "Wednesday after a Chinese coast guard ship fired water cannon at a Philippine fisheries "
     "vessel near a disputed shoal, injuring three crew members.",
     "2026-01-21",
     [{"type": "ASSAULT", "source": "CHN", "target": "PHL"}],
     [{"type": "ASSAULT", "source": "PHL"}]),
    ("condemnation_with_a_call_is_two_acts",
     "NAIROBI, Jan 21 (Wire) - Kenya's rights commission condemned the killings of protesters "
     "by police on Tuesday, calling for an independent inquiry.",
     "2026-01-21",
     [{"type": "ACCUSE", "source": "KEN"}, {"type": "REQUEST", "source": "KEN"}],
     []),
    # A domestic protest that names no one is against that country's government.
    ("untargeted_protest_is_against_the_government",
     "DHAKA, July 19 (Wire) - Thousands of students marched through Dhaka on Friday for a "
     "fourth day of rallies.",
     "2024-07-19",
     [{"type": "PROTEST", "source": "BGD:CVL", "target": "BGD:GOV"}],
     [{"type": "PROTEST", "target": "BGD:CVL"}]),
    ("protest_against_a_named_body_keeps_it",
     "PARIS, Jan 29 (Wire) - Farmers blocked roads around Paris on Monday to protest against "
     "European Union trade deals.",
     "2024-01-29",
     [{"type": "PROTEST", "source": "FRA", "target": "IGO"}],
     [{"type": "PROTEST", "target": "FRA:GOV"}]),
    # A spokesperson named with no country speaks for the body the sentence before is about.
    ("spokesman_speaks_for_the_body_just_named",
     "MANILA, Jan 21 (Wire) - China's coast guard gave a different account on Tuesday. "
     "Spokesman Liu Dejun accused the Philippine vessel of illegally intruding into Chinese "
     "waters.",
     "2026-01-21",
     [{"type": "ACCUSE", "source": "CHN", "target": "PHL"}],
     [{"type": "ACCUSE", "source": "PHL"}]),
    # A reported illegal intrusion accuses the intruder; 'in a statement posted on Tuesday'
    # dates the saying.
    ("statement_posted_on_a_day_dates_the_accusation",
     "MANILA, Jan 21 (Wire) - In a statement posted on Tuesday, a spokesman for China's coast "
     "guard said the Philippine vessel had illegally intruded into Chinese waters.",
     "2026-01-21",
     [{"type": "ACCUSE", "source": "CHN", "target": "PHL", "date": "2026-01-20"}],
     [{"type": "ACCUSE", "source": "PHL"}]),
    ("narrated_intrusion_is_no_accusation",
     "MANILA, Jan 21 (Wire) - A Philippine vessel intruded into waters claimed by China on "
     "Tuesday, the coast guard's tracking data showed.",
     "2026-01-21",
     [],
     [{"type": "ACCUSE", "target": "PHL"}]),
    ("following_phrase_act_precedes_the_main_date",
     "JERUSALEM, March 5 (Wire) - Israeli jets struck targets in southern Lebanon on Wednesday "
     "following a rocket attack by Hezbollah on the northern town of Metula.",
     "2025-03-05",
     [{"type": "ASSAULT", "source": "ISR", "date": "2025-03-05"},
      {"type": "ASSAULT", "source": "LBN", "date": "2025"}],
     [{"type": "ASSAULT", "source": "LBN", "date": "2025-03-05"}]),
]


@pytest.mark.parametrize(("text", "published", "must", "must_not"),
                         [pytest.param(*case[1:], id=case[0]) for case in CASES])
def test_session5_phenomenon(analyse: Analyse, text: str, published: str,
                             must: list[Spec], must_not: list[Spec]) -> None:
    check_events(analyse, text, published, must, must_not)
