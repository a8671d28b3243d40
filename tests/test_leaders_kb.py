"""The knowledge base of office holders: lexicons/actors/leaders/<ISO3>.yml (plus EU.yml, UN.yml).

Checks the format documented in docs/lexicons.md (section actors/leaders.yml), that every
required country has a head of state and a head of government on 2000-01-01 and 2025-06-01,
that no two people hold the same single-holder office at once, and a few known facts.
"""

from __future__ import annotations

import datetime as dt
from itertools import combinations

import pytest

from newsevents.lexicons import LEXICON_DIR, load_entries

LEADERS_DIR = LEXICON_DIR / "actors" / "leaders"
FILES = sorted(p.name for p in LEADERS_DIR.glob("*.yml"))

SECTORS = {"GOV", "MIL", "JUD", "IGO", "PTY", "OPP"}


# Head-of-state and head-of-government titles, per required country. In the Commonwealth realms
# the monarch is listed once (GBR.yml); the governor-general stands in for the head of state.
def _each(codes: str, titles: set[str]) -> dict[str, set[str]]:
    return dict.fromkeys(codes.split(), titles)


PRESIDENT = {"President", "Acting President", "Interim President"}
REALM = {"Governor General"}
HEAD_OF_STATE = {
    **_each("ARG BRA CHN CUB DEU FRA GTM IDN IND ISR ITA KOR MEX RUS TUR USA ZAF", PRESIDENT),
    "GBR": {"King", "Queen"},
    "JPN": {"Emperor"},
    "SAU": {"King"},
    **_each("AUS BHS BLZ CAN", REALM),
}
PRIME_MINISTER = {"Prime Minister", "Acting Prime Minister"}
HEAD_OF_GOVERNMENT = {
    **_each("ARG BRA GTM IDN KOR MEX USA ZAF", PRESIDENT),
    **_each("AUS BHS BLZ CAN FRA GBR IND ISR ITA JPN RUS SAU", PRIME_MINISTER),
    "CHN": {"Premier"},
    "DEU": {"Chancellor"},
    "CUB": PRESIDENT | PRIME_MINISTER,  # the president headed the government until Dec 2019
    "TUR": PRESIDENT | PRIME_MINISTER,  # prime minister until the office was abolished in 2018
}
REQUIRED = sorted(HEAD_OF_STATE)
CHECK_DATES = [dt.date(2000, 1, 1), dt.date(2025, 6, 1)]

# Offices held by one person at a time in each country (acting holders excluded).
SINGLE_HOLDER = set(
    """President|Prime Minister|Chancellor|Premier|King|Queen|Emperor|Governor General|
    Foreign Minister|Foreign Secretary|Secretary of State|External Affairs Minister|
    Defence Minister|Defence Secretary|Defense Secretary|Interior Minister|Home Secretary|
    Home Minister|Attorney General|Secretary of Homeland Security|Minister of Public Security|
    Supreme Leader|Secretary-General|President of the European Commission|
    President of the European Council|High Representative|Crown Prince""".replace("\n    ", "").split("|")
)


def _entries(name: str) -> list[dict]:
    return load_entries(f"actors/leaders/{name}")


ALL = {name: _entries(name) for name in FILES}


def _offices():
    for name, entries in ALL.items():
        for person in entries:
            for office in person["offices"]:
                yield name, person, office


def _holds(office: dict, day: dt.date) -> bool:
    return office["start"] <= day and (office["end"] is None or day < office["end"])


def holders(country: str, titles: set[str], day: dt.date) -> list[str]:
    return [
        person["id"]
        for _, person, office in _offices()
        if person["country"] == country and office["title"] in titles and _holds(office, day)
    ]


def test_files_present():
    expected = {f"{c}.yml" for c in REQUIRED} | {"EU.yml", "UN.yml"}
    assert expected <= set(FILES), sorted(expected - set(FILES))


def test_ids_unique_across_files():
    seen: dict[str, str] = {}
    for name, entries in ALL.items():
        for person in entries:
            assert person["id"] not in seen, (person["id"], name, seen.get(person["id"]))
            seen[person["id"]] = name


@pytest.mark.parametrize("name", FILES)
def test_entry_format(name):
    stem = name.removesuffix(".yml")
    for person in ALL[name]:
        pid = person["id"]
        assert set(person) >= {"id", "name", "aliases", "country", "offices"}, pid
        assert pid == pid.lower() and pid.startswith(stem.lower() + "/"), pid
        assert " " not in pid, pid
        assert isinstance(person["name"], str) and person["name"], pid
        assert isinstance(person["aliases"], list), pid
        assert all(isinstance(a, str) and a.strip() for a in person["aliases"]), pid
        assert person["country"] == (stem if stem not in ("EU", "UN") else "IGO"), pid
        assert person["offices"], pid
        for office in person["offices"]:
            assert set(office) == {"title", "sector", "start", "end"}, (pid, office)
            assert office["sector"] in SECTORS, (pid, office)
            if stem in ("EU", "UN"):
                assert office["sector"] == "IGO", (pid, office)


