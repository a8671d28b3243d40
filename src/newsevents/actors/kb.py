"""The actor knowledge base: countries, institutions, groups, titles, sector nouns, leaders.

All of it is data under ``lexicons/actors/``; this module only indexes it. Surface forms are
tokenised with the model's own tokenizer so that lookups run over the parsed tokens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from ..errors import LexiconError
from ..lexicons import LEXICON_DIR, load_entries
from ..model import ACTOR_KINDS, ActorKind

if TYPE_CHECKING:
    from spacy.language import Language

MAX_PHRASE = 8

@dataclass(frozen=True)
class Office:
    title: str
    sector: str | None
    start: date | None
    end: date | None

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entry:
    """One knowledge-base entry a surface form points at."""

    category: str
    kb_id: str
    name: str
    rule: str
    country: str | None = None
    sector: str | None = None
    kind: ActorKind | None = None
    alt_sectors: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    country_required: bool = False

    def office_on(self, day: date | None) -> Office | None:
        """The office held on ``day``; with no day, the latest office."""
        if not self.offices:
            return None
        if day is None:
            return self.offices[-1]
        for office in self.offices:
            if office.holds_on(day):
                return office
        return None


@dataclass(frozen=True)
class Surface:
    """A surface form: its tokens (lower case) and whether case must match."""

    entry: Entry
    exact_case: str | None = None
    capitalised: bool = False


@dataclass
class KnowledgeBase:
    index: dict[tuple[str, ...], list[Surface]] = field(default_factory=dict)
    countries: dict[str, Entry] = field(default_factory=dict)
    persons: list[Entry] = field(default_factory=list)
    surname_index: dict[str, list[Entry]] = field(default_factory=dict)
    first_tokens: set[str] = field(default_factory=set)
    """First tokens of all surface forms: a token outside this set starts no match."""
    persons_by_id: dict[str, Entry] = field(default_factory=dict)

    def lookup(self, key: tuple[str, ...]) -> list[Surface]:
        return self.index.get(key, [])

    def country_name(self, code: str | None) -> str | None:
        if code is None:
            return None
        entry = self.countries.get(code)
        return entry.name if entry else code


def _as_date(value: Any) -> date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, date):
        return value
    text = str(value)
    if len(text) == 4:
        text += "-01-01"
    elif len(text) == 7:
        text += "-01"
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise LexiconError(f"bad date {value!r}: use YYYY-MM-DD") from exc


def _kind(item: dict[str, Any], default: ActorKind) -> ActorKind:
    """The entry's actor kind (``default`` when it has none); an unknown kind is an error."""
    kind = item.get("kind") or default
    if kind not in ACTOR_KINDS:
        raise LexiconError(f"entry {item['id']!r}: unknown kind {kind!r}; use one of "
                           f"{', '.join(ACTOR_KINDS)}", source=item.get("_file"))
    return cast(ActorKind, kind)


def _rule(entry: dict[str, Any]) -> str:
    return f"{entry.get('_file', '?')}:{entry['id']}"


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _country_entries(raw: list[dict[str, Any]]) -> list[tuple[str, Entry]]:
    out: list[tuple[str, Entry]] = []
    for item in raw:
        state = Entry("country", str(item["id"]), str(item["name"]), _rule(item),
                      country=str(item["id"]), sector="GOV", kind="state")
        for alias in [item["name"], *_as_list(item.get("aliases"))]:
            out.append((alias, state))
        for category, key in (("capital", "capitals"), ("seat", "seats"), ("region", "regions")):
            seat = Entry(category, str(item["id"]), str(item["name"]), _rule(item),
                         country=str(item["id"]), sector="GOV", kind="state")
            out.extend((name, seat) for name in _as_list(item.get(key)))
        demonym = Entry("demonym", str(item["id"]), str(item["name"]), _rule(item),
                        country=str(item["id"]), kind="group")
        out.extend((name, demonym) for name in _as_list(item.get("demonyms")))
    return out


def _named_entries(raw: list[dict[str, Any]], category: str) -> list[tuple[str, Entry]]:
    out: list[tuple[str, Entry]] = []
    for item in raw:
        names = _as_list(item.get("names"))
        name = str(item.get("name") or (names[0] if names else item["id"]))
        entry = Entry(category, str(item["id"]), name, _rule(item),
                      country=item.get("country"), sector=item.get("sector"),
                      kind=_kind(item, "organization"),
                      alt_sectors=tuple(_as_list(item.get("alt_sectors"))))
        out.extend((n, entry) for n in {name, *names})
    return out


def _title_entries(raw: list[dict[str, Any]]) -> list[tuple[str, Entry]]:
    out: list[tuple[str, Entry]] = []
    for item in raw:
        titles = _as_list(item.get("titles"))
        entry = Entry("title", str(item["id"]), titles[0] if titles else str(item["id"]),
                      _rule(item), country=item.get("country"), sector=item.get("sector"),
                      kind="person", alt_sectors=tuple(_as_list(item.get("alt_sectors"))))
        out.extend((t, entry) for t in titles)
    return out


