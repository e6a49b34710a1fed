//! The one error type of quhua-io. Messages are Chinese first, then English, and always
//! name the file; where a row and column are known they are named too.
//!
//! Row numbers are spreadsheet row numbers: the line as Excel would show it, counting the
//! header row (and any title rows above it). In a plain CSV the header is row 1, so the
//! first data row is row 2.

use quhua_codes::{CodeError, DivisionCode};
use quhua_core::registry::RegistryError;
use std::path::PathBuf;

/// Where in a file a problem is: the file, the spreadsheet row, and the column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loc {
    /// The file.
    pub path: PathBuf,
    /// Spreadsheet row number (header rows counted; a CSV's header is row 1).
    pub row: usize,
    /// Column header as written in the file (or a placeholder for headerless files).
    pub column: String,
    /// 0-based column index (shown as a spreadsheet letter: A, B, …).
    pub col: usize,
}

impl Loc {
    /// A location.
    pub fn new(
        path: impl Into<PathBuf>,
        row: usize,
        column: impl Into<String>,
        col: usize,
    ) -> Self {
        Loc {
            path: path.into(),
            row,
            column: column.into(),
            col,
        }
    }
}

impl std::fmt::Display for Loc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}[{}]",
            self.path.display(),
            self.row,
            col_letter(self.col),
            self.column
        )
    }
}

/// Spreadsheet column letters for a 0-based index (0 → A, 26 → AA).
pub fn col_letter(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

/// Chinese and English location phrase used inside messages.
fn at_zh(l: &Loc) -> String {
    format!(
        "{} 第 {} 行（行号含表头行，与 Excel 显示一致）第 {} 列“{}”",
        l.path.display(),
        l.row,
        col_letter(l.col),
        l.column
    )
}

fn at_en(l: &Loc) -> String {
    format!(
        "{} row {} (spreadsheet row, header rows counted), column {} \"{}\"",
        l.path.display(),
        l.row,
        col_letter(l.col),
        l.column
    )
}

/// One half of a bilingual "中文 / English" message (0 = Chinese, 1 = English).
fn half(m: &impl std::fmt::Display, i: usize) -> String {
    let s = m.to_string();
    match s.split_once(" / ") {
        Some((zh, en)) => if i == 0 { zh } else { en }.to_string(),
        None => s,
    }
}

/// The reason of a range or plausibility error, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Why {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Why {
    /// A reason.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Box<Self> {
        Box::new(Why {
            zh: zh.into(),
            en: en.into(),
        })
    }
}

