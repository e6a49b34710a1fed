//! Unit kinds (建制类型) and the code ranges GB/T 10114-2003 assigns them.

use crate::code::{DivisionCode, Level};
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// Township-level kinds (乡级建制类型).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TownshipKind {
    /// 街道 (街道办事处)
    Subdistrict,
    /// 镇
    Town,
    /// 乡
    Township,
    /// 民族乡
    EthnicTownship,
    /// 苏木
    Sumu,
    /// 民族苏木
    EthnicSumu,
    /// 区公所
    DistrictOffice,
    /// 类似乡级单位 (开发区、农场 …)
    Similar,
}

/// Village-level kinds (村级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VillageKind {
    /// 居民委员会 (社区)
    Residents,
    /// 村民委员会 (村, 嘎查)
    Villagers,
    /// 类似居委会
    SimilarResidents,
    /// 类似村委会
    SimilarVillagers,
}

/// The kind of any unit, at any level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "level", content = "kind")]
pub enum UnitKind {
    /// 省级
    Province,
    /// 地级
    City,
    /// 县级
    County,
    /// 乡级, with its kind
    Township(TownshipKind),
    /// 村级, with its kind
    Village(VillageKind),
}

/// The township code ranges (codes.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TownshipRange {
    /// 001–099
    Subdistrict,
    /// 100–199
    Town,
    /// 200–399 (乡, 民族乡, 苏木, 民族苏木)
    Township,
    /// 400–599
    Similar,
}

/// The village code ranges (codes.md §2–§3; 400+ inferred from data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VillageRange {
    /// 001–199
    Residents,
    /// 200–399
    Villagers,
    /// 400–499
    SimilarResidents,
    /// 500–599
    SimilarVillagers,
}

/// A code whose number lies outside the range its kind normally takes.
/// Advisory only: real 民政 codes break the ranges (codes.md §3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RangeWarning {
    /// The code concerned.
    pub code: DivisionCode,
    /// The unit's kind.
    pub kind: UnitKind,
    /// The range the kind normally takes.
    pub expected: (u16, u16),
}

impl RangeWarning {
    /// Message in Chinese and English.
    pub fn message(&self) -> String {
        format!(
            "代码 {} 不在{}通常的号段 {:03}–{:03} 内（仅提示）/ code {} lies outside the usual range {:03}–{:03} for {}",
            self.code,
            self.kind.zh(),
            self.expected.0,
            self.expected.1,
            self.code,
            self.expected.0,
            self.expected.1,
            self.kind.en()
        )
    }
}

impl TownshipRange {
    /// The numbers of the range.
    pub fn numbers(self) -> RangeInclusive<u16> {
        match self {
            TownshipRange::Subdistrict => 1..=99,
            TownshipRange::Town => 100..=199,
            TownshipRange::Township => 200..=399,
            TownshipRange::Similar => 400..=599,
        }
    }

    /// The range a township sequence number falls into, if any.
    pub fn of(seq: u16) -> Option<Self> {
        [Self::Subdistrict, Self::Town, Self::Township, Self::Similar]
            .into_iter()
            .find(|r| r.numbers().contains(&seq))
    }
}

impl VillageRange {
    /// The numbers of the range.
    pub fn numbers(self) -> RangeInclusive<u16> {
        match self {
            VillageRange::Residents => 1..=199,
            VillageRange::Villagers => 200..=399,
            VillageRange::SimilarResidents => 400..=499,
            VillageRange::SimilarVillagers => 500..=599,
        }
    }

    /// The range a village sequence number falls into, if any.
    pub fn of(seq: u16) -> Option<Self> {
        [
            Self::Residents,
            Self::Villagers,
            Self::SimilarResidents,
            Self::SimilarVillagers,
        ]
        .into_iter()
        .find(|r| r.numbers().contains(&seq))
    }
}

impl TownshipKind {
    /// All township kinds.
    pub const ALL: [TownshipKind; 8] = [
        TownshipKind::Subdistrict,
        TownshipKind::Town,
        TownshipKind::Township,
        TownshipKind::EthnicTownship,
        TownshipKind::Sumu,
        TownshipKind::EthnicSumu,
        TownshipKind::DistrictOffice,
        TownshipKind::Similar,
    ];

    /// The code range this kind takes.
    pub fn range(self) -> TownshipRange {
        match self {
            TownshipKind::Subdistrict => TownshipRange::Subdistrict,
            TownshipKind::Town => TownshipRange::Town,
            TownshipKind::Township
            | TownshipKind::EthnicTownship
            | TownshipKind::Sumu
            | TownshipKind::EthnicSumu
            | TownshipKind::DistrictOffice => TownshipRange::Township,
            TownshipKind::Similar => TownshipRange::Similar,
        }
    }

    /// The kind implied by a code's range alone (乡 for 200–399).
    pub fn from_range(range: TownshipRange) -> Self {
        match range {
            TownshipRange::Subdistrict => TownshipKind::Subdistrict,
            TownshipRange::Town => TownshipKind::Town,
            TownshipRange::Township => TownshipKind::Township,
            TownshipRange::Similar => TownshipKind::Similar,
        }
    }

