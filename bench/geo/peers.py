"""Peer timings for bench/geo/compare.sh: libpysal contiguity and geopandas dissolve.

usage:
  peers.py adjacency <file> <ours.json> <reps>
  peers.py dissolve <file> <field> <ours.json> <reps>
Prints one JSON line with timings and the comparison against quhua's output.
"""
import json
import sys
import time
import warnings

import geopandas as gpd
from libpysal.weights import Queen, Rook

warnings.filterwarnings("ignore")


def best(reps, f):
    t_best, out = float("inf"), None
    for _ in range(reps):
        t = time.perf_counter()
        out = f()
        t_best = min(t_best, time.perf_counter() - t)
    return t_best, out


def adjacency(path, ours_path, reps):
    t = time.perf_counter()
    gdf = gpd.read_file(path)
    read_s = time.perf_counter() - t
    gdf = gdf.reset_index(drop=True)
    tq, q = best(reps, lambda: Queen.from_dataframe(gdf, use_index=False, silence_warnings=True))
    tr, r = best(reps, lambda: Rook.from_dataframe(gdf, use_index=False, silence_warnings=True))
    ours = json.load(open(ours_path))
    n = len(gdf)
    def same(w, rows):
        diff = [i for i in range(n) if set(w.neighbors.get(i, [])) != set(rows[i])]
        return diff
    dq, dr = same(q, ours["queen"]), same(r, ours["rook"])
    # Explain differences geometrically with shapely: a pair only one side
    # reports must touch (queen) / share boundary length (rook) within a
    # tolerance of 1e-7 of the layer's extent.
    minx, miny, maxx, maxy = gdf.total_bounds
    tol = 1e-7 * max(maxx - minx, maxy - miny)
    geoms = gdf.geometry.values
    def explain(w, rows, rook):
        out = []
        for i in range(n):
            a, b = set(w.neighbors.get(i, [])), set(rows[i])
            for j in (a ^ b):
                if j < i:
                    continue
                d = geoms[i].distance(geoms[j])
                shared = geoms[i].boundary.intersection(geoms[j].boundary.buffer(tol)).length if rook else None
                out.append({"pair": [i, int(j)], "only": "libpysal" if j in a else "quhua",
                            "shapely_distance": d, "shared_boundary_length": shared})
        return out
    eq, er = explain(q, ours["queen"], False), explain(r, ours["rook"], True)
    print(json.dumps({
        "file": path, "n": n, "peer_read_s": read_s,
        "libpysal_queen_s": tq, "libpysal_rook_s": tr,
        "quhua_queen_rook_s": ours["exact_s"], "quhua_read_s": ours["read_s"],
        "queen_identical": not dq, "rook_identical": not dr,
        "queen_diff_pairs": eq[:20], "rook_diff_pairs": er[:20],
        "libpysal_islands": sorted(q.islands), "quhua_islands": ours["islands"],
    }))


def dissolve(path, field, ours_path, reps):
    gdf = gpd.read_file(path)
    tu, d = best(reps, lambda: gdf.dissolve(by=field))
    try:
        tc, _ = best(reps, lambda: gdf.dissolve(by=field, method="coverage"))
    except TypeError:
        tc = None
    ours = json.load(open(ours_path))
    area = d.to_crs("EPSG:6933").area / 1e6  # equal-area (EASE-Grid 2.0)
    worst = 0.0
    for k, a in area.items():
        o = ours["areas_km2"][str(k)]
        worst = max(worst, abs(a - o) / o)
    print(json.dumps({
        "file": path, "n": len(gdf), "groups": len(d),
        "geopandas_dissolve_s": tu, "geopandas_coverage_dissolve_s": tc,
        "quhua_dissolve_s": ours["general_s"], "quhua_tiling_dissolve_s": ours["tiling_s"],
        "max_rel_area_diff": worst, "groups_equal": len(d) == ours["groups"],
    }))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "adjacency":
        adjacency(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        dissolve(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))
