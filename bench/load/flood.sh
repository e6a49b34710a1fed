#!/usr/bin/env bash
# Flood benchmark (issue 15): `quhua serve --demo` (release, SQLite) under an anonymous login
# flood — N connections POSTing logins with random names for the whole run — while a few
# logged-in clients evaluate scenarios. Reports the server's resident memory (peak and at the
# end, sampled every 250 ms from /proc) and the logged-in clients' latency, with and without
# the response cache (`--distinct`: every request a full evaluation). Loopback only.
# Written to bench/results/flood.md.
#
# Environment: FLOOD (200 connections), CLIENTS (4 logged-in clients), SECS (30), OUT.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
target="${CARGO_TARGET_DIR:-$root/target}"
FLOOD=${FLOOD:-200}
CLIENTS=${CLIENTS:-4}
SECS=${SECS:-30}
OUT=${OUT:-$root/bench/results/flood.md}

echo "== cargo build --release -p quhua-cli, example loadtest"
cargo build --release --locked -p quhua-cli --bin quhua
cargo build --release --locked -p quhua-server --example loadtest
quhua="$target/release/quhua"
loadtest="$target/release/examples/loadtest"

tmp=$(mktemp -d)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# Starts a fresh server (the flood leaves 127.0.0.1 rate-limited for logins, so each run
# logs its clients in on a server of its own).
start_server() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$tmp/work" && mkdir -p "$tmp/work"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  (cd "$tmp/work" && exec "$quhua" serve --demo --addr "127.0.0.1:$port" >"$tmp/serve.log" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 600); do
    grep -q guest "$tmp/serve.log" 2>/dev/null && break
    sleep 0.5
  done
  grep -q guest "$tmp/serve.log" || { cat "$tmp/serve.log"; exit 1; }
  echo "server pid $server_pid on port $port, RSS after start $(rss) KiB"
}
rss() { awk '/VmRSS/ {print $2}' "/proc/$server_pid/status"; }
start_server

{
  echo "# Flood benchmark: quhua serve --demo under an anonymous login flood"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M') UTC by \`bench/load/flood.sh\` (FLOOD=$FLOOD CLIENTS=$CLIENTS SECS=$SECS) at commit $(git rev-parse --short HEAD)."
  echo
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM; the load generator and the server share these cores"
  echo "- server: release \`quhua serve --demo\` (SQLite), resident memory after start $(rss) KiB (a fresh server for each run)"
  echo "- flood: $FLOOD anonymous connections POSTing /api/login with random names and passwords for the whole run;"
  echo "  logged-in: $CLIENTS keep-alive clients (quyang) POSTing /api/counties/130634/evaluate in a closed loop"
  echo
} >"$OUT"

for mode in cached distinct; do
  extra=()
  [ "$mode" = distinct ] && extra=(--distinct)
  echo "== $mode"
  [ "$mode" = distinct ] && start_server
  log="$tmp/$mode.log"
  "$loadtest" --addr "127.0.0.1:$port" --clients "$CLIENTS" --seconds "$SECS" --flood "$FLOOD" \
    --server-pid "$server_pid" "${extra[@]}" | tee "$log"
  {
    echo "## $mode ($([ "$mode" = distinct ] && echo 'every request a full evaluation' || echo 'the response cache on, as served'))"
    echo
    echo "    loadtest --clients $CLIENTS --seconds $SECS --flood $FLOOD --server-pid PID ${extra[*]:-}"
    echo
    sed 's/^/    /' "$log"
    echo "    resident memory at the end of the run: $(rss) KiB"
    echo
  } >>"$OUT"
done
echo "written to $OUT"
