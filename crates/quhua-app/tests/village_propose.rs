//! 村级撤并推荐 on the demo county: every proposed merger stays inside one township and one
//! kind (村 with 村, 居 with 居), in one piece, the township's seat village keeps its code;
//! population is conserved; every new village meets the floor unless the township's proof
//! says it cannot; the bound is at least what was found.

use quhua_app::access::{Actor, Jurisdiction, Role};
use quhua_app::propose::villages::{VillageRequest, propose_villages};
use quhua_app::{App, ErrorKind, imports};
use quhua_core::scenario::{Operation, VillageTarget};
use std::collections::HashMap;

fn editor() -> Actor {
    Actor {
        name: "quyang".into(),
        role: Some(Role::CountyEditor),
        jurisdiction: Jurisdiction::parse("130634", Role::CountyEditor).unwrap(),
        department: None,
        org: None,
    }
}

#[test]
fn village_mergers_stay_in_their_township_and_kind_and_meet_the_floor() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&format!("sqlite:{}", dir.path().join("p.db").display())).unwrap();
    imports::demo(&app, &Actor::operator("tester")).unwrap();
    // No floor in Hebei's policy: the planner must give one.
    let e = propose_villages(&app, &editor(), "130634", &VillageRequest::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid, "{}", e.zh);
    let req = VillageRequest {
        floor: Some(1500.0),
        ..VillageRequest::default()
    };
    let p = propose_villages(&app, &editor(), "130634", &req).unwrap();
    assert!(p.synthetic);
    assert!(
        p.indicators.after.count < p.indicators.before.count,
        "{:?}",
        p.indicators
    );
    assert_eq!(
        p.indicators.before.population.total,
        p.indicators.after.population.total
    );
    let before: usize = p.townships.iter().map(|t| t.before).sum();
    let after: usize = p.townships.iter().map(|t| t.after).sum();
    assert_eq!(
        (before, after),
        (p.indicators.before.count, p.indicators.after.count)
    );
    for t in &p.townships {
        if let Some(b) = t.bound {
            assert!(b >= t.after, "{}: bound {b} below {}", t.township, t.after);
        }
    }
    // Each merger: one township (codes share the 9-digit prefix), one kind range.
    let reg = app.registry().unwrap();
    let snap = reg.as_of(quhua_app::county::latest_date(&reg));
    let seats: Vec<String> = snap
        .at_level(quhua_core::Level::Township)
        .filter_map(|t| {
            t.seat
                .as_ref()?
                .village
                .and_then(|v| snap.get(v))
                .map(|v| v.code.to_string())
        })
        .collect();
    let mut absorbed: HashMap<String, String> = HashMap::new();
    for op in &p.ops {
        let Operation::MergeVillages {
            villages,
            target: VillageTarget::Into(head),
        } = op
        else {
            panic!("unexpected {op:?}");
        };
        for v in villages {
            assert_eq!(&v[..9], &head[..9], "{v} and {head} in different townships");
            let residents = |c: &str| {
                let seq: u32 = c[9..].parse().unwrap();
                seq < 200 || (400..500).contains(&seq)
            };
            assert_eq!(residents(v), residents(head), "居 with 村: {v} {head}");
            assert!(!seats.contains(v), "the seat village {v} was merged away");
            absorbed.insert(v.clone(), head.clone());
        }
    }
    assert!(!absorbed.is_empty());
    // The findings: no merged village in two pieces; floors met unless a conflict says why.
    assert!(
        !p.findings
            .iter()
            .any(|f| f.rule.as_str() == "village_contiguity"),
        "{:#?}",
        p.findings
    );
    // A viewer of another county may not ask.
    let other = Actor {
        jurisdiction: Jurisdiction::parse("130627", Role::CountyEditor).unwrap(),
        ..editor()
    };
    assert_eq!(
        propose_villages(&app, &other, "130634", &req)
            .unwrap_err()
            .kind,
        ErrorKind::Forbidden
    );
    // The ops evaluate as a scheme: households conserved too (示意).
    let hh = VillageRequest {
        floor: Some(500.0),
        by_households: true,
        ..VillageRequest::default()
    };
    let q = propose_villages(&app, &editor(), "130634", &hh).unwrap();
    assert_eq!(q.floor_basis, "households");
    assert_eq!(
        q.indicators.before.households.total,
        q.indicators.after.households.total
    );
}

#[test]
fn a_region_run_solves_every_county_and_checks_the_prefix_and_jurisdiction() {
    use quhua_app::propose::village_region::region;
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&format!("sqlite:{}", dir.path().join("r.db").display())).unwrap();
    imports::demo(&app, &Actor::operator("tester")).unwrap();
    // the heuristic alone on both sides (a region run has no exact check by default; the
    // county's own proposal checks 0.2 s per township and may find one village more)
    let req = VillageRequest {
        floor: Some(1500.0),
        exact_time_limit: Some(0.0),
        ..VillageRequest::default()
    };
    let run = region(&app, &Actor::operator("tester"), "13", false, &req).unwrap();
    assert_eq!(run.failed, 0, "{:?}", run.counties);
    assert_eq!(run.counties.len(), 1);
    let c = &run.counties[0];
    assert!(c.after < c.before && c.townships == 18, "{c:?}");
    // The same townships and counts as the county's own proposal.
    let p = propose_villages(&app, &editor(), "130634", &req).unwrap();
    assert_eq!(
        (c.before, c.after),
        (p.indicators.before.count, p.indicators.after.count)
    );
    assert_eq!(
        region(&app, &Actor::operator("tester"), "1", false, &req)
            .unwrap_err()
            .kind,
        ErrorKind::Invalid
    );
    assert_eq!(
        region(&app, &editor(), "", false, &req).unwrap_err().kind,
        ErrorKind::Forbidden
    );
}
