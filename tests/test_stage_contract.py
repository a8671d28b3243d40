"""The stage contract: declarations checked, in-place writes caught, one home per field."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest

import newsevents.pipeline as pipeline_module
from newsevents import model
from newsevents.model import Article
from newsevents.pipeline import DEFAULT_STAGES, Pipeline, register_stage, stage_named
from newsevents.stage import Analysis, Stage, StageContractError, check_order

ROOT = Path(__file__).resolve().parents[1]
WIRE = ("ASUNCION, June 3 (Wire) - Paraguay's president on Tuesday rejected a proposal by "
        "Brazil to reopen talks on the dam. \"We will not accept it,\" he said.")


def _stages(*names: str) -> list[Stage]:
    return [stage_named(n) for n in names]


def test_the_default_order_holds() -> None:
    check_order(_stages(*DEFAULT_STAGES))


@pytest.mark.parametrize("names", [
    ("actors", "timex", "events", "merge"),            # merge needs quotes and places
    ("actors", "timex", "events", "places", "merge"),  # ... quotes
    ("timex", "actors", "events", "quotes", "places", "merge"),  # timex reads actor tenure
    ("actors", "timex", "quotes", "events", "places", "merge"),  # quotes read the mentions
])
def test_a_wrong_order_is_refused(names: tuple[str, ...]) -> None:
    with pytest.raises(StageContractError, match="requires"):
        check_order(_stages(*names))


def test_a_name_analysis_lacks_is_refused() -> None:
    stage = Stage("odd", lambda a: {"scratch": {}}, requires=("doc",), assigns=("scratch",))
    with pytest.raises(StageContractError, match="scratch"):
        check_order([stage])


def test_an_unknown_stage_name_is_refused() -> None:
    with pytest.raises(StageContractError, match="no stage named 'nosuch'"):
        stage_named("nosuch")


def _pipeline_with(stage: Stage, monkeypatch: pytest.MonkeyPatch) -> Pipeline:
    monkeypatch.setenv("NEWSEVENTS_CHECK_STAGES", "1")
    register_stage(stage.name, lambda: stage)
    return Pipeline(stages=(*DEFAULT_STAGES, stage.name))


def test_a_stage_that_edits_records_in_place_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    def redate(analysis: Analysis) -> dict[str, Any]:
        analysis.events[0].date.value = "1999"
        return {}

    pipeline = _pipeline_with(Stage("redate-in-place", redate, requires=("events",)),
                              monkeypatch)
    with pytest.raises(StageContractError, match="changed events"):
        pipeline(Article(id="t", text=WIRE, published="2025-06-03"))


def test_a_stage_that_returns_what_it_did_not_declare_is_refused(
        monkeypatch: pytest.MonkeyPatch) -> None:
    stage = Stage("sneaky", lambda a: {"places": []}, requires=("events",))
    pipeline = _pipeline_with(stage, monkeypatch)
    with pytest.raises(StageContractError, match="returned"):
        pipeline(Article(id="t", text=WIRE, published="2025-06-03"))


class _EntryPoint:
    def __init__(self, stage: Stage):
        self.stage = stage

    def load(self) -> Stage:
        return self.stage


def test_a_stage_published_under_the_entry_point_group_is_found(
        monkeypatch: pytest.MonkeyPatch) -> None:
    counted = Stage("count-events", lambda a: {}, requires=("events",))

    def entry_points(group: str, name: str) -> list[_EntryPoint]:
        assert group == "newsevents.stages"
        return [_EntryPoint(counted)] if name == "count-events" else []

    monkeypatch.setattr(pipeline_module, "entry_points", entry_points)
    monkeypatch.delitem(pipeline_module._REGISTRY, "count-events", raising=False)
    assert stage_named("count-events") is counted


def test_the_callers_article_is_never_changed(pipeline: Pipeline) -> None:
    article = Article(id="t", text=WIRE)
    before = article.to_dict()
    extraction = pipeline(article)
    assert article.to_dict() == before
    assert extraction.article.published is not None  # found in the dateline, on the copy
    assert extraction.article.published_basis != "unknown"
    assert extraction.events, "the rejection is coded"


def _field_rows() -> set[tuple[str, str]]:
    text = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
    section = text.split("## Who sets each field", 1)[1]
    rows: set[tuple[str, str]] = set()
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 3 or not cells[0][:1].isupper():
            continue
        modules = re.findall(r"`([\w/]+\.py)`", cells[2])
        assert modules, f"row without a module: {line}"
        for module in modules:
            assert (ROOT / "src" / "newsevents" / module).is_file(), f"{module} does not exist"
        for name in re.findall(r"`(\w+)`", cells[1]):
            rows.add((cells[0], name))
    return rows


def test_every_record_field_has_a_row_saying_who_sets_it() -> None:
    rows = _field_rows()
    records = [obj for obj in vars(model).values()
               if isinstance(obj, type) and issubclass(obj, model.Record) and obj is not model.Record]
    missing = [f"{r.__name__}.{f.name}" for r in records for f in fields(r)
               if (r.__name__, f.name) not in rows]
    assert not missing, f"docs/records.md has no row for {missing}"


def test_each_event_field_has_exactly_one_module() -> None:
    text = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
    for line in text.split("## Who sets each field", 1)[1].splitlines():
        if line.startswith("| Event |"):
            assert len(re.findall(r"`[\w/]+\.py`", line.split("|")[3])) == 1, line


@pytest.mark.parametrize("name", DEFAULT_STAGES)
def test_the_architecture_doc_shows_each_stage_as_it_declares_itself(name: str) -> None:
    from newsevents.stage import analysis_fields

    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    (row,) = [line for line in text.splitlines() if line.startswith(f"| {name} |")]
    cells = [c.strip() for c in row.strip().strip("|").split("|")]
    known = set(analysis_fields())
    stage = stage_named(name)
    for declared, cell in ((stage.requires, cells[2]), (stage.assigns, cells[3])):
        shown = {n for n in re.findall(r"`(\w+)`", cell) if n in known}
        assert shown == set(declared), f"{name}: docs show {sorted(shown)}, stage declares {declared}"
