"""One text or HTML page in, one Article out, or an InputError that says why not."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from ..config import Options
from ..errors import EmptyInputError, MalformedRecordError, NoArticleError, TooLargeError
from ..model import Article
from ..text import normalise
from .decode import decode_bytes, refuse_binary_text, wide_encoding
from .language import check_language

HTML_SIZE_FACTOR = 10
"""An HTML page may be this many times ``max_bytes`` before its text is extracted."""
MIN_PROSE_WORDS = 7
MIN_PUBLISHED_YEAR = 1900
"""Publication dates before this year are refused (a typo or a placeholder such as 0001-01-01)."""
PARSER_MAX_DEPTH = 255
"""libxml2 (under trafilatura) stops building a tree deeper than this: pages nested deeper are
flattened (wrapper elements dropped) and parsed again."""
_WRAPPER_TAGS = re.compile(
    r"</?(?:div|span|section|article|main|aside|font|center|b|i|u|em|strong|small|big|"
    r"nav|header|footer|figure|blockquote|table|tbody|thead|tr|td|th|ul|ol|li|dl|dt|dd|a|"
    r"abbr|cite|q|sub|sup|mark|label|form|fieldset)\b[^>]*>", re.I)
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")
_VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                        "meta", "param", "source", "track", "wbr"})
"""HTML whose longest line has fewer words than this holds no article (menus, error pages)."""
_DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "outputformat": "%Y-%m-%d",
}


@dataclass(frozen=True)
class Metadata:
    """What the caller knows about an article besides its text."""

    article_id: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None


def article_from_text(
    text: str | bytes,
    *,
    source: str,
    article_id: str | None = None,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    options: Options,
) -> Article:
    """Check, decode and normalise plain text into an Article; raise InputError when unusable."""
    meta = Metadata(article_id, check_published(published, source), url, title, outlet)
    if isinstance(text, bytes):
        refuse_too_large(len(text), byte_budget(text, options.max_bytes), source, "text")
        text = decode_bytes(text, source=source)
    else:
        refuse_binary_text(text, source=source)
    refuse_too_large(_utf8_size(text, options.max_bytes), options.max_bytes, source, "text")
    basis = "metadata" if meta.published else "unknown"
    return build_article(text, meta, basis, source=source, options=options)


def article_from_html(
    html: str | bytes,
    *,
    source: str,
    article_id: str | None = None,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    options: Options,
) -> Article:
    """Main text, title, outlet and publication date of an HTML page (trafilatura, no network).

    Metadata given by the caller wins over what the page says.
    """
    given = Metadata(article_id, check_published(published, source), url, title, outlet)
    raw_limit = HTML_SIZE_FACTOR * options.max_bytes
    if isinstance(html, bytes):
        refuse_too_large(len(html), raw_limit, source, "HTML page")
        html = decode_bytes(html, source=source, html=True)
    else:
        refuse_binary_text(html, source=source)
        refuse_too_large(_utf8_size(html, raw_limit), raw_limit, source, "HTML page")
    if not html.strip():
        raise EmptyInputError("input is empty (nothing but white space)", source=source)
    text, found = _extract_html(html, given.url, source)
    refuse_too_large(_utf8_size(text, options.max_bytes), options.max_bytes, source, "text")
    meta = Metadata(
        article_id=given.article_id,
        published=given.published or found.published,
        url=given.url or found.url,
        title=given.title or found.title,
        outlet=given.outlet or found.outlet,
    )
    basis = "metadata" if given.published else "extracted" if found.published else "unknown"
    return build_article(text, meta, basis, source=source, options=options)


def build_article(
    text: str, meta: Metadata, basis: str, *, source: str, options: Options
) -> Article:
    """Refuse empty and non-English text, normalise it and give the Article its id."""
    if not text.strip():
        raise EmptyInputError("input is empty (nothing but white space)", source=source)
    language = check_language(text, source=source) if options.language_check else "en"
    normalised = normalise(text).text
    if not normalised:
        raise EmptyInputError("input has no visible text", source=source)
    return Article(
        id=meta.article_id or text_id(normalised),
        text=normalised,
        url=meta.url,
        title=meta.title,
        outlet=meta.outlet,
        published=meta.published,
        published_basis=basis,
        language=language,
    )


def with_defaults(article: Article, defaults: Metadata) -> Article:
    """Fill the article's missing url/title/outlet/published from run-wide defaults."""
    changes: dict[str, Any] = {}
    for key in ("url", "title", "outlet"):
        if getattr(article, key) is None and getattr(defaults, key):
            changes[key] = getattr(defaults, key)
    if article.published is None and defaults.published:
        changes["published"] = defaults.published
        changes["published_basis"] = "metadata"
    return replace(article, **changes) if changes else article


