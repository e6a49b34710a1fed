//! The event-sourced registry: the legal record of which units exist, which code each
//! carries, and where every village went.
//!
//! State is kept two ways that must agree: a version history per unit (fast `as_of`
//! queries) and the genesis list plus recorded events (replay). Property tests check that
//! both give the same snapshot on every date.

mod apply;
mod build;
mod error;
mod query;
mod village;

pub use build::{RawUnit, RegistryBuilder};
pub use error::RegistryError;
pub use query::{Direction, LineageStep};

use crate::attr::Source;
use crate::codebook::CodeBook;
use crate::date::Date;
use crate::event::{ChangeEvent, Fact};
use crate::unit::{UnitId, UnitState};
use quhua_codes::DivisionCode;
use serde::{Deserialize, Serialize};

/// One state of a unit, valid over `[valid_from, valid_to)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitVersion {
    /// First day in force.
    pub valid_from: Date,
    /// First day no longer in force; `None` while current.
    pub valid_to: Option<Date>,
    /// The state.
    pub state: UnitState,
}

/// The registry.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Registry {
    genesis_date: Date,
    genesis: Vec<UnitState>,
    histories: Vec<Vec<UnitVersion>>,
    events: Vec<ChangeEvent>,
    codes: CodeBook,
    sources: Vec<Source>,
    /// How many of `sources` came with the initial list (the rest were added by events).
    #[serde(default)]
    genesis_sources: usize,
}

impl Registry {
    /// Rebuilds a registry from its parts (as stored): the initial list, its sources, and the
    /// recorded events, which are replayed fact by fact. Fails if the events do not fit.
    pub fn from_parts(
        genesis_date: Date,
        genesis: Vec<UnitState>,
        sources: Vec<Source>,
        events: Vec<ChangeEvent>,
    ) -> Result<Registry, RegistryError> {
        let mut codes = CodeBook::new();
        for (i, s) in genesis.iter().enumerate() {
            if s.id.0 as usize != i {
                return Err(RegistryError::Internal(format!(
                    "genesis unit {} out of sequence",
                    s.id
                )));
            }
            codes.assign(s.code, s.id, genesis_date)?;
        }
        let histories = genesis
            .iter()
            .map(|s| {
                vec![UnitVersion {
                    valid_from: genesis_date,
                    valid_to: None,
                    state: s.clone(),
                }]
            })
            .collect();
        let mut reg = Registry {
            genesis_date,
            genesis,
            histories,
            events: Vec::new(),
            codes,
            genesis_sources: sources.len(),
            sources,
        };
        for e in events {
            // A failure aborts the whole rebuild, so no per-event rollback copy is needed.
            reg.check_recorded(&e)?;
            for f in &e.facts {
                reg.commit_fact(f, e.date)?;
            }
            reg.events.push(e);
        }
        Ok(reg)
    }

    /// Appends an already-recorded event (e.g. read back from storage), replaying its facts.
    pub fn append_recorded(&mut self, event: ChangeEvent) -> Result<(), RegistryError> {
        self.check_recorded(&event)?;
        let mut work = self.clone();
        for f in &event.facts {
            work.commit_fact(f, event.date)?;
        }
        work.events.push(event);
        *self = work;
        Ok(())
    }

    fn check_recorded(&self, event: &ChangeEvent) -> Result<(), RegistryError> {
        let last = self
            .events
            .last()
            .map(|e| e.date)
            .unwrap_or(self.genesis_date);
        if event.date < last {
            return Err(RegistryError::OutOfOrder {
                date: event.date,
                last,
            });
        }
        if event.id.0 as usize != self.events.len() {
            return Err(RegistryError::Internal(format!(
                "event {} out of sequence",
                event.id.0
            )));
        }
        Ok(())
    }

    /// The date of the initial list.
    pub fn genesis_date(&self) -> Date {
        self.genesis_date
    }

    /// The initial list of units.
    pub fn genesis(&self) -> &[UnitState] {
        &self.genesis
    }

    /// Recorded events, in order.
    pub fn events(&self) -> &[ChangeEvent] {
        &self.events
    }

    /// Every code ever used.
    pub fn codes(&self) -> &CodeBook {
        &self.codes
    }

    /// Sources of attribute values.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// The sources that came with the initial list (what storage keeps beside it).
    pub fn genesis_sources(&self) -> &[Source] {
        &self.sources[..self.genesis_sources.min(self.sources.len())]
    }

