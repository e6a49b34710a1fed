#!/usr/bin/env bash
# Runs the whole test suite: every Rust test of the workspace (SQLite and a throwaway
# PostgreSQL server for the storage tests), then the browser end-to-end tests in headless
# Chromium. Installs the system packages and npm packages the tests need when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target="${CARGO_TARGET_DIR:-$root/target}"

# Runs an apt-get command, waiting (up to 10 min) while another apt or dpkg holds its lock
# instead of failing at once: dpkg's frontend lock through apt's own timeout, the lists lock
# (apt-get update) by retrying.
apt_wait() {
  local out tries=0
  while :; do
    if out=$("$@" -o DPkg::Lock::Timeout=600 2>&1); then
      return 0
    fi
    if grep -qi "could not get lock\|unable to lock\|is another process using it" <<<"$out" && [ $tries -lt 120 ]; then
      tries=$((tries + 1))
      [ $tries = 1 ] && echo "   (waiting for apt's lock, held by another process)"
      sleep 5
      continue
    fi
    echo "$out" >&2
    return 1
  done
}

need_apt=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need_apt+=(postgresql)
command -v pg_dump >/dev/null 2>&1 && command -v pg_restore >/dev/null 2>&1 || need_apt+=(postgresql-client)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
# The document tests convert each generated DOCX with LibreOffice and read its text.
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
# Schemathesis (the API fuzzer) is installed from PyPI into a virtual environment.
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need_apt+=(python3-venv)
# (Capture first: with pipefail, grep -q closing the pipe early would fail the check.)
fonts=$(fc-list 2>/dev/null || true)
grep -qi "cjk\|wqy" <<<"$fonts" || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== apt-get install ${need_apt[*]}"
    apt_wait apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt_wait apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
  else
    echo "missing system packages: ${need_apt[*]} — sudo apt-get install ${need_apt[*]}, then re-run" >&2
    exit 1
  fi
fi

# The committed lock lists every platform's optional packages, so npm ci installs exactly
# it and never rewrites it.
echo "== web UI: npm ci && npm run build"
(cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build)

echo "== web unit tests (node --test): the editor's state"
(cd web && npm run test:unit)
export QUHUA_REQUIRE_WEB=1

echo "== cargo test --workspace"
cargo test --workspace --locked

echo "== browser end-to-end tests (headless Chromium)"
cargo build --locked -p quhua-cli
(cd web && QUHUA_BIN="$target/debug/quhua" npm run e2e)

echo "== daily digest through a local SMTP sink (aiosmtpd)"
scripts/digest-smtp.sh "$target/debug/quhua"

echo "== schema-driven API fuzzing (Schemathesis against the generated OpenAPI document)"
scripts/api-fuzz.sh "$target/debug/quhua"
