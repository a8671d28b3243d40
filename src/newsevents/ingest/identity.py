"""Input identity: a stable source key and a content version for every article read.

The source key says *which* input an article is, across runs: the URL a record states, else
its caller-given id (a JSONL ``id``, a feed entry's guid), else the input's resolved path (and
the record's position in it). The content version says *which text* it is: the sha256 of the
normalised text. ``ingest`` skips a key it has stored with the same version, stores a new
version of a key whose text changed (the old version's events are kept, marked superseded),
and records a second key for a text it already has (one article, two sources).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ..model import Article

CONTENT_KEY_PREFIX = "sha256:"
"""Key of an input with no name of its own (standard input): its content, so that every
distinct text piped in is an article of its own."""


@dataclass(frozen=True)
class Sourced:
    """An article as read, with its source key and where it was read (for failure rows and
    provenance): ``path``, ``path:LINE`` for a JSONL line, ``path#N`` for the N-th record."""

    article: Article
    key: str
    location: str
    offset: int | None = None


def content_version(text: str) -> str:
    """The sha256 of the (normalised) text: the same text, the same version."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def content_id(text: str) -> str:
    """The store's id of an article: the first 16 hex of its content version."""
    return content_version(text)[:16]


def resolved(path: Path | str) -> str:
    """The absolute path without symlinks: ``./a.txt`` and ``/data/a.txt`` are one key."""
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):  # a symlink loop: the path as given
        return str(Path(path).absolute())


def record_key(url: str | None, given_id: str | None, fallback: str) -> str:
    """A record's key: the URL it states, else its own id, else ``fallback`` (path and place)."""
    for value in (url, given_id):
        if value and value.strip():
            return value.strip()
    return fallback


def sourced_by_content(article: Article, location: str) -> Sourced:
    return Sourced(article, CONTENT_KEY_PREFIX + content_version(article.text), location)
