//! The handover of one plan: its pairs, sections and registers, and closing a section.

use super::cadre::CadreBook;
use super::checklist::{CheckItem, RuleReview};
use super::error::HandoverError;
use super::items::{AssetItem, DebtItem};
use super::ledger::{Disposition, Ledger};
use super::plan::{Pair, PlanPairs};
use super::quota::{QuotaPolicy, QuotaResult};
use super::service::{Outcome, ServiceBook, ServiceType};
use super::template::{SectionKind, Template};
use crate::org::Department;
use quhua_core::date::Date;
use quhua_core::policy::Severity;
use serde::{Deserialize, Serialize};

/// Who closed a section, and when (销号).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Closed {
    /// Who.
    pub by: String,
    /// When.
    pub date: Date,
}

/// One department's work for one pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Section {
    /// `{predecessor code}-{kind}`, e.g. `130634200-state_assets`.
    pub id: String,
    /// The kind.
    pub kind: SectionKind,
    /// The lead department.
    pub department: Department,
    /// Participating departments.
    pub also: Vec<Department>,
    /// Index of the pair.
    pub pair: usize,
    /// Due date.
    pub due: Date,
    /// Checklist lines.
    pub checklist: Vec<CheckItem>,
    /// Closed, once it is.
    pub closed: Option<Closed>,
}

/// The handover of one plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Handover {
    /// The plan (its id or name).
    pub plan: String,
    /// Date of the approval (批复) the due dates count from.
    pub approved_on: Date,
    /// The template in force.
    pub template: Template,
    /// Pairs and the county after.
    pub pairs: PlanPairs,
    /// Sections, by pair then kind.
    pub sections: Vec<Section>,
    /// Assets.
    pub assets: Ledger<AssetItem>,
    /// Debts and claims.
    pub debts: Ledger<DebtItem>,
    /// Cadres.
    pub cadres: CadreBook,
    /// The quota policy.
    pub quota_policy: QuotaPolicy,
    /// Quotas after, once computed.
    pub quotas: Option<QuotaResult>,
    /// Service points.
    pub services: ServiceBook,
    /// Rules reviewed (制度 废、改、立).
    pub rules: Vec<RuleReview>,
}

fn sections_for(t: &Template, pairs: &[Pair], approved_on: Date) -> Vec<Section> {
    let mut out = Vec::new();
    for (i, p) in pairs.iter().enumerate() {
        for st in &t.sections {
            let units: Vec<&str> = if st.checklist {
                vec![&p.from.code, &p.to.code]
            } else {
                vec![&p.from.code]
            };
            out.push(Section {
                id: format!("{}-{}", p.from.code, st.kind.id()),
                kind: st.kind,
                department: st.department,
                also: st.also.clone(),
                pair: i,
                due: approved_on + chrono::Days::new(u64::from(st.due_days)),
                checklist: st
                    .items
                    .iter()
                    .flat_map(|it| {
                        units.iter().map(|u| CheckItem {
                            item: it.id.clone(),
                            unit: u.to_string(),
                            done: None,
                        })
                    })
                    .collect(),
                closed: None,
            });
        }
    }
    out
}

impl Handover {
    /// Generates the handover of a plan: one section per department and pair, from the
    /// province's template; registers empty.
    ///
    /// ```
    /// use quhua_core::scenario::evaluate;
    /// use quhua_core::policy::Policy;
    /// use quhua_workflow::handover::{Handover, PlanPairs, QuotaPolicy, Template};
    /// let demo = quhua_demo::Demo::load().unwrap();
    /// let policy = Policy::default_policy();
    /// let base = demo.base(None, &policy).unwrap();
    /// let eval = evaluate(&base, &policy, &quhua_demo::Demo::sample_scenario().unwrap()).unwrap();
    /// let pairs = PlanPairs::from_evaluation(&base, &eval).unwrap();
    /// let t = Template::for_province(&pairs.province).unwrap();
    /// let day = chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    /// let h = Handover::generate("示意方案", pairs, t, QuotaPolicy::builtin().unwrap(), day);
    /// assert_eq!(h.sections.len(), h.pairs.pairs.len() * 9);
    /// assert!(h.status(day).sections.iter().all(|s| !s.closed));
    /// ```
    pub fn generate(
        plan: &str,
        pairs: PlanPairs,
        template: Template,
        quota_policy: QuotaPolicy,
        approved_on: Date,
    ) -> Handover {
        let sections = sections_for(&template, &pairs.pairs, approved_on);
        Handover {
            plan: plan.to_string(),
            approved_on,
            cadres: CadreBook {
                overstaff_months: template.placement.overstaff_months,
                ..Default::default()
            },
            template,
            pairs,
            sections,
            assets: Ledger::default(),
            debts: Ledger::default(),
            quota_policy,
            quotas: None,
            services: ServiceBook::default(),
            rules: Vec::new(),
        }
    }

