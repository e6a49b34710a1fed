#!/usr/bin/env bash
# Follow-up supervision (后半篇督办) benchmark on PostgreSQL (release build), written to
# bench/results/followup-pg.md: a province-sized synthetic (示意) load — TASKS tasks with
# REPORTS progress reports each and FEEDBACK feedback items, spread over 170 counties — stored
# by `quhua-loadgen followup-setup`; then `quhua serve` on it and `quhua-loadgen followup`
# times the board of one county, the province's summary and the county's weekly report
# through the HTTP API (cold, repeated, and right after a write).
# A throwaway PostgreSQL server is started in a temp dir and removed at the end.
#
# Environment: TASKS (100000), REPORTS (10), FEEDBACK (200000), REPEAT (20),
# QUHUA_PG_POOL (16), OUT (bench/results/followup-pg.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
target="${CARGO_TARGET_DIR:-$root/target}"
TASKS=${TASKS:-100000}
REPORTS=${REPORTS:-10}
FEEDBACK=${FEEDBACK:-200000}
REPEAT=${REPEAT:-20}
POOL=${QUHUA_PG_POOL:-16}
OUT=${OUT:-$root/bench/results/followup-pg.md}

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
throwaway_pg quhua_followup

echo "== setup: demo data, then $TASKS tasks × $REPORTS reports and $FEEDBACK feedback items (示意)"
"$loadgen" setup --db "$url" --users 1 >/dev/null
if ! setup_out=$( { /usr/bin/time -f "setup: %e s wall, %M KiB peak" "$loadgen" followup-setup --db "$url" --tasks "$TASKS" --reports "$REPORTS" --feedback "$FEEDBACK"; } 2>&1 ); then
  echo "$setup_out" >&2
  exit 1
fi
echo "$setup_out"
db_size=$("${as_pg[@]}" "$pgbin/psql" -h "$tmp" -p "$port" -U postgres -d quhua_followup -Atc "SELECT pg_size_pretty(pg_database_size('quhua_followup'))")

echo "== quhua serve (release, QUHUA_PG_POOL=$POOL)"
QUHUA_PG_POOL=$POOL "$quhua" --db "$url" serve --addr 127.0.0.1:0 >"$tmp/serve.log" 2>&1 &
server_pid=$!
addr=""
for _ in $(seq 1 300); do
  addr=$(grep -o 'http://[0-9.:]*' "$tmp/serve.log" | head -1 | sed 's#http://##' || true)
  [ -n "$addr" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$addr" ] || { cat "$tmp/serve.log" >&2; echo "the server did not start" >&2; exit 1; }
echo "   listening on $addr"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
set +e
"$loadgen" followup --addr "$addr" --repeat "$REPEAT" >"$tmp/followup.out" 2>&1
rc=$?
set -e
cat "$tmp/followup.out"
rss=$(ps -o rss= -p "$server_pid" 2>/dev/null | tr -d ' ' || echo "?")
mkdir -p "$(dirname "$OUT")"
{
  echo "# Follow-up supervision on PostgreSQL: a province-sized load"
  echo
  echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/followup/run.sh\` (TASKS=$TASKS REPORTS=$REPORTS FEEDBACK=$FEEDBACK REPEAT=$REPEAT QUHUA_PG_POOL=$POOL)"
  echo "at commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- crates || echo ' (with uncommitted changes)')."
  echo
  echo "- machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(uname -sr); load average before: $load_before"
  echo "- $pg_version, throwaway server (initdb -A trust, default durability settings); database size after setup: $db_size"
  echo "- load: \`quhua-loadgen followup-setup\` — $(echo "$setup_out" | head -1)"
  echo "  ($(echo "$setup_out" | grep '^setup:'))"
  echo "- server: release \`quhua --db postgres://… serve\`, QUHUA_PG_POOL=$POOL; resident memory at the end ${rss} KiB"
  echo "- client: \`quhua-loadgen followup\`, one logged-in keep-alive connection per account, sequential requests; latency from send to the last byte"
  echo
  cat "$tmp/followup.out"
  echo
  echo "exit status $rc"
} >"$OUT"
echo "== written $OUT"
exit $rc
