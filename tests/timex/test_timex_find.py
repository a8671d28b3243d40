"""The finder's fast gate must not change what the full alternation finds."""

from __future__ import annotations

from test_timex_values import CASES

from conftest import SHARED
from newsevents.timex.find import UNGATED, find

EXTRA = [
    "the '90s and the 1970s, mid-2011, late 2006, FY2007, Q3 2024, the third quarter of 2009",
    "16:00 UTC today, 0800 UTC, 6:40 p.m., noon, the weekend, decades-long, for years",
    "every Monday, per year, $3 billion a year, the past nine trading days, since '82",
]


def _texts() -> list[str]:
    texts = [c[0] for c in CASES] + EXTRA
    seed = SHARED / "seeds" / "000_2850600ba5f6de60.txt"
    if seed.exists():
        texts.append(seed.read_text(encoding="utf-8"))
    return texts


def test_gate_loses_nothing() -> None:
    for text in _texts():
        fast = [(f.kind, f.start, f.end) for f in find(text)]
        full = [(f.kind, f.start, f.end) for f in find(text, UNGATED)]
        assert fast == full, text
