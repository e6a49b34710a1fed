//! Reading asset and debt ledgers.

use super::columns::{ASSET_COLS, Col, DEBT_COLS, Layout, is_header, layout};
use crate::error::{IoError, Loc};
use crate::table::{GridCell as Cell, SheetGrid as Grid, csv_grid, workbook_grid};
use quhua_core::attr::Amount;
use quhua_core::date::Date;
use quhua_workflow::handover::{AssetItem, DebtItem, DebtKind, Money};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// An asset ledger as read.
#[derive(Debug, Clone, PartialEq)]
pub struct AssetTable {
    /// The file.
    pub path: PathBuf,
    /// Sheet (workbooks).
    pub sheet: Option<String>,
    /// Spreadsheet row of the header.
    pub header_row: usize,
    /// The items, with their rows.
    pub items: Vec<AssetItem>,
    /// Skipped rows and unknown columns, Chinese / English.
    pub warnings: Vec<String>,
}

/// A debt/claim ledger as read.
#[derive(Debug, Clone, PartialEq)]
pub struct DebtTable {
    /// The file.
    pub path: PathBuf,
    /// Sheet (workbooks).
    pub sheet: Option<String>,
    /// Spreadsheet row of the header.
    pub header_row: usize,
    /// The items, with their rows.
    pub items: Vec<DebtItem>,
    /// Skipped rows and unknown columns.
    pub warnings: Vec<String>,
}

fn is_workbook(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["xlsx", "xlsm", "xlsb", "xls", "ods"]
            .iter()
            .any(|w| e.eq_ignore_ascii_case(w))
    })
}

pub(super) fn grid(path: &Path, sheet: Option<&str>) -> Result<Grid, IoError> {
    // The same expanded-size and cell limits as every other importer.
    let limits = crate::limits::ReadLimits::default();
    if is_workbook(path) {
        workbook_grid(path, sheet, &limits)
    } else {
        csv_grid(path, &limits)
    }
}

/// Reads an asset ledger (CSV/TXT, `.gz`, or the first sheet of a workbook). Required
/// columns: 资产编号 (asset_id), 资产名称 (asset_name), 资产类别 (category), 所属单位代码
/// (owner_code; 9-digit township or 12-digit village), 数量 (quantity), 原值 (original_value),
/// 净值 (net_value); optional: 计量单位 (measure_unit), 取得日期 (acquired), 存放地点
/// (location), 使用状况 (condition). Ids must be unique.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let p = dir.path().join("assets.csv");
/// std::fs::write(&p, "资产编号,资产名称,资产类别,所属单位代码,数量,原值（元）,净值（元）\n\
///     A1,办公楼,房屋及构筑物,130634200,1,\"1,200,000.00\",800000.5\n").unwrap();
/// let t = quhua_io::ledger::read_assets(&p).unwrap();
/// assert_eq!(t.items[0].net_value.0, 80_000_050);
/// std::fs::write(&p, "资产编号,资产名称,资产类别,所属单位代码,数量,原值,净值\nA1,楼,房屋,130634200,1,abc,1\n").unwrap();
/// let e = quhua_io::ledger::read_assets(&p).unwrap_err();
/// assert_eq!(e.loc().map(|l| (l.row, l.column.as_str())), Some((2, "原值")));
/// ```
pub fn read_assets(path: &Path) -> Result<AssetTable, IoError> {
    read_assets_from(path, None)
}

/// As [`read_assets`], from the named sheet.
pub fn read_assets_sheet(path: &Path, sheet: &str) -> Result<AssetTable, IoError> {
    read_assets_from(path, Some(sheet))
}

/// Reads a debt/claim ledger. Required columns: 编号 (id), 类别 (kind: 债务/债权, debt/claim),
/// 对方单位 (counterparty), 金额 (amount), 所属单位代码 (owner_code); optional 到期日 (due).
pub fn read_debts(path: &Path) -> Result<DebtTable, IoError> {
    read_debts_from(path, None)
}

/// As [`read_debts`], from the named sheet.
pub fn read_debts_sheet(path: &Path, sheet: &str) -> Result<DebtTable, IoError> {
    read_debts_from(path, Some(sheet))
}

pub(super) struct Rows<'a> {
    path: &'a Path,
    pub(super) lay: Layout,
    pub(super) header_row: usize,
    pub(super) warnings: Vec<String>,
}

