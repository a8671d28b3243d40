"""The individual cases of issue 4 on the articles of tests/quotes/articles."""

from __future__ import annotations

from quote_helpers import ARTICLES, analyse_file, analyse_text

from newsevents.merge import annotated_mentions
from newsevents.model import DateValue, Event, Evidence, Trigger
from newsevents.quotes import quote_id
from newsevents.stage import Analysis, run_stage


def _quotes(doc: str):  # type: ignore[no-untyped-def]
    return analyse_file(ARTICLES / f"{doc}.txt").quotes


def test_split_quote_is_two_records_with_one_speaker() -> None:
    direct = [q for q in _quotes("q04_split") if q.kind == "direct"]
    assert [q.text for q in direct] == [
        "These ships are a sign of our commitment",
        "and they will patrol alongside Philippine crews.",
    ]
    assert {q.speaker.name for q in direct if q.speaker} == {"Kenji Arakawa"}


def test_nested_quote_is_part_of_the_outer_one() -> None:
    direct = [q for q in _quotes("q03_nested") if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].text.startswith("I told the ambassador very clearly: ‘The crossing")


def test_multi_paragraph_quote_runs_to_its_close() -> None:
    (quote,) = _quotes("q05_multiparagraph")
    assert quote.text.startswith("We are putting 2,000") and quote.text.endswith("we listened")
    assert "\n" in quote.text and not quote.unbalanced


def test_unbalanced_quote_is_flagged_and_stops_at_its_paragraph() -> None:
    analysis = analyse_file(ARTICLES / "q06_unbalanced.txt")
    unbalanced = [q for q in analysis.quotes if q.unbalanced]
    assert [q.text for q in unbalanced] == [
        "This law silences every independent newspaper in Georgia"
    ]
    assert analysis.quote_findings is not None and analysis.quote_findings.stray_marks


def test_pull_quote_is_one_record_with_both_spans() -> None:
    direct = [q for q in _quotes("q08_pull_quote") if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].text.startswith("We respect our neighbours")
    assert len(direct[0].mentions) == 2 and direct[0].mentions[0].start < 5


def test_mixed_quote_absorbs_the_fragment() -> None:
    quotes = _quotes("q13_mixed")
    assert [q.kind for q in quotes] == ["mixed"]


def test_anonymous_and_reported_attribution_reach_the_event() -> None:
    text = (ARTICLES / "q15_reporting.txt").read_text()
    analysis = analyse_text(text, "q15")
    start = analysis.article.text.index("offered")
    event = Event(
        "e1",
        "q15",
        "AGREE",
        [],
        [],
        DateValue(None, None, None, None),
        [Evidence(0, "", 0, 10, Trigger("offered", start, start + 7))],
        "test",
    )
    (event,) = _attributed(analysis, event)
    assert event.attribution.reported_by == ["Reuters"]
    assert event.attribution.anonymous is True
    assert event.attribution.speaker is None
    assert event.quote_ids and event.quote_ids[0] in {q.id for q in analysis.quotes}


def test_officials_on_condition_of_anonymity_are_anonymous() -> None:
    analysis = analyse_file(ARTICLES / "q16_anonymous.txt")
    start = analysis.article.text.index("moved")
    event = Event(
        "e1",
        "q16",
        "MOBILIZE",
        [],
        [],
        DateValue(None, None, None, None),
        [Evidence(0, "", 0, 10, Trigger("moved", start, start + 5))],
        "test",
    )
    (event,) = _attributed(analysis, event)
    assert event.attribution.anonymous and event.attribution.reported_by == []


def test_non_responses_are_recorded_and_never_events() -> None:
    analysis = analyse_file(ARTICLES / "q17_non_response.txt")
    start = analysis.article.text.index("respond")
    mentions = [
        Event(
            "e1",
            "q17",
            "REJECT",
            [],
            [],
            DateValue(None, None, None, None),
            [Evidence(0, "", 0, 10, Trigger("respond", start, start + 7))],
            "t",
        )
    ]
    assert _attributed(analysis, *mentions) == []
    assert analysis.quote_findings is not None
    records = analysis.quote_findings.non_responses
    assert [r["cue"] for r in records] == [
        "did not respond to a request for comment",
        "declined to comment",
    ]
    assert records[0]["actor"].text == "The Interior Ministry"
    assert analysis.quote_findings.silenced == {0}


