#!/usr/bin/env bash
# `make bench`: build scratch databases, serve them with gunicorn, load them with wrk,
# and write docs/performance.md. Everything runs on 127.0.0.1 and stops by itself.
#   BENCH_SECONDS  seconds of load per page (default 10)
#   BENCH_SQLITE_MAX  largest SQLite table (default 100000; 1000000 to include it)
#   BENCH_SIZES  override the sizes, e.g. "10000" for a quick run
#   BENCH_POSTGRESQL_MAX  largest PostgreSQL table (default 1000000; 0 for none)
#   BENCH_PG_PORT, BENCH_PORT  the cluster's and gunicorn's ports (54340, 8765)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh

command -v wrk >/dev/null || _apt_install wrk
PG_BIN=$(require_postgresql)
start_postgresql "$PG_BIN" "${BENCH_PG_PORT:-54340}"
# Memory as a production server would give PostgreSQL (the machine has plenty): the table
# and its indexes in shared buffers, and costs that know random reads are cheap there.
psql "$PG_URL" -qc "ALTER SYSTEM SET shared_buffers = '1GB'" \
    -c "ALTER SYSTEM SET effective_cache_size = '4GB'" -c "ALTER SYSTEM SET random_page_cost = 1.1"
as_postgres=()
[ "$(id -u)" = 0 ] && as_postgres=(runuser -u postgres --)
"${as_postgres[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -w restart >/dev/null
export BENCH_PG_URL="$PG_URL"
.venv/bin/python scripts/bench/run.py "$@"
# The import of 50,000 new supporters and its peak memory (the suite checks the growth per row).
.venv/bin/python scripts/bench/import_memory.py
