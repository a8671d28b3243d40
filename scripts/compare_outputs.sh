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
inputs=$(mktemp "$cache/inputs-XXXXXX.jsonl")
work=$(mktemp "$cache/worktree-XXXXXX.jsonl")
trap 'rm -f "$inputs" "$work"' EXIT
$python scripts/compare_outputs.py inputs "$inputs"
key=$(sha256sum "$inputs" | cut -c1-12)
base="$cache/$sha-$key.jsonl"
if [ ! -s "$base" ]; then
  tree="$cache/tree-$sha"
  if [ ! -d "$tree" ]; then
    staged=$(mktemp -d "$cache/tree-XXXXXX")
    git archive "$sha" | tar -x -C "$staged"
    mv -T "$staged" "$tree" 2>/dev/null || rm -rf "$staged"
  fi
  part=$(mktemp "$base.XXXXXX")
  PYTHONPATH="$tree/src" $python scripts/compare_outputs.py code "$inputs" "$part"
  mv "$part" "$base"
fi
PYTHONPATH="$PWD/src" $python scripts/compare_outputs.py code "$inputs" "$work"
$python scripts/compare_outputs.py diff "$base" "$work"