pub(super) fn prepare<'a>(
    path: &'a Path,
    g: &Grid,
    cols: &[Col],
) -> Result<(Rows<'a>, usize), IoError> {
    let header_pos = g
        .rows
        .iter()
        .take(20)
        .position(|(_, cells)| is_header(&cells.iter().map(Cell::text).collect::<Vec<_>>(), cols))
        .ok_or_else(|| IoError::NoHeader {
            path: path.to_path_buf(),
            expected: cols[0].aliases.join("/"),
            found: g
                .rows
                .iter()
                .take(3)
                .map(|(_, c)| c.iter().map(Cell::text).collect::<Vec<_>>().join(","))
                .collect::<Vec<_>>()
                .join(" | "),
        })?;
    let (header_row, cells) = &g.rows[header_pos];
    let headers: Vec<String> = cells.iter().map(Cell::text).collect();
    let lay = layout(path, &headers, cols)?;
    let mut warnings = Vec::new();
    if !lay.unknown.is_empty() {
        warnings.push(format!(
            "{}：以下列无法识别，已忽略：{} / {}: unrecognised columns ignored: {}",
            path.display(),
            lay.unknown.join("、"),
            path.display(),
            lay.unknown.join(", ")
        ));
    }
    Ok((
        Rows {
            path,
            lay,
            header_row: *header_row,
            warnings,
        },
        header_pos,
    ))
}

const TOTAL_WORDS: [&str; 4] = ["合计", "总计", "小计", "total"];

impl Rows<'_> {
    pub(super) fn loc(&self, row: usize, k: usize, cols: &[Col]) -> Loc {
        let col = self.lay.pos[k].unwrap_or(0);
        let column = self
            .lay
            .headers
            .get(col)
            .map(|h| crate::columns::split_unit(h).0.to_string())
            .filter(|_| self.lay.pos[k].is_some())
            .unwrap_or_else(|| cols[k].name.to_string());
        Loc::new(self.path, row, column, col)
    }

    /// Whether to skip the row; warns for total and note rows.
    pub(super) fn skip(&mut self, row: usize, cells: &[Cell]) -> bool {
        let non_blank: Vec<&Cell> = cells.iter().filter(|c| !c.is_blank()).collect();
        if non_blank.is_empty() {
            return true;
        }
        let id = self.lay.pos[0]
            .and_then(|i| cells.get(i))
            .map(Cell::text)
            .unwrap_or_default();
        let why = if id.is_empty()
            && cells.iter().any(|c| {
                TOTAL_WORDS
                    .iter()
                    .any(|w| c.text().replace([' ', '　'], "").eq_ignore_ascii_case(w))
            }) {
            "合计行 / total row"
        } else if non_blank.len() == 1 {
            "说明行 / note row"
        } else {
            return false;
        };
        self.warnings.push(format!(
            "{} 第 {row} 行已跳过（{why}）/ {} row {row} skipped ({why})",
            self.path.display(),
            self.path.display()
        ));
        true
    }

    pub(super) fn text(&self, cells: &[Cell], k: usize) -> String {
        self.lay.pos[k]
            .and_then(|i| cells.get(i))
            .map(Cell::text)
            .unwrap_or_default()
    }

    pub(super) fn required(
        &self,
        row: usize,
        cells: &[Cell],
        k: usize,
        cols: &[Col],
    ) -> Result<String, IoError> {
        let t = self.text(cells, k);
        if t.is_empty() {
            return Err(IoError::Invalid {
                loc: self.loc(row, k, cols),
                zh: format!("“{}”不能为空", cols[k].name),
                en: format!("\"{}\" must not be empty", cols[k].name),
            });
        }
        Ok(t)
    }

    pub(super) fn optional(&self, cells: &[Cell], k: usize) -> Option<String> {
        Some(self.text(cells, k)).filter(|t| !t.is_empty())
    }

    fn money(&self, row: usize, cells: &[Cell], k: usize, cols: &[Col]) -> Result<Money, IoError> {
        let t = self.required(row, cells, k, cols)?;
        let cell = self.lay.pos[k].and_then(|i| cells.get(i));
        let text = match cell {
            Some(Cell::Number(f)) => format!("{f}"),
            _ => t.clone(),
        };
        Money::parse(&text, self.lay.scale[k]).ok_or_else(|| IoError::BadNumber {
            loc: self.loc(row, k, cols),
            value: t,
        })
    }

    pub(super) fn owner(
        &self,
        row: usize,
        cells: &[Cell],
        k: usize,
        cols: &[Col],
    ) -> Result<String, IoError> {
        let t = self.required(row, cells, k, cols)?;
        if !(t.len() == 9 || t.len() == 12) || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IoError::Invalid {
                loc: self.loc(row, k, cols),
                zh: format!("所属单位代码“{t}”应为9位乡镇代码或12位村级代码"),
                en: format!(
                    "owner code \"{t}\" must be a 9-digit township or 12-digit village code"
                ),
            });
        }
        Ok(t)
    }

    pub(super) fn date(
        &self,
        row: usize,
        cells: &[Cell],
        k: usize,
        cols: &[Col],
    ) -> Result<Option<String>, IoError> {
        let Some(t) = self.optional(cells, k) else {
            return Ok(None);
        };
        parse_date(&t)
            .map(|d| Some(d.to_string()))
            .ok_or_else(|| IoError::Invalid {
                loc: self.loc(row, k, cols),
                zh: format!("“{t}”不是日期（可用 2020-01-31、2020/1/31、2020年1月31日）"),
                en: format!("\"{t}\" is not a date (use 2020-01-31, 2020/1/31 or 2020年1月31日)"),
            })
    }

    pub(super) fn check_unique(
        &self,
        ids: &mut HashMap<String, usize>,
        id: &str,
        row: usize,
        cols: &[Col],
    ) -> Result<(), IoError> {
        if let Some(first) = ids.insert(id.to_string(), row) {
            return Err(IoError::Invalid {
                loc: self.loc(row, 0, cols),
                zh: format!("编号“{id}”重复（首次出现于第 {first} 行）"),
                en: format!("duplicate id \"{id}\" (first at row {first})"),
            });
        }
        Ok(())
    }
}

