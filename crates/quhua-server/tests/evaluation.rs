//! Evaluation responses: village indices taken from the partition equal those mapped from the
//! village codes; cached responses equal fresh ones; outlines are spliced per unit.

use quhua_core::scenario::{Operation, Scenario};
use quhua_server::api::counties::empty_scenario;
use quhua_server::auth::password::HashParams;
use quhua_server::evaluation::Evaluated;
use quhua_server::{AppState, ServerConfig};

const OPS: &[&str] = &[
    r#"[]"#,
    r#"[{"op":"merge","units":["北台乡"],"into":"恒州镇"}]"#,
    r#"[{"op":"lock","units":["羊平镇"]},{"op":"merge","units":["晓林镇","邸村镇"],"into":"产德镇"},{"op":"merge","units":["灵山镇","党城镇"],"new":{"name":"灵山镇","kind":"镇"}}]"#,
];

#[test]
fn partition_indices_match_codes() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("e.db").display());
    quhua_server::demo::prepare(&url, &HashParams::insecure_fast()).unwrap();
    let config = ServerConfig {
        hash_params: HashParams::insecure_fast(),
        ..Default::default()
    };
    let state = AppState::open(&url, config).unwrap();
    let policy = state.catalog().policy(None).unwrap();
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
