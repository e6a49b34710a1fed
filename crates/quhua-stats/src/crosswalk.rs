//! Crosswalks between the townships of two dates, derived from village-level lineage.
//!
//! Every change moves whole villages, and villages keep their identity through a change of
//! township (they are recoded, not replaced). So the township a village belonged to on one
//! date and the township it belongs to on another relate the two sets of townships exactly,
//! across any number of intervening changes, in either direction. A link's measure is the
//! weight (population, households, area, or village count) of the villages it carries; the
//! forward weight of a link is its measure over its source's total, the backward weight its
//! measure over its target's total. Weights are exact rationals: each unit's sum to 1.
//!
//! A village that did not move whole (the planner states how it was split) is apportioned by
//! the stated shares and its links are flagged `split`.

use crate::apportion::apportion;
use crate::error::StatsError;
use quhua_core::attr::{Amount, keys};
use quhua_core::date::Date;
use quhua_core::registry::{Direction, Registry};
use quhua_core::unit::{UnitId, UnitState};
use quhua_core::{DivisionCode, Level};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What the weights are measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeightBy {
    /// Registered population (`pop_hukou`, else `pop_resident`).
    Population,
    /// Households (`households`).
    Households,
    /// Area (`area_km2`).
    Area,
    /// Number of villages.
    Villages,
}

impl WeightBy {
    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            WeightBy::Population => "人口",
            WeightBy::Households => "户数",
            WeightBy::Area => "面积",
            WeightBy::Villages => "村（居）数",
        }
    }

    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            WeightBy::Population => "population",
            WeightBy::Households => "households",
            WeightBy::Area => "area",
            WeightBy::Villages => "village count",
        }
    }

    /// Parses `population|households|area|villages` or 人口/户数/面积/村数.
    pub fn parse(s: &str) -> Option<WeightBy> {
        match s.trim() {
            "population" | "人口" => Some(WeightBy::Population),
            "households" | "户数" => Some(WeightBy::Households),
            "area" | "面积" => Some(WeightBy::Area),
            "villages" | "村数" | "村（居）数" => Some(WeightBy::Villages),
            _ => None,
        }
    }

    /// The attribute keys read, in order of preference (empty for village counts).
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            WeightBy::Population => &[keys::POP_HUKOU, keys::POP_RESIDENT],
            WeightBy::Households => &["households"],
            WeightBy::Area => &[keys::AREA_KM2],
            WeightBy::Villages => &[],
        }
    }
}

/// A village that did not move whole: its shares by township on the crosswalk's target date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Split {
    /// The village (as on the source date).
    pub village: UnitId,
    /// Positive shares by target township; they need not sum to anything (they are normalised).
    pub shares: Vec<(UnitId, Amount)>,
}

/// How to build a crosswalk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CrosswalkOptions {
    /// The weight.
    pub weight: WeightBy,
    /// Only the townships of this county (on the source date); all when `None`.
    pub county: Option<DivisionCode>,
    /// Stated splits of villages.
    pub splits: Vec<Split>,
}

impl CrosswalkOptions {
    /// Options with a weight, for the whole registry, without splits.
    pub fn new(weight: WeightBy) -> Self {
        CrosswalkOptions {
            weight,
            county: None,
            splits: Vec::new(),
        }
    }

    /// Restricts to a county.
    pub fn in_county(mut self, county: DivisionCode) -> Self {
        self.county = Some(county);
        self
    }
}

/// A township on one side of a crosswalk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRef {
    /// Stable id.
    pub id: UnitId,
    /// Code on that side's date.
    pub code: DivisionCode,
    /// Name on that side's date.
    pub name: String,
}

/// Territory carried from one township to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// Index into [`Crosswalk::from_units`].
    pub from: usize,
    /// Index into [`Crosswalk::to_units`].
    pub to: usize,
    /// Measure carried (fixed-point raw units of the weight; villages count 1.0 each).
    pub measure: i128,
    /// Villages carried (a split village counts on each side).
    pub villages: u32,
    /// Some of it comes from a village split between townships.
    pub split: bool,
}

/// One weight, as exported (`quhua stats crosswalk --json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightRow {
    /// Source township code.
    pub from_code: String,
    /// Its name.
    pub from_name: String,
    /// Target township code.
    pub to_code: String,
    /// Its name.
    pub to_name: String,
    /// The weight (share of the source going to the target forward; of the target coming
    /// from the source backward).
    pub weight: f64,
}

