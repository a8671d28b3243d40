"""Acceptance: 1,000 generated inputs, 5% of them broken. Every good article is stored, every
bad input is in ``failures`` with its reason, and the run completes (exit status 0)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.config import Options
from newsevents.store import IngestSettings, Store, run_ingest

GOOD_IN_JSONL, GOOD_FILES = 900, 50
BAD_KINDS = ("binary", "empty", "encoding", "html", "too_large", "jsonl", "language")
MAX_BYTES = 5_000
GERMAN = ("Die Bundesregierung hat am Montag in Berlin neue Gespräche mit den Nachbarländern "
          "angekündigt, sagte ein Sprecher des Auswärtigen Amtes nach der Sitzung {n}.")
NAMES = ("Canada", "Mexico", "Brazil", "Japan", "Kenya", "Chile", "Egypt", "India", "Peru")


def good_text(n: int) -> str:
    a, b = NAMES[n % len(NAMES)], NAMES[(n * 7 + 3) % len(NAMES)]
    return (f"The government of {a} said on Tuesday it would send a delegation to {b} to discuss "
            f"trade, officials told reporters in briefing number {n}. The talks begin next week.")


def bad_input(kind: str, n: int, folder: Path, lines: list[str]) -> str:
    """Write one broken input of ``kind``; return the source name its failure should carry."""
    path = folder / f"bad_{kind}_{n}.txt"
    if kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    elif kind == "empty":
        path.write_text("" if n % 2 else " \n\t\n", encoding="utf-8")
    elif kind == "encoding":
        path.write_bytes(f"Le pr\xe9sident a parl\xe9 {n} fois.".encode("latin-1") * 3)
    elif kind == "html":
        path = path.with_suffix(".html")
        path.write_text(f"<html><head><title>Breaking {n}</title></head><body><div class="
                        "'menu'><a href='/'>Home</a> <a href='/world'>World</a><p>Pres",
                        encoding="utf-8")
    elif kind == "too_large":
        path.write_text(good_text(n) * (MAX_BYTES // 100), encoding="utf-8")
    elif kind == "jsonl":
        lines.append(["{\"id\": \"broken", "[1, 2, 3]", "{\"title\": \"no text\"}",
                      "{\"text\": 5}"][n % 4])
        return f"jsonl:{len(lines)}"
    elif kind == "language":
        lines.append(json.dumps({"text": GERMAN.format(n=n) * 2}))
        return f"jsonl:{len(lines)}"
    return str(path)


def make_batch(folder: Path) -> tuple[list[str], set[str]]:
    folder.mkdir()
    lines: list[str] = []
    bad_sources: set[str] = set()
    for n in range(GOOD_IN_JSONL):
        lines.append(json.dumps({"id": f"g{n}", "text": good_text(n), "published": "2025-05-01"}))
        if n % 18 == 0 and len(bad_sources) < 50:
            kind = BAD_KINDS[len(bad_sources) % len(BAD_KINDS)]
            bad_sources.add(bad_input(kind, n, folder, lines))
    for n in range(GOOD_FILES):
        (folder / f"file_{n}.txt").write_text(good_text(10_000 + n), encoding="utf-8")
    jsonl = folder / "batch.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    resolved = {s.replace("jsonl:", f"{jsonl}:") for s in bad_sources}
    return [str(folder)], resolved


@pytest.mark.slow
def test_a_thousand_inputs_with_five_percent_broken(tmp_path: Path) -> None:
    inputs, bad_sources = make_batch(tmp_path / "batch")
    assert len(bad_sources) == 50
    options = Options(max_bytes=MAX_BYTES, batch_size=64)
    with Store.open(f"sqlite:///{tmp_path}/batch.db") as store:
        counts = run_ingest(store, inputs, options, settings=IngestSettings(batch_size=64))
        failures = store.rows("failures")
        stored = store.table_counts()
    assert stored["articles"] == GOOD_IN_JSONL + GOOD_FILES == counts.articles
    assert {f["source"] for f in failures} == bad_sources
    assert all(f["reason"] and f["code"].startswith("E1") for f in failures)
    codes = {f["code"] for f in failures}
    assert {"E101", "E102", "E103", "E104", "E105", "E106", "E107"} <= codes
    assert all(f["coder_version"].startswith("newsevents ") for f in failures)
