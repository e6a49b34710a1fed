//! A synthetic (示意) province-sized load for benchmarks: tasks with long histories filed per
//! county, and feedback items spread over the same counties, stored through the same
//! transactions as a plan import.

use super::feedback::synthetic_feedback;
use crate::{App, AppResult};
use quhua_core::date::Date;
use quhua_store::Filed;
use quhua_workflow::feedback::FeedbackItem;
use quhua_workflow::org::{OrgKind, Organisation};
use quhua_workflow::tasks::{Task, synthetic};
use std::collections::BTreeSet;

/// What [`seed_synthetic_load`] stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadCounts {
    /// Tasks stored.
    pub tasks: usize,
    /// History entries (progress reports and the other events) in those tasks.
    pub reports: usize,
    /// Feedback items stored.
    pub feedback: usize,
    /// Counties the load is spread over.
    pub counties: usize,
}

/// Records per transaction.
const BATCH: usize = 5_000;

/// Stores `tasks` synthetic tasks with about `reports` history entries each
/// ([`synthetic::load`] with `seed`), each filed under the county of its first division, and
/// `feedback` synthetic feedback items spread evenly over those counties. Every record is
/// created with its audit row, `BATCH` records per transaction. Refused when a record with
/// one of the names exists (run it on an empty database).
pub fn seed_synthetic_load(
    app: &App,
    seed: u64,
    tasks: usize,
    reports: usize,
    feedback: usize,
    actor: &str,
) -> AppResult<LoadCounts> {
    let load = synthetic::load(seed, tasks, reports);
    let reports_n = load.iter().map(|t| t.history.len()).sum();
    let mut all: Vec<Filed<Task>> = load
        .into_iter()
        .map(|t| {
            let county = t
                .divisions
                .first()
                .and_then(|d| d.get(..6))
                .unwrap_or("000000");
            Filed {
                scope: county.to_string(),
                body: t,
            }
        })
        .collect();
    // Stable: each county's tasks keep their order (parents before children).
    all.sort_by(|a, b| a.scope.cmp(&b.scope));
    let intent = serde_json::json!({"op": "synthetic_load", "seed": seed});
    // The lead units and supervising offices the load names, as provincial bodies.
    let mut codes: BTreeSet<&str> = BTreeSet::new();
    for f in &all {
        codes.extend(f.body.lead.iter().map(String::as_str));
        codes.insert(&f.body.supervisor);
    }
    let orgs: Vec<Organisation> = codes
        .into_iter()
        .filter(|c| app.store().organisation(c).ok().flatten().is_none())
        .map(|c| Organisation {
            code: c.to_string(),
            name: format!("示意单位 {c}"),
            kind: OrgKind::OtherBody,
            jurisdiction: "13".into(),
            parent: None,
        })
        .collect();
    for (k, chunk) in all.chunks(BATCH).enumerate() {
        let orgs: &[Organisation] = if k == 0 { &orgs } else { &[] };
        app.store().create_many(orgs, chunk, &intent, actor)?;
    }
    let counties: BTreeSet<&str> = all.iter().map(|f| f.scope.as_str()).collect();
    let start = Date::from_ymd_opt(2021, 4, 1).unwrap_or(Date::MIN);
    let mut items: Vec<Filed<FeedbackItem>> = Vec::with_capacity(feedback);
    for (k, county) in counties.iter().enumerate() {
        let n = feedback / counties.len() + usize::from(k < feedback % counties.len());
        items.extend(
            synthetic_feedback(county, &[], start, n)
                .into_iter()
                .map(|mut f| {
                    // Apart from the demo's own items of the same county.
                    f.id = format!("LOAD-{}", f.id);
                    Filed {
                        scope: county.to_string(),
                        body: f,
                    }
                }),
        );
    }
    for chunk in items.chunks(BATCH) {
        app.store().create_many(&[], chunk, &intent, actor)?;
    }
    Ok(LoadCounts {
        tasks: all.len(),
        reports: reports_n,
        feedback: items.len(),
        counties: counties.len(),
    })
}