/// Every failure of reading or writing a file. Nothing is half-built when one is returned.
#[derive(Debug, thiserror::Error)]
pub enum IoError {
    /// The file could not be opened, read or written.
    #[error("无法读写文件 {}：{source} / cannot read or write {}: {source}", path.display(), path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// A `.gz` file is not valid gzip.
    #[error("{} 不是有效的 gzip 压缩文件：{source} / {} is not valid gzip: {source}", path.display(), path.display())]
    Gzip {
        /// The file.
        path: PathBuf,
        /// The decompression error.
        source: std::io::Error,
    },
    /// Neither UTF-8 nor GBK/GB18030.
    #[error(
        "{} 的编码无法识别：不是 UTF-8（第 {utf8_offset} 字节起无效），也不是 GBK/GB18030（第 {gbk_offset} 字节起无效）；请另存为 UTF-8 / {} is neither UTF-8 (invalid from byte offset {utf8_offset}) nor GBK/GB18030 (invalid from byte offset {gbk_offset}); save it as UTF-8",
        path.display(),
        path.display()
    )]
    Encoding {
        /// The file.
        path: PathBuf,
        /// 0-based byte offset (in the decompressed bytes) of the first invalid UTF-8 sequence.
        utf8_offset: usize,
        /// 0-based byte offset of the first invalid GBK/GB18030 sequence.
        gbk_offset: usize,
    },
    /// The CSV structure itself is broken.
    #[error("{} 第 {row} 行 CSV 格式错误：{message} / {} row {row}: malformed CSV: {message}", path.display(), path.display())]
    Csv {
        /// The file.
        path: PathBuf,
        /// Spreadsheet row (header = row 1), 0 when unknown.
        row: usize,
        /// The parser's message.
        message: String,
    },
    /// An XLSX/XLS/ODS workbook could not be read (truncated, not a workbook …).
    #[error("无法读取工作簿 {}：{message} / cannot read workbook {}: {message}", path.display(), path.display())]
    Workbook {
        /// The file.
        path: PathBuf,
        /// The reader's message.
        message: String,
    },
    /// A named sheet is not in the workbook.
    #[error("工作簿 {} 中没有工作表“{sheet}”（现有：{found}） / workbook {} has no sheet \"{sheet}\" (found: {found})", path.display(), path.display())]
    SheetNotFound {
        /// The file.
        path: PathBuf,
        /// The sheet asked for.
        sheet: String,
        /// The sheets present, comma-separated.
        found: String,
    },
    /// The workbook or file is empty, or no header row with a code column was found.
    #[error("{} 中找不到含代码列的表头行（应有“{expected}”之一；前几行为：{found}） / {} has no header row with a code column (expected one of: {expected}; first rows: {found})", path.display(), path.display())]
    NoHeader {
        /// The file.
        path: PathBuf,
        /// Accepted code headers.
        expected: String,
        /// What the first rows hold.
        found: String,
    },
    /// A required column is missing.
    #[error("{} 缺少列“{column}”（现有列：{found}） / {} is missing column \"{column}\" (columns found: {found})", path.display(), path.display())]
    MissingColumn {
        /// The file.
        path: PathBuf,
        /// The missing column.
        column: String,
        /// The columns present, comma-separated.
        found: String,
    },
    /// A code that does not parse (non-numeric, wrong length, malformed).
    #[error(
        "{}：{} / {}: {}",
        at_zh(loc),
        half(reason, 0),
        at_en(loc),
        half(reason, 1)
    )]
    BadCode {
        /// Where.
        loc: Loc,
        /// The text found.
        value: String,
        /// Why.
        reason: CodeError,
    },
    /// A code of the wrong length for this file (e.g. 8 digits in streets.csv).
    #[error(
        "{}：代码“{value}”为 {found} 位，应为 {expected} 位 / {}: code \"{value}\" has {found} digits; expected {expected}",
        at_zh(loc),
        at_en(loc)
    )]
    CodeLength {
        /// Where.
        loc: Loc,
        /// The text found.
        value: String,
        /// Digits expected.
        expected: usize,
        /// Digits found.
        found: usize,
    },
    /// A code that does not begin with its parent's code.
    #[error(
        "{}：代码 {code} 与上级代码 {parent} 不符（前缀不一致） / {}: code {code} does not lie within parent {parent}",
        at_zh(loc),
        at_en(loc)
    )]
    PrefixMismatch {
        /// Where (the parent column).
        loc: Loc,
        /// The unit's code.
        code: DivisionCode,
        /// The parent code given.
        parent: DivisionCode,
    },
    /// A parent code that is not in the parent list.
    #[error(
        "{}：上级代码 {parent} 不在名录中 / {}: parent code {parent} is not in the list",
        at_zh(loc),
        at_en(loc)
    )]
    UnknownParent {
        /// Where (the parent column).
        loc: Loc,
        /// The parent code.
        parent: DivisionCode,
    },
    /// A code listed twice.
    #[error(
        "{}：代码 {code} 重复（首次出现于第 {first_row} 行） / {}: duplicate code {code} (first at row {first_row})",
        at_zh(loc),
        at_en(loc)
    )]
    DuplicateCode {
        /// Where (the second occurrence).
        loc: Loc,
        /// The code.
        code: DivisionCode,
        /// Row of the first occurrence.
        first_row: usize,
    },
    /// An empty name.
    #[error("{}：名称为空 / {}: the name is empty", at_zh(loc), at_en(loc))]
    EmptyName {
        /// Where.
        loc: Loc,
    },
    /// A value that is not a number.
    #[error(
        "{}：“{value}”不是数值 / {}: \"{value}\" is not a number",
        at_zh(loc),
        at_en(loc)
    )]
    BadNumber {
        /// Where.
        loc: Loc,
        /// The text found.
        value: String,
    },
    /// A flag value that is not yes/no.
    #[error(
        "{}：“{value}”不是是/否值（可用 是/否、1/0、true/false、Y/N） / {}: \"{value}\" is not yes/no (use 是/否, 1/0, true/false, Y/N)",
        at_zh(loc),
        at_en(loc)
    )]
    BadFlag {
        /// Where.
        loc: Loc,
        /// The text found.
        value: String,
    },
    /// A kind (类型) that is unknown or does not fit the code's level.
    #[error(
        "{}：类型“{value}”无法识别或与代码 {code} 的级别不符 / {}: kind \"{value}\" is unknown or does not fit the level of code {code}",
        at_zh(loc),
        at_en(loc)
    )]
    BadKind {
        /// Where.
        loc: Loc,
        /// The text found.
        value: String,
        /// The row's code.
        code: DivisionCode,
    },
    /// A unit given in a column's header whose unit of measure cannot be converted.
    #[error("{} 第 {col_letter} 列“{column}”：单位“{unit}”无法换算为 {expected} / {} column {col_letter} \"{column}\": unit \"{unit}\" cannot be converted to {expected}", path.display(), path.display())]
    BadUnit {
        /// The file.
        path: PathBuf,
        /// The column header.
        column: String,
        /// Column letter.
        col_letter: String,
        /// Unit written in the header.
        unit: String,
        /// The attribute's unit.
        expected: String,
    },
    /// A seat (驻地) that names no village of the township.
    #[error(
        "{}：驻地“{value}”不是本乡镇所辖村（居） / {}: seat \"{value}\" is not one of this township's villages",
        at_zh(loc),
        at_en(loc)
    )]
    BadSeat {
        /// Where.
        loc: Loc,
        /// The text found.
        value: String,
    },
    /// A row that contradicts itself or the table (code vs code12, level vs code …).
    #[error("{}：{zh} / {}: {en}", at_zh(loc), at_en(loc))]
    Invalid {
        /// Where.
        loc: Loc,
        /// Chinese.
        zh: String,
        /// English.
        en: String,
    },
    /// A code with no unit in force in the registry.
    #[error(
        "{}：代码 {code} 在名录中无现行单位 / {}: no unit in force carries code {code}",
        at_zh(loc),
        at_en(loc)
    )]
    UnknownUnit {
        /// Where.
        loc: Loc,
        /// The code.
        code: DivisionCode,
    },
    /// The registry refused the data.
    #[error("{}：{source}", path.display())]
    Registry {
        /// The file the data came from.
        path: PathBuf,
        /// The registry's error.
        source: RegistryError,
    },
    /// A file, or what it expands to (gzip, the parts of an XLSX/ODS zip), is larger than
    /// the reader's limit; nothing was read.
    #[error("{} 过大：{what}超过上限 {limit} / {} is too large: {what_en} exceeds the limit of {limit}", path.display(), path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// What exceeded (Chinese).
        what: String,
        /// What exceeded (English).
        what_en: String,
        /// The limit, with its unit.
        limit: String,
    },
    /// A file with no data rows (0 bytes, or a header only) where data is required.
    #[error("{} 没有数据行{} / {} has no data rows{}", path.display(), if *header_only { "（只有表头）" } else { "（文件为空）" }, path.display(), if *header_only { " (header only)" } else { " (empty file)" })]
    EmptyFile {
        /// The file.
        path: PathBuf,
        /// Whether a header row was present.
        header_only: bool,
    },
    /// Two files that could both be the input (e.g. villages.csv beside villages.csv.gz).
    #[error("{} 与 {} 同时存在，无法确定读取哪一个；请删除其一 / both {} and {} exist; remove one so the input is unambiguous", path.display(), other.display(), path.display(), other.display())]
    Ambiguous {
        /// The first candidate.
        path: PathBuf,
        /// The second candidate.
        other: PathBuf,
    },
    /// A data row with more or fewer cells than the header.
    #[error(
        "{}：该行有 {found} 个单元格，表头有 {expected} 列 / {}: the row has {found} cells but the header has {expected} columns",
        at_zh(loc),
        at_en(loc)
    )]
    RowWidth {
        /// Where (the first missing or extra column).
        loc: Loc,
        /// Columns in the header.
        expected: usize,
        /// Cells in the row.
        found: usize,
    },
    /// Two header cells that name the same field.
    #[error("{} 第 {header_row} 行：第 {} 列“{second}”与第 {} 列“{first}”是同一字段，无法确定取哪一列 / {} row {header_row}: column {} \"{second}\" names the same field as column {} \"{first}\"", path.display(), col_letter(*second_col), col_letter(*first_col), path.display(), col_letter(*second_col), col_letter(*first_col))]
    DuplicateHeader {
        /// The file.
        path: PathBuf,
        /// Row of the header.
        header_row: usize,
        /// First column (0-based) and its header.
        first_col: usize,
        /// Its header text.
        first: String,
        /// Second column (0-based).
        second_col: usize,
        /// Its header text.
        second: String,
    },
    /// A control character (NUL, line break, tab …) inside a text value.
    #[error(
        "{}：文字中含控制字符 U+{code:04X}（第 {at} 个字符） / {}: the text contains control character U+{code:04X} (character {at})",
        at_zh(loc),
        at_en(loc)
    )]
    ControlChar {
        /// Where.
        loc: Loc,
        /// The character's code point.
        code: u32,
        /// 1-based character position.
        at: usize,
    },
    /// A text value longer than the limit.
    #[error(
        "{}：文字长 {chars} 个字符，超过上限 {max} / {}: the text is {chars} characters long, more than the limit of {max}",
        at_zh(loc),
        at_en(loc)
    )]
    TooLong {
        /// Where.
        loc: Loc,
        /// Its length in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// Text that a spreadsheet would execute as a formula (=, +, -, @ first).
    #[error(
        "{}：“{value}”以 {first} 开头，电子表格会当作公式执行，拒绝导入 / {}: \"{value}\" begins with {first}, which a spreadsheet would execute as a formula; refused",
        at_zh(loc),
        at_en(loc)
    )]
    FormulaText {
        /// Where.
        loc: Loc,
        /// The text (shortened).
        value: String,
        /// Its first character.
        first: char,
    },
    /// A workbook formula cell with no cached value (the file was written without
    /// calculating, e.g. by a script): its value is unknown.
    #[error("工作簿 {} 工作表“{sheet}”单元格 {cell} 是公式“{formula}”但没有计算结果；请在 Excel 中打开、重新计算并保存，或粘贴为数值 / workbook {} sheet \"{sheet}\" cell {cell} holds the formula \"{formula}\" without a calculated value; open, recalculate and save it in Excel, or paste it as values", path.display(), path.display())]
    FormulaWithoutValue {
        /// The file.
        path: PathBuf,
        /// The sheet.
        sheet: String,
        /// The cell (A1 style).
        cell: String,
        /// The formula text.
        formula: String,
    },
    /// A number that parses but is outside what the field can hold (negative population,
    /// fractional persons, zero area, beyond the fixed-point range).
    #[error(
        "{}：{value} 超出范围：{} / {}: {value} is out of range: {}",
        at_zh(loc),
        why.zh,
        at_en(loc),
        why.en
    )]
    OutOfRange {
        /// Where.
        loc: Loc,
        /// The value as written.
        value: String,
        /// Why.
        why: Box<Why>,
    },
    /// A value outside the plausible range of the policy data; the user may state an
    /// override ([`crate::check::Plausibility::allow`]) when it is real.
    #[error(
        "{}：{value} 不合常理：{}；如确属实，请明确声明放宽（--allow {key}={value}） / {}: {value} is implausible: {}; if it is real, state an override (--allow {key}={value})",
        at_zh(loc),
        why.zh,
        at_en(loc),
        why.en
    )]
    Implausible {
        /// Where.
        loc: Loc,
        /// The attribute or rule key.
        key: String,
        /// The value as written.
        value: String,
        /// Why.
        why: Box<Why>,
    },
    /// Writing a workbook failed.
    #[error("无法写入工作簿 {}：{message} / cannot write workbook {}: {message}", path.display(), path.display())]
    WriteWorkbook {
        /// The file.
        path: PathBuf,
        /// The writer's message.
        message: String,
    },
}

