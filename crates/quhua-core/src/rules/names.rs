//! Names: the 通名 a kind's name ends with, and names as they sound (toneless pinyin).

use super::{Finding, RuleId, finding};
use crate::policy::Cited;
use crate::scenario::ResultUnit;
use pinyin::ToPinyin;
use quhua_codes::TownshipKind;

/// The name in toneless pinyin (characters without a reading kept as they are).
pub fn toneless(name: &str) -> String {
    name.chars()
        .zip(name.to_pinyin())
        .map(|(c, p)| {
            p.map(|p| p.plain().to_string())
                .unwrap_or_else(|| c.to_string())
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Generic names (通名) a township-level name may end with, longest first, with their kind.
const ENDINGS: [(&str, TownshipKind); 9] = [
    ("街道办事处", TownshipKind::Subdistrict),
    ("族苏木", TownshipKind::EthnicSumu),
    ("区公所", TownshipKind::DistrictOffice),
    ("街道", TownshipKind::Subdistrict),
    ("苏木", TownshipKind::Sumu),
    ("族乡", TownshipKind::EthnicTownship),
    ("地区", TownshipKind::Similar),
    ("乡", TownshipKind::Township),
    ("镇", TownshipKind::Town),
];

/// The kind a name's ending says, and that ending (`None`: no known 通名).
pub(crate) fn kind_of_name(name: &str) -> Option<(&'static str, TownshipKind)> {
    let n = name.trim();
    ENDINGS
        .iter()
        .find(|(e, _)| n.ends_with(e) && n.chars().count() > e.chars().count())
        .copied()
}

/// Whether `name` suits a unit of `kind` (类似乡级单位 take any name).
pub fn name_fits_kind(name: &str, kind: TownshipKind) -> bool {
    if kind == TownshipKind::Similar {
        return true;
    }
    kind_of_name(name).is_some_and(|(_, k)| k == kind)
}

/// The ending a name of `kind` should have, for messages.
fn expected_ending(kind: TownshipKind) -> &'static str {
    match kind {
        TownshipKind::EthnicTownship => "族乡",
        TownshipKind::EthnicSumu => "族苏木",
        k => k.suffix(),
    }
}

pub(super) fn name_kind_finding(rule: &Cited, u: &ResultUnit, me: &[String]) -> Option<Finding> {
    if name_fits_kind(&u.name, u.kind) {
        return None;
    }
    let want = expected_ending(u.kind);
    let (zh_has, en_has) = match kind_of_name(&u.name) {
        Some((ending, k)) => (
            format!("名称以“{ending}”结尾（{}的通名）", k.zh()),
            format!(
                "its name ends in \"{ending}\" (the generic name of a {})",
                k.en()
            ),
        ),
        None => (
            "名称缺少通名".to_string(),
            "its name has no generic part (通名)".to_string(),
        ),
    };
    Some(finding(
        rule.severity,
        RuleId::NameKind,
        me.to_vec(),
        format!(
            "{} 的建制类型为{}，{}，名实不符；{}的名称应以“{want}”结尾",
            u.name,
            u.kind.zh(),
            zh_has,
            u.kind.zh()
        ),
        format!(
            "{} is a {}, but {}; a {} name ends in \"{want}\"",
            u.name,
            u.kind.en(),
            en_has,
            u.kind.en()
        ),
        &rule.citation,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn homophones() {
        assert_eq!(toneless("下河镇"), toneless("夏河镇"));
        assert_ne!(toneless("下河镇"), toneless("上河镇"));
    }

    #[test]
    fn names_and_kinds() {
        use TownshipKind::*;
        assert!(name_fits_kind("北台乡", Township));
        assert!(!name_fits_kind("北台镇", Township));
        assert!(!name_fits_kind("北台乡", Town));
        assert!(name_fits_kind("恒州街道", Subdistrict));
        assert!(name_fits_kind("恒州街道办事处", Subdistrict));
        assert!(!name_fits_kind("恒州镇", Subdistrict));
        assert!(name_fits_kind("孙各庄满族乡", EthnicTownship));
        assert!(!name_fits_kind("孙各庄满族乡", Township));
        assert!(!name_fits_kind("孙各庄乡", EthnicTownship));
        assert!(!name_fits_kind("北台", Township));
        assert!(!name_fits_kind("镇", Town));
        assert!(name_fits_kind("经济开发区", Similar));
    }
}
