"""TimeML evaluation: a hand-made .tml with known answers, and MEANTIME's floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import shared_path
from newsevents.timex.timeml import evaluate_timeml, format_timeml_report, read_tml

TML = """<?xml version="1.0"?>
<TimeML>
<DOCID>t1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-05-03" temporalFunction="false"
functionInDocument="CREATION_TIME">May 3, 2025</TIMEX3></DCT>
<TEXT>The minister <EVENT eid="e1">resigned</EVENT> <TIMEX3 tid="t1" type="DATE"
value="2025-05-02">yesterday</TIMEX3> after <TIMEX3 tid="t2" type="DURATION"
value="P3Y">three years</TIMEX3> in office. Talks were held <TIMEX3 tid="t3" type="DATE"
value="2025-04-30">on April 30</TIMEX3>. The ministry said the policy stood.</TEXT>
</TimeML>
"""


def test_read_tml_offsets(tmp_path: Path) -> None:
    path = tmp_path / "t1.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_tml(path)
    assert doc.dct is not None and doc.dct.isoformat() == "2025-05-03"
    assert [doc.text[g.start:g.end] for g in doc.gold] == ["yesterday", "three years",
                                                           "on April 30"]


def test_evaluate_tml(tmp_path: Path) -> None:
    (tmp_path / "t1.tml").write_text(TML, encoding="utf-8")
    report = evaluate_timeml(tmp_path)
    assert (report["documents"], report["gold"], report["matched"]) == (1, 3, 3)
    assert report["timex_value_accuracy"] == 1.0
    assert report["by_type"]["DURATION"]["matched"] == 1
    assert "DURATION" in format_timeml_report(report)


@pytest.mark.shared
@pytest.mark.slow
def test_meantime_floors() -> None:
    report = evaluate_timeml(shared_path("data/meantime-en"))
    assert report["skipped"] >= 1
    assert report["timex_span_f1"] >= 0.85, format_timeml_report(report)
    assert report["timex_value_accuracy"] >= 0.80, format_timeml_report(report)
