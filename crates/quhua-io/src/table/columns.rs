//! Mapping the header row of a survey table to fields.

use crate::columns::{CODE_ALIASES, NAME_ALIASES, normalize, split_unit};
use crate::error::{IoError, col_letter};
use quhua_core::attr::{AttrDef, builtin_defs, find_def};
use std::path::Path;

/// Which flag a column sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FlagField {
    CountySeat,
    Border,
    Historic,
    KeyTown,
    Ethnic,
}

/// What a column holds.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Field {
    Code,
    /// A second code column (e.g. `code12`): must agree with the code.
    Code2,
    Name,
    Kind,
    Parent,
    Seat,
    /// A level column (level/级别): checked against the code.
    Level,
    Flag(FlagField),
    /// An attribute: its key and the factor (numerator, denominator) to its unit.
    Attr {
        key: String,
        scale: (i64, i64),
    },
    /// Known descriptive columns, read by nobody (上级名称, 省份, 序号, 备注 …).
    Info,
}

const CODE2: &[&str] = &["code12", "12位代码", "十二位代码"];
const KIND: &[&str] = &["类型", "建制类型", "单位类型", "kind", "type"];
const PARENT: &[&str] = &[
    "上级代码",
    "上级区划代码",
    "所属乡镇代码",
    "parent_code",
    "parentcode",
    "parent",
];
const SEAT: &[&str] = &["驻地", "驻地村", "政府驻地", "seat"];
const LEVEL: &[&str] = &["级别", "层级", "level"];
const INFO: &[&str] = &[
    "上级名称",
    "所属乡镇",
    "parent_name",
    "省",
    "省份",
    "province",
    "市",
    "city",
    "县",
    "county",
    "序号",
    "no",
    "备注",
    "note",
    "notes",
];
const FLAGS: &[(&[&str], FlagField)] = &[
    (
        &["县城驻地", "县城驻地镇", "county_seat"],
        FlagField::CountySeat,
    ),
    (&["边境", "边境乡镇", "border"], FlagField::Border),
    (&["历史文化名镇", "historic"], FlagField::Historic),
    (&["重点镇", "中心镇", "key_town"], FlagField::KeyTown),
    (&["民族", "民族乡镇", "ethnic"], FlagField::Ethnic),
];

fn is(h: &str, aliases: &[&str]) -> bool {
    aliases.iter().any(|a| normalize(a) == h)
}

/// Whether a row looks like the header: it has a code column.
pub(crate) fn is_header(cells: &[String]) -> bool {
    cells.iter().any(|c| {
        let n = normalize(c);
        is(&n, CODE_ALIASES) || is(&n, CODE2)
    })
}

