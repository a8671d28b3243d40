"""The places stage: every toponym of the article resolved against the offline gazetteer
(``places/index.py``) in the article's context (``places/resolve.py``), and the location of
each event mention.

Toponyms are the countries, capitals and regions the actor knowledge base finds (never its
demonyms: "Syrian forces" codes an actor, not a place) and the parser's GPE, LOC and FAC
entities. An event's location is the place its trigger governs ("in", "at", "near" a place in
the trigger's clause), else a place of its sentence, else the dateline's; never one of its
actors. With none, ``location_reason`` says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lexicons import load_entries
from ..lexicons.wordclasses import word_class
from ..model import Event, Place
from ..spans import SpanIndex
from ..stage import Analysis, Stage
from .index import Gazetteer, fold, gazetteer
from .resolve import DIRECTIONS, Mention, resolve, seed_context, story_country

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from ..actors.coder import Match
    from ..config import Options

__all__ = ["STAGE", "EventPlace", "dateline_span", "find_places", "locate", "run"]

PLACE_ENTS = {"GPE", "LOC", "FAC"}
KB_PLACE_CATEGORIES = ("country", "capital", "region")
"""Seats of power ("the Kremlin", "the White House") stand for institutions: not places."""
DATELINE_WEIGHT = 3.0
ACTOR_WEIGHT = 0.5

_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Za-z .'’\-]{1,40}(?:/[A-Z][A-Za-z .'’\-]{1,40})?"
    r"(?:,[^\S\n]*[A-Z][A-Za-z .'’\-]{1,40}){0,2})"
    r"(?:,?[^\S\n]+[A-Z][a-z]{2,8}\.?[^\S\n]+\d{1,2}(?:,[^\S\n]*\d{4})?)?"
    r"[^\S\n]*(?:\([^)\n]{2,40}\))?[^\S\n]*(?:[-–—]+|:)[^\S\n]*")
"""'GOMA, Congo, Dec. 23 (Wire) - ', 'DHAKA: ', 'Bangkok, Thailand: ', 'WASHINGTON/BOGOTA
(Reuters) – ': a place before a dash or colon at the start of a paragraph."""


def dateline_span(text: str) -> tuple[int, int] | None:
    """The span of the dateline's place in one of the first three paragraphs, else None.

    The place must open the paragraph in capitals ('DHAKA:') or be followed by a country
    ('Bangkok, Thailand:'), so that 'Speaking on Monday: …' is no dateline."""
    position = 0
    for _ in range(3):
        match = _DATELINE.match(text, position)
        if match is not None:
            place = match["place"]
            head = place.split(",")[0].split("/")[0]
            if head.isupper() or "," in place:
                return match.start("place"), match.end("place")
        newline = text.find("\n", position)
        if newline < 0:
            return None
        position = newline + 1
        while position < len(text) and text[position] in "\n \t":
            position += 1
    return None


# ---------------------------------------------------------------- toponyms


def _kb_mention(analysis: Analysis, match: Match) -> Mention | None:
    entry = match.first(*KB_PLACE_CATEGORIES)
    if entry is None:
        return None
    span = analysis.doc[match.start: match.end]
    kind = "country" if entry.category == "country" else None
    mention = Mention(span.text, span.start_char, span.end_char, span.text, "KB",
                      kb_country=entry.country, kb_kind=kind)
    before = analysis.doc[match.start - 1] if match.start > 0 else None
    if before is not None and before.text[:1].isupper() and before.lower_ in DIRECTIONS:
        # 'North America', 'Western Europe': the continent or region is looked up first
        mention.whole, mention.part = f"{before.text} {span.text}", True
    return mention


