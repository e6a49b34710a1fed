//! The handover's documents: the county's summary table (交接工作汇总表, XLSX) and, per pair,
//! the 移交清单 with signature lines for both sides and the supervisor (DOCX and XLSX).

use super::load;
use crate::access::Actor;
use crate::upload::mime_of;
use crate::views::FileOut;
use crate::{App, AppError, AppResult};
use quhua_core::date::Date;
use quhua_report::handover::{handover_list, summary_table, xlsx_bytes};
use quhua_workflow::handover::Handover;

fn report_err(e: impl std::fmt::Display) -> AppError {
    AppError::internal(format!(
        "生成交接文书失败 / generating the handover documents failed: {e}"
    ))
}

fn footnote(app: &App) -> Option<&'static str> {
    app.registry_opt()
        .is_some_and(|r| r.sources().iter().any(|s| s.synthetic))
        .then_some("注：本材料中的数据为示意（synthetic）。")
}

/// The ids of a handover's documents: `summary.xlsx`, then `list-{code}.docx` and
/// `list-{code}.xlsx` for every pair.
pub fn document_ids(h: &Handover) -> Vec<String> {
    super::views::document_links(h)
        .into_iter()
        .map(|d| d.id)
        .collect()
}

fn file(name: String, bytes: Vec<u8>) -> FileOut {
    FileOut {
        mime: mime_of(&name),
        name,
        bytes,
    }
}

fn make(h: &Handover, doc: &str, today: Date, note: Option<&str>) -> AppResult<FileOut> {
    let county = h.pairs.county.clone();
    if doc == "summary.xlsx" {
        let t = summary_table(h, today, note);
        return Ok(file(
            format!("{county}交接工作汇总表.xlsx"),
            xlsx_bytes(&[t]).map_err(report_err)?,
        ));
    }
    let unknown = || {
        AppError::not_found(
            format!("交接文书 {doc}"),
            format!("handover document {doc}"),
        )
    };
    let rest = doc.strip_prefix("list-").ok_or_else(unknown)?;
    let (code, ext) = rest.rsplit_once('.').ok_or_else(unknown)?;
    let pair = h.pairs.pair(code).ok_or_else(unknown)?;
    let list = handover_list(h, code, today)
        .map_err(report_err)?
        .with_footnote(note);
    let name = format!("{}移交{}交接清单", pair.from.name, pair.to.name);
    match ext {
        "docx" => Ok(file(
            format!("{name}.docx"),
            list.to_docx().map_err(report_err)?,
        )),
        "xlsx" => Ok(file(
            format!("{name}.xlsx"),
            list.to_xlsx().map_err(report_err)?,
        )),
        _ => Err(unknown()),
    }
}

/// One document of the handover of a plan (see [`document_ids`]).
pub fn document(app: &App, actor: &Actor, plan: i64, doc: &str, today: Date) -> AppResult<FileOut> {
    let l = load(app, actor, plan)?;
    make(&l.body, doc, today, footnote(app))
}

/// Every document of the handover of a plan.
pub fn documents(app: &App, actor: &Actor, plan: i64, today: Date) -> AppResult<Vec<FileOut>> {
    let l = load(app, actor, plan)?;
    let note = footnote(app);
    document_ids(&l.body)
        .iter()
        .map(|d| make(&l.body, d, today, note))
        .collect()
}
