#!/usr/bin/env bash
# Load benchmark of `quhua serve` on PostgreSQL (release build), written to
# bench/results/load.md:
#   1. evaluation: 200 logged-in clients POST /api/counties/130634/evaluate with varying
#      operations, the server's response cache off (QUHUA_EVAL_CACHE=0) — closed loop without
#      and with the townships' GeoJSON (as the web UI asks), then paced;
#   2. mixed: 50 editors read-modify-write 5 shared scenarios with their version (409 is the
#      correct refusal of a stale one), 150 readers; then the lost-update check.
# A throwaway PostgreSQL server is started in a temp dir (initdb -A trust, default durability
# settings) and removed at the end. As root, PostgreSQL runs as the `postgres` user.
#
# Environment: SECS (measured seconds per run, 20), CLIENTS (200), EDITORS (50), READERS
# (150), SCENARIOS (5), PACED_MS (per-client interval of the paced run, 200),
# QUHUA_PG_POOL (the server's pool size, 16), OUT (bench/results/load.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
target="${CARGO_TARGET_DIR:-$root/target}"
SECS=${SECS:-20}
CLIENTS=${CLIENTS:-200}
EDITORS=${EDITORS:-50}
READERS=${READERS:-150}
SCENARIOS=${SCENARIOS:-5}
PACED_MS=${PACED_MS:-200}
POOL=${QUHUA_PG_POOL:-16}
OUT=${OUT:-$root/bench/results/load.md}
USERS=$((CLIENTS > EDITORS + READERS ? CLIENTS : EDITORS + READERS))

echo "== cargo build --release -p quhua-cli -p quhua-loadgen"
cargo build --release --locked -p quhua-cli -p quhua-loadgen
quhua="$target/release/quhua"
loadgen="$target/release/quhua-loadgen"

source "$root/bench/lib/pg.sh"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  stop_pg
}
trap cleanup EXIT
throwaway_pg quhua_load

echo "== setup: demo data and $USERS bench accounts"
"$loadgen" setup --db "$url" --users "$USERS"

echo "== quhua serve (release, QUHUA_EVAL_CACHE=0, QUHUA_PG_POOL=$POOL)"
QUHUA_EVAL_CACHE=0 QUHUA_PG_POOL=$POOL "$quhua" --db "$url" serve --addr 127.0.0.1:0 >"$tmp/serve.log" 2>&1 &
server_pid=$!
addr=""
for _ in $(seq 1 200); do
  addr=$(grep -o 'http://[0-9.:]*' "$tmp/serve.log" | head -1 | sed 's#http://##' || true)
  [ -n "$addr" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$addr" ] || { cat "$tmp/serve.log" >&2; echo "the server did not start" >&2; exit 1; }
grep -q "evaluation cache off" "$tmp/serve.log" || { echo "the server's evaluation cache is not off" >&2; exit 1; }
echo "   listening on $addr"

# utime + stime of the server, in clock ticks.
server_cpu() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }

status=0
run() { # name, command…
  local name=$1; shift
  echo "== $name: $*"
  local load_before; load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  local cpu0; cpu0=$(server_cpu)
  local t0; t0=$(date +%s.%N)
  set +e
  "$@" >"$tmp/$name.out" 2>&1
  local rc=$?
  set -e
  local cpu1; cpu1=$(server_cpu)
  local t1; t1=$(date +%s.%N)
  # The server's own CPU time (user + system) over the whole run, logins and warm-up included:
  # on a shared machine a steadier figure than the latencies.
  awk -v c0="$cpu0" -v c1="$cpu1" -v t0="$t0" -v t1="$t1" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "server CPU: %.1f s in %.1f s wall (%.0f%% of one core)\n", (c1-c0)/hz, t1-t0, 100*(c1-c0)/hz/(t1-t0) }' \
    >>"$tmp/$name.out"
  cat "$tmp/$name.out"
  [ $rc = 0 ] || status=1
  {
    echo "### $name"
    echo
    echo "    $(echo "$*" | sed "s#$target/release/##; s#$addr#\$ADDR#")"
    echo
    echo "Load average before: $load_before; exit status $rc."
    echo
    cat "$tmp/$name.out"
    echo
  } >>"$tmp/sections.md"
}

common=(--addr "$addr" --secs "$SECS" --users "$USERS")
run eval-closed "$loadgen" eval "${common[@]}" --clients "$CLIENTS"
run eval-closed-geojson "$loadgen" eval "${common[@]}" --clients "$CLIENTS" --geojson
run eval-paced-geojson "$loadgen" eval "${common[@]}" --clients "$CLIENTS" --geojson --interval-ms "$PACED_MS"
run mixed "$loadgen" mixed "${common[@]}" --editors "$EDITORS" --readers "$READERS" --scenarios "$SCENARIOS"

rss=$(ps -o rss= -p "$server_pid" 2>/dev/null | tr -d ' ' || echo "?")
mkdir -p "$(dirname "$OUT")"
{
  echo "# Load benchmark: quhua serve on PostgreSQL"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/load/run.sh\` (SECS=$SECS CLIENTS=$CLIENTS EDITORS=$EDITORS READERS=$READERS SCENARIOS=$SCENARIOS PACED_MS=$PACED_MS QUHUA_PG_POOL=$POOL)"
  echo "at commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- crates || echo ' (with uncommitted changes)')."
  echo
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -sr);"
  echo "  the load generator, the server and PostgreSQL share these cores (shared machine: see each run's load average)"
  echo "- $pg_version, throwaway server (initdb -A trust, default fsync/synchronous_commit), max_connections=200"
  echo "- server: release \`quhua --db postgres://… serve\` with QUHUA_EVAL_CACHE=0 (every evaluation computed) and QUHUA_PG_POOL=$POOL; resident memory at the end ${rss} KiB"
  echo "- load generator: \`quhua-loadgen\` (crates/quhua-loadgen), one keep-alive HTTP/1.1 connection per client, every client its own logged-in session"
  echo "  (bench accounts load001… created by \`quhua-loadgen setup\`); latency is from send to the last byte of the answer; a 2 s warm-up is not recorded"
  echo
  cat "$tmp/sections.md"
} >"$OUT"
echo "== written $OUT"
exit $status
