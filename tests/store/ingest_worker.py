"""A stand-alone ingest run for the kill tests: ``python ingest_worker.py DB PATH...``.

It registers a deterministic stand-in events stage (one event per sentence, its first and last
words as source and target, one quote per article) so that the kill tests exercise every
table whatever the real event stages code today.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

from newsevents.config import Options
from newsevents.model import Actor, DateValue, Event, Evidence, Quote, Trigger
from newsevents.pipeline import register_stage
from newsevents.quotes.findings import QuoteFindings
from newsevents.stage import Analysis, Stage
from newsevents.store import IngestSettings, Store, run_ingest

TYPES = ("ACCUSE", "CONSULT", "REJECT", "THREATEN", "AGREE", "ASSAULT")


def _actor(token: object) -> Actor:
    text = str(token)
    start = token.idx  # type: ignore[attr-defined]
    return Actor(text=text, start=start, end=start + len(text), name=text.title(),
                 country="USA" if len(text) % 2 else "IRN", sector="GOV")


def stand_in_events(analysis: Analysis) -> dict[str, object]:
    article = analysis.article
    events: list[Event] = []
    for index, sentence in enumerate(analysis.doc.sents):
        words = [t for t in sentence if t.is_alpha]
        if len(words) < 2:
            continue
        trigger = words[len(words) // 2]
        kind = TYPES[int(hashlib.sha256(sentence.text.encode()).hexdigest(), 16) % len(TYPES)]
        event_id = hashlib.sha256(f"{article.id}|{trigger.idx}|{kind}".encode()).hexdigest()[:16]
        events.append(Event(
            id=event_id, article_id=article.id, type=kind,
            source=[_actor(words[0])], target=[_actor(words[-1])],
            date=DateValue(article.published, "day", article.published, article.published),
            evidence=[Evidence(index, sentence.text, sentence.start_char, sentence.end_char,
                               Trigger(trigger.text, trigger.idx, trigger.idx + len(trigger)))],
            rule="stand-in", quad_class=3,
        ))
    return {"mentions": events}


def stand_in_quotes(analysis: Analysis) -> dict[str, object]:
    article = analysis.article
    quote = Quote(id="q1", article_id=article.id, kind="indirect", text=article.text[:40],
                  start=0, end=min(40, len(article.text)))
    return {"quotes": [quote], "quote_findings": QuoteFindings()}


def install_stand_in_stage() -> None:
    from newsevents.events import STAGE as events
    from newsevents.quotes import STAGE as quotes

    for real, run in ((events, stand_in_events), (quotes, stand_in_quotes)):
        stage = Stage(real.name, run, requires=real.requires, assigns=real.assigns)
        register_stage(real.name, lambda stage=stage: stage)


BARRIER_ENV = "NEWSEVENTS_TEST_BARRIER"
"""A folder: the concurrency tests start several workers and let them go at one moment (each
writes ``ready-PID`` there and waits for ``go``), so that their first opening of a new store,
which creates the schema, coincides."""


def wait_at_barrier() -> None:
    folder = os.environ.get(BARRIER_ENV)
    if not folder:
        return
    Path(folder, f"ready-{os.getpid()}").touch()
    deadline = time.monotonic() + 120
    while not Path(folder, "go").exists() and time.monotonic() < deadline:
        time.sleep(0.002)


def main(argv: list[str]) -> None:
    install_stand_in_stage()
    db, paths = argv[0], argv[1:]
    wait_at_barrier()
    options = Options(batch_size=4)
    with Store.open(db) as store:
        run_ingest(store, paths, options, settings=IngestSettings(batch_size=4))


if __name__ == "__main__":
    main(sys.argv[1:])
