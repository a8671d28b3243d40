"""Acceptance 3: the share of end-to-end extraction time spent in the quotes stage.

Run: ``python benchmarks/bench_quotes.py [ROUNDS]`` (not a timed test). Codes the twenty
articles of tests/quotes/articles (and the seed when ../shared is there) with the default
pipeline, timing the quotes stage inside it, and prints quotes / (everything else).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from stage_clock import clock_stage

from newsevents.config import Options
from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.text import normalise

HERE = Path(__file__).resolve().parents[1] / "tests" / "quotes"
SEED = HERE.parents[2] / "shared" / "seeds" / "000_2850600ba5f6de60.txt"


def _articles() -> list[Article]:
    paths = sorted((HERE / "articles").glob("*.txt")) + ([SEED] if SEED.exists() else [])
    return [
        Article(p.stem, normalise(p.read_text("utf-8")).text, published="2025-05-01") for p in paths
    ]


def main(rounds: int = 5) -> None:
    pipeline = Pipeline(Options())
    spent = clock_stage(pipeline, "quotes")
    articles = _articles()
    list(pipeline.pipe(articles))  # warm up: model, lexicons, knowledge base
    spent["quotes"] = 0.0
    began = time.perf_counter()
    for _ in range(rounds):
        list(pipeline.pipe(articles))
    total = time.perf_counter() - began
    rest = total - spent["quotes"]
    print(
        f"{rounds} x {len(articles)} articles: end-to-end {total:.2f}s, "
        f"quotes {spent['quotes']:.3f}s, everything else {rest:.2f}s, "
        f"ratio {spent['quotes'] / rest:.1%} (limit 10%)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
