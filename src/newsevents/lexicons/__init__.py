"""Knowledge as data: the built-in lexicon and knowledge-base files, and user files.

Every file is YAML (a list of entries, each with a unique ``id``) or TSV. ``fingerprint``
hashes the files in use, for the ``coder.lexicons`` field of every Extraction. Each kind of file
declares the keys its entries may have (``ENTRY_KEYS``); an unknown key is a LexiconError.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import LexiconError

LEXICON_DIR = Path(__file__).resolve().parent
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader where PyYAML was built with it (several times faster), else the pure one."""


_EVENT_KEYS = frozenset({
    "lemma", "pos", "type", "cameo", "mode", "contexts", "objects", "with", "xcomp",
    "object_sectors", "unless_xcomp", "stative", "target", "negated", "modality", "confidence",
    "source", "possessor", "subjects", "implicit_source",
})
_ORGANISATION_KEYS = frozenset({"name", "names", "aliases", "country", "sector", "kind",
                                "alt_sectors"})
_PERSON_KEYS = frozenset({"name", "aliases", "country", "offices"})
ENTRY_KEYS: dict[str, frozenset[str]] = {
    "actors/regions": frozenset({"adjectives", "members"}),
    "actors/countries": frozenset({"name", "aliases", "demonyms", "capitals", "regions", "seats"}),
    "actors/institutions": _ORGANISATION_KEYS,
    "actors/groups": _ORGANISATION_KEYS,
    "actors/titles": frozenset({"titles", "sector", "alt_sectors", "country"}),
    "actors/sectors": frozenset({"nouns", "sector", "kind", "country_required"}),
    "actors/leaders": _PERSON_KEYS,
    "actors/user": _ORGANISATION_KEYS | _PERSON_KEYS | {"category"},
    "actors/petrarch": _ORGANISATION_KEYS | _PERSON_KEYS | {"category"},
    "events/cameo": frozenset({"label", "plover", "mode", "contexts", "quad_class", "goldstein"}),
    "events/intents": frozenset({"from", "type", "cameo"}),
    "events/verbs": _EVENT_KEYS,
    "events/nouns": _EVENT_KEYS,
    "quotes/cues": frozenset({"lemma", "kind", "content"}),
    "quotes/attribution": frozenset({"kind", "phrases", "patterns", "context", "heads"}),
    "grammar": frozenset({"words", "values", "include", "remove"}),
    "places/regions": frozenset({"names", "country", "lat", "lon", "precision"}),
    "language/english": frozenset({"words", "min_share"}),
}
"""The keys an entry of each kind of file may have besides ``id`` and ``note`` (free text).

A kind is a file's path under lexicons/ without ``.yml`` or its folder (``actors/leaders``);
user files take the kind of the built-in file they extend (``actors/user`` for actor files)."""
_COMMON_KEYS = frozenset({"id", "note"})


def file_kind(name: str) -> str:
    """``events/verbs/core.yml`` → ``events/verbs``; ``actors/titles.yml`` → ``actors/titles``."""
    stem = name.removesuffix(".yml").removesuffix(".yaml")
    folder = stem.rsplit("/", 1)[0]
    for kind in (stem, folder):
        if kind in ENTRY_KEYS:
            return kind
    raise LexiconError(f"no entry keys declared for lexicon {name!r} (ENTRY_KEYS)", source=name)


def check_keys(entries: tuple[dict[str, Any], ...], kind: str, source: str) -> None:
    """Refuse an entry with a key its kind does not know, naming file, entry and key."""
    known = ENTRY_KEYS[kind] | _COMMON_KEYS
    for entry in entries:
        unknown = sorted(str(k) for k in entry if k not in known)
        if unknown:
            raise LexiconError(
                f"entry {entry['id']!r}: unknown key {unknown[0]!r}; known keys for {kind}: "
                f"{', '.join(sorted(known))}",
                source=source,
            )


def builtin_path(name: str) -> Path:
    return LEXICON_DIR / name


def builtin_files() -> list[Path]:
    return sorted(
        p for p in LEXICON_DIR.rglob("*") if p.suffix in {".yml", ".yaml", ".tsv"} and p.is_file()
    )


@lru_cache(maxsize=256)
def _read_yaml(path: str) -> tuple[dict[str, Any], ...]:
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"cannot read lexicon file: {exc}", source=path) from exc
    if data is None:
        return ()
    if isinstance(data, dict) and "entries" in data:
        data = data["entries"]
    if not isinstance(data, list):
        raise LexiconError("a lexicon file must be a YAML list of entries", source=path)
    ids: set[str] = set()
    for i, entry in enumerate(data):
        if not isinstance(entry, dict) or "id" not in entry:
            raise LexiconError(f"entry {i} has no 'id'", source=path)
        if entry["id"] in ids:
            raise LexiconError(f"duplicate id {entry['id']!r}", source=path)
        ids.add(entry["id"])
    return tuple(data)


@lru_cache(maxsize=512)
def read_entries(path: str, kind: str) -> tuple[dict[str, Any], ...]:
    """The entries of one file, their keys checked against ``kind`` (see ENTRY_KEYS)."""
    entries = _read_yaml(path)
    check_keys(entries, kind, path)
    return entries


def load_entries(name: str, extra_files: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Entries of the built-in file ``name`` (a path under lexicons/), then the extra files.

    Each entry gets ``_file`` (the file's name) so rules can say where they came from.
    """
    paths = [builtin_path(name), *[Path(p) for p in extra_files]]
    kind = file_kind(name)
    entries: list[dict[str, Any]] = []
    for path in paths:
        if not path.exists():
            raise LexiconError("lexicon file not found", source=str(path))
        for entry in read_entries(str(path), kind):
            entries.append({**entry, "_file": path.name})
    return entries


def fingerprint(extra_files: tuple[str, ...] = ()) -> str:
    """sha256 (first 12 hex) over the built-in and user lexicon files."""
    digest = hashlib.sha256()
    for path in [*builtin_files(), *[Path(p) for p in extra_files]]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
