#!/usr/bin/env bash
# The whole suite: lint, pytest on SQLite, and pytest on a throwaway PostgreSQL cluster
# started here (unix socket in a temp dir) and stopped on exit, pass or fail. The three run
# side by side (one core each is enough), each into its own log, printed when it ends.
#
# Each test runs at least once on the database where it means something:
# - the SQLite pass runs everything but the browser tests and those that need PostgreSQL
#   itself (the scale-out test: two gunicorn servers behind nginx, tests/scale/);
# - the PostgreSQL pass runs everything but the tests marked `once` (no database of the
#   pass in them: settings, scripts, the SQLite-specific ones, the HTML checker), and the
#   browser tests in Debian's headless Chromium, on the production database.
# The cache-fault tests start and stop their own redis-server; the HTML tests run the Nu
# HTML Checker (Java) offline. Arguments go to both pytest runs.
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
require_nginx
PG_BIN=$(require_postgresql)

# The static files are collected once, for both passes (tests/conftest.py).
"$BIN/python" manage.py collectstatic --no-input -v 0
export PARISCALL_STATIC_COLLECTED=1

start_postgresql "$PG_BIN"
LOGS=$(mktemp -d -t pariscall-test.XXXXXX)
PYTEST=("$BIN/pytest" --durations=12 --durations-min=1 "$@")

# run NAME COMMAND…: runs in the background; its log, exit status and seconds in $LOGS.
run() {
    local name=$1
    shift
    (
        start=$SECONDS
        set +e
        "$@" >"$LOGS/$name.log" 2>&1
        echo $? >"$LOGS/$name.rc"
        echo $((SECONDS - start)) >"$LOGS/$name.seconds"
    ) &
}

started=$SECONDS
run lint make --no-print-directory lint
run sqlite "${PYTEST[@]}" -m "not browser and not postgresql"
run postgresql env DATABASE_URL="$PG_URL" "${PYTEST[@]}" -m "not once"
wait

echo "== the whole suite took $((SECONDS - started)) s: lint $(cat "$LOGS/lint.seconds") s," \
    "SQLite $(cat "$LOGS/sqlite.seconds") s, PostgreSQL and browser $(cat "$LOGS/postgresql.seconds") s"
failed=()
for name in lint sqlite postgresql; do
    case $name in
        lint) echo "== lint: ruff, djLint and the French catalogue" ;;
        sqlite) echo "== tests on SQLite (all but the browser and scale-out tests)" ;;
        postgresql) echo "== tests on PostgreSQL ($("$PG_BIN/postgres" --version)), browser tests included" ;;
    esac
    cat "$LOGS/$name.log"
    [ "$(cat "$LOGS/$name.rc")" = 0 ] || failed+=("$name")
done
rm -rf "$LOGS"
if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]}" >&2
    exit 1
fi
