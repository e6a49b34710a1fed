//! The statutory procedure end to end on the demo county, through the `quhua` binary and a
//! real SQLite database: gating with named prerequisites, consultation register, approval,
//! apply to the registry, generated documents, and a second scheme refused.

use std::path::{Path, PathBuf};
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

    fn err(&self, args: &[&str]) -> String {
        let o = self.run(args);
        assert!(!o.status.success(), "quhua {args:?} should have failed");
        String::from_utf8_lossy(&o.stderr).into_owned()
    }

    fn file(&self, name: &str, text: &str) -> String {
        let p = self.dir.path().join(name);
        // Uploads are checked by content: a PDF must look like one.
        let body = if name.ends_with(".pdf") {
            format!("%PDF-1.7\n{text}")
        } else {
            text.to_string()
        };
        std::fs::write(&p, body).unwrap();
        p.to_string_lossy().into_owned()
    }
}

fn data(rel: &str) -> String {
    let p: PathBuf = [&*manifest_dir(), "..", "..", "data", rel].iter().collect();
    p.to_string_lossy().into_owned()
}

/// Runs every step up to and including the approval for plan `id`.
fn through_approval(db: &Db, id: &str, doc_no: &str) {
    through_submission(db, id);
    after_submission(db, id, doc_no);
}

/// Runs every step up to and including the submission for plan `id`.
fn through_submission(db: &Db, id: &str) {
    let doc = |name: &str| db.file(name, &format!("{name} of plan {id}"));
    db.ok(&[
        "plan",
        "consult",
        "meeting",
        id,
        "--date",
        "2026-02-01",
        "--level",
        "村",
        "--place",
        "北台村",
        "--participants",
        "村民代表,老干部",
        "--count",
        "60",
    ]);
    // The departments the template asks record their opinions (部门意见).
    for dep in [
        "staffing",
        "development_reform",
        "finance",
        "natural_resources",
        "住房和城乡建设局",
    ] {
        db.ok(&[
            "plan",
            "opinion",
            id,
            "--department",
            dep,
            "--text",
            "原则同意",
            "--date",
            "2026-02-20",
        ]);
    }
    for (step, d) in [
        ("consultation", "征求意见情况.pdf"),
        ("department_opinions", "部门意见.pdf"),
        ("expert_review", "专家论证报告.pdf"),
        ("risk_assessment", "风险评估报告.pdf"),
    ] {
        db.ok(&[
            "plan",
            "step",
            id,
            step,
            "--date",
            "2026-03-01",
            "--doc",
            &doc(d),
        ]);
    }
    db.ok(&[
        "plan",
        "attach",
        id,
        "--material",
        "变更前的行政区划图",
        &doc("before.pdf"),
        "--date",
        "2026-03-02",
    ]);
    db.ok(&[
        "plan",
        "attach",
        id,
        "--material",
        "变更方案示意图",
        &doc("scheme.pdf"),
        "--date",
        "2026-03-02",
    ]);
    db.ok(&["plan", "step", id, "maps", "--date", "2026-03-02"]);
    db.ok(&[
        "plan",
        "step",
        id,
        "legality_review",
        "--date",
        "2026-03-10",
        "--doc",
        &doc("合法性审查.pdf"),
    ]);
    db.ok(&[
        "plan",
        "step",
        id,
        "collective_decision",
        "--date",
        "2026-03-20",
        "--doc",
        &doc("纪要.pdf"),
    ]);
    db.ok(&[
        "plan",
        "attach",
        id,
        "--material",
        "申请书",
        &doc("申请书.pdf"),
        "--date",
        "2026-03-25",
    ]);
    db.ok(&[
        "plan",
        "attach",
        id,
        "--material",
        "基本情况",
        &doc("基本情况.pdf"),
        "--date",
        "2026-03-25",
    ]);
    db.ok(&["plan", "step", id, "submit", "--date", "2026-03-26"]);
}

/// The city's review and the province's approval of a submitted plan.
fn after_submission(db: &Db, id: &str, doc_no: &str) {
    let doc = |name: &str| db.file(name, &format!("{name} of plan {id}"));
    db.ok(&["plan", "step", id, "city_review", "--date", "2026-05-10"]);
    db.ok(&[
        "plan",
        "approve",
        id,
        "--doc-no",
        doc_no,
        "--date",
        "2026-08-31",
        "--effective",
        "2026-09-06",
        "--doc",
        &doc("批复.pdf"),
    ]);
}

