"""PETRARCH's actor and agent dictionaries → actor files (actors/user kind, docs/lexicons.md).

Agents (``POLICE [~COP]``) become sector nouns; actors with one undated code become groups or
institutions; actors with dated codes are office holders, kept only as historical persons with
the offices whose start and end are both known. Names the curated knowledge base already has
are left out, so an imported entry never overrides a curated one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .common import (
    SECTOR_MAP,
    PartReport,
    cased_names,
    iso_country,
    norm,
    parse_date,
    phrase_words,
    slug,
    strip_comment,
)

_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class Role:
    code: str
    start: date | None = None
    end: date | None = None
    dated: bool = False
    open_ended: bool = False


@dataclass
class Record:
    """One actor: its phrases (primary first) and its codes with their date restrictions."""

    phrases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    bad_dates: int = 0


def _role(raw: str, record: Record) -> Role | None:
    parts = raw.split()
    if not parts or parts[0].startswith("-"):
        return None
    code, restriction = parts[0], "".join(parts[1:])
    if not restriction:
        return Role(code)
    if restriction.startswith(">"):
        return Role(code, parse_date(restriction[1:]), None, dated=True, open_ended=True)
    if restriction.startswith("<"):
        end = parse_date(restriction[1:])
        if end is None:
            record.bad_dates += 1
            return None
        return Role(code, None, end, dated=True)
    start_text, _, end_text = restriction.partition("-")
    start, end = parse_date(start_text), parse_date(end_text)
    if start is None or end is None or end < start:
        record.bad_dates += 1
        return None
    return Role(code, start, end, dated=True)


def _phrase(line: str) -> str:
    return _CODE.sub(" ", line).strip()


def read_actor_records(text: str) -> list[Record]:
    """Records of a PETRARCH actor file: a primary phrase, ``+`` synonyms, tab-indented codes."""
    records: list[Record] = []
    for raw in text.splitlines():
        line = strip_comment(raw)
        if not line.strip():
            continue
        if not line[0].isspace() and not line.startswith("+"):
            records.append(Record())
        if not records:
            continue
        record = records[-1]
        phrase = _phrase(line.lstrip("+")) if not line[0].isspace() else ""
        if phrase:
            record.phrases.append(phrase)
        for raw_code in _CODE.findall(line):
            role = _role(raw_code, record)
            if role is not None:
                record.roles.append(role)
    return records


@dataclass
class ActorContext:
    """What the conversion of actors checks against: known countries, curated names."""

    countries: set[str]
    curated_names: set[str]
    used_ids: set[str] = field(default_factory=set)

    def new_id(self, base: str) -> str:
        ident, n = base, 1
        while ident in self.used_ids:
            n += 1
            ident = f"{base}-{n}"
        self.used_ids.add(ident)
        return ident

    def fresh_names(self, phrases: list[str]) -> tuple[list[str], bool]:
        """The record's names the curated KB lacks, and whether its primary name is curated."""
        names = [n for p in phrases for n in cased_names(p)]
        primary_curated = bool(names) and norm(names[0]) in self.curated_names
        seen: set[str] = set()
        fresh = []
        for name in names:
            key = norm(name)
            if key and key not in self.curated_names and name not in seen:
                seen.add(name)
                fresh.append(name)
        return fresh, primary_curated


def code_parts(code: str, ctx: ActorContext) -> tuple[str | None, str | None, str] | None:
    """``USAGOVFRM`` → ('USA', 'GOV', 'GOVFRM'); ``IGOUNO`` → ('IGO', 'IGO', 'UNO'); companies
    (``MNCUSA``) are BUS of their home country; None when the country code is unknown (a
    region such as WEU or SAS, a CAMEO-only code)."""
    head, rest = code[:3], code[3:]
    if head in ("IGO", "NGO"):
        return head, head, rest
    if head == "IMG":
        return None, "UAF", rest
    if head == "MNC":
        return iso_country(rest[:3], ctx.countries), "BUS", rest
    country = iso_country(head, ctx.countries)
    if country is None:
        return None
    return country, SECTOR_MAP.get(rest[:3]) if rest else None, rest


# ---- groups and institutions (undated records) ----

def _static_code(record: Record) -> str | None:
    codes = {r.code for r in record.roles if not r.dated}
    return next(iter(sorted(codes))) if len(codes) == 1 else None


def group_entry(record: Record, ctx: ActorContext, report: PartReport, category: str
                ) -> dict[str, Any] | None:
    """A named organisation or group from a record with one undated code."""
    code = _static_code(record)
    if code is None:
        report.skip("no code, or several undated codes" if not record.roles or
                    any(not r.dated for r in record.roles) else "dated codes only (a person)")
        return None
    parts = code_parts(code, ctx)
    if parts is None:
        report.skip("region or country code not in actors/countries.yml")
        return None
    country, sector, rest = parts
    if sector is None:
        report.skip("country alias or city (no sector; countries.yml is curated)"
                    if not rest else "sector code this project does not code")
        return None
    names, primary_curated = ctx.fresh_names(record.phrases)
    if primary_curated or not names:
        report.skip("name in the curated knowledge base")
        return None
    report.produced += 1
    return {"id": ctx.new_id(f"petrarch/{slug(country or 'img')}/{slug(names[0])}"),
            "category": category, "name": names[0], "names": names, "country": country,
            "sector": sector, "kind": "group" if sector in ("REB", "UAF", "CRM") else
            "organization"}


