//! A snapshot: the units in force on one date, with lookups by id, code and parent.

use crate::date::Date;
use crate::unit::{UnitId, UnitState};
use quhua_codes::{DivisionCode, Level};
use std::collections::HashMap;

/// The units in force on `date`.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The date.
    pub date: Date,
    units: Vec<UnitState>,
    by_id: HashMap<UnitId, usize>,
    by_code: HashMap<DivisionCode, usize>,
    children: HashMap<UnitId, Vec<UnitId>>,
}

impl PartialEq for Snapshot {
    fn eq(&self, other: &Self) -> bool {
        self.date == other.date && self.units == other.units
    }
}

impl Snapshot {
    /// Builds a snapshot from unit states (any order).
    pub fn new(date: Date, mut units: Vec<UnitState>) -> Self {
        units.sort_by_key(|u| u.id);
        let by_id = units.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
        let by_code = units.iter().enumerate().map(|(i, u)| (u.code, i)).collect();
        let mut children: HashMap<UnitId, Vec<UnitId>> = HashMap::new();
        for u in &units {
            if let Some(p) = u.parent {
                children.entry(p).or_default().push(u.id);
            }
        }
        Snapshot {
            date,
            units,
            by_id,
            by_code,
            children,
        }
    }

    /// All units, by id.
    pub fn units(&self) -> &[UnitState] {
        &self.units
    }

    /// Number of units.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether there are no units.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// A unit by id.
    pub fn get(&self, id: UnitId) -> Option<&UnitState> {
        self.by_id.get(&id).map(|&i| &self.units[i])
    }

    /// A unit by its code in force.
    pub fn by_code(&self, code: DivisionCode) -> Option<&UnitState> {
        self.by_code.get(&code).map(|&i| &self.units[i])
    }

    /// Direct children of a unit (by id order).
    pub fn children(&self, id: UnitId) -> &[UnitId] {
        self.children.get(&id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Units at one level.
    pub fn at_level(&self, level: Level) -> impl Iterator<Item = &UnitState> {
        self.units.iter().filter(move |u| u.level() == level)
    }

    /// Finds a unit by exact name at a level, optionally under a given ancestor code.
    pub fn find_by_name(
        &self,
        name: &str,
        level: Level,
        within: Option<DivisionCode>,
    ) -> Vec<&UnitState> {
        self.units
            .iter()
            .filter(|u| u.level() == level && u.name == name)
            .filter(|u| within.is_none_or(|a| u.code.is_within(a)))
            .collect()
    }
}