#[test]
fn a_scheme_passes_every_step_and_is_applied() {
    let db = Db::new();
    db.ok(&["import", "demo"]);
    let out = db.ok(&[
        "plan",
        "submit",
        &data("demo/sample-scenario.toml"),
        "--date",
        "2026-01-05",
    ]);
    assert!(out.contains("已提交报批方案 1"), "{out}");
    // Gating: each refusal names what is missing.
    let e = db.err(&["plan", "step", "1", "submit", "--date", "2026-01-06"]);
    assert!(
        e.contains("集体讨论决定") && e.contains("编制区划图"),
        "{e}"
    );
    let e = db.err(&["plan", "step", "1", "consultation", "--date", "2026-01-06"]);
    assert!(e.contains("座谈会或问卷"), "{e}");
    let e = db.err(&["plan", "apply", "1"]);
    assert!(e.contains("批复"), "{e}");
    // The consultation register and its totals.
    db.ok(&[
        "plan",
        "consult",
        "meeting",
        "1",
        "--date",
        "2026-01-20",
        "--level",
        "乡镇",
        "--place",
        "北台乡政府",
        "--participants",
        "人大代表,群众",
        "--count",
        "120",
    ]);
    db.ok(&[
        "plan",
        "consult",
        "questionnaire",
        "1",
        "--date",
        "2026-01-25",
        "--issued",
        "700",
        "--returned",
        "650",
        "--in-favour",
        "590",
    ]);
    db.ok(&[
        "plan",
        "consult",
        "suggestion",
        "1",
        "--date",
        "2026-01-26",
        "--from",
        "群众",
        "--text",
        "原北台乡政府驻地保留便民服务站",
        "--disposition",
        "吸纳",
    ]);
    let e = db.err(&[
        "plan",
        "consult",
        "suggestion",
        "1",
        "--date",
        "2026-01-26",
        "--from",
        "群众",
        "--text",
        "不撤并",
        "--disposition",
        "未吸纳",
    ]);
    assert!(e.contains("理由"), "{e}");
    let e = db.err(&[
        "plan",
        "step",
        "1",
        "legality_review",
        "--date",
        "2026-03-01",
    ]);
    assert!(e.contains("征求意见") && e.contains("风险评估"), "{e}");
    through_approval(&db, "1", "冀政字〔2026〕88号");
    let status = db.ok(&["plan", "status", "1", "--today", "2026-09-01", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&status).unwrap();
    assert_eq!(v["consultation"]["meetings"], 2);
    assert_eq!(v["consultation"]["participants"], 180);
    assert_eq!(v["consultation"]["adopted"], 1);
    assert_eq!(v["clocks"]["implementation_due"], "2027-08-31");
    let implementation = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "implementation")
        .unwrap();
    assert_eq!(implementation["ready"], true);
    // Apply: the events and codes the law requires.
    let out = db.ok(&["plan", "apply", "1"]);
    assert!(out.contains("7 项变更"), "{out}");
    let snap: serde_json::Value =
        serde_json::from_str(&db.ok(&["registry", "as-of", "2026-09-06", "--json"])).unwrap();
    let units = snap["units"].as_array().unwrap();
    assert_eq!(units.len(), 12);
    let find = |code: &str| {
        units
            .iter()
            .find(|u| u["code"] == code)
            .map(|u| u["name"].as_str().unwrap().to_string())
    };
    assert_eq!(find("130634114").as_deref(), Some("灵山镇"));
    assert_eq!(find("130634115").as_deref(), Some("路庄子镇"));
    assert_eq!(find("130634213"), None, "北台乡's code is retired");
    let lineage: serde_json::Value =
        serde_json::from_str(&db.ok(&["registry", "lineage", "130634213", "--json"])).unwrap();
    assert_eq!(lineage["forward"][0]["type"], "撤销并入");
    assert_eq!(lineage["forward"][0]["approval_no"], "冀政字〔2026〕88号");
    assert_eq!(
        lineage["forward"][0]["villages"].as_array().unwrap().len(),
        17
    );
    // Documents.
    let out_dir = db.dir.path().join("docs");
    db.ok(&[
        "plan",
        "documents",
        "1",
        "--out",
        out_dir.to_str().unwrap(),
        "--approver",
        "河北省人民政府",
    ]);
    let md = std::fs::read_to_string(out_dir.join("公告.md")).unwrap();
    assert!(
        md.contains("# 曲阳县人民政府关于乡镇行政区划调整的公告"),
        "{md}"
    );
    assert!(
        md.contains("一、撤销北台乡，将其所辖行政区域划归恒州镇管辖。"),
        "{md}"
    );
    assert!(md.contains("示意数据"), "{md}");
    let csv = std::fs::read_to_string(out_dir.join("区划代码变更对照表.csv")).unwrap();
    assert!(
        csv.contains("130634213,北台乡,撤销，并入恒州镇,130634100,恒州镇,冀政字〔2026〕88号"),
        "{csv}"
    );
    for f in ["公告.docx", "区划代码变更对照表.xlsx", "调整前后指标.xlsx"] {
        assert!(
            std::fs::metadata(out_dir.join(f)).unwrap().len() > 1000,
            "{f}"
        );
    }
    // The clocks after implementation.
    let v: serde_json::Value =
        serde_json::from_str(&db.ok(&["plan", "status", "1", "--today", "2026-09-20", "--json"]))
            .unwrap();
    assert_eq!(v["clocks"]["implementation"], "done");
    assert_eq!(v["clocks"]["codes_due"], "2026-10-06");
    assert_eq!(v["clocks"]["codes"], "near_due");
    // A second scheme drafted on the old list, touching a changed unit, is refused.
    let second = db.file("second.toml", "name = \"第二方案\"\ncounty = \"130634\"\nbase_date = \"2025-12-31\"\n[[ops]]\nop = \"merge\"\nunits = [\"羊平镇\"]\ninto = \"恒州镇\"\n");
    db.ok(&["plan", "submit", &second, "--date", "2026-01-06"]);
    through_approval(&db, "2", "冀政字〔2026〕99号");
    let e = db.err(&["plan", "apply", "2"]);
    assert!(
        e.contains("恒州镇") && e.contains("冀政字〔2026〕88号") && e.contains("重新编制"),
        "{e}"
    );
    let again: serde_json::Value =
        serde_json::from_str(&db.ok(&["registry", "as-of", "2026-09-06", "--json"])).unwrap();
    assert_eq!(again["units"].as_array().unwrap().len(), 12);
    assert!(db.ok(&["audit", "verify"]).contains("审计日志完整"));
    anchored_audit(&db);
}

