//! Placing every figure before it is recast: indicators interned, each figure's unit and
//! boundary date resolved, the crosswalk of each date indexed densely, figures grouped by
//! source township (sorted, duplicates refused) and links grouped by target township.

use super::boundary_date;
use crate::crosswalk::{Crosswalk, CrosswalkOptions, state_at};
use crate::error::StatsError;
use crate::observation::{Nature, Observation, ObservationTable};
use quhua_core::DivisionCode;
use quhua_core::date::Date;
use quhua_core::registry::Registry;
use quhua_core::unit::UnitId;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// The table's indicators interned (sorted), each with one unit of measure.
pub(super) struct Interned {
    /// Indicator index of each observation.
    pub of: Vec<u32>,
    pub names: Vec<Arc<str>>,
    pub units: Vec<Arc<str>>,
    pub natures: Vec<Nature>,
}

impl Interned {
    pub fn new(table: &ObservationTable) -> Result<Interned, StatsError> {
        let mut first: FxHashMap<&str, u32> = FxHashMap::default();
        let mut names: Vec<&str> = Vec::new();
        let mut units: Vec<&str> = Vec::new();
        let mut of = Vec::with_capacity(table.observations.len());
        // Tables usually list one indicator on consecutive rows.
        let mut last: Option<(&str, u32)> = None;
        for o in &table.observations {
            let name = o.indicator.as_str();
            let k = match last {
                Some((n, k)) if n == name => k,
                _ => {
                    let k = *first.entry(name).or_insert_with(|| {
                        names.push(name);
                        units.push(o.unit.as_str());
                        (names.len() - 1) as u32
                    });
                    last = Some((name, k));
                    k
                }
            };
            let u = units[k as usize];
            if u != o.unit {
                return Err(StatsError::MixedUnits {
                    indicator: o.indicator.clone(),
                    a: u.to_string(),
                    b: o.unit.clone(),
                });
            }
            of.push(k);
        }
        // Renumber in sorted order, so figures come out sorted by indicator.
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_by_key(|&k| names[k as usize]);
        let mut rank = vec![0u32; names.len()];
        for (r, &k) in order.iter().enumerate() {
            rank[k as usize] = r as u32;
        }
        for k in &mut of {
            *k = rank[*k as usize];
        }
        let natures = order
            .iter()
            .map(|&k| {
                let (n, u) = (names[k as usize], units[k as usize]);
                table
                    .natures
                    .get(n)
                    .copied()
                    .unwrap_or_else(|| Nature::guess(n, u))
            })
            .collect();
        Ok(Interned {
            of,
            names: order
                .iter()
                .map(|&k| Arc::from(names[k as usize]))
                .collect(),
            units: order
                .iter()
                .map(|&k| Arc::from(units[k as usize]))
                .collect(),
            natures,
        })
    }
}

/// A crosswalk with dense lookups: source index and link range by unit id, target slot by
/// link target.
pub(super) struct Indexed {
    pub cw: Crosswalk,
    /// Source index by `UnitId.0` (`u32::MAX` when not a source).
    pub from_of: Vec<u32>,
    /// Link range of each source index.
    pub ranges: Vec<(u32, u32)>,
    /// Shared target slot of each target index.
    pub slots: Vec<u32>,
}

impl Indexed {
    fn new(cw: Crosswalk, n: usize) -> Indexed {
        let mut from_of = vec![u32::MAX; n];
        for (i, u) in cw.from_units.iter().enumerate() {
            if let Some(f) = from_of.get_mut(u.id.0 as usize) {
                *f = i as u32;
            }
        }
        let mut ranges = vec![(0u32, 0u32); cw.from_units.len()];
        let mut i = 0;
        while i < cw.links.len() {
            let f = cw.links[i].from;
            let mut j = i;
            while j < cw.links.len() && cw.links[j].from == f {
                j += 1;
            }
            ranges[f] = (i as u32, j as u32);
            i = j;
        }
        Indexed {
            cw,
            from_of,
            ranges,
            slots: Vec::new(),
        }
    }
}

