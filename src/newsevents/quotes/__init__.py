"""The quotes stage: direct, indirect and mixed quotes, their speakers, and who says each event.

``run`` finds the ``quotes`` and, in ``quote_findings``, who says each event mention stated
inside a quote or a reported clause (its ``attribution`` and ``quote_ids``, applied by the merge
stage). Non-responses ("The White House did not respond") are recorded as
``{actor, start, end, cue, rule}``; a mention the coder put on one is ``silenced`` (never an
event). Comment requests ("reached out to X for comment") and stray closing marks are recorded
too. See docs/quotes.md.
"""

from __future__ import annotations

import hashlib

from ..config import Options
from ..model import Quote, Span
from ..stage import Analysis, Stage
from .attribution import (
    attribute_events,
    events_in_non_responses,
    find_comment_requests,
    find_non_responses,
    mark_anonymous,
)
from .context import Context
from .direct import find_direct, merge_pull_quotes
from .findings import QuoteFindings
from .found import Found
from .indirect import find_indirect
from .lexicon import load_lexicon
from .marks import scan_marks
from .resolve import resolve_speakers

__all__ = ["STAGE", "find_quotes", "quote_id", "run"]

def quote_id(article_id: str, start: int, end: int) -> str:
    """Stable: the same article and offsets give the same id."""
    return hashlib.sha256(f"{article_id}|quote|{start}|{end}".encode()).hexdigest()[:16]


def find_quotes(analysis: Analysis) -> tuple[Context, list[Found], list[int]]:
    """All quotes of the article, in text order, before they become records; stray marks."""
    extra = analysis.options.extra
    lexicon = load_lexicon(
        tuple(extra.get("quote_cue_files", ())), tuple(extra.get("quote_phrase_files", ()))
    )
    scan = scan_marks(analysis.article.text)
    ctx = Context(analysis, lexicon, scan.quotes)
    direct = find_direct(ctx)
    indirect = find_indirect(ctx, direct)
    direct = merge_pull_quotes([q for q in direct if not q.weak], analysis.article.text)
    found = sorted(direct + indirect, key=lambda q: (q.start, q.end))
    resolve_speakers(ctx, found)
    for quote in found:
        mark_anonymous(ctx, quote)
    return ctx, found, scan.stray


def _record(analysis: Analysis, ctx: Context, found: Found) -> Quote:
    text = analysis.article.text
    mentions = found.mentions or [(found.start, found.end)]
    return Quote(
        id=quote_id(analysis.article.id, found.start, found.end),
        article_id=analysis.article.id,
        kind=found.kind,
        text=text[found.start : found.end],
        start=found.start,
        end=found.end,
        speaker=found.speaker,
        speaker_basis=found.speaker_basis,
        cue=found.cue,
        sentence_index=ctx.sentence_index(found.start),
        mentions=[Span(s, e) for s, e in mentions],
        unbalanced=found.unbalanced,
    )


def run(analysis: Analysis) -> dict[str, object]:
    ctx, found, stray = find_quotes(analysis)
    quotes = [_record(analysis, ctx, q) for q in found]
    non_responses = find_non_responses(ctx)
    findings = QuoteFindings(
        said=attribute_events(analysis.mentions,
                              [(r.id, q) for r, q in zip(quotes, found, strict=True)]),
        silenced=events_in_non_responses(analysis.mentions, non_responses),
        non_responses=non_responses,
        comment_requests=find_comment_requests(ctx),
        stray_marks=stray,
    )
    return {"quotes": quotes, "quote_findings": findings}


def setup(nlp: object, options: Options) -> None:
    extra = options.extra
    load_lexicon(tuple(extra.get("quote_cue_files", ())), tuple(extra.get("quote_phrase_files", ())))


STAGE = Stage(
    "quotes", run, requires=("doc", "actors", "actor_index", "mentions"),
    assigns=("quotes", "quote_findings"), setup=setup,
)
