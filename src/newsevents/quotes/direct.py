"""Direct quotes: the marked stretches of ``marks.scan_marks`` with their cue and speaker.

The speaker comes from the attribution clause after the quote (up to the sentence end, the
paragraph end or the next quote; a quote that closes a sentence begun before it has none), else
the one before it ("She told reporters: “…”"). A quote split by its attribution ("“We can
share,” she said, “but…”") is two records with the same speaker: each fragment's text is
exactly the text at its offsets. A quote with no cue takes the subject of the clause that
introduces it with a colon, else (``resolve.py``) the nearest person before it; a short one
(under four words) with no cue is a scare quote or a title ("the so-called “reciprocal”
tariffs") and is kept only inside an indirect quote. Speakers are left as the head token of
their words (``Found.speaker_head``) for ``resolve.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .context import Context
from .found import Found, fold
from .lexicon import Cue
from .marks import MarkedQuote
from .speakers import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

MIN_STANDALONE_WORDS = 4
MIN_PULL_WORDS = 4
_VERB_POS = frozenset({"VERB", "AUX"})
_NOUN_POS = frozenset({"PROPN", "NOUN", "PRON"})


def find_direct(ctx: Context) -> list[Found]:
    return [_attribute(ctx, i, q) for i, q in enumerate(ctx.marked)]


def _attribute(ctx: Context, index: int, quote: MarkedQuote) -> Found:
    found = Found(
        "direct",
        quote.start,
        quote.end,
        unbalanced=quote.unbalanced,
        outer=(quote.open, quote.outer_end),
    )
    if _named(ctx, quote):
        found.weak = found.named = True  # 'a report titled "Guns and Butter"': a name
        return found
    hit = _cue_after(ctx, index, quote) or _cue_before(ctx, index, quote)
    if hit is not None:
        cue_token, cue, speaker_token = hit
        found.cue, found.cue_kind, found.rule = cue_text(cue_token, cue), cue.kind, cue.id
        found.cue_start, found.cue_end = cue_token.idx, cue_token.idx + len(cue_token)
        if speaker_token is not None:
            found.speaker_head = speaker_token.i
        found.weak = found.speaker_head is None and _short(ctx.text[quote.start : quote.end])
    elif _short(ctx.text[quote.start : quote.end]):
        found.weak = True
    else:
        introducing = _introducing_subject(ctx, quote)
        if introducing is not None:
            found.speaker_head, found.speaker_basis = introducing.i, "introducing-clause"
    return found


def _introducing_subject(ctx: Context, quote: MarkedQuote) -> Token | None:
    """ "The minister also endorsed the president's claim: “…”": the subject of the clause
    that a colon ends right before the quote."""
    before = ctx.text[: quote.open].rstrip()
    if not before.endswith(":") or not ctx.parsed:
        return None
    colon = ctx.token_at(len(before) - 1)
    if colon is None or colon.text != ":":
        return None
    for token in reversed(list(colon.sent)):
        if token.i >= colon.i or token.pos_ not in _VERB_POS:
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and ctx.quote_at(subjects[0].idx) is None:
            return subjects[0]
    return None


NAMING_WINDOW = 30
"""Characters before a quote's opening mark searched for a naming word."""


def _named(ctx: Context, quote: MarkedQuote) -> bool:
    """The quote follows a naming word of the lexicon ('titled', 'so-called', 'known as')
    that no one utters: 'what he called "a betrayal"' is his quote, 'a report titled "…"' a
    name."""
    offset = max(0, quote.open - NAMING_WINDOW)
    before = ctx.text[offset : quote.open].rstrip()
    for phrase in ctx.lexicon.of_kind("naming"):
        for match in phrase.pattern.finditer(before):
            if match.end() == len(before) and not _said_by_someone(ctx, offset + match.start()):
                return True
    return False


def _said_by_someone(ctx: Context, offset: int) -> bool:
    token = ctx.token_at(offset)
    return token is not None and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def cue_text(token: Token, cue: Cue) -> str:
    return "according to" if cue.kind == "according" else token.text.lower()


def _after_frame(ctx: Context, index: int, quote: MarkedQuote) -> tuple[int, int]:
    start = quote.outer_end
    _, end = ctx.paragraph_bounds(min(start, len(ctx.text) - 1)) if ctx.text else (0, 0)
    if index + 1 < len(ctx.marked):
        end = min(end, ctx.marked[index + 1].open)
    token = ctx.token_at(start)
    if token is not None and token.idx < end:
        if token.is_sent_start and _inside_a_sentence(ctx, quote):
            return start, start  # 'accused X of “….” In a message, it said …': not this one's
        end = min(end, token.sent.end_char)
    return start, max(start, end)


