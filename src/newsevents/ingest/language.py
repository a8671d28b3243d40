"""Language identification with py3langid (its model ships in the package)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..errors import LanguageNotSupportedError

SUPPORTED: frozenset[str] = frozenset({"en"})
SAMPLE_CHARS = 2000
MIN_LETTERS = 40
"""Shorter samples are too short to judge: they are taken as English."""
MIN_CONFIDENCE = 0.9
"""Refuse only when the identifier is at least this sure of a language we do not support."""


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639 code, probability) for a sample from the start of ``text``."""
    language, probability = _identifier().classify(text[:SAMPLE_CHARS])
    return str(language), float(probability)


def check_language(text: str, *, source: str) -> str:
    """The article's language; raise LanguageNotSupportedError when sure it is not English."""
    sample = text[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return "en"
    language, probability = detect_language(sample)
    if language in SUPPORTED:
        return language
    if probability < MIN_CONFIDENCE:
        return "en"
    raise LanguageNotSupportedError(
        f"language not supported: detected '{language}' (confidence {probability:.2f}); "
        "newsevents codes English articles only (set language_check = false in the "
        "config file to code it as English anyway)",
        source=source,
    )
