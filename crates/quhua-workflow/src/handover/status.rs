//! The status of a whole handover: per section, and per register (assets, debts, cadres,
//! quotas, services, records), from running tallies so it stays fast on large ledgers.

use super::cadre::CadreStatus;
use super::checklist::{ChecklistStatus, checklist_status};
use super::items::LedgerItem;
use super::ledger::{Ledger, Tally};
use super::money::Money;
use super::register::Handover;
use super::service::ServiceStatus;
use super::template::SectionKind;
use crate::org::Department;
use quhua_core::date::Date;
use serde::{Deserialize, Serialize};

/// A ledger's summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LedgerStatus {
    /// Items imported.
    pub items: u64,
    /// Their book value (净值; for debts and claims the amount), 分.
    pub book_value: Money,
    /// 移交.
    pub transferred: Tally,
    /// 处置.
    pub disposed: Tally,
    /// 核销.
    pub written_off: Tally,
    /// Not decided.
    pub unassigned: Tally,
    /// items and value before = transferred + disposed + written off, exactly, nothing unassigned.
    pub conserved: bool,
}

impl LedgerStatus {
    /// The summary of a ledger (from its tallies).
    pub fn of<T: LedgerItem>(l: &Ledger<T>) -> LedgerStatus {
        let (before, b) = l.totals();
        let done = Tally {
            items: b[0].items + b[1].items + b[2].items,
            value: b[0].value + b[1].value + b[2].value,
        };
        LedgerStatus {
            items: before.items,
            book_value: before.value,
            transferred: b[0],
            disposed: b[1],
            written_off: b[2],
            unassigned: b[3],
            conserved: done == before && b[3].items == 0,
        }
    }
}

/// The quotas' summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuotaStatus {
    /// Computed yet.
    pub computed: bool,
    /// Townships after.
    pub units: usize,
    /// County total before.
    pub before: u32,
    /// County total after.
    pub after: u32,
    /// Returned to the county pool.
    pub returned_to_pool: u32,
    /// Average after.
    pub average: f64,
    /// Largest after.
    pub max: u32,
    /// Smallest after.
    pub min: u32,
    /// The county total did not grow.
    pub within_total: bool,
}

/// One section's progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SectionStatus {
    /// Id.
    pub id: String,
    /// Kind.
    pub kind: SectionKind,
    /// Lead department.
    pub department: Department,
    /// Predecessor (label).
    pub from: String,
    /// Successor (label).
    pub to: String,
    /// Checklist lines done.
    pub checklist_done: usize,
    /// Checklist lines.
    pub checklist_total: usize,
    /// Due.
    pub due: Date,
    /// Closed (销号).
    pub closed: bool,
    /// Open and past due.
    pub overdue: bool,
}

/// The whole handover's status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct HandoverStatus {
    /// Plan.
    pub plan: String,
    /// County code.
    pub county: String,
    /// Pairs.
    pub pairs: usize,
    /// Sections closed.
    pub sections_closed: usize,
    /// Sections.
    pub sections_total: usize,
    /// Per section.
    pub sections: Vec<SectionStatus>,
    /// Assets.
    pub assets: LedgerStatus,
    /// Debts and claims.
    pub debts: LedgerStatus,
    /// Cadres.
    pub cadres: CadreStatus,
    /// Quotas.
    pub quotas: QuotaStatus,
    /// Services.
    pub services: ServiceStatus,
    /// Seals, archives, signage … and rules reviewed.
    pub records: ChecklistStatus,
}

impl Handover {
    /// The status as of `today`.
    pub fn status(&self, today: Date) -> HandoverStatus {
        let sections: Vec<SectionStatus> = self
            .sections
            .iter()
            .map(|s| {
                let p = self.pair_of(s);
                let done = s.checklist.iter().filter(|l| l.done.is_some()).count();
                SectionStatus {
                    id: s.id.clone(),
                    kind: s.kind,
                    department: s.department,
                    from: p.from.label(),
                    to: p.to.label(),
                    checklist_done: done,
                    checklist_total: s.checklist.len(),
                    due: s.due,
                    closed: s.closed.is_some(),
                    overdue: s.closed.is_none() && today > s.due,
                }
            })
            .collect();
        let quotas = match &self.quotas {
            Some(q) => QuotaStatus {
                computed: true,
                units: q.units_after,
                before: q.total_before,
                after: q.total_after,
                returned_to_pool: q.returned_to_pool,
                average: q.average_after,
                max: q.max_after,
                min: q.min_after,
                within_total: q.total_after <= q.total_before,
            },
            None => QuotaStatus {
                computed: false,
                units: self.pairs.after.len(),
                before: self
                    .pairs
                    .before
                    .values()
                    .filter_map(|f| f.staff_quota)
                    .sum(),
                after: 0,
                returned_to_pool: 0,
                average: 0.0,
                max: 0,
                min: 0,
                within_total: true,
            },
        };
        let former: Vec<String> = self
            .pairs
            .pairs
            .iter()
            .map(|p| p.from.code.clone())
            .collect();
        let record_lines = self
            .sections
            .iter()
            .filter(|s| matches!(s.kind, SectionKind::Records | SectionKind::Archives))
            .flat_map(|s| s.checklist.iter());
        HandoverStatus {
            plan: self.plan.clone(),
            county: self.pairs.county.clone(),
            pairs: self.pairs.pairs.len(),
            sections_closed: sections.iter().filter(|s| s.closed).count(),
            sections_total: sections.len(),
            sections,
            assets: LedgerStatus::of(&self.assets),
            debts: LedgerStatus::of(&self.debts),
            cadres: self.cadres.status(today),
            quotas,
            services: self.services.status(&former),
            records: checklist_status(record_lines, &self.rules),
        }
    }
}
