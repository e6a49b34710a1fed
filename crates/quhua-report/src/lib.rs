//! Documents in the forms government uses, generated from the registry and evaluations:
//! - [`change_table`]: 区划代码变更对照表 (old code, old name, change, new code, new name, 批准文号);
//! - [`notice`]: the 公告 text, as Markdown and DOCX;
//! - [`indicators`]: the before/after indicator table;
//! - [`handover`]: the 移交清单 of each handover pair (DOCX and XLSX, signature lines for both
//!   sides and the supervisor) and the county's 交接工作汇总表;
//! - [`government`]: the 区划调整方案, the 情况汇报 and the 评估报告 composed from a plan's
//!   facts, as a [`doc::Document`] written to DOCX (GB/T 9704 layout) or PDF ([`typeset`],
//!   typst with the system's CJK fonts), with maps before and after ([`map`], SVG and PNG).
//!
//! Tables are [`quhua_io::export::ExportTable`]s, written as CSV or XLSX by quhua-io.

pub mod change_table;
pub mod chart;
pub mod doc;
pub mod followup;
pub mod government;
pub mod handover;
pub mod indicators;
pub mod map;
pub mod notice;
pub mod typeset;
pub mod village_list;
pub mod village_plan;

/// A document could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// DOCX packaging failed.
    #[error("生成 DOCX 失败：{0} / DOCX generation failed: {0}")]
    Docx(String),
    /// Typst could not typeset the document.
    #[error("排版失败：{0} / typesetting failed: {0}")]
    Typeset(String),
    /// No CJK font on the system.
    #[error(
        "系统中未找到中文字体（请安装 fonts-noto-cjk） / no CJK font found (install fonts-noto-cjk)"
    )]
    NoFont,
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