def _entity_mention(doc: Doc, start: int, end: int, label: str) -> Mention | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tokens = [t for t in span if not (t.i == span.end - 1 and t.tag_ == "POS")]
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    if not tokens:
        return None
    whole = doc[tokens[0].i: tokens[-1].i + 1].text
    part = False
    while len(tokens) > 1 and tokens[0].lower_ in DIRECTIONS:
        tokens, part = tokens[1:], True
    first, last = tokens[0], tokens[-1]
    name = doc[first.i: last.i + 1].text
    if not any(ch.isupper() for ch in name):
        return None
    root = span.root
    locative = root.dep_ == "pobj" and (root.head.lower_ in word_class("locative_preps")
                                        or root.head.lower_ == "from")
    return Mention(span.text, span.start_char, span.end_char,
                   name, label, part=part, whole=whole, locative=locative,
                   modifier=_names_a_thing(root, name),
                   speaker=root.dep_ == "nsubj" and root.head.lemma_.lower() in word_class(
                       "speech_core"))


def _names_a_thing(root: Token, name: str) -> bool:
    """'United Way officials', 'the Historic District board': a name that modifies a noun other
    than a kind of place ('the Chestatee River arm', 'the rural Gratis community' stay), and
    that does not itself end in a kind of place."""
    kinds = (word_class("generic_place_words") | word_class("place_nouns")
             | word_class("settlement_nouns"))
    words = name.split()
    return (root.dep_ == "compound" and root.head.lemma_.lower() not in kinds
            and bool(words) and words[-1].lower() not in kinds)


@lru_cache(maxsize=1)
def _demonym_countries() -> dict[str, str]:
    """'Syrian', 'Ukrainians' → the country: adjectives and peoples of the actor lexicon."""
    return {str(d).lower(): str(entry["id"]) for entry in load_entries("actors/countries.yml")
            for d in entry.get("demonyms") or []}


def _demonyms() -> frozenset[str]:
    """'Syrian', 'Ukrainians': never places."""
    return frozenset(_demonym_countries())


@lru_cache(maxsize=1)
def _settlement_pattern() -> re.Pattern[str]:
    """'the central Somali town of Bulo Burde', 'the village of Kafr Nabl': a name after a
    settlement noun and 'of', whatever the parser tags it (often an organisation or nothing),
    with the words before the noun (a demonym among them gives the country)."""
    nouns = "|".join(sorted(word_class("settlement_nouns"), key=len, reverse=True))
    word = r"[A-Z][\w'’\-]*"
    return re.compile(
        r"\b[Tt]he\s+(?P<mods>(?:[\w\-]+\s+){0,3}?)(?:" + nouns + r")\s+of\s+"
        r"(?P<name>" + word + r"(?:\s+(?:(?:al|el|de|du|la|le)[\-\s])?" + word + r"){0,3})")


def _settlement_country(mods: str) -> str | None:
    """The country a demonym among the words before the settlement noun names ('Somali')."""
    words = mods.split()
    countries = _demonym_countries()
    for size in (2, 1):
        for k in range(len(words) - size + 1):
            code = countries.get(" ".join(words[k: k + size]).lower())
            if code is not None:
                return code
    return None


GOVERNING_PREPS = ("from",)
"""Besides the locative prepositions: 'returned from Almelo'."""


NOT_PLACE_ENTS = frozenset({"DATE", "TIME", "NORP", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE",
                            "MONEY", "QUANTITY", "PERCENT", "ORDINAL", "CARDINAL"})


def _add_governed_names(doc: Doc, mentions: dict[int, Mention], taken: SpanIndex[Mention],
                        actors: SpanIndex[tuple[int, int]]) -> None:
    """Proper names that a preposition of place governs ('captured in Chattanooga', 'stops in
    Hilversum and Almelo') whatever the parser tags them (it often says organisation or
    product): candidates only, kept when the gazetteer knows a sizeable place of that name.
    Never a date, a kind of place alone ('the University'), an acronym, or a name the actor
    knowledge base knows (seats of power, institutions, firms)."""
    preps = word_class("locative_preps") | set(GOVERNING_PREPS)
    generic = word_class("generic_place_words")
    for token in doc:
        if (token.pos_ != "PROPN" or not token.text[:1].isupper()
                or token.ent_type_ in NOT_PLACE_ENTS
                or (token.ent_type_ == "PERSON" and token.dep_ != "conj")):
            continue
        governed = token.dep_ == "pobj" and token.head.lower_ in preps
        if token.dep_ == "conj" and token.head.dep_ == "pobj":
            governed = token.head.head.lower_ in preps and token.head.pos_ == "PROPN"
        if not governed:
            continue
        first = token
        while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].dep_ == (
                "compound") and doc[first.i - 1].head.i == token.i:
            first = doc[first.i - 1]
        start, end = first.idx, token.idx + len(token.text)
        if taken.overlapping(start, end):
            continue
        name = doc.text[start:end]
        if name.isupper() or all(w.lower() in generic for w in name.split()) or (
                actors.overlapping(start, end)):
            continue  # 'at the CHU', 'at the University', 'at the White House' (a seat)
        mentions[start] = Mention(name, start, end, name, "GPE", locative=True, guessed=True)
        taken.add(mentions[start])


