//! A sheet as a grid of cells with spreadsheet row numbers, from CSV or a workbook.

use crate::error::IoError;
use crate::nbs::{csv_err, csv_line};
use crate::text::{TextEncoding, read_text};
use calamine::{Data, Reader, open_workbook_auto};
use std::path::Path;

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// An Excel error value (#DIV/0! …) or a date, shown as text.
    Other(String),
}

impl Cell {
    /// The cell as text (numbers without a trailing ".0").
    pub(crate) fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Other(s) => s.trim().to_string(),
            Cell::Number(f) => {
                if f.fract() == 0.0 && f.abs() < 1e15 {
                    format!("{f:.0}")
                } else {
                    f.to_string()
                }
            }
            Cell::Bool(b) => b.to_string(),
        }
    }

    /// Whether the cell is empty or blank text.
    pub(crate) fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// Rows with their 1-based spreadsheet row numbers; blank rows may be absent.
pub(crate) struct Grid {
    pub(crate) rows: Vec<(usize, Vec<Cell>)>,
    pub(crate) encoding: Option<TextEncoding>,
    pub(crate) sheet: Option<String>,
}

/// Reads a CSV (any encoding [`read_text`] accepts; `.gz` too).
pub(crate) fn csv_grid(path: &Path) -> Result<Grid, IoError> {
    let decoded = read_text(path)?;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(decoded.text.as_bytes());
    let mut rows = Vec::new();
    let mut rec = csv::StringRecord::new();
    loop {
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_err(path, csv_line(&e), e)),
        }
        let row = rec.position().map_or(rows.len() + 1, |p| p.line() as usize);
        rows.push((
            row,
            rec.iter()
                .map(|f| {
                    if f.trim().is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(f.to_string())
                    }
                })
                .collect(),
        ));
    }
    Ok(Grid {
        rows,
        encoding: Some(decoded.encoding),
        sheet: None,
    })
}

/// Reads one sheet of a workbook (xlsx, xlsm, xls, ods): the named one or the first.
pub(crate) fn workbook_grid(path: &Path, sheet: Option<&str>) -> Result<Grid, IoError> {
    let wb_err = |e: &dyn std::fmt::Display| IoError::Workbook {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut wb = open_workbook_auto(path).map_err(|e| wb_err(&e))?;
    let names = wb.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| IoError::SheetNotFound {
                path: path.to_path_buf(),
                sheet: s.to_string(),
                found: names.join(", "),
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| wb_err(&"工作簿中没有工作表 / the workbook has no sheet"))?,
    };
    let range = wb.worksheet_range(&name).map_err(|e| wb_err(&e))?;
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut v: Vec<Cell> = vec![Cell::Empty; c0 as usize];
            v.extend(cells.iter().map(convert));
            (r0 as usize + i + 1, v)
        })
        .collect();
    Ok(Grid {
        rows,
        encoding: None,
        sheet: Some(name),
    })
}

fn convert(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => {
            if s.trim().is_empty() {
                Cell::Empty
            } else {
                Cell::Text(s.clone())
            }
        }
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => Cell::Other(dt.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Other(s.clone()),
        Data::Error(e) => Cell::Other(e.to_string()),
    }
}
