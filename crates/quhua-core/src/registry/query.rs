//! Reading the registry: snapshots as of a date, replay, changes between dates, lineage.

use super::{Registry, RegistryError};
use crate::attr::add_attrs;
use crate::date::Date;
use crate::event::{ChangeEvent, EventId, EventType, Fact};
use crate::snapshot::Snapshot;
use crate::unit::{UnitId, UnitState};
use quhua_codes::DivisionCode;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// Which way to follow lineage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Successors: where did this unit's territory go?
    Forward,
    /// Predecessors: where did this unit's territory come from?
    Backward,
}

/// One step of a lineage walk.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineageStep {
    /// The event.
    pub event: EventId,
    /// Its type.
    pub kind: EventType,
    /// Effective date.
    pub date: Date,
    /// 批准文号.
    pub approval_no: String,
    /// Predecessor.
    pub from: UnitId,
    /// Successor.
    pub to: UnitId,
    /// Villages carried.
    pub villages: Vec<UnitId>,
}

impl Registry {
    /// The units in force on `date`, read from the version histories.
    pub fn as_of(&self, date: Date) -> Snapshot {
        let units = self
            .histories
            .iter()
            .filter_map(|h| {
                // Versions are ordered by valid_from; find the last one starting on or before `date`.
                let i = h.partition_point(|v| v.valid_from <= date);
                let v = h.get(i.checked_sub(1)?)?;
                v.valid_to
                    .is_none_or(|to| date < to)
                    .then(|| v.state.clone())
            })
            .collect();
        Snapshot::new(date, units)
    }

    /// The units in force on `date`, rebuilt from the initial list by replaying events.
    /// Independent of [`Registry::as_of`]; the two must agree.
    pub fn replay(&self, date: Date) -> Snapshot {
        if date < self.genesis_date {
            return Snapshot::new(date, Vec::new());
        }
        let mut state: HashMap<UnitId, UnitState> =
            self.genesis.iter().map(|u| (u.id, u.clone())).collect();
        for e in self.events.iter().take_while(|e| e.date <= date) {
            for f in &e.facts {
                replay_fact(&mut state, f);
            }
        }
        Snapshot::new(date, state.into_values().collect())
    }

    /// Events effective after `from` and on or before `to`.
    pub fn changes_between(&self, from: Date, to: Date) -> &[ChangeEvent] {
        let a = self.events.partition_point(|e| e.date <= from);
        let b = self.events.partition_point(|e| e.date <= to);
        &self.events[a..b.max(a)]
    }

    /// The unit that carries or carried `code` (codes are never reused, so at most one).
    pub fn unit_by_code(&self, code: DivisionCode) -> Result<UnitId, RegistryError> {
        self.codes
            .get(code)
            .map(|u| u.unit)
            .ok_or(RegistryError::UnknownCode(code))
    }

    /// Follows lineage from `unit`, transitively, in event order.
    pub fn lineage(&self, unit: UnitId, direction: Direction) -> Vec<LineageStep> {
        let mut frontier: BTreeSet<UnitId> = BTreeSet::from([unit]);
        let mut steps = Vec::new();
        let step =
            |e: &ChangeEvent, from: UnitId, to: UnitId, villages: &Vec<UnitId>| LineageStep {
                event: e.id,
                kind: e.kind,
                date: e.date,
                approval_no: e.approval_no.clone(),
                from,
                to,
                villages: villages.clone(),
            };
        match direction {
            Direction::Forward => {
                for e in &self.events {
                    for l in &e.lineage {
                        if frontier.contains(&l.from) {
                            steps.push(step(e, l.from, l.to, &l.villages));
                            frontier.insert(l.to);
                        }
                    }
                }
            }
            Direction::Backward => {
                for e in self.events.iter().rev() {
                    for l in &e.lineage {
                        if frontier.contains(&l.to) {
                            steps.push(step(e, l.from, l.to, &l.villages));
                            frontier.insert(l.from);
                        }
                    }
                }
            }
        }
        steps
    }

    /// Every code a unit has carried, with validity.
    pub fn codes_of(&self, unit: UnitId) -> Vec<(DivisionCode, Date, Option<Date>)> {
        let mut out: Vec<_> = self
            .codes
            .iter()
            .filter(|(_, u)| u.unit == unit)
            .map(|(c, u)| (*c, u.valid_from, u.valid_to))
            .collect();
        out.sort_by_key(|(_, from, _)| *from);
        out
    }
}

fn replay_fact(state: &mut HashMap<UnitId, UnitState>, f: &Fact) {
    match f {
        Fact::Abolish { unit, .. } => {
            state.remove(unit);
        }
        Fact::Establish { state: s } => {
            state.insert(s.id, (**s).clone());
        }
        Fact::Recode { unit, new, .. } => {
            if let Some(s) = state.get_mut(unit) {
                s.code = *new;
            }
        }
        Fact::Reparent { unit, to, .. } => {
            if let Some(s) = state.get_mut(unit) {
                s.parent = Some(*to);
            }
        }
        Fact::Rename { unit, to, .. } => {
            if let Some(s) = state.get_mut(unit) {
                s.name = to.clone();
            }
        }
        Fact::MoveSeat { unit, to } => {
            if let Some(s) = state.get_mut(unit) {
                s.seat = to.clone();
            }
        }
        Fact::AttrsDelta { unit, delta } => {
            if let Some(s) = state.get_mut(unit) {
                add_attrs(&mut s.attrs, delta);
            }
        }
        Fact::AddSource { .. } => {}
        Fact::SetAttrs { unit, attrs } => {
            if let Some(s) = state.get_mut(unit) {
                for (k, v) in attrs {
                    s.attrs.insert(k.clone(), v.clone());
                }
            }
        }
    }
}
