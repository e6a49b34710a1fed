#!/usr/bin/env bash
# Runs the whole test suite. Installs the system packages the tests need when they are missing
# (PostgreSQL server binaries for the storage tests), then runs every test of the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  need_apt+=(postgresql)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing ${need_apt[*]} (apt)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "missing system packages: ${need_apt[*]} — install them (sudo apt-get install ${need_apt[*]}) and re-run" >&2
    exit 1
  fi
fi

echo "== cargo test --workspace"
cargo test --workspace --locked
