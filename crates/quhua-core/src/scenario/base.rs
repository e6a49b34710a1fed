//! The base of a scenario: one county's townships and villages, flattened for fast evaluation.

use super::error::ScenarioError;
use crate::attr::{Amount, keys};
use crate::codebook::CodeBook;
use crate::date::Date;
use crate::snapshot::Snapshot;
use crate::unit::{Flags, UnitId};
use quhua_codes::{DivisionCode, Level, TownshipKind, UnitKind, VillageKind};
use std::collections::{BTreeSet, HashMap};

/// A village of the base (the atom every partition is made of).
#[derive(Debug, Clone, PartialEq)]
pub struct BaseVillage {
    /// Registry id.
    pub id: UnitId,
    /// Code in force.
    pub code: DivisionCode,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: VillageKind,
    /// Index of its township in [`Base::townships`].
    pub township: u32,
    /// Attribute values by key index ([`Base::keys`]).
    pub attrs: Vec<Option<Amount>>,
}

/// A township of the base.
#[derive(Debug, Clone, PartialEq)]
pub struct BaseTownship {
    /// Registry id.
    pub id: UnitId,
    /// Code in force.
    pub code: DivisionCode,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: TownshipKind,
    /// Flags.
    pub flags: Flags,
    /// Its seat village (index into [`Base::villages`]).
    pub seat_village: Option<u32>,
    /// Township-level attribute values by key index.
    pub attrs: Vec<Option<Amount>>,
    /// Its villages (indices).
    pub villages: Vec<u32>,
}

/// One county, ready for scenario evaluation.
#[derive(Debug, Clone, PartialEq)]
pub struct Base {
    /// The snapshot date.
    pub date: Date,
    /// The county's code.
    pub county_code: DivisionCode,
    /// The county's name.
    pub county_name: String,
    /// Attribute keys, indexed.
    pub keys: Vec<String>,
    /// Index of the population key used by the rules.
    pub pop_key: Option<usize>,
    /// Index of the area key.
    pub area_key: Option<usize>,
    /// Townships, by code.
    pub townships: Vec<BaseTownship>,
    /// Villages, grouped by township.
    pub villages: Vec<BaseVillage>,
    /// Village adjacency (indices), when geometry or an edge list is known.
    pub adjacency: Option<Vec<Vec<u32>>>,
    /// Township names elsewhere in the province (for the unique-name rule).
    pub other_names: Vec<String>,
    /// The same names by their toneless pinyin (for the homophone warning), built once.
    pub other_sounds: HashMap<String, String>,
    /// Every township code ever used in the county (new codes never reuse them).
    pub used_codes: BTreeSet<DivisionCode>,
    /// Every village code ever used in the county (the villages' own codes at least).
    pub used_village_codes: BTreeSet<DivisionCode>,
    /// Whether attributes include synthetic (示意) values.
    pub synthetic: bool,
}

