//! One policy resolver for every use case: a built-in policy by id, a policy stored in the
//! database by name, or (for the CLI) a policy file by path — in that order. When no policy
//! is named, a county is checked against its own province's built-in policy, and against the
//! national reference only where its province has none on file.

use crate::{App, AppError, AppResult};
use quhua_core::policy::Policy;
use quhua_core::{DivisionCode, Level};
use schemars::JsonSchema;
use serde::Serialize;

/// The built-in id a county is checked against when no policy is named: its province's own
/// policy, else `default` (the national reference). Any code of the county (or of a unit in
/// it) will do; something that is not a division code gives `default`.
///
/// ```
/// assert_eq!(quhua_app::policy::default_for("130634"), "hebei");
/// assert_eq!(quhua_app::policy::default_for("510104001"), "sichuan");
/// assert_eq!(quhua_app::policy::default_for("650102"), "default");
/// assert_eq!(quhua_app::policy::default_for("not a code"), "default");
/// ```
pub fn default_for(county: &str) -> &'static str {
    match DivisionCode::parse(county.trim()) {
        Ok(code) => Policy::for_county(code.prefix(Level::County)).id,
        Err(_) => "default",
    }
}

/// The policy id a request means: the one it names, else the county's default.
pub fn reference_for(reference: Option<&str>, county: &str) -> String {
    reference
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map_or_else(|| default_for(county).to_string(), str::to_string)
}

fn builtin_list() -> String {
    Policy::builtin_ids().collect::<Vec<_>>().join(", ")
}

/// Resolves a policy reference for `county` (`None`: the county's own province's policy, see
/// [`default_for`]); the local operator may also name a policy file.
///
/// ```
/// # let dir = tempfile::tempdir().unwrap();
/// # let app = quhua_app::App::open(&format!("sqlite:{}", dir.path().join("p.db").display())).unwrap();
/// use quhua_app::policy::resolve;
/// let p = resolve(&app, Some("zhejiang"), "130634").unwrap();
/// assert_eq!(p.meta.province_code.as_deref(), Some("33"));
/// let own = resolve(&app, None, "130634").unwrap();
/// assert_eq!(own.meta.province_code.as_deref(), Some("13"));
/// assert!(resolve(&app, Some("no-such-policy"), "130634").is_err());
/// ```
pub fn resolve(app: &App, reference: Option<&str>, county: &str) -> AppResult<Policy> {
    let id = reference_for(reference, county);
    let id = id.as_str();
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
    let ids = builtin_list();
    Err(AppError::invalid(
        format!(
            "未知政策“{id}”：应为内置政策（{}）、已保存的政策名称或政策文件路径",
            ids.replace(", ", "、")
        ),
        format!(
            "unknown policy \"{id}\": use a built-in id ({ids}), a stored policy name or a policy file path"
        ),
    ))
}

/// Resolves a policy reference for `actor` and `county`: accounts name built-in or stored
/// policies ([`resolve_named`]); only the local operator (the CLI) may also name a file.
pub fn resolve_for(
    app: &App,
    actor: &crate::access::Actor,
    reference: Option<&str>,
    county: &str,
) -> AppResult<Policy> {
    if actor.role.is_none() {
        resolve(app, reference, county)
    } else {
        resolve_named(app, reference, county)
    }
}

/// A built-in or stored policy by id or name (`None`: the county's own, see [`default_for`]);
/// never reads a file, so it is the resolver for references coming from accounts over the
/// network.
pub fn resolve_named(app: &App, reference: Option<&str>, county: &str) -> AppResult<Policy> {
    let id = reference_for(reference, county);
    named(app, &id)?.ok_or_else(|| {
        let ids = builtin_list();
        AppError::invalid(
            format!(
                "未知政策“{id}”：应为内置政策（{}）或已保存的政策名称",
                ids.replace(", ", "、")
            ),
            format!("unknown policy \"{id}\": use a built-in id ({ids}) or a stored policy name"),
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

/// A built-in policy as the policy selector offers it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PolicyOption {
    /// Built-in id (`hebei`, `default` …), sent back as a scenario's or request's `policy`.
    pub id: String,
    /// Name (河北省, 全国参考（国家层面文件）…).
    pub name: String,
    /// English name.
    pub name_en: String,
    /// The province's 2-digit code; `None` for the national reference.
    pub province_code: Option<String>,
    /// Whether this is the county's own province's policy.
    pub own_province: bool,
    /// Whether this is the national reference (national texts only).
    pub national: bool,
    /// What the policy holds and what it leaves out, in both languages.
    pub note: quhua_core::i18n::Text,
    /// Its township population floor (people; none where it sets none).
    pub population_floor: Option<f64>,
    /// Its township area cap (km²; none where it sets none).
    pub area_cap_km2: Option<f64>,
}

/// The policies a county may be checked against, its default first.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PolicyChoices {
    /// The county.
    pub county: String,
    /// The id used when a scenario names none: the county's own province's, else `default`.
    pub default: String,
    /// Whether the county's province has a policy on file (else the default is the national
    /// reference, whose findings say that the province's own standard is not on file).
    pub own_province: bool,
    /// Every built-in policy: the default first, then the national reference, then the others.
    pub policies: Vec<PolicyOption>,
}

/// The built-in policies for `county`, its default first (no file is read, so every role in
/// the county's jurisdiction may list them).
///
/// ```
/// let c = quhua_app::policy::choices("130634");
/// assert_eq!((c.default.as_str(), c.own_province), ("hebei", true));
/// assert_eq!(c.policies[0].id, "hebei");
/// assert!(c.policies.iter().any(|p| p.national));
/// ```
pub fn choices(county: &str) -> PolicyChoices {
    let default = default_for(county);
    let own_province = default != "default";
    let mut policies: Vec<PolicyOption> = Policy::builtin_ids()
        .filter_map(|id| Policy::builtin(id).map(|p| (id, p)))
        .map(|(id, p)| PolicyOption {
            id: id.to_string(),
            name_en: p
                .meta
                .name_en
                .clone()
                .unwrap_or_else(|| p.meta.name.clone()),
            name: p.meta.name.clone(),
            province_code: p.meta.province_code.clone(),
            own_province: own_province && id == default,
            national: p.meta.province_code.is_none(),
            note: quhua_core::i18n::Text {
                zh: p.meta.note.clone().unwrap_or_default(),
                en: p.meta.note_en.clone().unwrap_or_default(),
            },
            population_floor: p.population_floor.as_ref().map(|t| t.value),
            area_cap_km2: p.area_cap_km2.as_ref().map(|t| t.value),
        })
        .collect();
    // The default first, then the national reference, then the rest in built-in order.
    policies.sort_by_key(|p| (p.id != default, !p.national));
    PolicyChoices {
        county: county.to_string(),
        default: default.to_string(),
        own_province,
        policies,
    }
}
