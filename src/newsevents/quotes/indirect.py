"""Indirect and mixed quotes: a cue verb's content clause ("X said (that) …", "X insisted that
…", "X told reporters …", "X reiterated her opposition to …") and "according to X, …".

The content span is the clause (or, for stance verbs, the object) without its "that" and edge
punctuation. A content clause that begins inside a direct quote is that quote's frame, not a
new quote. One that contains a direct quote is *mixed*: it absorbs the direct record.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from ..lexicons.wordclasses import word_class
from .context import Context
from .found import Found
from .phrase import in_dateline
from .speakers import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from .lexicon import Cue

_ACCORDING = re.compile(r"\baccording to\b", re.IGNORECASE)
_NOT_STATEMENT = frozenset({"whether", "if", "when", "why", "how", "what", "where", "who"})
_EDGE_WORDS = frozenset({"that"})
_EXPLETIVES = frozenset({"it", "there"})


def find_indirect(ctx: Context, direct: list[Found]) -> list[Found]:
    """Indirect and mixed quotes; a direct quote absorbed into a mixed one leaves ``direct``."""
    if not ctx.parsed:
        return []
    found: list[Found] = []
    for token in ctx.doc:
        cue = ctx.lexicon.cues.get(token.lemma_.lower())
        if cue is None or not cue.content or token.pos_ not in ("VERB", "AUX"):
            continue
        if ctx.quote_at(token.idx) is not None or any(c.dep_ == "neg" for c in token.children):
            continue
        quote = _from_cue(ctx, token, cue, direct)
        if quote is not None:
            found.append(quote)
    found.extend(_according_to(ctx, direct))
    return found


def _content_child(token: Token, cue: Cue) -> Token | None:
    for dep in cue.content:
        for child in token.children:
            if child.dep_ == dep and not _verbless_clause(child):
                return child
    return None


def _verbless_clause(child: Token) -> bool:
    """ "declared the ruling party's candidate the winner": a 'clause' headed by a noun with no
    verb is the verb's object and its complement, not content."""
    return child.dep_ == "ccomp" and child.pos_ in ("NOUN", "PROPN") and not any(
        c.pos_ in ("VERB", "AUX") for c in child.children)


def _inverted_content(ctx: Context, token: Token) -> tuple[int, int] | None:
    """ "X reported on Monday, citing …, that Y": parsed with Y's verb as the root and the cue
    as its ccomp; the content runs from the head's "that" (or the cue's phrase end) on."""
    head = token.head
    if (
        token.dep_ != "ccomp"
        or head.i <= token.i
        or "ccomp" not in ctx.lexicon.cues[token.lemma_.lower()].content
        or head.lemma_.lower() in ctx.lexicon.cues  # 'X warned …, Y said': Y's cue rules
    ):
        return None
    marks = [c for c in head.children if c.dep_ == "mark" and c.i > token.right_edge.i]
    left = marks[0].i + 1 if marks else token.right_edge.i + 1
    right = head.right_edge.i
    doc = ctx.doc
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    if right - left < 1 or not left <= head.i <= right:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


def _content_span(ctx: Context, child: Token) -> tuple[int, int] | None:
    doc = ctx.doc
    left, right = child.left_edge.i, child.right_edge.i
    while left < right and in_dateline(doc[left]):
        left += 1  # 'NAIROBI, June 26 (Wire) - Police detained …': the dateline is no content
    while left < right and (
        doc[left].is_punct or doc[left].is_space or doc[left].lower_ in _EDGE_WORDS
    ):
        left += 1
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    if doc[left].lower_ in _NOT_STATEMENT or right - left < 1:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


def _trailing_speaker(token: Token) -> Token | None:
    """ "Y will double its patrols, the country's defence secretary, Ramon Villanueva, said":
    parsed with the speaker as an apposition inside the content and the cue as a clause of
    its own with no subject. The head of that apposition chain is the speaker."""
    if token.dep_ not in ("advcl", "parataxis") or token.head.i >= token.i or any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj", "xcomp", "ccomp") for c in token.children):
        return None
    if any(c.dep_ == "prep" and not _frames_the_saying(c) for c in token.children):
        return None  # 'warning of further strikes': the cue has content of its own
    node = token.doc[token.i - 1]
    while node.i > token.sent.start and (node.is_punct or node.is_space):
        node = node.doc[node.i - 1]
    if node.pos_ not in ("PROPN", "NOUN"):
        return None
    while node.dep_ in ("compound", "flat") and node.head.i < token.i:
        node = node.head
    top = node
    while top.dep_ == "appos" and top.head.dep_ == "appos":
        top = top.head
    return top if top.dep_ == "appos" and top.head.i < top.i else None


