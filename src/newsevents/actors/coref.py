"""Within-article resolution: every mention of an actor gets the fullest mention's coding.

Surnames join the full name ("Sheinbaum" → "Claudia Sheinbaum", before or after it), role
nouns join the office holder ("the Mexican president"), personal pronouns join the nearest
preceding person, and possessive pronouns lend their person's country ("her country").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Actor
from .coder import refresh_code

if TYPE_CHECKING:
    from spacy.tokens import Doc

PRONOUN_WINDOW_SENTENCES = 2


@dataclass
class Cluster:
    id: int
    members: list[Actor] = field(default_factory=list)
    _best: Actor | None = None

    def add(self, actor: Actor) -> None:
        self.members.append(actor)
        if self._best is None or _fullness(actor) > _fullness(self._best):
            self._best = actor

    @property
    def best(self) -> Actor:
        """The fullest mention: a name with the most words, then the most coded fields
        (kept as members join: comparing with every member per lookup is quadratic)."""
        if self._best is None:
            raise ValueError("an empty cluster has no best mention")
        return self._best


def _fullness(actor: Actor) -> tuple[int, int, int]:
    words = len((actor.name or "").split()) if actor.kind == "person" else 0
    coded = sum(v is not None for v in (actor.country, actor.sector, actor.title, actor.kb_id))
    return (words, coded, -actor.start)


def _name_tokens(actor: Actor) -> set[str]:
    return {w.strip(".").lower() for w in (actor.name or "").split()}


def _is_named_person(actor: Actor) -> bool:
    rule = actor.rule or ""
    return actor.kind == "person" and actor.name is not None and "#role" not in rule and (
        "pronoun" not in rule
    )


def cluster_persons(actors: list[Actor]) -> list[Cluster]:
    clusters: list[Cluster] = []
    named = sorted((a for a in actors if _is_named_person(a)),
                   key=lambda a: -len(_name_tokens(a)))
    for actor in named:
        tokens = _name_tokens(actor)
        home = next((c for c in clusters if _compatible(c.best, actor, tokens)), None)
        if home is None:
            home = Cluster(len(clusters))
            clusters.append(home)
        home.add(actor)
    return clusters


def _compatible(best: Actor, actor: Actor, tokens: set[str]) -> bool:
    if best.kb_id and actor.kb_id and best.kb_id != actor.kb_id:
        return False
    best_tokens = _name_tokens(best)
    return bool(tokens) and tokens <= best_tokens and (
        max(tokens, key=len) in best_tokens
    )


def _merged(cluster: Cluster) -> Actor:
    best = cluster.best
    merged = Actor(best.text, best.start, best.end, name=best.name, kind=best.kind,
                   country=best.country, sector=best.sector, title=best.title,
                   kb_id=best.kb_id, rule=best.rule)
    for member in sorted(cluster.members, key=_fullness, reverse=True):
        merged.country = merged.country or member.country
        merged.sector = merged.sector or member.sector
        merged.title = merged.title or member.title
        merged.kb_id = merged.kb_id or member.kb_id
    return merged


def _adopt(actor: Actor, source: Actor, cluster_id: int) -> None:
    actor.name = source.name
    actor.kind = source.kind
    actor.country = source.country or actor.country
    actor.sector = source.sector or actor.sector
    actor.title = actor.title or source.title
    actor.kb_id = source.kb_id
    actor.cluster = cluster_id
    refresh_code(actor)


def _title_key(title: str | None) -> str:
    return (title or "").lower().replace("-", " ").strip()


def _role_fits(role: Actor, person: Actor) -> bool:
    if role.country and person.country and role.country != person.country:
        return False
    rt, pt = _title_key(role.title), _title_key(person.title)
    return bool(rt) and bool(pt) and (rt == pt or rt in pt or pt in rt)


def _nearest(actor: Actor, candidates: list[Actor], doc: Doc | None = None,
             before_only: bool = False) -> Actor | None:
    before = [c for c in candidates if c.end <= actor.start]
    if before:
        return max(before, key=lambda c: c.end)
    if before_only:
        return None
    after = [c for c in candidates if c.start >= actor.end]
    return min(after, key=lambda c: c.start) if after else None


def _reclassify_single_names(actors: list[Actor]) -> None:
    """The tagger sometimes calls a surname an organisation ('Sheinbaum'); when the article
    names a person with that surname, the mention is that person."""
    surnames = {
        (a.name or "").split()[-1].lower()
        for a in actors
        if _is_named_person(a) and len((a.name or "").split()) > 1
    }
    for actor in actors:
        if actor.rule == "actors:ner-org" and (actor.name or "").lower() in surnames:
            actor.kind = "person"
            actor.rule = "actors:ner-org#surname"
    _prefer_article_names(actors)


def _prefer_article_names(actors: list[Actor]) -> None:
    """A bare surname the knowledge base knows ('Fahmy') is the article's own 'Karim
    Fahmy' when the article names such a person and not the knowledge base's one."""
    written = [a for a in actors if _is_named_person(a) and len(a.text.split()) > 1]
    for actor in actors:
        if not actor.kb_id or actor.kind != "person" or len(actor.text.split()) != 1:
            continue
        surname = actor.text.lower()
        same = [w for w in written if (w.name or "").lower().split()[-1:] == [surname]]
        if same and all(w.kb_id != actor.kb_id for w in same):
            actor.name, actor.kb_id, actor.title = same[0].name, None, None
            actor.country, actor.sector = same[0].country, same[0].sector
            actor.rule = "actors:surname#article-person"


def resolve(actors: list[Actor], doc: Doc, country_name: Callable[[str | None], str | None]
            ) -> list[Actor]:
    """Resolve mentions in place; return the mentions worth keeping (vague ones dropped)."""
    _reclassify_single_names(actors)
    clusters = cluster_persons(actors)
    person_mentions: list[tuple[Actor, int]] = []
    for cluster in clusters:
        merged = _merged(cluster)
        for member in cluster.members:
            _adopt(member, merged, cluster.id)
            person_mentions.append((member, cluster.id))
    _resolve_roles(actors, person_mentions, clusters)
    _resolve_pronouns(actors, person_mentions, doc)
    _resolve_possessive_countries(actors, doc)
    for actor in actors:
        if actor.kind == "state" and actor.name is None:
            actor.name = country_name(actor.country)
    _cluster_organisations(actors, start=len(clusters))
    _resolve_thing_pronouns(actors, doc)
    return [a for a in actors if _worth_keeping(a)]


def _resolve_roles(actors: list[Actor], persons: list[tuple[Actor, int]],
                   clusters: list[Cluster]) -> None:
    for actor in actors:
        if "#role" not in (actor.rule or ""):
            continue
        fits = [p for p, _ in persons if _role_fits(actor, p)]
        chosen = _nearest(actor, fits)
        if chosen is not None and chosen.cluster is not None:
            _adopt(actor, chosen, chosen.cluster)
            persons.append((actor, chosen.cluster))


FEMININE = {"she", "her", "hers"}


def _resolve_pronouns(actors: list[Actor], persons: list[tuple[Actor, int]], doc: Doc) -> None:
    """Nearest preceding person within the window whose pronoun gender so far agrees."""
    starts = [s.start_char for s in doc.sents]
    genders: dict[int, str] = {}
    for actor in sorted(actors, key=lambda a: a.start):
        if actor.rule != "actors:pronoun":
            continue
        gender = "f" if actor.text.lower() in FEMININE else "m"
        sent_no = _sent_no(starts, actor.start)
        window = [p for p, cluster in persons
                  if p.start < actor.start and genders.get(cluster, gender) == gender
                  and sent_no - _sent_no(starts, p.start) <= PRONOUN_WINDOW_SENTENCES]
        chosen = _most_salient(actor, window, doc, starts)
        if chosen is not None and chosen.cluster is not None:
            _adopt(actor, chosen, chosen.cluster)
            actor.rule = "actors:pronoun#resolved"
            genders[chosen.cluster] = gender
            persons.append((actor, chosen.cluster))


def _most_salient(actor: Actor, window: list[Actor], doc: Doc, starts: list[int]
                  ) -> Actor | None:
    """The antecedent of a pronoun: in its own sentence the nearest person before it; in
    earlier sentences the nearest sentence first, and there a subject before other persons
    ('Kim Yo Jong, the sister of leader Kim Jong Un, warned …. "…," she said')."""
    sent_no = _sent_no(starts, actor.start)

    def rank(person: Actor) -> tuple[int, int, int]:
        distance = sent_no - _sent_no(starts, person.start)
        span = doc.char_span(person.start, person.end, alignment_mode="expand")
        subject = span is not None and span.root.dep_ in ("nsubj", "nsubjpass")
        return distance, 0 if distance == 0 or subject else 1, -person.end

    before = [p for p in window if p.end <= actor.start]
    return min(before, key=rank) if before else None


def _resolve_thing_pronouns(actors: list[Actor], doc: Doc) -> None:
    """'Switzerland said it had expelled…', 'the rebels said they would…': it/they take the
    nearest preceding non-person actor of the same sentence."""
    starts = [s.start_char for s in doc.sents]
    by_sentence: dict[int, list[int]] = {}  # sentence → its mentions, by position in actors
    for i, actor in enumerate(actors):
        by_sentence.setdefault(_sent_no(starts, actor.start), []).append(i)
    for actor in actors:
        if actor.rule != "actors:pronoun-thing":
            continue
        sent_no = _sent_no(starts, actor.start)
        before = [a for a in (actors[i] for i in by_sentence[sent_no])
                  if a.end <= actor.start and a.kind in ("state", "organization", "group")
                  and a.country]
        agreeing = [a for a in before if _agrees_in_number(actor, a, doc)]
        chosen = _reporting_subject(actor, agreeing, doc) or _nearest(
            actor, agreeing or before, before_only=True)
        if chosen is not None:
            _adopt(actor, chosen, chosen.cluster if chosen.cluster is not None else -1)
            actor.rule = "actors:pronoun-thing#resolved"


def _reporting_subject(pronoun: Actor, candidates: list[Actor], doc: Doc) -> Actor | None:
    """'The nation, which borders Colombia, said it would…': the subject of a clause that
    reports another is what the reported clause's subject pronoun stands for, however near
    another actor stands."""
    span = doc.char_span(pronoun.start, pronoun.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = span.root.head
    if clause.dep_ != "ccomp":
        return None
    subjects = [c for c in clause.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for candidate in candidates:
        cand = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
        if cand is not None and any(cand.root.i == s.i for s in subjects):
            return candidate
    return None


PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs"})


def _agrees_in_number(pronoun: Actor, antecedent: Actor, doc: Doc) -> bool:
    """'they'/'them' stand for a plural noun or a body ('the rebels', 'the ministry'), not a
    singular group noun ('the village'); 'it' for anything but a plural noun."""
    span = doc.char_span(antecedent.start, antecedent.end, alignment_mode="expand")
    if span is None:
        return True
    plural = span.root.tag_ in ("NNS", "NNPS")
    if pronoun.text.lower() in PLURAL_PRONOUNS:
        return plural or antecedent.kind in ("state", "organization")
    return not plural


def _sent_no(starts: list[int], char: int) -> int:
    lo, hi = 0, len(starts)
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] <= char:
            lo = mid + 1
        else:
            hi = mid
    return lo - 1


def possessive_pronoun_at(actor: Actor) -> int | None:
    """The token index of the pronoun that owns the mention ('its fund', 'her government')."""
    rule = actor.rule or ""
    if "#poss-pronoun:" not in rule:
        return None
    return int(rule.rsplit("#poss-pronoun:", 1)[1].split("#")[0])


def _resolve_possessive_countries(actors: list[Actor], doc: Doc) -> None:
    by_start = {a.start: a for a in actors}
    for actor in actors:
        rule = actor.rule or ""
        token_i = possessive_pronoun_at(actor)
        if token_i is None:
            continue
        owner = by_start.get(doc[token_i].idx)
        if owner is not None and owner.country and actor.country is None:
            actor.country = owner.country
            if actor.sector in STATE_ORGANS:
                # 'her government', 'its army': no longer too vague to code ('her opposition'
                # to a plan is a stance, not the opposition)
                actor.rule = rule.replace("#vague", "")
        refresh_code(actor)


STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})


def _cluster_organisations(actors: list[Actor], start: int) -> None:
    keys: dict[str, int] = {}
    for actor in actors:
        if actor.cluster is not None or actor.kind == "person":
            continue
        key = actor.kb_id or f"{actor.name}|{actor.country}|{actor.sector}"
        if _generic_entry(actor.kb_id):
            # 'Venezuelan troops … two Guyanese soldiers': one sector word, two forces
            key = f"{key}|{actor.country}"
        actor.cluster = keys.setdefault(key, start + len(keys))


GENERIC_ENTRY_PREFIXES = ("sector/", "petrarch/agent/")
"""Knowledge-base entries for a kind of actor (a sector noun), not for one actor."""


def _generic_entry(kb_id: str | None) -> bool:
    return kb_id is not None and kb_id.startswith(GENERIC_ENTRY_PREFIXES)


def _worth_keeping(actor: Actor) -> bool:
    rule = actor.rule or ""
    if "#vague" in rule or rule in ("actors:pronoun", "actors:pronoun-thing"):
        return False
    if "#needs-country" in rule and actor.country is None:
        return False
    return not ("#role" in rule and actor.name is None and actor.country is None)
