import json
from pathlib import Path

import pytest
import typer
from eval_helpers import actor, event, extraction
from typer.testing import CliRunner

from newsevents.cli import evaluate as eval_cli

runner = CliRunner()


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    eval_cli.register(app)

    @app.command("noop")
    def noop() -> None:  # a second command keeps "eval" a named subcommand
        """Nothing."""

    return app


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"doc": "d1", "kind": "article", "published": "2025-05-03"},
        {"doc": "d1", "kind": "event", "id": "E1", "required": True, "types": ["REJECT"],
         "source": {"country": "MEX", "sector": ["GOV"]}, "target": {"country": "USA"}},
        {"doc": "d1", "kind": "event", "id": "E2", "required": True, "types": ["AGREE"],
         "source": {"country": "USA"}},
    ]) + "\n")
    preds = tmp_path / "preds.jsonl"
    events = [event("p1", "REJECT", [actor("MEX", "GOV")], [actor("USA")]),
              event("p2", "ASSAULT", [actor("USA")], [])]
    preds.write_text(json.dumps(extraction("d1", "text", events=events)) + "\n")
    return gold, preds


def test_predictions_json(app: typer.Typer, files: tuple[Path, Path]) -> None:
    gold, preds = files
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--predictions", str(preds),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["event_recall"] == 0.5 and report["event_precision"] == 0.5
    assert report["details"][0]["events"]["false_positive_events"][0]["type"] == "ASSAULT"


def test_table_with_details(app: typer.Typer, files: tuple[Path, Path]) -> None:
    gold, preds = files
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--predictions", str(preds),
                                 "--details"])
    assert result.exit_code == 0, result.output
    assert "event_recall" in result.stdout and "0.500" in result.stdout
    assert "missed gold events" in result.stdout and "false positive events" in result.stdout


def test_floors_fail_with_status_1(app: typer.Typer, files: tuple[Path, Path]) -> None:
    gold, preds = files
    args = ["eval", "--gold", str(gold), "--predictions", str(preds)]
    assert runner.invoke(app, [*args, "--min-event-recall", "0.5"]).exit_code == 0
    result = runner.invoke(app, [*args, "--min-event-recall", "0.75"])
    assert result.exit_code == 1
    assert "event_recall = 0.5 is below the floor 0.75" in result.stderr
    assert runner.invoke(app, [*args, "--floor", "event_precision=0.9"]).exit_code == 1
    assert runner.invoke(app, [*args, "--floor", "nonsense"]).exit_code == 2


def test_usage_errors_exit_2(app: typer.Typer, files: tuple[Path, Path], tmp_path: Path) -> None:
    gold, preds = files
    result = runner.invoke(app, ["eval", "--toponyms", str(gold)])
    assert result.exit_code == 2 and "not XML" in result.stderr and "Traceback" not in result.output
    result = runner.invoke(app, ["eval"])
    assert result.exit_code == 2 and "exactly one" in result.stderr
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path / "nope.jsonl"), str(tmp_path)])
    assert result.exit_code == 2 and "not found" in result.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "d1", "kind": "event"}\nnot json\n')
    result = runner.invoke(app, ["eval", "--gold", str(bad), "--predictions", str(preds)])
    assert result.exit_code == 2 and "line 2" in result.stderr
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--predictions", str(preds),
                                 "--format", "xml"])
    assert result.exit_code == 2


@pytest.mark.slow
def test_samples_are_coded_and_scored(app: typer.Typer) -> None:
    result = runner.invoke(app, ["eval", "--samples", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] >= 48
    assert report["documents_coded"] == report["documents"]
    assert report["missing_documents"] == []
