"""Wire-style cases for phenomena fixed on 2026-12-03, fourth session (issue 9), found by
coding short wire stories written for the purpose: alleged content, labelling verbs, containers
and cargo, named provinces, leaders' administrations, misparsed object nouns, documents that
are vetoed, circumstances that are no participants, reported wrongdoing, passive threats.
Every text was written for this file; none comes from a corpus. Spec keys as in
test_real_news_phenomena.py."""

from __future__ import annotations

import pytest
from event_specs import Analyse, Spec, check_events

CASES: list[tuple[str, str, str, list[Spec], list[Spec]]] = [
    # The act inside an accusation's 'that' clause is alleged, not told as an event.
    ("act_in_an_alleged_clause_is_no_event",
     "HANOI, June 2 (Wire) - Vietnam on Monday dismissed Chinese allegations that it had armed "
     "separatist fighters in the border hills.",
     "2025-06-02",
     [{"type": "REJECT", "source": "VNM", "target": "CHN"}],
     [{"type": "AID", "source": "VNM"}]),
    # 'calling them X' labels its object: no phone call with it.
    ("labelling_call_is_no_contact",
     "MANILA, June 2 (Wire) - The Philippines rejected Beijing's statements about the shoal on "
     "Monday, calling them baseless.",
     "2025-06-02",
     [{"type": "REJECT", "source": "PHL", "target": "CHN"}],
     [{"type": "CONSULT"}]),
    ("a_call_to_a_minister_is_still_contact",
     "BERLIN, June 2 (Wire) - Germany's chancellor called the French president on Monday to "
     "discuss the budget dispute.",
     "2025-06-02",
     [{"type": "CONSULT", "source": "DEU", "target": "FRA"}],
     []),
    # A package of sanctions is sanctions; planes carrying tents are aid.
    ("package_of_sanctions_is_a_sanction",
     "OTTAWA, June 2 (Wire) - Canada approved a new package of sanctions against Belarus on "
     "Monday.",
     "2025-06-02",
     [{"type": "SANCTION", "source": "CAN", "target": "BLR"}],
     [{"type": "AID"}]),
    ("aid_package_is_still_aid",
     "TOKYO, June 2 (Wire) - Japan approved an aid package for Sri Lanka on Monday.",
     "2025-06-02",
     [{"type": "AID", "source": "JPN", "target": "LKA"}],
     [{"type": "SANCTION"}]),
    ("planes_carrying_relief_are_aid",
     "RIYADH, June 2 (Wire) - Saudi Arabia sent three planes carrying food and blankets to "
     "flood-hit Pakistan on Monday.",
     "2025-06-02",
     [{"type": "AID", "source": "SAU", "target": "PAK"}],
     [{"type": "MOBILIZE"}]),
    # Troops leaving a country withdraw from it.
    ("troops_leaving_a_country_withdraw",
     "NIAMEY, June 2 (Wire) - The last German soldiers left Niger on Monday.",
     "2025-06-02",
     [{"type": "RETREAT", "source": "DEU", "target": "NER"}],
     []),
    # A leader's administration is that leader's state, whatever country is named beside it.
    ("leaders_administration_takes_the_leaders_country",
     "WASHINGTON, June 2 (Wire) - The Biden administration froze aid to Guatemala on Monday.",
     "2023-06-02",
     [{"side": "USA"}],
     [{"source": "GTM"}]),
    # A province named '<name> state' is a place, never a government acted on.
    ("named_state_is_a_province",
     "ABUJA, June 2 (Wire) - Bandits attacked a village in Nigeria's Katsina state on Sunday, "
     "killing nine farmers, police said.",
     "2025-06-02",
     [{"type": "ASSAULT", "target": "NGA"}],
     [{"target": "NGA:GOV"}]),
    # 'signed a X deal' parsed as a clause: the deal is still signed.
    ("misparsed_deal_is_still_signed",
     "NAIROBI, June 2 (Wire) - Kenya and Uganda signed a pipeline deal on Monday.",
     "2025-06-02",
     [{"type": "SUPPORT", "parties": ["KEN", "UGA"]}],
     []),
    # A vetoed resolution's demand is not the vetoing state's.
    ("vetoed_resolution_demands_nothing_of_the_vetoer",
     "UNITED NATIONS, June 2 (Wire) - Russia vetoed a draft resolution demanding the "
     "withdrawal of foreign forces from Mali on Monday.",
     "2025-06-02",
     [{"type": "REJECT", "source": "RUS"}],
     [{"type": "REQUEST", "source": "RUS"}]),
    ("issued_statement_still_speaks_for_its_issuer",
     "CAIRO, June 2 (Wire) - Egypt issued a statement demanding an end to the fighting in "
     "Sudan on Monday.",
     "2025-06-02",
     [{"type": "REQUEST", "source": "EGY"}],
     []),
    # 'amid clashes between X and Y': the circumstance names no participant; an internet
    # shutdown falls on the population.
    ("circumstance_is_no_participant",
     "DHAKA, June 2 (Wire) - Bangladeshi authorities cut mobile internet in the hill districts "
     "on Monday amid clashes between soldiers and an armed group.",
     "2025-06-02",
     [{"type": "COERCE", "source": "BGD:GOV"}],
     [{"type": "COERCE", "target": "@armed group"}]),
    # Reported wrongdoing is an accusation by the one who says it.
    ("reported_rigging_is_an_accusation",
     "LUSAKA, June 2 (Wire) - Zambia's main opposition party said on Monday that the ruling "
     "party had rigged the local elections.",
     "2025-06-02",
     [{"type": "ACCUSE", "source": "ZMB"}],
     []),
    ("stated_rigging_is_no_accusation",
     "LUSAKA, June 2 (Wire) - The ruling party rigged the local elections in 2016.",
     "2025-06-02",
     [],
     [{"type": "ACCUSE"}]),
    # 'will be met with a response', said by X: X threatens.
    ("passive_promised_response_is_a_threat",
     "PYONGYANG, June 2 (Wire) - \"Any provocation will be met with an overwhelming response,\" "
     "North Korea's defence minister said on Monday.",
     "2025-06-02",
     [{"type": "THREATEN", "source": "PRK"}],
     [{"type": "THREATEN", "target": "PRK"}]),
    # '…, a charge Y denies' parsed with the noun a compound of Y: the accusation stays.
    ("accusation_before_a_present_denial",
     "BAKU, June 2 (Wire) - Azerbaijan's government on Monday accused Armenia of shelling its "
     "border villages, a charge Yerevan denies.",
     "2025-06-02",
     [{"type": "ACCUSE", "source": "AZE", "target": "ARM"},
      {"type": "REJECT", "source": "ARM"}],
     [{"type": "ACCUSE", "source": "ARM"}]),
    # An attack named as the subject with its 'by' phrase: the phrase names the doer.
    ("attack_subject_by_phrase_names_the_doer",
     "GOMA, June 2 (Wire) - Airstrikes by the Congolese army hit a rebel base near Goma on "
     "Sunday.",
     "2025-06-02",
     [{"type": "ASSAULT", "source": "COD:MIL"}],
     []),
    # An act only a state does, told in the passive with no one named: the authorities of the
    # country it is placed in, else of the story's setting, never the one it is done to.
    ("agentless_arrest_is_by_the_setting_authorities",
     "NAIROBI, June 2 (Wire) - A Kenyan blogger was arrested on Sunday over posts criticising "
     "the president, his lawyer said.",
     "2025-06-02",
     [{"type": "COERCE", "source": "KEN:COP", "target": "KEN"}],
     [{"type": "COERCE", "source": "@blogger"}]),
    ("agentless_detention_abroad_is_by_that_state",
     "WASHINGTON, June 2 (Wire) - Two American tourists were detained in Iran on Sunday, the "
     "State Department said.",
     "2025-06-02",
     [{"type": "COERCE", "source": "IRN:COP", "target": "USA"}],
     [{"type": "COERCE", "source": "USA"}]),
    ("agentless_killing_keeps_an_unknown_source",
     "LAGOS, June 2 (Wire) - Three farmers were killed in Benue state on Sunday, police said.",
     "2025-06-02",
     [],
     [{"type": "ASSAULT", "source": "NGA:COP"}]),
    # An act named as the subject of a verb of harm falls on that verb's object.
    ("act_subject_of_harm_falls_on_the_object",
     "KHARTOUM, June 2 (Wire) - Paramilitary drone strikes killed 14 Sudanese soldiers near "
     "El Obeid on Sunday, the army said.",
     "2025-06-02",
     [{"type": "ASSAULT", "target": "SDN"}],
     []),
    # Whatever sparks an act named as its object does not do it.
    ("what_sparks_protests_does_not_protest",
     "LIMA, June 2 (Wire) - A student died in police custody in Lima on Sunday, sparking "
     "protests, rights groups said.",
     "2025-06-02",
     [],
     [{"type": "PROTEST", "source": "@student"}]),
    # A speaker's own state acting in the warned clause is not the one warned; the condition's
    # subject is.
    ("threat_falls_on_the_condition_not_the_own_state",
     "TAIPEI, June 2 (Wire) - Taiwan's president warned on Monday that Taipei would shoot down "
     "any aircraft if Beijing sent drones into its airspace.",
     "2025-06-02",
     [{"type": "THREATEN", "source": "TWN", "target": "CHN"}],
     [{"type": "THREATEN", "target": "TWN"}]),
    ("suspending_parties_is_repression",
     "BAMAKO, June 2 (Wire) - Mali's junta suspended the activities of political parties on "
     "Monday.",
     "2025-06-02",
     [{"type": "COERCE", "source": "MLI"}],
     []),
    # 'X killed Y …, residents said' parsed with 'killed' a participle on X: X's verb.
    ("past_form_with_an_object_is_its_nouns_verb",
     "OUAGADOUGOU, Burkina Faso (Wire) — Suspected jihadist fighters killed at least 30 "
     "civilians in an attack on a village in northern Burkina Faso on Sunday, residents and a "
     "local official said on Monday.",
     "2025-06-04",
     [{"type": "ASSAULT", "source": "BFA", "target": "BFA:CVL"}],
     []),
    # A participle after 'ordered X to leave,' belongs to the one who orders.
    ("participle_after_an_order_belongs_to_the_one_who_orders",
     "N'DJAMENA, Chad (Wire) — Chad's military government ordered the French ambassador to "
     "leave the country within 48 hours on Tuesday, accusing Paris of interfering in its "
     "internal affairs.",
     "2025-06-04",
     [{"type": "ACCUSE", "source": "TCD", "target": "FRA"}],
     [{"type": "ACCUSE", "source": "FRA"}]),
    # 'called it "…"' with the label cut off by the quotation: no phone call.
    ("calling_it_a_quoted_label_is_no_call",
     "JAKARTA (Wire) — The pact was signed in Jakarta by Indonesian Defence Minister Sjafrie "
     "Sjamsoeddin and his Australian counterpart Richard Marles, who called it \"the most "
     "significant agreement between our two countries in decades\".",
     "2025-06-04",
     [{"type": "SUPPORT"}],
     [{"type": "CONSULT"}, {"type": "REQUEST"}]),
    # Promised punishment, said by someone, is a threat.
    ("not_go_unpunished_is_a_threat",
     "MOGADISHU, June 2 (Wire) - \"This cowardly attack will not go unpunished,\" Somalia's "
     "defence minister said on Monday.",
     "2025-06-02",
     [{"type": "THREATEN", "source": "SOM"}],
     []),
    ("went_unpunished_is_no_threat",
     "MOGADISHU, June 2 (Wire) - Most attacks on journalists in Somalia went unpunished last "
     "year, a press freedom group said.",
     "2025-06-02",
     [],
     [{"type": "THREATEN"}]),
    ("held_accountable_is_a_threat",
     "ABUJA, June 2 (Wire) - Nigeria's president said on Monday that the gunmen would be held "
     "accountable.",
     "2025-06-02",
     [{"type": "THREATEN", "source": "NGA"}],
     []),
    # A telegraphic headline naming fewer parties restates the lead.
    ("headline_with_fewer_parties_restates_the_lead",
     "Vietnam, Philippines sign coast guard pact\n\n"
     "HANOI, June 2 (Wire) - Vietnam and the Philippines signed a coast guard cooperation "
     "agreement in Hanoi on Friday, officials said.",
     "2025-06-02",
     [{"type": "SUPPORT", "parties": ["VNM", "PHL"], "max": 1}],
     []),
    # A name's past form before the name's own verb, hung on the name by the parser.
    ("name_with_relative_clause_keeps_its_verb",
     "BANGKOK, July 24 (Wire) - Thai and Cambodian troops exchanged fire along their disputed "
     "border on Thursday.\n\nMalaysian Prime Minister Anwar Ibrahim, who chairs the ASEAN "
     "regional bloc, called on both sides to cease hostilities and said he had spoken to the "
     "leaders of both countries.",
     "2025-07-25",
     [{"type": "REQUEST", "source": "MYS"}],
     []),
    # A reaction noun drawn 'from X' is X's.
    ("condemnation_drawn_from_x_is_xs",
     "ABUJA, June 2 (Wire) - Nigerian police arrested a prominent union leader on Sunday. The "
     "arrest drew sharp criticism from Amnesty International on Monday.",
     "2025-06-02",
     [{"type": "ACCUSE", "source": "NGO"}],
     []),
    # A threatened arrest has no implicit doer: the warning stays the speaker's.
    ("threatened_arrest_has_no_implicit_doer",
     "NAIROBI, June 2 (Wire) - Kenya's interior minister warned on Monday that anyone who "
     "joined the unauthorised march would be arrested.",
     "2025-06-02",
     [{"type": "THREATEN", "source": "KEN:GOV"}],
     [{"source": "@authorities"}]),
    # Ordering someone's arrest is the orderer's coercion of that person.
    ("ordering_his_arrest_coerces_him",
     "CARACAS, June 2 (Wire) - Venezuelan opposition leader Edmundo Gonzalez fled to Spain last year. A "
     "Venezuelan court ordered his arrest on Monday.",
     "2025-06-02",
     [{"type": "COERCE", "source": "VEN:JUD", "target": "VEN"}],
     []),
    # A generic institution name takes the country of the story, not the knowledge base's.
    ("house_of_representatives_in_another_country",
     "MANILA, June 2 (Wire) - The vice president was impeached by the House of "
     "Representatives on Monday.",
     "2025-06-02",
     [{"type": "ACCUSE", "source": "PHL", "target": "PHL"}],
     [{"source": "USA"}]),
    # A time expression set off by commas inside the subject tells about the subject.
    ("parenthetical_date_of_the_subject_dates_nothing_else",
     "LUANDA, June 2 (Wire) - The ruling MPLA party of Angola, in power since independence in "
     "1975, has rejected the opposition's accusations of fraud.",
     "2025-06-02",
     [{"type": "REJECT", "source": "AGO", "date_after": "2025-01-01"}],
     [{"date": "1975"}]),
    # 'said X was "…" and accused Y': the speaker accuses, not the one judged.
    ("accusation_joined_to_a_reported_judgement_is_the_speakers",
     "ZAGREB, June 2 (Wire) - Croatia's defence minister said on Saturday that the Serbian "
     "president was \"a destabilising factor\" and accused Belgrade of arming militias.",
     "2025-06-02",
     [{"type": "ACCUSE", "source": "HRV", "target": "SRB"}],
     [{"type": "ACCUSE", "source": "SRB"}]),
    # A reaction to 'the sanctions' falls on whoever imposed them.
    ("condemning_the_sanctions_falls_on_their_imposer",
     "WASHINGTON, Feb 24 (Wire) - The United States on Monday imposed sanctions on more than "
     "30 people and vessels accused of helping Iran ship oil to China. Iran's foreign ministry "
     "condemned the sanctions as \"illegal and illegitimate\".",
     "2025-02-24",
     [{"type": "ACCUSE", "source": "IRN", "target": "USA"}],
     []),
    # Blame said by someone is an accusation: failing a duty, spreading lies.
    ("reported_failure_of_duty_is_an_accusation",
     "KATHMANDU, June 2 (Wire) - \"The government has failed to protect the victims of the "
     "floods,\" Nepal's main opposition leader said on Monday.",
     "2025-06-02",
     [{"type": "ACCUSE", "source": "NPL", "target": "NPL:GOV"}],
     []),
    ("told_failure_is_no_accusation",
     "KATHMANDU, June 2 (Wire) - Nepal's government failed to pass the budget on Monday.",
     "2025-06-02",
     [],
     [{"type": "ACCUSE"}]),
    ("reported_propaganda_is_an_accusation",
     "BAKU, June 2 (Wire) - Azerbaijan's foreign ministry said on Monday that Armenia was "
     "spreading disinformation about the border.",
     "2025-06-02",
     [{"type": "ACCUSE", "source": "AZE", "target": "ARM"}],
     []),
    # 'The arrest drew condemnation from the Law Society of Kenya': a named body after its
    # article is an actor of that country (not its government), and its reaction falls on
    # whoever made the arrest, even of its own country.
    ("civil_body_reaction_falls_on_its_own_states_act",
     "NAIROBI, Kenya (Wire) — Kenyan police on Sunday arrested opposition politician Jane "
     "Wanjiru hours before she was due to lead a march. The arrest drew condemnation from the "
     "Law Society of Kenya, which called it an attempt to silence dissent.",
     "2025-07-25",
     [{"type": "ACCUSE", "source": "@Law Society", "target": "KEN:COP"}],
     [{"source": "KEN:GOV"}]),
    # A noun cited as a reason is no act of the one citing it.
    ("cited_threats_are_no_threat",
     "ABUJA, June 2 (Wire) - Niger closed its border with Benin on Monday, citing security "
     "threats.",
     "2025-06-02",
     [{"type": "COERCE", "source": "NER", "target": "BEN"}],
     [{"type": "THREATEN"}]),
    # An act named as what a protest is against, with its doer, is coded as well.
    ("protest_against_a_named_strike_codes_the_strike",
     "BAGHDAD, Aug 12 (Wire) - Iraq's foreign ministry summoned Turkey's charge d'affaires on "
     "Monday to protest against a Turkish drone strike that killed two people in the northern "
     "Kurdistan region, the ministry said.",
     "2025-08-13",
     [{"type": "ASSAULT", "source": "TUR", "target": "IRQ"},
      {"type": "ACCUSE", "source": "IRQ", "target": "TUR"}],
     []),
    # Rejecting a domestic accusation falls on its maker.
    ("rejecting_a_domestic_accusation_targets_the_accuser",
     "LA PAZ, June 2 (Wire) - Bolivia's former president Evo Morales accused President Luis "
     "Arce on Sunday of using the courts against him. Arce's government rejected the "
     "accusations on Monday.",
     "2025-06-02",
     [{"type": "REJECT", "source": "BOL:GOV", "target": "BOL"}],
     []),
    # 'X were injured and Y detained': the gapped participle is passive; Y is detained.
    ("gapped_passive_keeps_its_patient",
     "LA PAZ, Bolivia (Wire) — At least 30 police officers were injured and 50 protesters "
     "detained in the operation near the city of Parotani, Bolivia's interior minister said on "
     "Friday.",
     "2025-08-13",
     [{"type": "COERCE", "target": "BOL:CVL"}],
     [{"type": "COERCE", "source": "BOL:CVL"}]),
    # A verb with its own object does not reach into the act joined to it; people defying a
    # measure defy their state.
    ("defying_a_curfew_defies_the_state_not_the_next_acts_target",
     "KATHMANDU, June 2 (Wire) - Protesters defied a curfew on Tuesday and set fire to the "
     "homes of several politicians, Nepali media reported.",
     "2025-06-04",
     [{"type": "REJECT", "source": "NPL:CVL", "target": "NPL:GOV"}],
     [{"type": "REJECT", "target": "NPL:PTY"}]),
    ("material_act_reaches_into_the_joined_act",
     "NAIROBI, June 2 (Wire) - Kenyan police fired tear gas and arrested dozens of protesters "
     "in Nairobi on Monday.",
     "2025-06-02",
     [{"type": "ASSAULT", "source": "KEN:COP", "target": "KEN:CVL"},
      {"type": "COERCE", "source": "KEN:COP", "target": "KEN:CVL"}],
     []),
    ("reaction_stays_out_of_the_joined_act",
     "KHARTOUM, June 2 (Wire) - The UN humanitarian coordinator for Sudan condemned the "
     "shelling of a camp by the Rapid Support Forces on Sunday and called on the army to "
     "allow aid into the city.",
     "2025-06-02",
     [{"type": "ACCUSE", "source": "IGO", "target": "SDN:REB"}],
     [{"type": "ACCUSE", "target": "SDN:MIL"}]),
    # A proposal taken up again falls on whoever made it.
    ("rejecting_the_proposal_targets_its_maker",
     "GAZA, June 2 (Wire) - Israel offered a new truce proposal on Sunday. Hamas rejected the "
     "proposal on Monday.",
     "2025-06-02",
     [{"type": "REJECT", "source": "PSE", "target": "ISR"}],
     []),
    # A clause describing the object names no target ('a man convicted of spying for X').
    ("describing_clause_of_the_object_is_no_target",
     "MINSK, June 2 (Wire) - Belarus executed a man convicted of spying for Poland on Monday, "
     "rights groups said.",
     "2025-06-02",
     [],
     [{"target": "POL"}]),
    ("house_arrest_with_no_agent_is_by_the_setting_police",
     "JUBA, June 2 (Wire) - South Sudan's first vice president was placed under house arrest "
     "on Monday, his party said.",
     "2025-06-02",
     [{"type": "COERCE", "source": "SSD:COP", "target": "SSD"}],
     []),
    ("initialling_an_agreement_signs_it",
     "BAKU, June 2 (Wire) - Azerbaijan and Armenia initialled a peace agreement in Washington "
     "on Monday.",
     "2025-06-02",
     [{"type": "SUPPORT", "parties": ["AZE", "ARM"]}],
     [{"target": "USA"}]),
]


@pytest.mark.parametrize(("text", "published", "must", "must_not"),
                         [pytest.param(*case[1:], id=case[0]) for case in CASES])
def test_session6_phenomenon(analyse: Analyse, text: str, published: str,
                             must: list[Spec], must_not: list[Spec]) -> None:
    check_events(analyse, text, published, must, must_not)
