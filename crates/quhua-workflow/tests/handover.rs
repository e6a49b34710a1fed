//! The handover on the demo county's sample plan and on generated plans and ledgers.

mod common;

use common::handover::{day, demo_base_and_pairs, done, handover_of};
use quhua_workflow::handover::*;

fn demo_pairs() -> PlanPairs {
    let (_, mut pairs) = demo_base_and_pairs();
    // The demo has no quotas: give every township one (示意), as a survey would.
    for (i, f) in pairs.before.values_mut().enumerate() {
        f.staff_quota = Some(20 + (i as u32 % 7));
    }
    pairs
}

fn demo_handover() -> Handover {
    handover_of(demo_pairs())
}

fn check_all(h: &mut Handover, section: &str) {
    let lines: Vec<(String, String)> = h
        .section(section)
        .unwrap()
        .checklist
        .iter()
        .map(|l| (l.item.clone(), l.unit.clone()))
        .collect();
    for (item, unit) in lines {
        h.check(section, &item, &unit, done()).unwrap();
    }
}

#[test]
fn demo_plan_pairs_and_sections() {
    let h = demo_handover();
    let p = &h.pairs;
    assert!(p.pair("130634200").is_some() || !p.pairs.is_empty());
    let names: Vec<(&str, &str)> = p
        .pairs
        .iter()
        .map(|x| (x.from.name.as_str(), x.to.name.as_str()))
        .collect();
    assert!(names.contains(&("北台乡", "恒州镇")));
    assert!(names.contains(&("晓林镇", "产德镇")));
    assert!(names.contains(&("党城镇", "灵山镇")));
    // every pair gets one section per kind, with the kind's department
    for pair in 0..p.pairs.len() {
        for k in SectionKind::ALL {
            let s: Vec<&Section> = h
                .sections
                .iter()
                .filter(|s| s.pair == pair && s.kind == k)
                .collect();
            assert_eq!(s.len(), 1);
            assert_eq!(s[0].department, h.template.section(k).department);
        }
    }
}

