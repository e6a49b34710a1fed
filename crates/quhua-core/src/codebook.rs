//! Codes as time-versioned attributes, and the rule that a retired code is never reused.
//!
//! 民政部令第79号 art. 6 (codes.md §4.1): 设立 → a new code; 撤销 → the code is abolished;
//! 隶属变更 → abolish and create; rename, seat move, boundary change → keep the code.
//! "顺序编制、唯一对应、废码不用": a new code is by default the next number after the highest
//! ever used in the kind's range within the county (as the 曲阳县 cases 110–113 show).

use crate::date::Date;
use crate::i18n::{Bilingual, Text};
use crate::unit::UnitId;
use quhua_codes::{DivisionCode, Level, TownshipRange, VillageRange};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::ops::RangeInclusive;

/// One assignment of a code to a unit, valid over `[valid_from, valid_to)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeUse {
    /// The unit that carries (or carried) the code.
    pub unit: UnitId,
    /// First day in force.
    pub valid_from: Date,
    /// First day no longer in force; `None` while in force.
    pub valid_to: Option<Date>,
}

/// Why a code cannot be assigned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeBookError {
    /// The code was used before (in force or retired): 废码不用.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Reused {
        /// The code.
        code: DivisionCode,
        /// Who held it.
        holder: UnitId,
        /// Since when.
        since: Date,
        /// "，已停用" or "".
        retired: String,
        /// ", retired" or "".
        retired_en: String,
    },
    /// No free number is left in the range.
    #[error("{} / {}", self.text().zh, self.text().en)]
    RangeFull {
        /// The county or township.
        parent: DivisionCode,
        /// Range start.
        start: u16,
        /// Range end.
        end: u16,
    },
    /// The code is not in force, so it cannot be retired.
    #[error("{} / {}", self.text().zh, self.text().en)]
    NotInForce(DivisionCode),
}

impl Bilingual for CodeBookError {
    fn text(&self) -> Text {
        match self {
            Self::Reused {
                code,
                holder,
                since,
                retired,
                retired_en,
            } => Text::new(
                format!(
                    "代码 {code} 已被单位 {holder} 使用过（{since} 起{retired}），按“废码不用”不得再次使用"
                ),
                format!(
                    "code {code} was already used by unit {holder} (from {since}{retired_en}); retired codes are never reused"
                ),
            ),
            Self::RangeFull { parent, start, end } => Text::new(
                format!("{parent} 的 {start:03}–{end:03} 号段已无空号"),
                format!("no free number left in range {start:03}–{end:03} under {parent}"),
            ),
            Self::NotInForce(f0) => Text::new(
                format!("代码 {f0} 当前未在使用，无法停用"),
                format!("code {f0} is not in force and cannot be retired"),
            ),
        }
    }
}

/// Every code ever assigned, with its single use (codes are never reused).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeBook {
    uses: BTreeMap<DivisionCode, CodeUse>,
}

impl CodeBook {
    /// An empty code book.
    pub fn new() -> Self {
        Self::default()
    }

    /// Assigns `code` to `unit` from `date`. Fails if the code was ever used.
    pub fn assign(
        &mut self,
        code: DivisionCode,
        unit: UnitId,
        date: Date,
    ) -> Result<(), CodeBookError> {
        if let Some(u) = self.uses.get(&code) {
            let retired = u.valid_to.is_some();
            return Err(CodeBookError::Reused {
                code,
                holder: u.unit,
                since: u.valid_from,
                retired: if retired {
                    "，已停用".into()
                } else {
                    String::new()
                },
                retired_en: if retired {
                    ", retired".into()
                } else {
                    String::new()
                },
            });
        }
        self.uses.insert(
            code,
            CodeUse {
                unit,
                valid_from: date,
                valid_to: None,
            },
        );
        Ok(())
    }

    /// Retires `code` from `date` on.
    pub fn retire(&mut self, code: DivisionCode, date: Date) -> Result<(), CodeBookError> {
        match self.uses.get_mut(&code) {
            Some(u) if u.valid_to.is_none() => {
                u.valid_to = Some(date);
                Ok(())
            }
            _ => Err(CodeBookError::NotInForce(code)),
        }
    }

    /// The use of a code, if it was ever assigned.
    pub fn get(&self, code: DivisionCode) -> Option<&CodeUse> {
        self.uses.get(&code)
    }

    /// Whether the code was ever used.
    pub fn was_used(&self, code: DivisionCode) -> bool {
        self.uses.contains_key(&code)
    }

    /// All uses, in code order.
    pub fn iter(&self) -> impl Iterator<Item = (&DivisionCode, &CodeUse)> {
        self.uses.iter()
    }

    /// The number of codes ever assigned.
    pub fn len(&self) -> usize {
        self.uses.len()
    }

    /// Whether no code was ever assigned.
    pub fn is_empty(&self) -> bool {
        self.uses.is_empty()
    }

    /// The next free township code in `range` within `county`.
    pub fn next_township_code(
        &self,
        county: DivisionCode,
        range: TownshipRange,
    ) -> Result<DivisionCode, CodeBookError> {
        self.next_township_code_excluding(county, range, &BTreeSet::new())
    }

    /// As [`Self::next_township_code`], also treating `pending` (codes about to be assigned) as used.
    pub fn next_township_code_excluding(
        &self,
        county: DivisionCode,
        range: TownshipRange,
        pending: &BTreeSet<DivisionCode>,
    ) -> Result<DivisionCode, CodeBookError> {
        let county = county.prefix(Level::County);
        self.next_in(county, range.numbers(), pending, |seq| {
            DivisionCode::township(county, seq)
        })
    }

