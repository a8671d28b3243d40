"""Exports: JSONL, CSV and Parquet, in our native layout or the column names and code
conventions of GDELT 2.0 events, ICEWS and POLECAT, so their existing readers load our files.

In the GDELT/ICEWS/POLECAT layouts an event with several sources or targets becomes one row
per source–target pair, and negative or non-actual events are left out unless ``all_events``.
Article text is left out unless ``with_text``.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from .errors import MissingExtraError
from .model import Actor, Event
from .store.core import Store
from .store.country_codes import cow_code, fips_code
from .store.query import EventFilter, iter_event_rows

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")
LAYOUTS: tuple[str, ...] = ("native", "gdelt", "icews", "polecat")

Columns = list[tuple[str, type]]
"""(column name, Python type: str, int or float) in file order."""

GDELT_COLUMNS: Columns = [
    ("GLOBALEVENTID", int), ("SQLDATE", int), ("MonthYear", int), ("Year", int),
    ("FractionDate", float),
    *[(f"Actor{n}{name}", str) for n in (1, 2) for name in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    ("IsRootEvent", int), ("EventCode", str), ("EventBaseCode", str), ("EventRootCode", str),
    ("QuadClass", int), ("GoldsteinScale", float), ("NumMentions", int), ("NumSources", int),
    ("NumArticles", int), ("AvgTone", float),
    *[(f"{who}Geo_{name}", kind) for who in ("Actor1", "Actor2", "Action") for name, kind in (
        ("Type", int), ("FullName", str), ("CountryCode", str), ("ADM1Code", str),
        ("ADM2Code", str), ("Lat", float), ("Long", float), ("FeatureID", str))],
    ("DATEADDED", int), ("SOURCEURL", str),
]

ICEWS_COLUMNS: Columns = [
    ("Event ID", int), ("Event Date", str), ("Source Name", str), ("Source Sectors", str),
    ("Source Country", str), ("Event Text", str), ("CAMEO Code", str), ("Intensity", float),
    ("Target Name", str), ("Target Sectors", str), ("Target Country", str), ("Story ID", str),
    ("Sentence Number", int), ("Publisher", str), ("City", str), ("District", str),
    ("Province", str), ("Country", str), ("Latitude", float), ("Longitude", float),
]

POLECAT_COLUMNS: Columns = [
    ("Event ID", str), ("Story Date", str), ("Event Date", str), ("Event Type", str),
    ("Event Mode", str), ("Event Intensity", float), ("Quad Code", str), ("Contexts", str),
    ("Actor Name", str), ("Actor Country", str), ("Actor COW", int),
    ("Primary Actor Sector", str), ("Actor Sectors", str), ("Actor Title", str),
    ("Actor Name Raw", str), ("Wikipedia Actor ID", str),
    ("Recipient Name", str), ("Recipient Country", str), ("Recipient COW", int),
    ("Recipient Primary Sector", str), ("Recipient Sectors", str), ("Recipient Title", str),
    ("Recipient Name Raw", str), ("Wikipedia Recipient ID", str),
    ("Placename", str), ("City", str), ("State", str), ("Country", str), ("GeoNames ID", str),
    ("Raw Placename", str), ("Feature Type", str), ("Latitude", float), ("Longitude", float),
    ("Headline", str), ("Publication Date", str), ("Source", str), ("Story People", str),
    ("Story Organizations", str), ("Story Locations", str), ("Language", str), ("Version", str),
    ("Story ID", str),
]

NATIVE_COLUMNS: Columns = [
    ("id", str), ("article_id", str), ("type", str), ("mode", str), ("contexts", str),
    ("cameo", str), ("quad_class", int), ("intensity", float), ("source", str),
    ("target", str), ("date", str), ("location", str), ("location_reason", str),
    ("polarity", str), ("modality", str), ("attribution", str), ("quote_ids", str),
    ("evidence", str), ("confidence", float), ("rule", str), ("magnitudes", str),
    ("article_url", str), ("article_title", str), ("article_outlet", str),
    ("article_published", str),
]

QUAD_NAMES = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT",
              4: "MATERIAL CONFLICT"}
ICEWS_SECTORS = {
    "GOV": "Government", "MIL": "Military", "COP": "Police", "LEG": "Legislative / Parliamentary",
    "JUD": "Judicial", "OPP": "Opposition", "PTY": "Parties", "REB": "Rebel", "CRM": "Criminal",
    "UAF": "Unidentified Forces", "MED": "Media", "BUS": "Business",
    "NGO": "Nongovernmental Organizations", "IGO": "International Government Organization",
    "CVL": "General Population / Civilian / Social", "EDU": "Education", "REL": "Religion",
    "LAB": "Labor", "REF": "Refugees",
}


@dataclass(frozen=True)
class ExportSettings:
    format: str = "jsonl"
    layout: str = "native"
    all_events: bool = False
    with_text: bool = False
    header: bool | None = None
    """None: the layout's convention (GDELT files have none, the others do)."""


