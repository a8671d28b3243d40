"""Who acts and who receives: source and target tokens from the dependency parse."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..lexicons.wordclasses import word_class
from ..model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
INHERIT_DEPS = {"xcomp", "conj", "advcl", "pcomp", "acomp"}
TARGET_PREPS = ("to", "with", "against", "on", "into", "toward", "towards", "from", "at", "upon")
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
ACCOMPANYING_PREPS = {"along", "together"}
NOMINAL_POS = ("PROPN", "NOUN", "PRON")

ActorOf = Callable[["Token"], Actor | None]


def expand_conjuncts(token: Token) -> list[Token]:
    """'X and Y': both heads."""
    out = [token]
    for conj in token.conjuncts:
        if conj.i > token.i and conj.pos_ in NOMINAL_POS:
            out.append(conj)
    return out


def first_conjunct(token: Token) -> Token:
    """The first of a run of joined words ('a curfew and the deployment': 'curfew')."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def object_host(noun: Token) -> Token | None:
    """The verb a noun is the object of, also when it is joined to that object or, as the
    parser sometimes has it, to the verb ('imposed a curfew and the deployment of the army')."""
    first = first_conjunct(noun)
    if first.dep_ == "dobj" and first.head.pos_ in ("VERB", "AUX"):
        return first.head
    if first is not noun and first.pos_ in ("VERB", "AUX"):
        return first
    return None


def object_host_in(noun: Token, verb_class: str) -> Token | None:
    """The verb ``noun`` is the object of (``object_host``), when its lemma is in the word
    class ``verb_class`` ('drew condemnation': eliciting_verbs)."""
    host = object_host(noun)
    return host if host is not None and host.lemma_.lower() in word_class(verb_class) else None


def accompanying(token: Token, after: int = -1, before: int | None = None) -> list[Token]:
    """The Y of 'along with Y' / 'together with Y' hanging on ``token`` (the preposition
    between ``after`` and ``before``), and Y's conjuncts."""
    end = len(token.doc) if before is None else before
    return [pobj
            for prep in _children(token, {"prep"})
            if prep.lower_ in ACCOMPANYING_PREPS and after < prep.i < end
            for pobj in prep_objects(prep, ("with",))]


def partner_tokens(verb: Token) -> tuple[list[Token], list[Token]]:
    """'Egypt, along with Jordan, condemned …' (partners of the subject) and 'designated X as
    …, along with Y' (partners after the object): the partners on each side of the verb."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    before = [p for s in subjects for p in accompanying(s)]
    before += accompanying(verb, before=verb.i)
    after = [p for o in objects for p in accompanying(o)]
    after += accompanying(verb, after=objects[0].i) if objects else []
    return before, after


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children) or (
        _reduced_passive(verb)) or _gapped_passive(verb)


def _gapped_passive(verb: Token) -> bool:
    """'30 officers were injured and 50 protesters detained': a participle joined to a passive
    verb, with a subject of its own and no auxiliary, shares the passive's auxiliary."""
    head = verb.head
    return (verb.dep_ == "conj" and verb.tag_ == "VBN" and head is not verb
            and any(c.dep_ == "auxpass" for c in head.children)
            and any(c.dep_ in SUBJECT_DEPS for c in verb.children)
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _reduced_passive(verb: Token) -> bool:
    """'could face 30 years in prison if convicted', 'Arrested on Monday, the activist …': a
    bare participle clause is passive; the main clause's subject is the one acted on; so is
    the participle of 'left / found X wounded', whose subject is the one acted on."""
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children) or verb.tag_ != "VBN":
        return False
    if verb.dep_ in ("ccomp", "oprd", "xcomp") and verb.head.lemma_.lower() in (
            word_class("result_verbs")):
        return True  # 'left 1,400 people injured': the small clause's subject is hurt
    return verb.dep_ == "advcl" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _children(token: Token, deps: set[str]) -> Iterator[Token]:
    return (c for c in token.children if c.dep_ in deps)


