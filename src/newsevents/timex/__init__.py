"""The timex stage: find temporal expressions, resolve them like a news reader, date events.

Public API:

- ``STAGE``: sets ``analysis.timexes`` (and, when metadata gave none, ``analysis.published``
  from a dateline or an inference, with ``article.published_basis``);
- ``date_event(analysis, token_i)``: the DateValue of an event from its trigger token;
- ``find_timexes(doc, published)``: the records for any parsed text (used by the TimeML eval).
"""

from __future__ import annotations

from ..pipeline import Analysis, Stage
from .anchor import SCRATCH_KEY, date_event
from .extract import TimexRecord, find_timexes
from .find import find as find_candidates
from .publication import Publication, infer_publication
from .tense import tense_at

__all__ = ["STAGE", "TimexRecord", "date_event", "find_timexes", "infer_publication", "run"]

TENURE_KEY = "actors.tenure_years"


def _infer(analysis: Analysis) -> Publication | None:
    text = analysis.doc.text
    candidates = list(find_candidates(text))
    past = [f for f in candidates
            if f.kind == "md" and tense_at(analysis.doc, f.start, f.end) != "future"]
    tenure = analysis.scratch.get(TENURE_KEY)
    return infer_publication(text, candidates, set(tenure) if tenure else None, past)


def run(analysis: Analysis) -> None:
    """Set the publication date when unknown, then every timex of the article, in text order."""
    if analysis.published is None:
        publication = _infer(analysis)
        if publication is not None:
            analysis.published = publication.date
            analysis.article.published = publication.date.isoformat()
            analysis.article.published_basis = publication.basis
            analysis.scratch["timex.published_reason"] = publication.reason
    records = find_timexes(analysis.doc, analysis.published)
    analysis.scratch[SCRATCH_KEY] = records
    analysis.timexes = [r.timex for r in records]


STAGE = Stage("timex", run, requires=("doc",), assigns=("timexes", "published"))
