"""Peak memory and time of long inputs (issue 11 item 3), beside bare spaCy on the same text.

Every measurement runs in a fresh subprocess, so its peak RSS (``resource.getrusage`` maxrss)
is its own; a measurement that runs past ``--timeout`` is killed and reported as such. Phases:

- ``spacy``: the model alone (``spacy.load``, all its components), ``nlp(text)`` in one call
  with ``max_length`` raised: what parsing the text without windows costs;
- ``parse``: newsevents' parse step (``nlp.parse``: windows of ``chunk_chars``, one Doc);
- ``pipeline``: ``Pipeline(article)``, every stage, as ``extract`` codes one article.

Texts: ``article``, news copy (the shipped samples, blank lines between them, repeated to the
size); ``sentences``, 10,000 short sentences in one line. Not a test; CI never runs it.

    python benchmarks/bench_memory.py                          # 1 MB article, 10k sentences, scaling
    python benchmarks/bench_memory.py --sizes 125000,250000,500000,1000000 --timeout 900
    python benchmarks/bench_memory.py --only scaling --phases parse,spacy
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SENTENCES = (
    "Kenyan police arrested {n} protesters in Nairobi on Monday.",
    "The president met the Ugandan foreign minister in Kampala.",
    "Rebels attacked an army base near Goma, killing {n} soldiers.",
    "The opposition demanded new elections.",
    "Ethiopia accused Sudan of arming the militia.",
    "The talks ended without an agreement.",
)


def article_text(size: int) -> str:
    from newsevents.samples import sample_path

    lines = sample_path().read_text(encoding="utf-8").splitlines()
    body = "\n\n".join(json.loads(line)["text"] for line in lines if line.strip()) + "\n\n"
    return (body * (size // len(body) + 1))[:size].rstrip()


def sentences_text(count: int) -> str:
    return " ".join(SENTENCES[i % len(SENTENCES)].format(n=i % 40 + 2) for i in range(count))


# ---------------------------------------------------------------- phases (child processes)


def peak_rss_mb() -> float:
    """Peak resident set size of this process (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def run_spacy(text: str, chunk_chars: int) -> dict[str, Any]:
    import spacy

    from newsevents.nlp import resolve_model_name

    nlp = spacy.load(resolve_model_name(None))
    nlp.max_length = max(nlp.max_length, len(text) + 1)
    loaded_rss = peak_rss_mb()
    started = time.perf_counter()
    tokens = len(nlp(text))
    return {"seconds": time.perf_counter() - started, "tokens": tokens, "load_rss_mb": loaded_rss}


def run_parse(text: str, chunk_chars: int) -> dict[str, Any]:
    from newsevents.nlp import load_model, parse

    nlp = load_model(None)
    loaded_rss = peak_rss_mb()
    started = time.perf_counter()
    tokens = len(parse(nlp, text, chunk_chars))
    return {"seconds": time.perf_counter() - started, "tokens": tokens, "load_rss_mb": loaded_rss}


def run_pipeline(text: str, chunk_chars: int) -> dict[str, Any]:
    from newsevents.config import Options
    from newsevents.model import Article
    from newsevents.pipeline import Pipeline

    pipeline = Pipeline(Options(chunk_chars=chunk_chars))
    pipeline(Article(id="warm", text="Police arrested two men.", published="2025-05-03"))
    loaded_rss = peak_rss_mb()
    article = Article(id="long", text=text, published="2025-05-03", published_basis="metadata")
    started = time.perf_counter()
    extraction = pipeline(article)
    return {"seconds": time.perf_counter() - started, "events": len(extraction.events),
            "load_rss_mb": loaded_rss}


PHASES = {"spacy": run_spacy, "parse": run_parse, "pipeline": run_pipeline}


def child(args: argparse.Namespace) -> None:
    text = Path(args.text).read_text(encoding="utf-8")
    result = PHASES[args.phase](text, args.chunk_chars)
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))


# ---------------------------------------------------------------- parent


