//! Statistics use cases: import a yearly table of observations (统计观测值), the crosswalk of
//! the townships of two dates (from village lineage), a table recast onto the units of
//! another date, and the before/after evaluation of a county or a plan — each within the
//! actor's jurisdiction.

mod demo;
mod evaluation;
mod exports;
mod observations;

pub use demo::{DEMO_SOURCE, seed_demo_observations};
pub use evaluation::{
    EvaluationView, HandoverFigures, SeriesPointView, SeriesView, SideView, UnitRow,
    county_evaluation, plan_evaluation,
};
pub(crate) use evaluation::{county_series, village_points};
pub use exports::{TableFormat, crosswalk_file, recast_file_out, recast_stored};
pub use observations::{
    IndicatorInfo, ObservationOutcome, ObservationsView, import_observations, observations,
};

use crate::access::Actor;
use crate::error::stats_err;
use crate::upload::ImportFile;
use crate::{App, AppError, AppResult};
use quhua_core::DivisionCode;
use quhua_core::date::Date;
/// The weights a crosswalk may use (the adapters parse them).
pub use quhua_stats::crosswalk::WeightBy;
use quhua_stats::crosswalk::{Crosswalk, CrosswalkOptions, WeightRow};
use quhua_stats::observation::{Nature, Observation, ObservationTable};
use quhua_stats::recast::Recast;

/// The table of a sheet, every figure labelled with `source`.
pub(crate) fn table_of(sheet: &quhua_io::ObservationSheet, source: &str) -> ObservationTable {
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
/// further): a unit is within it when its county is.
pub(crate) fn within(actor: &Actor, codes: impl Iterator<Item = DivisionCode>) -> AppResult<()> {
    for c in codes {
        let county = c.prefix(quhua_core::Level::County).to_string();
        if !actor.sees(&county) {
            let s = c.to_string();
            return Err(AppError::forbidden(
                format!("代码 {s} 不在本账号辖区内"),
                format!("code {s} is outside this account's jurisdiction"),
            ));
        }
    }
    Ok(())
}

/// A statistics error on a sheet restated with the file and the spreadsheet row it concerns.
pub(crate) fn at_row(
    sheet: &quhua_io::ObservationSheet,
    file: &str,
    e: quhua_stats::StatsError,
) -> AppError {
    use quhua_stats::StatsError as E;
    let row = match &e {
        E::UnknownCode { code, .. } => sheet.rows.iter().find(|r| r.code == *code),
        E::NotInForce { code, period, .. } => sheet
            .rows
            .iter()
            .find(|r| r.code == *code && r.period == *period),
        E::Duplicate {
            code,
            indicator,
            period,
        } => sheet
            .rows
            .iter()
            .filter(|r| r.code == *code && r.period == *period && r.indicator == *indicator)
            .nth(1),
        _ => None,
    };
    let e = stats_err(e);
    match row {
        Some(r) => AppError {
            zh: format!("{file} 第 {} 行：{}", r.row, e.zh),
            en: format!("{file} row {}: {}", r.row, e.en),
            ..e
        },
        None => AppError {
            zh: format!("{file}：{}", e.zh),
            en: format!("{file}: {}", e.en),
            ..e
        },
    }
}

/// Refuses rows outside the actor's jurisdiction or, when given, outside `county` — naming
/// the file and row; returns the county.
pub(crate) fn sheet_within(
    actor: &Actor,
    county: Option<&str>,
    sheet: &quhua_io::ObservationSheet,
    file: &str,
) -> AppResult<Option<DivisionCode>> {
    let county = county.map(crate::county::county_code).transpose()?;
    for r in &sheet.rows {
        let located = |e: AppError| AppError {
            zh: format!("{file} 第 {} 行：{}", r.row, e.zh),
            en: format!("{file} row {}: {}", r.row, e.en),
            ..e
        };
        within(actor, std::iter::once(r.code)).map_err(located)?;
        if let Some(c) = county
            && !r.code.is_within(c)
        {
            return Err(located(AppError::invalid(
                format!("代码 {} 不属于 {c}", r.code),
                format!("code {} is not within {c}", r.code),
            )));
        }
    }
    Ok(county)
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

/// Recasts a statistics table (CSV/XLSX, a path or an upload; with `county`, of that county
/// only) onto the townships in force on `to`.
pub fn recast_file(
    app: &App,
    actor: &Actor,
    county: Option<&str>,
    file: &ImportFile,
    to: Date,
    weight: WeightBy,
) -> AppResult<Recast> {
    let disk = file.on_disk()?;
    let sheet = quhua_io::read_observations(&disk.path).map_err(|e| disk.located(e.into()))?;
    let mut opts = CrosswalkOptions::new(weight);
    opts.county = sheet_within(actor, county, &sheet, &disk.name)?;
    let table = table_of(&sheet, &disk.name);
    let reg = app.registry()?;
    quhua_stats::recast::recast(&reg, &table, to, &opts).map_err(|e| at_row(&sheet, &disk.name, e))
}