impl Base {
    /// Flattens one county of a snapshot. `pop_key` is the population attribute the rules use.
    pub fn from_snapshot(
        snapshot: &Snapshot,
        county: DivisionCode,
        pop_key: &str,
    ) -> Result<Base, ScenarioError> {
        let c = snapshot
            .by_code(county.prefix(Level::County))
            .filter(|c| c.level() == Level::County)
            .ok_or_else(|| ScenarioError::UnknownCounty(county.to_string()))?;
        let mut key_set: BTreeSet<String> = BTreeSet::new();
        let mut town_ids: Vec<UnitId> = snapshot
            .children(c.id)
            .iter()
            .copied()
            .filter(|t| {
                snapshot
                    .get(*t)
                    .is_some_and(|s| s.level() == Level::Township)
            })
            .collect();
        town_ids.sort_by_key(|t| snapshot.get(*t).map(|s| s.code));
        for &t in &town_ids {
            if let Some(s) = snapshot.get(t) {
                key_set.extend(s.attrs.keys().cloned());
                for v in snapshot.children(t) {
                    if let Some(vs) = snapshot.get(*v) {
                        key_set.extend(vs.attrs.keys().cloned());
                    }
                }
            }
        }
        let keys: Vec<String> = key_set.into_iter().collect();
        let key_index: HashMap<&str, usize> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), i))
            .collect();
        let to_vec = |attrs: &crate::attr::Attrs| {
            let mut v = vec![None; keys.len()];
            for (k, a) in attrs {
                if let Some(&i) = key_index.get(k.as_str()) {
                    v[i] = Some(a.value);
                }
            }
            v
        };
        let mut townships = Vec::with_capacity(town_ids.len());
        let mut villages = Vec::new();
        for (ti, &t) in town_ids.iter().enumerate() {
            let Some(s) = snapshot.get(t) else { continue };
            let mut vids: Vec<&crate::unit::UnitState> = snapshot
                .children(t)
                .iter()
                .filter_map(|v| snapshot.get(*v))
                .filter(|v| v.level() == Level::Village)
                .collect();
            vids.sort_by_key(|v| v.code);
            let mut members = Vec::with_capacity(vids.len());
            let mut seat_village = None;
            for v in vids {
                let idx = villages.len() as u32;
                if s.seat.as_ref().and_then(|x| x.village) == Some(v.id) {
                    seat_village = Some(idx);
                }
                members.push(idx);
                villages.push(BaseVillage {
                    id: v.id,
                    code: v.code,
                    name: v.name.clone(),
                    kind: match v.kind {
                        UnitKind::Village(k) => k,
                        _ => VillageKind::Villagers,
                    },
                    township: ti as u32,
                    attrs: to_vec(&v.attrs),
                });
            }
            townships.push(BaseTownship {
                id: s.id,
                code: s.code,
                name: s.name.clone(),
                kind: s.kind.township().unwrap_or(TownshipKind::Similar),
                flags: s.flags,
                seat_village,
                attrs: to_vec(&s.attrs),
                villages: members,
            });
        }
        let used_codes = townships.iter().map(|t| t.code).collect();
        let used_village_codes = villages.iter().map(|v| v.code).collect();
        Ok(Base {
            date: snapshot.date,
            county_code: c.code,
            county_name: c.name.clone(),
            pop_key: key_index.get(pop_key).copied(),
            area_key: key_index.get(keys::AREA_KM2).copied(),
            keys,
            townships,
            villages,
            adjacency: None,
            other_names: Vec::new(),
            other_sounds: HashMap::new(),
            used_codes,
            used_village_codes,
            synthetic: false,
        })
    }

    /// Marks the base as holding synthetic (示意) values.
    pub fn mark_synthetic(mut self, synthetic: bool) -> Self {
        self.synthetic = synthetic;
        self
    }

    /// Sets village adjacency from pairs of registry ids (pairs naming unknown villages are ignored).
    pub fn with_adjacency(mut self, pairs: impl IntoIterator<Item = (UnitId, UnitId)>) -> Self {
        let index: HashMap<UnitId, u32> = self
            .villages
            .iter()
            .enumerate()
            .map(|(i, v)| (v.id, i as u32))
            .collect();
        let mut adj = vec![Vec::new(); self.villages.len()];
        for (a, b) in pairs {
            if let (Some(&i), Some(&j)) = (index.get(&a), index.get(&b))
                && i != j
            {
                adj[i as usize].push(j);
                adj[j as usize].push(i);
            }
        }
        for list in &mut adj {
            list.sort_unstable();
            list.dedup();
        }
        self.adjacency = Some(adj);
        self
    }

    /// Sets the township names elsewhere in the province.
    pub fn with_other_names(mut self, names: Vec<String>) -> Self {
        self.other_sounds = names
            .iter()
            .map(|n| (crate::rules::toneless(n), n.clone()))
            .collect();
        self.other_names = names;
        self
    }

    /// Adds every township and village code the county ever used (from the registry's code book).
    pub fn with_code_history(mut self, codes: &CodeBook) -> Self {
        for (c, _) in codes.iter() {
            if !c.is_within(self.county_code) {
                continue;
            }
            match c.level() {
                Level::Township => {
                    self.used_codes.insert(*c);
                }
                Level::Village => {
                    self.used_village_codes.insert(*c);
                }
                _ => {}
            }
        }
        self
    }

    /// Finds a township by code or name.
    pub fn township_index(&self, reference: &str) -> Vec<usize> {
        let r = reference.trim();
        if let Ok(code) = DivisionCode::parse(r)
            && code.level() == Level::Township
        {
            return self
                .townships
                .iter()
                .position(|t| t.code == code)
                .into_iter()
                .collect();
        }
        self.townships
            .iter()
            .enumerate()
            .filter(|(_, t)| t.name == r)
            .map(|(i, _)| i)
            .collect()
    }

    /// Finds a village by code or name.
    pub fn village_index(&self, reference: &str) -> Vec<usize> {
        let r = reference.trim();
        if let Ok(code) = DivisionCode::parse(r)
            && code.level() == Level::Village
        {
            return self
                .villages
                .iter()
                .position(|v| v.code == code)
                .into_iter()
                .collect();
        }
        self.villages
            .iter()
            .enumerate()
            .filter(|(_, v)| v.name == r)
            .map(|(i, _)| i)
            .collect()
    }

    /// The total of one attribute over the county's townships.
    pub fn total(&self, key: usize) -> Amount {
        self.townships.iter().filter_map(|t| t.attrs[key]).sum()
    }
}
