//! The record kinds quhua stores: draft scenarios and plans in the procedure.

use crate::record::RecordKind;
use quhua_core::scenario::Scenario;
use quhua_workflow::procedure::Plan;

impl RecordKind for Scenario {
    const KIND: &'static str = "scenario";
    const LABEL: (&'static str, &'static str) = ("方案", "scenario");

    fn county(&self) -> &str {
        &self.county
    }

    fn name(&self) -> &str {
        &self.name
    }

    /// JSON, or the TOML scenario files that schema versions before 4 stored as they were saved.
    fn decode(text: &str) -> Result<Self, String> {
        if text.trim_start().starts_with('{') {
            Scenario::from_json(text).map_err(|e| e.to_string())
        } else {
            Scenario::from_toml(text).map_err(|e| e.to_string())
        }
    }
}

impl RecordKind for Plan {
    const KIND: &'static str = "plan";
    const LABEL: (&'static str, &'static str) = ("报批方案", "plan");

    fn county(&self) -> &str {
        &self.county
    }

    fn name(&self) -> &str {
        &self.name
    }
}

/// A plan's handover (交接) is stored under the plan's id: one handover per plan.
impl RecordKind for quhua_workflow::handover::Handover {
    const KIND: &'static str = "handover";
    const LABEL: (&'static str, &'static str) = ("交接", "handover");

    fn county(&self) -> &str {
        &self.pairs.county
    }

    fn name(&self) -> &str {
        &self.plan
    }
}

/// A follow-up record with the jurisdiction it is filed under: the county (or city) whose
/// accounts see it. The body's stable text id is the record's name.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Filed<T> {
    /// The division-code prefix it is filed under (`130634`, `510800` …).
    pub scope: String,
    /// The register entry.
    pub body: T,
}

/// The deployment's supervision settings (三色督办 thresholds, escalation ladder): one record.
impl RecordKind for quhua_workflow::tasks::SupervisionConfig {
    const KIND: &'static str = "supervision";
    const LABEL: (&'static str, &'static str) = ("督办设置", "supervision settings");

    fn county(&self) -> &str {
        ""
    }

    fn name(&self) -> &str {
        "supervision"
    }
}

impl RecordKind for Filed<quhua_workflow::tasks::Task> {
    const KIND: &'static str = "task";
    const LABEL: (&'static str, &'static str) = ("督办任务", "task");

    fn county(&self) -> &str {
        &self.scope
    }

    fn name(&self) -> &str {
        &self.body.id
    }
}

impl RecordKind for Filed<quhua_workflow::risks::Risk> {
    const KIND: &'static str = "risk";
    const LABEL: (&'static str, &'static str) = ("风险点", "risk");

    fn county(&self) -> &str {
        &self.scope
    }

    fn name(&self) -> &str {
        &self.body.id
    }
}

impl RecordKind for Filed<quhua_workflow::feedback::FeedbackItem> {
    const KIND: &'static str = "feedback";
    const LABEL: (&'static str, &'static str) = ("群众诉求", "feedback item");

    fn county(&self) -> &str {
        &self.scope
    }

    fn name(&self) -> &str {
        &self.body.id
    }
}
