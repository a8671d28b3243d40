"""Query parameters → ``EventFilter``: the filters of ``newsevents query``, validated so that
a request the OpenAPI schema allows is accepted and anything else is a 422."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from pydantic import Field

from ..model import EventType, Modality, Polarity
from ..store.query import EventFilter

DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
COUNTRY_PATTERN = r"^[A-Za-z]{3}$"
SECTOR_PATTERN = r"^[A-Za-z]{3}$"
CODE = r"[A-Za-z0-9_.]{1,40}"
DYAD_PATTERN = rf"^{CODE}:{CODE}$"
TEXT_PATTERN = r"^[^\x00]*$"
"""Free text: anything but NUL (which PostgreSQL cannot compare)."""

Since = Annotated[str | None, Query(
    pattern=DATE_PATTERN, description="Events on or after (YYYY, YYYY-MM or YYYY-MM-DD); an "
    "event matches when its date interval overlaps.", openapi_examples={"month": {"value": "2025-01"}})]
Until = Annotated[str | None, Query(pattern=DATE_PATTERN, description="Events on or before.")]
Types = Annotated[list[EventType], Query(
    alias="type", description="PLOVER type; repeat for several (any of them).",
    openapi_examples={"one": {"value": ["ASSAULT"]}})]
QuadClass = Annotated[int, Field(ge=1, le=4)]
Quads = Annotated[list[QuadClass], Query(
    alias="quad", description="Quad class 1-4 (verbal/material cooperation, verbal/material "
    "conflict); repeatable.")]
Country = Annotated[str | None, Query(pattern=COUNTRY_PATTERN, description="ISO 3166-1 alpha-3.")]
Sector = Annotated[str | None, Query(pattern=SECTOR_PATTERN, description="GOV, MIL, REB …")]
Dyad = Annotated[str | None, Query(
    pattern=DYAD_PATTERN, description="A:B, actor codes or countries, either direction.",
    openapi_examples={"countries": {"value": "USA:MEX"}})]
Actor = Annotated[str | None, Query(
    min_length=1, max_length=200, pattern=TEXT_PATTERN,
    description="Part of an actor's name or text.")]
Modalities = Annotated[list[Modality], Query(alias="modality", description="Repeatable.")]
Polarities = Annotated[list[Polarity], Query(alias="polarity", description="Repeatable.")]
Outlet = Annotated[str, Field(min_length=1, max_length=200, pattern=TEXT_PATTERN)]
Outlets = Annotated[list[Outlet], Query(
    alias="outlet", max_length=50, description="The article's outlet (case-insensitive); "
    "repeatable.")]
Search = Annotated[str | None, Query(
    alias="q", min_length=1, max_length=500, pattern=TEXT_PATTERN,
    description="Full-text search: events whose article (title, text) or one of its quotes "
    "has all the words.",
    openapi_examples={"words": {"value": "ceasefire"}})]
ArticleId = Annotated[str | None, Query(
    alias="article", min_length=1, max_length=200, pattern=TEXT_PATTERN,
    description="Events of one article.")]


def event_filter(
    since: Since = None,
    until: Until = None,
    types: Types = [],  # noqa: B006  (FastAPI copies defaults)
    quads: Quads = [],  # noqa: B006
    country: Country = None,
    source_country: Country = None,
    target_country: Country = None,
    source_sector: Sector = None,
    target_sector: Sector = None,
    dyad: Dyad = None,
    actor: Actor = None,
    modalities: Modalities = [],  # noqa: B006
    polarities: Polarities = [],  # noqa: B006
    outlets: Outlets = [],  # noqa: B006
    search: Search = None,
    article_id: ArticleId = None,
) -> EventFilter:
    """The filters every event endpoint takes (``/events``, ``/events.csv`` …, ``/stats``)."""
    return EventFilter(
        since=since, until=until, types=tuple(types), quad_classes=tuple(quads),
        source_country=source_country, target_country=target_country,
        source_sector=source_sector, target_sector=target_sector,
        dyad=_dyad(dyad), actor=actor, location_country=country,
        modalities=tuple(modalities), polarities=tuple(polarities),
        outlets=tuple(outlets), text=search, article_id=article_id,
    )


def _dyad(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    first, second = value.split(":", 1)
    return first, second
