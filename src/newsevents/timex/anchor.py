"""Date an event from the timex that governs its trigger, like a reader following a story.

Order of evidence: a timex attached to the trigger in the parse (through "on", "in", "by",
"since", appositions and noun modifiers: "In a Jan. 31 interview …, Hegseth left open"); else
the sentence's timex; else the date carried from the previous sentence when the story goes on in
the past tense; else the publication date. A timex that dates a *reporting* verb does not date
the reported event ("The WSJ reported on May 2 that Trump had offered …"): that event happened
on or before the report, so it gets the week up to the report date, basis ``relative``. A
reported act stated in the present, or a verbal act in the present perfect ("Mexico has
declined …, Sheinbaum announced on May 3"), is made by that statement and takes its date.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from ..lexicons.wordclasses import word_class
from ..model import DateValue
from .calendar import Period, interval_period
from .extract import TimexRecord
from .tense import VERB_POS, governing_verb, is_present_perfect, verb_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ..stage import Analysis

REPORT_WINDOW_DAYS = 7
CARRY_SENTENCES = 3


def to_date_value(record: TimexRecord, period: Period | None = None,
                  reason: str | None = None) -> DateValue:
    """An event's date from a timex. Times of day ('Thursday night', '6:40 p.m.') date the
    event to its day: the timex keeps the TIMEX3 time value, the event an ISO date."""
    p = period or record.period
    in_day = p.precision == "time" and p.earliest is not None
    return DateValue(
        value=p.earliest.isoformat() if in_day and p.earliest else p.value,
        precision="day" if in_day else p.precision,
        earliest=p.earliest.isoformat() if p.earliest else None,
        latest=p.latest.isoformat() if p.latest else None,
        text=record.timex.text,
        basis=p.basis,
        start=record.timex.start,
        end=record.timex.end,
        reason=reason or p.reason,
    )


def publication_value(published: date | None) -> DateValue:
    if published is None:
        return DateValue(None, None, None, None, basis="publication",
                         reason="no date in the text and no publication date")
    iso = published.isoformat()
    return DateValue(iso, "day", iso, iso, basis="publication")


def _root(doc: Doc, record: TimexRecord) -> Token:
    return doc[record.first_token:record.last_token + 1].root


def _path_up(token: Token, stop: Token) -> list[Token] | None:
    """Tokens from token up to stop (exclusive of token), or None when stop is not above it."""
    path: list[Token] = []
    node = token
    while node.head.i != node.i:
        node = node.head
        path.append(node)
        if node == stop:
            return path
    return None


def relation(doc: Doc, record: TimexRecord, trigger: Token) -> str:
    """How the timex relates to the trigger: 'direct', 'reported', 'prior' (the trigger is
    in an 'after' clause of the dated verb: it came before that date) or 'other'."""
    root = _root(doc, record)
    if root == trigger or trigger.i in range(record.first_token, record.last_token + 1):
        return "direct"
    if _in_parenthetical_of_subject(root) and trigger.pos_ in ("VERB", "AUX"):
        return "other"  # 'The party, in power since 1975, has denied …': not the denial's
    verb = governing_verb(root.head if root.head.i != root.i else root)
    if verb is None:
        return "other"
    if verb == trigger:
        return "direct"
    path = _path_up(trigger, verb)
    if path is None:
        return "other"
    chain = [trigger, *path[:-1]]
    if any(t.dep_ == "ccomp" for t in chain) and verb.lemma_ in word_class("dating_report_verbs"):
        return "reported"
    if any((t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in word_class("after_words")
                                      for m in t.children))
           or (t.dep_ == "prep" and t.lower_ in word_class("after_words")) for t in chain):
        # 'protested on Wednesday after a ship fired on its vessel', 'struck on Tuesday
        # following a rocket attack'
        return "prior"
    if any(t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in word_class("before_words")
                                     for m in t.children) for t in chain):
        return "other"  # 'left on Monday before the talks began': not that day
    if all(t.dep_ in ("xcomp", "conj", "dobj", "prep", "pobj", "acl", "advcl") for t in chain):
        return "direct"
    return "other"


def _dates_a_noun(doc: Doc, record: TimexRecord) -> bool:
    """'the 1951 treaty', 'the ceasefire agreed in November 2024', 'a law passed last year':
    a time expression inside a noun's modifier dates that noun, not another clause's act."""
    root = _root(doc, record)
    if root.dep_ in ("compound", "amod", "nmod", "nummod", "poss") and (
            root.head.pos_ in ("NOUN", "PROPN")):
        return True  # 'the 1951 treaty', 'last year's vote'
    if _in_parenthetical_of_subject(root):
        return True  # 'The party, in power since 1975, denied …'
    head = root.head if root.head.i != root.i else root
    verb = governing_verb(head)
    while verb is not None and verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head  # 'who was arrested on June 9 and found dead two days later'
    # 'agreed in November 2024' on a noun; not 'a bill containing tax increases on
    # Wednesday', where the parser hangs the main verb's date on a present participle, nor
    # 'four were shot dead and dozens injured on Tuesday', an elliptical clause joined to the
    # main one that the parser hangs on 'dozens'
    if verb is not None and _dates_the_saying(verb):
        return False  # 'In a statement posted on Tuesday, the spokesman said …'
    return verb is not None and verb is not head.sent.root and (
        verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBN"
                                 and verb.head.dep_ not in ("conj", "ROOT")))


def _in_parenthetical_of_subject(token: Token) -> bool:
    """A time expression set off by commas inside a subject ('The ruling party, in power since
    independence in 1975, has denied …'): it tells something about the subject."""
    node = token
    for _ in range(8):
        if node.head.i == node.i or node.pos_ in ("VERB", "AUX"):
            return False
        parent = node.head
        if parent.dep_ in ("nsubj", "nsubjpass") and node.dep_ in ("prep", "appos"):
            commas = [c.i for c in parent.children if c.text == ","]
            return any(i < token.i for i in commas) and any(i > token.i for i in commas)
        node = parent
    return False


def _dates_the_saying(participle: Token) -> bool:
    """'In a statement posted on Tuesday, X said': the date of the document a speech verb
    says something in is the date of the saying."""
    document = participle.head
    return (participle.dep_ == "acl" and document.lemma_.lower() in word_class("document_nouns")
            and document.dep_ == "pobj" and document.head.lower_ == "in"
            and document.head.head.lemma_.lower() in word_class("reported_speech_verbs"))


def reported_value(record: TimexRecord) -> DateValue | None:
    """An event reported on a date happened on or shortly before it: the week up to it."""
    latest = record.period.latest
    if latest is None:
        return None
    earliest = latest - timedelta(days=REPORT_WINDOW_DAYS)
    period = interval_period(earliest, latest, "relative")
    return to_date_value(record, period, "reported clause: on or before the report date")


def preceding_value(record: TimexRecord) -> DateValue | None:
    """An act told in an 'after' clause of a dated one came on or shortly before that date:
    the week up to it."""
    latest = record.period.latest
    if latest is None:
        return None
    period = interval_period(latest - timedelta(days=REPORT_WINDOW_DAYS), latest, "relative")
    return to_date_value(record, period, "'after' clause: on or before the main clause's date")


def _clause_tense(trigger: Token) -> str | None:
    verb = trigger if trigger.pos_ in VERB_POS else governing_verb(trigger)
    tense = verb_tense(verb) if verb is not None else None
    return tense or verb_tense(trigger.sent.root)


def _stated_as_current(trigger: Token, verbal_act: bool) -> bool:
    """A reported act in the present ('Mexico rejects …') is made by the statement; so is a
    verbal act in the present perfect ('Mexico has declined the offer'). A material act in
    the present perfect ('police have arrested …') may have come days before the report. A
    verbal act in the future is made as it is said ('"we will respond," he said': the threat)."""
    if trigger.pos_ not in VERB_POS:
        return False
    tense = verb_tense(trigger)
    return tense == "present" or (verbal_act and (is_present_perfect(trigger) or tense == "future"))


def _lead_date(doc: Doc, record: TimexRecord) -> bool:
    """The date of the story's lead: its first sentence that ends as a sentence does (a
    headline has no full stop)."""
    if LEAD_START_KEY not in doc.user_data:  # found once per Doc: linear on any text
        doc.user_data[LEAD_START_KEY] = _lead_start(doc)
    return record.sent_start == doc.user_data[LEAD_START_KEY]


def _lead_start(doc: Doc) -> int:
    """The first token of the story's lead, -1 when no sentence ends as one does."""
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if words and words[-1].text in LEAD_ENDINGS:
            return sent.start
    return -1


LEAD_START_KEY = "newsevents.timex.lead_start"


LEAD_ENDINGS = frozenset({".", "!", "?", '"', "”", "'", "’"})


def _paragraph_between(before: Span, after: Span) -> bool:
    """A line break between the last word of one sentence and the first of the next (the
    parser may keep the break as a space token of either)."""
    words_before = [t for t in before if not t.is_space]
    words_after = [t for t in after if not t.is_space]
    if not words_before or not words_after:
        return True
    doc = before.doc  # (Doc.text would rebuild the whole text: read the tokens between)
    return any("\n" in t.text_with_ws for t in doc[words_before[-1].i:words_after[0].i]
               if t.is_space or t.i == words_before[-1].i)


def carried(doc: Doc, records: list[TimexRecord], trigger: Token,
            published: date | None = None) -> DateValue | None:
    """The date of the story so far, when the trigger's sentence goes on in the past tense:
    the last date of a sentence before it that dates a clause, not a noun ('the 2019 vote').
    Across a paragraph break only the lead's date carries (the story's day): a later
    paragraph's date ('the truce collapsed in March 2024', 'a call on Monday') stays in it."""
    if _clause_tense(trigger) != "past":
        return None
    sentence = trigger.sent
    new_paragraph = False
    for _ in range(CARRY_SENTENCES):
        if sentence.start == 0:
            return None
        previous = doc[sentence.start - 1].sent
        new_paragraph = new_paragraph or _paragraph_between(previous, sentence)
        sentence = previous
        dated = [r for r in records if r.sent_start == sentence.start and r.anchors_narrative
                 and not _dates_a_noun(doc, r)]
        if dated and new_paragraph and not _lead_date(doc, dated[-1]):
            return None
        if dated:
            period = dated[-1].period.with_basis("narrative")
            return to_date_value(dated[-1], period, "carried from the previous sentence")
        if verb_tense(sentence.root) != "past":
            return None
    return None


def date_event(analysis: Analysis, token_i: int, verbal_act: bool = False) -> DateValue:
    """The date of the event whose trigger is token ``token_i`` of ``analysis.doc``;
    ``verbal_act`` for statements (quad classes 1 and 3) rather than material acts."""
    doc = analysis.doc
    trigger = doc[token_i]
    records = analysis.timex_records
    sent_start = trigger.sent.start  # (Token.sent walks the sentence: read it once)
    in_sentence = [r for r in records if r.sent_start == sent_start and r.anchors_narrative]
    by_relation: dict[str, list[TimexRecord]] = {"direct": [], "reported": [], "prior": [],
                                                 "other": []}
    for record in in_sentence:
        by_relation[relation(doc, record, trigger)].append(record)

    def nearest(group: list[TimexRecord]) -> TimexRecord:
        return min(group, key=lambda r: abs(r.first_token - token_i))

    if by_relation["direct"]:
        return to_date_value(nearest(by_relation["direct"]))
    if by_relation["reported"]:
        report = nearest(by_relation["reported"])
        if _stated_as_current(trigger, verbal_act):
            return to_date_value(report, reason="reported act stated as current at the report")
        value = reported_value(report)
        if value is not None:
            return value
    if by_relation["prior"]:
        value = preceding_value(nearest(by_relation["prior"]))
        if value is not None:
            return value
    own_clause = [r for r in by_relation["other"] if not _dates_a_noun(doc, r)]
    if own_clause:
        return to_date_value(nearest(own_clause))
    carry = carried(doc, records, trigger, analysis.published)
    if carry is not None:
        return carry
    if analysis.published is not None and _in_present_perfect(trigger):
        return recent_value(analysis.published)
    return publication_value(analysis.published)


RECENT_DAYS = 7
"""'Somalia and Ethiopia have agreed …' with no date: in the week up to publication."""


def _in_present_perfect(trigger: Token) -> bool:
    verb = trigger if trigger.pos_ in VERB_POS else governing_verb(trigger)
    return verb is not None and is_present_perfect(verb)


def recent_value(published: date) -> DateValue:
    """An act the text states in the present perfect without a date happened shortly before
    publication: the week up to it."""
    period = interval_period(published - timedelta(days=RECENT_DAYS), published, "relative")
    return DateValue(period.value, period.precision, period.earliest.isoformat()
                     if period.earliest else None, published.isoformat(), basis="relative",
                     reason="present perfect with no date: in the week up to publication")
