//! Statistics use cases: import a yearly table of observations (统计观测值), the crosswalk of
//! the townships of two dates (from village lineage), and a table recast onto the units of
//! another date — each within the actor's jurisdiction.

use crate::access::Actor;
use crate::error::stats_err;
use crate::{App, AppError, AppResult};
use quhua_core::DivisionCode;
use quhua_core::date::Date;
/// The weights a crosswalk may use (the adapters parse them).
pub use quhua_stats::crosswalk::WeightBy;
use quhua_stats::crosswalk::{Crosswalk, CrosswalkOptions, WeightRow};
use quhua_stats::observation::{Nature, Observation, ObservationTable};
use quhua_stats::recast::Recast;
use quhua_store::{ImportMeta, ObservationImport, ObservationRecord};
use std::path::Path;

fn table_of(sheet: &quhua_io::ObservationSheet, source: &str) -> ObservationTable {
    let mut t = ObservationTable::new(
        sheet
            .rows
            .iter()
            .map(|r| Observation {
                code: r.code,
                indicator: r.indicator.clone(),
                period: r.period,
                value: r.value,
                unit: r.unit.clone(),
                source: source.to_string(),
            })
            .collect(),
    );
    for r in &sheet.rows {
        if let Some(n) = r.nature.as_deref().and_then(Nature::parse) {
            t.natures.insert(r.indicator.clone(), n);
        }
    }
    t
}

/// Refuses codes outside the actor's jurisdiction (all of them, before anything is read
/// further).
fn within(actor: &Actor, codes: impl Iterator<Item = DivisionCode>) -> AppResult<()> {
    for c in codes {
        let s = c.to_string();
        if !actor.sees(&s) {
            return Err(AppError::forbidden(
                format!("代码 {s} 不在本账号辖区内"),
                format!("code {s} is outside this account's jurisdiction"),
            ));
        }
    }
    Ok(())
}

/// Imports a statistics table (CSV/XLSX): every figure checked against the registry (the code
/// must name a unit in force in the period), then all stored in one audited transaction —
/// or nothing. The local operator, or a county editor for its own county.
pub fn import_observations(app: &App, actor: &Actor, path: &Path) -> AppResult<ObservationImport> {
    if !actor.is(crate::access::Role::CountyEditor) {
        return Err(AppError::forbidden(
            "统计数据由县级编辑导入",
            "statistics are imported by a county editor",
        ));
    }
    let sheet = quhua_io::read_observations(path)?;
    within(actor, sheet.rows.iter().map(|r| r.code))?;
    let meta = ImportMeta::from_file(&actor.name, path)?;
    let table = table_of(&sheet, &meta.source_name);
    table.validate().map_err(stats_err)?;
    let reg = app.registry()?;
    // Every code must resolve for its period (nothing is stored otherwise).
    quhua_stats::recast::recast(
        &reg,
        &table,
        crate::county::latest_date(&reg),
        &CrosswalkOptions::new(WeightBy::Villages),
    )
    .map_err(stats_err)?;
    let rows: Vec<ObservationRecord> = sheet
        .rows
        .iter()
        .map(|r| ObservationRecord {
            code: r.code.to_string(),
            indicator: r.indicator.clone(),
            period: i64::from(r.period),
            value: r.value,
            unit: r.unit.clone(),
            nature: r
                .nature
                .as_deref()
                .and_then(Nature::parse)
                .map(|n| n.en().to_string()),
            source: meta.source_name.clone(),
        })
        .collect();
    Ok(app
        .store()
        .import_observations(&rows, &meta.source_sha256, &actor.name)?)
}

/// The crosswalk between the townships of two dates (of one county, or — for the operator —
/// of the whole registry), with its weight rows.
pub fn crosswalk(
    app: &App,
    actor: &Actor,
    from: Date,
    to: Date,
    county: Option<&str>,
    weight: WeightBy,
) -> AppResult<(Crosswalk, Vec<WeightRow>)> {
    let county = match county {
        Some(c) => Some(crate::county::county_code(c)?),
        None if actor.role.is_none() => None,
        None => {
            return Err(AppError::invalid(
                "请指定县级代码",
                "name the county (its 6-digit code)",
            ));
        }
    };
    if let Some(c) = county {
        within(actor, std::iter::once(c))?;
    }
    let reg = app.registry()?;
    let mut opts = CrosswalkOptions::new(weight);
    opts.county = county;
    let cw = Crosswalk::build(&reg, from, to, &opts).map_err(stats_err)?;
    let rows = cw.rows();
    Ok((cw, rows))
}

/// Recasts a statistics table (CSV/XLSX) onto the townships in force on `to`.
pub fn recast_file(
    app: &App,
    actor: &Actor,
    path: &Path,
    to: Date,
    weight: WeightBy,
) -> AppResult<Recast> {
    let sheet = quhua_io::read_observations(path)?;
    within(actor, sheet.rows.iter().map(|r| r.code))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let table = table_of(&sheet, &name);
    let reg = app.registry()?;
    quhua_stats::recast::recast(&reg, &table, to, &CrosswalkOptions::new(weight)).map_err(stats_err)
}
