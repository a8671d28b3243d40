"""Per-article lookups shared by the quote finders: token and sentence by offset, quote spans."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .lexicon import QuoteLexicon
from .marks import MarkedQuote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..model import Actor
    from ..stage import Analysis


@dataclass
class Context:
    analysis: Analysis
    lexicon: QuoteLexicon
    marked: list[MarkedQuote]
    token_starts: list[int] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    outer_starts: list[int] = field(default_factory=list)
    speakers: list[Actor] = field(default_factory=list)
    """Speakers found so far, in text order: candidates for a later quote that stands alone."""
    cache: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        doc = self.doc
        self.token_starts = [t.idx for t in doc]
        self.sentences = list(doc.sents) if doc.has_annotation("SENT_START") or len(doc) else []
        self.sentence_starts = [s.start_char for s in self.sentences]
        self.outer_starts = [q.open for q in self.marked]

    @property
    def doc(self) -> Doc:
        return self.analysis.doc

    @property
    def text(self) -> str:
        return self.analysis.article.text

    @property
    def parsed(self) -> bool:
        return self.doc.has_annotation("DEP")

    def token_at(self, offset: int) -> Token | None:
        """The token that contains (or first follows) the character ``offset``."""
        if not self.token_starts:
            return None
        i = max(0, bisect_right(self.token_starts, offset) - 1)
        token = self.doc[i]
        if token.idx + len(token) <= offset and i + 1 < len(self.doc):
            token = self.doc[i + 1]
        return token

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """Tokens lying entirely inside [start, end)."""
        first = bisect_left(self.token_starts, start)
        out: list[Token] = []
        for i in range(first, len(self.doc)):
            token = self.doc[i]
            if token.idx >= end:
                break
            if token.idx + len(token) <= end:
                out.append(token)
        return out

    def sentence_index(self, offset: int) -> int | None:
        if not self.sentence_starts:
            return None
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def sentence_at(self, offset: int) -> Span | None:
        index = self.sentence_index(offset)
        return None if index is None else self.sentences[index]

    def quote_at(self, offset: int) -> MarkedQuote | None:
        """The direct quote whose marks enclose ``offset``, if any."""
        i = bisect_right(self.outer_starts, offset) - 1
        if i >= 0 and self.marked[i].open <= offset < self.marked[i].outer_end:
            return self.marked[i]
        return None

    def paragraph_bounds(self, offset: int) -> tuple[int, int]:
        text = self.text
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        return start, len(text) if end == -1 else end