#[test]
fn assets_section_closes_only_when_conserved_and_then_never_changes() {
    let mut h = demo_handover();
    let items = synth::asset_ledger(&h.pairs, 3000, synth::SEED);
    h.import_assets("assets.csv", items.clone()).unwrap();
    h.import_debts("debts.csv", synth::debt_ledger(&h.pairs, synth::SEED))
        .unwrap();
    let pair = h.pairs.pairs[0].clone();
    let sid = format!("{}-state_assets", pair.from.code);
    check_all(&mut h, &sid);
    assert!(matches!(
        h.close(&sid, "财政局", day(8)),
        Err(HandoverError::Incomplete { .. })
    ));
    // wrong successor, wrong-level route, write-off without approval
    let town_item = h
        .assets
        .items()
        .iter()
        .find(|a| a.owner == pair.from.code)
        .unwrap()
        .id
        .clone();
    assert!(matches!(
        h.assign_asset(
            &town_item,
            &Disposition::Transferred {
                to: "130634999".into()
            }
        ),
        Err(HandoverError::WrongSuccessor { .. })
    ));
    assert!(matches!(
        h.assign_asset(
            &town_item,
            &Disposition::Disposed {
                route: "collective_use".into(),
                note: None
            }
        ),
        Err(HandoverError::RouteNotAllowed { .. })
    ));
    assert!(matches!(
        h.assign_asset(
            &town_item,
            &Disposition::WrittenOff {
                approval: " ".into()
            }
        ),
        Err(HandoverError::MissingApproval(_))
    ));
    let mine: Vec<String> = h
        .assets
        .items()
        .iter()
        .filter(|a| a.owner == pair.from.code)
        .map(|a| a.id.clone())
        .collect();
    for (k, id) in mine.iter().enumerate() {
        let d = match k % 3 {
            0 => Disposition::Transferred {
                to: pair.to.code.clone(),
            },
            1 => Disposition::Disposed {
                route: "市场化处置变现".into(),
                note: None,
            },
            _ => Disposition::WrittenOff {
                approval: "曲政字〔2026〕1号（示意）".into(),
            },
        };
        h.assign_asset(id, &d).unwrap();
    }
    let debts: Vec<String> = h
        .debts
        .items()
        .iter()
        .filter(|a| a.owner == pair.from.code)
        .map(|a| a.id.clone())
        .collect();
    for id in &debts {
        h.assign_debt(
            id,
            &Disposition::Transferred {
                to: pair.to.code.clone(),
            },
        )
        .unwrap();
    }
    h.close(&sid, "财政局", day(8)).unwrap();
    let c = h.assets.conservation();
    for r in c.by_unit.iter().filter(|r| r.owner == pair.from.code) {
        assert!(r.conserved, "{r:?}");
    }
    assert!(c.tallies_agree && c.total.balanced && !c.conserved);
    // closed: no assignment, no re-import that changes it
    let before = h.clone();
    assert!(matches!(
        h.assign_asset(&mine[0], &Disposition::Unassigned),
        Err(HandoverError::SectionClosed(_))
    ));
    let mut changed = items.clone();
    let j = changed.iter().position(|a| a.id == mine[0]).unwrap();
    changed[j].net_value += Money(1);
    assert!(matches!(
        h.import_assets("assets2.csv", changed),
        Err(HandoverError::ClosedLedgerChanged { .. })
    ));
    assert_eq!(h, before);
    // an identical re-import keeps everything
    let r = h.import_assets("assets3.csv", items).unwrap();
    assert_eq!(r.changed + r.added + r.removed, 0);
    assert_eq!(h.assets, before.assets);
    // status
    let s = h.status(day(9));
    assert_eq!(s.assets.items, 3000);
    assert!(!s.assets.conserved);
    assert_eq!(s.sections_closed, 1);
    let j = serde_json::to_value(&s).unwrap();
    for k in [
        "items",
        "book_value",
        "transferred",
        "disposed",
        "written_off",
        "unassigned",
        "conserved",
    ] {
        assert!(j["assets"].get(k).is_some(), "{k}");
        assert!(j["debts"].get(k).is_some(), "{k}");
    }
    // the handover survives a round trip through JSON (the versioned record)
    let back: Handover = serde_json::from_str(&serde_json::to_string(&h).unwrap()).unwrap();
    assert_eq!(back, h);
}

#[test]
fn import_refuses_foreign_owner_and_duplicates_without_change() {
    let mut h = demo_handover();
    let mut items = synth::asset_ledger(&h.pairs, 50, 3);
    h.import_assets("a.csv", items.clone()).unwrap();
    let snapshot = h.clone();
    items[10].owner = "130634999".into();
    let e = h.import_assets("b.csv", items.clone()).unwrap_err();
    assert!(
        matches!(&e, HandoverError::UnknownOwner { row: 12, .. }),
        "{e}"
    );
    assert!(e.to_string().contains("b.csv 第 12 行"));
    items[10] = items[11].clone();
    assert!(matches!(
        h.import_assets("c.csv", items),
        Err(HandoverError::DuplicateItem { .. })
    ));
    assert_eq!(h, snapshot);
}

#[test]
fn quotas_never_exceed_the_county_total_and_merged_units_are_computed() {
    let mut h = demo_handover();
    h.compute_quotas().unwrap();
    let q = h.quotas.clone().unwrap();
    assert!(q.total_after <= q.total_before);
    assert_eq!(q.total_before - q.total_after, q.returned_to_pool);
    assert_eq!(q.lines.iter().map(|l| l.after).sum::<u32>(), q.total_after);
    assert!(
        q.lines
            .iter()
            .all(|l| l.after >= h.quota_policy.min && l.after <= h.quota_policy.max)
    );
    for l in q
        .lines
        .iter()
        .filter(|l| l.merged && l.predecessors.len() > 1)
    {
        assert!(
            l.after < l.before,
            "{l:?}: a merger's quota is computed, not summed"
        );
    }
    let s = h.status(day(2)).quotas;
    assert!(s.computed && s.within_total && s.min <= s.max);
}

