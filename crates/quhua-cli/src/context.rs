//! What every command needs: the language, and where the registry comes from.

use quhua_core::i18n::Lang;

/// Shared command context.
#[derive(Debug, Clone)]
pub struct Context {
    /// Output language.
    pub lang: Lang,
}

/// A boxed error whose text is "中文 / English".
pub type CliResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// An error from a plain message pair.
pub fn fail(zh: impl std::fmt::Display, en: impl std::fmt::Display) -> Box<dyn std::error::Error> {
    format!("{zh} / {en}").into()
}
