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
#   PHASE=before CHECK_TESTS="--lib …" bash bench/mutants/run.sh   # measure the old tests
#
# Environment: OUT_DIR (target/mutants), SHARDS (20), ONLY (codes core check workflow), PHASE,
# CHECK_TESTS and WORKFLOW_TESTS (the test targets each mutant is judged by; to measure a
# "before", pass the targets as they were).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
OUT_DIR=${OUT_DIR:-${CARGO_TARGET_DIR:-$root/target}/mutants}
SHARDS=${SHARDS:-20}
ONLY=${ONLY:-codes core check workflow}
mkdir -p "$OUT_DIR"
iterate=()
[ -n "${ITERATE:-}" ] && iterate=(yes)
# A run tagged "before" measures the tests as they were; "after" (the default) the tests now.
PHASE=${PHASE:-after}

run() {
  local name=$1
  shift
  case " $ONLY " in *" $name "*) ;; *) return 0 ;; esac
  echo "== $name: cargo mutants $*"
  # The mutants of the code as it is now (the summary's denominator).
  [ ${#iterate[@]} -gt 0 ] || cargo mutants --list --json "$@" > "$OUT_DIR/$name.list.json"
  local args=("$@") re=()
  if [ ${#iterate[@]} -gt 0 ]; then
    # Re-test exactly what the last kept run missed or timed out on, named one by one: with
    # --iterate, cargo-mutants would drop the caught ones before sharding, and the shard of
    # what is left would be another sample.
    local last
    last=$(find "$OUT_DIR/$name.runs" -mindepth 1 -maxdepth 1 -type d | sort | tail -1)
    while IFS= read -r m; do
      [ -n "$m" ] && re+=(--re "^$(printf '%s' "$m" | sed 's/[][\.*^$(){}+?|]/\\&/g')\$")
    done < <(cat "$last/missed.txt" "$last/timeout.txt" 2>/dev/null)
    if [ ${#re[@]} -eq 0 ]; then
      echo "== $name: nothing left to re-test"
      return 0
    fi
    # Drop the sharding: the names select the mutants.
    local kept_args=() skip=0
    for a in "${args[@]}"; do
      if [ $skip = 1 ]; then skip=0; continue; fi
      case $a in --shard | --sharding) skip=1 ;; *) kept_args+=("$a") ;; esac
    done
    args=("${kept_args[@]}")
  fi
  # Exit status 2 (some missed) or 3 (some timed out) is a result, not a failure.
  cargo mutants --cap-lints=true "${re[@]}" -o "$OUT_DIR/$name" "${args[@]}" || [ $? -eq 2 ] || [ $? -eq 3 ]
  # Every run's outcomes are kept: an iteration re-tests only what was not caught before.
  mkdir -p "$OUT_DIR/$name.runs"
  local kept
  kept="$OUT_DIR/$name.runs/$(date -u +%Y%m%dT%H%M%S)"
  cp -r "$OUT_DIR/$name/mutants.out" "$kept"
  echo "$PHASE" > "$kept/phase"
}

run codes -f 'crates/quhua-codes/src/diff/**'
run core -f 'crates/quhua-core/src/scenario/**' -f 'crates/quhua-core/src/rules/**' \
  -f 'crates/quhua-core/src/registry/**'
# The verifier's own tests; the US benchmark sets (tests/us_sets.rs, ~30 s a run) judge the
# search, not the verifier.
CHECK_TESTS=${CHECK_TESTS:---lib --test feasibility --test behaviour --test conflicts --test exact --test refine --test check_cases}
# shellcheck disable=SC2086 # word splitting of the target list is intended
run check -f crates/quhua-optimize/src/check.rs -- $CHECK_TESTS
# The unit and integration tests; the doctests are examples (27 of them, a minute to build for
# every mutant), what they show is also asserted by the tests.
WORKFLOW_TESTS=${WORKFLOW_TESTS:---lib --tests}
case " $ONLY " in *" workflow "*) echo "$SHARDS" > "$OUT_DIR/workflow.shards" ;; esac
# shellcheck disable=SC2086
run workflow -f 'crates/quhua-workflow/src/**' --shard "0/$SHARDS" --sharding round-robin -- $WORKFLOW_TESTS

python3 bench/mutants/summarize.py "$OUT_DIR" > bench/results/mutants.md.new
mv bench/results/mutants.md.new bench/results/mutants.md
echo "== wrote bench/results/mutants.md"
