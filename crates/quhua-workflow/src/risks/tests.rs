use super::*;
use crate::org::Actor;
use proptest::prelude::*;
use quhua_core::date::{Date, parse_date};

fn d(s: &str) -> Date {
    parse_date(s).unwrap()
}

fn risk(id: &str, level: RiskLevel, owner: &str) -> Risk {
    let mut r = Risk::new(
        id,
        "示意风险点",
        RiskCategory::Petitions,
        level,
        owner,
        "office",
        d("2021-09-01"),
        d("2021-12-31"),
    );
    r.units.push("township-1".into());
    r
}

#[test]
fn closure_is_verified_by_another_account() {
    let owner = Actor::new("zhang", "civil");
    let r = risk("R1", RiskLevel::Major, "civil");
    assert!(
        r.update(&Actor::new("x", "finance"), "进展", vec![], d("2021-09-10"))
            .is_err()
    );
    let r = r
        .update(&owner, "已约谈重点信访户", vec![], d("2021-09-10"))
        .unwrap();
    assert!(
        r.verify(&Actor::new("wang", "office"), true, "", d("2021-09-11"))
            .is_err()
    ); // nothing reported
    let r = r
        .report_resolved(&owner, "诉求已化解", vec![], d("2021-10-01"))
        .unwrap();
    assert!(matches!(
        r.report_resolved(&owner, "again", vec![], d("2021-10-02")),
        Err(RiskError::AlreadyReported(_))
    ));
    assert!(matches!(
        r.verify(&Actor::new("zhang", "office"), true, "", d("2021-10-02")),
        Err(RiskError::SelfVerification { .. })
    ));
    let back = r
        .verify(
            &Actor::new("wang", "office"),
            false,
            "需补充谈话记录",
            d("2021-10-02"),
        )
        .unwrap();
    assert_eq!(back.state(d("2021-10-02")).status, RiskStatus::Returned);
    let closed = back
        .report_resolved(&owner, "已补充", vec![], d("2021-10-05"))
        .unwrap()
        .verify(
            &Actor::new("wang", "office"),
            true,
            "核验属实",
            d("2021-10-06"),
        )
        .unwrap();
    assert_eq!(closed.state(d("2021-10-06")).status, RiskStatus::Closed);
    assert_eq!(closed.state(d("2021-10-03")).status, RiskStatus::Returned);
    assert!(matches!(
        closed.update(&owner, "x", vec![], d("2021-10-07")),
        Err(RiskError::Closed(_))
    ));
}

#[test]
fn table_by_level_and_unit() {
    let owner = Actor::new("zhang", "civil");
    let office = Actor::new("wang", "office");
    let a = risk("R1", RiskLevel::Major, "civil");
    let b = risk("R2", RiskLevel::General, "civil")
        .report_resolved(&owner, "ok", vec![], d("2021-10-01"))
        .unwrap()
        .verify(&office, true, "", d("2021-10-02"))
        .unwrap();
    let c = risk("R3", RiskLevel::General, "finance")
        .relevel(&office, RiskLevel::Major, "涉及债务较大", d("2021-10-01"))
        .unwrap();
    let t = risk_table(&[a, b, c], d("2022-01-10"));
    let row = |u: &str, l: RiskLevel| t.iter().find(|r| r.unit == u && r.level == l).cloned();
    assert_eq!(
        row("civil", RiskLevel::Major).map(|r| (r.total, r.open, r.overdue)),
        Some((1, 1, 1))
    );
    assert_eq!(
        row("civil", RiskLevel::General).map(|r| (r.total, r.closed, r.overdue)),
        Some((1, 1, 0))
    );
    assert_eq!(row("finance", RiskLevel::Major).map(|r| r.total), Some(1));
    assert_eq!(
        row("township-1", RiskLevel::Major).map(|r| r.total),
        Some(2)
    );
    assert!(row("finance", RiskLevel::General).is_none());
}

proptest! {
    #[test]
    fn table_counts_every_risk_for_every_unit(levels in proptest::collection::vec(0usize..3, 0..30), closes in proptest::collection::vec(any::<bool>(), 30)) {
        let owner = Actor::new("zhang", "civil");
        let office = Actor::new("wang", "office");
        let risks: Vec<Risk> = levels.iter().enumerate().map(|(i, &l)| {
            let r = risk(&format!("R{i}"), RiskLevel::ALL[l], "civil");
            if closes[i] {
                r.report_resolved(&owner, "ok", vec![], d("2021-10-01")).unwrap().verify(&office, true, "", d("2021-10-02")).unwrap()
            } else { r }
        }).collect();
        let t = risk_table(&risks, d("2022-01-10"));
        let civil: usize = t.iter().filter(|r| r.unit == "civil").map(|r| r.total).sum();
        prop_assert_eq!(civil, risks.len());
        for r in &t {
            prop_assert_eq!(r.open + r.reported + r.closed, r.total);
            prop_assert!(r.overdue <= r.open + r.reported);
        }
        let closed: usize = t.iter().filter(|r| r.unit == "civil").map(|r| r.closed).sum();
        prop_assert_eq!(closed, closes.iter().take(levels.len()).filter(|c| **c).count());
    }
}
