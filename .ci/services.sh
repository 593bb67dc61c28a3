#!/usr/bin/env bash
# Installs (when absent) and starts the servers the tests talk to, without systemd:
#   PostgreSQL 127.0.0.1:5432 (trust auth, database "test"), MariaDB 127.0.0.1:3306 (root, empty password,
#   database "test"), Redis 127.0.0.1:6379; installs Node and npm for interop-node, and Chromium with its driver
#   for demo-service's browser test, and openssl and socat for the TLS tests. Idempotent: servers already
#   running are left alone.
# Usage: .ci/services.sh [--then command...]
set -euo pipefail

log() { printf '[services] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# Node and npm: interop-node runs go-go-scope's own Node adapters next to the Java ones (npm fetches them)
{ command -v node && command -v npm; } >/dev/null 2>&1 || missing+=(nodejs npm)
# Chromium and its driver: demo-service's OperatorPageIT drives the operator's page in a real browser
{ command -v chromium && command -v chromedriver; } >/dev/null 2>&1 || missing+=(chromium chromium-driver)
# openssl makes the TLS tests' throwaway certificates; socat is the TLS terminator in front of the Mongo stand-in
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
command -v socat >/dev/null 2>&1 || missing+=(socat)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

wait_for() { # name, seconds, command...
  local name=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  log "$name did not come up within ${seconds}s"; return 1
}

# PostgreSQL
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  version=$(ls /etc/postgresql | sort -n | tail -1)
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || as_root pg_ctlcluster "$version" main start
  wait_for PostgreSQL 60 pg_isready -q -h 127.0.0.1 -p 5432
fi
if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
  log "allowing trust authentication on 127.0.0.1 for the tests"
  version=$(ls /etc/postgresql | sort -n | tail -1)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  as_root sed -i -E 's/^(host\s+all\s+all\s+(127\.0\.0\.1\/32|::1\/128)\s+)\S+/\1trust/' "$hba"
  as_root su postgres -c "psql -qc 'select pg_reload_conf()'" >/dev/null
  wait_for 'PostgreSQL trust auth' 20 psql -h 127.0.0.1 -U postgres -d postgres -tAc 'select 1'
fi
for db in test; do
  if [ "$(psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname='$db'")" != 1 ]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $db"
  fi
done

# MariaDB
if ! mariadb-admin -h 127.0.0.1 -uroot ping >/dev/null 2>&1 && ! as_root mariadb-admin ping >/dev/null 2>&1; then
  log "starting MariaDB"
  as_root mkdir -p /run/mysqld && as_root chown mysql /run/mysqld
  as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  wait_for MariaDB 60 as_root mariadb-admin ping
fi
if ! mariadb -h 127.0.0.1 -uroot -e 'select 1' >/dev/null 2>&1; then
  log "allowing root with an empty password over TCP for the tests"
  as_root mariadb -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')"
fi
mariadb -h 127.0.0.1 -uroot -e 'CREATE DATABASE IF NOT EXISTS test'

# Redis
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no
  wait_for Redis 20 redis-cli -h 127.0.0.1 -p 6379 ping
fi

log "PostgreSQL, MariaDB and Redis are up"
if [ "${1:-}" = --then ]; then
  shift
  log "running: $*"
  exec "$@"
fi
