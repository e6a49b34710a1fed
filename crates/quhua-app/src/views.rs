//! The typed results of the use cases, as the adapters render them: JSON for the HTTP API
//! and the CLI's `--json`, text tables for the CLI.

use quhua_core::date::Date;
use quhua_workflow::org::Department;
use quhua_workflow::procedure::{
    Activity, Approval, ClockState, ConsultationRegister, ConsultationTotals, Document, Extension,
    Opinion, Return, StepRecord, StepRole,
};
use serde::Serialize;

/// A plan in a list.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PlanSummary {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// County code.
    pub county: String,
    /// Template id.
    pub template: String,
    /// Template name.
    pub template_name: String,
    /// Template name in English.
    pub template_name_en: String,
    /// Version (for optimistic concurrency).
    pub version: i64,
    /// Who created it and when.
    pub created_by: String,
    /// When.
    pub created_at: String,
    /// Who last changed it.
    pub updated_by: String,
    /// When.
    pub updated_at: String,
    /// Steps done.
    pub steps_done: usize,
    /// Steps in all.
    pub steps_total: usize,
    /// The steps that can be done now (Chinese names).
    pub next: Vec<String>,
    /// The same in English.
    pub next_en: Vec<String>,
    /// Where the plan is now.
    pub stage: Stage,
    /// The approval, once given.
    pub approval: Option<Approval>,
    /// The date applied to the registry.
    pub applied: Option<Date>,
    /// Implementation clock state, once approved.
    pub implementation: Option<ClockState>,
    /// Codes clock state, once approved.
    pub codes: Option<ClockState>,
}

/// Where a plan is in the procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// With the county (drafting, consultation, reviews, decision).
    County,
    /// With the city for review (市级统筹把关).
    City,
    /// With the province for approval (省级审批).
    Province,
    /// Returned for revision (退回修改).
    Returned,
    /// Approved, not yet applied.
    Approved,
    /// Applied to the registry.
    Applied,
}

/// One step on the board.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct StepView {
    /// Step id.
    pub id: String,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
    /// Who acts (as the template says).
    pub actor: String,
    /// Who acts, in English.
    pub actor_en: String,
    /// Legal basis.
    pub basis: String,
    /// The legal basis in English.
    pub basis_en: String,
    /// Which level completes it.
    pub role: StepRole,
    /// `done`, `ready` or `blocked`.
    pub state: String,
    /// Prerequisites, materials and opinions all present (whether done or not).
    pub ready: bool,
    /// The record, once done.
    pub done: Option<StepRecord>,
    /// Unfinished prerequisites (Chinese).
    pub missing_steps: Vec<String>,
    /// Missing materials (Chinese).
    pub missing_materials: Vec<String>,
    /// Unfinished prerequisites (English).
    pub missing_steps_en: Vec<String>,
    /// Missing materials (English).
    pub missing_materials_en: Vec<String>,
    /// Departments whose opinion is awaited.
    pub missing_opinions: Vec<Department>,
    /// The departments asked for an opinion at this step.
    pub opinions_from: Vec<Department>,
    /// Whether this step records the approval.
    pub is_approval: bool,
    /// Whether this step applies the scheme to the registry.
    pub is_apply: bool,
    /// Whether the acting person may complete it now.
    pub can_complete: bool,
}

/// The statutory clocks.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct ClocksView {
    /// Approval date.
    pub approved: Date,
    /// Implementation deadline.
    pub implementation_due: Date,
    /// Months of extension.
    pub extension_months: u32,
    /// Implementation state.
    pub implementation: ClockState,
    /// The same in Chinese.
    pub implementation_zh: String,
    /// Codes deadline.
    pub codes_due: Date,
    /// Codes state.
    pub codes: ClockState,
    /// The same in Chinese.
    pub codes_zh: String,
}

/// A generated document offered for download.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DocumentLink {
    /// Id used in the download address (`notice.docx` …).
    pub id: String,
    /// File name.
    pub name: String,
    /// Chinese title.
    pub zh: String,
    /// English title.
    pub en: String,
}

/// What the acting person may do on the plan now.
#[derive(Debug, Clone, Default, Serialize, schemars::JsonSchema)]
pub struct Permissions {
    /// Record consultation, attach materials, complete county steps.
    pub edit: bool,
    /// Return the plan for revision (city or province, at its own step).
    pub return_plan: bool,
    /// Replace the scheme (county, after a return).
    pub revise: bool,
    /// Record the approval (the approval step's level: the province, or the county
    /// government for a village adjustment), once its prerequisites are done.
    pub approve: bool,
    /// Record a village's 村民会议 (county, before the approval, for a village adjustment).
    pub record_assembly: bool,
    /// Record this department's opinion.
    pub opinion: Option<Department>,
    /// Apply to the registry (county, approved, on or after the effective date).
    pub apply: bool,
}

/// A plan by id and name.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PlanRef {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
}

/// The procedure board of one plan.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PlanBoard {
    /// The summary.
    pub plan: PlanSummary,
    /// The date the clocks are computed on.
    pub today: Date,
    /// Every step in order.
    pub steps: Vec<StepView>,
    /// The clocks, once approved.
    pub clocks: Option<ClocksView>,
    /// The consultation totals.
    pub consultation: ConsultationTotals,
    /// The consultation register (every meeting, questionnaire and suggestion).
    pub consultation_register: ConsultationRegister,
    /// Its summary sentence (Chinese).
    pub consultation_summary: String,
    /// Attached materials.
    pub materials: Vec<Document>,
    /// Department opinions.
    pub opinions: Vec<Opinion>,
    /// Returns for revision (the open one last, `resolved` empty).
    pub returns: Vec<Return>,
    /// Extensions.
    pub extensions: Vec<Extension>,
    /// Who did what and when.
    pub activity: Vec<Activity>,
    /// The scheme as submitted (TOML or JSON).
    pub scheme: String,
    /// The documents generated from the applied plan.
    pub documents: Vec<DocumentLink>,
    /// For a village adjustment: each village concerned and its 村民会议 (empty otherwise).
    pub village_assent: Vec<quhua_workflow::procedure::VillageAssent>,
    /// Other plans of the county the actor may approve under the same decision now.
    pub approve_with: Vec<PlanRef>,
    /// What the acting person may do now.
    pub permissions: Permissions,
}

/// A generated file: name, MIME type and content.
#[derive(Debug, Clone)]
pub struct FileOut {
    /// File name.
    pub name: String,
    /// MIME type.
    pub mime: &'static str,
    /// Content.
    pub bytes: Vec<u8>,
}