    /// Classifies a township by its name's suffix, as official lists are read.
    pub fn from_name(name: &str) -> Option<Self> {
        let n = name.trim();
        if n.ends_with("街道") || n.ends_with("街道办事处") || n.ends_with("街道地区") {
            Some(TownshipKind::Subdistrict)
        } else if n.ends_with("民族苏木") {
            Some(TownshipKind::EthnicSumu)
        } else if n.ends_with("苏木") {
            Some(TownshipKind::Sumu)
        } else if n.ends_with("民族乡") || is_ethnic_township_name(n) {
            Some(TownshipKind::EthnicTownship)
        } else if n.ends_with('乡') {
            Some(TownshipKind::Township)
        } else if n.ends_with('镇') {
            Some(TownshipKind::Town)
        } else if n.ends_with("区公所") {
            Some(TownshipKind::DistrictOffice)
        } else {
            None
        }
    }

    /// Chinese name of the kind.
    pub fn zh(self) -> &'static str {
        match self {
            TownshipKind::Subdistrict => "街道",
            TownshipKind::Town => "镇",
            TownshipKind::Township => "乡",
            TownshipKind::EthnicTownship => "民族乡",
            TownshipKind::Sumu => "苏木",
            TownshipKind::EthnicSumu => "民族苏木",
            TownshipKind::DistrictOffice => "区公所",
            TownshipKind::Similar => "类似乡级单位",
        }
    }

    /// English name of the kind.
    pub fn en(self) -> &'static str {
        match self {
            TownshipKind::Subdistrict => "subdistrict",
            TownshipKind::Town => "town",
            TownshipKind::Township => "township",
            TownshipKind::EthnicTownship => "ethnic township",
            TownshipKind::Sumu => "sumu",
            TownshipKind::EthnicSumu => "ethnic sumu",
            TownshipKind::DistrictOffice => "district office",
            TownshipKind::Similar => "township-like unit",
        }
    }

    /// Parses the Chinese or English kind name (as written in tables).
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim();
        Self::ALL
            .into_iter()
            .find(|k| k.zh() == t || k.en().eq_ignore_ascii_case(t))
            .or(match t {
                "街道办事处" => Some(TownshipKind::Subdistrict),
                "类似乡级" | "开发区" | "农场" => Some(TownshipKind::Similar),
                _ => None,
            })
    }

    /// Whether this is a 乡-type unit (乡, 民族乡, 苏木, 民族苏木).
    pub fn is_xiang(self) -> bool {
        matches!(
            self,
            TownshipKind::Township
                | TownshipKind::EthnicTownship
                | TownshipKind::Sumu
                | TownshipKind::EthnicSumu
        )
    }

    /// Whether this is an ethnic unit (民族乡, 民族苏木), whose change requires 民族协商 (条例 art. 14).
    pub fn is_ethnic(self) -> bool {
        matches!(
            self,
            TownshipKind::EthnicTownship | TownshipKind::EthnicSumu
        )
    }

    /// The generic suffix a name of this kind ends with.
    pub fn suffix(self) -> &'static str {
        match self {
            TownshipKind::Subdistrict => "街道",
            TownshipKind::Town => "镇",
            TownshipKind::Township | TownshipKind::EthnicTownship => "乡",
            TownshipKind::Sumu | TownshipKind::EthnicSumu => "苏木",
            TownshipKind::DistrictOffice => "区公所",
            TownshipKind::Similar => "",
        }
    }
}

/// Names like 孙各庄满族乡 or 大滩回族乡: an ethnic-group name before 乡.
fn is_ethnic_township_name(n: &str) -> bool {
    n.ends_with("族乡")
}

impl VillageKind {
    /// The code range this kind takes.
    pub fn range(self) -> VillageRange {
        match self {
            VillageKind::Residents => VillageRange::Residents,
            VillageKind::Villagers => VillageRange::Villagers,
            VillageKind::SimilarResidents => VillageRange::SimilarResidents,
            VillageKind::SimilarVillagers => VillageRange::SimilarVillagers,
        }
    }

    /// The kind implied by a code's range alone.
    pub fn from_range(range: VillageRange) -> Self {
        match range {
            VillageRange::Residents => VillageKind::Residents,
            VillageRange::Villagers => VillageKind::Villagers,
            VillageRange::SimilarResidents => VillageKind::SimilarResidents,
            VillageRange::SimilarVillagers => VillageKind::SimilarVillagers,
        }
    }

