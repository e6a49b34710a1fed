//! Yearly statistics tables (统计表) of townships, from CSV or XLSX, as observations.
//!
//! Two layouts, Chinese headers with English aliases:
//! - **wide**: 代码/code, optional 名称/name, 年份/year, then one column per indicator, its
//!   unit of measure in parentheses: `代码,名称,年份,户籍人口（人）,地区生产总值（万元）`;
//! - **long**: 代码/code, 年份/year, 指标/indicator, 数值/value, optional 单位/unit and
//!   性质/nature (总量 extensive / 均量 intensive).
//!
//! Built-in attribute names (户籍人口, 面积, 地区生产总值 …) are mapped to their keys and
//! units. Blank cells are skipped; anything else that is not a number is an error naming the
//! file, row and column. All-or-nothing: on an error nothing is returned.

use crate::columns::{CODE_ALIASES, NAME_ALIASES, find_column, split_unit};
use crate::error::{IoError, Loc};
use crate::nbs::parse_code;
use crate::table::grid::{self, Cell};
use quhua_core::DivisionCode;
use quhua_core::attr::{Amount, find_def};
use std::path::{Path, PathBuf};

/// Headers accepted for the year column.
pub const YEAR_ALIASES: &[&str] = &["年份", "年度", "统计年度", "year", "period"];
/// Headers accepted for the indicator column (long layout).
pub const INDICATOR_ALIASES: &[&str] = &["指标", "指标名称", "indicator"];
/// Headers accepted for the value column (long layout).
pub const VALUE_ALIASES: &[&str] = &["数值", "值", "value"];
/// Headers accepted for the unit-of-measure column (long layout).
pub const UNIT_ALIASES: &[&str] = &["单位", "计量单位", "unit"];
/// Headers accepted for the nature column (long layout).
pub const NATURE_ALIASES: &[&str] = &["性质", "指标性质", "nature"];

/// One figure read, with where it was.
#[derive(Debug, Clone, PartialEq)]
pub struct ObservationRow {
    /// Spreadsheet row.
    pub row: usize,
    /// Unit code.
    pub code: DivisionCode,
    /// Name as written (may be empty).
    pub name: String,
    /// Indicator key (built-in key when the name is a built-in attribute).
    pub indicator: String,
    /// Year.
    pub period: i32,
    /// Value.
    pub value: Amount,
    /// Unit of measure.
    pub unit: String,
    /// Nature as written (long layout), if any.
    pub nature: Option<String>,
}

/// A statistics table as read.
#[derive(Debug, Clone, PartialEq)]
pub struct ObservationSheet {
    /// The file.
    pub path: PathBuf,
    /// The sheet (workbooks).
    pub sheet: Option<String>,
    /// The figures, in file order.
    pub rows: Vec<ObservationRow>,
}

fn is_workbook(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["xlsx", "xlsm", "xlsb", "xls", "ods"]
            .iter()
            .any(|w| e.eq_ignore_ascii_case(w))
    })
}

