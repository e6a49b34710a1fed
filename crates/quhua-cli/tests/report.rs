//! `quhua report` on the demo county's applied plan: the 情况汇报 states the real before/after
//! figures (computed here independently from `quhua registry as-of`), and the scheme DOCX and
//! PDF are produced; each DOCX is converted with LibreOffice and its text checked.
//! Needs LibreOffice (`libreoffice-writer-nogui`) and a CJK font (`fonts-noto-cjk`).

use std::path::Path;
use std::process::{Command, Output};

struct Db {
    dir: tempfile::TempDir,
}

impl Db {
    fn new() -> Db {
        Db {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn url(&self) -> String {
        format!("sqlite:{}", self.dir.path().join("q.db").display())
    }

    fn run(&self, args: &[&str]) -> Output {
        let url = self.url();
        let mut all = vec!["--db", url.as_str(), "--actor", "县民政局"];
        all.extend_from_slice(args);
        Command::new(env!("CARGO_BIN_EXE_quhua"))
            .args(&all)
            .output()
            .expect("run quhua")
    }

    fn ok(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(
            o.status.success(),
            "quhua {args:?} failed: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8_lossy(&o.stdout).into_owned()
    }
}

/// Number, mean population and mean area of the county's townships on `date`, read from the
/// stored registry directly (not through the report's code).
fn means(db: &Db, date: &str) -> (usize, f64, f64) {
    use quhua_core::attr::keys;
    let store = quhua_store::Store::open(&db.url()).unwrap();
    let reg = store.load_registry().unwrap().unwrap();
    let day = quhua_core::date::parse_date(date).unwrap();
    let county = quhua_core::DivisionCode::parse("130634").unwrap();
    let snap = reg.as_of(day);
    let towns: Vec<_> = snap
        .at_level(quhua_core::Level::Township)
        .filter(|t| t.code.is_within(county))
        .collect();
    let sum = |k: &str| -> f64 {
        towns
            .iter()
            .map(|t| t.attrs.get(k).map_or(0.0, |v| v.value.to_f64()))
            .sum()
    };
    let n = towns.len();
    (
        n,
        sum(keys::POP_HUKOU) / n as f64,
        sum(keys::AREA_KM2) / n as f64,
    )
}

fn docx_text(path: &Path) -> String {
    let dir = path.parent().unwrap().join("txt");
    let o = Command::new("soffice")
        .args(["--headless", "--convert-to", "txt:Text", "--outdir"])
        .arg(&dir)
        .arg(path)
        .env("HOME", path.parent().unwrap())
        .output()
        .expect("LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let txt = dir.join(path.with_extension("txt").file_name().unwrap());
    std::fs::read_to_string(txt).unwrap()
}

#[test]
fn summary_states_the_real_figures_and_scheme_reads() {
    // The demo database as `quhua serve --demo` prepares it: plan 2 is approved (批复
    // effective 2026-02-01) and is applied here through the CLI.
    let db = Db::new();
    quhua_server::demo::prepare(
        &db.url(),
        &quhua_server::auth::password::HashParams::insecure_fast(),
    )
    .unwrap();
    db.ok(&["plan", "apply", "2"]);
    let (n0, p0, a0) = means(&db, "2026-01-31");
    let (n1, p1, a1) = means(&db, "2026-02-01");
    assert!(n1 < n0);
    let out = db.dir.path().join("out");
    let outs = out.to_string_lossy().into_owned();
    let path = db.ok(&["report", "summary", "2", "--out", &outs]);
    let text = docx_text(Path::new(path.trim()));
    let expected = format!("由{n0}个乡镇（街道）调减为{n1}个，减少{}个", n0 - n1);
    assert!(text.contains(&expected), "{expected} not in:\n{text}");
    let expected = format!(
        "乡镇平均人口由{:.2}万人增加到{:.2}万人，乡镇平均面积由{:.2}平方公里增加到{:.2}平方公里",
        p0 / 10_000.0,
        p1 / 10_000.0,
        a0,
        a1
    );
    assert!(text.contains(&expected), "{expected} not in:\n{text}");
    assert!(text.contains("示意数据"), "synthetic label missing");
    // The scheme, DOCX and PDF, with its two maps; the MCA table.
    let docx = db.ok(&["report", "scheme", "2", "--out", &outs]);
    let text = docx_text(Path::new(docx.trim()));
    for s in [
        "一、基本情况",
        "二、调整理由",
        "三、调整方案",
        "调整方案乡镇对照表",
        "四、实施步骤",
        "图1",
        "图2",
        "征求意见情况",
        // The risk assessment and the expert review, from their step records.
        "完成社会稳定风险评估",
        "完成专家论证",
    ] {
        assert!(text.contains(s), "{s} not in scheme:\n{text}");
    }
    let pdf = db.ok(&["report", "scheme", "2", "--out", &outs, "--format", "pdf"]);
    let bytes = std::fs::read(pdf.trim()).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let xlsx = db.ok(&["report", "scheme", "2", "--out", &outs, "--format", "xlsx"]);
    assert!(std::fs::read(xlsx.trim()).unwrap().starts_with(b"PK"));
    let eval = db.ok(&["report", "evaluation", "2", "--out", &outs]);
    let text = docx_text(Path::new(eval.trim()));
    assert!(
        text.contains("主要结论") && text.contains("调整前后主要指标对比"),
        "{text}"
    );
    // Its charts (counts, population, area, then one per stored series) and the series table.
    for s in [
        "调整前后对比图",
        "乡镇平均人口（对照全国平均）",
        "地区生产总值（总量，调整后口径）",
        "统计数据年度序列（全县，调整后口径）",
    ] {
        assert!(text.contains(s), "{s} not in the evaluation:\n{text}");
    }
    // The crosswalk of the plan's dates as JSON: weights from each old township sum to 1.
    let j: serde_json::Value = serde_json::from_str(&db.ok(&[
        "stats",
        "crosswalk",
        "2026-01-31",
        "2026-02-01",
        "--county",
        "130634",
        "--weight",
        "population",
        "--json",
    ]))
    .unwrap();
    let mut sums = std::collections::BTreeMap::new();
    for r in j.as_array().unwrap() {
        *sums
            .entry(r["from_code"].as_str().unwrap().to_string())
            .or_insert(0.0) += r["weight"].as_f64().unwrap();
    }
    assert_eq!(sums.len(), n0);
    assert!(sums.values().all(|s: &f64| (s - 1.0).abs() < 1e-9));

    // The same crosswalk written as a workbook.
    let x = db.dir.path().join("cw.xlsx");
    let xs = x.to_string_lossy().into_owned();
    db.ok(&[
        "stats",
        "crosswalk",
        "2026-01-31",
        "2026-02-01",
        "--county",
        "130634",
        "--out",
        &xs,
    ]);
    assert!(std::fs::read(&x).unwrap().starts_with(b"PK"));

    // The plan's evaluation: applied, the same figures, the demo's statistics on the new
    // boundaries with the stored county totals.
    let e: serde_json::Value =
        serde_json::from_str(&db.ok(&["stats", "evaluate", "--plan", "2", "--json"])).unwrap();
    assert_eq!(e["applied"], serde_json::json!(true));
    assert_eq!(e["before"]["indicators"]["count"].as_u64(), Some(n0 as u64));
    assert_eq!(e["after"]["indicators"]["count"].as_u64(), Some(n1 as u64));
    let store = quhua_store::Store::open(&db.url()).unwrap();
    let stored: f64 = store
        .observations(Some("一般公共预算收入"))
        .unwrap()
        .iter()
        .filter(|o| o.period == 2021)
        .map(|o| o.value.to_f64())
        .sum();
    let series = e["series"].as_array().unwrap();
    let rev = series
        .iter()
        .find(|s| s["indicator"] == "一般公共预算收入")
        .unwrap();
    let p = rev["points"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["period"] == 2021)
        .unwrap();
    assert!((p["value"].as_f64().unwrap() - stored).abs() < 1e-6);
    assert_eq!(p["units"].as_u64(), Some(n1 as u64));

    // A yearly table: checked without storing, then stored, then recast onto the new
    // townships (two old townships merged: their figures summed).
    let merged: Vec<String> = e["before"]["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["code"].as_str().unwrap().to_string())
        .filter(|c| {
            !e["after"]["units"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a["code"] == *c.as_str())
        })
        .collect();
    assert!(!merged.is_empty());
    let table = db.dir.path().join("年表.csv");
    std::fs::write(
        &table,
        format!(
            "代码,指标,年份,数值,单位\n{},测试产值,2025,3,万元\n",
            merged[0]
        ),
    )
    .unwrap();
    let ts = table.to_string_lossy().into_owned();
    let before = store.observations(None).unwrap().len();
    let out = db.ok(&["stats", "import", &ts, "--check"]);
    assert!(out.contains("未入库"), "{out}");
    assert_eq!(store.observations(None).unwrap().len(), before);
    db.ok(&["stats", "import", &ts]);
    assert_eq!(store.observations(None).unwrap().len(), before + 1);
    let r = db.dir.path().join("r.csv");
    let rs = r.to_string_lossy().into_owned();
    db.ok(&["stats", "recast", &ts, "--to", "2026-02-01", "--out", &rs]);
    let text = std::fs::read_to_string(&r).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(
        text.contains("测试产值") && text.contains(&merged[0]),
        "{text}"
    );
    // The abolished township's figure now stands under its successor.
    let line = text.lines().find(|l| l.contains("测试产值")).unwrap();
    assert!(!line.starts_with(&merged[0]), "{line}");
}
