"""Find every actor mention in a parsed article and code it (country, sector, kind, title, name).

Flow: match knowledge-base surface forms over the tokens, code the noun phrase of every
nominal head from the matches inside it (plus possessives, appositions and of-phrases), then
resolve mentions (surnames, role nouns, pronouns) to the fullest mention of the same actor.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from ..lexicons.wordclasses import word_class
from ..model import Actor, ActorKind
from ..spans import SpanIndex
from ..text import find_dateline
from .kb import MAX_PHRASE, Entry, KnowledgeBase, Surface
from .regions import region_members

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
THING_PRONOUNS = {"it", "its", "they", "their", "them"}
FIRST_PERSON = {"i", "we", "me", "us", "our", "my", "ours"}
NOMINAL = {"PROPN", "NOUN", "PRON"}
MODIFIER_DEPS = {"compound", "flat", "amod", "nmod", "poss", "det", "case", "nummod", "punct"}
GROUP_OF_PREPS = {"of", "for", "from", "at", "in"}
NOT_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


NEIGHBOUR_COUNTRY = "#neighbour-country"
"""Rule mark of a country taken from a word that modifies another actor."""


@dataclass(frozen=True)
class Match:
    """A knowledge-base surface form found at tokens [start, end)."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    def first(self, *categories: str) -> Entry | None:
        for entry in self.entries:
            if entry.category in categories:
                return entry
        return None

    def person_on(self, day: date | None) -> Entry | None:
        """The person of this name who held an office on ``day`` (else the first one)."""
        persons = [e for e in self.entries if e.category == "person"]
        holding = [p for p in persons if day is not None and p.office_on(day) is not None]
        chosen = holding or persons
        return chosen[0] if chosen else None


def _case_ok(surface: Surface, span_text: str) -> bool:
    if surface.exact_case is not None:
        return span_text.replace(" ", "") == surface.exact_case
    if surface.capitalised:
        return span_text[:1].isupper()
    return True


def find_matches(doc: Doc, kb: KnowledgeBase) -> list[Match]:
    """Greedy longest-first, left-to-right, non-overlapping matches of KB surface forms."""
    lowers = [t.lower_ for t in doc]
    matches: list[Match] = []
    i = 0
    n = len(lowers)
    starts = kb.first_tokens
    while i < n:
        if lowers[i] not in starts:
            i += 1
            continue
        found: Match | None = None
        for length in range(min(MAX_PHRASE, n - i), 0, -1):
            surfaces = kb.index.get(tuple(lowers[i : i + length]))
            if not surfaces:
                continue
            text = doc[i : i + length].text
            ok = tuple(s.entry for s in surfaces if _case_ok(s, text))
            if ok:
                found = Match(i, i + length, ok)
                break
        if found is None:
            i += 1
            continue
        matches.append(found)
        i = found.end
    return matches


QUOTE_MARKS = ('"', "“", "”", "«", "»")
PLACE_LIKE = ("country", "demonym", "capital", "region", "seat")


def _of_a_condition(token: Token) -> bool:
    """'a state of emergency', 'a state of siege': a condition, not a state."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(
        g.dep_ == "pobj" and g.pos_ == "NOUN" and not g.ent_type_ for g in c.children)
        for c in token.children)


def _inside_a_name(doc: Doc, match: Match) -> bool:
    """'Turk' in 'Volker Turk', 'Jordan' in 'Jordan Peterson': a country word that is part of
    a longer person's name the tagger found names no country ('Bosnian Serbs', a plural, is
    no name)."""
    if any(e.category not in PLACE_LIKE for e in match.entries):
        return False
    first, last = doc[match.start], doc[match.end - 1]
    if first.ent_type_ != "PERSON" or last.ent_type_ != "PERSON":
        return False
    ent_start = first.i if first.ent_iob_ == "B" else _entity_start(doc, first.i)
    ent_end = _entity_end(doc, last.i)
    singular_names = all(t.tag_ == "NNP" for t in doc[ent_start:ent_end])
    return singular_names and ent_end - ent_start > match.end - match.start


def _national_chapter(head_match: Match | None, modifiers: list[Match]) -> bool:
    """A country name right after a non-governmental or international body's name ('Amnesty
    International Kenya', 'Save the Children UK') names its national branch."""
    if head_match is None or head_match.first("country") is None:
        return False
    for match in modifiers:
        entry = match.first("group", "institution")
        if match.end == head_match.start and entry is not None and (
                entry.country in ("NGO", "IGO")):
            return True
    return False