@dataclass(frozen=True)
class StoredEvent:
    """One event as read back from the store, with its article's metadata."""

    event: Event
    article: dict[str, Any]


def stored_events(store: Store, flt: EventFilter, with_text: bool) -> Iterator[StoredEvent]:
    with store.engine.connect() as connection:
        for row in iter_event_rows(connection, flt, with_text=with_text):
            article = {
                "id": row["article_id"], "url": row["article_url"],
                "title": row["article_title"], "outlet": row["article_outlet"],
                "published": row["article_published"], "language": row["article_language"],
                "coded_at": row["article_coded_at"], "coder_version": row["coder_version"],
            }
            if with_text:
                article["text"] = row["article_text"]
            yield StoredEvent(Event.from_dict(json.loads(row["record"])), article)


def is_actual_positive(event: Event) -> bool:
    return event.polarity == "positive" and event.modality == "actual"


def actor_pairs(event: Event) -> list[tuple[Actor | None, Actor | None]]:
    """One (source, target) pair per combination; a missing side is None. A mutual event
    ('Brazil and Kenya agreed…', both sides on both lists) gives no actor-with-itself pair."""
    sources: list[Actor | None] = list(event.source) or [None]
    targets: list[Actor | None] = list(event.target) or [None]
    return [(s, t) for s in sources for t in targets if not _same_mention(s, t)]


def _same_mention(a: Actor | None, b: Actor | None) -> bool:
    return a is not None and b is not None and (a.start, a.end, a.country) == (
        b.start, b.end, b.country)


def pair_number(event_id: str, index: int, digits: int = 15) -> int:
    """A stable integer id (below 2**60) for the index-th pair of an event."""
    return int(hashlib.sha256(f"{event_id}|{index}".encode()).hexdigest()[:digits], 16)


def _day(value: str | None) -> str | None:
    return value[:10] if value and len(value) >= 10 else None


def event_day(item: StoredEvent) -> str | None:
    """The event's day (its earliest day at coarser precision), else the publication day."""
    return _day(item.event.date.earliest) or _day(item.event.date.value) or _day(
        item.article.get("published"))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    try:
        from .lexicons import load_entries

        return {e["id"]: e.get("name", e["id"]) for e in load_entries("actors/countries.yml")}
    except Exception:
        return {}


@lru_cache(maxsize=1)
def _cameo_labels() -> dict[str, str]:
    try:
        from .lexicons import load_entries

        return {str(e["id"]): e.get("label", "") for e in load_entries("events/cameo.yml")}
    except Exception:
        return {}


def country_name(iso3: str | None) -> str | None:
    if not iso3:
        return None
    return _country_names().get(iso3, iso3)


def cameo_label(code: str | None) -> str | None:
    if not code:
        return None
    labels = _cameo_labels()  # lexicons/events/cameo.yml, root codes ("18") included
    return labels.get(code) or labels.get(code[:2])


def _name(actor: Actor | None) -> str | None:
    return (actor.name or actor.text) if actor else None


