"""Resolution in context: each toponym to one gazetteer entry, or a reason why none.

A candidate's score is its prior (what it is: a country, a division, a region, a city by its
population) plus what the article says around it: the countries it names (and its actors' and
its dateline's), the divisions its other places lie in, places near the others. "X, Y"
("Springfield, Illinois") and "Y's X" ("Tigray's Mekelle") keep only the candidates of X that
lie in Y. One name has one referent in an article: the name is resolved once, over all its
mentions. Rules (``Place.rule``): ``only`` (one candidate), ``prior``, ``context``, ``in-parent``
("X, Y" and containment), each followed by the gazetteer source of the entry chosen.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..lexicons.wordclasses import word_class
from ..model import Place, PlacePrecision
from .index import Candidate, Gazetteer, fold

NEAR_KM = 150.0
KIND_PRIOR = {"country": 10.0, "continent": 9.0, "region": 9.0, "admin1": 7.5, "admin2": 5.0}
LEXICON_REGION_PRIOR = 9.5
"""A region the curated lexicon lists ('the Sahel', 'Donbas') beats a division of that name."""
COUNTRY_CONTEXT = 2.5
ADMIN1_CONTEXT = 3.0
NEAR_CONTEXT = 1.5
DATELINE_SEED = 3.0
"""The seed weight of the dateline's country (``DATELINE_WEIGHT`` of the places stage)."""
HELD_CONTEXT = 3.0
"""A division named like a country that holds two or more of the article's other places:
'Georgia' in an article on Gainesville and Hall County is the US state."""
CONTAINS_CHILD = 5.0
"""'Atlanta, Georgia': the Georgia that has an Atlanta."""
DIRECTIONS = ("northern", "southern", "eastern", "western", "central", "north", "south", "east",
              "west", "northeastern", "northwestern", "southeastern", "southwestern", "upper",
              "lower")


@dataclass
class Mention:
    """A toponym in the text: its span, the name looked up, and what the text says of it."""

    text: str
    start: int
    end: int
    name: str
    label: str
    """GPE, LOC, FAC (the parser's), or KB (a country, capital or region of the actor lexicon)."""
    kb_country: str | None = None
    """The country the actor knowledge base gives the name (countries, capitals, regions)."""
    kb_kind: str | None = None
    parent: int | None = None
    """Index of the mention that contains this one ("X, Y"; "Y's X")."""
    part: bool = False
    """A direction word before it ('eastern Congo'): a part of the place."""
    whole: str | None = None
    """The name with its direction word ('North Africa'), looked up first."""
    locative: bool = False
    """The object of a preposition of place ('in X', 'near X', 'from X')."""
    partial: bool = False
    """Resolved by a part of its name ('St. Louis' of 'St. Louis Police')."""
    within: str | None = None
    """The country the text puts it in ('the Somali town of X'): its candidates there."""
    person_name: bool = False
    """The article names a person so ('Olga Petrova' … 'Petrova said')."""
    speaker: bool = False
    """The subject of a verb of speech ('Vasquez said'): a person more often than a town."""
    modifier: bool = False
    """A noun's modifier ('United Way officials', 'Lake Lanier levels')."""
    guessed: bool = False
    """Found by its preposition alone, not by the parser: a place only if the gazetteer knows
    a sizeable one of that name."""
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class Context:
    """What the article says about where it is: countries and divisions with weights."""

    countries: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    admin1: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    points: list[tuple[str, float, float]] = field(default_factory=list)
    """(folded name, lat, lon) of the places chosen so far."""
    held: dict[tuple[str, str], float] = field(default_factory=lambda: defaultdict(float))
    """Places chosen so far inside each first-level division (its towns and counties)."""
    own: dict[str, tuple[str | None, tuple[str, str] | None]] = field(default_factory=dict)
    """What each name added to the context, taken out again when that name is scored (a name
    is no evidence for itself)."""


ALIAS_PENALTY = 1.5


def prior(candidate: Candidate) -> float:
    penalty = ALIAS_PENALTY if candidate.by_alias else 0.0
    if candidate.kind == "city":
        return 2.0 + math.log10(candidate.population + 1) - penalty
    if candidate.source.startswith("places/regions.yml"):
        return LEXICON_REGION_PRIOR - penalty
    return KIND_PRIOR.get(candidate.kind, 3.0) - penalty


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def score(candidate: Candidate, context: Context, own_key: str) -> float:
    value = prior(candidate)
    own_country, own_admin1 = context.own.get(own_key, (None, None))
    if candidate.country:
        weight = context.countries[candidate.country] - (own_country == candidate.country)
        value += COUNTRY_CONTEXT * min(1.0, weight / 2)
    if candidate.country and candidate.admin1 and candidate.kind not in ("country", "admin1"):
        key = (candidate.country, candidate.admin1)
        weight = context.admin1[key] - (1.0 if own_admin1 == key else 0.0)
        value += ADMIN1_CONTEXT * min(1.0, weight)
    lat0, lon0 = candidate.lat, candidate.lon
    if lat0 is not None and lon0 is not None and candidate.kind in ("city", "admin2") and any(
            key != own_key and distance_km(lat0, lon0, lat, lon) <= NEAR_KM
            for key, lat, lon in context.points):
        value += NEAR_CONTEXT
    return value


