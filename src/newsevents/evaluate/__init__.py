"""Scoring extractions against gold (shared spec/gold-format.md).

Pure functions over dicts in the ``Extraction.to_dict()`` shape and gold records, so they can
score saved predictions without loading a model. ``coding`` runs the pipeline for ``eval``.
"""

from __future__ import annotations

from .dates import overlaps, record_interval, value_interval
from .events import event_matches, event_mismatch, score_document_events
from .gold import GoldDocument, GoldFormatError, group_gold, load_gold, load_predictions
from .matching import match_required_then_optional, maximum_matching
from .plover import GsrRecord, load_records, parse_records, score_plover
from .quotes import fold, quote_matches, score_document_quotes, speaker_right
from .report import score_document, score_gold
from .timexes import gold_span, score_document_timexes, value_right

__all__ = [
    "GoldDocument",
    "GoldFormatError",
    "GsrRecord",
    "event_matches",
    "event_mismatch",
    "fold",
    "gold_span",
    "group_gold",
    "load_gold",
    "load_predictions",
    "load_records",
    "match_required_then_optional",
    "maximum_matching",
    "overlaps",
    "parse_records",
    "quote_matches",
    "record_interval",
    "score_document",
    "score_document_events",
    "score_document_quotes",
    "score_document_timexes",
    "score_gold",
    "score_plover",
    "speaker_right",
    "value_interval",
    "value_right",
]
