"""Issue 12: the places stage's share of end-to-end time, and the peak memory of a process that
codes articles with the gazetteer loaded.

Run: ``python benchmarks/bench_places.py [ROUNDS]`` (not a timed test). Codes the shipped sample
articles, the quote test articles and the realnews-dev documents (when ../shared is there) with
the default pipeline (parse included), timing the places stage inside it; prints the share and
the peak RSS (limits: 10 % and 600 MB). The gazetteer index is built first, in a child process,
when the cache folder has none.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from stage_clock import clock_stage

from newsevents.config import Options
from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.samples import sample_path
from newsevents.text import normalise

ROOT = Path(__file__).resolve().parents[1]
REALNEWS = ROOT.parent / "shared" / "data" / "realnews-dev" / "docs"


def _articles() -> list[Article]:
    articles = [Article(str(r["id"]), normalise(str(r["text"])).text, published="2025-05-01")
                for r in map(json.loads, Path(sample_path("articles.jsonl")).read_text(
                    "utf-8").splitlines()) if r.get("text")]
    paths = sorted((ROOT / "tests" / "quotes" / "articles").glob("*.txt"))
    paths += sorted(REALNEWS.glob("*.txt")) if REALNEWS.exists() else []
    articles += [Article(p.stem, normalise(p.read_text("utf-8")).text, published="2025-05-01")
                 for p in paths]
    return articles


def main(rounds: int = 3) -> None:
    pipeline = Pipeline(Options())
    spent = clock_stage(pipeline, "places")
    articles = _articles()
    list(pipeline.pipe(articles))  # warm up: model, lexicons, knowledge base, gazetteer
    spent["places"] = 0.0
    began = time.perf_counter()
    for _ in range(rounds):
        list(pipeline.pipe(articles))
    total = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{rounds} x {len(articles)} articles: end-to-end {total:.2f}s, places "
          f"{spent['places']:.3f}s, share {spent['places'] / total:.1%} (limit 10%); "
          f"peak RSS {peak_mb:.0f} MB (limit 600 MB)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