def test_ids_are_stable() -> None:
    first = _quotes("q01_straight_inversion")
    again = _quotes("q01_straight_inversion")
    assert [q.id for q in first] == [q.id for q in again]
    assert first[0].id == quote_id("q01_straight_inversion", first[0].start, first[0].end)


def test_no_actors_stage_falls_back_to_entities() -> None:
    from newsevents.actors.index import ActorIndex
    from newsevents.config import Options
    from newsevents.model import Article
    from newsevents.nlp import load_model
    from newsevents.quotes import STAGE
    from newsevents.stage import Analysis, run_stage
    from newsevents.text import normalise

    text = normalise((ARTICLES / "q19_pronoun_role.txt").read_text()).text
    analysis = Analysis(Article("q19", text), load_model()(text), Options(), "test", None)
    analysis.actor_index = ActorIndex()
    run_stage(STAGE, analysis)
    speakers = {q.text[:20]: q.speaker.name for q in analysis.quotes if q.speaker}
    assert speakers["It is the largest in"] == "Helen Carver"
    assert speakers["the pact would fund "] == "Helen Carver"


def test_a_speaker_named_in_apposition_after_a_role() -> None:
    analysis = analyse_text(
        "NIAMEY, Aug. 7 (Wire) - \"The armed forces are ready to defend our territory,\" a "
        "spokesman for the junta, Colonel Amadou Abdramane, said on state television.")
    [quote] = [q for q in analysis.quotes if "armed forces" in q.text]
    assert quote.speaker is not None and quote.speaker.name == "Amadou Abdramane"


def test_an_indirect_quote_with_its_speaker_after_it_in_apposition() -> None:
    analysis = analyse_text(
        "MANILA, March 10 (Wire) - The Philippines will double the number of coast guard "
        "patrols around Scarborough Shoal, the country's defence secretary, Ramon Villanueva, "
        "said on Monday.")
    indirect = [q for q in analysis.quotes if q.kind == "indirect"]
    assert indirect and "double the number of coast guard patrols" in indirect[0].text
    assert "Villanueva" not in indirect[0].text
    assert indirect[0].speaker is not None and indirect[0].speaker.name == "Ramon Villanueva"


def test_a_title_in_quote_marks_is_no_quote() -> None:
    analysis = analyse_text(
        "LONDON, March 11 (Wire) - The institute warned in a report titled \"Guns and Butter "
        "for a New Age\" that the plan would need tax rises, its director said.")
    assert all(q.kind != "direct" for q in analysis.quotes if "Guns and Butter" in q.text)
    assert all(q.kind != "mixed" for q in analysis.quotes)
    assert not [q for q in analysis.quotes if q.text.startswith(",")]


def test_a_spokesman_for_a_leader_is_not_the_leader() -> None:
    analysis = analyse_text(
        "NEW DELHI, March 4 (Wire) - A spokesman for Prime Minister Narendra Modi said the "
        "talks would resume next week.")
    [quote] = [q for q in analysis.quotes if "talks would resume" in q.text]
    assert quote.speaker is None or quote.speaker.name != "Narendra Modi"


def test_a_trailing_apposition_that_is_no_person_makes_no_quote() -> None:
    analysis = analyse_text(
        "KYIV, March 4 (Wire) - Russian troops shelled Kharkiv, the country's second city, "
        "warning of further strikes.")
    assert not analysis.quotes


def test_what_someone_called_is_their_quote() -> None:
    analysis = analyse_text(
        "ACCRA, March 4 (Wire) - Opposition leader Kwame Mensah condemned what he called "
        "\"a betrayal of everyone who voted for this government.\"")
    assert [q for q in analysis.quotes if "a betrayal of everyone" in q.text]


def _attributed(analysis: Analysis, *mentions: Event) -> list[Event]:
    """The events the merge stage makes of these mentions once the quotes stage has read them:
    what the quotes stage says of each (who says it; whether it is a non-response)."""
    from newsevents.places import EventPlace
    from newsevents.quotes import STAGE

    analysis.mentions = list(mentions)
    run_stage(STAGE, analysis)
    analysis.event_places = [EventPlace(None, "test") for _ in mentions]
    return annotated_mentions(analysis)
