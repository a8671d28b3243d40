"""The quote lexicons (``lexicons/quotes/*.yml``), compiled once: cue verbs, attribution."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import LexiconError
from ..lexicons import load_entries

CUES_FILE = "quotes/cues.yml"
ATTRIBUTION_FILE = "quotes/attribution.yml"
CUE_KINDS = ("speech", "reporting", "stance", "according")
PHRASE_KINDS = ("reporting", "anonymity", "anonymous_head", "non_response", "comment_request",
                "naming")


@dataclass(frozen=True)
class Cue:
    id: str
    lemma: str
    kind: str
    content: tuple[str, ...]


@dataclass(frozen=True)
class Phrase:
    id: str
    kind: str
    pattern: re.Pattern[str]
    context: re.Pattern[str] | None = None


@dataclass(frozen=True)
class QuoteLexicon:
    cues: dict[str, Cue]
    """Cue verbs by lemma (lower case)."""
    phrases: tuple[Phrase, ...]
    anonymous_heads: frozenset[str]

    def of_kind(self, kind: str) -> list[Phrase]:
        return [p for p in self.phrases if p.kind == kind]


def phrase_regex(phrase: str) -> str:
    """A phrase as a regex: word-bounded, flexible white space, ``(word)`` optional."""
    parts: list[str] = []
    for word in phrase.split():
        if word.startswith("(") and word.endswith(")"):
            parts.append(f"(?:{re.escape(word[1:-1])}\\s+)?")
        elif "(" in word and word.endswith(")"):
            stem, _, optional = word[:-1].partition("(")
            parts.append(f"{re.escape(stem)}(?:{re.escape(optional)})?\\s+")
        else:
            parts.append(f"{re.escape(word)}\\s+")
    body = "".join(parts)
    body = body[: -len("\\s+")] if body.endswith("\\s+") else body
    return rf"(?<!\w){body}(?!\w)"


def _cue(entry: dict[str, Any]) -> Cue:
    kind = entry.get("kind")
    if kind not in CUE_KINDS or not entry.get("lemma"):
        raise LexiconError(
            f"cue {entry['id']!r} needs a lemma and a kind in {CUE_KINDS}", source=entry["_file"]
        )
    return Cue(entry["id"], str(entry["lemma"]).lower(), kind, tuple(entry.get("content") or ()))


def _phrases(entry: dict[str, Any]) -> list[Phrase]:
    kind = entry.get("kind")
    if kind not in PHRASE_KINDS:
        raise LexiconError(
            f"entry {entry['id']!r}: kind must be one of {PHRASE_KINDS}", source=entry["_file"]
        )
    sources = [phrase_regex(p) for p in entry.get("phrases") or []]
    sources += list(entry.get("patterns") or [])
    context = re.compile(entry["context"], re.IGNORECASE) if entry.get("context") else None
    try:
        return [Phrase(entry["id"], kind, re.compile(s, re.IGNORECASE), context) for s in sources]
    except re.error as exc:
        raise LexiconError(
            f"entry {entry['id']!r}: bad pattern: {exc}", source=entry["_file"]
        ) from exc


@lru_cache(maxsize=8)
def load_lexicon(
    cue_files: tuple[str, ...] = (), phrase_files: tuple[str, ...] = ()
) -> QuoteLexicon:
    """The built-in quote lexicons, then the user's (later entries win on the same lemma)."""
    cues = {c.lemma: c for c in map(_cue, load_entries(CUES_FILE, cue_files))}
    phrases: list[Phrase] = []
    heads: set[str] = set()
    for entry in load_entries(ATTRIBUTION_FILE, phrase_files):
        phrases.extend(_phrases(entry))
        if entry.get("kind") == "anonymous_head":
            heads.update(str(h).lower() for h in entry.get("heads") or [])
    return QuoteLexicon(cues, tuple(phrases), frozenset(heads))
