"""Parse windows (issue 11 item 3): long texts are parsed window by window into one Doc, ordinary
articles exactly as before, and a text without sentence structure is refused (E111).

Behaviour only: memory and time are measured by benchmarks/bench_memory.py, never here.
"""

from __future__ import annotations

import json
import random
from itertools import pairwise
from pathlib import Path

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.tokens import Doc

from newsevents.api import code_batch, extract_one
from newsevents.config import Options
from newsevents.errors import NoSentencesError
from newsevents.ingest import Failure
from newsevents.model import Article
from newsevents.nlp import load_model, parse, parse_many
from newsevents.pipeline import Pipeline
from newsevents.samples import sample_path
from newsevents.windows import (
    MAX_SENTENCE_CHARS,
    find_run_without_sentences,
    paragraph_windows,
    refuse_without_sentences,
)

from .conftest import SHARED

ATTRS = [ORTH, TAG, POS, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]
PARAGRAPH = ("Kenya's interior minister said on Monday that police had arrested twelve people "
             "after protests over fuel prices turned violent in Nairobi. Opposition leaders "
             "condemned the arrests and called for talks with the government.")
DATELINED = "GOMA, Congo, Dec. 23 (Newswire) - Rebels seized the airport on Tuesday, the army said."
SALAD_WORDS = ["government", "police", "attacked", "minister", "talks", "protest", "army",
               "rebels", "sanctions", "president", "accused", "border", "troops", "killed",
               "threatened", "agreed", "capital", "leaders", "election", "opposition",
               "arrested", "Kenya", "Russia", "Ukraine", "met", "demanded"]


def salad(chars: int, seed: int = 11) -> str:
    """One line of English words in random order, without a sentence end."""
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < chars:
        words.append(rng.choice(SALAD_WORDS))
        size += len(words[-1]) + 1
    return " ".join(words)[:chars]


def ordinary_articles() -> list[str]:
    """The shipped samples and, when ../shared is there, the seed articles."""
    lines = sample_path().read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    seeds = Path(SHARED, "seeds")
    if seeds.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    return texts


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model(None)


def same_annotation(one: Doc, other: Doc) -> bool:
    return one.text == other.text and (one.to_array(ATTRS) == other.to_array(ATTRS)).all()


# ---------------------------------------------------------------- windows


def test_windows_cover_the_text_and_end_after_line_breaks() -> None:
    text = "\n\n".join(PARAGRAPH for _ in range(30))
    windows = paragraph_windows(text, 1_000)
    assert windows[0][0] == 0 and windows[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(windows))
    assert all(end - start <= 1_000 for start, end in windows)
    assert all(text[end - 1] == "\n" and not text[end].isspace() for _, end in windows[:-1])


def test_a_paragraph_longer_than_a_window_is_cut_after_a_sentence_end() -> None:
    text = " ".join(PARAGRAPH for _ in range(20))
    windows = paragraph_windows(text, 1_000)
    assert len(windows) > 1
    assert all(text[end - 2:end] == ". " for _, end in windows[:-1])


def test_a_text_within_one_window_is_one_window() -> None:
    assert paragraph_windows(PARAGRAPH, len(PARAGRAPH)) == [(0, len(PARAGRAPH))]
    assert paragraph_windows("", 10) == [(0, 0)]


def test_ordinary_articles_fit_in_one_window_and_parse_as_before(nlp: Language) -> None:
    """Before windows, a text under ``chunk_chars`` was parsed with one ``nlp(text)`` call; the
    shipped samples and the seed articles still are, with the same annotation."""
    window = Options().chunk_chars
    for text in ordinary_articles():
        assert len(paragraph_windows(text, window)) == 1
        assert same_annotation(parse(nlp, text, window), nlp(text))


def test_parse_many_batches_give_the_same_docs_in_order(nlp: Language) -> None:
    texts = ordinary_articles()[:12]
    long_text = "\n\n".join(texts)
    inputs = [*texts[:5], long_text, *texts[5:]]
    docs = list(parse_many(nlp, inputs, chunk_chars=8_000, batch_size=4))
    assert [d.text for d in docs] == inputs
    for text, doc in zip(inputs, docs, strict=True):
        if len(text) <= 8_000:
            assert same_annotation(doc, nlp(text))


