#!/usr/bin/env bash
# End-to-end benchmarks (issue #6): build, start a target on loopback, drive it with bench/loadgen, stop it.
#
#   bench/run.sh ladder [options]   warm-up, then a ladder of rates; the sustainable rate is the highest step with
#                                   >= 99 % of the offered rate achieved, nothing lost, delivery p99 <= 50 ms
#   bench/run.sh scale  [options]   idle widget connections held by two generator processes, probes through a few
#                                   active pairs, server memory per connection
#   bench/run.sh smoke  [options]   one short load step (1000 msg/s for 10 s) and a small scale run (2,000 idle)
#   bench/run.sh chaos  [options]   cluster only: steady load through clients that retry, reconnect and resume as the
#                                   widget and console do; SIGKILL one silo mid-run; report acked messages lost,
#                                   duplicates shown, late deliveries and the time until sends are served again
#
# Options (defaults in brackets):
#   --target T        echo | relay | embedded | cluster [relay; chaos: cluster]; echo is the raw Kestrel WebSocket echo
#                     (the bench relay's /echo, no SignalR): the ladder only, its round trip read as visitor→agent
#   --rates "R ..."   ladder steps, msg/s [1000 2000 5000 10000 20000]
#   --duration S      measured seconds per step [10]        --warmup S   warm-up seconds per step [3]
#   --visitors N      conversations [100]                   --agents N   agent connections [10]
#   --direction D     v2a | a2v | both [both]               --keep-going run every step even after one fails
#   --connections N   scale: idle connections in total, split over two generators [15000]
#   --hold S          scale: seconds of probing while all are held [20]
#   --probe-rate R    scale: probe messages per second [20]  --probe-pairs N [4]
#   --probe-warmup S  scale: seconds of probes before the measured ones, not counted [0]
#   --widget-load     scale: each idle connection calls GetConversation and Resume once, as the widget does on connect
#   --scale-warmup N  scale: before "before" is read, N idle connections (and the probe pairs, 3 s of probes) are opened
#                     and closed, so that the server's one-time costs (JIT, pools) are not counted per connection; the
#                     cold-start figure is reported too [500; 0: none]
#   --port P          the target's HTTP port [5180] (cluster: front-ends on P and P+1)
#   --rate R          chaos: offered msg/s, both directions together [300]
#   --kill-after S    chaos: seconds of measured load before the kill [15]   --after-kill S  and after it [30]
#   --victim K        chaos: the silo to SIGKILL (deploy/local/cluster.sh kill K) [1]
#   --max-minutes M   stop starting new steps after M minutes [20]
#   --no-build        use what is built
#   --baselines "B.."  floors run first, one after the other, with the same settings, so that the run reports the
#                     target's ratios against each [relay: "echo"; embedded, cluster: "echo relay"]
#   --no-baseline     no floors
#
# Environment: BENCH_TARGET_ENV="KEY=VALUE ..." adds settings to WebFront (embedded, and the cluster's front-ends);
# BENCH_WEBFRONT_DLL=path runs that build of WebFront instead of this checkout's, e.g. a copy of an older
# src/WebFront/bin/Release/net10.0, to compare two builds run after run (use with --no-build).
#
# Results: bench/results/<UTC time>-<target>-<mode>/: per target one JSON per step, <target>-summary.json and the
# target's log; comparison-<floor>.json with the ratios against each floor that ran. Cluster runs add the silos' and
# front-ends' logs; chaos runs cluster-chaos.json and membership-after.txt (the membership table after the kill).
# Everything runs on 127.0.0.1. Ctrl+C stops the current step (it still reports), then tears everything down.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
loadgen="$root/bench/loadgen"
mode="${1:-}"; [ $# -gt 0 ] && shift
target=relay rates="1000 2000 5000 10000 20000" duration=10 warmup=3 visitors=100 agents=10 direction=both
connections=15000 hold=20 probe_rate=20 probe_pairs=4 probe_warmup=0 scale_warmup=500 widget_load=() port=5180 max_minutes=20 build=1 keep_going=0 baselines=default
chaos_rate=300 kill_after=15 after_kill=30 victim=1 target_given=0
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target="$2"; target_given=1; shift ;;
    --rate) chaos_rate="$2"; shift ;;
    --kill-after) kill_after="$2"; shift ;;
    --after-kill) after_kill="$2"; shift ;;
    --victim) victim="$2"; shift ;;
    --rates) rates="$2"; shift ;;
    --duration) duration="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --visitors) visitors="$2"; shift ;;
    --agents) agents="$2"; shift ;;
    --direction) direction="$2"; shift ;;
    --connections) connections="$2"; shift ;;
    --hold) hold="$2"; shift ;;
    --probe-rate) probe_rate="$2"; shift ;;
    --probe-pairs) probe_pairs="$2"; shift ;;
    --probe-warmup) probe_warmup="$2"; shift ;;
    --widget-load) widget_load=(--widget-load) ;;
    --scale-warmup) scale_warmup="$2"; shift ;;
    --port) port="$2"; shift ;;
    --max-minutes) max_minutes="$2"; shift ;;
    --no-build) build=0 ;;
    --keep-going) keep_going=1 ;;
    --baselines) baselines="$2"; shift ;;
    --no-baseline) baselines="" ;;
    *) echo "unknown option $1" >&2; sed -n '2,41p' "$0"; exit 2 ;;
  esac
  shift