#[test]
fn cadres_services_records_sections_close() {
    let mut h = demo_handover();
    let pair = h.pairs.pairs[0].clone();
    h.set_roster(synth::roster(&h.pairs, synth::SEED)).unwrap();
    let cid = format!("{}-cadres", pair.from.code);
    check_all(&mut h, &cid);
    h.set_posts(&pair.to.code, 3).unwrap();
    let mine: Vec<Cadre> = h
        .cadres
        .roster
        .iter()
        .filter(|c| c.unit == pair.from.code || c.unit == pair.to.code)
        .cloned()
        .collect();
    assert!(h.close(&cid, "组织部", day(9)).is_err());
    for (k, c) in mine.iter().enumerate() {
        let route = ["retain", "exchange", "overstaff", "retire"][k % 4];
        h.place(
            &c.id,
            PlacementRecord {
                route: route.into(),
                destination: Some(pair.to.code.clone()),
                post: None,
                leader: c.leader,
                date: day(6),
            },
        )
        .unwrap();
    }
    let e = h.close(&cid, "组织部", day(9)).unwrap_err();
    assert!(e.to_string().contains("谈心谈话"), "{e}");
    for c in &mine {
        h.record_talk(Talk {
            cadre: c.id.clone(),
            date: day(5),
            by: "组织部部长".into(),
            note: None,
        })
        .unwrap();
    }
    h.close(&cid, "组织部", day(9)).unwrap();
    let st = h.status(day(10)).cadres;
    assert!(st.overstaffed > 0 && st.overstaff_outstanding == st.overstaffed);
    h.absorb(Absorption {
        unit: pair.to.code.clone(),
        count: 1,
        date: day(20),
        note: "退休".into(),
    })
    .unwrap();
    assert_eq!(
        h.status(day(21)).cadres.overstaff_outstanding,
        st.overstaffed - 1
    );
    assert!(matches!(
        h.record_talk(Talk {
            cadre: mine[0].id.clone(),
            date: day(9),
            by: "x".into(),
            note: None
        }),
        Err(HandoverError::SectionClosed(_))
    ));
    assert_eq!(mine[0].redacted().name, "＊＊＊");

    // services: keep everything at the seat except the bank, closed without approval → refused
    h.set_service_points(synth::service_points(&h.pairs, synth::SEED, &|_| None))
        .unwrap();
    let sid = format!("{}-services", pair.from.code);
    check_all(&mut h, &sid);
    let pts: Vec<ServicePoint> = h
        .services
        .points
        .iter()
        .filter(|p| p.township == pair.from.code)
        .cloned()
        .collect();
    for p in &pts {
        let o = if p.kind == ServiceType::Bank {
            Outcome::Closed {
                reason: "网点撤并".into(),
                approval: None,
            }
        } else {
            Outcome::Kept
        };
        h.set_outcome(&p.id, o).unwrap();
    }
    assert!(h.close(&sid, "行政审批局", day(9)).is_err());
    let bank = pts.iter().find(|p| p.kind == ServiceType::Bank).unwrap();
    h.set_outcome(&bank.id, Outcome::Kept).unwrap();
    h.close(&sid, "行政审批局", day(9)).unwrap();

    let rid = format!("{}-records", pair.from.code);
    h.review_rule(RuleReview {
        unit: pair.from.code.clone(),
        title: "机关考勤制度".into(),
        action: RuleAction::Revised,
        reason: "与合并后镇机关不相适应".into(),
        date: day(7),
    })
    .unwrap();
    check_all(&mut h, &rid);
    h.close(&rid, "民政局", day(9)).unwrap();
    assert!(
        h.review_rule(RuleReview {
            unit: pair.from.code.clone(),
            title: "x".into(),
            action: RuleAction::New,
            reason: "y".into(),
            date: day(9)
        })
        .is_err()
    );
    let s = h.status(day(9));
    assert_eq!(s.records.rules_reviewed, 1);
    assert_eq!(s.sections_closed, 3);
}