def _iso3(actor: Actor | None) -> str | None:
    country = actor.country if actor else None
    return country if country and country not in ("IGO", "NGO") else None


# --- GDELT 2.0 -------------------------------------------------------------------------

def _gdelt_actor(n: int, actor: Actor | None) -> dict[str, Any]:
    sector = actor.sector if actor else None
    return {
        f"Actor{n}Code": actor.code if actor else None,
        f"Actor{n}Name": (_name(actor) or "").upper() or None,
        f"Actor{n}CountryCode": _iso3(actor),
        f"Actor{n}KnownGroupCode": actor.country if actor and actor.country in ("IGO", "NGO")
        else None,
        f"Actor{n}Type1Code": sector,
    }


def _gdelt_geo_type(country: str | None, precision: str | None) -> int | None:
    """GDELT: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    if not country:
        return None
    usa = country == "USA"
    return {"country": 1, "admin1": 2 if usa else 5}.get(precision or "", 3 if usa else 4)


def gdelt_rows(item: StoredEvent) -> Iterator[dict[str, Any]]:
    event = item.event
    day = event_day(item)
    place = event.location
    coded = (item.article.get("coded_at") or "").replace("-", "").replace(":", "").replace("T", "")
    cameo = event.cameo or None
    for index, (source, target) in enumerate(actor_pairs(event)):
        row: dict[str, Any] = {
            "GLOBALEVENTID": pair_number(event.id, index),
            "SQLDATE": int(day.replace("-", "")) if day else None,
            "MonthYear": int(day[:7].replace("-", "")) if day else None,
            "Year": int(day[:4]) if day else None,
            "FractionDate": _fraction_date(day),
            **_gdelt_actor(1, source), **_gdelt_actor(2, target),
            "IsRootEvent": int(min((m.sentence_index for m in event.evidence), default=1) == 0),
            "EventCode": cameo, "EventBaseCode": cameo[:3] if cameo else None,
            "EventRootCode": cameo[:2] if cameo else None,
            "QuadClass": event.quad_class, "GoldsteinScale": event.intensity,
            "NumMentions": len(event.evidence), "NumSources": 1, "NumArticles": 1,
            "ActionGeo_Type": _gdelt_geo_type(place.country if place else None,
                                              place.precision if place else None),
            "ActionGeo_FullName": _full_place_name(place),
            "ActionGeo_CountryCode": fips_code(place.country) if place else None,
            # GDELT gives a country-level place its country code as ADM1; a division's code
            # is not in the Place record (its name is, in FullName)
            "ActionGeo_ADM1Code": fips_code(place.country)
            if place and place.country and place.precision == "country" else None,
            "ActionGeo_Lat": place.lat if place else None,
            "ActionGeo_Long": place.lon if place else None,
            "ActionGeo_FeatureID": str(place.geonameid) if place and place.geonameid else None,
            "DATEADDED": int(coded[:14]) if coded[:14].isdigit() else None,
            "SOURCEURL": item.article.get("url"),
        }
        yield row


def _fraction_date(day: str | None) -> float | None:
    """GDELT's FractionDate: YEAR + (MONTH * 30 + DAY) / 365."""
    if not day:
        return None
    year, month, dom = int(day[:4]), int(day[5:7]), int(day[8:10])
    return round(year + (month * 30 + dom) / 365, 4)


def _full_place_name(place: Any) -> str | None:
    if place is None:
        return None
    parts = [place.name, place.admin1, country_name(place.country)]
    unique = [p for i, p in enumerate(parts) if p and p not in parts[:i]]
    return ", ".join(unique) or None


# --- ICEWS ------------------------------------------------------------------------------

def _icews_sectors(actor: Actor | None) -> str | None:
    if actor is None or not actor.sector:
        return None
    return ICEWS_SECTORS.get(actor.sector, actor.sector)


