"""Datelines the stages skip as actors and read as the setting: with a date and agency, and the
bare forms outlets use ('DOHA: …', 'KYIV — …'). Texts written for this file."""

from __future__ import annotations

import pytest

from newsevents.text import find_dateline


@pytest.mark.parametrize(("text", "place"), [
    ("NAIROBI, June 9 (Wire) - Police fired tear gas.", "NAIROBI"),
    ("Ceasefire agreed\n\nDOHA: Pakistan and Afghanistan agreed to a truce.", "DOHA"),
    ("KYIV — Russian drones struck the capital overnight.", "KYIV"),
    ("RIO DE JANEIRO: Police raided a favela on Monday.", "RIO DE JANEIRO"),
    ("Strikes resume\n\nTyre, Lebanon – Israeli drones struck a car on Monday.", "Tyre, Lebanon"),
    ("São Paulo, Brazil — Federal police arrested two men.", "São Paulo, Brazil"),
])
def test_dateline_place_is_found(text: str, place: str) -> None:
    found = find_dateline(text)
    assert found is not None
    assert text[found.start:found.place_end] == place


@pytest.mark.parametrize("text", [
    "The talks: Pakistan and Afghanistan agreed to a truce.",
    "UN SAYS: talks resume",  # a headline in capitals, no sentence after the colon
    "Police fired tear gas in NAIROBI on Monday.",
    "Paris, France - a hyphen is no dateline dash.",
    "However, Lebanon – said the minister, would not agree.",
])
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None
