"""Trigger → event: pick the lexicon sense, find source and target, polarity and modality."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..actors import (
    actor_at_token,
    co_actors_at_token,
    modifier_state_at_token,
    possessive_pronoun_at,
)
from ..actors.collectives import named_as_place
from ..lexicons.wordclasses import word_class
from ..model import Actor, Event, Evidence, Modality, Polarity, Trigger
from . import roles
from .dating import clause_date, statement_date
from .lexicon import EventLexicon, TriggerEntry
from .magnitudes import find_magnitudes

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..stage import Analysis

REFUSAL_ENTRY = "reject/will-not"
DEMAND_ENTRY = "request/must-clause"
AGENTLESS_TYPES = {"ASSAULT", "COERCE"}
NAMED_ACT_TYPES = AGENTLESS_TYPES | {"SANCTION"}
"""Acts a later noun may name for a reaction to fall on their doer ('condemned the
shelling', 'condemned the sanctions')."""
CIVILIAN_SECTORS = {"CVL", "LAB", "EDU", "REF"}
"""Sectors of the general public: a refusal by them that names no one refuses their state."""
RECIPROCAL_TYPES = {"AGREE", "CONSULT", "COOPERATE", "ASSAULT"}
"""Types where coordinated sources of several countries act on each other ('clashed')."""
"""'Three civilians were killed': a material attack on a known target with no agent."""
EMBEDDING_DEPS = {"xcomp", "ccomp", "acl", "advcl", "pcomp", "pobj", "dobj", "relcl", "conj", "prep"}


@dataclass
class Candidate:
    token: Token
    entry: TriggerEntry
    polarity: Polarity
    routed: bool = False
    """True when a negated trigger was routed to its ``negated`` entry ('will never accept')."""


def child_lemmas(token: Token) -> set[str]:
    """Lemmas of the trigger's children and of their children (particles, objects, preps)."""
    out: set[str] = set()
    for child in token.children:
        if child.dep_ == "prep" and _dates_only(child):
            continue  # 'called his counterpart on Saturday' is no 'call on'
        out.add(child.lemma_.lower())
        out.add(child.lower_)
        if child.dep_ in ("prep", "dobj", "prt", "advmod", "oprd", "acomp", "xcomp", "ccomp",
                          "attr", "npadvmod", "dative", "nsubjpass", "agent", "compound", "amod"):
            for grandchild in child.children:
                out.add(grandchild.lemma_.lower())
    return out


def _dates_only(prep: Token) -> bool:
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


PLACE_OBJECT = "@place"
PLACE_ENTITIES = ("GPE", "LOC", "FAC")


def object_lemmas(token: Token) -> set[str]:
    if is_nominal(token):
        heads = [c for c in token.children if c.dep_ == "compound"] + roles.prep_objects(
            token, ("of", "for", "to", "on"))
        heads += [token.head] if token.dep_ in ("compound",) else []
    else:
        heads = roles.object_tokens(token) + roles.prep_objects(
            token, ("on", "for", "to", "with", "into", "against", "from", "of", "at", "in", "as"))
        predicates = [c for c in token.children if c.dep_ in ("attr", "oprd", "acomp")]
        # ('had been an act of terrorism': the act's kind)
        heads += predicates + [p for h in predicates for p in roles.prep_objects(h, ("of",))]
        # 'tons of food aid', '$50,000 worth of goods': the measured thing
        heads += [p for h in roles.object_tokens(token) for p in roles.prep_objects(h, ("of",))]
        # 'planes carrying tents and medicine': the cargo
        heads += [o for h in roles.object_tokens(token) for c in h.children
                  if c.dep_ == "acl" and c.lemma_.lower() in word_class("cargo_verbs")
                  for o in roles.object_tokens(c)]
        heads += [c for h in list(heads) for c in h.children if c.dep_ == "compound"]
        # 'a package of sanctions': what the package holds, not the package, says what it is
        heads = [h for h in heads if not (h.lemma_.lower() in word_class("container_nouns")
                                          and roles.prep_objects(h, ("of",)))]
    # a named person is a person ('beat opposition lawmaker Jane Doe')
    people = {"person"} if any(h.ent_type_ == "PERSON" for h in heads) else set()
    return {h.lemma_.lower() for h in heads} | {h.lower_ for h in heads} | people


def xcomp_lemmas(token: Token) -> set[str]:
    """Lemmas of the trigger's complement clauses, and of a reported clause's object
    ('warned that the drills will have grave consequences': 'have', 'consequence')."""
    out: set[str] = set()
    for child in token.children:
        if child.dep_ in ("xcomp", "acl", "ccomp"):
            out.add(child.lemma_.lower())
            out.update(c.lemma_.lower() for c in child.conjuncts)
        if child.dep_ == "ccomp":
            out.update(c.lemma_.lower() for c in child.children if c.dep_ in ("dobj", "attr"))
    return out


def _cached(cache: dict[str, set[str]], key: str, compute: Callable[[], set[str]]) -> set[str]:
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def subject_lemmas(token: Token) -> set[str]:
    """Lemmas of the trigger's own subject ('a rocket fired by X hit …': 'rocket')."""
    return {c.lemma_.lower() for c in token.children if c.dep_ in roles.SUBJECT_DEPS}


def fits(entry: TriggerEntry, token: Token, cache: dict[str, set[str]],
         object_kinds: Callable[[Token], set[str]] = lambda _: set()) -> bool:
    if entry.objects and not entry.objects & _cached(
            cache, "objects", lambda: object_lemmas(token) | object_kinds(token)):
        return False
    if entry.subjects and not entry.subjects & _cached(cache, "subjects",
                                                       lambda: subject_lemmas(token)):
        return False
    if entry.with_ and not entry.with_ <= _cached(cache, "with", lambda: child_lemmas(token)):
        return False
    xcomp = entry.xcomp or entry.unless_xcomp
    xc = _cached(cache, "xcomp", lambda: xcomp_lemmas(token)) if xcomp else set()
    if entry.xcomp and not entry.xcomp & xc:
        return False
    return not (entry.unless_xcomp and entry.unless_xcomp & xc)


def select_entry(entries: list[TriggerEntry], token: Token,
                 object_sectors: Callable[[Token], set[str]],
                 object_kinds: Callable[[Token], set[str]] = lambda _: set()
                 ) -> TriggerEntry | None:
    cache: dict[str, set[str]] = {}
    labelled = labels_its_object(token)
    for entry in entries:
        if labelled and (entry.object_sectors or entry.with_):
            continue  # 'calling them groundless' labels its object: no contact, no 'call for'
        if entry.object_sectors and not entry.object_sectors & _cached(
                cache, "sectors", lambda: object_sectors(token)):
            continue
        if fits(entry, token, cache, object_kinds):
            return entry
    return None


def labels_its_object(token: Token) -> bool:
    """'calling them groundless', 'called it "a step backwards"' (an object complement, two
    objects, or a pronoun before a quotation, as the parser may have it): the verb names its
    object, it does not act on it."""
    if token.lemma_.lower() not in word_class("naming_verbs"):
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return any(c.dep_ == "oprd" for c in token.children) or (
        token.pos_ == "VERB" and len(objects) > 1) or any(
        o.pos_ == "PRON" and o.i + 1 < len(o.doc) and o.doc[o.i + 1].is_quote
        for o in objects)  # 'called it "the most significant deal"', the label cut off


def is_negated(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or child.lower_ in word_class("negations"):
            return True
        if child.dep_ in roles.SUBJECT_DEPS | roles.PASSIVE_SUBJECT_DEPS and (
                child.lower_ in word_class("negative_pronouns")
                or any(d.dep_ == "det" and d.lower_ == "no" for d in child.children)):
            return True  # 'no soldiers were hurt', 'nobody was arrested'
    if token.dep_ in ("xcomp",) and token.head.pos_ in ("VERB", "AUX"):
        return any(c.dep_ == "neg" for c in token.head.children) and token.head.lemma_ in (
            "be", "have", "do")
    return False


def modality_of(token: Token, entry: TriggerEntry, routed: bool = False) -> Modality:
    """actual / future / possible / hypothetical, from auxiliaries, conditionals and hosts.

    A refusal made now about the future ('we will never accept') is an actual REJECT.
    """
    if entry.modality:
        return entry.modality
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if routed:
        # 'will never accept', 'would not negotiate': a refusal made now
        aux -= word_class("future_modals") | {"would"}
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
        return "hypothetical"
    if "would" in aux:
        # 'said they would boycott': future in reported speech; otherwise conditional
        return "future" if _reported(token) else "hypothetical"
    if aux & word_class("possible_modals"):
        return "possible"
    if aux & word_class("future_modals"):
        return "future"
    if "to" in aux or (token.tag_ == "VB" and token.dep_ in ("xcomp", "acl", "advcl")):
        head = token.head
        if head.lemma_.lower() in word_class("hypothetical_nouns"):
            return "possible"
        if token.dep_ == "xcomp" and head.lemma_.lower() in (
                word_class("refusal_heads") | word_class("causative_verbs")
                | word_class("enacting_verbs") | word_class("aspectual_verbs")):
            # 'failed to reach agreement', 'prompted Hanoi to summon', 'voted to remove
            # him', 'continued to send arms': as actual as the head
            return modality_of(head, entry)
        return "future" if head.lemma_.lower() in word_class("future_heads") else "possible"
    if token.pos_ == "NOUN" and token.dep_ == "pobj":
        host = token.head.head
        if host.lemma_.lower() in word_class("hypothetical_nouns"):
            return "hypothetical"
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and (
            token.head.lemma_.lower() in word_class("future_leads")):
        return "future"  # 'an agent planning an attack', 'plotting a coup': not yet done
    return "actual"




def cited_reason(token: Token) -> bool:
    """'closed the border, citing security threats': a noun cited as a reason is no act."""
    return is_nominal(token) and roles.object_host_in(token, "citing_verbs") is not None


def alleged_content(token: Token) -> bool:
    """'rejected accusations that it was supporting the rebels': the act is what someone
    alleges, not an event the report states."""
    return (token.dep_ == "acl" and token.pos_ in ("VERB", "AUX")
            and token.head.lemma_.lower() in word_class("alleging_nouns")
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children))


def _reported(token: Token) -> bool:
    return (token.dep_ == "ccomp"
            and token.head.lemma_.lower() in word_class("reported_speech_verbs"))


def is_demand_clause(token: Token) -> bool:
    """'Russia said Sudan must return the helicopter': a demand by the speaker."""
    if token.dep_ != "ccomp" or token.pos_ not in ("VERB", "AUX") or not _reported(token):
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in word_class("demand_modals")
               for c in token.children)


