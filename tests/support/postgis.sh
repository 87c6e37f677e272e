#!/bin/sh
# A PostgreSQL server with PostGIS for the tests and benchmarks: in a folder of its own, reached only
# through a Unix socket in that folder, run as an unprivileged user (nobody, when called as root:
# PostgreSQL refuses to run as root), password-protected (scram-sha-256).
#
#   postgis.sh start DIR      initdb, start (returns once it accepts connections), a database "story"
#                             with PostGIS; prints the connection string GDAL takes ("PG:…")
#   postgis.sh sql DIR [SQL]  runs SQL (else standard input) in "story", printing what it returns, unaligned
#   postgis.sh stop DIR       stops it (returns once it has stopped)
set -eu

command=$1
dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bin" ] || { echo "postgis.sh: PostgreSQL is missing: run ./setup.sh" >&2; exit 1; }
password=storyplot-test
data="$dir/data"
conninfo="host=$data dbname=story user=storyplot password=$password"

as_server() {
  if [ "$(id -u)" = 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; else "$@"; fi
}

case "$command" in
start)
  mkdir -p "$data"
  printf '%s\n' "$password" > "$dir/password"
  if [ "$(id -u)" = 0 ]; then
    chmod 755 "$dir"
    chown nobody:nogroup "$data" "$dir/password"
    as_server test -w "$data" || { echo "postgis.sh: $data: the server's user (nobody) cannot reach it: a folder above it is private" >&2; exit 1; }
  fi
  chmod 700 "$data"
  as_server "$bin/initdb" -D "$data" -U storyplot --auth=scram-sha-256 --pwfile="$dir/password" -E UTF8 --no-sync > "$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  # log_statement: the tests read what the server was asked (a spatial filter, never a whole table).
  as_server "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 120 \
    -o "-c listen_addresses= -c unix_socket_directories=$data -c fsync=off -c log_statement=all" start > "$dir/pg_ctl.log" 2>&1 ||
    { cat "$dir/pg_ctl.log" "$data/server.log" >&2; exit 1; }
  psql "host=$data dbname=postgres user=storyplot password=$password" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE story" > /dev/null
  psql "$conninfo" -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION postgis" > /dev/null
  echo "PG:$conninfo"
  ;;
sql)
  if [ $# -ge 3 ]; then
    psql "$conninfo" -q -X -A -t -v ON_ERROR_STOP=1 -c "$3"
  else
    psql "$conninfo" -q -X -A -t -v ON_ERROR_STOP=1 -f -
  fi
  ;;
stop)
  as_server "$bin/pg_ctl" -D "$data" -m fast -w stop > /dev/null
  ;;
*)
  echo "postgis.sh: start, sql or stop" >&2
  exit 2
  ;;
esac
