"""HTTP API latency and streaming memory on a store of 10^5 events (not a test).

    python benchmarks/bench_api.py [--events 100000] [--db FILE] [--requests 60]

Builds (or reuses) a SQLite store of synthetic events written through the store's own API
(``Store.write`` with hand-built Extractions: 10 events per article, 8 countries, 16 types,
3 years of dates, 6 outlets, article texts with a varied vocabulary), serves it with
``newsevents serve`` in a subprocess on a loopback port and measures:

- p50/p95 latency of ``/events`` with two filters, of a full-text search, and of ``/stats``
  by month (the timeline facet, and all facets);
- streaming ``/events.jsonl`` and ``/events.csv`` of every event: time, size, and the server
  process's resident memory (sampled every 20 ms) before and at its peak during the export.

Goal (issue 13): p95 < 100 ms; memory flat while streaming. docs/benchmarks.md has figures.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from newsevents.model import (
    PLOVER_TYPES,
    Actor,
    Article,
    Coder,
    DateValue,
    Event,
    Evidence,
    Extraction,
    Place,
    Quote,
    Span,
    Trigger,
)
from newsevents.store import Store

COUNTRIES = {"USA": "United States", "IRN": "Iran", "MEX": "Mexico", "RUS": "Russia",
             "UKR": "Ukraine", "CHN": "China", "ISR": "Israel", "SDN": "Sudan"}
SECTORS = ("GOV", "MIL", "REB", "CVL")
OUTLETS = ("Newswire", "Daily Planet", "Courier", "Gazette", "Herald", "Observer")
WORDS = ("ceasefire", "sanctions", "border", "troops", "talks", "drone", "election", "protest",
         "embassy", "refugees", "oil", "tariffs", "hostages", "summit", "aid", "militia")
QUAD_OF = {t: 1 + i % 4 for i, t in enumerate(PLOVER_TYPES)}
MODALITIES = ("actual",) * 7 + ("future", "possible", "hypothetical")
CODER = Coder("newsevents", "0.1.0", "bench", "bench")
EVENTS_PER_ARTICLE = 10


def article_text(rng: random.Random, n: int) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(40))
    return f"Report {n}. Officials said on Monday that {words}. Talks are planned next week."


def synthetic_extraction(rng: random.Random, n: int) -> Extraction:
    article_id = f"bench-{n:06d}"
    text = article_text(rng, n)
    day = f"{2022 + n % 3}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
    events = [synthetic_event(rng, article_id, i, day) for i in range(EVENTS_PER_ARTICLE)]
    speaker = Actor("a spokesman", 0, 11, name="Spokesman", kind="person", country="USA",
                    sector="GOV")
    quote = Quote(id="q1", article_id=article_id, kind="direct", text=text[20:80], start=20,
                  end=80, speaker=speaker, cue="said", sentence_index=1, mentions=[Span(20, 80)])
    article = Article(id=article_id, text=text, url=f"https://example.org/{article_id}",
                      title=f"Report {n}", outlet=OUTLETS[n % len(OUTLETS)], published=day,
                      published_basis="metadata")
    return Extraction(article=article, events=events, quotes=[quote], timexes=[], places=[],
                      coder=CODER)


def synthetic_event(rng: random.Random, article_id: str, i: int, day: str) -> Event:
    source, target = rng.sample(sorted(COUNTRIES), 2)
    kind = rng.choice(PLOVER_TYPES)
    start = 10 + i * 12
    place = None
    if rng.random() < 0.5:
        where = rng.choice((source, target))
        place = Place(COUNTRIES[where], COUNTRIES[where], where, start, start + 5,
                      precision="city", lat=rng.uniform(-40, 60), lon=rng.uniform(-120, 140))
    return Event(
        id=f"{article_id}-e{i}", article_id=article_id, type=kind,
        source=[Actor(COUNTRIES[source], start, start + 4, name=COUNTRIES[source], kind="state",
                      country=source, sector=rng.choice(SECTORS))],
        target=[Actor(COUNTRIES[target], start + 6, start + 10, name=COUNTRIES[target],
                      kind="state", country=target, sector="GOV")],
        date=DateValue(day, "day", day, day, "Monday", "relative"),
        evidence=[Evidence(1, "A sentence.", start, start + 11, Trigger("acted", start, start + 5))],
        rule="bench:rule", cameo="010", quad_class=QUAD_OF[kind],
        intensity=round(rng.uniform(-10, 10), 1), polarity="positive",
        modality=rng.choice(MODALITIES), location=place, contexts=[], mode=None,
    )


def build_store(path: Path, events: int) -> None:
    with Store.open(str(path)) as store:
        have = store.table_counts()["events"]
        if have >= events:
            print(f"reusing {path} ({have} events)")
            return
        rng = random.Random(13)
        articles = events // EVENTS_PER_ARTICLE
        started = time.perf_counter()
        for first in range(0, articles, 500):
            store.write([synthetic_extraction(rng, n)
                         for n in range(first, min(first + 500, articles))])
        took = time.perf_counter() - started
        print(f"wrote {store.table_counts()['events']} events in {articles} articles through "
              f"Store.write in {took:.0f} s")


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def start_server(db: Path, port: int, *flags: str) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "-c", "from newsevents.cli import main; main()", "serve", "--db",
         str(db), "--port", str(port), *flags],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/about", timeout=1)
            return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def latency(client: httpx.Client, requests: list[tuple[str, dict]]) -> tuple[float, float]:
    client.get(requests[0][0], params=requests[0][1])  # warm
    times = []
    for path, params in requests:
        started = time.perf_counter()
        response = client.get(path, params=params)
        times.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    times.sort()
    return statistics.median(times), times[round(0.95 * (len(times) - 1))]


def stream_all(client: httpx.Client, pid: int, path: str) -> dict[str, float]:
    before = rss_kib(pid)
    peak = [before]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], rss_kib(pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    size = lines = 0
    started = time.perf_counter()
    with client.stream("GET", path, timeout=600) as response:
        for chunk in response.iter_bytes():
            size += len(chunk)
            lines += chunk.count(b"\n")
    took = time.perf_counter() - started
    done.set()
    sampler.join()
    return {"seconds": took, "mib": size / 2**20, "lines": lines,
            "rss_before_mib": before / 1024, "rss_peak_mib": peak[0] / 1024}


def latency_cases(n: int) -> dict[str, list[tuple[str, dict]]]:
    rng = random.Random(7)
    countries = sorted(COUNTRIES)
    return {
        "/events type + source_country (two filters)": [
            ("/events", {"type": rng.choice(PLOVER_TYPES), "source_country": rng.choice(countries)})
            for _ in range(n)],
        "/events dyad + since (two filters)": [
            ("/events", {"dyad": ":".join(rng.sample(countries, 2)),
                         "since": f"202{rng.randrange(2, 5)}-0{rng.randrange(1, 9)}"})
            for _ in range(n)],
        "/events?q= one word (full-text search)": [
            ("/events", {"q": rng.choice(WORDS)}) for _ in range(n)],
        "/events?q= two words + type": [
            ("/events", {"q": " ".join(rng.sample(WORDS, 2)), "type": rng.choice(PLOVER_TYPES)})
            for _ in range(n)],
        "/stats?facet=timeline&interval=month": [
            ("/stats", {"facet": "timeline", "interval": "month"}) for _ in range(n)],
        "/stats?facet=timeline&interval=month&type=…": [
            ("/stats", {"facet": "timeline", "interval": "month", "type": rng.choice(PLOVER_TYPES)})
            for _ in range(n)],
        "/stats all facets, by month": [("/stats", {"interval": "month"}) for _ in range(max(10, n // 4))],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "bench_api.db")
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--port", type=int, default=8731)
    args = parser.parse_args()
    build_store(args.db, args.events)
    cases = latency_cases(args.requests)
    print(f"\n| request ({args.events} events) | p50 ms | p95 ms | p50 ms, cached | p95 ms, cached |"
          "\n|---|---:|---:|---:|---:|")
    results: dict[str, list[float]] = {name: [] for name in cases}
    for flags in (("--no-cache",), ()):
        server = start_server(args.db, args.port, *flags)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{args.port}", timeout=60) as client:
                for name, requests in cases.items():
                    if flags or name.startswith("/stats"):
                        results[name] += latency(client, requests)
        finally:
            server.terminate()
            server.wait(timeout=10)
    for name, figures in results.items():
        cached = [f"{v:.1f}" for v in figures[2:]] or ["(not cached)", ""]
        print(f"| {name} | {figures[0]:.1f} | {figures[1]:.1f} | {' | '.join(cached)} |")
    server = start_server(args.db, args.port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{args.port}", timeout=60) as client:
            print("\n| export of every event | seconds | MiB | lines | server RSS before → peak (MiB) |"
                  "\n|---|---:|---:|---:|---|")
            for path in ("/events.jsonl", "/events.csv"):
                got = stream_all(client, server.pid, path)
                print(f"| {path} | {got['seconds']:.1f} | {got['mib']:.0f} | {got['lines']:.0f} | "
                      f"{got['rss_before_mib']:.0f} → {got['rss_peak_mib']:.0f} |")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
