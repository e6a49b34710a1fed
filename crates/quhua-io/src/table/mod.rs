//! Unit-attribute tables (摸底表) from CSV or XLSX.
//!
//! The header row is the first of the first 20 rows that has a code column (代码, 统一代码,
//! 区划代码, code …), so title rows above it are fine. Columns map to fields by Chinese or
//! English header (see [`read_table`]); headers may carry a unit in parentheses
//! ("面积（km²）", "户籍人口(人)", "常住人口（万人）" is scaled to persons). Unknown
//! columns are listed in a warning. Blank rows, total rows (合计/总计/小计 with no code) and
//! note rows (a single non-code cell, e.g. a "示意数据" footnote) are skipped with a warning.
//!
//! Two uses: [`table_to_builder`] (the table lists the units themselves) and
//! [`apply_table_attrs`] (update attributes of units already in a registry).

mod apply;
mod columns;
pub(crate) mod grid;

pub use apply::{AttrUpdateReport, apply_table_attrs, table_to_builder};

use crate::check::{COUNTY_SEATS, Plausibility, check_amount, check_text};
use crate::error::{IoError, Loc, Why};
use crate::kinds::parse_kind_text;
use crate::limits::ReadLimits;
use crate::nbs::parse_code;
use crate::text::TextEncoding;
use columns::{Field, FlagField, is_header, map_headers};
use grid::{Cell, Grid};
pub(crate) use grid::{Cell as GridCell, Grid as SheetGrid, csv_grid, workbook_grid};
use quhua_codes::{DivisionCode, Level, UnitKind};
use quhua_core::attr::Amount;
use quhua_core::unit::Flags;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A seat (驻地) as written: a village code or a village name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeatRef {
    /// A village code.
    Code(DivisionCode),
    /// A village name (matched exactly, else as a unique prefix: "东城社区" → "东城社区居民委员会").
    Name(String),
}

/// One data row of a survey table.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyRow {
    /// Spreadsheet row number (header rows counted).
    pub row: usize,
    /// The unit's code.
    pub code: DivisionCode,
    /// Name, when the table has a name column and the cell is not empty.
    pub name: Option<String>,
    /// Kind from the 类型 column, when given.
    pub kind: Option<UnitKind>,
    /// Parent code from the 上级代码 column, when given.
    pub parent: Option<DivisionCode>,
    /// Seat from the 驻地 column, when given.
    pub seat: Option<SeatRef>,
    /// Flags (false unless a flag column says 是).
    pub flags: Flags,
    /// Attribute values by key, in column order (empty cells and "-" are absent).
    pub attrs: Vec<(String, Amount)>,
}

/// Column positions of a table's fields (0-based), with the header texts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TableColumns {
    /// Header texts as written.
    pub headers: Vec<String>,
    /// Code column.
    pub code: usize,
    /// Name column.
    pub name: Option<usize>,
    /// Kind column.
    pub kind: Option<usize>,
    /// Parent-code column.
    pub parent: Option<usize>,
    /// Seat column.
    pub seat: Option<usize>,
    /// Attribute columns: index and key.
    pub attrs: Vec<(usize, String)>,
}

/// A survey table as read.
#[derive(Debug, Clone, PartialEq)]
pub struct SurveyTable {
    /// The file.
    pub path: PathBuf,
    /// The sheet read (workbooks only).
    pub sheet: Option<String>,
    /// Spreadsheet row of the header.
    pub header_row: usize,
    /// Column layout.
    pub columns: TableColumns,
    /// Data rows.
    pub rows: Vec<SurveyRow>,
    /// Advisory messages (unknown columns, skipped rows), Chinese / English.
    pub warnings: Vec<String>,
    /// Text encoding for CSV; `None` for workbooks.
    pub encoding: Option<TextEncoding>,
}

impl SurveyTable {
    /// The location of a cell of this table.
    pub fn loc(&self, row: usize, col: usize) -> Loc {
        Loc::new(
            &self.path,
            row,
            self.columns.headers.get(col).cloned().unwrap_or_default(),
            col,
        )
    }
}

