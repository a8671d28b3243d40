"""Texts longer than a parse piece are parsed in pieces and joined with offsets intact."""

from __future__ import annotations

from newsevents.api import extract_one, get_pipeline
from newsevents.config import Options
from newsevents.ingest import article_from_text
from newsevents.nlp import split_for_parsing

PARAGRAPH = (
    "NAIROBI (Wire) - Kenya's interior minister said on Monday that police had arrested "
    "twelve people after protests over fuel prices turned violent in the capital. "
    "Opposition leaders condemned the arrests and called for talks with the government.\n\n"
)


def test_long_article_is_parsed_in_pieces_with_offsets_intact() -> None:
    options = Options(chunk_chars=400)
    article = article_from_text(PARAGRAPH * 40, source="long", options=options)
    assert len(split_for_parsing(article.text, options.chunk_chars)) > 10
    doc = get_pipeline(options).analyse(article).doc
    assert doc.text == article.text
    for token in doc:
        assert article.text[token.idx : token.idx + len(token.text)] == token.text
    ministers = [t.idx for t in doc if t.text == "minister"]
    assert len(ministers) == 40
    assert ministers[-1] == article.text.rindex("minister")


def test_text_over_spacy_max_length_is_coded() -> None:
    options = Options(chunk_chars=1_000_000)
    pipeline = get_pipeline(options)
    saved = pipeline.nlp.max_length
    pipeline.nlp.max_length = 1_000
    try:
        extraction = extract_one(PARAGRAPH * 10, published="2025-02-03", options=options)
    finally:
        pipeline.nlp.max_length = saved
    assert extraction.article.published == "2025-02-03"
    assert len(extraction.article.text) > 1_000
