//! Handover documents (交接文书) for an approved plan's
//! [`Handover`](quhua_workflow::handover::Handover):
//!
//! - [`handover_list`]: the 移交清单 of one pair (predecessor → successor), with the basis, every
//!   section of the pair and its checklist, the predecessor's assets and debts summarised per
//!   category and item by item, its service points, cadre placement as counts only (no personal
//!   data: the list goes to both sides), the successor's quotas, and signature lines for the
//!   handing-over unit, the receiving unit and the supervisor. As DOCX
//!   ([`HandoverList::to_docx`]) and as XLSX sheets ([`HandoverList::to_tables`],
//!   [`HandoverList::to_xlsx`]).
//! - [`summary_table`]: the county's 交接工作汇总表, one row per pair and a 合计 row.
//!
//! Money is carried in exact 分 ([`Money`]) and printed in 元 with two decimals.

mod docx;
mod lines;
mod list;
mod summary;
mod tables;

pub use lines::{
    AssetLine, CadreCounts, CategoryLine, CheckLine, DebtLine, QuotaInfo, SectionLine, ServiceLine,
};
pub use list::{HandoverList, handover_list};
pub use summary::{SUMMARY_HEADERS, summary_table};

use crate::ReportError;
use quhua_io::export::ExportTable;
use quhua_workflow::handover::{Disposition, Money, Route};

/// The signature line of the handing-over unit (移交单位).
pub const SIGN_FROM: &str =
    "移交单位（盖章）：____________　负责人签字：____________　日期：____年__月__日";
/// The signature line of the receiving unit (接收单位).
pub const SIGN_TO: &str =
    "接收单位（盖章）：____________　负责人签字：____________　日期：____年__月__日";
/// The signature line of the supervising unit (监交单位).
pub const SIGN_SUPERVISOR: &str =
    "监交单位（盖章）：____________　负责人签字：____________　日期：____年__月__日";

/// At most this many asset (and debt) items are printed in the DOCX; the XLSX has them all.
pub const DOCX_ITEM_CAP: usize = 2000;

/// Whether a ledger owner code belongs to a predecessor township: the township itself
/// (9 digits) or one of its villages (12 digits beginning with the township's code).
///
/// ```
/// use quhua_report::handover::owned_by;
/// assert!(owned_by("130634200", "130634200"));
/// assert!(owned_by("130634200201", "130634200"));
/// assert!(!owned_by("130634201", "130634200"));
/// assert!(!owned_by("1306342002", "130634200"));
/// ```
pub fn owned_by(owner: &str, township: &str) -> bool {
    match owner.len() {
        9 => owner == township,
        12 => owner.starts_with(township),
        _ => false,
    }
}

/// Yuan with two decimals, exact from 分 (`1234.50`).
pub fn yuan(m: Money) -> String {
    m.to_string()
}

/// A money cell for XLSX: the number of yuan (from exact 分; exact to the cent when read back).
pub(crate) fn money_cell(m: Money) -> quhua_io::export::ExportCell {
    quhua_io::export::ExportCell::Number(m.yuan_f64())
}

/// The Chinese name of a route id in `lists` (the id itself when unknown).
pub(crate) fn route_zh(lists: &[&[Route]], id: &str) -> String {
    lists
        .iter()
        .flat_map(|l| l.iter())
        .find(|r| r.id == id)
        .map_or_else(|| id.to_string(), |r| r.zh.clone())
}

/// 去向: 移交 / 处置：{route} / 核销：{approval} / 未定.
pub(crate) fn destination(d: &Disposition, lists: &[&[Route]]) -> String {
    match d {
        Disposition::Transferred { .. } => "移交".into(),
        Disposition::Disposed { route, note } => match note.as_deref().filter(|n| !n.is_empty()) {
            Some(n) => format!("处置：{}（{n}）", route_zh(lists, route)),
            None => format!("处置：{}", route_zh(lists, route)),
        },
        Disposition::WrittenOff { approval } => format!("核销：{approval}"),
        Disposition::Unassigned => "未定".into(),
    }
}

/// Writes tables, one sheet each, to an XLSX workbook in memory (through
/// [`quhua_io::export::write_xlsx_sheets`] and a temporary file that is removed afterwards).
pub fn xlsx_bytes(tables: &[ExportTable]) -> Result<Vec<u8>, ReportError> {
    use std::sync::atomic::{AtomicU64, Ordering};
    static SEQ: AtomicU64 = AtomicU64::new(0);
    struct Remove(std::path::PathBuf);
    impl Drop for Remove {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }
    let err = |e: &dyn std::fmt::Display| ReportError::Xlsx(e.to_string());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let path = std::env::temp_dir().join(format!(
        "quhua-report-{}-{}-{nanos}.xlsx",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    // Reserve the name (never follow an existing file or link), then let the writer fill it.
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| err(&e))?;
    let guard = Remove(path);
    quhua_io::export::write_xlsx_sheets(tables, &guard.0).map_err(|e| err(&e))?;
    std::fs::read(&guard.0).map_err(|e| err(&e))
}
