//! The handover pairs of a plan: each abolished or merged township and its successor, from
//! the registry events of an applied plan (facts and lineage) or from the evaluation of an
//! approved scenario.

use super::error::HandoverError;
use quhua_core::event::{ChangeEvent, EventType};
use quhua_core::scenario::{Base, Evaluation};
use quhua_core::snapshot::Snapshot;
use quhua_core::unit::UnitId;
use quhua_core::{Level, attr::keys};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// A township as the handover names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UnitRef {
    /// The 9-digit code (for a successor still without a code: the proposed one, 拟用代码).
    pub code: String,
    /// Name.
    pub name: String,
    /// True when `code` is only proposed (a scenario not yet applied).
    #[serde(default)]
    pub provisional: bool,
}

impl UnitRef {
    /// `name（code）`.
    pub fn label(&self) -> String {
        format!("{}（{}）", self.name, self.code)
    }
}

/// How the predecessor ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PairKind {
    /// 撤销并入: the territory joins an existing township.
    AbolishMerge,
    /// 合并设立: a new township over several former ones.
    MergeEstablish,
    /// 建制变更 (撤乡设镇, 撤乡镇设街道): the same territory under a new kind and code.
    Convert,
}

impl PairKind {
    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            PairKind::AbolishMerge => "撤销并入",
            PairKind::MergeEstablish => "合并设立",
            PairKind::Convert => "建制变更",
        }
    }
    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            PairKind::AbolishMerge => "abolished and merged into",
            PairKind::MergeEstablish => "merged into a new township",
            PairKind::Convert => "change of kind",
        }
    }
}

/// What the handover knows of a predecessor township (for quotas and service continuity).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UnitFacts {
    /// Registered population, when known.
    pub population: Option<f64>,
    /// Area, km², when known.
    pub area_km2: Option<f64>,
    /// Economic strength (GDP, 万元), when known.
    pub gdp: Option<f64>,
    /// Administrative staff quota (行政编制) before, when known.
    pub staff_quota: Option<u32>,
    /// The seat village's code, when known.
    pub seat_village: Option<String>,
    /// 12-digit codes of its villages.
    pub villages: Vec<String>,
    /// 县城驻地镇.
    #[serde(default)]
    pub county_seat: bool,
    /// 重点镇/中心镇 (counted as economically developed by the quota policy when it says so).
    #[serde(default)]
    pub key_town: bool,
    /// 边境乡镇.
    #[serde(default)]
    pub border: bool,
}

/// One predecessor handing over to one successor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Pair {
    /// The township that ends.
    pub from: UnitRef,
    /// The township that takes over.
    pub to: UnitRef,
    /// How.
    pub kind: PairKind,
    /// What is known of the predecessor.
    pub facts: UnitFacts,
}

/// A township of the county after the plan (every one, changed or not), for the quota formula.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UnitAfter {
    /// The unit.
    pub unit: UnitRef,
    /// Codes of the former townships it holds (itself included when it continues).
    pub predecessors: Vec<String>,
    /// Facts of the unit after the plan (attributes summed, flags kept).
    pub facts: UnitFacts,
}

/// The pairs of a plan and the county after it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlanPairs {
    /// County code (6 digits).
    pub county: String,
    /// Province code (2 digits), for province-specific templates.
    pub province: String,
    /// The pairs, by predecessor code.
    pub pairs: Vec<Pair>,
    /// All townships after the plan.
    pub after: Vec<UnitAfter>,
    /// Facts of every township before the plan, by code.
    pub before: BTreeMap<String, UnitFacts>,
}

fn quota_of(v: Option<f64>) -> Option<u32> {
    v.filter(|q| *q >= 0.0).map(|q| q.round() as u32)
}

