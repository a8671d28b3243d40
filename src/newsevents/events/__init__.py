"""The events stage (placeholder until the real stage lands)."""

from __future__ import annotations

from ..pipeline import Analysis, Stage


def run(analysis: Analysis) -> None:
    return None


STAGE = Stage("events", run, requires=("doc",), assigns=("events",))