    /// Regenerates after the plan is applied (or re-approved): pairs that remain keep their
    /// sections and data (successor codes updated from proposed to assigned, transfers
    /// remapped); new pairs get new sections. Refused when a pair with a closed section
    /// would disappear.
    pub fn refresh(&mut self, pairs: PlanPairs) -> Result<(), HandoverError> {
        for s in &self.sections {
            let from = &self.pairs.pairs[s.pair].from.code;
            if s.closed.is_some() && pairs.pair(from).is_none() {
                return Err(HandoverError::SectionClosed(s.id.clone()));
            }
        }
        let mut remap: Vec<(String, String)> = Vec::new();
        for old in &self.pairs.pairs {
            if let Some(new) = pairs.pair(&old.from.code)
                && new.to.code != old.to.code
            {
                remap.push((old.to.code.clone(), new.to.code.clone()));
            }
        }
        let fresh = sections_for(&self.template, &pairs.pairs, self.approved_on);
        let mut sections = Vec::with_capacity(fresh.len());
        for mut s in fresh {
            if let Some(old) = self.sections.iter().find(|o| o.id == s.id) {
                let to_old = &self.pairs.pairs[old.pair].to.code;
                let to_new = &pairs.pairs[s.pair].to.code;
                for line in &mut s.checklist {
                    let unit = if &line.unit == to_new {
                        to_old
                    } else {
                        &line.unit
                    };
                    if let Some(o) = old
                        .checklist
                        .iter()
                        .find(|l| l.item == line.item && &l.unit == unit)
                    {
                        line.done = o.done.clone();
                    }
                }
                s.closed = old.closed.clone();
            }
            sections.push(s);
        }
        for (from, to) in &remap {
            for i in 0..self.assets.len() {
                if matches!(&self.assets.dispositions()[i], Disposition::Transferred { to: t } if t == from)
                {
                    self.assets
                        .set_at(i, Disposition::Transferred { to: to.clone() });
                }
            }
            for i in 0..self.debts.len() {
                if matches!(&self.debts.dispositions()[i], Disposition::Transferred { to: t } if t == from)
                {
                    self.debts
                        .set_at(i, Disposition::Transferred { to: to.clone() });
                }
            }
        }
        self.sections = sections;
        self.pairs = pairs;
        Ok(())
    }

