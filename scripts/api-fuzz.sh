#!/usr/bin/env bash
# Schema-driven API fuzzing: starts `quhua serve --demo` in a temporary directory and runs
# Schemathesis (from PyPI) against the server's own OpenAPI document, once as an anonymous
# caller and once as a logged-in county editor. Fails on any 5xx, any status, content type
# or body outside the document.
#   scripts/api-fuzz.sh [path/to/quhua] [examples per operation, default 30]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target="${CARGO_TARGET_DIR:-$root/target}"
bin="${1:-$target/debug/quhua}"
examples="${2:-30}"
venv="$target/api-fuzz-venv"
if [ ! -x "$venv/bin/schemathesis" ]; then
  echo "== pip install schemathesis (into $venv)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check schemathesis==4.32.5
fi
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$work" && exec "$bin" serve --demo --addr "127.0.0.1:$port" >"$work/server.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 240); do
  curl -sf "$base/api/openapi.json" -o /dev/null && break
  sleep 0.5
done
checks=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
# The server under test is the debug build: typesetting a 区划调整方案 PDF with its maps takes
# it longer than Schemathesis's default 10 s (the release build: see bench/results/report.md).
run() {
  "$venv/bin/schemathesis" run "$base/api/openapi.json" -c "$checks" -n "$examples" \
    --generation-deterministic --no-color --request-timeout 90 "$@"
}
echo "== schemathesis: anonymous"
run
echo "== schemathesis: county editor (quyang)"
login=$(curl -sf -c "$work/jar" -H 'content-type: application/json' \
  -d '{"username":"quyang","password":"quyang-demo-2026"}' "$base/api/login")
csrf=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["csrf_token"])' "$login")
cookie=$(awk '!/^# / && NF>=7 {print $6"="$7}' "$work/jar")
run -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" --exclude-path /api/logout --exclude-path /api/login