def test_dates_parse_and_are_ordered():
    for _name, person, office in _offices():
        start, end = office["start"], office["end"]
        # YAML ISO dates load as datetime.date; anything else was written wrong
        assert isinstance(start, dt.date) and not isinstance(start, dt.datetime), (person["id"], start)
        assert dt.date(1940, 1, 1) <= start <= dt.date(2026, 12, 31), (person["id"], start)
        if end is not None:
            assert isinstance(end, dt.date) and not isinstance(end, dt.datetime), (person["id"], end)
            assert start <= end, (person["id"], office)


def test_everyone_held_office_since_1980():
    # the knowledge base covers office holders since 1980 (news archives reach back that far)
    for entries in ALL.values():
        for person in entries:
            ends = [o["end"] or dt.date.max for o in person["offices"]]
            assert max(ends) >= dt.date(1980, 1, 1), person["id"]


def test_defence_ministers_are_gov():
    """CAMEO/Phoenix code defence ministers GOVMIL: government first (titles.yml agrees)."""
    for _, person, office in _offices():
        title = office["title"].lower()
        if "defence minister" in title or "defense secretary" in title or "defence secretary" in title:
            assert office["sector"] == "GOV", (person["id"], office)


@pytest.mark.parametrize("country", REQUIRED)
@pytest.mark.parametrize("day", CHECK_DATES, ids=str)
def test_head_of_state_and_government(country, day):
    assert holders(country, HEAD_OF_STATE[country], day), (country, "head of state", day)
    assert holders(country, HEAD_OF_GOVERNMENT[country], day), (country, "head of government", day)


def test_single_holder_offices_do_not_overlap():
    by_key: dict[tuple[str, str], list[tuple[str, dict]]] = {}
    for _, person, office in _offices():
        if office["title"] in SINGLE_HOLDER:
            by_key.setdefault((person["country"], office["title"]), []).append((person["id"], office))
    clashes = []
    for (country, title), items in by_key.items():
        for (a, oa), (b, ob) in combinations(items, 2):
            if a == b:
                continue
            a_end = oa["end"] or dt.date.max
            b_end = ob["end"] or dt.date.max
            overlap_start, overlap_end = max(oa["start"], ob["start"]), min(a_end, b_end)
            if overlap_start < overlap_end and not _month_only_slack(overlap_start, overlap_end):
                clashes.append((country, title, a, b))
    assert not clashes, clashes


def _month_only_slack(start: dt.date, end: dt.date) -> bool:
    # dates known to the month only are written as the 1st (with a "# month only" comment):
    # an overlap of under a month at such a boundary is imprecision, not a clash
    return (end - start).days < 31 and (start.day == 1 or end.day == 1)


def test_one_current_holder_of_top_offices():
    today = dt.date(2026, 11, 28)
    for country in REQUIRED:
        hos = holders(country, HEAD_OF_STATE[country] - {"Acting President"}, today)
        assert len(set(hos)) == 1, (country, hos)


def test_known_facts():
    assert holders("USA", {"President"}, dt.date(2025, 5, 3)) == ["usa/donald-trump"]
    assert holders("USA", {"President"}, dt.date(2013, 6, 1)) == ["usa/barack-obama"]
    assert holders("ISR", {"Prime Minister"}, dt.date(2013, 6, 1)) == ["isr/benjamin-netanyahu"]
    assert holders("RUS", {"President"}, dt.date(2010, 1, 1)) == ["rus/dmitry-medvedev"]
    assert holders("RUS", {"Prime Minister"}, dt.date(2010, 1, 1)) == ["rus/vladimir-putin"]
    assert holders("MEX", {"President"}, dt.date(2020, 1, 1)) == ["mex/andres-manuel-lopez-obrador"]
    assert holders("GBR", {"Home Secretary"}, dt.date(2012, 1, 1)) == ["gbr/theresa-may"]
    assert holders("DEU", {"Chancellor"}, dt.date(2010, 1, 1)) == ["deu/angela-merkel"]
    assert holders("CHN", {"President"}, dt.date(2020, 1, 1)) == ["chn/xi-jinping"]
    assert holders("IGO", {"Secretary-General"}, dt.date(2010, 1, 1)) == ["un/ban-ki-moon"]


def test_person_with_several_offices_is_one_entry():
    putin = next(p for p in ALL["RUS.yml"] if p["id"] == "rus/vladimir-putin")
    assert {o["title"] for o in putin["offices"]} >= {"President", "Prime Minister"}
    names = [p["name"] for entries in ALL.values() for p in entries if p["country"] != "IGO"]
    assert len(names) == len(set(names)) or _only_homonyms(names)


def _only_homonyms(names: list[str]) -> bool:
    # different people with the same name in different countries (e.g. David Johnston, CAN/AUS)
    dupes = {n for n in names if names.count(n) > 1}
    countries = {n: [p["country"] for e in ALL.values() for p in e if p["name"] == n] for n in dupes}
    return all(len(set(c)) == len(c) for c in countries.values())


def test_alias_lists_have_no_duplicates():
    for entries in ALL.values():
        for person in entries:
            aliases = person["aliases"]
            assert len(aliases) == len(set(aliases)), person["id"]
            assert person["name"] not in aliases, person["id"]