/// The crosswalk between the townships of two dates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Crosswalk {
    /// Source date.
    pub from_date: Date,
    /// Target date.
    pub to_date: Date,
    /// The weight asked for.
    pub weight: WeightBy,
    /// The weight used: village counts when some village lacked the asked attribute.
    pub weight_used: WeightBy,
    /// Source townships (sorted by code).
    pub from_units: Vec<UnitRef>,
    /// Target townships (sorted by code).
    pub to_units: Vec<UnitRef>,
    /// Links, sorted by (from, to).
    pub links: Vec<Link>,
    /// Total measure per source township.
    pub from_total: Vec<i128>,
    /// Total measure per target township.
    pub to_total: Vec<i128>,
    /// Villages per source township.
    pub from_villages: Vec<u32>,
    /// Villages per target township (from the source side).
    pub to_villages: Vec<u32>,
    /// Source index by id (rebuilt on demand when deserialized).
    #[serde(skip)]
    from_lookup: HashMap<UnitId, usize>,
}

/// The state of a unit on a date, read from its version history (no snapshot copy).
pub fn state_at(reg: &Registry, id: UnitId, date: Date) -> Option<&UnitState> {
    let h = reg.history(id)?;
    let i = h.partition_point(|v| v.valid_from <= date);
    let v = h.get(i.checked_sub(1)?)?;
    v.valid_to.is_none_or(|to| date < to).then_some(&v.state)
}

fn measure_of(s: &UnitState, weight: WeightBy) -> Option<i128> {
    if weight == WeightBy::Villages {
        return Some(Amount::SCALE as i128);
    }
    weight
        .keys()
        .iter()
        .find_map(|k| s.attrs.get(*k))
        .map(|v| v.value.0.max(0) as i128)
}

/// Where a village's territory is on the target date: (township, share measure) pairs.
struct Placement {
    village: UnitId,
    from: UnitId,
    targets: Vec<UnitId>,
    /// Stated shares (same order as targets) when split; equal otherwise.
    shares: Option<Vec<i128>>,
    measure: Option<i128>,
}

impl Crosswalk {
    /// Builds the crosswalk from `from` to `to` (either may be the later date).
    pub fn build(
        reg: &Registry,
        from: Date,
        to: Date,
        opts: &CrosswalkOptions,
    ) -> Result<Crosswalk, StatsError> {
        let n = reg.unit_count();
        let dir = if to >= from {
            Direction::Forward
        } else {
            Direction::Backward
        };
        // Source townships.
        let mut from_ids: Vec<UnitId> = Vec::new();
        let mut is_from = vec![false; n];
        if let Some(c) = opts.county {
            let found = (0..n as u32).any(|i| {
                state_at(reg, UnitId(i), from)
                    .is_some_and(|s| s.code == c && s.level() == Level::County)
            });
            if !found {
                return Err(StatsError::NoCounty {
                    county: c,
                    date: from,
                });
            }
        }
        for i in 0..n as u32 {
            if let Some(s) = state_at(reg, UnitId(i), from)
                && s.level() == Level::Township
                && opts.county.is_none_or(|c| s.code.is_within(c))
            {
                from_ids.push(s.id);
                is_from[i as usize] = true;
            }
        }
        let splits: HashMap<UnitId, &Split> = opts.splits.iter().map(|s| (s.village, s)).collect();
        let mut placements: Vec<Placement> = Vec::new();
        let mut has_village = vec![false; n];
        let mut missing = false;
        for i in 0..n as u32 {
            let Some(v) = state_at(reg, UnitId(i), from) else {
                continue;
            };
            if v.level() != Level::Village {
                continue;
            }
            let Some(p) = v.parent.filter(|p| is_from[p.0 as usize]) else {
                continue;
            };
            has_village[p.0 as usize] = true;
            let measure = measure_of(v, opts.weight)
                .or_else(|| state_at(reg, v.id, to).and_then(|t| measure_of(t, opts.weight)));
            missing |= measure.is_none();
            if let Some(sp) = splits.get(&v.id) {
                let mut targets = Vec::new();
                let mut shares = Vec::new();
                for (t, share) in &sp.shares {
                    let ok = state_at(reg, *t, to).is_some_and(|s| s.level() == Level::Township);
                    if !ok || share.0 <= 0 {
                        return Err(StatsError::BadSplit {
                            zh: format!(
                                "{} 的分割份额无效：{} 须为 {} 在册的乡级单位且份额为正",
                                v.label(),
                                t,
                                to
                            ),
                            en: format!(
                                "bad split of {}: {} must be a township in force on {} with a positive share",
                                v.label(),
                                t,
                                to
                            ),
                        });
                    }
                    targets.push(*t);
                    shares.push(share.0 as i128);
                }
                if targets.is_empty() {
                    return Err(StatsError::BadSplit {
                        zh: format!("{} 的分割没有份额", v.label()),
                        en: format!("the split of {} has no shares", v.label()),
                    });
                }
                placements.push(Placement {
                    village: v.id,
                    from: p,
                    targets,
                    shares: Some(shares),
                    measure,
                });
                continue;
            }
            let targets = match state_at(reg, v.id, to) {
                Some(t) => t.parent.into_iter().collect(),
                None => successors(reg, v.id, dir, from, to, Level::Village)
                    .into_iter()
                    .filter_map(|s| state_at(reg, s, to).and_then(|s| s.parent))
                    .collect::<Vec<_>>(),
            };
            if targets.is_empty() {
                return Err(StatsError::LostUnit {
                    code: v.code,
                    name: v.name.clone(),
                    date: to,
                });
            }
            placements.push(Placement {
                village: v.id,
                from: p,
                targets,
                shares: None,
                measure,
            });
        }
        // Townships without villages on the source date follow their own lineage.
        for &t in &from_ids {
            if has_village[t.0 as usize] {
                continue;
            }
            let targets: Vec<UnitId> = if state_at(reg, t, to).is_some() {
                vec![t]
            } else {
                successors(reg, t, dir, from, to, Level::Township)
            };
            if targets.is_empty()
                && let Some(s) = state_at(reg, t, from)
            {
                return Err(StatsError::LostUnit {
                    code: s.code,
                    name: s.name.clone(),
                    date: to,
                });
            }
            placements.push(Placement {
                village: t,
                from: t,
                targets,
                shares: None,
                measure: Some(Amount::SCALE as i128),
            });
        }
        let weight_used = if missing {
            WeightBy::Villages
        } else {
            opts.weight
        };
        Ok(assemble(
            reg,
            from,
            to,
            opts.weight,
            weight_used,
            from_ids,
            placements,
        ))
    }