def _regional_adjective(doc: Doc, match: Match) -> bool:
    """'the South American bloc', 'Latin American leaders': a demonym after a capitalised
    compass word (``region_prefixes``) names a region, not the country ('South Korean' is a
    demonym of its own and matched whole)."""
    if match.start == 0 or any(e.category != "demonym" for e in match.entries):
        return False
    before = doc[match.start - 1]
    return before.text[:1].isupper() and before.lower_ in word_class("region_prefixes")


def _entity_start(doc: Doc, i: int) -> int:
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _entity_end(doc: Doc, i: int) -> int:
    while i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
        i += 1
    return i + 1


def _match_tokens(match: Match) -> tuple[int, int]:
    return match.start, match.end


class ActorCoder:
    """Codes the noun phrases of one document."""

    def __init__(self, doc: Doc, kb: KnowledgeBase, published: date | None):
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each read: read it once
        self.kb = kb
        self.published = published
        self.matches = [m for m in find_matches(doc, kb)
                        if not _inside_a_name(doc, m) and not _regional_adjective(doc, m)]
        self.match_ending: dict[int, Match] = {m.end - 1: m for m in self.matches}
        self.match_at: dict[int, Match] = {}
        for m in self.matches:
            for k in range(m.start, m.end):
                self.match_at[k] = m
        self.by_head: dict[int, Actor] = {}
        self.by_modifier: dict[int, Actor] = {}
        self.co_actors: dict[int, list[Actor]] = {}

    # ----- phrase coding -------------------------------------------------------------
    def code_all(self) -> list[Actor]:
        actors: list[Actor] = []
        dateline = find_dateline(self.text)
        for token in self.doc:
            if (dateline is not None and dateline.start <= token.idx < dateline.end) or (
                    not self._is_head(token)):
                continue  # 'KAMPALA, Feb 20 (Wire) -': the dateline names no actor
            actor = self.code_head(token)
            if actor is not None:
                self.by_head[token.i] = actor
                actors.append(actor)
        self._code_modifier_states()
        self._join_titled_appositions()
        self._assign_countries_in_sight(actors)
        return actors

    def _join_titled_appositions(self) -> None:
        """"Brazil's environment minister, Helena Duarte," or "Helena Duarte, Brazil's
        environment minister,": the title and the name are one person. The named mention
        takes the title's office (country, sector, title) where it has none; the title's
        mention takes the name."""
        for head_i, head in list(self.by_head.items()):
            for child in self.doc[head_i].children:
                other = self.by_head.get(child.i) if child.dep_ == "appos" else None
                if other is None:
                    continue
                named, titled = (head, other) if head.name else (other, head)
                if (named.kind, titled.kind) != ("person", "person") or titled.name or (
                        not titled.title or not named.name):
                    continue
                named.country = named.country or titled.country
                named.sector = named.sector or titled.sector
                named.title = named.title or titled.title
                titled.name, titled.kb_id = named.name, titled.kb_id or named.kb_id
                for actor in (named, titled):
                    actor.code = _code(actor)

    def _assign_countries_in_sight(self, actors: list[Actor]) -> None:
        """A titled person or a sector group with no country ('President Yoweri Museveni',
        'the rebels') takes the nearest country named in its sentence. One taken from inside
        another actor's phrase ('Russian missiles … killing 18 people') is marked
        ``#neighbour-country``: the article's setting, where it differs, wins over it."""
        states = SpanIndex([m for m in self.matches if m.first("country", "demonym", "capital")],
                           _match_tokens)
        for actor in actors:
            if actor.country is not None or not (actor.title or actor.sector) or (
                    "#poss-pronoun:" in (actor.rule or "")):
                continue  # 'his trade minister': the owner's country, found by coreference
            if actor.kind not in ("person", "group", "organization") or (
                    actor.name is not None and actor.kind != "person"):
                continue  # named organisations keep the knowledge base's word
            sent = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
            if sent is None or len(sent) == 0 or any(
                    self._names_a_backer(m) for m in self._matches_within(sent.start, sent.end)):
                continue  # 'Iranian-backed militias': whose they are is not said nearby either
            if (leader := self._leader_within(sent)) is not None:
                # 'the Trump administration', 'Maduro loyalists': the named leader's country
                _settle_country(actor, leader, "#leader-named")
                continue
            bounds = sent[0].sent
            nearby = [m for m in states.starting_in(bounds.start, bounds.end)
                      if not (sent.start <= m.start < sent.end)
                      and self._in_sight_of(sent, m)]
            if (principal := self._spoken_for(actor, bounds)) is not None:
                # 'China's coast guard gave its account. Spokesman X accused the Philippine
                # vessel of intruding': the body just named, not a country he speaks of
                _settle_country(actor, principal.country, "#spokesperson-of")
                continue
            if not nearby:
                continue
            nearest = min(nearby, key=lambda m: abs(m.start - sent.start))
            entry = nearest.first("country", "demonym", "capital")
            if entry is not None:
                weak = self._inside_other_actor(nearest, actor) or _in_what_it_says(
                    sent.root, self.doc[nearest.end - 1])
                _settle_country(actor, entry.country,
                                "#country-in-sight" + (NEIGHBOUR_COUNTRY if weak else ""))

    def _leader_within(self, phrase: Span) -> str | None:
        """The country of a person of the knowledge base named inside a group's phrase."""
        for match in self._matches_within(phrase.start, phrase.end):
            entry = match.first("person")
            if entry is not None and entry.country:
                return entry.country
        return None

    def _spoken_for(self, actor: Actor, sentence: Span) -> Actor | None:
        """A spokesperson named without a country speaks for the subject of the sentence
        before, when that is a state or a body with a country."""
        title = (actor.title or actor.text).lower().split()
        if not title or title[-1] not in word_class("spokesperson_nouns") or sentence.start == 0:
            return None
        previous = self.doc[sentence.start - 1].sent
        for token in previous:
            principal = self.by_head.get(token.i)
            if token.dep_ in ("nsubj", "nsubjpass") and token.head == previous.root and (
                    principal is not None and principal.country
                    and principal.kind in ("state", "organization", "group")):
                return principal
        return None

    def _inside_other_actor(self, match: Match, actor: Actor) -> bool:
        """'Russian missiles': the country word modifies another actor's head; 'strikes
        inside Afghanistan': it names a place, not whose the mention is."""
        last = self.doc[match.end - 1]
        if last.dep_ == "pobj" and last.head.lower_ in word_class("locative_preps") and (
                match.first("country", "region") is not None):
            return True  # ('In Moscow, the foreign ministry said': a capital seats its organs)
        other = self.by_head.get(last.head.i) if last.dep_ in ("amod", "compound", "poss") else None
        return other is not None and other is not actor

    def _in_sight_of(self, span: Span, match: Match) -> bool:
        """A country named across a quotation mark ('"Both parties have committed," U.S.
        Secretary … said') or owned by another person ('summoned China's ambassador') says
        nothing of this mention's country. A country inside another actor's phrase still
        counts: in 'Egyptian police dispersed fundamentalist demonstrators' they are Egyptian
        too."""
        lo, hi = sorted((span.start_char, self.doc[match.start].idx))
        between = self.text[lo:hi]
        if any(mark in between for mark in QUOTE_MARKS):
            return False
        last = self.doc[match.end - 1]
        if any(t.dep_ == "agent" and not (t.left_edge.i <= span.start <= t.right_edge.i)
               for t in last.ancestors):
            return False  # 'separatist forces backed by the UAE': a supporter, another actor
        owner = self.by_head.get(last.head.i) if last.dep_ == "poss" else None
        return owner is None or owner.kind != "person" or span.start <= last.head.i < span.end

    def _code_modifier_states(self) -> None:
        """'U.S. intrusion', 'Senegalese peace plan': a country named as a modifier of a
        noun that is no actor itself stands for that state (used for targets)."""
        for match in self.matches:
            last = self.doc[match.end - 1]
            entry = match.first("country", "demonym", "capital")
            if entry is None or last.i in self.by_head or last.dep_ not in (
                "compound", "amod", "nmod", "npadvmod"
            ):
                continue
            span = self.doc[match.start : match.end]
            self.by_modifier[last.i] = Actor(
                span.text, span.start_char, span.end_char, name=self.kb.country_name(
                    entry.country), kind="state", country=entry.country, sector="GOV",
                kb_id=entry.kb_id, rule=f"{entry.rule}#modifier")

    def _is_head(self, token: Token) -> bool:
        if token.pos_ not in NOMINAL and token.i not in self.match_ending:
            return False
        if token.pos_ == "ADJ" and self._generic_match(token):
            return False  # 'general strike', 'military action': adjectives, not actors
        if token.dep_ in ("compound", "flat") and token.head.i > token.i and (
            token.head.pos_ in ("PROPN", "NOUN")
        ):
            return self._compound_is_separate_actor(token)
        return True

    def _generic_match(self, token: Token) -> bool:
        match = self.match_ending.get(token.i)
        return match is not None and match.first("title", "sector") is not None and (
            match.first("person", "institution", "group", "country") is None)

    def _compound_is_separate_actor(self, token: Token) -> bool:
        """'Sinaloa cartel leader': the compound 'cartel' is coded too (it can be a target)."""
        match = self.match_ending.get(token.i)
        return match is not None and match.first("group", "institution") is not None

    def _matches_within(self, start: int, end: int) -> list[Match]:
        """Matches lying inside tokens [start, end), in text order."""
        found: list[Match] = []
        for k in range(start, end):
            match = self.match_at.get(k)
            if match is not None and match.start == k and match.end <= end:
                found.append(match)
        return found

    def phrase_span(self, token: Token) -> Span:
        start = token.i
        for child in token.lefts:
            if child.dep_ in MODIFIER_DEPS and child.dep_ != "poss":
                start = min(start, child.left_edge.i)
        match = self.match_at.get(token.i)
        if match is not None:
            start = min(start, match.start)
        return self.doc[start : token.i + 1]

    def code_head(self, token: Token) -> Actor | None:
        lower = token.lower_
        if token.pos_ == "PRON":
            return self._pronoun(token, lower)
        if token.lemma_.lower() in word_class("country_nouns") and _of_a_condition(token):
            return None
        span = self.phrase_span(token)
        head_match = self.match_ending.get(token.i)
        inner = self._matches_within(span.start, token.i + 1)
        modifiers = [m for m in inner if m is not head_match]
        if _national_chapter(head_match, modifiers):
            return None  # 'Amnesty International Kenya': the body's chapter, not the state
        actor = self._from_region_description(token, span)
        if actor is None and (head_match is None or head_match.start == token.i) and (
                _named_division(token, modifiers)):
            return None  # 'Upper Nile state', 'Borno State': a province, not a government
        if actor is None:
            actor = self._from_head_match(token, span, head_match, modifiers)
        if actor is None:
            actor = self._from_entity(token, span, modifiers)
        if actor is None:
            actor = self._from_country_noun(token, span)
        if actor is None:
            actor = self._from_demonym_group(token, span, modifiers)
        if actor is None:
            return None
        actor = self._enrich(actor, token, modifiers)
        self._note_coordinated_countries(actor, token, modifiers)
        self._note_joined_of_countries(actor, token)
        return actor

    def _note_coordinated_countries(self, actor: Actor, token: Token,
                                    modifiers: list[Match]) -> None:
        """'U.S. and British warplanes': the same kind of actor for each country."""
        countries = [e.country for m in modifiers
                     if (e := m.first("country", "demonym")) is not None and e.country]
        if len(set(countries)) < 2 or not any(
                t.lower_ in ("and", "&") for t in self.doc[actor_start(self.doc, actor) : token.i]):
            return
        self._add_co_actors(actor, token, countries)

    def _add_co_actors(self, actor: Actor, token: Token, countries: list[str]) -> None:
        """The same kind of actor as ``actor`` for each other country, kept by its head."""
        named_for_country = actor.name is not None and actor.name == self.kb.country_name(
            actor.country)
        self.co_actors[token.i] = [
            replace(actor, country=c, code=None, rule=f"{actor.rule}#coordinated",
                    name=self.kb.country_name(c) if named_for_country else actor.name)
            for c in dict.fromkeys(countries) if c != actor.country
        ]
        for co in self.co_actors[token.i]:
            co.code = _code(co)

    def _note_joined_of_countries(self, actor: Actor, token: Token) -> None:
        """'the foreign ministers of Rwanda and Congo', 'leaders of both countries' named
        after: a plural head of joined states is one actor per state."""
        if token.tag_ not in ("NNS", "NNPS") or actor.kind == "state" or token.i in self.co_actors:
            return
        countries: list[str] = []
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in GROUP_OF_PREPS:
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    for joined in (pobj, *pobj.conjuncts):
                        related = self._related_actor(joined)
                        if related is not None and related.country:
                            countries.append(related.country)
        if len(set(countries)) < 2 or actor.country not in countries:
            return
        self._add_co_actors(actor, token, countries)

    def _from_demonym_group(self, token: Token, span: Span, modifiers: list[Match]
                            ) -> Actor | None:
        """'Swiss doctors', 'Palestinian youths': people of a country named by a modifier."""
        if token.pos_ != "NOUN" or token.tag_ != "NNS":
            return None
        for match in modifiers:
            entry = match.first("demonym", "country")
            if entry is not None and match.end <= token.i:
                return Actor(span.text, span.start_char, span.end_char,
                             name=self.kb.country_name(entry.country), kind="group",
                             country=entry.country, rule=f"{entry.rule}#demonym-group")
        for match in modifiers:
            entry = match.first("sector")
            if entry is not None and match.end <= token.i:
                # 'opposition supporters', 'police officers': people of a sector
                return Actor(span.text, span.start_char, span.end_char, kind="group",
                             sector=entry.sector, rule=f"{entry.rule}#sector-group#needs-country")
        return None

    def _pronoun(self, token: Token, lower: str) -> Actor | None:
        if lower in PERSON_PRONOUNS:
            return Actor(token.text, token.idx, token.idx + len(token), kind="person",
                         rule="actors:pronoun")
        if lower in THING_PRONOUNS:
            return Actor(token.text, token.idx, token.idx + len(token), kind=None,
                         rule="actors:pronoun-thing")
        if lower in FIRST_PERSON:
            return Actor(token.text, token.idx, token.idx + len(token), kind=None,
                         rule="actors:first-person")
        return None

    def _from_head_match(
        self, token: Token, span: Span, match: Match | None, modifiers: list[Match]
    ) -> Actor | None:
        if match is None:
            return None
        text_span = self.doc[min(span.start, match.start) : token.i + 1]
        person = match.person_on(self.published)
        if person is not None and self._other_first_name(match, person):
            person = None
        # 'Trump accused …' with 'Trump' tagged a common noun: the tagger's PERSON decides
        named_person = token.pos_ == "PROPN" or (token.ent_type_ == "PERSON"
                                                 and token.text[:1].isupper())
        if person is not None and named_person and token.ent_type_ not in NOT_NAMES:
            return self._person(text_span, person, self.doc[match.start : match.end].text)
        named = match.first("institution", "group")
        if named is not None:
            return self._actor(text_span, named.name, named.kind or "organization",
                               named.country, named.sector, named)
        state = match.first("country", "capital", "seat", "region")
        if state is not None:
            rule = "metonymy" if state.category != "country" else "state"
            state_sector = None if state.category == "region" else "GOV"
            return self._actor(text_span, state.name, "state", state.country, state_sector,
                               state, rule=f"{state.rule}#{rule}")
        if token.ent_type_ == "PERSON" and token.pos_ == "PROPN":
            return None
        sector = match.first("sector")
        if sector is not None:
            return self._actor(text_span, None, sector.kind or "group", None, sector.sector,
                               sector, required=sector.country_required)
        title = match.first("title")
        if title is not None:
            return self._actor(text_span, None, "person", title.country, title.sector, title,
                               title=self.doc[match.start : match.end].text, role=True)
        demonym = match.first("demonym")
        if demonym is not None and token.pos_ in ("PROPN", "NOUN") and token.tag_ in (
            "NNPS", "NNS"
        ):
            return self._actor(text_span, demonym.name, "group", demonym.country, None, demonym)
        return None

    def _other_first_name(self, match: Match, person: Entry) -> bool:
        """'Karim Fahmy' is not the knowledge base's Nabil Fahmy: a first name written
        right before a surname-only match that differs from the entry's."""
        if match.start == 0:
            return False
        before = self.doc[match.start - 1]
        if before.pos_ != "PROPN" or before.ent_type_ != "PERSON":
            return False
        if self.match_ending.get(before.i) is not None:
            return False
        return before.lower_ not in person.name.lower().split()

    def _person(self, span: Span, entry: Entry, name_text: str) -> Actor:
        office = entry.office_on(self.published)
        sector = office.sector if office else None
        title = office.title if office else None
        return Actor(span.text, span.start_char, span.end_char, name=entry.name, kind="person",
                     country=entry.country, sector=sector, title=title, kb_id=entry.kb_id, rule=entry.rule)

    def _actor(
        self,
        span: Span,
        name: str | None,
        kind: ActorKind,
        country: str | None,
        sector: str | None,
        entry: Entry,
        *,
        title: str | None = None,
        rule: str | None = None,
        required: bool = False,
        role: bool = False,
    ) -> Actor:
        actor = Actor(span.text, span.start_char, span.end_char, name=name, kind=kind,
                      country=country, sector=sector, title=title, kb_id=entry.kb_id,
                      rule=rule or entry.rule)
        if required:
            actor.rule = f"{actor.rule}#needs-country"
        if role:
            actor.rule = f"{actor.rule}#role"
        return actor

    def _from_entity(self, token: Token, span: Span, modifiers: list[Match]) -> Actor | None:
        ent = token.ent_type_
        if token.pos_ == "PROPN" and (ent == "PERSON" or (not ent and self._person_name_before(token))):
            name_start = token.i
            while name_start > span.start and self.doc[name_start - 1].ent_type_ == "PERSON":
                name_start -= 1
            name = self.doc[name_start : token.i + 1].text
            surname = self.kb.surname_index.get(token.lower_, [])
            for entry in surname:
                if entry.name.lower() == name.lower() or name.lower() == token.lower_:
                    return self._person(span, entry, name)
            if _placed_town(token, name):
                return None
            return Actor(span.text, span.start_char, span.end_char, name=name, kind="person",
                         rule="actors:ner-person")
        named = span[1:] if len(span) > 1 and span[0].dep_ == "det" else span
        inside = self.match_at.get(token.i)
        if ent in ("ORG", "NORP") and token.pos_ == "PROPN" and named.text[:1].isupper() and (
                inside is None or inside.end - 1 <= token.i
                or inside.first("institution", "group") is None):
            # ('the Law Society of Kenya': a capitalised name after its article; not 'the
            # House' of a known 'House of Representatives', coded at the name's end)
            titled = self._titled_name(token, modifiers)
            if titled is not None:
                return Actor(span.text, span.start_char, span.end_char, name=titled,
                             kind="person", rule="actors:titled-name")
            if _placed_town(token, span.text):
                return None  # 'overran the town of Lascahobas' tagged as an organisation
            return Actor(span.text, span.start_char, span.end_char, name=span.text,
                         kind="organization", rule="actors:ner-org")
        return None

    def _person_name_before(self, token: Token) -> bool:
        """'Maria Corina Machado' with only 'Maria Corina' tagged PERSON: the head is the
        surname of that person."""
        previous = self.doc[token.i - 1] if token.i else None
        return previous is not None and previous.ent_type_ == "PERSON" and (
            previous.dep_ in ("compound", "flat") and previous.head.i == token.i)

    def _titled_name(self, token: Token, modifiers: list[Match]) -> str | None:
        """'Vice-President Moody Awori' tagged as an organisation: a person's title before two
        proper names makes a person (not 'the Prime Minister's Office', 'the Governor
        Hotel')."""
        titles = [m for m in modifiers if m.first("title") is not None]
        if not titles:
            return None
        rest = self.doc[titles[-1].end : token.i + 1]
        if len(rest) < 2 or any(t.pos_ != "PROPN" or t.dep_ == "case" for t in rest):
            return None  # a given name and a surname: not 'the Governor Hotel'
        return rest.text

    def _from_region_description(self, token: Token, span: Span) -> Actor | None:
        """'the Gulf state', 'the Andean nation': a country noun a region word describes is a
        description of a state (resolved later), whatever else 'state' may mean."""
        if token.lemma_.lower() not in word_class("country_nouns") or (
                region_members(span.text) is None):
            return None
        return self._from_country_noun(token, span)

    def _from_country_noun(self, token: Token, span: Span) -> Actor | None:
        """'her country', 'Mexico's government': the state named by the possessor."""
        lemma = token.lemma_.lower()
        if lemma not in word_class("country_nouns") and not (
                lemma in word_class("collective_nouns") and any(
                    c.lower_ in word_class("collective_determiners") for c in token.children)):
            return None  # 'the two neighbours', 'both sides' name the parties; 'a neighbour' no one
        return Actor(span.text, span.start_char, span.end_char, kind="state", sector="GOV",
                     rule="actors:country-noun#needs-country")

    # ----- modifiers, possessives, appositions ---------------------------------------
    def _enrich(self, actor: Actor, token: Token, modifiers: list[Match]) -> Actor:
        for match in modifiers:
            self._apply_modifier(actor, match)
        for child in token.children:
            if child.dep_ == "poss":
                self._apply_possessor(actor, child)
            elif child.dep_ == "appos" or (
                child.dep_ == "prep" and child.lower_ in GROUP_OF_PREPS
            ) or (child.dep_ == "prep" and child.lower_ == "to"
                  and token.lemma_.lower() in word_class("attached_title_nouns")):
                self._apply_related(actor, child)
        if actor.country is None and actor.rule and "#needs-country" in actor.rule:
            actor.rule = actor.rule.replace("#needs-country", "#vague")
        actor.code = _code(actor)
        return actor

    def _apply_modifier(self, actor: Actor, match: Match) -> None:
        entry = match.first("country", "capital", "demonym", "institution", "group", "title",
                            "sector")
        if entry is None or self._names_a_backer(match):
            return
        if entry.category == "sector":
            _apply_sector_modifier(actor, entry)
        elif entry.category == "title":
            self._apply_title_modifier(actor, entry, match)
        elif entry.category in ("institution", "group"):
            _apply_body_modifier(actor, entry)
        else:
            self._apply_place_modifier(actor, entry, match)

    def _names_a_backer(self, match: Match) -> bool:
        """'the Iranian-backed militia', 'a U.S.-funded programme': the state backs the actor,
        it does not make it its own (``backing_participles``); 'Saudi-led' does."""
        end = match.end
        return end + 1 < len(self.doc) and self.doc[end].text == "-" and (
            self.doc[end + 1].lower_ in word_class("backing_participles"))

    def _apply_title_modifier(self, actor: Actor, entry: Entry, match: Match) -> None:
        title = self.doc[match.start : match.end].text
        if entry.sector == "IGO" and self._takes_international_office(actor):
            # 'NATO Secretary General Jens Stoltenberg': an international office
            actor.title, actor.country, actor.sector = title, "IGO", "IGO"
        elif self._former(match):
            # 'former President Ahmed Ben Bella': the title no longer gives a sector
            if actor.title is None:
                actor.title = f"former {title}"
        else:
            _apply_current_title(actor, entry, title)

    def _takes_international_office(self, actor: Actor) -> bool:
        """A person not yet titled (or titled for a country) who holds no national office."""
        return (actor.kind == "person"
                and (actor.title is None or actor.country not in (None, "IGO"))
                and not self._holds_office(actor))

    def _apply_place_modifier(self, actor: Actor, entry: Entry, match: Match) -> None:
        """A country, capital or demonym modifier gives the actor its country."""
        if actor.kind == "organization" and actor.country and actor.kb_id:
            # a known organisation keeps its country unless the place is part of its name
            if match.end == self._head_match_start(actor):
                actor.country = entry.country
            return
        if actor.country is None or (actor.kind in ("group",) and actor.name is None):
            actor.country = entry.country

    def _former(self, match: Match) -> bool:
        before = self.doc[match.start - 1] if match.start > 0 else None
        return before is not None and before.lower_ in word_class("former_words")

    def _holds_office(self, actor: Actor) -> bool:
        """True when the knowledge base has this person in a national office on the date."""
        if actor.kb_id is None or self.published is None:
            return False
        entry = self.kb.persons_by_id.get(actor.kb_id)
        office = entry.office_on(self.published) if entry is not None else None
        return office is not None and entry is not None and entry.country != "IGO"

    def _head_match_start(self, actor: Actor) -> int:
        for m in self.matches:
            if self.doc[m.end - 1].idx + len(self.doc[m.end - 1]) == actor.end:
                return m.start
        return -1

    def _apply_possessor(self, actor: Actor, child: Token) -> None:
        match = self.match_ending.get(child.i)
        entry = match.first("country", "capital", "institution", "group") if match else None
        if entry is not None and actor.country is None:
            actor.country = entry.country
            if actor.kind == "person" and actor.sector is None and entry.category == "group":
                actor.sector = entry.sector
        elif child.lower_ in ("her", "his", "their", "its"):
            actor.rule = f"{actor.rule}#poss-pronoun:{child.i}"

    def _apply_related(self, actor: Actor, child: Token) -> None:
        """An apposition or an of-phrase lends country and sector to a vague head."""
        heads = [child] if child.dep_ == "appos" else [c for c in child.children
                                                       if c.dep_ == "pobj"]
        for head in heads:
            related = self._related_actor(head)
            if related is None:
                continue
            if actor.country is None:
                actor.country = related.country
            if (child.dep_ == "appos" and related.kind == "person"
                    and not self._same_phrase(head, related)):
                # 'Kim Yo Jong, the sister of leader Kim Jong Un': his country, not his office
                # ('a leader of the Sinaloa cartel' does take the group's sector)
                continue
            if actor.rule == "actors:ner-org" and related.kind == "state":
                continue  # 'the Law Society of Kenya': Kenya's, not its government
            if actor.sector is None or (
                    (actor.kind == "person" or actor.sector == "GOV") and _generic(actor)
                    and related.sector in ("CRM", "REB", "UAF")):
                # 'a leader of the Sinaloa cartel', 'a spokesman for the Houthis': the
                # non-state body's side, not the generic office's GOV
                actor.sector = related.sector if related.sector else actor.sector
            if actor.title is None and related.title and actor.kind == "person":
                actor.title = related.title

    def _same_phrase(self, head: Token, actor: Actor) -> bool:
        """True when ``actor`` is the mention headed by ``head`` (not one in its of-phrase)."""
        span = self.phrase_span(head)
        return span.start_char <= actor.start and actor.end <= span.end_char

    def _related_actor(self, head: Token) -> Actor | None:
        if head.i in self.by_head:
            return self.by_head[head.i]
        if head.pos_ not in NOMINAL:
            return None
        actor = self.code_head(head)
        if actor is None:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in GROUP_OF_PREPS:
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return self._related_actor(pobj)
        return actor


