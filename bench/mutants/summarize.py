#!/usr/bin/env python3
"""Summarises the mutation runs written by bench/mutants/run.sh.

For each scope run here: the counts of the runs tagged "before" (else of the first run), then every mutant of the current
code (`<name>.list.json`) with the latest outcome any run gave it ("after"), written to
bench/results/mutants/<name>.json (kept in the repository: the raw runs are not). The ratio is
caught / (caught + missed + timeout); unviable mutants (that do not build) are not counted.
Then prints the Markdown table of every scope's JSON, so scopes not re-run keep their figures.
"""
import datetime
import json
import pathlib
import subprocess
import sys

RESULTS = pathlib.Path(__file__).resolve().parents[1] / "results" / "mutants"

SCOPES = [
    ("codes", "quhua-codes `src/diff/**` (code-list diff)"),
    ("core", "quhua-core `src/scenario/**`, `src/rules/**`, `src/registry/**`"),
    ("check", "quhua-optimize `src/check.rs` (the independent verifier)"),
    ("workflow", "quhua-workflow `src/**` (a round-robin sample: every SHARDS-th mutant)"),
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


def commit():
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def record(out):
    """Writes the JSON summary of every scope that has runs under `out`."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    for name, label in SCOPES:
        runs = sorted((out / f"{name}.runs").glob("*")) if (out / f"{name}.runs").exists() else []
        listing = out / f"{name}.list.json"
        if not runs or not listing.exists():
            continue
        # "Before": the runs tagged so (the tests as they were), else the first run.
        tagged = [r for r in runs if (r / "phase").exists() and (r / "phase").read_text().strip() == "before"]
        early = {}
        for r in tagged or runs[:1]:
            early.update(dict(outcomes(r)))
        first = count(early.values())
        latest = {}
        for r in runs:
            latest.update(dict(outcomes(r)))
        current = [m["name"] for m in json.loads(listing.read_text())]
        after = {n: latest.get(n, "untested") for n in current}
        # An iteration skips what an earlier run caught or found unviable under the same name.
        c = count(after.values())
        shards = out / f"{name}.shards"
        if shards.exists():
            label = label.replace("every SHARDS-th mutant", f"1 in {shards.read_text().strip()}")
        summary = {
            "scope": name,
            "label": label,
            "runs": len(runs),
            "before": first,
            "after": c,
            "survivors": [n for n, s in after.items() if s in ("missed", "timeout")],
            "commit": commit(),
            "date": datetime.date.today().isoformat(),
        }
        (RESULTS / f"{name}.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1) + "\n")


def render():
    """Prints the Markdown table of every recorded scope."""
    rows, survivors = [], []
    for name, _ in SCOPES:
        f = RESULTS / f"{name}.json"
        if not f.exists():
            continue
        j = json.loads(f.read_text())
        rows.append((j["label"], j["before"], j["after"], j["runs"], j["commit"], j["date"]))
        survivors += [(name, n) for n in j["survivors"]]
    print("# Mutation testing (cargo-mutants)\n")
    print("Written by `bash bench/mutants/run.sh` (then `ITERATE=1` after new tests); see the")
    print("script for the bounds. Ratio = caught / (caught + missed + timeout).\n")
    print("| scope | runs | before: caught / missed / timeout / unviable | before | after: caught / missed / timeout / unviable / untested | after | code, date |")
    print("|---|---|---|---|---|---|---|")
    for label, b, a, n, rev, day in rows:
        print(
            f"| {label} | {n} | {b['caught']} / {b['missed']} / {b['timeout']} / {b['unviable']} | {ratio(b)} "
            f"| {a['caught']} / {a['missed']} / {a['timeout']} / {a['unviable']} / {a['untested']} | {ratio(a)} | {rev}, {day} |"
        )
    print("\n## Mutants still missed\n")
    for scope, n in survivors:
        print(f"- `{scope}` {n}")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        record(pathlib.Path(sys.argv[1]))
    render()
