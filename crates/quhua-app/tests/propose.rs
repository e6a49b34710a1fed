//! 方案推荐 as a use case: jurisdiction, request checks, and the typed schemas adapters
//! publish.

use quhua_app::access::{Actor, Jurisdiction, Role};
use quhua_app::propose::{Proposal, ProposeRequest, Tuning, propose};
use quhua_app::{App, ErrorKind};

/// An app over a fresh database holding the demo (kept while the directory lives).
fn demo_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&format!("sqlite:{}", dir.path().join("p.db").display())).unwrap();
    quhua_app::imports::demo(&app, &Actor::operator("tester")).unwrap();
    (dir, app)
}

#[test]
fn propose_checks_the_actor_and_the_request() {
    let (dir, app) = demo_app();
    let op = Actor::operator("tester");
    let outsider = Actor {
        name: "x".into(),
        role: Some(Role::CountyEditor),
        jurisdiction: Jurisdiction::parse("130100", Role::CountyEditor).unwrap(),
        department: None,
        org: None,
    };
    let req = ProposeRequest::default();
    assert_eq!(
        propose(&app, &outsider, "130634", &req).unwrap_err().kind,
        ErrorKind::Forbidden
    );
    assert_eq!(
        propose(&app, &op, "130699", &req).unwrap_err().kind,
        ErrorKind::NotFound
    );
    let bad = ProposeRequest {
        tuning: Tuning {
            effort: 0.0,
            ..Tuning::default()
        },
        ..Default::default()
    };
    assert_eq!(
        propose(&app, &op, "130634", &bad).unwrap_err().kind,
        ErrorKind::Invalid
    );
    let bad = ProposeRequest {
        exact_time_limit: Some(1e9),
        ..Default::default()
    };
    assert_eq!(
        propose(&app, &op, "130634", &bad).unwrap_err().kind,
        ErrorKind::Invalid
    );
    // accounts name policies, they cannot point at files
    let file = dir.path().join("p.toml");
    std::fs::write(&file, "").unwrap();
    let editor = Actor {
        name: "e".into(),
        role: Some(Role::CountyEditor),
        jurisdiction: Jurisdiction::parse("130634", Role::CountyEditor).unwrap(),
        department: None,
        org: None,
    };
    let by_file = ProposeRequest {
        policy: Some(file.display().to_string()),
        ..Default::default()
    };
    let e = propose(&app, &editor, "130634", &by_file).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid);
    // the default request: four schemes, best first, each evaluated without errors
    let p = propose(&app, &editor, "130634", &req).unwrap();
    assert_eq!(p.schemes.len(), 4);
    assert!(p.synthetic);
    for (k, s) in p.schemes.iter().enumerate() {
        assert_eq!(s.index, k);
        assert_eq!(s.summary.count_after, s.p);
        assert_eq!(s.summary.errors, 0);
        assert_eq!(s.scenario.ops, s.ops);
    }
}

#[test]
fn request_and_response_schemas_are_typed() {
    let req = serde_json::to_value(schemars::schema_for!(ProposeRequest)).unwrap();
    let props = req["properties"].as_object().unwrap();
    for k in [
        "schemes",
        "seed",
        "policy",
        "villages",
        "lock",
        "seed_units",
        "prefer",
    ] {
        assert!(props.contains_key(k), "{k}");
    }
    assert!(!props.contains_key("tuning"));
    assert_eq!(req["additionalProperties"], false);
    let res = serde_json::to_value(schemars::schema_for!(Proposal)).unwrap();
    let props = res["properties"].as_object().unwrap();
    for k in ["county", "schemes", "infeasibility", "islands", "synthetic"] {
        assert!(props.contains_key(k), "{k}");
    }
    assert!(!props.contains_key("township_names"));
}

