//! Bilingual text: Chinese first, English available.

use serde::{Deserialize, Serialize};

/// The language of user-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 中文 (default)
    #[default]
    Zh,
    /// English
    En,
}

impl Lang {
    /// Parses `zh`/`en` (and common variants).
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "cn" | "中文" => Some(Lang::Zh),
            "en" | "en-us" | "english" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Text {
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// Builds a message from both languages.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// An error (or message) that has both languages as data.
pub trait Bilingual {
    /// The message in Chinese and English.
    fn text(&self) -> Text;
}

impl Bilingual for quhua_codes::CodeError {
    fn text(&self) -> Text {
        let (zh, en) = self.zh_en();
        Text::new(zh, en)
    }
}

/// Test support: `e` has exactly these texts, the Chinese one has Chinese characters, the
/// English one has none, and `Display` is "zh / en".
#[cfg(test)]
pub(crate) fn assert_bilingual<E: Bilingual + std::fmt::Display>(e: &E, zh: &str, en: &str) {
    let t = e.text();
    assert_eq!(t.zh, zh);
    assert_eq!(t.en, en);
    assert!(t.zh.chars().any(is_cjk), "not Chinese: {}", t.zh);
    assert!(!t.en.chars().any(is_cjk), "not English: {}", t.en);
    assert_eq!(e.to_string(), format!("{} / {}", t.zh, t.en));
}

#[cfg(test)]
fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quhua_codes::{CodeError, DivisionCode};

    #[test]
    fn code_error_text() {
        assert_bilingual(
            &DivisionCode::parse("13a").unwrap_err(),
            "代码“13a”含有非数字字符",
            "code \"13a\" contains non-digit characters",
        );
        assert_bilingual(
            &CodeError::BadLength("1306000".into(), 7),
            "代码“1306000”长度为 7 位，应为 2、4、6、9 或 12 位",
            "code \"1306000\" has 7 digits; expected 2, 4, 6, 9 or 12",
        );
    }
}
