//! The per-request cost of an evaluation request, on the path the server takes: every
//! `POST /api/counties/{code}/evaluate` that misses the response cache parses the operation
//! list, builds a new session on the county base and evaluates the whole scheme
//! (`quhua_core::scenario::evaluate`), then writes the evaluation as JSON. The bodies are the
//! load test's (`crates/quhua-server/examples/loadtest.rs`), on the demo county (示意 figures).
//!
//! Run: `cargo bench -p quhua-demo --bench request`.
//!
//! The server's JSON lists village indices instead of village codes, so the serialisation
//! measured here is a little larger than the server's; HTTP, authentication and the response
//! cache are not included (the load test measures those).

use divan::Bencher;
use quhua_core::policy::Policy;
use quhua_core::scenario::{Base, Operation, Scenario, evaluate};
use quhua_demo::Demo;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

/// The load test's request bodies (operation lists), by the label used in the results.
const BODIES: &[(&str, &str)] = &[
    (
        "1_merge",
        r#"[{"op":"merge","units":["北台乡"],"into":"恒州镇"}]"#,
    ),
    (
        "2_merge_two",
        r#"[{"op":"merge","units":["晓林镇","邸村镇"],"into":"产德镇"}]"#,
    ),
    (
        "3_five_ops",
        r#"[{"op":"lock","units":["羊平镇"]},{"op":"merge","units":["北台乡"],"into":"恒州镇"},{"op":"merge","units":["晓林镇","邸村镇"],"into":"产德镇"},{"op":"merge","units":["下河镇"],"into":"郎家庄镇"},{"op":"merge","units":["灵山镇","党城镇"],"new":{"name":"灵山镇","kind":"镇"}}]"#,
    ),
    ("4_empty", r#"[]"#),
];

struct Fixture {
    base: Base,
    policy: Policy,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let demo = Demo::load().expect("demo");
        let policy = Policy::default_policy();
        let base = demo.base(None, &policy).expect("base");
        Fixture { base, policy }
    })
}

fn body(label: &str) -> &'static str {
    BODIES
        .iter()
        .find(|(l, _)| *l == label)
        .map(|(_, b)| *b)
        .expect("known body")
}

fn scenario(ops: Vec<Operation>) -> Scenario {
    Scenario {
        name: String::new(),
        county: "130634".into(),
        policy: None,
        base_date: None,
        note: None,
        ops,
    }
}

/// Parse the operations, evaluate from scratch, write the JSON: one uncached request.
#[divan::bench(args = ["1_merge", "2_merge_two", "3_five_ops", "4_empty"])]
fn evaluation_request(b: Bencher, label: &str) {
    let f = fixture();
    let text = body(label);
    b.bench(|| {
        let ops: Vec<Operation> = serde_json::from_str(text).expect("ops");
        let ev = evaluate(&f.base, &f.policy, &scenario(ops)).expect("valid scheme");
        serde_json::to_string(&ev).expect("json")
    });
}

/// The evaluation alone (no parsing, no JSON).
#[divan::bench(args = ["1_merge", "2_merge_two", "3_five_ops", "4_empty"])]
fn evaluate_only(b: Bencher, label: &str) {
    let f = fixture();
    let sc = scenario(serde_json::from_str(body(label)).expect("ops"));
    b.bench(|| evaluate(&f.base, &f.policy, &sc).expect("valid scheme"));
}