def contains(parent: Candidate, child: Candidate) -> bool:
    """The child lies in the parent (by country, or by first-level division)."""
    if parent.kind == "country":
        return child.country == parent.country and child.kind != "country"
    if parent.kind in ("admin1",) and parent.country == child.country:
        return child.admin1 == parent.admin1 and child.kind in ("city", "admin2")
    return False


KB_COUNTRY_BONUS = 1.5
"""A name the actor knowledge base knows as a country ('Georgia', 'Jordan') is that country
unless the article's context points to a division or town of that name."""


def _kb_bonus(mention: Mention, candidate: Candidate) -> float:
    return KB_COUNTRY_BONUS if (mention.kb_kind == "country" and candidate.kind == "country"
                                and candidate.country == mention.kb_country) else 0.0


def resolve(mentions: Sequence[Mention], gazetteer: Gazetteer, seed: Context) -> list[Place]:
    """Places for the mentions, in their order."""
    for mention in mentions:
        whole = gazetteer.lookup(mention.whole) if mention.part and mention.whole else []
        if whole:
            mention.name, mention.part = mention.whole or mention.name, False
        mention.candidates = whole or gazetteer.lookup(mention.name)
        if _SAINTS_HOUSE.match(mention.text) and not (mention.locative or mention.parent):
            mention.candidates = [c for c in mention.candidates if c.kind != "city"
                                  or c.population >= SAINTS_TOWN_POPULATION]
        if mention.guessed:
            mention.candidates = [c for c in mention.candidates if _sizeable(c)]
        elif not mention.candidates:
            _partial(mention, gazetteer)
    by_name: dict[str, list[int]] = defaultdict(list)
    for k, mention in enumerate(mentions):
        if mention.candidates or not mention.guessed:
            by_name[fold(mention.name)].append(k)
    choice: dict[str, tuple[Candidate, str]] = {}
    context = seed
    for _round in range(3):
        choice = _choose_all(mentions, by_name, context)
        context = _context_from(seed, choice)
    kept = [m for m in mentions if not _persons_name(m) and (m.candidates or not m.guessed)
            and not _building_named_after(m, mentions, by_name)
            and (fold(m.name) in choice or not _likely_not_a_place(m))]
    chosen = [choice.get(fold(m.name)) or _site_in_parent(m, mentions, choice) for m in kept]
    home = story_country([c[0].country for c in chosen if c is not None
                          and c[0].kind not in ("region", "continent")], seed)
    return [_place(m, c, home) for m, c in zip(kept, chosen, strict=True)]


STORY_SHARE = 0.5
"""The article's own country holds more than half of its resolved places."""


def story_country(countries: Sequence[str | None], seed: Context | None = None) -> str | None:
    """The country that holds more than half of the article's resolved places (each mention
    counts, and so does the dateline's country), else None: the country a street, a school or
    a village the gazetteer lacks most likely lies in."""
    counts: dict[str, float] = defaultdict(float)
    for country in countries:
        if country:
            counts[country] += 1
    if seed is not None:
        for country, weight in seed.countries.items():
            if weight >= DATELINE_SEED:
                counts[country] += 1
    total = sum(counts.values())
    if not total:
        return None
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] > STORY_SHARE * total else None


def _building_named_after(mention: Mention, mentions: Sequence[Mention],
                          by_name: dict[str, list[int]]) -> bool:
    """'the Webb Center', 'Licking Memorial': a building resolved by its first words to a town
    the article never names alone is named after someone or something, not in that town."""
    words = mention.text.split()
    if not mention.partial or not words or fold(words[-1]).removesuffix(" s") not in word_class(
            "building_words"):
        return False
    if not fold(mention.text).removeprefix("the ").startswith(fold(mention.name)):
        return False
    return all(mentions[k].partial for k in by_name.get(fold(mention.name), []))


BIG_PLACE_KINDS = ("country", "admin1", "region", "continent")


def _persons_name(mention: Mention) -> bool:
    """A person's name of the article, or the parser's town that speaks ('Vasquez said'), that
    no preposition of place governs and that names no country, division or region (not
    'Washington said', 'Texas said' nor 'in Jackson'; capitals come from the actor lexicon)."""
    speaks = mention.speaker and mention.label == "GPE"
    return (mention.person_name or speaks) and not mention.locative and not any(
        c.kind in BIG_PLACE_KINDS for c in mention.candidates)


