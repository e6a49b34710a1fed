//! Registry queries (区划名录): the units in force on a date, the changes between two dates,
//! and the lineage (沿革) of a unit, forwards and backwards, with the villages carried.
//!
//! Each query reads a [`Registry`] — the app's ([`App::registry`](crate::App::registry)) or
//! the embedded demo county's — and returns a typed result the adapters render (the CLI's
//! `--json` is its serialization). The actor's jurisdiction limits what is shown.

use crate::access::Actor;
use crate::{AppError, AppResult};
use quhua_core::date::Date;
use quhua_core::event::ChangeEvent;
use quhua_core::registry::{Direction, LineageStep, Registry};
use quhua_core::unit::UnitId;
use quhua_core::{DivisionCode, Level};
use schemars::JsonSchema;
use serde::Serialize;

/// A unit in force on a date.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(rename = "RegistryUnit")]
pub struct UnitRow {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Kind (Chinese).
    pub kind: String,
    /// Kind (English).
    pub kind_en: String,
    /// The parent's code.
    pub parent: Option<String>,
    /// The parent's name.
    pub parent_name: Option<String>,
}

/// The township- or village-level units in force on a date.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(rename = "RegistryAsOf")]
pub struct AsOf {
    /// The date (`YYYY-MM-DD`).
    pub date: String,
    /// Whether these are villages (else townships).
    pub villages: bool,
    /// The units, in registry order.
    pub units: Vec<UnitRow>,
}

/// One change between two dates.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "RegistryChange")]
pub struct ChangeView {
    /// Effective date (`YYYY-MM-DD`).
    pub date: String,
    /// Type (Chinese).
    #[serde(rename = "type")]
    pub kind: String,
    /// Type (English).
    pub type_en: String,
    /// 批准文号.
    pub approval_no: String,
    /// Territorial lineage, each "predecessor → successor" (`name（code）`).
    pub lineage: Vec<String>,
    /// Without lineage: renames ("old → new") and seat moves (the unit).
    pub renames: Vec<String>,
    /// Without lineage: units whose figures were set.
    pub units_with_values: usize,
    /// The event as recorded (`quhua_core::event::ChangeEvent`).
    #[schemars(with = "serde_json::Value")]
    pub event: ChangeEvent,
}

/// The changes after one date up to another.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[schemars(rename = "RegistryChanges")]
pub struct Changes {
    /// From (exclusive).
    pub from: String,
    /// To (inclusive).
    pub to: String,
    /// The changes, in order.
    pub changes: Vec<ChangeView>,
}

/// A code a unit carried, and when.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(rename = "RegistryCode")]
pub struct CodePeriod {
    /// The code.
    pub code: String,
    /// From (`YYYY-MM-DD`).
    pub valid_from: String,
    /// Until (`YYYY-MM-DD`), `None` while in force.
    pub valid_to: Option<String>,
}

/// One step of a lineage.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(rename = "RegistryStep")]
pub struct StepView {
    /// Effective date (`YYYY-MM-DD`).
    pub date: String,
    /// Type (Chinese).
    #[serde(rename = "type")]
    pub kind: String,
    /// Type (English).
    pub type_en: String,
    /// 批准文号.
    pub approval_no: String,
    /// The predecessor just before the change (`name（code）`).
    pub from: String,
    /// The successor on the date (`name（code）`).
    pub to: String,
    /// Villages carried, `name（old code→new code）` where the change recoded them.
    pub villages: Vec<String>,
}

/// Where a unit went and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(rename = "RegistryLineage")]
pub struct Lineage {
    /// The code asked for.
    pub code: String,
    /// The unit's latest name.
    pub name: String,
    /// Every code it carried.
    pub codes: Vec<CodePeriod>,
    /// Where it went.
    pub forward: Vec<StepView>,
    /// Where it came from.
    pub backward: Vec<StepView>,
}

fn date_arg(s: &str) -> AppResult<Date> {
    quhua_core::date::parse_date(s.trim()).ok_or_else(|| {
        AppError::invalid(
            format!("日期“{s}”应为 YYYY-MM-DD"),
            format!("date \"{s}\" must be YYYY-MM-DD"),
        )
    })
}

