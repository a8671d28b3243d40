"""Bytes to text: UTF-8 (strict), byte-order marks, UTF-16 without a mark; refuse binary data."""

from __future__ import annotations

import codecs
import re

from ..errors import BinaryInputError, EncodingError

SNIFF_BYTES = 65_536
MAX_STRAY_NULS = 8
"""Text with at most this many NUL bytes is called damaged text, not binary data."""
MAX_CONTROL_SHARE = 0.05
"""More control characters than this share of a sample means binary data, not text."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0b\x0c\x1b")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode_bytes(data: bytes, *, source: str, html: bool = False) -> str:
    """Decode ``data`` as text, or raise BinaryInputError / EncodingError naming ``source``."""
    codec = bom_codec(data)
    if codec:
        return _decode_strict(data, codec, source)
    utf16 = _utf16_without_bom(data[:SNIFF_BYTES])
    if utf16:
        return _decode_strict(data, utf16, source)
    refuse_binary(data, source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        declared = _declared_charset(data) if html else None
        if declared:
            return _decode_strict(data, declared, source)
        raise _encoding_error(error, "UTF-8", source) from None


def wide_encoding(data: bytes) -> bool:
    """True for UTF-16/UTF-32 data, whose bytes outnumber its UTF-8 bytes."""
    codec = bom_codec(data)
    if codec:
        return codec != "utf-8-sig"
    return _utf16_without_bom(data[:SNIFF_BYTES]) is not None


def refuse_binary(data: bytes, *, source: str) -> None:
    """Raise BinaryInputError when a sample of ``data`` holds NUL bytes or many control bytes."""
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        rest = sample.replace(b"\x00", b"")
        if sample.count(0) <= MAX_STRAY_NULS and rest and _control_share(rest) < 0.01:
            error = BinaryInputError(
                f"text with {sample.count(0)} NUL byte(s) in it (the first at offset "
                f"{sample.index(0)}): a damaged file? remove them (tr -d '\\000') and ingest "
                "it again", source=source)
            error.offset = sample.index(0)
            raise error
        raise BinaryInputError(
            "looks like a binary file (it contains NUL bytes), not text: "
            "give newsevents plain text, HTML or JSONL",
            source=source,
        )
    if sample and _control_share(sample) > MAX_CONTROL_SHARE:
        raise BinaryInputError(
            f"looks like a binary file ({_control_share(sample):.0%} control bytes), not text: "
            "give newsevents plain text, HTML or JSONL",
            source=source,
        )


def refuse_binary_text(text: str, *, source: str) -> None:
    """The same check for text that arrived already decoded."""
    sample = text[:SNIFF_BYTES]
    if "\x00" in sample:
        raise BinaryInputError("text contains NUL characters: binary data, not text", source=source)
    controls = sum(1 for ch in sample if ord(ch) < 32 and ord(ch) not in _TEXT_CONTROLS)
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise BinaryInputError(
            f"text is {controls / len(sample):.0%} control characters: binary data, not text",
            source=source,
        )


def _control_share(sample: bytes) -> float:
    controls = sum(1 for byte in sample if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls / len(sample)


def bom_codec(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit in every other byte, as in ASCII text in UTF-16."""
    if len(sample) < 4 or sample.count(0) < len(sample) // 3:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_strict(data: bytes, codec: str, source: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise _encoding_error(error, codec.upper(), source) from None


def _encoding_error(error: UnicodeDecodeError, codec: str, source: str) -> EncodingError:
    bad = error.object[error.start : error.start + 1].hex()
    exc = EncodingError(
        f"not valid {codec} text (byte 0x{bad} at offset {error.start}); "
        "re-encode it as UTF-8, e.g. iconv -f latin1 -t utf-8",
        source=source,
    )
    exc.offset = error.start
    return exc