def future_negation(token: Token) -> bool:
    """'will not accept', 'would not withdraw': a refusal made now."""
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    return bool(aux & (word_class("future_modals") | {"would"}))


class EventCoder:
    """Codes the events of one analysed article."""

    def __init__(self, analysis: Analysis, lexicon: EventLexicon, coder_key: str):
        self.analysis = analysis
        self.lexicon = lexicon
        self.coder_key = coder_key
        self.triggers: set[int] = set()
        self.acts: list[tuple[Token, Event, int]] = []
        self.coded: list[Event] = []  # every event built so far, in text order
        """Material acts built so far, for reactions that name them ('condemned the strikes')."""

    def candidates(self, sent: Span) -> list[Candidate]:
        found: list[Candidate] = []
        for token in sent:
            pos = ("verb" if token.pos_ in ("VERB", "AUX", "ADJ") or _verb_tagged_noun(token)
                   else "noun" if is_nominal(token) else "")
            if not pos:
                continue
            entries = self.lexicon.candidates(token.lemma_.lower(), pos)
            if not entries:
                continue
            entry = select_entry(entries, token, self.object_sectors, self.object_kinds)
            if entry is None:
                continue
            polarity: Polarity = "positive"
            routed = False
            if is_negated(token):
                route = entry.negated if entry.negated in self.lexicon.by_id else (
                    REFUSAL_ENTRY if future_negation(token) else None)
                if route and route in self.lexicon.by_id:
                    entry = self.lexicon.by_id[route]
                    routed = True
                else:
                    polarity = "negative"
            elif (token.dep_ == "xcomp"
                  and token.head.lemma_.lower() in word_class("refusal_heads")):
                polarity = "negative"
            found.append(Candidate(token, entry, polarity, routed))
        found += self.demand_candidates(sent, {c.token.i for c in found})
        return found

    def demand_candidates(self, sent: Span, taken: set[int]) -> list[Candidate]:
        """Clauses with 'must'/'should' reported from a speaker are that speaker's REQUEST;
        the trigger of the demanded act, if any, is replaced by the demand."""
        entry = self.lexicon.by_id.get(DEMAND_ENTRY)
        if entry is None:
            return []
        return [Candidate(t, entry, "positive", True) for t in sent if is_demand_clause(t)]

    def embedded(self, token: Token, trigger_ids: set[int]) -> bool:
        """True when the trigger is the content of another trigger ('agreed to mobilize').

        A conjunct shares its head's status: 'agreed to X and Y' embeds Y, while
        'we can share information but we will never accept' codes both.
        """
        node = token
        if _subordinate_act(token):
            return False
        for _ in range(6):
            if node.dep_ not in EMBEDDING_DEPS or node.head.i == node.i:
                return False
            is_conj = node.dep_ == "conj"
            node = node.head
            if is_conj:
                continue
            if node.dep_ == "prep" and node.lower_ in word_class("sequence_preps"):
                return False  # 'rallied after a decision to jail him': another act, not content
            if node.i in trigger_ids:
                return not roles.inverted_subordination(node, token)
            if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("xcomp", "acl", "pcomp", "conj"):
                return False
        return False

    def judged_act_with_doer(self, candidate: Candidate) -> bool:
        """'condemned an Israeli strike on a village', 'denounced the arrest of X by police':
        an act named with its doer as the object of a verb that judges it happened, and is
        coded as well as the judgement."""
        token = candidate.token
        host = roles.object_host(token) if is_nominal(token) else None
        if host is None and is_nominal(token) and token.dep_ == "pobj" and (
                token.head.lower_ in ("against", "over")):
            host = token.head.head  # 'to protest against a Turkish drone strike'
        if host is None or host.lemma_.lower() not in word_class("act_naming_verbs"):
            return False
        return bool(self._noun_doers(token, candidate.entry.possessor == "source"))

    def _noun_doers(self, noun: Token, possessor_acts: bool = True, parties_act: bool = True
                    ) -> list[Actor]:
        """Who a noun trigger names as its doer: 'X's offer', 'the attack by X', and a
        state named as its modifier ('an Israeli strike')."""
        tokens = roles.noun_source_tokens(noun, possessor_acts, parties_act)
        found = self._actors(tokens)
        if not found:
            found = [state for t in tokens if t.dep_ in ("amod", "compound")
                     and (state := modifier_state_at_token(self.analysis, t)) is not None][:1]
        return found

    def _event_subject(self, token: Token) -> bool:
        """'A roadside bombing killed one soldier': the subject is itself a violent event."""
        for child in token.children:
            if child.dep_ in roles.SUBJECT_DEPS and child.pos_ == "NOUN":
                entries = self.lexicon.candidates(child.lemma_.lower(), "noun")
                return any(e.type in AGENTLESS_TYPES for e in entries) or (
                    child.lemma_.lower() in word_class("event_subject_nouns"))
        return False

    # ----- actors ----------------------------------------------------------------
    def object_sectors(self, token: Token) -> set[str]:
        """Sectors of the trigger's object actors ('welcomed U.S. troops' → MIL)."""
        heads = roles.object_tokens(token) if not is_nominal(token) else roles.noun_target_tokens(token)
        return {a.sector for a in self._actors(heads) if a.sector}

    def object_kinds(self, token: Token) -> set[str]:
        """'@place' when the verb's direct object names a place ('missiles struck Kharkiv'):
        a place entity, or a state's city or region the actors stage knows."""
        if is_nominal(token) or any(c.dep_ == "prt" for c in token.children) or any(
                a.kind == "person" for a in self._actors(roles.subject_tokens(token))):
            return set()  # 'struck Mexico off the list', 'the minister hit Beijing'
        for head in roles.object_tokens(token):
            actor = actor_at_token(self.analysis, head)
            if head.ent_type_ in PLACE_ENTITIES or (
                    actor is not None and actor.kind == "state" and head.pos_ == "PROPN"):
                return {PLACE_OBJECT}
        return set()

    def actor_of(self, token: Token) -> Actor | None:
        """The actor a token stands for: its own mention, else its possessor or modifier."""
        actor = actor_at_token(self.analysis, token)
        named = self._apposed_actor(token)
        if actor is not None:
            # 'the Iranian-backed militia Kataib Hezbollah': a described kind gives way to its name
            return named if named is not None and named.country and actor.name is None else actor
        if named is not None and named.country:
            # 'the South American bloc Mercosur', 'the militant group Hamas': the name
            return named
        for child in token.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                actor = actor_at_token(self.analysis, child) or modifier_state_at_token(
                    self.analysis, child)
                if actor is not None and not (actor.rule or "").startswith("actors:pronoun"):
                    return actor
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "from", "in", "by"):
                for pobj in child.children:
                    actor = actor_at_token(self.analysis, pobj)
                    # 'her rivals in Congress': a body, never a place ('protesters in Lima')
                    if actor is not None and (child.lower_ != "in" or actor.kind == "organization"):
                        return actor
        return named

    def _apposed_actor(self, token: Token) -> Actor | None:
        for child in token.children:
            if child.dep_ == "appos" and (named := actor_at_token(self.analysis, child)):
                return named
        return None

    def _actors(self, tokens: list[Token]) -> list[Actor]:
        out: list[Actor] = []
        for token in tokens:
            actor = self.actor_of(token)
            if actor is not None and all(a is not actor for a in out):
                out.append(actor)
                out.extend(co_actors_at_token(self.analysis, token))
                if actor_at_token(self.analysis, token) is None:
                    # 'manoeuvres by the United States and the Philippines': every party
                    out.extend(a for a in self._joined_prep_actors(token) if a not in out)
        return out

    def _joined_prep_actors(self, token: Token) -> list[Actor]:
        """The actors joined to the one a noun's 'of'/'by' phrase names."""
        found: list[Actor] = []
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "by"):
                for pobj in prep.children:
                    for conj in pobj.conjuncts:
                        actor = actor_at_token(self.analysis, conj)
                        if actor is not None:
                            found.append(actor)
        return found

    def sources(self, token: Token, entry: TriggerEntry | None = None) -> list[Actor]:
        if entry is not None and entry.id == DEMAND_ENTRY:
            return self._actors(roles.subject_tokens(token.head))
        if entry is not None and entry.stative and roles.is_passive(token):
            # 'Vietnam is committed to…': the passive subject is the one committed
            return self._actors(roles.object_tokens(token))
        if entry is not None and entry.source != "subject":
            return self._framed_sources(token, entry)
        if is_nominal(token):
            possessor_acts = entry is None or entry.possessor == "source"
            # 'mediation between A and B': the parties are its targets, not its actors
            parties_act = entry is None or entry.target != "prep:between"
            found = self._noun_doers(token, possessor_acts, parties_act)
            host = roles.object_host(token)
            if not found and host is not None and (
                    host.lemma_.lower() not in word_class("act_naming_verbs")
                    | word_class("eliciting_verbs")):
                # ('condemned the attack', 'calling the incursion a provocation': the one
                # who names an act did not do it; 'his death sparked protests': nor the one
                # who caused it)
                # 'launched an attack', 'reiterated her opposition': the verb's subject acts
                found = self._actors(roles.subject_tokens(host))
            if not found and token.dep_ == "pobj" and token.head.lower_ == "for" and (
                    token.head.head.lemma_.lower() in word_class("motion_verbs")):
                # 'negotiators return to Geneva for talks', 'converging for a rally'
                found = self._actors(roles.subject_tokens(token.head.head))
            if not found and (claimant := roles.responsibility_claimant(token)):
                # 'X claimed responsibility for a bombing': X bombed
                found = self._actors(claimant)
            return found
        found = self._actors(roles.subject_tokens(token))
        found += [a for a in self._actors(roles.coordinating_partners(token)) if a not in found]
        if not found and entry is not None and entry.type in RECIPROCAL_TYPES:
            # 'talks were held in Doha between A and B': the parties act on each other
            found = self._actors(roles.between_parties(token))
        return found

    def _framed_sources(self, token: Token, entry: TriggerEntry) -> list[Actor]:
        """The frame's source slot: who says the clause, or a preposition's object."""
        if entry.source == "reporter":
            return self._actors(roles.reporter_tokens(token))
        return self._actors(roles.slot_objects(token, entry.source[5:]))

    def targets(self, token: Token, entry: TriggerEntry, sources: list[Actor]) -> list[Actor]:
        if entry.target == "none":
            return []
        if entry.target == "subject":
            return self._non_sources(roles.experiencer_tokens(token), sources)
        if is_nominal(token) and entry.possessor == "target" and (
                owners := self._non_sources(roles.possessor_tokens(token), sources)):
            return owners
        if entry.id == DEMAND_ENTRY:
            return self._non_sources(roles.subject_tokens(token), sources)
        # 'Britain mobilized army reservists': the source's own forces are its means
        direct = [a for a in _outside_sources(self._direct_targets(token, entry, sources),
                                              sources, entry.type)
                  if not (entry.type in MEANS_TYPES and self._owned_by_source(a, sources))]
        if not direct and is_nominal(token) and (struck := self._struck_by_act(token)):
            direct = _outside_sources(struck, sources, entry.type)
        if not direct and entry.target.startswith("prep:"):
            # 'flew rescuers to Mandalay': the slot names a town, not an actor
            direct = self._town_country(
                token, roles.prep_objects(token, (entry.target[5:],)), sources)
        if entry.target == "parties" and not direct and len(
                {a.country for a in sources if a.country}) > 1:
            # 'Turkey and Iraq signed a security pact to fight Kurdish militants': the
            # signatories bind each other; whom the pact is about is no counterpart
            return list(sources)
        found = (direct or self._non_sources(roles.judged_doers(token), sources)
                 or self._indirect_targets(token, entry, sources) or self._provoked(
                     token, sources))
        if entry.target == "population":
            return populations(token, found or sources)
        if entry.target == "neighbour":
            # ('closed the Chaman crossing': a crossing's name is no counterpart)
            return [a for a in found if a.country] or self._neighbour_state(token, sources)
        return found

    def _struck_by_act(self, noun: Token) -> list[Actor]:
        """'Israeli strikes killed 25 Palestinians', 'shelling wounded three soldiers': an act
        named as the subject of a verb of harm falls on that verb's object."""
        head = noun.head
        if noun.dep_ not in roles.SUBJECT_DEPS or head.pos_ != "VERB" or (
                head.lemma_.lower() not in word_class("harm_verbs")):
            return []
        return self._actors(roles.object_tokens(head))

    def _setting(self) -> str | None:
        """The country the story is set in (the actors stage's reading of its dateline and
        the countries it is about), None when it has none."""
        index = self.analysis.actor_index
        return index.setting if index is not None else None

    def _implicit_authority(self, token: Token, sector: str, targets: list[Actor]
                            ) -> list[Actor]:
        """'A journalist was arrested on Monday': an act only a state does, with no one named,
        is done by the authorities (of the sense's sector) of the country it is placed in
        ('detained in Moscow'), else the one the story is set in, else that of the one it is
        done to."""
        placed = (actor.country for node in roles.deep_targets(token, limit=12)
                  if (actor := self.actor_of(node)) is not None and named_as_place(node, actor))
        country = next(placed, None) or self._setting() or next(
            (t.country for t in targets if t.country and t.country not in ("IGO", "NGO")), None)
        if country is None:
            return []
        return [Actor(token.text, token.idx, token.idx + len(token), name="authorities",
                      kind="group", country=country, sector=sector,
                      rule="frame:implicit-authority")]

    def _setting_population(self, token: Token) -> list[Actor]:
        setting = self._setting()
        return [_population_at(token, setting, "frame:setting-country")] if setting else []

    def _owned_by_source(self, actor: Actor, sources: list[Actor]) -> bool:
        """'released $5 million from its emergency fund': what the source's own pronoun owns
        is its means, not its counterpart."""
        token_i = possessive_pronoun_at(actor)
        if token_i is None:
            return False
        owner = actor_at_token(self.analysis, self.analysis.doc[token_i])
        return owner is not None and _same_actor(owner, sources)

    def _provoked(self, token: Token, sources: list[Actor]) -> list[Actor]:
        """'Shelling by Kyrgyz troops prompted Tajikistan to recall its envoy': an act named
        as what made a state respond, with no target of its own, fell on that state."""
        if token.dep_ not in roles.SUBJECT_DEPS | {"csubj"} or (
                token.head.lemma_.lower() not in word_class("causative_verbs")):
            return []
        responders = [c for c in token.head.children if c.dep_ in ("dobj", "nsubj")
                      and c.i > token.head.i]
        return [a for a in self._actors(responders)
                if a.kind == "state" and not _same_actor(a, sources)]

    def _neighbour_state(self, token: Token, sources: list[Actor]) -> list[Actor]:
        """'Pakistan closed the Torkham crossing': a border act with no counterpart named
        falls on the state on the other side, the nearest state of another country within
        NEIGHBOUR_SENTENCES sentences, else the country the story is set in."""
        own = {a.country for a in sources}
        sentence_starts = [s.start_char for s in self.analysis.doc.sents]
        here = bisect_right(sentence_starts, token.idx)
        lo = sentence_starts[max(0, here - 1 - NEIGHBOUR_SENTENCES)]
        hi_at = here + NEIGHBOUR_SENTENCES
        last = self.analysis.doc[-1]
        hi = sentence_starts[hi_at] if hi_at < len(sentence_starts) else (
            last.idx + len(last.text_with_ws))
        states = [a for a in self.analysis.actors if lo <= a.start < hi and a.country
                  and a.country not in own and a.country not in ("IGO", "NGO")
                  and (a.kind == "state" or a.sector in STATE_SECTORS)]
        if states:
            return [min(states, key=lambda a: abs(a.start - token.idx))]
        setting = self._setting()
        if setting is not None and setting not in own:
            return [_neighbour_actor(token, setting)]
        return []

    def _direct_targets(self, token: Token, entry: TriggerEntry, sources: list[Actor]) -> list[Actor]:
        """A noun trigger's complement, the lexicon's preposition, or a verb trigger's object."""
        if is_nominal(token) and not entry.target.startswith("prep:"):
            return self._actors(roles.noun_target_tokens(token))
        if entry.target.startswith("prep:"):
            return self._actors(roles.prep_objects(token, (entry.target[5:],)))
        return self._object_targets(token, sources)

    def _object_targets(self, token: Token, sources: list[Actor]) -> list[Actor]:
        objects = roles.object_tokens(token)
        # 'her opposition to any U.S. intrusion': the object's own complement, unless it
        # names the source's side ('the possibility of U.S. military action')
        # ('charges against the former leader' names a person of the source's own country)
        # ('ordered his arrest': the owner of a noun whose owner undergoes it)
        nested = [a for a in self._actors([t for o in objects
                                          for t in roles.noun_target_tokens(o)
                                          + self._patient_owners(o)])
                  if a.country not in {s.country for s in sources}
                  or (a.kind == "person" and not _same_actor(a, sources))]
        return (self._actors(objects) or nested
                or self._actors(roles.prep_objects(token, roles.TARGET_PREPS)))

    def _patient_owners(self, noun: Token) -> list[Token]:
        """The possessor of a noun whose senses make its possessor the patient ('his
        arrest', 'the minister's dismissal')."""
        entries = self.lexicon.candidates(noun.lemma_.lower(), "noun")
        if not entries or any(e.possessor != "target" for e in entries):
            return []
        return roles.possessor_tokens(noun)

    def _indirect_targets(self, token: Token, entry: TriggerEntry, sources: list[Actor]) -> list[Actor]:
        """No direct target: the subject of a clausal complement, the object of the act the
        trigger is about, else an actor deeper in the trigger's complements."""
        # ('Zelensky warned that Kyiv would strike …': the speaker's own state acts in the
        # clause; it is not the one warned)
        clause = [a for a in self._non_sources(roles.clause_subject_tokens(token), sources)
                  if not _own_state(a, sources)]
        content = _outside_sources(self._actors(roles.content_object_tokens(token)), sources)
        if not (clause or content) and entry.type == "THREATEN":
            # 'threatened to stop talks if the United States goes ahead': the one the
            # condition is put to is the one threatened
            clause = self._non_sources(roles.condition_subject_tokens(token), sources)
            if not clause and roles.puts_to_anyone(token):
                # 'warned that anyone who attacks a police station will be punished' (a
                # quoted 'we' has no country yet: the story's setting)
                return populations(token, sources) or self._setting_population(token)
        return clause or content or self._fallback_target(token, sources, entry.type)

    def _non_sources(self, tokens: list[Token], sources: list[Actor]) -> list[Actor]:
        return [a for a in self._actors(tokens) if not _same_actor(a, sources)]

    def _fallback_target(self, token: Token, sources: list[Actor], entry_type: str = ""
                         ) -> list[Actor]:
        """An actor of another country inside the trigger's complements, else another actor
        of the same country there ('declined to resign despite pressure by the Kenya
        Anti-Corruption Commission'), never the source itself or its own forces."""
        source_countries = {a.country for a in sources}
        domestic: Actor | None = None
        places_count = entry_type not in PLACELESS_TYPES
        for node in roles.deep_targets(token, places_count=places_count,
                                       joined_acts=entry_type not in REACTION_TYPES,
                                       noun_clauses=entry_type not in AGENTLESS_TYPES):
            actor = self.actor_of(node)
            if actor is None or not actor.country or _same_actor(actor, sources):
                continue
            if entry_type in TOWN_TARGET_TYPES and named_as_place(node, actor):
                # 'struck bases in central Somalia': the place is the act's location; the
                # act falls on the people there, not on the state named as the place (a
                # protest in the capital is still aimed at its government)
                actor = _population_at(token, actor.country, "frame:population-of-place")
            if actor.country not in source_countries:
                return [actor]
            if domestic is None and not _own_forces(actor, sources) and not (
                actor.rule or "").startswith("actors:pronoun") and not (
                    entry_type == "AID" and _aid_means(actor)):
                domestic = actor
                if entry_type not in SEAT_TARGET_TYPES and named_as_place(node, actor):
                    # 'threatened a curfew in the capital', 'troops deployed across the
                    # capital': the people there, never the state named as the place
                    domestic = _population_at(token, actor.country, "frame:population-of-place")
        if domestic is None and entry_type in TOWN_TARGET_TYPES:
            return (self._town_country(token, roles.deep_targets(token), sources)
                    or self._setting_country(token, sources, entry_type))
        return [domestic] if domestic is not None else []

    def _setting_country(self, token: Token, sources: list[Actor], entry_type: str = ""
                         ) -> list[Actor]:
        """'shelled a village near the border' in a story datelined in the country struck:
        an act done somewhere no gazetteer names falls on the country the story is set in,
        when the source is another country's; so does aid a foreign donor sends with no
        recipient named ('Japan said it would send a medical team')."""
        setting = self._setting()
        state_countries = {a.country for a in sources
                           if a.kind == "state" or a.sector in STATE_SECTORS}
        if setting is None or setting in state_countries:
            return []
        if entry_type != "AID" and not _acts_on_a_place(token):
            return []
        if entry_type == "AID" and setting in {a.country for a in sources}:
            return []
        return [_population_at(token, setting, "frame:setting-country")]

    def _town_country(self, token: Token, nodes: Iterable[Token], sources: list[Actor]
                      ) -> list[Actor]:
        """'a rocket hit a field near Kiryat Shmona': an attack on a town the knowledge base
        does not name falls on the town's country (the gazetteer's), as one on a country
        named as its place does ('airstrikes in Syria')."""
        from ..gazetteer import lookup_city

        source_countries = {a.country for a in sources
                            if a.kind == "state" or a.sector in STATE_SECTORS}
        for node in nodes:
            if node.pos_ != "PROPN" or node.dep_ == "compound":
                continue
            name = node.doc[node.left_edge.i if node.left_edge.dep_ == "compound" else node.i:
                            node.i + 1]
            city = lookup_city(name.text)
            if city is not None and city.country not in source_countries:
                return [_population_at(token, city.country, "frame:town-country")]
        return []

    def _act_sources(self, token: Token, sources: list[Actor], sent_index: int) -> list[Actor]:
        """'condemned the strikes', 'condemned them as a violation': a reaction to an act
        told before falls on whoever did it (the latest act of that name, or for a pronoun
        the latest act of the last sentences)."""
        named = (_elicitors(token) if is_nominal(token)
                 else roles.object_tokens(token) + roles.called_labels(token))
        for obj in named:
            lemma = obj.lemma_.lower()
            pronoun = obj.pos_ == "PRON" and obj.lower_ in ACT_PRONOUNS
            claim = lemma in word_class("accusation_nouns")
            named_types = self._act_types_named(obj)
            for trigger, event, act_sent in reversed(self.acts):
                if pronoun and sent_index - act_sent > ACT_PRONOUN_REACH:
                    break
                if claim != (event.type == "ACCUSE"):
                    continue  # 'rejected the accusations': the accuser's; acts otherwise
                if (pronoun or claim or trigger.lemma_.lower() == lemma
                        or event.type in named_types):
                    # (a claim rejected falls on its maker, of whatever country)
                    found = [a for a in event.source if not _same_actor(a, sources)
                             and (claim or a.country not in {s.country for s in sources}
                                  or _holds_own_state_to_account(sources, a))]
                    if found:
                        return found
        return []

    def _act_types_named(self, noun: Token, nominal_only: bool = True) -> set[str]:
        """The types of material act a noun names: 'the shelling', 'the sanctions' (a noun
        trigger, whatever word told the act), 'the incident', 'a violation', 'violence' (any
        violent or coercive act)."""
        lemma = noun.lemma_.lower()
        if lemma in word_class("generic_act_nouns") | word_class("act_judgement_nouns"):
            return set(AGENTLESS_TYPES)
        if nominal_only and not is_nominal(noun):
            return set()
        return {e.type for e in self.lexicon.candidates(lemma, "noun") if e.type in NAMED_ACT_TYPES}

    def _labels_an_act(self, token: Token) -> bool:
        """'condemned what it called horrific violence against civilians': the label is an
        act noun, so the reaction falls on whoever did that act, not on whom the label names."""
        return any(self._act_types_named(label, nominal_only=False)
                   for label in roles.called_labels(token))

    def _proposer(self, token: Token, sources: list[Actor]) -> list[Actor]:
        """'Israel offered a truce proposal … Hamas rejected the proposal': a proposal taken
        up again falls on whoever last made an offer or a demand (AGREE or REQUEST)."""
        if is_nominal(token) or not any(o.lemma_.lower() in word_class("proposal_nouns")
                                        for o in roles.object_tokens(token)):
            return []
        for event in reversed(self.coded):
            if event.type in ("AGREE", "REQUEST"):
                makers = [a for a in event.source if a.country and not _same_actor(a, sources)
                          and a.country not in {s.country for s in sources}]
                if makers:
                    return makers
        return []

    def _agreement_parties(self, token: Token, sources: list[Actor]) -> list[Actor]:
        """'Belgium welcomed the deal': support for an agreement told before goes to its
        parties (the sources of the latest AGREE coded), not to no one."""
        if is_nominal(token) or not any(o.lemma_.lower() in word_class("agreement_nouns")
                                        for o in roles.object_tokens(token)):
            return []
        for event in reversed(self.coded):
            if event.type == "AGREE" or event.cameo == SIGNING_CODE:
                parties = [a for a in event.source + event.target if a.country
                           and not _same_actor(a, sources)]
                unique = {a.country: a for a in parties}
                return list(unique.values())
        return []

    def partners(self, token: Token) -> tuple[list[Actor], list[Actor]]:
        """Actors named 'along with' the subject, and after the object, of a verb trigger."""
        if is_nominal(token):
            return [], []
        before, after = roles.partner_tokens(token)
        return self._actors(before), self._actors(after)

    def object_is_actor(self, token: Token) -> bool:
        """'designated two cartels': the object itself names an actor (not 'the Israeli
        strike', whose modifier does)."""
        return any(actor_at_token(self.analysis, o) is not None
                   for o in roles.object_tokens(token))

    # ----- build -----------------------------------------------------------------
    def build(self, candidate: Candidate, sent: Span, sent_index: int) -> Event | None:
        token, entry = candidate.token, candidate.entry
        sources = self.sources(token, entry)
        # 'Egypt, along with Jordan, condemned…': Jordan acts too. 'designated two cartels…,
        # along with MS-13': MS-13 shares the object's role where the object is an actor;
        # 'imposed sanctions on Russia, along with Britain': otherwise the partner acts too
        beside, following = self.partners(token)
        joins_objects = self.object_is_actor(token)
        partners = [a for a in beside + ([] if joins_objects else following)
                    if not _same_actor(a, sources)]
        targets = self.targets(token, entry, sources + partners)
        if not targets and entry.type in RECIPROCAL_TYPES and (len(
                {a.country for a in sources if a.country}) > 1 or (
                len(self._actors(roles.between_parties(token))) > 1)):
            # 'Brazil and Kenya agreed…', 'clashes between students and police': each side
            # acts on the other
            targets = list(sources)
        if joins_objects:
            targets += [a for a in following if not _same_actor(a, targets)]
        if entry.type in REACTION_TYPES and (not targets or roles.judged_as_act(token)
                                             or roles.names_a_claim(token)
                                             or self._labels_an_act(token)):
            targets = self._act_sources(token, sources, sent_index) or targets
        if entry.type == "SUPPORT" and not targets:
            targets = self._agreement_parties(token, sources)
        if entry.type in ("REJECT", "SUPPORT") and not targets:
            targets = self._proposer(token, sources)
        if not targets and (entry.type == "PROTEST" or (entry.type == "REJECT" and all(
                a.sector in CIVILIAN_SECTORS for a in sources + partners))):
            # ('protesters defied the curfew': people refusing a measure refuse their state)
            targets = protested_government(sources + partners, token.text, token.idx,
                                           token.idx + len(token))
        if entry.type in REACTION_TYPES and not targets:
            targets = last_counterpart(sources + partners, self.coded)
        sources = sources + partners
        modality = modality_of(token, entry, candidate.routed)
        if not sources and entry.implicit_source and roles.is_passive(token) and (
                modality == "actual"):
            sources = self._implicit_authority(token, entry.implicit_source, targets)
        if not sources and candidate.polarity == "negative":
            return None  # 'no personnel were injured': nothing happened, and no one did it
        if not sources and not (targets and entry.type in AGENTLESS_TYPES
                                and (roles.is_passive(token) or self._event_subject(token))):
            return None
        if not sources and _names_a_disaster(sent):
            return None  # 'were injured when the earthquake struck': nobody attacked them
        cameo = self.lexicon.cameo_for(entry.cameo)
        article_id = self.analysis.article.id
        start, end = token.idx, token.idx + len(token)
        speech = roles.reporting_verb(token) if entry.source == "reporter" else None
        # (a judgement said in a reported clause is made when it is said)
        date = (statement_date(self.analysis, speech) if speech is not None
                else clause_date(self.analysis, token.i, cameo.quad_class if cameo else None))
        confidence = entry.confidence * (1.0 if any(a.country for a in sources) else 0.6)
        return Event(
            id=event_id(article_id, start, end, entry.type, self.coder_key),
            article_id=article_id,
            type=entry.type,
            source=sources,
            target=targets,
            date=date,
            evidence=[Evidence(sent_index, sent.text, sent.start_char, sent.end_char,
                               Trigger(token.text, start, end))],
            rule=entry.rule,
            mode=entry.mode or (cameo.mode if cameo else None),
            contexts=list(entry.contexts or (cameo.contexts if cameo else ())),
            cameo=entry.cameo,
            quad_class=cameo.quad_class if cameo else None,
            intensity=cameo.goldstein if cameo else None,
            polarity=candidate.polarity,
            modality=modality,
            confidence=round(confidence, 3),
            magnitudes=find_magnitudes(token, sent),
        )

    def code(self) -> list[Event]:
        events: list[Event] = []
        for sent_index, sent in enumerate(self.analysis.doc.sents):
            found = _prefer_demands(self.candidates(sent))
            ids = {c.token.i for c in found}
            types = {c.token.i: c.entry.type for c in found}
            built: set[int] = set()
            for candidate in found:
                if alleged_content(candidate.token) or cited_reason(candidate.token):
                    continue
                if self.embedded(candidate.token, ids) and not own_act(
                        candidate.token, types) and not self.judged_act_with_doer(candidate):
                    continue
                if same_act_joined(candidate.token, types) or told_toll(
                        candidate.token, built, types) or purpose_of_same_act(
                        candidate.token, types) or consequence_of_nearer_act(
                        candidate.token, types):
                    continue
                event = self.build(candidate, sent, sent_index)
                if event is not None:
                    events.append(event)
                    self.coded.append(event)
                    built.add(candidate.token.i)
                    if event.type in NAMED_ACT_TYPES | {"ACCUSE"} and event.source:
                        self.acts.append((candidate.token, event, sent_index))
        detentions: dict[int, list[Event]] = {}  # by sentence: looked up, not scanned
        for event in events:
            if event.type == "COERCE" and event.polarity == "positive" and event.source:
                detentions.setdefault(event.evidence[0].sentence_index, []).append(event)
        return [_addressed_to_holder(e, detentions) for e in events]


