"""The quotes stage (placeholder until the real stage lands)."""

from __future__ import annotations

from .pipeline import Analysis, Stage


def run(analysis: Analysis) -> None:
    return None


STAGE = Stage("quotes", run, requires=("doc",), assigns=("quotes", "attribution"))
