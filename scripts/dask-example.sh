#!/bin/sh
# The analysis on Dask distributed (Debian's python3-distributed): see scripts/dask_example.py.
# Usage: scripts/dask-example.sh [--scheduler tcp://host:8786] [--corpus corpus.jsonl] [--shards 8] [--copies 40]
#        [--records <shared folder>] [--site <folder>] [--check] [--keep]
set -eu
cd "$(dirname "$0")/.."
if ! /usr/bin/python3 -c "import distributed" 2>/dev/null; then
  echo "dask-example: Dask distributed is not installed; run: apt-get update && apt-get install -y python3-distributed" >&2
  exit 2
fi
exec /usr/bin/python3 scripts/dask_example.py "$@"
