//! The `quhua` binary end to end: demo, scenario evaluation, registry queries, code diffs,
//! GeoJSON from a county's stored boundaries, and clear errors on bad input.

use std::path::PathBuf;
use std::process::{Command, Output};

fn quhua(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quhua"))
        .args(args)
        .output()
        .expect("run quhua")
}

fn data(rel: &str) -> String {
    let p: PathBuf = [&*manifest_dir(), "..", "..", "data", rel].iter().collect();
    p.to_string_lossy().into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn demo_prints_indicators_and_findings() {
    let o = quhua(&["demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stdout(&o);
    // The figures of a row of the indicator table, by its label.
    let row = |label: &str| -> Vec<String> {
        s.lines()
            .find(|l| l.split_whitespace().next() == Some(label))
            .unwrap_or_else(|| panic!("no row {label}: {s}"))
            .split_whitespace()
            .skip(1)
            .map(str::to_string)
            .collect()
    };
    assert_eq!(row("乡级单位数"), ["18", "12"]);
    assert_eq!(row("减少"), ["6"]);
    assert_eq!(row("平均人口"), ["2.20万", "3.30万", "3.66万"]);
    assert!(s.contains("规则检查") && s.contains("示意"), "{s}");
    let en = stdout(&quhua(&["--lang", "en", "demo"]));
    assert!(
        en.contains("Mean population") && en.contains("synthetic"),
        "{en}"
    );
}

#[test]
fn demo_json_and_geojson() {
    let dir = tempfile::tempdir().unwrap();
    let gj = dir.path().join("out.geojson");
    let o = quhua(&["demo", "--json", "--geojson", gj.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["evaluation"]["indicators"]["after"]["count"], 12);
    let g: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&gj).unwrap()).unwrap();
    let feats = g["features"].as_array().unwrap();
    assert_eq!(feats.len(), 12);
    assert!(
        feats
            .iter()
            .all(|f| f["properties"]["示意"] == true && f["geometry"]["type"] == "MultiPolygon")
    );
}

#[test]
fn scenario_eval_of_the_sample_file_and_bad_files() {
    let o = quhua(&[
        "--demo",
        "scenario",
        "eval",
        &data("demo/sample-scenario.toml"),
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "name = \"x\"\ncounty = \"130634\"\n[[ops]]\nop = \"merge\"\nunits = [\"不存在乡\"]\ninto = \"恒州镇\"\n").unwrap();
    let o = quhua(&["--demo", "scenario", "eval", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(
        e.contains("bad.toml") && e.contains("第 1 项") && e.contains("不存在乡"),
        "{e}"
    );
    std::fs::write(
        &bad,
        "name = \"x\"\ncounty = \"130634\"\n[[ops]]\nop = \"teleport\"\n",
    )
    .unwrap();
    let e = stderr(&quhua(&[
        "--demo",
        "scenario",
        "eval",
        bad.to_str().unwrap(),
    ]));
    assert!(e.contains("bad.toml") && e.contains("格式错误"), "{e}");
}

#[test]
fn registry_lineage_of_a_retired_code() {
    let o = quhua(&["--demo", "registry", "lineage", "130634210", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["forward"][0]["type"], "撤乡设镇");
    assert!(
        v["forward"][0]["to"]
            .as_str()
            .unwrap()
            .contains("130634112")
    );
    assert_eq!(v["forward"][0]["villages"].as_array().unwrap().len(), 14);
    let o = quhua(&["--demo", "registry", "as-of", "2023-06-30", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["units"].as_array().unwrap().len(), 18);
    let e = stderr(&quhua(&["--demo", "registry", "as-of", "2023-13-01"]));
    assert!(e.contains("YYYY-MM-DD"), "{e}");
}

#[test]
fn codes_diff_finds_the_four_real_conversions_and_nothing_on_identical_lists() {
    let o = quhua(&[
        "codes",
        "diff",
        &data("sample-county-130634/snapshots/A-about-2020.csv"),
        &data("sample-county-130634/snapshots/C-mca-2025.csv"),
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    let got: Vec<(String, String, String)> = v
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap().into(),
                e["old_code"].as_str().unwrap().into(),
                e["new_code"].as_str().unwrap().into(),
            )
        })
        .collect();
    let want = [
        ("130634201", "130634110"),
        ("130634205", "130634111"),
        ("130634210", "130634112"),
        ("130634211", "130634113"),
    ];
    assert_eq!(got.len(), 4);
    for ((kind, old, new), (o, n)) in got.iter().zip(want) {
        assert_eq!(
            (kind.as_str(), old.as_str(), new.as_str()),
            ("撤乡设镇", o, n)
        );
    }
    let national = data("nbs-2023/streets.csv");
    let o = quhua(&["codes", "diff", &national, &national, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: Vec<serde_json::Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.is_empty());
}

#[test]
fn codes_diff_names_the_bad_row() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "code,name\n130634100,恒州镇\n13063410,短码镇\n").unwrap();
    let o = quhua(&[
        "codes",
        "diff",
        bad.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    let e = stderr(&o);
    assert!(
        e.contains("bad.csv") && e.contains('3') && e.contains("13063410"),
        "{e}"
    );
}

#[test]
fn plan_suggest_on_the_demo_county_gives_three_clean_schemes() {
    let o = quhua(&["plan", "suggest", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let schemes = v["schemes"].as_array().unwrap();
    assert!(schemes.len() >= 3, "{v}");
    for s in schemes {
        assert!(s["violations"].as_array().unwrap().is_empty(), "{s}");
        assert_eq!(s["assignment"].as_array().unwrap().len(), 18);
        let ev = &s["evaluation"];
        assert_eq!(ev["indicators"]["after"]["count"], s["p"]);
        assert!(
            ev["findings"]
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["severity"] != "error"),
            "{ev}"
        );
        assert!(s["objectives"]["wss"].is_number());
    }
}

#[test]
fn plan_suggest_with_village_transfers_meets_a_tight_area_cap() {
    // 120 km²: whole-township merges leave regions over the cap; transfers (村划归) repair
    let o = quhua(&[
        "plan",
        "suggest",
        "--villages",
        "--max-area",
        "120",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let schemes = v["schemes"].as_array().unwrap();
    assert!(!schemes.is_empty());
    let mut clean = 0;
    for s in schemes {
        let township = s["violations"].as_array().unwrap().len();
        let villages = &s["villages"];
        let after = villages["violations"].as_array().unwrap().len();
        assert!(after <= township, "{s}");
        clean += (after == 0) as usize;
        let moved = villages["moved_units"].as_u64().unwrap() as usize;
        let ops = s["scenario"]["ops"].as_array().unwrap();
        let transferred: usize = ops
            .iter()
            .filter(|op| op["op"] == "transfer")
            .map(|op| op["villages"].as_array().unwrap().len())
            .sum();
        assert_eq!(transferred, moved, "{ops:?}");
        // the scenario engine accepts it and conserves population and villages
        let ind = &s["evaluation"]["indicators"];
        assert_eq!(
            ind["before"]["population"]["total"],
            ind["after"]["population"]["total"]
        );
        // every village in exactly one unit (the demo has no locked township, so the
        // village stage covers them all)
        let units = s["evaluation"]["units"].as_array().unwrap();
        let mut codes: Vec<&str> = units
            .iter()
            .flat_map(|u| u["village_codes"].as_array().unwrap().iter())
            .map(|c| c.as_str().unwrap())
            .collect();
        let n = codes.len();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), n);
        assert_eq!(n, villages["assignment"].as_array().unwrap().len());
        if after == 0 {
            for u in units {
                assert!(u["area_km2"].as_f64().unwrap() <= 120.0 + 1e-6, "{u}");
            }
        }
    }
    assert!(clean >= 1, "no scheme met the cap after transfers");
}

#[test]
fn plan_suggest_village_transfers_shorten_service_distance_when_weighted() {
    let run = |disruption: &str| -> serde_json::Value {
        let o = quhua(&[
            "plan",
            "suggest",
            "--villages",
            "--w-service",
            "1",
            "--w-disruption",
            disruption,
            "--json",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let (cheap, dear) = (run("1"), run("1000"));
    let first = |v: &serde_json::Value, k: &str| v["schemes"][0]["villages"][k].clone();
    // the township stage is the same; transfers happen only when they are cheap
    assert_eq!(
        cheap["schemes"][0]["assignment"],
        dear["schemes"][0]["assignment"]
    );
    assert_eq!(first(&dear, "moved_units"), 0);
    let moved = first(&cheap, "moved_units").as_u64().unwrap();
    assert!(moved > 0);
    let d = |v: &serde_json::Value| first(v, "objectives")["service_distance"].as_f64().unwrap();
    assert!(d(&cheap) < d(&dear), "{} !< {}", d(&cheap), d(&dear));
    assert!(first(&cheap, "violations").as_array().unwrap().is_empty());
}

#[test]
fn plan_suggest_refuses_villages_without_county_data() {
    let layer = data("bench/ia-counties/IA_counties.shp");
    let o = quhua(&[
        "plan",
        "suggest",
        "--villages",
        "--layer",
        &layer,
        "--pop-field",
        "TOTPOP",
    ]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("村级调整用于县域数据"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn plan_suggest_explains_infeasible_input() {
    let e = stdout(&quhua(&["plan", "suggest", "--max-area", "50"]));
    assert!(
        e.contains("不可行") && e.contains("恒州镇") && e.contains("超过上限"),
        "{e}"
    );
    let e = stdout(&quhua(&["plan", "suggest", "--min-pop", "1000000"]));
    assert!(e.contains("不可行") && e.contains("低于下限"), "{e}");
    let e = stdout(&quhua(&[
        "plan",
        "suggest",
        "--min-pop",
        "150000",
        "--seed-unit",
        "嘉禾镇",
        "--seed-unit",
        "产德镇",
        "--seed-unit",
        "燕赵镇",
    ]));
    assert!(e.contains("中心镇") && e.contains("多于"), "{e}");
}

#[test]
fn plan_suggest_on_a_units_table_with_edges() {
    let dir = tempfile::tempdir().unwrap();
    let units = dir.path().join("u.csv");
    let edges = dir.path().join("e.csv");
    // A 3×3 grid of units with 100 people each.
    let mut u = String::from("id,pop,area\n");
    let mut e = String::from("a,b\n");
    for r in 0..3 {
        for c in 0..3 {
            u.push_str(&format!("u{r}{c},100,10\n"));
            if c < 2 {
                e.push_str(&format!("u{r}{c},u{r}{}\n", c + 1));
            }
            if r < 2 {
                e.push_str(&format!("u{r}{c},u{}{c}\n", r + 1));
            }
        }
    }
    std::fs::write(&units, u).unwrap();
    std::fs::write(&edges, e).unwrap();
    let o = quhua(&[
        "plan",
        "suggest",
        "--units",
        units.to_str().unwrap(),
        "--edges",
        edges.to_str().unwrap(),
        "--area-field",
        "area",
        "--min-pop",
        "300",
        "--max-area",
        "30",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let s = &v["schemes"][0];
    assert_eq!(s["p"], 3);
    assert!(s["violations"].as_array().unwrap().is_empty());
}

#[test]
fn geo_check_reports_adjacency_and_links_codes() {
    let o = quhua(&[
        "geo",
        "check",
        &data("bench/ia-counties/IA_counties.shp"),
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["features"], 99);
    assert_eq!(v["rook_pairs"], 222);
    assert_eq!(v["queen_pairs"], 294);
    assert!(v["islands"].as_array().unwrap().is_empty());
    // A schematic boundary file of the demo county, linked to the registry's village codes.
    let dir = tempfile::tempdir().unwrap();
    let gj = dir.path().join("towns.geojson");
    assert!(
        quhua(&["demo", "--geojson", gj.to_str().unwrap()])
            .status
            .success()
    );
    let o = quhua(&[
        "--demo",
        "geo",
        "check",
        gj.to_str().unwrap(),
        "--code-field",
        "code",
        "--county",
        "130634",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // Ten of the twelve result units keep a code; two are new (no code yet): reported.
    assert_eq!(v["link"]["matched"], 10);
    assert_eq!(
        v["link"]["features_without_code"].as_array().unwrap().len(),
        2
    );
    assert!(
        !v["link"]["units_without_geometry"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // A broken shapefile: a clear error naming the file.
    let bad = dir.path().join("bad.shp");
    let bytes = std::fs::read(data("bench/ia-counties/IA_counties.shp")).unwrap();
    std::fs::write(&bad, &bytes[..bytes.len() / 3]).unwrap();
    std::fs::copy(
        data("bench/ia-counties/IA_counties.dbf"),
        dir.path().join("bad.dbf"),
    )
    .unwrap();
    let o = quhua(&["geo", "check", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("bad.shp"), "{}", stderr(&o));
}

#[test]
fn survey_table_import_then_update_is_recorded_and_bad_rows_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("s.db").display());
    let o = quhua(&[
        "--db",
        &db,
        "import",
        "table",
        &data("sample-county-130634/units.csv"),
        "--date",
        "2023-06-30",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "代码,户籍人口\n130634100,42000\n130634999,5\n").unwrap();
    let e = stderr(&quhua(&[
        "--db",
        &db,
        "import",
        "table",
        bad.to_str().unwrap(),
        "--date",
        "2024-06-30",
    ]));
    assert!(
        e.contains("bad.csv") && e.contains("第 3 行") && e.contains("130634999"),
        "{e}"
    );
    let good = dir.path().join("good.csv");
    std::fs::write(&good, "代码,户籍人口\n130634100,42000\n").unwrap();
    assert!(
        quhua(&[
            "--db",
            &db,
            "import",
            "table",
            good.to_str().unwrap(),
            "--date",
            "2024-06-30"
        ])
        .status
        .success()
    );
    let changes = stdout(&quhua(&[
        "--db",
        &db,
        "registry",
        "changes",
        "2023-06-30",
        "2024-12-31",
    ]));
    assert!(
        changes.contains("变更：1 项")
            && changes.contains("1 个单位的数据")
            && changes.contains("good.csv"),
        "{changes}"
    );
    let elsewhere = stdout(&quhua(&[
        "--db",
        &db,
        "registry",
        "changes",
        "2023-06-30",
        "2024-12-31",
        "--county",
        "130633",
    ]));
    assert!(elsewhere.contains("变更：0 项"), "{elsewhere}");
    let audit = stdout(&quhua(&["--db", &db, "audit", "log", "--json"]));
    let rows: Vec<serde_json::Value> = serde_json::from_str(&audit).unwrap();
    assert_eq!(rows.len(), 2, "the refused file left no trace");
    // the update's new source is not counted into the import's digest
    let verified = quhua(&["--db", &db, "audit", "verify"]);
    assert!(verified.status.success(), "{}", stderr(&verified));
}

/// The package directory, read at run time (cargo sets it for tests, benches and examples):
/// the compile-time value is stale when a build directory is shared between checkouts.
/// `quhua backup` and `quhua restore` on SQLite: the copy verifies, restores into an empty
/// database with the same registry and audit head, and refuses to overwrite without asking.
#[test]
fn backup_then_restore_gives_the_same_verified_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("q.db").display());
    let copy = format!("sqlite:{}", dir.path().join("restored.db").display());
    let file = dir.path().join("q.backup").to_string_lossy().into_owned();
    let run = |args: &[&str]| quhua(args);
    let ok = |args: &[&str]| {
        let o = run(args);
        assert!(o.status.success(), "quhua {args:?}: {}", stderr(&o));
        stdout(&o)
    };
    ok(&["--db", &db, "import", "demo"]);
    let made = ok(&["--db", &db, "backup", &file]);
    assert!(
        made.contains("已备份到") && made.contains("已校验"),
        "{made}"
    );
    let again = run(&["--db", &db, "backup", &file]);
    assert!(
        !again.status.success() && stderr(&again).contains("已存在"),
        "{}",
        stderr(&again)
    );
    let restored = ok(&["--db", &copy, "restore", &file]);
    assert!(
        restored.contains("已从") && restored.contains("已校验"),
        "{restored}"
    );
    let head = |url: &str| {
        let v = ok(&["--db", url, "--lang", "en", "audit", "verify"]);
        v.split("head ")
            .nth(1)
            .map(|h| h.chars().take(64).collect::<String>())
            .unwrap()
    };
    assert_eq!(head(&db), head(&copy));
    let as_of = |url: &str| ok(&["--db", url, "registry", "as-of", "2026-01-01", "--json"]);
    assert_eq!(as_of(&db), as_of(&copy));
    let refused = run(&["--db", &db, "restore", &file]);
    assert!(
        !refused.status.success() && stderr(&refused).contains("--replace"),
        "{}",
        stderr(&refused)
    );
    ok(&["--db", &db, "restore", &file, "--replace"]);
}

/// An implausible figure is refused with the override to state; stated, it is accepted and
/// named in the import's source; an unknown override key is refused.
#[test]
fn survey_table_overrides_must_be_stated() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("q.db").display());
    let file = dir.path().join("big.csv");
    std::fs::write(&file, "代码,户籍人口\r\n130634100,3000000\r\n").unwrap();
    let file = file.to_string_lossy().into_owned();
    let o = quhua(&["--db", &db, "import", "demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let args = |extra: &[&str]| {
        let mut a = vec![
            "--db",
            db.as_str(),
            "import",
            "table",
            file.as_str(),
            "--date",
            "2026-03-31",
        ];
        a.extend_from_slice(extra);
        quhua(&a)
    };
    let refused = args(&[]);
    assert!(!refused.status.success());
    let e = stderr(&refused);
    assert!(
        e.contains("big.csv") && e.contains("第 2 行") && e.contains("--allow pop_hukou=3000000"),
        "{e}"
    );
    let too_low = args(&["--allow", "pop_hukou=2500000"]);
    assert!(
        !too_low.status.success(),
        "an override below the value does not admit it"
    );
    let unknown = args(&["--allow", "bogus=1"]);
    assert!(
        !unknown.status.success() && stderr(&unknown).contains("bogus"),
        "{}",
        stderr(&unknown)
    );
    let ok = args(&["--allow", "pop_hukou=3000000"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(stdout(&ok).contains("已更新 1 个单位"), "{}", stdout(&ok));
    let log = stdout(&quhua(&["--db", &db, "audit", "log", "--json"]));
    assert!(
        log.contains("pop_hukou≤3000000"),
        "the override is recorded: {log}"
    );
}

/// The demo's village polygons as a surveyed (not schematic) boundary file, codes in `XZQDM`.
fn village_boundary_file(path: &std::path::Path) {
    let demo = quhua_demo::Demo::load().unwrap();
    let snap = demo
        .registry
        .as_of(quhua_app::county::latest_date(&demo.registry));
    let features: Vec<serde_json::Value> = demo
        .geometry
        .ids
        .iter()
        .zip(&demo.geometry.polygons)
        .map(|(id, poly)| {
            let coords: serde_json::Value =
                serde_json::from_str(&quhua_app::boundaries::geometry_json(poly)).unwrap();
            serde_json::json!({"type": "Feature",
                "properties": {"XZQDM": snap.get(*id).unwrap().code.full()},
                "geometry": {"type": "MultiPolygon", "coordinates": coords}})
        })
        .collect();
    let fc = serde_json::json!({"type": "FeatureCollection", "features": features});
    std::fs::write(path, serde_json::to_vec(&fc).unwrap()).unwrap();
}

/// A GeoJSON file's features, each checked to be a MultiPolygon; and whether any is 示意.
fn geojson_features(path: &std::path::Path) -> (usize, bool) {
    let g: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let feats = g["features"].as_array().unwrap();
    assert!(
        feats
            .iter()
            .all(|f| f["geometry"]["type"] == "MultiPolygon")
    );
    (
        feats.len(),
        feats.iter().any(|f| f["properties"]["示意"] != false),
    )
}

#[test]
fn geojson_of_plan_suggest_and_scenario_eval_comes_from_the_imported_boundaries() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("g.db").display());
    let run = |args: &[&str]| {
        let mut all = vec!["--db", db.as_str()];
        all.extend_from_slice(args);
        quhua(&all)
    };
    let o = run(&["import", "demo"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let file = dir.path().join("曲阳县村界.geojson");
    village_boundary_file(&file);
    let o = run(&["import", "boundaries", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The first scheme's townships, from the stored (surveyed) village boundaries.
    let gj = dir.path().join("suggest.geojson");
    let o = run(&[
        "plan",
        "suggest",
        "--json",
        "--geojson",
        gj.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let (n, schematic) = geojson_features(&gj);
    assert_eq!(Some(n as u64), v["schemes"][0]["p"].as_u64());
    assert!(!schematic, "the imported boundaries are not schematic");
    // A scheme file's townships likewise.
    let gj = dir.path().join("scenario.geojson");
    let o = run(&[
        "scenario",
        "eval",
        &data("demo/sample-scenario.toml"),
        "--geojson",
        gj.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(geojson_features(&gj), (12, false));
}

#[test]
fn geojson_of_a_county_without_boundaries_says_to_import_them() {
    // The demo registry stored without its boundaries.
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("r.db").display());
    let demo = quhua_demo::Demo::load().unwrap();
    quhua_store::Store::open(&db)
        .unwrap()
        .save_registry_import(
            &demo.registry,
            &quhua_store::ImportMeta::from_bytes("tester", "quhua-demo", b"demo"),
        )
        .unwrap();
    let gj = dir.path().join("out.geojson");
    let gjs = gj.to_str().unwrap();
    let sample = data("demo/sample-scenario.toml");
    for args in [
        vec!["plan", "suggest", "--geojson", gjs],
        vec!["scenario", "eval", &sample, "--geojson", gjs],
    ] {
        let mut all = vec!["--db", db.as_str()];
        all.extend_from_slice(&args);
        let o = quhua(&all);
        assert!(!o.status.success(), "{args:?}");
        let e = stderr(&o);
        assert!(
            e.contains("130634")
                && e.contains("没有边界数据")
                && e.contains("quhua import boundaries"),
            "{e}"
        );
        assert!(!gj.exists());
    }
    // Without --geojson the scheme is still evaluated.
    let o = quhua(&["--db", &db, "scenario", "eval", &sample]);
    assert!(o.status.success(), "{}", stderr(&o));
}

fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}