def text_id(normalised: str) -> str:
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


def check_published(value: str | None, source: str) -> str | None:
    """The ISO date or datetime as given (stripped), or MalformedRecordError."""
    if value is None or not str(value).strip():
        return None
    value = str(value).strip()
    problem = published_problem(value)
    if problem:
        raise MalformedRecordError(problem, source=source)
    return value


def published_problem(value: str) -> str | None:
    """Why ``value`` is no usable publication date (not ISO, or out of range); None if it is."""
    day = parse_iso_day(value)
    if day is None:
        return (f"published '{value}' is not an ISO date: use YYYY-MM-DD "
                "or YYYY-MM-DDTHH:MM:SS+HH:MM")
    first, last = published_range()
    if not first <= day.year <= last:
        return (f"published '{value}' is out of range: the year must be between {first} and "
                f"{last}; give the article's real publication date, or none")
    return None


def published_range() -> tuple[int, int]:
    """The years a publication date may have: news since 1900, up to next year."""
    return MIN_PUBLISHED_YEAR, date.today().year + 1


def parse_iso_day(value: str) -> date | None:
    """The day of an ISO date or datetime, or None when ``value`` is neither."""
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parsed = parse(value)
        except ValueError:
            continue
        return parsed.date() if isinstance(parsed, datetime) else parsed
    return None


def is_iso_date(value: str) -> bool:
    return parse_iso_day(value) is not None


def refuse_too_large(size: int, limit: int, source: str, what: str) -> None:
    if size > limit:
        raise TooLargeError(
            f"{what} is {_human(size)}, over the limit of {_human(limit)}; raise it with "
            "--max-bytes N (or max_bytes in the config file) if you mean to code it",
            source=source,
        )


def byte_budget(data: bytes, max_bytes: int) -> int:
    """How many encoded bytes ``max_bytes`` of UTF-8 text may take in ``data``'s encoding."""
    return 4 * max_bytes if wide_encoding(data) else max_bytes + 3


def _utf8_size(text: str, limit: int) -> int:
    """The UTF-8 size of ``text``, without encoding it when its length alone is over ``limit``."""
    if len(text) > limit:
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def _human(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB ({size:,} bytes)"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB ({size:,} bytes)"
    return f"{size} bytes"


def _extract_html(html: str, url: str | None, source: str) -> tuple[str, Metadata]:
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    text = (getattr(document, "text", None) or "").strip()
    if not _has_prose(text) and nesting_depth(html) > PARSER_MAX_DEPTH:
        return _extract_flattened(html, url, source)
    if not _has_prose(text):
        raise NoArticleError(
            "no article text found in HTML (no paragraph of prose: a menu, form or error "
            "page?); give the article page, or its text",
            source=source,
        )
    found = Metadata(
        published=_date_or_none(getattr(document, "date", None)),
        url=getattr(document, "url", None) or None,
        title=getattr(document, "title", None) or None,
        outlet=getattr(document, "sitename", None) or None,
    )
    return text, found


def nesting_depth(html: str) -> int:
    """How deep the page's elements nest (void elements and self-closed tags do not count)."""
    depth = deepest = 0
    for closing, name, self_closed in _TAG.findall(html):
        if name.lower() in _VOID_TAGS or self_closed:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _extract_flattened(html: str, url: str | None, source: str) -> tuple[str, Metadata]:
    """A page nested too deep for the parser: drop the wrapper elements and parse it again."""
    flat = _WRAPPER_TAGS.sub("\n", html)
    if nesting_depth(flat) > PARSER_MAX_DEPTH:
        raise NoArticleError(
            f"the HTML nests elements {nesting_depth(html):,} deep, too deep to parse (the "
            f"parser stops at {PARSER_MAX_DEPTH}); give the article's text instead",
            source=source,
        )
    return _extract_html(flat, url, source)


def _has_prose(text: str) -> bool:
    return any(len(line.split()) >= MIN_PROSE_WORDS for line in text.splitlines())


def _date_or_none(value: str | None) -> str | None:
    """A date found in the page, when it is a usable publication date (else: none found)."""
    return value if value and published_problem(value) is None else None
