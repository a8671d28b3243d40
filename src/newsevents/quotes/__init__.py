"""The quotes stage: direct, indirect and mixed quotes, their speakers, and who says each event.

``run`` sets ``analysis.quotes`` and fills ``attribution`` and ``quote_ids`` of the events
stated inside a quote or a reported clause. Non-responses ("The White House did not respond")
go to ``analysis.scratch["quotes.non_responses"]`` as ``{actor, start, end, cue, rule}``; an
event the coder put on one is removed (listed in ``scratch["quotes.dropped_events"]``).
Comment requests ("reached out to X for comment") go to ``scratch["quotes.comment_requests"]``.
Stray closing marks are listed in ``scratch["quotes.stray_marks"]``. See docs/quotes.md.
"""

from __future__ import annotations

import hashlib

from ..config import Options
from ..model import Quote, Span
from ..pipeline import Analysis, Stage
from .attribution import (
    COMMENT_REQUESTS,
    DROPPED_EVENTS,
    NON_RESPONSES,
    attribute_events,
    events_in_non_responses,
    find_comment_requests,
    find_non_responses,
    mark_anonymous,
)
from .context import Context
from .direct import find_direct, merge_pull_quotes
from .found import Found
from .indirect import find_indirect
from .lexicon import load_lexicon
from .marks import scan_marks

__all__ = ["STAGE", "find_quotes", "quote_id", "run"]

STRAY_MARKS = "quotes.stray_marks"


def quote_id(article_id: str, start: int, end: int) -> str:
    """Stable: the same article and offsets give the same id."""
    return hashlib.sha256(f"{article_id}|quote|{start}|{end}".encode()).hexdigest()[:16]


def find_quotes(analysis: Analysis) -> tuple[Context, list[Found]]:
    """All quotes of the article, in text order, before they become records."""
    extra = analysis.options.extra
    lexicon = load_lexicon(
        tuple(extra.get("quote_cue_files", ())), tuple(extra.get("quote_phrase_files", ()))
    )
    scan = scan_marks(analysis.article.text)
    analysis.scratch[STRAY_MARKS] = scan.stray
    ctx = Context(analysis, lexicon, scan.quotes)
    direct = find_direct(ctx)
    indirect = find_indirect(ctx, direct)
    direct = merge_pull_quotes([q for q in direct if not q.weak], analysis.article.text)
    found = sorted(direct + indirect, key=lambda q: (q.start, q.end))
    for quote in found:
        mark_anonymous(ctx, quote)
    return ctx, found


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
        cue=found.cue,
        sentence_index=ctx.sentence_index(found.start),
        mentions=[Span(s, e) for s, e in mentions],
        unbalanced=found.unbalanced,
    )


def run(analysis: Analysis) -> None:
    ctx, found = find_quotes(analysis)
    analysis.quotes = [_record(analysis, ctx, q) for q in found]
    non_responses = find_non_responses(ctx)
    analysis.scratch[NON_RESPONSES] = non_responses
    analysis.scratch[COMMENT_REQUESTS] = find_comment_requests(ctx)
    dropped = events_in_non_responses(analysis.events, non_responses)
    if dropped:
        analysis.events = [e for e in analysis.events if all(e is not d for d in dropped)]
    analysis.scratch[DROPPED_EVENTS] = dropped
    attribute_events(
        analysis.events, [(r.id, q) for r, q in zip(analysis.quotes, found, strict=True)]
    )


def setup(nlp: object, options: Options) -> None:
    extra = options.extra
    load_lexicon(tuple(extra.get("quote_cue_files", ())), tuple(extra.get("quote_phrase_files", ())))


STAGE = Stage(
    "quotes", run, requires=("doc", "actors", "events"), assigns=("quotes", "attribution"),
    setup=setup,
)
