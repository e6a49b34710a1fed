//! A sheet as a grid of cells with spreadsheet row numbers, from CSV or a workbook.

use crate::error::{IoError, col_letter};
use crate::limits::{ReadLimits, check_zip_expansion};
use crate::nbs::csv_err;
use crate::rows::RowIndex;
use crate::text::{TextEncoding, read_text_limited};
use calamine::{Data, DataRef, Reader, Xlsx, XlsxError, open_workbook, open_workbook_auto};
use std::collections::BTreeMap;
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
    /// CSV: each row has as many cells as written, so a row narrower or wider than the
    /// header is a mistake. Workbook rows are as wide as their last non-empty cell.
    pub(crate) ragged: bool,
}

/// Reads a CSV (any encoding [`read_text_limited`] accepts; `.gz` too).
pub(crate) fn csv_grid(path: &Path, limits: &ReadLimits) -> Result<Grid, IoError> {
    let decoded = read_text_limited(path, limits)?;
    let index = RowIndex::new(decoded.text.as_bytes());
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(decoded.text.as_bytes());
    let mut rows = Vec::new();
    let mut rec = csv::StringRecord::new();
    let mut cells = 0usize;
    loop {
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_err(path, index.of_error(&e), e)),
        }
        let row = index.of(rec.position());
        if rec.len() > limits.max_columns {
            return Err(too_wide(path, limits));
        }
        cells += rec.len();
        if cells > limits.max_cells {
            return Err(too_many_cells(path, limits));
        }
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
        ragged: true,
    })
}

fn too_wide(path: &Path, limits: &ReadLimits) -> IoError {
    IoError::TooLarge {
        path: path.to_path_buf(),
        what: "列数".into(),
        what_en: "the number of columns".into(),
        limit: limits.max_columns.to_string(),
    }
}

fn too_many_cells(path: &Path, limits: &ReadLimits) -> IoError {
    IoError::TooLarge {
        path: path.to_path_buf(),
        what: "单元格数".into(),
        what_en: "the number of cells".into(),
        limit: limits.max_cells.to_string(),
    }
}

fn pick_sheet(path: &Path, names: &[String], sheet: Option<&str>) -> Result<String, IoError> {
    match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| IoError::SheetNotFound {
                path: path.to_path_buf(),
                sheet: s.to_string(),
                found: names.join(", "),
            }),
        None => names.first().cloned().ok_or_else(|| IoError::Workbook {
            path: path.to_path_buf(),
            message: "工作簿中没有工作表 / the workbook has no sheet".into(),
        }),
    }
}

/// Reads one sheet of a workbook (xlsx, xlsm, xls, ods): the named one or the first.
/// Zip containers are first checked to expand within the limit; XLSX sheets are read cell
/// by cell (a sheet of two cells far apart is two cells, not a rectangle of billions), and
/// a formula cell without a cached value is an error naming the sheet and cell.
pub(crate) fn workbook_grid(
    path: &Path,
    sheet: Option<&str>,
    limits: &ReadLimits,
) -> Result<Grid, IoError> {
    check_zip_expansion(path, limits)?;
    let is_xlsx = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx") || e.eq_ignore_ascii_case("xlsm"));
    if is_xlsx {
        return xlsx_grid(path, sheet, limits);
    }
    let wb_err = |e: &dyn std::fmt::Display| IoError::Workbook {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut wb = open_workbook_auto(path).map_err(|e| wb_err(&e))?;
    let name = pick_sheet(path, &wb.sheet_names(), sheet)?;
    let range = wb.worksheet_range(&name).map_err(|e| wb_err(&e))?;
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let (h, w) = range.get_size();
    if w + c0 as usize > limits.max_columns {
        return Err(too_wide(path, limits));
    }
    if h.saturating_mul(w) > limits.max_cells {
        return Err(too_many_cells(path, limits));
    }
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
        ragged: false,
    })
}

fn xlsx_grid(path: &Path, sheet: Option<&str>, limits: &ReadLimits) -> Result<Grid, IoError> {
    let wb_err = |e: &dyn std::fmt::Display| IoError::Workbook {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut wb: Xlsx<_> = open_workbook(path).map_err(|e: XlsxError| wb_err(&e))?;
    let name = pick_sheet(path, &wb.sheet_names(), sheet)?;
    let mut reader = wb.worksheet_cells_reader(&name).map_err(|e| wb_err(&e))?;
    let mut rows: BTreeMap<u32, Vec<(u32, Cell)>> = BTreeMap::new();
    let mut cells = 0usize;
    while let Some(c) = reader.next_cell_with_formula().map_err(|e| wb_err(&e))? {
        let (r, col) = c.pos;
        if col as usize >= limits.max_columns {
            return Err(too_wide(path, limits));
        }
        let cell = convert_ref(&c.value);
        if let (Some(f), Cell::Empty) = (&c.formula, &cell)
            && !f.trim().is_empty()
        {
            return Err(IoError::FormulaWithoutValue {
                path: path.to_path_buf(),
                sheet: name.clone(),
                cell: format!("{}{}", col_letter(col as usize), r + 1),
                formula: f.chars().take(60).collect(),
            });
        }
        if cell == Cell::Empty {
            continue;
        }
        cells += 1;
        if cells > limits.max_cells {
            return Err(too_many_cells(path, limits));
        }
        rows.entry(r).or_default().push((col, cell));
    }
    let rows = rows
        .into_iter()
        .map(|(r, mut cs)| {
            cs.sort_by_key(|c| c.0);
            let width = cs.last().map_or(0, |c| c.0 as usize + 1);
            let mut v = vec![Cell::Empty; width];
            for (c, cell) in cs {
                v[c as usize] = cell;
            }
            (r as usize + 1, v)
        })
        .collect();
    Ok(Grid {
        rows,
        encoding: None,
        sheet: Some(name),
        ragged: false,
    })
}

fn convert_ref(d: &DataRef<'_>) -> Cell {
    match d {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => text_cell(s),
        DataRef::SharedString(s) => text_cell(s),
        DataRef::Int(i) => Cell::Number(*i as f64),
        DataRef::Float(f) => Cell::Number(*f),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => Cell::Other(dt.to_string()),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Other(s.clone()),
        DataRef::Error(e) => Cell::Other(e.to_string()),
    }
}

fn text_cell(s: &str) -> Cell {
    if s.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn convert(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => text_cell(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => Cell::Other(dt.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Other(s.clone()),
        Data::Error(e) => Cell::Other(e.to_string()),
    }
}
