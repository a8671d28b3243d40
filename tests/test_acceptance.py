"""Quality gate on the shared evaluation data (skipped with a message when ../shared is absent).

The floors are the acceptance floors of the extraction-engine issue; only an explicit change
here may lower them. The PLOVER set's other half is held out and scored the same way, so
nothing in the coder may special-case these sentences.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from newsevents.cli import _register_all, app

from .conftest import shared_path

SEED_FLOORS = {"event_recall": 1.0, "event_precision": 0.9}
SEED_TIMEXES_RIGHT = 8
GSR_FLOORS = {"type_recall": 0.80, "triple_recall": 0.65}
GSR_MAX_EVENTS_PER_RECORD = 1.15


def _eval(*args: str) -> dict[str, Any]:
    _register_all()
    result = CliRunner().invoke(app, ["eval", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.shared
def test_seed_events_quotes_and_dates() -> None:
    gold = shared_path("gold", "seed.gold.jsonl")
    report = _eval("--gold", str(gold), str(shared_path("seeds")))
    for key, floor in SEED_FLOORS.items():
        assert report[key] >= floor, (key, report[key])
    right = round(report["timex_value_accuracy"] * report["timex_recall"] * 9)
    assert right >= SEED_TIMEXES_RIGHT, report
    assert report["quote_recall"] == 1.0 and report["speaker_accuracy"] == 1.0, report


@pytest.mark.shared
def test_plover_gold_standard_records() -> None:
    records = shared_path("data", "plover-gsr-dev", "PLOVER_GSR_CAMEO.dev.json")
    report = _eval("--plover-gsr", str(records))
    for key, floor in GSR_FLOORS.items():
        assert report[key] >= floor, (key, report[key])
    assert report["events_per_record"] <= GSR_MAX_EVENTS_PER_RECORD, report


REALNEWS_FLOORS = {"event_recall": 0.50, "event_precision": 0.60, "quote_recall": 0.95,
                   "speaker_accuracy": 0.95}
"""Measured 2026-12-03: event recall 0.525 (31/59), precision 0.646, quote recall 1.00, speaker
accuracy 0.96. Regression floors, below issue 9's targets (0.70 / 0.65), which are not met."""


@pytest.mark.shared
def test_realnews_dev_regression_floors() -> None:
    data = shared_path("data", "realnews-dev")
    report = _eval("--gold", str(data / "gold.jsonl"), str(data / "docs"))
    for key, floor in REALNEWS_FLOORS.items():
        assert report[key] >= floor, (key, report[key])


SAMPLE_FLOORS = {"event_recall": 0.65, "event_precision": 0.32, "quote_recall": 0.9,
                 "timex_recall": 0.95,
                 "timex_value_accuracy": 0.95}


def test_shipped_samples_regression_floors() -> None:
    """The shipped wire-style samples (written apart from the coder) as a regression gate."""
    report = _eval("--samples")
    for key, floor in SAMPLE_FLOORS.items():
        assert report[key] >= floor, (key, report[key])


@pytest.mark.shared
def test_seed_attribution_end_to_end(analyse) -> None:  # type: ignore[no-untyped-def]
    """The real coder on the seed: the offer is the WSJ's anonymous report, the White House's
    silence is no event, and 'raise the possibility of military action' is no actual attack."""
    text = shared_path("seeds", "000_2850600ba5f6de60.txt").read_text(encoding="utf-8")
    a = analyse(text, published="2025-05-03", article_id="seed")
    offers = [e for e in a.events if e.type == "AGREE" and any(
        x.country == "USA" for x in e.source) and e.evidence[0].trigger.text == "offered"]
    assert offers, [(e.type, e.evidence[0].trigger.text) for e in a.events]
    assert offers[0].attribution.reported_by == ["The Wall Street Journal"]
    assert offers[0].attribution.anonymous is True
    silence = a.article.text.index("did not respond")
    assert not [e for e in a.events
                if any(silence - 40 <= m.trigger.start <= silence + 20 for m in e.evidence)]
    assert not [e for e in a.events if e.type == "ASSAULT" and e.modality == "actual"]
    hegseth = [e for e in a.events if e.type == "THREATEN"]
    assert hegseth and hegseth[0].date.value == "2025-01-31"


GWN_FLOORS = {"toponym_precision": 0.8, "country_accuracy": 0.65}
GWN_KIND_FLOORS = {"Literal": 0.75, "Metonymic": 0.85}
"""Measured 2026-12-01: precision 0.887, country accuracy 0.713, Literal recall 0.795,
Metonymic 0.925 (GeoWebNews also annotates common nouns such as "church" or "residents",
which no geoparser of names finds, so overall recall is no fair gate)."""


@pytest.mark.shared
@pytest.mark.slow
def test_geowebnews_toponyms() -> None:
    report = _eval("--toponyms", str(shared_path("data", "geowebnews", "data", "GWN.xml")))
    assert report["documents"] == 200
    for key, floor in GWN_FLOORS.items():
        assert report[key] >= floor, (key, report[key])
    for kind, floor in GWN_KIND_FLOORS.items():
        assert report["by_kind"][kind]["recall"] >= floor, (kind, report["by_kind"][kind])