/// Maps each header to a field; unknown headers are returned separately.
pub(crate) fn map_headers(
    path: &Path,
    header_row: usize,
    headers: &[String],
) -> Result<(Vec<Option<Field>>, Vec<String>), IoError> {
    let defs = builtin_defs();
    let mut fields: Vec<Option<Field>> = Vec::with_capacity(headers.len());
    let mut unknown = Vec::new();
    let mut have_code = false;
    for (col, h) in headers.iter().enumerate() {
        let n = normalize(h);
        let f = if n.is_empty() {
            None
        } else if is(&n, CODE_ALIASES) && !have_code {
            have_code = true;
            Some(Field::Code)
        } else if is(&n, CODE2) || is(&n, CODE_ALIASES) {
            Some(Field::Code2)
        } else if is(&n, NAME_ALIASES) {
            Some(Field::Name)
        } else if is(&n, KIND) {
            Some(Field::Kind)
        } else if is(&n, PARENT) {
            Some(Field::Parent)
        } else if is(&n, SEAT) {
            Some(Field::Seat)
        } else if is(&n, LEVEL) {
            Some(Field::Level)
        } else if let Some((_, flag)) = FLAGS.iter().find(|(a, _)| is(&n, a)) {
            Some(Field::Flag(*flag))
        } else if let Some(def) = attr_def(&n, &defs) {
            let (_, unit) = split_unit(h);
            let scale = match unit {
                None => (1, 1),
                Some(u) => unit_scale(u, &def.unit).ok_or_else(|| IoError::BadUnit {
                    path: path.to_path_buf(),
                    column: h.clone(),
                    col_letter: col_letter(col),
                    unit: u.to_string(),
                    expected: def.unit.clone(),
                })?,
            };
            Some(Field::Attr {
                key: def.key,
                scale,
            })
        } else if is(&n, INFO) {
            Some(Field::Info)
        } else {
            unknown.push(h.trim().to_string());
            None
        };
        if let Some(f) = &f
            && !matches!(f, Field::Code | Field::Code2 | Field::Info)
            && let Some(first_col) = fields
                .iter()
                .position(|g: &Option<Field>| g.as_ref() == Some(f))
        {
            return Err(IoError::DuplicateHeader {
                path: path.to_path_buf(),
                header_row,
                first_col,
                first: headers[first_col].clone(),
                second_col: col,
                second: h.clone(),
            });
        }
        fields.push(f);
    }
    if !have_code {
        // Only a code12-style column: use it as the code.
        if let Some(f) = fields.iter_mut().find(|f| **f == Some(Field::Code2)) {
            *f = Some(Field::Code);
        }
    }
    Ok((fields, unknown))
}

/// A built-in attribute by key, Chinese label or English label (header already normalised).
fn attr_def(n: &str, defs: &[AttrDef]) -> Option<AttrDef> {
    find_def(n).or_else(|| {
        defs.iter()
            .find(|d| normalize(&d.en) == n || normalize(&d.key) == n)
            .cloned()
    })
}

/// The factor turning values in unit `given` into `target` (the attribute's unit).
fn unit_scale(given: &str, target: &str) -> Option<(i64, i64)> {
    let g: String = given
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    // (canonical unit, factor numerator, denominator)
    let (canon, num, den) = match g.as_str() {
        "人" | "名" | "个" | "persons" | "person" | "people" => ("人", 1, 1),
        "万人" => ("人", 10_000, 1),
        "km²" | "km2" | "km^2" | "平方公里" | "平方千米" | "sqkm" => ("km²", 1, 1),
        "公顷" | "ha" => ("km²", 1, 100),
        "万元" => ("万元", 1, 1),
        "元" => ("万元", 1, 10_000),
        "亿元" => ("万元", 10_000, 1),
        _ => return None,
    };
    (canon == target).then_some((num, den))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_chinese_and_english_headers() {
        let h: Vec<String> = [
            "代码",
            "名称",
            "面积（km²）",
            "户籍人口(人)",
            "常住人口（万人）",
            "GDP",
            "县城驻地",
            "foo",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let (f, unknown) = map_headers(Path::new("t.csv"), 1, &h).unwrap();
        assert_eq!(f[0], Some(Field::Code));
        assert_eq!(f[1], Some(Field::Name));
        assert_eq!(
            f[2],
            Some(Field::Attr {
                key: "area_km2".into(),
                scale: (1, 1)
            })
        );
        assert_eq!(
            f[3],
            Some(Field::Attr {
                key: "pop_hukou".into(),
                scale: (1, 1)
            })
        );
        assert_eq!(
            f[4],
            Some(Field::Attr {
                key: "pop_resident".into(),
                scale: (10_000, 1)
            })
        );
        assert_eq!(
            f[5],
            Some(Field::Attr {
                key: "gdp".into(),
                scale: (1, 1)
            })
        );
        assert_eq!(f[6], Some(Field::Flag(FlagField::CountySeat)));
        assert_eq!(unknown, vec!["foo".to_string()]);
        let bad: Vec<String> = ["代码", "面积（亩）"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(matches!(
            map_headers(Path::new("t.csv"), 1, &bad),
            Err(IoError::BadUnit { .. })
        ));
    }
}
