//! The deployment's supervision settings (督办设置): when a light turns blue or yellow, and
//! the escalation ladder — stored as one versioned, audited record, read by every board,
//! report, inbox and escalation run; the defaults until someone sets them.

use super::SETTINGS;
use crate::access::Actor;
use crate::{App, AppError, AppResult, ErrorKind};
use quhua_store::StoreError;
use quhua_workflow::tasks::SupervisionConfig;
use serde::Serialize;

/// The settings in force.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SettingsView {
    /// Blue when the next open deadline is at most this many days away.
    pub blue_within: u32,
    /// Whether those are working days (else calendar days).
    pub blue_in_working_days: bool,
    /// Yellow when progress trails the elapsed-time share by more than this (0–1).
    pub behind_tolerance: f64,
    /// Calendar days after a deadline when the 催办通知书 is due.
    pub notice_after_days: u32,
    /// Working days after a deadline when the 通报 is due.
    pub circular_after_working_days: u32,
    /// `default` (nothing stored) or `stored`.
    pub source: String,
    /// The record's version (0: nothing stored).
    pub version: i64,
    /// The settings as a TOML document (`[light]`, `[escalation]`).
    pub toml: String,
}

fn view(c: &SupervisionConfig, version: i64) -> SettingsView {
    SettingsView {
        blue_within: c.light.blue_within,
        blue_in_working_days: c.light.blue_in_working_days,
        behind_tolerance: c.light.behind_tolerance,
        notice_after_days: c.escalation.notice_after_days,
        circular_after_working_days: c.escalation.circular_after_working_days,
        source: if version == 0 { "default" } else { "stored" }.into(),
        version,
        toml: toml::to_string(c).unwrap_or_default(),
    }
}

/// The supervision settings in force. Everyone reads them (the board's legend says what
/// blue and yellow mean).
pub fn settings(app: &App) -> AppResult<SettingsView> {
    Ok(
        match app.store().find_by_name::<SupervisionConfig>(SETTINGS)? {
            Some(r) => view(&r.body, r.version),
            None => view(&SupervisionConfig::default(), 0),
        },
    )
}

/// Sets the deployment's supervision settings from a TOML document (`[light]` blue_within,
/// blue_in_working_days, behind_tolerance; `[escalation]` notice_after_days,
/// circular_after_working_days; missing keys keep their defaults), saved against the version
/// read (`expected`, 0 when none is stored) with its audit row. Only the operator (the CLI
/// without an account) sets them: they apply to every jurisdiction of the deployment.
pub fn set_settings(
    app: &App,
    actor: &Actor,
    file: &str,
    text: &str,
    expected: Option<i64>,
) -> AppResult<SettingsView> {
    if actor.role.is_some() {
        return Err(AppError::forbidden(
            "督办设置适用于整个部署，只能由运维人员在命令行设置",
            "the supervision settings apply to the whole deployment: only the operator sets them, on the command line",
        ));
    }
    let config = SupervisionConfig::from_toml(text).map_err(|mut e| {
        e.file = file.to_string();
        AppError::invalid(e.zh(), e.en())
    })?;
    let current = app.store().find_by_name::<SupervisionConfig>(SETTINGS)?;
    let have = current.as_ref().map_or(0, |r| r.version);
    if let Some(v) = expected
        && v != have
    {
        return Err(AppError::new(
            ErrorKind::Conflict,
            format!("督办设置已被修改（现为第 {have} 版），请重新读取后再设置"),
            format!("the settings were changed meanwhile (now version {have}); read them again"),
        ));
    }
    let version = match current {
        None => {
            app.store().create(&config, &actor.name)?;
            1
        }
        Some(r) => app
            .store()
            .update(r.id, r.version, &config, &actor.name)
            .map_err(|e| match e {
                StoreError::Conflict { .. } => AppError::new(
                    ErrorKind::Conflict,
                    "督办设置已被他人修改，请重新读取后再设置",
                    "the settings were changed by someone else; read them again",
                ),
                e => e.into(),
            })?,
    };
    Ok(view(&config, version))
}
