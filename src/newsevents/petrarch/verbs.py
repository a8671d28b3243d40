"""PETRARCH's CAMEO verb dictionary (CAMEO.2.0.txt) → event verb senses (events/verbs kind).

A verb block's verbs take the block's code (or their own); every pattern of a block applies to
all its verbs, as in PETRARCH. A pattern becomes the ``objects``/``with``/``target`` conditions
of docs/lexicons.md where those say the same thing; patterns on the subject, transformations
and null codes have no equivalent and are counted, not converted.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .common import PartReport, phrase_words, singular, slug, strip_comment

PARTICLES = frozenset({"up", "down", "out", "off", "over", "away", "back", "forward", "aside",
                       "apart", "together", "through", "around", "ahead", "along", "across"})
"""Bare post-verb words that are the verb's particles or adverbs, not its object."""
OBJECT_PREPS = frozenset({"on", "for", "to", "with", "into", "against", "from", "of", "at", "in",
                          "as"})
"""Prepositions whose object the coder counts among a trigger's ``objects``."""
CONFIDENCE = 0.6
"""Imported senses rank below the curated default (0.7)."""

_BLOCK = re.compile(r"^---\s+(.+?)\s+\[([^\]]*)\]\s*---")
_CODE = re.compile(r"\[([^\]]*)\]")
_ELEMENT = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")

CameoLookup = Callable[[str], "tuple[str, str] | None"]
"""A CAMEO code → (PLOVER type, the code), or None when it has no PLOVER type."""


class Unexpressible(ValueError):
    """A pattern the lexicon format cannot say faithfully; the message is the reason."""


@dataclass
class Verb:
    lemma: str
    with_: tuple[str, ...]
    code: str | None


@dataclass
class Block:
    name: str
    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[tuple[str, str]] = field(default_factory=list)
    """(pattern text between '-' and its code, code)."""


@dataclass
class Condition:
    objects: list[str] = field(default_factory=list)
    with_: list[str] = field(default_factory=list)
    target: str | None = None


def _code(raw: str) -> str | None:
    """``042:043`` → 042 (the code of the event itself); ``---`` and ``:173`` → None."""
    code = raw.strip().split(":", 1)[0].strip()
    return None if not code or code.startswith("-") else code


def _verb(line: str, block_code: str | None, report: PartReport) -> Verb | None:
    codes = _CODE.findall(line)
    head = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()
    if not head:
        return None
    word = head[0]
    own = _code(codes[0]) if codes else None
    code = own if codes else block_code
    if "+" not in word:
        return Verb(word.lower(), (), code)
    words = phrase_words(word.lstrip("+").replace("+", "_+"))
    marked = [w.lstrip("+") for w in phrase_words(word) if w.startswith("+")]
    if not word.startswith("+"):
        report.skip("verb: multi-word verb with words before the verb (WIRE_+TAP)")
        return None
    if re.search(r"\{\s*\}", line) and marked[0].endswith(("ED", "ING")):
        report.skip("verb: inflected multi-word form (ANGERED_BY)")
        return None
    return Verb(words[0].lower(), tuple(w.lower() for w in words[1:]), code)


def read_verb_dictionary(text: str, report: PartReport) -> tuple[dict[str, list[str]], list[Block]]:
    """Synsets (``&NAME`` → members, lower case, spaces) and verb blocks, in file order."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    synset: str | None = None
    for raw in text.splitlines():
        line = strip_comment(raw)
        if not line.strip():
            synset = None
            continue
        block = _BLOCK.match(line)
        if block:
            synset = None
            blocks.append(Block(block.group(1).strip(), _code(block.group(2))))
        elif line.startswith("&"):
            synset = line.split()[0]
            synsets[synset.rstrip("_")] = []
        elif synset is not None and line.startswith("+"):
            synsets[synset.rstrip("_")].append(" ".join(phrase_words(line[1:].lower())))
        elif line.startswith("~"):
            report.skip("pattern: verb-verb transformation (~)")
        elif blocks and line.startswith("-"):
            codes = _CODE.findall(line)
            body = _CODE.sub(" ", line[1:]).strip()
            blocks[-1].patterns.append((body, codes[-1] if codes else ""))
        elif blocks:
            verb = _verb(line.strip(), blocks[-1].code, report)
            if verb is not None:
                blocks[-1].verbs.append(verb)
    return synsets, blocks


def _alternatives(word: str, synsets: dict[str, list[str]]) -> list[str]:
    """A word, or a synset's one-word members (a member phrase cannot be one lemma)."""
    if not word.startswith("&"):
        return [word.lower()]
    members = synsets.get(word.rstrip("_"))
    if members is None:
        raise Unexpressible("undefined synset")
    single = [m for m in members if " " not in m]
    if not single:
        raise Unexpressible("synset of phrases only")
    return single


def _one(word: str, synsets: dict[str, list[str]]) -> str:
    """A word every match must have (``with`` needs all its words): no alternatives."""
    found = _alternatives(word, synsets)
    if len(found) != 1:
        raise Unexpressible("alternatives where every word is required")
    return singular(found[0])


def _add_object(cond: Condition, words: list[str]) -> None:
    if cond.objects:
        raise Unexpressible("two object nouns")
    cond.objects = sorted(set(words))


def _phrase(cond: Condition, inner: str, synsets: dict[str, list[str]]) -> None:
    """``{FINANCIAL HELP}``: the head is the object, the modifiers must be its children."""
    words = inner.split()
    if not words:
        raise Unexpressible("empty phrase")
    _add_object(cond, _alternatives(words[-1], synsets))
    cond.with_ += [_one(w, synsets).lower() for w in words[:-1]]


