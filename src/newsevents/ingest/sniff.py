"""What a file holds, from its first bytes rather than its name: gzip, WARC, JSON/JSONL,
RSS/Atom feed, other XML, HTML or plain text."""

from __future__ import annotations

import re
from typing import Literal

from .decode import SNIFF_BYTES, bom_codec

Kind = Literal["gzip", "warc", "json", "jsonl", "feed", "xml", "html", "text"]
SINGLE_ARTICLE_KINDS: frozenset[str] = frozenset({"html", "text"})
"""Kinds whose file is one article (the others hold several records, or none)."""

GZIP_MAGIC = b"\x1f\x8b"
_FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "rdf"})
_HTML_ROOTS = frozenset({"html", "head", "body"})
_PROLOGUE = re.compile(r"\s*(?:<\?[^>]*\?>|<!--.*?-->|<!doctype(?!\s+html)[^>]*>|\s)*", re.I | re.S)
_ROOT = re.compile(r"<([A-Za-z][\w:.-]*)")
_HTML_ANYWHERE = re.compile(r"<(?:!doctype\s+html|html|body)\b", re.I)
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_BY_SUFFIX: dict[str, Kind] = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".rss": "feed", ".atom": "feed",
    ".rdf": "feed", ".warc": "warc", ".html": "html", ".htm": "html", ".xhtml": "html",
}


def _suffix(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""


def sniff(head: bytes, name: str = "") -> Kind:
    """The kind of a file whose first bytes are ``head`` (``name`` breaks JSON/JSONL ties)."""
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    text = _as_text(head).lstrip("\ufeff \t\r\n")
    if not text:  # empty: the name is all there is to go by
        return _BY_SUFFIX.get(_suffix(name), "text")
    if text.startswith("WARC/"):
        return "warc"
    if text[:1] in ("{", "["):
        return "jsonl" if name.lower().endswith(_JSONL_SUFFIXES) or _looks_like_jsonl(text) \
            else "json"
    if text.startswith("<"):
        return _markup_kind(text)
    return "html" if _HTML_ANYWHERE.search(text[:2048]) else "text"


def _as_text(head: bytes) -> str:
    codec = bom_codec(head)
    sample = head[:SNIFF_BYTES]
    try:
        return sample.decode(codec or "utf-8", "replace")
    except LookupError:  # pragma: no cover - the BOM codecs are built in
        return sample.decode("utf-8", "replace")


def _looks_like_jsonl(text: str) -> bool:
    """Several lines, most of them whole objects: JSON Lines, not one pretty-printed value."""
    lines = [line.strip() for line in text.splitlines()[:20] if line.strip()]
    whole = sum(line.startswith("{") and line.endswith("}") for line in lines)
    return len(lines) >= 2 and whole * 2 >= len(lines)


def _markup_kind(text: str) -> Kind:
    if re.match(r"\s*<!doctype\s+html", text, re.I):
        return "html"
    body = text[_PROLOGUE.match(text).end():]  # type: ignore[union-attr]
    root = _ROOT.match(body)
    name = root.group(1).lower() if root else ""
    if name in _FEED_ROOTS:
        return "feed"
    if name in _HTML_ROOTS or _HTML_ANYWHERE.search(text[:2048]):
        return "html"
    if text.lstrip().startswith("<?xml") and name:
        return "xml"
    return "html"
