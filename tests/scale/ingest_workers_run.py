"""A stand-alone ``--workers 2`` ingest run for the kill tests: ``python ingest_workers_run.py DB
PATH...`` (the stand-in stages of tests/store/ingest_worker.py, in every worker)."""

from __future__ import annotations

import sys

from newsevents.config import Options
from newsevents.store import IngestSettings, Store, run_ingest

SETUP = "tests.store.ingest_worker:install_stand_in_stage"


def main(argv: list[str]) -> None:
    db, paths = argv[0], argv[1:]
    options = Options(batch_size=4, n_process=2)
    with Store.open(db) as store:
        run_ingest(store, paths, options, settings=IngestSettings(batch_size=4),
                   worker_setup=SETUP)


if __name__ == "__main__":
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[2]))
    main(sys.argv[1:])
