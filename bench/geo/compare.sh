#!/usr/bin/env bash
# Compare quhua-geo with libpysal (contiguity) and geopandas (dissolve) on
# identical inputs. Usage: bench/geo/compare.sh [reps]   (run from anywhere)
set -euo pipefail
REPS=${1:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV=$ROOT/bench/.venv
OUT=${OUT:-$ROOT/bench/geo/out}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/root/.cache/quhua-target-geo}
mkdir -p "$OUT"

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q libpysal==4.14.1 geopandas shapely pyogrio pyproj
fi
"$VENV/bin/python" -c "import libpysal, geopandas, shapely; print('peers: libpysal', libpysal.__version__, 'geopandas', geopandas.__version__, 'shapely', shapely.__version__)"

(cd "$ROOT" && cargo build -q --release -p quhua-geo --example quhua_geo_bench)
BIN=$CARGO_TARGET_DIR/release/examples/quhua_geo_bench

# Synthetic data written by quhua first (also times the national generator).
"$BIN" synth "$ROOT/data/nbs-2023" "$OUT" 30000 2>&1 | tee "$OUT/synth.log"

D=$ROOT/data/bench
: > "$OUT/results.jsonl"
for f in "$D/ia-counties/IA_counties.shp" "$D/nh-wards/NH.shp" "$D/us-counties-nat/nat.shp" "$OUT/synth_villages.shp"; do
  b=$(basename "$f" .shp)
  "$BIN" adjacency "$f" "$OUT/adj_$b.json" "$REPS"
  "$VENV/bin/python" "$ROOT/bench/geo/peers.py" adjacency "$f" "$OUT/adj_$b.json" "$REPS" >> "$OUT/results.jsonl"
done
"$BIN" dissolve "$OUT/synth_villages.shp" township "$OUT/dis.json" "$REPS"
"$VENV/bin/python" "$ROOT/bench/geo/peers.py" dissolve "$OUT/synth_villages.shp" township "$OUT/dis.json" "$REPS" >> "$OUT/results.jsonl"

"$VENV/bin/python" - "$OUT/results.jsonl" <<'PY'
import json, sys, os
rows = [json.loads(l) for l in open(sys.argv[1])]
print()
print(f"{'data':<18}{'n':>7}  {'peer':<28}{'peer s':>9}{'quhua s':>9}{'ratio':>8}  check")
for r in rows:
    name = os.path.basename(r["file"])
    if "libpysal_queen_s" in r:
        q = r["quhua_queen_rook_s"]
        for peer, key, ok, diffs in (("libpysal Queen.from_dataframe", "libpysal_queen_s", r["queen_identical"], r["queen_diff_pairs"]), ("libpysal Rook.from_dataframe", "libpysal_rook_s", r["rook_identical"], r["rook_diff_pairs"])):
            if ok:
                check = "identical neighbours"
            else:
                only_q = [d for d in diffs if d["only"] == "quhua"]
                touching = all(d["shapely_distance"] == 0 and (d["shared_boundary_length"] is None or d["shared_boundary_length"] > 0) for d in only_q)
                check = f"{len(diffs)} pairs differ ({len(only_q)} quhua-only{', all touching per shapely' if touching else ''})"
            print(f"{name:<18}{r['n']:>7}  {peer:<28}{r[key]:>9.4f}{q:>9.4f}{r[key]/q:>7.1f}x  {check}")
    else:
        q = r["quhua_dissolve_s"]
        print(f"{name:<18}{r['n']:>7}  {'geopandas dissolve':<28}{r['geopandas_dissolve_s']:>9.4f}{q:>9.4f}{r['geopandas_dissolve_s']/q:>7.1f}x  max area diff {100*r['max_rel_area_diff']:.5f}% ({r['groups']} groups)")
        if r.get("geopandas_coverage_dissolve_s"):
            c = r["geopandas_coverage_dissolve_s"]
            print(f"{name:<18}{r['n']:>7}  {'geopandas dissolve coverage':<28}{c:>9.4f}{q:>9.4f}{c/q:>7.1f}x")
        t = r["quhua_tiling_dissolve_s"]
        print(f"{name:<18}{r['n']:>7}  {'(quhua tiling fast path)':<28}{r['geopandas_dissolve_s']:>9.4f}{t:>9.4f}{r['geopandas_dissolve_s']/t:>7.1f}x")
print("quhua s = rook AND queen together for adjacency (one call); peers are timed separately per weight type; best of the repetitions; file reading excluded on both sides.")
PY
