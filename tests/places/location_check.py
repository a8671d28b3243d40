"""Score the frozen event-location list (event_locations.yml) against a coding of the seed and
realnews-dev (../shared): which listed events carry their place, which have an actor as location."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SETS = (
    (SHARED / "gold" / "seed.gold.jsonl", SHARED / "seeds"),
    (SHARED / "data" / "realnews-dev" / "gold.jsonl", SHARED / "data" / "realnews-dev" / "docs"),
)


def frozen_list() -> list[dict[str, Any]]:
    return list(yaml.safe_load((HERE / "event_locations.yml").read_text(encoding="utf-8")))


def fold(text: str | None) -> str:
    plain = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return " ".join(plain.lower().replace("the ", " ").split())


def carries(location: dict[str, Any] | None, item: dict[str, Any]) -> bool:
    if not location:
        return False
    if item.get("country") and location.get("country") != item["country"]:
        return False
    names = {fold(n) for n in item["accept"]}
    return bool({fold(location.get("text")), fold(location.get("name"))} & names)


SCORED_KEYS = ("types", "source", "target", "date", "modality", "required")
"""The gold fields the event scorer matches on: gold events equal in all of them are
interchangeable to it, and which prediction it pairs with which of them is arbitrary."""


def signature(gold_event: dict[str, Any]) -> str:
    return json.dumps({k: gold_event.get(k) for k in SCORED_KEYS}, sort_keys=True)


def code_sets() -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], str],
                         dict[tuple[str, str], str]]:
    """Extractions by doc id, gold (doc, event id) → matched prediction id, and gold (doc,
    event id) → its scoring signature."""
    from newsevents.config import load_options
    from newsevents.evaluate import load_gold, score_gold
    from newsevents.evaluate.coding import code_articles, gold_articles

    extractions: dict[str, dict[str, Any]] = {}
    matches: dict[tuple[str, str], str] = {}
    signatures: dict[tuple[str, str], str] = {}
    for gold_path, docs in SETS:
        gold = load_gold(gold_path)
        for doc_id, document in gold.items():
            for event in document.events:
                signatures[(doc_id, str(event.get("id")))] = signature(event)
        articles, _ = gold_articles(gold, docs)
        coded = {e["article"]["id"]: e for e in code_articles(articles, load_options(None))}
        extractions.update(coded)
        for detail in score_gold(gold, coded)["details"]:
            for match in (detail.get("events") or {}).get("matches", []):
                matches[(detail["doc"], match["gold"])] = match["prediction"]
    return extractions, matches, signatures


def settle_interchangeable(items: list[dict[str, Any]], matches: dict[tuple[str, str], str],
                           signatures: dict[tuple[str, str], str],
                           ok: Callable[[dict[str, Any], str], bool]) -> dict[tuple[str, str], str]:
    """The scorer's matches, with the predictions of interchangeable gold events (equal in
    every scored field) handed out among the listed ones by their place: the scorer cannot
    tell those gold events apart, the frozen list can. Only gold events the scorer matched take
    part, so no prediction is added or dropped and the events found stay the same."""
    settled = dict(matches)
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for key, sig in signatures.items():
        groups.setdefault((key[0], sig), []).append(key)
    for item in items:
        key = (item["doc"], item["event"])
        if key not in signatures:
            continue
        group = [k for k in groups[(item["doc"], signatures[key])] if k in matches]
        pool = [matches[k] for k in group]
        listed = [i for i in items if (i["doc"], i["event"]) in group]
        if len(pool) < 2 or not listed or item is not listed[0]:
            continue
        free = list(pool)
        chosen: dict[tuple[str, str], str] = {}
        for entry in listed:
            best = next((p for p in free if ok(entry, p)), None)
            if best is not None:
                chosen[(entry["doc"], entry["event"])] = best
                free.remove(best)
        for k in group:
            if k not in chosen:
                chosen[k] = free.pop(0)
        settled.update(chosen)
    return settled


def check() -> dict[str, Any]:
    extractions, scorer_matches, signatures = code_sets()
    items = frozen_list()

    def event_of(doc: str, pid: str | None) -> dict[str, Any] | None:
        events = {e["id"]: e for e in extractions.get(doc, {}).get("events", [])}
        return events.get(pid) if pid else None

    def carried_by(item: dict[str, Any], pid: str) -> bool:
        event = event_of(item["doc"], pid)
        return event is not None and carries(event.get("location"), item)

    matches = settle_interchangeable(items, scorer_matches, signatures, carried_by)
    found = carried = 0
    rows = []
    for item in items:
        pid = matches.get((item["doc"], item["event"]))
        events = {e["id"]: e for e in extractions.get(item["doc"], {}).get("events", [])}
        event = events.get(pid) if pid else None
        location = event.get("location") if event else None
        ok = event is not None and carries(location, item)
        found += event is not None
        carried += ok
        rows.append((item["doc"], item["event"], item["place"], "found" if event else "not coded",
                     (location or {}).get("text"), (location or {}).get("country"), ok))
    actor_locations = []
    for extraction in extractions.values():
        for event in extraction["events"]:
            location = event.get("location")
            if not location:
                continue
            for actor in [*event["source"], *event["target"]]:
                if actor["start"] == location["start"] and actor["end"] == location["end"]:
                    actor_locations.append((extraction["article"]["id"], event["id"], actor["text"]))
    return {"listed": len(rows), "found": found, "carried": carried, "rows": rows,
            "actor_locations": actor_locations}


if __name__ == "__main__":
    result = check()
    for row in result["rows"]:
        print(*row, sep="\t")
    print(f"listed {result['listed']}, coded {result['found']}, carrying the place "
          f"{result['carried']}")
    print("events with an actor as location:", result["actor_locations"])