/// Every figure placed.
pub(super) struct Placed {
    /// One indexed crosswalk per boundary date.
    pub crosswalks: Vec<Indexed>,
    /// First source key of each crosswalk (source key = offset + source index).
    pub src_offset: Vec<u32>,
    /// Township figures (observation indices) grouped by source key, each group sorted by
    /// (indicator, period, code).
    pub by_src: Vec<u32>,
    /// Start of each source key's group in `by_src` (one more entry than keys).
    pub src_start: Vec<u32>,
    /// Target townships in code order: code, id, name.
    pub targets: Vec<(DivisionCode, UnitId, Arc<str>)>,
    /// Links into each target: (crosswalk, link index), grouped by target slot.
    pub slot_links: Vec<(u32, u32)>,
    /// Start of each slot's links in `slot_links` (one more entry than slots).
    pub slot_start: Vec<u32>,
    /// Figures of units other than townships, passed through unchanged.
    pub passed: Vec<Observation>,
}

/// Groups `items` (by a key below `keys`) with a counting sort: (items in key order, start
/// of each key's run).
fn group_by<T: Copy>(
    items: &[T],
    keys: usize,
    key: impl Fn(&T) -> Option<usize>,
) -> (Vec<T>, Vec<u32>) {
    let mut start = vec![0u32; keys + 1];
    for it in items {
        if let Some(k) = key(it) {
            start[k + 1] += 1;
        }
    }
    for i in 0..keys {
        start[i + 1] += start[i];
    }
    let mut at: Vec<u32> = start[..keys].to_vec();
    let mut cells: Vec<Option<T>> = vec![None; start[keys] as usize];
    for it in items {
        if let Some(k) = key(it) {
            cells[at[k] as usize] = Some(*it);
            at[k] += 1;
        }
    }
    let out: Vec<T> = cells.into_iter().flatten().collect();
    (out, start)
}

