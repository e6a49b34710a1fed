//! Evaluation responses: village indices taken from the partition equal those mapped from the
//! village codes; responses the route answers from its cache equal fresh ones; outlines are spliced per unit.

use quhua_core::scenario::{Operation, Scenario};
use quhua_server::api::counties::empty_scenario;
use quhua_server::auth::password::HashParams;
use quhua_server::evaluation::Evaluated;
use quhua_server::{AppState, ServerConfig};

mod common;

const OPS: &[&str] = &[
    r#"[]"#,
    r#"[{"op":"merge","units":["北台乡"],"into":"恒州镇"}]"#,
    r#"[{"op":"lock","units":["羊平镇"]},{"op":"merge","units":["晓林镇","邸村镇"],"into":"产德镇"},{"op":"merge","units":["灵山镇","党城镇"],"new":{"name":"灵山镇","kind":"镇"}}]"#,
];

/// The server's state over a fresh demo database (kept while the directory lives).
fn demo_state() -> (tempfile::TempDir, AppState) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("e.db").display());
    quhua_server::demo::prepare(&url, &HashParams::insecure_fast()).unwrap();
    let config = ServerConfig {
        hash_params: HashParams::insecure_fast(),
        ..Default::default()
    };
    (dir, AppState::open(&url, config).unwrap())
}

#[test]
fn partition_indices_match_codes() {
    let (_dir, state) = demo_state();
    let policy = state.catalog().policy("130634", None).unwrap();
    let data = state.catalog().data("130634", &policy).unwrap();
    for ops in OPS {
        let ops: Vec<Operation> = serde_json::from_str(ops).unwrap();
        let sc: Scenario = empty_scenario("130634", ops, None);
        let fast = Evaluated::evaluate(&data.base, &policy, &sc, &data.village_index).unwrap();
        let ev = quhua_core::scenario::evaluate(&data.base, &policy, &sc).unwrap();
        let slow = Evaluated::new(ev, &data.village_index);
        assert_eq!(fast.groups, slow.groups);
        assert_eq!(fast.ev, slow.ev);
        let total: usize = fast.groups.iter().map(Vec::len).sum();
        assert_eq!(total, data.base.villages.len());
        let text = data.respond(&fast, true).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&text).unwrap();
        assert_eq!(
            v["geojson"]["features"].as_array().unwrap().len(),
            fast.ev.units.len()
        );
        let idx = v["evaluation"]["units"][0]["village_idx"]
            .as_array()
            .unwrap();
        assert_eq!(idx.len(), fast.groups[0].len());
        assert!(v["evaluation"]["units"][0].get("village_codes").is_none());
    }
}

/// Through the route: the first request for some operations stores its response, the second
/// is answered from the cache (nothing new stored) with the same bytes, and every cached
/// answer — asked again after all were stored, in another order — equals a fresh
/// evaluation of its own operations.
#[test]
fn cached_responses_equal_fresh_ones() {
    use axum::body::Body;
    use axum::http::{Request, header};
    let (_dir, state) = demo_state();
    let policy = state.catalog().policy("130634", None).unwrap();
    let data = state.catalog().data("130634", &policy).unwrap();
    assert!(data.results.is_enabled(), "the cache is on by default");
    let c = common::http::Client(quhua_server::router(state.clone()));
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let who = c.login("quyang").await;
            let ask = async |ops: &str| {
                let req = Request::post("/api/counties/130634/evaluate?geojson=1")
                    .header(header::CONTENT_TYPE, "application/json")
                    .header(header::COOKIE, &who.cookie)
                    .header("x-csrf-token", &who.csrf)
                    .body(Body::from(format!(r#"{{"ops":{ops}}}"#)))
                    .unwrap();
                let (s, _, bytes) = c.send(req).await;
                assert_eq!(s, axum::http::StatusCode::OK);
                bytes
            };
            let mut first = Vec::new();
            for ops in OPS {
                let before = data.results.len();
                let a = ask(ops).await;
                assert_eq!(data.results.len(), before + 1, "the response was stored");
                let b = ask(ops).await;
                assert_eq!(data.results.len(), before + 1, "answered from the cache");
                assert_eq!(a, b);
                first.push(a);
            }
            for (ops, cached) in OPS.iter().zip(&first).rev() {
                let again = ask(ops).await;
                assert_eq!(&again, cached);
                let parsed: Vec<Operation> = serde_json::from_str(ops).unwrap();
                let sc = empty_scenario("130634", parsed, None);
                let fresh =
                    Evaluated::evaluate(&data.base, &policy, &sc, &data.village_index).unwrap();
                let text = data.respond(&fresh, true).unwrap();
                assert_eq!(again, text.as_slice(), "cached ≠ fresh for {ops}");
            }
        });
}