def _sector_entries(raw: list[dict[str, Any]]) -> list[tuple[str, Entry]]:
    out: list[tuple[str, Entry]] = []
    for item in raw:
        nouns = _as_list(item.get("nouns"))
        entry = Entry("sector", str(item["id"]), nouns[0] if nouns else str(item["id"]),
                      _rule(item), sector=item.get("sector"), kind=_kind(item, "group"),
                      country_required=bool(item.get("country_required", False)))
        out.extend((n, entry) for n in nouns)
    return out


def _person_entry(item: dict[str, Any]) -> Entry:
    offices = tuple(
        sorted(
            (
                Office(str(o.get("title") or ""), o.get("sector"), _as_date(o.get("start")),
                       _as_date(o.get("end")))
                for o in item.get("offices") or []
            ),
            key=lambda o: o.start or date.min,
        )
    )
    return Entry("person", str(item["id"]), str(item["name"]), _rule(item),
                 country=item.get("country"), sector=offices[-1].sector if offices else None,
                 kind="person", offices=offices)


def _leader_files() -> list[str]:
    folder = LEXICON_DIR / "actors" / "leaders"
    if not folder.is_dir():
        return []
    return [str(p.relative_to(LEXICON_DIR)) for p in sorted(folder.glob("*.yml"))]


def _imported_files() -> tuple[str, ...]:
    """Shipped imports (actors/petrarch/*.yml, user-file format): after the curated files."""
    folder = LEXICON_DIR / "actors" / "petrarch"
    return tuple(str(p) for p in sorted(folder.glob("*.yml"))) if folder.is_dir() else ()


def _load_optional(name: str) -> list[dict[str, Any]]:
    return load_entries(name) if (LEXICON_DIR / name).exists() else []


def _user_entries(files: tuple[str, ...]) -> list[tuple[str, Entry]]:
    """User actor files: entries with ``offices`` are persons, others named organisations."""
    out: list[tuple[str, Entry]] = []
    for path in files:
        for item in load_entries_from(path):
            if item.get("offices"):
                person = _person_entry(item)
                out.extend((n, person) for n in {person.name, *_as_list(item.get("aliases"))})
            else:
                out.extend(_named_entries([item], str(item.get("category") or "group")))
    return out


def load_entries_from(path: str, kind: str = "actors/user") -> list[dict[str, Any]]:
    """A user file's entries, their keys checked as those of ``kind`` (lexicons.ENTRY_KEYS)."""
    from ..lexicons import read_entries

    return [{**e, "_file": Path(path).name} for e in read_entries(str(Path(path).resolve()), kind)]


def _all_surfaces(user_files: tuple[str, ...]) -> tuple[list[tuple[str, Entry]], list[Entry]]:
    pairs: list[tuple[str, Entry]] = []
    pairs += _country_entries(_load_optional("actors/countries.yml"))
    pairs += _named_entries(_load_optional("actors/institutions.yml"), "institution")
    pairs += _named_entries(_load_optional("actors/groups.yml"), "group")
    pairs += _title_entries(_load_optional("actors/titles.yml"))
    pairs += _sector_entries(_load_optional("actors/sectors.yml"))
    persons: list[Entry] = []
    for name in _leader_files():
        for item in load_entries(name):
            person = _person_entry(item)
            persons.append(person)
            pairs.extend((n, person) for n in {person.name, *_as_list(item.get("aliases"))})
    user = _user_entries(_imported_files() + user_files)
    pairs += user
    persons += [e for _, e in user if e.category == "person"]
    return pairs, persons


def _surface_for(text: str, entry: Entry) -> Surface:
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if letters and upper >= 2 and upper == len(letters) and len(letters) <= 5:
        return Surface(entry, exact_case=text.replace(" ", ""))
    capitalised = bool(letters) and text[:1].isupper() and entry.category not in ("title", "sector")
    return Surface(entry, capitalised=capitalised)


@lru_cache(maxsize=4)
def build_kb(nlp: Language, user_files: tuple[str, ...] = ()) -> KnowledgeBase:
    """Index every surface form by its lower-cased token tuple (built once per process)."""
    pairs, persons = _all_surfaces(user_files)
    kb = KnowledgeBase(persons=persons)
    texts = [text for text, _ in pairs]
    tokenised = nlp.tokenizer.pipe(texts)  # type: ignore[union-attr]
    for (text, entry), doc in zip(pairs, tokenised, strict=True):
        key = tuple(t.lower_ for t in doc)
        if not key or len(key) > MAX_PHRASE:
            continue
        surfaces = kb.index.setdefault(key, [])
        if all(s.entry is not entry for s in surfaces):
            surfaces.append(_surface_for(text, entry))
        if entry.category == "country" and entry.kb_id not in kb.countries:
            kb.countries[entry.kb_id] = entry
    for person in persons:
        kb.surname_index.setdefault(person.name.split()[-1].lower(), []).append(person)
        kb.persons_by_id.setdefault(person.kb_id, person)
    kb.first_tokens = {key[0] for key in kb.index}
    return kb
