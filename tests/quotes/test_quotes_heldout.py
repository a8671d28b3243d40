"""Twelve wire-style articles written apart from the quote stage (by someone who had not read
its rules): scored by ``eval`` with pinned floors, and must-not-have quotes (scare quotes,
titles of reports)."""

from __future__ import annotations

import json

import pytest
from quote_helpers import HERE, analyse_file, fold
from typer.testing import CliRunner

from newsevents.cli import _register_all, app

HELDOUT = HERE / "heldout"
MUST_NOT: dict[str, list[str]] = json.loads((HERE / "heldout.must_not.json").read_text("utf-8"))
FLOORS = {"quote_recall": 0.95, "quote_precision": 0.9, "speaker_accuracy": 0.95}
"""Measured when the set was added: recall 0.975, precision 0.975, speaker accuracy 0.923
before the speaker fixes it prompted, 1.000 after."""

_register_all()


def test_heldout_scores_meet_their_floors() -> None:
    result = CliRunner().invoke(app, ["eval", "--gold", str(HERE / "heldout.gold.jsonl"),
                                      str(HELDOUT), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents_coded"] == 12
    for key, floor in FLOORS.items():
        assert report[key] >= floor, (key, report[key])


@pytest.mark.parametrize("doc", sorted(MUST_NOT))
def test_heldout_must_not_have_quotes(doc: str) -> None:
    analysis = analyse_file(HELDOUT / f"{doc}.txt")
    for text in MUST_NOT[doc]:
        assert not [q.text for q in analysis.quotes if fold(text) in fold(q.text)], text
