//! The demo's handover (示意): the approved demo plan's handover filled with the synthetic data
//! set of `quhua_workflow::handover::synth` — 3,000 assets, debts and claims, the roster, the
//! service points at their villages' schematic locations — with some work already done, so a
//! new user sees every section in use. Reproducible from [`synth::SEED`].

use super::{init, mutate};
use crate::access::Actor;
use crate::{App, AppResult};
use quhua_core::date::Date;
use quhua_core::unit::LonLat;
use quhua_workflow::handover::{Disposition, Done, SectionKind, Talk, synth};
use std::collections::HashMap;

/// Generates the handover of `plan` and fills it with the synthetic demo data set (once: a
/// handover that already holds a ledger is left as it is). Returns whether it filled it.
pub fn seed_demo(app: &App, actor: &Actor, plan: i64, today: Date) -> AppResult<bool> {
    let l = init(app, actor, plan)?;
    if !l.body.assets.items().is_empty() {
        return Ok(false);
    }
    let county = l.body.pairs.county.clone();
    let policy = quhua_core::policy::Policy::default_policy();
    let cb = crate::county::load(app, &county, &policy)?;
    let mut at: HashMap<String, LonLat> = HashMap::new();
    if let Some(xy) = &cb.village_xy {
        for (v, p) in cb.base.villages.iter().zip(xy) {
            if let Some((x, y)) = p {
                at.insert(v.code.to_string(), LonLat { lon: *x, lat: *y });
            }
        }
    }
    let data = synth::demo(&l.body.pairs, synth::SEED, &|v| at.get(v).copied());
    let intent = serde_json::json!({"op": "demo_data", "label": synth::LABEL, "seed": synth::SEED});
    mutate(app, actor, plan, &intent, |h| {
        h.import_assets("示意资产明细.xlsx", data.assets.clone())?;
        h.import_debts("示意债权债务明细.xlsx", data.debts.clone())?;
        h.set_roster(data.roster.clone())?;
        h.set_service_points(data.services.clone())?;
        Ok(())
    })?;
    // Some work done: the first pair's township assets transferred, its seals and signage
    // checked and the section closed, quotas computed, talks held with half the cadres.
    let l = super::load(app, actor, plan)?;
    let first = l.body.pairs.pairs.first().map(|p| p.from.code.clone());
    let talks: Vec<String> = l
        .body
        .cadres
        .roster
        .iter()
        .step_by(2)
        .map(|c| c.id.clone())
        .collect();
    let office = "县改革办（演示）";
    let intent = serde_json::json!({"op": "demo_progress"});
    mutate(app, actor, plan, &intent, |h| {
        h.compute_quotas()?;
        for c in &talks {
            h.record_talk(Talk {
                cadre: c.clone(),
                date: today,
                by: "组织部部长（示意）".into(),
                note: None,
            })?;
        }
        if let Some(code) = &first {
            let to = h
                .pairs
                .pair(code)
                .map(|p| p.to.code.clone())
                .unwrap_or_default();
            let ids: Vec<String> = h
                .assets
                .items()
                .iter()
                .filter(|a| a.owner == *code)
                .map(|a| a.id.clone())
                .collect();
            for id in ids {
                h.assign_asset(&id, &Disposition::Transferred { to: to.clone() })?;
            }
            let rec = format!("{code}-{}", SectionKind::Records.id());
            let lines: Vec<(String, String)> = h
                .section(&rec)?
                .checklist
                .iter()
                .map(|c| (c.item.clone(), c.unit.clone()))
                .collect();
            for (item, unit) in lines {
                let done = Done {
                    by: office.into(),
                    date: today,
                    note: Some("示意".into()),
                };
                h.check(&rec, &item, &unit, done)?;
            }
            if h.open_work(&rec)?.is_empty() {
                h.close(&rec, office, today)?;
            }
        }
        Ok(())
    })?;
    Ok(true)
}

/// A synthetic (示意) asset ledger of `items` items for the townships and villages of a plan's
/// handover, reproducible from `seed`, as a table to write as CSV or XLSX (for trying imports
/// at scale, e.g. the 45万 items a county verified).
pub fn synthetic_assets(
    app: &App,
    actor: &Actor,
    plan: i64,
    items: usize,
    seed: u64,
) -> AppResult<quhua_io::ExportTable> {
    let l = super::load(app, actor, plan)?;
    let ledger = synth::asset_ledger(&l.body.pairs, items, seed);
    Ok(quhua_io::ledger::asset_table(
        &ledger,
        true,
        Some("示意数据（synthetic），由 quhua 生成"),
    ))
}
