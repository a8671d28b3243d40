"""The timex stage: find temporal expressions, resolve them like a news reader, date events.

Public API:

- ``STAGE``: finds ``timexes`` and their ``timex_records``, and, when metadata gave none, the
  ``published`` day from a dateline or an inference (``publication`` says how);
- ``date_event(analysis, token_i)``: the DateValue of an event from its trigger token;
- ``find_timexes(doc, published)``: the records for any parsed text (used by the TimeML eval).
"""

from __future__ import annotations

from ..stage import Analysis, Stage
from .anchor import date_event
from .extract import TimexRecord, find_timexes
from .find import find as find_candidates
from .publication import Publication, infer_publication
from .tense import tense_at

__all__ = ["STAGE", "TimexRecord", "date_event", "find_timexes", "infer_publication", "run"]

def _infer(analysis: Analysis) -> Publication | None:
    text = analysis.doc.text
    candidates = list(find_candidates(text))
    past = [f for f in candidates
            if f.kind == "md" and tense_at(analysis.doc, f.start, f.end) != "future"]
    tenure = analysis.actor_index.tenure_years if analysis.actor_index else None
    return infer_publication(text, candidates, set(tenure) if tenure else None, past)


def run(analysis: Analysis) -> dict[str, object]:
    """The publication date when unknown, then every timex of the article, in text order."""
    published = analysis.published
    publication = _infer(analysis) if published is None else None
    if publication is not None:
        published = publication.date
    records = find_timexes(analysis.doc, published)
    return {"timexes": [r.timex for r in records], "timex_records": records,
            "published": published, "publication": publication}


STAGE = Stage("timex", run, requires=("doc", "published", "actor_index"),
              assigns=("timexes", "timex_records", "published", "publication"))