    /// A section by id.
    pub fn section(&self, id: &str) -> Result<&Section, HandoverError> {
        self.sections
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| HandoverError::UnknownSection(id.to_string()))
    }

    /// The pair of a section.
    pub fn pair_of(&self, s: &Section) -> &Pair {
        &self.pairs.pairs[s.pair]
    }

    /// The index of the pair an owner code belongs to (the township itself, or one of its villages by code prefix).
    pub(crate) fn pair_of_owner(&self, owner: &str) -> Option<usize> {
        if owner.len() != 9 && owner.len() != 12 {
            return None;
        }
        let town = &owner[..9.min(owner.len())];
        self.pairs.pairs.iter().position(|p| p.from.code == town)
    }

    /// The section (index) of a pair and kind.
    pub(crate) fn section_ix(&self, pair: usize, kind: SectionKind) -> Option<usize> {
        self.sections
            .iter()
            .position(|s| s.pair == pair && s.kind == kind)
    }

    /// The section index a ledger owner's items belong to: state assets for a township, collective assets for a village.
    pub(crate) fn ledger_section(&self, owner: &str) -> Option<usize> {
        let p = self.pair_of_owner(owner)?;
        let kind = if owner.len() == 9 {
            SectionKind::StateAssets
        } else {
            SectionKind::CollectiveAssets
        };
        self.section_ix(p, kind)
    }

    /// Whether the ledger section an owner's items belong to is closed.
    pub fn ledger_owner_closed(&self, owner: &str) -> bool {
        self.ledger_section(owner)
            .is_some_and(|i| self.sections[i].closed.is_some())
    }

    /// The section kind responsible for a service type (from the template's `service_types`).
    pub fn service_section_kind(&self, t: ServiceType) -> SectionKind {
        self.template
            .sections
            .iter()
            .find(|s| s.service_types.iter().any(|x| x == t.id()))
            .map_or(SectionKind::Services, |s| s.kind)
    }

    pub(crate) fn guard(&self, ix: Option<usize>) -> Result<(), HandoverError> {
        match ix.map(|i| &self.sections[i]) {
            Some(s) if s.closed.is_some() => Err(HandoverError::SectionClosed(s.id.clone())),
            _ => Ok(()),
        }
    }

    /// What keeps a section open (Chinese, English); empty when it can close.
    pub fn open_work(&self, id: &str) -> Result<Vec<(String, String)>, HandoverError> {
        let s = self.section(id)?;
        let p = self.pair_of(s);
        let mut open = Vec::new();
        let left = s.checklist.iter().filter(|l| l.done.is_none()).count();
        if left > 0 {
            open.push((
                format!("清单尚有 {left} 项未完成"),
                format!("{left} checklist line(s) not done"),
            ));
        }
        let units = [p.from.code.clone(), p.to.code.clone()];
        match s.kind {
            SectionKind::Quotas => {
                if self.quotas.is_none() {
                    open.push((
                        "调整后编制尚未测算".into(),
                        "quotas after not computed".into(),
                    ));
                }
            }
            SectionKind::Cadres => {
                let n = self.cadres.unplaced(Some(&units)).count();
                if n > 0 {
                    open.push((
                        format!("{n} 名干部尚未安置"),
                        format!("{n} cadre(s) not placed"),
                    ));
                }
                let tpl = self.template.section(SectionKind::Cadres);
                let t = self.cadres.untalked(Some(&units)).count();
                if tpl.require_full_talks && t > 0 {
                    open.push((
                        format!("{t} 名干部尚未谈心谈话"),
                        format!("{t} cadre(s) without a talk"),
                    ));
                }
            }
            SectionKind::StateAssets | SectionKind::CollectiveAssets => {
                let mine =
                    |owner: &str| self.ledger_section(owner) == self.section_ix(s.pair, s.kind);
                let a: u64 = self
                    .assets
                    .group_tallies()
                    .filter(|(o, ..)| mine(o))
                    .map(|(_, _, _, b)| b[3].items)
                    .sum();
                let d: u64 = self
                    .debts
                    .group_tallies()
                    .filter(|(o, ..)| mine(o))
                    .map(|(_, _, _, b)| b[3].items)
                    .sum();
                if a + d > 0 {
                    open.push((
                        format!("资产 {a} 宗、债权债务 {d} 笔尚未移交、处置或核销"),
                        format!("{a} asset(s) and {d} debt/claim item(s) not yet transferred, disposed or written off"),
                    ));
                }
            }
            SectionKind::Health | SectionKind::Education | SectionKind::Services => {
                let pending = self
                    .services
                    .points
                    .iter()
                    .filter(|pt| {
                        pt.township == p.from.code && self.service_section_kind(pt.kind) == s.kind
                    })
                    .filter(|pt| *self.services.outcome(&pt.id) == Outcome::Pending)
                    .count();
                if pending > 0 {
                    open.push((
                        format!("{pending} 处服务网点尚未确定去向"),
                        format!("{pending} service point(s) undecided"),
                    ));
                }
                let errors = self
                    .services
                    .findings(std::slice::from_ref(&p.from.code))
                    .into_iter()
                    .filter(|f| f.severity == Severity::Error)
                    .filter(|f| {
                        ServiceType::ALL.iter().any(|t| {
                            self.service_section_kind(*t) == s.kind
                                && f.units.iter().any(|u| u.contains(t.zh()))
                        }) || (f.rule == "services_station"
                            && s.kind == self.service_section_kind(ServiceType::ServiceCentre))
                    })
                    .count();
                if errors > 0 {
                    open.push((
                        format!("违反“只增不减” {errors} 处"),
                        format!("{errors} breach(es) of \"services only grow\""),
                    ));
                }
            }
            SectionKind::Records | SectionKind::Archives => {}
        }
        Ok(open)
    }

    /// Closes (销号) a section, once nothing keeps it open. A closed section never changes.
    pub fn close(&mut self, id: &str, by: &str, date: Date) -> Result<(), HandoverError> {
        let s = self.section(id)?;
        if s.closed.is_some() {
            return Err(HandoverError::SectionClosed(id.to_string()));
        }
        let open = self.open_work(id)?;
        if !open.is_empty() {
            let (zh, en): (Vec<String>, Vec<String>) = open.into_iter().unzip();
            return Err(HandoverError::Incomplete {
                section: id.to_string(),
                zh: zh.join("；"),
                en: en.join("; "),
            });
        }
        if by.trim().is_empty() {
            return Err(HandoverError::MissingApproval(id.to_string()));
        }
        if let Some(s) = self.sections.iter_mut().find(|s| s.id == id) {
            s.closed = Some(Closed {
                by: by.to_string(),
                date,
            });
        }
        Ok(())
    }
}