def _by_phrase(token: Token) -> list[Token]:
    """The X of a 'by X' hanging on ``token`` (an agent, or a 'by' the parser left a prep)."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in _children(child, {"pobj"}):
                out.extend(expand_conjuncts(pobj))
    return out


def agent_tokens(verb: Token) -> list[Token]:
    """The 'by X' of a passive verb: its own; a joined participle's ('shot and wounded by a
    police officer'); or that of the act it happened in ('killed in a raid by a militia')."""
    own = [p for agent in _children(verb, {"agent"}) for p in _children(agent, {"pobj"})]
    if own:
        return [t for p in own for t in expand_conjuncts(p)]
    for conj in verb.conjuncts:
        if conj.tag_ == "VBN" and (found := _by_phrase(conj)):
            return found
    for prep in _children(verb, {"prep"}):
        for act in _children(prep, {"pobj"}):
            if act.lemma_.lower() in word_class("event_subject_nouns") and (
                    found := _by_phrase(act)):
                return found
    return []


def weapon_wielder(subject: Token) -> list[Token]:
    """'drones launched by the RSF attacked…', 'a rocket fired by Hezbollah hit…': behind a
    weapon that acts stands whoever fired it, behind an attack whoever it is by."""
    lemma = subject.lemma_.lower()
    if lemma in word_class("event_subject_nouns") and (by := _by_phrase(subject)):
        return by  # 'drone strikes by the RSF hit…': the strikes' doer
    if lemma not in word_class("weapon_nouns"):
        return []
    for clause in _children(subject, {"acl"}):
        if found := _by_phrase(clause):
            return found
    return []


def subject_tokens(verb: Token, depth: int = 0) -> list[Token]:
    """The acting subject of ``verb``, inherited from a governing clause where it has none."""
    if is_passive(verb):
        return agent_tokens(verb)
    if ordered_done(verb):
        # 'a court ordered the mayor jailed': the court jails
        return subject_tokens(verb.head, depth + 1) if depth <= 3 else []
    own = _own_subject(verb)
    if own is not None:
        return own
    if verb.tag_ == "VBG" and (by := _by_phrase(verb)):
        return by  # 'shelling by Kyrgyz troops': a gerund's 'by' phrase names who acts
    if opening := _opening_act_agent(verb):
        return opening
    if depth > 3:
        return []
    return _inherited_subject(verb, depth)


def _opening_act_agent(verb: Token) -> list[Token]:
    """'Shelling by rebel forces killed three civilians', parsed with the gerund as a clause
    of the verb rather than its subject: the act's agent is the verb's."""
    for child in _children(verb, {"advcl", "csubj"}):
        if child.i < verb.i and child.tag_ == "VBG" and not any(
                c.dep_ in SUBJECT_DEPS for c in child.children) and (found := _by_phrase(child)):
            return found
    return []


def _own_subject(verb: Token) -> list[Token] | None:
    """The verb's own subject (for 'who'/'which' of a relative clause, the noun it qualifies);
    None when it has none."""
    for child in _children(verb, SUBJECT_DEPS):
        if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return expand_conjuncts(verb.head)
        return weapon_wielder(child) or expand_conjuncts(child)
    return None


