"""One options object, built from defaults, a TOML file and command-line flags, in that order."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class Options:
    """Everything a run can change. Unknown keys in a TOML file are an error."""

    model: str | None = None
    """spaCy model name; None picks the best installed English model."""
    max_bytes: int = DEFAULT_MAX_BYTES
    """Inputs whose text is larger than this are refused (TooLargeError)."""
    chunk_chars: int = 20_000
    """The parse window: longer texts are parsed window by window (split after line breaks, else
    sentence ends) into one Doc, and texts parsed together hold at most this many characters;
    the parser's memory follows it (docs/benchmarks.md)."""
    batch_size: int = 16
    """Articles parsed together (and, in ``newsevents ingest``, written per transaction)."""
    n_process: int = 1
    """Worker processes that code in ``run_ingest``/``ingest`` (1: in this process; the
    ``ingest`` command defaults to the cores available unless this is set in --config)."""
    language_check: bool = True
    """Refuse texts detected as not English (LanguageNotSupportedError)."""
    actor_files: tuple[str, ...] = ()
    """Extra user actor dictionaries (YAML), loaded after the built-in ones."""
    lexicon_files: tuple[str, ...] = ()
    """Extra user verb/noun lexicons (YAML), loaded after the built-in ones."""
    grammar_files: tuple[str, ...] = ()
    """User grammar word-class files (YAML) that add words to or remove words from the classes
    of ``lexicons/grammar/`` (speech verbs, modals, negations, …); docs/lexicons.md."""
    min_confidence: float = 0.0
    """Events whose ``confidence`` is below this are left out of the Extraction (0: keep all)."""
    speculative: bool = False
    """True: keep events whose modality is ``possible`` or ``hypothetical`` ('could impose
    sanctions', 'if they attack'). By default they are left out of the Extraction: they did
    not happen and nobody announced them (``actual`` and ``future`` events are kept)."""
    keep_text: bool = True
    """False: the event store keeps offsets and hashes, not the article text (as ``newsevents
    ingest --no-text``). Extractions always carry the text: their offsets point into it."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Settings for stages: the quotes stage reads ``quote_cue_files`` and
    ``quote_phrase_files`` (extra quote lexicons, YAML); third-party stages read their own keys."""

    def with_overrides(self, **overrides: Any) -> Options:
        """Return a copy with the non-None overrides applied."""
        clean = {k: v for k, v in overrides.items() if v is not None}
        for key in ("actor_files", "lexicon_files", "grammar_files"):
            if key in clean:
                clean[key] = tuple(clean[key])
        return replace(self, **clean)


def option_names() -> list[str]:
    return [f.name for f in fields(Options)]


def load_options(path: str | Path | None = None, **overrides: Any) -> Options:
    """Defaults, then the TOML file's ``[newsevents]`` table (or top level), then overrides."""
    options = Options()
    if path is not None:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        table = data.get("newsevents", data)
        unknown = sorted(set(table) - set(option_names()))
        if unknown:
            raise ValueError(
                f"{path}: unknown option(s) {', '.join(unknown)}; known: {', '.join(option_names())}"
            )
        options = options.with_overrides(**table)
    return options.with_overrides(**overrides)
