#!/usr/bin/env bash
# Builds the web UI and the quhua binary, then serves the demo county (SQLite, 曲阳县 with
# synthetic figures) at http://127.0.0.1:8080. The demo accounts are printed on start.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build)
QUHUA_REQUIRE_WEB=1 cargo build --release --locked -p quhua-cli
exec "${CARGO_TARGET_DIR:-target}/release/quhua" serve --demo "$@"
