#!/usr/bin/env bash
# Mutation testing (cargo-mutants) of the modules whose tests must be able to fail: the legal
# registry, the scenario kernel and the rules (quhua-core), the code-list diff (quhua-codes),
# the optimizer's independent verifier (quhua-optimize check.rs) and the follow-up registers
# (quhua-workflow). Kept out of CI: on 2 cores the full set takes hours, so each run is bounded
# to the named files, and quhua-workflow (≈1,900 mutants) is sampled: every SHARDS-th mutant of
# the list (round-robin), an unbiased sample of the whole crate.
#
# Each mutant is tested by its own package's tests only (cargo-mutants' default), so a
# behaviour checked only from another crate counts as missed. Writes the outcomes under
# $OUT_DIR/<name>/mutants.out and the summary to bench/results/mutants.md.
#
#   cargo install cargo-mutants --locked      # 27.x
#   bash bench/mutants/run.sh                 # all runs
#   ONLY="codes core" bash bench/mutants/run.sh
#   ITERATE=1 bash bench/mutants/run.sh       # re-test only what the last run did not catch
#
# Environment: OUT_DIR (target/mutants), SHARDS (20), ONLY (codes core check workflow).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
OUT_DIR=${OUT_DIR:-${CARGO_TARGET_DIR:-$root/target}/mutants}
SHARDS=${SHARDS:-20}
ONLY=${ONLY:-codes core check workflow}
mkdir -p "$OUT_DIR"
iterate=()
[ -n "${ITERATE:-}" ] && iterate=(--iterate)

run() {
  local name=$1
  shift
  case " $ONLY " in *" $name "*) ;; *) return 0 ;; esac
  echo "== $name: cargo mutants $*"
  # The mutants of the code as it is now (the summary's denominator).
  cargo mutants --list --json "$@" > "$OUT_DIR/$name.list.json"
  # Exit status 2 means some mutants were missed: that is a result, not a failure.
  cargo mutants --cap-lints=true "${iterate[@]}" -o "$OUT_DIR/$name" "$@" || [ $? -eq 2 ]
  # Every run's outcomes are kept: an iteration re-tests only what was not caught before.
  mkdir -p "$OUT_DIR/$name.runs"
  cp -r "$OUT_DIR/$name/mutants.out" "$OUT_DIR/$name.runs/$(date -u +%Y%m%dT%H%M%S)"
}

run codes -f 'crates/quhua-codes/src/diff/**'
run core -f 'crates/quhua-core/src/scenario/**' -f 'crates/quhua-core/src/rules/**' \
  -f 'crates/quhua-core/src/registry/**'
# The verifier's own tests; the US benchmark sets (tests/us_sets.rs, ~30 s a run) judge the
# search, not the verifier.
run check -f crates/quhua-optimize/src/check.rs -- --lib --test feasibility --test behaviour \
  --test conflicts --test exact --test refine
run workflow -f 'crates/quhua-workflow/src/**' --shard "0/$SHARDS" --sharding round-robin

python3 bench/mutants/summarize.py "$OUT_DIR" > bench/results/mutants.md.new
mv bench/results/mutants.md.new bench/results/mutants.md
echo "== wrote bench/results/mutants.md"