def _prep_phrase(cond: Condition, inner: str, synsets: dict[str, list[str]]) -> None:
    """``(FOR AID)``, ``(TO)``, ``(AGAINST +)``; a phrase inside one has no equivalent."""
    if "{" in inner:
        raise Unexpressible("noun phrase inside a prepositional phrase")
    words = [w for w in inner.split() if w != "^"]
    if not words:
        raise Unexpressible("empty prepositional phrase")
    prep, rest = words[0].lower(), words[1:]
    cond.with_.append(prep)
    if rest == ["+"]:
        cond.target = f"prep:{prep}"
    elif len(rest) == 1 and prep in OBJECT_PREPS and not cond.objects:
        _add_object(cond, _alternatives(rest[0], synsets))
    elif len(rest) == 1:
        cond.with_.append(_one(rest[0], synsets))
    elif rest:
        raise Unexpressible("several words in a prepositional phrase")


def _element(cond: Condition, element: str, synsets: dict[str, list[str]], last_prep: str | None
             ) -> None:
    if element.startswith("{"):
        _phrase(cond, element[1:-1], synsets)
    elif element.startswith("("):
        _prep_phrase(cond, element[1:-1], synsets)
    elif element == "+":
        cond.target = f"prep:{last_prep}" if last_prep else cond.target
    elif element in ("$", "%"):
        raise Unexpressible("source or compound-actor marker after the verb")
    elif element == "^":
        return
    elif element.lower() in PARTICLES:
        cond.with_.append(element.lower())
    else:
        _add_object(cond, _alternatives(element, synsets))


def parse_pattern(body: str, synsets: dict[str, list[str]]) -> Condition:
    """A pattern's text (``* OUT {NEW STRATEGY} (FOR AID)``) as trigger conditions."""
    if "*" not in body:
        raise Unexpressible("no verb position (*)")
    before, after = body.split("*", 1)
    if before.strip():
        raise Unexpressible("words before the verb (a condition on the subject)")
    cond = Condition()
    last_prep: str | None = None
    for element in _ELEMENT.findall(after):
        _element(cond, element, synsets, last_prep)
        if element.startswith("("):
            last_prep = element[1:-1].split()[0].lower() if element[1:-1].split() else None
    if not cond.objects and not cond.with_:
        raise Unexpressible("no condition left (same as the plain verb)")
    return cond


@dataclass
class VerbSenses:
    """The converted senses, one per lemma and set of conditions (the first one wins)."""

    cameo: CameoLookup
    curated: frozenset[str]
    report: PartReport
    entries: list[dict[str, Any]] = field(default_factory=list)
    seen: set[tuple[Any, ...]] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)

    def add(self, block: Block, verb: Verb, code: str | None, cond: Condition) -> None:
        if code is None:
            self.report.skip("sense: null code (---), no event")
            return
        coded = self.cameo(code)
        if coded is None:
            self.report.skip("sense: CAMEO code without a PLOVER type")
            return
        with_ = sorted({*verb.with_, *cond.with_})
        key = (verb.lemma, tuple(cond.objects), tuple(with_), cond.target)
        if key in self.seen:
            self.report.skip("sense: same verb and conditions as an earlier one")
            return
        self.seen.add(key)
        self.entries.append(self._entry(block, verb, coded, cond, with_))
        self.report.produced += 1

    def _entry(self, block: Block, verb: Verb, coded: tuple[str, str], cond: Condition,
               with_: list[str]) -> dict[str, Any]:
        base = f"petrarch/{slug(block.name)}/{slug('-'.join([verb.lemma, *verb.with_]))}-{coded[1]}"
        ident, n = base, 1
        while ident in self.ids:
            n += 1
            ident = f"{base}-{n}"
        self.ids.add(ident)
        entry: dict[str, Any] = {"id": ident, "lemma": verb.lemma, "type": coded[0],
                                 "cameo": coded[1]}
        if cond.objects:
            entry["objects"] = cond.objects
        if with_:
            entry["with"] = with_
        if cond.target:
            entry["target"] = cond.target
        entry["confidence"] = CONFIDENCE
        return entry


def _block_senses(block: Block, synsets: dict[str, list[str]], senses: VerbSenses
                  ) -> Iterator[tuple[Verb, str | None, Condition]]:
    verbs = [v for v in block.verbs if v.lemma not in senses.curated]
    senses.report.skip("verb: lemma in the curated lexicon", len(block.verbs) - len(verbs))
    for verb in verbs:
        yield verb, verb.code, Condition()
    for body, raw_code in block.patterns:
        try:
            cond = parse_pattern(body, synsets)
        except Unexpressible as exc:
            senses.report.skip(f"pattern: {exc}")
            continue
        for verb in verbs:
            yield verb, _code(raw_code), cond


def convert_verbs(text: str, cameo: CameoLookup, curated: frozenset[str],
                  report: PartReport) -> list[dict[str, Any]]:
    """Event verb entries from the text of a PETRARCH verb dictionary."""
    synsets, blocks = read_verb_dictionary(text, report)
    senses = VerbSenses(cameo, curated, report)
    for block in blocks:
        report.read += len(block.verbs) + len(block.patterns)
        for verb, code, cond in _block_senses(block, synsets, senses):
            if verb.with_ and not cond.objects and not cond.with_ and code is None:
                continue
            senses.add(block, verb, code, cond)
    return senses.entries
