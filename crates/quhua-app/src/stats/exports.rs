//! Downloads of the statistics: a crosswalk's weights and a recast table, as CSV, XLSX or
//! JSON.

use super::observations::county_table;
use super::{WeightBy, crosswalk, recast_file, within};
use crate::access::Actor;
use crate::error::stats_err;
use crate::upload::ImportFile;
use crate::views::FileOut;
use crate::{App, AppError, AppResult};
use quhua_core::date::Date;
use quhua_io::{ExportCell as C, ExportTable};
use quhua_stats::crosswalk::CrosswalkOptions;
use quhua_stats::recast::Recast;

/// The format of a downloaded table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    /// CSV (UTF-8 with BOM, so Excel reads the Chinese).
    Csv,
    /// Excel.
    Xlsx,
    /// JSON (an array of rows).
    Json,
}

impl TableFormat {
    /// Parses csv|xlsx|json.
    pub fn parse(s: &str) -> Option<TableFormat> {
        match s {
            "csv" => Some(TableFormat::Csv),
            "xlsx" => Some(TableFormat::Xlsx),
            "json" => Some(TableFormat::Json),
            _ => None,
        }
    }
}

fn write(
    table: &ExportTable,
    json: serde_json::Value,
    stem: &str,
    f: TableFormat,
) -> AppResult<FileOut> {
    let (ext, mime) = match f {
        TableFormat::Csv => ("csv", "text/csv"),
        TableFormat::Xlsx => (
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        TableFormat::Json => ("json", "application/json"),
    };
    let bytes = match f {
        TableFormat::Json => serde_json::to_vec_pretty(&json).map_err(AppError::internal)?,
        _ => {
            let dir = tempfile::tempdir().map_err(AppError::internal)?;
            let path = dir.path().join(format!("t.{ext}"));
            if f == TableFormat::Csv {
                quhua_io::write_csv(table, &path)?;
            } else {
                quhua_io::write_xlsx(table, &path)?;
            }
            std::fs::read(&path).map_err(AppError::internal)?
        }
    };
    Ok(FileOut {
        name: format!("{stem}.{ext}"),
        mime,
        bytes,
    })
}

/// The crosswalk of `county`'s townships from `from` to `to` as a table: forward weights
/// (the share of each source going to each target) or, `backward`, the share of each target
/// coming from each source. JSON gives `{from_code, from_name, to_code, to_name, weight}`.
#[allow(clippy::too_many_arguments)]
pub fn crosswalk_file(
    app: &App,
    actor: &Actor,
    county: &str,
    from: Date,
    to: Date,
    weight: WeightBy,
    backward: bool,
    format: TableFormat,
) -> AppResult<FileOut> {
    let (cw, forward) = crosswalk(app, actor, from, to, Some(county), weight)?;
    let rows = if backward {
        cw.backward_rows()
    } else {
        forward
    };
    let direction = if backward {
        "目标单位来自各原单位的份额 / share of each target from each source"
    } else {
        "原单位划入各目标单位的份额 / share of each source going to each target"
    };
    let mut t = ExportTable::new([
        "原代码 from_code",
        "原名称 from_name",
        "新代码 to_code",
        "新名称 to_name",
        "权重 weight",
        "村（居）数 villages",
        "含分割村 split",
    ])
    .with_title(format!(
        "乡级区划对照表 {from} → {to}（按{}加权）",
        cw.weight_used.zh()
    ))
    .with_sheet_name("对照权重");
    for (l, r) in cw.links.iter().zip(&rows) {
        t.push_row(vec![
            C::Text(r.from_code.clone()),
            C::Text(r.from_name.clone()),
            C::Text(r.to_code.clone()),
            C::Text(r.to_name.clone()),
            C::Number(r.weight),
            C::Number(f64::from(l.villages)),
            C::Text(if l.split { "是".into() } else { String::new() }),
        ]);
    }
    let mut note = format!("{direction}。");
    if cw.weight_used != cw.weight {
        note.push_str(&format!(
            "部分村（居）无{}数据，改按村（居）数加权 / some villages lack {}: weighted by village count。",
            cw.weight.zh(),
            cw.weight.en()
        ));
    }
    let t = t.with_footnote(note);
    let json = serde_json::to_value(&rows).map_err(AppError::internal)?;
    write(&t, json, &format!("区划对照-{county}-{from}-{to}"), format)
}

/// One recast figure as downloaded in JSON.
#[derive(Debug, Clone, serde::Serialize)]
struct RecastRow<'a> {
    code: String,
    name: &'a str,
    indicator: &'a str,
    period: i32,
    value: f64,
    unit: &'a str,
    method: &'static str,
    method_zh: &'static str,
    sources: Vec<String>,
}