/// Whether the actor may see a unit of this code (by its county).
fn visible(actor: &Actor, code: DivisionCode) -> bool {
    actor.role.is_none()
        || (!matches!(code.level(), Level::Province | Level::City)
            && actor.sees(&code.prefix(Level::County).to_string()))
}

/// The township-level units (or, with `villages`, the village-level ones) in force on
/// `date`, optionally only those of `county`.
pub fn as_of(
    reg: &Registry,
    actor: &Actor,
    date: &str,
    county: Option<&str>,
    villages: bool,
) -> AppResult<AsOf> {
    let d = date_arg(date)?;
    let snap = reg.as_of(d);
    let within = county.map(DivisionCode::parse).transpose()?;
    let level = if villages {
        Level::Village
    } else {
        Level::Township
    };
    let units = snap
        .at_level(level)
        .filter(|u| within.is_none_or(|c| u.code.is_within(c)) && visible(actor, u.code))
        .map(|u| {
            let parent = u.parent.and_then(|p| snap.get(p));
            UnitRow {
                code: u.code.to_string(),
                name: u.name.clone(),
                kind: u.kind.zh().to_string(),
                kind_en: u.kind.en().to_string(),
                parent: parent.map(|p| p.code.to_string()),
                parent_name: parent.map(|p| p.name.clone()),
            }
        })
        .collect();
    Ok(AsOf {
        date: d.to_string(),
        villages,
        units,
    })
}

/// The changes after `from` up to `to`: with `county`, those touching its units (for any
/// actor who sees the county); without, the whole registry's (the local operator only).
pub fn changes(
    reg: &Registry,
    actor: &Actor,
    from: &str,
    to: &str,
    county: Option<&str>,
) -> AppResult<Changes> {
    let within = match county {
        Some(c) => Some(readable_county(actor, c)?),
        None if actor.role.is_some() => {
            return Err(AppError::forbidden(
                "全部变更记录仅供本地管理员查询，请指定县",
                "the full change list is for the local operator; name a county",
            ));
        }
        None => None,
    };
    let (f, t) = (date_arg(from)?, date_arg(to)?);
    let changes = reg
        .changes_between(f, t)
        .iter()
        .filter(|e| within.is_none_or(|c| touches(reg, e, c)))
        .map(|e| change_view(reg, e))
        .collect();
    Ok(Changes {
        from: f.to_string(),
        to: t.to_string(),
        changes,
    })
}

/// The county's code, if the actor may read it (404 otherwise: no probing of codes).
fn readable_county(actor: &Actor, county: &str) -> AppResult<DivisionCode> {
    let c = DivisionCode::parse(county)?;
    if c.level() != Level::County {
        return Err(AppError::invalid(
            format!("“{county}”不是县级代码（6 位）"),
            format!("\"{county}\" is not a county code (6 digits)"),
        ));
    }
    if !visible(actor, c) {
        return Err(AppError::not_found(
            format!("县 {c}"),
            format!("county {c}"),
        ));
    }
    Ok(c)
}

/// Whether an event touches a unit that carried a code within `county`.
fn touches(reg: &Registry, e: &ChangeEvent, county: DivisionCode) -> bool {
    use quhua_core::event::Fact;
    let facts = e.facts.iter().filter_map(|f| match f {
        Fact::Establish { state } => Some(state.id),
        Fact::Abolish { unit, .. }
        | Fact::Recode { unit, .. }
        | Fact::Reparent { unit, .. }
        | Fact::Rename { unit, .. }
        | Fact::MoveSeat { unit, .. }
        | Fact::SetAttrs { unit, .. }
        | Fact::AttrsDelta { unit, .. } => Some(*unit),
        Fact::AddSource { .. } => None,
    });
    let edges = e.lineage.iter().flat_map(|l| [l.from, l.to]);
    facts.chain(edges).any(|id| {
        reg.codes_of(id)
            .iter()
            .any(|(code, _, _)| code.is_within(county))
    })
}

