"""Direct quotes from quotation marks alone (no parse): pairing, nesting, paragraphs, apostrophes.

Rules, in order of the characters:

- a mark between two letters or digits ("Mexico’s", "don't") is an apostrophe; so is ’ or '
  after white space ("’90s", "’til") and ‘ before a digit ("‘90s");
- a mark is an opener when white space, an opening bracket or dash, or another opener precedes
  it and a non-space follows; a closer in the mirror case; otherwise its glyph decides
  (“ ‘ « „ open, ” ’ » close, a straight " closes the open " or opens a new one);
- a closer matches the innermost open mark of its kind (double or single); the marks nested
  inside an outer pair belong to the outer quote's text, only the outermost pair is a quote;
- a single closer with no single opener is an apostrophe ("the countries’ leaders");
  a double closer with no opener is a stray mark, reported in ``stray``;
- at a paragraph end an outer quote still open continues when the next paragraph opens with a
  mark of the same kind (the newswire convention for multi-paragraph quotes); otherwise it is
  *unbalanced*: the text from the opener to the paragraph end is reported with
  ``unbalanced=True``, never stretched further by guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOUBLE = frozenset('"“”„«»')
SINGLE = frozenset("'‘’‚")
_MARKS = re.compile("[\"“”„«»'‘’‚\n]")
_OPEN_GLYPHS = frozenset("“„«‘‚")
_CLOSE_GLYPHS = frozenset("”»’")
_OPEN_CONTEXT = frozenset("([{—–-/“‘«„‚")
_CLOSE_CONTEXT = frozenset(".,;:!?)]}—–-…”’»")


@dataclass
class MarkedQuote:
    """One outermost quoted stretch: ``open``/``close`` are the marks' offsets (``close`` is
    the paragraph end for an unbalanced quote); ``start``/``end`` the trimmed content."""

    open: int
    close: int
    start: int
    end: int
    unbalanced: bool = False
    paragraphs: int = 1

    @property
    def outer_end(self) -> int:
        return self.close if self.unbalanced else self.close + 1


@dataclass
class MarkScan:
    quotes: list[MarkedQuote] = field(default_factory=list)
    stray: list[int] = field(default_factory=list)
    """Offsets of closing marks with no opener."""


def _role(text: str, i: int) -> str | None:
    """'open', 'close', or None (an apostrophe or an isolated mark)."""
    ch = text[i]
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    single = ch in SINGLE
    if single and prev.isalnum() and nxt.isalnum():
        return None
    if single and prev.isspace() and (nxt.isdigit() or ch == "’"):
        return None
    left_open = prev.isspace() or prev in _OPEN_CONTEXT
    right_open = nxt.isspace() or nxt in _CLOSE_CONTEXT
    if left_open and not right_open:
        return "open"
    if right_open and not left_open:
        return "close"
    if ch in _OPEN_GLYPHS:
        return "open"
    if ch in _CLOSE_GLYPHS:
        return "close"
    return "toggle" if not single else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip white space and a trailing comma from a quote's content."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


class _Scanner:
    """One pass over the marks of a text; see the module docstring for the rules."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[tuple[bool, int]] = []  # (is_double, offset)
        self.scan = MarkScan()
        self.skip: int = -1
        self.paragraphs = 1

    def run(self) -> MarkScan:
        for match in _MARKS.finditer(self.text):
            i = match.start()
            if i == self.skip:
                continue
            if self.text[i] == "\n":
                self._paragraph_end(i)
            else:
                self._mark(i)
        self._paragraph_end(len(self.text))
        return self.scan

    def _mark(self, i: int) -> None:
        double = self.text[i] in DOUBLE
        role = _role(self.text, i)
        if role == "toggle":
            role = "close" if any(d for d, _ in self.stack) else "open"
        if role == "open":
            self.stack.append((double, i))
        elif role == "close":
            self._close(double, i)

    def _close(self, double: bool, i: int) -> None:
        depth = next(
            (k for k in range(len(self.stack) - 1, -1, -1) if self.stack[k][0] == double), -1
        )
        if depth < 0:
            if double:
                self.scan.stray.append(i)
            return
        opener = self.stack[depth][1]
        del self.stack[depth:]
        if not self.stack:
            self._emit(opener, i, unbalanced=False)

    def _paragraph_end(self, i: int) -> None:
        if (
            i < len(self.text)
            and self.text[i] == "\n"
            and i + 1 < len(self.text)
            and self.text[i + 1] == "\n"
        ):
            return  # the paragraph ends at the last newline of a run
        if not self.stack:
            self.paragraphs = 1
            return
        double, opener = self.stack[0]
        nxt = i + 1
        if nxt < len(self.text) and self._reopens(nxt, double):
            self.stack = [(double, opener)]
            self.skip = nxt
            self.paragraphs += 1
            return
        end = i
        while end > opener + 1 and self.text[end - 1] == "\n":
            end -= 1
        self._emit(opener, end, unbalanced=True)
        self.stack = []

    def _reopens(self, i: int, double: bool) -> bool:
        ch = self.text[i]
        return (
            (ch in DOUBLE) == double and ch in (DOUBLE | SINGLE) and _role(self.text, i) != "close"
        )

    def _emit(self, opener: int, close: int, unbalanced: bool) -> None:
        start, end = _trim(self.text, opener + 1, close)
        if end > start and any(c.isalnum() for c in self.text[start:end]):
            self.scan.quotes.append(
                MarkedQuote(opener, close, start, end, unbalanced, self.paragraphs)
            )
        self.paragraphs = 1


def scan_marks(text: str) -> MarkScan:
    """The outermost quoted stretches of ``text``, in order."""
    return _Scanner(text).run()
