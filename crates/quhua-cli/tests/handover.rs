//! `quhua handover …` on a database prepared like `quhua serve --demo`: the status as JSON with
//! the members the issue names, a bad file refused with its row and column (nothing stored),
//! a synthetic ledger generated, previewed and imported, the rest transferred, a section
//! closed only when complete, and the documents written.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn quhua(db: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quhua"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run quhua")
}

fn ok(db: &str, args: &[&str]) -> String {
    let o = quhua(db, args);
    assert!(
        o.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn status(db: &str) -> Value {
    serde_json::from_str(&ok(db, &["handover", "status", "2", "--json"])).unwrap()
}

#[test]
fn handover_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("h.db").display());
    quhua_server::demo::prepare(
        &db,
        &quhua_server::auth::password::HashParams::insecure_fast(),
    )
    .unwrap();

    let s = status(&db);
    for ledger in ["assets", "debts"] {
        for key in [
            "items",
            "book_value",
            "transferred",
            "disposed",
            "written_off",
            "unassigned",
            "conserved",
        ] {
            assert!(!s[ledger][key].is_null(), "{ledger}.{key}");
        }
    }
    for member in ["cadres", "quotas", "services"] {
        assert!(s[member].is_object(), "{member}");
    }
    assert_eq!(s["assets"]["items"], 3000);

    // A bad row: refused with file, row and column; nothing stored.
    let bad = dir.path().join("坏表.csv");
    std::fs::write(
        &bad,
        "资产编号,资产名称,资产类别,所属单位代码,数量,原值,净值\nA,楼,房屋,130634105,1,1,x\n",
    )
    .unwrap();
    let o = quhua(
        &db,
        &["handover", "import", "assets", "2", bad.to_str().unwrap()],
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("坏表.csv") && err.contains("第 2 行") && err.contains("净值"),
        "{err}"
    );
    assert_eq!(status(&db), s);

    // A synthetic ledger: generated, previewed (nothing stored), imported.
    let csv = dir.path().join("ledger.csv");
    let path = csv.to_str().unwrap();
    ok(
        &db,
        &[
            "handover",
            "generate-ledger",
            "2",
            "--items",
            "2000",
            "--seed",
            "3",
            "--out",
            path,
        ],
    );
    let preview: Value = serde_json::from_str(&ok(
        &db,
        &[
            "handover",
            "import",
            "assets",
            "2",
            path,
            "--preview",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(preview["rows"], 2000);
    assert_eq!(preview["stored"], false);
    assert_eq!(status(&db), s);
    ok(&db, &["handover", "import", "assets", "2", path]);
    let s = status(&db);
    assert_eq!(s["assets"]["items"], 2000);
    assert_eq!(s["assets"]["unassigned"]["items"], 2000);

    // Transfer the rest of one township's state assets; its section still has open lines.
    let sec = s["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["kind"] == "state_assets" && x["closed"] == false)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    ok(&db, &["handover", "transfer-rest", "2", &sec]);
    let after = status(&db);
    assert!(after["assets"]["transferred"]["items"].as_u64().unwrap() > 0);
    let total = |v: &Value| {
        ["transferred", "disposed", "written_off", "unassigned"]
            .iter()
            .map(|k| v["assets"][k]["value"].as_i64().unwrap())
            .sum::<i64>()
    };
    assert_eq!(
        total(&after),
        after["assets"]["book_value"].as_i64().unwrap()
    );
    let o = quhua(&db, &["handover", "close", "2", &sec]);
    assert!(!o.status.success(), "open checklist lines keep it open");

    // Documents.
    let out = dir.path().join("docs");
    ok(
        &db,
        &["handover", "documents", "2", "--out", out.to_str().unwrap()],
    );
    let files: Vec<_> = std::fs::read_dir(&out).unwrap().flatten().collect();
    let pairs = after["pairs"].as_u64().unwrap() as usize;
    assert_eq!(files.len(), 1 + 2 * pairs);
    assert!(
        files
            .iter()
            .all(|f| std::fs::metadata(f.path()).unwrap().len() > 0)
    );
    assert!(Path::new(&out).join("130634交接工作汇总表.xlsx").exists());
}
