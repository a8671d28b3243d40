"""Ingest throughput into the store vs extraction-only throughput on the same texts.

    python benchmarks/bench_ingest.py [--articles 400] [--rounds 3] [--pg URL]

Acceptance (issue 5): SQLite ingest ≥ 0.85 × extraction-only (storage overhead ≤ 15%).
PostgreSQL is measured too when --pg or $NEWSEVENTS_TEST_PG_URL gives a server. Each round
codes the same articles with one warm pipeline; the best round of each mode is reported.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from newsevents.config import Options
from newsevents.model import Article
from newsevents.pipeline import Pipeline
from newsevents.store import IngestRunner, IngestSettings, Store

ACTORS = ("The United States", "Iran", "Mexico", "Russian officials", "Ukraine's army",
          "The European Union", "China", "Protesters in Nairobi", "Israel", "Hamas")
VERBS = ("accused", "met with", "threatened", "agreed to talks with", "rejected a proposal from",
         "sent aid to", "imposed sanctions on", "attacked positions of")


def wire_text(n: int) -> str:
    a, b = ACTORS[n % len(ACTORS)], ACTORS[(n * 3 + 1) % len(ACTORS)]
    verb = VERBS[n % len(VERBS)]
    return (f"{a} {verb} {b} on Monday, officials said in a statement numbered {n}. "
            f"\"We will not accept this,\" a spokesman told reporters in the capital. "
            f"The move followed weeks of tension, and further talks are planned for next week. "
            f"Analysts said the dispute could escalate if no agreement is reached by Friday.")


def articles(count: int) -> list[Article]:
    return [Article(id=f"b{n}", text=wire_text(n), published="2025-05-05",
                    published_basis="metadata") for n in range(count)]


def time_extraction(pipeline: Pipeline, batch: list[Article]) -> float:
    start = time.perf_counter()
    for _ in pipeline.pipe(batch):
        pass
    return time.perf_counter() - start


def time_ingest(pipeline: Pipeline, batch: list[Article], url: str, size: int) -> float:
    with Store.open(url) as store:
        runner = IngestRunner(store, pipeline, IngestSettings(batch_size=size))
        start = time.perf_counter()
        runner.run(batch)
        elapsed = time.perf_counter() - start
        assert store.table_counts()["articles"] == len(batch)
    return elapsed


def empty_postgres(url: str) -> None:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--pg", default=os.environ.get("NEWSEVENTS_TEST_PG_URL"))
    args = parser.parse_args()
    options = Options(batch_size=32)
    pipeline = Pipeline(options)
    batch = articles(args.articles)
    time_extraction(pipeline, batch[:50])  # warm up
    best: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for round_number in range(args.rounds):
            modes = {"extract": lambda: time_extraction(pipeline, batch)}
            db = Path(folder) / f"bench{round_number}.db"
            modes["sqlite"] = lambda db=db: time_ingest(
                pipeline, batch, f"sqlite:///{db}", options.batch_size)
            if args.pg:
                modes["postgres"] = lambda: (empty_postgres(args.pg), time_ingest(
                    pipeline, batch, args.pg, options.batch_size))[1]
            for name, measure in modes.items():
                best[name] = min(best.get(name, float("inf")), measure())
    extract_rate = args.articles / best["extract"]
    print(f"{args.articles} articles, best of {args.rounds} rounds")
    print(f"extraction only: {extract_rate:7.1f} articles/s")
    for name in ("sqlite", "postgres"):
        if name in best:
            rate = args.articles / best[name]
            print(f"ingest {name:9s} {rate:7.1f} articles/s  ratio {rate / extract_rate:.3f}")


if __name__ == "__main__":
    main()