done
case "$mode" in ladder|scale|smoke|chaos) ;; *) sed -n '2,41p' "$0"; exit 2 ;; esac
if [ "$mode" = chaos ]; then
  [ "$target_given" = 1 ] || target=cluster
  [ "$target" = cluster ] || { echo "chaos runs against --target cluster only (it kills one of its silos)" >&2; exit 2; }
  baselines=""
fi
case "$target" in echo|relay|embedded|cluster) ;; *) echo "--target must be echo, relay, embedded or cluster" >&2; exit 2 ;; esac
if [ "$baselines" = default ]; then
  case "$target" in echo) baselines="" ;; relay) baselines="echo" ;; *) baselines="echo relay" ;; esac
fi
for b in $baselines; do
  case "$b" in echo|relay) ;; *) echo "--baselines takes echo and relay, got '$b'" >&2; exit 2 ;; esac
done
if [ "$target" = echo ] && [ "$mode" = scale ]; then echo "--target echo has no scale run (it has no widget)" >&2; exit 2; fi

url="http://127.0.0.1:$port"
agent_url="$url"
results="$root/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-$target-$mode"
mkdir -p "$results"
started=$SECONDS
deadline=$((SECONDS + max_minutes * 60))
# The loadgen's agent login; the embedded server seeds the demo tenant's admin with this password.
export SEED_ADMIN_PASSWORD="${SEED_ADMIN_PASSWORD:-bench-admin-password}"

say() { printf '==> %s\n' "$*" >&2; }
target_pids=()
generator_pids=()
cluster_up=0

# Sockets are files: raise the soft open-file limit to the hard one (20,000 here) for the target and generators.
ulimit -n "$(ulimit -Hn)"
say "open-file limit: $(ulimit -n) per process"

interrupted=0
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  # Generators end their phase on SIGINT and still write their results; a Ctrl+C already sent them one.
  [ "$interrupted" = 1 ] || for pid in "${generator_pids[@]}"; do kill -INT "$pid" 2>/dev/null || true; done
  for pid in "${generator_pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  stop_target
  say "results in $results (took $((SECONDS - started)) s)"
  exit "$rc"
}
trap cleanup EXIT
trap 'interrupted=1; say "interrupted"; exit 130' INT TERM

# Each target is started with setsid, in a process group of its own, and stopped by that group only.
start_group() { # name, command...
  local name="$1"; shift
  setsid "$@" > "$results/$name.log" 2>&1 &
  target_pids+=("$!")
}

