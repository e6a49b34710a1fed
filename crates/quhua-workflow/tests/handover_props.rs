//! Property tests of the handover on generated plans and ledgers.

use proptest::prelude::*;
use quhua_workflow::handover::*;

fn day(d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 9, d).unwrap()
}

fn done() -> Done {
    Done {
        by: "张某（示意）".into(),
        date: day(7),
        note: None,
    }
}

/// A generated plan: `n` townships, the first `m` merged into the others.
fn generated(n: usize, m: usize, villages: usize) -> PlanPairs {
    let code = |i: usize| format!("130999{:03}", 100 + i);
    let mut pairs = Vec::new();
    let mut before = std::collections::BTreeMap::new();
    for i in 0..n {
        before.insert(
            code(i),
            UnitFacts {
                population: Some(10_000.0 + 3_000.0 * i as f64),
                area_km2: Some(30.0 + i as f64),
                gdp: Some(50_000.0 + 7_000.0 * i as f64),
                staff_quota: Some(20),
                villages: (0..villages)
                    .map(|v| format!("{}{:03}", code(i), 200 + v))
                    .collect(),
                ..Default::default()
            },
        );
    }
    for i in 0..m {
        let to = m + i % (n - m);
        pairs.push(Pair {
            from: UnitRef {
                code: code(i),
                name: format!("示意{i}乡"),
                provisional: false,
            },
            to: UnitRef {
                code: code(to),
                name: format!("示意{to}镇"),
                provisional: false,
            },
            kind: PairKind::AbolishMerge,
            facts: before[&code(i)].clone(),
        });
    }
    let after = (m..n)
        .map(|j| UnitAfter {
            unit: UnitRef {
                code: code(j),
                name: format!("示意{j}镇"),
                provisional: false,
            },
            predecessors: std::iter::once(code(j))
                .chain(
                    pairs
                        .iter()
                        .filter(|p| p.to.code == code(j))
                        .map(|p| p.from.code.clone()),
                )
                .collect(),
            facts: before[&code(j)].clone(),
        })
        .collect();
    PlanPairs {
        county: "130999".into(),
        province: "13".into(),
        pairs,
        after,
        before,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Conservation holds exactly after any sequence of assignments, disposals, write-offs
    /// (and refused steps); a closed section never changes; refused imports change nothing.
    #[test]
    fn conservation_after_any_sequence(
        n in 3usize..8, m_frac in 0.2f64..0.7, villages in 0usize..4, items in 1usize..300, seed in any::<u64>(),
        ops in prop::collection::vec((any::<usize>(), 0u8..6, any::<bool>()), 0..400),
    ) {
        let m = ((n as f64 * m_frac) as usize).clamp(1, n - 1);
        let pairs = generated(n, m, villages);
        let t = Template::for_province("13").unwrap();
        let mut h = Handover::generate("p", pairs.clone(), t, QuotaPolicy::builtin().unwrap(), day(1));
        let ledger = synth::asset_ledger(&pairs, items, seed);
        let total: Money = ledger.iter().map(|a| a.net_value).sum();
        h.import_assets("a.csv", ledger.clone()).unwrap();
        let mut closed_snapshot: Option<(String, Vec<(AssetItem, Disposition)>)> = None;
        for (pick, op, flag) in ops {
            let i = pick % h.assets.len();
            let it = h.assets.items()[i].clone();
            let pair = pairs.pairs.iter().find(|p| it.owner.starts_with(&p.from.code)).unwrap();
            let village = it.owner.len() == 12;
            let d = match op {
                0 => Disposition::Transferred { to: if flag { pair.to.code.clone() } else { "130999999".into() } },
                1 => Disposition::Disposed { route: (if village == flag { "public_use" } else { "public_rebuild" }).into(), note: None },
                2 => Disposition::WrittenOff { approval: if flag { "冀政字〔2026〕9号".into() } else { String::new() } },
                3 => Disposition::Unassigned,
                _ => {
                    // try to close the item's section (only succeeds when complete)
                    let kind = if village { "collective_assets" } else { "state_assets" };
                    let sid = format!("{}-{kind}", pair.from.code);
                    let lines: Vec<(String, String)> = h.section(&sid).unwrap().checklist.iter().map(|l| (l.item.clone(), l.unit.clone())).collect();
                    for (item, unit) in lines { let _ = h.check(&sid, &item, &unit, done()); }
                    if h.close(&sid, "财政局", day(9)).is_ok() && closed_snapshot.is_none() {
                        let owned: Vec<(AssetItem, Disposition)> = h.assets.items().iter().zip(h.assets.dispositions())
                            .filter(|(a, _)| a.owner.starts_with(&pair.from.code) && (a.owner.len() == 12) == village)
                            .map(|(a, d)| (a.clone(), d.clone())).collect();
                        closed_snapshot = Some((sid, owned));
                    }
                    continue;
                }
            };
            let before = h.assets.clone();
            if h.assign_asset(&it.id, &d).is_err() {
                prop_assert_eq!(&h.assets, &before);
            }
            let c = h.assets.conservation();
            prop_assert!(c.tallies_agree);
            prop_assert!(c.total.balanced && c.groups.iter().all(|g| g.balanced));
            prop_assert_eq!(c.total.before.value, total);
            prop_assert_eq!(c.total.before.items as usize, items);
            let s = h.status(day(9)).assets;
            prop_assert_eq!(s.transferred.value + s.disposed.value + s.written_off.value + s.unassigned.value, total);
            prop_assert_eq!(s.conserved, c.total.conserved);
        }
        if let Some((sid, owned)) = closed_snapshot {
            prop_assert!(h.section(&sid).unwrap().closed.is_some());
            for (a, d) in owned {
                let (now, nd) = h.assets.get(&a.id).unwrap();
                prop_assert_eq!(now, &a);
                prop_assert_eq!(nd, &d);
            }
            // a re-import dropping an item refuses when that item is in the closed section
            let snapshot = h.clone();
            let mut fewer = ledger.clone();
            fewer.retain(|x| !h.ledger_owner_closed(&x.owner));
            if fewer.len() < ledger.len() {
                prop_assert!(h.import_assets("b.csv", fewer).is_err());
                prop_assert_eq!(&h, &snapshot);
            }
        }
    }

    /// Quotas: the county total never grows, freed quotas are returned, bounds are kept.
    #[test]
    fn quotas_hold_the_total(n in 3usize..20, m_frac in 0.1f64..0.7, q in 18u32..30) {
        let m = ((n as f64 * m_frac) as usize).clamp(1, n - 1);
        let mut pairs = generated(n, m, 0);
        for f in pairs.before.values_mut() { f.staff_quota = Some(q); }
        let p = QuotaPolicy::builtin().unwrap();
        match compute_quotas(&p, &pairs.after, &pairs.before) {
            Ok(r) => {
                prop_assert!(r.total_after <= r.total_before);
                prop_assert_eq!(r.lines.iter().map(|l| l.after).sum::<u32>(), r.total_after);
                prop_assert_eq!(r.returned_to_pool, r.total_before - r.total_after);
                prop_assert!(r.lines.iter().all(|l| l.after >= p.min && l.after <= p.max));
            }
            Err(HandoverError::Invalid { .. }) => {
                // infeasible only when even the minimum cannot be met
                let budget = (f64::from(q * n as u32) * (1.0 - p.reserve_share)).floor() as u32;
                prop_assert!(budget < p.min * (n - m) as u32, "budget {} for {} units", budget, n - m);
            }
            Err(e) => prop_assert!(false, "{e}"),
        }
    }
}
