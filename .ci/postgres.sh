# Start a throw-away PostgreSQL server for the store's tests and export NEWSEVENTS_TEST_PG_URL.
# Sourced by .ci/run (`source .ci/postgres.sh`); also usable by hand. Installs PostgreSQL from
# Debian packages when no server binaries are found. The server runs as the postgres user in a
# temporary directory on a free port; NEWSEVENTS_PG_DIR names that directory (stop it with
# `su postgres -c "pg_ctl -D $NEWSEVENTS_PG_DIR/data stop"`).

_newsevents_pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        if [ -x "$dir/pg_ctl" ]; then echo "$dir"; fi
    done | sort -V | tail -n 1
}

_newsevents_pg_start() {
    local bin port dir runner
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
    if [ "$(id -u)" = "0" ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$dir"
        runner=(su postgres -s /bin/sh -c)
    else
        runner=(sh -c)
    fi
    "${runner[@]}" "'$bin/initdb' -D '$dir/data' -U postgres -A trust --no-sync -E UTF8 >'$dir/initdb.log' 2>&1" \
        || { echo "postgres.sh: initdb failed (see $dir/initdb.log)" >&2; return 1; }
    "${runner[@]}" "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -t 60 \
        -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1\" start >/dev/null" \
        || { echo "postgres.sh: the server did not start (see $dir/server.log)" >&2; return 1; }
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres newsevents_test \
        || { echo "postgres.sh: createdb failed" >&2; return 1; }
    export NEWSEVENTS_PG_DIR="$dir"
    export NEWSEVENTS_PG_BIN="$bin"
    export NEWSEVENTS_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/newsevents_test"
    echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on port $port" >&2
}

_newsevents_pg_start
