"""The country an article is set in, for domestic actors the text names without one.

"NAIROBI, May 2 (Wire) - Police fired tear gas …": the police are Kenya's. The rule, kept
simple on purpose (the places stage may refine it): the country of the dateline's place (the
knowledge base's, else the gazetteer city's) when the article opens with one ("DHAKA:",
"GOMA, Congo, Dec. 23 (Wire) -"), else of the place a byline files from ("By Jane Doe, Warsaw
correspondent"); otherwise, in an article of three sentences or more, the
country its actors name most often, when it is named at least twice and more often than any
other. A mention that has a sector but no country ("police", "the court", "student
protesters", "the ministry") takes it, with ``#setting`` added to its rule (and is no longer
dropped as too vague to code); international and non-governmental bodies, collective
references ("both sides") and descriptions of a state ("the Andean nation") never do.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from ..lexicons.wordclasses import word_class
from ..text import find_dateline
from .coder import NEIGHBOUR_COUNTRY, refresh_code

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..model import Actor
    from .coder import Match

PLACE_CATEGORIES = ("country", "capital", "seat", "region")
INTERNATIONAL = frozenset({"IGO", "NGO"})
SETTING_RULE = "#setting"


def dateline_country(doc: Doc, matches: list[Match]) -> str | None:
    """The country of the place that opens the article's dateline, if the KB knows it."""
    dateline = find_dateline(doc.text)
    if dateline is None:
        return _opening_place_country(doc, matches)
    for match in matches:
        if not dateline.start <= doc[match.start].idx < dateline.place_end:
            continue
        entry = match.first(*PLACE_CATEGORIES)
        if entry is not None and entry.country not in INTERNATIONAL:
            return entry.country
    return _gazetteer_country(doc.text[dateline.start:dateline.place_end].split(",")[0])


_OPENING_PLACE = re.compile(r"^[^\S\n]*[A-Z][A-Z .'’/\-]{1,40}(?=[,:(]|[^\S\n]+[-–—])")
"""A place in capitals at the very start of the text with no date or agency ('DHAKA:')."""


def _opening_place_country(doc: Doc, matches: list[Match]) -> str | None:
    opening = _OPENING_PLACE.match(doc.text[:60])
    if opening is None:
        return None
    for match in matches:
        if doc[match.start].idx >= opening.end():
            continue
        entry = match.first(*PLACE_CATEGORIES)
        if entry is not None and entry.country not in INTERNATIONAL:
            return entry.country
    return _gazetteer_country(opening.group(0))


def _gazetteer_country(place: str) -> str | None:
    """'GOMA', 'PORT SUDAN', 'WASHINGTON/BOGOTA': the first place's city in the gazetteer."""
    from ..gazetteer import lookup_city

    name = place.split("/")[0].strip().title()
    city = lookup_city(name) if name else None
    return city.country if city is not None else None


MIN_SENTENCES = 3
MIN_MENTIONS = 2


def most_named_country(actors: list[Actor]) -> str | None:
    """The country named most, when it is named at least twice and more than any other."""
    counts = Counter(a.country for a in actors if a.country and a.country not in INTERNATIONAL)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_MENTIONS or (len(ranked) > 1 and ranked[1][1] ==
                                                      ranked[0][1]):
        return None
    return ranked[0][0]


_BYLINE_PLACE = re.compile(
    r"^[^\S\n]*By [^\n,]{2,60}?(?:,[^\S\n]*|[^\S\n]+in[^\S\n]+)"
    r"([A-Z][\w'’.-]+(?:[^\S\n][A-Z][\w'’.-]+)?)", re.MULTILINE)
"""'By Jane Doe, Warsaw correspondent', 'By Jane Doe in Nairobi': where the writer files from."""

BYLINE_CHARS = 400


def byline_country(text: str) -> str | None:
    """The country of the place a byline near the top says the story is filed from."""
    found = _BYLINE_PLACE.search(text[:BYLINE_CHARS])
    return _gazetteer_country(found.group(1)) if found else None


def setting_country(doc: Doc, matches: list[Match], actors: list[Actor]) -> str | None:
    """The dateline's country, else the byline's ('By X, Warsaw correspondent'); else, in an
    article of a few sentences, the country it names most (a single sentence says too little
    of where it is set)."""
    found = dateline_country(doc, matches) or byline_country(doc.text)
    if found is None and sum(1 for _ in doc.sents) >= MIN_SENTENCES:
        found = most_named_country(actors)
    return found


def is_collective(actor: Actor) -> bool:
    """'both parties', 'the two countries': the parties named elsewhere, not the setting."""
    words = actor.text.lower().split()
    if words[:1] == ["the"]:
        words = words[1:]
    if not words or words[0] not in word_class("collective_determiners"):
        return False
    return words[0] not in word_class("counting_determiners") or (
        words[-1] in word_class("party_nouns"))


def is_description(actor: Actor) -> bool:
    """'the Andean nation', 'the country': a state named elsewhere, not the setting."""
    return (actor.rule or "").startswith("actors:country-noun")


def is_generic_institution(actor: Actor) -> bool:
    """'Congress', 'the Supreme Court': a name many states give their institution, which the
    knowledge base files under one of them."""
    words = actor.text.lower().split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words) in word_class("generic_institution_names")


def place_in_setting(actors: list[Actor], country: str | None) -> None:
    """Domestic actors named without a country take the setting's; so does an institution
    named only by a generic name ('Congress' in an article from Lima is Peru's)."""
    if country is None:
        return
    for actor in actors:
        if actor.country not in (None, country) and (
                is_generic_institution(actor) or NEIGHBOUR_COUNTRY in (actor.rule or "")):
            actor.country, actor.kb_id = country, None
            if actor.kind != "person":  # (a person keeps the name the text gives)
                actor.name = actor.text
            actor.rule = f"{actor.rule or 'actors'}{SETTING_RULE}"
            refresh_code(actor)
            continue
        if (actor.country is None and actor.sector and actor.sector not in INTERNATIONAL
                and not is_collective(actor) and not is_description(actor)
                and "#poss-pronoun:" not in (actor.rule or "")):
            actor.country = country
            rule = (actor.rule or "actors").replace("#vague", "").replace("#needs-country", "")
            actor.rule = f"{rule}{SETTING_RULE}"
            refresh_code(actor)
