//! The follow-up supervision reports of the 后半篇 work (每周一周报、两周一推进、每月一调度):
//!
//! - [`Period::Week`], the 周报: 总体情况 (tasks by light and how that changed in the week),
//!   本周进展 (every progress report, completion report, closure and return), 逾期和滞后任务
//!   (red then yellow, with the escalation steps recorded), 下周到期, 风险隐患 and 群众诉求
//!   (when the input has risks or feedback);
//! - [`Period::Fortnight`], the 两周推进表: one row per task in tree order (targets, values
//!   reached, 完成进度 against 序时进度, light, status, deadline, 本期进展) under a short
//!   总体情况;
//! - [`Period::Month`], the 月调度: summaries by lead unit and by group, red and yellow tasks,
//!   extension requests, closures (销号) and returns (退办) of the month, the risk table by
//!   level and unit, feedback statistics.
//!
//! Everything is derived from the tasks' definitions and histories as of the report's date
//! (the [`board`](quhua_workflow::tasks::board) at the date and at the period's start), so a
//! past week's report can be produced again. [`followup_report`] is pure; the report is
//! written as DOCX and PDF (a [`Document`]) and as XLSX, one sheet per table.

mod events;
mod facts;
mod fortnight;
mod month;
mod people;
mod period;
mod tables;
mod week;

pub use period::Period;

use crate::ReportError;
use crate::doc::{Block, Document};
use facts::Facts;
use quhua_core::date::Date;
use quhua_io::export::ExportTable;
use quhua_workflow::feedback::FeedbackItem;
use quhua_workflow::risks::Risk;
use quhua_workflow::tasks::{Supervision, Task};

/// The note printed when any task, risk or feedback item of the input is synthetic (示意).
pub const SYNTHETIC_NOTE: &str = "注：本材料中的数据为示意（synthetic）。";

/// What a follow-up report is made from.
#[derive(Debug, Clone)]
pub struct FollowupInput<'a> {
    /// What the work is called (the plan's title or e.g. 曲阳县乡镇行政区划调整“后半篇”工作);
    /// the document's title is this followed by the report's name (周报 …).
    pub title: String,
    /// The report's date (as of).
    pub date: Date,
    /// The jurisdiction's tasks with their full history.
    pub tasks: &'a [Task],
    /// Calendar, light settings and organisation names.
    pub sup: &'a Supervision,
    /// The risk register (may be empty: the 风险隐患 part is then left out).
    pub risks: &'a [Risk],
    /// The feedback register (may be empty: the 群众诉求 part is then left out).
    pub feedback: &'a [FeedbackItem],
    /// A footnote; when the data is synthetic and none is given, [`SYNTHETIC_NOTE`] is used.
    pub note: Option<&'a str>,
}

impl<'a> FollowupInput<'a> {
    /// An input with tasks only (no risks, no feedback, no note).
    pub fn new(
        title: impl Into<String>,
        date: Date,
        tasks: &'a [Task],
        sup: &'a Supervision,
    ) -> FollowupInput<'a> {
        FollowupInput {
            title: title.into(),
            date,
            tasks,
            sup,
            risks: &[],
            feedback: &[],
            note: None,
        }
    }

    /// Whether any task, risk or feedback item is synthetic (示意).
    pub fn is_synthetic(&self) -> bool {
        self.tasks.iter().any(|t| t.synthetic)
            || self.risks.iter().any(|r| r.synthetic)
            || self.feedback.iter().any(|f| f.synthetic)
    }

    /// The footnote to print: the given note, else [`SYNTHETIC_NOTE`] for synthetic data.
    pub fn footnote(&self) -> Option<String> {
        match self.note {
            Some(n) if !n.trim().is_empty() => Some(n.trim().to_string()),
            _ => self.is_synthetic().then(|| SYNTHETIC_NOTE.to_string()),
        }
    }
}

/// A follow-up report: the document and its tables.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowupReport {
    period: Period,
    title: String,
    date: Date,
    start: Date,
    document: Document,
    tables: Vec<ExportTable>,
}

/// Composes the report of `period` ending at `input.date`.
///
/// ```
/// use quhua_report::followup::{followup_report, FollowupInput, Period};
/// use quhua_workflow::tasks::{Supervision, Task};
/// use quhua_core::date::parse_date;
/// let d = |s| parse_date(s).unwrap();
/// let tasks = vec![Task::simple("1", "编制三张清单", "staffing", "office",
///     d("2021-04-01"), d("2021-12-31"))];
/// let sup = Supervision::default();
/// let input = FollowupInput::new("曲阳县“后半篇”工作", d("2022-01-10"), &tasks, &sup);
/// let r = followup_report(Period::Week, &input);
/// assert_eq!(r.document().title, "曲阳县“后半篇”工作周报");
/// let text = r.document().plain_text();
/// assert!(text.contains("红灯1项"), "{text}");
/// assert!(text.contains("三、逾期和滞后任务"));
/// assert_eq!(r.file_stem(), "曲阳县“后半篇”工作周报（2022-01-10）");
/// assert!(r.tables().iter().any(|t| t.sheet_name.as_deref() == Some("任务进度")));
/// ```
pub fn followup_report(period: Period, input: &FollowupInput) -> FollowupReport {
    let facts = Facts::new(period, input);
    let (mut blocks, sheets) = match period {
        Period::Week => week::compose(&facts),
        Period::Fortnight => fortnight::compose(&facts),
        Period::Month => month::compose(&facts),
    };
    let note = input.footnote();
    blocks.push(facts.signature());
    if let Some(n) = &note {
        blocks.push(Block::Note(n.clone()));
    }
    let title = format!("{}{}", input.title.trim(), period.zh());
    let tables = sheets
        .iter()
        .map(|s| s.export(&title, note.as_deref()))
        .collect();
    FollowupReport {
        period,
        title: input.title.trim().to_string(),
        date: input.date,
        start: facts.start,
        document: Document {
            title,
            subtitle: Some(format!("（{}）", facts.span_zh())),
            blocks,
        },
        tables,
    }
}

impl FollowupReport {
    /// Which report.
    pub fn period(&self) -> Period {
        self.period
    }

    /// The report's date.
    pub fn date(&self) -> Date {
        self.date
    }

    /// The period's start (exclusive: the period covers the days after it up to the date).
    pub fn start(&self) -> Date {
        self.start
    }

    /// The document (title, numbered headings, paragraphs, tables, signature, note).
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The tables, one XLSX sheet each (总体情况, 任务进度, … as applicable).
    pub fn tables(&self) -> &[ExportTable] {
        &self.tables
    }

    /// The document as DOCX (GB/T 9704 layout).
    pub fn to_docx(&self) -> Result<Vec<u8>, ReportError> {
        self.document.to_docx()
    }

    /// The document as PDF (needs a CJK font on the system).
    pub fn to_pdf(&self) -> Result<Vec<u8>, ReportError> {
        self.document.to_pdf()
    }

    /// The tables as an XLSX workbook, one sheet each.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, ReportError> {
        crate::handover::xlsx_bytes(&self.tables)
    }

    /// A file name without extension: title, report name and date
    /// (`曲阳县…工作周报（2022-01-10）`), with characters file systems refuse replaced by `_`.
    pub fn file_stem(&self) -> String {
        format!("{}{}（{}）", self.title, self.period.zh(), self.date)
            .chars()
            .map(|c| match c {
                '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
                c if c.is_control() => '_',
                c => c,
            })
            .collect()
    }
}