impl IoError {
    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            IoError::Io { path, .. }
            | IoError::Gzip { path, .. }
            | IoError::Encoding { path, .. }
            | IoError::Csv { path, .. }
            | IoError::Workbook { path, .. }
            | IoError::SheetNotFound { path, .. }
            | IoError::NoHeader { path, .. }
            | IoError::MissingColumn { path, .. }
            | IoError::BadUnit { path, .. }
            | IoError::Registry { path, .. }
            | IoError::WriteWorkbook { path, .. }
            | IoError::TooLarge { path, .. }
            | IoError::EmptyFile { path, .. }
            | IoError::Ambiguous { path, .. }
            | IoError::DuplicateHeader { path, .. }
            | IoError::FormulaWithoutValue { path, .. } => path,
            IoError::RowWidth { loc, .. }
            | IoError::ControlChar { loc, .. }
            | IoError::TooLong { loc, .. }
            | IoError::FormulaText { loc, .. }
            | IoError::OutOfRange { loc, .. }
            | IoError::Implausible { loc, .. } => &loc.path,
            IoError::BadCode { loc, .. }
            | IoError::CodeLength { loc, .. }
            | IoError::PrefixMismatch { loc, .. }
            | IoError::UnknownParent { loc, .. }
            | IoError::DuplicateCode { loc, .. }
            | IoError::EmptyName { loc, .. }
            | IoError::BadNumber { loc, .. }
            | IoError::BadFlag { loc, .. }
            | IoError::BadKind { loc, .. }
            | IoError::BadSeat { loc, .. }
            | IoError::Invalid { loc, .. }
            | IoError::UnknownUnit { loc, .. } => &loc.path,
        }
    }

    /// The cell location, for errors about one cell.
    pub fn loc(&self) -> Option<&Loc> {
        match self {
            IoError::BadCode { loc, .. }
            | IoError::CodeLength { loc, .. }
            | IoError::PrefixMismatch { loc, .. }
            | IoError::UnknownParent { loc, .. }
            | IoError::DuplicateCode { loc, .. }
            | IoError::EmptyName { loc, .. }
            | IoError::BadNumber { loc, .. }
            | IoError::BadFlag { loc, .. }
            | IoError::BadKind { loc, .. }
            | IoError::BadSeat { loc, .. }
            | IoError::Invalid { loc, .. }
            | IoError::UnknownUnit { loc, .. }
            | IoError::RowWidth { loc, .. }
            | IoError::ControlChar { loc, .. }
            | IoError::TooLong { loc, .. }
            | IoError::FormulaText { loc, .. }
            | IoError::OutOfRange { loc, .. }
            | IoError::Implausible { loc, .. } => Some(loc),
            _ => None,
        }
    }

    /// A stable short name of the error's kind ("bad_code", "row_width" …), for scripts,
    /// logs and tests.
    pub fn kind(&self) -> &'static str {
        match self {
            IoError::Io { .. } => "io",
            IoError::Gzip { .. } => "gzip",
            IoError::Encoding { .. } => "encoding",
            IoError::Csv { .. } => "csv",
            IoError::Workbook { .. } => "workbook",
            IoError::SheetNotFound { .. } => "sheet_not_found",
            IoError::NoHeader { .. } => "no_header",
            IoError::MissingColumn { .. } => "missing_column",
            IoError::BadCode { .. } => "bad_code",
            IoError::CodeLength { .. } => "code_length",
            IoError::PrefixMismatch { .. } => "prefix_mismatch",
            IoError::UnknownParent { .. } => "unknown_parent",
            IoError::DuplicateCode { .. } => "duplicate_code",
            IoError::EmptyName { .. } => "empty_name",
            IoError::BadNumber { .. } => "bad_number",
            IoError::BadFlag { .. } => "bad_flag",
            IoError::BadKind { .. } => "bad_kind",
            IoError::BadUnit { .. } => "bad_unit",
            IoError::BadSeat { .. } => "bad_seat",
            IoError::Invalid { .. } => "invalid",
            IoError::UnknownUnit { .. } => "unknown_unit",
            IoError::Registry { .. } => "registry",
            IoError::TooLarge { .. } => "too_large",
            IoError::EmptyFile { .. } => "empty_file",
            IoError::Ambiguous { .. } => "ambiguous",
            IoError::RowWidth { .. } => "row_width",
            IoError::DuplicateHeader { .. } => "duplicate_header",
            IoError::ControlChar { .. } => "control_char",
            IoError::TooLong { .. } => "too_long",
            IoError::FormulaText { .. } => "formula_text",
            IoError::FormulaWithoutValue { .. } => "formula_without_value",
            IoError::OutOfRange { .. } => "out_of_range",
            IoError::Implausible { .. } => "implausible",
            IoError::WriteWorkbook { .. } => "write_workbook",
        }
    }

    /// The Chinese half of the message.
    pub fn zh(&self) -> String {
        half(self, 0)
    }

    /// The English half of the message.
    pub fn en(&self) -> String {
        half(self, 1)
    }

    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        IoError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        assert_eq!(col_letter(0), "A");
        assert_eq!(col_letter(25), "Z");
        assert_eq!(col_letter(26), "AA");
        assert_eq!(col_letter(27), "AB");
        assert_eq!(col_letter(701), "ZZ");
        assert_eq!(col_letter(702), "AAA");
    }
}
