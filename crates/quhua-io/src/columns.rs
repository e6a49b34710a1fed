//! Column headers: normalisation, aliases, and the missing-column error.

use crate::error::IoError;
use std::path::{Path, PathBuf};

/// Headers accepted for the code column.
pub const CODE_ALIASES: &[&str] = &[
    "代码",
    "统一代码",
    "区划代码",
    "行政区划代码",
    "统计用区划代码",
    "code",
];
/// Headers accepted for the name column.
pub const NAME_ALIASES: &[&str] = &["名称", "单位名称", "区划名称", "name"];

/// Normalises a header: trims, drops a BOM, a trailing unit in parentheses
/// ("面积（km²）" → "面积"), inner spaces, and ASCII case.
pub fn normalize(h: &str) -> String {
    let t = h.trim().trim_start_matches('\u{feff}').trim();
    let t = split_unit(t).0;
    t.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Splits "户籍人口(人)" into ("户籍人口", Some("人")). Full- and half-width parentheses.
pub fn split_unit(h: &str) -> (&str, Option<&str>) {
    let t = h.trim();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(stripped) = t.strip_suffix(close)
            && let Some(i) = stripped.rfind(open)
        {
            let unit = stripped[i + open.len_utf8()..].trim();
            return (stripped[..i].trim(), Some(unit));
        }
    }
    (t, None)
}

/// The first column whose normalised header is one of `aliases`.
pub fn find_column(names: &[String], aliases: &[&str]) -> Option<usize> {
    let norm: Vec<String> = names.iter().map(|n| normalize(n)).collect();
    aliases.iter().find_map(|a| {
        let a = normalize(a);
        norm.iter().position(|n| *n == a)
    })
}

/// The headers of one file, for lookups and the missing-column error.
pub struct ColumnSet<'a> {
    path: PathBuf,
    names: &'a [String],
}

impl<'a> ColumnSet<'a> {
    /// Wraps the headers of `path`.
    pub fn new(path: &Path, names: &'a [String]) -> Self {
        ColumnSet {
            path: path.to_path_buf(),
            names,
        }
    }

    /// The index of a required column (matched after [`normalize`]).
    pub fn require(&self, name: &str) -> Result<usize, IoError> {
        find_column(self.names, &[name]).ok_or_else(|| self.missing(name))
    }

    /// The error for a missing column, listing the columns found.
    pub fn missing(&self, name: &str) -> IoError {
        IoError::MissingColumn {
            path: self.path.clone(),
            column: name.to_string(),
            found: self.names.join(", "),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_case() {
        assert_eq!(split_unit("面积（km²）"), ("面积", Some("km²")));
        assert_eq!(split_unit("户籍人口(人)"), ("户籍人口", Some("人")));
        assert_eq!(split_unit("户籍人口"), ("户籍人口", None));
        assert_eq!(normalize(" \u{feff}Code "), "code");
        assert_eq!(normalize("面积 (km2)"), "面积");
        let names = vec!["序号".to_string(), "区划代码".to_string()];
        assert_eq!(find_column(&names, CODE_ALIASES), Some(1));
    }
}
