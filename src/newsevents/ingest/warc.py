"""WARC archives (warcio), e.g. Common Crawl's CC-NEWS: one Article per HTML response record.

Records that are not HTML responses (requests, metadata, images, robots.txt) are not articles
and are passed over; an HTML page without article text becomes a Failure named ``path#N``
with the record's byte offset in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import InputError, MalformedRecordError
from .article import HTML_SIZE_FACTOR, Metadata, article_from_html, refuse_too_large, with_defaults
from .failure import Failure
from .readers import Item, register_reader

WARC_SUFFIXES: tuple[str, ...] = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: Path, options: Options, meta: Metadata | None = None) -> Iterator[Item]:
    """Every HTML page of a WARC file, in file order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    with path.open("rb") as handle:
        records = ArchiveIterator(handle)
        try:
            for record in records:
                if not is_html_response(record):
                    continue
                number += 1
                payload = record.content_stream().read(HTML_SIZE_FACTOR * options.max_bytes + 1)
                offset = records.get_record_offset()  # after the read: it consumes the record
                yield _record_item(record, payload, f"{path}#{number}", offset, options, meta)
        except ArchiveLoadFailed as error:
            raise MalformedRecordError(
                f"not a readable WARC file after record {number} ({error})", source=str(path)
            ) from None


def is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status == "200" and content_type.startswith(_HTML_TYPES)


def _record_item(
    record: Any, payload: bytes, source: str, offset: int, options: Options,
    meta: Metadata | None,
) -> Item:
    limit = HTML_SIZE_FACTOR * options.max_bytes
    try:
        refuse_too_large(len(payload), limit, source, "HTML page")
        article = article_from_html(
            payload, source=source, url=record.rec_headers.get_header("WARC-Target-URI"),
            options=options,
        )
    except InputError as error:
        failure = Failure.from_error(error, source)
        failure.offset = offset
        return failure
    return with_defaults(article, meta) if meta else article


def register() -> None:
    for suffix in WARC_SUFFIXES:
        register_reader(suffix, read_warc, many=True)


register()