    /// The next free village code in `range` within `township`.
    pub fn next_village_code(
        &self,
        township: DivisionCode,
        range: VillageRange,
    ) -> Result<DivisionCode, CodeBookError> {
        self.next_village_code_excluding(township, range, &BTreeSet::new())
    }

    /// As [`Self::next_village_code`], also treating `pending` as used.
    pub fn next_village_code_excluding(
        &self,
        township: DivisionCode,
        range: VillageRange,
        pending: &BTreeSet<DivisionCode>,
    ) -> Result<DivisionCode, CodeBookError> {
        let township = township.prefix(Level::Township);
        self.next_in(township, range.numbers(), pending, |seq| {
            DivisionCode::village(township, seq)
        })
    }

    /// After the highest number ever used in the range; else the lowest never-used hole.
    fn next_in(
        &self,
        parent: DivisionCode,
        numbers: RangeInclusive<u16>,
        pending: &BTreeSet<DivisionCode>,
        make: impl Fn(u16) -> Result<DivisionCode, quhua_codes::CodeError>,
    ) -> Result<DivisionCode, CodeBookError> {
        let full = CodeBookError::RangeFull {
            parent,
            start: *numbers.start(),
            end: *numbers.end(),
        };
        let (Ok(lo), Ok(hi)) = (make(*numbers.start()), make(*numbers.end())) else {
            return Err(full);
        };
        // Codes of lower levels (villages) sort between township codes: skip them.
        let level = lo.level();
        let highest = self
            .uses
            .range(lo..=hi)
            .rev()
            .map(|(c, _)| *c)
            .find(|c| c.level() == level)
            .max(
                pending
                    .range(lo..=hi)
                    .rev()
                    .copied()
                    .find(|c| c.level() == level),
            );
        let candidate = match highest {
            None => Some(lo),
            Some(h) if h < hi => {
                let step = if level == Level::Township { 1_000 } else { 1 };
                DivisionCode::with_level(h.as_u64() + step, level).ok()
            }
            Some(_) => None,
        };
        if let Some(c) = candidate {
            return Ok(c);
        }
        numbers
            .filter_map(|seq| make(seq).ok())
            .find(|c| !self.uses.contains_key(c) && !pending.contains(c))
            .ok_or(full)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        crate::date::parse_date(s).unwrap()
    }

    #[test]
    fn quyang_next_town_code_is_appended() {
        let mut b = CodeBook::new();
        let county = DivisionCode::parse("130634").unwrap();
        for (i, seq) in [100u16, 101, 109, 201, 205].iter().enumerate() {
            b.assign(
                DivisionCode::township(county, *seq).unwrap(),
                UnitId(i as u32),
                d("2020-01-01"),
            )
            .unwrap();
        }
        let next = b.next_township_code(county, TownshipRange::Town).unwrap();
        assert_eq!(next.short(), "130634110");
        b.retire(DivisionCode::parse("130634201").unwrap(), d("2023-01-01"))
            .unwrap();
        // A retired code stays taken.
        let err = b
            .assign(
                DivisionCode::parse("130634201").unwrap(),
                UnitId(9),
                d("2024-01-01"),
            )
            .unwrap_err();
        assert!(matches!(err, CodeBookError::Reused { .. }));
        assert_eq!(
            b.next_township_code(county, TownshipRange::Township)
                .unwrap()
                .short(),
            "130634206"
        );
        assert_eq!(
            b.next_township_code(county, TownshipRange::Subdistrict)
                .unwrap()
                .short(),
            "130634001"
        );
    }

    #[test]
    fn full_range_falls_back_to_holes() {
        let mut b = CodeBook::new();
        let t = DivisionCode::parse("130634100").unwrap();
        b.assign(
            DivisionCode::village(t, 199).unwrap(),
            UnitId(1),
            d("2020-01-01"),
        )
        .unwrap();
        b.assign(
            DivisionCode::village(t, 1).unwrap(),
            UnitId(2),
            d("2020-01-01"),
        )
        .unwrap();
        assert_eq!(
            b.next_village_code(t, VillageRange::Residents)
                .unwrap()
                .village_seq(),
            2
        );
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use crate::i18n::assert_bilingual;

    #[test]
    fn codebook_error_text() {
        let code = DivisionCode::parse("130634201").unwrap();
        assert_bilingual(
            &CodeBookError::NotInForce(code),
            "代码 130634201 当前未在使用，无法停用",
            "code 130634201 is not in force and cannot be retired",
        );
        assert_bilingual(
            &CodeBookError::RangeFull {
                parent: DivisionCode::parse("130634").unwrap(),
                start: 1,
                end: 99,
            },
            "130634 的 001–099 号段已无空号",
            "no free number left in range 001–099 under 130634",
        );
        assert_bilingual(
            &CodeBookError::Reused {
                code,
                holder: UnitId(7),
                since: Date::from_ymd_opt(2020, 1, 1).unwrap(),
                retired: "，已停用".into(),
                retired_en: ", retired".into(),
            },
            "代码 130634201 已被单位 #7 使用过（2020-01-01 起，已停用），按“废码不用”不得再次使用",
            "code 130634201 was already used by unit #7 (from 2020-01-01, retired); retired codes are never reused",
        );
    }
}