def last_counterpart(sources: list[Actor], earlier: list[Event]) -> list[Actor]:
    """'Russia promised a tough response', 'China will take all necessary measures', with
    no one named: a reaction falls on the state that last acted on the speaker's country
    in the story (the latest of the ``earlier`` events, in text order, with that country as
    its target)."""
    countries = {a.country for a in sources if a.country}
    if not countries:
        return []
    for event in reversed(earlier):
        if not any(t.country in countries for t in event.target):
            continue
        doers = [a for a in event.source if a.country and a.country not in countries]
        if doers:
            return doers
    return []


def protested_government(sources: list[Actor], text: str, start: int, end: int
                         ) -> list[Actor]:
    """'Students marched through Dhaka', 'Our protest will continue': a protest by people of
    one country that names no one it is against is against that country's government."""
    countries = {a.country for a in sources}
    if len(countries) != 1 or None in countries or any(
            a.sector in STATE_SECTORS or a.kind == "state" or a.country in ("IGO", "NGO")
            for a in sources):
        return []
    return [Actor(text, start, end, name="government", kind="state", country=countries.pop(),
                  sector="GOV", rule="frame:protest-against-government")]


def _addressed_to_holder(event: Event, detentions: Mapping[int, list[Event]]) -> Event:
    """'"We demand the release of our citizens," the minister said, after French police
    detained three of them': a demand for the release of one's own people (or of people it
    leaves unnamed) is put to whoever holds them, the foreign doer of a detention (COERCE, by
    sentence in ``detentions``) told within HOLDER_SENTENCES sentences, not to the people."""
    if event.type != "REQUEST" or event.cameo not in RELEASE_DEMAND_CODES or not event.source:
        return event
    # (a quoted 'we' has no country until the merge gives it the speaker's: then the
    # people named are taken as the speaker's own)
    own = ({a.country for a in event.source if a.country}
           or {t.country for t in event.target if t.country})
    if any(t.country not in own or t.sector in STATE_SECTORS for t in event.target):
        return event
    here = event.evidence[0].sentence_index
    holds = [e for k in range(here - HOLDER_SENTENCES, here + HOLDER_SENTENCES + 1)
             for e in detentions.get(k, [])
             if (not own or any(t.country in own for t in e.target))
             and all(a.country and a.country not in own for a in e.source)]
    if not holds:
        return event
    nearest = min(holds, key=lambda e: abs(e.evidence[0].start - event.evidence[0].start))
    return replace(event, target=list(nearest.source))


