#!/usr/bin/env bash
# `make services`: PostgreSQL 15 on 127.0.0.1:5432 and Redis on 127.0.0.1:6379, installed from
# Debian's packages when missing. The `postgres` role is trusted over loopback only (no
# password), and the `test` database exists. Idempotent; returns at once when all is up.
set -euo pipefail

PG_VERSION=15
PG_CLUSTER=main
PG_PORT=5432
REDIS_PORT=6379

pg_up() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }
test_db_exists() {
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'test'" 2>/dev/null | grep -q 1
}

if pg_up && redis_up && test_db_exists; then
  echo "services: PostgreSQL on 127.0.0.1:$PG_PORT and Redis on 127.0.0.1:$REDIS_PORT are running."
  exit 0
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
[ -x "/usr/lib/postgresql/$PG_VERSION/bin/postgres" ] || missing+=("postgresql-$PG_VERSION")
command -v pg_isready >/dev/null 2>&1 || missing+=("postgresql-client-$PG_VERSION")
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "services: installing ${missing[*]} from Debian's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

conf_dir="/etc/postgresql/$PG_VERSION/$PG_CLUSTER"
if [ ! -d "$conf_dir" ]; then
  echo "services: creating the PostgreSQL $PG_VERSION cluster '$PG_CLUSTER'"
  as_root pg_createcluster "$PG_VERSION" "$PG_CLUSTER" --port "$PG_PORT" >/dev/null
fi

# Trust the postgres role over loopback only; everything else keeps its default.
hba="$conf_dir/pg_hba.conf"
marker="# portal: loopback trust for the postgres role (make services)"
if ! as_root grep -qF "$marker" "$hba"; then
  tmp=$(mktemp)
  {
    echo "$marker"
    echo "host    all    postgres    127.0.0.1/32    trust"
    echo "host    all    postgres    ::1/128         trust"
    as_root cat "$hba"
  } >"$tmp"
  as_root cp "$tmp" "$hba"
  rm -f "$tmp"
  hba_changed=1
fi

if ! pg_up; then
  echo "services: starting PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT"
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" start \
    -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT"
  for _ in $(seq 1 60); do pg_up && break; sleep 0.5; done
elif [ "${hba_changed:-0}" = 1 ]; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_VERSION" "$PG_CLUSTER" reload
fi
pg_up || { echo "services: PostgreSQL did not start" >&2; exit 1; }

for _ in $(seq 1 20); do
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc "SELECT 1" >/dev/null 2>&1 && break
  sleep 0.5
done
if ! test_db_exists; then
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE test" >/dev/null
fi

if ! redis_up; then
  echo "services: starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no \
    --logfile "" >/dev/null
  for _ in $(seq 1 40); do redis_up && break; sleep 0.25; done
fi
redis_up || { echo "services: Redis did not start" >&2; exit 1; }

echo "services: PostgreSQL on 127.0.0.1:$PG_PORT (database 'test', role 'postgres') and Redis on 127.0.0.1:$REDIS_PORT are running."
