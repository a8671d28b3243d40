"""``newsevents quotes FILE``."""

from __future__ import annotations

import json

from quote_helpers import ARTICLES
from typer.testing import CliRunner

from newsevents.cli import _register_all, app

_register_all()


def test_quotes_json() -> None:
    result = CliRunner().invoke(
        app, ["quotes", str(ARTICLES / "q04_split.txt"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    quotes = json.loads(result.output)
    assert [q["kind"] for q in quotes] == ["indirect", "direct", "direct"]
    assert quotes[1]["speaker"]["name"] == "Kenji Arakawa"


def test_quotes_table() -> None:
    result = CliRunner().invoke(
        app, ["quotes", str(ARTICLES / "q13_mixed.txt"), "--published", "2025-05-01"]
    )
    assert result.exit_code == 0, result.output
    assert "mixed" in result.output and "Mehmet Aydin" in result.output
