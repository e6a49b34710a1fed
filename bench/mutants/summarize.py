#!/usr/bin/env python3
"""Summarises the mutation runs written by bench/mutants/run.sh as Markdown.

For each scope: the first run's counts ("before"), then every mutant of the current code
(`<name>.list.json`) with the latest outcome any run gave it ("after"). The ratio is caught /
(caught + missed + timeout); unviable mutants (that do not build) are not counted.
"""
import json
import pathlib
import sys

SCOPES = [
    ("codes", "quhua-codes `src/diff/**` (code-list diff)"),
    ("core", "quhua-core `src/scenario/**`, `src/rules/**`, `src/registry/**`"),
    ("check", "quhua-optimize `src/check.rs` (the independent verifier)"),
    ("workflow", "quhua-workflow `src/**` (a 1-in-20 round-robin sample)"),
]
STATUS = {
    "CaughtMutant": "caught",
    "MissedMutant": "missed",
    "Timeout": "timeout",
    "Unviable": "unviable",
}


def outcomes(run_dir):
    data = json.loads((run_dir / "outcomes.json").read_text())
    for o in data["outcomes"]:
        m = o["scenario"].get("Mutant") if isinstance(o["scenario"], dict) else None
        if m and o["summary"] in STATUS:
            yield m["name"], STATUS[o["summary"]]
    return data


def ratio(c):
    viable = c["caught"] + c["missed"] + c["timeout"]
    return f"{100 * c['caught'] / viable:.1f}%" if viable else "–"


def count(statuses):
    c = {"caught": 0, "missed": 0, "timeout": 0, "unviable": 0, "untested": 0}
    for s in statuses:
        c[s] += 1
    return c


def main(out_dir):
    out = pathlib.Path(out_dir)
    rows, survivors = [], []
    for name, label in SCOPES:
        runs = sorted((out / f"{name}.runs").glob("*")) if (out / f"{name}.runs").exists() else []
        listing = out / f"{name}.list.json"
        if not runs or not listing.exists():
            continue
        first = count(s for _, s in outcomes(runs[0]))
        latest = {}
        for r in runs:
            latest.update(dict(outcomes(r)))
        current = [m["name"] for m in json.loads(listing.read_text())]
        after = {n: latest.get(n, "untested") for n in current}
        # An iteration skips what an earlier run caught or found unviable under the same name.
        c = count(after.values())
        rows.append((label, first, c, len(runs)))
        survivors += [(name, n) for n, s in after.items() if s in ("missed", "timeout")]
    print("# Mutation testing (cargo-mutants)\n")
    print("Written by `bash bench/mutants/run.sh` (then `ITERATE=1` after new tests); see the")
    print("script for the bounds. Ratio = caught / (caught + missed + timeout).\n")
    print("| scope | runs | before: caught / missed / timeout / unviable | before | after: caught / missed / timeout / unviable / untested | after |")
    print("|---|---|---|---|---|---|")
    for label, b, a, n in rows:
        print(
            f"| {label} | {n} | {b['caught']} / {b['missed']} / {b['timeout']} / {b['unviable']} | {ratio(b)} "
            f"| {a['caught']} / {a['missed']} / {a['timeout']} / {a['unviable']} / {a['untested']} | {ratio(a)} |"
        )
    print("\n## Mutants still missed\n")
    for scope, n in survivors:
        print(f"- `{scope}` {n}")


if __name__ == "__main__":
    main(sys.argv[1])
