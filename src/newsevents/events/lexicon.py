"""The event lexicon: verb and noun trigger entries, and the CAMEO table they point at."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from ..errors import LexiconError
from ..lexicons import LEXICON_DIR, load_entries
from ..model import MODALITIES, PLOVER_TYPES, EventType, Modality

DEFAULT_CONFIDENCE = 0.7


@dataclass(frozen=True)
class CameoCode:
    code: str
    label: str
    plover: str | None
    mode: str | None
    contexts: tuple[str, ...]
    quad_class: int | None
    goldstein: float | None


@dataclass(frozen=True)
class TriggerEntry:
    """One trigger sense: a lemma, the conditions under which it fires, and its coding."""

    id: str
    file: str
    lemma: str
    pos: str
    type: EventType
    cameo: str | None
    mode: str | None
    contexts: tuple[str, ...]
    objects: frozenset[str]
    subjects: frozenset[str]
    """Lemmas one of which the trigger's subject must have ('a rocket hit …')."""
    with_: frozenset[str]
    xcomp: frozenset[str]
    object_sectors: frozenset[str]
    unless_xcomp: frozenset[str]
    stative: bool
    target: str
    """The target slot: ``dobj`` (default: the object, else what the act is about), ``none``,
    ``prep:<p>`` ('fired at X'), ``subject`` (an experiencer or the accused: 'came under
    fire', 'X was responsible for …'), ``population`` (the people of the country where the act
    falls: a curfew, a state of emergency)."""
    source: str
    """The source slot: ``subject`` (default; a passive's by-agent), ``reporter`` (the one
    who says the clause: 'Y said X was responsible' → Y), ``prep:<p>`` ('under fire from X')."""
    implicit_source: str | None
    """The sector of the setting's state that does the act when a passive names no one
    ('was arrested in Machakos': the police), for acts only a state does; None: unknown."""
    possessor: str
    """What a trigger noun's possessor is: ``source`` (default: 'Israel's offer') or
    ``target`` ('his arrest', 'the minister's dismissal')."""
    negated: str | None
    modality: Modality | None
    confidence: float

    @property
    def rule(self) -> str:
        return f"{self.file}:{self.id}"

    @property
    def specificity(self) -> float:
        """Named objects beat the sector of the object, which beats particles and complements."""
        return ((3 if self.objects or self.subjects else 0) + (2 if self.with_ else 0)
                + (1 if self.xcomp else 0) + (2.5 if self.object_sectors else 0)
                + (0.5 if self.stative else 0))


def _lower_set(value: Any) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    return frozenset(str(v).lower() for v in value)


def _modality(raw: dict[str, Any]) -> Modality | None:
    """The entry's fixed modality, if it has one; an unknown modality is an error."""
    modality = raw.get("modality") or None
    if modality is not None and modality not in MODALITIES:
        raise LexiconError(f"entry {raw['id']!r}: unknown modality {modality!r}; use one of "
                           f"{', '.join(MODALITIES)}", source=raw.get("_file"))
    return cast(Modality | None, modality)


def _slot(raw: dict[str, Any], key: str, default: str, plain: tuple[str, ...]) -> str:
    """A frame slot: one of ``plain`` or ``prep:<preposition>``; anything else is an error."""
    value = str(raw.get(key) or default)
    if value not in plain and not (value.startswith("prep:") and len(value) > 5):
        raise LexiconError(f"entry {raw['id']!r}: {key} must be one of {', '.join(plain)} or "
                           f"prep:<preposition>, not {value!r}", source=raw.get("_file"))
    return value


IMPLICIT_SOURCE_SECTORS = ("COP", "JUD", "GOV", "MIL")


def _implicit_source(raw: dict[str, Any]) -> str | None:
    value = raw.get("implicit_source")
    if value is None:
        return None
    if str(value).upper() not in IMPLICIT_SOURCE_SECTORS:
        raise LexiconError(f"entry {raw['id']!r}: implicit_source must be one of "
                           f"{', '.join(IMPLICIT_SOURCE_SECTORS)}, not {value!r}",
                           source=raw.get("_file"))
    return str(value).upper()


def plover_type(raw: dict[str, Any]) -> EventType:
    """The entry's ``type``, upper-cased; anything but one of the 16 PLOVER types is an error."""
    event_type = str(raw.get("type", "")).upper()
    if event_type not in PLOVER_TYPES:
        raise LexiconError(f"entry {raw['id']!r}: unknown PLOVER type {event_type!r}",
                           source=raw.get("_file"))
    return cast(EventType, event_type)


