#!/usr/bin/env python3
"""Benchmark quhua-optimize against pygeoda (libgeoda max-p) and spopt MaxPHeuristic.

Usage (from the workspace root):
    python3 -m venv bench/.venv-plan
    bench/.venv-plan/bin/pip install pygeoda==0.1.3 spopt==0.7.0 libpysal==4.14.1 geopandas
    bench/.venv-plan/bin/python bench/optimize/run_bench.py [--only south,nh,ia] [--peer-timeout 300]

Reads each shapefile with geopandas, builds queen contiguity with libpysal,
writes units/edges CSV to bench/optimize/out/, runs every tool on identical
inputs and scores every assignment with the same code (WSS on z-scored
attributes, floor, contiguity on the libpysal queen graph, ceiling).
Peers run in a forked child with a timeout (pygeoda never returns on the
NH island below the floor).
"""
import argparse
import json
import multiprocessing as mp
import os
import re
import subprocess
import sys
import time
import warnings

import numpy as np
import geopandas as gpd
from libpysal.weights import Queen

warnings.filterwarnings("ignore")
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "data", "bench")
OUT = os.path.join(ROOT, "bench", "optimize", "out")
TARGET = os.environ.get("CARGO_TARGET_DIR", "/root/.cache/quhua-target-plan")
QUHUA = os.path.join(TARGET, "release", "examples", "suggest")

DATASETS = {
    "south": dict(path="us-counties-nat/nat.shp", pop="PO90", attrs=["HR90", "UE90", "PS90"], filt=("SOUTH", 1)),
    "nh": dict(path="nh-wards/NH.shp", pop="TOTPOP", attrs=["TOTPOP"], filt=None),
    "ia": dict(path="ia-counties/IA_counties.shp", pop="TOTPOP", attrs=["TOTPOP"], filt=None),
}


def load(name):
    d = DATASETS[name]
    gdf = gpd.read_file(os.path.join(DATA, d["path"]))
    if d["filt"]:
        gdf = gdf[gdf[d["filt"][0]] == d["filt"][1]].reset_index(drop=True)
    if gdf.crs is None:
        gdf = gdf.set_crs(4326)
    gdf["AREA_KM2"] = gdf.to_crs(5070).geometry.area / 1e6
    gdf[d["pop"]] = gdf[d["pop"]].astype(float)
    w = Queen.from_dataframe(gdf, use_index=False, silence_warnings=True)
    return gdf, w, d


def write_csv(name, gdf, w, d):
    os.makedirs(OUT, exist_ok=True)
    up = os.path.join(OUT, f"{name}-units.csv")
    ep = os.path.join(OUT, f"{name}-edges.csv")
    cols = [d["pop"], "AREA_KM2"] + [a for a in d["attrs"] if a != d["pop"]]
    df = gdf[cols].copy()
    df.insert(0, "uid", range(len(gdf)))
    df.to_csv(up, index=False)
    with open(ep, "w") as f:
        f.write("a,b\n")
        for i, nb in w.neighbors.items():
            for j in nb:
                if i < j:
                    f.write(f"{i},{j}\n")
    return up, ep


def score(labels, gdf, w, d, floor, ceiling):
    labels = np.asarray(labels)
    ok = labels >= 0
    X = gdf[d["attrs"]].to_numpy(dtype=float)
    Z = (X - X.mean(0)) / np.where(X.std(0) > 0, X.std(0), 1)
    wss = 0.0
    regions = sorted(set(labels[ok].tolist()))
    pop = gdf[d["pop"]].to_numpy()
    area = gdf["AREA_KM2"].to_numpy()
    below = above = noncontig = 0
    for r in regions:
        idx = np.where(labels == r)[0]
        wss += float(((Z[idx] - Z[idx].mean(0)) ** 2).sum())
        if pop[idx].sum() < floor * (1 - 1e-12):
            below += 1
        if ceiling is not None and area[idx].sum() > ceiling * (1 + 1e-12):
            above += 1
        s = set(idx.tolist())
        seen = {idx[0]}
        stack = [idx[0]]
        while stack:
            u = stack.pop()
            for v in w.neighbors[u]:
                if v in s and v not in seen:
                    seen.add(v)
                    stack.append(v)
        if len(seen) < len(s):
            noncontig += 1
    return dict(p=len(regions), wss=wss, below=below, above=above, noncontig=noncontig, unassigned=int((~ok).sum()))


def peer_child(q, tool, name, floor):
    gdf, w, d = load(name)
    t = time.perf_counter()
    if tool.startswith("pygeoda"):
        import pygeoda
        g = pygeoda.open(gdf)
        gw = pygeoda.queen_weights(g)
        fn = {"pygeoda maxp_greedy": pygeoda.maxp_greedy, "pygeoda maxp_sa": pygeoda.maxp_sa,
              "pygeoda maxp_tabu": pygeoda.maxp_tabu}[tool]
        t = time.perf_counter()
        r = fn(gw, gdf[d["attrs"]], bound_variable=gdf[d["pop"]], min_bound=floor, cpu_threads=2)
        labels = [c - 1 for c in r["Clusters"]]
    else:
        from spopt.region import MaxPHeuristic
        t = time.perf_counter()
        m = MaxPHeuristic(gdf, w, d["attrs"], d["pop"], floor, top_n=2)
        m.solve()
        labels = list(np.asarray(m.labels_).astype(int))
    q.put((time.perf_counter() - t, [int(x) for x in labels]))