def _frames_the_saying(prep: Token) -> bool:
    """'said on Monday', 'said in a statement': a preposition that only frames the saying."""
    return all(t.ent_type_ in ("DATE", "TIME") or t.lower_ in word_class("framing_nouns")
               for t in prep.children if t.dep_ == "pobj")




def _is_person(ctx: Context, head: Token) -> bool:
    """The apposition names a person (a titled role or a named one), not 'the second city'."""
    phrase = ctx.doc[head.left_edge.i : head.right_edge.i + 1]
    return any(a.kind == "person" and phrase.start_char <= a.start < phrase.end_char
               for a in ctx.analysis.actors)


def _trailing_content(ctx: Context, token: Token, speaker: Token) -> tuple[int, int] | None:
    doc = ctx.doc
    left, right = token.sent.start, speaker.left_edge.i - 1
    while right > left and (doc[right].is_punct or doc[right].is_space):
        right -= 1
    if right - left < 2:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


def _framed_content(token: Token, cue: Cue) -> Token | None:
    """ "X said in a statement that Y", "X said outside the courthouse that Y": Y parsed as a
    clause of the framing noun. A complementiser "that" (not a relative pronoun) and a subject
    of its own make it the content ("a statement that was posted online" is no content)."""
    if "ccomp" not in cue.content:
        return None
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            for clause in noun.rights:
                if clause.dep_ in ("acl", "relcl", "ccomp") and _complement_clause(clause):
                    return clause
    return None


def _complement_clause(clause: Token) -> bool:
    first = clause.left_edge
    if first.lower_ != "that" or first.tag_ != "IN":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i != first.i for c in clause.children)


def _through_relative_clause(ctx: Context, token: Token, span: tuple[int, int]) -> tuple[int, int]:
    """ "X, who said Y, has long campaigned": Y runs to the comma that closes the relative
    clause (a parse may end it early)."""
    if token.dep_ != "relcl" or token.head.i > token.i:
        return span
    verb = token.head.head
    if token.sent.root.pos_ not in ("VERB", "AUX"):
        return _before_main_verb(ctx, span)  # the sentence's own verb was parsed into Y
    if verb.i <= token.i or verb.pos_ not in ("VERB", "AUX"):
        return span
    doc = ctx.doc
    last = ctx.token_at(span[1] - 1)
    if last is None:
        return span
    for i in range(last.i + 1, verb.i):
        if doc[i].text == ",":
            if i - 1 > last.i:
                return span[0], doc[i - 1].idx + len(doc[i - 1])
            break
        if doc[i].text in (";", ":") or doc[i].is_space:
            break
    return span


def _before_main_verb(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    """ "X, who said Y, called for Z" parsed with "called" inside Y (and the sentence with no
    verb of its own): Y ends at the comma before a verb that has no subject."""
    tokens = ctx.tokens_between(*span)
    for before, token in pairwise(tokens):
        if (before.text == "," and token.pos_ == "VERB" and token.tag_ in ("VBD", "VBZ", "VBN")
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)):
            end = before.i - 1
            return span[0], ctx.doc[end].idx + len(ctx.doc[end])
    return span


def _across_semicolon(ctx: Context, token: Token, span: tuple[int, int]) -> bool:
    """ "A says Y; B denies": a clause before the cue beyond a semicolon is not its content."""
    return span[1] <= token.idx and ";" in ctx.text[span[1] : token.idx]


def _from_cue(ctx: Context, token: Token, cue: Cue, direct: list[Found]) -> Found | None:
    child = _content_child(token, cue) or _framed_content(token, cue)
    span = _content_span(ctx, child) if child is not None else _inverted_content(ctx, token)
    if span is not None and _across_semicolon(ctx, token, span):
        return None
    if span is not None:
        span = _through_relative_clause(ctx, token, span)
    subject = subject_of(token)
    trailing = _trailing_speaker(token) if span is None and child is None else None
    if trailing is not None and _is_person(ctx, trailing):
        span, subject = _trailing_content(ctx, token, trailing), trailing
    if span is None:
        return None
    span = _within_paragraph(ctx, token.idx, span)
    quote = _with_direct(ctx, span, direct)
    if quote is None:
        return None
    if subject is not None and not (subject.lower_ in _EXPLETIVES and subject.dep_ == "nsubjpass"):
        quote.speaker_head = subject.i
    quote.cue, quote.cue_kind, quote.rule = token.text.lower(), cue.kind, cue.id
    quote.cue_start, quote.cue_end = token.idx, token.idx + len(token)
    return quote


