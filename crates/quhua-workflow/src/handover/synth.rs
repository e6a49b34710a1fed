//! Synthetic (示意) handover data, reproducible from a seed: asset and debt ledgers, a cadre
//! roster and service points for a handover's townships, and large asset ledgers for the
//! benchmarks. Every name carries 示意 so that it is never taken for real data.

use super::cadre::Cadre;
use super::items::{AssetItem, DebtItem, DebtKind};
use super::money::Money;
use super::plan::PlanPairs;
use super::service::{ServicePoint, ServiceType};
use quhua_core::attr::Amount;
use quhua_core::synth::SplitMix64;
use quhua_core::unit::LonLat;

/// The seed of the demo handover data.
pub const SEED: u64 = 20_260_906;

/// Label shown with synthetic data.
pub const LABEL: &str = "示意数据 synthetic";

const TOWN_CATS: &[(&str, &str, f64)] = &[
    ("房屋及构筑物", "平方米", 900_000.0),
    ("土地", "平方米", 400_000.0),
    ("车辆", "辆", 120_000.0),
    ("办公设备", "台", 4_000.0),
    ("家具用具", "件", 1_500.0),
    ("专用设备", "台", 30_000.0),
];
const VILLAGE_CATS: &[(&str, &str, f64)] = &[
    ("村集体房屋", "平方米", 300_000.0),
    ("农田水利设施", "处", 80_000.0),
    ("村集体林地", "亩", 50_000.0),
    ("办公设备", "台", 3_000.0),
];
const CONDITIONS: &[&str] = &["在用", "在用", "在用", "闲置", "出租"];

fn pick<'a, T>(r: &mut SplitMix64, xs: &'a [T]) -> &'a T {
    &xs[(r.next_u64() % xs.len() as u64) as usize]
}

fn money(r: &mut SplitMix64, median: f64) -> (Money, Money) {
    let orig = (r.lognormal(median, 0.9) * 100.0).round().max(100.0) as i64;
    let net = (orig as f64 * r.range(0.05, 1.0)).round() as i64;
    (Money(orig), Money(net))
}

/// One asset item of `owner` (9-digit township or 12-digit village code).
fn asset(r: &mut SplitMix64, owner: &str, n: usize) -> AssetItem {
    let village = owner.len() == 12;
    let &(cat, unit, median) = pick(r, if village { VILLAGE_CATS } else { TOWN_CATS });
    let (original_value, net_value) = money(r, median);
    let qty = if unit == "平方米" || unit == "亩" {
        Amount::from_f64((r.lognormal(200.0, 0.8) * 100.0).round() / 100.0)
            .unwrap_or(Amount::from_int(1))
    } else {
        Amount::from_int(1 + (r.next_u64() % 3) as i64)
    };
    let year = 1995 + (r.next_u64() % 30) as i32;
    let month = 1 + (r.next_u64() % 12) as u32;
    AssetItem {
        id: format!("ZC{owner}{n:06}"),
        name: format!("{cat}（示意）{n}"),
        category: cat.to_string(),
        owner: owner.to_string(),
        quantity: qty,
        original_value,
        net_value,
        measure_unit: Some(unit.to_string()),
        acquired: Some(format!("{year}-{month:02}-01")),
        location: Some(format!("示意地点{}", n % 50)),
        condition: Some(pick(r, CONDITIONS).to_string()),
        row: 0,
    }
}

/// The owners of a handover's ledgers: each predecessor township and its villages.
pub fn owners(pairs: &PlanPairs) -> Vec<String> {
    let mut out = Vec::new();
    for p in &pairs.pairs {
        out.push(p.from.code.clone());
        out.extend(p.facts.villages.iter().cloned());
    }
    out
}

/// An asset ledger of exactly `n` items spread over the handover's townships and villages
/// (township assets about a third), rows numbered as in a CSV with a header (from 2).
///
/// ```
/// use quhua_workflow::handover::{PlanPairs, synth};
/// # let demo = quhua_demo::Demo::load().unwrap();
/// # let policy = quhua_core::policy::Policy::default_policy();
/// # let base = demo.base(None, &policy).unwrap();
/// # let eval = quhua_core::scenario::evaluate(&base, &policy, &quhua_demo::Demo::sample_scenario().unwrap()).unwrap();
/// let pairs = PlanPairs::from_evaluation(&base, &eval).unwrap();
/// let a = synth::asset_ledger(&pairs, 1000, 7);
/// assert_eq!(a.len(), 1000);
/// assert_eq!(a, synth::asset_ledger(&pairs, 1000, 7));
/// ```
pub fn asset_ledger(pairs: &PlanPairs, n: usize, seed: u64) -> Vec<AssetItem> {
    let mut r = SplitMix64::new(seed);
    let towns: Vec<&str> = pairs.pairs.iter().map(|p| p.from.code.as_str()).collect();
    let villages: Vec<&str> = pairs
        .pairs
        .iter()
        .flat_map(|p| p.facts.villages.iter().map(String::as_str))
        .collect();
    (0..n)
        .map(|i| {
            let owner = if villages.is_empty() || r.next_u64().is_multiple_of(3) {
                *pick(&mut r, &towns)
            } else {
                *pick(&mut r, &villages)
            };
            let mut a = asset(&mut r, owner, i);
            a.row = i + 2;
            a
        })
        .collect()
}