def run_peer(tool, name, floor, timeout):
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=peer_child, args=(q, tool, name, floor))
    p.start()
    try:
        res = q.get(timeout=timeout)
    except Exception:
        res = None
    p.join(5)
    if p.is_alive():
        p.kill()
        p.join()
    return res


def run_quhua(up, ep, d, floor, ceiling, extra=()):
    attrs = ",".join(d["attrs"])
    cmd = [QUHUA, "--units", up, "--edges", ep, "--id-field", "uid", "--pop-field", d["pop"],
           "--area-field", "AREA_KM2", "--attrs", attrs, "--min-pop", str(floor), "--schemes", "3",
           "--seed", "1", "--threads", "2", *extra]
    if ceiling is not None:
        cmd += ["--max-area", str(ceiling)]
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t
    sol = json.loads(out.stdout)
    s = sol["schemes"][0]
    labels = [-1 if a == 4294967295 else a for a in s["assignment"]]
    return wall, labels, sol, out.stderr.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default="south,nh,ia")
    ap.add_argument("--peer-timeout", type=float, default=300, help="spopt timeout (s)")
    ap.add_argument("--pygeoda-timeout", type=float, default=60, help="pygeoda timeout (s)")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--tools", default="pygeoda maxp_greedy,pygeoda maxp_sa,pygeoda maxp_tabu,spopt MaxPHeuristic")
    a = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "-p", "quhua-optimize", "--example", "suggest"], cwd=ROOT,
                   check=True, env=dict(os.environ, CARGO_TARGET_DIR=TARGET))
    rows = []
    for name in a.only.split(","):
        gdf, w, d = load(name)
        up, ep = write_csv(name, gdf, w, d)
        n = len(gdf)
        islands = [i for i, nb in w.neighbors.items() if len(nb) == 0]
        mean = gdf[d["pop"]].mean()
        for mult in (10, 30):
            floor = 0.6 * mult * mean
            ceiling = 3 * gdf["AREA_KM2"].sum() / (n / mult)
            tag = f"{name} (n={n}) floor {mult}x"
            if islands:
                tag += f" islands {islands}"
            if not a.no_peers:
                for tool in a.tools.split(","):
                    limit = a.pygeoda_timeout if tool.startswith("pygeoda") else a.peer_timeout
                    res = run_peer(tool, name, floor, limit)
                    if res is None:
                        rows.append((tag, tool, f">{limit:.0f} (timeout)", None))
                        print(rows[-1], flush=True)
                        continue
                    rows.append((tag, tool, f"{res[0]:.3f}", score(res[1], gdf, w, d, floor, ceiling)))
                    print(rows[-1], flush=True)
            variants = [("quhua", None, ()), ("quhua --effort 8", None, ("--effort", "8")),
                        ("quhua +ceiling", ceiling, ()), ("quhua +ceiling --effort 8", ceiling, ("--effort", "8"))]
            if islands:
                variants.append(("quhua exclude-islands", None, ("--exclude-islands",)))
                variants.append(("quhua +ceiling exclude-islands", ceiling, ("--exclude-islands",)))
            for label, ceil, extra in variants:
                wall, labels, sol, err = run_quhua(up, ep, d, floor, ceil, extra)
                sc = score(labels, gdf, w, d, floor, ceiling)
                sc["note"] = err + (f"; infeasible: {[r['kind'] for r in sol['infeasibility']['reasons']]}"
                                    if sol.get("infeasibility") else "")
                rows.append((tag, label, f"{wall:.3f}", sc))
                print(rows[-1], flush=True)
    print()
    # peers are timed around their solve call; quhua also as a whole process (wall) and
    # in-process (load + solve, from its own report), which is the like-for-like figure
    print(f"| data | tool | s (in-process) | wall s (process) | p | WSS | below floor | non-contiguous | "
          f"above ceiling (3x mean region area) | note |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for tag, tool, wall, sc in rows:
        if sc is None:
            print(f"| {tag} | {tool} | {wall} | – | – | – | – | – | – | did not return |")
            continue
        inproc, shown = wall, "–"
        m = re.search(r"load ([0-9.]+) s, solve ([0-9.]+) s", sc.get("note", ""))
        if m:
            inproc, shown = f"{float(m.group(1)) + float(m.group(2)):.3f}", wall
        print(f"| {tag} | {tool} | {inproc} | {shown} | {sc['p']} | {sc['wss']:.2f} | {sc['below']} | "
              f"{sc['noncontig']} | {sc['above']} | {sc.get('note', '')} |")


if __name__ == "__main__":
    main()
