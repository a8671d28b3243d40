"""The read-only endpoints: events (pages, one, streamed exports), articles, actors, quotes,
stats and failures."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import StreamingResponse

from .. import __version__
from ..errors import MissingExtraError
from ..export import ExportSettings
from ..store.core import Store
from ..store.query import EventFilter, conditions
from . import API_VERSION, reading
from .cache import StoreCache
from .charts import FACETS, Facet, Interval, Level, StatsRequest, chart_stats
from .filters import COUNTRY_PATTERN, TEXT_PATTERN, event_filter
from .paging import DEFAULT_SIZE, NextToken, Size, link_header, next_url
from .problems import ProblemError, problem_content
from .schemas import (
    About,
    ActorPage,
    ArticleDetail,
    EventDetail,
    EventPage,
    FailurePage,
    QuotePage,
    Stats,
)
from .streaming import MEDIA_TYPES, StreamFormat, media_type, require_parquet, stream

router = APIRouter()
Filter = Annotated[EventFilter, Depends(event_filter)]
Responses = dict[int | str, dict[str, Any]]
NOT_FOUND: Responses = {404: problem_content("No such record.")}
BAD_TOKEN: Responses = {400: problem_content("The `_next` token is not one this list gave.")}
Identifier = Annotated[str, Path(min_length=1, max_length=200, pattern=TEXT_PATTERN)]


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(get_store)]


def checked(flt: EventFilter, store: Store) -> EventFilter:
    """Build the filter's SQL once now, so a bad value is a 422 before any row is sent."""
    try:
        conditions(flt, store.dialect)
    except ValueError as error:
        raise ProblemError(422, str(error), kind="invalid-parameter",
                           title="Invalid parameter") from None
    return flt


@router.get("/events", response_model=EventPage, responses=BAD_TOKEN, tags=["events"],
            summary="Events matching the filters, a page at a time")
def list_events(request: Request, response: Response, store: StoreDep, flt: Filter,
                size: Size = DEFAULT_SIZE, token: NextToken = None) -> dict[str, Any]:
    """Events in query's stable order (earliest day, article, position in the text, id; undated
    last). The `next` token (and the `Link: rel=next` header) fetches the following page."""
    rows, following = reading.event_page(store, checked(flt, store), size, token)
    url = next_url(request, following)
    response.headers.update(link_header(url))
    return {"events": rows, "next": following, "next_url": url}


Layout = Literal["native", "gdelt", "icews", "polecat"]
STREAM_RESPONSES: Responses = {
    200: {"description": "Every matching event, streamed.", "content": {
        MEDIA_TYPES["csv"]: {"schema": {"type": "string"}},
        MEDIA_TYPES["tsv"]: {"schema": {"type": "string"}},
        MEDIA_TYPES["jsonl"]: {"schema": {"type": "string"}},
        MEDIA_TYPES["parquet"]: {"schema": {"type": "string", "format": "binary"}},
    }},
    501: problem_content("Parquet needs the 'parquet' extra on the server."),
}


@router.get("/events.{fmt}", response_class=StreamingResponse, responses=STREAM_RESPONSES,
            tags=["events"], summary="All matching events as CSV, JSONL or Parquet")
def export_events(
    store: StoreDep, flt: Filter, fmt: Annotated[StreamFormat, Path(description="csv, jsonl, parquet")],
    layout: Annotated[Layout, Query(description="native, or GDELT 2.0 / ICEWS / POLECAT "
                                    "columns (tab-separated in CSV)")] = "native",
    all_events: Annotated[bool, Query(alias="all", description="GDELT/ICEWS/POLECAT: keep "
                                      "negative and non-actual events too.")] = False,
    with_text: Annotated[bool, Query(description="Include the article text.")] = False,
) -> StreamingResponse:
    """The whole result in the export layouts of `newsevents export` (docs/store.md), streamed
    in chunks: memory stays flat however many events match."""
    settings = ExportSettings(format=fmt, layout=layout, all_events=all_events,
                              with_text=with_text)
    if fmt == "parquet":
        try:
            require_parquet()
        except MissingExtraError as error:
            raise ProblemError(501, error.reason, kind="missing-extra", code=error.code) from None
    body = stream(store, checked(flt, store), settings)
    return StreamingResponse(body, media_type=media_type(settings), headers={
        "Content-Disposition": f'attachment; filename="events.{fmt}"'})


@router.get("/events/{event_id}", response_model=EventDetail, responses=NOT_FOUND,
            tags=["events"], summary="One event with its evidence")
def get_event(store: StoreDep, event_id: Identifier) -> dict[str, Any]:
    """The event's full record (docs/records.md: actors, trigger, date, place, every evidence
    mention with offsets, the rule that fired), its article's metadata and its quotes."""
    found = reading.event_detail(store, event_id)
    if found is None:
        raise ProblemError(404, f"no event with id '{event_id}'", kind="not-found")
    return found