/// Reads a survey table from CSV/TXT (optionally `.gz`) or a workbook (xlsx, xlsm, xls, ods;
/// first sheet). Recognised headers (case-insensitive, units in parentheses ignored):
/// 代码/统一代码/区划代码/code (required), code12 (checked), 名称/name, 类型/建制类型/kind/type,
/// 上级代码/parent_code, 驻地/seat, 级别/level (checked), flags 县城驻地/county_seat,
/// 边境/border, 历史文化名镇/historic, 重点镇/key_town, 民族/ethnic, and any built-in attribute
/// by key or label (户籍人口, 常住人口, 面积, 地区生产总值, 一般公共预算收入, 行政编制, 事业编制,
/// 资产, 债务, 建成区人口; pop_hukou, area_km2 …).
///
/// Every data row is checked: as many cells as the header (CSV), no two columns for one
/// field, no control characters, over-long or formula-like text, numbers within their
/// quantity's rules (persons whole and ≥ 0, area > 0, money ≥ 0) and within the plausible
/// ranges of [`crate::check::PLAUSIBLE`], at most one 县城驻地 per county. A header-only
/// or empty file is an error.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let p = dir.path().join("t.csv");
/// std::fs::write(&p, "代码,名称,户籍人口\r\n130634100,恒州镇,52000\r\n130634200,路庄子乡,2.2\r\n").unwrap();
/// let e = quhua_io::read_table(&p).unwrap_err();
/// assert_eq!(e.kind(), "out_of_range");
/// assert_eq!(e.loc().unwrap().row, 3);
/// ```
pub fn read_table(path: &Path) -> Result<SurveyTable, IoError> {
    read_table_with(path, None, &ReadOptions::default())
}

/// As [`read_table`], reading the named sheet of a workbook.
pub fn read_table_sheet(path: &Path, sheet: &str) -> Result<SurveyTable, IoError> {
    read_table_with(path, Some(sheet), &ReadOptions::default())
}

/// What a table reader enforces: resource limits and the plausibility policy (with the
/// overrides the user stated).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadOptions {
    /// Size limits.
    pub limits: ReadLimits,
    /// Plausible ranges and stated overrides.
    pub plausibility: Plausibility,
}

/// As [`read_table`] with explicit options and an optional sheet name.
pub fn read_table_with(
    path: &Path,
    sheet: Option<&str>,
    opts: &ReadOptions,
) -> Result<SurveyTable, IoError> {
    let grid = if is_workbook(path) {
        grid::workbook_grid(path, sheet, &opts.limits)?
    } else {
        grid::csv_grid(path, &opts.limits)?
    };
    parse_grid(path, grid, opts)
}

fn is_workbook(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["xlsx", "xlsm", "xlsb", "xls", "ods"]
            .iter()
            .any(|w| e.eq_ignore_ascii_case(w))
    })
}

const TOTAL_WORDS: [&str; 4] = ["合计", "总计", "小计", "total"];

fn parse_grid(path: &Path, grid: Grid, opts: &ReadOptions) -> Result<SurveyTable, IoError> {
    if grid.rows.iter().all(|(_, c)| c.iter().all(Cell::is_blank)) {
        return Err(IoError::EmptyFile {
            path: path.to_path_buf(),
            header_only: false,
        });
    }
    let header_pos = grid
        .rows
        .iter()
        .take(20)
        .position(|(_, cells)| is_header(&cells.iter().map(Cell::text).collect::<Vec<_>>()))
        .ok_or_else(|| IoError::NoHeader {
            path: path.to_path_buf(),
            expected: crate::columns::CODE_ALIASES.join("/"),
            found: grid
                .rows
                .iter()
                .take(3)
                .map(|(_, c)| c.iter().map(Cell::text).collect::<Vec<_>>().join(","))
                .collect::<Vec<_>>()
                .join(" | "),
        })?;
    let (header_row, header_cells) = &grid.rows[header_pos];
    let headers: Vec<String> = header_cells.iter().map(Cell::text).collect();
    let (fields, unknown) = map_headers(path, *header_row, &headers)?;
    let pos = |f: &Field| fields.iter().position(|x| x.as_ref() == Some(f));
    let mut columns = TableColumns {
        headers: headers.clone(),
        code: pos(&Field::Code).unwrap_or(0),
        name: pos(&Field::Name),
        kind: pos(&Field::Kind),
        parent: pos(&Field::Parent),
        seat: pos(&Field::Seat),
        attrs: Vec::new(),
    };
    for (i, f) in fields.iter().enumerate() {
        if let Some(Field::Attr { key, .. }) = f {
            columns.attrs.push((i, key.clone()));
        }
    }
    let mut table = SurveyTable {
        path: path.to_path_buf(),
        sheet: grid.sheet.clone(),
        header_row: *header_row,
        columns,
        rows: Vec::with_capacity(grid.rows.len()),
        warnings: Vec::new(),
        encoding: grid.encoding,
    };
    if !unknown.is_empty() {
        let list = unknown.join("、");
        table.warnings.push(format!(
            "{}：以下列无法识别，已忽略：{list} / {}: unrecognised columns ignored: {}",
            path.display(),
            path.display(),
            unknown.join(", ")
        ));
    }
    let width = headers
        .iter()
        .rposition(|h| !h.trim().is_empty())
        .map_or(0, |i| i + 1);
    for (row, cells) in &grid.rows[header_pos + 1..] {
        if skip_reason(cells, table.columns.code).is_some() {
            continue;
        }
        if grid.ragged {
            check_width(&table, *row, cells, width)?;
        }
        if let Some(r) = parse_row(&table, &fields, *row, cells, opts)? {
            table.rows.push(r);
        }
    }
    if table.rows.is_empty() {
        return Err(IoError::EmptyFile {
            path: path.to_path_buf(),
            header_only: true,
        });
    }
    check_county_seats(&table, &opts.plausibility)?;
    table
        .warnings
        .extend(skipped_rows(&table, &grid, header_pos));
    Ok(table)
}

