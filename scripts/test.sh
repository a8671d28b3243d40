#!/usr/bin/env bash
# Set up a fresh machine and pass the tests: venv + install, a local PostgreSQL for the store
# tests and Chromium for the explorer's browser tests (Debian packages; skipped with a message
# where apt-get is unavailable and CI is unset), then ruff, mypy and pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
if [ -f .ci/postgres.sh ]; then
  if command -v apt-get >/dev/null 2>&1 || [ "${CI:-}" = "true" ]; then
    # shellcheck disable=SC1091
    source .ci/postgres.sh
  else
    echo "note: no apt-get here; PostgreSQL tests will be skipped" >&2
  fi
fi
if [ -f .ci/chromium.sh ]; then
  if command -v apt-get >/dev/null 2>&1 || [ "${CI:-}" = "true" ]; then
    # shellcheck disable=SC1091
    source .ci/chromium.sh
  else
    echo "note: no apt-get here; the explorer's browser tests will be skipped" >&2
  fi
fi
.venv/bin/ruff check src tests benchmarks
.venv/bin/mypy
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
