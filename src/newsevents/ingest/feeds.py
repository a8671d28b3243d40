"""RSS/Atom feed files (feedparser): one Article per entry, a Failure per unreadable entry.

An entry's text is its full content when the feed carries it, else its summary; HTML markup is
reduced to text. Its id is the entry's id (guid), else its link, else the text's hash.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import EmptyInputError, InputError, MalformedRecordError
from .article import Metadata, article_from_text, with_defaults
from .failure import Failure
from .identity import Sourced, resolved
from .readers import Input, Item, SourcedItem, bounded_bytes, register_kind, sourced_item

FEED_SUFFIXES: tuple[str, ...] = (".rss", ".atom", ".rdf")
_BLOCK_TAGS = re.compile(r"(?i)</?(?:p|div|br|li|h[1-6]|blockquote|section|article)\b[^>]*>")


def read_feed(path: Path, options: Options, meta: Metadata | None = None) -> Iterator[Item]:
    """Every entry of an RSS/Atom file; ``path#N`` names the N-th entry in failures."""
    source = Input(str(path), lambda: path.open("rb"), path.stat().st_size, resolved(path))
    for item in feed_items(source, options, meta or Metadata()):
        yield item.article if isinstance(item, Sourced) else item


def feed_items(source: Input, options: Options, meta: Metadata) -> Iterator[SourcedItem]:
    """Every entry of a feed with its source key: its link, else its guid, else ``path#N``."""
    import feedparser

    limit = 10 * options.max_bytes
    parsed = feedparser.parse(bounded_bytes(source, limit, limit, "feed file"))
    entries = parsed.get("entries") or []
    if not entries:
        error = parsed.get("bozo_exception")
        reason = (f"not a readable RSS/Atom feed ({error})" if parsed.get("bozo")
                  else "the feed has no entries")
        raise MalformedRecordError(reason, source=source.name)
    outlet = (parsed.get("feed") or {}).get("title") or None
    items = list(_entries(entries, source, outlet, options, meta))
    if parsed.get("bozo") and not any(isinstance(i, Sourced) for i in items):
        raise MalformedRecordError(
            f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')}): no entry could be "
            "read; check that the file is whole", source=source.name)
    yield from items


def _entries(entries: list[Any], source: Input, outlet: str | None, options: Options,
             meta: Metadata) -> Iterator[SourcedItem]:
    for number, entry in enumerate(entries, start=1):
        position = f"#{number}"
        try:
            article = entry_article(entry, source=f"{source.name}{position}", outlet=outlet,
                                    options=options)
        except InputError as error:
            yield Failure.from_error(error, f"{source.name}{position}")
            continue
        yield sourced_item(with_defaults(article, meta), source, position,
                           url=entry.get("link") or None, given_id=entry.get("id") or None)


def entry_article(entry: Any, *, source: str, outlet: str | None, options: Options) -> Any:
    """One feed entry as an Article (raises InputError when it has no usable text)."""
    body = entry_text(entry)
    if not body.strip():
        raise EmptyInputError("the feed entry has no content or summary", source=source)
    return article_from_text(
        body,
        source=source,
        article_id=entry.get("id") or entry.get("link") or None,
        published=entry_date(entry),
        url=entry.get("link") or None,
        title=entry.get("title") or None,
        outlet=outlet,
        options=options,
    )


def entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    raw = max(values, key=len) if values else entry.get("summary") or ""
    return html_to_text(raw) if "<" in raw else raw


def html_to_text(markup: str) -> str:
    """Text of an HTML fragment, block elements on their own lines."""
    import lxml.html

    marked = _BLOCK_TAGS.sub("\n\n", markup)
    try:
        text = str(lxml.html.fromstring(f"<div>{marked}</div>").text_content())
    except Exception:  # lxml refuses some fragments; fall back to removing tags
        text = re.sub(r"<[^>]+>", " ", marked)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


register_kind("feed", feed_items)