impl PlanPairs {
    /// The pairs of an approved scenario, from its base and evaluation.
    ///
    /// ```
    /// use quhua_core::scenario::{Scenario, evaluate};
    /// use quhua_core::policy::Policy;
    /// use quhua_workflow::handover::PlanPairs;
    /// let demo = quhua_demo::Demo::load().unwrap();
    /// let policy = Policy::default_policy();
    /// let base = demo.base(None, &policy).unwrap();
    /// let eval = evaluate(&base, &policy, &quhua_demo::Demo::sample_scenario().unwrap()).unwrap();
    /// let pairs = PlanPairs::from_evaluation(&base, &eval).unwrap();
    /// assert!(pairs.pairs.iter().any(|p| p.from.name == "北台乡" && p.to.name == "恒州镇"));
    /// ```
    pub fn from_evaluation(base: &Base, eval: &Evaluation) -> Result<PlanPairs, HandoverError> {
        let by_name: HashMap<&str, usize> = base
            .townships
            .iter()
            .enumerate()
            .map(|(i, t)| (t.name.as_str(), i))
            .collect();
        let key = |k: &str| base.keys.iter().position(|x| x == k);
        let pop_k = base.pop_key;
        let (area_k, gdp_k, quota_k) = (base.area_key, key(keys::GDP), key(keys::STAFF_QUOTA));
        let pick = |attrs: &[Option<quhua_core::attr::Amount>], k: Option<usize>| {
            k.and_then(|k| attrs.get(k).copied().flatten())
                .map(|a| a.to_f64())
        };
        let mut before = BTreeMap::new();
        for t in &base.townships {
            before.insert(
                t.code.to_string(),
                UnitFacts {
                    population: pick(&t.attrs, pop_k),
                    area_km2: pick(&t.attrs, area_k),
                    gdp: pick(&t.attrs, gdp_k),
                    staff_quota: quota_of(pick(&t.attrs, quota_k)),
                    seat_village: t
                        .seat_village
                        .map(|v| base.villages[v as usize].code.to_string()),
                    villages: t
                        .villages
                        .iter()
                        .map(|&v| base.villages[v as usize].code.to_string())
                        .collect(),
                    county_seat: t.flags.county_seat,
                    key_town: t.flags.key_town,
                    border: t.flags.border,
                },
            );
        }
        let mut pairs = Vec::new();
        let mut after = Vec::new();
        for u in &eval.units {
            let (code, provisional) = match (&u.code, &u.proposed_code) {
                (Some(c), _) => (c.clone(), false),
                (None, Some(p)) => (p.clone(), true),
                (None, None) => (String::new(), true),
            };
            let to = UnitRef {
                code: code.clone(),
                name: u.name.clone(),
                provisional,
            };
            let mut preds = Vec::new();
            let mut facts = UnitFacts::default();
            for p in &u.predecessors {
                let Some(&i) = by_name.get(p.as_str()) else {
                    continue;
                };
                let t = &base.townships[i];
                let pcode = t.code.to_string();
                let pf = before.get(&pcode).cloned().unwrap_or_default();
                add_facts(&mut facts, &pf);
                preds.push(pcode.clone());
                if pcode == code {
                    continue;
                }
                let kind = if u.status == "新设" {
                    PairKind::MergeEstablish
                } else if u.status == "建制变更"
                    && quhua_core::unit::name_stem(&t.name) == quhua_core::unit::name_stem(&u.name)
                {
                    PairKind::Convert
                } else {
                    PairKind::AbolishMerge
                };
                pairs.push(Pair {
                    from: UnitRef {
                        code: pcode,
                        name: t.name.clone(),
                        provisional: false,
                    },
                    to: to.clone(),
                    kind,
                    facts: pf,
                });
            }
            facts.population = u.population.or(facts.population);
            facts.area_km2 = u.area_km2.or(facts.area_km2);
            after.push(UnitAfter {
                unit: to,
                predecessors: preds,
                facts,
            });
        }
        finish(eval.county.clone(), pairs, after, before)
    }

