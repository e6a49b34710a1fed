//! The demo county's sample plan as a handover: the fixture of the handover tests.

use quhua_core::policy::Policy;
use quhua_core::scenario::{Base, evaluate};
use quhua_workflow::handover::{Done, Handover, PlanPairs, QuotaPolicy, Template};

/// A day of September 2026.
pub fn day(d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 9, d).unwrap()
}

/// The demo county's base and the pairs of its sample scheme.
pub fn demo_base_and_pairs() -> (Base, PlanPairs) {
    let demo = quhua_demo::Demo::load().unwrap();
    let policy = Policy::default_policy();
    let base = demo.base(None, &policy).unwrap();
    let eval = evaluate(
        &base,
        &policy,
        &quhua_demo::Demo::sample_scenario().unwrap(),
    )
    .unwrap();
    let pairs = PlanPairs::from_evaluation(&base, &eval).unwrap();
    (base, pairs)
}

/// A handover of `pairs` under the province's template and the built-in quota policy.
pub fn handover_of(pairs: PlanPairs) -> Handover {
    let t = Template::for_province(&pairs.province).unwrap();
    Handover::generate(
        "示意方案",
        pairs,
        t,
        QuotaPolicy::builtin().unwrap(),
        day(1),
    )
}

/// A checklist line done on day 7.
pub fn done() -> Done {
    Done {
        by: "张某（示意）".into(),
        date: day(7),
        note: None,
    }
}
