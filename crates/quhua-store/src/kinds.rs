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
