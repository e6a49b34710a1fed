//! The statutory procedure (行政区划管理条例 2018 and its 实施办法), as a gated workflow.
//!
//! A [`Plan`] is a scheme submitted into the procedure. Its steps come from a [`Template`]
//! (the national one after procedure.md §4, or a province's, e.g. Sichuan's nine stages);
//! a step completes only when its prerequisites are done and the materials it needs are
//! attached; submission needs every material of 条例 art. 13. Clocks run from the approval:
//! implementation within 12 months (+ up to 6 with consent, art. 15), codes within 1 month
//! (art. 17). A village adjustment (村级建制调整) follows its own template: the township
//! proposes, the 村民会议 of every village concerned agrees, the county government approves.

mod assembly;
mod clocks;
mod consultation;
mod plan;
mod review;
mod template;

pub use assembly::{AssemblyKind, AssemblyRecord, VillageAssent, assent};
pub use clocks::{ClockState, Clocks, add_months};
pub use consultation::{
    ConsultationRegister, ConsultationTotals, Disposition, Meeting, Questionnaire, Suggestion,
};
pub use plan::{Approval, Document, Extension, Plan, ProcedureError, StepRecord, StepStatus};
pub use review::{Activity, Opinion, Return};
pub use template::{MaterialKind, StepDef, StepRole, Template};
