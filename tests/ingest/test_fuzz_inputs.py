"""Acceptance (issue 11): property-based fuzzing of the readers and of ``extract``: 10^4
generated inputs (8,000 files of every kind, 2,000 texts to code), none of which may crash.

Every file becomes Articles or Failures with a reason (never a reader bug, "unexpected
error"); every text is coded or refused with an InputError. Marked slow; ``.ci/run`` runs it
(about a minute on two cores).
"""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsevents
from newsevents.config import Options
from newsevents.errors import InputError
from newsevents.ingest import Failure, Sourced, read_sourced

READER_EXAMPLES = 8_000
EXTRACT_EXAMPLES = 2_000
OPTIONS = Options(max_bytes=20_000)
SENTENCE = ("Kenya's interior minister said on Monday that police had arrested twelve people "
            "after protests turned violent in the capital. ")
PIECES = st.sampled_from([
    SENTENCE, "“We will respond,” he said. ", "\n", "\r", "\r\n", "\n\n", " ", "\t", "\x00",
    "\x07", "\x1b", "<html>", "<body>", "<p>", "</p>", "<div>", "<script>x()</script>",
    "<?xml version='1.0'?>", "<rss><channel><item><description>", "</description></item>",
    "<feed xmlns='http://www.w3.org/2005/Atom'><entry><content>", "WARC/1.0\r\n",
    "WARC-Type: response\r\nContent-Length: 20\r\n\r\n", '{"text": "', '{"html": "<p>',
    '", "id": 1, "published": "2025-02-30"}', '"}', "[", "]", "{", "}", ",", '"', "\\",
    "中国外交部发言人周二表示", "El gobierno anunció el martes", "&amp;", "&#0;", "\ufeff",
    "\ud7ff", "ü", "2025-05-03", "0001-01-01",
])
TEXT = st.lists(PIECES, max_size=30).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "utf-16-le"])
SUFFIXES = st.sampled_from([".txt", ".json", ".jsonl", ".xml", ".rss", ".atom", ".html",
                            ".gz", ".warc", ".warc.gz", ".md", ""])


@st.composite
def file_bytes(draw: st.DrawFn) -> bytes:
    """Text in some encoding, raw bytes, or either of them gzipped or cut short."""
    if draw(st.booleans()):
        data = draw(TEXT).encode(draw(ENCODINGS), "replace")
    else:
        data = draw(st.binary(max_size=300))
    if draw(st.integers(0, 3)) == 0:
        data = gzip.compress(data)
    if draw(st.integers(0, 4)) == 0 and data:
        data = data[: draw(st.integers(0, len(data) - 1))]
    return data


@pytest.mark.slow
@settings(max_examples=READER_EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=file_bytes(), suffix=SUFFIXES)
def test_readers_never_crash(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_sourced([str(path)], OPTIONS))
    assert items, "an input that yields nothing is a silent drop"
    for item in items:
        assert isinstance(item, Sourced | Failure)
        if isinstance(item, Failure):
            assert item.reason and item.code.startswith("E1"), item
            assert "unexpected error" not in item.reason, item
            assert item.source.startswith(str(path)), item


@pytest.mark.slow
@settings(max_examples=EXTRACT_EXAMPLES, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, published=st.sampled_from([None, "2025-05-03", "2024-02-29T10:00:00+02:00"]),
       html=st.booleans())
def test_extract_codes_or_refuses_every_text(text: str, published: str | None,
                                             html: bool) -> None:
    try:
        extraction = newsevents.extract(text, published=published, html=html)
    except InputError as error:
        assert error.reason and error.code.startswith("E1")
        return
    article = extraction.article
    for event in extraction.events:
        for mention in event.evidence:
            assert article.text[mention.trigger.start:mention.trigger.end] == mention.trigger.text

