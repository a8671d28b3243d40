"""Who a speaker's words stand for, from the article around them.

- A relative pronoun speaks for its antecedent ("Erick Mwangi, the union's secretary-general,
  who said …").
- A document speaks for its issuer: its possessor ("the army's statement"), else whoever
  issued an earlier mention of a document ("the union said in a statement … The statement
  said"; "the ministry issued a communiqué").
- "it" stands for the subject of an earlier sentence of the paragraph (or the one before) that
  is no person; "he" and "she" for one that is a person.
- A definite description stands for the person described so earlier ("the senator" for "Sen.
  Maria Delgado", "the Democrat from New Mexico" for "Maria Delgado, a Democrat", "the
  candidate's wife" for "Mensah's wife, Abena Mensah"), or for the organisation named so
  earlier ("the department", "the group").

Each function returns the token whose phrase names the speaker, or an Actor already resolved;
``resolve.py`` turns them into the quote's speaker and says how (``speaker_basis``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicons.wordclasses import word_class
from .context import Context

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..model import Actor

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
RELATIVE_TAGS = frozenset({"WP", "WDT"})
_DEFINITE = frozenset({"the", "this", "that"})
_ISSUING_DEPS = frozenset({"dobj", "pobj", "nsubjpass"})
DOCUMENT_PARAGRAPHS = 2
"""How many paragraphs before the speaker's own the issuer of a document may be named in."""
SUBJECT_PARAGRAPHS = 1
"""How many paragraphs before the speaker's own a pronoun's antecedent may be the subject of."""


def relative_antecedent(token: Token) -> Token | None:
    """ "X, who said …": the noun the relative clause hangs on (its named appositive's head
    when the clause hangs on a description: "Erick Mwangi, the union's secretary-general,
    who said")."""
    if token.tag_ not in RELATIVE_TAGS or token.head.dep_ != "relcl":
        return None
    antecedent = token.head.head
    if antecedent.dep_ == "appos" and antecedent.head.i < antecedent.i and \
            antecedent.head.pos_ == "PROPN":
        return antecedent.head
    return antecedent


def is_document(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in word_class("speaker_documents")


def document_issuer(ctx: Context, token: Token) -> Token | None:
    """The token naming who issued the document ``token`` names."""
    for child in token.children:
        if child.dep_ == "poss":
            return child  # 'the army's statement'
    lemma = token.lemma_.lower()
    earlier = [t for t in _tokens_back(ctx, token) if is_document(t) and t.i != token.i]
    for same in (True, False):
        for mention in earlier:
            if same and mention.lemma_.lower() != lemma:
                continue
            issuer = _issuer_of_mention(ctx, mention)
            if issuer is not None:
                return issuer
    return None


def _issuer_of_mention(ctx: Context, mention: Token) -> Token | None:
    """ "X said in a statement", "in a statement, X said", "X issued a statement", "X's
    statement": X."""
    for child in mention.children:
        if child.dep_ == "poss":
            return child
    if mention.dep_ not in _ISSUING_DEPS:
        return None
    verb = mention.head.head if mention.dep_ == "pobj" else mention.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not is_document(c)]
    if subjects and ctx.quote_at(subjects[0].idx) is None:
        return subjects[0]
    return None


def _tokens_back(ctx: Context, token: Token) -> Iterator[Token]:
    """Tokens before ``token`` outside quotes, nearest first, back to the start of the
    paragraph ``DOCUMENT_PARAGRAPHS`` before its own."""
    floor = paragraph_start(ctx, token.idx, DOCUMENT_PARAGRAPHS)
    doc = ctx.doc
    for i in range(token.i - 1, -1, -1):
        if doc[i].idx < floor:
            break
        if ctx.quote_at(doc[i].idx) is None:
            yield doc[i]


