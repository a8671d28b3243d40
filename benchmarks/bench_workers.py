"""``ingest --workers 1`` vs ``--workers N`` vs a Dask ``LocalCluster`` of N workers.

Each run codes the same JSONL corpus (the shipped samples, or ``--corpus all`` as in
bench_extract.py, repeated with a numbered closing sentence so every text is new) into a fresh
SQLite store, in its own subprocess; the time is the whole run, model loading included. It
prints the median of ``--repeat`` runs, the speed-up, and the peak RSS of the parent and of
each worker process, and the CPU seconds of the parent and the workers (on a loaded machine the
wall-clock speed-up says little; the CPU seconds say what the cores would give). Not a test;
CI never runs it.

    python benchmarks/bench_workers.py                       # 2,000 articles, 1 vs 2, median of 3
    python benchmarks/bench_workers.py --articles 500 --repeat 1 --no-dask
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def write_corpus(path: Path, corpus: str, articles: int) -> int:
    """``articles`` JSONL records; returns their whitespace-separated words."""
    from bench_extract import build_corpus  # type: ignore[import-not-found]

    texts = build_corpus(corpus, 1)
    words = 0
    with path.open("w", encoding="utf-8") as stream:
        for i in range(articles):
            text = f"{texts[i % len(texts)]}\n\nThis is report {i} of the benchmark."
            words += len(text.split())
            stream.write(json.dumps({"id": f"bench-{i}", "published": "2025-03-01",
                                     "text": text}) + "\n")
    return words


def one_run(mode: str, workers: int, corpus: Path, db: str) -> dict[str, Any]:
    """In this (fresh) process: one run; its figures as a dict."""
    from newsevents.config import Options
    from newsevents.ingest import read_sourced
    from newsevents.store import IngestRunner, IngestSettings, Store
    from newsevents.store.workers import ProcessCoding, WorkerSpec, cpu_seconds, peak_rss_bytes

    options = Options(n_process=workers)
    settings = IngestSettings(batch_size=options.batch_size)
    started = time.perf_counter()
    workers_rss: list[int] = []
    workers_cpu: list[float] = []
    workers_total = 0.0
    with Store.open(db) as store:
        if mode == "dask":
            from newsevents.distributed import connect, run_dask_ingest

            client, close = connect(f"local:{workers}")
            try:
                counts = run_dask_ingest(store, [str(corpus)], options, f"local:{workers}",
                                         settings=settings, client=client,
                                         run_dir=Path(db.removeprefix("sqlite:///") + ".run"))
                workers_rss = sorted(client.run(peak_rss_bytes).values())
                workers_cpu = sorted(client.run(cpu_seconds).values())
            finally:
                close()
        elif workers == 1:
            from newsevents.pipeline import Pipeline

            runner = IngestRunner(store, Pipeline(options), settings)
            counts = runner.run(read_sourced([str(corpus)], options))
            workers_rss = [peak_rss_bytes()]  # the parent codes: no worker CPU apart
        else:
            with ProcessCoding(WorkerSpec(options), workers) as coding:
                runner = IngestRunner(store, coding, settings)
                counts = runner.run(read_sourced([str(corpus)], options))
                usage = coding.usage().values()  # the workers that answered
                workers_rss = sorted(rss for rss, _ in usage)
                workers_cpu = sorted(cpu for _, cpu in usage)
            children = resource.getrusage(resource.RUSAGE_CHILDREN)  # every worker, ended
            workers_total = children.ru_utime + children.ru_stime
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "articles": counts.articles, "events": counts.events,
            "failures": counts.failures, "parent_rss": peak_rss_bytes(),
            "parent_cpu": cpu_seconds(), "workers_rss": workers_rss, "workers_cpu": workers_cpu,
            "workers_total_cpu": workers_total or sum(workers_cpu)}


def measure(mode: str, workers: int, corpus: Path, folder: Path, repeat: int) -> dict[str, Any]:
    runs = []
    for index in range(repeat):
        db = f"sqlite:///{folder}/{mode}-{workers}-{index}.db"
        load = os.getloadavg()[0]
        output = subprocess.run(
            [sys.executable, __file__, "--one", mode, str(workers), str(corpus), db],
            check=True, capture_output=True, text=True).stdout
        run = json.loads(output.strip().splitlines()[-1])
        run["load_before"] = load
        runs.append(run)
        print(f"  {mode} x{workers} run {index + 1}: {run['seconds']:.1f} s, "
              f"{run['articles']} articles, load {load:.2f}", file=sys.stderr)
    median = statistics.median(r["seconds"] for r in runs)
    return {"mode": mode, "workers": workers, "median_s": median,
            "articles": runs[0]["articles"], "articles_per_s": runs[0]["articles"] / median,
            "parent_rss_mb": max(r["parent_rss"] for r in runs) / 2**20,
            "worker_rss_mb": max(max(r["workers_rss"] or [0]) for r in runs) / 2**20,
            "parent_cpu_s": statistics.median(r["parent_cpu"] for r in runs),
            "busiest_worker_cpu_s": statistics.median(
                max(r["workers_cpu"] or [r["parent_cpu"]]) for r in runs),
            "total_cpu_s": statistics.median(r["parent_cpu"] + r["workers_total_cpu"]
                                             for r in runs),
            "load": [round(r["load_before"], 2) for r in runs]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", default="samples", choices=["samples", "shared", "all"])
    parser.add_argument("--no-dask", action="store_true")
    parser.add_argument("--one", nargs=4, metavar=("MODE", "N", "CORPUS", "DB"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        mode, workers, corpus, db = args.one
        print(json.dumps(one_run(mode, int(workers), Path(corpus), db)))
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        corpus = folder / "corpus.jsonl"
        words = write_corpus(corpus, args.corpus, args.articles)
        print(f"{args.articles} articles, {words} words, {os.cpu_count()} cores, load "
              f"{os.getloadavg()[0]:.2f}", file=sys.stderr)
        plans = [("workers", 1), ("workers", args.workers)]
        if not args.no_dask:
            plans.append(("dask", args.workers))
        results = [measure(mode, n, corpus, folder, args.repeat) for mode, n in plans]
    base = results[0]["median_s"]
    workers_n = results[1]["median_s"]
    print(f"{'run':<12} {'median s':>9} {'art/s':>7} {'speed-up':>9} {'parent MB':>10} "
          f"{'worker MB':>10} {'CPU s':>7} {'parent CPU':>10} {'worker CPU':>10}  load")
    for r in results:
        print(f"{r['mode'] + ' x' + str(r['workers']):<12} {r['median_s']:>9.1f} "
              f"{r['articles_per_s']:>7.1f} {base / r['median_s']:>9.2f} "
              f"{r['parent_rss_mb']:>10.0f} {r['worker_rss_mb']:>10.0f} "
              f"{r['total_cpu_s']:>7.1f} {r['parent_cpu_s']:>10.1f} "
              f"{r['busiest_worker_cpu_s']:>10.1f}  {r['load']}")
    print("CPU s: parent + workers; the speed-up on idle cores is bounded by x1's CPU s over "
          "the busiest process's CPU s")
    if len(results) > 2:
        print(f"dask / workers x{args.workers} throughput: "
              f"{workers_n / results[2]['median_s']:.2f}")


if __name__ == "__main__":
    main()