def _add_settlements(text: str, mentions: dict[int, Mention], taken: SpanIndex[Mention]
                     ) -> None:
    """Names after 'the town of', 'the Somali town of': places, in the demonym's country."""
    for found in _settlement_pattern().finditer(text):
        name = re.sub(r"['’]s$", "", found["name"])
        start, end = found.start("name"), found.start("name") + len(name)
        country = _settlement_country(found["mods"])
        known = taken.overlapping(start, end)
        if known:
            for mention in known:
                mention.locative = True
                mention.within = mention.within or country
            continue
        mentions[start] = Mention(name, start, end, name, "GPE", locative=True, within=country)
        taken.add(mentions[start])


@lru_cache(maxsize=1)
def _region_pattern() -> re.Pattern[str]:
    """The curated regions' names, matched as written (the parser misses many: 'the Sahel')."""
    names = sorted({str(n) for e in load_entries("places/regions.yml") for n in e["names"]},
                   key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def _person_names(analysis: Analysis) -> frozenset[str]:
    """The surnames of the article's persons of two or more words ('Olga Petrova'): a place
    entity of that name alone ('Petrova said') is most often that person."""
    names: set[str] = set()
    for ent in analysis.doc.ents:
        words = fold(ent.text).split()
        if ent.label_ == "PERSON" and len(words) >= 2 and len(words[-1]) > 2:
            names.add(words[-1])
    return frozenset(names)


def _mention_span(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end


def _place_span(place: Place) -> tuple[int, int]:
    return place.start, place.end


def _segments(text: str, offset: int) -> list[tuple[int, int]]:
    """'Atlanta, Georgia' as one entity: 'Atlanta' and 'Georgia', each a toponym."""
    spans: list[tuple[int, int]] = []
    position = 0
    for piece in text.split(","):
        stripped = piece.strip()
        if stripped:
            start = offset + position + piece.index(stripped)
            spans.append((start, start + len(stripped)))
        position += len(piece) + 1
    return spans


def find_mentions(analysis: Analysis) -> list[Mention]:
    """Toponyms: knowledge-base places first, then the parser's place entities around them,
    then the curated regions the parser missed."""
    mentions: dict[int, Mention] = {}
    taken: SpanIndex[Mention] = SpanIndex([], _mention_span)
    matches: list[Match] = analysis.actor_index.matches if analysis.actor_index else []
    for match in matches:
        mention = _kb_mention(analysis, match)
        if mention is not None:
            mentions[mention.start] = mention
            taken.add(mention)
    demonyms = _demonyms()
    persons = _person_names(analysis)
    for ent in analysis.doc.ents:
        if ent.label_ not in PLACE_ENTS:
            continue
        for start, end in _segments(ent.text, ent.start_char):
            if taken.overlapping(start, end):
                continue
            mention = _entity_mention(analysis.doc, start, end, ent.label_)
            if mention is not None and mention.name.lower() not in demonyms:
                mention.person_name = fold(mention.name) in persons
                mentions[mention.start] = mention
                taken.add(mention)
    _add_settlements(analysis.doc.text, mentions, taken)
    known = SpanIndex([(analysis.doc[m.start].idx, analysis.doc[m.end - 1].idx
                        + len(analysis.doc[m.end - 1].text)) for m in matches], lambda span: span)
    _add_governed_names(analysis.doc, mentions, taken, known)
    for found in _region_pattern().finditer(analysis.doc.text):
        if not taken.overlapping(found.start(), found.end()):
            mentions[found.start()] = Mention(found.group(0), found.start(), found.end(),
                                              found.group(0), "LOC")
            taken.add(mentions[found.start()])
    ordered = [mentions[k] for k in sorted(mentions)]
    _link_parents(analysis.doc.text, ordered)
    return ordered


_COMMA = re.compile(r"\s*,\s*$")
_POSSESSIVE = re.compile(r"\s*['’]s\s*$")
_IN = re.compile(r"\s+in\s+(?:the\s+)?")


def _link_parents(text: str, mentions: list[Mention]) -> None:
    """'Springfield, Illinois': Illinois contains Springfield; 'Tigray's Mekelle': Tigray
    contains Mekelle; 'Atlantic Avenue in Garden City': Garden City contains the avenue."""
    for k in range(len(mentions) - 1):
        left, right = mentions[k], mentions[k + 1]
        between = text[left.end: right.start]
        if (_COMMA.fullmatch(between) and "\n" not in between) or _IN.fullmatch(between):
            left.parent = k + 1
        elif between.strip() == "" and _POSSESSIVE.search(left.text):
            right.parent = k


# ---------------------------------------------------------------- context


def _seed(analysis: Analysis, mentions: list[Mention], dateline: tuple[int, int] | None
          ) -> list[tuple[str, float]]:
    """Countries the article is about before its places are resolved: its actors' countries
    and the dateline's."""
    toponyms = SpanIndex(mentions, _mention_span)

    def is_place(start: int, end: int) -> bool:
        return bool(toponyms.overlapping(start, end))

    # a name is no evidence for itself: actors that are the place mentions ('Georgia') and the
    # countries those mentions name count once they are resolved, not here
    weights: list[tuple[str, float]] = [
        (a.country, ACTOR_WEIGHT) for a in analysis.actors
        if a.country and len(a.country) == 3 and not is_place(a.start, a.end)]
    for mention in mentions:
        if dateline and mention.start < dateline[1] and mention.kb_country:
            weights.append((mention.kb_country, DATELINE_WEIGHT))
    return weights


def find_places(analysis: Analysis, index: Gazetteer | None = None) -> list[Place]:
    """Every toponym of the article, resolved in its context."""
    mentions = find_mentions(analysis)
    dateline = dateline_span(analysis.doc.text)
    context = seed_context(_seed(analysis, mentions, dateline))
    if dateline is not None:
        for mention in mentions:
            if mention.start < dateline[1]:
                mention.name = mention.name.title() if mention.name.isupper() else mention.name
    return resolve(mentions, index or gazetteer(), context)


# ---------------------------------------------------------------- event locations


def _place_at(places: SpanIndex[Place], token: Token) -> Place | None:
    return next(iter(places.covering(token.idx)), None)


def _is_actor(place: Place, event: Event) -> bool:
    return any(a.start < place.end and place.start < a.end for a in [*event.source, *event.target])


def _site_of(doc: Doc, place: Place) -> Place | None:
    """'Somalia's main airport', 'Haiti's capital': the site a place owns, as a location in that
    place (its text the whole phrase, its gazetteer fields the owner's)."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    head = root.head
    if root.dep_ != "poss" or head.i < span.end or head.lemma_.lower() not in word_class(
            "site_nouns"):
        return None
    end = head.idx + len(head.text)
    rule = f"{place.rule or 'unresolved'}#site"
    return replace(place, text=doc.text[place.start:end], end=end, rule=rule)


def _usable(doc: Doc, place: Place, event: Event) -> Place | None:
    """The place as the event's location: itself when it is none of the event's actors, else
    the site it owns when the actor is the owner only ('shelled Somalia's main airport' with
    Somalia the target: at the airport, in Somalia), else None."""
    if not _is_actor(place, event):
        return place
    site = _site_of(doc, place)
    if site is None or _is_actor(replace(site, start=place.end), event):
        return None
    return site


def _clause_place(places: SpanIndex[Place], trigger: Token, event: Event) -> Place | None:
    """A place in a locative prepositional phrase of the trigger or its complements."""
    queue = [trigger]
    for _ in range(30):
        if not queue:
            break
        node = queue.pop(0)
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in word_class("locative_preps"):
                for pobj in child.children:
                    place = _place_at(places, pobj) or _place_in_phrase(places, pobj)
                    usable = _usable(trigger.doc, place, event) if place is not None else None
                    if usable is not None:
                        return usable
            if child.dep_ not in ("nsubj", "nsubjpass", "ccomp", "punct"):
                queue.append(child)
    return None


def _place_in_phrase(places: SpanIndex[Place], head: Token) -> Place | None:
    """'in the capital Dhaka', 'in Haiti's capital', 'in the central district of Narsingdi'."""
    for token in head.subtree:
        place = _place_at(places, token)
        if place is not None:
            return place
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


def _is_origin(doc: Doc, place: Place) -> bool:
    """'arrived from Hong Kong', 'flights from Colombia': where someone came from ('sent to
    Myanmar', 'deployed to the Caribbean' keep their destination)."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ == "from"


def _sentence_place(doc: Doc, places: SpanIndex[Place], event: Event, start: int, end: int
                    ) -> Place | None:
    for place in places.starting_in(start, end):
        if ((place.country is not None or place.lat is not None)
                and not _is_attribute(doc, place) and not _is_origin(doc, place)):
            usable = _usable(doc, place, event)
            if usable is not None:
                return usable
    return None


def _dateline_place(places: list[Place], dateline: tuple[int, int] | None) -> Place | None:
    """The first known place of the dateline ('GOMA, Congo, Dec. 23 (Newswire) -')."""
    if dateline is None:
        return None
    inside = [p for p in places if dateline[0] <= p.start < dateline[1]]
    known = [p for p in inside if p.country]
    chosen = known or inside
    return chosen[0] if chosen else None


def _story_place(doc: Doc, places: list[Place]) -> Place | None:
    """The story's setting, for events whose sentence names no place when there is no
    dateline: the first place of the article in its own country (the country that holds more
    than half of its places), that says neither where someone came from nor where an actor is
    based; its rule ends in ``#story``."""
    home = story_country([p.country for p in places if p.precision != "region"])
    for place in places:
        if (place.country == home and home is not None and not _is_attribute(doc, place)
                and not _is_origin(doc, place)):
            return replace(place, rule=f"{place.rule or 'unresolved'}#story")
    return None


def _at_home(story: Place, event: Event) -> bool:
    """The story's setting places an event one of whose actors is of the story's country (and
    none of whose actors is that very place): 'The clashes killed four soldiers' in a story
    on Kenya; a foreign government's reaction stays unplaced."""
    actors = [*event.source, *event.target]
    return not _is_actor(story, event) and any(a.country == story.country for a in actors)


@dataclass(frozen=True)
class EventPlace:
    """Where one event mention happened, or why that is unknown."""

    location: Place | None
    reason: str | None


def locate(analysis: Analysis, places: SpanIndex[Place], event: Event, dateline: Place | None,
           story: Place | None = None) -> EventPlace:
    evidence = event.evidence[0]
    token = analysis.doc.char_span(evidence.trigger.start, evidence.trigger.end,
                                   alignment_mode="expand")
    clause_place = (_clause_place(places, token[0], event)
                    if token is not None and len(token) else None)
    found = (clause_place
             or _sentence_place(analysis.doc, places, event, evidence.start, evidence.end)
             or (dateline if dateline is not None and not _is_actor(dateline, event) else None)
             or (story if dateline is None and story is not None and _at_home(story, event)
                 else None))
    return EventPlace(found, None if found else "no place in sentence, dateline or story")


def run(analysis: Analysis) -> dict[str, object]:
    places = find_places(analysis)
    dateline = _dateline_place(places, dateline_span(analysis.doc.text))
    by_offset = SpanIndex(places, _place_span)
    story = _story_place(analysis.doc, places)
    located = [locate(analysis, by_offset, event, dateline, story)
               for event in analysis.mentions]
    return {"places": places, "event_places": located}


def setup(nlp: Language, options: Options) -> None:
    gazetteer()


STAGE = Stage("places", run, requires=("doc", "actor_index", "actors", "mentions"),
              assigns=("places", "event_places"), setup=setup)
