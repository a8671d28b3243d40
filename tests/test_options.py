"""Options that shape the output: ``min_confidence`` and ``speculative`` (the Extraction) and
``keep_text`` (the store)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsevents import Options, extract
from newsevents.api import apply_output_options, drop_speculative_events, drop_unconfident_events
from newsevents.cli import _register_all, app
from newsevents.model import Article, Coder, DateValue, Event, Evidence, Extraction, Trigger
from newsevents.store import Store

TEXT = ("Mexican President Claudia Sheinbaum said on Tuesday that her government had rejected "
        "an offer of United States troops to fight drug cartels in Mexico.")


def _event(index: int, confidence: float) -> Event:
    trigger = Trigger("rejected", 10, 18)
    return Event(
        id=f"e{index}", article_id="a", type="REJECT", source=[], target=[],
        date=DateValue(None, None, None, None), rule="test:rule", confidence=confidence,
        evidence=[Evidence(0, "The government rejected it.", 0, 27, trigger)],
    )


def _extraction(*confidences: float) -> Extraction:
    return Extraction(
        article=Article(id="a", text="The government rejected it."),
        events=[_event(i, c) for i, c in enumerate(confidences)],
        quotes=[], timexes=[], places=[], coder=Coder("newsevents", "0", "m", "l"),
    )


def test_min_confidence_leaves_out_events_below_it() -> None:
    extraction = _extraction(0.3, 0.5, 0.7)
    kept = drop_unconfident_events(extraction, 0.5)
    assert [e.confidence for e in kept.events] == [0.5, 0.7]
    assert [e.confidence for e in extraction.events] == [0.3, 0.5, 0.7]  # the caller's record


def test_speculative_events_are_left_out_unless_asked_for() -> None:
    extraction = _extraction(0.5, 0.5, 0.5, 0.5)
    for event, modality in zip(extraction.events, ("actual", "future", "possible",
                                                   "hypothetical"), strict=True):
        event.modality = modality
    assert [e.modality for e in drop_speculative_events(extraction).events] == [
        "actual", "future"]
    assert len(extraction.events) == 4  # the caller's record
    assert apply_output_options(extraction, Options(speculative=True)) is extraction
    assert len(apply_output_options(extraction, Options()).events) == 2


def test_extract_keeps_a_possible_act_only_when_asked() -> None:
    text = ("TBILISI, May 6 (Wire) - Georgia could expel two Russian diplomats, the foreign "
            "minister said on Tuesday.")
    speculative = extract(text, published="2025-05-06", options=Options(speculative=True))
    assert any(e.modality == "possible" for e in speculative.events)
    assert all(e.modality != "possible" for e in extract(text, published="2025-05-06").events)


def test_default_options_return_the_extraction_as_it_is() -> None:
    extraction = _extraction(0.0, 0.3, 1.0)
    assert apply_output_options(extraction, Options()) is extraction


def test_apply_output_options_reads_min_confidence() -> None:
    kept = apply_output_options(_extraction(0.3, 0.9), Options(min_confidence=0.8))
    assert [e.confidence for e in kept.events] == [0.9]


def test_extract_leaves_out_events_below_min_confidence() -> None:
    assert extract(TEXT, published="2025-05-06").events
    assert extract(TEXT, published="2025-05-06", options=Options(min_confidence=1.01)).events == []


def test_keep_text_false_in_the_options_file_stores_no_text(tmp_path: Path) -> None:
    _register_all()
    (tmp_path / "mx.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "options.toml").write_text("[newsevents]\nkeep_text = false\n", encoding="utf-8")
    db = str(tmp_path / "store.db")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "mx.txt"), "--db", db, "--quiet",
                                      "--config", str(tmp_path / "options.toml")])
    assert result.exit_code == 0, result.output
    store = Store.open(db)
    [article] = store.rows("articles")
    assert article["text"] is None and article["text_length"] == len(TEXT)
