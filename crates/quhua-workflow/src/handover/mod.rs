//! 实施: the handover that follows an approved scheme (交接).
//!
//! When a plan is approved (and again when it is applied), every abolished or merged township
//! hands over to its successor ([`PlanPairs`]), one section per department ([`SectionKind`],
//! templates as cited data per province, [`Template`]):
//!
//! - 编办: staffing quotas computed by the "3+X" formula ([`compute_quotas`], [`QuotaPolicy`]);
//! - 组织部: cadre placement, 职数, 超配 and 谈心谈话 ([`CadreBook`]);
//! - 财政/国资 and 农业农村: the 清产核资 ledgers of assets, debts and claims ([`Ledger`]),
//!   each item transferred, disposed through a route or written off, with conservation proven
//!   exactly per unit and category ([`Ledger::conservation`]);
//! - 卫健/教体/政务服务: service points at every former seat, "只增不减" ([`ServiceBook`]);
//! - 民政/档案: seals, signage, accounts, websites, boundary survey, archives and the review of
//!   rules ([`CheckItem`], [`RuleReview`]).
//!
//! A section closes only when its work is complete; a closed section never changes
//! ([`Handover::close`]). [`Handover::status`] summarises the whole handover.
//!
//! Pure: no IO. Importers live in `quhua-io` (`ledger`), storage in `quhua-store`.

mod cadre;
mod checklist;
mod error;
mod items;
mod ledger;
mod money;
mod ops;
mod plan;
mod quota;
mod register;
mod service;
mod status;
pub mod synth;
mod template;
mod touch;

pub use cadre::{
    Absorption, Cadre, CadreBook, CadreStatus, Overstaff, PERSONAL_FIELDS, PlacementRecord, Talk,
};
pub use checklist::{CheckItem, ChecklistStatus, Done, RuleAction, RuleReview, checklist_status};
pub use error::HandoverError;
pub use items::{AssetItem, DebtItem, DebtKind, LedgerItem};
pub use ledger::{Conservation, ConservationRow, Disposition, Ledger, LedgerData, Tally};
pub use money::Money;
pub use ops::ImportReport;
pub use plan::{Pair, PairKind, PlanPairs, UnitAfter, UnitFacts, UnitRef};
pub use quota::{Factor, QuotaLine, QuotaPolicy, QuotaResult, Special, compute_quotas};
pub use register::{Closed, Handover, Section};
pub use service::{
    Outcome, ServiceBook, ServicePoint, ServiceStatus, ServiceType, VillageAccess, VillagePoint,
    distance_km,
};
pub use status::{HandoverStatus, LedgerStatus, QuotaStatus, SectionStatus};
pub use template::{
    ItemTemplate, Placement, Route, Routes, SectionKind, SectionTemplate, Template,
};
