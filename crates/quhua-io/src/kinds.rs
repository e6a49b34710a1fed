//! Unit kinds from names, code ranges and the 类型 column.

use crate::nbs::KindStats;
use quhua_codes::{DivisionCode, Level, TownshipKind, UnitKind, VillageKind, VillageRange};

/// A township's kind: from its name when the name says (…镇, …乡, …街道, …苏木), else from
/// its code range. Real codes break ranges; the name wins and the builder warns.
pub fn township_kind(code: DivisionCode, name: &str, stats: &mut KindStats) -> TownshipKind {
    let by_range = UnitKind::from_code(code)
        .township()
        .unwrap_or(TownshipKind::Similar);
    match TownshipKind::from_name(name) {
        Some(k) => {
            stats.from_name += 1;
            if !k.range().numbers().contains(&code.township_seq()) {
                stats.name_outside_range += 1;
            }
            k
        }
        None => {
            stats.from_range += 1;
            by_range
        }
    }
}

/// The village kind a name implies: 社区/居委会/居民委员会 → 居委会; 村/村委会/村民委员会/嘎查 → 村委会.
pub fn village_kind_from_name(name: &str) -> Option<VillageKind> {
    let n = name.trim();
    const RESIDENTS: [&str; 3] = ["居委会", "居民委员会", "社区"];
    const VILLAGERS: [&str; 6] = ["村委会", "村民委员会", "嘎查委员会", "嘎查", "村", "牧委会"];
    if RESIDENTS.iter().any(|s| n.ends_with(s)) {
        Some(VillageKind::Residents)
    } else if VILLAGERS.iter().any(|s| n.ends_with(s)) {
        Some(VillageKind::Villagers)
    } else {
        None
    }
}

/// A village's kind: codes 400+ are 类似 units and keep their range kind; below 400 the name
/// decides when it can (see [`village_kind_from_name`]), else the range.
pub fn village_kind(code: DivisionCode, name: &str, stats: &mut KindStats) -> VillageKind {
    let range = VillageRange::of(code.village_seq());
    let by_range = match UnitKind::from_code(code) {
        UnitKind::Village(k) => k,
        _ => VillageKind::SimilarVillagers,
    };
    let similar = matches!(
        range,
        Some(VillageRange::SimilarResidents | VillageRange::SimilarVillagers) | None
    );
    match village_kind_from_name(name) {
        Some(k) if !similar => {
            stats.from_name += 1;
            if !k.range().numbers().contains(&code.village_seq()) {
                stats.name_outside_range += 1;
            }
            k
        }
        _ => {
            stats.from_range += 1;
            by_range
        }
    }
}

/// Parses a 类型 cell for a unit at `level`. Above township level any text is accepted (县,
/// 县级市, 区, 旗 …: the level decides). Village texts are normalised (居民委员会 → 居委会,
/// "类似居民委员会(推断)" → 类似居委会). `None` when the text fits no kind of the level.
pub fn parse_kind_text(text: &str, level: Level) -> Option<UnitKind> {
    let t = crate::columns::split_unit(text).0.trim();
    match level {
        Level::Province => Some(UnitKind::Province),
        Level::City => Some(UnitKind::City),
        Level::County => Some(UnitKind::County),
        Level::Township => TownshipKind::parse(t)
            .or_else(|| TownshipKind::from_name(t))
            .map(UnitKind::Township),
        Level::Village => {
            let n = t
                .replace("居民委员会", "居委会")
                .replace("村民委员会", "村委会");
            VillageKind::parse(&n)
                .or(match n.as_str() {
                    "类似社区" | "类似居委" => Some(VillageKind::SimilarResidents),
                    "类似村" | "类似村委" => Some(VillageKind::SimilarVillagers),
                    _ => None,
                })
                .map(UnitKind::Village)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn village_texts() {
        let v = |s| parse_kind_text(s, Level::Village);
        assert_eq!(
            v("居民委员会"),
            Some(UnitKind::Village(VillageKind::Residents))
        );
        assert_eq!(
            v("村民委员会"),
            Some(UnitKind::Village(VillageKind::Villagers))
        );
        assert_eq!(
            v("类似居民委员会(推断)"),
            Some(UnitKind::Village(VillageKind::SimilarResidents))
        );
        assert_eq!(v("镇"), None);
        assert_eq!(
            parse_kind_text("镇", Level::Township),
            Some(UnitKind::Township(TownshipKind::Town))
        );
        assert_eq!(parse_kind_text("村委会", Level::Township), None);
        assert_eq!(parse_kind_text("县", Level::County), Some(UnitKind::County));
    }

    #[test]
    fn names_decide_below_400() {
        let mut s = KindStats::default();
        let c = DivisionCode::parse("130634100203").unwrap();
        assert_eq!(
            village_kind(c, "某某社区居委会", &mut s),
            VillageKind::Residents
        );
        assert_eq!(s.name_outside_range, 1);
        let c = DivisionCode::parse("130634100401").unwrap();
        assert_eq!(
            village_kind(c, "某某村委会", &mut s),
            VillageKind::SimilarResidents
        );
        assert_eq!(
            village_kind_from_name("巴音嘎查"),
            Some(VillageKind::Villagers)
        );
    }
}