    /// Forward weight of a link as an exact fraction (numerator, denominator).
    pub fn forward_fraction(&self, l: &Link) -> (i128, i128) {
        let den = self.from_total[l.from];
        if den > 0 {
            (l.measure, den)
        } else {
            (
                l.villages as i128,
                self.from_villages[l.from].max(1) as i128,
            )
        }
    }

    /// Backward weight of a link as an exact fraction (numerator, denominator).
    pub fn backward_fraction(&self, l: &Link) -> (i128, i128) {
        let den = self.to_total[l.to];
        if den > 0 {
            (l.measure, den)
        } else {
            (l.villages as i128, self.to_villages[l.to].max(1) as i128)
        }
    }

    /// Links of one source township (by index), in target order.
    pub fn links_from(&self, from: usize) -> &[Link] {
        let a = self.links.partition_point(|l| l.from < from);
        let b = self.links.partition_point(|l| l.from <= from);
        &self.links[a..b]
    }

    /// Index of a source township by id.
    pub fn from_index(&self, id: UnitId) -> Option<usize> {
        if self.from_lookup.is_empty() {
            return self.from_units.iter().position(|u| u.id == id);
        }
        self.from_lookup.get(&id).copied()
    }

    /// Forward weights: the share of each source township going to each target.
    pub fn rows(&self) -> Vec<WeightRow> {
        self.weight_rows(true)
    }

    /// Backward weights: the share of each target township coming from each source.
    pub fn backward_rows(&self) -> Vec<WeightRow> {
        self.weight_rows(false)
    }

    fn weight_rows(&self, forward: bool) -> Vec<WeightRow> {
        self.links
            .iter()
            .map(|l| {
                let (n, d) = if forward {
                    self.forward_fraction(l)
                } else {
                    self.backward_fraction(l)
                };
                let (f, t) = (&self.from_units[l.from], &self.to_units[l.to]);
                WeightRow {
                    from_code: f.code.to_string(),
                    from_name: f.name.clone(),
                    to_code: t.code.to_string(),
                    to_name: t.name.clone(),
                    weight: n as f64 / d as f64,
                }
            })
            .collect()
    }

    /// Source townships whose territory was split among several targets.
    pub fn split_sources(&self) -> Vec<&UnitRef> {
        let mut out = Vec::new();
        for (i, u) in self.from_units.iter().enumerate() {
            if self.links_from(i).len() > 1 {
                out.push(u);
            }
        }
        out
    }
}