def _inherited_subject(verb: Token, depth: int) -> list[Token]:
    """The subject a subject-less verb takes from the clause or noun it hangs on."""
    head = verb.head
    if verb.dep_ == "relcl" or misparsed_main_verb(verb):
        return expand_conjuncts(head)
    if verb.dep_ == "xcomp" and head.lemma_.lower() in word_class("object_control_verbs") and (
            controller := _controlling_object(head)):
        return controller
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX") and (
            verb.lemma_.lower() in word_class("stance_verbs")) and (
            head.head.lemma_.lower() in word_class("reported_speech_verbs")) and (
            _subject_is_an_act(head) or head.lemma_ == "be"):
        # 'the ministry said the strikes had killed nine civilians and condemned them', 'said
        # X was "a destabilising factor" and accused Y of …': the parser joins the stance to
        # the reported clause (an act's, or a judgement's); the speaker takes it
        return subject_tokens(head.head, depth + 1)
    if _shares_passive(verb):
        # 'has been indicted by the court … and will resign': the one indicted resigns
        # ('were attacked by police and arrested' shares the passive: police arrested)
        return object_tokens(head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head.dep_ == "xcomp" and (
            head.head.lemma_.lower() in word_class("object_control_verbs")) and (
            verb.i > 0 and verb.doc[verb.i - 1].text == ","):
        # 'ordered the ambassador to leave, accusing Paris of …': the participle set off by a
        # comma belongs to the one who orders, not to the one ordered
        return subject_tokens(head.head, depth + 1)
    if verb.dep_ in INHERIT_DEPS and head.i != verb.i and head.pos_ in ("VERB", "AUX"):
        return subject_tokens(head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        # 'resorted to throwing stones': the subject of the verb the preposition hangs on
        return subject_tokens(head.head, depth + 1)
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and verb.tag_ == "VBG" and (
            head.lemma_.lower() not in word_class("document_nouns")):
        # 'demonstrators protesting election results': the noun does what its clause says
        return expand_conjuncts(head)
    if verb.dep_ == "acl" and head.pos_ == "NOUN":
        return _noun_clause_subject(head, depth)
    return []


def misparsed_main_verb(verb: Token) -> bool:
    """'Suspected jihadist fighters killed 30 civilians …, residents said' parsed with
    'killed' a participle on 'fighters': a past form right after its noun that takes a
    direct object is that noun's verb, not a passive modifier; so is a name's past form
    before the name's own verb."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or head.pos_ not in (
            "NOUN", "PROPN") or any(c.dep_ == "agent" for c in verb.children):
        return False
    if head.i == verb.i - 1 and any(c.dep_ == "dobj" for c in verb.children):
        return True
    # 'Anwar Ibrahim, who chairs the bloc, called on both sides … and said …' with 'called'
    # hung on the name: a name's participle before the name's own verb is that verb's twin
    return head.pos_ == "PROPN" and head.dep_ == "nsubj" and verb.i < head.head.i


def _controlling_object(verb: Token) -> list[Token]:
    """'urged Iran to return': the object of an object-control verb acts in its complement."""
    objects = list(_children(verb, {"dobj"}))
    return expand_conjuncts(objects[0]) if objects else []


def _shares_passive(verb: Token) -> bool:
    """A conjoined active verb with an auxiliary after a passive one ('… and will resign')."""
    head = verb.head
    return (verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and is_passive(head)
            and verb.tag_ != "VBN" and any(c.dep_ == "aux" for c in verb.children))


def _noun_clause_subject(noun: Token, depth: int) -> list[Token]:
    """A clause on a noun ('Iran's decision to…'): the noun's possessor or its 'by' phrase,
    else the subject of the verb whose object the noun is."""
    owners = [c for c in noun.children if c.dep_ == "poss"] or _by_phrase(noun)
    # ('a decision by the court to jail him': the one the noun is by)
    if not owners and noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX") and (
            noun.lemma_.lower() not in word_class("document_nouns")
            or noun.head.lemma_.lower() in word_class("authoring_verbs")):
        # 'issued a declaration demanding that…': the issuer demands ('vetoed a resolution
        # demanding a ceasefire': the one who vetoes does not)
        return subject_tokens(noun.head, depth + 1)
    return owners


def object_tokens(verb: Token) -> list[Token]:
    """Direct objects, or the passive subject (inherited where the passive has none of its
    own: 'X was held after being beaten', 'villagers killed by the militia')."""
    if is_passive(verb):
        deps = PASSIVE_SUBJECT_DEPS | (SUBJECT_DEPS if _reduced_passive(verb)
                                       or _gapped_passive(verb) else set())
        own = [t for c in _children(verb, deps) for t in expand_conjuncts(_antecedent(c))]
        return own or inherited_patient(verb)
    if ordered_done(verb):
        own = [t for c in _children(verb, SUBJECT_DEPS) for t in expand_conjuncts(c)]
        return own or _controlling_object(verb.head)
    own = [t for c in _children(verb, {"dobj", "obj"}) for t in expand_conjuncts(c)]
    return own or misparsed_object(verb)


def misparsed_object(verb: Token) -> list[Token]:
    """'signed a minerals deal' parsed as a clause ('a minerals' the subject of a verb
    'deal'): a complement 'verb' with no auxiliary, marker or object, right after its
    subject, and that subject opened by an article, is the object noun."""
    for child in _children(verb, {"ccomp"}):
        deps = {c.dep_ for c in child.children}
        subjects = [c for c in child.children if c.dep_ == "nsubj"]
        if (len(subjects) == 1 and subjects[0].i == child.i - 1 and child.i > verb.i
                and not deps & {"aux", "auxpass", "mark", "dobj", "neg", "ccomp", "xcomp"}
                and any(c.dep_ == "det" and c.lower_ in ("a", "an")
                        for c in subjects[0].children)):
            return [child]
    return []


def _antecedent(token: Token) -> Token:
    """'blogger X, who was arrested …': a relative pronoun stands for the noun its clause
    modifies."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def inherited_patient(verb: Token) -> list[Token]:
    """The one a subject-less passive acts on: the subject of the clause it hangs on ('was
    held after being beaten', 'were detained and beaten'), or the noun it qualifies
    ('villagers killed by the militia')."""
    head = verb.head
    if head.i == verb.i:
        return []
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and head.pos_ in NOMINAL_POS:
        return expand_conjuncts(head)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head
    elif verb.dep_ not in ("advcl", "conj", "xcomp"):
        return []
    if head.pos_ not in ("VERB", "AUX"):
        return []
    subjects = list(_children(head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS))
    return [t for c in subjects[:1] for t in expand_conjuncts(c)
            if t.lower_ not in RELATIVE_PRONOUNS]


def prep_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    out: list[Token] = []
    for prep in _children(token, {"prep", "dative"}):
        if prep.lower_ in preps:
            for pobj in _children(prep, {"pobj"}):
                out.extend(expand_conjuncts(pobj))
            for clause in _children(prep, {"pcomp"}):
                # 'fired at demonstrators marching on parliament', parsed as a clause whose
                # subject is the demonstrators
                out.extend(t for c in _children(clause, SUBJECT_DEPS) for t in expand_conjuncts(c))
        elif prep.dep_ == "dative" and prep.pos_ in ("PROPN", "NOUN", "PRON"):
            out.extend(expand_conjuncts(prep))
    return out


def coordinating_partners(verb: Token) -> list[Token]:
    """'X, in coordination with Y, arrested Z': Y acts beside X."""
    out: list[Token] = []
    for prep in _children(verb, {"prep"}):
        for pobj in _children(prep, {"pobj"}):
            if pobj.lemma_.lower() in word_class("coordination_nouns"):
                out.extend(prep_objects(pobj, ("with",)))
    return out


def clause_subject_tokens(verb: Token) -> list[Token]:
    """'demanded that the US cancel…', 'said Sudan must return…': the subject of the
    clausal complement is the one addressed."""
    out: list[Token] = []
    for child in _children(verb, {"ccomp"}):
        if inverted_subordination(verb, child):
            continue
        if named := _what_it_called(child):
            # 'condemned what she called Russia's attempts': the one the label names
            out += [t for n in named for t in expand_conjuncts(n)]
            continue
        for subject in _children(child, SUBJECT_DEPS):
            # 'warned that manoeuvres by the US and the Philippines will…': an act named by
            # a noun is the doing of those its 'by' phrase names
            doers = _by_phrase(subject) if subject.pos_ == "NOUN" else []
            out += doers or expand_conjuncts(subject)
    return out


def inverted_subordination(head: Token, clause: Token) -> bool:
    """'X fired missiles, Y said, days after Seoul held drills' parsed with 'held' as the
    root: a clause before the subordinator of its head is the main clause, not the head's
    content."""
    marks = [c for c in head.children if c.dep_ == "mark"
             and c.lower_ in word_class("after_words") | word_class("before_words")]
    return any(clause.i < mark.i for mark in marks) or _labelled_after(head, clause)


def _labelled_after(head: Token, clause: Token) -> bool:
    """'X accused Y of arming the rebels, a charge Y has denied', parsed with 'denied' as the
    root and the accusation as its complement: a clause followed by an accusation noun that
    is its head's subject is the main clause, and the noun names it."""
    # ('a charge Kigali denies' may be parsed with 'charge' a compound of the subject, or
    # its fronted object)
    return any(c.dep_ in SUBJECT_DEPS | {"dobj"} and clause.i < c.i < head.i and any(
        n.lemma_.lower() in word_class("accusation_nouns")
        for n in [c, *_children(c, {"compound"})]) for c in head.children)


def puts_to_anyone(verb: Token) -> bool:
    """'warned that anyone who attacks a police station will be punished', 'will deal with
    anyone who…': a clausal complement whose subject (either voice), or an object, is
    whoever would act."""
    anyone = word_class("anyone_pronouns")
    if any(t.lower_ in anyone for t in object_tokens(verb) + prep_objects(verb, ("with", "on"))):
        return True  # '"We will deal firmly with anyone who attacks our officers"'
    return any(subject.lower_ in anyone
               for clause in _children(verb, {"ccomp"})
               for subject in _children(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS))


def _what_it_called(clause: Token) -> list[Token] | None:
    """For a free relative naming the thing reacted to ('what it called Russia's attempts',
    'what they described as attacks by the army'): the label's owner or its 'by' phrase
    ([] when the label names no one); None for any other clause."""
    labels = _free_relative_labels(clause)
    if not labels:
        return None
    label = labels[0]
    return [c for c in label.children if c.dep_ == "poss"] or _by_phrase(label)


def _free_relative_labels(clause: Token) -> list[Token]:
    if not any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubjpass") for c in clause.children):
        return []
    return [c for c in clause.children if c.dep_ in ("oprd", "xcomp")] or [
        p for prep in _children(clause, {"prep"}) if prep.lower_ == "as"
        for p in _children(prep, {"pobj"})]


def called_labels(verb: Token) -> list[Token]:
    """'condemned what it called horrific violence': the label of the thing reacted to."""
    return [label for clause in _children(verb, {"ccomp", "dobj"})
            for label in _free_relative_labels(clause)]


def condition_subject_tokens(verb: Token) -> list[Token]:
    """Subjects of 'if'/'unless' clauses under the trigger or its complement ('threatened
    to strike if X …', 'warned that it would strike if X …')."""
    out: list[Token] = []
    for node in [verb, *_children(verb, {"xcomp", "ccomp"})]:
        for clause in _children(node, {"advcl"}):
            if any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children):
                out += [t for c in _children(clause, SUBJECT_DEPS) for t in expand_conjuncts(c)]
    return out


def content_object_tokens(verb: Token) -> list[Token]:
    """'threatened to ban opposition candidates', 'prepared to lift the ban on X': the
    object of the act the trigger is about."""
    out: list[Token] = []
    for child in _children(verb, {"xcomp"}):
        out += object_tokens(child)
        out += prep_objects(child, TARGET_PREPS)
        for obj in object_tokens(child):
            out += prep_objects(obj, ("on", "against", "to", "of"))
    return out


def noun_source_tokens(noun: Token, possessor_acts: bool = True, parties_act: bool = True
                       ) -> list[Token]:
    """'X's offer', 'Israeli airstrikes', 'the attack by X', 'talks between A and B' (not
    'his arrest': a noun whose possessor is its patient says ``possessor_acts=False``; not
    'mediation between A and B': ``parties_act=False``)."""
    out = [c for c in noun.children if c.dep_ == "poss"] if possessor_acts else []
    out += [c for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i]
    out += prep_objects(noun, ("by",))
    if (host := object_host_in(noun, "eliciting_verbs")) is not None:
        # 'drew condemnation from the bar association' (the parser may hang it on the verb)
        out += prep_objects(noun, ("from",)) + prep_objects(host, ("from",))
    return out + between_parties(noun) if parties_act else out


def between_parties(token: Token) -> list[Token]:
    """'clashes between demonstrators and police': the parties, each acting on the other;
    for 'talks between delegations led by A and B', also the leaders, who stand for them."""
    parties = prep_objects(token, ("between",))
    return parties + [leader for party in parties for agent in _participle_agents(party)
                      for leader in expand_conjuncts(agent)]


def _participle_agents(noun: Token) -> list[Token]:
    """The X of a participle with a 'by X' on ``noun`` ('delegations led by X', 'an act of
    sabotage organised by X')."""
    return [pobj for participle in _children(noun, {"acl"}) if participle.tag_ == "VBN"
            for agent in _children(participle, {"agent"})
            for pobj in _children(agent, {"pobj"})]


def possessor_tokens(noun: Token) -> list[Token]:
    return [t for c in noun.children if c.dep_ == "poss" for t in expand_conjuncts(c)]


def experiencer_tokens(token: Token) -> list[Token]:
    """The one a predicate says something of: the subject of 'X came under fire', 'X was
    targeted', or of the copula of 'X was responsible for …'."""
    host = token.head if token.dep_ in ("acomp", "attr") and token.head.pos_ == "AUX" else token
    return [t for c in host.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
            for t in expand_conjuncts(c)]


def reporter_tokens(token: Token) -> list[Token]:
    """Who says the clause a token stands in: the subject of the speech verb it hangs on as
    a complement ('the minister said X was responsible'), or of one beside it ('X was
    responsible, the minister said')."""
    verb = reporting_verb(token)
    return subject_tokens(verb) if verb is not None else []


def reporting_verb(token: Token) -> Token | None:
    """The speech verb whose complement the token's clause is, or that stands beside it."""
    speech = word_class("reported_speech_verbs")
    node = token
    for _ in range(6):
        for child in node.children:
            if child.dep_ == "parataxis" and child.lemma_.lower() in speech:
                return child
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in speech:
            return node.head
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def slot_objects(token: Token, prep: str, depth: int = 2) -> list[Token]:
    """The objects of a preposition on the trigger or on its nominal complements ('came
    under fire from X': 'from' may hang on 'came' or on 'fire')."""
    found = prep_objects(token, (prep,))
    if found or depth == 0:
        return found
    for child in token.children:
        if child.dep_ in ("dobj", "pobj", "prep", "attr", "oprd"):
            found = slot_objects(child, prep, depth - 1)
            if found:
                return found
    return []


def noun_target_tokens(noun: Token) -> list[Token]:
    return prep_objects(noun, ("on", "against", "to", "with", "of", "toward", "towards", "into",
                               "for"))


def _not_locative(child: Token) -> bool:
    return not (child.dep_ == "prep" and child.lower_ in word_class("locative_preps"))


def deep_targets(token: Token, limit: int = 40, places_count: bool = True,
                 joined_acts: bool = True, noun_clauses: bool = True) -> Iterator[Token]:
    """Nominal heads inside the trigger's complements, nearest first; without the places of
    locative phrases unless ``places_count`` ('talks in Doha' have no Qatari counterpart;
    'airstrikes in Syria' fall on Syria)."""
    keep = _complement if places_count else (lambda c: _complement(c) and _not_locative(c))
    # without ``joined_acts`` ('condemned the shelling and called on both sides …', 'defied
    # the curfew and set fire to politicians' homes') a verb with an object of its own does
    # not reach into the next act joined to it; a material act does ('fired tear gas and
    # arrested dozens of protesters')
    own_object = not joined_acts and any(c.dep_ in ("dobj", "obj") for c in token.children)
    queue = [c for c in token.children if keep(c) and not (
        own_object and c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    seen = 0
    while queue and seen < limit:
        node = queue.pop(0)
        seen += 1
        if node.pos_ in ("PROPN", "NOUN"):
            yield node
        # (without ``noun_clauses`` a clause on a noun describes it and names no one acted on:
        # 'executed a man convicted of spying for Israel'; with them it may name the doer of
        # an act judged: 'an act of sabotage organised on behalf of the Kremlin')
        queue.extend(c for c in node.children if c.dep_ != "relcl" and keep(c) and not (
            not noun_clauses and c.dep_ == "acl" and node.pos_ in ("PROPN", "NOUN")))




def _complement(child: Token) -> bool:
    """Part of what the trigger is about: not its subject, not a reported or subordinate
    clause with a subject of its own ('…, while inspectors said…'), not a concession
    ('agreed to extend the mandate despite Israel's wish')."""
    if child.dep_ in SUBJECT_DEPS or child.dep_ in ("ccomp", "punct", "mark", "parataxis"):
        return False
    if child.lower_ in word_class("attribution_preps") or (child.dep_ == "prep" and (
            child.lower_ in word_class("concessive_preps") | word_class("circumstance_preps"))):
        # 'despite X', 'amid clashes with X', 'according to X' (a preposition, or a verb as
        # the parser may have it): no participant
        return False
    if child.dep_ in ("advcl", "acl") and child.tag_ == "VBN" and any(
            c.dep_ == "agent" for c in child.children):
        # 'Backed by the Rwandan army, M23 launched…', 'the deal, mediated by Qatar': a
        # supporter or a mediator, not the one acted on
        return False
    if child.dep_ == "advcl":
        return not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in child.children)
    if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
        # 'we can share information but we will never accept the U.S. Army': another act
        return not any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in child.children)
    return True


def judged_doers(verb: Token) -> list[Token]:
    """'said the blast had been an act of sabotage organised by X', 'called the raid a crime
    committed by X': the doer named by the 'by' phrase of a participle on the predicate that
    judges an act is the one the judgement falls on."""
    return [agent
            for predicate in _children(verb, {"attr", "oprd"})
            for node in [predicate, *prep_objects(predicate, ("of",))]
            for agent in _participle_agents(node)]


def responsibility_claimant(noun: Token) -> list[Token]:
    """'Al Shabaab claimed responsibility for a car bombing': the one claiming an act (the
    subject of the verb whose object is 'responsibility') did it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for":
        return []
    claim = prep.head
    if claim.lemma_.lower() not in word_class("responsibility_nouns") or claim.dep_ != "dobj":
        return []
    return subject_tokens(claim.head)


def ordered_done(verb: Token) -> bool:
    """'ordered the mayor jailed', 'wanted him arrested': a bare participle under an
    object-control verb is done to that verb's object, by its subject."""
    if verb.dep_ not in ("xcomp", "ccomp", "oprd") or verb.tag_ not in ("VBN", "VBD") or any(
            c.dep_ in PASSIVE_SUBJECT_DEPS | {"aux", "auxpass", "mark"} for c in verb.children):
        return False
    head = verb.head.lemma_.lower()
    if head not in word_class("object_control_verbs"):
        return False
    if any(c.dep_ == "dobj" for c in verb.head.children):
        return verb.tag_ == "VBN"  # 'ordered the mayor jailed'
    # as the parser may have it, a small clause whose subject is the one jailed ('ordered
    # opposition leader X detained'), only after a verb of ordering ('told reporters police
    # arrested 20' is a report)
    return head in word_class("order_verbs") and any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def judged_as_act(verb: Token) -> bool:
    """'condemned them as a blatant violation', 'called the incident a serious violation':
    the object judged is an act."""
    judged = (prep_objects(verb, ("as",)) + list(_children(verb, {"oprd"}))
              + list(_children(verb, {"dobj"}))[1:])
    return any(t.lemma_.lower() in word_class("act_judgement_nouns") for t in judged)


def _subject_is_an_act(verb: Token) -> bool:
    """'the strikes had killed …', 'a rocket hit …': the clause's subject is an act or a
    weapon, which takes no stance."""
    acts = word_class("event_subject_nouns") | word_class("weapon_nouns")
    return any(c.lemma_.lower() in acts for c in _children(verb, SUBJECT_DEPS))


def names_a_claim(verb: Token) -> bool:
    """'rejected the accusations': the object is a claim made before."""
    return any(o.lemma_.lower() in word_class("accusation_nouns") for o in object_tokens(verb))
