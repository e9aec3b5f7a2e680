#!/usr/bin/env bash
# The whole suite: lint, then pytest on SQLite, then again on a throwaway PostgreSQL
# cluster started here (unix socket in a temp dir) and stopped on exit, pass or fail.
# Browser tests run in both, in Debian's headless Chromium. The cache-fault tests start and
# stop their own redis-server; the HTML tests run the Nu HTML Checker (Java) offline.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/prerequisites.sh

BIN=.venv/bin
export DJANGO_DEBUG=False
export DJANGO_SECRET_KEY=test-only-secret-key-never-used-in-production
export DJANGO_ALLOWED_HOSTS=localhost,127.0.0.1,testserver
unset DATABASE_URL CACHE_URL

require_chromium
require_gettext
require_redis
require_vnu
PG_BIN=$(require_postgresql)

echo "== lint: ruff, djLint and the French catalogue"
make --no-print-directory lint

echo "== tests on SQLite"
"$BIN/pytest" "$@"

echo "== tests on PostgreSQL ($("$PG_BIN/postgres" --version))"
start_postgresql "$PG_BIN"
export DATABASE_URL="$PG_URL"
"$BIN/pytest" "$@"
