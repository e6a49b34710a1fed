//! The planner's township wishes of a request, resolved against the county's townships and
//! checked before the optimizer runs: locks, seed units and the groups kept `together` or
//! `apart`. A wish that cannot hold (an unknown or ambiguous township, a group of one, a
//! township in two `together` groups, two townships both together and apart, a locked
//! township or two seeds in a `together` group) is refused with a message naming the
//! townships, in both languages.

use super::{MAX_GROUP_MEMBERS, ProposeRequest, TownshipRef};
use crate::{AppError, AppResult};
use quhua_core::scenario::Base;
use std::collections::BTreeMap;

/// The request's township wishes as townships of the base (indices into
/// [`Base::townships`]).
#[derive(Debug, Clone, Default)]
pub(super) struct Resolved {
    pub lock: Vec<usize>,
    pub seed: Vec<usize>,
    pub together: Vec<Vec<usize>>,
    pub apart: Vec<Vec<usize>>,
}

impl Resolved {
    /// The wishes as the optimizer's [`quhua_optimize::county::Wishes`] (by code).
    pub fn wishes(&self, base: &Base, attrs: Vec<String>) -> quhua_optimize::county::Wishes {
        let codes = |ids: &[usize]| -> Vec<String> {
            ids.iter()
                .map(|&i| base.townships[i].code.to_string())
                .collect()
        };
        quhua_optimize::county::Wishes {
            lock: codes(&self.lock),
            seed: codes(&self.seed),
            attrs,
            together: self.together.iter().map(|g| codes(g)).collect(),
            apart: self.apart.iter().map(|g| codes(g)).collect(),
        }
    }
}

/// A township of the base as the answer names it.
pub(super) fn township_ref(base: &Base, i: usize) -> TownshipRef {
    let t = &base.townships[i];
    TownshipRef {
        code: t.code.to_string(),
        name: t.name.clone(),
    }
}

/// The one township `r` (a code or a name) refers to.
fn find(base: &Base, r: &str) -> AppResult<usize> {
    match base.township_index(r).as_slice() {
        [i] => Ok(*i),
        [] => Err(AppError::invalid(
            format!(
                "{}没有乡镇“{}”（请用本县乡镇的名称或 9 位代码）",
                base.county_name,
                r.trim()
            ),
            format!(
                "{} has no township \"{}\" (name one of its townships or give its 9-digit code)",
                base.county_name,
                r.trim()
            ),
        )),
        _ => Err(AppError::invalid(
            format!("“{}”指向多个乡镇，请改用 9 位代码", r.trim()),
            format!(
                "\"{}\" names more than one township: give its 9-digit code",
                r.trim()
            ),
        )),
    }
}