/// A date as written in ledgers: ISO, with slashes or dots, in Chinese, a date-time, or an
/// Excel serial day number.
pub(crate) fn parse_date(t: &str) -> Option<Date> {
    let t = t.trim();
    let head = t.split([' ', 'T']).next().unwrap_or(t);
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"] {
        if let Ok(d) = Date::parse_from_str(head, f) {
            return Some(d);
        }
    }
    if let Ok(n) = head.parse::<f64>()
        && n.fract() == 0.0
        && (1.0..=2_958_465.0).contains(&n)
        && head.len() <= 7
    {
        // Excel's day 0 is 1899-12-30 (day 693,594 of the common era).
        return Date::from_num_days_from_ce_opt(693_594 + n as i32);
    }
    None
}

fn read_assets_from(path: &Path, sheet: Option<&str>) -> Result<AssetTable, IoError> {
    let g = grid(path, sheet)?;
    let cols = &ASSET_COLS;
    let (mut r, header_pos) = prepare(path, &g, cols)?;
    let mut items = Vec::with_capacity(g.rows.len());
    let mut ids = HashMap::with_capacity(g.rows.len());
    for (row, cells) in &g.rows[header_pos + 1..] {
        let row = *row;
        if r.skip(row, cells) {
            continue;
        }
        let id = r.required(row, cells, 0, cols)?;
        r.check_unique(&mut ids, &id, row, cols)?;
        let qty_text = r.required(row, cells, 4, cols)?;
        let quantity = match r.lay.pos[4].and_then(|i| cells.get(i)) {
            Some(Cell::Number(f)) => Amount::from_f64(*f),
            _ => Amount::parse(&qty_text),
        }
        .ok_or_else(|| IoError::BadNumber {
            loc: r.loc(row, 4, cols),
            value: qty_text.clone(),
        })?;
        items.push(AssetItem {
            name: r.required(row, cells, 1, cols)?,
            category: r.required(row, cells, 2, cols)?,
            owner: r.owner(row, cells, 3, cols)?,
            quantity,
            original_value: r.money(row, cells, 5, cols)?,
            net_value: r.money(row, cells, 6, cols)?,
            measure_unit: r.optional(cells, 7),
            acquired: r.date(row, cells, 8, cols)?,
            location: r.optional(cells, 9),
            condition: r.optional(cells, 10),
            row,
            id,
        });
    }
    Ok(AssetTable {
        path: path.to_path_buf(),
        sheet: g.sheet.clone(),
        header_row: r.header_row,
        items,
        warnings: r.warnings,
    })
}

fn read_debts_from(path: &Path, sheet: Option<&str>) -> Result<DebtTable, IoError> {
    let g = grid(path, sheet)?;
    let cols = &DEBT_COLS;
    let (mut r, header_pos) = prepare(path, &g, cols)?;
    let mut items = Vec::new();
    let mut ids = HashMap::new();
    for (row, cells) in &g.rows[header_pos + 1..] {
        let row = *row;
        if r.skip(row, cells) {
            continue;
        }
        let id = r.required(row, cells, 0, cols)?;
        r.check_unique(&mut ids, &id, row, cols)?;
        let k = r.required(row, cells, 1, cols)?;
        let kind = DebtKind::parse(&k).ok_or_else(|| IoError::Invalid {
            loc: r.loc(row, 1, cols),
            zh: format!("类别“{k}”应为“债务”或“债权”"),
            en: format!("kind \"{k}\" must be 债务 (debt) or 债权 (claim)"),
        })?;
        items.push(DebtItem {
            kind,
            counterparty: r.required(row, cells, 2, cols)?,
            amount: r.money(row, cells, 3, cols)?,
            due: r.date(row, cells, 4, cols)?,
            owner: r.owner(row, cells, 5, cols)?,
            row,
            id,
        });
    }
    Ok(DebtTable {
        path: path.to_path_buf(),
        sheet: g.sheet.clone(),
        header_row: r.header_row,
        items,
        warnings: r.warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let d = |s| parse_date(s).map(|d| d.to_string());
        assert_eq!(d("2020-01-31"), Some("2020-01-31".into()));
        assert_eq!(d("2020/1/31"), Some("2020-01-31".into()));
        assert_eq!(d("2020年1月31日"), Some("2020-01-31".into()));
        assert_eq!(d("2020-01-31 00:00:00"), Some("2020-01-31".into()));
        assert_eq!(d("43831"), Some("2020-01-01".into()));
        assert_eq!(d("下月"), None);
    }
}
