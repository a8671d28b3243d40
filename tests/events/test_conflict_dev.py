"""conflict_dev: 16 wire-style conflict and crisis articles with event gold, written for issue 9
by a helper that had not read the coder (see conflict_dev/README.md). Split in halves by the
sha256 of the document id: rules were changed looking at half A only; half B is the estimate.
The floors pin the scores measured when the work on it stopped (2026-12-03), so a change that
loses ground shows; they are not targets."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsevents.cli import _register_all, app

HERE = Path(__file__).parent
GOLD = HERE / "conflict_dev.gold.jsonl"
DOCS = HERE / "conflict_dev"
FLOORS = {"A": (0.70, 0.60), "B": (0.52, 0.42)}
"""(recall, precision) per half. Measured: half A 0.743 / 0.634 (0.686 / 0.600 at the third
session's start, 0.343 / 0.267 at the very start), half B 0.548 / 0.444 (0.548 / 0.435 at the
fourth session's start, 0.507 / 0.411 at the third's, 0.356 / 0.277 at the very start), on
2026-12-03 at the end of the fourth session."""


def half_of(doc: str) -> str:
    return "A" if hashlib.sha256(doc.encode()).digest()[0] % 2 == 0 else "B"


def _write_half(half: str, tmp: Path) -> tuple[Path, Path]:
    docs = tmp / half
    docs.mkdir()
    gold = tmp / f"{half}.gold.jsonl"
    lines = [line for line in GOLD.read_text().splitlines()
             if half_of(json.loads(line)["doc"]) == half]
    gold.write_text("\n".join(lines) + "\n")
    for path in DOCS.glob("*.txt"):
        if half_of(path.stem) == half:
            (docs / path.name).write_text(path.read_text())
    return gold, docs


def _eval(gold: Path, docs: Path) -> dict[str, Any]:
    _register_all()
    result = CliRunner().invoke(app, ["eval", "--gold", str(gold), str(docs), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.mark.parametrize("half", ["A", "B"])
def test_conflict_dev_half_meets_its_floor(half: str, tmp_path: Path) -> None:
    report = _eval(*_write_half(half, tmp_path))
    recall, precision = FLOORS[half]
    assert report["documents_coded"] == report["documents"]
    assert report["event_recall"] >= recall, report["event_recall"]
    assert report["event_precision"] >= precision, report["event_precision"]
