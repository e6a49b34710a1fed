//! One policy resolver for every use case: a built-in policy by id, a policy stored in the
//! database by name, or (for the CLI) a policy file by path — in that order.

use crate::{App, AppError, AppResult};
use quhua_core::policy::Policy;

/// Resolves a policy reference (`None`: the national reference policy `default`).
///
/// ```
/// # let dir = tempfile::tempdir().unwrap();
/// # let app = quhua_app::App::open(&format!("sqlite:{}", dir.path().join("p.db").display())).unwrap();
/// let p = quhua_app::policy::resolve(&app, Some("zhejiang")).unwrap();
/// assert_ne!(p, quhua_core::policy::Policy::default_policy());
/// assert!(quhua_app::policy::resolve(&app, Some("no-such-policy")).is_err());
/// ```
pub fn resolve(app: &App, reference: Option<&str>) -> AppResult<Policy> {
    let id = reference
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("default");
    if let Some(p) = named(app, id)? {
        return Ok(p);
    }
    let path = std::path::Path::new(id);
    if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|e| {
            AppError::invalid(
                format!("无法读取政策文件 {id}：{e}"),
                format!("cannot read policy file {id}: {e}"),
            )
        })?;
        return Policy::from_toml(&text).map_err(|e| {
            let quhua_core::i18n::Text { zh, en } = quhua_core::i18n::Bilingual::text(&e);
            AppError::invalid(
                format!("政策文件 {id}：{zh}"),
                format!("policy file {id}: {en}"),
            )
        });
    }
    Err(AppError::invalid(
        format!(
            "未知政策“{id}”：应为内置政策（default、zhejiang、hunan）、已保存的政策名称或政策文件路径"
        ),
        format!(
            "unknown policy \"{id}\": use a built-in id (default, zhejiang, hunan), a stored policy name or a policy file path"
        ),
    ))
}

/// Resolves a policy reference for `actor`: accounts name built-in or stored policies
/// ([`resolve_named`]); only the local operator (the CLI) may also name a policy file.
pub fn resolve_for(
    app: &App,
    actor: &crate::access::Actor,
    reference: Option<&str>,
) -> AppResult<Policy> {
    if actor.role.is_none() {
        resolve(app, reference)
    } else {
        resolve_named(app, reference)
    }
}

/// A built-in or stored policy by id or name (`None`: `default`); never reads a file, so
/// it is the resolver for references coming from accounts over the network.
pub fn resolve_named(app: &App, reference: Option<&str>) -> AppResult<Policy> {
    let id = reference
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .unwrap_or("default");
    named(app, id)?.ok_or_else(|| {
        AppError::invalid(
            format!("未知政策“{id}”：应为内置政策（default、zhejiang、hunan）或已保存的政策名称"),
            format!(
                "unknown policy \"{id}\": use a built-in id (default, zhejiang, hunan) or a stored policy name"
            ),
        )
    })
}

/// A built-in policy, else a stored one.
fn named(app: &App, id: &str) -> AppResult<Option<Policy>> {
    if let Some(p) = Policy::builtin(id) {
        return Ok(Some(p));
    }
    match app.store().get_policy(id)? {
        Some(rec) => Policy::from_toml(&rec.body)
            .map(Some)
            .map_err(|e| AppError::internal(format!("stored policy {id} no longer parses: {e}"))),
        None => Ok(None),
    }
}
