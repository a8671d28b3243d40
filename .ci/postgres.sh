# Start a throw-away PostgreSQL server for the store's tests and export NEWSEVENTS_TEST_PG_URL.
# Sourced by scripts/test.sh (which .ci/run calls); also usable by hand. Installs PostgreSQL
# from Debian packages when no server binaries are found. The server runs as the postgres user
# in a temporary directory (NEWSEVENTS_PG_DIR) on a free port. An EXIT trap of the sourcing
# shell stops the server and removes that directory when the shell exits, whether the tests
# passed, failed or were interrupted (SIGINT/SIGTERM; only SIGKILL escapes it); a failed start
# cleans up at once. `_newsevents_pg_stop` does the same by hand.

_newsevents_pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
    done | sort -V | tail -n 1
}

_newsevents_pg_as_owner() {
    # Run a shell command as the owner of the data directory (pg_ctl refuses to run as root).
    if [ "$(id -u)" = "0" ]; then
        su postgres -s /bin/sh -c "$1"
    else
        sh -c "$1"
    fi
}

_newsevents_pg_stop() {
    # Stop the server started here and remove its directory; safe to call twice.
    local dir="${NEWSEVENTS_PG_DIR:-}"
    case "$dir" in /tmp/newsevents-pg.*) ;; *) return 0 ;; esac
    if [ -f "$dir/data/postmaster.pid" ]; then
        _newsevents_pg_as_owner "'$NEWSEVENTS_PG_BIN/pg_ctl' -D '$dir/data' -m immediate -w -t 60 stop >/dev/null 2>&1" \
            || echo "postgres.sh: could not stop the server in $dir" >&2
    fi
    rm -rf "$dir"
    unset NEWSEVENTS_PG_DIR NEWSEVENTS_TEST_PG_URL
}

_newsevents_pg_failed() {
    # Report a failed start with the end of its log, then clean up.
    echo "postgres.sh: $1" >&2
    tail -n 20 "$NEWSEVENTS_PG_DIR/$2" >&2 2>/dev/null || true
    _newsevents_pg_stop
}

_newsevents_pg_start() {
    local bin port dir
    bin="$(_newsevents_pg_bin)"
    if [ -z "$bin" ]; then
        echo "postgres.sh: installing PostgreSQL from Debian packages" >&2
        apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 \
            || { echo "postgres.sh: could not install PostgreSQL" >&2; return 1; }
        bin="$(_newsevents_pg_bin)"
    fi
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    dir="$(mktemp -d /tmp/newsevents-pg.XXXXXX)"
    chmod 755 "$dir"
    export NEWSEVENTS_PG_DIR="$dir"
    export NEWSEVENTS_PG_BIN="$bin"
    trap _newsevents_pg_stop EXIT
    if [ "$(id -u)" = "0" ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$dir"
    fi
    _newsevents_pg_as_owner "'$bin/initdb' -D '$dir/data' -U postgres -A trust --no-sync -E UTF8 >'$dir/initdb.log' 2>&1" \
        || { _newsevents_pg_failed "initdb failed" initdb.log; return 1; }
    _newsevents_pg_as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
        -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1\" start >/dev/null" \
        || { _newsevents_pg_failed "the server did not start" server.log; return 1; }
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres newsevents_test \
        || { _newsevents_pg_failed "createdb failed" server.log; return 1; }
    export NEWSEVENTS_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/newsevents_test"
    echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port" >&2
}

_newsevents_pg_start
