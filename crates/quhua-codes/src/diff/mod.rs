//! Code-list diff (代码表比对): from two official lists of units, infer the
//! change events that turn the old list into the new one.
//!
//! The rules behind the inference are in codes.md §4: a rename keeps the code;
//! 撤乡设镇 / 撤镇设街道 retire the old code and create a new one in the new
//! kind's range, usually the county's next free number; NBS data also shows
//! renumbered counties and permuted codes. Lists from different years and
//! publishers (NBS, 民政部) write the same names differently, so every event
//! is a [`CandidateEvent`] with a confidence and its evidence, never a fact.
//!
//! # Matching
//!
//! Entries are grouped by parent (the county, for townships). An old and a new
//! entry with the same code and the same normalised name are unchanged. The
//! rest are paired greedily, within a county, in this order of evidence
//! (ties go to the higher confidence, then the lower codes, so the result is
//! deterministic):
//!
//! 1. same code, same name stem (下河乡/下河镇, 孙各庄乡/孙各庄满族乡);
//! 2. same name, different code → 码位变更 (this is what turns a permutation
//!    such as 唐山开平区 102/104/105 into three 码位变更 rather than three 更名);
//! 3. same stem, different code → 撤乡设镇 etc. when the kind changed,
//!    码位变更 otherwise;
//! 4. same code, stems one character apart → 更名 (岗面乡→冈面乡);
//! 5. same code, any other name → 更名 at lower confidence;
//! 6. different code, stems one character apart;
//! 7. left over: one retired old unit and one new unit whose kinds make a type
//!    change (乡→镇, 镇→街道, 乡→街道), each the only candidate for the other,
//!    with the new code in the new kind's range → type change, low confidence
//!    (曲阳县 205 东旺乡 → 111 嘉禾镇);
//! 8. left over, same name in another county of the same city, each the only
//!    candidate for the other → 其他 (possible 隶属关系变更);
//! 9. anything else → 撤销 (old only) or 新设 (new only).
//!
//! # Confidence
//!
//! A heuristic in [0, 1], rounded to two decimals:
//!
//! | match | confidence |
//! |---|---|
//! | same code, same stem, same kind class (更名) | 0.95 |
//! | same code, same stem, kind known only from the code range on one side | 0.70 |
//! | same code, same stem, kind changed (type change without new code) | 0.60 |
//! | same name, different code (码位变更) | 0.90 |
//! | same stem, kind changed, different code | 0.80 + 0.05 old code retired + 0.05 new code in the new kind's range + 0.05 new code is the county's next free number in that range |
//! | same stem, same kind, different code (码位变更 with a variant name) | 0.80 |
//! | same code, stems one character apart (更名) | 0.90 |
//! | same code, different stem (更名) | 0.70 if at least half the characters are shared, else 0.60 |
//! | same code, kind changed and name changed (type change without new code) | 0.50 if the stems are one character apart, else 0.40 |
//! | different code, stems one character apart | 0.60 (码位变更), or 0.60 + the same three bonuses for a type change |
//! | left-over one-to-one type change | 0.40 + the same three bonuses (≤ 0.55) |
//! | same name in another county of the city (其他) | 0.50 |
//! | 撤销 | 0.60 (0.50 for 类似乡级单位, which 民政 lists leave out); 0.90 when the new list marks the unit revoked |
//! | 新设 | 0.60 (0.50 for 类似乡级单位), + 0.10 when the code is the next free number of its range |
//!
//! Kind classes are 街道, 镇, 乡 (乡, 民族乡, 苏木, 民族苏木), 区公所 and
//! 类似乡级单位. A kind is read from the name
//! ([`TownshipKind::from_name`](crate::TownshipKind::from_name)) and falls back
//! to the code's range ([`UnitKind::from_code`](crate::UnitKind::from_code)).
//!
//! # Messy lists
//!
//! Names are compared after removing whitespace, unifying brackets and writing
//! "…街道办事处" as "…街道". An entry whose name carries a revoked mark
//! ("（撤销）", "（已撤销）", "（2021年撤销）") is treated as absent from its list.

