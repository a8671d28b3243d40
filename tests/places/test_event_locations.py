"""The frozen list of event locations (event_locations.yml, made by hand before the places stage
was rebuilt): at least 90 % of the listed events the coder finds carry their place, and no event
has one of its actors as its location. Needs ../shared (skipped when absent)."""

from __future__ import annotations

import pytest

from ..conftest import shared_path
from .location_check import check, frozen_list

MIN_CARRIED = 0.9
"""Issue 12's bar. 19/19 on 2026-12-03 (17/19 earlier that day, 15/19 before): the last two
were events whose sentence names no place in stories without a dateline; they now take the
story's setting (places/__init__.py ``_story_place``). The gain from 15 to 17 came from the
check: gold events equal in every scored field are handed out by their place
(location_check.settle_interchangeable), where the scorer had paired two of them crosswise."""


def test_frozen_list_holds_ids_and_names_only() -> None:
    for item in frozen_list():
        assert set(item) <= {"doc", "event", "place", "country", "accept"}


@pytest.mark.shared
@pytest.mark.slow
def test_listed_events_carry_their_place() -> None:
    shared_path("data", "realnews-dev", "gold.jsonl")
    shared_path("gold", "seed.gold.jsonl")
    result = check()
    misses = [row for row in result["rows"] if row[3] == "found" and not row[-1]]
    assert result["found"], "no listed event was coded"
    assert result["carried"] / result["found"] >= MIN_CARRIED, misses
    assert not result["actor_locations"]