def _entry(raw: dict[str, Any], pos: str) -> TriggerEntry:
    event_type = plover_type(raw)
    cameo = raw.get("cameo")
    return TriggerEntry(
        id=str(raw["id"]),
        file=str(raw.get("_file", "?")),
        lemma=str(raw["lemma"]).lower(),
        pos=pos,
        type=event_type,
        cameo=str(cameo) if cameo is not None else None,
        mode=raw.get("mode") or None,
        contexts=tuple(raw.get("contexts") or ()),
        objects=_lower_set(raw.get("objects")),
        subjects=_lower_set(raw.get("subjects")),
        with_=_lower_set(raw.get("with")),
        xcomp=_lower_set(raw.get("xcomp")),
        object_sectors=frozenset(str(v).upper() for v in raw.get("object_sectors") or ()),
        unless_xcomp=_lower_set(raw.get("unless_xcomp")),
        stative=bool(raw.get("stative", False)),
        target=_slot(raw, "target", "dobj",
                     ("dobj", "none", "subject", "population", "neighbour", "parties")),
        source=_slot(raw, "source", "subject", ("subject", "reporter")),
        possessor=_slot(raw, "possessor", "source", ("source", "target")),
        implicit_source=_implicit_source(raw),
        negated=raw.get("negated") or None,
        modality=_modality(raw),
        confidence=float(raw.get("confidence", DEFAULT_CONFIDENCE)),
    )


@dataclass
class EventLexicon:
    verbs: dict[str, list[TriggerEntry]]
    nouns: dict[str, list[TriggerEntry]]
    by_id: dict[str, TriggerEntry]
    cameo: dict[str, CameoCode]

    def candidates(self, lemma: str, pos: str) -> list[TriggerEntry]:
        table = self.verbs if pos == "verb" else self.nouns
        return table.get(lemma, [])

    def cameo_for(self, code: str | None) -> CameoCode | None:
        if code is None:
            return None
        found = self.cameo.get(code)
        while found is None and len(code) > 2:
            code = code[:-1]
            found = self.cameo.get(code)
        return found


def _index(entries: list[TriggerEntry]) -> dict[str, list[TriggerEntry]]:
    table: dict[str, list[TriggerEntry]] = {}
    for entry in entries:
        table.setdefault(entry.lemma, []).append(entry)
    for lemma in table:
        table[lemma].sort(key=lambda e: -e.specificity)
    return table


def _cameo_table() -> dict[str, CameoCode]:
    if not (LEXICON_DIR / "events" / "cameo.yml").exists():
        return {}
    table: dict[str, CameoCode] = {}
    for raw in load_entries("events/cameo.yml"):
        code = str(raw["id"])
        table[code] = CameoCode(
            code=code,
            label=str(raw.get("label", "")),
            plover=raw.get("plover"),
            mode=raw.get("mode") or None,
            contexts=tuple(raw.get("contexts") or ()),
            quad_class=raw.get("quad_class"),
            goldstein=raw.get("goldstein"),
        )
    return table


def _optional(name: str) -> list[dict[str, Any]]:
    """A file ``events/verbs.yml`` and/or the files of a folder ``events/verbs/``."""
    entries: list[dict[str, Any]] = []
    if (LEXICON_DIR / name).exists():
        entries += load_entries(name)
    folder = LEXICON_DIR / name.removesuffix(".yml")
    if folder.is_dir():
        for path in sorted(folder.glob("*.yml")):
            entries += load_entries(str(path.relative_to(LEXICON_DIR)))
    return entries


@lru_cache(maxsize=4)
def load_lexicon(extra_files: tuple[str, ...] = ()) -> EventLexicon:
    """Built-in verbs and nouns, then user files (a user entry with ``pos: noun`` is a noun)."""
    from ..actors.kb import load_entries_from

    verbs = [_entry(r, "verb") for r in _optional("events/verbs.yml")]
    nouns = [_entry(r, "noun") for r in _optional("events/nouns.yml")]
    for path in extra_files:
        for raw in load_entries_from(path, "events/verbs"):
            (nouns if raw.get("pos") == "noun" else verbs).append(
                _entry(raw, "noun" if raw.get("pos") == "noun" else "verb"))
    by_id = {e.id: e for e in [*verbs, *nouns]}
    return EventLexicon(_index(verbs), _index(nouns), by_id, _cameo_table())
