//! quhua-io: files in and out.
//!
//! - [`text`]: text files in UTF-8 (± BOM) or GBK/GB18030, `.gz` transparently;
//! - [`nbs`]: the national code list (国家统计局 统计用区划代码) into [`RawUnit`]s, and plain
//!   code lists for `quhua codes diff`;
//! - [`table`]: survey tables (摸底表) from CSV/XLSX, as an initial list or as attribute updates;
//! - [`ledger`]: handover tables (清产核资 asset and debt ledgers, roster, service points);
//! - [`export`]: tables to CSV (UTF-8 with BOM) and XLSX;
//! - [`IoError`]: every error, Chinese first, naming the file, row and column.
//!
//! Readers are all-or-nothing: on an error nothing is returned and nothing is changed.
//!
//! [`RawUnit`]: quhua_core::registry::RawUnit

pub mod check;
mod columns;
pub mod error;
pub mod export;
mod kinds;
pub mod ledger;
pub mod limits;
pub mod nbs;
pub mod observations;
mod rows;
pub mod table;
pub mod text;

pub use check::Plausibility;
pub use error::{IoError, Loc};
pub use export::{ExportCell, ExportTable, write_csv, write_xlsx, write_xlsx_sheets};
pub use limits::ReadLimits;
pub use nbs::{
    KindStats, LevelCounts, NbsList, Placeholder, read_code_list, read_code_list_with,
    read_nbs_dir, read_nbs_dir_with,
};
pub use observations::{ObservationRow, ObservationSheet, read_observations};
pub use table::{
    AttrUpdateReport, ReadOptions, SeatRef, SurveyRow, SurveyTable, TableColumns,
    apply_table_attrs, read_table, read_table_sheet, read_table_with, table_to_builder,
};
pub use text::{DecodedText, TextEncoding, read_text};