def paragraph_start(ctx: Context, offset: int, back: int) -> int:
    """The start of the paragraph ``back`` paragraphs before the one of ``offset``."""
    start, _ = ctx.paragraph_bounds(offset)
    for _ in range(back):
        if start <= 0:
            break
        previous = ctx.text.rfind("\n", 0, start - 1)
        while previous > 0 and not ctx.text[previous + 1 : start].strip():
            previous = ctx.text.rfind("\n", 0, previous)
        start = previous + 1
    return start


def earlier_subjects(ctx: Context, token: Token) -> Iterator[Token]:
    """Subjects of the sentences before ``token``'s (same paragraph, then the one before),
    nearest sentence first; in each, the main verb's subject first."""
    floor = paragraph_start(ctx, token.idx, SUBJECT_PARAGRAPHS)
    index = ctx.sentence_index(token.sent.start_char)
    if index is None:
        return
    for k in range(index - 1, -1, -1):
        previous = ctx.sentences[k]
        if previous.end_char <= floor:
            break
        yield from _subjects_of(ctx, previous)


def _subjects_of(ctx: Context, sentence: Span) -> list[Token]:
    subjects = [t for t in sentence if t.dep_ in SUBJECT_DEPS and ctx.quote_at(t.idx) is None
                and t.tag_ not in RELATIVE_TAGS]
    return sorted(subjects, key=lambda t: (t.head.dep_ != "ROOT", t.i))


def is_definite_description(token: Token) -> bool:
    """ "the senator", "the candidate's wife", "the Democrat from New Mexico": a singular
    common noun (or an unnamed proper one) made definite by its determiner or possessor."""
    if token.pos_ not in ("NOUN", "PROPN") or token.tag_ in ("NNS", "NNPS"):
        return False
    if token.pos_ == "PROPN" and (token.ent_type_ in ("PERSON", "ORG", "GPE", "FAC") or any(
            c.dep_ in ("compound", "amod", "nmod") and c.text[:1].isupper() for c in token.lefts)):
        return False  # a name: 'the Refugee Support Network'
    return any((c.dep_ == "det" and c.lower_ in _DEFINITE)
               or (c.dep_ == "poss" and c.pos_ != "PROPN")  # not "Cambodia's defence ministry"
               for c in token.children)


def described_person(ctx: Context, token: Token, speakers: list[Actor]) -> Actor | None:
    """The person named (or quoted) before ``token`` whom the article described with its
    head noun."""
    word = token.lemma_.lower()
    wanted = {word, token.lower_} | title_ids(ctx, word)
    phrase = token.doc[token.left_edge.i : token.i + 1]
    best: Actor | None = None
    for actor in (*ctx.analysis.actors, *speakers):
        if actor.kind != "person" or not actor.name or actor.end > phrase.start_char:
            continue
        if ctx.quote_at(actor.start) is not None or (best is not None and actor.end <= best.end):
            continue
        if wanted & descriptions(ctx, actor):
            best = actor
    return best


def descriptions(ctx: Context, actor: Actor) -> frozenset[str]:
    """Words the article describes a person mention with: its title, the words before the
    name in the mention ("Historian Mariana Ortiz"), its appositions ("Maria Delgado, a
    Democrat"; "Mensah's wife, Abena Mensah"), and their knowledge-base title ids."""
    cache: dict[tuple[int, int], frozenset[str]] = ctx.cache.setdefault("descriptions", {})
    key = (actor.start, actor.end)
    if key in cache:
        return cache[key]
    words: set[str] = set()
    if actor.title:
        words.add(actor.title.lower().split()[-1].rstrip("."))
        words.add(actor.title.lower())
    span = ctx.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is not None and len(span):
        words.update(t.lemma_.lower() for t in span if t.ent_type_ != "PERSON"
                     and t.pos_ in ("NOUN", "PROPN", "ADJ"))
        words.update(_apposition_heads(span.root))
    for word in list(words):
        words |= title_ids(ctx, word)
    cache[key] = frozenset(words)
    return cache[key]