def test_windowed_parse_keeps_offsets_and_differs_only_next_to_the_cuts(nlp: Language) -> None:
    """The joined Doc has the text's offsets, a sentence starts at each window, and the parse
    differs from one parse of the whole text only in the few tokens after a cut (the model sees
    a few tokens of context on each side)."""
    import numpy

    text = "\n\n".join(ordinary_articles()[:8])
    windows = paragraph_windows(text, 1_000)
    windowed, whole = parse(nlp, text, 1_000), nlp(text)
    assert len(windows) > 3
    assert windowed.text == text
    for token in windowed:
        assert text[token.idx: token.idx + len(token)] == token.text
    starts = {windowed.char_span(start, end, alignment_mode="expand").start  # type: ignore[union-attr]
              for start, end in windows}
    assert all(windowed[i].is_sent_start for i in starts)
    differ = numpy.nonzero((windowed.to_array(ATTRS) != whole.to_array(ATTRS)).any(axis=1))[0]
    assert len(differ) < len(windowed) / 50
    assert all(any(0 <= i - start < 30 for start in starts) for i in differ)


def test_the_dateline_is_found_in_the_whole_text_not_in_each_window(nlp: Language) -> None:
    """A later window opening like a dateline is no dateline: the sentence starts are those of
    one parse of the whole text."""
    first = f"Headline over the story\n\n{DATELINED}\n\n" + "\n\n".join([PARAGRAPH] * 6)
    text = f"{first}\n\n{DATELINED}\n\n{PARAGRAPH}"
    windows = paragraph_windows(text, len(first) + 2)
    assert len(windows) == 2 and text[windows[1][0]:].startswith("GOMA")
    windowed, whole = parse(nlp, text, len(first) + 2), nlp(text)
    assert [s.start for s in windowed.sents] == [s.start for s in whole.sents]


def test_windowed_article_codes_the_same_events(pipeline: Pipeline) -> None:
    text = "\n\n".join(ordinary_articles()[:6])
    article = Article(id="long", text=text, published="2025-05-03", published_basis="metadata")
    whole = pipeline.analyse(article, doc=pipeline.nlp(text))
    windowed = pipeline.analyse(article, doc=parse(pipeline.nlp, text, 1_000))
    assert len(paragraph_windows(text, 1_000)) > 3
    assert [e.to_dict() for e in windowed.events] == [e.to_dict() for e in whole.events]
    assert len(whole.events) > 5


# ---------------------------------------------------------------- no sentence structure


def test_a_run_without_sentence_ends_is_found() -> None:
    assert find_run_without_sentences(PARAGRAPH * 100) is None
    line = salad(MAX_SENTENCE_CHARS + 1)
    text = f"{PARAGRAPH}\n{line}\n{PARAGRAPH}"
    assert find_run_without_sentences(text) == (len(PARAGRAPH) + 1, len(PARAGRAPH) + 1 + len(line))
    assert find_run_without_sentences(salad(MAX_SENTENCE_CHARS)) is None


def test_word_salad_is_refused_naming_the_input_and_what_to_do() -> None:
    with pytest.raises(NoSentencesError) as caught:
        refuse_without_sentences(salad(200_000), "salad.txt")
    message = str(caught.value)
    assert message.startswith("[E111] salad.txt: no sentence structure: 200,000 characters")
    assert "put the text's sentences or lines back" in message


def test_a_200k_character_line_of_word_salad_yields_no_events() -> None:
    """Issue 11: such a line gave 311 events; it is refused before it is parsed."""
    with pytest.raises(NoSentencesError, match=r"\[E111\] \w+: no sentence structure"):
        extract_one(salad(200_000), published="2025-05-03")


def test_word_salad_in_a_batch_is_a_failure_and_the_others_are_coded(pipeline: Pipeline) -> None:
    good = Article(id="good", text=PARAGRAPH, published="2025-05-03", published_basis="metadata")
    bad = Article(id="salad", text=salad(20_000), published="2025-05-03",
                  published_basis="metadata")
    coded = list(code_batch(pipeline, [good, bad]))
    assert not isinstance(coded[0], Failure) and coded[0].events
    assert isinstance(coded[1], Failure)
    assert (coded[1].source, coded[1].code) == ("salad", "E111")
    assert "no sentence structure" in coded[1].reason
