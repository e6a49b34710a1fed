//! Small text helpers shared by the use cases.

/// Splits a "中文 / English" message into its two languages (both the whole text when it has
/// no separator): only for the optimizer's and the importers' errors, which do not carry the
/// two languages as data yet (every other lower-layer error implements
/// `quhua_core::i18n::Bilingual`).
pub(crate) fn split_pair(text: &str) -> (String, String) {
    match text.split_once(" / ") {
        Some((zh, en)) => (zh.trim().to_string(), en.trim().to_string()),
        None => (text.to_string(), text.to_string()),
    }
}

/// Parses `YYYY-MM-DD`, naming the field when it is not a date.
pub fn parse_date(field: &str, s: &str) -> crate::AppResult<quhua_core::date::Date> {
    quhua_core::date::parse_date(s.trim()).ok_or_else(|| {
        crate::AppError::invalid(
            format!("{field}“{s}”应为 YYYY-MM-DD 格式的日期"),
            format!("{field} \"{s}\" must be a date YYYY-MM-DD"),
        )
    })
}