SIGNING_CODE = "057"
"""CAMEO: sign formal agreement."""

RELEASE_DEMAND_CODES = frozenset({"0253", "1053"})
"""CAMEO: appeal for (0253) and demand (1053) the release of persons or property."""
HOLDER_SENTENCES = 1


def _names_a_disaster(sent: Span) -> bool:
    disasters = word_class("disaster_nouns")
    return any(t.lemma_.lower() in disasters or t.lower_ in disasters for t in sent)


def _subordinate_act(token: Token) -> bool:
    """'…imposed tariffs after the country turned away two aircraft': an adverbial clause
    with a subject of its own tells another act, not the content of the main one."""
    if token.dep_ == "pcomp" and token.head.lower_ in word_class("sequence_preps"):
        return True  # 'was held after being beaten by guards': the beating is an act too
    return token.dep_ == "advcl" and any(
        c.dep_ in roles.SUBJECT_DEPS | roles.PASSIVE_SUBJECT_DEPS for c in token.children)


def own_act(token: Token, types: Mapping[int, str]) -> bool:
    """An act of its own though it hangs on another trigger: a noun joined to a trigger of
    another type ('imposed a curfew and the deployment of the army'), or a participle clause
    of another type beside the main verb ('condemned the killings, calling for an inquiry');
    of the same type it tells the same act ('attacked the camp, killing 40')."""
    if token.pos_ == "NOUN" and token.dep_ == "conj":
        first = roles.first_conjunct(token)
        return first.i in types and types[first.i] != types.get(token.i)
    if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in ("NOUN", "PROPN"):
        return True  # 'dispersed demonstrators protesting the results': the protest is theirs
    if token.dep_ == "pcomp" and token.tag_ == "VBG" and any(
            c.dep_ in roles.SUBJECT_DEPS for c in token.children):
        return True  # 'fired at demonstrators marching on parliament' (parsed as a clause)
    return (token.dep_ == "advcl" and token.tag_ == "VBG"
            and not any(c.dep_ == "mark" for c in token.children)
            and types.get(token.head.i) != types.get(token.i))