def _inside_a_sentence(ctx: Context, quote: MarkedQuote) -> bool:
    """The quote's sentence began before its opening mark (words of the frame before it)."""
    opening = ctx.token_at(quote.open)
    if opening is None:
        return False
    first = opening.sent.start_char
    return bool(ctx.text[first : quote.open].strip())


def _before_frame(ctx: Context, index: int, quote: MarkedQuote) -> tuple[int, int]:
    end = quote.open
    start, _ = ctx.paragraph_bounds(end)
    if index > 0:
        start = max(start, ctx.marked[index - 1].outer_end)
    token = ctx.token_at(end - 1) if end else None
    if token is not None and token.idx >= start:
        start = max(start, token.sent.start_char)
    return min(start, end), end


def _cue_after(
    ctx: Context, index: int, quote: MarkedQuote
) -> tuple[Token, Cue, Token | None] | None:
    start, end = _after_frame(ctx, index, quote)
    tokens = [t for t in ctx.tokens_between(start, end) if not (t.is_punct or t.is_space)]
    for position, token in enumerate(tokens):
        hit = _cue_hit(ctx, token)
        if hit is None:
            continue
        cue, speaker = hit
        if speaker is None and position == 0 and cue.kind != "according":
            speaker = _inverted_subject(tokens[1:])
        return token, cue, speaker
    return None


def _cue_before(
    ctx: Context, index: int, quote: MarkedQuote
) -> tuple[Token, Cue, Token | None] | None:
    start, end = _before_frame(ctx, index, quote)
    for token in reversed(ctx.tokens_between(start, end)):
        hit = _cue_hit(ctx, token)
        if hit is not None:
            return token, hit[0], hit[1]
    return None


def _cue_hit(ctx: Context, token: Token) -> tuple[Cue, Token | None] | None:
    """The cue this token starts and the head of its speaker, or None."""
    lexicon = ctx.lexicon
    if (
        token.lower_ == "according"
        and token.i + 1 < len(token.doc)
        and token.doc[token.i + 1].lower_ == "to"
    ):
        cue = lexicon.cues.get("according to")
        if cue is None:
            return None
        objects = [c for c in token.doc[token.i + 1].children if c.dep_ == "pobj"]
        return cue, objects[0] if objects else _inverted_subject(
            list(token.doc[token.i + 2 : token.i + 6])
        )
    cue = lexicon.cues.get(token.lemma_.lower())
    if _so_called(token):
        return None
    if (
        cue is None
        or cue.kind == "according"
        or not (token.pos_ in _VERB_POS or token.tag_.startswith("VB"))
    ):
        return None
    subject = subject_of(token) if ctx.parsed else None
    if subject is not None and ctx.quote_at(subject.idx) is not None:
        subject = None
    return cue, subject


def _so_called(token: Token) -> bool:
    """ "so-called": a scare quote's marker, not a cue."""
    doc = token.doc
    return (
        (token.lower_ == "called"
        and token.i >= 2
        and doc[token.i - 1].text == "-"
        and doc[token.i - 2].lower_ == "so")
        or token.lower_ == "so-called"
    )


def _inverted_subject(tokens: list[Token]) -> Token | None:
    """ "…,” said Sheinbaum": the first noun after the cue."""
    for token in tokens:
        if token.pos_ in _NOUN_POS:
            head = token
            while head.dep_ in ("compound", "flat") and head.head.i > head.i:
                head = head.head
            return head
        if token.pos_ not in ("DET", "ADJ", "PROPN"):
            return None
    return None


def _short(text: str) -> bool:
    return _words(text) < MIN_STANDALONE_WORDS or _title_like(text)


def _words(text: str) -> int:
    return len(text.split())


def _title_like(text: str) -> bool:
    """ "The Art of the Deal": most long words capitalised and no sentence punctuation."""
    words = [w for w in text.split() if len(w) > 3]
    if not words or any(c in text for c in ".!?,;:") or _words(text) > 8:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.7


def merge_pull_quotes(quotes: list[Found], text: str) -> list[Found]:
    """A quote repeated elsewhere (a pull quote) is one record: the longer text, both spans."""
    folded = [fold(text[q.start : q.end]) for q in quotes]
    dropped: set[int] = set()
    for i, short in enumerate(quotes):
        if short.kind != "direct" or _words(folded[i]) < MIN_PULL_WORDS:
            continue
        for j, body in enumerate(quotes):
            if i == j or j in dropped or body.kind != "direct" or folded[i] not in folded[j]:
                continue
            if len(folded[i]) == len(folded[j]) and i > j:
                continue  # the same text twice: keep the later (the body's) copy
            body.mentions = sorted(
                {*(body.mentions or [(body.start, body.end)]), (short.start, short.end)}
            )
            if body.cue is None and short.speaker_head is not None:
                body.speaker_head, body.speaker_basis = short.speaker_head, short.speaker_basis
            dropped.add(i)
            break
    return [q for k, q in enumerate(quotes) if k not in dropped]
