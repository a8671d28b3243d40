"""Ingest: readers that turn each input kind (text, HTML, JSONL, …) into Article records.

Bad input is data, not a crash: ``read_inputs`` yields a ``Failure`` for each input (or
record) it cannot read, with the reason, and goes on. Readers are chosen by file suffix from
``READERS``; ``register_reader`` adds more (feeds, WARC).
"""

from __future__ import annotations

from . import feeds, warc  # noqa: F401  (register the feed and WARC readers)
from .article import (
    Metadata,
    article_from_html,
    article_from_text,
    is_iso_date,
    with_defaults,
)
from .decode import decode_bytes
from .failure import Failure
from .language import check_language, detect_language
from .readers import (
    MANY_RECORD_SUFFIXES,
    READERS,
    STDIN,
    Item,
    Reader,
    expand_path,
    read_inputs,
    reader_for,
    register_reader,
    unregister_reader,
    yields_one_article,
)

__all__ = [
    "MANY_RECORD_SUFFIXES",
    "READERS",
    "STDIN",
    "Failure",
    "Item",
    "Metadata",
    "Reader",
    "article_from_html",
    "article_from_text",
    "check_language",
    "decode_bytes",
    "detect_language",
    "expand_path",
    "is_iso_date",
    "read_inputs",
    "reader_for",
    "register_reader",
    "unregister_reader",
    "with_defaults",
    "yields_one_article",
]
