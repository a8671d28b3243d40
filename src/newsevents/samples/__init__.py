"""Sample wire articles written for newsevents, with their gold (``gold.jsonl``).

They are the embedded default of the main job and double as a regression eval:
``newsevents eval --samples``.
"""

from __future__ import annotations

from pathlib import Path

SAMPLES_DIR = Path(__file__).resolve().parent


def sample_path(name: str = "articles.jsonl") -> Path:
    """Path of a shipped sample file: ``articles.jsonl`` (default) or ``gold.jsonl``."""
    return SAMPLES_DIR / name
