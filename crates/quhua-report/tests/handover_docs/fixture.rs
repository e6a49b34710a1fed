//! The demo handover with synthetic ledgers (示意数据), for the document tests.

use quhua_workflow::handover::*;

/// The day of the approval and of the lists.
pub fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 9, 8).unwrap()
}

/// The demo county's sample plan with `n` assets, debts, roster and services; a portion of
/// the items transferred, disposed and written off, some cadres placed and talked to, some
/// service outcomes set, and one section closed.
pub fn demo(n: usize) -> Handover {
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
    h.import_assets("assets.csv", synth::asset_ledger(&h.pairs, n, synth::SEED))
        .unwrap();
    h.import_debts("debts.csv", synth::debt_ledger(&h.pairs, synth::SEED))
        .unwrap();
    h.set_roster(synth::roster(&h.pairs, synth::SEED)).unwrap();
    h.set_service_points(synth::service_points(&h.pairs, synth::SEED, &|_| None))
        .unwrap();
    h.compute_quotas().unwrap();
    let items: Vec<(String, String)> = h
        .assets
        .items()
        .iter()
        .map(|a| (a.id.clone(), a.owner.clone()))
        .collect();
    for (k, (id, owner)) in items.iter().enumerate() {
        let to = h.pairs.pair(&owner[..9]).unwrap().to.code.clone();
        let d = match k % 7 {
            0..=2 => Disposition::Transferred { to },
            3 if owner.len() == 9 => Disposition::Disposed {
                route: "market_sale".into(),
                note: None,
            },
            3 => Disposition::Disposed {
                route: "collective_use".into(),
                note: Some("示意".into()),
            },
            4 => Disposition::WrittenOff {
                approval: "示意财核〔2026〕1号".into(),
            },
            _ => continue,
        };
        h.assign_asset(id, &d).unwrap();
    }
    let debts: Vec<(String, String)> = h
        .debts
        .items()
        .iter()
        .map(|a| (a.id.clone(), a.owner.clone()))
        .collect();
    for (k, (id, owner)) in debts.iter().enumerate() {
        let to = h.pairs.pair(&owner[..9]).unwrap().to.code.clone();
        let d = match k % 4 {
            0 => Disposition::Transferred { to },
            1 => Disposition::Disposed {
                route: "repaid".into(),
                note: None,
            },
            _ => continue,
        };
        h.assign_debt(id, &d).unwrap();
    }
    let cadres: Vec<(String, String)> = h
        .cadres
        .roster
        .iter()
        .map(|c| (c.id.clone(), c.unit.clone()))
        .collect();
    for (k, (id, unit)) in cadres.iter().enumerate() {
        let Some(p) = h.pairs.pair(unit) else {
            continue;
        };
        let to = p.to.code.clone();
        if k % 2 == 0 {
            let rec = PlacementRecord {
                route: if k % 4 == 0 { "retain" } else { "retire" }.into(),
                destination: Some(to),
                post: None,
                leader: false,
                date: day(),
            };
            h.place(id, rec).unwrap();
        }
        if k % 3 == 0 {
            h.record_talk(Talk {
                cadre: id.clone(),
                date: day(),
                by: "组织部部长".into(),
                note: None,
            })
            .unwrap();
        }
    }
    let points: Vec<String> = h.services.points.iter().map(|p| p.id.clone()).collect();
    for (k, id) in points.iter().enumerate() {
        let o = match k % 3 {
            0 => Outcome::Kept,
            1 => Outcome::Renamed {
                name: "示意便民服务站".into(),
            },
            _ => continue,
        };
        h.set_outcome(id, o).unwrap();
    }
    // Close the first pair's quota section.
    let first = h.pairs.pairs[0].from.code.clone();
    let sid = format!("{first}-quotas");
    let lines = h.section(&sid).unwrap().checklist.clone();
    for l in lines {
        let done = Done {
            by: "编办".into(),
            date: day(),
            note: None,
        };
        h.check(&sid, &l.item, &l.unit, done).unwrap();
    }
    h.close(&sid, "编办", day()).unwrap();
    h
}