fn change_view(reg: &Registry, e: &ChangeEvent) -> ChangeView {
    use quhua_core::event::Fact;
    let lineage = e
        .lineage
        .iter()
        .map(|l| {
            format!(
                "{} → {}",
                label(reg, l.from, e.date, true),
                label(reg, l.to, e.date, false)
            )
        })
        .collect::<Vec<_>>();
    let (mut renames, mut units_with_values) = (Vec::new(), 0usize);
    if lineage.is_empty() {
        for f in &e.facts {
            match f {
                Fact::Rename { from, to, .. } => renames.push(format!("{from} → {to}")),
                Fact::MoveSeat { unit, .. } => renames.push(label(reg, *unit, e.date, false)),
                Fact::SetAttrs { .. } => units_with_values += 1,
                _ => {}
            }
        }
    }
    ChangeView {
        date: e.date.to_string(),
        kind: e.kind.zh().to_string(),
        type_en: e.kind.en().to_string(),
        approval_no: e.approval_no.clone(),
        lineage,
        renames,
        units_with_values,
        event: e.clone(),
    }
}

/// `name（code）` of a unit just before (`before`) or on the event date.
fn label(reg: &Registry, id: UnitId, date: Date, before: bool) -> String {
    let d = if before {
        date.pred_opt().unwrap_or(date)
    } else {
        date
    };
    reg.as_of(d)
        .get(id)
        .or_else(|| reg.latest(id))
        .map(|u| u.label())
        .unwrap_or_else(|| id.to_string())
}

/// The lineage of a unit of `county` (its code, current or retired, within the county).
pub fn county_lineage(
    reg: &Registry,
    actor: &Actor,
    county: &str,
    code: &str,
) -> AppResult<Lineage> {
    let c = readable_county(actor, county)?;
    let u = DivisionCode::parse(code)?;
    if !u.is_within(c) || u == c {
        return Err(AppError::not_found(
            format!("{c} 的单位 {u}"),
            format!("unit {u} of {c}"),
        ));
    }
    lineage(reg, actor, code)
}

/// The lineage of the unit that carries or carried `code`.
pub fn lineage(reg: &Registry, actor: &Actor, code: &str) -> AppResult<Lineage> {
    let c = DivisionCode::parse(code)?;
    if !visible(actor, c) {
        return Err(AppError::not_found(
            format!("区划代码 {c}"),
            format!("code {c}"),
        ));
    }
    let id = reg.unit_by_code(c)?;
    // Villages with their code before → after the event (a change of superior recodes them).
    let village_list = |date: Date, vs: &[UnitId]| -> Vec<String> {
        let after = reg.as_of(date);
        let before = reg.as_of(date.pred_opt().unwrap_or(date));
        vs.iter()
            .map(|v| match (before.get(*v), after.get(*v)) {
                (Some(b), Some(a)) if b.code != a.code => {
                    format!("{}（{}→{}）", a.name, b.code, a.code)
                }
                (_, Some(a)) => a.label(),
                _ => v.to_string(),
            })
            .collect()
    };
    let steps = |s: Vec<LineageStep>| -> Vec<StepView> {
        s.iter()
            .map(|x| StepView {
                date: x.date.to_string(),
                kind: x.kind.zh().to_string(),
                type_en: x.kind.en().to_string(),
                approval_no: x.approval_no.clone(),
                from: label(reg, x.from, x.date, true),
                to: label(reg, x.to, x.date, false),
                villages: village_list(x.date, &x.villages),
            })
            .collect()
    };
    Ok(Lineage {
        code: c.to_string(),
        name: reg.latest(id).map(|u| u.name.clone()).unwrap_or_default(),
        codes: reg
            .codes_of(id)
            .into_iter()
            .map(|(code, from, to)| CodePeriod {
                code: code.to_string(),
                valid_from: from.to_string(),
                valid_to: to.map(|t| t.to_string()),
            })
            .collect(),
        forward: steps(reg.lineage(id, Direction::Forward)),
        backward: steps(reg.lineage(id, Direction::Backward)),
    })
}