def consequence_of_nearer_act(token: Token, types: Mapping[int, str]) -> bool:
    """'protested after a ship fired water cannon at a vessel, injuring three crew', with
    'injuring' hung on 'protested': a participle of consequence whose head is of another type
    tells the act of its type between them (the same act), not an act of the head's subject."""
    if not (token.dep_ == "advcl" and token.tag_ == "VBG") or any(
            c.dep_ in roles.SUBJECT_DEPS or c.dep_ == "mark" for c in token.children):
        return False
    kind = types.get(token.i)
    head = token.head
    return types.get(head.i) != kind and any(
        head.i < i < token.i and other == kind and head in token.doc[i].ancestors
        for i, other in types.items())


def told_toll(token: Token, built: set[int], types: Mapping[int, str]) -> bool:
    """'Clashes between X and Y killed 40 people': a verb whose subject is an act of its type
    already coded tells that act's toll, not another act."""
    return token.pos_ == "VERB" and any(
        c.dep_ in roles.SUBJECT_DEPS and c.i in built and types.get(c.i) == types.get(token.i)
        for c in token.children)


def populations(token: Token, actors: list[Actor]) -> list[Actor]:
    """'imposed a curfew in Dhaka': the act falls on the people of the country where it is
    imposed (a state named as its place), else of the country that imposes it."""
    countries = list(dict.fromkeys(a.country for a in actors if a.country
                                   and a.country not in ("IGO", "NGO")))
    return [_population_at(token, c, "frame:population") for c in countries]


