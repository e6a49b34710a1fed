//! Scenario evaluation on the demo county: re-evaluation after one edit (incremental) versus
//! evaluating the whole scheme from scratch. Run: `cargo bench -p quhua-demo --bench scenario`.

use divan::Bencher;
use quhua_core::policy::Policy;
use quhua_core::scenario::{Base, MergeTarget, Operation, Session, evaluate};
use quhua_demo::Demo;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

struct Fixture {
    base: Base,
    policy: Policy,
    scenario: quhua_core::scenario::Scenario,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let demo = Demo::load().expect("demo");
        let policy = Policy::default_policy();
        let base = demo.base(None, &policy).expect("base");
        Fixture {
            base,
            policy,
            scenario: Demo::sample_scenario().expect("scenario"),
        }
    })
}

/// A session with the sample scheme applied and its findings computed, and one more merge.
fn sample_session(f: &'static Fixture) -> (Session<'static>, Operation) {
    let mut session = Session::new(&f.base, &f.policy);
    for op in &f.scenario.ops {
        session.push(op.clone()).expect("valid op");
    }
    session.findings();
    let op = Operation::Merge {
        units: vec!["齐村镇".into()],
        target: MergeTarget::Into("文德镇".into()),
    };
    (session, op)
}

/// One more merge on top of the sample scheme, then the indicators and the findings:
/// what the planner's screen needs after a click.
#[divan::bench]
fn reevaluate_after_one_merge(b: Bencher) {
    let (session, op) = sample_session(fixture());
    b.with_inputs(|| session.clone())
        .bench_local_values(|mut s| {
            s.push(op.clone()).expect("valid op");
            let findings = s.findings();
            (s.indicators(), findings)
        });
}

/// The same edit followed by the full evaluation report (units, codes, indicators, findings).
#[divan::bench]
fn full_report_after_one_merge(b: Bencher) {
    let (session, op) = sample_session(fixture());
    b.with_inputs(|| session.clone())
        .bench_local_values(|mut s| {
            s.push(op.clone()).expect("valid op");
            s.evaluation()
        });
}

/// Evaluating the whole sample scheme from scratch.
#[divan::bench]
fn evaluate_from_scratch(b: Bencher) {
    let f = fixture();
    b.bench(|| evaluate(&f.base, &f.policy, &f.scenario).expect("valid"));
}
