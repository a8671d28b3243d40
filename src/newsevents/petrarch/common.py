"""What the PETRARCH converters share: the skip report, name casing, codes and dates."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

SECTOR_MAP: dict[str, str] = {
    **{code: code for code in (
        "GOV", "MIL", "COP", "REB", "UAF", "CRM", "OPP", "BUS", "CVL", "JUD", "MED", "LEG",
        "EDU", "REF", "PTY", "NGO", "IGO", "REL", "LAB", "SPY", "HLH", "AGR", "ENV", "HRI")},
    **{code: "REL" for code in ("MUS", "CHR", "JEW", "HIN", "BUD", "CTH", "SHI", "SUN", "ATH",
                                "BAH", "CON", "CPT", "DOX", "JAN", "MOS", "PRO", "SHN", "SIK",
                                "TAO", "ZRO", "ALE", "DRZ", "ITH")},
}
"""PETRARCH/CAMEO sector codes → the sector this project codes (religions are REL)."""

CAMEO_COUNTRY_ALIASES: dict[str, str] = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "KOS": "XKX",
                                         "UK": "GBR", "GZS": "PSE", "WBK": "PSE"}
"""CAMEO country codes that differ from the ISO 3166-1 codes of actors/countries.yml."""

SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le",
                         "al", "el", "da", "do", "dos", "das", "y", "et", "to", "at", "a", "an"})


@dataclass
class PartReport:
    """What one part of a conversion produced, and what it left out and why."""

    read: int = 0
    produced: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] += n

    def to_dict(self) -> dict[str, object]:
        return {"read": self.read, "produced": self.produced,
                "skipped": dict(self.skipped.most_common())}


def strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def phrase_words(phrase: str) -> list[str]:
    """``THE_UNITED_NATIONS_`` → [THE, UNITED, NATIONS]: underscores and blanks separate words."""
    return [w for w in re.split(r"[_\s]+", phrase.strip()) if w]


def _case_word(word: str, first: bool) -> str:
    """Title case, except small words and what looks like an acronym (UN, ICJ, U.N.)."""
    lower = word.lower()
    if not first and lower in SMALL_WORDS:
        return lower
    letters = [c for c in word if c.isalpha()]
    vowels = sum(c in "AEIOUY" for c in letters)
    if "." in word.rstrip(".") or any(c.isdigit() for c in word) or len(letters) <= 2 or (
            vowels == 0 and len(letters) <= 4):
        return word
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def cased_names(phrase: str) -> list[str]:
    """PETRARCH's upper-case phrase as the names a knowledge base matches.

    ``KOFI_ANNAN_`` → ["Kofi Annan"]; a one-word name of up to five letters may be an acronym
    or a word (``IAEA``, ``HAMAS``): both forms.
    """
    words = phrase_words(phrase)
    if not words:
        return []
    if len(words) == 1 and len(words[0]) <= 5 and words[0].isalpha():
        return [words[0], _case_word(words[0], True)]
    return [" ".join(_case_word(w, i == 0) for i, w in enumerate(words))]


def norm(name: str) -> str:
    """A name for comparing with the curated knowledge base: lower case, no leading 'the'."""
    text = " ".join(name.lower().replace("_", " ").split())
    return text.removeprefix("the ")


def iso_country(code: str, known: set[str]) -> str | None:
    """The ISO3 (or the project's own) code of a CAMEO country code, or None."""
    if code in ("IGO", "NGO"):
        return code
    code = CAMEO_COUNTRY_ALIASES.get(code, code)
    return code if code in known else None


def parse_date(text: str) -> date | None:
    """PETRARCH dates: YYYYMMDD or YYMMDD (YY up to 30 is 20YY); None when malformed."""
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year <= 30 else 1900 + year}{text[2:]}"
    if len(text) != 8 or not text.isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def singular(word: str) -> str:
    """A noun's naive lemma for the ``with`` condition (which compares lemmas only)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word
