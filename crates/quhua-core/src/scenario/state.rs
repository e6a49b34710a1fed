//! The partition a scenario builds: result units over the base villages, kept with their
//! aggregates and the indicator accumulators, updated operation by operation.

use super::base::Base;
use super::error::ScenarioError;
use super::ops::{MergeTarget, Operation};
use super::villages::VillageLayer;
use crate::attr::Amount;
use crate::indicators::Accum;
use crate::unit::{Flags, name_stem};
use quhua_codes::{DivisionCode, TownshipKind};
use std::collections::BTreeSet;

/// A township as the scenario leaves it.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultUnit {
    /// Current name.
    pub name: String,
    /// Current kind.
    pub kind: TownshipKind,
    /// The code kept (boundary change, rename, seat move), or `None` when a new code is due.
    pub code: Option<DivisionCode>,
    /// The base township this unit continues, if any.
    pub base: Option<u32>,
    /// Base townships whose territory it holds (wholly or partly).
    pub origins: Vec<u32>,
    /// Its villages (base indices), sorted.
    pub villages: Vec<u32>,
    /// Aggregated attributes by key index.
    pub attrs: Vec<Option<Amount>>,
    /// Seat village.
    pub seat_village: Option<u32>,
    /// Flags.
    pub flags: Flags,
    /// Still in force after the scenario.
    pub alive: bool,
    /// Where it went when merged away.
    pub absorbed_into: Option<u32>,
    /// Locked by the planner.
    pub locked: bool,
    /// Changed after being locked (or, for a border township, changed at all).
    pub changed_while_locked: bool,
    /// The kind before a conversion.
    pub converted_from: Option<TownshipKind>,
    /// The name before renaming or conversion.
    pub renamed_from: Option<String>,
    /// Lost villages to another unit.
    pub lost_villages: bool,
    /// Territory changed (merge, transfer in or out).
    pub territory_changed: bool,
    /// The operation (0-based) after which the unit needs a new code; new codes are
    /// assigned in this order (顺序编制).
    pub code_due_at: Option<usize>,
}

/// The partition and its accumulators.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Result units (dead ones kept, `alive = false`).
    pub units: Vec<ResultUnit>,
    /// The unit each village belongs to.
    pub village_unit: Vec<u32>,
    /// Indicator accumulators over alive units.
    pub accum: Accum,
    /// Units touched since the last evaluation.
    pub dirty: BTreeSet<u32>,
    /// Operations applied so far.
    pub ops_applied: usize,
    /// The village layer (村级建制调整).
    pub villages: VillageLayer,
}

impl State {
    /// The state with no operation applied.
    pub fn new(base: &Base) -> State {
        let units: Vec<ResultUnit> = base
            .townships
            .iter()
            .enumerate()
            .map(|(i, t)| ResultUnit {
                name: t.name.clone(),
                kind: t.kind,
                code: Some(t.code),
                base: Some(i as u32),
                origins: vec![i as u32],
                villages: t.villages.clone(),
                attrs: t.attrs.clone(),
                seat_village: t.seat_village,
                flags: t.flags,
                alive: true,
                absorbed_into: None,
                locked: t.flags.border,
                changed_while_locked: false,
                converted_from: None,
                renamed_from: None,
                lost_villages: false,
                territory_changed: false,
                code_due_at: None,
            })
            .collect();
        let village_unit = base.villages.iter().map(|v| v.township).collect();
        let mut accum = Accum::default();
        for u in &units {
            accum.add(
                u.kind,
                pick(&u.attrs, base.pop_key),
                pick(&u.attrs, base.area_key),
            );
        }
        State {
            dirty: (0..units.len() as u32).collect(),
            units,
            village_unit,
            accum,
            ops_applied: 0,
            villages: VillageLayer::new(base),
        }
    }