def same_act_joined(token: Token, types: Mapping[int, str]) -> bool:
    """'was shot and wounded', 'killed and injured': a verb joined to a trigger verb of the
    same type with no subject of its own restates that act."""
    head = token.head
    return (token.dep_ == "conj" and token.pos_ == "VERB" and head.pos_ == "VERB"
            and types.get(head.i) == types.get(token.i)
            and not any(c.dep_ in roles.SUBJECT_DEPS | roles.PASSIVE_SUBJECT_DEPS
                        for c in token.children))


def purpose_of_same_act(token: Token, types: Mapping[int, str]) -> bool:
    """'deployed troops to patrol the capital', 'authorised the deployment of troops to
    patrol it': an infinitive of purpose whose head, or the head's object, is an act of the
    same type tells that act's aim, not another act."""
    if token.dep_ not in ("xcomp", "advcl") or token.tag_ != "VB" or any(
            c.dep_ in roles.SUBJECT_DEPS for c in token.children):
        return False
    head = token.head
    kind = types.get(token.i)
    return types.get(head.i) == kind or any(
        c.dep_ == "dobj" and types.get(c.i) == kind for c in head.children)


def event_id(article_id: str, start: int, end: int, event_type: str, coder: str) -> str:
    """Stable id: same article, trigger, type and coder give the same id."""
    raw = f"{article_id}|{start}|{end}|{event_type}|{coder}"
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def _prefer_demands(found: list[Candidate]) -> list[Candidate]:
    """A demanded act is the content of the demand, not an event of its own."""
    demanded = {c.token.i for c in found if c.entry.id == DEMAND_ENTRY}
    return [c for c in found if c.entry.id == DEMAND_ENTRY or c.token.i not in demanded]