def _named_division(token: Token, modifiers: list[Match]) -> bool:
    """'Rakhine state', 'Kaduna State': a noun that names a government on its own ('the
    state') is a province when a proper name that is no country modifies it."""
    if token.lower_ not in word_class("division_nouns"):
        return False
    return any(c.dep_ == "compound" and c.pos_ == "PROPN"
               and not any(m.start <= c.i < m.end and m.first("country", "demonym")
                           for m in modifiers) for c in token.children)


def _settle_country(actor: Actor, country: str | None, mark: str) -> None:
    """Give ``actor`` the country a rule found for it, the rule's mark replacing the marks
    of a missing country."""
    actor.country = country
    rule = (actor.rule or "").replace("#vague", "").replace("#needs-country", "")
    actor.rule = f"{rule}{mark}"
    actor.code = _code(actor)


def _in_what_it_says(head: Token, token: Token) -> bool:
    """'Prime Minister X told parliament the blast was organised by the Kremlin': a country
    named in what the subject says (its verb's clausal complement) may not be the subject's;
    the article's setting, where it differs, wins over it."""
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = head.head
    return any(c.dep_ == "ccomp" and c.left_edge.i <= token.i <= c.right_edge.i
               for c in verb.children)


def _generic(actor: Actor) -> bool:
    """An actor known by a title or a sector word alone, not a named person or body of the
    knowledge base."""
    return actor.kb_id is None or actor.kb_id.startswith(("title/", "sector/"))