def _site_in_parent(mention: Mention, mentions: Sequence[Mention],
                    choice: dict[str, tuple[Candidate, str]]) -> tuple[Candidate, str] | None:
    """A name the gazetteer lacks inside a place it names ('Atlantic Avenue in Garden City',
    'Oulton Park, Cheshire'): a site there, with that place's country and point."""
    if (mention.candidates and not mention.partial) or mention.parent is None:
        return None
    parent = choice.get(fold(mentions[mention.parent].name))
    if parent is None:
        return None
    return replace(parent[0], name=mention.name, kind="site", precision="site",
                   geonameid=None, population=0), "site-in-parent"


GUESSED_MIN_POPULATION = 10_000
_SAINTS_HOUSE = re.compile(r"^(?:St\.?|Saint|Ste\.?)\s+\S+['’]s$")
SAINTS_TOWN_POPULATION = 50_000
"""'St. Michael's', 'St. Peter's': most often a church, a school or a hospital; a town only
when a preposition of place governs it, 'X, Y' places it, or it is a city of 50,000 or more
('St. John's')."""


def _sizeable(candidate: Candidate) -> bool:
    """A town of 10,000 or more, a division or a country, known by its own name ('Harvard' is
    a village, 'Congress' a hamlet: at Harvard, in Congress are no places)."""
    if candidate.by_alias:
        return False
    return candidate.kind != "city" or candidate.population >= GUESSED_MIN_POPULATION


def _likely_not_a_place(mention: Mention) -> bool:
    """A 'place' of the parser that no gazetteer knows ('Farrin', 'United Way officials') is
    most often a person or a firm it mistook, unless a preposition of place governs it or the
    text puts it in a place ('X, Y'; 'the town of X'); a name of an occasion ('St. Patrick's
    Day', 'the River Festival') never is one."""
    words = mention.name.split()
    last = words[-1].lower().strip(".,") if words else ""
    if last in word_class("occasion_words") or _kinds_only(words):
        return True
    if len(words) > 1 and last in word_class("generic_place_words"):
        return False  # 'Big Creek', 'Pine Ridge': a place by its very form
    return ((mention.label == "GPE" or (mention.label == "LOC" and mention.modifier))
            and not mention.locative and not mention.partial
            and not mention.within and mention.parent is None)


def _kinds_only(words: Sequence[str]) -> bool:
    """'City Hall', 'District 3', 'the Market District': words for kinds of places and numbers
    only, no name: no one place the gazetteer could know (a street, 'Fifth Avenue', stays)."""
    kinds = word_class("generic_place_words") | word_class("building_words") | {"the", "of"}
    folded = [w.lower().strip(".,") for w in words]
    return bool(folded) and not set(folded) & word_class("street_words") and all(
        w in kinds or w[:1].isdigit() for w in folded)


