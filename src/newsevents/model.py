"""The records of the output contract (shared spec/event-record.md) as typed dataclasses.

Every record has ``to_dict`` (JSON-ready, snake_case keys of the contract) and
``from_dict``. Offsets are character offsets into ``Article.text`` (the normalised text).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal, TypeVar, get_args

EventType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
"""The 16 PLOVER event types."""
Modality = Literal["actual", "future", "possible", "hypothetical"]
Polarity = Literal["positive", "negative"]
DateBasis = Literal["explicit", "relative", "narrative", "publication"]
"""What a date was resolved against: a date in the text, the publication date (``relative``),
another dated expression (``narrative``), or nothing (the publication date stands in)."""
Precision = Literal["time", "day", "week", "month", "quarter", "season", "year", "decade", "century"]
ActorKind = Literal["person", "organization", "state", "group"]
QuoteKind = Literal["direct", "indirect", "mixed"]
PlacePrecision = Literal["country", "admin1", "city", "site", "region"]
"""``region``: an area across countries or at sea ("the Sahel", "the Caribbean"), no country."""

PLOVER_TYPES: tuple[EventType, ...] = get_args(EventType)
MODALITIES: tuple[Modality, ...] = get_args(Modality)
POLARITIES: tuple[Polarity, ...] = get_args(Polarity)
DATE_BASES: tuple[DateBasis, ...] = get_args(DateBasis)
PRECISIONS: tuple[Precision, ...] = get_args(Precision)
ACTOR_KINDS: tuple[ActorKind, ...] = get_args(ActorKind)
QUOTE_KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)
PLACE_PRECISIONS: tuple[PlacePrecision, ...] = get_args(PlacePrecision)

T = TypeVar("T")


def _plain(value: Any) -> Any:
    """Turn nested records into JSON-ready values."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Record:
    """Base for the contract's records: dict conversion by field name."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]

    @classmethod
    def from_dict(cls: type[T], data: dict[str, Any]) -> T:
        known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class Article(Record):
    id: str
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_basis: str = "unknown"
    language: str = "en"


@dataclass
class Actor(Record):
    text: str
    start: int
    end: int
    name: str | None = None
    kind: ActorKind | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    title: str | None = None
    kb_id: str | None = None
    rule: str | None = None
    cluster: int | None = None

    def __post_init__(self) -> None:
        if self.code is None and (self.country or self.sector):
            self.code = f"{self.country or '---'}{self.sector or ''}"

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class DateValue(Record):
    value: str | None
    precision: Precision | None
    earliest: str | None
    latest: str | None
    text: str | None = None
    basis: DateBasis = "publication"
    start: int | None = None
    end: int | None = None
    reason: str | None = None


@dataclass
class Timex(Record):
    text: str
    start: int
    end: int
    type: str
    value: str | None
    precision: Precision | None = None
    earliest: str | None = None
    latest: str | None = None
    basis: DateBasis = "explicit"
    reason: str | None = None


@dataclass
class Place(Record):
    text: str
    name: str | None
    country: str | None
    start: int
    end: int
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: PlacePrecision = "country"
    rule: str | None = None
    """How it was resolved and from which gazetteer entry (``context-country:geonames:cities1000``)."""
    reason: str | None = None
    """Why it has no country or coordinates (not in the gazetteer…); null when resolved."""


@dataclass
class Span(Record):
    start: int
    end: int


@dataclass
class Quote(Record):
    id: str
    article_id: str
    kind: QuoteKind
    text: str
    start: int
    end: int
    speaker: Actor | None = None
    cue: str | None = None
    sentence_index: int | None = None
    mentions: list[Span] = field(default_factory=list)
    unbalanced: bool = False
    speaker_basis: str | None = None
    """How the speaker was found: cue-subject, apposition, relative-antecedent,
    statement-issuer, coreference, introducing-clause, previous-speaker, nearest-person."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        d = dict(data)
        if d.get("speaker"):
            d["speaker"] = Actor.from_dict(d["speaker"])
        d["mentions"] = [Span.from_dict(m) for m in d.get("mentions") or []]
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass
class Trigger(Record):
    text: str
    start: int
    end: int


@dataclass
class Evidence(Record):
    sentence_index: int
    sentence: str
    start: int
    end: int
    trigger: Trigger


@dataclass
class Attribution(Record):
    speaker: Actor | None = None
    reported_by: list[str] = field(default_factory=list)
    anonymous: bool = False
    cue: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Magnitude(Record):
    value: float | int
    start: int
    end: int
    unit: str | None = None
    text: str | None = None


@dataclass
class Event(Record):
    id: str
    article_id: str
    type: EventType
    source: list[Actor]
    target: list[Actor]
    date: DateValue
    evidence: list[Evidence]
    rule: str
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    intensity: float | None = None
    location: Place | None = None
    location_reason: str | None = None
    polarity: Polarity = "positive"
    modality: Modality = "actual"
    attribution: Attribution = field(default_factory=Attribution)
    quote_ids: list[str] = field(default_factory=list)
    confidence: float = 0.5
    magnitudes: dict[str, Magnitude | None] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        d = dict(data)
        d["source"] = [Actor.from_dict(a) for a in d.get("source") or []]
        d["target"] = [Actor.from_dict(a) for a in d.get("target") or []]
        d["date"] = DateValue.from_dict(d["date"]) if d.get("date") else DateValue(
            None, None, None, None, reason="missing")
        d["evidence"] = [
            Evidence(**{**e, "trigger": Trigger.from_dict(e["trigger"])})
            for e in d.get("evidence") or []
        ]
        if d.get("location"):
            d["location"] = Place.from_dict(d["location"])
        att = d.get("attribution") or {}
        d["attribution"] = Attribution(
            speaker=Actor.from_dict(att["speaker"]) if att.get("speaker") else None,
            reported_by=list(att.get("reported_by") or []),
            anonymous=bool(att.get("anonymous")),
            cue=att.get("cue"),
            start=att.get("start"),
            end=att.get("end"),
        )
        d["magnitudes"] = {
            k: (Magnitude.from_dict(v) if isinstance(v, dict) else None)
            for k, v in (d.get("magnitudes") or {}).items()
        }
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass
class Coder(Record):
    name: str
    version: str
    model: str
    lexicons: str


@dataclass
class Extraction(Record):
    article: Article
    events: list[Event]
    quotes: list[Quote]
    timexes: list[Timex]
    places: list[Place]
    coder: Coder
    actors: list[Actor] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        return cls(
            article=Article.from_dict(data["article"]),
            events=[Event.from_dict(e) for e in data.get("events") or []],
            quotes=[Quote.from_dict(q) for q in data.get("quotes") or []],
            timexes=[Timex.from_dict(t) for t in data.get("timexes") or []],
            places=[Place.from_dict(p) for p in data.get("places") or []],
            coder=Coder.from_dict(data["coder"]),
            actors=[Actor.from_dict(a) for a in data.get("actors") or []],
        )