/// The audit anchor through the binary: exported signed, verified with its key, refused with
/// another key or when altered; a plan row edited directly in the database is named.
fn anchored_audit(db: &Db) {
    let key = db.file("anchor.key", "county-archive-secret\n");
    let other = db.file("other.key", "someone-else\n");
    let anchor = db.dir.path().join("anchor.json");
    let anchor_s = anchor.to_string_lossy().into_owned();
    let printed = db.ok(&["audit", "anchor"]);
    assert!(
        printed.contains("记录序号 / row seq") && printed.contains("未签名"),
        "{printed}"
    );
    let out = db.ok(&["audit", "anchor", "--out", &anchor_s, "--key-file", &key]);
    assert!(out.contains("已导出锚点"), "{out}");
    let ok = db.ok(&["audit", "verify", "--anchor", &anchor_s, "--key-file", &key]);
    assert!(ok.contains("锚点") && ok.contains("相符"), "{ok}");
    let e = db.err(&[
        "audit",
        "verify",
        "--anchor",
        &anchor_s,
        "--key-file",
        &other,
    ]);
    assert!(e.contains("签名与密钥不符"), "{e}");
    let text = std::fs::read_to_string(&anchor).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let seq = v["seq"].as_i64().unwrap();
    let forged = text.replace(&format!("\"seq\": {seq}"), &format!("\"seq\": {}", seq - 1));
    assert_ne!(forged, text);
    let forged_path = db.file("forged.json", &forged);
    let e = db.err(&[
        "audit",
        "verify",
        "--anchor",
        &forged_path,
        "--key-file",
        &key,
    ]);
    assert!(e.contains("签名与密钥不符"), "{e}");
    let e = db.err(&[
        "audit",
        "verify",
        "--anchor",
        &db.file("bad.json", "{"),
        "--key-file",
        &key,
    ]);
    assert!(e.contains("bad.json") && e.contains("无法读取"), "{e}");

    // A direct edit of the applied plan, bypassing quhua.
    let conn = rusqlite::Connection::open(db.dir.path().join("q.db")).unwrap();
    conn.execute(
        "UPDATE records SET body = replace(body, '冀政字〔2026〕88号', '冀政字〔2026〕77号') WHERE kind = 'plan' AND id = 1",
        [],
    )
    .unwrap();
    drop(conn);
    let o = db.run(&["audit", "verify"]);
    assert!(!o.status.success());
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        stdout.contains("“plan:1”的库中内容") && stdout.contains("绕过系统被直接修改"),
        "{stdout}"
    );
    let e = db.err(&["audit", "anchor"]);
    assert!(e.contains("不导出锚点"), "{e}");
}

