"""Keyset pagination: an opaque ``_next`` token holds the sort key of a page's last row, and
the next page starts after it, so pages stay consistent while rows are added and no page
costs more than the first."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Annotated, Any, NoReturn

from fastapi import Query, Request
from sqlalchemy import ColumnElement, and_, or_, tuple_
from sqlalchemy.sql.elements import ColumnElement as Column

from ..store import schema
from .problems import ProblemError
from .settings import DEFAULT_PAGE, MAX_PAGE

events = schema.events

Size = Annotated[int, Query(alias="_size", ge=1, le=MAX_PAGE,
                            description=f"Rows per page (at most {MAX_PAGE}).")]
NextToken = Annotated[str | None, Query(
    alias="_next", min_length=1, max_length=2000, pattern=r"^[A-Za-z0-9_-]+$",
    description="The `next` token of the previous page.")]
DEFAULT_SIZE = DEFAULT_PAGE


def encode_token(key: list[Any]) -> str:
    raw = json.dumps(key, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_token(token: str, shape: tuple[type, ...]) -> list[Any]:
    """The key in a token, checked against ``shape`` (the type of each part; None allowed)."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        key = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        key = None
    if not isinstance(key, list) or len(key) != len(shape) or not all(
            value is None or isinstance(value, kind) for value, kind in zip(key, shape, strict=True)):
        bad_token()
    return key


def bad_token() -> NoReturn:
    raise ProblemError(400, "_next: not a page token of this list; use the `next` value of "
                       "the previous page as it is, or leave _next out for the first page",
                       kind="invalid-page-token", title="Invalid page token")


EVENT_KEY = (str, str, int, str)


def event_key(row: dict[str, Any]) -> list[Any]:
    return [row["date_earliest"], row["article_id"], row["first_start"], row["id"]]


def decode_event_key(token: str) -> list[Any]:
    """[earliest day or None, article id, first trigger offset, event id] of a token."""
    key = decode_token(token, EVENT_KEY)
    if any(value is None for value in key[1:]):
        bad_token()
    return key


def after_dated(key: list[Any]) -> ColumnElement[bool]:
    """Dated events after the key's (dated) event: (day, article, offset, id) greater."""
    date, article, start, event_id = key
    rest = tuple_(events.c.article_id, events.c.first_start, events.c.id) > tuple_(
        article, start, event_id)
    return or_(events.c.date_earliest > date, and_(events.c.date_earliest == date, rest))


def after_undated(key: list[Any]) -> ColumnElement[bool]:
    _, article, start, event_id = key
    return tuple_(events.c.article_id, events.c.first_start, events.c.id) > tuple_(
        article, start, event_id)


def after_key(columns: list[Column[Any]], token: str, shape: tuple[type, ...]) -> ColumnElement[bool]:
    """Rows whose (columns…) come after the token's key in ascending order (no NULLs)."""
    key = decode_token(token, shape)
    if any(value is None for value in key):
        bad_token()
    return tuple_(*columns) > tuple_(*key)


def next_url(request: Request, token: str | None) -> str | None:
    if token is None:
        return None
    return str(request.url.include_query_params(_next=token))


def link_header(url: str | None) -> dict[str, str]:
    return {"Link": f'<{url}>; rel="next"'} if url else {}