/// Where the floor and the cap cannot both hold, every new unit that breaks the cap names the
/// townships proven unable to meet both; each conflict's excess is the unit's area over the
/// cap, recomputed here from the registry's township areas; the scheme's excess is their
/// sum; and `optimal` claims no more than its bound.
#[test]
fn conflicts_name_their_proofs_and_add_up() {
    let (_dir, app) = demo_app();
    let op = Actor::operator("tester");
    let policy = quhua_core::policy::Policy::default_policy();
    let base = quhua_app::county::load(&app, "130634", &policy)
        .unwrap()
        .base;
    let area_key = base.area_key.expect("township areas");
    let pop_key = base.pop_key.expect("township populations");
    let value = |t: &quhua_core::scenario::BaseTownship, k: usize| {
        t.attrs[k].map(|a| a.0 as f64 / 10_000.0).unwrap_or(0.0)
    };
    let areas: std::collections::HashMap<&str, f64> = base
        .townships
        .iter()
        .map(|t| (t.name.as_str(), value(t, area_key)))
        .collect();
    // A cap below the largest township's area and a floor above every township's population:
    // the largest township is proven unable to keep within the cap.
    let largest = base
        .townships
        .iter()
        .map(|t| value(t, area_key))
        .fold(0.0, f64::max);
    let most = base
        .townships
        .iter()
        .map(|t| value(t, pop_key))
        .fold(0.0, f64::max);
    let cap = largest * 0.9;
    let req = ProposeRequest {
        prefer: Some(quhua_app::propose::PreferRule::Floor),
        min_pop: Some(most * 1.5),
        max_area: Some(cap),
        ..Default::default()
    };
    let p = propose(&app, &op, "130634", &req).unwrap();
    assert!(!p.schemes.is_empty());
    let mut seen = 0;
    for s in &p.schemes {
        let mut total = 0.0;
        for c in &s.conflicts {
            seen += 1;
            assert_eq!(
                c.broken, "ceiling",
                "the floor is preferred: only the cap gives way"
            );
            assert!(!c.proven.is_empty(), "an unexplained conflict: {c:?}");
            for t in &c.proven {
                assert!(c.townships.contains(&t.name), "{t:?} not in {c:?}");
                assert!(!t.text.zh.is_empty() && !t.text.en.is_empty());
            }
            let area: f64 = c.townships.iter().map(|n| areas[n.as_str()]).sum();
            assert!((c.excess - (area - cap)).abs() < 1e-6, "{c:?}: area {area}");
            total += c.excess;
        }
        assert!((s.excess - total).abs() < 1e-6);
        if s.optimal {
            assert_eq!(s.bound, Some(s.p));
        }
        if let Some(b) = s.bound {
            assert!(b >= s.p);
        }
    }
    assert!(
        seen > 0,
        "the largest township over the cap makes a conflict"
    );
}

/// With an area cap the whole-township merges cannot keep everywhere, the village stage
/// transfers villages (村划归) and the new units' areas — as the scenario evaluator computes
/// them, not as the optimizer reports them — come within the cap where they did not.
#[test]
fn village_transfers_repair_the_cap() {
    let (_dir, app) = demo_app();
    let op = Actor::operator("tester");
    let cap = 120.0;
    let req = |villages: bool| ProposeRequest {
        villages,
        schemes: Some(2),
        max_area: Some(cap),
        ..Default::default()
    };
    let plain = propose(&app, &op, "130634", &req(false)).unwrap();
    let with = propose(&app, &op, "130634", &req(true)).unwrap();
    let over = |s: &quhua_app::propose::ProposedScheme| {
        s.evaluation
            .units
            .iter()
            .filter(|u| u.area_km2.unwrap_or(0.0) > cap + 1e-6)
            .count()
    };
    let mut repaired = 0;
    for (x, y) in plain.schemes.iter().zip(&with.schemes) {
        assert_eq!(x.moved_villages, 0);
        let transferred: usize = y
            .ops
            .iter()
            .map(|o| match o {
                quhua_core::scenario::Operation::Transfer { villages, .. } => villages.len(),
                _ => 0,
            })
            .sum();
        assert_eq!(transferred, y.moved_villages);
        assert!(over(y) <= over(x), "{} > {}", over(y), over(x));
        if over(x) > 0 && over(y) == 0 && y.moved_villages > 0 {
            repaired += 1;
        }
    }
    assert!(
        repaired > 0,
        "no scheme was brought within the cap by village transfers"
    );
}