/// A CSV data row must have a cell for every header column, and nothing beyond them.
fn check_width(
    table: &SurveyTable,
    row: usize,
    cells: &[Cell],
    width: usize,
) -> Result<(), IoError> {
    let extra = cells
        .iter()
        .enumerate()
        .skip(width)
        .find(|(_, c)| !c.is_blank());
    let bad_col = if cells.len() < width {
        Some(cells.len())
    } else {
        extra.map(|(i, _)| i)
    };
    match bad_col {
        Some(col) => Err(IoError::RowWidth {
            loc: table.loc(row, col),
            expected: width,
            found: cells.len(),
        }),
        None => Ok(()),
    }
}

/// At most the stated number (1 unless overridden) of 县城驻地 rows per county.
fn check_county_seats(table: &SurveyTable, policy: &Plausibility) -> Result<(), IoError> {
    let max = policy.county_seats();
    let mut per_county: HashMap<DivisionCode, Vec<&SurveyRow>> = HashMap::new();
    for r in &table.rows {
        if r.flags.county_seat && r.code.level() == Level::Township {
            let seats = per_county.entry(r.code.prefix(Level::County)).or_default();
            seats.push(r);
            if seats.len() > max {
                let col = table
                    .columns
                    .headers
                    .iter()
                    .position(|h| {
                        let n = crate::columns::normalize(h);
                        ["县城驻地", "县城驻地镇", "county_seat"].contains(&n.as_str())
                    })
                    .unwrap_or(table.columns.code);
                let rows: Vec<String> = seats.iter().map(|s| s.row.to_string()).collect();
                return Err(IoError::Implausible {
                    loc: table.loc(r.row, col),
                    key: COUNTY_SEATS.into(),
                    value: seats.len().to_string(),
                    why: Why::new(
                        format!(
                            "县 {} 有 {} 个县城驻地（第 {} 行），一个县通常只有 {max} 个",
                            r.code.prefix(Level::County),
                            seats.len(),
                            rows.join("、")
                        ),
                        format!(
                            "county {} has {} county seats (rows {}); a county normally has {max}",
                            r.code.prefix(Level::County),
                            seats.len(),
                            rows.join(", ")
                        ),
                    ),
                });
            }
        }
    }
    Ok(())
}

/// Whether a row is to be skipped (blank, total, note); with a reason when it is not blank.
fn skip_reason(cells: &[Cell], code_col: usize) -> Option<Option<&'static str>> {
    let non_blank: Vec<&Cell> = cells.iter().filter(|c| !c.is_blank()).collect();
    if non_blank.is_empty() {
        return Some(None);
    }
    let code = cells.get(code_col).map(Cell::text).unwrap_or_default();
    if code.bytes().all(|b| b.is_ascii_digit()) && !code.is_empty() {
        return None;
    }
    let is_total = cells.iter().any(|c| {
        TOTAL_WORDS
            .iter()
            .any(|w| c.text().replace([' ', '　'], "").eq_ignore_ascii_case(w))
    });
    if code.is_empty() && is_total {
        return Some(Some("合计行 / total row"));
    }
    if non_blank.len() == 1 {
        return Some(Some("说明行 / note row"));
    }
    None
}

