"""The places stage on short wire-style sentences: must-have and must-not-have places."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.model import Event, Place
from newsevents.places import dateline_span
from newsevents.places.index import fold, gazetteer
from newsevents.places.resolve import Mention, resolve, seed_context
from newsevents.stage import Analysis


def _place(analysis: Analysis, text: str) -> Place:
    found = [p for p in analysis.places if p.text == text]
    assert found, f"no place {text!r} in {[p.text for p in analysis.places]}"
    return found[0]


def _event(analysis: Analysis, trigger: str) -> Event:
    found = [e for e in analysis.events if e.evidence[0].trigger.text == trigger]
    assert found, f"no event {trigger!r} in {[e.evidence[0].trigger.text for e in analysis.events]}"
    return found[0]


def test_fold_makes_one_key_of_spellings() -> None:
    assert fold("the U.S.") == fold("US") == "us"
    assert fold("Port-au-Prince") == "port au prince"
    assert fold("Pétionville") == "petionville"


def test_gazetteer_has_countries_divisions_towns_and_regions() -> None:
    index = gazetteer()
    kinds = {c.kind for name in ("Georgia", "Ohio", "Dublin", "Sahel")
             for c in index.lookup(name)}
    assert {"country", "admin1", "city", "region"} <= kinds
    assert {c.country for c in index.lookup("Dublin")} >= {"IRL", "USA"}
    assert index.size()["city"] > 100_000


def test_dateline_after_a_headline() -> None:
    text = "Curfew imposed\n\nDHAKA: Police banned rallies on Friday."
    span = dateline_span(text)
    assert span is not None and text[span[0]: span[1]] == "DHAKA"
    assert dateline_span("Speaking on Monday: the minister said no.") is None


def test_dateline_city_is_resolved_with_coordinates(analyse: Callable[..., Analysis]) -> None:
    analysis = analyse("KYIV, Ukraine (AP) — Russian forces shelled a power plant on Monday, "
                       "Ukrainian officials said.")
    kyiv = _place(analysis, "KYIV")
    assert (kyiv.country, kyiv.precision) == ("UKR", "city")
    assert kyiv.lat is not None and kyiv.geonameid and kyiv.rule
    assert all(p.text != "Ukrainian" for p in analysis.places), "a demonym is not a place"


def test_comma_pattern_picks_the_town_in_that_state(analyse: Callable[..., Analysis]) -> None:
    analysis = analyse("U.S. police arrested two Mexican men in Springfield, Illinois, on Monday.")
    springfield = _place(analysis, "Springfield")
    assert (springfield.country, springfield.admin1) == ("USA", "Illinois")
    assert springfield.rule and springfield.rule.startswith("in-parent")
    event = _event(analysis, "arrested")
    assert event.location is not None and event.location.text == "Springfield"


def test_state_not_country_in_a_us_context(analyse: Callable[..., Analysis]) -> None:
    analysis = analyse("Protesters marched in Atlanta, Georgia, on Saturday.")
    georgia = _place(analysis, "Georgia")
    assert (georgia.country, georgia.precision) == ("USA", "admin1")


def test_talks_in_doha_are_placed_in_doha_and_qatar_is_no_counterpart(
        analyse: Callable[..., Analysis]) -> None:
    analysis = analyse("U.S. and Taliban officials held talks in Doha on Sunday.")
    doha = _place(analysis, "Doha")
    assert doha.country == "QAT" and doha.lat is not None
    for event in analysis.events:
        assert all(a.country != "QAT" for a in event.target)
        if event.location is not None:
            assert event.location.text == "Doha"


def test_region_from_the_lexicon(analyse: Callable[..., Analysis]) -> None:
    analysis = analyse("Militants attacked an army base in the Sahel on Friday.")
    sahel = _place(analysis, "Sahel")
    assert sahel.precision == "region" and sahel.country is None and sahel.lat is not None
    assert sahel.rule and "places/regions.yml:sahel" in sahel.rule


def test_origin_is_not_the_location(analyse: Callable[..., Analysis]) -> None:
    analysis = analyse("Police arrested the former president at the Manila airport on Tuesday "
                       "after he arrived from Hong Kong.")
    event = _event(analysis, "arrested")
    assert event.location is not None and event.location.country == "PHL"


def test_an_actor_is_never_the_location(analyse: Callable[..., Analysis]) -> None:
    analysis = analyse("Mexico rejected the offer of U.S. troops on Saturday.")
    for event in analysis.events:
        if event.location is None:
            continue
        for actor in [*event.source, *event.target]:
            assert not (actor.start < event.location.end and event.location.start < actor.end)


def test_unresolved_place_says_why(analyse: Callable[..., Analysis]) -> None:
    analysis = analyse("Rebels attacked Zorblaxton Qwelmfield Valley on Monday.")
    unresolved = [p for p in analysis.places if p.lat is None]
    for place in unresolved:
        assert place.reason and place.rule == "unresolved"


@pytest.mark.parametrize("text", ["Syrian forces shelled the town.", "Russian troops withdrew."])
def test_demonyms_are_not_places(analyse: Callable[..., Analysis], text: str) -> None:
    analysis = analyse(text)
    assert not [p for p in analysis.places if p.text in ("Syrian", "Russian")]


def test_site_owned_by_an_actor_place_is_the_location(analyse: Callable[..., Analysis]) -> None:
    analysis = analyse("Rebels shelled Kenya's second airport on Monday, the army said.")
    event = _event(analysis, "shelled")
    assert event.location is not None and event.location.country == "KEN"
    assert event.location.text == "Kenya's second airport"
    assert event.location.rule and event.location.rule.endswith("#site")
    for actor in [*event.source, *event.target]:
        assert (actor.start, actor.end) != (event.location.start, event.location.end)


def test_named_settlement_takes_the_demonym_country(analyse: Callable[..., Analysis]) -> None:
    analysis = analyse("Gunmen raided a market in the northern Nigerian town of Qwertabad "
                       "on Sunday.")
    town = _place(analysis, "Qwertabad")
    assert town.country == "NGA" and town.rule == "unresolved"


def test_street_is_no_town_of_its_first_word(analyse: Callable[..., Analysis]) -> None:
    analysis = analyse("Firefighters were called to Dover Parade in Perth on Friday night.")
    street = _place(analysis, "Dover Parade")
    assert street.country == "AUS" and street.precision == "site"
    assert street.rule and street.rule.startswith("site-in-parent")



def test_division_named_like_a_country_that_holds_the_article_places() -> None:
    mentions = [Mention("Georgia", 0, 7, "Georgia", "KB", kb_country="GEO", kb_kind="country"),
                Mention("Valdosta", 20, 28, "Valdosta", "GPE"),
                Mention("Macon", 40, 45, "Macon", "GPE")]
    georgia = resolve(mentions, gazetteer(), seed_context([]))[0]
    assert (georgia.country, georgia.precision) == ("USA", "admin1")


def test_a_persons_surname_is_no_place() -> None:
    mentions = [Mention("Petrova", 30, 37, "Petrova", "GPE", person_name=True),
                Mention("Petrova", 50, 57, "Petrova", "GPE", person_name=True, locative=True)]
    places = resolve(mentions, gazetteer(), seed_context([]))
    assert [p.start for p in places] == [50], "'in Petrova' stays a place"


def test_a_name_governed_by_a_preposition_of_place(analyse: Callable[..., Analysis]) -> None:
    analysis = analyse("Two escaped inmates were captured in Chattanooga on Monday. The line "
                       "has stops in Hilversum and Almelo.")
    assert _place(analysis, "Chattanooga").country == "USA"
    assert _place(analysis, "Almelo").country == "NLD"


def test_no_guessed_place_from_dates_kinds_or_villages(analyse: Callable[..., Analysis]) -> None:
    analysis = analyse("She studied at Harvard, testified in Congress in March and spoke at "
                       "the University on Friday.")
    assert not analysis.places, [p.text for p in analysis.places]


def test_building_named_after_a_town_the_article_never_names() -> None:
    alone = [Mention("Webb Center", 0, 11, "Webb Center", "FAC")]
    assert resolve(alone, gazetteer(), seed_context([])) == []
    named = [Mention("Webb Center", 0, 11, "Webb Center", "FAC"),
             Mention("Webb", 30, 34, "Webb", "GPE", locative=True)]
    assert [p.text for p in resolve(named, gazetteer(), seed_context([]))] == [
        "Webb Center", "Webb"]


def test_unknown_names_of_occasions_and_firms_are_no_places() -> None:
    mentions = [Mention("Qwillow Harvest Festival", 0, 24, "Qwillow Harvest Festival", "FAC"),
                Mention("Zarnet Way", 40, 50, "Zarnet Way", "GPE"),
                Mention("Zarnet Way", 60, 70, "Zarnet Way", "GPE", locative=True)]
    places = resolve(mentions, gazetteer(), seed_context([]))
    assert [p.start for p in places] == [60], "only the one a preposition of place governs"


def test_unknown_name_modifying_a_noun_is_no_place_unless_a_kind_of_place() -> None:
    mentions = [Mention("Zarnet Way", 0, 10, "Zarnet Way", "LOC", modifier=True),
                Mention("Zarnet Way", 30, 40, "Zarnet Way", "LOC"),
                Mention("Qwillow Creek", 50, 63, "Qwillow Creek", "GPE")]
    places = resolve(mentions, gazetteer(), seed_context([]))
    assert [p.start for p in places] == [30, 50]


def test_a_saints_house_is_no_town_unless_placed() -> None:
    school = [Mention("St. Michael's", 0, 13, "St. Michael", "GPE")]
    assert resolve(school, gazetteer(), seed_context([])) == []
    town = [Mention("St. Michael's", 0, 13, "St. Michael", "GPE", locative=True)]
    assert [p.rule != "unresolved" for p in resolve(town, gazetteer(), seed_context([]))] == [True]


def test_no_part_of_a_name_that_is_an_occasion() -> None:
    mass = [Mention("Easter Sunday Mass", 0, 18, "Easter Sunday Mass", "FAC")]
    assert all(p.country is None for p in resolve(mass, gazetteer(), seed_context([])))


def test_unresolved_site_takes_the_country_of_the_article() -> None:
    """A street the gazetteer lacks lies, most likely, in the country of the article's places;
    with no country holding most of them it stays without one."""
    canadian = [Mention("Toronto", 0, 7, "Toronto", "GPE"),
                Mention("Ottawa", 20, 26, "Ottawa", "GPE"),
                Mention("Qwillow Lane", 40, 52, "Qwillow Lane", "FAC", locative=True)]
    lane = resolve(canadian, gazetteer(), seed_context([]))[-1]
    assert (lane.text, lane.country, lane.rule) == ("Qwillow Lane", "CAN", "unresolved")
    assert lane.reason and "article" in lane.reason and lane.lat is None
    split = [Mention("Toronto", 0, 7, "Toronto", "GPE"),
             Mention("Dubuque", 20, 27, "Dubuque", "GPE"),
             Mention("Qwillow Lane", 40, 52, "Qwillow Lane", "FAC", locative=True)]
    assert resolve(split, gazetteer(), seed_context([]))[-1].country is None


def test_a_partial_name_inside_a_town_is_a_site_there() -> None:
    """'Cape Dubuque in Perth': no Dubuque lies near Perth, so the cape is a site in Perth,
    not the Iowa town; a kind of place alone ('Delta' of 'Zarnet Delta') is never looked up."""
    mentions = [Mention("Cape Dubuque", 0, 12, "Cape Dubuque", "LOC", parent=1),
                Mention("Perth", 16, 21, "Perth", "GPE")]
    cape, perth = resolve(mentions, gazetteer(), seed_context([("AUS", 3.0)]))
    assert perth.country == "AUS"
    assert (cape.country, cape.precision) == ("AUS", "site")
    assert cape.rule and cape.rule.startswith("site-in-parent")
    delta = resolve([Mention("Zarnet Delta", 0, 12, "Zarnet Delta", "LOC")], gazetteer(),
                    seed_context([]))
    assert [p.country for p in delta] == [None]


def test_names_of_kinds_and_numbers_only_are_no_places() -> None:
    """'City Hall', 'District 3': no name, no one place; a street ('Fifth Avenue') stays."""
    mentions = [Mention("City Hall", 0, 9, "City Hall", "FAC"),
                Mention("District 3", 20, 30, "District 3", "GPE"),
                Mention("Fifth Avenue", 40, 52, "Fifth Avenue", "FAC")]
    assert [p.text for p in resolve(mentions, gazetteer(), seed_context([]))] == ["Fifth Avenue"]


def test_short_names_of_australian_states() -> None:
    """'WA' is Western Australia in an Australian story and Washington in an American one."""
    aussie = resolve([Mention("WA", 0, 2, "WA", "GPE"), Mention("Perth", 10, 15, "Perth", "GPE"),
                      Mention("Fremantle", 20, 29, "Fremantle", "GPE")],
                     gazetteer(), seed_context([]))
    assert (aussie[0].country, aussie[0].admin1) == ("AUS", "Western Australia")
    american = resolve([Mention("WA", 0, 2, "WA", "GPE"), Mention("Seattle", 10, 17, "Seattle",
                                                                  "GPE")],
                       gazetteer(), seed_context([("USA", 3.0)]))
    assert (american[0].country, american[0].admin1) == ("USA", "Washington")


def test_a_town_that_speaks_is_a_person() -> None:
    """'Plainview said': a surname the parser took for a town; 'Texas said' and 'in
    Plainview' stay places."""
    mentions = [Mention("Plainview", 0, 9, "Plainview", "GPE", speaker=True),
                Mention("Texas", 20, 25, "Texas", "GPE", speaker=True),
                Mention("Plainview", 40, 49, "Plainview", "GPE", locative=True)]
    places = resolve(mentions, gazetteer(), seed_context([]))
    assert [p.start for p in places] == [20, 40]


