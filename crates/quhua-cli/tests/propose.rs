//! `quhua plan suggest` on a county is the use case `quhua_app::propose::propose` (the one
//! behind `POST /api/counties/{code}/propose`): the binary's schemes are the function's, on a
//! database and on the embedded demo county alike.

use quhua_app::access::Actor;
use quhua_app::propose::{ProposeRequest, propose};
use serde_json::Value;
use std::process::Command;

fn suggest(args: &[&str]) -> Value {
    let o = Command::new(env!("CARGO_BIN_EXE_quhua"))
        .args(args)
        .output()
        .expect("run quhua");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn ops(v: &Value) -> Vec<Value> {
    v["schemes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["scenario"]["ops"].clone())
        .collect()
}

#[test]
fn plan_suggest_gives_the_schemes_of_the_shared_use_case() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("q.db").display());
    let app = quhua_app::App::open(&url).unwrap();
    quhua_app::imports::demo(&app, &Actor::operator("test")).unwrap();

    let wishes = [
        "--schemes",
        "3",
        "--seed",
        "7",
        "--lock",
        "灵山镇",
        "--seed-unit",
        "北台乡",
        "--json",
    ];
    let mut on_db = vec![
        "--db",
        url.as_str(),
        "plan",
        "suggest",
        "--county",
        "130634",
    ];
    on_db.extend(wishes);
    let cli = suggest(&on_db);
    let mut embedded = vec!["plan", "suggest"];
    embedded.extend(wishes);
    let demo = suggest(&embedded);

    let req = ProposeRequest {
        schemes: Some(3),
        seed: Some(7),
        lock: vec!["灵山镇".into()],
        seed_units: vec!["北台乡".into()],
        ..Default::default()
    };
    let direct = propose(&app, &Actor::operator("test"), "130634", &req).unwrap();
    let direct: Vec<Value> = direct
        .schemes
        .iter()
        .map(|s| serde_json::to_value(&s.ops).unwrap())
        .collect();
    assert!(!direct.is_empty());
    assert_eq!(ops(&cli), direct);
    assert_eq!(ops(&demo), direct);
    // no policy named: the county's own province's, carried by the answer and each scenario
    assert_eq!(cli["policy"], "hebei");
    assert_eq!(cli["schemes"][0]["scenario"]["policy"], "hebei");
}

/// `--together`, `--apart`, `--min-pop` and the weights go through the same request: the
/// answer echoes them, and every scheme keeps the groups.
#[test]
fn plan_suggest_honours_groups_and_echoes_the_wishes() {
    let v = suggest(&[
        "plan",
        "suggest",
        "--schemes",
        "2",
        "--together",
        "党城镇,范家庄乡",
        "--apart",
        "晓林镇、邸村镇",
        "--min-pop",
        "22000",
        "--w-service",
        "1",
        "--exact-time-limit",
        "0",
        "--json",
    ]);
    let w = &v["wishes"];
    assert_eq!(w["min_pop"], 22000.0);
    assert_eq!(w["weights"]["service"], 1.0);
    assert_eq!(w["together"][0][0]["name"], "党城镇");
    assert_eq!(w["apart"][0][1]["name"], "邸村镇");
    assert_eq!(v["service_points"]["basis"], "seats");
    let schemes = v["schemes"].as_array().unwrap();
    assert!(!schemes.is_empty());
    for s in schemes {
        assert_eq!(
            s["violations"],
            serde_json::json!([]),
            "{}",
            s["violations"]
        );
    }
    // a township in a group that does not exist is refused, naming it
    let o = Command::new(env!("CARGO_BIN_EXE_quhua"))
        .args(["plan", "suggest", "--together", "党城镇,无此镇"])
        .output()
        .expect("run quhua");
    assert!(!o.status.success());
    let text = String::from_utf8_lossy(&o.stdout).to_string() + &String::from_utf8_lossy(&o.stderr);
    assert!(text.contains("无此镇"), "{text}");
}
