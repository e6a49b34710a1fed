//! Edges of the handover registers that the larger walks do not pin down: the exact counts of a
//! ledger re-import, a placement route without a destination, unchanged service points in a
//! closed section, the facts read off an evaluation, money arithmetic and the quota policy's
//! weights.

mod common;

use common::handover::{day, demo_base_and_pairs, done, handover_of};
use quhua_core::attr::keys;
use quhua_workflow::handover::*;

fn demo_handover() -> Handover {
    handover_of(demo_base_and_pairs().1)
}

/// Each township's facts are read from its own attribute columns: GDP from the GDP column, not
/// from whichever column comes first.
#[test]
fn facts_come_from_the_named_columns() {
    let (base, pairs) = demo_base_and_pairs();
    let column = |name: &str| {
        base.keys
            .iter()
            .enumerate()
            .find(|(_, k)| k.as_str() == name)
            .map(|(i, _)| i)
    };
    let gdp = column(keys::GDP).expect("the demo has a GDP column");
    let pop = base.pop_key.expect("the demo has a population column");
    assert_ne!(gdp, pop);
    let mut differs = 0;
    for t in &base.townships {
        let facts = &pairs.before[&t.code.to_string()];
        let want = t.attrs[gdp].map(|a| a.to_f64());
        assert_eq!(facts.gdp, want, "{}", t.name);
        assert_eq!(facts.population, t.attrs[pop].map(|a| a.to_f64()));
        differs += usize::from(facts.gdp != facts.population);
    }
    assert_eq!(differs, base.townships.len());
}

/// A re-import counts every id exactly once: added, removed, changed or unchanged.
#[test]
fn reimport_report_counts_each_id_once() {
    let mut h = demo_handover();
    let items = synth::asset_ledger(&h.pairs, 40, 5);
    let first = h.import_assets("a.csv", items.clone()).unwrap();
    assert_eq!(
        first,
        ImportReport {
            items: 40,
            added: 40,
            ..Default::default()
        }
    );
    let mut next = items.clone();
    next.remove(3); // removed
    next[0].name.push_str("（更正）"); // changed
    let bumped = next[1].net_value + Money::parse("1", 100).unwrap();
    next[1].net_value = bumped; // changed
    let mut fresh = items[5].clone();
    fresh.id = format!("{}-new", fresh.id);
    next.push(fresh.clone()); // added
    let mut other = items[6].clone();
    other.id = format!("{}-new2", other.id);
    next.push(other); // added
    let second = h.import_assets("b.csv", next).unwrap();
    assert_eq!(
        second,
        ImportReport {
            items: 41,
            added: 2,
            removed: 1,
            changed: 2,
            unchanged: 37,
        }
    );
}

/// A route that needs no destination (退休) stores none, whatever the form sent, and cannot make
/// a leadership post; a route that needs one refuses a blank destination.
#[test]
fn placement_destination_follows_the_route() {
    let mut h = demo_handover();
    h.set_roster(synth::roster(&h.pairs, synth::SEED)).unwrap();
    let pair = h.pairs.pairs[0].clone();
    let cadre = h
        .cadres
        .roster
        .iter()
        .find(|c| c.unit == pair.from.code)
        .unwrap()
        .clone();
    h.place(
        &cadre.id,
        PlacementRecord {
            route: "retire".into(),
            destination: Some(pair.to.code.clone()),
            post: None,
            leader: true,
            date: day(6),
        },
    )
    .unwrap();
    let stored = &h.cadres.placements[&cadre.id];
    assert_eq!(stored.route, "retire");
    assert_eq!(stored.destination, None);
    assert!(!stored.leader);
    // The Chinese name of a route is accepted as well as its id.
    h.place(
        &cadre.id,
        PlacementRecord {
            route: "留任使用".into(),
            destination: Some(pair.to.code.clone()),
            post: None,
            leader: true,
            date: day(6),
        },
    )
    .unwrap();
    let stored = &h.cadres.placements[&cadre.id];
    assert_eq!(stored.route, "retain");
    assert_eq!(stored.destination.as_deref(), Some(pair.to.code.as_str()));
    assert!(stored.leader);
    let e = h
        .place(
            &cadre.id,
            PlacementRecord {
                route: "retain".into(),
                destination: Some("  ".into()),
                post: None,
                leader: false,
                date: day(6),
            },
        )
        .unwrap_err();
    assert!(e.to_string().contains("须注明去向单位"), "{e}");
}