#[test]
fn stale_plan_versions_conflict_and_nothing_is_lost() {
    let db = Db::new();
    db.ok(&["import", "demo"]);
    db.ok(&[
        "plan",
        "submit",
        &data("demo/sample-scenario.toml"),
        "--date",
        "2026-01-05",
    ]);
    let saved = db.ok(&["scenario", "save", &data("demo/sample-scenario.toml")]);
    assert!(saved.contains("版本 1"), "{saved}");
    db.ok(&[
        "scenario",
        "update",
        "1",
        &data("demo/sample-scenario.toml"),
        "--version",
        "1",
    ]);
    let e = db.err(&[
        "scenario",
        "update",
        "1",
        &data("demo/sample-scenario.toml"),
        "--version",
        "1",
    ]);
    assert!(
        e.contains("已被他人修改") && e.contains("当前版本 2"),
        "{e}"
    );
    let _ = Path::new("");
}

/// The package directory, read at run time (cargo sets it for tests, benches and examples):
/// the compile-time value is stale when a build directory is shared between checkouts.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}

#[test]
fn the_city_returns_a_plan_and_the_county_resubmits_it() {
    let db = Db::new();
    db.ok(&["import", "demo"]);
    db.ok(&[
        "plan",
        "submit",
        &data("demo/sample-scenario.toml"),
        "--date",
        "2026-01-05",
    ]);
    through_submission(&db, "1");
    let e = db.err(&[
        "plan",
        "revise",
        "1",
        &data("demo/sample-scenario.toml"),
        "--date",
        "2026-04-01",
    ]);
    assert!(e.contains("退回修改"), "{e}");
    let e = db.err(&[
        "plan",
        "return",
        "1",
        "--comments",
        " ",
        "--date",
        "2026-04-01",
    ]);
    assert!(e.contains("修改意见"), "{e}");
    db.ok(&[
        "plan",
        "return",
        "1",
        "--comments",
        "请补充北台乡群众意见",
        "--date",
        "2026-04-01",
    ]);
    let status = db.ok(&["plan", "status", "1", "--today", "2026-04-02"]);
    assert!(status.contains("请补充北台乡群众意见"), "{status}");
    let e = db.err(&["plan", "step", "1", "city_review", "--date", "2026-04-02"]);
    assert!(e.contains("逐级上报"), "{e}");
    let revised = db.file(
        "revised.toml",
        &std::fs::read_to_string(data("demo/sample-scenario.toml"))
            .unwrap()
            .replacen("name = \"", "name = \"（修订）", 1),
    );
    db.ok(&[
        "plan",
        "revise",
        "1",
        &revised,
        "--note",
        "补充意见",
        "--date",
        "2026-04-05",
    ]);
    db.ok(&["plan", "step", "1", "submit", "--date", "2026-04-06"]);
    after_submission(&db, "1", "冀政字〔2026〕88号");
    let v: serde_json::Value =
        serde_json::from_str(&db.ok(&["plan", "status", "1", "--today", "2026-09-01", "--json"]))
            .unwrap();
    let returns = v["returns"].as_array().unwrap();
    assert_eq!(returns.len(), 1, "the history stays");
    assert_eq!(returns[0]["resolved"], "2026-04-06");
    assert_eq!(returns[0]["undone"][0]["step"], "submit");
    assert!(v["scheme"].as_str().unwrap().contains("（修订）"));
    let actions: Vec<&str> = v["activity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"returned") && actions.contains(&"resubmitted"),
        "{actions:?}"
    );
    let out = db.ok(&["plan", "apply", "1", "--date", "2026-09-06"]);
    assert!(out.contains("7 项变更"), "{out}");
    let e = db.err(&["plan", "apply", "1", "--date", "2026-09-07"]);
    assert!(e.contains("已实施"), "{e}");
}

#[test]
fn apply_waits_for_the_effective_date() {
    let db = Db::new();
    db.ok(&["import", "demo"]);
    db.ok(&[
        "plan",
        "submit",
        &data("demo/sample-scenario.toml"),
        "--date",
        "2026-01-05",
    ]);
    through_approval(&db, "1", "冀政字〔2026〕88号");
    let e = db.err(&["plan", "apply", "1", "--date", "2026-09-05"]);
    assert!(e.contains("生效日期为 2026-09-06"), "{e}");
}