REACTION_TYPES = frozenset({"ACCUSE", "REJECT", "PROTEST", "THREATEN"})
"""Verbal reactions whose object may be an act told before ('condemned the strikes')."""
ACT_PRONOUNS = frozenset({"them", "it"})
ACT_PRONOUN_REACH = 3
"""Sentences back a pronoun may reach for the act it stands for."""

SEAT_TARGET_TYPES = frozenset({"PROTEST"})
"""Acts aimed at the government seated in the place where they happen ('marched in the
capital'): PLOVER codes a protest in a capital against that country's government."""
TOWN_TARGET_TYPES = frozenset({"ASSAULT", "COERCE", "AID"})
"""Acts that fall on the country of the town they reach ('shelled Kharkiv', 'flew rescuers to
Mandalay'), where no actor is named."""

PLACELESS_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE"})
"""Cooperation held somewhere ('talks in Doha', 'signed in Washington') has no counterpart
in its place."""

OWN_SECTORS = {"MIL", "COP"}
STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD"}
"""Sources whose country's forces are their own."""


def _own_forces(actor: Actor, sources: list[Actor]) -> bool:
    """'offered to send U.S. troops': a state's own forces are its means, not its target;
    an activist protesting 'violations by Algerian security forces' targets them."""
    state_countries = {s.country for s in sources if s.sector in STATE_SECTORS}
    return actor.sector in OWN_SECTORS and actor.country in state_countries