    /// Chinese name of the kind.
    pub fn zh(self) -> &'static str {
        match self {
            VillageKind::Residents => "居委会",
            VillageKind::Villagers => "村委会",
            VillageKind::SimilarResidents => "类似居委会",
            VillageKind::SimilarVillagers => "类似村委会",
        }
    }

    /// English name of the kind.
    pub fn en(self) -> &'static str {
        match self {
            VillageKind::Residents => "residents' committee",
            VillageKind::Villagers => "villagers' committee",
            VillageKind::SimilarResidents => "residents'-committee-like unit",
            VillageKind::SimilarVillagers => "villagers'-committee-like unit",
        }
    }

    /// Parses the Chinese or English kind name.
    pub fn parse(s: &str) -> Option<Self> {
        let t = s.trim();
        [
            VillageKind::Residents,
            VillageKind::Villagers,
            VillageKind::SimilarResidents,
            VillageKind::SimilarVillagers,
        ]
        .into_iter()
        .find(|k| k.zh() == t || k.en().eq_ignore_ascii_case(t))
        .or(match t {
            "社区" | "居民委员会" | "社区居委会" => Some(VillageKind::Residents),
            "村" | "村民委员会" | "嘎查" => Some(VillageKind::Villagers),
            _ => None,
        })
    }
}

impl UnitKind {
    /// The level of units of this kind.
    pub fn level(self) -> Level {
        match self {
            UnitKind::Province => Level::Province,
            UnitKind::City => Level::City,
            UnitKind::County => Level::County,
            UnitKind::Township(_) => Level::Township,
            UnitKind::Village(_) => Level::Village,
        }
    }

    /// The kind implied by a code alone (its level and range).
    pub fn from_code(code: DivisionCode) -> Self {
        match code.level() {
            Level::Province => UnitKind::Province,
            Level::City => UnitKind::City,
            Level::County => UnitKind::County,
            Level::Township => UnitKind::Township(
                TownshipRange::of(code.township_seq())
                    .map(TownshipKind::from_range)
                    .unwrap_or(TownshipKind::Similar),
            ),
            Level::Village => UnitKind::Village(
                VillageRange::of(code.village_seq())
                    .map(VillageKind::from_range)
                    .unwrap_or(VillageKind::SimilarVillagers),
            ),
        }
    }

    /// Checks the code's number against the kind's usual range.
    pub fn check_range(self, code: DivisionCode) -> Option<RangeWarning> {
        let (seq, range) = match self {
            UnitKind::Township(k) => (code.township_seq(), k.range().numbers()),
            UnitKind::Village(k) => (code.village_seq(), k.range().numbers()),
            _ => return None,
        };
        (!range.contains(&seq)).then(|| RangeWarning {
            code,
            kind: self,
            expected: (*range.start(), *range.end()),
        })
    }

    /// Chinese name of the kind.
    pub fn zh(self) -> &'static str {
        match self {
            UnitKind::Province => "省级",
            UnitKind::City => "地级",
            UnitKind::County => "县级",
            UnitKind::Township(k) => k.zh(),
            UnitKind::Village(k) => k.zh(),
        }
    }

    /// English name of the kind.
    pub fn en(self) -> &'static str {
        match self {
            UnitKind::Province => "province",
            UnitKind::City => "prefecture",
            UnitKind::County => "county",
            UnitKind::Township(k) => k.en(),
            UnitKind::Village(k) => k.en(),
        }
    }

    /// The township kind, if this is a township.
    pub fn township(self) -> Option<TownshipKind> {
        match self {
            UnitKind::Township(k) => Some(k),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_match_codes_md() {
        assert_eq!(TownshipRange::of(1), Some(TownshipRange::Subdistrict));
        assert_eq!(TownshipRange::of(110), Some(TownshipRange::Town));
        assert_eq!(TownshipRange::of(213), Some(TownshipRange::Township));
        assert_eq!(TownshipRange::of(450), Some(TownshipRange::Similar));
        assert_eq!(TownshipRange::of(0), None);
        assert_eq!(TownshipRange::of(600), None);
    }

    #[test]
    fn warns_on_out_of_range_but_accepts() {
        // Beijing 朝阳区 乡 use 021–042 (codes.md §3).
        let c = DivisionCode::parse("110105021").unwrap();
        let w = UnitKind::Township(TownshipKind::Township)
            .check_range(c)
            .unwrap();
        assert_eq!(w.expected, (200, 399));
        assert!(w.message().contains("110105021"));
        let ok = DivisionCode::parse("130634110").unwrap();
        assert!(
            UnitKind::Township(TownshipKind::Town)
                .check_range(ok)
                .is_none()
        );
    }

    #[test]
    fn classifies_names() {
        assert_eq!(
            TownshipKind::from_name("下河乡"),
            Some(TownshipKind::Township)
        );
        assert_eq!(
            TownshipKind::from_name("孙各庄满族乡"),
            Some(TownshipKind::EthnicTownship)
        );
        assert_eq!(TownshipKind::from_name("恒州镇"), Some(TownshipKind::Town));
        assert_eq!(
            TownshipKind::from_name("景山街道"),
            Some(TownshipKind::Subdistrict)
        );
        assert_eq!(
            TownshipKind::from_name("巴彦苏木"),
            Some(TownshipKind::Sumu)
        );
        assert_eq!(TownshipKind::from_name("经济开发区"), None);
    }
}