def measure(phase: str, text: str, args: argparse.Namespace) -> dict[str, Any]:
    """One phase on one text in a fresh subprocess."""
    folder = Path(args.workdir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"newsevents-bench-memory-{os.getpid()}.txt"
    path.write_text(text, encoding="utf-8")
    command = [sys.executable, __file__, "--phase", phase, "--text", str(path),
               "--chunk-chars", str(args.chunk_chars)]
    try:
        done, peak = run_watched(command, args.timeout)
    finally:
        path.unlink(missing_ok=True)
    if done is None:
        return {"phase": phase, "chars": len(text), "timed_out": True, "seconds": None,
                "peak_rss_mb": peak}
    if done.returncode != 0:
        return {"phase": phase, "chars": len(text), "failed": done.stderr.strip()[-400:]}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result.update(phase=phase, chars=len(text))
    return result


def run_watched(command: list[str], timeout: float
                ) -> tuple[subprocess.CompletedProcess[str] | None, float | None]:
    """Run ``command``; past ``timeout`` kill it and return None with the peak RSS it had
    reached (read from /proc while it ran, Linux only)."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as process:
        deadline = time.monotonic() + timeout
        peak: float | None = None
        while process.poll() is None and time.monotonic() < deadline:
            peak = vm_hwm_mb(process.pid) or peak
            time.sleep(0.5)
        if process.poll() is None:
            process.kill()
            process.communicate()
            return None, peak
        stdout, stderr = process.communicate()
        return subprocess.CompletedProcess(command, process.returncode, stdout, stderr), peak


def vm_hwm_mb(pid: int) -> float | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def describe(row: dict[str, Any], timeout: float) -> str:
    if row.get("timed_out"):
        return (f"{row['phase']:>8}: over {timeout:.0f} s (killed; peak RSS until then "
                f"{row['peak_rss_mb']} MB)")
    if "failed" in row:
        return f"{row['phase']:>8}: failed: {row['failed']}"
    extra = f", {row['events']} events" if "events" in row else f", {row['tokens']:,} tokens"
    return (f"{row['phase']:>8}: {row['seconds']:7.1f} s, peak RSS {row['peak_rss_mb']:6.0f} MB "
            f"(after loading {row['load_rss_mb']:.0f} MB){extra}")


def per_mb(rows: list[dict[str, Any]]) -> str:
    timed = [r for r in rows if r.get("seconds") is not None]
    return ", ".join(f"{r['chars'] / 1e6:.3g} MB: {r['seconds'] / (r['chars'] / 1e6):.1f} s/MB"
                     for r in timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("all", "article", "sentences", "scaling"),
                        default="all")
    parser.add_argument("--phases", default="spacy,parse,pipeline",
                        help="comma-separated: spacy, parse, pipeline")
    parser.add_argument("--article-chars", type=int, default=1_000_000)
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--sizes", default="125000,250000,500000,1000000",
                        help="article sizes in characters for time per MB")
    parser.add_argument("--chunk-chars", type=int, default=None,
                        help="the parse window (default: Options().chunk_chars)")
    parser.add_argument("--timeout", type=float, default=900.0,
                        help="seconds before a measurement is killed")
    parser.add_argument("--workdir", default=tempfile.gettempdir(),
                        help="where each measured text is written for its subprocess")
    parser.add_argument("--phase", choices=tuple(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("--text", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.chunk_chars is None:
        from newsevents.config import Options

        args.chunk_chars = Options().chunk_chars
    if args.phase:
        child(args)
        return
    phases = [p for p in args.phases.split(",") if p]
    report: dict[str, Any] = {"chunk_chars": args.chunk_chars}
    cases: list[tuple[str, str]] = []
    if args.only in ("all", "article"):
        cases.append((f"article, {args.article_chars:,} characters",
                      article_text(args.article_chars)))
    if args.only in ("all", "sentences"):
        cases.append((f"{args.sentences:,} short sentences", sentences_text(args.sentences)))
    for label, text in cases:
        print(f"{label} ({len(text.encode('utf-8')):,} bytes), window {args.chunk_chars:,}",
              flush=True)
        rows = []
        for phase in phases:
            rows.append(measure(phase, text, args))
            print(describe(rows[-1], args.timeout), flush=True)
        report[label] = rows
    if args.only in ("all", "scaling"):
        sizes = [int(s) for s in args.sizes.split(",")]
        print(f"time per MB, article sizes {', '.join(f'{s:,}' for s in sizes)}", flush=True)
        for phase in phases:
            rows = []
            for size in sizes:
                rows.append(measure(phase, article_text(size), args))
                print(f"  {describe(rows[-1], args.timeout)} [{size:,} chars]", flush=True)
                if rows[-1].get("timed_out"):
                    break  # a larger text would run past the limit too
            print(f"{phase:>8}: {per_mb(rows)}", flush=True)
            report[f"scaling {phase}"] = rows
    print(json.dumps(report))


if __name__ == "__main__":
    main()
