"""Fuzzing: random quote marks, nesting and line breaks never crash the stage; offsets hold."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from quote_helpers import analyse_text

from newsevents.quotes.marks import scan_marks

PIECES = st.sampled_from(
    [
        '"',
        "“",
        "”",
        "‘",
        "’",
        "'",
        "«",
        "»",
        "„",
        "\n",
        "\n\n",
        " ",
        ", ",
        ". ",
        "said ",
        "she said",
        " told reporters ",
        "that ",
        "according to ",
        "Mexico’s",
        "’90s",
        "We will",
        "Sheinbaum",
        "The White House did not respond",
        "never",
        "accept",
        "troops",
        "X",
        "y",
        ":",
        "—",
    ]
)
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("\"“”‘’'«»„\n a.,")), max_size=80))
def test_marks_alone(text: str) -> None:
    for quote in scan_marks(text).quotes:
        assert 0 <= quote.open < quote.start <= quote.end <= len(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_stage_on_random_marks(raw: str) -> None:
    analysis = analyse_text(raw or "x")
    text = analysis.article.text
    for quote in analysis.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert quote.text == text[quote.start : quote.end]
        for mention in quote.mentions:
            assert 0 <= mention.start < mention.end <= len(text)
        if quote.speaker is not None:
            assert 0 <= quote.speaker.start <= quote.speaker.end <= len(text)
