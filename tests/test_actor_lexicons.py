"""The built-in actor lexicons load, are consistent with each other and use the allowed codes."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from newsevents.lexicons import load_entries

FILES = [
    "actors/countries.yml",
    "actors/institutions.yml",
    "actors/groups.yml",
    "actors/titles.yml",
    "actors/sectors.yml",
]

SECTORS = {
    "GOV",
    "MIL",
    "COP",
    "LEG",
    "JUD",
    "OPP",
    "PTY",
    "REB",
    "CRM",
    "UAF",
    "MED",
    "BUS",
    "NGO",
    "IGO",
    "CVL",
    "EDU",
    "REL",
    "LAB",
    "REF",
}
KINDS = {"person", "organization", "state", "group"}


def _norm(name: str) -> str:
    return " ".join(name.casefold().split())


@pytest.fixture(scope="module")
def countries() -> list[dict]:
    return load_entries("actors/countries.yml")


@pytest.fixture(scope="module")
def country_ids(countries) -> set[str]:
    return {c["id"] for c in countries}


@pytest.mark.parametrize("name", FILES)
def test_file_loads_with_unique_ids(name):
    entries = load_entries(name)
    assert entries, name
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), name


@pytest.mark.parametrize("name", FILES)
def test_surface_forms_are_non_empty_strings(name):
    # catches YAML booleans/numbers (NO, yes, on, 10) that slipped in unquoted
    for e in load_entries(name):
        for key in ("aliases", "demonyms", "capitals", "seats", "names", "titles", "nouns"):
            for form in e.get(key, []) or []:
                assert isinstance(form, str) and form.strip() == form and form, (
                    name,
                    e["id"],
                    key,
                    form,
                )


def test_minimum_sizes():
    assert len(load_entries("actors/countries.yml")) >= 199
    assert len(load_entries("actors/institutions.yml")) >= 150
    assert len(load_entries("actors/groups.yml")) >= 250
    assert len(load_entries("actors/titles.yml")) >= 120
    assert len(load_entries("actors/sectors.yml")) >= 40


def test_country_ids_are_iso3(countries):
    for c in countries:
        assert re.fullmatch(r"[A-Z]{3}", c["id"]), c["id"]
        assert isinstance(c["name"], str) and c["name"]
        assert c["aliases"], c["id"]


def test_required_countries_present(country_ids):
    required = {
        "USA",
        "MEX",
        "RUS",
        "CHN",
        "ISR",
        "PSE",
        "GBR",
        "FRA",
        "DEU",
        "UKR",
        "IRN",
        "IRQ",
        "SYR",
        "LBN",
        "SAU",
        "ARE",
        "TUR",
        "IND",
        "PAK",
        "AFG",
        "JPN",
        "KOR",
        "PRK",
        "TWN",
        "HKG",
        "VAT",
        "XKX",
        "ESH",
        "COD",
        "COG",
        "CIV",
        "MMR",
        "VEN",
        "COL",
        "SDN",
        "SSD",
        "CAN",
        "BRA",
    }
    assert required <= country_ids, required - country_ids


def test_no_surface_form_maps_to_two_countries(countries):
    seen: dict[str, set[str]] = defaultdict(set)
    for c in countries:
        for key in ("aliases", "demonyms", "capitals", "seats"):
            for form in c.get(key, []) or []:
                seen[_norm(form)].add(c["id"])
    clashes = {form: ids for form, ids in seen.items() if len(ids) > 1}
    assert not clashes, clashes


@pytest.mark.parametrize(
    "form, cid",
    [
        ("U.S.", "USA"),
        ("US", "USA"),
        ("America", "USA"),
        ("American", "USA"),
        ("UK", "GBR"),
        ("Britain", "GBR"),
        ("British", "GBR"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Burma", "MMR"),
        ("Russian Federation", "RUS"),
        ("DR Congo", "COD"),
        ("Congo", "COD"),
        ("Czechia", "CZE"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Emirati", "ARE"),
        ("Saudi", "SAU"),
        ("Filipino", "PHL"),
        ("Dutch", "NLD"),
        ("Swiss", "CHE"),
        ("Palestinian", "PSE"),
        ("Israeli", "ISR"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Jerusalem", "ISR"),
        ("Kremlin", "RUS"),
        ("Élysée", "FRA"),
        ("Downing Street", "GBR"),
        ("Zhongnanhai", "CHN"),
        ("Norway", "NOR"),
    ],
)
def test_known_forms(countries, form, cid):
    by_form = {}
    for c in countries:
        for key in ("aliases", "demonyms", "capitals", "seats"):
            for f in c.get(key, []) or []:
                by_form[_norm(f)] = c["id"]
    assert by_form.get(_norm(form)) == cid


def test_tel_aviv_is_not_a_capital(countries):
    for c in countries:
        assert "tel aviv" not in {_norm(x) for x in c.get("capitals", [])}


@pytest.mark.parametrize("name", ["actors/institutions.yml", "actors/groups.yml"])
def test_named_actors_are_well_formed(name, country_ids):
    allowed = country_ids | {"IGO", "NGO", None}
    for e in load_entries(name):
        assert e["names"] and isinstance(e["name"], str), e["id"]
        assert e["country"] in allowed, (e["id"], e["country"])
        assert e["sector"] in SECTORS, (e["id"], e["sector"])
        assert e["kind"] in KINDS, (e["id"], e["kind"])
        if name.endswith("institutions.yml"):
            assert e["country"] in country_ids, e["id"]
        for form in e["names"]:
            assert not _norm(form).startswith("the "), (e["id"], form)


def test_named_actor_forms_do_not_clash(countries):
    """One surface name, one actor: across institutions and groups, and against country forms."""
    owner: dict[str, set[tuple]] = defaultdict(set)
    for name in ("actors/institutions.yml", "actors/groups.yml"):
        for e in load_entries(name):
            for form in {e["name"], *e["names"]}:  # the canonical name is a surface form too
                owner[_norm(form)].add((e["country"], e["sector"], e["id"]))
    clashes = {f: o for f, o in owner.items() if len({(c, s) for c, s, _ in o}) > 1}
    assert not clashes, clashes
    for c in countries:
        for key in ("aliases", "demonyms", "capitals", "seats"):
            for form in c.get(key, []) or []:
                for country, _sector, eid in owner.get(_norm(form), ()):
                    assert country == c["id"], (form, c["id"], eid)


def test_igo_ngo_conventions():
    groups = {e["id"]: e for e in load_entries("actors/groups.yml")}
    for gid, e in groups.items():
        if gid.startswith("igo/"):
            assert (e["country"], e["sector"]) == ("IGO", "IGO"), gid
        if gid.startswith("ngo/"):
            assert e["sector"] == "NGO", gid
    assert (groups["ngo/icrc"]["country"], groups["ngo/icrc"]["sector"]) == ("NGO", "NGO")
    assert groups["uaf/al-qaeda"]["country"] is None


def test_titles_well_formed(country_ids):
    seen: dict[str, set[str]] = defaultdict(set)
    for e in load_entries("actors/titles.yml"):
        assert e["titles"], e["id"]
        assert e["sector"] in SECTORS, e["id"]
        for alt in e.get("alt_sectors", []) or []:
            assert alt in SECTORS, (e["id"], alt)
        assert e.get("country") in country_ids | {"IGO", "NGO", None}, e["id"]
        for t in e["titles"]:
            seen[_norm(t)].add(e["id"])
    clashes = {t: ids for t, ids in seen.items() if len(ids) > 1}
    assert not clashes, clashes


def test_sectors_well_formed():
    seen: dict[str, set[str]] = defaultdict(set)
    for e in load_entries("actors/sectors.yml"):
        assert e["nouns"], e["id"]
        assert e["sector"] in SECTORS, e["id"]
        assert e["kind"] in {"group", "organization"}, e["id"]
        assert isinstance(e["country_required"], bool), e["id"]
        for n in e["nouns"]:
            seen[_norm(n)].add(e["id"])
    clashes = {n: ids for n, ids in seen.items() if len(ids) > 1}
    assert not clashes, clashes