def icews_rows(item: StoredEvent) -> Iterator[dict[str, Any]]:
    event = item.event
    place = event.location
    first_sentence = min((m.sentence_index for m in event.evidence), default=None)
    for index, (source, target) in enumerate(actor_pairs(event)):
        yield {
            "Event ID": pair_number(event.id, index),
            "Event Date": event_day(item),
            "Source Name": _name(source), "Source Sectors": _icews_sectors(source),
            "Source Country": country_name(_iso3(source)),
            "Event Text": cameo_label(event.cameo), "CAMEO Code": event.cameo,
            "Intensity": event.intensity,
            "Target Name": _name(target), "Target Sectors": _icews_sectors(target),
            "Target Country": country_name(_iso3(target)),
            "Story ID": event.article_id,
            "Sentence Number": first_sentence + 1 if first_sentence is not None else None,
            "Publisher": item.article.get("outlet"),
            "City": place.name if place and place.precision in ("city", "site") else None,
            "District": None,
            "Province": place.admin1 if place else None,
            "Country": country_name(place.country) if place else None,
            "Latitude": place.lat if place else None,
            "Longitude": place.lon if place else None,
        }


# --- POLECAT ----------------------------------------------------------------------------

def _polecat_actor(prefix: str, primary: str, actor: Actor | None) -> dict[str, Any]:
    kb_id = actor.kb_id if actor else None
    return {
        f"{prefix} Name": _name(actor),
        f"{prefix} Country": actor.country if actor else None,
        f"{prefix} COW": cow_code(actor.country) if actor else None,
        primary: actor.sector if actor else None,
        f"{prefix} Sectors": actor.sector if actor else None,
        f"{prefix} Title": actor.title if actor else None,
        f"{prefix} Name Raw": actor.text if actor else None,
        f"Wikipedia {prefix} ID": kb_id if kb_id and kb_id.startswith("Q") else None,
    }


def polecat_rows(item: StoredEvent) -> Iterator[dict[str, Any]]:
    event = item.event
    place = event.location
    pairs = actor_pairs(event)
    for index, (source, target) in enumerate(pairs):
        yield {
            "Event ID": event.id if len(pairs) == 1 else f"{event.id}-{index + 1}",
            "Story Date": _day(item.article.get("published")),
            "Event Date": event_day(item),
            "Event Type": event.type, "Event Mode": event.mode,
            "Event Intensity": event.intensity,
            "Quad Code": QUAD_NAMES.get(event.quad_class or 0),
            "Contexts": ";".join(event.contexts) or None,
            **_polecat_actor("Actor", "Primary Actor Sector", source),
            **_polecat_actor("Recipient", "Recipient Primary Sector", target),
            "Placename": place.name if place else None,
            "City": place.name if place and place.precision in ("city", "site") else None,
            "State": place.admin1 if place else None,
            "Country": place.country if place else None,
            "GeoNames ID": str(place.geonameid) if place and place.geonameid else None,
            "Raw Placename": place.text if place else None,
            "Feature Type": place.precision if place else None,
            "Latitude": place.lat if place else None,
            "Longitude": place.lon if place else None,
            "Headline": item.article.get("title"),
            "Publication Date": _day(item.article.get("published")),
            "Source": item.article.get("outlet"),
            "Language": item.article.get("language"),
            "Version": item.article.get("coder_version"),
            "Story ID": event.article_id,
        }


# --- native -----------------------------------------------------------------------------

def native_record(item: StoredEvent) -> dict[str, Any]:
    """The contract's Event record with its article's metadata (and text, when asked)."""
    record = item.event.to_dict()
    record["article"] = {k: v for k, v in item.article.items() if k != "coded_at"}
    return record


def native_rows(item: StoredEvent) -> Iterator[dict[str, Any]]:
    record = item.event.to_dict()
    row = {name: _flat(record.get(name)) for name, _ in NATIVE_COLUMNS if name in record}
    for key in ("url", "title", "outlet", "published"):
        row[f"article_{key}"] = item.article.get(key)
    if "text" in item.article:
        row["article_text"] = item.article["text"]
    yield row


def _flat(value: Any) -> Any:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


@dataclass(frozen=True)
class Layout:
    columns: Columns
    rows: Callable[[StoredEvent], Iterator[dict[str, Any]]]
    header: bool
    delimiter: str
    text_column: str


