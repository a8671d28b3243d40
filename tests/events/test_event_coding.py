"""Event coding on short wire-style texts: roles, voice, polarity, modality, merging."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.model import Event
from newsevents.stage import Analysis

Analyse = Callable[..., Analysis]


def _events(a: Analysis, event_type: str) -> list[Event]:
    return [e for e in a.events if e.type == event_type]


def _codes(actors: list) -> set[str]:  # type: ignore[type-arg]
    return {x.country for x in actors if x.country}


def test_active_voice_source_and_target(analyse: Analyse) -> None:
    a = analyse("MOSCOW, March 1 (Newswire) - Russian forces shelled Ukrainian positions near "
                "Kharkiv on Thursday, Ukraine's military said.")
    assaults = _events(a, "ASSAULT")
    assert assaults, [e.type for e in a.events]
    assert "RUS" in _codes(assaults[0].source)
    assert "UKR" in _codes(assaults[0].target)


def test_passive_voice_swaps_roles(analyse: Analyse) -> None:
    a = analyse("Two journalists were arrested by Iranian police in Tehran on Monday.")
    coerce = _events(a, "COERCE")
    assert coerce and "IRN" in _codes(coerce[0].source)
    assert coerce[0].mode == "arrest" or coerce[0].cameo == "173"


def test_possessive_offer_and_decline(analyse: Analyse) -> None:
    a = analyse("Mexico has declined President Donald Trump's offer to deploy U.S. troops, "
                "Mexican President Claudia Sheinbaum said on Saturday.", published="2025-05-03")
    reject = _events(a, "REJECT")
    assert reject and _codes(reject[0].source) == {"MEX"} and "USA" in _codes(reject[0].target)
    assert reject[0].modality == "actual"


def test_never_accept_is_an_actual_reject_not_an_agree(analyse: Analyse) -> None:
    a = analyse("\"We will never accept foreign troops on our soil,\" Venezuelan President "
                "Nicolas Maduro said on Monday.", published="2024-03-01")
    assert not [e for e in _events(a, "AGREE") if e.polarity == "positive"]
    reject = _events(a, "REJECT")
    assert reject and reject[0].modality == "actual"
    assert _codes(reject[0].source) == {"VEN"}


def test_coordinated_subjects_are_both_sources(analyse: Analyse) -> None:
    a = analyse("Egypt and Jordan agreed on Tuesday to expand security cooperation.")
    agree = _events(a, "AGREE")
    assert agree and {"EGY", "JOR"} <= _codes(agree[0].source)


def test_in_coordination_with_adds_a_source(analyse: Analyse) -> None:
    a = analyse("Mexican authorities, in coordination with the United States, arrested a "
                "cartel leader in Sinaloa on Friday.")
    coerce = _events(a, "COERCE")
    assert coerce and {"MEX", "USA"} <= _codes(coerce[0].source)


def test_raise_the_possibility_is_no_actual_assault(analyse: Analyse) -> None:
    a = analyse("The terror designations raise the possibility of U.S. military action in "
                "Mexico.", published="2025-05-03")
    assert not [e for e in _events(a, "ASSAULT") if e.modality == "actual"]


def test_left_open_the_possibility_is_a_threat(analyse: Analyse) -> None:
    a = analyse("U.S. Defense Secretary Pete Hegseth left open the possibility of U.S. military "
                "action in Mexico.", published="2025-05-03")
    threats = _events(a, "THREATEN")
    assert threats and "USA" in _codes(threats[0].source) and "MEX" in _codes(threats[0].target)


def test_negated_attack_has_negative_polarity(analyse: Analyse) -> None:
    a = analyse("Israeli troops did not attack the camp on Sunday, the army said.")
    assaults = _events(a, "ASSAULT")
    assert assaults and all(e.polarity == "negative" for e in assaults)


def test_future_visit(analyse: Analyse) -> None:
    a = analyse("German Chancellor Olaf Scholz will visit China next week.",
                published="2024-04-08")
    consult = _events(a, "CONSULT")
    assert consult and consult[0].modality == "future"


def test_event_stated_twice_is_one_event(analyse: Analyse) -> None:
    a = analyse("Pakistan rejected India's proposal on Monday. \"We reject the proposal,\" "
                "Pakistani Foreign Minister Ishaq Dar said.", published="2024-09-10")
    reject = _events(a, "REJECT")
    assert len(reject) == 1
    assert len(reject[0].evidence) == 2


def test_no_event_from_non_response(analyse: Analyse) -> None:
    a = analyse("The White House did not respond to a request for comment.")
    assert a.events == []


def test_magnitudes(analyse: Analyse) -> None:
    a = analyse("Gunmen killed 12 civilians in northern Nigeria on Friday, police said.")
    assaults = _events(a, "ASSAULT")
    assert assaults
    dead = assaults[0].magnitudes.get("dead")
    assert dead is not None and dead.value == 12


def test_every_event_has_evidence_and_rule(analyse: Analyse) -> None:
    a = analyse("Iran condemned the Israeli strike on Damascus on Monday.")
    assert a.events
    for event in a.events:
        trigger = event.evidence[0].trigger
        assert a.article.text[trigger.start:trigger.end] == trigger.text
        assert ":" in event.rule
        assert event.date.value is not None


def test_mutual_agreement_pairs_each_side_with_the_other(analyse: Analyse) -> None:
    from newsevents.export import actor_pairs

    a = analyse("Brazilian President Luiz Inacio Lula da Silva and Kenyan President William Ruto "
                "agreed on Tuesday to double trade between their countries.",
                published="2024-06-12")
    agree = _events(a, "AGREE")
    assert agree and {"BRA", "KEN"} <= _codes(agree[0].target)
    pairs = {(s.country, t.country) for s, t in actor_pairs(agree[0]) if s and t}
    assert pairs == {("BRA", "KEN"), ("KEN", "BRA")}


def test_reported_act_in_present_perfect_takes_the_report_date(analyse: Analyse) -> None:
    a = analyse("Brazil has rejected a Chinese proposal to build a port in the north, "
                "Brazilian President Luiz Inacio Lula da Silva announced on March 12.",
                published="2025-03-14")
    reject = _events(a, "REJECT")
    assert reject and reject[0].date.value == "2025-03-12"
    assert reject[0].date.precision == "day" and reject[0].date.basis == "explicit"


def test_reported_act_in_past_perfect_is_on_or_before_the_report(analyse: Analyse) -> None:
    a = analyse("The Financial Times reported on March 12 that Brazil had rejected a Chinese "
                "proposal to build a port.", published="2025-03-14")
    reject = _events(a, "REJECT")
    assert reject and reject[0].date.latest == "2025-03-12"
    assert reject[0].date.earliest is not None and reject[0].date.earliest < "2025-03-12"
    assert reject[0].date.value != "2025-03-12"


def test_a_place_describing_an_actor_is_not_the_event_location(analyse: Analyse) -> None:
    a = analyse("The State Department on Friday designated two Mexican cartels as terrorist "
                "organizations, along with the Venezuela-based Tren de Aragua.",
                published="2025-02-21")
    coded = [e for e in a.events if e.type in ("COERCE", "SANCTION", "ACCUSE")]
    assert coded, [e.type for e in a.events]
    assert coded[0].location is None or coded[0].location.country != "VEN"


def test_along_with_after_the_object_adds_targets(analyse: Analyse) -> None:
    a = analyse("The State Department on Friday designated two Mexican cartels as terrorist "
                "organizations, along with the Venezuela-based Tren de Aragua.",
                published="2025-02-21")
    coded = [e for e in a.events if e.type in ("COERCE", "SANCTION", "ACCUSE")]
    assert coded and {"MEX", "VEN"} <= _codes(coded[0].target)
    assert _codes(coded[0].source) == {"USA"}


def test_along_with_beside_the_subject_adds_sources(analyse: Analyse) -> None:
    a = analyse("Egypt, along with Jordan and Qatar, condemned the Israeli strike on Gaza on "
                "Monday.", published="2025-02-21")
    accuse = _events(a, "ACCUSE")
    assert accuse and {"EGY", "JOR", "QAT"} <= _codes(accuse[0].source)
    assert _codes(accuse[0].target) == {"ISR"}


@pytest.mark.parametrize("place", ["in Nairobi", "at a Nairobi rally"])
def test_a_locative_place_is_the_event_location(analyse: Analyse, place: str) -> None:
    """'in Nairobi', and a place modifying a noun ('a Nairobi rally'), locate the event."""
    a = analyse(f"Police arrested twelve protesters {place} on Tuesday, Kenya's interior "
                "ministry said.", published="2025-02-05")
    coerce = _events(a, "COERCE")
    assert coerce and coerce[0].location is not None
    assert coerce[0].location.country == "KEN"


def test_failed_to_agree_is_an_actual_negative_agreement(analyse: Analyse) -> None:
    a = analyse("Serbia and Kosovo failed to reach agreement on Sunday on the status of the "
                "northern municipalities, EU mediators said.", published="2025-03-03")
    agree = _events(a, "AGREE")
    assert agree, [e.type for e in a.events]
    assert all(e.polarity == "negative" and e.modality == "actual" for e in agree)


def test_a_time_of_day_dates_the_event_to_its_day(analyse: Analyse) -> None:
    a = analyse("British warplanes struck Houthi targets in Yemen on Thursday night, the "
                "defence ministry said.", published="2024-01-12")
    assault = _events(a, "ASSAULT")
    assert assault and assault[0].date.value == "2024-01-11"
    assert assault[0].date.precision == "day"
    assert any(t.value == "2024-01-11TNI" for t in a.timexes)


def test_along_with_after_a_non_actor_object_adds_sources(analyse: Analyse) -> None:
    a = analyse("The United States imposed sanctions on Russia on Friday, along with Britain "
                "and Canada.", published="2025-02-21")
    sanction = _events(a, "SANCTION")
    assert sanction and _codes(sanction[0].target) == {"RUS"}
    assert {"USA", "GBR", "CAN"} <= _codes(sanction[0].source)


def test_partners_of_the_subject_are_not_each_others_targets(analyse: Analyse) -> None:
    a = analyse("Turkish troops, along with Syrian rebels, attacked Kurdish positions on "
                "Sunday.", published="2025-02-21")
    assault = _events(a, "ASSAULT")
    assert assault and {"TUR", "SYR"} <= _codes(assault[0].source)
    assert not _codes(assault[0].target) & {"TUR", "SYR"}


def test_a_material_act_in_the_present_perfect_keeps_the_report_window(analyse: Analyse
                                                                        ) -> None:
    a = analyse("Kenyan police have arrested twelve protesters, the interior ministry said on "
                "Tuesday.", published="2025-02-05")
    coerce = _events(a, "COERCE")
    assert coerce and coerce[0].date.latest == "2025-02-04"
    assert coerce[0].date.precision != "day"


def test_a_concession_is_not_the_target(analyse: Analyse) -> None:
    a = analyse("The Security Council agreed on Friday to extend the mandate of the "
                "peacekeeping mission in South Sudan despite Russia's objections.",
                published="2025-03-01")
    agree = _events(a, "AGREE")
    assert agree and "RUS" not in _codes(agree[0].target)


def test_the_one_passively_indicted_is_the_one_who_resigns(analyse: Analyse) -> None:
    a = analyse("Montenegro's prime minister has been indicted by the U.N. war crimes court "
                "and will resign, officials said.", published="2025-03-01")
    resign = [e for e in a.events if e.evidence[0].trigger.text == "resign"]
    assert resign, [(e.type, e.evidence[0].trigger.text) for e in a.events]
    assert "IGO" not in _codes(resign[0].source)
    assert "MNE" in _codes(resign[0].source)


def test_an_activist_protests_against_the_state_forces(analyse: Analyse) -> None:
    a = analyse("Salim Haddad, Algeria's leading human rights activist, staged a hunger strike "
                "on Sunday in protest against abuses by Algerian security forces.",
                published="2025-03-01")
    protest = _events(a, "PROTEST")
    assert protest and "DZA" in _codes(protest[0].target)


def test_a_state_mobilising_its_own_forces_does_not_target_them(analyse: Analyse) -> None:
    a = analyse("Britain mobilized army reservists on Monday, the defence ministry said.",
                published="2025-03-01")
    mobilize = _events(a, "MOBILIZE")
    assert mobilize and not mobilize[0].target


def test_a_coordinated_clause_of_its_own_gives_no_target(analyse: Analyse) -> None:
    a = analyse("\"We can share information but we will never accept foreign troops on our "
                "soil,\" Mexican President Claudia Sheinbaum said.", published="2025-05-03")
    share = [e for e in a.events if e.evidence[0].trigger.text == "share"]
    assert share and not any(t.sector == "MIL" for t in share[0].target)
    assert _events(a, "REJECT")


def test_a_shared_passive_keeps_its_agent(analyse: Analyse) -> None:
    a = analyse("Kenyan protesters were attacked by police and arrested on Tuesday in "
                "Nairobi.", published="2025-02-05")
    coerce = _events(a, "COERCE")
    assert coerce and not any(x.sector == "CVL" for x in coerce[0].source)
