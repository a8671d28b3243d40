"""Quote scoring: containment after folding case, curly quotes and white space; speakers by
name after folding case, accents and leading honorifics and titles (spec/gold-format.md)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from .gold import as_list, split_required
from .matching import match_required_then_optional

_QUOTE_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
})
_SPACE = re.compile(r"\s+")


def fold(text: Any) -> str:
    """Case-fold, straighten curly quotes and fold runs of white space to one space."""
    if not isinstance(text, str):
        return ""
    return _SPACE.sub(" ", text.translate(_QUOTE_FOLD)).strip().casefold()


def quote_matches(prediction: dict[str, Any], gold: dict[str, Any]) -> bool:
    """The predicted quote's text contains the gold ``contains`` and its kind is allowed."""
    kinds = as_list(gold.get("quote_kind"))
    if kinds and prediction.get("kind") not in kinds:
        return False
    return fold(gold.get("contains")) in fold(prediction.get("text"))


_TITLE_EDGE = re.compile(r"[\s.,]+")


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Folded honorifics (lexicons/grammar/speakers.yml) and person titles (actors/titles.yml)."""
    from ..lexicons import load_entries
    from ..lexicons.wordclasses import word_class

    titles = set(word_class("honorifics"))
    for entry in load_entries("actors/titles.yml", ()):
        for title in as_list(entry.get("titles")):
            titles.add(_plain(str(title)).rstrip("."))
    return frozenset(t for t in titles if t)


def _plain(text: str) -> str:
    """Case, accents, quote marks and white space folded."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_name(name: Any) -> str:
    """A speaker name for comparison: case and accents folded, leading honorifics and titles
    dropped ("Dr Huw Lewis-Jones" and "huw lewis-jones"; "Sen. Maria Delgado", "Maria
    Delgado"). A name that is nothing but a title stays as it is."""
    if not isinstance(name, str):
        return ""
    plain = _plain(name)
    titles = _titles()
    words = plain.split(" ")
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in range(min(4, len(words) - 1), 0, -1):
            if _TITLE_EDGE.sub(" ", " ".join(words[:n])).strip() in titles:
                words, changed = words[n:], True
                break
    return " ".join(words)


def speaker_right(prediction: dict[str, Any], gold: dict[str, Any]) -> bool:
    """The predicted speaker's canonical name equals one of the gold names once case, accents
    and leading honorifics and titles are folded (``fold_name``)."""
    speaker = prediction.get("speaker") or {}
    name = fold_name(speaker.get("name") if isinstance(speaker, dict) else None)
    return bool(name) and name in {fold_name(n) for n in as_list(gold.get("speaker"))}


def _speaker_name(prediction: dict[str, Any]) -> str | None:
    speaker = prediction.get("speaker")
    return speaker.get("name") if isinstance(speaker, dict) else None


def score_document_quotes(
    predictions: list[dict[str, Any]], gold_quotes: list[dict[str, Any]]
) -> dict[str, Any]:
    """Counts and details of one document's quotes; speakers are judged on required matches."""
    required, optional = split_required(gold_quotes)
    to_required, to_optional = match_required_then_optional(
        predictions, required, optional, quote_matches
    )
    matched = {j: i for i, j in to_required.items()}
    speakers_right = sum(speaker_right(predictions[i], required[j]) for i, j in to_required.items())
    return {
        "required": len(required),
        "matched_required": len(to_required),
        "predictions": len(predictions),
        "matched_optional": len(to_optional),
        "false_positives": len(predictions) - len(to_required) - len(to_optional),
        "speakers_right": speakers_right,
        "wrong_speakers": [
            {"gold": required[j].get("id"), "expected": gold_speaker,
             "predicted": _speaker_name(predictions[i])}
            for i, j in sorted(to_required.items())
            if not speaker_right(predictions[i], required[j])
            for gold_speaker in [required[j].get("speaker")]
        ],
        "misses": [
            {"id": g.get("id"), "contains": g.get("contains"), "quote_kind": g.get("quote_kind")}
            for j, g in enumerate(required)
            if j not in matched
        ],
        "false_positive_quotes": [
            {"id": p.get("id"), "kind": p.get("kind"), "text": p.get("text"),
             "speaker": _speaker_name(p)}
            for i, p in enumerate(predictions)
            if i not in to_required and i not in to_optional
        ],
    }