    /// The pairs of an applied plan, from its registry events and the snapshots before and
    /// after: every township abolished by an event hands over to the unit its lineage leads
    /// to (followed through later events to the unit in force after).
    pub fn from_events(
        events: &[ChangeEvent],
        before: &Snapshot,
        after: &Snapshot,
        county: &str,
    ) -> Result<PlanPairs, HandoverError> {
        let mut next: HashMap<UnitId, (UnitId, EventType)> = HashMap::new();
        for e in events {
            let abolished: Vec<UnitId> = e.abolished().collect();
            for edge in &e.lineage {
                if abolished.contains(&edge.from) && edge.from != edge.to {
                    next.entry(edge.from).or_insert((edge.to, e.kind));
                }
            }
        }
        let facts_of = |snap: &Snapshot, id: UnitId| -> UnitFacts {
            let Some(s) = snap.get(id) else {
                return UnitFacts::default();
            };
            let a = |k: &str| s.attrs.get(k).map(|v| v.value.to_f64());
            UnitFacts {
                population: a(keys::POP_HUKOU).or_else(|| a(keys::POP_RESIDENT)),
                area_km2: a(keys::AREA_KM2),
                gdp: a(keys::GDP),
                staff_quota: quota_of(a(keys::STAFF_QUOTA)),
                seat_village: s
                    .seat
                    .as_ref()
                    .and_then(|st| st.village)
                    .and_then(|v| snap.get(v))
                    .map(|v| v.code.to_string()),
                villages: snap
                    .children(id)
                    .iter()
                    .filter_map(|v| snap.get(*v))
                    .map(|v| v.code.to_string())
                    .collect(),
                county_seat: s.flags.county_seat,
                key_town: s.flags.key_town,
                border: s.flags.border,
            }
        };
        let in_county = |s: &quhua_core::unit::UnitState| {
            s.level() == Level::Township && s.code.to_string().starts_with(county)
        };
        let mut before_facts = BTreeMap::new();
        for s in before.units().iter().filter(|s| in_county(s)) {
            before_facts.insert(s.code.to_string(), facts_of(before, s.id));
        }
        let mut pairs = Vec::new();
        for (&from, &(first, kind)) in &next {
            let Some(fs) = before.get(from).filter(|s| in_county(s)) else {
                continue;
            };
            let mut to = first;
            let mut guard = 0;
            while let Some(&(n, _)) = next.get(&to) {
                to = n;
                guard += 1;
                if guard > next.len() {
                    break;
                }
            }
            let Some(ts) = after.get(to) else { continue };
            let kind = match kind {
                EventType::MergeEstablish => PairKind::MergeEstablish,
                EventType::AbolishMerge => PairKind::AbolishMerge,
                _ => PairKind::Convert,
            };
            pairs.push(Pair {
                from: UnitRef {
                    code: fs.code.to_string(),
                    name: fs.name.clone(),
                    provisional: false,
                },
                to: UnitRef {
                    code: ts.code.to_string(),
                    name: ts.name.clone(),
                    provisional: false,
                },
                kind,
                facts: facts_of(before, from),
            });
        }
        let mut after_units = Vec::new();
        for s in after.units().iter().filter(|s| in_county(s)) {
            let code = s.code.to_string();
            let mut preds: Vec<String> = pairs
                .iter()
                .filter(|p| p.to.code == code)
                .map(|p| p.from.code.clone())
                .collect();
            if before_facts.contains_key(&code) {
                preds.insert(0, code.clone());
            }
            after_units.push(UnitAfter {
                unit: UnitRef {
                    code,
                    name: s.name.clone(),
                    provisional: false,
                },
                predecessors: preds,
                facts: facts_of(after, s.id),
            });
        }
        finish(county.to_string(), pairs, after_units, before_facts)
    }

    /// The pair whose predecessor has this code.
    pub fn pair(&self, from: &str) -> Option<&Pair> {
        self.pairs.iter().find(|p| p.from.code == from)
    }
}

fn add_facts(into: &mut UnitFacts, f: &UnitFacts) {
    let add = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(x), Some(y)) => Some(x + y),
        (x, None) => x,
        (None, y) => y,
    };
    into.population = add(into.population, f.population);
    into.area_km2 = add(into.area_km2, f.area_km2);
    into.gdp = add(into.gdp, f.gdp);
    into.staff_quota = match (into.staff_quota, f.staff_quota) {
        (Some(x), Some(y)) => Some(x + y),
        (x, None) => x,
        (None, y) => y,
    };
    into.villages.extend(f.villages.iter().cloned());
    into.county_seat |= f.county_seat;
    into.key_town |= f.key_town;
    into.border |= f.border;
    if into.seat_village.is_none() {
        into.seat_village = f.seat_village.clone();
    }
}

fn finish(
    county: String,
    mut pairs: Vec<Pair>,
    after: Vec<UnitAfter>,
    before: BTreeMap<String, UnitFacts>,
) -> Result<PlanPairs, HandoverError> {
    if pairs.is_empty() {
        return Err(HandoverError::NothingToHandOver);
    }
    pairs.sort_by(|a, b| a.from.code.cmp(&b.from.code));
    Ok(PlanPairs {
        province: county.chars().take(2).collect(),
        county,
        pairs,
        after,
        before,
    })
}