    /// The version history of a unit.
    pub fn history(&self, id: UnitId) -> Option<&[UnitVersion]> {
        self.histories.get(id.0 as usize).map(Vec::as_slice)
    }

    /// Number of units ever recorded.
    pub fn unit_count(&self) -> usize {
        self.histories.len()
    }

    /// The latest state of a unit, alive or not.
    pub fn latest(&self, id: UnitId) -> Option<&UnitState> {
        self.history(id).and_then(|h| h.last()).map(|v| &v.state)
    }

    /// The current state of a unit still in force.
    pub fn current(&self, id: UnitId) -> Option<&UnitState> {
        self.history(id)
            .and_then(|h| h.last())
            .filter(|v| v.valid_to.is_none())
            .map(|v| &v.state)
    }

    /// Sets attribute values on a unit of the initial list, before any change is recorded
    /// (filling in the survey). Once events exist, use [`crate::event::ChangeRequest::UpdateAttrs`],
    /// which records the update and its source as an event.
    pub fn set_attrs(
        &mut self,
        id: UnitId,
        attrs: &crate::attr::Attrs,
    ) -> Result<(), RegistryError> {
        if !self.events.is_empty() {
            return Err(RegistryError::invalid(
                "名录已有变更记录，摸底数据更新须作为事件登记",
                "the registry has recorded changes; record survey updates as an event",
            ));
        }
        let v = self
            .histories
            .get_mut(id.0 as usize)
            .and_then(|h| h.last_mut())
            .filter(|v| v.valid_to.is_none())
            .ok_or(RegistryError::UnknownUnit(id))?;
        for (k, val) in attrs {
            v.state.attrs.insert(k.clone(), val.clone());
        }
        if let Some(g) = self.genesis.get_mut(id.0 as usize)
            && self.events.is_empty()
        {
            for (k, val) in attrs {
                g.attrs.insert(k.clone(), val.clone());
            }
        }
        Ok(())
    }

    /// Applies one recorded fact to the version histories and the code book.
    fn commit_fact(&mut self, fact: &Fact, date: Date) -> Result<(), RegistryError> {
        fact.apply_to(self, date)
    }

    fn hist_mut(&mut self, id: UnitId) -> Result<&mut Vec<UnitVersion>, RegistryError> {
        self.histories
            .get_mut(id.0 as usize)
            .ok_or(RegistryError::UnknownUnit(id))
    }

    /// Changes the unit's state from `date` on: a new version, or the same-day one in place.
    fn mutate(
        &mut self,
        id: UnitId,
        date: Date,
        f: impl FnOnce(&mut UnitState),
    ) -> Result<(), RegistryError> {
        let h = self.hist_mut(id)?;
        let last = h.last_mut().ok_or(RegistryError::UnknownUnit(id))?;
        if last.valid_from == date {
            f(&mut last.state);
        } else {
            let mut next = last.state.clone();
            last.valid_to = Some(date);
            f(&mut next);
            h.push(UnitVersion {
                valid_from: date,
                valid_to: None,
                state: next,
            });
        }
        Ok(())
    }
}

impl crate::event::FactTarget for Registry {
    type Error = RegistryError;

    fn end_unit(&mut self, unit: UnitId, date: Date) -> Result<(), RegistryError> {
        if let Some(last) = self.hist_mut(unit)?.last_mut() {
            last.valid_to = Some(date);
        }
        Ok(())
    }

    fn retire_code(&mut self, code: DivisionCode, date: Date) -> Result<(), RegistryError> {
        Ok(self.codes.retire(code, date)?)
    }

    fn assign_code(
        &mut self,
        code: DivisionCode,
        unit: UnitId,
        date: Date,
    ) -> Result<(), RegistryError> {
        Ok(self.codes.assign(code, unit, date)?)
    }

    fn establish(&mut self, state: &UnitState, date: Date) -> Result<(), RegistryError> {
        if state.id.0 as usize != self.histories.len() {
            return Err(RegistryError::Internal(format!(
                "new unit id {} out of sequence",
                state.id
            )));
        }
        self.histories.push(vec![UnitVersion {
            valid_from: date,
            valid_to: None,
            state: state.clone(),
        }]);
        Ok(())
    }

    fn change(
        &mut self,
        unit: UnitId,
        date: Date,
        f: &dyn Fn(&mut UnitState),
    ) -> Result<(), RegistryError> {
        self.mutate(unit, date, f)
    }

    fn add_source(&mut self, source: &crate::attr::Source) -> Result<(), RegistryError> {
        self.sources.push(source.clone());
        Ok(())
    }
}
