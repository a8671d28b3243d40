"""The merge stage, where the article's events are assembled: each event mention with what
the quotes stage (who says it) and the places stage (where) found about it, first-person
sources inside quotes replaced by the speaker, and one event stated several times merged into
one event with several evidence mentions. The only stage that makes the final Event records;
it never changes the mentions it reads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from .events.anchoring import trigger_token
from .events.coder import REACTION_TYPES, last_counterpart, protested_government
from .model import Actor, Event
from .stage import Analysis, Stage, StageContractError

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .places import EventPlace
    from .quotes.findings import Said

PRECISION_RANK = {"time": 0, "day": 1, "week": 2, "month": 3, "quarter": 4, "season": 5,
                  "year": 6, "decade": 7, "century": 8}
FIRST_PERSON_RULE = "actors:first-person"


def replace_first_person(event: Event) -> None:
    """'We will never accept…', said by Sheinbaum: the source is Sheinbaum's side."""
    speaker = event.attribution.speaker
    for side in (event.source, event.target):
        for k, actor in enumerate(side):
            if actor.rule == FIRST_PERSON_RULE and speaker is not None:
                side[k] = Actor(actor.text, actor.start, actor.end, name=speaker.name,
                                kind=speaker.kind, country=speaker.country,
                                sector=speaker.sector, title=speaker.title,
                                kb_id=speaker.kb_id, rule=f"{FIRST_PERSON_RULE}#speaker",
                                cluster=speaker.cluster)
    event.source = [a for a in event.source if a.rule != FIRST_PERSON_RULE]
    event.target = [a for a in event.target if a.rule != FIRST_PERSON_RULE]


def _speaker_reaction_untargeted(event: Event) -> bool:
    return (event.type in REACTION_TYPES and not event.target and bool(event.source)
            and all(a.rule == f"{FIRST_PERSON_RULE}#speaker" for a in event.source))


def _speaker_unknown(event: Event) -> bool:
    """Only first-person sources with no speaker to stand for them: nobody acts."""
    return (bool(event.source) and event.attribution.speaker is None
            and all(a.rule == FIRST_PERSON_RULE for a in event.source))


def _side_key(actors: list[Actor]) -> frozenset[str]:
    return frozenset(a.country or a.name or a.text for a in actors)


def _merge_key(event: Event) -> tuple[object, ...]:
    return (event.type, event.polarity, event.modality, _side_key(event.source))


def _targets_compatible(a: Event, b: Event) -> bool:
    """The same targets, or one mention that leaves the target unsaid ('We reject it')."""
    ta, tb = _side_key(a.target), _side_key(b.target)
    return ta == tb or not ta or not tb


def _interval(event: Event) -> tuple[str, str] | None:
    if event.date.basis == "publication" or not event.date.earliest or not event.date.latest:
        return None
    return event.date.earliest, event.date.latest


def dates_compatible(a: Event, b: Event) -> bool:
    ia, ib = _interval(a), _interval(b)
    if ia is None or ib is None:
        return True
    return ia[0] <= ib[1] and ib[0] <= ia[1]


def _more_precise(a: Event, b: Event) -> Event:
    """The event whose date the text states most precisely."""
    def rank(e: Event) -> tuple[int, int]:
        stated = 0 if e.date.basis != "publication" else 1
        return stated, PRECISION_RANK.get(e.date.precision or "", 9)

    return a if rank(a) <= rank(b) else b


def absorb(kept: Event, other: Event) -> None:
    kept.evidence.extend(other.evidence)
    if not kept.target and other.target:
        kept.target = other.target
    kept.date = _more_precise(kept, other).date
    kept.quote_ids = sorted(set(kept.quote_ids) | set(other.quote_ids))
    if not kept.attribution.speaker and other.attribution.speaker:
        kept.attribution = other.attribution
    kept.attribution.reported_by = sorted(
        set(kept.attribution.reported_by) | set(other.attribution.reported_by))
    kept.attribution.anonymous = kept.attribution.anonymous or other.attribution.anonymous
    kept.confidence = round(min(1.0, max(kept.confidence, other.confidence) + 0.05), 3)
    for key, value in other.magnitudes.items():
        kept.magnitudes.setdefault(key, value)
    if other.location is not None and kept.location is None:
        kept.location = other.location


