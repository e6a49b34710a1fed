//! Pre-check reasons of the optimizer in words, in both languages, naming the units.

use quhua_core::i18n::Text;
use quhua_optimize::Infeasible;

/// A pre-check reason in words, naming the units (`names` by unit index; a unit without a
/// name is given by its index).
pub fn explain(r: &Infeasible, names: &[String]) -> Text {
    let n = |u: &u32| {
        names
            .get(*u as usize)
            .cloned()
            .unwrap_or_else(|| u.to_string())
    };
    let (zh, en) = match r {
        Infeasible::LockedBelowFloor {
            unit,
            population,
            floor,
            isolated,
        } => (
            format!(
                "锁定单位 {} 人口 {population:.0} 低于下限 {floor:.0}{}",
                n(unit),
                if *isolated {
                    "，且无相邻单位"
                } else {
                    ""
                }
            ),
            format!(
                "locked unit {} has {population:.0} people, below the floor {floor:.0}{}",
                n(unit),
                if *isolated { ", and no neighbours" } else { "" }
            ),
        ),
        Infeasible::IslandBelowFloor {
            unit,
            population,
            floor,
        } => (
            format!("孤岛 {} 人口 {population:.0} 低于下限 {floor:.0}", n(unit)),
            format!(
                "island {} has {population:.0} people, below the floor {floor:.0}",
                n(unit)
            ),
        ),
        Infeasible::UnitOverCeiling {
            unit,
            area,
            ceiling,
        } => (
            format!("{} 面积 {area:.1} km² 本身已超过上限 {ceiling:.1}", n(unit)),
            format!(
                "{} alone has {area:.1} km², above the ceiling {ceiling:.1}",
                n(unit)
            ),
        ),
        Infeasible::FloorOutOfReach {
            unit,
            max_population,
            floor,
            ceiling,
        } => (
            format!(
                "{}：面积上限 {ceiling:.1} km² 内可连成的片区人口至多 {max_population:.0}，达不到下限 {floor:.0}",
                n(unit)
            ),
            format!(
                "{}: any region containing it within the ceiling {ceiling:.1} km² has at most {max_population:.0} people, below the floor {floor:.0}",
                n(unit)
            ),
        ),
        Infeasible::SharedNeed {
            units,
            needs,
            area,
            ceiling,
        } => (
            format!(
                "{}与{}都只有连上{}才能在面积上限 {ceiling:.1} km² 内达到人口下限，三者合计 {area:.1} km² 超过上限：其中一个所在的新单位无法同时满足两项要求",
                n(&units[0]),
                n(&units[1]),
                n(needs)
            ),
            format!(
                "{} and {} can each reach the floor within the ceiling {ceiling:.1} km² only together with {}, and the three together cover {area:.1} km²: the region of one of them cannot meet both rules",
                n(&units[0]),
                n(&units[1]),
                n(needs)
            ),
        ),
        Infeasible::ComponentBelowFloor {
            units,
            population,
            floor,
        } => (
            format!(
                "连通片（含 {} 等 {} 个单位）总人口 {population:.0} 低于下限 {floor:.0}",
                units.first().map(n).unwrap_or_default(),
                units.len()
            ),
            format!(
                "a connected part ({} and {} units) has {population:.0} people in all, below the floor {floor:.0}",
                units.first().map(n).unwrap_or_default(),
                units.len()
            ),
        ),
        Infeasible::TooManySeeds {
            seeds, max_regions, ..
        } => (
            format!(
                "中心镇 {} 个，多于人口下限允许的最多 {max_regions} 个新单位",
                seeds.len()
            ),
            format!(
                "{} seeds, more than the at most {max_regions} regions the floor allows",
                seeds.len()
            ),
        ),
        Infeasible::FloorCeilingConflict {
            first_unit,
            min_regions_by_area,
            max_regions_by_pop,
            ..
        } => (
            format!(
                "含 {} 的连通片：面积上限要求至少 {min_regions_by_area} 个单位，人口下限只允许 {max_regions_by_pop} 个",
                n(first_unit)
            ),
            format!(
                "the part containing {}: the ceiling needs at least {min_regions_by_area} regions but the floor allows only {max_regions_by_pop}",
                n(first_unit)
            ),
        ),
        Infeasible::TogetherImpossible { set, reason } => {
            let (zh, en) = match reason.as_str() {
                "locked" => ("其中有锁定的乡镇", "it holds a locked township"),
                "seeds" => (
                    "其中有两个各自牵头新单位的乡镇",
                    "two of its townships each head a new unit",
                ),
                "crosses_group" => ("跨越了分组界线", "it crosses a group boundary"),
                "not_contiguous" => ("这些乡镇不连成一片", "its townships are not contiguous"),
                other => (other, other),
            };
            (
                format!("第 {} 组“须同组”无法满足：{zh}", set + 1),
                format!("together group {} cannot be met: {en}", set + 1),
            )
        }
    };
    Text::new(zh, en)
}
