"""JSON Lines (one article a line) and JSON files (one article object, or an array of them).

A record has ``text`` or ``html``, and ``id``, ``url``, ``title``, ``outlet``, ``published``.
A bad line or array element becomes a Failure named ``path:LINE`` or ``path#N``; the rest go
on. JSON that holds no article records (``extract``'s own output, an array of Extractions)
is refused with a message that says so.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from ..config import Options
from ..errors import EmptyInputError, InputError, MalformedRecordError, UnsupportedInputError
from ..model import Article
from .article import Metadata, article_from_html, article_from_text, with_defaults
from .failure import Failure
from .readers import (
    RECORDS_SIZE_FACTOR,
    Input,
    SourcedItem,
    bounded_bytes,
    empty_records,
    register_kind,
    sourced_item,
)

EXTRACTION_KEYS = frozenset({"article", "events", "coder"})
"""An object with these keys is an Extraction (``extract``'s output), not an article."""


def read_jsonl(source: Input, options: Options, meta: Metadata) -> Iterator[SourcedItem]:
    """One article per line; a bad line becomes a Failure named ``path:LINE``."""
    with source.open() as handle:
        yield from jsonl_items(handle, source, options, meta)


def jsonl_items(lines: Any, source: Input, options: Options, meta: Metadata
                ) -> Iterator[SourcedItem]:
    offset, records = 0, 0
    for number, line in enumerate(lines, start=1):
        start, offset = offset, offset + len(line)
        if not line.strip():
            continue
        records += 1
        position = f":{number}"
        try:
            record = _json_record(line, f"{source.name}{position}")
            yield _record_item(record, source, position, options, meta, start)
        except InputError as error:
            failure = Failure.from_error(error, f"{source.name}{position}")
            failure.offset = start + (error.offset or 0)
            yield failure
    if not records:
        raise empty_records(source, "JSON Lines file")


def read_json(source: Input, options: Options, meta: Metadata) -> Iterator[SourcedItem]:
    """A JSON file: one article object, or an array of them (each named ``path#N``)."""
    limit = RECORDS_SIZE_FACTOR * options.max_bytes
    data = bounded_bytes(source, limit, limit, "JSON file")
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise MalformedRecordError(
            f"not valid UTF-8 JSON (byte at offset {error.start}); re-encode it as UTF-8",
            source=source.name) from None
    except json.JSONDecodeError as error:
        if len([line for line in data.splitlines() if line.strip()]) > 1:
            yield from jsonl_items(data.splitlines(keepends=True), source, options, meta)
            return
        raise MalformedRecordError(
            f"not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})",
            source=source.name) from None
    yield from _json_value_items(value, source, options, meta)


def _json_value_items(value: Any, source: Input, options: Options, meta: Metadata
                      ) -> Iterator[SourcedItem]:
    if isinstance(value, dict):
        _refuse_extraction(value, source, "a newsevents Extraction")
        yield _record_item(value, source, "", options, meta, None)
        return
    if not isinstance(value, list):
        raise UnsupportedInputError(
            f"JSON {type(value).__name__}, not an article object or an array of them "
            "(objects with a 'text' or 'html' field)", source=source.name)
    if not value:
        raise empty_records(source, "JSON array")
    if isinstance(value[0], dict):
        _refuse_extraction(value[0], source, "an array of newsevents Extractions")
    for number, record in enumerate(value, start=1):
        position = f"#{number}"
        try:
            if not isinstance(record, dict):
                raise MalformedRecordError(
                    f"element {number} is a JSON {type(record).__name__}, not an object with "
                    "a 'text' field", source=f"{source.name}{position}")
            yield _record_item(record, source, position, options, meta, None)
        except InputError as error:
            yield Failure.from_error(error, f"{source.name}{position}")


def _refuse_extraction(record: Mapping[str, Any], source: Input, what: str) -> None:
    if set(record) >= EXTRACTION_KEYS or ("article" in record and "events" in record):
        raise UnsupportedInputError(
            f"this is {what} (the output of `newsevents extract`), not articles: ingest the "
            "articles it was coded from (text, HTML, or JSON/JSONL records with a 'text' "
            "field)", source=source.name)


def _record_item(record: Mapping[str, Any], source: Input, position: str, options: Options,
                 meta: Metadata, offset: int | None) -> SourcedItem:
    name = f"{source.name}{position}"
    article = with_defaults(_record_article(record, name, options), meta)
    url = _optional_str(record, "url", name)
    given_id = _optional_str(record, "id", name)
    return sourced_item(article, source, position, url=url, given_id=given_id, offset=offset)


def _record_article(record: Mapping[str, Any], source: str, options: Options) -> Article:
    text, html = record.get("text"), record.get("html")
    fields = {
        "article_id": _optional_str(record, "id", source),
        "published": _optional_str(record, "published", source),
        "url": _optional_str(record, "url", source),
        "title": _optional_str(record, "title", source),
        "outlet": _optional_str(record, "outlet", source),
    }
    if isinstance(text, str) and text.strip():
        return article_from_text(text, source=source, options=options, **fields)
    if isinstance(html, str) and html.strip():
        return article_from_html(html, source=source, options=options, **fields)
    if isinstance(text, str) or isinstance(html, str):
        raise EmptyInputError("the record's text is empty", source=source)
    if text is not None or html is not None:
        wrong = "text" if text is not None else "html"
        raise MalformedRecordError(
            f"field '{wrong}' must be a string, not {type(text if text is not None else html).__name__}",
            source=source)
    raise MalformedRecordError("the record has no 'text' or 'html' string field", source=source)


def _json_record(line: bytes, source: str) -> dict[str, Any]:
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as error:
        exc = MalformedRecordError(
            f"line is not valid UTF-8 (byte at column {error.start + 1}); "
            "re-encode the file as UTF-8",
            source=source,
        )
        exc.offset = error.start
        raise exc from None
    except json.JSONDecodeError as error:
        raise MalformedRecordError(
            # json's messages may end in "at" ("Invalid control character at"): not "at at"
            f"line is not valid JSON ({error.msg.removesuffix(' at')} at column "
            f"{error.colno})", source=source
        ) from None
    if not isinstance(record, dict):
        raise MalformedRecordError(
            f"line is a JSON {type(record).__name__}, not an object with a 'text' field",
            source=source,
        )
    if set(record) >= EXTRACTION_KEYS:
        raise UnsupportedInputError(
            "this line is a newsevents Extraction (the output of `newsevents extract`), not "
            "an article: ingest the articles it was coded from", source=source)
    return record


def _optional_str(record: Mapping[str, Any], key: str, source: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise MalformedRecordError(
        f"field '{key}' must be a string, not {type(value).__name__}", source=source
    )


register_kind("jsonl", read_jsonl)
register_kind("json", read_json)