fn skipped_rows(table: &SurveyTable, grid: &Grid, header_pos: usize) -> Vec<String> {
    grid.rows[header_pos + 1..]
        .iter()
        .filter_map(|(row, cells)| {
            skip_reason(cells, table.columns.code).flatten().map(|why| {
                format!(
                    "{} 第 {row} 行已跳过（{why}）/ {} row {row} skipped ({why})",
                    table.path.display(),
                    table.path.display()
                )
            })
        })
        .collect()
}

fn parse_row(
    table: &SurveyTable,
    fields: &[Option<Field>],
    row: usize,
    cells: &[Cell],
    opts: &ReadOptions,
) -> Result<Option<SurveyRow>, IoError> {
    let max_chars = opts.limits.max_text_chars;
    let code_col = table.columns.code;
    if skip_reason(cells, code_col).is_some() {
        return Ok(None);
    }
    let loc = |col: usize| table.loc(row, col);
    let empty = Cell::Empty;
    let cell = |col: usize| cells.get(col).unwrap_or(&empty);
    let code = parse_code(&cell(code_col).text(), || loc(code_col))?;
    let mut out = SurveyRow {
        row,
        code,
        name: None,
        kind: None,
        parent: None,
        seat: None,
        flags: Flags::default(),
        attrs: Vec::new(),
    };
    for (col, field) in fields.iter().enumerate() {
        let Some(field) = field else { continue };
        let c = cell(col);
        if c.is_blank() {
            continue;
        }
        let text = c.text();
        if matches!(
            field,
            Field::Name | Field::Kind | Field::Seat | Field::Level | Field::Parent
        ) {
            check_text(&text, max_chars, || loc(col))?;
        }
        match field {
            Field::Code | Field::Info => {}
            Field::Code2 => {
                let other = parse_code(&text, || loc(col))?;
                if other != code {
                    return Err(IoError::Invalid {
                        loc: loc(col),
                        zh: format!("代码 {other} 与代码列的 {code} 不一致"),
                        en: format!("code {other} disagrees with {code} in the code column"),
                    });
                }
            }
            Field::Name => out.name = Some(text),
            Field::Kind => {
                let kind =
                    parse_kind_text(&text, code.level()).ok_or_else(|| IoError::BadKind {
                        loc: loc(col),
                        value: text.clone(),
                        code,
                    })?;
                out.kind = Some(kind);
            }
            Field::Parent => out.parent = Some(parse_code(&text, || loc(col))?),
            Field::Seat => {
                out.seat = Some(if text.bytes().all(|b| b.is_ascii_digit()) {
                    SeatRef::Code(parse_code(&text, || loc(col))?)
                } else {
                    SeatRef::Name(text)
                })
            }
            Field::Level => check_level(&text, code, || loc(col))?,
            Field::Flag(f) => {
                let v = parse_flag(c).ok_or_else(|| IoError::BadFlag {
                    loc: loc(col),
                    value: text.clone(),
                })?;
                set_flag(&mut out.flags, *f, v);
            }
            Field::Attr { key, scale } => {
                let a = parse_amount(c, *scale).map_err(|e| match e {
                    AmountError::NotNumber(value) => IoError::BadNumber {
                        loc: loc(col),
                        value,
                    },
                    AmountError::OutOfRange(value) => IoError::OutOfRange {
                        loc: loc(col),
                        value,
                        why: Why::new(
                            "超出可表示的数值范围（±9×10¹³）",
                            "beyond the range a value can hold (±9×10¹³)",
                        ),
                    },
                })?;
                if let Some(a) = a {
                    check_amount(key, a, code.level(), &opts.plausibility, &text, || loc(col))?;
                    out.attrs.push((key.clone(), a));
                }
            }
        }
    }
    Ok(Some(out))
}

