#!/usr/bin/env bash
# Runs the whole test suite: every Rust test of the workspace (SQLite and a throwaway
# PostgreSQL server for the storage tests), then the browser end-to-end tests in headless
# Chromium. Installs the system packages and npm packages the tests need when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target="${CARGO_TARGET_DIR:-$root/target}"

need_apt=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need_apt+=(postgresql)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# (Capture first: with pipefail, grep -q closing the pipe early would fail the check.)
fonts=$(fc-list 2>/dev/null || true)
grep -qi "cjk\|wqy" <<<"$fonts" || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== apt-get install ${need_apt[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "missing system packages: ${need_apt[*]} — sudo apt-get install ${need_apt[*]}, then re-run" >&2
    exit 1
  fi
fi

# npm ci refuses lockfiles written here (optional platform packages of rollup are listed
# only for this platform); npm install then installs exactly the locked versions.
echo "== web UI: npm ci (or npm install from the lock) && npm run build"
(cd web && { npm ci --no-audit --no-fund --loglevel=error 2>/dev/null || npm install --no-audit --no-fund --loglevel=error; } && npm run build)
export QUHUA_REQUIRE_WEB=1

echo "== cargo test --workspace"
cargo test --workspace --locked

echo "== browser end-to-end tests (headless Chromium)"
cargo build --locked -p quhua-cli
(cd web && QUHUA_BIN="$target/debug/quhua" npm run e2e)
