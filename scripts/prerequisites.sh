# Sourced by the test and benchmark scripts: find or install Chromium, PostgreSQL, Redis and
# the Nu HTML Checker, and start a throwaway PostgreSQL cluster. A missing prerequisite that cannot be installed
# stops the run with a message saying how to install it.

_as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"
    else return 1
    fi
}

_apt_install() {
    echo "== installing $* with apt-get" >&2
    { _as_root apt-get update -q && _as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q "$@"; } >&2 || {
        echo "ERROR: $* missing and could not be installed: run 'sudo apt-get install $*'." >&2
        exit 1
    }
}

require_chromium() {
    command -v chromium >/dev/null || _apt_install chromium
    command -v chromium >/dev/null || { echo "ERROR: no chromium on PATH." >&2; exit 1; }
}

# msgfmt and friends: the check that every message is translated compiles the catalogue.
require_gettext() {
    command -v msgcmp >/dev/null || _apt_install gettext
    command -v msgcmp >/dev/null || { echo "ERROR: no gettext tools (msgcmp) on PATH." >&2; exit 1; }
}

# The cache-fault tests start their own redis-server.
require_redis() {
    command -v redis-server >/dev/null || _apt_install redis-server
    command -v redis-server >/dev/null || { echo "ERROR: no redis-server on PATH." >&2; exit 1; }
}

# The scale-out test puts Debian's nginx in front of two app servers, over TLS with a
# certificate that openssl makes.
require_nginx() {
    { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; } || _apt_install nginx
    command -v openssl >/dev/null || _apt_install openssl
    { command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; } \
        || { echo "ERROR: no nginx: run 'sudo apt-get install nginx'." >&2; exit 1; }
}

# The Nu HTML Checker: Java, and vnu.jar from npm in .tools/ (git-ignored), pinned.
VNU_VERSION=26.9.27
require_vnu() {
    command -v java >/dev/null || _apt_install default-jre-headless
    command -v npm >/dev/null || _apt_install npm
    local jar=.tools/node_modules/vnu-jar/build/dist/vnu.jar
    if [ ! -f "$jar" ] || ! grep -q "\"version\": \"$VNU_VERSION\"" .tools/node_modules/vnu-jar/package.json; then
        echo "== installing vnu-jar@$VNU_VERSION into .tools/ with npm" >&2
        npm install --prefix .tools --no-audit --no-fund --silent "vnu-jar@$VNU_VERSION" >&2 \
            || { echo "ERROR: could not install vnu-jar with npm." >&2; exit 1; }
    fi
}

# Prints the bin directory of the newest installed PostgreSQL.
require_postgresql() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        _apt_install postgresql postgresql-contrib
        bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    fi
    [ -x "$bin/initdb" ] || { echo "ERROR: PostgreSQL's initdb not found." >&2; exit 1; }
    echo "$bin"
}

# Runs a PostgreSQL program as the cluster's owner: initdb refuses to run as root, so as
# root the clusters belong to the postgres user.
_as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# _stop_postgresql BIN DIR: stops the clusters in DIR (the primary, a standby if made) and
# removes DIR.
_stop_postgresql() {
    local data
    for data in "$2/data" "$2/standby"; do
        [ ! -d "$data" ] || _as_postgres "$1/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1
    done
    rm -rf "$2"
}

# start_postgresql BIN [PORT]: a cluster in a new temp dir, listening only on a unix
# socket there; sets PG_URL, PG_DIR and PG_PORT, and stops and removes it when the shell exits.
start_postgresql() {
    local bin=$1 port=${2:-54329}
    PG_DIR=$(mktemp -d -t pariscall-pg.XXXXXX)
    PG_PORT=$port
    [ "$(id -u)" != 0 ] || chown postgres "$PG_DIR"
    _as_postgres "$bin/initdb" -D "$PG_DIR/data" -A trust -U postgres -E UTF8 \
        --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; echo "ERROR: initdb failed." >&2; exit 1; }
    trap "_stop_postgresql '$bin' '$PG_DIR'" EXIT
    _as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
        -o "-k $PG_DIR -p $port -c listen_addresses='' -c fsync=off -c full_page_writes=off" \
        start >/dev/null \
        || { cat "$PG_DIR/server.log" >&2; echo "ERROR: PostgreSQL did not start." >&2; exit 1; }
    PG_URL="postgres://postgres@/postgres?host=$PG_DIR&port=$port"
}

# start_postgresql_standby BIN PORT: after start_postgresql, a hot standby of that cluster
# on PORT (same socket dir), streaming from it as a read replica does: copied with
# pg_basebackup -R, which also writes the standby's connection to the primary. The defaults
# the primary runs with allow it (wal_level=replica, max_wal_senders=10, and initdb's
# "local replication" line, trusted). Sets PG_STANDBY_URL; stopped with the primary.
start_postgresql_standby() {
    local bin=$1 port=$2
    _as_postgres "$bin/pg_basebackup" -D "$PG_DIR/standby" -R -X stream -c fast \
        -h "$PG_DIR" -p "$PG_PORT" -U postgres >"$PG_DIR/basebackup.log" 2>&1 \
        || { cat "$PG_DIR/basebackup.log" >&2; echo "ERROR: pg_basebackup failed." >&2; exit 1; }
    _as_postgres "$bin/pg_ctl" -D "$PG_DIR/standby" -l "$PG_DIR/standby.log" -w \
        -o "-k $PG_DIR -p $port -c listen_addresses='' -c hot_standby=on -c fsync=off" \
        start >/dev/null \
        || { cat "$PG_DIR/standby.log" >&2; echo "ERROR: the standby did not start." >&2; exit 1; }
    PG_STANDBY_URL="postgres://postgres@/postgres?host=$PG_DIR&port=$port"
}
