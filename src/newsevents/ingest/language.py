"""Language identification with py3langid (its model ships in the package).

A text is refused when English is not the most likely language of a sample long enough to
judge, unless English function words make up an English share of its words (short texts full
of names can look like another language to the identifier). That share is counted first, so
the identifier (about 2 ms a text, 20 times the count) runs only on texts that may not be
English. The failure names the language detected.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..errors import LanguageNotSupportedError

SUPPORTED: frozenset[str] = frozenset({"en"})
SAMPLE_CHARS = 2000
MIN_LETTERS = 40
"""Shorter samples are too short to judge: they are taken as English."""
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=1)
def english_words() -> tuple[frozenset[str], float]:
    """The English function words and the share of a text's words that makes it English."""
    from ..lexicons import load_entries

    [entry] = load_entries("language/english.yml")
    return frozenset(str(w).lower() for w in entry["words"]), float(entry["min_share"])


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639 code, probability) for a sample from the start of ``text``."""
    language, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return str(language), float(probability)


def english_share(text: str) -> float:
    """The share of the text's words that are English function words (0 for no words)."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    function_words, _ = english_words()
    hits = sum(1 for w in _LATIN_WORD.findall(text) if w.lower() in function_words)
    return hits / len(words)


def check_language(text: str, *, source: str) -> str:
    """The article's language; raise LanguageNotSupportedError when it is not English."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return "en"
    share = english_share(sample)
    if share >= english_words()[1]:
        return "en"  # English whatever the identifier says: no need to ask it (it is slower)
    language, probability = detect_language(sample)
    if language in SUPPORTED:
        return language
    raise LanguageNotSupportedError(
        f"language not supported: detected '{language}' (probability {probability:.2f}; "
        f"English function words are {share:.0%} of its words); newsevents codes English "
        "articles only (set language_check = false in the config file to code it as English "
        "anyway)",
        source=source,
    )
