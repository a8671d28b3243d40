"""Find temporal expressions with one precompiled regular expression over the text.

One pass of one compiled alternation is much cheaper than a matcher per token or a
``dateparser`` call per candidate, and keeps the stage far below the parser's cost. Each
alternative is a named *kind*; its sub-groups (prefixed with the kind's short name) carry the
parts the normaliser needs. Alternatives are ordered longest-first, because a regex
alternation takes the first alternative that matches at a position.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

S = r"[^\S\n]+"
S0 = r"[^\S\n]*"
_MON_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
MON = rf"(?:{_MON_FULL}|{_MON_ABBR})(?![a-z])"
WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?![a-z])"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%])"
_NUM_WORD = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred"
)
NUM = (
    rf"(?:\d+(?:\.\d+)?|(?i:a{S}couple{S}of|a{S}few|couple{S}of|few|several|many|a|an|single|"
    rf"(?:{_NUM_WORD})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?)"
    rf"(?:{S}and{S}a{S}half)?)"
)
UNIT = (
    r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|"
    r"decades?|centur(?:y|ies))"
)
PART = r"(?i:morning|afternoon|evening|night)"


def _kinds() -> list[tuple[str, str]]:
    """(kind, pattern) pairs, most specific first."""
    return [
        ("iso", r"\b(?P<iso_y>\d{4})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)"
                r"(?:T(?P<iso_t>\d\d:\d\d))?(?![\d-])"),
        ("slash", r"\b(?P<sl_a>\d{1,2})/(?P<sl_b>\d{1,2})/(?P<sl_y>\d{4}|\d{2})\b"),
        ("clock", rf"\b(?:(?P<ck_h>[01]?\d|2[0-3]):(?P<ck_m>[0-5]\d)|(?P<ck_h2>1[0-2]|0?[1-9])"
                  rf"(?={S0}[ap]\.?m\b)|(?P<ck_hm>[0-2]\d[0-5]\d)(?={S}(?:UTC|GMT)\b))"
                  rf"(?:{S0}(?P<ck_ap>[ap])\.?m\.?)?(?:{S}(?P<ck_tz>UTC|GMT|[ECMP][SD]?T)\b)?"
                  rf"(?:{S}(?:(?i:on){S})?(?P<ck_day>{WD}|(?i:today|tonight|yesterday|tomorrow)\b))?"
                  rf"|\b(?P<ck_noon>(?i:noon|midnight))\b"),
        ("office", rf"(?i:since{S}(?:taking|assuming|entering|he{S}took|she{S}took|they{S}took|"
                   rf"he{S}assumed|she{S}assumed){S}(?:office|power))\b"),
        ("ofmonth", rf"(?i:the{S})?(?P<om_ord>(?i:first|second|third|fourth|last|final)){S}"
                    rf"(?i:week){S}of{S}(?P<om_mon>{MON})(?:,?{S}(?P<om_year>{YEAR}))?"),
        ("modmonth", rf"(?P<mm_mod>(?i:early|mid|late|(?:the{S})?(?:end|beginning|start|middle|"
                     rf"close|turn){S}of))(?:-|{S})(?:(?P<mm_mon>{MON})(?:,?{S}(?P<mm_y1>{YEAR}))?|"
                     rf"(?P<mm_y2>{YEAR})|(?P<mm_rel>(?i:this|last|next|the)){S}"
                     rf"(?P<mm_unit>(?i:year|month|decade)))\b"),
        ("quarter", rf"(?i:the{S})?(?P<q_ord>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|"
                    rf"4th))[-\s](?P<q_kind>(?i:quarter|half))\b(?:{S}(?i:of{S})?(?:(?P<q_year>{YEAR})|"
                    rf"(?P<q_rel>(?i:this|last|next|the)){S}(?i:year|fiscal{S}year)\b))?"
                    rf"|\bQ(?P<q_n>[1-4]){S}(?P<q_y2>{YEAR})"),
        ("md", rf"(?:(?P<md_wd>{WD}),?{S})?(?:(?P<md_mon>{MON}){S0}(?P<md_day>{DAY})|(?P<md_day2>{DAY})"
               rf"{S}(?:of{S})?(?P<md_mon2>{MON}))(?:,?{S}(?P<md_year>{YEAR}))?"),
        ("monyear", rf"(?P<my_mon>{MON}),?{S}(?:of{S})?(?:(?P<my_year>{YEAR})|"
                    rf"(?P<my_rel>(?i:this|last|next)){S}(?i:year)\b)"),
        ("relmonth", rf"(?P<rm_det>(?i:last|next|this|early|late)){S}(?P<rm_mon>{_MON_FULL})\b"),
        ("narr", rf"(?:(?i:just|only|some|about|nearly|almost|barely|mere){S})?(?:(?P<nr_num>{NUM}){S})?"
                 rf"(?P<nr_unit>{UNIT}){S}(?P<nr_dir>(?i:later|earlier|afterwards?|ago|from{S}now|hence))\b"
                 rf"|(?i:the{S})(?P<nr_det>(?i:next|following|previous|same|preceding)){S}"
                 rf"(?P<nr_unit2>(?i:day|morning|afternoon|evening|night|week|weekend|month|year))\b"
                 rf"|(?P<nr_that>(?i:that|the{S}same|the)){S}(?P<nr_unit3>(?i:day))\b"
                 rf"(?!{S}(?:of|when|that|after|before|he|she|they|it|we|I|to|and|in)\b)"
                 rf"|(?P<nr_that2>(?i:that|the{S}same)){S}(?P<nr_unit4>(?i:week|month|year))\b"),
        ("relunit", rf"(?:(?P<ru_pre>(?i:earlier|later)){S})?(?P<ru_det>(?i:this|last|next|the{S}past|"
                    rf"the{S}previous|the{S}coming|the{S}current|the{S}last|the{S}next|past|"
                    rf"previous|coming|current)){S}(?P<ru_unit>(?i:weekend|week|month|year|quarter|"
                    rf"decade|century|fiscal{S}year))\b"),
        ("weekend", rf"(?i:the{S}weekend)\b"),
        ("season", rf"\b(?:(?P<ss_mod>(?i:this|last|next|early|late|mid|the|in|in{S}the)){S})?"
                   rf"(?P<ss_name>(?i:spring|summer|fall|autumn|winter))\b(?!{S}of{S}(?![12]\d))"
                   rf"(?:,?{S}(?:of{S})?(?P<ss_year>{YEAR}))?"),
        ("decade", rf"(?:(?i:the){S})?(?:(?P<dc_mod>(?i:early|mid|late))[-\s])?(?:(?P<dc_c>1[6-9]|20)"
                   rf"(?P<dc_d>\d)0'?s\b|(?<=the )'?(?P<dc_d2>\d)0'?s\b|'(?P<dc_d3>\d)0s\b)"),
        ("wd", rf"(?:(?P<wd_det>(?i:last|next|this|coming|past)){S})?(?P<wd_name>{WD})"
               rf"(?:{S}(?P<wd_part>{PART})\b)?"),
        ("dayword", rf"(?:(?P<dw_pre>(?i:earlier|later|early|late)){S})?(?P<dw_word>(?i:today|tonight|"
                    rf"yesterday|tomorrow))\b(?:{S}(?P<dw_part>{PART})\b)?"
                    rf"|(?P<dw_det>(?i:this|last)){S}(?P<dw_part2>{PART})\b"),
        ("set", rf"(?i:every|each){S}(?:(?i:other|single){S})?(?:(?P<st_num>{NUM}){S})?"
                rf"(?:(?P<st_unit>{UNIT})|(?P<st_wd>{WD}))"
                rf"|\b(?P<st_word>(?i:daily|nightly|weekly|biweekly|monthly|quarterly|annually|"
                rf"annual|yearly|hourly))\b|(?i:per){S}(?P<st_unit2>(?i:day|week|month|year))\b"),
        ("dur", rf"(?:(?P<du_pre>(?i:the{S}(?:past|last|next|first|previous|coming|following)|"
                rf"over{S}the{S}(?:past|last|next)|the)){S})?"
                rf"(?P<du_num>{NUM})[-\s](?:(?i:trading|business|working|consecutive|straight|full|"
                rf"calendar|long|more|further|additional){S})?(?P<du_unit>{UNIT})\b"),
        ("durvague", rf"(?P<dv_pre>(?i:recent|several|many|the{S}past{S}few|the{S}next{S}few|"
                     rf"the{S}last{S}few|a{S}few|for|over{S}the|in|in{S}just|within)){S}(?P<dv_unit>(?i:years|"
                     rf"decades|months|weeks|days|hours|minutes))\b|\b(?P<dv_adj>(?i:decades|years|"
                     rf"months))-long\b"),
        ("ref", rf"\b(?P<rf_word>(?i:right{S}now|now|currently|current|nowadays|at{S}present|"
                rf"presently|at{S}the{S}moment|the{S}time{S}being|these{S}days|recently|recent|"
                rf"lately|in{S}the{S}past|the{S}past|in{S}the{S}future|the{S}future|"
                rf"the{S}near{S}future|the{S}near{S}term|the{S}long{S}term|the{S}short{S}term|"
                rf"soon|shortly))\b(?!{S}(?:[\w-]+{S}){{0,2}}{UNIT}\b)"),
        ("bmonth", r"(?P<bm_mon>(?:January|February|March|April|June|July|August|September|October|"
                   r"November|December)(?![a-z])|(?:(?<=\bin )|(?<=\bof )|(?<=\bby )|(?<=since )|"
                   r"(?<=until )|(?<=\bIn ))May\b)"),
        ("year", rf"(?<![\d,.$£€#])(?:(?P<yr_fy>(?i:fiscal|FY)){S0})?(?P<yr_year>{YEAR})"
                 rf"(?![\d%]|\.\d|,\d|{S}(?:percent|per{S}cent)\b)"
                 rf"|(?<=(?:ce|in|om|of) )'(?P<yr_short>\d\d)(?![\d\w])"),
    ]


_FIRST_WORDS = (
    "the|early|mid|late|end|beginning|start|middle|close|turn|this|last|next|past|previous|"
    "coming|current|earlier|later|just|only|some|about|nearly|almost|barely|mere|a|an|"
    f"{_NUM_WORD}|couple|few|several|many|single|second|minute|hour|day|night|week|fortnight|"
    "month|quarter|year|decade|first|third|fourth|final|spring|summer|fall|autumn|winter|in|"
    "that|since|every|each|daily|nightly|weekly|biweekly|monthly|quarterly|annual|annually|"
    "yearly|hourly|per|over|for|within|recent|right|now|currently|nowadays|at|presently|these|"
    "recently|lately|soon|shortly|today|tonight|yesterday|tomorrow|noon|midnight|fiscal|"
    "decades|years|months|weeks|days|hours|minutes|seconds|nights|quarters"
)
GATE = rf"(?<!\w)(?=\d|'\d|[A-Z]|(?i:{_FIRST_WORDS})(?![a-z])|(?i:centur))"
"""Every alternative starts at a word start with a digit, a capital or one of these words;
checking that first makes the alternation fail fast at the other positions (about 7× faster).
tests/timex/test_timex_find.py checks that the gate loses no match."""

KINDS: tuple[str, ...] = tuple(kind for kind, _ in _kinds())
UNGATED = re.compile("|".join(f"(?P<{kind}>{src})" for kind, src in _kinds()))
PATTERN = re.compile(GATE + "(?:" + UNGATED.pattern + ")")


_LEADING_IN = re.compile(r"(?:in|In)[^\S\n]+(?=the\b|spring|summer|fall|autumn|winter)")
"""TIMEX3 spans leave the preposition out ("in the future" → "the future")."""


@dataclass(frozen=True)
class Found:
    """One candidate temporal expression: its kind, span and named parts."""

    kind: str
    start: int
    end: int
    text: str
    parts: dict[str, str]


def find(text: str, pattern: re.Pattern[str] = PATTERN) -> Iterator[Found]:
    """Yield candidates in text order, non-overlapping, with their kind's parts."""
    for match in pattern.finditer(text):
        kind = match.lastgroup
        if kind is None:
            continue
        start, end = match.span(kind)
        lead = _LEADING_IN.match(text, start, end)
        if lead:
            start = lead.end()
        parts = {k: v for k, v in match.groupdict().items() if v is not None and k != kind}
        yield Found(kind, start, end, text[start:end], parts)
