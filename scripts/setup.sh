#!/usr/bin/env bash
# Create ./.venv (if missing) and install newsevents with the given extras (default: dev).
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-dev}"
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip >/dev/null
.venv/bin/python -m pip install --quiet -e ".[${extras}]"
