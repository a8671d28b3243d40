"""Twenty short wire-style articles, one per case: must-have and must-not-have quotes."""

from __future__ import annotations

import json

import pytest
from quote_helpers import ARTICLES, HERE, analyse_file, fold, gold_quotes, names

GOLD = gold_quotes()
MUST_NOT: dict[str, list[str]] = json.loads((HERE / "articles.must_not.json").read_text("utf-8"))


def test_twenty_articles_with_gold() -> None:
    assert len(list(ARTICLES.glob("*.txt"))) == 20
    assert set(GOLD) == {p.stem for p in ARTICLES.glob("*.txt")} == set(MUST_NOT)


@pytest.mark.parametrize("doc", sorted(GOLD))
def test_must_have_quotes(doc: str) -> None:
    analysis = analyse_file(ARTICLES / f"{doc}.txt")
    for gold in (g for g in GOLD[doc] if g["required"]):
        hits = [
            q
            for q in analysis.quotes
            if q.kind in gold["quote_kind"] and fold(gold["contains"]) in fold(q.text)
        ]
        assert hits, f"{doc} {gold['id']}: no {gold['quote_kind']} quote with {gold['contains']!r}"
        assert any(q.speaker and fold(q.speaker.name) in names(gold) for q in hits), (
            f"{doc} {gold['id']}: speaker {[q.speaker for q in hits]} not {gold['speaker']}"
        )


@pytest.mark.parametrize("doc", sorted(MUST_NOT))
def test_must_not_have_quotes(doc: str) -> None:
    analysis = analyse_file(ARTICLES / f"{doc}.txt")
    for text in MUST_NOT[doc]:
        assert not [q.text for q in analysis.quotes if fold(text) in fold(q.text)], text


def test_every_quote_points_at_its_text() -> None:
    for path in sorted(ARTICLES.glob("*.txt")):
        analysis = analyse_file(path)
        for quote in analysis.quotes:
            assert analysis.article.text[quote.start : quote.end] == quote.text
            assert quote.mentions and all(m.end > m.start for m in quote.mentions)