/// Once a services section is closed, sending its points back unchanged is accepted (the form
/// resends the whole list), while changing, removing or adding one of them is refused.
#[test]
fn closed_service_section_accepts_only_its_points_unchanged() {
    let mut h = demo_handover();
    h.set_service_points(synth::service_points(&h.pairs, synth::SEED, &|_| None))
        .unwrap();
    let pair = h.pairs.pairs[0].clone();
    let sid = format!("{}-services", pair.from.code);
    let lines: Vec<(String, String)> = h
        .section(&sid)
        .unwrap()
        .checklist
        .iter()
        .map(|l| (l.item.clone(), l.unit.clone()))
        .collect();
    for (item, unit) in lines {
        h.check(&sid, &item, &unit, done()).unwrap();
    }
    let ids: Vec<String> = h
        .services
        .points
        .iter()
        .filter(|p| p.township == pair.from.code)
        .map(|p| p.id.clone())
        .collect();
    for id in &ids {
        h.set_outcome(id, Outcome::Kept).unwrap();
    }
    h.close(&sid, "行政审批局", day(9)).unwrap();
    let all = h.services.points.clone();
    h.set_service_points(all.clone()).unwrap();
    let snapshot = h.clone();

    let closed_kind = all
        .iter()
        .find(|p| p.township == pair.from.code)
        .unwrap()
        .clone();
    let mut renamed = all.clone();
    let i = renamed.iter().position(|p| p.id == closed_kind.id).unwrap();
    renamed[i].name.push_str("（改）");
    assert!(matches!(
        h.set_service_points(renamed),
        Err(HandoverError::SectionClosed(_))
    ));
    let removed: Vec<ServicePoint> = all
        .iter()
        .filter(|p| p.id != closed_kind.id)
        .cloned()
        .collect();
    assert!(matches!(
        h.set_service_points(removed),
        Err(HandoverError::SectionClosed(_))
    ));
    let mut added = all.clone();
    let mut extra = closed_kind.clone();
    extra.id = format!("{}-extra", extra.id);
    added.push(extra);
    assert!(matches!(
        h.set_service_points(added),
        Err(HandoverError::SectionClosed(_))
    ));
    let mut twice = all.clone();
    twice.push(all[0].clone());
    let e = h.set_service_points(twice).unwrap_err();
    assert!(e.to_string().contains("重复"), "{e}");
    assert_eq!(h, snapshot);
}

/// Money adds and subtracts exactly, in place or not, and sums.
#[test]
fn money_arithmetic_is_exact() {
    let m = |s: &str| Money::parse(s, 100).unwrap();
    assert_eq!(m("10.25") - m("0.30"), m("9.95"));
    assert_eq!(m("0.30") - m("10.25"), m("-9.95"));
    assert_eq!(m("10.25") + m("0.30"), m("10.55"));
    let mut x = m("5");
    x -= m("1.01");
    assert_eq!(x, m("3.99"));
    x += m("0.01");
    assert_eq!(x, m("4"));
    let total: Money = [m("1.10"), m("2.20"), m("-0.30")].into_iter().sum();
    assert_eq!(total, m("3.00"));
}

/// A factor may weigh zero (the policy then ignores it) as long as some factor weighs more;
/// a negative weight, or all zeros, is refused.
#[test]
fn quota_policy_weights() {
    let builtin = QuotaPolicy::builtin().unwrap();
    let mut text = toml::to_string(&builtin).unwrap();
    assert!(QuotaPolicy::from_toml("p.toml", &text).is_ok());
    let first_weight = format!("weight = {:?}", builtin.factors[0].weight);
    assert!(text.contains(&first_weight), "{text}");
    text = text.replacen(&first_weight, "weight = 0.0", 1);
    let zero = QuotaPolicy::from_toml("p.toml", &text).unwrap();
    assert_eq!(zero.factors[0].weight, 0.0);
    let negative = text.replacen("weight = 0.0", "weight = -0.5", 1);
    let e = QuotaPolicy::from_toml("p.toml", &negative).unwrap_err();
    assert!(e.to_string().contains("权重须非负"), "{e}");
}