fn check_level(text: &str, code: DivisionCode, loc: impl Fn() -> Loc) -> Result<(), IoError> {
    let t = text.trim().to_ascii_lowercase();
    let level = match t.as_str() {
        "province" | "省级" | "省" => Level::Province,
        "city" | "prefecture" | "地级" | "市级" => Level::City,
        "county" | "县级" => Level::County,
        "township" | "乡级" | "乡镇级" | "乡镇" => Level::Township,
        "village" | "村级" => Level::Village,
        _ => {
            return Err(IoError::Invalid {
                loc: loc(),
                zh: format!("级别“{text}”无法识别"),
                en: format!("unknown level \"{text}\""),
            });
        }
    };
    if level != code.level() {
        return Err(IoError::Invalid {
            loc: loc(),
            zh: format!(
                "级别“{text}”与代码 {code} 的级别（{}）不符",
                code.level().zh()
            ),
            en: format!("level \"{text}\" does not match the level of code {code}"),
        });
    }
    Ok(())
}

fn parse_flag(c: &Cell) -> Option<bool> {
    match c {
        Cell::Bool(b) => Some(*b),
        Cell::Number(f) if *f == 1.0 => Some(true),
        Cell::Number(f) if *f == 0.0 => Some(false),
        Cell::Text(s) => match s.trim().to_ascii_lowercase().as_str() {
            "是" | "1" | "true" | "y" | "yes" | "√" | "✓" => Some(true),
            "否" | "0" | "false" | "n" | "no" | "×" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

fn set_flag(flags: &mut Flags, f: FlagField, v: bool) {
    match f {
        FlagField::CountySeat => flags.county_seat = v,
        FlagField::Border => flags.border = v,
        FlagField::Historic => flags.historic = v,
        FlagField::KeyTown => flags.key_town = v,
        FlagField::Ethnic => flags.ethnic = v,
    }
}

/// Why a number cell was refused.
enum AmountError {
    /// Not a number at all (text, NaN, an Excel error value).
    NotNumber(String),
    /// A number, but beyond what an [`Amount`] holds.
    OutOfRange(String),
}

/// A number as written in tables ("12345", "42.21", "1,234.5", "2.24万"); `None` unless a
/// finite number.
fn parse_number(t: &str) -> Option<f64> {
    let t = t.trim().replace([',', '，', ' '], "");
    let (num, mult) = match t.strip_suffix('万') {
        Some(n) => (n.to_string(), 10_000.0),
        None => (t, 1.0),
    };
    // Rust accepts "inf" and "NaN": no table means those as numbers.
    if !num.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: f64 = num.parse().ok()?;
    v.is_finite().then_some(v * mult)
}

/// A number cell: `Ok(None)` for "-" / "—" / "／" (no value).
fn parse_amount(c: &Cell, (num, den): (i64, i64)) -> Result<Option<Amount>, AmountError> {
    let range = || AmountError::OutOfRange(c.text());
    let v = match c {
        Cell::Number(f) if f.is_finite() => *f,
        Cell::Text(s) => {
            let t = s.trim();
            if ["-", "—", "－", "/", "／", "--"].contains(&t) {
                return Ok(None);
            }
            parse_number(t).ok_or_else(|| AmountError::NotNumber(t.to_string()))?
        }
        Cell::Empty => return Ok(None),
        other => return Err(AmountError::NotNumber(other.text())),
    };
    let a = Amount::from_f64(v).ok_or_else(range)?;
    if (num, den) == (1, 1) {
        return Ok(Some(a));
    }
    let v = i128::from(a.0) * i128::from(num);
    let d = i128::from(den);
    let q = (v + v.signum() * d / 2) / d;
    i64::try_from(q)
        .ok()
        .and_then(|q| Amount::from_f64(Amount(q).to_f64()))
        .map(Some)
        .ok_or_else(range)
}

/// Rows by code, with the row number of the first occurrence; the first duplicate is an error.
pub(crate) fn index_rows(table: &SurveyTable) -> Result<HashMap<DivisionCode, usize>, IoError> {
    let mut index = HashMap::with_capacity(table.rows.len());
    for (i, r) in table.rows.iter().enumerate() {
        if let Some(prev) = index.insert(r.code, i) {
            return Err(IoError::DuplicateCode {
                loc: table.loc(r.row, table.columns.code),
                code: r.code,
                first_row: table.rows[prev].row,
            });
        }
    }
    Ok(index)
}
