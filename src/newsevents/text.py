"""Text normalisation that keeps a map back to the raw offsets.

Web copy breaks lines where a link or a layout column was ("The Wall Street Journal first\\n
reported on May 2"). A line break inside a sentence becomes a space; paragraph breaks stay.
White space is folded. ``NormalisedText.raw_offset`` maps every normalised offset back.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_TERMINAL = set('.!?:;"”’\'»)]')
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"}
_SPACES = {"\t", "\u00a0", "\u2002", "\u2003", "\u2009", "\u202f", "\u3000", "\x0b", "\x0c"}
_OPEN_ENDINGS = re.compile(
    r"(?:\b(?:the|a|an|of|to|in|on|at|by|for|with|and|or|but|from|as|that|which|who|"
    r"said|says|its|his|her|their|our|this|these|those|into|than|after|before)|[,\-–])$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NormalisedText:
    text: str
    offsets: tuple[int, ...]
    """offsets[i] is the raw offset of normalised character i; one extra entry for the end."""

    def raw_offset(self, index: int) -> int:
        return self.offsets[index]


def _line_continues(previous: str, following: str) -> bool:
    """True when a single line break between these two lines falls inside a sentence."""
    prev = previous.rstrip()
    nxt = following.lstrip()
    if not prev or not nxt:
        return False
    if prev[-1] in _TERMINAL:
        return False
    if nxt[0].islower() or (nxt[0].isdigit() and not re.match(r"\d+[.)]\s", nxt)):
        return True
    return bool(_OPEN_ENDINGS.search(prev))


def normalise(raw: str) -> NormalisedText:
    """Repair broken lines, fold white space, keep paragraphs; map offsets back to ``raw``."""
    raw = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    lines = raw.split("\n")
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    pending_newlines: list[int] = []
    for index, line in enumerate(lines):
        if index:
            pending_newlines.append(pos - 1)
        if line.strip():
            if pending_newlines and out:
                previous_line = _last_line(out)
                joined = len(pending_newlines) == 1 and _line_continues(previous_line, line)
                sep = " " if joined else ("\n" if len(pending_newlines) == 1 else "\n\n")
                for k, ch in enumerate(sep):
                    out.append(ch)
                    offsets.append(pending_newlines[min(k, len(pending_newlines) - 1)])
            pending_newlines = []
            _append_folded(line, pos, out, offsets)
        pos += len(line) + 1
    offsets.append(len(raw))
    return NormalisedText("".join(out), tuple(offsets))


def _last_line(out: list[str]) -> str:
    tail: list[str] = []
    for ch in reversed(out):
        if ch == "\n":
            break
        tail.append(ch)
        if len(tail) > 80:
            break
    return "".join(reversed(tail))


def _append_folded(line: str, base: int, out: list[str], offsets: list[int]) -> None:
    """Append one line with runs of white space folded and its ends trimmed."""
    start = len(line) - len(line.lstrip())
    end = len(line.rstrip())
    last_space = False
    for i in range(start, end):
        ch = line[i]
        if ch in _ZERO_WIDTH:
            continue
        if ch == " " or ch in _SPACES:
            if last_space:
                continue
            ch = " "
            last_space = True
        else:
            last_space = False
        out.append(ch)
        offsets.append(base + i)


_DATELINE = re.compile(
    r"^[^\S\n]*(?P<place>[A-Z][A-Z .'’\-]{1,40}(?:,[^\S\n]*[A-Z][A-Za-z .'’\-]{1,40}){0,2})"
    r"(?P<date>,?[^\S\n]+[A-Z][a-z]{2,8}\.?[^\S\n]+\d{1,2}(?:,[^\S\n]*\d{4})?)?"
    r"[^\S\n]*(?P<agency>\([^)\n]{2,40}\))?[^\S\n]*[-–—]+[^\S\n]*"
)


_BARE_DATELINE = re.compile(
    r"^[^\S\n]*(?P<place>[A-Z][A-Z.'’\-]+(?:[^\S\n][A-Z][A-Z.'’\-]+){0,2})"
    r"(?:[^\S\n]*:|[^\S\n]+[-–—]+)[^\S\n]+(?=[A-Z\"“‘'])"
)
"""A dateline with no date or agency, its place in capitals: 'DOHA: Pakistan and …',
'KYIV — Russian drones …' (only in the paragraphs where a dateline may open)."""

_NAME = r"[A-Z][^\W\d_]*(?:['’\-][^\W\d_]+)*"
_TITLED_DATELINE = re.compile(
    rf"^[^\S\n]*(?P<place>{_NAME}(?:[^\S\n]{_NAME})?,[^\S\n]+{_NAME}(?:[^\S\n]{_NAME})?)"
    r"[^\S\n]+[–—][^\S\n]+(?=[A-Z\"“‘'])"
)
"""A bare dateline in title case naming the city and its country, before a spaced en or em
dash: 'Beirut, Lebanon – Israeli air strikes …'."""


def dateline_end(text: str) -> int | None:
    """End offset of a wire dateline ('GOMA, Congo, Dec. 23 (Newswire) - '), else None.

    A dateline needs its place in capitals and a date or an agency in parentheses.
    """
    match = _DATELINE.match(text[:200])
    if match is None or not (match["date"] or match["agency"]):
        return None
    return match.end()


@dataclass(frozen=True)
class Dateline:
    start: int
    place_end: int
    end: int


DATELINE_PARAGRAPHS = 4
"""A dateline opens one of the first paragraphs (after a headline and a standfirst)."""


def find_dateline(text: str) -> Dateline | None:
    """The dateline opening one of the article's first paragraphs, with the offsets of its
    place ('NAIROBI, June 9 (Wire) - ' after the headline)."""
    start = 0
    for _ in range(DATELINE_PARAGRAPHS):
        match = _DATELINE.match(text[start:start + 200])
        if match is None or not (match["date"] or match["agency"]):
            match = (_BARE_DATELINE.match(text[start:start + 200])
                     or _TITLED_DATELINE.match(text[start:start + 200]))
        if match is not None:
            return Dateline(start + match.start("place"), start + match.end("place"),
                            start + match.end())
        following = text.find("\n", start)
        if following < 0:
            return None
        start = following + 1
        while start < len(text) and text[start] == "\n":
            start += 1
    return None
