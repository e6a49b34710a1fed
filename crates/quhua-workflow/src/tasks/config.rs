//! Supervision settings as data: the 三色督办 thresholds and the escalation ladder.

use serde::{Deserialize, Serialize};

/// When a task's light turns blue or yellow.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LightConfig {
    /// Blue when the next open deadline is at most this many days away.
    pub blue_within: u32,
    /// Whether `blue_within` counts working days (else calendar days).
    pub blue_in_working_days: bool,
    /// Yellow when a target's progress trails the elapsed-time share (序时进度) by more than
    /// this fraction (0.1 = ten percentage points).
    pub behind_tolerance: f64,
}

impl Default for LightConfig {
    fn default() -> Self {
        LightConfig {
            blue_within: 10,
            blue_in_working_days: true,
            behind_tolerance: 0.10,
        }
    }
}

/// The escalation ladder for an open deadline: 催办 while blue, 催办通知书 the day after the
/// deadline, 通报 after some working days overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EscalationConfig {
    /// Calendar days after the deadline when the written notice is due (1 = the day after).
    pub notice_after_days: u32,
    /// Working days after the deadline when the circular is due.
    pub circular_after_working_days: u32,
}

impl Default for EscalationConfig {
    fn default() -> Self {
        EscalationConfig {
            notice_after_days: 1,
            circular_after_working_days: 5,
        }
    }
}

/// All supervision settings (one TOML document: `[light]` and `[escalation]`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SupervisionConfig {
    /// Lights.
    pub light: LightConfig,
    /// Escalation.
    pub escalation: EscalationConfig,
}

impl SupervisionConfig {
    /// Reads the settings from TOML; missing keys keep their defaults.
    ///
    /// ```
    /// use quhua_workflow::tasks::SupervisionConfig;
    /// let c = SupervisionConfig::from_toml("[light]\nblue_within = 5\n").unwrap();
    /// assert_eq!(c.light.blue_within, 5);
    /// assert_eq!(c.escalation.circular_after_working_days, 5);
    /// ```
    pub fn from_toml(text: &str) -> Result<SupervisionConfig, Box<super::ImportError>> {
        let c: SupervisionConfig = toml::from_str(text)
            .map_err(|e| Box::new(super::import::syntax_error("supervision.toml", text, &e)))?;
        if !(0.0..=1.0).contains(&c.light.behind_tolerance) {
            return Err(Box::new(super::ImportError::new(
                "supervision.toml",
                None,
                None,
                Some("light.behind_tolerance"),
                "须在0到1之间",
                "must be between 0 and 1",
            )));
        }
        Ok(c)
    }
}