/// Resolves every figure (unknown codes, figures of years a unit was not in force, and
/// townships outside the selected county are refused, naming the figure), builds the
/// crosswalk of each boundary date to `to` and groups figures by source and links by target.
pub(super) fn place(
    reg: &Registry,
    table: &ObservationTable,
    interned: &Interned,
    to: Date,
    opts: &CrosswalkOptions,
) -> Result<Placed, StatsError> {
    let n = reg.unit_count();
    let mut units: FxHashMap<DivisionCode, UnitId> = FxHashMap::default();
    let mut placed: FxHashMap<(UnitId, i32), Option<u32>> = FxHashMap::default();
    let mut dates: Vec<Date> = Vec::new();
    // (date index, unit) of each township figure; u32::MAX for the others.
    let mut loc: Vec<(u32, UnitId)> = Vec::with_capacity(table.observations.len());
    let mut passed = Vec::new();
    // Consecutive rows usually name the same unit and year.
    let mut last: Option<(DivisionCode, i32, UnitId, Option<u32>)> = None;
    for o in &table.observations {
        let (id, di) = match last {
            Some((c, p, id, di)) if c == o.code && p == o.period => (id, di),
            _ => {
                let id = match units.get(&o.code) {
                    Some(id) => *id,
                    None => {
                        let id = reg
                            .unit_by_code(o.code)
                            .map_err(|_| StatsError::UnknownCode {
                                code: o.code,
                                context: format!("{} {}", o.indicator, o.period),
                            })?;
                        units.insert(o.code, id);
                        id
                    }
                };
                let di = match placed.get(&(id, o.period)) {
                    Some(d) => *d,
                    None => {
                        let d = boundary_date(reg, table, id, o)?;
                        let township = state_at(reg, id, d)
                            .is_some_and(|s| s.level() == quhua_core::Level::Township);
                        let di = township.then(|| match dates.iter().position(|x| *x == d) {
                            Some(p) => p as u32,
                            None => {
                                dates.push(d);
                                (dates.len() - 1) as u32
                            }
                        });
                        placed.insert((id, o.period), di);
                        di
                    }
                };
                last = Some((o.code, o.period, id, di));
                (id, di)
            }
        };
        match di {
            Some(di) => loc.push((di, id)),
            None => {
                loc.push((u32::MAX, id));
                passed.push(o.clone());
            }
        }
    }
    let mut crosswalks = dates
        .iter()
        .map(|d| Crosswalk::build(reg, *d, to, opts).map(|cw| Indexed::new(cw, n)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut src_offset = Vec::with_capacity(crosswalks.len());
    let mut keys = 0u32;
    for c in &crosswalks {
        src_offset.push(keys);
        keys += c.cw.from_units.len() as u32;
    }
    // Source key of each township figure.
    let mut sk: Vec<u32> = Vec::with_capacity(loc.len());
    for (i, &(di, id)) in loc.iter().enumerate() {
        if di == u32::MAX {
            sk.push(u32::MAX);
            continue;
        }
        let fi = crosswalks[di as usize].from_of[id.0 as usize];
        if fi == u32::MAX {
            let o = &table.observations[i];
            return Err(StatsError::UnknownCode {
                code: o.code,
                context: format!(
                    "{} {}：不在所选范围内 / outside the selected county",
                    o.indicator, o.period
                ),
            });
        }
        sk.push(src_offset[di as usize] + fi);
    }
    let indices: Vec<u32> = (0..sk.len() as u32).collect();
    let (mut by_src, src_start) = group_by(&indices, keys as usize, |&i| {
        let k = sk[i as usize];
        (k != u32::MAX).then_some(k as usize)
    });
    // Each source's figures by (indicator, period, code); a repeat is a duplicate.
    let key = |i: &u32| {
        let o = &table.observations[*i as usize];
        (interned.of[*i as usize], o.period, o.code.as_u64())
    };
    for w in src_start.windows(2) {
        let group = &mut by_src[w[0] as usize..w[1] as usize];
        if !group.is_sorted_by_key(key) {
            group.sort_unstable_by_key(key);
        }
        if let Some(d) = group.windows(2).find(|p| key(&p[0]) == key(&p[1])) {
            let o = &table.observations[d[1] as usize];
            return Err(StatsError::Duplicate {
                code: o.code,
                indicator: o.indicator.clone(),
                period: o.period,
            });
        }
    }
    // Target slots in code order, shared by every crosswalk (all end on `to`).
    let mut targets: Vec<(DivisionCode, UnitId, Arc<str>)> = crosswalks
        .iter()
        .flat_map(|c| c.cw.to_units.iter())
        .map(|u| (u.code, u.id, Arc::from(u.name.as_str())))
        .collect();
    targets.sort_by_key(|a| (a.0, a.1));
    targets.dedup_by_key(|u| u.1);
    let slot_of: FxHashMap<UnitId, u32> = targets
        .iter()
        .enumerate()
        .map(|(s, u)| (u.1, s as u32))
        .collect();
    for c in &mut crosswalks {
        c.slots = c.cw.to_units.iter().map(|u| slot_of[&u.id]).collect();
    }
    let links: Vec<(u32, u32)> = crosswalks
        .iter()
        .enumerate()
        .flat_map(|(di, c)| (0..c.cw.links.len() as u32).map(move |li| (di as u32, li)))
        .collect();
    let (slot_links, slot_start) = group_by(&links, targets.len(), |&(di, li)| {
        let c = &crosswalks[di as usize];
        Some(c.slots[c.cw.links[li as usize].to] as usize)
    });
    Ok(Placed {
        crosswalks,
        src_offset,
        by_src,
        src_start,
        targets,
        slot_links,
        slot_start,
        passed,
    })
}
