"""Readers by what a file holds: each turns one input into Articles, or Failures for what it
cannot read.

A file's kind is sniffed from its first bytes (gzip, WARC, JSON, JSONL, RSS/Atom feed, other
XML, HTML, plain text), never taken from its name alone: ``feeds/*.xml`` are read as feeds,
``out.json`` as JSON, a gzip file named ``.txt`` is unpacked first. ``READERS`` maps a file
suffix to a reader: the built-in suffixes map to the sniffing reader (``read_file``), and a
plug-in's ``register_reader`` takes its suffix over. Built-in readers yield ``Sourced``
articles (with their source key, see ``identity``); ``read_inputs`` gives the Articles alone,
``read_sourced`` keeps the keys for ``ingest``.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..config import Options
from ..errors import EmptyInputError, InputError, MalformedRecordError, UnsupportedInputError
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
from .identity import Sourced, record_key, resolved, sourced_by_content
from .paths import STDIN, unreadable_file, walk_directory
from .paths import expand_path as _expand_path
from .sniff import SINGLE_ARTICLE_KINDS, Kind, sniff

Item = Article | Failure
SourcedItem = Sourced | Failure
Reader = Callable[[Path, Options, Metadata], Iterator[Article | Sourced | Failure]]

READERS: dict[str, Reader] = {}
MANY_RECORD_SUFFIXES: set[str] = set()
"""Suffixes of plug-in readers whose files hold several articles."""
SNIFF_HEAD = 65_536
RECORDS_SIZE_FACTOR = 100
"""A JSON file, feed or stdin stream of records may be this many times ``max_bytes``."""


@dataclass(frozen=True)
class Input:
    """One input's bytes: a file, a gzip file's content, or standard input."""

    name: str
    """As the user gave it: the location in failure rows."""
    open: Callable[[], BinaryIO]
    size: int | None = None
    """The size on disk, when reading it whole costs nothing to know."""
    key_base: str | None = None
    """The resolved path that source keys build on; None (stdin): keys come from content."""

    def fallback_key(self, position: str = "") -> str | None:
        return f"{self.key_base}{position}" if self.key_base else None


KindReader = Callable[[Input, Options, Metadata], Iterator[SourcedItem]]
KIND_READERS: dict[str, KindReader] = {}


def register_kind(kind: str, reader: KindReader) -> None:
    """The built-in reader of one sniffed kind (the feed and WARC modules add theirs)."""
    KIND_READERS[kind] = reader


def register_reader(suffix: str, reader: Reader, *, many: bool = False) -> None:
    """Read files ending in ``suffix`` (e.g. ``.rss``, ``.warc.gz``) with ``reader``."""
    suffix = suffix.lower()
    READERS[suffix] = reader
    if many:
        MANY_RECORD_SUFFIXES.add(suffix)
    else:
        MANY_RECORD_SUFFIXES.discard(suffix)


def unregister_reader(suffix: str) -> None:
    """Remove a plug-in's reader; a built-in suffix goes back to the sniffing reader."""
    suffix = suffix.lower()
    READERS.pop(suffix, None)
    MANY_RECORD_SUFFIXES.discard(suffix)
    if suffix in BUILTIN_SUFFIXES:
        READERS[suffix] = read_file


def suffix_of(path: Path) -> str | None:
    """The longest registered suffix that ``path``'s name ends with, if any."""
    name = path.name.lower()
    matches = [s for s in READERS if name.endswith(s)]
    return max(matches, key=len) if matches else None


def reader_for(path: Path) -> Reader:
    """A plug-in's reader for ``path``'s suffix, else the built-in sniffing reader."""
    suffix = suffix_of(path)
    return READERS[suffix] if suffix else read_file


def read_inputs(
    paths: Iterable[str], options: Options, defaults: Mapping[str, Any] | None = None
) -> Iterator[Item]:
    """Every article of every path (files, directories, globs, ``-`` for stdin), in order.

    Never raises for one bad input: it becomes a Failure and the rest go on. ``defaults``
    (``published``, ``url``, ``title``, ``outlet``) fill what a plain text input lacks.
    """
    for item in read_sourced(paths, options, defaults):
        yield item.article if isinstance(item, Sourced) else item


def read_sourced(
    paths: Iterable[str], options: Options, defaults: Mapping[str, Any] | None = None
) -> Iterator[SourcedItem]:
    """As ``read_inputs``, each article with its source key and location (for ``ingest``)."""
    meta = _defaults(defaults)
    for path in paths:
        for target in expand_path(path):
            if isinstance(target, Failure):
                yield target
            elif target == STDIN:
                yield from _guarded("<stdin>", lambda: _read_stdin(options, meta))
            else:
                yield from _read_one_path(Path(target), options, meta)