def _partial(mention: Mention, gazetteer: Gazetteer) -> None:
    """A name the gazetteer lacks whose first or last words it knows: 'St. Louis Police',
    'Montgomery County Democrats', 'Thruxton, Hampshire', 'Lake Manassas'."""
    head = mention.name.split(",")[0].strip()
    words = head.split()
    tries = [head] if head != mention.name else []
    if words and words[-1].lower().rstrip(".") not in word_class("street_words"):
        tries += [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
    tries += [" ".join(words[n:]) for n in range(1, len(words))]
    generic = word_class("generic_place_words") | word_class("occasion_words")
    for name in tries:
        if len(name) < 4 or not name[:1].isupper() or all(
                w.lower().rstrip(".") in generic or w[:1].isdigit() for w in name.split()):
            continue
        found = [c for c in gazetteer.lookup(name) if not c.by_alias
                 and mention.within in (None, c.country)]
        if found:
            mention.name, mention.candidates, mention.partial = name, found, True
            return


def _allowed(mention: Mention, mentions: Sequence[Mention],
             choice: dict[str, tuple[Candidate, str]]) -> tuple[list[Candidate], bool]:
    """Candidates of a mention, narrowed to its parent's content ('X, Y') when that leaves any."""
    if mention.parent is None:
        inside = [c for c in mention.candidates if mention.within
                  and c.country == mention.within and c.kind != "country"]
        return (inside, True) if inside else (mention.candidates, False)
    parent = choice.get(fold(mentions[mention.parent].name))
    if parent is None:
        return mention.candidates, False
    inside = [c for c in mention.candidates if contains(parent[0], c) or _near(parent[0], c)]
    if not inside and mention.partial:
        return [], False  # 'Cape Zarbo in Perth': a site in Perth, not a Zarbo abroad
    return (inside, True) if inside else (mention.candidates, False)


def _near(parent: Candidate, child: Candidate) -> bool:
    """A town or county within reach of the town that contains it ('X in Y', Y a town)."""
    if parent.kind not in ("city", "admin2") or child.kind not in ("city", "admin2"):
        return False
    if None in (parent.lat, parent.lon, child.lat, child.lon):
        return False
    return distance_km(float(parent.lat or 0), float(parent.lon or 0), float(child.lat or 0),
                       float(child.lon or 0)) <= NEAR_KM


def _choose_all(mentions: Sequence[Mention], by_name: dict[str, list[int]],
                context: Context) -> dict[str, tuple[Candidate, str]]:
    choice: dict[str, tuple[Candidate, str]] = {}
    # parents first: a name that contains another is chosen before the names inside it
    order = sorted(by_name, key=lambda key: all(mentions[k].parent is None for k in by_name[key]),
                   reverse=True)
    for key in order:
        totals: dict[int, float] = defaultdict(float)
        pool: dict[int, Candidate] = {}
        in_parent = False
        for k in by_name[key]:
            allowed, narrowed = _allowed(mentions[k], mentions, choice)
            in_parent = in_parent or narrowed
            for candidate in allowed:
                pool[candidate.id] = candidate
                totals[candidate.id] += (score(candidate, context, key) + (5.0 if narrowed else 0)
                                         + _kb_bonus(mentions[k], candidate))
        if not pool:
            continue
        children = [c for m in mentions if m.parent is not None
                    and fold(mentions[m.parent].name) == key for c in m.candidates]
        for candidate in pool.values():
            if any(contains(candidate, child) for child in children):
                totals[candidate.id] += CONTAINS_CHILD
        if any(c.kind == "country" for c in pool.values()):
            for candidate in pool.values():
                totals[candidate.id] += _held(candidate, context) * len(by_name[key])
        best = max(pool.values(), key=lambda c: (totals[c.id], c.population))
        rule = ("in-parent" if in_parent else "only" if len(pool) == 1
                else "prior" if best.id == max(pool.values(),
                                               key=lambda c: (prior(c), c.population)).id
                else "context")
        choice[key] = (best, rule)
    return choice


def _held(candidate: Candidate, context: Context) -> float:
    """A division named like a country ('Georgia') that holds two or more of the article's
    other places is the division."""
    if candidate.kind != "admin1" or not candidate.country or not candidate.admin1:
        return 0.0
    return HELD_CONTEXT * min(1.0, context.held[(candidate.country, candidate.admin1)] / 2)


def _context_from(seed: Context, choice: dict[str, tuple[Candidate, str]]) -> Context:
    context = Context(defaultdict(float, seed.countries), defaultdict(float, seed.admin1),
                      list(seed.points))
    for key, (candidate, _rule) in choice.items():
        admin1 = None
        if candidate.country:
            context.countries[candidate.country] += 1
        if candidate.kind == "admin1" and candidate.country and candidate.admin1:
            admin1 = (candidate.country, candidate.admin1)
            context.admin1[admin1] += 1
        elif candidate.kind in ("city", "admin2") and candidate.country and candidate.admin1:
            context.held[(candidate.country, candidate.admin1)] += 1
        context.own[key] = (candidate.country, admin1)
        if candidate.lat is not None and candidate.lon is not None and candidate.kind in (
                "city", "admin2", "admin1"):
            context.points.append((key, candidate.lat, candidate.lon))
    return context


def _place(mention: Mention, chosen: tuple[Candidate, str] | None, home: str | None = None
           ) -> Place:
    if chosen is None:
        precision: PlacePrecision = "site" if mention.label == "FAC" else "admin1"
        country = mention.kb_country or mention.within
        reason = ("not in the gazetteer" if not mention.candidates
                  else "no candidate fits its context")
        if country is None and home is not None:
            country, reason = home, f"{reason}; the country is the article's"
        return Place(mention.text, mention.name, country, mention.start, mention.end,
                     precision=precision, rule="unresolved", reason=reason)
    candidate, rule = chosen
    precision = candidate.precision if candidate.precision in (
        "country", "admin1", "city", "site", "region") else "city"  # type: ignore[assignment]
    return Place(mention.text, candidate.name, candidate.country, mention.start, mention.end,
                 admin1=candidate.admin1 if candidate.kind != "country" else None,
                 lat=candidate.lat, lon=candidate.lon, geonameid=candidate.geonameid,
                 precision=precision,
                 rule=f"{rule}{'#part' if mention.part else ''}"
                      f"{'#partial' if mention.partial else ''}:{candidate.source}")


def seed_context(countries: Iterable[tuple[str, float]]) -> Context:
    """The article's context before its places: actors' countries, dateline, outlet."""
    context = Context()
    for code, weight in countries:
        context.countries[code] += weight
    return context
