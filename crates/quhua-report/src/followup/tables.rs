//! Tables shared by the document and the workbook: each [`Sheet`] is printed as a table of
//! the document (when it belongs there) and written as one XLSX sheet.

use crate::doc::Block;
use quhua_core::date::Date;
use quhua_io::export::{ExportCell, ExportTable};
use quhua_workflow::tasks::Light;

/// One table of a follow-up report.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Sheet {
    /// Sheet name (Chinese, at most 31 characters).
    pub name: String,
    /// Caption in the document and title row in the workbook.
    pub caption: String,
    /// Header.
    pub header: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<ExportCell>>,
}

impl Sheet {
    /// An empty sheet.
    pub fn new(name: &str, caption: impl Into<String>, header: &[&str]) -> Sheet {
        Sheet {
            name: name.to_string(),
            caption: caption.into(),
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row.
    pub fn push(&mut self, row: Vec<ExportCell>) {
        self.rows.push(row);
    }

    /// The sheet as a document table (numbers printed as in the workbook).
    pub fn block(&self) -> Block {
        Block::Table {
            caption: self.caption.clone(),
            header: self.header.clone(),
            rows: self
                .rows
                .iter()
                .map(|r| r.iter().map(ExportCell::to_text).collect())
                .collect(),
        }
    }

    /// The sheet as an export table, titled `{title}——{caption}`, with the note as footnote.
    pub fn export(&self, title: &str, note: Option<&str>) -> ExportTable {
        let mut t = ExportTable::new(self.header.iter().cloned())
            .with_title(format!("{title}——{}", self.caption))
            .with_sheet_name(self.name.clone());
        t.rows = self.rows.clone();
        if let Some(n) = note {
            t = t.with_footnote(n);
        }
        t
    }
}

/// A text cell.
pub(super) fn text(s: impl Into<String>) -> ExportCell {
    ExportCell::Text(s.into())
}

/// A count cell.
pub(super) fn count(n: usize) -> ExportCell {
    ExportCell::from(n)
}

/// A signed difference as text (`+2`, `-1`, `0`).
pub(super) fn delta(before: usize, after: usize) -> String {
    let d = after as i64 - before as i64;
    if d > 0 {
        format!("+{d}")
    } else {
        d.to_string()
    }
}

/// A share 0–1 as a percentage with one decimal (a number cell: `45.5`).
pub(super) fn percent(f: f64) -> ExportCell {
    ExportCell::Number(round1(f * 100.0))
}

/// Rounds to one decimal.
pub(super) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A value as printed: integers without decimals, others with at most two.
pub(super) fn value(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A date cell (`2022-01-10`).
pub(super) fn day(d: Date) -> ExportCell {
    text(d.to_string())
}

/// The lights in the order the reports list them: red, yellow, blue, green, closed.
pub(super) const LIGHT_ORDER: [Light; 5] = [
    Light::Red,
    Light::Yellow,
    Light::Blue,
    Light::Green,
    Light::Done,
];

/// Short Chinese label of a light (红灯, 黄灯, 蓝灯, 绿灯, 已销号).
pub(super) fn light_zh(l: Light) -> &'static str {
    match l {
        Light::Red => "红灯",
        Light::Yellow => "黄灯",
        Light::Blue => "蓝灯",
        Light::Green => "绿灯",
        Light::Done => "已销号",
    }
}
