"""news_dev: 12 wire-style articles on diplomacy, protests, courts, elections, conflict, trade
and aid with event gold, written on 2026-12-03 by a helper that had not read the engine, its
lexicons or its tests and never ran it (see news_dev/README.md). It was scored once as it came
(recall 0.321, precision 0.284), then split in halves by the first hex digit of the sha256 of
the document id: rules were changed looking at half A only; half B is the estimate. The floors
pin the scores measured when the work on it stopped, so a change that loses ground shows; they
are not targets."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from test_conflict_dev import _eval

HERE = Path(__file__).parent
GOLD = HERE / "news_dev.gold.jsonl"
DOCS = HERE / "news_dev"
FLOORS = {"A": (0.62, 0.55), "B": (0.49, 0.42)}
"""(recall, precision) per half. Measured at the end of the fourth session of 2026-12-03: half
A 0.646 / 0.575 (0.631 / 0.562 at its start, 0.508 / 0.452 at the third's, 0.262 / 0.243 when
first scored), half B 0.511 / 0.436 (0.468 / 0.400 at its start, 0.447 / 0.389 at the third's,
0.404 / 0.333 when first scored)."""


def half_of(doc: str) -> str:
    return "A" if int(hashlib.sha256(doc.encode()).hexdigest()[0], 16) % 2 == 0 else "B"


@pytest.mark.parametrize("half", ["A", "B"])
def test_news_dev_half_meets_its_floor(half: str, tmp_path: Path) -> None:
    docs = tmp_path / half
    docs.mkdir()
    gold = tmp_path / f"{half}.gold.jsonl"
    lines = [line for line in GOLD.read_text().splitlines()
             if line.strip() and half_of(json.loads(line)["doc"]) == half]
    gold.write_text("\n".join(lines) + "\n")
    for path in DOCS.glob("*.txt"):
        if half_of(path.stem) == half:
            (docs / path.name).write_text(path.read_text())
    report = _eval(gold, docs)
    recall, precision = FLOORS[half]
    assert report["documents_coded"] == report["documents"]
    assert report["event_recall"] >= recall, report["event_recall"]
    assert report["event_precision"] >= precision, report["event_precision"]