mod classify;
mod context;
mod items;
mod matcher;
mod names;
#[cfg(test)]
mod tests;

use crate::code::DivisionCode;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One unit in an official list (a township, or a unit of any single level).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ListEntry {
    /// The unit's code in this list.
    pub code: DivisionCode,
    /// The unit's name as the list writes it.
    pub name: String,
}

impl ListEntry {
    /// Builds an entry.
    pub fn new(code: DivisionCode, name: impl Into<String>) -> Self {
        ListEntry {
            code,
            name: name.into(),
        }
    }

    /// Builds an entry from a code string (2, 4, 6, 9 or 12 digits).
    pub fn parse(code: &str, name: impl Into<String>) -> Result<Self, crate::code::CodeError> {
        Ok(ListEntry::new(DivisionCode::parse(code)?, name))
    }
}

/// The kind of change a [`CandidateEvent`] proposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    /// 新设: a unit only in the new list.
    Established,
    /// 撤销: a unit only in the old list.
    Abolished,
    /// 更名: same code, new name.
    Renamed,
    /// 撤乡设镇: a 乡 (民族乡, 苏木) became a 镇.
    XiangToZhen,
    /// 撤镇设街道: a 镇 became a 街道.
    ZhenToJiedao,
    /// 撤乡设街道: a 乡 became a 街道.
    XiangToJiedao,
    /// 码位变更: the same unit under a new code.
    Recoded,
    /// 其他: any other pairing (kind changed another way, possible transfer).
    Other,
}

impl ChangeKind {
    /// All kinds, in declaration order.
    pub const ALL: [ChangeKind; 8] = [
        ChangeKind::Established,
        ChangeKind::Abolished,
        ChangeKind::Renamed,
        ChangeKind::XiangToZhen,
        ChangeKind::ZhenToJiedao,
        ChangeKind::XiangToJiedao,
        ChangeKind::Recoded,
        ChangeKind::Other,
    ];

    /// The Chinese label: 新设, 撤销, 更名, 撤乡设镇, 撤镇设街道, 撤乡设街道, 码位变更, 其他.
    pub fn zh(self) -> &'static str {
        match self {
            ChangeKind::Established => "新设",
            ChangeKind::Abolished => "撤销",
            ChangeKind::Renamed => "更名",
            ChangeKind::XiangToZhen => "撤乡设镇",
            ChangeKind::ZhenToJiedao => "撤镇设街道",
            ChangeKind::XiangToJiedao => "撤乡设街道",
            ChangeKind::Recoded => "码位变更",
            ChangeKind::Other => "其他",
        }
    }

    /// The English label.
    pub fn en(self) -> &'static str {
        match self {
            ChangeKind::Established => "established",
            ChangeKind::Abolished => "abolished",
            ChangeKind::Renamed => "renamed",
            ChangeKind::XiangToZhen => "township to town",
            ChangeKind::ZhenToJiedao => "town to subdistrict",
            ChangeKind::XiangToJiedao => "township to subdistrict",
            ChangeKind::Recoded => "recoded",
            ChangeKind::Other => "other",
        }
    }

    /// Parses the Chinese or English label.
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim();
        Self::ALL
            .into_iter()
            .find(|k| k.zh() == t || k.en().eq_ignore_ascii_case(t))
    }

    /// Whether this is one of the three type changes (撤乡设镇, 撤镇设街道, 撤乡设街道).
    pub fn is_type_change(self) -> bool {
        matches!(
            self,
            ChangeKind::XiangToZhen | ChangeKind::ZhenToJiedao | ChangeKind::XiangToJiedao
        )
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.zh())
    }
}

impl Serialize for ChangeKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.zh())
    }
}

impl<'de> Deserialize<'de> for ChangeKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        ChangeKind::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("未知的变更类型“{s}” / unknown change kind \"{s}\""))
        })
    }
}

