"""Score the frozen event-location list (event_locations.yml) against a coding of the seed and
realnews-dev (../shared): which listed events carry their place, which have an actor as location."""

from __future__ import annotations

import unicodedata
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


def code_sets() -> tuple[dict[str, dict[str, Any]], dict[tuple[str, str], str]]:
    """Extractions by doc id, and gold (doc, event id) → matched prediction id."""
    from newsevents.config import load_options
    from newsevents.evaluate import load_gold, score_gold
    from newsevents.evaluate.coding import code_articles, gold_articles

    extractions: dict[str, dict[str, Any]] = {}
    matches: dict[tuple[str, str], str] = {}
    for gold_path, docs in SETS:
        gold = load_gold(gold_path)
        articles, _ = gold_articles(gold, docs)
        coded = {e["article"]["id"]: e for e in code_articles(articles, load_options(None))}
        extractions.update(coded)
        for detail in score_gold(gold, coded)["details"]:
            for match in (detail.get("events") or {}).get("matches", []):
                matches[(detail["doc"], match["gold"])] = match["prediction"]
    return extractions, matches


def check() -> dict[str, Any]:
    extractions, matches = code_sets()
    found = carried = 0
    rows = []
    for item in frozen_list():
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
