//! Located errors of the import formats (file, line, item, field; both languages).

use std::fmt;

/// A located problem in an import file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// File name as given.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The item (task id, organisation code), when known.
    pub item: Option<String>,
    /// The field, when known.
    pub field: Option<String>,
    /// The problem in Chinese.
    pub zh: String,
    /// The problem in English.
    pub en: String,
}

impl ImportError {
    /// A located error.
    pub fn new(
        file: &str,
        line: Option<usize>,
        item: Option<&str>,
        field: Option<&str>,
        zh: &str,
        en: &str,
    ) -> ImportError {
        ImportError {
            file: file.into(),
            line,
            item: item.map(Into::into),
            field: field.map(Into::into),
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The whole message in Chinese.
    pub fn zh(&self) -> String {
        let mut s = self.file.clone();
        if let Some(l) = self.line {
            s += &format!("第{l}行");
        }
        if let Some(i) = &self.item {
            s += &format!("，“{i}”");
        }
        if let Some(f) = &self.field {
            s += &format!("，字段“{f}”");
        }
        format!("{s}：{}", self.zh)
    }

    /// The whole message in English.
    pub fn en(&self) -> String {
        let mut s = self.file.clone();
        if let Some(l) = self.line {
            s += &format!(", line {l}");
        }
        if let Some(i) = &self.item {
            s += &format!(", \"{i}\"");
        }
        if let Some(f) = &self.field {
            s += &format!(", field \"{f}\"");
        }
        format!("{s}: {}", self.en)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} / {}", self.zh(), self.en())
    }
}

impl std::error::Error for ImportError {}

pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

pub(crate) fn syntax_error(file: &str, text: &str, e: &toml::de::Error) -> ImportError {
    ImportError::new(
        file,
        e.span().map(|s| line_of(text, s.start)),
        None,
        None,
        &format!("格式错误：{}", e.message().trim()),
        &format!("malformed: {}", e.message().trim()),
    )
}