/// The pairs from the registry events of the applied plan agree with those of the approved
/// scenario; refreshing the handover after the apply replaces proposed codes and keeps the work.
#[test]
fn applied_plan_events_give_the_same_pairs_and_refresh_keeps_work() {
    let mut demo = quhua_demo::Demo::load().unwrap();
    let scenario = quhua_demo::Demo::sample_scenario().unwrap();
    let base_date = quhua_demo::mca_list_date();
    let effective = chrono::NaiveDate::from_ymd_opt(2026, 9, 6).unwrap();
    let ids = quhua_core::scenario::apply_scenario(
        &mut demo.registry,
        &scenario,
        base_date,
        effective,
        "冀政函〔2026〕1号（示意）",
    )
    .unwrap();
    let events: Vec<_> = demo
        .registry
        .events()
        .iter()
        .filter(|e| ids.contains(&e.id))
        .cloned()
        .collect();
    let before = demo.registry.as_of(base_date);
    let after = demo.registry.as_of(effective);
    let applied = PlanPairs::from_events(&events, &before, &after, "130634").unwrap();
    let approved = demo_pairs();
    let key = |p: &PlanPairs| {
        let mut v: Vec<(String, String)> = p
            .pairs
            .iter()
            .map(|x| (x.from.code.clone(), x.to.name.clone()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(key(&applied), key(&approved));
    assert!(applied.pairs.iter().all(|p| !p.to.provisional));

    let mut h = demo_handover();
    let new_unit = h
        .pairs
        .pairs
        .iter()
        .find(|p| p.to.provisional)
        .cloned()
        .unwrap();
    let items = synth::asset_ledger(&h.pairs, 400, 11);
    h.import_assets("a.csv", items).unwrap();
    let id = h
        .assets
        .items()
        .iter()
        .find(|a| a.owner.starts_with(&new_unit.from.code))
        .unwrap()
        .id
        .clone();
    h.assign_asset(
        &id,
        &Disposition::Transferred {
            to: new_unit.to.code.clone(),
        },
    )
    .unwrap();
    let sid = format!("{}-archives", new_unit.from.code);
    h.check(&sid, "archives", &new_unit.from.code, done())
        .unwrap();
    h.refresh(applied.clone()).unwrap();
    let real = applied.pair(&new_unit.from.code).unwrap().to.code.clone();
    assert_eq!(
        h.assets.get(&id).unwrap().1,
        &Disposition::Transferred { to: real }
    );
    assert!(
        h.section(&sid)
            .unwrap()
            .checklist
            .iter()
            .any(|l| l.done.is_some())
    );
    assert!(h.assets.conservation().tallies_agree);
}

/// The demo data set (示意) fills every register of the demo plan's handover, reproducibly.
#[test]
fn demo_data_fills_every_register() {
    let mut h = demo_handover();
    let d = synth::demo(&h.pairs, synth::SEED, &|_| None);
    assert_eq!(d, synth::demo(&h.pairs, synth::SEED, &|_| None));
    assert!(d.assets.iter().all(|a| a.name.contains("示意")));
    h.import_assets("示意资产.csv", d.assets).unwrap();
    h.import_debts("示意债权债务.csv", d.debts).unwrap();
    h.set_roster(d.roster).unwrap();
    h.set_service_points(d.services).unwrap();
    h.compute_quotas().unwrap();
    let s = h.status(day(8));
    assert_eq!(s.assets.items, 3000);
    assert!(s.debts.items > 0 && s.cadres.roster > 0 && s.services.points_before > 0);
    assert_eq!(s.assets.unassigned.items, 3000);
    assert!(!s.services.holds);
    assert!(s.quotas.computed);
}
