#!/usr/bin/env bash
# Code the seed, the samples, PLOVER GSR dev, MEANTIME and realnews-dev with the checkout at REV
# and with the working tree, and list every difference field by field (coder block and event ids
# dropped). Exit 0 when there is none, 1 otherwise.
#
#   bash scripts/compare_outputs.sh REV            # e.g. HEAD, main~3, a tag
#
# REV's outputs are cached under ${NEWSEVENTS_COMPARE_DIR:-/tmp/newsevents-compare}/<sha>.
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:?usage: compare_outputs.sh REV}"
sha=$(git rev-parse --verify "$rev^{commit}")
cache="${NEWSEVENTS_COMPARE_DIR:-/tmp/newsevents-compare}"
python=.venv/bin/python
mkdir -p "$cache"
inputs="$cache/inputs.jsonl"
$python scripts/compare_outputs.py inputs "$inputs"
key=$(sha256sum "$inputs" | cut -c1-12)
base="$cache/$sha-$key.jsonl"
if [ ! -s "$base" ]; then
  tree="$cache/tree-$sha"
  if [ ! -d "$tree" ]; then
    mkdir -p "$tree"
    git archive "$sha" | tar -x -C "$tree"
  fi
  PYTHONPATH="$tree/src" $python scripts/compare_outputs.py code "$inputs" "$base.part"
  mv "$base.part" "$base"
fi
work="$cache/worktree.jsonl"
PYTHONPATH="$PWD/src" $python scripts/compare_outputs.py code "$inputs" "$work"
$python scripts/compare_outputs.py diff "$base" "$work"
