"""The JSON shapes of the HTTP API (docs/http-api.md promises what stays stable).

Records of the event-record contract (events, quotes, places, timexes: docs/records.md) are
passed through as they are stored; the models name their main keys and allow the rest.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Record(BaseModel):
    """A record of the event-record contract: its keys as docs/records.md defines them."""

    model_config = ConfigDict(extra="allow")


class EventRecord(Record):
    id: str
    article_id: str
    type: str
    source: list[dict[str, Any]]
    target: list[dict[str, Any]]
    date: dict[str, Any] | None = None
    evidence: list[dict[str, Any]]
    rule: str
    quad_class: int | None = None
    intensity: float | None = None
    polarity: str
    modality: str

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [{
        "id": "de892c14feb61aca", "article_id": "agree-sudan-ceasefire", "type": "AGREE",
        "source": [{"text": "the paramilitary Rapid Support Forces", "start": 45, "end": 82,
                    "name": "Rapid Support Forces", "country": "SDN", "sector": "REB",
                    "code": "SDNREB"}],
        "target": [], "date": {"value": "2023-05-20", "precision": "day", "text": "Saturday",
                               "start": 93, "end": 101},
        "evidence": [{"sentence_index": 1, "start": 28, "end": 158,
                      "trigger": {"text": "agreed", "start": 83, "end": 89}}],
        "rule": "cooperation.yml:agree/agree-ceasefire", "quad_class": 1, "intensity": 7.0,
        "polarity": "positive", "modality": "actual",
    }]})


class QuoteRecord(Record):
    id: str
    article_id: str
    kind: str
    text: str
    start: int
    end: int
    speaker: dict[str, Any] | None = None


class ArticleMeta(BaseModel):
    id: str
    url: str | None
    title: str | None
    outlet: str | None
    published: str | None
    language: str
    coder_version: str
    coded_at: str
    text_length: int
    text_stored: bool = Field(description="False when the article was stored with --no-text.")


class EventSummary(BaseModel):
    """One row of ``GET /events``: the event with its actors joined and its article's metadata."""

    id: str
    date: str | None
    date_earliest: str | None
    date_latest: str | None
    type: str
    mode: str | None
    cameo: str | None
    quad_class: int | None
    intensity: float | None
    source: str = Field(description="Source actors' names, joined by '; '.")
    source_code: str
    target: str
    target_code: str
    location: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    polarity: str
    modality: str
    confidence: float
    trigger: str | None
    article_id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None


class Page(BaseModel):
    next: str | None = Field(description="Token for the next page (pass as _next); null on the last.")
    next_url: str | None = Field(description="The next page's URL (also in the Link header).")


class EventPage(Page):
    events: list[EventSummary]


class EventDetail(BaseModel):
    event: EventRecord
    article: ArticleMeta
    quotes: list[QuoteRecord] = Field(description="The quotes the event is attributed to.")


class PlaceRow(BaseModel):
    text: str | None
    name: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    precision: str | None
    start: int
    end: int


class TimexRow(BaseModel):
    text: str | None
    start: int
    end: int
    type: str
    value: str | None
    precision: str | None
    earliest: str | None
    latest: str | None
    basis: str | None


class ArticleDetail(BaseModel):
    article: ArticleMeta
    text: str | None = Field(description="The article text; null when stored with --no-text.")
    events: list[EventRecord]
    quotes: list[QuoteRecord]
    places: list[PlaceRow]
    timexes: list[TimexRow]


class ActorRow(BaseModel):
    id: str
    name: str | None
    kind: str | None
    country: str | None
    sector: str | None
    code: str | None
    kb_id: str | None
    events: int = Field(description="Events with this actor as source or target.")


class ActorPage(Page):
    actors: list[ActorRow]


class QuoteRow(QuoteRecord):
    article_title: str | None = None


class QuotePage(Page):
    quotes: list[QuoteRow]


class FailureRow(BaseModel):
    id: str
    source: str
    offset: int | None
    code: str
    reason: str
    coder_version: str
    created_at: str


class FailurePage(Page):
    failures: list[FailureRow]


class Count(BaseModel):
    key: str | None
    events: int


class Period(BaseModel):
    period: str = Field(description="YYYY-MM-DD (day), the Monday of an ISO week, or YYYY-MM.")
    start: str
    end: str
    events: int
    quads: dict[str, int] = Field(description="Events by quad class '1'…'4' ('0': none).")
    goldstein_mean: float | None


class Timeline(BaseModel):
    interval: str
    periods: list[Period]
    wider_than_interval: int = Field(
        description="Events dated only to a span longer than one interval ('in 2019').")
    undated: int


class Edge(BaseModel):
    source: str
    target: str
    events: int
    goldstein_mean: float | None


class Network(BaseModel):
    level: str
    edges: list[Edge]


class PlacePoint(BaseModel):
    lat: float
    lon: float
    name: str | None
    country: str | None
    precision: str | None
    events: int


class StatsTotals(BaseModel):
    events: int
    articles: int
    failures: int


class Stats(BaseModel):
    totals: StatsTotals | None = None
    by_type: list[Count] | None = None
    by_quad: list[Count] | None = None
    by_country: list[Count] | None = Field(None, description="Events by location country.")
    by_outlet: list[Count] | None = None
    timeline: Timeline | None = None
    network: Network | None = None
    places: list[PlacePoint] | None = None


class ArticleIn(BaseModel):
    """One article to code: ``text`` or ``html``, and what is known about it."""

    text: str | None = Field(None, description="Plain text.")
    html: str | None = Field(None, description="An HTML page (its main text is extracted).")
    id: str | None = Field(None, max_length=200, description="Default: hash of the text.")
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, max_length=40, description="ISO date or datetime.")

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "id": "demo-1", "published": "2025-05-03", "outlet": "Newswire",
        "text": "Mexico rejected the offer of U.S. troops, President Claudia Sheinbaum said.",
    }]})


class InputFailure(BaseModel):
    code: str
    reason: str


class ArticleResult(BaseModel):
    source: str = Field(description="'body', or 'line N' of a JSONL batch.")
    article_id: str | None
    stored: bool = Field(description="False when the article was already stored (not re-coded).")
    extraction: dict[str, Any] | None = Field(description="The Extraction (docs/records.md).")
    failure: InputFailure | None


class WriteResult(BaseModel):
    results: list[ArticleResult]


class About(BaseModel):
    api_version: str
    newsevents_version: str
    backend: str
    writable: bool
    max_body_bytes: int
