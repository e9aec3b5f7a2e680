#!/usr/bin/env bash
# `make bench`: build scratch databases, serve them with gunicorn, load them with wrk,
# and write docs/performance.md. Everything runs on 127.0.0.1 and stops by itself.
#   BENCH_SECONDS  seconds of load per page (default 10)
#   BENCH_SQLITE_MAX  largest SQLite table (default 100000; 1000000 to include it)
#   BENCH_SIZES  override the sizes, e.g. "10000" for a quick run
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh

command -v wrk >/dev/null || _apt_install wrk
PG_BIN=$(require_postgresql)
start_postgresql "$PG_BIN" "${BENCH_PG_PORT:-54340}"
export BENCH_PG_URL="$PG_URL"
.venv/bin/python scripts/bench/run.py "$@"
