"""Scoring places against toponym corpora: GeoWebNews (``GWN.xml``) and LGL (``lgl.xml``).

Reports toponym recall and precision (a predicted place matches a gold toponym whose span it
overlaps, one to one), and over matched toponyms the country accuracy and the share of
predictions within 161 km (100 miles) of the gold coordinates, the mean and median error
distance and the AUC of the error curve (a prediction without coordinates counts as the
largest error, 20,039 km). ``half_of`` splits a corpus in two by a hash of the document id:
the places stage is tuned on half A only, and both halves are reported. Gold offsets point into the
corpus's raw text; predictions are mapped back to it through the normaliser's offsets.

GeoWebNews gives coordinates but no country: its gold country is that of the nearest GeoNames
city of 15,000+ people to the gold point (``newsevents[places]``), an approximation that can
err near borders. LGL names the country.
"""

from __future__ import annotations

import hashlib
import math
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .matching import match_items
from .report import ratio

WITHIN_KM = 161.0
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    locational: bool = True
    kind: str | None = None
    """GeoWebNews's type (Literal, Metonymic, Demonym, Literal_Expression…); None for LGL."""


@dataclass(frozen=True)
class ToponymDocument:
    id: str
    text: str
    published: str | None
    toponyms: tuple[GoldToponym, ...]


class ToponymFormatError(ValueError):
    """The file is neither GeoWebNews nor LGL XML."""


def load_toponym_corpus(path: str | Path) -> list[ToponymDocument]:
    """The articles of a GeoWebNews or LGL XML file, with their gold toponyms."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ToponymFormatError(f"{path}: not XML: {exc}") from exc
    articles = list(root.iter("article"))
    if not articles or articles[0].find("text") is None:
        raise ToponymFormatError(f"{path}: no <article> with <text>: not GeoWebNews or LGL XML")
    return [_document(article, number) for number, article in enumerate(articles)]


def _document(article: ET.Element, number: int) -> ToponymDocument:
    doc_id = article.get("docid") or article.get("file") or f"article-{number}"
    published = _text(article, "dltime")
    toponyms = tuple(_toponym(t) for t in article.iter("toponym"))
    return ToponymDocument(doc_id, _text(article, "text") or "",
                           published[:10] if published else None,
                           tuple(t for t in toponyms if t is not None))


def _toponym(element: ET.Element) -> GoldToponym | None:
    start, end = _number(element, "start"), _number(element, "end")
    if start is None or end is None:
        return None
    gaztag = element.find("gaztag")
    if gaztag is not None:  # LGL
        country = _text(gaztag, "country")
        return GoldToponym(int(start), int(end), _text(element, "phrase") or "",
                           _country_code(country), _number(gaztag, "lat"),
                           _number(gaztag, "lon"))
    lat, lon = _number(element, "latitude"), _number(element, "longitude")  # GeoWebNews
    return GoldToponym(int(start), int(end), _text(element, "extractedName") or "",
                       _country_at(lat, lon), lat, lon,
                       locational=(_text(element, "nonLocational") or "No") != "Yes",
                       kind=_text(element, "type"))


def _text(element: ET.Element, tag: str) -> str | None:
    child = element.find(tag)
    return child.text.strip() if child is not None and child.text else None


def _number(element: ET.Element, tag: str) -> float | None:
    value = _text(element, tag)
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _country_code(name: str | None) -> str | None:
    from ..gazetteer import country_code

    return country_code(name) if name else None


def _country_at(lat: float | None, lon: float | None) -> str | None:
    from ..gazetteer import nearest_city

    if lat is None or lon is None:
        return None
    city = nearest_city(lat, lon)
    return city.country if city is not None else None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def _overlaps(place: Mapping[str, Any], gold: GoldToponym) -> bool:
    return int(place["start"]) < gold.end and gold.start < int(place["end"])


def _near(place: Mapping[str, Any], gold: GoldToponym) -> bool:
    if None in (place.get("lat"), place.get("lon"), gold.lat, gold.lon):
        return False
    return distance_km(float(place["lat"]), float(place["lon"]), float(gold.lat or 0),
                       float(gold.lon or 0)) <= WITHIN_KM


MAX_ERROR_KM = 20039.0
"""Half the Earth's circumference: the error of a prediction with no coordinates."""


