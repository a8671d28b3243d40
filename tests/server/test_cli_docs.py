"""`newsevents serve` and `demo --serve` on the command line, and docs that keep up: every
endpoint, serve option and problem type is in docs/http-api.md."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsevents.cli import _register_all, app
from newsevents.server import ServerSettings

DOC = (Path(__file__).resolve().parents[2] / "docs" / "http-api.md").read_text(encoding="utf-8")


def test_demo_serve_codes_the_samples_then_serves(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsevents.cli import serve, store

    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(store, "_run_ingest", lambda *args: calls.append(("ingest", *args)))
    monkeypatch.setattr(serve, "run_server", lambda *args: calls.append(("serve", *args)))
    _register_all()
    result = CliRunner().invoke(app, ["demo", "--serve", "--port", "8123", "--db", "x.db", "-q"])
    assert result.exit_code == 0, result.output
    assert [c[0] for c in calls] == ["ingest", "serve"]
    settings, host, port = calls[1][1:]
    assert isinstance(settings, ServerSettings) and settings.db == "x.db"
    assert (host, port) == ("127.0.0.1", 8123)


def test_every_endpoint_is_documented(client: TestClient) -> None:
    for path in client.get("/openapi.json").json()["paths"]:
        shown = path.replace("{fmt}", "csv").replace("{event_id}", "{id}").replace(
            "{article_id}", "{id}")
        assert f"`GET {shown}" in DOC or f"`POST {shown}" in DOC or shown in DOC, path


def test_every_serve_option_is_documented() -> None:
    _register_all()
    help_text = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"}).output
    for option in set(re.findall(r"--[a-z][a-z-]+", help_text)) - {"--help"}:
        assert re.search(rf"{option}(?![a-z-])", DOC), option


def test_every_problem_type_is_documented() -> None:
    source = "".join(p.read_text() for p in (
        Path(__file__).resolve().parents[2] / "src" / "newsevents" / "server").glob("*.py"))
    for kind in set(re.findall(r'kind="([a-z-]+)"', source)):
        assert f"`{kind}`" in DOC, kind
