"""Queries (filters, full text, stable order), stats, and GDELT/ICEWS/POLECAT/native exports."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from newsevents.errors import MissingExtraError
from newsevents.export import (
    GDELT_COLUMNS,
    ICEWS_COLUMNS,
    POLECAT_COLUMNS,
    ExportSettings,
    write_export,
)
from newsevents.model import DateValue, Place
from newsevents.store import Store
from newsevents.store.query import EventFilter, date_bounds, find_events, full_records, stats

from .conftest import actor, make_event, make_extraction

USA, IRN, MEX = (actor("United States", "USA", "GOV"), actor("Iran", "IRN", "GOV", 30),
                 actor("Mexico", "MEX", "GOV", 40))
RUBIO = actor("Marco Rubio", "USA", "GOV", 50)


@pytest.fixture
def filled(store: Store) -> Store:
    tehran = Place("Tehran", "Tehran", "IRN", 70, 76, precision="city", lat=35.7, lon=51.4,
                   geonameid=112931)
    store.add(make_extraction("a1", events=[
        make_event("a1", 0, source=[USA], target=[IRN], date="2025-05-03", place=tehran),
        make_event("a1", 1, type_="THREATEN", source=[IRN], target=[USA], date="2025-04-20",
                   cameo="138", quad=3, modality="future"),
    ]))
    store.add(make_extraction("a2", text_body="Mexico rejected the offer of troops, "
                              "Sheinbaum said in Mexico City.", events=[
        make_event("a2", 0, type_="REJECT", source=[MEX], target=[USA, RUBIO],
                   date="2025-02-11", cameo="1212", quad=3),
        make_event("a2", 1, type_="ASSAULT", source=[USA], target=[MEX], date="2025-02-12",
                   cameo="190", quad=4, polarity="negative"),
    ]))
    return store


def ids(rows: list[dict]) -> list[str]:
    return [r["id"] for r in rows]


def test_query_orders_by_date_then_article_then_position(filled: Store) -> None:
    assert ids(find_events(filled, EventFilter())) == ["a2-e0", "a2-e1", "a1-e1", "a1-e0"]
    assert ids(find_events(filled, EventFilter(limit=2))) == ["a2-e0", "a2-e1"]


@pytest.mark.parametrize(("flt", "expected"), [
    (EventFilter(types=("REJECT", "THREATEN")), ["a2-e0", "a1-e1"]),
    (EventFilter(since="2025-04", until="2025-05-03"), ["a1-e1", "a1-e0"]),
    (EventFilter(until="2025-02"), ["a2-e0", "a2-e1"]),
    (EventFilter(quad_classes=(4,)), ["a2-e1"]),
    (EventFilter(source_country="IRN"), ["a1-e1"]),
    (EventFilter(target_country="usa", target_sector="GOV"), ["a2-e0", "a1-e1"]),
    (EventFilter(dyad=("IRN", "USAGOV")), ["a1-e1", "a1-e0"]),
    (EventFilter(dyad=("MEX", "USA")), ["a2-e0", "a2-e1"]),
    (EventFilter(actor="rubio"), ["a2-e0"]),
    (EventFilter(location_country="IRN"), ["a1-e0"]),
    (EventFilter(modalities=("future",)), ["a1-e1"]),
    (EventFilter(polarities=("negative",)), ["a2-e1"]),
    (EventFilter(text="Sheinbaum"), ["a2-e0", "a2-e1"]),
    (EventFilter(text="respond"), ["a2-e0", "a2-e1", "a1-e1", "a1-e0"]),
    (EventFilter(text='tanker "a1'), ["a1-e1", "a1-e0"]),
])
def test_query_filters(filled: Store, flt: EventFilter, expected: list[str]) -> None:
    assert ids(find_events(filled, flt)) == expected


def test_query_rows_join_actors(filled: Store) -> None:
    row = find_events(filled, EventFilter(types=("REJECT",)))[0]
    assert row["source"] == "Mexico" and row["target"] == "United States; Marco Rubio"
    assert row["target_code"] == "USAGOV; USAGOV" and row["trigger"] == "accused"


def test_full_records_are_contract_events(filled: Store) -> None:
    records = list(full_records(filled, EventFilter(types=("ACCUSE",))))
    assert records[0]["id"] == "a1-e0" and records[0]["article"]["outlet"] == "Example Wire"
    assert records[0]["location"]["country"] == "IRN"


def test_date_bounds() -> None:
    assert date_bounds("2024-02") == ("2024-02-01", "2024-02-29")
    assert date_bounds("2025") == ("2025-01-01", "2025-12-31")
    with pytest.raises(ValueError):
        date_bounds("May 2025")


def test_stats_count_by_type_month_and_dyad(filled: Store) -> None:
    result = stats(filled)
    assert result.articles == 2 and result.events == 4
    assert dict(result.by_type) == {"ACCUSE": 1, "THREATEN": 1, "REJECT": 1, "ASSAULT": 1}
    assert result.by_month == [("2025-02", 2), ("2025-04", 1), ("2025-05", 1)]
    assert ("MEXGOV", "USAGOV", 1) in result.by_dyad


def test_stats_leave_events_dated_only_to_a_year_out_of_the_months(store: Store) -> None:
    year = make_event("y1", 0, date="2019-01-01")
    year.date = DateValue("2019", "year", "2019-01-01", "2019-12-31", "in 2019", "explicit")
    store.add(make_extraction("y1", events=[year, make_event("y1", 1, date="2025-03-04")]))
    week = make_event("y1", 2, date="2025-02-27")
    week.date = DateValue("2025-W09", "week", "2025-02-24", "2025-03-02", "last week", "relative")
    store.add(make_extraction("y2", events=[week]))
    result = stats(store)
    assert result.by_month == [("2025-02", 1), ("2025-03", 1)]  # the week's middle: Feb 27
    assert result.coarser_than_month == 1


def test_gdelt_export_reads_back_with_the_gdelt_columns(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.CSV"
    write_export(filled, path, ExportSettings(format="csv", layout="gdelt"))
    names = [name for name, _ in GDELT_COLUMNS]
    assert len(names) == 61
    frame = pd.read_csv(path, sep="\t", header=None, names=names,
                        dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str})
    # the negative ASSAULT and the future THREATEN are left out; REJECT has two targets
    assert len(frame) == 3
    reject = frame[frame.EventCode == "1212"]
    assert list(reject.Actor1Code) == ["MEXGOV", "MEXGOV"]
    assert sorted(reject.Actor2Name) == ["MARCO RUBIO", "UNITED STATES"]
    assert set(reject.SQLDATE) == {20250211} and set(reject.EventRootCode) == {"12"}
    accuse = frame[frame.EventCode == "112"].iloc[0]
    assert accuse.ActionGeo_CountryCode == "IR" and accuse.ActionGeo_Type == 4
    assert accuse.QuadClass == 3 and accuse.SOURCEURL == "https://example.com/a1"
    assert frame.GLOBALEVENTID.is_unique


def test_layout_exports_keep_everything_with_all(filled: Store) -> None:
    out = io.StringIO()
    count = write_export(filled, out, ExportSettings(format="csv", layout="gdelt",
                                                     all_events=True))
    assert count == 5


def test_polecat_export_has_the_polecat_columns(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "polecat.tsv"
    write_export(filled, path, ExportSettings(format="csv", layout="polecat"))
    frame = pd.read_csv(path, sep="\t")
    assert list(frame.columns) == [name for name, _ in POLECAT_COLUMNS]
    for column in ("Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity",
                   "Quad Code", "Contexts", "Actor Name", "Actor Country", "Actor COW",
                   "Primary Actor Sector", "Recipient Name", "Recipient Country",
                   "Recipient Primary Sector", "Placename", "City", "State", "Country",
                   "Latitude", "Longitude", "Story ID", "Headline", "Publication Date",
                   "Source"):
        assert column in frame.columns
    accuse = frame[frame["Event Type"] == "ACCUSE"].iloc[0]
    assert accuse["Actor COW"] == 2 and accuse["Recipient COW"] == 630
    assert accuse["Quad Code"] == "VERBAL CONFLICT" and accuse["City"] == "Tehran"


def test_icews_export_has_the_icews_columns(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "icews.tab"
    write_export(filled, path, ExportSettings(format="csv", layout="icews"))
    frame = pd.read_csv(path, sep="\t", dtype={"CAMEO Code": str})
    assert list(frame.columns) == [name for name, _ in ICEWS_COLUMNS]
    assert set(frame["Source Country"]) >= {"Mexico", "United States"}


def test_parquet_export(filled: Store, tmp_path: Path) -> None:
    path = tmp_path / "events.parquet"
    write_export(filled, path, ExportSettings(format="parquet", layout="gdelt"))
    frame = pd.read_parquet(path)
    assert list(frame.columns) == [name for name, _ in GDELT_COLUMNS] and len(frame) == 3


def test_parquet_without_pyarrow_names_the_extra(filled: Store, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'newsevents\[parquet\]'"):
        write_export(filled, tmp_path / "x.parquet", ExportSettings(format="parquet"))


def test_native_export_keeps_everything_and_text_only_on_request(filled: Store) -> None:
    out = io.StringIO()
    write_export(filled, out, ExportSettings())
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(records) == 4 and "text" not in records[0]["article"]
    out = io.StringIO()
    write_export(filled, out, ExportSettings(with_text=True))
    assert "Sheinbaum" in json.loads(out.getvalue().splitlines()[0])["article"]["text"]


def test_native_csv_flattens_nested_fields(filled: Store) -> None:
    out = io.StringIO()
    write_export(filled, out, ExportSettings(format="csv"))
    frame = pd.read_csv(io.StringIO(out.getvalue()))
    assert len(frame) == 4 and json.loads(frame.source[0])[0]["name"] == "Mexico"
