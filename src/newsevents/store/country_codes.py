"""ISO 3166-1 alpha-3 → FIPS 10-4 (GDELT's geography codes) and Correlates of War numbers.

The table is data, ``lexicons/actors/country_codes.tsv``. Used by the GDELT and POLECAT export
layouts. Countries not listed fall back to ISO alpha-2 (FIPS, equal for many countries) and no
COW code; docs/store.md says so.
"""

from __future__ import annotations

from pathlib import Path

from ..lexicons import builtin_path

CODES_FILE = "actors/country_codes.tsv"


def _parse(path: Path) -> dict[str, tuple[str, int | None]]:
    """iso3, fips, cow (``-``: none) a line; ``#`` lines and the header are skipped."""
    codes: dict[str, tuple[str, int | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("iso3\t"):
            continue
        iso3, fips, cow = line.split("\t")
        codes[iso3] = (fips, None if cow == "-" else int(cow))
    return codes


CODES = _parse(builtin_path(CODES_FILE))


def fips_code(iso3: str | None) -> str | None:
    """GDELT's FIPS 10-4 country code for an ISO alpha-3 code, else the ISO alpha-2 code."""
    if not iso3:
        return None
    if iso3 in CODES:
        return CODES[iso3][0]
    return _alpha2(iso3)


def cow_code(iso3: str | None) -> int | None:
    """The Correlates of War state number, where the country has one and it is listed."""
    return CODES.get(iso3 or "", ("", None))[1]


def _alpha2(iso3: str) -> str | None:
    try:
        import pycountry
    except ModuleNotFoundError:
        return None
    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country else None
