//! Imports into the database: the national list (统计用区划代码, an NBS directory), a survey
//! table (摸底表, CSV/XLSX) and the demo county. Each import is one transaction of the store
//! with its audit row: on any error nothing is stored. The app's registry is reloaded after
//! each import, so the next use case sees it.
//!
//! Only the local operator imports (the CLI); accounts of the web server cannot.

use crate::access::Actor;
use crate::{App, AppError, AppResult};
use quhua_core::attr::Source;
use quhua_core::registry::RegistryBuilder;
use quhua_store::ImportMeta;
use schemars::JsonSchema;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// What `import nbs` stored.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct NbsImport {
    /// The import's id in the store.
    pub import_id: i64,
    /// Units imported.
    pub units: usize,
    /// Notes on code ranges (号段提示) from building the registry.
    pub code_notes: usize,
    /// Placeholder rows skipped.
    pub placeholders: usize,
    /// Seconds spent reading and building.
    pub read_seconds: f64,
    /// Seconds spent storing.
    pub store_seconds: f64,
}

/// How a survey table was taken in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TableMode {
    /// The database held no registry: the table became the initial list.
    Initial,
    /// The table's figures updated the registry (a survey-update event).
    Update,
}

/// What `import table` stored.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TableImport {
    /// Initial list or update.
    pub mode: TableMode,
    /// The import's id (initial list only).
    pub import_id: Option<i64>,
    /// Units in the initial list (initial list only).
    pub units: usize,
    /// Notes on code ranges (initial list only).
    pub code_notes: usize,
    /// Units whose figures were set (update only).
    pub units_updated: usize,
    /// Values set, unit × attribute (update only).
    pub values_set: usize,
    /// The date the figures take effect (`YYYY-MM-DD`).
    pub date: String,
    /// Advisory notes, each "中文 / English": from reading the table, then from applying it.
    pub warnings: Vec<String>,
}

/// What `import demo` stored.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DemoImport {
    /// The import's id in the store.
    pub import_id: i64,
    /// County code of the demo county.
    pub county: String,
    /// Follow-up tasks filed (the seed city plan's, with synthetic 示意 progress).
    pub tasks: usize,
}

/// Refuses anyone but the local operator (imports and database maintenance).
pub(crate) fn require_operator(actor: &Actor) -> AppResult<()> {
    if actor.role.is_some() {
        return Err(AppError::forbidden(
            "导入与数据库维护须由本地管理员执行（quhua 命令行）",
            "imports and database maintenance are done by the local operator (the quhua command line)",
        ));
    }
    Ok(())
}

fn parse_date(s: &str) -> AppResult<quhua_core::date::Date> {
    quhua_core::date::parse_date(s.trim()).ok_or_else(|| {
        AppError::invalid(
            format!("日期“{s}”应为 YYYY-MM-DD"),
            format!("date \"{s}\" must be YYYY-MM-DD"),
        )
    })
}

fn read_file(path: &Path) -> AppResult<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        AppError::invalid(
            format!("无法读取 {}：{e}", path.display()),
            format!("cannot read {}: {e}", path.display()),
        )
    })
}

/// SHA-256 over the files of a directory import (each file's name and digest, in order).
fn dir_digest(files: &[PathBuf]) -> AppResult<Vec<u8>> {
    let mut all = Vec::new();
    for f in files {
        let bytes = read_file(f)?;
        all.extend_from_slice(
            f.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
                .as_bytes(),
        );
        all.extend_from_slice(hex::encode(Sha256::digest(&bytes)).as_bytes());
        all.push(b'\n');
    }
    Ok(all)
}

/// Imports the national list from an NBS directory (provinces/cities/areas/streets/
/// villages.csv) as of `date` (`YYYY-MM-DD`).
pub fn nbs(app: &App, actor: &Actor, dir: &Path, date: &str) -> AppResult<NbsImport> {
    require_operator(actor)?;
    let date = parse_date(date)?;
    let t0 = Instant::now();
    let list = quhua_io::read_nbs_dir(dir)?;
    let files: Vec<PathBuf> = list.files.iter().map(|(p, _)| p.clone()).collect();
    let mut b = RegistryBuilder::new();
    b.source(Source {
        label: format!("国家统计局统计用区划代码（{}），{}", date, dir.display()),
        synthetic: false,
    });
    let units = list.units.len();
    let placeholders = list.placeholders.len();
    for u in list.units {
        b.push(u);
    }
    let (reg, warnings) = b.build(date)?;
    let t1 = Instant::now();
    let meta = ImportMeta::from_bytes(
        actor.name.clone(),
        dir.display().to_string(),
        &dir_digest(&files)?,
    );
    let id = app.store().save_registry_import(&reg, &meta)?;
    let t2 = Instant::now();
    app.refresh()?;
    Ok(NbsImport {
        import_id: id.0,
        units,
        code_notes: warnings.len(),
        placeholders,
        read_seconds: (t1 - t0).as_secs_f64(),
        store_seconds: (t2 - t1).as_secs_f64(),
    })
}

