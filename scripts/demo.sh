#!/usr/bin/env bash
# The main job on a fresh machine: set up, ingest the shipped sample articles into the embedded
# SQLite store (./newsevents.db), and print the event timeline.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
db="${NEWSEVENTS_DB:-sqlite:///newsevents.db}"
.venv/bin/newsevents ingest "$(.venv/bin/python -c 'from newsevents.samples import sample_path; print(sample_path())')" --db "$db"
.venv/bin/newsevents timeline --db "$db" --limit 40