LAYOUT_SPECS: dict[str, Layout] = {
    "native": Layout(NATIVE_COLUMNS, native_rows, True, ",", "article_text"),
    "gdelt": Layout(GDELT_COLUMNS, gdelt_rows, False, "\t", "TEXT"),
    "icews": Layout(ICEWS_COLUMNS, icews_rows, True, "\t", "Story Text"),
    "polecat": Layout(POLECAT_COLUMNS, polecat_rows, True, "\t", "Story Text"),
}


def layout_columns(settings: ExportSettings) -> Columns:
    """The layout's columns, plus the text column and (with --all) polarity and modality."""
    spec = LAYOUT_SPECS[settings.layout]
    columns = list(spec.columns)
    if settings.with_text:
        columns.append((spec.text_column, str))
    if settings.all_events and settings.layout != "native":
        columns += [("newsevents_polarity", str), ("newsevents_modality", str)]
    return columns


def export_rows(items: Iterable[StoredEvent], settings: ExportSettings) -> Iterator[dict[str, Any]]:
    """Rows in the layout's columns, in the store's stable order."""
    spec = LAYOUT_SPECS[settings.layout]
    names = [name for name, _ in layout_columns(settings)]
    for item in items:
        if settings.layout != "native" and not settings.all_events and not is_actual_positive(
                item.event):
            continue
        for row in spec.rows(item):
            if settings.with_text:
                row[spec.text_column] = item.article.get("text")
            if settings.all_events and settings.layout != "native":
                row["newsevents_polarity"] = item.event.polarity
                row["newsevents_modality"] = item.event.modality
            yield {name: row.get(name) for name in names}


def write_export(
    store: Store, output: IO[str] | Path, settings: ExportSettings, flt: EventFilter | None = None,
) -> int:
    """Write the export; returns the number of rows written."""
    flt = flt or EventFilter()
    items = stored_events(store, flt, settings.with_text)
    if settings.format == "jsonl" and settings.layout == "native":
        return _write_lines((native_record(i) for i in items), output)
    rows = export_rows(items, settings)
    if settings.format == "jsonl":
        return _write_lines(rows, output)
    if settings.format == "csv":
        return _write_csv(rows, output, settings)
    if settings.format == "parquet":
        if not isinstance(output, Path):
            raise ValueError("Parquet export needs an output file: --output FILE.parquet")
        return _write_parquet(rows, output, layout_columns(settings))
    raise ValueError(f"unknown export format '{settings.format}': use {', '.join(FORMATS)}")


def _open_text(output: IO[str] | Path) -> tuple[IO[str], bool]:
    if isinstance(output, Path):
        return output.open("w", encoding="utf-8", newline=""), True
    return output, False


def _write_lines(records: Iterable[dict[str, Any]], output: IO[str] | Path) -> int:
    handle, owned = _open_text(output)
    count = 0
    try:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if owned:
            handle.close()
    return count


def _write_csv(rows: Iterable[dict[str, Any]], output: IO[str] | Path,
               settings: ExportSettings) -> int:
    spec = LAYOUT_SPECS[settings.layout]
    names = [name for name, _ in layout_columns(settings)]
    header = spec.header if settings.header is None else settings.header
    handle, owned = _open_text(output)
    count = 0
    try:
        writer = csv.DictWriter(handle, fieldnames=names, delimiter=spec.delimiter,
                                lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        if header:
            writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
            count += 1
    finally:
        if owned:
            handle.close()
    return count


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return "" if value is None else value


def _write_parquet(rows: Iterable[dict[str, Any]], path: Path, columns: Columns,
                   chunk: int = 10_000) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        raise MissingExtraError("pyarrow", "parquet") from None
    kinds = {str: pa.string(), int: pa.int64(), float: pa.float64()}
    schema = pa.schema([(name, kinds[kind]) for name, kind in columns])
    count = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= chunk:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count += len(batch)
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        count += len(batch)
    return count
