"""Grammar word classes: the closed English word lists the stages use, as data.

The built-in classes are the entries of ``lexicons/grammar/*.yml`` (one class an entry, ids
unique over all the files). An entry has ``words`` (a set) or ``values`` (word → number), and
may ``include`` other classes. User files (``Options.grammar_files``) name a built-in class and
add ``words``/``values`` to it or ``remove`` words from it; a class a user adds to is also
widened wherever another class includes it. The pipeline makes its options' files the active
ones (``use_grammar_files``); ``word_class`` and ``word_values`` read the active classes.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from . import LEXICON_DIR, read_entries

GRAMMAR_DIR = LEXICON_DIR / "grammar"
KIND = "grammar"

_active: tuple[str, ...] = ()


def use_grammar_files(files: tuple[str, ...]) -> None:
    """Make these user grammar files (after the built-in ones) the active word classes."""
    global _active
    _active = tuple(files)


def word_class(name: str) -> frozenset[str]:
    """The words of class ``name`` (for a class of ``values``, its words)."""
    return _classes(_active)[0][name]


def word_values(name: str) -> dict[str, float]:
    """The word → number table of class ``name`` (``lexicons/grammar/numbers.yml``)."""
    return _classes(_active)[1][name]


@lru_cache(maxsize=8)
def _classes(
    user_files: tuple[str, ...] = (),
) -> tuple[dict[str, frozenset[str]], dict[str, dict[str, float]]]:
    raw = _builtin_entries()
    for path in user_files:
        for entry in read_entries(str(Path(path).resolve()), KIND):
            _extend(raw, entry, path)
    words: dict[str, frozenset[str]] = {}
    values: dict[str, dict[str, float]] = {}
    for name in raw:
        table = _resolve(raw, name, ())
        values[name] = table
        words[name] = frozenset(table)
    return words, values


def _builtin_entries() -> dict[str, dict[str, Any]]:
    raw: dict[str, dict[str, Any]] = {}
    for path in sorted(GRAMMAR_DIR.glob("*.yml")):
        for entry in read_entries(str(path), KIND):
            name = str(entry["id"])
            if name in raw:
                raise LexiconError(f"word class {name!r} is defined twice", source=str(path))
            raw[name] = {
                "values": _table(entry, str(path)),
                "include": tuple(str(i) for i in entry.get("include") or ()),
                "remove": frozenset(str(w).lower() for w in entry.get("remove") or ()),
            }
    return raw


def _table(entry: dict[str, Any], source: str) -> dict[str, float]:
    """``values`` as they are, ``words`` as word → 1.0 (a set's members)."""
    table: dict[str, float] = {str(w).lower(): 1.0 for w in entry.get("words") or ()}
    values = entry.get("values") or {}
    if not isinstance(values, dict):
        raise LexiconError(f"entry {entry['id']!r}: values must be a mapping", source=source)
    table.update({str(w).lower(): float(v) for w, v in values.items()})
    return table


def _extend(raw: dict[str, dict[str, Any]], entry: dict[str, Any], source: str) -> None:
    name = str(entry["id"])
    if name not in raw:
        raise LexiconError(
            f"entry {name!r}: no such word class; known: {', '.join(sorted(raw))}", source=source
        )
    if entry.get("include"):
        raise LexiconError(f"entry {name!r}: a user file cannot change 'include'", source=source)
    base = raw[name]
    added = _table(entry, source)
    removed = frozenset(str(w).lower() for w in entry.get("remove") or ())
    table = {w: v for w, v in base["values"].items() if w not in removed}
    raw[name] = {**base, "values": {**table, **added}, "remove": base["remove"] | removed}


def _resolve(raw: dict[str, dict[str, Any]], name: str, seen: tuple[str, ...]) -> dict[str, float]:
    if name in seen:
        raise LexiconError(f"word class {name!r} includes itself", source=str(GRAMMAR_DIR))
    if name not in raw:
        raise LexiconError(f"word class {name!r} is not defined", source=str(GRAMMAR_DIR))
    entry = raw[name]
    table: dict[str, float] = {}
    for included in entry["include"]:
        table.update(_resolve(raw, included, (*seen, name)))
    table.update(entry["values"])
    return {w: v for w, v in table.items() if w not in entry["remove"]}