def half_of(doc_id: str) -> str:
    """'A' or 'B' by a hash of the document id: tune on A, report both."""
    return "A" if hashlib.sha256(doc_id.encode()).digest()[0] % 2 == 0 else "B"


def error_summary(errors: Sequence[float]) -> dict[str, float | None]:
    """Mean and median error distance (km) and the area under the curve of the errors' log
    (Gritta et al. 2018: 0 is perfect, 1 every prediction at the antipode)."""
    if not errors:
        return {"mean_error_km": None, "median_error_km": None, "auc": None}
    ordered = sorted(errors)
    middle = len(ordered) // 2
    median = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    auc = sum(math.log(1 + e) for e in ordered) / (len(ordered) * math.log(1 + MAX_ERROR_KM))
    return {"mean_error_km": round(sum(ordered) / len(ordered), 1),
            "median_error_km": round(median, 1), "auc": round(auc, 4)}


def _error(place: Mapping[str, Any], gold: GoldToponym) -> float:
    if place.get("lat") is None or place.get("lon") is None:
        return MAX_ERROR_KM
    return distance_km(float(place["lat"]), float(place["lon"]), float(gold.lat or 0),
                       float(gold.lon or 0))


def score_toponyms(documents: Sequence[ToponymDocument],
                   places_by_doc: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, Any]:
    """The report; ``places_by_doc`` holds each document's predicted places (Place dicts)
    with ``start``/``end`` in the raw text."""
    counts = dict.fromkeys(("gold", "locational", "predicted", "matched",
                            "matched_locational", "with_country", "country_right",
                            "with_coordinates", "predicted_coordinates", "within"), 0)
    by_kind: dict[str, list[int]] = {}
    errors: list[float] = []
    for document in documents:
        places = list(places_by_doc.get(document.id, ()))
        gold = list(document.toponyms)
        matched = match_items(places, gold, _overlaps)
        counts["gold"] += len(gold)
        counts["locational"] += sum(g.locational for g in gold)
        counts["predicted"] += len(places)
        found = set(matched.values())
        for index, toponym in enumerate(gold):
            if toponym.kind:
                tally = by_kind.setdefault(toponym.kind, [0, 0])
                tally[0] += 1
                tally[1] += index in found
        for p, g in matched.items():
            place, toponym = places[p], gold[g]
            counts["matched"] += 1
            counts["matched_locational"] += toponym.locational
            if toponym.country:
                counts["with_country"] += 1
                counts["country_right"] += place.get("country") == toponym.country
            if toponym.lat is not None and toponym.lon is not None:
                counts["with_coordinates"] += 1
                counts["predicted_coordinates"] += place.get("lat") is not None
                counts["within"] += _near(place, toponym)
                errors.append(_error(place, toponym))
    return {
        "documents": len(documents),
        **{f"{k}_toponyms" if k in ("gold", "locational", "predicted", "matched") else k: v
           for k, v in counts.items()},
        "toponym_recall": ratio(counts["matched"], counts["gold"]),
        "locational_recall": ratio(counts["matched_locational"], counts["locational"]),
        "toponym_precision": ratio(counts["matched"], counts["predicted"]),
        "country_accuracy": ratio(counts["country_right"], counts["with_country"]),
        "within_161km": ratio(counts["within"], counts["with_coordinates"]),
        "coordinates_given": ratio(counts["predicted_coordinates"], counts["with_coordinates"]),
        **error_summary(errors),
        "by_kind": {kind: {"gold": total, "matched": hit, "recall": ratio(hit, total)}
                    for kind, (total, hit) in sorted(by_kind.items(), key=lambda kv: -kv[1][0])},
    }
