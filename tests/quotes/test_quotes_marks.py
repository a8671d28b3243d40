"""Quotation marks alone: apostrophes, nesting, paragraphs, unbalanced and stray marks."""

from __future__ import annotations

import pytest

from newsevents.quotes.lexicon import phrase_regex
from newsevents.quotes.marks import scan_marks


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in scan_marks(text).quotes]


@pytest.mark.parametrize(
    "text",
    [
        "Mexico’s president and the ’90s crisis",
        "the countries’ leaders met",
        "It's Mexico's turn",
        "the ‘90s were hard",
        "rock ’n’ roll",
        "the ministers' meeting",
    ],
)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert _texts(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will go" today.', ["we will go"]),
        ("“We will go,” he said.", ["We will go"]),
        ("‘We will go,’ he said.", ["We will go"]),
        ("'We will go,' he said. 'Never.'", ["We will go", "Never."]),
        ("“I told him: ‘No, never,’” she said.", ["I told him: ‘No, never,’"]),
        ('"I told him: "no" twice," she said.', ['I told him: "no" twice']),
        ("« Non », a-t-il dit.", ["Non"]),
    ],
)
def test_pairs(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_multi_paragraph_quote_continues_when_the_next_paragraph_reopens() -> None:
    text = "“One.\n“Two,” she said."
    (quote,) = scan_marks(text).quotes
    assert text[quote.start : quote.end] == "One.\n“Two" and quote.paragraphs == 2


def test_unclosed_quote_is_unbalanced_and_stops_at_the_paragraph() -> None:
    text = "He said “this never ends\nA new paragraph."
    (quote,) = scan_marks(text).quotes
    assert quote.unbalanced and text[quote.start : quote.end] == "this never ends"


def test_stray_closer_is_reported() -> None:
    scan = scan_marks("Police said 14 people were held.” No charges.")
    assert scan.quotes == [] and scan.stray == [32]


def test_phrase_regex_optional_words() -> None:
    import re

    pattern = re.compile(phrase_regex("did not (immediately) respond to (a) request(s)"), re.I)
    assert pattern.search("did not immediately respond to requests")
    assert pattern.search("did not respond to a request")
    assert not pattern.search("did not respondent")
