//! Terminal output: aligned tables (CJK-aware) and localized messages.

pub mod evaluation;
pub mod table;
pub mod villages;

use quhua_core::i18n::Lang;

/// Picks one language out of a library message written "中文 / English".
pub fn localize(message: &str, lang: Lang) -> String {
    match message.split_once(" / ") {
        Some((zh, en)) => match lang {
            Lang::Zh => zh.to_string(),
            Lang::En => en.to_string(),
        },
        None => message.to_string(),
    }
}

/// Chooses between a Chinese and an English text.
pub fn t<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// English output uses ASCII punctuation: full-width colons, commas, semicolons, enumeration
/// commas and brackets in templates and in Chinese data values become `: `, `, `, `; `,
/// `, ` and ` (…) `: each replacement is as wide as the full-width sign, so aligned tables
/// stay aligned. Chinese output is returned as it is.
pub fn punctuate(text: String, lang: Lang) -> String {
    if lang == Lang::Zh {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '：' => out.push_str(": "),
            '，' | '、' => out.push_str(", "),
            '；' => out.push_str("; "),
            '（' => out.push_str(" ("),
            '）' => out.push_str(") "),
            _ => out.push(c),
        }
    }
    out
}

/// Formats a population: 2.24万 in Chinese, 22,400 in English.
pub fn people(v: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh if v.abs() >= 10_000.0 => format!("{:.2}万", v / 10_000.0),
        // Beyond ±1e15 a person count is no count (i64 would saturate to 9,223,…): show the
        // float as it is, so an absurd figure reads as absurd.
        _ if !v.is_finite() || v.abs() >= 1e15 => format!("{v:e}"),
        _ => thousands(v.round() as i64),
    }
}

/// 1234567 → "1,234,567".
pub fn thousands(v: i64) -> String {
    let s = v.abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if v < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(people(22_400.0, Lang::Zh), "2.24万");
        assert_eq!(people(22_400.0, Lang::En), "22,400");
        assert_eq!(thousands(-1234), "-1,234");
        assert_eq!(localize("中 / en", Lang::En), "en");
    }

    #[test]
    fn english_punctuation_keeps_widths_and_chinese_is_untouched() {
        use unicode_width::UnicodeWidthStr;
        let line = "县：曲阳县（130634）｜方案 1：18 → 13，平均人口、面积；完".to_string();
        assert_eq!(punctuate(line.clone(), Lang::Zh), line);
        let en = punctuate(line.clone(), Lang::En);
        assert_eq!(en.width(), line.width());
        assert!(!en.contains(['：', '，', '；', '（', '）', '、']), "{en}");
        assert!(
            en.contains("曲阳县 (130634) ") && en.contains("1: 18"),
            "{en}"
        );
    }
}