/// The share of cadres talked to (谈心谈话) is talked / roster.
#[test]
fn talk_coverage_is_the_share_talked_to() {
    let mut h = demo_handover();
    h.set_roster(synth::roster(&h.pairs, synth::SEED)).unwrap();
    let roster: Vec<String> = h.cadres.roster.iter().map(|c| c.id.clone()).collect();
    assert!(roster.len() >= 4, "{}", roster.len());
    assert_eq!(h.status(day(2)).cadres.talk_coverage, 0.0);
    let talk = |id: &str| Talk {
        cadre: id.to_string(),
        date: day(3),
        by: "组织部部长".into(),
        note: None,
    };
    h.record_talk(talk(&roster[0])).unwrap();
    h.record_talk(talk(&roster[1])).unwrap();
    let st = h.status(day(4)).cadres;
    assert_eq!((st.talked, st.talks, st.roster), (2, 2, roster.len()));
    let want = 2.0 / roster.len() as f64;
    assert!(
        (st.talk_coverage - want).abs() < 1e-12,
        "{} vs {want}",
        st.talk_coverage
    );
}

/// Re-importing the same debts changes nothing: every item is unchanged.
#[test]
fn identical_debt_reimport_is_unchanged() {
    let mut h = demo_handover();
    let debts = synth::debt_ledger(&h.pairs, 9);
    assert!(!debts.is_empty());
    h.import_debts("d.csv", debts.clone()).unwrap();
    let mut moved = debts.clone();
    for (i, d) in moved.iter_mut().enumerate() {
        d.row = i + 100; // other rows, same content
    }
    let r = h.import_debts("d2.csv", moved).unwrap();
    assert_eq!(
        (r.unchanged, r.changed, r.added, r.removed),
        (debts.len(), 0, 0, 0)
    );
}

/// Quotas before are set for known townships only, all or nothing.
#[test]
fn quotas_before_for_known_townships() {
    let mut h = demo_handover();
    let codes: Vec<String> = h.pairs.before.keys().take(3).cloned().collect();
    let set: Vec<(String, u32)> = codes.iter().map(|c| (c.clone(), 17)).collect();
    assert_eq!(h.set_quotas_before(&set).unwrap(), 3);
    for c in &codes {
        assert_eq!(h.pairs.before[c].staff_quota, Some(17));
    }
    let mut bad = set.clone();
    bad.push(("130634999".into(), 5));
    bad[0].1 = 99;
    assert!(
        matches!(h.set_quotas_before(&bad), Err(HandoverError::UnknownUnit(c)) if c == "130634999")
    );
    assert_eq!(
        h.pairs.before[&codes[0]].staff_quota,
        Some(17),
        "nothing set"
    );
}

/// The formula allocates exactly its budget; a township formed by a merger is marked merged,
/// one that only keeps itself is not.
#[test]
fn quotas_allocate_the_whole_budget_and_mark_mergers() {
    let mut h = demo_handover();
    let quotas: Vec<(String, u32)> = h
        .pairs
        .before
        .keys()
        .enumerate()
        .map(|(i, c)| (c.clone(), 20 + (i as u32 % 7)))
        .collect();
    h.set_quotas_before(&quotas).unwrap();
    h.compute_quotas().unwrap();
    let q = h.quotas.clone().unwrap();
    let total: u32 = q.lines.iter().map(|l| l.after).sum();
    assert_eq!(total, q.total_after);
    assert_eq!(q.total_before - q.total_after, q.returned_to_pool);
    assert!(q.total_after <= q.budget);
    let bounded = q.lines.iter().any(|l| l.bounded);
    if !bounded {
        assert_eq!(
            q.total_after, q.budget,
            "no bound: the whole budget is given"
        );
    }
    let hengzhou = q.lines.iter().find(|l| l.name == "恒州镇").unwrap();
    assert!(
        hengzhou.predecessors.len() >= 2 && hengzhou.merged,
        "{hengzhou:?}"
    );
    for l in &q.lines {
        let alone = l.predecessors.len() == 1 && l.predecessors[0] == l.code;
        assert_eq!(l.merged, !alone, "{l:?}");
    }
}