def yields_one_article(paths: list[str]) -> bool:
    """True when the arguments name one single-article input: output one object, not an array."""
    if len(paths) != 1:
        return False
    if paths[0] == STDIN:
        return True
    path = Path(paths[0])
    if not path.is_file():
        return False
    if reader_for(path) is not read_file:
        return suffix_of(path) not in MANY_RECORD_SUFFIXES
    try:
        return file_kind(path) in SINGLE_ARTICLE_KINDS
    except OSError:
        return True


def expand_path(path: str) -> Iterator[str | Failure]:
    """A path, a directory's readable files (recursively, sorted) or a glob's matches; a
    Failure for each path that cannot be read (missing, no permission, a link loop)."""
    return _expand_path(path, _wanted)


def directory_files(directory: Path) -> list[Path]:
    """Files of a kind that has a reader, under ``directory``, hidden ones left out."""
    return [Path(p) for p in walk_directory(directory, _wanted) if isinstance(p, str)]


def file_kind(path: Path) -> Kind:
    """The sniffed kind of a file (a gzip file: of its content)."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_HEAD)
    kind = sniff(head, path.name)
    if kind == "gzip":
        inner = _gunzip_head(path)
        return sniff(inner, path.name.removesuffix(".gz")) if inner is not None else kind
    return kind


def _wanted(path: Path) -> bool:
    return suffix_of(path) is not None


def _read_one_path(path: Path, options: Options, meta: Metadata) -> Iterator[SourcedItem]:
    reader = reader_for(path)
    if reader is read_file:
        yield from _guarded(str(path), lambda: sourced_file_items(path, options, meta))
    else:
        yield from _guarded(str(path), lambda: _plugin_items(reader, path, options, meta))


def _plugin_items(reader: Reader, path: Path, options: Options, meta: Metadata
                  ) -> Iterator[SourcedItem]:
    """A plug-in's Articles with keys: their URL, else the file's path and the article's id."""
    base = resolved(path)
    for item in reader(path, options, meta):
        if isinstance(item, Article):
            key = record_key(item.url, None, f"{base}#{item.id}")
            yield Sourced(item, key, str(path))
        else:
            yield item


def _guarded(source: str, produce: Callable[[], Iterator[SourcedItem]]) -> Iterator[SourcedItem]:
    """Run a reader; whatever it raises becomes a Failure for ``source``."""
    try:
        yield from produce()
    except InputError as error:
        yield Failure.from_error(error, source)
    except (EOFError, zlib.error, gzip.BadGzipFile) as error:
        reason = (f"compressed data that is truncated or corrupt ({error}); the records before "
                  "the damage were read: download or pack the file again")
        yield Failure(source, reason, MalformedRecordError.code)
    except OSError as error:
        yield unreadable_file(source, error)
    except Exception as error:  # a reader's bug must not end the batch
        reason = f"unexpected error while reading ({type(error).__name__}: {error})"
        yield Failure(source, reason, InputError.code)


def _defaults(defaults: Mapping[str, Any] | None) -> Metadata:
    values = dict(defaults or {})
    return Metadata(
        published=values.get("published"),
        url=values.get("url"),
        title=values.get("title"),
        outlet=values.get("outlet"),
    )


# -- the sniffing reader ------------------------------------------------------------------------


def read_file(path: Path, options: Options, meta: Metadata) -> Iterator[Item]:
    """Any file: its kind sniffed from its content, then read by that kind's reader."""
    for item in sourced_file_items(path, options, meta):
        yield item.article if isinstance(item, Sourced) else item


def sourced_file_items(path: Path, options: Options, meta: Metadata) -> Iterator[SourcedItem]:
    source = Input(str(path), lambda: path.open("rb"), path.stat().st_size, resolved(path))
    with source.open() as handle:
        head = handle.read(SNIFF_HEAD)
    yield from _by_kind(sniff(head, path.name), source, options, meta)


def _by_kind(kind: Kind, source: Input, options: Options, meta: Metadata
             ) -> Iterator[SourcedItem]:
    if kind not in KIND_READERS:  # pragma: no cover - every kind has a built-in reader
        raise UnsupportedInputError(f"no reader for {kind} files", source=source.name)
    yield from KIND_READERS[kind](source, options, meta)


def _gunzip_head(path: Path) -> bytes | None:
    return _unpacked_head(Input(str(path), lambda: path.open("rb")))


def _unpacked_head(source: Input) -> bytes | None:
    """The first unpacked bytes of a gzip input (of a truncated one too); None if corrupt."""
    with source.open() as handle:
        packed = handle.read(SNIFF_HEAD)
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(packed, SNIFF_HEAD)
    except zlib.error:
        return None


def _gunzipped(source: Input) -> Callable[[], BinaryIO]:
    def opener() -> BinaryIO:
        return gzip.GzipFile(fileobj=source.open(), mode="rb")  # type: ignore[return-value]

    return opener