    /// Alive units, with their indices.
    pub fn alive(&self) -> impl Iterator<Item = (u32, &ResultUnit)> {
        self.units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.alive)
            .map(|(i, u)| (i as u32, u))
    }

    /// Applies one operation (`n` is its 1-based position, for messages).
    /// On error the state is unchanged.
    pub fn apply(&mut self, base: &Base, op: &Operation, n: usize) -> Result<(), ScenarioError> {
        if self.apply_village_op(base, op, n)? {
            self.ops_applied += 1;
            return Ok(());
        }
        match op {
            Operation::Merge { units, target } => {
                let members: Vec<u32> = units
                    .iter()
                    .map(|r| self.resolve_unit(base, r, n))
                    .collect::<Result<_, _>>()?;
                let mut seen = BTreeSet::new();
                for &m in &members {
                    if !seen.insert(m) {
                        return Err(ScenarioError::invalid(
                            n,
                            format!("{} 重复列出", self.units[m as usize].name),
                            format!("{} listed twice", self.units[m as usize].name),
                        ));
                    }
                }
                match target {
                    MergeTarget::Into(r) => {
                        let into = self.resolve_unit(base, r, n)?;
                        if members.contains(&into) {
                            return Err(ScenarioError::invalid(
                                n,
                                "不能将单位并入其自身",
                                "a unit cannot merge into itself",
                            ));
                        }
                        if members.is_empty() {
                            return Err(ScenarioError::invalid(
                                n,
                                "未列出被并入的单位",
                                "no units to merge",
                            ));
                        }
                        for m in members {
                            self.absorb(base, m, into);
                        }
                    }
                    MergeTarget::New(spec) => {
                        if members.len() < 2 {
                            return Err(ScenarioError::invalid(
                                n,
                                "合并设立新单位至少需要两个乡镇",
                                "a new unit needs at least two townships",
                            ));
                        }
                        let name = spec.name.trim().to_string();
                        if name.is_empty() {
                            return Err(ScenarioError::invalid(
                                n,
                                "新单位名称为空",
                                "the new unit has no name",
                            ));
                        }
                        let seat = match &spec.seat {
                            Some(r) => {
                                let v = self.seat_part(base, r, None, n)?;
                                if !members.contains(&self.village_unit[v as usize]) {
                                    return Err(ScenarioError::invalid(
                                        n,
                                        format!("驻地“{r}”不在合并范围内"),
                                        format!("seat \"{r}\" is not within the merged units"),
                                    ));
                                }
                                Some(v)
                            }
                            None => {
                                let most = members.iter().copied().max_by_key(|&m| {
                                    (
                                        pick(&self.units[m as usize].attrs, base.pop_key),
                                        std::cmp::Reverse(m),
                                    )
                                });
                                most.and_then(|m| self.units[m as usize].seat_village)
                            }
                        };
                        let idx = self.units.len() as u32;
                        let mut flags = Flags::default();
                        for &m in &members {
                            let f = self.units[m as usize].flags;
                            flags.county_seat |= f.county_seat;
                            flags.key_town |= f.key_town;
                        }
                        flags.ethnic = spec.kind.is_ethnic();
                        self.units.push(ResultUnit {
                            name,
                            kind: spec.kind,
                            code: None,
                            base: None,
                            origins: Vec::new(),
                            villages: Vec::new(),
                            attrs: vec![None; base.keys.len()],
                            seat_village: seat,
                            flags,
                            alive: true,
                            absorbed_into: None,
                            locked: false,
                            changed_while_locked: false,
                            converted_from: None,
                            renamed_from: None,
                            lost_villages: false,
                            territory_changed: true,
                            code_due_at: Some(self.ops_applied),
                        });
                        self.accum.add(spec.kind, None, None);
                        self.dirty.insert(idx);
                        for m in members {
                            self.absorb(base, m, idx);
                        }
                    }
                }
            }
            Operation::Convert { unit, to, name } => {
                let u = self.resolve_unit(base, unit, n)?;
                let cur = &self.units[u as usize];
                if cur.kind == *to {
                    return Err(ScenarioError::invalid(
                        n,
                        format!("{} 已是{}", cur.name, to.zh()),
                        format!("{} is already a {}", cur.name, to.en()),
                    ));
                }
                let new_name = name
                    .clone()
                    .unwrap_or_else(|| format!("{}{}", name_stem(&cur.name), to.suffix()));
                let to = *to;
                let at = self.ops_applied;
                self.update(base, u, |r| {
                    r.code_due_at.get_or_insert(at);
                    r.converted_from.get_or_insert(r.kind);
                    if r.name != new_name {
                        r.renamed_from.get_or_insert(r.name.clone());
                    }
                    r.kind = to;
                    r.name = new_name;
                    r.code = None;
                    r.flags.ethnic = to.is_ethnic();
                    if r.locked {
                        r.changed_while_locked = true;
                    }
                });
            }
            Operation::Rename { unit, name } => {
                let u = self.resolve_unit(base, unit, n)?;
                let name = name.trim().to_string();
                if name.is_empty() || name == self.units[u as usize].name {
                    return Err(ScenarioError::invalid(
                        n,
                        "新名称为空或与原名相同",
                        "the new name is empty or unchanged",
                    ));
                }
                self.update(base, u, |r| {
                    r.renamed_from.get_or_insert(r.name.clone());
                    r.name = name;
                });
            }
            Operation::MoveSeat { unit, village } => {
                let u = self.resolve_unit(base, unit, n)?;
                let v = self.seat_part(base, village, self.units[u as usize].seat_village, n)?;
                if self.village_unit[v as usize] != u {
                    return Err(ScenarioError::invalid(
                        n,
                        format!("驻地“{village}”不在 {} 辖区内", self.units[u as usize].name),
                        format!(
                            "seat \"{village}\" is not within {}",
                            self.units[u as usize].name
                        ),
                    ));
                }
                self.update(base, u, |r| r.seat_village = Some(v));
            }
            Operation::Transfer { villages, to } => {
                let dest = self.resolve_unit(base, to, n)?;
                let vs: Vec<u32> = self.transfer_parts(base, villages, n)?;
                if vs.is_empty() {
                    return Err(ScenarioError::invalid(
                        n,
                        "未指定划转的村",
                        "no villages to transfer",
                    ));
                }
                // Validate everything before changing anything.
                let mut leaving: Vec<(u32, usize)> = Vec::new();
                for &v in &vs {
                    let r = &base.villages[v as usize].name;
                    let from = self.village_unit[v as usize];
                    if from == dest {
                        return Err(ScenarioError::invalid(
                            n,
                            format!("“{r}”已属于目标乡镇"),
                            format!("\"{r}\" already belongs to the target"),
                        ));
                    }
                    if self.units[from as usize].seat_village == Some(v) {
                        return Err(ScenarioError::invalid(
                            n,
                            format!(
                                "“{r}”是 {} 的驻地，须先迁移驻地",
                                self.units[from as usize].name
                            ),
                            format!(
                                "\"{r}\" is the seat of {}; move the seat first",
                                self.units[from as usize].name
                            ),
                        ));
                    }
                    match leaving.iter_mut().find(|(u, _)| *u == from) {
                        Some((_, c)) => *c += 1,
                        None => leaving.push((from, 1)),
                    }
                }
                if vs.iter().collect::<BTreeSet<_>>().len() != vs.len() {
                    return Err(ScenarioError::invalid(
                        n,
                        "有村重复列出",
                        "a village is listed twice",
                    ));
                }
                for (u, c) in &leaving {
                    if self.units[*u as usize].villages.len() == *c {
                        return Err(ScenarioError::invalid(
                            n,
                            format!(
                                "{} 的全部村将被划出，应改用撤并",
                                self.units[*u as usize].name
                            ),
                            format!(
                                "all villages of {} would leave; merge it instead",
                                self.units[*u as usize].name
                            ),
                        ));
                    }
                }
                for v in vs {
                    self.move_village(base, v, dest);
                }
            }
            Operation::MergeVillages { .. }
            | Operation::ConvertVillage { .. }
            | Operation::RenameVillage { .. }
            | Operation::SplitVillage { .. } => {}
            Operation::Lock { units } => {
                let resolved: Vec<u32> = units
                    .iter()
                    .map(|r| self.resolve_unit(base, r, n))
                    .collect::<Result<_, _>>()?;
                for u in resolved {
                    self.units[u as usize].locked = true;
                    self.dirty.insert(u);
                }
            }
        }
        self.ops_applied += 1;
        Ok(())
    }

    /// Runs `f` on unit `u`, keeping the accumulators right.
    fn update(&mut self, base: &Base, u: u32, f: impl FnOnce(&mut ResultUnit)) {
        let r = &mut self.units[u as usize];
        if r.alive {
            self.accum.remove(
                r.kind,
                pick(&r.attrs, base.pop_key),
                pick(&r.attrs, base.area_key),
            );
        }
        f(r);
        if r.alive {
            self.accum.add(
                r.kind,
                pick(&r.attrs, base.pop_key),
                pick(&r.attrs, base.area_key),
            );
        }
        self.dirty.insert(u);
    }

    /// Merges unit `m` wholly into unit `into`.
    fn absorb(&mut self, base: &Base, m: u32, into: u32) {
        let moved = std::mem::take(&mut self.units[m as usize].villages);
        let attrs = self.units[m as usize].attrs.clone();
        let origins = self.units[m as usize].origins.clone();
        for &v in &moved {
            self.village_unit[v as usize] = into;
        }
        self.update(base, m, |r| {
            r.alive = false;
            r.absorbed_into = Some(into);
            r.territory_changed = true;
            if r.locked {
                r.changed_while_locked = true;
            }
        });
        // `update` removed m's contribution while it was alive and, now dead, did not add it back.
        self.update(base, into, |r| {
            r.villages.extend(moved);
            r.villages.sort_unstable();
            for (a, b) in r.attrs.iter_mut().zip(&attrs) {
                if let Some(b) = b {
                    *a = Some(a.unwrap_or_default() + *b);
                }
            }
            for o in origins {
                if !r.origins.contains(&o) {
                    r.origins.push(o);
                }
            }
            r.territory_changed = true;
            if r.locked {
                r.changed_while_locked = true;
            }
        });
    }

    /// Moves one village to unit `to` (attribute keys the origin holds move with it).
    fn move_village(&mut self, base: &Base, v: u32, to: u32) {
        let from = self.village_unit[v as usize];
        let vattrs = &base.villages[v as usize].attrs;
        let moving: Vec<Option<Amount>> = self.units[from as usize]
            .attrs
            .iter()
            .zip(vattrs)
            .map(|(t, va)| t.and(*va))
            .collect();
        let origin_base = base.villages[v as usize].township;
        self.update(base, from, |r| {
            r.villages.retain(|&x| x != v);
            for (a, m) in r.attrs.iter_mut().zip(&moving) {
                if let (Some(a), Some(m)) = (a.as_mut(), m) {
                    *a -= *m;
                }
            }
            r.lost_villages = true;
            r.territory_changed = true;
            if r.locked {
                r.changed_while_locked = true;
            }
        });
        self.update(base, to, |r| {
            let pos = r.villages.binary_search(&v).unwrap_or_else(|p| p);
            r.villages.insert(pos, v);
            for (a, m) in r.attrs.iter_mut().zip(&moving) {
                if let Some(m) = m {
                    *a = Some(a.unwrap_or_default() + *m);
                }
            }
            if !r.origins.contains(&origin_base) {
                r.origins.push(origin_base);
            }
            r.territory_changed = true;
            if r.locked {
                r.changed_while_locked = true;
            }
        });
        self.village_unit[v as usize] = to;
    }

    /// Resolves a township reference to an alive unit.
    fn resolve_unit(&self, base: &Base, reference: &str, n: usize) -> Result<u32, ScenarioError> {
        let r = reference.trim();
        let unknown = || ScenarioError::UnknownUnit {
            op: n,
            reference: r.to_string(),
        };
        if let Ok(code) = DivisionCode::parse(r) {
            let hit = self.units.iter().position(|u| u.code == Some(code));
            let hit = hit.or_else(|| {
                base.townships
                    .iter()
                    .position(|t| t.code == code)
                    .and_then(|b| self.units.iter().position(|u| u.base == Some(b as u32)))
            });
            let i = hit.ok_or_else(unknown)? as u32;
            return self.require_alive(i, r, n);
        }
        let alive: Vec<u32> = self
            .alive()
            .filter(|(_, u)| u.name == r)
            .map(|(i, _)| i)
            .collect();
        match alive.as_slice() {
            [i] => Ok(*i),
            [] => {
                // A name of a unit merged away earlier: say where it went.
                match self.units.iter().position(|u| u.name == r) {
                    Some(i) => self.require_alive(i as u32, r, n),
                    None => Err(unknown()),
                }
            }
            _ => Err(ScenarioError::Ambiguous {
                op: n,
                reference: r.to_string(),
            }),
        }
    }

    fn require_alive(&self, i: u32, r: &str, n: usize) -> Result<u32, ScenarioError> {
        let u = &self.units[i as usize];
        if u.alive {
            return Ok(i);
        }
        let into = u
            .absorbed_into
            .map(|j| self.units[j as usize].name.clone())
            .unwrap_or_default();
        Err(ScenarioError::invalid(
            n,
            format!("“{r}”已在前面的操作中并入 {into}"),
            format!("\"{r}\" was already merged into {into} by an earlier operation"),
        ))
    }
}

/// The value at key index `k`, if both exist.
pub(crate) fn pick(attrs: &[Option<Amount>], k: Option<usize>) -> Option<Amount> {
    k.and_then(|k| attrs.get(k).copied().flatten())
}
