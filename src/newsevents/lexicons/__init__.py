"""Knowledge as data: the built-in lexicon and knowledge-base files, and user files.

Every file is YAML (a list of entries, each with a unique ``id``) or TSV. ``fingerprint``
hashes the files in use, for the ``coder.lexicons`` field of every Extraction.
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


def load_entries(name: str, extra_files: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Entries of the built-in file ``name`` (a path under lexicons/), then the extra files.

    Each entry gets ``_file`` (the file's name) so rules can say where they came from.
    """
    paths = [builtin_path(name), *[Path(p) for p in extra_files]]
    entries: list[dict[str, Any]] = []
    for path in paths:
        if not path.exists():
            raise LexiconError("lexicon file not found", source=str(path))
        for entry in _read_yaml(str(path)):
            entries.append({**entry, "_file": path.name})
    return entries


def fingerprint(extra_files: tuple[str, ...] = ()) -> str:
    """sha256 (first 12 hex) over the built-in and user lexicon files."""
    digest = hashlib.sha256()
    for path in [*builtin_files(), *[Path(p) for p in extra_files]]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