fn recast_json(r: &Recast) -> AppResult<serde_json::Value> {
    let rows: Vec<RecastRow> = r
        .values
        .iter()
        .map(|v| RecastRow {
            code: v.code.to_string(),
            name: &v.name,
            indicator: &v.indicator,
            period: v.period,
            value: v.value.to_f64(),
            unit: &v.unit,
            method: v.method.en(),
            method_zh: v.method.zh(),
            sources: v.sources.iter().map(|c| c.to_string()).collect(),
        })
        .collect();
    serde_json::to_value(&rows).map_err(AppError::internal)
}

fn recast_table(r: &Recast, title: String) -> ExportTable {
    let mut t = ExportTable::new([
        "代码 code",
        "名称 name",
        "指标 indicator",
        "年份 year",
        "数值 value",
        "单位 unit",
        "方法 method",
        "来源单位 sources",
    ])
    .with_title(title)
    .with_sheet_name("换算结果");
    for v in &r.values {
        t.push_row(vec![
            C::Text(v.code.to_string()),
            C::Text(v.name.to_string()),
            C::Text(v.indicator.to_string()),
            C::Number(f64::from(v.period)),
            C::Number(v.value.to_f64()),
            C::Text(v.unit.to_string()),
            C::Text(format!("{} {}", v.method.zh(), v.method.en())),
            C::Text(
                v.sources
                    .iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        ]);
    }
    let note = format!(
        "{} 个数值按权重分摊（原单位被分割），其余为加总或照录 / {} figures apportioned, the rest summed or copied",
        r.apportioned(),
        r.apportioned()
    );
    t.with_footnote(note)
}

/// A statistics table (uploaded or on disk; with `county`, of that county only) recast onto
/// the townships in force on `to`, as a file.
pub fn recast_file_out(
    app: &App,
    actor: &Actor,
    county: Option<&str>,
    file: &ImportFile,
    to: Date,
    weight: WeightBy,
    format: TableFormat,
) -> AppResult<FileOut> {
    let r = recast_file(app, actor, county, file, to, weight)?;
    let t = recast_table(&r, format!("按 {to} 区划口径换算的统计数据"));
    write(&t, recast_json(&r)?, &format!("口径换算-{to}"), format)
}

/// The county's stored statistics recast onto the townships in force on `to`, as a file.
pub fn recast_stored(
    app: &App,
    actor: &Actor,
    county: &str,
    to: Date,
    weight: WeightBy,
    format: TableFormat,
) -> AppResult<FileOut> {
    let code = crate::county::county_code(county)?;
    within(actor, std::iter::once(code))?;
    let table = county_table(app, &code.to_string())?;
    if table.observations.is_empty() {
        return Err(AppError::not_found(
            format!("{code} 的统计数据（请先导入）"),
            format!("statistics of {code} (import them first)"),
        ));
    }
    let reg = app.registry()?;
    let r = quhua_stats::recast::recast(
        &reg,
        &table,
        to,
        &CrosswalkOptions::new(weight).in_county(code),
    )
    .map_err(stats_err)?;
    let t = recast_table(&r, format!("{code} 统计数据（按 {to} 区划口径）"));
    write(
        &t,
        recast_json(&r)?,
        &format!("统计数据-{code}-{to}"),
        format,
    )
}