def read_gzip(source: Input, options: Options, meta: Metadata) -> Iterator[SourcedItem]:
    """A gzip file: its content sniffed and read as that kind (WARC archives as WARC)."""
    head = _unpacked_head(source)
    if head is None:
        raise UnsupportedInputError(
            "a gzip file that cannot be unpacked (truncated or corrupt); check the download",
            source=source.name)
    kind = sniff(head, source.name.removesuffix(".gz"))
    if kind == "warc":  # warcio reads gzipped WARC record by record
        yield from KIND_READERS["warc"](source, options, meta)
        return
    if kind == "gzip":
        raise UnsupportedInputError("gzip inside gzip: unpack it first", source=source.name)
    inner = Input(source.name, _gunzipped(source), None, source.key_base)
    yield from _by_kind(kind, inner, options, meta)


def bounded_size(source: Input) -> int | None:
    """The input's size when known without reading it (a file on disk)."""
    return source.size


def bounded_bytes(source: Input, budget: int, limit: int, what: str = "file") -> bytes:
    """The input's bytes; refuse one over ``budget`` (measured against ``limit``) unread."""
    if source.size is not None and source.size > budget:
        refuse_too_large(source.size, limit, source.name, what)
    with source.open() as handle:
        data = handle.read(budget + 1)
    if len(data) > budget:
        refuse_too_large(len(data), limit, source.name, what)
    return data


# -- plain text and HTML ---------------------------------------------------------------------


def read_text(source: Input, options: Options, meta: Metadata) -> Iterator[SourcedItem]:
    """A plain text file: one article, its id the file name without extension."""
    data = bounded_bytes(source, 4 * options.max_bytes, options.max_bytes)
    article = article_from_text(
        data, source=source.name, article_id=_stem(source), options=options, **_meta_kwargs(meta)
    )
    yield sourced_item(article, source)


def read_html(source: Input, options: Options, meta: Metadata) -> Iterator[SourcedItem]:
    """An HTML page: its main text, title and date; run-wide defaults fill only the gaps."""
    limit = HTML_SIZE_FACTOR * options.max_bytes
    data = bounded_bytes(source, limit, limit, "HTML page")
    article = article_from_html(data, source=source.name, article_id=_stem(source),
                                options=options)
    yield sourced_item(with_defaults(article, meta), source)


def _stem(source: Input) -> str | None:
    if source.key_base is None:
        return None
    return Path(Path(source.name).name.removesuffix(".gz")).stem


def sourced_item(article: Article, source: Input, position: str = "", *, url: str | None = None,
             given_id: str | None = None, offset: int | None = None) -> Sourced:
    location = f"{source.name}{position}"
    fallback = source.fallback_key(position)
    if fallback is None and not (url or given_id):
        return sourced_by_content(article, location)
    key = record_key(url, given_id, fallback or location)
    return Sourced(article, key, location, offset)


def _read_stdin(options: Options, meta: Metadata) -> Iterator[SourcedItem]:
    buffer = getattr(sys.stdin, "buffer", None)
    budget = RECORDS_SIZE_FACTOR * options.max_bytes
    if buffer is not None:
        data = buffer.read(budget + 1)
    else:
        data = sys.stdin.read(budget + 1).encode("utf-8", "surrogatepass")
    if len(data) > budget:
        refuse_too_large(len(data), budget, "<stdin>", "input")
    source = Input("<stdin>", lambda: io.BytesIO(data), len(data), None)
    yield from _by_kind(sniff(data[:SNIFF_HEAD]), source, options, meta)


def _meta_kwargs(meta: Metadata) -> dict[str, str | None]:
    return {
        "published": meta.published,
        "url": meta.url,
        "title": meta.title,
        "outlet": meta.outlet,
    }


def refuse_xml(source: Input, options: Options, meta: Metadata) -> Iterator[SourcedItem]:
    """XML that is no RSS/Atom feed (a sitemap, a config file): nothing to code."""
    raise UnsupportedInputError(
        "XML, but not an RSS or Atom feed (its root element is neither <rss>, <feed> nor "
        "<rdf:RDF>): give newsevents feeds, HTML pages, text, JSON or JSONL articles",
        source=source.name)
    yield  # pragma: no cover


def empty_records(source: Input, what: str) -> EmptyInputError:
    return EmptyInputError(f"the {what} holds no records (it is empty)", source=source.name)


BUILTIN_SUFFIXES: tuple[str, ...] = (
    ".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".json", ".xml",
    ".rss", ".atom", ".rdf", ".warc", ".warc.gz", ".gz",
)
"""Files found in a directory are read when their name ends in one of these (or a plug-in's)."""

for _suffix in BUILTIN_SUFFIXES:
    register_reader(_suffix, read_file)
register_kind("text", read_text)
register_kind("html", read_html)
register_kind("gzip", read_gzip)
register_kind("xml", refuse_xml)
