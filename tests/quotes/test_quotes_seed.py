"""Acceptance 1 on the seed article (needs ../shared; skipped with a message when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from quote_helpers import analyse_text, fold

from newsevents.merge import annotated_mentions
from newsevents.model import DateValue, Event, Evidence, Trigger
from newsevents.places import EventPlace
from newsevents.quotes import STAGE
from newsevents.stage import apply_result

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_2850600ba5f6de60.txt"
pytestmark = pytest.mark.shared
if not SEED.exists():
    pytest.skip(f"seed article not found at {SEED}", allow_module_level=True)


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    return analyse_text(SEED.read_text(encoding="utf-8"), "000_2850600ba5f6de60", "2025-05-03")


@pytest.mark.parametrize(
    ("kind", "contains"),
    [
        ("direct", "the territory is inviolable"),
        ("direct", "We can share information"),
        ("indirect", "remains willing to work with the United States"),
    ],
)
def test_required_quotes_with_speaker(seed, kind: str, contains: str) -> None:  # type: ignore[no-untyped-def]
    hits = [q for q in seed.quotes if q.kind == kind and fold(contains) in fold(q.text)]
    assert len(hits) == 1
    assert hits[0].speaker is not None and hits[0].speaker.name == "Claudia Sheinbaum"


def test_pull_quote_merged_into_the_body_quote(seed) -> None:  # type: ignore[no-untyped-def]
    (body,) = [q for q in seed.quotes if "never accept" in q.text]
    assert body.text.startswith("We can share information") and len(body.mentions) == 2


def test_nothing_but_quotes(seed) -> None:  # type: ignore[no-untyped-def]
    allowed = [
        "the territory is inviolable",
        "we can share information",
        "remains willing to work",
        "sovereignty be respected",
        "trump had offered to send u.s. troops",
        "mexico has declined president donald trump",
        "her opposition to any u.s. intrusion",
    ]
    for quote in seed.quotes:
        assert any(a in fold(quote.text) for a in allowed), quote.text


def _event(seed, word: str, kind: str) -> Event:  # type: ignore[no-untyped-def]
    start = seed.article.text.index(word)
    return Event(
        kind,
        seed.article.id,
        kind,
        [],
        [],
        DateValue(None, None, None, None),
        [Evidence(0, "", start, start + len(word), Trigger(word, start, start + len(word)))],
        "test",
    )


def test_e2_reported_by_wsj_from_anonymous_sources(seed) -> None:  # type: ignore[no-untyped-def]
    offer = _event(seed, "had offered", "AGREE")
    no_reply = _event(seed, "did not respond", "REJECT")
    seed.mentions = [offer, no_reply]
    apply_result(seed, STAGE, STAGE.run(seed))
    seed.event_places = [EventPlace(None, "test"), EventPlace(None, "test")]
    (event,) = annotated_mentions(seed)
    assert event.attribution.reported_by == ["The Wall Street Journal"]
    assert event.attribution.anonymous is True
    assert event.quote_ids and event.evidence[0].trigger.text == "had offered"
    (record,) = seed.quote_findings.non_responses
    assert record["actor"].text == "The White House" and record["cue"] == "did not respond"