MEANS_TYPES = frozenset({"AID", "MOBILIZE"})
"""Acts whose source's own things ('its emergency fund', 'its reserves') are its means; the
president who sacks 'his minister' acts on him."""


def _outside_sources(actors: list[Actor], sources: list[Actor], event_type: str = ""
                     ) -> list[Actor]:
    """The actors that are neither a source nor a source's own forces (for aid, nor its own
    people: 'flew 80 rescuers to …' sends them)."""
    own = {s.country for s in sources if s.country} if event_type == "AID" else set()
    return [a for a in actors if not _same_actor(a, sources) and not _own_forces(a, sources)
            and not (a.country in own and _aid_means(a))]


def is_nominal(token: Token) -> bool:
    """A noun trigger ('the attack'), not a verb the tagger took for a noun."""
    return token.pos_ == "NOUN" and not _verb_tagged_noun(token)


NEIGHBOUR_SENTENCES = 2
"""How far a border act looks for the state on the other side (sentences either way)."""


def _neighbour_actor(token: Token, country: str) -> Actor:
    """The state the story is set in as the other side of a border act, at the trigger."""
    return Actor(token.text, token.idx, token.idx + len(token), name="government",
                 kind="state", country=country, sector="GOV", rule="frame:neighbour-setting")


def _population_at(token: Token, country: str | None, rule: str) -> Actor:
    """The people of a country an act falls on, at the trigger (a place is no actor)."""
    return Actor(token.text, token.idx, token.idx + len(token), name="population", kind="group",
                 country=country, sector="CVL", rule=rule)


def _verb_tagged_noun(token: Token) -> bool:
    """'Kabul "reserves the right …"' with 'reserves' tagged a noun: it has a subject and an
    object of its own, so it is the verb."""
    deps = {c.dep_ for c in token.children}
    return token.pos_ == "NOUN" and "nsubj" in deps and "dobj" in deps


def _acts_on_a_place(token: Token) -> bool:
    """'shelled a village near the border', 'attacked the suburb of X', 'a strike on a
    village': the act is placed (a locative phrase) or falls on a place (its object, or a
    noun's 'on' complement, is a settlement)."""
    places = word_class("place_nouns") | word_class("settlement_nouns")
    objects = roles.noun_target_tokens(token) if is_nominal(token) else roles.object_tokens(token)
    return any(c.dep_ == "prep" and c.lower_ in word_class("locative_preps")
               for c in token.children) or any(o.lemma_.lower() in places for o in objects)


def _aid_means(actor: Actor) -> bool:
    """'80 rescuers', 'a medical team': the people a donor sends, not those it helps."""
    words = actor.text.lower().split()
    return actor.kind == "group" and bool(words) and (
        words[-1].rstrip("s") in word_class("aid_means_nouns")
        or words[-1] in word_class("aid_means_nouns"))


def _holds_own_state_to_account(sources: list[Actor], doer: Actor) -> bool:
    """'the Law Society condemned the arrest' by the police of its own country: a body
    outside the state reacting to its own state's act."""
    return doer.sector in STATE_SECTORS and bool(sources) and all(
        s.kind != "state" and s.sector not in STATE_SECTORS for s in sources)


def _elicitors(noun: Token) -> list[Token]:
    """'The arrest drew condemnation': the subject of the verb that elicits a reaction noun
    names the act reacted to."""
    host = roles.object_host_in(noun, "eliciting_verbs")
    return [] if host is None else [c for c in host.children if c.dep_ in roles.SUBJECT_DEPS]


def _own_state(actor: Actor, sources: list[Actor]) -> bool:
    """The state (or its government) of a state actor among ``sources``."""
    return (actor.kind == "state" or actor.sector == "GOV") and any(
        s.country == actor.country and (s.kind == "state" or s.sector in STATE_SECTORS)
        for s in sources)


def _same_actor(actor: Actor, others: list[Actor]) -> bool:
    return any(actor is o or (actor.cluster is not None and actor.cluster == o.cluster)
               for o in others)
