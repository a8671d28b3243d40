"""Ingest: readers that turn each input kind (text, HTML, JSON, JSONL, feeds, WARC, gzip) into
Article records.

Bad input is data, not a crash: ``read_inputs`` yields a ``Failure`` for each input (or
record) it cannot read, with the reason, and goes on. A file's kind is sniffed from its
content; ``register_reader`` lets a plug-in read files of its own suffix. ``read_sourced``
gives each article with its source key (``identity``) for the store.
"""

from __future__ import annotations

from . import feeds, records, warc  # noqa: F401  (register the feed, JSON and WARC readers)
from .article import (
    Metadata,
    article_from_html,
    article_from_text,
    check_published,
    is_iso_date,
    with_defaults,
)
from .decode import decode_bytes
from .failure import Failure
from .identity import Sourced, content_id, content_version
from .language import check_language, detect_language
from .readers import (
    MANY_RECORD_SUFFIXES,
    READERS,
    STDIN,
    Item,
    Reader,
    expand_path,
    file_kind,
    read_inputs,
    read_sourced,
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
    "Sourced",
    "article_from_html",
    "article_from_text",
    "check_language",
    "check_published",
    "content_id",
    "content_version",
    "decode_bytes",
    "detect_language",
    "expand_path",
    "file_kind",
    "is_iso_date",
    "read_inputs",
    "read_sourced",
    "reader_for",
    "register_reader",
    "unregister_reader",
    "with_defaults",
    "yields_one_article",
]
