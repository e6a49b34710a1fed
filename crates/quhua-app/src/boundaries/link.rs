//! Linking a layer's features to the county's units by code, and the problems that stop an
//! import: bad geometry, no code, a code of another county or of no unit, two features for
//! one unit, a unit without a feature.

use super::{BoundaryLevel, BoundaryOptions};
use crate::{AppError, AppResult};
use quhua_core::snapshot::Snapshot;
use quhua_core::unit::UnitState;
use quhua_core::{DivisionCode, Level};
use quhua_geo::Layer;
use quhua_geo::validate::{IssueKind, ValidateOptions};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// What is wrong with a feature (or a unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// The geometry is empty or invalid (a ring crossing itself, too few points, zero area).
    Geometry,
    /// The feature has no code in the code field.
    NoCode,
    /// The code is of another county.
    OtherCounty,
    /// The code is of no unit of the level in the county (on the registry's latest date).
    UnknownCode,
    /// Another feature carries the same code.
    Duplicate,
    /// A unit of the county has no feature (`feature` is 0).
    Missing,
}

/// One problem, located.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct FeatureProblem {
    /// The feature, 1-based (0: not about one feature — a unit without a feature).
    pub feature: usize,
    /// The code concerned, when known.
    pub code: Option<String>,
    /// The kind.
    pub kind: ProblemKind,
    /// 中文说明.
    pub zh: String,
    /// English.
    pub en: String,
}

/// The outcome of [`link`].
pub(super) struct Linked {
    pub level: BoundaryLevel,
    pub field: String,
    /// (unit, feature index) for each linked unit.
    pub units: Vec<(UnitState, usize)>,
    /// Units of the level in the county.
    pub expected: usize,
    pub problems: Vec<FeatureProblem>,
    pub warnings: Vec<String>,
}

/// The codes a unit answers to: the 12-digit form and, for a township, the 9-digit one.
fn forms(code: DivisionCode) -> Vec<String> {
    let mut v = vec![code.full()];
    if code.level() == Level::Township {
        v.push(code.short());
    }
    v.sort();
    v.dedup();
    v
}

/// A feature's code value as digits (`130634100`, `130634100000`), if it looks like one.
fn normalise(value: &str) -> String {
    let t = value.trim();
    t.strip_suffix(".0").unwrap_or(t).to_string()
}

fn level_of(l: BoundaryLevel) -> Level {
    match l {
        BoundaryLevel::Township => Level::Township,
        BoundaryLevel::Village => Level::Village,
    }
}

/// The county's units of a level, by every code form.
fn index(snapshot: &Snapshot, county: DivisionCode, level: Level) -> BTreeMap<String, UnitState> {
    snapshot
        .at_level(level)
        .filter(|u| u.code.is_within(county))
        .flat_map(|u| forms(u.code).into_iter().map(move |f| (f, u.clone())))
        .collect()
}

/// Picks the code field and the level: the stated ones, or those matching most codes.
fn choose(
    layer: &Layer,
    opts: &BoundaryOptions,
    indexes: &[(BoundaryLevel, BTreeMap<String, UnitState>)],
) -> AppResult<(String, BoundaryLevel)> {
    let mut fields: Vec<String> = layer
        .features
        .iter()
        .flat_map(|f| f.properties.keys().cloned())
        .collect();
    fields.sort();
    fields.dedup();
    if let Some(f) = &opts.code_field {
        if !fields.contains(f) {
            return Err(AppError::invalid(
                format!("边界文件没有字段“{f}”；字段有：{}", fields.join("、")),
                format!(
                    "the boundary file has no field \"{f}\"; its fields: {}",
                    fields.join(", ")
                ),
            ));
        }
        fields = vec![f.clone()];
    }
    let mut best: Option<(usize, String, BoundaryLevel)> = None;
    for field in &fields {
        let values = layer.field_strings(field);
        for (level, idx) in indexes {
            if opts.level.is_some_and(|l| l != *level) {
                continue;
            }
            let hits = values
                .iter()
                .flatten()
                .filter(|v| idx.contains_key(&normalise(v)))
                .count();
            if best.as_ref().is_none_or(|b| hits > b.0) {
                best = Some((hits, field.clone(), *level));
            }
        }
    }
    match best {
        Some((hits, field, level)) if hits > 0 => Ok((field, level)),
        _ => Err(AppError::invalid(
            format!(
                "边界文件中没有哪个字段的值是本县单位的区划代码；请用 --code-field 指定（字段有：{}）",
                fields.join("、")
            ),
            format!(
                "no field of the boundary file holds codes of this county's units; name one with --code-field (fields: {})",
                fields.join(", ")
            ),
        )),
    }
}

fn problem(
    feature: usize,
    code: Option<&str>,
    kind: ProblemKind,
    zh: String,
    en: String,
) -> FeatureProblem {
    FeatureProblem {
        feature,
        code: code.map(str::to_string),
        kind,
        zh,
        en,
    }
}