# ---- historical persons (dated records) ----

def _office(role: Role, ctx: ActorContext) -> dict[str, Any] | None:
    parts = code_parts(role.code, ctx)
    if parts is None or parts[1] is None:
        return None
    return {"title": role.code, "sector": parts[1], "start": role.start,
            "end": role.end, "country": parts[0]}


def _offices(record: Record, ctx: ActorContext, report: PartReport) -> list[dict[str, Any]]:
    """Closed, coded offices of a record (an open-ended one would claim to hold today)."""
    offices = []
    for role in record.roles:
        if not role.dated:
            continue
        if role.open_ended:
            report.skip("office: open-ended (>date): would claim to hold today")
            continue
        office = _office(role, ctx)
        if office is None:
            report.skip("office: no sector this project codes (ELI, country only, unknown)")
            continue
        offices.append(office)
    report.skip("office: malformed date", record.bad_dates)
    return offices


def person_entry(record: Record, ctx: ActorContext, report: PartReport) -> dict[str, Any] | None:
    """A historical person with dated offices, or None."""
    offices = _offices(record, ctx, report)
    if not offices:
        report.skip("person: no closed office with a sector")
        return None
    latest = max(offices, key=lambda o: o["end"])
    country = latest["country"]
    kept = [o for o in offices if o["country"] == country]
    report.skip("office: in another country than the latest one", len(offices) - len(kept))
    names, primary_curated = ctx.fresh_names(record.phrases)
    if primary_curated or not names:
        report.skip("person: name in the curated knowledge base")
        return None
    report.produced += 1
    entry: dict[str, Any] = {"id": ctx.new_id(f"petrarch/{slug(country)}/{slug(names[0])}"),
                             "name": names[0]}
    if names[1:]:
        entry["aliases"] = names[1:]
    entry["country"] = country
    entry["offices"] = [{k: o[k] for k in ("title", "sector", "start", "end")}
                        for o in sorted(kept, key=lambda o: o["start"] or date.min)]
    return entry


def is_person(record: Record) -> bool:
    return any(r.dated for r in record.roles)


# ---- agents ----

_PLURAL = re.compile(r"\{([^}]*)\}")


def _substitutions(text: str) -> tuple[dict[str, list[str]], list[str]]:
    """``!PERSON! = MAN, MEN`` definitions, and the other lines."""
    subs: dict[str, list[str]] = {}
    lines = []
    for raw in text.splitlines():
        line = strip_comment(raw)
        match = re.match(r"^\s*(![A-Z]+!)\s*=\s*(.+)$", line)
        if match:
            subs[match.group(1)] = [w.strip() for w in match.group(2).split(",") if w.strip()]
        elif line.strip():
            lines.append(line)
    return subs, lines


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("ss", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def agent_nouns(phrase: str, plural: str | None, subs: dict[str, list[str]]) -> list[str]:
    """An agent phrase's surface forms: singular, plural (regular unless given or ``{}``)."""
    marker = re.search(r"![A-Z]+!", phrase)
    if marker:
        return [" ".join(phrase_words(phrase.replace(marker.group(0), s).lower()))
                for s in subs.get(marker.group(0), [])]
    words = phrase_words(phrase.lower())
    if not words:
        return []
    forms = [" ".join(words)]
    if plural is None:
        forms.append(" ".join([*words[:-1], _plural(words[-1])]))
    elif plural.strip():
        forms += [" ".join(phrase_words(p.lower())) for p in plural.split()]
    return forms


def _agent_sector(code: str) -> str | None:
    if not code.startswith("~"):
        return None
    return SECTOR_MAP.get(code[1:4])


def agent_entries(text: str, ctx: ActorContext, report: PartReport) -> list[dict[str, Any]]:
    """Sector nouns (category ``sector``) from a PETRARCH agents file."""
    subs, lines = _substitutions(text)
    entries = []
    for line in lines:
        report.read += 1
        codes = _CODE.findall(line.replace("}", "]") if "[" in line and "]" not in line else line)
        if not codes:
            report.skip("no code")
            continue
        sector = _agent_sector(codes[0].strip())
        if sector is None:
            report.skip("code before the actor (NGO~, IGO~) or sector not coded here")
            continue
        plural_match = _PLURAL.search(line)
        phrase = _CODE.sub(" ", _PLURAL.sub(" ", line)).strip()
        nouns = [n for n in agent_nouns(phrase, plural_match.group(1) if plural_match else None,
                                        subs) if n and norm(n) not in ctx.curated_names]
        if not nouns:
            report.skip("noun in the curated knowledge base")
            continue
        report.produced += 1
        entries.append({"id": ctx.new_id(f"petrarch/agent/{slug(nouns[0])}"), "category": "sector",
                        "name": nouns[0], "names": nouns, "sector": sector, "kind": "group"})
    return entries
