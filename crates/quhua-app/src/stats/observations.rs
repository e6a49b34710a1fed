//! Observations (统计观测值): a yearly table checked and previewed, then stored in one audited
//! transaction; and what is stored for a county.

use super::{table_of, within};
use crate::access::{Actor, Role};
use crate::upload::ImportFile;
use crate::{App, AppError, AppResult};
use quhua_stats::crosswalk::{CrosswalkOptions, WeightBy};
use quhua_stats::observation::{Nature, ObservationTable};
use quhua_store::ObservationRecord;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// One indicator of a table.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct IndicatorInfo {
    /// Indicator name.
    pub name: String,
    /// Unit of measure.
    pub unit: String,
    /// 总量 / 均量.
    pub nature_zh: String,
    /// extensive / intensive.
    pub nature_en: String,
    /// Years with figures.
    pub periods: Vec<i32>,
    /// Units with figures.
    pub units: usize,
    /// Figures.
    pub figures: usize,
}

/// What an import of observations found (and, when committed, stored).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ObservationOutcome {
    /// The file's name.
    pub file: String,
    /// Its SHA-256.
    pub sha256: String,
    /// Figures read.
    pub figures: usize,
    /// Its indicators.
    pub indicators: Vec<IndicatorInfo>,
    /// The first figures as read (at most 20): code, indicator, year, value, unit.
    pub preview: Vec<Vec<String>>,
    /// Whether it was stored.
    pub stored: bool,
    /// Figures that replaced an earlier figure of the same unit, indicator and year.
    pub replaced: usize,
}

/// The observations stored for a county.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct ObservationsView {
    /// County code.
    pub county: String,
    /// Figures.
    pub figures: usize,
    /// By indicator.
    pub indicators: Vec<IndicatorInfo>,
    /// The files they came from.
    pub sources: Vec<String>,
    /// Whether the reader may import.
    pub may_import: bool,
}

fn infos(table: &ObservationTable) -> Vec<IndicatorInfo> {
    type Seen = (String, BTreeSet<i32>, BTreeSet<u64>, usize);
    let mut by: BTreeMap<&str, Seen> = BTreeMap::new();
    for o in &table.observations {
        let e = by
            .entry(o.indicator.as_str())
            .or_insert_with(|| (o.unit.clone(), BTreeSet::new(), BTreeSet::new(), 0));
        e.1.insert(o.period);
        e.2.insert(o.code.as_u64());
        e.3 += 1;
    }
    by.into_iter()
        .map(|(name, (unit, periods, units, figures))| {
            let n = table.nature(name);
            IndicatorInfo {
                name: name.to_string(),
                unit,
                nature_zh: n.zh().into(),
                nature_en: n.en().into(),
                periods: periods.into_iter().collect(),
                units: units.len(),
                figures,
            }
        })
        .collect()
}

/// Imports a statistics table (CSV/XLSX): every figure checked against the registry (the code
/// must name a unit in force in the period, within the actor's jurisdiction), then — when
/// `commit` — all stored in one audited transaction, or nothing. With `county`, every code
/// must lie in it. A county editor (or the local operator).
///
/// ```no_run
/// # fn f(app: &quhua_app::App, me: &quhua_app::access::Actor) -> quhua_app::AppResult<()> {
/// use quhua_app::upload::ImportFile;
/// let file = ImportFile::Path("乡镇统计年表.csv".into());
/// let preview = quhua_app::stats::import_observations(app, me, None, &file, false)?;
/// assert!(!preview.stored);
/// # Ok(()) }
/// ```
pub fn import_observations(
    app: &App,
    actor: &Actor,
    county: Option<&str>,
    file: &ImportFile,
    commit: bool,
) -> AppResult<ObservationOutcome> {
    if !actor.is(Role::CountyEditor) {
        return Err(AppError::forbidden(
            "统计数据由县级编辑导入",
            "statistics are imported by a county editor",
        ));
    }
    let disk = file.on_disk()?;
    let sheet = quhua_io::read_observations(&disk.path).map_err(|e| disk.located(e.into()))?;
    super::sheet_within(actor, county, &sheet, &disk.name)?;
    let sha256 = hex::encode(Sha256::digest(&disk.bytes));
    let table = table_of(&sheet, &disk.name);
    table
        .validate()
        .map_err(|e| super::at_row(&sheet, &disk.name, e))?;
    let reg = app.registry()?;
    // Every code must resolve for its period (nothing is stored otherwise).
    quhua_stats::recast::recast(
        &reg,
        &table,
        crate::county::latest_date(&reg),
        &CrosswalkOptions::new(WeightBy::Villages),
    )
    .map_err(|e| super::at_row(&sheet, &disk.name, e))?;
    let preview = table
        .observations
        .iter()
        .take(20)
        .map(|o| {
            vec![
                o.code.to_string(),
                o.indicator.clone(),
                o.period.to_string(),
                o.value.to_string(),
                o.unit.clone(),
            ]
        })
        .collect();
    let mut out = ObservationOutcome {
        file: disk.name.clone(),
        sha256: sha256.clone(),
        figures: table.observations.len(),
        indicators: infos(&table),
        preview,
        stored: false,
        replaced: 0,
    };
    if commit {
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
                source: disk.name.clone(),
            })
            .collect();
        let r = app
            .store()
            .import_observations(&rows, &sha256, &actor.name)?;
        out.stored = true;
        out.replaced = r.replaced;
    }
    Ok(out)
}

/// The stored observations of `county` as a table (codes within the county).
pub(crate) fn county_table(app: &App, county: &str) -> AppResult<ObservationTable> {
    let rows = app.store().observations(None)?;
    let mut obs = Vec::new();
    let mut natures = BTreeMap::new();
    for r in rows.into_iter().filter(|r| r.code.starts_with(county)) {
        let Ok(code) = quhua_core::DivisionCode::parse(&r.code) else {
            continue;
        };
        let Ok(period) = i32::try_from(r.period) else {
            continue;
        };
        if let Some(n) = r.nature.as_deref().and_then(Nature::parse) {
            natures.insert(r.indicator.clone(), n);
        }
        obs.push(quhua_stats::observation::Observation {
            code,
            indicator: r.indicator,
            period,
            value: r.value,
            unit: r.unit,
            source: r.source,
        });
    }
    let mut t = ObservationTable::new(obs);
    t.natures = natures;
    Ok(t)
}

/// What is stored for `county` (which the actor must see).
pub fn observations(app: &App, actor: &Actor, county: &str) -> AppResult<ObservationsView> {
    let code = crate::county::county_code(county)?;
    within(actor, std::iter::once(code))?;
    let county = code.to_string();
    let t = county_table(app, &county)?;
    let sources: BTreeSet<String> = t.observations.iter().map(|o| o.source.clone()).collect();
    Ok(ObservationsView {
        figures: t.observations.len(),
        indicators: infos(&t),
        sources: sources.into_iter().collect(),
        may_import: actor.is(Role::CountyEditor),
        county,
    })
}
