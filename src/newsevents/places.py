"""The places stage, first version: place mentions at country precision (countries, capitals,
named places the model tags) and the location of each event.

An event's location is a place attached to its trigger's clause ("in Mexico", "near Kabul"),
else a place elsewhere in its sentence that is not one of its actors, else the dateline's
place; otherwise null with the reason in ``location_reason``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .gazetteer import City, city_index, lookup_city
from .lexicons.wordclasses import word_class
from .model import Event, Place, PlacePrecision
from .stage import Analysis, Stage
from .text import dateline_end

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from .actors.coder import Match
    from .config import Options

PLACE_ENTS = {"GPE", "LOC", "FAC"}
"""'the Kherson region': the region, not its city."""


def _place_from_match(analysis: Analysis, match: Match) -> Place | None:
    entry = match.first("country", "capital", "seat", "region")
    if entry is None:
        return None
    span = analysis.doc[match.start : match.end]
    following = analysis.doc[match.end] if match.end < len(analysis.doc) else None
    named_region = following is not None and following.lower_ in word_class("region_words")
    if entry.category in ("region", "capital") and not named_region:
        city = lookup_city(span.text)
        if city is not None and city.country == entry.country:
            # 'Kharkiv', 'Aleppo', 'New York': a city of the region's name is the likelier
            # reading, and it has coordinates
            return _city_place(span.text, span.start_char, span.end_char, city)
    precision: PlacePrecision = (
        "country" if entry.category == "country" else "admin1" if entry.category == "region" else "city")
    return Place(span.text, span.text if precision == "city" else entry.name, entry.country,
                 span.start_char, span.end_char, precision=precision)


def _city_place(text: str, start: int, end: int, city: City) -> Place:
    return Place(text, city.name, city.country, start, end, admin1=city.admin1, lat=city.lat,
                 lon=city.lon, geonameid=city.geonameid, precision="city")


def find_places(analysis: Analysis) -> list[Place]:
    """Known countries and capitals, then other GPE/LOC/FAC entities (country unknown)."""
    places: dict[int, Place] = {}
    matches: list[Match] = analysis.actor_index.matches if analysis.actor_index else []
    for match in matches:
        place = _place_from_match(analysis, match)
        if place is not None:
            places[place.start] = place
    for ent in analysis.doc.ents:
        if ent.label_ in PLACE_ENTS and not any(
            p.start <= ent.start_char < p.end or ent.start_char <= p.start < ent.end_char
            for p in places.values()
        ):
            places[ent.start_char] = _entity_place(ent.text, ent.start_char, ent.end_char,
                                                   ent.label_)
    return [places[k] for k in sorted(places)]


def _entity_place(text: str, start: int, end: int, label: str) -> Place:
    """A named place the knowledge base does not know: a city from the gazetteer, else a
    place with no country."""
    name = text[4:] if text.lower().startswith("the ") else text
    city = lookup_city(name) if label == "GPE" else None
    if city is not None:
        return _city_place(text, start, end, city)
    return Place(text, name, None, start, end, precision="site" if label == "FAC" else "admin1")


def _place_at(places: list[Place], token: Token) -> Place | None:
    for place in places:
        if place.start <= token.idx < place.end:
            return place
    return None


def _clause_place(places: list[Place], trigger: Token) -> Place | None:
    """A place in a locative prepositional phrase of the trigger or its complements."""
    queue = [trigger]
    for _ in range(30):
        if not queue:
            break
        node = queue.pop(0)
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in word_class("locative_preps"):
                for pobj in child.children:
                    place = _place_at(places, pobj)
                    if place is not None:
                        return place
            if child.dep_ not in ("nsubj", "nsubjpass", "ccomp", "punct"):
                queue.append(child)
    return None


def _is_attribute(doc: Doc, place: Place) -> bool:
    """A place that qualifies a participle ("El Salvador-based MS-13", "Iran-backed
    militias") says where an actor is based or backed from, not where the event happened;
    "a Nairobi rally" or "a Gaza hospital" still place it."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ == "npadvmod" and root.head.pos_ in ("VERB", "ADJ") and not (
        span.start <= root.head.i < span.end)


def _sentence_place(doc: Doc, places: list[Place], event: Event, start: int, end: int
                    ) -> Place | None:
    actor_spans = [(a.start, a.end) for a in [*event.source, *event.target]]
    for place in places:
        if (start <= place.start < end and not any(s <= place.start < e for s, e in actor_spans)
                and not _is_attribute(doc, place)):
            return place
    return None


def _dateline_place(places: list[Place], text: str) -> Place | None:
    """The most precise known place of the dateline ('GOMA, Congo, Dec. 23 (Newswire) -')."""
    end = dateline_end(text)
    if end is None:
        return None
    inside = [p for p in places if p.end <= end]
    known = [p for p in inside if p.country]
    chosen = known or inside
    return chosen[0] if chosen else None


@dataclass(frozen=True)
class EventPlace:
    """Where one event mention happened, or why that is unknown."""

    location: Place | None
    reason: str | None


def locate(analysis: Analysis, places: list[Place], event: Event, dateline: Place | None
           ) -> EventPlace:
    evidence = event.evidence[0]
    token = analysis.doc.char_span(evidence.trigger.start, evidence.trigger.end,
                                   alignment_mode="expand")
    clause_place = _clause_place(places, token[0]) if token is not None and len(token) else None
    found = (clause_place
             or _sentence_place(analysis.doc, places, event, evidence.start, evidence.end)
             or dateline)
    return EventPlace(found, None if found else "no place in sentence or dateline")


def run(analysis: Analysis) -> dict[str, object]:
    places = find_places(analysis)
    dateline = _dateline_place(places, analysis.article.text)
    located = [locate(analysis, places, event, dateline) for event in analysis.mentions]
    return {"places": places, "event_places": located}


def setup(nlp: Language, options: Options) -> None:
    city_index()


STAGE = Stage("places", run, requires=("doc", "actor_index", "mentions"),
              assigns=("places", "event_places"), setup=setup)
