"""Import PETRARCH2's MIT dictionaries as newsevents lexicon and actor files.

``convert(src, out)`` reads CAMEO.2.0.txt, Phoenix.agents.txt and the three Phoenix actor files,
and writes user files that ``--lexicon`` / ``--actors`` (Options.lexicon_files /
actor_files) read, with a report of what each part produced and what it left out and why.
Curated entries win: a lemma the built-in lexicon codes and a name the built-in knowledge base
knows are not imported. docs/lexicons.md, section "PETRARCH2 dictionaries".
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import LexiconError
from ..lexicons import LEXICON_DIR, load_entries
from .actors import ActorContext, agent_entries, group_entry, is_person, person_entry, read_actor_records
from .common import PartReport, norm
from .verbs import convert_verbs

__all__ = ["PARTS", "ConversionReport", "convert"]

VERBS, AGENTS, ACTORS = "CAMEO.2.0.txt", "Phoenix.agents.txt", "Phoenix.{}.actors.txt"
PARTS = ("verbs", "agents", "groups", "institutions", "persons")
"""The output files are ``petrarch-<part>.yml``; verbs is a lexicon file, the others actor files."""
SHIPPED_PREFIX = "petrarch"
"""Built-in files whose name starts with this came from an import: they are not 'curated'."""
HEADER = ("# Converted by `newsevents import-petrarch` from the PETRARCH2 dictionaries\n"
          "# (Open Event Data Alliance, MIT licence: see LICENSE-PETRARCH2). Part: {part}.\n")
MIT_NOTICE = """The MIT License (MIT)

Copyright (c) 2014 Open Event Data

Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
the Software, and to permit persons to whom the Software is furnished to do so,
subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


@dataclass
class ConversionReport:
    parts: dict[str, PartReport] = field(default_factory=lambda: {p: PartReport() for p in PARTS})
    files: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"parts": {k: v.to_dict() for k, v in self.parts.items()}, "files": self.files}


def _curated(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """The entries of built-in files, leaving out those an earlier import shipped."""
    entries: list[dict[str, Any]] = []
    for path in paths:
        if not path.name.startswith(SHIPPED_PREFIX) and path.parent.name != SHIPPED_PREFIX:
            entries += load_entries(str(path.relative_to(LEXICON_DIR)))
    return entries


def curated_verb_lemmas() -> frozenset[str]:
    """Lemmas of the built-in verb senses (not those of an earlier, shipped import)."""
    paths = sorted((LEXICON_DIR / "events" / "verbs").glob("*.yml"))
    return frozenset(str(e["lemma"]).lower() for e in _curated(paths))


_NAME_KEYS = ("name", "names", "aliases", "demonyms", "capitals", "seats", "regions", "titles",
              "nouns")


def curated_actor_names() -> set[str]:
    """Every name, alias, title and sector noun of the built-in knowledge base, normalised."""
    folder = LEXICON_DIR / "actors"
    paths = [*sorted(folder.glob("*.yml")), *sorted((folder / "leaders").glob("*.yml"))]
    names: set[str] = set()
    for entry in _curated(paths):
        for key in _NAME_KEYS:
            value = entry.get(key)
            for name in [value] if isinstance(value, str) else value or []:
                names.add(norm(str(name)))
    return names


def cameo_lookup() -> Any:
    """CAMEO code → (PLOVER type, code) from events/cameo.yml (the CAMEO→PLOVER table)."""
    table = {str(e["id"]): e.get("plover") for e in load_entries("events/cameo.yml")}

    def lookup(code: str) -> tuple[str, str] | None:
        probe = code
        while probe not in table and len(probe) > 2:
            probe = probe[:-1]
        plover = table.get(probe)
        return (str(plover), code) if plover else None

    return lookup


def _read(src: Path, name: str) -> str | None:
    path = src / name
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else None


def _actor_parts(src: Path, report: ConversionReport) -> dict[str, list[dict[str, Any]]]:
    countries = {str(e["id"]) for e in load_entries("actors/countries.yml")}
    ctx = ActorContext(countries, curated_actor_names())
    out: dict[str, list[dict[str, Any]]] = {"agents": [], "groups": [], "institutions": [],
                                            "persons": []}
    agents = _read(src, AGENTS)
    if agents is not None:
        out["agents"] = agent_entries(agents, ctx, report.parts["agents"])
    for which in ("International", "MilNonState", "Countries"):
        text = _read(src, ACTORS.format(which))
        if text is None:
            continue
        part = "institutions" if which == "Countries" else "groups"
        for record in read_actor_records(text):
            target = "persons" if is_person(record) else part
            report.parts[target].read += 1
            entry = (person_entry(record, ctx, report.parts["persons"]) if target == "persons"
                     else group_entry(record, ctx, report.parts[part],
                                      "institution" if part == "institutions" else "group"))
            if entry is not None:
                out[target].append(entry)
    return out


def _write(out: Path, part: str, entries: list[dict[str, Any]]) -> Path:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    path = out / f"petrarch-{part}.yml"
    body = yaml.dump(entries, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=None) if entries else "[]\n"
    path.write_text(HEADER.format(part=part) + body, encoding="utf-8")
    return path


def convert(src: str | Path, out: str | Path) -> ConversionReport:
    """Convert the PETRARCH2 dictionaries in ``src`` into ``out``/petrarch-<part>.yml."""
    src, out = Path(src), Path(out)
    if not src.is_dir():
        raise LexiconError("not a folder of PETRARCH2 dictionaries", source=str(src))
    report = ConversionReport()
    parts: dict[str, list[dict[str, Any]]] = {}
    verbs = _read(src, VERBS)
    if verbs is not None:
        parts["verbs"] = convert_verbs(verbs, cameo_lookup(), curated_verb_lemmas(),
                                       report.parts["verbs"])
    parts.update(_actor_parts(src, report))
    out.mkdir(parents=True, exist_ok=True)
    for part, entries in parts.items():
        report.files[part] = str(_write(out, part, entries))
    licence = src / "LICENSE"
    (out / "LICENSE-PETRARCH2").write_text(
        licence.read_text(encoding="utf-8") if licence.exists() else MIT_NOTICE, encoding="utf-8")
    (out / "petrarch-report.json").write_text(json.dumps(report.to_dict(), indent=2) + "\n",
                                              encoding="utf-8")
    return report