HEADLINE_MAX_CHARS = 250
HEADLINE_END_MARKS = (".", "!", "?", '"', "”", ":")


def headline_end(text: str) -> int:
    """End of the article's headline: a first line with no closing punctuation, followed by
    more text ('Bangladesh imposes curfew\n\nDHAKA: …'); 0 when there is none."""
    first, newline, rest = text.partition("\n")
    line = first.strip()
    if not newline or not rest.strip() or not line or len(line) > HEADLINE_MAX_CHARS:
        return 0
    return 0 if line.endswith(HEADLINE_END_MARKS) else len(first)


def _in_headline(event: Event, end: int) -> bool:
    return event.evidence[0].trigger.start < end


def absorb_headline(events: list[Event], end: int) -> list[Event]:
    """A headline states the lead's event again: each headline mention joins the first body
    mention of the same coding (whatever its trigger word), and is not an event of its own."""
    if not end:
        return events
    body = [e for e in events if not _in_headline(e, end)]
    kept = list(body)
    for event in events:
        if not _in_headline(event, end):
            continue
        home = next((b for b in body if _merge_key(b) == _merge_key(event)
                     and _targets_compatible(b, event) and dates_compatible(b, event)), None)
        if home is None:
            home = next((b for b in body if _headline_restates(event, b)), None)
        if home is None:
            kept.append(event)
        else:
            absorb(home, event)
    return sorted(kept, key=lambda e: e.evidence[0].trigger.start)


def _headline_restates(headline: Event, body: Event) -> bool:
    """'Indonesia, Australia sign defence pact' over 'Indonesia and Australia signed a
    defence agreement on Thursday': a headline's telegraphic grammar may name fewer parties
    than the lead, or a party as the other side; of one type and modality, its doers among
    the lead's and its targets among the lead's parties, it restates the lead."""
    if (headline.type, headline.polarity, headline.modality) != (
            body.type, body.polarity, body.modality) or not headline.source:
        return False
    return _side_key(headline.source) <= _side_key(body.source) and _side_key(
        headline.target) <= _side_key(body.source) | _side_key(body.target)


REFERRING_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def is_definite_noun(token: Token) -> bool:
    """'the attack', 'Peru's refusal', 'this decision': a noun that names an act already told."""
    return token.pos_ == "NOUN" and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in REFERRING_DETERMINERS)
        for c in token.children)


def absorb_references(events: list[Event], refers_back: Callable[[Event], bool]) -> list[Event]:
    """'Colombia turned away the flights … Petro's refusal jeopardized …': a definite noun
    that names an act of the same coding told earlier, and names no one it falls on ('the
    arrest of X' tells a new arrest), is a mention of that act."""
    kept: list[Event] = []
    for event in events:
        home = None
        if not event.target and refers_back(event):
            home = next((k for k in reversed(kept) if _merge_key(k) == _merge_key(event)
                         and _targets_compatible(k, event) and dates_compatible(k, event)), None)
        if home is None:
            kept.append(event)
        else:
            absorb(home, event)
    return kept


TOLL_WINDOW = 3
"""An agentless toll joins an attack at most this many sentences away."""


def _agentless(event: Event) -> bool:
    return not event.source and event.polarity == "positive" and event.modality == "actual"


def absorb_tolls(events: list[Event]) -> list[Event]:
    """'Missiles struck Kyiv … At least four people were killed': an act with no one named
    as its actor tells the toll of the nearest act of the same type that has one (within a
    few sentences, dates compatible); it is one event with two mentions."""
    sourced = [e for e in events if not _agentless(e)]
    kept: list[Event] = []
    for event in events:
        home = _nearest_act(event, sourced) if _agentless(event) else None
        if home is None:
            kept.append(event)
        else:
            absorb(home, event)
    return kept


def _nearest_act(toll: Event, acts: list[Event]) -> Event | None:
    where = toll.evidence[0].sentence_index
    near = [a for a in acts if a.type == toll.type and a.modality == "actual"
            and abs(a.evidence[0].sentence_index - where) <= TOLL_WINDOW
            and dates_compatible(a, toll)]
    return min(near, key=lambda a: abs(a.evidence[0].sentence_index - where), default=None)


RESTATEMENT_WINDOW = 8
"""A quote restates a narrated event only within this many sentences of it."""