/// Units alive on `to` reached from `unit` by lineage steps dated between the two dates.
fn successors(
    reg: &Registry,
    unit: UnitId,
    dir: Direction,
    from: Date,
    to: Date,
    level: Level,
) -> Vec<UnitId> {
    let (lo, hi) = if from <= to { (from, to) } else { (to, from) };
    let mut frontier = vec![unit];
    let mut out = Vec::new();
    let steps = reg.lineage(unit, dir);
    for s in steps {
        if s.date <= lo || s.date > hi {
            continue;
        }
        let (a, b) = match dir {
            Direction::Forward => (s.from, s.to),
            Direction::Backward => (s.to, s.from),
        };
        if frontier.contains(&a) && !frontier.contains(&b) {
            frontier.push(b);
        }
    }
    for u in frontier {
        if state_at(reg, u, to).is_some_and(|s| s.level() == level) {
            out.push(u);
        }
    }
    out.sort();
    out.dedup();
    out
}

fn assemble(
    reg: &Registry,
    from: Date,
    to: Date,
    weight: WeightBy,
    weight_used: WeightBy,
    from_ids: Vec<UnitId>,
    placements: Vec<Placement>,
) -> Crosswalk {
    // Ids come from the registry's own histories, so each has a state.
    let unit_ref = |id: UnitId, d: Date| {
        state_at(reg, id, d)
            .or_else(|| reg.latest(id))
            .map(|s| UnitRef {
                id,
                code: s.code,
                name: s.name.clone(),
            })
    };
    let mut from_units: Vec<UnitRef> = from_ids.iter().filter_map(|&i| unit_ref(i, from)).collect();
    from_units.sort_by_key(|u| u.code);
    let mut from_pos: HashMap<UnitId, usize> = HashMap::with_capacity(from_units.len());
    for (i, u) in from_units.iter().enumerate() {
        from_pos.insert(u.id, i);
    }
    let mut to_ids: Vec<UnitId> = placements
        .iter()
        .flat_map(|p| p.targets.iter().copied())
        .collect();
    to_ids.sort();
    to_ids.dedup();
    let mut to_units: Vec<UnitRef> = to_ids.iter().filter_map(|&i| unit_ref(i, to)).collect();
    to_units.sort_by_key(|u| u.code);
    let mut to_pos: HashMap<UnitId, usize> = HashMap::with_capacity(to_units.len());
    for (i, u) in to_units.iter().enumerate() {
        to_pos.insert(u.id, i);
    }
    let mut acc: HashMap<(usize, usize), Link> = HashMap::with_capacity(placements.len() / 4);
    for p in &placements {
        let m = if weight_used == WeightBy::Villages {
            Amount::SCALE as i128
        } else {
            p.measure.unwrap_or(0)
        };
        let Some(&f) = from_pos.get(&p.from) else {
            continue;
        };
        let split = p.targets.len() > 1;
        let parts: Vec<i128> = if split {
            let shares = p.shares.clone().unwrap_or_else(|| vec![1; p.targets.len()]);
            apportion(Amount(m as i64), &shares)
                .into_iter()
                .map(|a| a.0 as i128)
                .collect()
        } else {
            vec![m]
        };
        let _ = p.village;
        for (t, part) in p.targets.iter().zip(parts) {
            let Some(&ti) = to_pos.get(t) else {
                continue;
            };
            let l = acc.entry((f, ti)).or_insert(Link {
                from: f,
                to: ti,
                measure: 0,
                villages: 0,
                split: false,
            });
            l.measure += part;
            l.villages += 1;
            l.split |= split || p.shares.is_some();
        }
    }
    let mut links: Vec<Link> = acc.into_values().collect();
    links.sort_by_key(|l| (l.from, l.to));
    let mut from_total = vec![0i128; from_units.len()];
    let mut to_total = vec![0i128; to_units.len()];
    let mut from_villages = vec![0u32; from_units.len()];
    let mut to_villages = vec![0u32; to_units.len()];
    for l in &links {
        from_total[l.from] += l.measure;
        to_total[l.to] += l.measure;
        from_villages[l.from] += l.villages;
        to_villages[l.to] += l.villages;
    }
    Crosswalk {
        from_date: from,
        to_date: to,
        weight,
        weight_used,
        from_units,
        to_units,
        links,
        from_total,
        to_total,
        from_villages,
        to_villages,
        from_lookup: from_pos,
    }
}