stop_target() {
  for pid in "${target_pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  for pid in "${target_pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  target_pids=()
  if [ "$cluster_up" = 1 ]; then
    # cluster.sh down deletes its run directory: keep the silos' logs with the results.
    cp "$root"/deploy/local/.run/silo-*.log "$results/" 2>/dev/null || true
    "$root/deploy/local/cluster.sh" down >&2 || true
    cluster_up=0
  fi
}

wait_healthy() { # base url
  for _ in $(seq 300); do
    curl -fs "$1/healthz" >/dev/null 2>&1 && return 0
    for pid in "${target_pids[@]}"; do
      kill -0 "$pid" 2>/dev/null || { say "the target exited; its log:"; tail -n 30 "$results"/*.log >&2; exit 1; }
    done
    sleep 0.2
  done
  say "$1/healthz did not answer within 60 s"; exit 1
}

webfront_dll="${BENCH_WEBFRONT_DLL:-$root/src/WebFront/bin/Release/net10.0/CustomerService.WebFront.dll}"

# Settings every WebFront target gets: the seed's admin password (the generator's login) and rate limits far above the
# measured rates (defaults: 10 hub calls/s per connection, 1,200 REST requests/min per address, 50,000 calls/s per
# tenant), so that the benchmark measures the message path, not the limiter.
embedded_env() {
  echo "Seed__AdminPassword=$SEED_ADMIN_PASSWORD" \
    "WebFront__RateLimits__ConnectionPermitsPerSecond=1000000 WebFront__RateLimits__ConnectionBurst=1000000" \
    "WebFront__RateLimits__TenantPermitsPerSecond=10000000 WebFront__RateLimits__TenantBurst=10000000" \
    "WebFront__RateLimits__RestPermitsPerMinute=100000000"
}

# Cluster mode is chosen by the membership provider (docs/webfront.md: WebFront has no mode setting); the membership
# settings mirror the silos' in deploy/local/cluster.sh. Both front-ends share the token-signing keys and the uploads
# (WebFront:KeysDirectory, WebFront:Files:Directory), as a cluster's front-ends must. BENCH_FRONTEND_ENV replaces this.
frontend_env() {
  echo "${BENCH_FRONTEND_ENV:-Silo__Membership__Provider=Redis Silo__Membership__ConnectionString=127.0.0.1:6390 \
Silo__Membership__ClusterId=local WebFront__KeysDirectory=$results/frontends/keys \
WebFront__Files__Directory=$results/frontends/files}"
}

# The cluster's front-ends seed in the background: wait until the generator's login (the seeded admin) works.
wait_login() { # base url
  local body="{\"tenant\":\"demo\",\"email\":\"admin@demo.local\",\"password\":\"$SEED_ADMIN_PASSWORD\"}"
  for _ in $(seq 150); do
    curl -fs -o /dev/null -H 'content-type: application/json' -d "$body" "$1/api/v1/auth/login" && return 0
    sleep 0.4
  done
  say "logging in as admin@demo.local at $1 did not succeed within 60 s (seeding?); the front-ends' logs:"
  tail -n 20 "$results"/frontend-*.log >&2; exit 1
}

require_webfront() {
  [ -d "$root/src/WebFront" ] || { say "src/WebFront does not exist yet: only --target relay can run"; exit 1; }
}

build_all() {
  # The generator's packages, even with --no-build: a checkout that never ran the generator has none.
  (cd "$loadgen" && { [ -d node_modules ] || { say "installing the load generator's packages (npm ci)"; npm ci --no-fund --no-audit --loglevel=error; }; })
  [ "$build" = 1 ] || return 0
  say "building the $target target (Release)"
  case "$target" in
    echo|relay) dotnet build "$root/bench/CustomerService.Bench.Relay" -c Release -v q -nologo >/dev/null ;;
    embedded|cluster)
      require_webfront
      dotnet build "$root/src/WebFront" -c Release -v q -nologo >/dev/null ;;
  esac
}

start_target() {
  case "$target" in echo|relay) ;; *) require_webfront ;; esac
  local u
  for u in "$url" "http://127.0.0.1:$((port + 1))"; do
    if curl -fs "$u/healthz" >/dev/null 2>&1; then say "something already answers at $u: stop it or pick another --port"; exit 1; fi
  done
  case "$target" in
    echo|relay)
      # One process serves both floors: the SignalR relay on /hubs/*, the raw echo on /echo.
      start_group "$target" dotnet "$root/bench/CustomerService.Bench.Relay/bin/Release/net10.0/CustomerService.Bench.Relay.dll" --urls "$url"
      wait_healthy "$url" ;;
    embedded)
      # WebFront's default mode: an embedded silo, SQLite under ./data (relative to the working directory), durable
      # acks, the demo tenant and its admin seeded on an empty database. Run from a fresh directory so that every run
      # starts empty, with the project as content root (its appsettings.json and wwwroot). The built dll is run
      # directly (dotnet run would rebuild checks and add a process). embedded_env raises the hub and REST rate limits
      # (docs/webfront.md) above what one load generator on one address offers, and gives the seed the password the
      # generator logs in with. BENCH_TARGET_ENV (KEY=VALUE ...) adds or overrides settings.
      mkdir -p "$results/embedded-data"
      # shellcheck disable=SC2086
      start_group embedded env -C "$results/embedded-data" $(embedded_env) ${BENCH_TARGET_ENV:-} \
        dotnet "$webfront_dll" --urls "$url" --contentRoot "$root/src/WebFront"
      wait_healthy "$url" ;;
    cluster)
      # 3 silos with Redis membership and PostgreSQL state (deploy/local/cluster.sh), then 2 front-ends in cluster
      # mode: visitors connect to the first, agents to the second, so every message crosses front-ends.
      "$root/deploy/local/cluster.sh" up 3 >&2
      cluster_up=1
      agent_url="http://127.0.0.1:$((port + 1))"
      mkdir -p "$results/frontends"
      local k fe_env
      fe_env="$(frontend_env)"
      for k in 0 1; do
        # One after the other: a front-end creates the token-signing key at its start when the shared directory has
        # none, and two starting at once could each create one (tokens of one would not pass at the other until it
        # reloads its key ring).
        # shellcheck disable=SC2086
        start_group "frontend-$k" env -C "$results/frontends" $fe_env $(embedded_env) ${BENCH_TARGET_ENV:-} \
          dotnet "$webfront_dll" --urls "http://127.0.0.1:$((port + k))" --contentRoot "$root/src/WebFront"
        wait_healthy "http://127.0.0.1:$((port + k))"
      done
      # Each front-end seeds the demo tenant and its admin in the background once the silos answer (idempotent; the
      # second finds them); the generator logs in as that admin, at the agents' front-end.
      wait_login "$url"; wait_login "$agent_url" ;;
  esac
  say "$target is up at $url$([ "$agent_url" != "$url" ] && echo " (agents: $agent_url)")"
}

generator() { # max-seconds, options...: the load generator in the foreground (Ctrl+C reaches it), bounded in time
  local bound="$1" rc=0 echo_flag=(); shift
  [ "$target" = echo ] && echo_flag=(--echo)
  node "$loadgen/src/cli.js" --url "$url" --agent-url "$agent_url" --label "$target" --max-seconds "$bound" "${echo_flag[@]}" "$@" || rc=$?
  # 130: the generator stopped on Ctrl+C (and reported); the script stops too, since bash runs no trap for a
  # SIGINT that its foreground child handled.
  if [ "$rc" = 130 ]; then interrupted=1; say "interrupted"; exit 130; fi
  return "$rc"
}

run_ladder() { # rates...
  local files=()
  for rate in "$@"; do
    if [ "$SECONDS" -ge "$deadline" ]; then say "--max-minutes reached: skipping the steps from $rate msg/s"; break; fi
    say "step: $rate msg/s, $visitors conversations, $agents agents, ${warmup} s warm-up + ${duration} s"
    local out="$results/$target-rate-$rate.json"
    generator $((warmup + duration + 120)) --visitors "$visitors" --agents "$agents" --rate "$rate" \
      --duration "$duration" --warmup "$warmup" --direction "$direction" --out "$out" || true
    [ -f "$out" ] || { say "step $rate msg/s produced no result"; break; }
    files+=("$out")
    if [ "$keep_going" = 0 ] && ! node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      import("'"$loadgen"'/src/ladder.js").then(m => process.exit(m.failures(r).length ? 1 : 0));' "$out"; then
      say "step $rate msg/s did not pass: stopping the ladder (--keep-going runs every step)"
      break
    fi
  done
  if [ ${#files[@]} -eq 0 ]; then say "no step produced a result"; return 1; fi
  node "$loadgen/src/summarize.js" ladder --target "$target" --out "$results/$target-summary.json" "${files[@]}"
}

run_scale() { # total connections
  local total="$1" half=$(( $1 / 2 ))
  curl -fs "$url/metrics/memory?collect=true" > "$results/$target-memory-cold.json" || echo null > "$results/$target-memory-cold.json"
  if [ "$scale_warmup" -gt 0 ]; then
    # The first connections pay for what the process does once (JIT of the hub and grain paths, pools, the GC's own
    # tables): open and close some first, so that "before" is a warm server holding no connection.
    say "scale: warm-up, $scale_warmup idle connections and the probe pairs for 3 s, then closed"
    generator 300 --idle "$scale_warmup" "${widget_load[@]}" --probe-pairs "$probe_pairs" --probe-rate "$probe_rate" --agents "$agents" \
      --duration 3 --quiet --out "$results/$target-scale-warmup.json" >/dev/null 2>&1 || say "the warm-up failed (before is read anyway)"
    sleep 2
    curl -fs "$url/metrics/memory?collect=true" > "$results/$target-memory-before.json" || echo null > "$results/$target-memory-before.json"
  else
    cp "$results/$target-memory-cold.json" "$results/$target-memory-before.json"
  fi
  say "scale: generator B holds $((total - half)) idle connections"
  node "$loadgen/src/cli.js" --url "$url" --label "$target" --idle $((total - half)) --probe-pairs 0 "${widget_load[@]}" \
    --duration $((max_minutes * 60)) --max-seconds $((max_minutes * 60 + 60)) --ready-file "$results/$target-b.ready" --out "$results/$target-scale-b.json" --quiet \
    2> "$results/$target-generator-b.log" &
  generator_pids+=("$!")
  local b_pid=$!
  while [ ! -f "$results/$target-b.ready" ]; do
    kill -0 "$b_pid" 2>/dev/null || { say "generator B exited early: $(tail -n 3 "$results/$target-generator-b.log")"; return 1; }
    [ "$SECONDS" -lt "$deadline" ] || { say "--max-minutes reached while B was opening"; return 1; }
    sleep 1
  done
  say "scale: generator B holds $(cat "$results/$target-b.ready" | tr -d '\n') connections; generator A opens $half and probes for $hold s"
  generator $((hold + probe_warmup + 300)) --idle "$half" "${widget_load[@]}" --probe-pairs "$probe_pairs" --probe-rate "$probe_rate" --agents "$agents" \
    --warmup "$probe_warmup" --duration "$hold" --out "$results/$target-scale-a.json" || true
  kill -INT "$b_pid" 2>/dev/null || true
  wait "$b_pid" || true
  generator_pids=()
  [ -f "$results/$target-scale-a.json" ] || { say "generator A produced no result"; return 1; }
  local files=("$results/$target-scale-a.json"); [ -f "$results/$target-scale-b.json" ] && files+=("$results/$target-scale-b.json")
  node "$loadgen/src/summarize.js" scale --target "$target" --before "$results/$target-memory-before.json" --cold "$results/$target-memory-cold.json" \
    --out "$results/$target-scale-summary.json" "${files[@]}"
}

run_chaos() {
  local out="$results/cluster-chaos.json"
  [ -f "$root/deploy/local/.run/silo-$victim.pid" ] || { say "there is no silo-$victim to kill (--victim)"; return 1; }
  say "chaos: $chaos_rate msg/s over $visitors conversations ($direction), SIGKILL silo-$victim after $kill_after s, then $after_kill s more"
  # The grace period lets retried sends and Resume calls finish after the schedule ends; the generator then reads every
  # conversation's history before it reports.
  generator $((warmup + kill_after + after_kill + 240)) --chaos --visitors "$visitors" --agents "$agents" --rate "$chaos_rate" \
    --warmup "$warmup" --duration $((kill_after + after_kill)) --kill-after "$kill_after" --grace 20 --direction "$direction" \
    --kill-command "'$root/deploy/local/cluster.sh' kill $victim" --out "$out" || true
  "$root/deploy/local/cluster.sh" status > "$results/membership-after.txt" 2>&1 || true
  cat "$results/membership-after.txt" >&2
  [ -f "$out" ] || { say "the chaos run produced no result"; return 1; }
}

run_mode() {
  case "$mode" in
    ladder)
      # Warm the target's JIT and pools once before the ladder (not recorded), then the steps.
      say "warm-up: $(echo "$rates" | awk '{print $1}') msg/s for 5 s"
      generator 120 --visitors "$visitors" --agents "$agents" --rate "$(echo "$rates" | awk '{print $1}')" --duration 5 \
        --warmup 0 --quiet > /dev/null || true
      # shellcheck disable=SC2086
      run_ladder $rates ;;
    scale) run_scale "$connections" ;;
    smoke)
      duration=10 warmup=3
      run_ladder 1000 || true
      [ "$target" = echo ] || run_scale 2000 ;;
    chaos) run_chaos ;;
  esac
}

# The floors first (the raw echo, the bare relay), then the chosen target, one after the other on the same port and
# settings. A scale run has no echo floor.
chosen="$target"
targets=()
for b in $baselines; do [ "$mode" = scale ] && [ "$b" = echo ] || targets+=("$b"); done
targets+=("$chosen")
for t in "${targets[@]}"; do
  target="$t" url="http://127.0.0.1:$port" agent_url="http://127.0.0.1:$port"
  build_all
  start_target
  run_mode || say "$target: the $mode run did not complete"
  stop_target
done
for floor in "${targets[@]}"; do
  [ "$floor" != "$chosen" ] && [ -f "$results/$floor-summary.json" ] && [ -f "$results/$chosen-summary.json" ] || continue
  node "$loadgen/src/summarize.js" compare --target "$chosen" --floor "$floor" --out "$results/comparison-$floor.json" \
    "$results/$floor-summary.json" "$results/$chosen-summary.json"
done
