//! 摸底表更新 from the browser: a county editor uploads the county's survey table (CSV/XLSX,
//! UTF-8 or GBK); the check lists every value that would change (unit, field, before → after)
//! and refuses a bad table naming its file, row and column; only the import stores it, as one
//! survey-update event in one transaction with its audit row. The initial list of a database
//! stays with the operator (`quhua import table`, [`crate::imports::table`]).

use crate::access::{Actor, Role};
use crate::upload::ImportFile;
use crate::{App, AppError, AppResult};
use quhua_core::attr::{Source, find_def};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// One value the table changes.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SurveyChange {
    /// The table's row (spreadsheet numbering).
    pub row: usize,
    /// The unit's code.
    pub code: String,
    /// The unit's name in the registry.
    pub name: String,
    /// The attribute key (`pop_hukou`, …).
    pub key: String,
    /// Its Chinese label (户籍人口), or the key.
    pub label_zh: String,
    /// Its English label, or the key.
    pub label_en: String,
    /// Unit of measure (人, km², 万元), when known.
    pub unit: String,
    /// The value in force (none: not recorded yet).
    pub before: Option<f64>,
    /// The table's value.
    pub after: f64,
}

/// What a check (or an import) of a survey table found.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SurveyPreview {
    /// The file's name.
    pub file: String,
    /// The date the figures hold from.
    pub date: String,
    /// Data rows read.
    pub rows: usize,
    /// Units with at least one changed value.
    pub units: usize,
    /// The values that change (unchanged ones are counted, not listed).
    pub changes: Vec<SurveyChange>,
    /// Values equal to those in force.
    pub unchanged: usize,
    /// Notes ("中文 / English"): a name differing from the registry's, columns not applied.
    pub warnings: Vec<String>,
    /// Whether it was stored.
    pub stored: bool,
}

/// Checks (`commit` false) or imports a survey table of `county` with figures as of `date`.
/// Every row must be a unit of the county in force; errors name the file, row and column.
///
/// ```no_run
/// use quhua_app::upload::ImportFile;
/// let app = quhua_app::App::open("sqlite:quhua.db").unwrap();
/// let actor = quhua_app::access::Actor::operator("民政局");
/// let file = ImportFile::Path("摸底表.xlsx".into());
/// let p = quhua_app::survey::update(&app, &actor, "130634", &file, "2026-06-30", false).unwrap();
/// println!("{} values change in {} units", p.changes.len(), p.units);
/// ```
pub fn update(
    app: &App,
    actor: &Actor,
    county: &str,
    file: &ImportFile,
    date: &str,
    commit: bool,
) -> AppResult<SurveyPreview> {
    if !actor.is(Role::CountyEditor) || !actor.sees(county) {
        return Err(AppError::forbidden(
            format!("只有本县（{county}）的县级编辑可以更新摸底数据"),
            format!("only a county editor of {county} may update its survey figures"),
        ));
    }
    let county_code = crate::county::county_code(county)?;
    let day = quhua_core::date::parse_date(date).ok_or_else(|| {
        AppError::invalid(
            format!("日期“{date}”无效（应为 YYYY-MM-DD）"),
            format!("bad date \"{date}\" (use YYYY-MM-DD)"),
        )
    })?;
    let registry = app.registry()?;
    let disk = file.on_disk()?;
    let table = quhua_io::read_table_with(&disk.path, None, &quhua_io::ReadOptions::default())
        .map_err(|e| disk.located(e.into()))?;
    let mut changes = Vec::new();
    let mut unchanged = 0usize;
    let mut units = std::collections::BTreeSet::new();
    for r in &table.rows {
        if !r.code.is_within(county_code) {
            return Err(AppError::invalid(
                format!(
                    "{} 第 {} 行：代码 {} 不属于本县（{county}）",
                    disk.name, r.row, r.code
                ),
                format!(
                    "{} row {}: code {} is not of this county ({county})",
                    disk.name, r.row, r.code
                ),
            ));
        }
        let state = registry
            .unit_by_code(r.code)
            .ok()
            .and_then(|id| registry.current(id))
            .filter(|s| s.code == r.code)
            .ok_or_else(|| {
                AppError::invalid(
                    format!(
                        "{} 第 {} 行：现行名录中没有代码为 {} 的单位",
                        disk.name, r.row, r.code
                    ),
                    format!(
                        "{} row {}: no unit with code {} in force",
                        disk.name, r.row, r.code
                    ),
                )
            })?;
        for (key, value) in &r.attrs {
            let before = state.attrs.get(key).map(|a| a.value);
            if before == Some(*value) {
                unchanged += 1;
                continue;
            }
            let def = find_def(key);
            units.insert(r.code);
            changes.push(SurveyChange {
                row: r.row,
                code: r.code.to_string(),
                name: state.name.clone(),
                key: key.clone(),
                label_zh: def.as_ref().map_or_else(|| key.clone(), |d| d.zh.clone()),
                label_en: def.as_ref().map_or_else(|| key.clone(), |d| d.en.clone()),
                unit: def.map(|d| d.unit).unwrap_or_default(),
                before: before.map(|a| a.to_f64()),
                after: value.to_f64(),
            });
        }
    }
    let mut preview = SurveyPreview {
        file: disk.name.clone(),
        date: day.to_string(),
        rows: table.rows.len(),
        units: units.len(),
        changes,
        unchanged,
        warnings: table.warnings.clone(),
        stored: false,
    };
    let mut copy = (*registry).clone();
    let before = copy.events().len();
    let sha = hex::encode(Sha256::digest(&disk.bytes));
    let source = Source {
        label: format!("摸底表 {}（{day}，SHA-256 {}）", disk.name, &sha[..12]),
        synthetic: false,
    };
    // Applied to a copy in the check too, so a table that would be refused is refused now.
    let report = quhua_io::apply_table_attrs(&mut copy, &table, source, day)
        .map_err(|e| disk.located(e.into()))?;
    preview.warnings.extend(report.warnings);
    if commit && !preview.changes.is_empty() {
        app.store()
            .record_events(&copy.events()[before..], &actor.name)?;
        app.refresh()?;
        preview.stored = true;
    }
    Ok(preview)
}
