//! Gathering each target township's figures from what its sources carry to it: targets in
//! code order, each target's figures in (indicator, period) order, so the result comes out
//! sorted; targets are independent, so they are gathered in parallel.

use super::index::{Interned, Placed};
use super::{Method, RecastValue, round_div};
use crate::apportion::apportion;
use crate::observation::{Nature, ObservationTable};
use quhua_core::DivisionCode;
use quhua_core::attr::Amount;
use rayon::prelude::*;
use std::sync::Arc;

/// What one figure carries to one target.
#[derive(Clone, Copy)]
struct Part {
    /// (indicator, period): the figure it adds to.
    key: (u32, i32),
    /// Source code.
    code: DivisionCode,
    /// Extensive: the share of the value. Intensive: value × weight.
    sum: i128,
    /// Intensive: the weight.
    weight: i128,
    /// The source's territory went to several targets (or a stated split).
    apportioned: bool,
    /// The source is the target itself and carries all of itself there.
    same: bool,
}

/// Adds up the parts of one figure (one key): the value and how it was obtained.
fn total(parts: &[Part], nature: Nature) -> (Amount, Method) {
    let (mut sum, mut weight) = (0i128, 0i128);
    for p in parts {
        sum += p.sum;
        weight += p.weight;
    }
    let one_same = parts.len() == 1 && parts[0].same;
    match nature {
        Nature::Extensive => {
            let method = if parts.iter().any(|p| p.apportioned) {
                Method::Apportioned
            } else if one_same {
                Method::Unchanged
            } else {
                Method::Summed
            };
            (Amount(sum as i64), method)
        }
        Nature::Intensive => {
            let value = if weight > 0 {
                round_div(sum, weight) as i64
            } else {
                0
            };
            let method = if one_same {
                Method::Unchanged
            } else {
                Method::Weighted
            };
            (Amount(value), method)
        }
    }
}

struct Gatherer<'a> {
    table: &'a ObservationTable,
    interned: &'a Interned,
    placed: &'a Placed,
}

impl Gatherer<'_> {
    /// The parts carried to slot `s`, sorted by (key, code).
    fn parts(&self, s: usize, parts: &mut Vec<Part>, weights: &mut Vec<i128>) {
        let p = self.placed;
        parts.clear();
        let links = &p.slot_links[p.slot_start[s] as usize..p.slot_start[s + 1] as usize];
        for &(di, li) in links {
            let ix = &p.crosswalks[di as usize];
            let cw = &ix.cw;
            let l = &cw.links[li as usize];
            let (a, b) = ix.ranges[l.from];
            let own = &cw.links[a as usize..b as usize];
            let single = own.len() == 1 && !own[0].split;
            let same_unit = cw.to_units[l.to].id == cw.from_units[l.from].id;
            let j = li as usize - a as usize;
            weights.clear();
            if !single {
                weights.extend(own.iter().map(|x| cw.forward_fraction(x).0));
            }
            let w = if cw.to_total[l.to] > 0 {
                l.measure
            } else {
                l.villages as i128
            };
            let sk = (p.src_offset[di as usize] + l.from as u32) as usize;
            for &i in &p.by_src[p.src_start[sk] as usize..p.src_start[sk + 1] as usize] {
                let o = &self.table.observations[i as usize];
                let k = self.interned.of[i as usize];
                let part = match self.interned.natures[k as usize] {
                    Nature::Extensive => Part {
                        key: (k, o.period),
                        code: o.code,
                        sum: if single {
                            o.value.0 as i128
                        } else {
                            apportion(o.value, weights)[j].0 as i128
                        },
                        weight: 0,
                        apportioned: !single,
                        same: single && same_unit,
                    },
                    Nature::Intensive => Part {
                        key: (k, o.period),
                        code: o.code,
                        sum: o.value.0 as i128 * w,
                        weight: w,
                        apportioned: false,
                        same: own.len() == 1 && same_unit,
                    },
                };
                parts.push(part);
            }
        }
        // One source's parts are sorted already; several are merged.
        if links.len() > 1 {
            parts.sort_unstable_by_key(|p| (p.key, p.code.as_u64()));
        }
    }

    /// The figures of slot `s`, appended to `out`.
    fn slot(&self, s: usize, out: &mut Vec<RecastValue>, parts: &mut Vec<Part>, w: &mut Vec<i128>) {
        self.parts(s, parts, w);
        let (code, _, name) = &self.placed.targets[s];
        let mut sources: Option<Arc<[DivisionCode]>> = None;
        let mut codes: Vec<DivisionCode> = Vec::new();
        for run in parts.chunk_by(|a, b| a.key == b.key) {
            let (k, period) = run[0].key;
            let (value, method) = total(run, self.interned.natures[k as usize]);
            codes.clear();
            codes.extend(run.iter().map(|p| p.code));
            codes.dedup();
            let shared = match &sources {
                Some(a) if a[..] == codes[..] => a.clone(),
                _ => {
                    let a: Arc<[DivisionCode]> = codes.as_slice().into();
                    sources = Some(a.clone());
                    a
                }
            };
            out.push(RecastValue {
                code: *code,
                name: name.clone(),
                indicator: self.interned.names[k as usize].clone(),
                period,
                value,
                unit: self.interned.units[k as usize].clone(),
                method,
                sources: shared,
            });
        }
    }
}

/// Every target's figures, in (code, indicator, period) order.
pub(super) fn gather(
    table: &ObservationTable,
    interned: &Interned,
    placed: &Placed,
) -> Vec<RecastValue> {
    let g = Gatherer {
        table,
        interned,
        placed,
    };
    let n = placed.targets.len();
    let chunk = (n / (rayon::current_num_threads() * 8)).max(256);
    let starts: Vec<usize> = (0..n).step_by(chunk).collect();
    let pieces: Vec<Vec<RecastValue>> = starts
        .into_par_iter()
        .map(|a| {
            let (mut out, mut parts, mut w) = (Vec::new(), Vec::new(), Vec::new());
            for s in a..(a + chunk).min(n) {
                g.slot(s, &mut out, &mut parts, &mut w);
            }
            out
        })
        .collect();
    let mut values = Vec::with_capacity(pieces.iter().map(Vec::len).sum());
    for p in pieces {
        values.extend(p);
    }
    values
}