def _apply_sector_modifier(actor: Actor, entry: Entry) -> None:
    """'opposition supporters', 'army officers': the modifier names the sector."""
    if actor.sector is None and actor.kind in ("group", "organization"):
        actor.sector = entry.sector


def _apply_current_title(actor: Actor, entry: Entry, title: str) -> None:
    """'President Macron': the title, and the sector and country it gives where none is known."""
    if actor.title is None:
        actor.title = title
    if entry.sector and actor.sector is None:
        actor.sector = entry.sector
    if entry.country and actor.country is None:
        actor.country = entry.country


def _apply_body_modifier(actor: Actor, entry: Entry) -> None:
    """An institution or group modifier: a person takes its sector, anyone its country."""
    if actor.kind == "person" and actor.sector is None:
        actor.sector = entry.sector
    if actor.country is None:
        actor.country = entry.country


def actor_start(doc: Doc, actor: Actor) -> int:
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span.start if span is not None else 0


def _code(actor: Actor) -> str | None:
    if actor.country is None and actor.sector is None:
        return None
    return f"{actor.country or '---'}{actor.sector or ''}"


def refresh_code(actor: Actor) -> Actor:
    actor.code = _code(actor)
    return actor


def _placed_town(token: Token, name: str) -> bool:
    """'a district of Kryvyi Rih', 'struck in Kharkiv' tagged as a person: a name the
    gazetteer knows as a town, in a place's position, is that town."""
    prep = token.head if token.dep_ == "pobj" else None
    if prep is None:
        return False
    if prep.lower_ == "of" and prep.head.lemma_.lower() in word_class("settlement_nouns"):
        return True  # 'the town of X' says it itself
    if not (prep.lower_ in word_class("locative_preps") | word_class("direction_preps") or (
            prep.lower_ == "of" and prep.head.lemma_.lower() in word_class("place_nouns"))):
        return False
    from ..gazetteer import lookup_city

    return lookup_city(name) is not None
