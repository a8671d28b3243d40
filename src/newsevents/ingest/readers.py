"""Readers by file kind: each turns one file into Articles, or Failures for what it cannot read.

``READERS`` maps a lower-case file suffix (``.txt``, ``.warc.gz``) to a reader; built-in kinds
use the same ``register_reader`` hook a plug-in would. A reader may raise an InputError for a
single-article file (it becomes one Failure); readers of many-record files yield a Failure per
bad record and go on.
"""

from __future__ import annotations

import glob
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from ..config import Options
from ..errors import EmptyInputError, InputError, InputNotFoundError, MalformedRecordError
from ..model import Article
from .article import (
    HTML_SIZE_FACTOR,
    Metadata,
    article_from_html,
    article_from_text,
    refuse_too_large,
    with_defaults,
)
from .failure import Failure

Item = Article | Failure
Reader = Callable[[Path, Options, Metadata], Iterator[Item]]

READERS: dict[str, Reader] = {}
MANY_RECORD_SUFFIXES: set[str] = set()
"""Suffixes whose files hold several articles (JSONL, feeds, WARC)."""
STDIN = "-"
_GLOB_CHARS = frozenset("*?[")


def register_reader(suffix: str, reader: Reader, *, many: bool = False) -> None:
    """Read files ending in ``suffix`` (e.g. ``.rss``, ``.warc.gz``) with ``reader``."""
    suffix = suffix.lower()
    READERS[suffix] = reader
    if many:
        MANY_RECORD_SUFFIXES.add(suffix)
    else:
        MANY_RECORD_SUFFIXES.discard(suffix)


def unregister_reader(suffix: str) -> None:
    READERS.pop(suffix.lower(), None)
    MANY_RECORD_SUFFIXES.discard(suffix.lower())


def suffix_of(path: Path) -> str | None:
    """The longest registered suffix that ``path``'s name ends with, if any."""
    name = path.name.lower()
    matches = [s for s in READERS if name.endswith(s)]
    return max(matches, key=len) if matches else None


def reader_for(path: Path) -> Reader:
    """The reader for ``path``; files of unknown kind are read as plain text."""
    suffix = suffix_of(path)
    return READERS[suffix] if suffix else read_text_file


def read_inputs(
    paths: Iterable[str], options: Options, defaults: Mapping[str, Any] | None = None
) -> Iterator[Item]:
    """Every article of every path (files, directories, globs, ``-`` for stdin), in order.

    Never raises for one bad input: it becomes a Failure and the rest go on. ``defaults``
    (``published``, ``url``, ``title``, ``outlet``) fill what a plain text input lacks.
    """
    meta = _defaults(defaults)
    for path in paths:
        for target in expand_path(path):
            if isinstance(target, Failure):
                yield target
            elif target == STDIN:
                yield from _guarded(STDIN, lambda: iter([_read_stdin(options, meta)]))
            else:
                yield from _read_one_path(Path(target), options, meta)


def yields_one_article(paths: list[str]) -> bool:
    """True when the arguments name one single-article input: output one object, not an array."""
    if len(paths) != 1:
        return False
    if paths[0] == STDIN:
        return True
    path = Path(paths[0])
    return path.is_file() and suffix_of(path) not in MANY_RECORD_SUFFIXES


def expand_path(path: str) -> Iterator[str | Failure]:
    """A path, a directory's readable files (recursively, sorted) or a glob's matches."""
    if path == STDIN:
        yield STDIN
        return
    candidate = Path(path)
    if candidate.is_dir():
        yield from (str(p) for p in directory_files(candidate))
    elif candidate.exists():
        yield path
    elif _GLOB_CHARS & set(path):
        yield from _expand_glob(path)
    else:
        yield _failure(InputNotFoundError("no such file or directory", source=path))


def directory_files(directory: Path) -> list[Path]:
    """Files of a kind that has a reader, under ``directory``, hidden ones left out."""
    return sorted(
        p
        for p in directory.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(directory).parts)
        and suffix_of(p) is not None
    )


def _expand_glob(pattern: str) -> Iterator[str | Failure]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield _failure(InputNotFoundError("no file matches this pattern", source=pattern))
    for match in matches:
        if Path(match).is_dir():
            yield from (str(p) for p in directory_files(Path(match)))
        else:
            yield match


