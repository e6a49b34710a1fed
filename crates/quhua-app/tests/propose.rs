//! 方案推荐 as a use case: jurisdiction, request checks, and the typed schemas adapters
//! publish.

use quhua_app::access::{Actor, Jurisdiction, Role};
use quhua_app::propose::{Proposal, ProposeRequest, Tuning, propose};
use quhua_app::{App, ErrorKind};

#[test]
fn propose_checks_the_actor_and_the_request() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&format!("sqlite:{}", dir.path().join("p.db").display())).unwrap();
    let op = Actor::operator("tester");
    quhua_app::imports::demo(&app, &op).unwrap();
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
