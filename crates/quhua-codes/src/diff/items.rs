//! Entries prepared for matching: normalised names, kinds, per-list indexes.

use super::names::{self, PreparedName};
use super::{ChangeKind, DiffError, ListEntry, ListSide};
use crate::code::{DivisionCode, Level};
use crate::kind::{TownshipKind, UnitKind};
use std::collections::HashMap;

/// Coarse kind classes: a change between classes is a change of 建制.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Jiedao,
    Zhen,
    Xiang,
    Office,
    Similar,
}

impl Class {
    pub(super) fn of(kind: TownshipKind) -> Class {
        match kind {
            TownshipKind::Subdistrict => Class::Jiedao,
            TownshipKind::Town => Class::Zhen,
            TownshipKind::DistrictOffice => Class::Office,
            TownshipKind::Similar => Class::Similar,
            _ => Class::Xiang,
        }
    }
}

/// The change kind for a change of class.
pub(super) fn type_change(from: Class, to: Class) -> ChangeKind {
    match (from, to) {
        (Class::Xiang, Class::Zhen) => ChangeKind::XiangToZhen,
        (Class::Zhen, Class::Jiedao) => ChangeKind::ZhenToJiedao,
        (Class::Xiang, Class::Jiedao) => ChangeKind::XiangToJiedao,
        _ => ChangeKind::Other,
    }
}

/// A township's kind and whether it was read from the name (else from the code range).
#[derive(Debug, Clone, Copy)]
pub(super) struct KindInfo {
    pub(super) kind: TownshipKind,
    pub(super) from_name: bool,
}

impl KindInfo {
    pub(super) fn class(self) -> Class {
        Class::of(self.kind)
    }
}

/// One list entry prepared for matching.
pub(super) struct Item<'a> {
    pub(super) entry: &'a ListEntry,
    pub(super) name: PreparedName,
    pub(super) kind: Option<KindInfo>,
}

impl Item<'_> {
    pub(super) fn code(&self) -> DivisionCode {
        self.entry.code
    }
}

/// One list, validated and indexed.
pub(super) struct Side<'a> {
    pub(super) items: Vec<Item<'a>>,
    /// Code → index of the current (not revoked) entry with it.
    pub(super) by_code: HashMap<DivisionCode, usize>,
}

pub(super) fn prepare_side(list: &[ListEntry], side: ListSide) -> Result<Side<'_>, DiffError> {
    let mut items = Vec::with_capacity(list.len());
    let mut by_code: HashMap<DivisionCode, usize> = HashMap::with_capacity(list.len());
    for entry in list {
        let level = entry.code.level();
        let name = names::prepare(&entry.name);
        if name.norm.is_empty() {
            return Err(DiffError::EmptyName {
                side,
                code: entry.code,
            });
        }
        let kind = (level == Level::Township).then(|| match TownshipKind::from_name(&name.norm) {
            Some(kind) => KindInfo {
                kind,
                from_name: true,
            },
            None => KindInfo {
                kind: UnitKind::from_code(entry.code)
                    .township()
                    .unwrap_or(TownshipKind::Similar),
                from_name: false,
            },
        });
        let index = items.len();
        if !name.revoked {
            if let Some(&first) = by_code.get(&entry.code) {
                let first: &Item = &items[first];
                return Err(DiffError::DuplicateCode {
                    side,
                    code: entry.code,
                    first: first.entry.name.clone(),
                    second: entry.name.clone(),
                });
            }
            by_code.insert(entry.code, index);
        }
        items.push(Item { entry, name, kind });
    }
    Ok(Side { items, by_code })
}