/// Reads a statistics table (see the module docs).
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let p = dir.path().join("t.csv");
/// std::fs::write(&p, "代码,名称,年份,地区生产总值（万元）\n130634100000,恒州镇,2024,\"12,345.5\"\n").unwrap();
/// let s = quhua_io::read_observations(&p).unwrap();
/// assert_eq!(s.rows[0].indicator, "gdp");
/// assert_eq!(s.rows[0].value.to_string(), "12345.5");
/// ```
pub fn read_observations(path: &Path) -> Result<ObservationSheet, IoError> {
    let grid = if is_workbook(path) {
        grid::workbook_grid(path, None, &crate::limits::ReadLimits::default())?
    } else {
        grid::csv_grid(path, &crate::limits::ReadLimits::default())?
    };
    let header_pos = grid
        .rows
        .iter()
        .take(20)
        .position(|(_, cells)| {
            let h: Vec<String> = cells.iter().map(Cell::text).collect();
            find_column(&h, CODE_ALIASES).is_some() && find_column(&h, YEAR_ALIASES).is_some()
        })
        .ok_or_else(|| IoError::NoHeader {
            path: path.to_path_buf(),
            expected: format!("{} + {}", CODE_ALIASES.join("/"), YEAR_ALIASES.join("/")),
            found: grid
                .rows
                .iter()
                .take(3)
                .map(|(_, c)| c.iter().map(Cell::text).collect::<Vec<_>>().join(","))
                .collect::<Vec<_>>()
                .join(" | "),
        })?;
    let (_, header_cells) = &grid.rows[header_pos];
    let headers: Vec<String> = header_cells.iter().map(Cell::text).collect();
    let code_c = find_column(&headers, CODE_ALIASES).unwrap_or(0);
    let year_c = find_column(&headers, YEAR_ALIASES).unwrap_or(0);
    let name_c = find_column(&headers, NAME_ALIASES);
    let ind_c = find_column(&headers, INDICATOR_ALIASES);
    let val_c = find_column(&headers, VALUE_ALIASES);
    let unit_c = find_column(&headers, UNIT_ALIASES);
    let nat_c = find_column(&headers, NATURE_ALIASES);
    let long = ind_c.is_some() || val_c.is_some();
    if long && (ind_c.is_none() || val_c.is_none()) {
        let missing = if ind_c.is_none() { "指标" } else { "数值" };
        return Err(IoError::MissingColumn {
            path: path.to_path_buf(),
            column: missing.into(),
            found: headers.join(", "),
        });
    }
    // Wide layout: indicator columns are every other non-empty header.
    let fixed = [Some(code_c), Some(year_c), name_c];
    let wide: Vec<(usize, String, String)> = if long {
        Vec::new()
    } else {
        headers
            .iter()
            .enumerate()
            .filter(|(i, h)| !h.is_empty() && !fixed.contains(&Some(*i)))
            .map(|(i, h)| {
                let (name, unit) = split_unit(h);
                let (key, unit) = indicator_key(name, unit);
                (i, key, unit)
            })
            .collect()
    };
    if !long && wide.is_empty() {
        return Err(IoError::MissingColumn {
            path: path.to_path_buf(),
            column: "指标列 / indicator columns".into(),
            found: headers.join(", "),
        });
    }
    let loc = |row: usize, col: usize| {
        Loc::new(
            path,
            row,
            headers.get(col).cloned().unwrap_or_default(),
            col,
        )
    };
    let text = |cells: &[Cell], c: usize| cells.get(c).map(Cell::text).unwrap_or_default();
    let mut rows = Vec::new();
    for (row, cells) in &grid.rows[header_pos + 1..] {
        if cells.iter().all(Cell::is_blank) {
            continue;
        }
        let raw_code = text(cells, code_c);
        if raw_code.is_empty() {
            let name = name_c.map(|c| text(cells, c)).unwrap_or_default();
            if ["合计", "总计", "小计", "total"]
                .iter()
                .any(|w| name.contains(w))
            {
                continue;
            }
        }
        let code = parse_code(&raw_code, || loc(*row, code_c))?;
        let raw_year = text(cells, year_c);
        let period = parse_year(&raw_year).ok_or_else(|| IoError::Invalid {
            loc: loc(*row, year_c),
            zh: format!("年份“{raw_year}”无效（应为四位年份，如 2024）"),
            en: format!("year \"{raw_year}\" is not valid (a four-digit year, e.g. 2024)"),
        })?;
        let name = name_c.map(|c| text(cells, c)).unwrap_or_default();
        if let (Some(ic), Some(vc)) = (ind_c, val_c) {
            let raw_ind = text(cells, ic);
            if raw_ind.is_empty() {
                return Err(IoError::Invalid {
                    loc: loc(*row, ic),
                    zh: "指标名称为空".into(),
                    en: "the indicator is empty".into(),
                });
            }
            let (iname, iunit) = split_unit(&raw_ind);
            let written_unit = unit_c.map(|c| text(cells, c)).filter(|u| !u.is_empty());
            let (key, unit) = indicator_key(iname, written_unit.as_deref().or(iunit));
            let raw = text(cells, vc);
            if raw.is_empty() {
                continue;
            }
            let value = number(&raw, || loc(*row, vc))?;
            let nature = nat_c.map(|c| text(cells, c)).filter(|n| !n.is_empty());
            if let (Some(n), Some(c)) = (&nature, nat_c)
                && ![
                    "总量",
                    "均量",
                    "强度",
                    "比率",
                    "extensive",
                    "intensive",
                    "sum",
                    "mean",
                    "rate",
                    "total",
                ]
                .contains(&n.to_lowercase().as_str())
            {
                return Err(IoError::Invalid {
                    loc: loc(*row, c),
                    zh: format!("性质“{n}”无法识别（可用 总量/均量）"),
                    en: format!("nature \"{n}\" is unknown (use extensive/intensive)"),
                });
            }
            rows.push(ObservationRow {
                row: *row,
                code,
                name,
                indicator: key,
                period,
                value,
                unit,
                nature,
            });
        } else {
            for (c, key, unit) in &wide {
                let raw = text(cells, *c);
                if raw.is_empty() {
                    continue;
                }
                let value = number(&raw, || loc(*row, *c))?;
                rows.push(ObservationRow {
                    row: *row,
                    code,
                    name: name.clone(),
                    indicator: key.clone(),
                    period,
                    value,
                    unit: unit.clone(),
                    nature: None,
                });
            }
        }
    }
    Ok(ObservationSheet {
        path: path.to_path_buf(),
        sheet: grid.sheet,
        rows,
    })
}

