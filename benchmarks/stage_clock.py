"""Seconds one stage of a pipeline spends, for the stage-share benchmarks (bench_places.py,
bench_quotes.py). Not a benchmark itself."""

from __future__ import annotations

import time

from newsevents.pipeline import Pipeline
from newsevents.stage import Analysis, Stage


def clock_stage(pipeline: Pipeline, name: str) -> dict[str, float]:
    """Wrap the stage ``name`` of ``pipeline``; the returned dict's ``name`` entry adds up the
    seconds the stage spends (set it to 0.0 after a warm-up)."""
    spent = {name: 0.0}
    timed: list[Stage] = []
    for stage in pipeline.stages:
        if stage.name == name:
            inner = stage.run

            def run(analysis: Analysis, inner=inner):  # type: ignore[no-untyped-def]
                began = time.perf_counter()
                found = inner(analysis)
                spent[name] += time.perf_counter() - began
                return found

            stage = Stage(stage.name, run, stage.requires, stage.assigns)
        timed.append(stage)
    pipeline.stages = timed
    return spent
