//! 清产核资 ledgers from CSV or XLSX: asset items, and debts and claims; and the other
//! handover tables: the cadre roster ([`read_roster`]) and the service points ([`read_services`]).
//!
//! The header row is the first of the first 20 rows holding the id column (资产编号 / 编号),
//! so title rows above it are fine. Headers are matched in Chinese or by English alias
//! (see [`read_assets`], [`read_debts`]); money columns may say their unit in parentheses
//! ("原值（元）", "金额（万元）") and are read exactly into 分. Blank rows, total rows
//! (合计/总计/小计) and single-cell note rows (a "示意数据" footnote) are skipped with a
//! warning. Any bad cell is an error naming the file, the spreadsheet row and the column,
//! and nothing is returned.

mod columns;
mod hotline;
mod people;
mod plan;
mod read;
mod write;

pub use hotline::{HotlineRow, HotlineTable, read_hotline};
pub use people::{RosterTable, ServiceTable, read_roster, read_services};
pub use plan::{plan_workbook, read_plan_workbook};
pub use read::{
    AssetTable, DebtTable, read_assets, read_assets_sheet, read_debts, read_debts_sheet,
};
pub use write::{asset_table, debt_table};