def _apposition_heads(root: Token) -> set[str]:
    heads = {c.lemma_.lower() for c in root.children if c.dep_ == "appos"}
    if root.dep_ == "appos":
        heads.add(root.head.lemma_.lower())
    return heads


def title_ids(ctx: Context, word: str) -> set[str]:
    """Knowledge-base title ids of a word ("sen." and "senator": title/senator)."""
    cache: dict[str, set[str]] = ctx.cache.setdefault("title_ids", {})
    if word not in cache:
        cache[word] = _lookup_titles(ctx, word)
    return cache[word]


def _lookup_titles(ctx: Context, word: str) -> set[str]:
    if not ctx.analysis.actors:
        return set()
    from ..actors import knowledge_base

    kb = knowledge_base(ctx.analysis)
    ids: set[str] = set()
    for form in {word, word.rstrip("."), word.rstrip(".") + "."}:
        ids.update(s.entry.kb_id for s in kb.lookup((form,)) if s.entry.category == "title")
    return ids


def is_organisation_noun(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in word_class("generic_organisation_nouns") or lemma in word_class(
        "institution_nouns")


def described_organisation(ctx: Context, token: Token, named: list[Actor]) -> Actor | None:
    """The organisation named before ``token`` that "the department" or "the group" stands
    for: the latest whose name has the noun, or for a generic noun the latest with a name."""
    lemma = token.lemma_.lower()
    generic = lemma in word_class("generic_organisation_nouns")
    floor = paragraph_start(ctx, token.idx, DOCUMENT_PARAGRAPHS)
    sentence_start = token.sent.start_char
    subjects = [a for a in ctx.analysis.actors if a.end <= sentence_start and _is_subject(ctx, a)]
    candidates = [a for a in (*subjects, *named)
                  if (a.name or (generic and (a.country or a.sector)))
                  and a.kind in ("organization", "group") and floor <= a.start
                  and a.end <= token.idx and ctx.quote_at(a.start) is None]
    for actor in sorted(candidates, key=lambda a: a.end, reverse=True):
        if actor.name is None:  # 'The rebels rejected the claim. … the group said'
            return replace(actor, name=_described_name(actor.text))
        words = {w.strip(".,'’").lower() for w in actor.name.replace("-", " ").split()}
        if lemma in words or (generic and actor.name[:1].isupper()):
            return actor
    return None


def _described_name(text: str) -> str:
    words = text.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() == "the" else text


def same_head_speaker(ctx: Context, token: Token, speakers: list[Actor]) -> Actor | None:
    """ "the army said" after "Chad's army said": an earlier speaker with the same head."""
    floor = paragraph_start(ctx, token.idx, DOCUMENT_PARAGRAPHS)
    for actor in reversed(speakers):
        words = (actor.name or "").lower().split()
        if (actor.kind != "person" and words and floor <= actor.start < token.idx
                and words[-1].strip(".,'’") in (token.lemma_.lower(), token.lower_)):
            return actor
    return None


def _is_subject(ctx: Context, actor: Actor) -> bool:
    """The mention is a clause's subject (or in apposition to one): 'The RSF rejected the
    claim', not 'a post on Telegram'."""
    span = ctx.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    return root.dep_ in SUBJECT_DEPS or (root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS)


def headline_referent(ctx: Context, token: Token) -> Iterator[Token]:
    """ "Nickel smelters poisoned rivers, watchdog says": a bare description in the headline
    stands for a subject of the lead paragraph (the main verb's first)."""
    para_start, para_end = ctx.paragraph_bounds(token.idx)
    if para_start != 0 or any(c.dep_ in ("det", "poss") for c in token.children):
        return
    lead = ctx.text.find("\n", para_end)
    while lead != -1 and lead < len(ctx.text) and not ctx.text[lead].strip():
        lead += 1
    if lead == -1 or lead >= len(ctx.text):
        return
    _, lead_end = ctx.paragraph_bounds(lead)
    for sentence in ctx.sentences:
        if lead <= sentence.start_char < lead_end:
            yield from _subjects_of(ctx, sentence)