/// Debts and claims: a few per township and village.
pub fn debt_ledger(pairs: &PlanPairs, seed: u64) -> Vec<DebtItem> {
    let mut r = SplitMix64::new(seed ^ 0xDEB7);
    let mut out = Vec::new();
    for owner in owners(pairs) {
        let k = if owner.len() == 9 { 12 } else { 2 };
        for _ in 0..k {
            let n = out.len();
            let kind = if r.next_u64().is_multiple_of(3) {
                DebtKind::Claim
            } else {
                DebtKind::Debt
            };
            let amount = Money((r.lognormal(80_000.0, 1.0) * 100.0).round() as i64);
            out.push(DebtItem {
                id: format!("ZW{owner}{n:05}"),
                kind,
                counterparty: format!("示意单位{}", r.next_u64() % 200),
                amount,
                due: Some(format!(
                    "{}-{:02}-30",
                    2026 + (r.next_u64() % 4) as i32,
                    1 + r.next_u64() % 12
                )),
                owner: owner.clone(),
                row: n + 2,
            });
        }
    }
    out
}

const POSTS: &[(&str, bool)] = &[
    ("党委书记", true),
    ("镇长", true),
    ("党委副书记", true),
    ("人大主席", true),
    ("纪委书记", true),
    ("副镇长", true),
    ("副镇长", true),
    ("武装部长", true),
    ("党政办主任", false),
    ("科员", false),
];
const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

/// A roster: about 20 cadres per predecessor township and 10 per successor.
pub fn roster(pairs: &PlanPairs, seed: u64) -> Vec<Cadre> {
    let mut r = SplitMix64::new(seed ^ 0xCAD2);
    let mut units: Vec<String> = pairs.pairs.iter().map(|p| p.from.code.clone()).collect();
    for p in &pairs.pairs {
        if !units.contains(&p.to.code) && !p.to.provisional {
            units.push(p.to.code.clone());
        }
    }
    let mut out = Vec::new();
    for u in units {
        let n = if pairs.pair(&u).is_some() { 20 } else { 10 };
        for k in 0..n {
            let (post, leader) = POSTS[k.min(POSTS.len() - 1)];
            out.push(Cadre {
                id: format!("GB{u}{k:03}"),
                unit: u.clone(),
                post: post.to_string(),
                leader,
                rank: Some(if leader { "乡科级" } else { "一级科员" }.to_string()),
                name: format!("{}某{}（示意）", pick(&mut r, SURNAMES), k + 1),
                gender: Some(
                    if r.next_u64().is_multiple_of(2) {
                        "男"
                    } else {
                        "女"
                    }
                    .to_string(),
                ),
                birth_date: chrono::NaiveDate::from_ymd_opt(
                    1966 + (r.next_u64() % 33) as i32,
                    1 + (r.next_u64() % 12) as u32,
                    1,
                ),
                id_number: None,
                phone: None,
            });
        }
    }
    out
}

/// Service points of each predecessor: at the seat a service centre, a health centre, a
/// school, a kindergarten, a post office and a bank; in some villages a service room and a
/// clinic. Locations come from `locate` (village code → point) when it knows them.
pub fn service_points(
    pairs: &PlanPairs,
    seed: u64,
    locate: &dyn Fn(&str) -> Option<LonLat>,
) -> Vec<ServicePoint> {
    let mut r = SplitMix64::new(seed ^ 0x5E2F);
    let mut out = Vec::new();
    for p in &pairs.pairs {
        let stem = quhua_core::unit::name_stem(&p.from.name);
        let seat = p
            .facts
            .seat_village
            .clone()
            .or_else(|| p.facts.villages.first().cloned());
        let at = seat.as_deref().and_then(locate);
        for (k, kind) in [
            ServiceType::ServiceCentre,
            ServiceType::HealthCentre,
            ServiceType::PrimarySchool,
            ServiceType::Kindergarten,
            ServiceType::Post,
            ServiceType::Bank,
        ]
        .into_iter()
        .enumerate()
        {
            out.push(ServicePoint {
                id: format!("FW{}{k:02}", p.from.code),
                kind,
                name: format!("{stem}{}（示意）", kind.zh()),
                township: p.from.code.clone(),
                village: seat.clone(),
                location: at,
                at_seat: true,
            });
        }
        for (j, v) in p.facts.villages.iter().enumerate() {
            if r.next_u64().is_multiple_of(2) {
                for kind in [ServiceType::VillageService, ServiceType::VillageClinic] {
                    out.push(ServicePoint {
                        id: format!("FW{v}{}", kind.id()),
                        kind,
                        name: format!("示意村{j}{}", kind.zh()),
                        township: p.from.code.clone(),
                        village: Some(v.clone()),
                        location: locate(v),
                        at_seat: false,
                    });
                }
            }
        }
    }
    out
}

/// The demo handover data set (示意): a few thousand assets, debts, a roster and service points.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoData {
    /// Assets.
    pub assets: Vec<AssetItem>,
    /// Debts and claims.
    pub debts: Vec<DebtItem>,
    /// Roster.
    pub roster: Vec<Cadre>,
    /// Service points.
    pub services: Vec<ServicePoint>,
}

/// Generates the demo data set for a handover's pairs from `seed` ([`SEED`] for the demo):
/// 3,000 assets, debts and claims, the roster and the service points.
pub fn demo(pairs: &PlanPairs, seed: u64, locate: &dyn Fn(&str) -> Option<LonLat>) -> DemoData {
    DemoData {
        assets: asset_ledger(pairs, 3000, seed),
        debts: debt_ledger(pairs, seed),
        roster: roster(pairs, seed),
        services: service_points(pairs, seed, locate),
    }
}