/// Service types parse from their ids and Chinese names (and a leading part of the name).
#[test]
fn service_types_parse() {
    for t in ServiceType::ALL {
        assert_eq!(ServiceType::parse(t.id()), Some(t));
        assert_eq!(ServiceType::parse(&format!(" {} ", t.zh())), Some(t));
    }
    assert_eq!(ServiceType::parse(""), None);
    assert_eq!(ServiceType::parse("no such type"), None);
}

/// A former seat whose service station is closed has no station, whatever other seats'
/// stations are still undecided; the status counts the points after exactly.
#[test]
fn a_closed_station_is_named_even_while_other_seats_are_undecided() {
    let mut h = demo_handover();
    h.set_service_points(synth::service_points(&h.pairs, synth::SEED, &|_| None))
        .unwrap();
    let former: Vec<String> = h.pairs.pairs.iter().map(|p| p.from.code.clone()).collect();
    assert!(former.len() >= 2);
    let first = former[0].clone();
    let station = h
        .services
        .points
        .iter()
        .find(|p| p.township == first && p.at_seat && p.kind == ServiceType::ServiceCentre)
        .expect("a station at the first seat")
        .id
        .clone();
    h.set_outcome(
        &station,
        Outcome::Closed {
            reason: "撤并".into(),
            approval: None,
        },
    )
    .unwrap();
    let f = h.services.findings(&former);
    assert!(
        f.iter()
            .any(|x| x.rule == quhua_core::rules::RuleId::ServicesStation
                && x.units == vec![first.clone()]),
        "{f:?}"
    );
    // The status: every point is pending but the closed one.
    let s = h.services.status(&former);
    assert_eq!((s.closed, s.kept, s.pending + 1), (1, 0, s.points_before));
    assert_eq!(s.points_after, s.added);
    let kept: Vec<String> = h
        .services
        .points
        .iter()
        .filter(|p| p.id != station)
        .take(3)
        .map(|p| p.id.clone())
        .collect();
    for id in &kept {
        h.set_outcome(id, Outcome::Kept).unwrap();
    }
    let s = h.services.status(&former);
    assert_eq!((s.kept, s.points_after), (3, 3 + s.added));
}

/// The synthetic data is reproducible: the same seed gives the same ledger, points and
/// roster, and another seed other figures (示意数据 must be regenerable exactly).
#[test]
fn synthetic_data_is_reproducible_and_seeded() {
    let h = demo_handover();
    let a = synth::asset_ledger(&h.pairs, 30, 1);
    assert_eq!(a, synth::asset_ledger(&h.pairs, 30, 1));
    assert_ne!(a, synth::asset_ledger(&h.pairs, 30, 2));
    for it in &a {
        assert!(
            it.original_value >= Money::parse("1", 100).unwrap(),
            "{it:?}"
        );
        assert!(
            it.net_value <= it.original_value && it.net_value > Money::ZERO,
            "{it:?}"
        );
    }
    // Values spread over orders of magnitude, as real ledgers do (log-normal).
    let mut v: Vec<Money> = a.iter().map(|i| i.original_value).collect();
    v.sort();
    assert!(v[v.len() - 1] > v[0] + v[0], "{v:?}");
    let p1 = synth::service_points(&h.pairs, 5, &|_| None);
    assert_eq!(p1, synth::service_points(&h.pairs, 5, &|_| None));
    let differs = (6..12).any(|s| synth::service_points(&h.pairs, s, &|_| None) != p1);
    assert!(differs, "the seed changes the village points");
}
