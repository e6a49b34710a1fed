//! Applying the village operations of a scenario (合并村, 撤村设居, 村更名, 村拆分) to the
//! partition, and resolving village references for the township operations that name them.

use super::base::Base;
use super::error::ScenarioError;
use super::ops::{Operation, VillageTarget};
use super::state::State;
use super::villages::{MergeInto, SplitShares, converted_name};
use quhua_codes::VillageKind;

impl State {
    /// Applies a village operation (`n` is its 1-based position). Validates before it
    /// changes anything; returns `false` for a township operation.
    pub(super) fn apply_village_op(
        &mut self,
        base: &Base,
        op: &Operation,
        n: usize,
    ) -> Result<bool, ScenarioError> {
        let at = self.ops_applied;
        match op {
            Operation::MergeVillages { villages, target } => {
                let members = self.villages.resolve_all(base, villages, n)?;
                let into = MergeInto::resolve(&self.villages, base, target, n)?;
                match into {
                    MergeInto::Existing(t) => {
                        if members.contains(&t) {
                            return Err(ScenarioError::invalid(
                                n,
                                "不能将村并入其自身",
                                "a village cannot merge into itself",
                            ));
                        }
                        if members.is_empty() {
                            return Err(ScenarioError::invalid(
                                n,
                                "未列出被并入的村",
                                "no villages to merge",
                            ));
                        }
                    }
                    MergeInto::New(_) if members.len() < 2 => {
                        return Err(ScenarioError::invalid(
                            n,
                            "合并设立新村至少需要两个村（居）",
                            "a new village needs at least two villages",
                        ));
                    }
                    MergeInto::New(_) => {}
                }
                let mut all = members.clone();
                if let MergeInto::Existing(t) = into {
                    all.push(t);
                }
                let township = self.same_township(&all, n)?;
                self.villages.merge(&members, into, at);
                self.touch_township(township);
            }
            Operation::ConvertVillage { village, to, name } => {
                let v = self.villages.resolve(base, village, n)?;
                let to = to.unwrap_or(VillageKind::Residents);
                let cur = &self.villages.units[v as usize];
                if cur.kind == to {
                    return Err(ScenarioError::invalid(
                        n,
                        format!("{} 已是{}", cur.name, to.zh()),
                        format!("{} is already a {}", cur.name, to.en()),
                    ));
                }
                let new_name = match name {
                    Some(nm) if !nm.trim().is_empty() => nm.trim().to_string(),
                    Some(_) => {
                        return Err(ScenarioError::invalid(
                            n,
                            "新名称为空",
                            "the new name is empty",
                        ));
                    }
                    None => converted_name(&cur.name, to),
                };
                let t = self.villages.township_of(v, &self.village_unit);
                let r = &mut self.villages.units[v as usize];
                r.converted_from.get_or_insert(r.kind);
                if r.name != new_name {
                    r.renamed_from.get_or_insert(r.name.clone());
                }
                r.kind = to;
                r.name = new_name;
                r.code = None;
                r.code_due_at.get_or_insert(at);
                r.code_claims.push((at, to));
                self.touch_township(t);
            }
            Operation::RenameVillage { village, name } => {
                let v = self.villages.resolve(base, village, n)?;
                let name = name.trim().to_string();
                let r = &mut self.villages.units[v as usize];
                if name.is_empty() || name == r.name {
                    return Err(ScenarioError::invalid(
                        n,
                        "新名称为空或与原名相同",
                        "the new name is empty or unchanged",
                    ));
                }
                r.renamed_from.get_or_insert(r.name.clone());
                r.name = name;
                let t = self.villages.township_of(v, &self.village_unit);
                self.touch_township(t);
            }
            Operation::SplitVillage {
                village,
                share,
                population_share,
                area_share,
                households_share,
                target,
            } => {
                let v = self.villages.resolve(base, village, n)?;
                let shares = SplitShares::from_fractions(
                    n,
                    share.0,
                    population_share.map(|f| f.0),
                    area_share.map(|f| f.0),
                    households_share.map(|f| f.0),
                )?;
                let to = MergeInto::resolve(&self.villages, base, target, n)?;
                if let MergeInto::Existing(d) = to {
                    if d == v {
                        return Err(ScenarioError::invalid(
                            n,
                            "不能将村拆分给其自身",
                            "a village cannot be split into itself",
                        ));
                    }
                    self.same_township(&[v, d], n)?;
                }
                let t = self.villages.township_of(v, &self.village_unit);
                self.villages.split(base, v, to, shares, at);
                self.touch_township(t);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The one township all these villages lie in; else an error naming two that differ.
    fn same_township(&self, villages: &[u32], n: usize) -> Result<u32, ScenarioError> {
        let first = villages[0];
        let t = self.villages.township_of(first, &self.village_unit);
        for &v in &villages[1..] {
            let u = self.villages.township_of(v, &self.village_unit);
            if u != t {
                let (a, b) = (
                    &self.villages.units[first as usize].name,
                    &self.villages.units[v as usize].name,
                );
                let (ta, tb) = (&self.units[t as usize].name, &self.units[u as usize].name);
                return Err(ScenarioError::invalid(
                    n,
                    format!("{a}（{ta}）与 {b}（{tb}）不在同一乡镇，须先办理村划归"),
                    format!(
                        "{a} ({ta}) and {b} ({tb}) are in different townships: transfer one first (村划归)"
                    ),
                ));
            }
        }
        Ok(t)
    }

    /// Marks a township for re-evaluation (its villages changed).
    fn touch_township(&mut self, t: u32) {
        self.dirty.insert(t);
    }

    /// The base villages a 村划归 moves for these references: each result village whole.
    /// A village split earlier moves only together with every village sharing its territory.
    pub(super) fn transfer_parts(
        &self,
        base: &Base,
        refs: &[String],
        n: usize,
    ) -> Result<Vec<u32>, ScenarioError> {
        let chosen = self.villages.resolve_all(base, refs, n)?;
        let mut parts = Vec::new();
        for &v in &chosen {
            for &p in &self.villages.units[v as usize].parts {
                if let Some(&other) = self.villages.holders[p as usize]
                    .iter()
                    .find(|h| !chosen.contains(h))
                {
                    let (a, b) = (
                        &self.villages.units[v as usize].name,
                        &self.villages.units[other as usize].name,
                    );
                    return Err(ScenarioError::invalid(
                        n,
                        format!("{a} 与 {b} 由拆分共有原村地域，须一并划转"),
                        format!(
                            "{a} shares territory with {b} after a split: transfer both together"
                        ),
                    ));
                }
                if !parts.contains(&p) {
                    parts.push(p);
                }
            }
        }
        Ok(parts)
    }

    /// The base village standing for a seat reference: the part that already is the seat,
    /// else the village's first part.
    pub(super) fn seat_part(
        &self,
        base: &Base,
        reference: &str,
        current: Option<u32>,
        n: usize,
    ) -> Result<u32, ScenarioError> {
        let v = self.villages.resolve(base, reference, n)?;
        let parts = &self.villages.units[v as usize].parts;
        Ok(current
            .filter(|c| parts.contains(c))
            .or_else(|| parts.first().copied())
            .unwrap_or(0))
    }
}

impl State {
    /// The name of the village holding seat village `v` now (it may have been merged or renamed).
    pub fn seat_name(&self, base: &Base, v: u32) -> String {
        let holders = &self.villages.holders[v as usize];
        holders
            .iter()
            .find(|&&h| self.villages.units[h as usize].parts.first() == Some(&v))
            .or(holders.first())
            .map(|&h| self.villages.units[h as usize].name.clone())
            .unwrap_or_else(|| base.villages[v as usize].name.clone())
    }
}

/// Whether an operation works on villages (the village layer) rather than townships.
pub fn is_village_op(op: &Operation) -> bool {
    matches!(
        op,
        Operation::MergeVillages { .. }
            | Operation::ConvertVillage { .. }
            | Operation::RenameVillage { .. }
            | Operation::SplitVillage { .. }
    )
}

fn target_ref(t: &VillageTarget) -> Option<&String> {
    match t {
        VillageTarget::Into(r) => Some(r),
        VillageTarget::New(_) => None,
    }
}

/// The village references an operation names (for the registry's changed-since check).
pub fn village_refs(op: &Operation) -> Vec<&String> {
    match op {
        Operation::MergeVillages { villages, target } => {
            villages.iter().chain(target_ref(target)).collect()
        }
        Operation::SplitVillage {
            village, target, ..
        } => std::iter::once(village).chain(target_ref(target)).collect(),
        Operation::ConvertVillage { village, .. } | Operation::RenameVillage { village, .. } => {
            vec![village]
        }
        _ => Vec::new(),
    }
}
