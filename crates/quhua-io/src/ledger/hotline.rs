//! A 12345 hotline export (or a letters-and-visits register) as rows: ticket number, time
//! received, content, and optionally topic, channel, division code, unit concerned, assigned
//! department and deadline, as written. Any bad cell is an error naming the file, row and
//! column; nothing is returned half-way.

use super::columns::HOTLINE_COLS;
use super::read::{grid, parse_date, prepare};
use crate::error::IoError;
use chrono::NaiveDateTime;
use quhua_core::date::Date;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One ticket as read.
#[derive(Debug, Clone, PartialEq)]
pub struct HotlineRow {
    /// Spreadsheet row.
    pub row: usize,
    /// Ticket number.
    pub reference: String,
    /// When it was received.
    pub received: NaiveDateTime,
    /// What the citizen said, as recorded.
    pub content: String,
    /// Topic as written (may be empty).
    pub topic: String,
    /// Channel as written (may be empty: the hotline).
    pub channel: String,
    /// Division code (9 or 12 digits), if given.
    pub division: Option<String>,
    /// Unit concerned, as written.
    pub unit: Option<String>,
    /// Assigned department, as written.
    pub assigned: Option<String>,
    /// Reply deadline.
    pub deadline: Option<Date>,
}

/// A hotline export as read.
#[derive(Debug, Clone, PartialEq)]
pub struct HotlineTable {
    /// The file.
    pub path: PathBuf,
    /// The tickets, in file order.
    pub rows: Vec<HotlineRow>,
    /// Skipped rows and unknown columns.
    pub warnings: Vec<String>,
}

/// Parses `2021-09-03 14:05`, `2021-09-03 14:05:09`, `2021/9/3 14:05` or a date alone
/// (midnight).
fn parse_time(t: &str) -> Option<NaiveDateTime> {
    let t = t.trim().replace('/', "-").replace('T', " ");
    for f in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(v) = NaiveDateTime::parse_from_str(&t, f) {
            return Some(v);
        }
    }
    parse_date(&t).and_then(|d| d.and_hms_opt(0, 0, 0))
}

/// Reads a hotline export (CSV/TXT or the first sheet of a workbook). Required columns:
/// 工单编号, 受理时间, 诉求内容; optional: 诉求类别, 渠道, 区划代码, 涉及单位, 承办单位,
/// 办理时限. Ticket numbers must be unique.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let p = dir.path().join("12345.csv");
/// std::fs::write(&p, "工单编号,受理时间,诉求内容,诉求类别\n\
///     GY1,2021-09-03 14:05,撤并后社保在哪里办,政务办理\n").unwrap();
/// let t = quhua_io::ledger::read_hotline(&p).unwrap();
/// assert_eq!(t.rows[0].reference, "GY1");
/// std::fs::write(&p, "工单编号,受理时间,诉求内容\nGY1,昨天,内容\n").unwrap();
/// let e = quhua_io::ledger::read_hotline(&p).unwrap_err();
/// assert_eq!(e.loc().map(|l| (l.row, l.column.as_str())), Some((2, "受理时间")));
/// ```
pub fn read_hotline(path: &Path) -> Result<HotlineTable, IoError> {
    let g = grid(path, None)?;
    let cols = &HOTLINE_COLS;
    let (mut r, header_pos) = prepare(path, &g, cols)?;
    let mut rows = Vec::new();
    let mut ids = HashMap::new();
    for (row, cells) in &g.rows[header_pos + 1..] {
        let row = *row;
        if r.skip(row, cells) {
            continue;
        }
        let reference = r.required(row, cells, 0, cols)?;
        r.check_unique(&mut ids, &reference, row, cols)?;
        let t = r.required(row, cells, 1, cols)?;
        let received = parse_time(&t).ok_or_else(|| IoError::Invalid {
            loc: r.loc(row, 1, cols),
            zh: format!("“{t}”不是时间（可用 2021-09-03 14:05 或 2021/9/3）"),
            en: format!("\"{t}\" is not a time (use 2021-09-03 14:05 or 2021/9/3)"),
        })?;
        let division = r.optional(cells, 5);
        if let Some(d) = &division
            && (!(d.len() == 9 || d.len() == 12) || !d.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(IoError::Invalid {
                loc: r.loc(row, 5, cols),
                zh: format!("区划代码“{d}”应为9位乡镇代码或12位村级代码"),
                en: format!(
                    "division code \"{d}\" must be a 9-digit township or 12-digit village code"
                ),
            });
        }
        let deadline = match r.date(row, cells, 8, cols)? {
            Some(s) => parse_date(&s),
            None => None,
        };
        rows.push(HotlineRow {
            row,
            reference,
            received,
            content: r.required(row, cells, 2, cols)?,
            topic: r.text(cells, 3),
            channel: r.text(cells, 4),
            division,
            unit: r.optional(cells, 6),
            assigned: r.optional(cells, 7),
            deadline,
        });
    }
    Ok(HotlineTable {
        path: path.to_path_buf(),
        rows,
        warnings: r.warnings,
    })
}
