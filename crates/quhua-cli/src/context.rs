//! What every command needs: the language, the database, who is acting, and where the
//! registry comes from (the database, or the embedded demo county).

use quhua_core::i18n::Lang;
use quhua_core::registry::Registry;
use quhua_store::Store;

/// Shared command context.
#[derive(Debug, Clone)]
pub struct Context {
    /// Output language.
    pub lang: Lang,
    /// Database URL: `sqlite:PATH` or `postgres://…` (default `sqlite:quhua.db`).
    pub db: String,
    /// The URL given with `--db` / `QUHUA_DB`, if any (the demo server has its own default).
    pub db_explicit: Option<String>,
    /// Use the embedded demo county instead of the database (read-only commands).
    pub demo: bool,
    /// Who is acting (recorded in the audit log).
    pub actor: String,
}

/// A boxed error whose text is "中文 / English".
pub type CliResult<T = ()> = Result<T, Box<dyn std::error::Error>>;

/// A date given as YYYY-MM-DD, or today when none is given.
pub fn date_or_today(s: Option<&str>) -> CliResult<quhua_core::date::Date> {
    match s {
        None => Ok(chrono::Local::now().date_naive()),
        Some(s) => quhua_core::date::parse_date(s).ok_or_else(|| {
            fail(
                format!("日期“{s}”无效（应为 YYYY-MM-DD）"),
                format!("bad date \"{s}\" (use YYYY-MM-DD)"),
            )
        }),
    }
}

/// An error from a plain message pair.
pub fn fail(zh: impl std::fmt::Display, en: impl std::fmt::Display) -> Box<dyn std::error::Error> {
    format!("{zh} / {en}").into()
}

/// A file's bytes, or an error naming it.
pub fn read_bytes(path: &std::path::Path) -> CliResult<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        fail(
            format!("无法读取 {}：{e}", path.display()),
            format!("cannot read {}: {e}", path.display()),
        )
    })
}

/// A text file's content, or an error naming it.
pub fn read_text(path: &std::path::Path) -> CliResult<String> {
    std::fs::read_to_string(path).map_err(|e| {
        fail(
            format!("无法读取 {}：{e}", path.display()),
            format!("cannot read {}: {e}", path.display()),
        )
    })
}

/// Writes a file, or an error naming it.
pub fn write_file(path: &std::path::Path, bytes: &[u8]) -> CliResult {
    std::fs::write(path, bytes).map_err(|e| {
        fail(
            format!("无法写入 {}：{e}", path.display()),
            format!("cannot write {}: {e}", path.display()),
        )
    })
}

impl Context {
    /// Opens the database (running migrations).
    pub fn store(&self) -> CliResult<Store> {
        Store::open(&self.db).map_err(|e| {
            fail(
                format!("无法打开数据库 {}：{e}", self.db),
                format!("cannot open database {}: {e}", self.db),
            )
        })
    }

    /// The use cases over the database (quhua-app).
    pub fn app(&self) -> CliResult<quhua_app::App> {
        Ok(quhua_app::App::new(self.store()?)?)
    }

    /// The use cases over the database given with `--db` / `QUHUA_DB`; without one (or with
    /// `--demo`), over the embedded demo county imported into a throw-away database, which
    /// lives as long as the returned directory.
    pub fn app_or_demo(&self) -> CliResult<(quhua_app::App, Option<tempfile::TempDir>)> {
        if !self.demo && self.db_explicit.is_some() {
            return Ok((self.app()?, None));
        }
        let dir = tempfile::tempdir()?;
        let app =
            quhua_app::App::open(&format!("sqlite:{}", dir.path().join("demo.db").display()))?;
        quhua_app::imports::demo(&app, &self.operator())?;
        Ok((app, Some(dir)))
    }

    /// The person acting: the local operator, named by `--actor`.
    pub fn operator(&self) -> quhua_app::access::Actor {
        quhua_app::access::Actor::operator(&self.actor)
    }

    /// The local operator acting for an organisation (`--org`), as the follow-up registers
    /// record who did what.
    pub fn acting_for(&self, org: &str) -> quhua_app::access::Actor {
        quhua_app::access::Actor {
            org: Some(org.trim().to_string()),
            ..self.operator()
        }
    }

    /// The registry: the demo county with `--demo`, else the one stored in the database.
    pub fn registry(&self) -> CliResult<Registry> {
        if self.demo {
            return Ok(quhua_demo::Demo::load()?.registry);
        }
        self.store()?
            .load_registry()?
            .ok_or_else(|| self.no_registry())
    }

    /// The error for a database without a registry: what to import, or `--demo`.
    pub fn no_registry(&self) -> Box<dyn std::error::Error> {
        fail(
            format!(
                "数据库 {} 中尚无区划名录：请先运行 quhua import nbs 目录、quhua import table 文件 或 quhua import demo，或加 --demo 使用内置演示数据",
                self.db
            ),
            format!(
                "database {} holds no registry yet: run quhua import nbs DIR, quhua import table FILE or quhua import demo first, or add --demo to use the embedded demo data",
                self.db
            ),
        )
    }
}
