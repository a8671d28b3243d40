"""The words of a speaker: its noun phrase, cut to what names it.

A speaker's phrase never reaches back into the dateline ("KHARTOUM, Feb 4 (Wire) – Sudan's
army said"); a proper name runs on through its capitalised complement ("the Institute for
Mining Accountability and Environmental Justice"); a description keeps its "for/of/at"
complement but not a list ("Foreign ministers of a dozen countries including Germany, …").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons.wordclasses import word_class
from ..text import dateline_end
from .context import Context

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_NP_DEPS = frozenset({"compound", "flat", "amod", "nmod"})
_BOUNDARIES = frozenset({")", "(", "–", "—", ":", ";", "|"})
_NAME_LINKS = frozenset({"of", "for", "on"})
_NAME_JOINERS = frozenset({"of", "for", "on", "and", "&", "the", "-", "'s", "’s"})
_DESCRIBED_PREPS = frozenset({"for", "of", "at"})


def noun_phrase(ctx: Context, token: Token) -> Span:
    """The noun phrase headed by ``token`` (its left dependents and the compounds it heads),
    never reaching into the dateline or across a bracket or a dash."""
    head = token
    while head.dep_ in _NP_DEPS and head.head.i != head.i and head.head.i > head.i:
        head = head.head
    start = max(head.left_edge.i, _left_floor(ctx, head))
    while start < head.i and (
        ctx.doc[start].is_punct
        or ctx.doc[start].is_space
        or ctx.quote_at(ctx.doc[start].idx) is not None
    ):
        start += 1
    return ctx.doc[start : head.i + 1]


def _left_floor(ctx: Context, head: Token) -> int:
    """The first token a phrase ending at ``head`` may start with: after the paragraph's
    dateline and after the last bracket or dash before the head."""
    doc = ctx.doc
    para_start, _ = ctx.paragraph_bounds(head.idx)
    floor = head.left_edge.i
    end = dateline_end(ctx.text[para_start : para_start + 200])
    if end is not None and para_start + end <= head.idx:
        while floor < head.i and doc[floor].idx < para_start + end:
            floor += 1
    for i in range(head.i - 1, floor - 1, -1):
        if doc[i].text in _BOUNDARIES or (doc[i].text == "-" and doc[i].whitespace_):
            return i + 1
    return floor


DATELINE_TOKENS = 30
"""A dateline lies within its paragraph's first tokens."""


def in_dateline(token: Token) -> bool:
    """The token lies in its paragraph's dateline ("KHARTOUM, Feb 4 (Wire) –")."""
    doc = token.doc
    start = token.i
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
        if token.i - start > DATELINE_TOKENS:
            return False
    end = dateline_end(doc[start : min(len(doc), start + DATELINE_TOKENS * 2)].text)
    return end is not None and token.idx < doc[start].idx + end


def name_extension(span: Span) -> Span:
    """ "the Institute for Mining Accountability and Environmental Justice": a capitalised
    head runs on through an "of/for/on" complement whose words are capitalised."""
    root = span.root
    doc = span.doc
    if not root.text[:1].isupper() or span.end >= len(doc) or doc[span.end].lower_ not in _NAME_LINKS:
        return span
    end = span.end
    i = span.end
    while i < len(doc) and i <= root.right_edge.i:
        token = doc[i]
        if token.text[:1].isupper() and not token.is_punct:
            end = i + 1
        elif token.lower_ not in _NAME_JOINERS:
            break
        i += 1
    return doc[span.start : end] if end > span.end else span


def described_span(span: Span) -> Span:
    """The speaker's phrase with its 'for/of/at' complement ('a spokesman for the ministry'),
    cut before a list ('… of a dozen countries including Germany')."""
    end = span.end
    for child in span.root.rights:
        if child.dep_ == "prep" and child.lower_ in _DESCRIBED_PREPS:
            end = max(end, child.right_edge.i + 1)
    return _cut_list(_cut_clause(span.doc[span.start : end]))


def _cut_clause(span: Span) -> Span:
    """ "Members of search collectives, who had gathered outside": no clause after a comma."""
    doc = span.doc
    for token in span:
        if (token.i >= span.root.i and token.text == "," and token.i + 1 < span.end
                and doc[token.i + 1].tag_ in ("WP", "WDT")):
            return doc[span.start : token.i]
    return span


def _cut_list(span: Span) -> Span:
    openers = word_class("list_openers")
    doc = span.doc
    for token in span:
        if token.i == span.start:
            continue
        starts_list = token.lower_ in openers or (
            token.lower_ == "such" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "as")
        if starts_list:
            end = token.i
            while end > span.start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            return doc[span.start : end]
    return span


def display_name(span: Span) -> str:
    """The phrase as a name: no leading determiner and no 'X-based' ('the Singapore-based
    Institute …' is 'Institute …')."""
    doc = span.doc
    start = span.start
    if start < span.end - 1 and doc[start].dep_ == "det" and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    for i in range(start, min(span.end - 1, start + 4)):
        if doc[i].lower_ == "based" and i > start and doc[i - 1].text == "-":
            start = i + 1
    return doc[start : span.end].text


def strip_article(name: str) -> str:
    """ "The U.S. Embassy" is "U.S. Embassy"; a two-word name keeps it ("The Economist")."""
    words = name.split()
    if len(words) >= 3 and words[0] in ("The", "the"):
        return " ".join(words[1:])
    return name