/// Imports a survey table (CSV/XLSX, optionally one `sheet`) with figures as of `date`:
/// the initial list when the database holds none, else an update of the figures.
pub fn table(
    app: &App,
    actor: &Actor,
    file: &Path,
    date: &str,
    sheet: Option<&str>,
) -> AppResult<TableImport> {
    table_with(
        app,
        actor,
        file,
        date,
        sheet,
        &quhua_io::Plausibility::new(),
    )
}

/// As [`table`], with overrides of the plausible ranges the user stated (`--allow
/// pop_hukou=3000000`): a value above the published range is accepted only up to the stated
/// maximum, and the overrides are named in the import's source and audit row.
pub fn table_with(
    app: &App,
    actor: &Actor,
    file: &Path,
    date: &str,
    sheet: Option<&str>,
    plausibility: &quhua_io::Plausibility,
) -> AppResult<TableImport> {
    require_operator(actor)?;
    let date = parse_date(date)?;
    let opts = quhua_io::ReadOptions {
        plausibility: plausibility.clone(),
        ..Default::default()
    };
    let table = quhua_io::read_table_with(file, sheet, &opts)?;
    let mut warnings = table.warnings.clone();
    let bytes = read_file(file)?;
    let sha = hex::encode(Sha256::digest(&bytes));
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stated: Vec<String> = plausibility
        .overrides
        .iter()
        .map(|(k, v)| format!("{k}≤{v}"))
        .collect();
    stated.sort();
    let allowed = if stated.is_empty() {
        String::new()
    } else {
        format!("，放宽 / overrides: {}", stated.join(", "))
    };
    let source = Source {
        label: format!("摸底表 {name}（{date}，SHA-256 {}{allowed}）", &sha[..12]),
        synthetic: false,
    };
    let store = app.store();
    let out = match store.load_registry()? {
        None => {
            let builder = quhua_io::table_to_builder(&table, source)?;
            let (reg, notes) = builder.build(date)?;
            let id = store.save_registry_import(
                &reg,
                &ImportMeta::from_bytes(actor.name.clone(), &name, &bytes),
            )?;
            TableImport {
                mode: TableMode::Initial,
                import_id: Some(id.0),
                units: reg.unit_count(),
                code_notes: notes.len(),
                units_updated: 0,
                values_set: 0,
                date: date.to_string(),
                warnings,
            }
        }
        Some(mut reg) => {
            let before = reg.events().len();
            let report = quhua_io::apply_table_attrs(&mut reg, &table, source, date)?;
            store.record_events(&reg.events()[before..], &actor.name)?;
            warnings.extend(report.warnings);
            TableImport {
                mode: TableMode::Update,
                import_id: None,
                units: 0,
                code_notes: 0,
                units_updated: report.units_updated,
                values_set: report.values_set,
                date: date.to_string(),
                warnings,
            }
        }
    };
    app.refresh()?;
    Ok(out)
}

/// Imports the demo county (曲阳县, synthetic figures).
pub fn demo(app: &App, actor: &Actor) -> AppResult<DemoImport> {
    require_operator(actor)?;
    let demo = quhua_demo::Demo::load()?;
    let meta = ImportMeta::from_bytes(
        actor.name.clone(),
        "quhua-demo（曲阳县示意数据）",
        quhua_demo::SAMPLE_SCENARIO.as_bytes(),
    );
    let id = app.store().save_registry_import(&demo.registry, &meta)?;
    app.refresh()?;
    crate::boundaries::store_demo(app, actor, &demo)?;
    let tasks = crate::followup::seed_demo(app, actor, None, crate::followup::DEMO_UNTIL)?;
    Ok(DemoImport {
        import_id: id.0,
        county: quhua_demo::county_code().to_string(),
        tasks,
    })
}
