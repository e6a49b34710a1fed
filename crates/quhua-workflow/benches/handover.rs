//! Handover benchmarks: conservation over a 45万-item ledger, status of a whole county.
//! `cargo bench -p quhua-workflow --bench handover`

use quhua_workflow::handover::*;

fn main() {
    divan::main();
}

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 9, 8).unwrap()
}

/// The demo county's sample plan with a 450,000-item asset ledger, debts, roster, services;
/// every third item assigned.
fn county(n: usize) -> Handover {
    let demo = quhua_demo::Demo::load().unwrap();
    let policy = quhua_core::policy::Policy::default_policy();
    let base = demo.base(None, &policy).unwrap();
    let eval = quhua_core::scenario::evaluate(
        &base,
        &policy,
        &quhua_demo::Demo::sample_scenario().unwrap(),
    )
    .unwrap();
    let mut pairs = PlanPairs::from_evaluation(&base, &eval).unwrap();
    for f in pairs.before.values_mut() {
        f.staff_quota = Some(24);
    }
    let t = Template::for_province(&pairs.province).unwrap();
    let mut h = Handover::generate("示意方案", pairs, t, QuotaPolicy::builtin().unwrap(), day());
    let items = synth::asset_ledger(&h.pairs, n, synth::SEED);
    h.import_assets("assets.csv", items).unwrap();
    h.import_debts("debts.csv", synth::debt_ledger(&h.pairs, synth::SEED))
        .unwrap();
    h.set_roster(synth::roster(&h.pairs, synth::SEED)).unwrap();
    h.set_service_points(synth::service_points(&h.pairs, synth::SEED, &|_| None))
        .unwrap();
    h.compute_quotas().unwrap();
    let ids: Vec<(String, String)> = h
        .assets
        .items()
        .iter()
        .step_by(3)
        .map(|a| (a.id.clone(), a.owner[..9].to_string()))
        .collect();
    for (id, town) in ids {
        let to = h.pairs.pair(&town).unwrap().to.code.clone();
        h.assign_asset(&id, &Disposition::Transferred { to })
            .unwrap();
    }
    h
}

#[divan::bench(sample_count = 10)]
fn conservation_450k(b: divan::Bencher) {
    let h = county(450_000);
    b.bench(|| divan::black_box(h.assets.conservation()));
}

#[divan::bench(sample_count = 20)]
fn status_whole_county_450k(b: divan::Bencher) {
    let h = county(450_000);
    b.bench(|| divan::black_box(h.status(day())));
}