/// Resolves and checks the request's township wishes (see the module documentation).
pub(super) fn resolve(base: &Base, req: &ProposeRequest) -> AppResult<Resolved> {
    let name = |i: usize| base.townships[i].name.clone();
    let members: usize = req.together.iter().chain(&req.apart).map(Vec::len).sum();
    if members > MAX_GROUP_MEMBERS {
        return Err(AppError::invalid(
            format!("分组共列出 {members} 个乡镇，超过上限 {MAX_GROUP_MEMBERS}"),
            format!("the groups name {members} townships, more than {MAX_GROUP_MEMBERS}"),
        ));
    }
    let list = |refs: &[String]| -> AppResult<Vec<usize>> {
        let mut ids = refs
            .iter()
            .map(|r| find(base, r))
            .collect::<AppResult<Vec<_>>>()?;
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    };
    let groups = |gs: &[Vec<String>], zh: &str, en: &str| -> AppResult<Vec<Vec<usize>>> {
        gs.iter()
            .map(|g| {
                let ids = list(g)?;
                if ids.len() < 2 {
                    let who = ids.first().map(|&i| name(i)).unwrap_or_default();
                    return Err(AppError::invalid(
                        format!("“{zh}”的每组至少要有两个不同的乡镇（{who}这一组不足两个）"),
                        format!(
                            "each \"{en}\" group needs at least two different townships (the group of {who} has fewer)"
                        ),
                    ));
                }
                Ok(ids)
            })
            .collect()
    };
    let lock = list(&req.lock)?;
    let seed = list(&req.seed_units)?;
    let together = groups(&req.together, "须同组", "together")?;
    let apart = groups(&req.apart, "不得同组", "apart")?;

    // a township in one together group at most
    let mut group_of: BTreeMap<usize, usize> = BTreeMap::new();
    for (g, ids) in together.iter().enumerate() {
        for &i in ids {
            if let Some(&h) = group_of.get(&i)
                && h != g
            {
                return Err(AppError::invalid(
                    format!(
                        "{}同时在两个“须同组”分组中，请合并这两组或删去一处",
                        name(i)
                    ),
                    format!(
                        "{} is in two \"together\" groups: merge the two groups or drop it from one",
                        name(i)
                    ),
                ));
            }
            group_of.insert(i, g);
        }
    }
    // no locked township and no two seeds in a together group
    for ids in &together {
        for &i in ids {
            let t = &base.townships[i];
            if t.flags.border || lock.contains(&i) {
                let why = if t.flags.border {
                    ("边界乡镇，保持不变", "a border township, kept as it is")
                } else {
                    ("已锁定，保持不变", "locked, kept as it is")
                };
                return Err(AppError::invalid(
                    format!(
                        "{}{}，不能与其他乡镇同组：请从“须同组”中删去或解除锁定",
                        name(i),
                        why.0
                    ),
                    format!(
                        "{} is {}, so it cannot share a unit with others: drop it from the \"together\" group or unlock it",
                        name(i),
                        why.1
                    ),
                ));
            }
        }
        let heads: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&i| {
                let f = base.townships[i].flags;
                f.county_seat || f.key_town || seed.contains(&i)
            })
            .collect();
        if let [a, b, ..] = heads.as_slice() {
            return Err(AppError::invalid(
                format!(
                    "{}和{}各自牵头一个新单位（县城驻地镇、重点镇或中心镇），不能在同一“须同组”分组中",
                    name(*a),
                    name(*b)
                ),
                format!(
                    "{} and {} each head a new unit of their own (county seat, key or central town), so they cannot be in one \"together\" group",
                    name(*a),
                    name(*b)
                ),
            ));
        }
    }
    // every together group one contiguous piece (the optimizer grows regions by adjacency)
    if let Some(adj) = &base.adjacency {
        let mut neighbours = vec![Vec::new(); base.townships.len()];
        for (v, list) in adj.iter().enumerate() {
            let a = base.villages[v].township as usize;
            for &w in list {
                let b = base.villages[w as usize].township as usize;
                if a != b {
                    neighbours[a].push(b);
                }
            }
        }
        for ids in &together {
            let mut seen = vec![ids[0]];
            let mut k = 0;
            while let Some(&u) = seen.get(k) {
                k += 1;
                for &v in &neighbours[u] {
                    if ids.contains(&v) && !seen.contains(&v) {
                        seen.push(v);
                    }
                }
            }
            if seen.len() < ids.len() {
                let apart: Vec<String> = ids
                    .iter()
                    .filter(|i| !seen.contains(i))
                    .map(|&i| name(i))
                    .collect();
                let all: Vec<String> = ids.iter().map(|&i| name(i)).collect();
                return Err(AppError::invalid(
                    format!(
                        "“须同组”的{}不连成一片：{}与其余乡镇不相邻。请把中间相连的乡镇一并加入这一组",
                        all.join("、"),
                        apart.join("、")
                    ),
                    format!(
                        "the \"together\" group {} is not one contiguous piece: {} borders none of the others; add the townships in between to the group",
                        all.join(", "),
                        apart.join(", ")
                    ),
                ));
            }
        }
    }
    // no two townships both together and apart
    for ids in &apart {
        for (k, &a) in ids.iter().enumerate() {
            for &b in &ids[k + 1..] {
                if let (Some(x), Some(y)) = (group_of.get(&a), group_of.get(&b))
                    && x == y
                {
                    return Err(AppError::invalid(
                        format!(
                            "{}和{}既在“须同组”又在“不得同组”中，互相矛盾",
                            name(a),
                            name(b)
                        ),
                        format!(
                            "{} and {} are both kept together and kept apart: the wishes contradict each other",
                            name(a),
                            name(b)
                        ),
                    ));
                }
            }
        }
    }
    Ok(Resolved {
        lock,
        seed,
        together,
        apart,
    })
}