fn parse_year(s: &str) -> Option<i32> {
    let t = s.trim().trim_end_matches('年');
    let y: i32 = t.parse().ok()?;
    (1949..=2200).contains(&y).then_some(y)
}

fn number(raw: &str, loc: impl Fn() -> Loc) -> Result<Amount, IoError> {
    Amount::parse(raw).ok_or_else(|| IoError::BadNumber {
        loc: loc(),
        value: raw.to_string(),
    })
}

/// A built-in attribute's key and unit for its Chinese name or key; else the name as written.
fn indicator_key(name: &str, unit: Option<&str>) -> (String, String) {
    match find_def(name) {
        Some(d) => (d.key, unit.map(str::to_string).unwrap_or(d.unit)),
        None => (name.trim().to_string(), unit.unwrap_or("").to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join(name);
        std::fs::write(&p, text).unwrap();
        (d, p)
    }

    #[test]
    fn long_layout_with_english_headers() {
        let (_d, p) = write(
            "l.csv",
            "code,year,indicator,value,unit,nature\n130634100000,2024,人均可支配收入,18000,元,均量\n130634100000,2024,gdp,5,,\n",
        );
        let s = read_observations(&p).unwrap();
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.rows[0].nature.as_deref(), Some("均量"));
        assert_eq!(s.rows[1].unit, "万元");
    }

    #[test]
    fn errors_name_file_row_and_column() {
        let (_d, p) = write(
            "w.csv",
            "代码,年份,地区生产总值（万元）\n130634100000,2024,12\n130634101000,2024,十二\n",
        );
        let e = read_observations(&p).unwrap_err().to_string();
        assert!(
            e.contains("第 3 行") && e.contains("第 C 列") && e.contains("地区生产总值"),
            "{e}"
        );
        assert!(e.contains("w.csv"), "{e}");
        let (_d, p) = write("y.csv", "代码,年份,gdp\n130634100000,24年,1\n");
        let e = read_observations(&p).unwrap_err().to_string();
        assert!(e.contains("第 2 行") && e.contains("年份"), "{e}");
        let (_d, p) = write("n.csv", "名称,gdp\n甲,1\n");
        assert!(matches!(
            read_observations(&p),
            Err(IoError::NoHeader { .. })
        ));
    }
}