def _within_paragraph(ctx: Context, cue: int, span: tuple[int, int]) -> tuple[int, int]:
    """A parse that runs across a paragraph break is cut at the cue's paragraph."""
    lo, hi = ctx.paragraph_bounds(cue)
    start, end = max(span[0], lo), min(span[1], hi)
    return (start, end) if end > start else span


def _with_direct(ctx: Context, span: tuple[int, int], direct: list[Found]) -> Found | None:
    """An indirect quote over ``span``, mixed when it contains direct ones; None inside one."""
    start, end = span
    inside = [d for d in direct if d.outer and d.outer[0] < end and start < d.outer[1]]
    if any(d.outer and d.outer[0] <= start < d.outer[1] for d in inside):
        return None
    if not inside:
        return Found("indirect", start, end)
    end = max(end, *(d.outer[1] for d in inside if d.outer))
    for d in inside:
        direct.remove(d)
    if all(d.named for d in inside):  # a quoted title inside: still an indirect quote
        return Found("indirect", start, end)
    return Found("mixed", start, end, unbalanced=any(d.unbalanced for d in inside))


def _according_to(ctx: Context, direct: list[Found]) -> list[Found]:
    cue = ctx.lexicon.cues.get("according to")
    if cue is None:
        return []
    found: list[Found] = []
    for match in _ACCORDING.finditer(ctx.text):
        token = ctx.token_at(match.start())
        if token is None or token.lower_ != "according" or ctx.quote_at(match.start()) is not None:
            continue
        quote = _according_quote(ctx, token, direct)
        if quote is not None:
            quote.cue, quote.rule = "according to", cue.id
            quote.cue_kind = quote.cue_kind or cue.kind
            quote.cue_start, quote.cue_end = match.start(), match.end()
            found.append(quote)
    return found


def _according_quote(ctx: Context, token: Token, direct: list[Found]) -> Found | None:
    sentence = token.sent
    phrase_start, phrase_end = token.left_edge.i, token.right_edge.i + 1
    span = _longer_side(ctx, sentence, phrase_start, phrase_end)
    if span is None:
        return None
    quote = _with_direct(ctx, span, direct)
    if quote is None:
        return None
    outlet = _report_outlet(ctx, ctx.doc[phrase_start:phrase_end])
    if outlet is not None:
        quote.speaker_head = outlet.i
        quote.cue_kind = "reporting"
        return quote
    to = ctx.doc[token.i + 1] if token.i + 1 < len(ctx.doc) else None
    objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
    if objects:
        quote.speaker_head = objects[0].i
    return quote


def _report_outlet(ctx: Context, phrase: Span) -> Token | None:
    """ "according to a report in X": the head of X."""
    for pattern in ctx.lexicon.of_kind("reporting"):
        match = pattern.pattern.search(phrase.text)
        if match is None:
            continue
        rest = [t for t in phrase if t.idx >= phrase.start_char + match.end()]
        names = [t for t in rest if t.pos_ in ("PROPN", "NOUN")]
        if names:
            return names[0]
    return None


def _longer_side(ctx: Context, sentence: Span, start: int, end: int) -> tuple[int, int] | None:
    """The sentence to the left or right of the "according to" phrase, whichever is longer."""
    doc = ctx.doc
    sides = [(sentence.start, start), (end, sentence.end)]
    best: tuple[int, int] | None = None
    for left, right in sides:
        right -= 1
        while left <= right and (doc[left].is_punct or doc[left].is_space):
            left += 1
        while right >= left and (doc[right].is_punct or doc[right].is_space):
            right -= 1
        if right - left >= 2 and (best is None or right - left > best[1] - best[0]):
            best = (left, right)
    if best is None:
        return None
    return doc[best[0]].idx, doc[best[1]].idx + len(doc[best[1]])
