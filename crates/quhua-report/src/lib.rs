//! Documents in the forms government uses, generated from the registry and evaluations:
//! - [`change_table`]: 区划代码变更对照表 (old code, old name, change, new code, new name, 批准文号);
//! - [`notice`]: the 公告 text, as Markdown and DOCX;
//! - [`indicators`]: the before/after indicator table;
//! - [`handover`]: the 移交清单 of each handover pair (DOCX and XLSX, signature lines for both
//!   sides and the supervisor) and the county's 交接工作汇总表.
//!
//! Tables are [`quhua_io::export::ExportTable`]s, written as CSV or XLSX by quhua-io.

pub mod change_table;
pub mod handover;
pub mod indicators;
pub mod notice;

/// A document could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// DOCX packaging failed.
    #[error("生成 DOCX 失败：{0} / DOCX generation failed: {0}")]
    Docx(String),
    /// Nothing to report.
    #[error("所选范围内没有变更 / no changes in the selected events")]
    Empty,
    /// No handover pair has this predecessor code.
    #[error(
        "交接方案中没有原乡镇代码为“{0}”的移交对 / no handover pair with predecessor code \"{0}\""
    )]
    UnknownPair(String),
    /// XLSX writing failed.
    #[error("生成 XLSX 失败：{0} / XLSX generation failed: {0}")]
    Xlsx(String),
}
