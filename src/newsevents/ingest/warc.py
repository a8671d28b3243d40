"""WARC archives (warcio), e.g. Common Crawl's CC-NEWS: one Article per HTML response record.

Records that are not HTML responses (requests, metadata, images, robots.txt) are not articles
and are passed over; an HTML page without article text becomes a Failure named ``path#N``
with the record's byte offset in the file. A truncated archive loses nothing in silence: a
record cut short, and bytes after the last whole record that cannot be read, are Failures.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import EmptyInputError, InputError, MalformedRecordError, NoArticleError
from .article import HTML_SIZE_FACTOR, Metadata, article_from_html, refuse_too_large, with_defaults
from .failure import Failure
from .identity import Sourced, resolved
from .readers import Input, Item, SourcedItem, bounded_size, register_kind, sourced_item

WARC_SUFFIXES: tuple[str, ...] = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
TRAILING_SLACK = 4
"""Bytes after the last record that are only line ends, not a lost record."""


def read_warc(path: Path, options: Options, meta: Metadata | None = None) -> Iterator[Item]:
    """Every HTML page of a WARC file, in file order."""
    source = Input(str(path), lambda: path.open("rb"), path.stat().st_size, resolved(path))
    for item in warc_items(source, options, meta or Metadata()):
        yield item.article if isinstance(item, Sourced) else item


def warc_items(source: Input, options: Options, meta: Metadata) -> Iterator[SourcedItem]:
    """Every HTML page of a WARC archive with its key (the target URI, else ``path#N``)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    with source.open() as handle:
        records = ArchiveIterator(handle)
        try:
            for record in records:
                if not is_html_response(record):
                    continue
                number += 1
                yield _page(record, records, source, number, options, meta)
        except ArchiveLoadFailed as error:
            raise MalformedRecordError(
                f"not a readable WARC file after record {number} ({error})", source=source.name
            ) from None
        except (EOFError, OSError) as error:  # a gzip member cut short
            yield _truncated(source, number + 1, getattr(records, "offset", None), str(error))
            return
        except (ValueError, AttributeError, KeyError, IndexError, TypeError) as error:
            # warcio's parser on malformed headers: the archive is damaged, not our reader
            raise MalformedRecordError(
                f"not a readable WARC file after record {number} (malformed record headers: "
                f"{type(error).__name__}: {error})", source=source.name) from None
        size = bounded_size(source)
        end = getattr(records, "offset", None)
        if size is not None and end is not None and size - end > TRAILING_SLACK:
            yield _truncated(source, number + 1, end, f"{size - end} bytes cannot be read")
        if number == 0 and not end:
            raise EmptyInputError("the WARC file holds no record (it is empty)",
                                  source=source.name)
        if number == 0:
            raise NoArticleError(
                "the WARC file holds no HTML page (a response record with status 200 and an "
                "HTML content type): nothing to code", source=source.name)


def _page(record: Any, records: Any, source: Input, number: int, options: Options,
          meta: Metadata) -> SourcedItem:
    payload = record.content_stream().read(HTML_SIZE_FACTOR * options.max_bytes + 1)
    offset = records.get_record_offset()  # after the read: it consumes the record
    record.raw_stream.read()
    position = f"#{number}"
    if getattr(record.raw_stream, "limit", 0) > 0:
        return _truncated(source, number, offset, "the record ends before its stated length")
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        refuse_too_large(len(payload), HTML_SIZE_FACTOR * options.max_bytes,
                         f"{source.name}{position}", "HTML page")
        article = article_from_html(payload, source=f"{source.name}{position}", url=url,
                                    options=options)
    except InputError as error:
        failure = Failure.from_error(error, f"{source.name}{position}")
        failure.offset = offset
        return failure
    return sourced_item(with_defaults(article, meta), source, position, url=url, offset=offset)


def _truncated(source: Input, number: int, offset: int | None, detail: str) -> Failure:
    reason = (f"truncated WARC file: record {number} is cut short ({detail}); the records "
              "before it were read: download the file again to read the rest")
    return Failure(f"{source.name}#{number}", reason, MalformedRecordError.code, offset)


def is_html_response(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return status == "200" and content_type.startswith(_HTML_TYPES)


register_kind("warc", warc_items)
