#!/usr/bin/env bash
# A local cluster on loopback for trying scaling and failover on one machine: Redis (membership), PostgreSQL
# (grain state) and N silo processes. Everything lives under deploy/local/.run (logs, data, pids).
#
#   deploy/local/cluster.sh up [N]     build, start Redis, PostgreSQL and N silos (default 3)
#   deploy/local/cluster.sh add        start one more silo
#   deploy/local/cluster.sh stop K     stop silo K gracefully with SIGTERM (it deactivates its grains and leaves)
#   deploy/local/cluster.sh kill K     SIGKILL silo K (the others declare it dead within seconds)
#   deploy/local/cluster.sh status     processes and the membership table
#   deploy/local/cluster.sh down       stop everything and delete .run
#
# Environment: CLUSTER_SILO_DLL=path runs that build of the silo instead of this checkout's (for A/B runs against a
# copy of an older build's src/Silo/bin/Release/net10.0); up still builds this checkout's.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
run="$here/.run"
redis_port=6390
pg_port=5440
silo_dll="${CLUSTER_SILO_DLL:-$root/src/Silo/bin/Release/net10.0/CustomerService.Silo.dll}"
cluster_id="local"

say() { printf '==> %s\n' "$*"; }
pg_bin() { command -v "$1" 2>/dev/null || ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | tail -n 1; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

need() {
  local missing=()
  command -v redis-server >/dev/null || missing+=(redis-server)
  [ -n "$(pg_bin initdb)" ] || missing+=(postgresql)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Missing: ${missing[*]}. Install them with: apt-get install -y ${missing[*]} (./test.sh does it too)." >&2
    exit 1
  fi
}

start_redis() {
  alive "$run/redis.pid" && return
  say "Redis on 127.0.0.1:$redis_port"
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$run/redis.pid" --logfile "$run/redis.log" --dir "$run"
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && return; sleep 0.1; done
  echo "Redis did not start; see $run/redis.log" >&2; exit 1
}

# max_connections: each silo has Npgsql pools (grain state, messages, the conversation index); under a burst three
# silos opened more than PostgreSQL's default 100 ("53300: sorry, too many clients already").
start_postgres() {
  [ -f "$run/pg/data/postmaster.pid" ] && return
  say "PostgreSQL on 127.0.0.1:$pg_port"
  mkdir -p "$run/pg"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$run/pg"
  as_postgres "$(pg_bin initdb)" -D "$run/pg/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
  as_postgres "$(pg_bin pg_ctl)" start -w -D "$run/pg/data" -l "$run/pg/server.log" \
    -o "-p $pg_port -k $run/pg -c listen_addresses=127.0.0.1 -c max_connections=${CLUSTER_PG_MAX_CONNECTIONS:-300}" >/dev/null
}

# The silo's content root is its build directory (where its appsettings.json is), not the working directory: the
# host watches its content root recursively for configuration changes, and from the repository's root that watch
# covered this script's .run directory, so every PostgreSQL and log write woke each silo's file-watcher thread (8 % of
# the silos' CPU under load, bench/README.md).
start_silo() {
  local k="$1"
  say "silo-$k: silo port $((11110 + k)), http://127.0.0.1:$((5110 + k))/healthz, log $run/silo-$k.log"
  Urls="http://127.0.0.1:$((5110 + k))" \
  Silo__Storage__Provider=PostgreSql \
  Silo__Storage__ConnectionString="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres" \
  Silo__Membership__Provider=Redis \
  Silo__Membership__ConnectionString="127.0.0.1:$redis_port" \
  Silo__Membership__ClusterId="$cluster_id" \
  Silo__Cluster__SiloName="silo-$k" \
  Silo__Cluster__SiloPort="$((11110 + k))" \
    nohup dotnet "$silo_dll" --contentRoot "$(dirname "$silo_dll")" > "$run/silo-$k.log" 2>&1 &
  echo $! > "$run/silo-$k.pid"
  for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$((5110 + k))/healthz" >/dev/null 2>&1 && return
    alive "$run/silo-$k.pid" || { echo "silo-$k exited; see $run/silo-$k.log" >&2; exit 1; }
    sleep 0.2
  done
  echo "silo-$k did not become healthy within 20 s; see $run/silo-$k.log" >&2; exit 1
}

next_silo() { local k=0; while [ -f "$run/silo-$k.pid" ]; do k=$((k + 1)); done; echo "$k"; }

status() {
  for f in "$run"/silo-*.pid; do
    [ -f "$f" ] || continue
    local name; name="$(basename "$f" .pid)"
    if alive "$f"; then echo "$name: running (pid $(cat "$f"))"; else echo "$name: not running"; fi
  done
  echo "membership table (cluster '$cluster_id'):"
  local names=(None Created Joining Active ShuttingDown Stopping Dead)
  redis-cli -p "$redis_port" --raw HGETALL "customerservice:membership:$cluster_id" 2>/dev/null | grep '"entry"' \
    | sed -E 's/.*"siloAddress":"([^"]*)","status":([0-9]+),"siloName":"([^"]*)".*"suspectVotes":\[(.*)\]\}\}/\3 \1 \2 \4/' \
    | while read -r name address code votes; do
        printf '  %-8s %-28s %-8s %s\n' "$name" "$address" "${names[$code]:-$code}" "${votes:+votes: $(grep -o '"voter"' <<<"$votes" | wc -l)}"
      done | sort || echo "  (Redis is not running)"
}

case "${1:-}" in
  up)
    need; mkdir -p "$run"
    say "Building the silo (Release)"; dotnet build "$root/src/Silo" -c Release -v q -nologo >/dev/null
    start_redis; start_postgres
    for _ in $(seq "${2:-3}"); do start_silo "$(next_silo)"; done
    status ;;
  add) start_silo "$(next_silo)"; status ;;
  stop) kill -TERM "$(cat "$run/silo-$2.pid")"; say "silo-$2 is stopping gracefully" ;;
  kill) kill -KILL "$(cat "$run/silo-$2.pid")"; say "silo-$2 killed" ;;
  status) status ;;
  down)
    for f in "$run"/silo-*.pid; do [ -f "$f" ] && kill -TERM "$(cat "$f")" 2>/dev/null || true; done
    # Graceful stops write grain state; a silo still running after 10 s is killed, so that down always ends.
    for f in "$run"/silo-*.pid; do
      for _ in $(seq 50); do alive "$f" || break; sleep 0.2; done
      alive "$f" && kill -KILL "$(cat "$f")" 2>/dev/null || true
    done
    [ -f "$run/redis.pid" ] && kill "$(cat "$run/redis.pid")" 2>/dev/null || true
    [ -f "$run/pg/data/postmaster.pid" ] && as_postgres "$(pg_bin pg_ctl)" stop -m fast -D "$run/pg/data" >/dev/null 2>&1 || true
    rm -rf "$run"; say "down" ;;
  *) sed -n '2,15p' "$0"; exit 2 ;;
esac
