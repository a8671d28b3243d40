"""Who says so: anonymity of a quote's source, the attribution of events, non-responses.

An event is stated inside a quote when its trigger offset lies inside a direct quote's text or
an indirect quote's content. The innermost quote gives the speaker and the cue; every
enclosing quote whose cue is a reporting one ("X first reported that …", "according to a
report in X") adds X to ``reported_by`` (with a reporting cue the speaker is the outlet, so
``attribution.speaker`` stays null unless a person is quoted inside); an anonymity phrase in
the attributing sentence, or an unnamed speaker ("officials said"), sets ``anonymous``.

"X did not respond to a request for comment" is a non-response: recorded in
``QuoteFindings.non_responses``, never a quote and never an event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import Actor, Attribution, Event
from ..spans import SpanIndex
from .context import Context
from .findings import Said
from .found import Found
from .speakers import noun_phrase, speaker_actor, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Token

_CONTEXT_CHARS = 300


def mark_anonymous(ctx: Context, quote: Found) -> None:
    """Set ``anonymous`` from the attributing sentence (outside the content) or the speaker."""
    if quote.cue_start is None:
        return
    sentence = ctx.sentence_at(quote.cue_start)
    if sentence is not None:
        lo, hi = sentence.start_char, sentence.end_char
        if quote.outer is not None:
            lo, hi = min(lo, quote.outer[1]), max(hi, quote.outer[0])
        for phrase in ctx.lexicon.of_kind("anonymity"):
            for match in phrase.pattern.finditer(ctx.text, lo, hi):
                if not (quote.start <= match.start() < quote.end):
                    quote.anonymous = True
                    return
    quote.anonymous = _unnamed(ctx, quote.speaker)


def _unnamed(ctx: Context, speaker: Actor | None) -> bool:
    """ "officials said", "a source said": a speaker whose head is generic and who has no name."""
    if speaker is None or speaker.kind == "person":
        return False
    words = speaker.text.lower().split()
    return bool(words) and words[-1] in ctx.lexicon.anonymous_heads


def attribute_events(events: list[Event], quotes: list[tuple[str, Found]]) -> dict[int, Said]:
    """Who says each event stated inside quotes, by the event's index."""
    said: dict[int, Said] = {}
    by_offset = SpanIndex([(n, qid, q) for n, (qid, q) in enumerate(quotes)],
                          lambda entry: (entry[2].start, entry[2].end))
    for k, event in enumerate(events):
        if not event.evidence:
            continue
        offset = event.evidence[0].trigger.start
        enclosing = [(qid, q) for _, qid, q in sorted(
            by_offset.covering(offset), key=lambda e: (e[2].end - e[2].start, e[0]))]
        if enclosing:
            said[k] = Said([qid for qid, _ in enclosing],
                           _attribution([q for _, q in enclosing]))
    return said


def _attribution(enclosing: list[Found]) -> Attribution:
    """Innermost first: the first non-reporting speaker, every reporting outlet."""
    innermost = enclosing[0]
    reported_by: list[str] = []
    speaker: Actor | None = None
    for quote in enclosing:
        if quote.cue_kind == "reporting":
            name = _outlet_name(quote.speaker)
            if name and name not in reported_by:
                reported_by.append(name)
        elif speaker is None and quote.speaker is not None:
            speaker = quote.speaker
    return Attribution(
        speaker=speaker,
        reported_by=reported_by,
        anonymous=any(q.anonymous for q in enclosing),
        cue=innermost.cue,
        start=innermost.cue_start,
        end=innermost.cue_end,
    )


def _outlet_name(actor: Actor | None) -> str | None:
    """An outlet as the text names it ("The Wall Street Journal"), else its canonical name."""
    if actor is None:
        return None
    return actor.text if actor.text and actor.text[:1].isupper() else actor.name


def find_non_responses(ctx: Context) -> list[dict[str, Any]]:
    """Every "X did not respond (to a request for comment)" / "X declined to comment"."""
    found: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    for phrase in ctx.lexicon.of_kind("non_response"):
        for match in phrase.pattern.finditer(ctx.text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken) or ctx.quote_at(start) is not None:
                continue
            if phrase.context is not None and not _has_context(ctx, phrase.context, start, end):
                continue
            taken.append((start, end))
            found.append(
                {
                    "actor": _subject_actor(ctx, start),
                    "start": start,
                    "end": end,
                    "cue": match.group(0),
                    "rule": phrase.id,
                }
            )
    return sorted(found, key=lambda r: r["start"])


def find_comment_requests(ctx: Context) -> list[dict[str, Any]]:
    """ "X reached out to Y for comment", "Y was asked to comment": journalism, not events."""
    return [
        {"start": m.start(), "end": m.end(), "cue": m.group(0), "rule": phrase.id}
        for phrase in ctx.lexicon.of_kind("comment_request")
        for m in phrase.pattern.finditer(ctx.text)
        if ctx.quote_at(m.start()) is None
    ]


def _has_context(ctx: Context, pattern: Any, start: int, end: int) -> bool:
    sentence = ctx.sentence_at(start)
    lo = max(0, (sentence.start_char if sentence is not None else start) - _CONTEXT_CHARS)
    hi = sentence.end_char if sentence is not None else end
    return pattern.search(ctx.text, lo, hi) is not None


def _subject_actor(ctx: Context, start: int) -> Actor | None:
    token = ctx.token_at(start)
    if token is None or not ctx.parsed:
        return None
    for verb in (token, token.head):
        subject = _subject(verb)
        if subject is not None:
            return speaker_actor(ctx, noun_phrase(ctx, subject))
    return None


def _subject(verb: Token) -> Token | None:
    return subject_of(verb)


def events_in_non_responses(
    events: list[Event], non_responses: list[dict[str, Any]]
) -> frozenset[int]:
    """Indices of the events whose trigger lies inside a non-response: never events."""
    spans = [(r["start"], r["end"]) for r in non_responses]
    return frozenset(
        k
        for k, e in enumerate(events)
        if e.evidence and any(s <= e.evidence[0].trigger.start < t for s, t in spans)
    )