/// A change inferred from two lists: which old entry became which new entry.
///
/// Serialises as a flat object with the keys `kind` (the Chinese label),
/// `old_code`, `old_name`, `new_code`, `new_name` (null when absent; codes in
/// their short form, e.g. "130634201"), `confidence` and `evidence`.
#[derive(Debug, Clone, PartialEq)]
pub struct CandidateEvent {
    /// What kind of change this is.
    pub kind: ChangeKind,
    /// The entry in the old list (absent for 新设).
    pub old: Option<ListEntry>,
    /// The entry in the new list (absent for 撤销).
    pub new: Option<ListEntry>,
    /// How sure the inference is, in [0, 1] (see the module docs).
    pub confidence: f64,
    /// Why: what matched, Chinese first, then " / " and English.
    pub evidence: String,
}

/// The flat JSON shape of a [`CandidateEvent`].
#[derive(Serialize, Deserialize)]
struct EventWire {
    kind: ChangeKind,
    old_code: Option<DivisionCode>,
    old_name: Option<String>,
    new_code: Option<DivisionCode>,
    new_name: Option<String>,
    confidence: f64,
    evidence: String,
}

impl Serialize for CandidateEvent {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        EventWire {
            kind: self.kind,
            old_code: self.old.as_ref().map(|e| e.code),
            old_name: self.old.as_ref().map(|e| e.name.clone()),
            new_code: self.new.as_ref().map(|e| e.code),
            new_name: self.new.as_ref().map(|e| e.name.clone()),
            confidence: self.confidence,
            evidence: self.evidence.clone(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for CandidateEvent {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let w = EventWire::deserialize(d)?;
        let entry = |code: Option<DivisionCode>, name: Option<String>, side: &str| match (
            code, name,
        ) {
            (Some(code), Some(name)) => Ok(Some(ListEntry { code, name })),
            (None, None) => Ok(None),
            _ => Err(serde::de::Error::custom(format!(
                "{side}_code 与 {side}_name 须同时出现或同时为空 / {side}_code and {side}_name must both be present or both null"
            ))),
        };
        Ok(CandidateEvent {
            kind: w.kind,
            old: entry(w.old_code, w.old_name, "old")?,
            new: entry(w.new_code, w.new_name, "new")?,
            confidence: w.confidence,
            evidence: w.evidence,
        })
    }
}

/// Which of the two lists an error refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ListSide {
    /// The old list (first argument of [`diff_lists`]).
    Old,
    /// The new list (second argument of [`diff_lists`]).
    New,
}

impl ListSide {
    /// 旧表 / 新表.
    pub fn zh(self) -> &'static str {
        match self {
            ListSide::Old => "旧表",
            ListSide::New => "新表",
        }
    }

    /// "old list" / "new list".
    pub fn en(self) -> &'static str {
        match self {
            ListSide::Old => "old list",
            ListSide::New => "new list",
        }
    }
}

/// Why two lists cannot be diffed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiffError {
    /// The same code appears twice among the current (not revoked) entries of one list.
    #[error(
        "{zh}中代码 {code} 重复：“{first}”与“{second}” / duplicate code {code} in the {en}: \"{first}\" and \"{second}\"",
        zh = side.zh(),
        en = side.en()
    )]
    DuplicateCode {
        /// The list concerned.
        side: ListSide,
        /// The repeated code.
        code: DivisionCode,
        /// Name of the first entry with the code.
        first: String,
        /// Name of the second entry with the code.
        second: String,
    },
    /// An entry has an empty name.
    #[error(
        "{zh}中代码 {code} 的名称为空 / code {code} in the {en} has an empty name",
        zh = side.zh(),
        en = side.en()
    )]
    EmptyName {
        /// The list concerned.
        side: ListSide,
        /// The code with no name.
        code: DivisionCode,
    },
}

/// Infers the change events between an old and a new list of units.
///
/// Returns the events sorted by parent (county) and then by code (the old code,
/// or the new code for 新设). Identical lists give no events. Entries are only
/// matched with entries of the same level and parent (or grandparent, step 8),
/// so a list may mix levels: the NBS township list carries 金门县 as a
/// placeholder row 350527000. Fails on a duplicate code within one list or an
/// empty name.
pub fn diff_lists(old: &[ListEntry], new: &[ListEntry]) -> Result<Vec<CandidateEvent>, DiffError> {
    matcher::diff(old, new)
}
