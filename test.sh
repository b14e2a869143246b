#!/usr/bin/env bash
# Runs every test of CustomerService. On a fresh Debian machine it first installs what the tests need
# (PostgreSQL for the storage tests, redis-server for the membership tests, Node.js and npm for the web front-end's
# SignalR tests and the client build, chromium for the browser tests), so `./test.sh` is all a newcomer or CI has to run.
#   ./test.sh                 all tests
#   ./test.sh --filter Name   any extra arguments go to `dotnet test`
set -euo pipefail
cd "$(dirname "$0")"

missing=()
have_postgres() {
  command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null
}
have_postgres || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)

if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing what the tests need: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v dotnet >/dev/null 2>&1 || { echo "The .NET SDK is not installed: install .NET 10 (https://dot.net) and run ./test.sh again." >&2; exit 1; }

# A test run that was killed cannot stop the PostgreSQL servers it started. Servers older than two hours are left
# over from such a run (a whole run takes minutes): stop them and remove their folders.
for dir in $(find "${TMPDIR:-/tmp}" -maxdepth 1 -name 'cs-pg-*' -mmin +120 2>/dev/null); do
  pid=$(head -n 1 "$dir"/*/postmaster.pid 2>/dev/null || true)
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  rm -rf "$dir"
done

# The TypeScript clients' own unit tests (widget and console logic, the load generator's statistics): fast, no server.
run_npm_tests() {
  echo "==> npm test in $1"
  (cd "$1" && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm test --silent)
}
run_npm_tests src/WebFront/Client
run_npm_tests bench/loadgen

echo "==> Building and running the tests (Release)"
# Release, because races hide in Debug builds; the console logger prints each test as it passes or fails.
exec dotnet test CustomerService.sln -c Release --logger "console;verbosity=normal" "$@"