/// The county most of the layer's codes (in the stated field, or in any) belong to, among the
/// registry's counties.
pub(super) fn detect_county(
    snapshot: &Snapshot,
    layer: &Layer,
    opts: &BoundaryOptions,
) -> Option<String> {
    let mut counts: BTreeMap<DivisionCode, usize> = BTreeMap::new();
    for f in &layer.features {
        for (k, v) in &f.properties {
            if opts.code_field.as_ref().is_some_and(|c| c != k) {
                continue;
            }
            let Some(text) = quhua_geo::layer::value_to_code(v) else {
                continue;
            };
            let Ok(code) = DivisionCode::parse(&normalise(&text)) else {
                continue;
            };
            if matches!(code.level(), Level::Township | Level::Village) {
                *counts.entry(code.prefix(Level::County)).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(DivisionCode, usize)> = counts
        .into_iter()
        .filter(|(c, _)| snapshot.by_code(*c).is_some())
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.first().map(|(c, _)| c.to_string())
}

/// Links the layer's features to `county`'s units and lists every problem.
pub(super) fn link(
    snapshot: &Snapshot,
    county: &str,
    layer: &Layer,
    opts: &BoundaryOptions,
) -> AppResult<Linked> {
    let county_code = crate::county::county_code(county)?;
    if layer.features.is_empty() {
        return Err(AppError::invalid(
            "边界文件没有要素",
            "the boundary file has no features",
        ));
    }
    let indexes = [
        (
            BoundaryLevel::Township,
            index(snapshot, county_code, Level::Township),
        ),
        (
            BoundaryLevel::Village,
            index(snapshot, county_code, Level::Village),
        ),
    ];
    let (field, level) = choose(layer, opts, &indexes)?;
    let idx = &indexes
        .iter()
        .find(|(l, _)| *l == level)
        .map(|(_, i)| i)
        .ok_or_else(|| AppError::internal("no index for the level"))?;
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let geoms: Vec<_> = layer.features.iter().map(|f| f.geometry.clone()).collect();
    let opts_v = ValidateOptions::default();
    for issue in quhua_geo::validate::validate(&geoms, &opts_v) {
        let (zh, en) = crate::text::split_pair(&issue.message);
        match issue.kind {
            IssueKind::Overlap | IssueKind::Gap => warnings.push(format!(
                "要素 {}：{zh} / feature {}: {en}",
                issue.feature + 1,
                issue.feature + 1
            )),
            _ => problems.push(problem(
                issue.feature + 1,
                None,
                ProblemKind::Geometry,
                zh,
                en,
            )),
        }
    }
    let mut by_unit: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut units: Vec<(UnitState, usize)> = Vec::new();
    for (fi, value) in layer.field_strings(&field).into_iter().enumerate() {
        let n = fi + 1;
        let Some(value) = value else {
            problems.push(problem(
                n,
                None,
                ProblemKind::NoCode,
                format!("要素 {n} 的“{field}”字段为空"),
                format!("feature {n} has no value in \"{field}\""),
            ));
            continue;
        };
        let code = normalise(&value);
        match idx.get(&code) {
            Some(u) => {
                let seen = by_unit.entry(u.id.0).or_default();
                seen.push(n);
                if seen.len() == 1 {
                    units.push((u.clone(), fi));
                } else {
                    problems.push(problem(
                        n,
                        Some(&code),
                        ProblemKind::Duplicate,
                        format!("要素 {n}：{}（{code}）已由要素 {} 表示", u.name, seen[0]),
                        format!(
                            "feature {n}: {} ({code}) is already outlined by feature {}",
                            u.name, seen[0]
                        ),
                    ));
                }
            }
            None => {
                let other = DivisionCode::parse(&code).ok().filter(|c| {
                    matches!(c.level(), Level::County | Level::Township | Level::Village)
                        && !c.is_within(county_code)
                });
                if other.is_some() {
                    problems.push(problem(
                        n,
                        Some(&code),
                        ProblemKind::OtherCounty,
                        format!("要素 {n}：代码 {code} 不属于本县（{county}）"),
                        format!("feature {n}: code {code} is not of this county ({county})"),
                    ));
                } else {
                    let (zh, en) = level.names();
                    problems.push(problem(
                        n,
                        Some(&code),
                        ProblemKind::UnknownCode,
                        format!("要素 {n}：本县现行名录中没有代码为 {code} 的单位（{zh}）"),
                        format!("feature {n}: no unit with code {code} in the county's current registry ({en})"),
                    ));
                }
            }
        }
    }
    let wanted = level_of(level);
    let mut expected = 0usize;
    let mut missing: Vec<&UnitState> = snapshot
        .at_level(wanted)
        .filter(|u| u.code.is_within(county_code))
        .inspect(|_| expected += 1)
        .filter(|u| !by_unit.contains_key(&u.id.0))
        .collect();
    missing.sort_by_key(|u| u.code);
    for u in missing {
        problems.push(problem(
            0,
            Some(&u.code.to_string()),
            ProblemKind::Missing,
            format!("{}（{}）在文件中没有边界", u.name, u.code),
            format!("{} ({}) has no feature in the file", u.name, u.code),
        ));
    }
    units.sort_by_key(|(u, _)| u.id.0);
    Ok(Linked {
        level,
        field,
        units,
        expected,
        problems,
        warnings,
    })
}
