"""Parse windows: bounded memory for any accepted text.

spaCy's memory grows with the text it is given at once, so a long article is parsed in
windows of whole paragraphs (``Options.chunk_chars`` characters at most) that are joined into
one ``Doc`` with ``Doc.from_docs``: every later stage sees one Doc per article, its offsets
those of the text, and keeps the article-wide state (coreference, merging, one place per name)
it needs. An article that fits in one window (nearly all: the longest of the dev sets is
6,300 characters) is parsed in one call, exactly as before windows.

A text without sentence structure (a long run of words with no sentence end and no line break:
word salad, a keyword dump, a table flattened into one line) is refused with
``NoSentencesError``: the parser would cut it into arbitrary "sentences" and code events from
them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .errors import NoSentencesError
from .text import find_dateline

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "DATELINE_END_KEY",
    "MAX_SENTENCE_CHARS",
    "find_run_without_sentences",
    "paragraph_windows",
    "parse_windows",
    "refuse_without_sentences",
]

MAX_SENTENCE_CHARS = 5_000
"""A text with a longer run of characters without a sentence end (. ! ?) or a line break is
refused. The longest such run in the dev sets (samples, seed, PLOVER GSR dev, MEANTIME) is
448 characters; the longest sentences of news copy stay under 1,500."""

DATELINE_END_KEY = "newsevents_dateline_end"
"""``Doc.user_data`` key the segmenter reads in a window: where the article's dateline ends,
relative to the window (None: not in this window); removed before the windows are joined."""

_SENTENCE_END = re.compile(r"[.!?\n]")
_LINE_START = re.compile(r"\n(?=\S)")
_AFTER_SENTENCE = re.compile(r"[.!?][\"'”’»)\]]* (?=\S)")
_AFTER_SPACE = re.compile(r" (?=\S)")


def find_run_without_sentences(text: str, limit: int = MAX_SENTENCE_CHARS) -> tuple[int, int] | None:
    """The first run of more than ``limit`` characters without a sentence end or a line
    break, as (start, end) offsets; None when every run is shorter."""
    start = 0
    for end in _run_ends(text):
        if end - start > limit:
            return start, end
        start = end + 1
    return None


def _run_ends(text: str) -> Iterator[int]:
    for match in _SENTENCE_END.finditer(text):
        yield match.start()
    yield len(text)


def refuse_without_sentences(text: str, source: str | None,
                             limit: int = MAX_SENTENCE_CHARS) -> None:
    """Raise ``NoSentencesError`` when ``text`` has a run longer than ``limit`` without a
    sentence end or a line break."""
    run = find_run_without_sentences(text, limit)
    if run is None:
        return
    start, end = run
    raise NoSentencesError(
        f"no sentence structure: {end - start:,} characters from offset {start:,} without a "
        f"sentence end (. ! ?) or a line break (at most {limit:,} are taken); newsevents codes "
        "prose in sentences: put the text's sentences or lines back (a table or keyword list "
        "flattened into one line), or leave this input out",
        source=source,
    )


def paragraph_windows(text: str, size: int) -> list[tuple[int, int]]:
    """Cut ``text`` into windows of at most ``size`` characters, as (start, end) offsets that
    cover it exactly: after a line break when one falls in the window's second half, else
    after a sentence end, else after a space, else at ``size``."""
    if size < 2:
        raise ValueError(f"a parse window must hold at least 2 characters, not {size}")
    windows: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = _cut(text, start + size // 2, start + size)
        windows.append((start, end))
        start = end
    windows.append((start, len(text)))
    return windows


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end a window that must end in (lo, hi]: the last good cut there."""
    for pattern in (_LINE_START, _AFTER_SENTENCE, _AFTER_SPACE):
        cut = -1
        for match in pattern.finditer(text, lo, hi + 1):
            if match.end() <= hi:
                cut = match.end()
        if cut > lo:
            return cut
    return hi


def parse_windows(nlp: Language, text: str, windows: list[tuple[int, int]]) -> Doc:
    """Parse each window on its own (one at a time, so only one window's parse state is held)
    and join them into one Doc whose text is ``text``."""
    import numpy
    from spacy.tokens import Doc

    no_tensor = numpy.zeros((0, 0), dtype="float32")
    dateline = None if (found := find_dateline(text)) is None else found.end
    parsed: list[Doc] = []
    for doc in nlp.pipe(_window_docs(nlp, text, windows, dateline), batch_size=1):
        del doc.user_data[DATELINE_END_KEY]
        doc.tensor = no_tensor  # 4 bytes × width per token, and no stage reads it
        parsed.append(doc)
    return Doc.from_docs(parsed, ensure_whitespace=False)


def _window_docs(nlp: Language, text: str, windows: list[tuple[int, int]],
                 dateline: int | None) -> Iterator[Doc]:
    """Each window tokenised, told where the article's dateline ends in it (if it does)."""
    for start, end in windows:
        doc = nlp.make_doc(text[start:end])
        doc.user_data[DATELINE_END_KEY] = _relative(dateline, start, end)
        yield doc


def _relative(position: int | None, start: int, end: int) -> int | None:
    return position - start if position is not None and start <= position < end else None
