"""A long ``ingest`` run (issue 14): N articles into SQLite and/or PostgreSQL, with the
extrapolation to a GDELT day.

Writes ``--articles`` JSONL records (the corpus of bench_extract.py, repeated; each copy ends
with a numbered sentence so every text is new and is coded, not deduplicated), then runs the
command a user would run, ``newsevents ingest --workers W --quiet --db URL FILE``, in a
subprocess, model loading included, once per store. It prints articles/s, words/s and tokens/s
(tokens as spaCy's English tokenizer splits the texts), and the hours that 140,000 articles of
650 tokens (a GDELT day) would take at that token rate. Not a test; CI never runs it.

    python benchmarks/bench_day.py --articles 20000 --workers 2 --pg postgresql://…
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

GDELT_DAY_ARTICLES = 140_000
GDELT_ARTICLE_TOKENS = 650


def write_corpus(path: Path, corpus: str, articles: int) -> tuple[int, int]:
    """``articles`` JSONL records; returns their words and their spaCy tokens."""
    import spacy
    from bench_extract import build_corpus  # type: ignore[import-not-found]

    texts = build_corpus(corpus, 1)
    tokenizer = spacy.blank("en").tokenizer
    words = tokens = 0
    with path.open("w", encoding="utf-8") as stream:
        for i in range(articles):
            text = f"{texts[i % len(texts)]}\n\nThis is report {i} of the benchmark."
            words += len(text.split())
            tokens += len(tokenizer(text))
            stream.write(json.dumps({"id": f"day-{i}", "published": "2025-03-01",
                                     "text": text}) + "\n")
    return words, tokens


def run_ingest(corpus: Path, db: str, workers: int) -> float:
    """Seconds of one ``newsevents ingest`` run (exit status checked)."""
    command = [str(Path(sys.executable).with_name("newsevents")), "ingest", "--quiet", "--workers",
               str(workers), "--db", db, str(corpus)]
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    return time.perf_counter() - started


def stored_articles(db: str) -> int:
    from sqlalchemy import create_engine, text

    url = db if "://" in db else f"sqlite:///{db}"
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as connection:
        count = connection.execute(text("SELECT count(*) FROM articles")).scalar_one()
    engine.dispose()
    return int(count)


def report(name: str, seconds: float, articles: int, words: int, tokens: int, stored: int) -> None:
    token_rate = tokens / seconds
    day_hours = GDELT_DAY_ARTICLES * GDELT_ARTICLE_TOKENS / token_rate / 3600
    print(f"{name:10s} {seconds:8.1f} s  {articles / seconds:6.1f} articles/s  "
          f"{words / seconds:7.0f} words/s  {token_rate:7.0f} tokens/s  stored {stored}  "
          f"GDELT day (140k x 650 tokens) {day_hours:5.1f} h; "
          f"140k articles of this corpus {GDELT_DAY_ARTICLES / (articles / seconds) / 3600:4.1f} h")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", default="samples", choices=["samples", "shared", "all"])
    parser.add_argument("--pg", default=os.environ.get("NEWSEVENTS_TEST_PG_URL"),
                        help="PostgreSQL URL (an empty database: its tables are dropped first)")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "day.jsonl"
        words, tokens = write_corpus(corpus, args.corpus, args.articles)
        print(f"{args.articles} articles, {words} words, {tokens} tokens "
              f"({tokens / args.articles:.0f} a article), --workers {args.workers}, "
              f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}")
        stores: dict[str, str] = {}
        if not args.no_sqlite:
            stores["sqlite"] = str(Path(folder) / "day.db")
        if args.pg:
            from bench_ingest import empty_postgres  # type: ignore[import-not-found]

            empty_postgres(args.pg)
            stores["postgresql"] = args.pg
        for name, db in stores.items():
            seconds = run_ingest(corpus, db, args.workers)
            report(name, seconds, args.articles, words, tokens, stored_articles(db))
            print(f"           load after the run {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
