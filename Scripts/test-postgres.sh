#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the records tests: `start` prints the URL to export as
# MYCO_TEST_POSTGRES_URL; `stop DIR` stops it and removes its folder.
# Usage: eval "$(Scripts/test-postgres.sh start)"; ...; Scripts/test-postgres.sh stop "$MYCO_TEST_POSTGRES_DIR"
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "test-postgres: no PostgreSQL server (apt-get install postgresql)" >&2; exit 1; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/myco-pg.XXXXXX)
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 --no-sync -E UTF8 >/dev/null
    # A free port on 127.0.0.1; the socket in the same folder.
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-k $dir -c listen_addresses=127.0.0.1 -p $port -c fsync=off -c max_connections=60" start >/dev/null
    # Over TCP a password is asked (scram-sha-256), as on a county's server; the socket trusts.
    password=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
    as_postgres "$bin/psql" -q -h "$dir" -p "$port" -U postgres -d postgres \
      -c "ALTER USER postgres PASSWORD '$password'" -c "CREATE DATABASE myco_test"
    echo "export MYCO_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$port/myco_test"
    echo "export PGPASSWORD=$password"
    echo "export MYCO_TEST_POSTGRES_DIR=$dir"
    ;;
  stop)
    dir=${2:?stop needs the folder start printed}
    as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