def restates(a: Event, b: Event, lemma_of: Callable[[Event], str],
             in_direct_quote: Callable[[Event], bool]) -> bool:
    """Two mentions of one event: same coding and compatible dates, and either the same
    trigger word or one of them a nearby direct quote (the speaker's words restating it)."""
    if _merge_key(a) != _merge_key(b) or not _targets_compatible(a, b):
        return False
    if not dates_compatible(a, b):
        return False
    if lemma_of(a) == lemma_of(b):
        return True
    distance = abs(a.evidence[0].sentence_index - b.evidence[0].sentence_index)
    return distance <= RESTATEMENT_WINDOW and (in_direct_quote(a) or in_direct_quote(b))


def merge_events(events: list[Event], lemma_of: Callable[[Event], str],
                 in_direct_quote: Callable[[Event], bool]) -> list[Event]:
    """Group mentions (each compared with every mention already in a group), then absorb."""
    groups: list[list[Event]] = []
    by_key: dict[tuple[object, ...], list[list[Event]]] = {}  # a group shares its coding
    for event in events:
        candidates = by_key.setdefault(_merge_key(event), [])
        home = next((g for g in candidates
                     if any(restates(m, event, lemma_of, in_direct_quote) for m in g)), None)
        if home is None:
            groups.append([event])
            candidates.append(groups[-1])
        else:
            home.append(event)
    merged: list[Event] = []
    for group in groups:
        kept = group[0]
        for other in group[1:]:
            absorb(kept, other)
        merged.append(kept)
    return merged


def annotated(mention: Event, said: Said | None, place: EventPlace) -> Event:
    """A mention as a new record, with who says it and where it happened."""
    attribution = said.attribution if said is not None else mention.attribution
    return replace(
        mention,
        source=list(mention.source),
        target=list(mention.target),
        evidence=list(mention.evidence),
        attribution=replace(attribution, reported_by=list(attribution.reported_by)),
        quote_ids=list(said.quote_ids) if said is not None else list(mention.quote_ids),
        location=place.location,
        location_reason=place.reason,
        magnitudes=dict(mention.magnitudes),
    )


def annotated_mentions(analysis: Analysis) -> list[Event]:
    findings = analysis.quote_findings
    if findings is None or len(analysis.event_places) != len(analysis.mentions):
        raise StageContractError("merge needs the quotes and places findings for every mention")
    return [annotated(mention, findings.said.get(k), analysis.event_places[k])
            for k, mention in enumerate(analysis.mentions) if k not in findings.silenced]


def run(analysis: Analysis) -> dict[str, object]:
    events = annotated_mentions(analysis)
    unknown = {id(e) for e in events if _speaker_unknown(e)}
    for k, event in enumerate(events):
        replace_first_person(event)
        if _speaker_reaction_untargeted(event):
            # '"We will respond," he said': the reaction's counterpart, which needs the
            # speaker's country, is found now that the speaker stands for 'we'
            trigger = event.evidence[0].trigger
            event.target = last_counterpart(event.source, events[:k]) or (
                protested_government(event.source, trigger.text, trigger.start, trigger.end)
                if event.type == "PROTEST" else [])

    lemmas: dict[int, str] = {}  # (compared pairwise within a coding key: found once each)

    def lemma_of(event: Event) -> str:
        if id(event) not in lemmas:
            token = trigger_token(analysis.doc, event)
            lemmas[id(event)] = (token.lemma_.lower() if token is not None
                                 else event.evidence[0].trigger.text.lower())
        return lemmas[id(event)]

    direct = {q.id for q in analysis.quotes if q.kind == "direct"}

    def in_direct_quote(event: Event) -> bool:
        return bool(direct.intersection(event.quote_ids))

    kept = [e for e in events if id(e) not in unknown]
    kept = absorb_headline(kept, headline_end(analysis.article.text))
    kept = absorb_tolls(kept)

    def refers_back(event: Event) -> bool:
        token = trigger_token(analysis.doc, event)
        return token is not None and is_definite_noun(token)

    kept = absorb_references(kept, refers_back)
    return {"events": merge_events(kept, lemma_of, in_direct_quote)}


STAGE = Stage("merge", run,
              requires=("doc", "mentions", "quotes", "quote_findings", "event_places"),
              assigns=("events",))