@router.get("/articles/{article_id}", response_model=ArticleDetail, responses=NOT_FOUND,
            tags=["articles"], summary="One article with its text, events, quotes and places")
def get_article(store: StoreDep, article_id: Identifier) -> dict[str, Any]:
    found = reading.article_detail(store, article_id)
    if found is None:
        raise ProblemError(404, f"no article with id '{article_id}'", kind="not-found")
    return found


@router.get("/actors", response_model=ActorPage, responses=BAD_TOKEN, tags=["actors"],
            summary="Actors by the number of events they take part in")
def list_actors(
    request: Request, response: Response, store: StoreDep,
    name: Annotated[str | None, Query(alias="q", min_length=1, max_length=200, pattern=TEXT_PATTERN,
                                      description="Part of the actor's name.")] = None,
    country: Annotated[str | None, Query(pattern=COUNTRY_PATTERN)] = None,
    size: Size = DEFAULT_SIZE, token: NextToken = None,
) -> dict[str, Any]:
    rows, following = reading.actor_page(store, name, country, size, token)
    return _page(request, response, "actors", rows, following)


@router.get("/quotes", response_model=QuotePage, responses=BAD_TOKEN, tags=["quotes"],
            summary="Quotes, with full-text search over their text and speaker")
def list_quotes(
    request: Request, response: Response, store: StoreDep,
    words: Annotated[str | None, Query(alias="q", min_length=1, max_length=500, pattern=TEXT_PATTERN,
                                       description="Words that must all occur.")] = None,
    speaker: Annotated[str | None, Query(min_length=1, max_length=200, pattern=TEXT_PATTERN)] = None,
    article_id: Annotated[str | None, Query(alias="article", min_length=1, max_length=200,
                                            pattern=TEXT_PATTERN)] = None,
    size: Size = DEFAULT_SIZE, token: NextToken = None,
) -> dict[str, Any]:
    rows, following = reading.quote_page(store, words, speaker, article_id, size, token)
    return _page(request, response, "quotes", rows, following)


@router.get("/failures", response_model=FailurePage, responses=BAD_TOKEN, tags=["failures"],
            summary="Inputs that could not be read or coded")
def list_failures(
    request: Request, response: Response, store: StoreDep,
    code: Annotated[str | None, Query(pattern=r"^E\d{3}$", description="E101 …")] = None,
    size: Size = DEFAULT_SIZE, token: NextToken = None,
) -> dict[str, Any]:
    rows, following = reading.failure_page(store, code, size, token)
    return _page(request, response, "failures", rows, following)


def _page(request: Request, response: Response, key: str, rows: list[dict[str, Any]],
          following: str | None) -> dict[str, Any]:
    url = next_url(request, following)
    response.headers.update(link_header(url))
    return {key: rows, "next": following, "next_url": url}


@router.get("/stats", response_model=Stats, response_model_exclude_unset=True, tags=["stats"],
            summary="Counts behind the charts: by period and quad class, type, dyad, place")
def get_stats(
    request: Request, store: StoreDep, flt: Filter,
    facets: Annotated[list[Facet], Query(alias="facet", description="Which counts (default: "
                                         "all): " + ", ".join(FACETS))] = [],  # noqa: B006
    interval: Annotated[Interval, Query(description="Timeline periods; auto: days for up to "
                                        "3 months of events, weeks up to 2 years, else months.")
                        ] = "auto",
    level: Annotated[Level, Query(description="Network nodes: countries or actors.")] = "country",
    top: Annotated[int, Query(ge=1, le=500, description="Network edges, most events first.")] = 50,
    points: Annotated[int, Query(ge=1, le=10_000, description="Map points at most.")] = 2000,
) -> dict[str, Any]:
    """Events by period (day, ISO week or month of the date's middle day; events dated to a
    longer span are counted apart) and quad class with the mean Goldstein intensity; by type,
    quad class, location country and outlet; source→target edges by country or actor with
    their mean intensity; and map points (located events grouped by coordinates)."""
    asked = StatsRequest(facets=tuple(facets) or FACETS, interval=interval, level=level,
                         top=top, points=points)
    cache: StoreCache = request.app.state.cache
    return cache.get(repr((flt, asked)), lambda: chart_stats(store, checked(flt, store), asked))


@router.get("/about", response_model=About, tags=["meta"], summary="Versions and settings")
def about(request: Request, store: StoreDep) -> dict[str, Any]:
    settings = request.app.state.settings
    return {"api_version": API_VERSION, "newsevents_version": __version__,
            "backend": store.dialect, "writable": bool(settings.write_token),
            "max_body_bytes": settings.max_body_bytes}
