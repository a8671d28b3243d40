"""The scale tests register stand-in stages in this process: each test gets its own copy of
the stage registry, so that later tests see the real stages."""

from __future__ import annotations

import pytest

from newsevents import pipeline


@pytest.fixture(autouse=True)
def own_stage_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "_REGISTRY", dict(pipeline._REGISTRY))
