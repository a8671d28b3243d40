"""Equivalence check between two versions of the coder (see compare_outputs.sh).

    python scripts/compare_outputs.py inputs OUT.jsonl        # the articles to code (needs ../shared)
    python scripts/compare_outputs.py code INPUTS OUT.jsonl   # code them with the importable newsevents
    python scripts/compare_outputs.py diff A.jsonl B.jsonl    # field-by-field differences

``inputs`` reads the seed, the shipped samples, PLOVER GSR dev, MEANTIME and realnews-dev with the
working tree's readers, so both versions code exactly the same normalised texts. ``diff`` drops the
``coder`` block and event ids (they change with the lexicon fingerprint) and lists every other
difference by corpus and path. Nothing it reads or writes is committed.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MAX_LISTED = 60


def _articles_from_gold(corpus: str, gold: Path, docs: Path) -> Iterator[dict[str, Any]]:
    from newsevents.evaluate.coding import gold_articles
    from newsevents.evaluate.gold import load_gold

    articles, _ = gold_articles(load_gold(gold), docs)
    for article in articles:
        yield {"corpus": corpus, **article.to_dict()}


def _sample_articles() -> Iterator[dict[str, Any]]:
    from newsevents.config import Options
    from newsevents.ingest import read_inputs
    from newsevents.model import Article
    from newsevents.samples import sample_path

    for item in read_inputs([str(sample_path())], Options()):
        if isinstance(item, Article):
            yield {"corpus": "samples", **item.to_dict()}


def _plover_articles() -> Iterator[dict[str, Any]]:
    from newsevents.evaluate.coding import plover_articles
    from newsevents.evaluate.plover import load_records

    for article in plover_articles(load_records(SHARED / "data" / "plover-gsr-dev")):
        yield {"corpus": "plover-gsr-dev", **article.to_dict()}


def _meantime_articles() -> Iterator[dict[str, Any]]:
    from newsevents.text import normalise
    from newsevents.timex.timeml import read_documents

    for doc in read_documents(SHARED / "data" / "meantime-en"):
        yield {"corpus": "meantime", "id": doc.name, "text": normalise(doc.text).text,
               "published": doc.dct.isoformat() if doc.dct else None,
               "published_basis": "metadata" if doc.dct else "unknown"}


def collect_inputs(out: Path) -> None:
    if not SHARED.is_dir():
        sys.exit(f"compare_outputs needs {SHARED} (the seed and the dev sets)")
    realnews = SHARED / "data" / "realnews-dev"
    sources = [
        _articles_from_gold("seed", SHARED / "gold" / "seed.gold.jsonl", SHARED / "seeds"),
        _sample_articles(),
        _plover_articles(),
        _meantime_articles(),
        _articles_from_gold("realnews-dev", realnews / "gold.jsonl", realnews / "docs"),
    ]
    count: Counter[str] = Counter()
    with out.open("w", encoding="utf-8") as handle:
        for source in sources:
            for record in source:
                count[record["corpus"]] += 1
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    print("inputs: " + ", ".join(f"{k} {v}" for k, v in count.items()), file=sys.stderr)


def code_inputs(inputs: Path, out: Path) -> None:
    import newsevents
    from newsevents.model import Article
    from newsevents.pipeline import Pipeline

    print(f"coding with {Path(newsevents.__file__).parent}", file=sys.stderr)
    records = [json.loads(line) for line in inputs.read_text(encoding="utf-8").splitlines()]
    corpora = [r.pop("corpus") for r in records]
    articles = [Article.from_dict(r) for r in records]
    pipeline = Pipeline()
    with out.open("w", encoding="utf-8") as handle:
        for corpus, extraction in zip(corpora, pipeline.pipe(articles), strict=True):
            row = {"corpus": corpus, "extraction": extraction.to_dict()}
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


def comparable(extraction: dict[str, Any]) -> dict[str, Any]:
    """The extraction without what legitimately changes with the lexicon fingerprint."""
    out = {k: v for k, v in extraction.items() if k != "coder"}
    out["events"] = [{k: v for k, v in e.items() if k != "id"} for e in out.get("events", [])]
    return out


def differences(a: Any, b: Any, path: str = "") -> Iterator[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                yield f"{path}.{key}: {'absent' if key not in a else 'present'} → " \
                      f"{'absent' if key not in b else 'present'}"
            else:
                yield from differences(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            yield f"{path}: {len(a)} items → {len(b)} items"
            return
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            yield from differences(x, y, f"{path}[{i}]")
    elif a != b:
        yield f"{path}: {json.dumps(a, ensure_ascii=False)[:120]} → " \
              f"{json.dumps(b, ensure_ascii=False)[:120]}"


def _load(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return {(r["corpus"], r["extraction"]["article"]["id"]): comparable(r["extraction"])
            for r in rows}


def diff_outputs(a_path: Path, b_path: Path) -> int:
    a, b = _load(a_path), _load(b_path)
    changed: Counter[str] = Counter()
    total: Counter[str] = Counter(corpus for corpus, _ in a)
    listed = 0
    for key in sorted(set(a) | set(b)):
        found = list(differences(a.get(key), b.get(key)))
        if not found:
            continue
        changed[key[0]] += 1
        for line in found:
            if listed < MAX_LISTED:
                print(f"{key[0]}/{key[1]}{line}")
            listed += 1
    for corpus in total:
        print(f"{corpus}: {changed[corpus]} of {total[corpus]} extractions differ")
    if listed > MAX_LISTED:
        print(f"({listed - MAX_LISTED} more differences not listed)")
    return 1 if changed else 0


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "inputs":
        collect_inputs(Path(argv[1]))
        return 0
    if len(argv) >= 3 and argv[0] == "code":
        code_inputs(Path(argv[1]), Path(argv[2]))
        return 0
    if len(argv) >= 3 and argv[0] == "diff":
        return diff_outputs(Path(argv[1]), Path(argv[2]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
