//! CPU cost of one scenario evaluation in-process (no HTTP): core evaluation, village
//! indices, response JSON with and without township GeoJSON (outlines cached), on the demo
//! county with the load test's sample bodies. Shows the per-request bound of the API.
//!
//! ```sh
//! cargo run --release -p quhua-server --example evalcost
//! ```

use quhua_core::scenario::{Operation, Scenario};
use quhua_server::evaluation::Evaluated;
use std::time::Instant;

const BODIES: &[&str] = &[
    r#"[{"op":"merge","units":["北台乡"],"into":"恒州镇"}]"#,
    r#"[{"op":"merge","units":["晓林镇","邸村镇"],"into":"产德镇"}]"#,
    r#"[{"op":"lock","units":["羊平镇"]},{"op":"merge","units":["北台乡"],"into":"恒州镇"},{"op":"merge","units":["晓林镇","邸村镇"],"into":"产德镇"},{"op":"merge","units":["下河镇"],"into":"郎家庄镇"},{"op":"merge","units":["灵山镇","党城镇"],"new":{"name":"灵山镇","kind":"镇"}}]"#,
    r#"[]"#,
];

fn main() {
    let dir = std::env::temp_dir().join(format!("quhua-evalcost-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let url = format!("sqlite:{}", dir.join("demo.db").display());
    let fast = quhua_server::auth::password::HashParams::insecure_fast();
    quhua_server::demo::prepare(&url, &fast).expect("demo");
    let config = quhua_server::ServerConfig {
        hash_params: fast,
        ..Default::default()
    };
    let state = quhua_server::AppState::open(&url, config).expect("open");
    let policy = state.catalog().policy("130634", None).expect("policy");
    let data = state.catalog().data("130634", &policy).expect("county");
    let scenarios: Vec<Scenario> = BODIES
        .iter()
        .map(|b| {
            let ops: Vec<Operation> = serde_json::from_str(b).expect("ops");
            quhua_server::api::counties::empty_scenario("130634", ops, None)
        })
        .collect();
    // Warm the outline cache.
    for sc in &scenarios {
        let ev = data.evaluate(&policy, sc).expect("evaluate");
        data.respond(&ev, true).expect("respond");
    }
    let n = 4000;
    let time = |label: &str, f: &mut dyn FnMut(&Scenario)| {
        let t = Instant::now();
        for i in 0..n {
            f(&scenarios[i % scenarios.len()]);
        }
        println!(
            "{label:<44} {:>7.1} µs",
            t.elapsed().as_secs_f64() * 1e6 / n as f64
        );
    };
    time("quhua_core::scenario::evaluate", &mut |sc| {
        quhua_core::scenario::evaluate(&data.base, &policy, sc).expect("evaluate");
    });
    time("+ village indices by code (Evaluated::new)", &mut |sc| {
        let ev = quhua_core::scenario::evaluate(&data.base, &policy, sc).expect("evaluate");
        Evaluated::new(ev, &data.village_index);
    });
    time("+ village indices from the partition", &mut |sc| {
        Evaluated::evaluate(&data.base, &policy, sc, &data.village_index).expect("evaluate");
    });
    time("+ response JSON, no geometry", &mut |sc| {
        let ev = data.evaluate(&policy, sc).expect("evaluate");
        data.respond(&ev, false).expect("respond");
    });
    time(
        "+ response JSON with GeoJSON (outlines cached)",
        &mut |sc| {
            let ev = data.evaluate(&policy, sc).expect("evaluate");
            data.respond(&ev, true).expect("respond");
        },
    );
    let _ = std::fs::remove_dir_all(&dir);
}