def test_a_speaker_named_like_a_town_is_no_place(analyse: Callable[..., Analysis]) -> None:
    from newsevents.places import find_mentions

    analysis = analyse('The plant in Akron will close in May. "We are sorry," Dayton said on '
                       "Monday.")
    assert [m.speaker for m in find_mentions(analysis) if m.text == "Akron"] == [False]
    assert [p.text for p in analysis.places] == ["Akron"]


def test_direction_and_kb_country_make_a_continent(analyse: Callable[..., Analysis]) -> None:
    analysis = analyse("Wind power capacity in North America grew by a tenth last year.")
    place = next(p for p in analysis.places if "America" in p.text)
    assert place.country is None and place.precision == "region", place


def test_event_with_no_place_in_its_sentence_takes_the_story_place(
        analyse: Callable[..., Analysis]) -> None:
    """No dateline, no place in the sentence: an event among the story country's actors
    happened in the story's setting; a foreign government's reaction is not placed there."""
    analysis = analyse("Clashes in northern Kenya\n\nFighting broke out between two clans in "
                       "Marsabit, Kenya, on Monday. Gunmen killed four Kenyan police officers "
                       "in the evening, the interior ministry said. The United States condemned "
                       "the Chinese government on Tuesday.")
    killed = _event(analysis, "killed")
    assert killed.location is not None and killed.location.country == "KEN"
    assert killed.location.rule and killed.location.rule.endswith("#story")
    for event in analysis.events:
        rule = event.location.rule if event.location is not None else None
        if rule and rule.endswith("#story"):
            assert any(a.country == "KEN" for a in [*event.source, *event.target])