def _read_one_path(path: Path, options: Options, meta: Metadata) -> Iterator[Item]:
    reader = reader_for(path)
    yield from _guarded(str(path), lambda: reader(path, options, meta))


def _guarded(source: str, produce: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Run a reader; whatever it raises becomes a Failure for ``source``."""
    try:
        yield from produce()
    except InputError as error:
        yield _failure(error, source)
    except OSError as error:
        yield Failure(source, f"cannot read: {error.strerror or error}", InputError.code)
    except Exception as error:  # a reader's bug must not end the batch
        reason = f"unexpected error while reading ({type(error).__name__}: {error})"
        yield Failure(source, reason, InputError.code)


def _failure(error: InputError, source: str | None = None) -> Failure:
    return Failure.from_error(error, source)


def _defaults(defaults: Mapping[str, Any] | None) -> Metadata:
    values = dict(defaults or {})
    return Metadata(
        published=values.get("published"),
        url=values.get("url"),
        title=values.get("title"),
        outlet=values.get("outlet"),
    )


def _read_limited(handle: BinaryIO, budget: int, limit: int, source: str) -> bytes:
    """Read at most ``budget`` bytes; refuse a longer stream without reading it all."""
    data = handle.read(budget + 1)
    if len(data) > budget:
        refuse_too_large(len(data), limit, source, "input")
    return data


def _file_bytes(path: Path, budget: int, limit: int) -> bytes:
    """The file's bytes; a file over ``budget`` on disk is refused (against ``limit``) unread."""
    size = path.stat().st_size
    if size > budget:
        refuse_too_large(size, limit, str(path), "file")
    return path.read_bytes()


# -- built-in readers ------------------------------------------------------------------------


def read_text_file(path: Path, options: Options, meta: Metadata) -> Iterator[Item]:
    """A plain text file: one article, its id the file name without extension."""
    data = _file_bytes(path, 4 * options.max_bytes, options.max_bytes)
    article = article_from_text(
        data, source=str(path), article_id=path.stem, options=options, **_meta_kwargs(meta)
    )
    yield article


def read_html_file(path: Path, options: Options, meta: Metadata) -> Iterator[Item]:
    """An HTML page: its main text, title and date; run-wide defaults fill only the gaps."""
    limit = HTML_SIZE_FACTOR * options.max_bytes
    data = _file_bytes(path, limit, limit)
    article = article_from_html(data, source=str(path), article_id=path.stem, options=options)
    yield with_defaults(article, meta)


def read_jsonl_file(path: Path, options: Options, meta: Metadata) -> Iterator[Item]:
    """One article per line: ``text`` or ``html``, and ``id``, ``url``, ``title``, ``outlet``,
    ``published``. A bad line becomes a Failure named ``path:LINE``; the rest go on."""
    offset = 0
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            source = f"{path}:{number}"
            try:
                yield with_defaults(_jsonl_article(line, source, options), meta)
            except InputError as error:
                failure = _failure(error, source)
                failure.offset = start + (error.offset or 0)
                yield failure


def _jsonl_article(line: bytes, source: str, options: Options) -> Article:
    record = _json_record(line, source)
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
    raise MalformedRecordError(
        "the record has no 'text' or 'html' string field", source=source
    )


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
            f"line is not valid JSON ({error.msg} at column {error.colno})", source=source
        ) from None
    if not isinstance(record, dict):
        raise MalformedRecordError(
            f"line is a JSON {type(record).__name__}, not an object with a 'text' field",
            source=source,
        )
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


def _read_stdin(options: Options, meta: Metadata) -> Article:
    source = "<stdin>"
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        data: str | bytes = _read_limited(buffer, 4 * options.max_bytes, options.max_bytes, source)
    else:
        data = sys.stdin.read(options.max_bytes + 1)
    return article_from_text(data, source=source, options=options, **_meta_kwargs(meta))


def _meta_kwargs(meta: Metadata) -> dict[str, str | None]:
    return {
        "published": meta.published,
        "url": meta.url,
        "title": meta.title,
        "outlet": meta.outlet,
    }


for _suffix in (".txt", ".text"):
    register_reader(_suffix, read_text_file)
for _suffix in (".html", ".htm", ".xhtml"):
    register_reader(_suffix, read_html_file)
for _suffix in (".jsonl", ".ndjson"):
    register_reader(_suffix, read_jsonl_file, many=True)
