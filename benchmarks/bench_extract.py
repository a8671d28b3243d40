"""End-to-end extraction throughput and peak RSS, beside bare spaCy ``nlp.pipe``.

Each phase runs in its own subprocess so its peak RSS (``resource.getrusage`` maxrss) is its
own. Both phases get the same texts, the same model with all its components, the same batch
size and number of processes. Not a test; CI never runs it.

    python benchmarks/bench_extract.py                     # samples, repeated to >= 200 articles
    python benchmarks/bench_extract.py --corpus shared     # seed + MEANTIME raw texts (../shared)
    python benchmarks/bench_extract.py --corpus all --min-articles 500 --batch-size 32
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}]|'s|n't|'re|'ve|'ll|'d|'m)")
NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


# ---------------------------------------------------------------- corpora


def sample_texts() -> list[str]:
    from newsevents.samples import sample_path

    lines = sample_path().read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def meantime_text(path: Path) -> str:
    """A MEANTIME document's raw text rebuilt from its tokens, one line per sentence."""
    sentences: dict[int, list[str]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(token.get("sentence", 0)), []).append(token.text or "")
    lines = [" ".join(tokens) for _, tokens in sorted(sentences.items())]
    return "\n".join(NO_SPACE_AFTER.sub(r"\1", NO_SPACE_BEFORE.sub(r"\1", line)) for line in lines)


def shared_texts() -> list[str]:
    if not SHARED.is_dir():
        sys.exit(f"--corpus shared needs {SHARED} (absent in a fresh clone); use --corpus samples")
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "seeds").glob("*.txt"))]
    meantime = SHARED / "data" / "meantime-en" / "intra-doc_annotation"
    texts += [meantime_text(p) for p in sorted(meantime.rglob("*.xml"))]
    return texts


def build_corpus(choice: str, min_articles: int) -> list[str]:
    if choice == "auto":
        choice = "all" if SHARED.is_dir() else "samples"
    texts: list[str] = []
    if choice in ("samples", "all"):
        texts += sample_texts()
    if choice in ("shared", "all"):
        texts += shared_texts()
    if not texts:
        sys.exit("empty corpus")
    repeated = list(texts)
    while len(repeated) < min_articles:
        repeated += texts
    return repeated


# ---------------------------------------------------------------- phases (child processes)


def peak_rss_mb() -> float:
    """Peak resident set size of this process (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def run_spacy(texts: list[str], model: str | None, batch_size: int, n_process: int) -> dict:
    import spacy

    from newsevents.nlp import resolve_model_name

    started = time.perf_counter()
    nlp = spacy.load(resolve_model_name(model))  # the model alone, without our segmenter
    loaded = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process))
    done = time.perf_counter()
    return {"load_s": loaded - started, "seconds": done - loaded, "tokens": tokens,
            "components": list(nlp.pipe_names)}


def run_pipeline(texts: list[str], model: str | None, batch_size: int, n_process: int) -> dict:
    from newsevents.config import Options
    from newsevents.model import Article
    from newsevents.pipeline import Pipeline

    articles = [
        Article(id=f"a{i}", text=t, published="2025-05-03", published_basis="metadata")
        for i, t in enumerate(texts)
    ]
    started = time.perf_counter()
    pipeline = Pipeline(Options(model=model, batch_size=batch_size, n_process=n_process))
    loaded = time.perf_counter()
    events = sum(len(x.events) for x in pipeline.pipe(articles))
    done = time.perf_counter()
    return {"load_s": loaded - started, "seconds": done - loaded, "events": events}


PHASES = {"spacy": run_spacy, "pipeline": run_pipeline}


def child(args: argparse.Namespace) -> None:
    texts = json.loads(Path(args.texts).read_text(encoding="utf-8"))
    result = PHASES[args.phase](texts, args.model, args.batch_size, args.n_process)
    result["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(result))


def run_phase(phase: str, texts_file: str, args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, __file__, "--phase", phase, "--texts", texts_file,
               "--batch-size", str(args.batch_size), "--n-process", str(args.n_process)]
    if args.model:
        command += ["--model", args.model]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"phase {phase} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# ---------------------------------------------------------------- parent


def summarise(texts: list[str], spacy: dict, pipeline: dict, args: argparse.Namespace) -> dict:
    n, tokens = len(texts), spacy["tokens"]
    return {
        "corpus": args.corpus, "articles": n, "tokens": tokens,
        "batch_size": args.batch_size, "n_process": args.n_process,
        "spacy_articles_per_s": round(n / spacy["seconds"], 2),
        "spacy_tokens_per_s": round(tokens / spacy["seconds"], 1),
        "pipeline_articles_per_s": round(n / pipeline["seconds"], 2),
        "pipeline_tokens_per_s": round(tokens / pipeline["seconds"], 1),
        "throughput_ratio": round(spacy["seconds"] / pipeline["seconds"], 3),
        "spacy_peak_rss_mb": spacy["peak_rss_mb"],
        "pipeline_peak_rss_mb": pipeline["peak_rss_mb"],
        "spacy_load_s": round(spacy["load_s"], 2), "pipeline_load_s": round(pipeline["load_s"], 2),
        "events": pipeline["events"], "components": spacy["components"],
    }


def print_table(summary: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{summary['articles']} articles, {summary['tokens']} tokens "
                        f"({summary['corpus']}), batch {summary['batch_size']}, "
                        f"n_process {summary['n_process']}", title_justify="left")
    for col in ("phase", "articles/s", "tokens/s", "peak RSS MB", "load s"):
        table.add_column(col, justify="right" if col != "phase" else "left")
    for phase, label in (("spacy", "bare spaCy nlp.pipe"), ("pipeline", "newsevents Pipeline")):
        table.add_row(label, str(summary[f"{phase}_articles_per_s"]),
                      str(summary[f"{phase}_tokens_per_s"]), str(summary[f"{phase}_peak_rss_mb"]),
                      str(summary[f"{phase}_load_s"]))
    Console().print(table)
    Console().print(f"throughput ratio (pipeline / bare spaCy): {summary['throughput_ratio']}")


def parent(args: argparse.Namespace) -> None:
    texts = build_corpus(args.corpus, args.min_articles)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(texts, f)
    runs: list[tuple[dict, dict]] = []
    try:
        for _ in range(args.repeat):  # alternate the phases so machine noise hits both
            runs.append((run_phase("spacy", f.name, args), run_phase("pipeline", f.name, args)))
    finally:
        Path(f.name).unlink(missing_ok=True)
    summaries = sorted((summarise(texts, s, p, args) for s, p in runs),
                       key=lambda x: x["throughput_ratio"])
    summary = summaries[len(summaries) // 2]  # the run with the median ratio
    summary["ratios"] = [x["throughput_ratio"] for x in summaries]
    if args.n_process > 1:
        print("note: Pipeline.pipe parses with n_process=1 today; the spaCy phase used "
              f"n_process={args.n_process}", file=sys.stderr)
    print_table(summary)
    print(json.dumps(summary))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("samples", "shared", "all", "auto"),
                        default="samples",
                        help="samples: the shipped samples; shared: seed + MEANTIME from "
                             "../shared; all: both; auto: both when ../shared exists")
    parser.add_argument("--min-articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of both phases; the median ratio is reported")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--model", default=None)
    parser.add_argument("--phase", choices=tuple(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("--texts", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        child(args)
    else:
        parent(args)


if __name__ == "__main__":
    main()
