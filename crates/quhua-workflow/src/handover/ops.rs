//! Changing a handover: imports, assignments, placements, outcomes, checklists. Every change
//! is validated first and refused whole when it touches a closed section.

use super::cadre::{Absorption, Cadre, PlacementRecord, Talk};
use super::checklist::{Done, RuleReview};
use super::error::HandoverError;
use super::items::{AssetItem, DebtItem, LedgerItem};
use super::ledger::{Disposition, Ledger};
use super::quota::compute_quotas;
use super::register::Handover;
use super::service::{Outcome, ServicePoint};
use super::template::{Route, SectionKind};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What an import did.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct ImportReport {
    /// Items in the file.
    pub items: usize,
    /// New ids.
    pub added: usize,
    /// Ids no longer present.
    pub removed: usize,
    /// Ids whose content changed (their disposition is reset to unassigned).
    pub changed: usize,
    /// Ids unchanged (disposition kept).
    pub unchanged: usize,
}

fn ledger_import<T: LedgerItem>(
    h: &Handover,
    old: &Ledger<T>,
    source: &str,
    items: Vec<T>,
) -> Result<(Ledger<T>, ImportReport), HandoverError> {
    if let Some((second, first)) = Ledger::first_duplicate(&items) {
        return Err(HandoverError::DuplicateItem {
            file: source.to_string(),
            row: items[second].row(),
            first_row: items[first].row(),
            id: items[second].id().to_string(),
        });
    }
    for it in &items {
        if h.ledger_section(it.owner()).is_none() {
            return Err(HandoverError::UnknownOwner {
                file: source.to_string(),
                row: it.row(),
                id: it.id().to_string(),
                owner: it.owner().to_string(),
            });
        }
    }
    let closed = |owner: &str| {
        h.ledger_section(owner)
            .map(|i| &h.sections[i])
            .filter(|s| s.closed.is_some())
    };
    let mut report = ImportReport {
        items: items.len(),
        ..Default::default()
    };
    let new_ids: HashMap<&str, usize> = items
        .iter()
        .enumerate()
        .map(|(i, it)| (it.id(), i))
        .collect();
    for (i, o) in old.items().iter().enumerate() {
        match new_ids.get(o.id()) {
            None => {
                if let Some(s) = closed(o.owner()) {
                    return Err(refused(source, &s.id, o.id()));
                }
                report.removed += 1;
            }
            Some(&j) => {
                let n = &items[j];
                if !o.same_content(n) {
                    for owner in [o.owner(), n.owner()] {
                        if let Some(s) = closed(owner) {
                            return Err(refused(source, &s.id, o.id()));
                        }
                    }
                    report.changed += 1;
                } else {
                    report.unchanged += 1;
                }
                let _ = i;
            }
        }
    }
    for n in &items {
        if old.position(n.id()).is_none() {
            if let Some(s) = closed(n.owner()) {
                return Err(refused(source, &s.id, n.id()));
            }
            report.added += 1;
        }
    }
    let mut keep: Vec<(usize, Disposition)> = Vec::new();
    for (j, n) in items.iter().enumerate() {
        if let Some((o, d)) = old.get(n.id())
            && o.same_content(n)
            && *d != Disposition::Unassigned
        {
            keep.push((j, d.clone()));
        }
    }
    let mut ledger = Ledger::build(items);
    for (j, d) in keep {
        ledger.set_at(j, d);
    }
    Ok((ledger, report))
}

fn refused(source: &str, section: &str, id: &str) -> HandoverError {
    HandoverError::ClosedLedgerChanged {
        file: source.to_string(),
        section: section.to_string(),
        id: id.to_string(),
    }
}

fn check_route<'a>(routes: &'a [Route], route: &str) -> Option<&'a Route> {
    routes.iter().find(|r| r.id == route || r.zh == route)
}

impl Handover {
    /// Imports (or re-imports) the asset ledger, all or nothing: every item must belong to a
    /// township of the handover or one of its villages; ids are unique; a re-import that adds,
    /// removes or changes an item of a closed section is refused. Unchanged items keep their
    /// disposition. `source` names the file in errors.
    pub fn import_assets(
        &mut self,
        source: &str,
        items: Vec<AssetItem>,
    ) -> Result<ImportReport, HandoverError> {
        let (l, r) = ledger_import(self, &self.assets, source, items)?;
        self.assets = l;
        Ok(r)
    }

    /// As [`Handover::import_assets`], for debts and claims.
    pub fn import_debts(
        &mut self,
        source: &str,
        items: Vec<DebtItem>,
    ) -> Result<ImportReport, HandoverError> {
        let (l, r) = ledger_import(self, &self.debts, source, items)?;
        self.debts = l;
        Ok(r)
    }

    fn validate<T: LedgerItem>(
        &self,
        ledger: &Ledger<T>,
        id: &str,
        d: &Disposition,
        debt: bool,
    ) -> Result<(usize, Disposition), HandoverError> {
        let i = ledger
            .position(id)
            .ok_or_else(|| HandoverError::UnknownItem {
                ledger: T::LEDGER,
                id: id.to_string(),
            })?;
        let it = &ledger.items()[i];
        let sec = self.ledger_section(it.owner());
        self.guard(sec)?;
        let pair = self
            .pair_of_owner(it.owner())
            .map(|p| &self.pairs.pairs[p])
            .ok_or_else(|| HandoverError::UnknownUnit(it.owner().to_string()))?;
        let d = match d {
            Disposition::Unassigned => Disposition::Unassigned,
            Disposition::Transferred { to } => {
                if to != &pair.to.code && to != &pair.to.name {
                    return Err(HandoverError::WrongSuccessor {
                        id: id.to_string(),
                        to: to.clone(),
                        expected: pair.to.label(),
                    });
                }
                Disposition::Transferred {
                    to: pair.to.code.clone(),
                }
            }
            Disposition::Disposed { route, note } => {
                let r = &self.template.routes;
                let (list, other, kind) = if debt {
                    (&r.debt, None, "镇")
                } else if it.owner().len() == 9 {
                    (&r.township, Some(&r.village), "镇")
                } else {
                    (&r.village, Some(&r.township), "村")
                };
                match check_route(list, route) {
                    Some(found) => Disposition::Disposed {
                        route: found.id.clone(),
                        note: note.clone(),
                    },
                    None if other.and_then(|o| check_route(o, route)).is_some() => {
                        return Err(HandoverError::RouteNotAllowed {
                            route: route.clone(),
                            id: id.to_string(),
                            owner_kind: kind,
                        });
                    }
                    None => return Err(HandoverError::UnknownRoute(route.clone())),
                }
            }
            Disposition::WrittenOff { approval } => {
                if approval.trim().is_empty() {
                    return Err(HandoverError::MissingApproval(id.to_string()));
                }
                Disposition::WrittenOff {
                    approval: approval.trim().to_string(),
                }
            }
        };
        Ok((i, d))
    }

    /// Sets what happens to an asset: transferred to the successor, disposed through a route
    /// of the owner's kind (镇 or 村), written off with an approval, or back to unassigned.
    pub fn assign_asset(&mut self, id: &str, d: &Disposition) -> Result<(), HandoverError> {
        let (i, d) = self.validate(&self.assets, id, d, false)?;
        self.assets.set_at(i, d);
        Ok(())
    }

    /// As [`Handover::assign_asset`], for a debt or claim (routes: 清偿, 收回, 抵销).
    pub fn assign_debt(&mut self, id: &str, d: &Disposition) -> Result<(), HandoverError> {
        let (i, d) = self.validate(&self.debts, id, d, true)?;
        self.debts.set_at(i, d);
        Ok(())
    }

    fn cadre_sections(&self, unit: &str) -> Vec<usize> {
        self.pairs
            .pairs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.from.code == unit || p.to.code == unit)
            .filter_map(|(i, _)| self.section_ix(i, SectionKind::Cadres))
            .collect()
    }

    fn guard_cadre_unit(&self, unit: &str) -> Result<(), HandoverError> {
        let secs = self.cadre_sections(unit);
        if secs.is_empty() {
            return Err(HandoverError::UnknownUnit(unit.to_string()));
        }
        for s in secs {
            self.guard(Some(s))?;
        }
        Ok(())
    }

    /// Replaces the roster, all or nothing: ids unique, every cadre of a unit in the handover,
    /// no change to the cadres of a closed section. Placements and talks of cadres no longer on
    /// the roster are dropped.
    pub fn set_roster(&mut self, roster: Vec<Cadre>) -> Result<(), HandoverError> {
        let mut seen = std::collections::HashSet::new();
        for c in &roster {
            if !seen.insert(c.id.as_str()) {
                return Err(HandoverError::DuplicateCadre(c.id.clone()));
            }
            let old = self.cadres.find(&c.id);
            if old != Some(c) {
                self.guard_cadre_unit(&c.unit)?;
                if let Some(o) = old {
                    self.guard_cadre_unit(&o.unit)?;
                }
            }
        }
        for o in &self.cadres.roster {
            if !roster.iter().any(|c| c.id == o.id) {
                self.guard_cadre_unit(&o.unit)?;
            }
        }
        self.cadres
            .placements
            .retain(|id, _| roster.iter().any(|c| &c.id == id));
        self.cadres
            .talks
            .retain(|t| roster.iter().any(|c| c.id == t.cadre));
        self.cadres.roster = roster;
        Ok(())
    }

    /// Places a cadre by a configured route (with a destination when the route needs one).
    pub fn place(&mut self, cadre: &str, p: PlacementRecord) -> Result<(), HandoverError> {
        let c = self
            .cadres
            .find(cadre)
            .ok_or_else(|| HandoverError::UnknownCadre(cadre.to_string()))?;
        self.guard_cadre_unit(&c.unit.clone())?;
        let route = self
            .template
            .placement_route(&p.route)
            .or_else(|| {
                self.template
                    .placement
                    .routes
                    .iter()
                    .find(|r| r.zh == p.route)
            })
            .ok_or_else(|| HandoverError::UnknownPlacementRoute(p.route.clone()))?
            .clone();
        if route.destination && p.destination.as_deref().is_none_or(|d| d.trim().is_empty()) {
            return Err(HandoverError::Invalid {
                zh: format!("安置方式“{}”须注明去向单位", route.zh),
                en: format!("placement route \"{}\" needs a destination", route.en),
            });
        }
        self.cadres.placements.insert(
            cadre.to_string(),
            PlacementRecord {
                route: route.id,
                destination: if route.destination {
                    p.destination
                } else {
                    None
                },
                leader: p.leader && route.destination,
                ..p
            },
        );
        Ok(())
    }

    /// Records a one-to-one talk.
    pub fn record_talk(&mut self, t: Talk) -> Result<(), HandoverError> {
        let c = self
            .cadres
            .find(&t.cadre)
            .ok_or_else(|| HandoverError::UnknownCadre(t.cadre.clone()))?;
        self.guard_cadre_unit(&c.unit.clone())?;
        self.cadres.talks.push(t);
        Ok(())
    }

    /// Sets the leadership posts (职数) of a successor township.
    pub fn set_posts(&mut self, unit: &str, posts: u32) -> Result<(), HandoverError> {
        self.guard_cadre_unit(unit)?;
        self.cadres.posts.insert(unit.to_string(), posts);
        Ok(())
    }

    /// Records a 超配 absorbed (not refused by closed sections: absorption goes on after).
    pub fn absorb(&mut self, a: Absorption) -> Result<(), HandoverError> {
        if !self.cadres.posts.contains_key(&a.unit) {
            return Err(HandoverError::UnknownUnit(a.unit));
        }
        self.cadres.absorptions.push(a);
        Ok(())
    }

    /// Sets the administrative staff quotas (行政编制) before the plan, by township code, all or
    /// nothing: every code a township of the county, counts non-negative; refused once any
    /// quota section is closed. Computed quotas are cleared (compute them again).
    pub fn set_quotas_before(&mut self, quotas: &[(String, u32)]) -> Result<usize, HandoverError> {
        for (i, s) in self.sections.iter().enumerate() {
            if s.kind == SectionKind::Quotas {
                self.guard(Some(i))?;
            }
        }
        for (code, _) in quotas {
            if !self.pairs.before.contains_key(code) {
                return Err(HandoverError::UnknownUnit(code.clone()));
            }
        }
        for (code, q) in quotas {
            if let Some(f) = self.pairs.before.get_mut(code) {
                f.staff_quota = Some(*q);
            }
        }
        for a in &mut self.pairs.after {
            let sum: Option<u32> = a
                .predecessors
                .iter()
                .map(|p| self.pairs.before.get(p).and_then(|f| f.staff_quota))
                .sum();
            a.facts.staff_quota = sum;
        }
        self.quotas = None;
        Ok(quotas.len())
    }

    /// Computes the quotas after the plan with the handover's policy. Refused once any quota
    /// section is closed.
    pub fn compute_quotas(&mut self) -> Result<(), HandoverError> {
        for (i, s) in self.sections.iter().enumerate() {
            if s.kind == SectionKind::Quotas {
                self.guard(Some(i))?;
            }
        }
        self.quotas = Some(compute_quotas(
            &self.quota_policy,
            &self.pairs.after,
            &self.pairs.before,
        )?);
        Ok(())
    }

    fn service_section(&self, township: &str, kind: super::service::ServiceType) -> Option<usize> {
        let p = self
            .pairs
            .pairs
            .iter()
            .position(|p| p.from.code == township)?;
        self.section_ix(p, self.service_section_kind(kind))
    }

    /// Replaces the service points before (all or nothing; ids unique; each at a township of
    /// the handover; none of a closed section changes).
    pub fn set_service_points(&mut self, points: Vec<ServicePoint>) -> Result<(), HandoverError> {
        let mut seen = std::collections::HashSet::new();
        for p in &points {
            if !seen.insert(p.id.as_str()) {
                return Err(HandoverError::Invalid {
                    zh: format!("服务网点编号“{}”重复", p.id),
                    en: format!("service point id \"{}\" appears twice", p.id),
                });
            }
            let sec = self
                .service_section(&p.township, p.kind)
                .ok_or_else(|| HandoverError::UnknownUnit(p.township.clone()))?;
            if self.services.points.iter().find(|o| o.id == p.id) != Some(p) {
                self.guard(Some(sec))?;
            }
        }
        for o in &self.services.points {
            if !points.iter().any(|p| p.id == o.id) {
                self.guard(self.service_section(&o.township, o.kind))?;
            }
        }
        self.services
            .outcomes
            .retain(|id, _| points.iter().any(|p| &p.id == id));
        self.services.points = points;
        Ok(())
    }

    /// Sets what becomes of a service point.
    pub fn set_outcome(&mut self, id: &str, o: Outcome) -> Result<(), HandoverError> {
        let p = self
            .services
            .points
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| HandoverError::UnknownServicePoint(id.to_string()))?;
        self.guard(self.service_section(&p.township, p.kind))?;
        if let Outcome::MergedInto { point, distance_km } = &o {
            let known = self
                .services
                .points
                .iter()
                .chain(&self.services.added)
                .any(|x| &x.id == point);
            if !known || point == id || !distance_km.is_finite() || *distance_km < 0.0 {
                return Err(HandoverError::UnknownServicePoint(point.clone()));
            }
        }
        if let Outcome::Closed { reason, .. } = &o
            && reason.trim().is_empty()
        {
            return Err(HandoverError::Invalid {
                zh: "撤销服务网点须说明理由".into(),
                en: "closing a service point needs a reason".into(),
            });
        }
        self.services.outcomes.insert(id.to_string(), o);
        Ok(())
    }

    /// Adds a point after the adjustment (新设).
    pub fn add_service_point(&mut self, p: ServicePoint) -> Result<(), HandoverError> {
        let sec = self
            .service_section(&p.township, p.kind)
            .ok_or_else(|| HandoverError::UnknownUnit(p.township.clone()))?;
        self.guard(Some(sec))?;
        if self
            .services
            .points
            .iter()
            .chain(&self.services.added)
            .any(|x| x.id == p.id)
        {
            return Err(HandoverError::Invalid {
                zh: format!("服务网点编号“{}”重复", p.id),
                en: format!("service point id \"{}\" appears twice", p.id),
            });
        }
        self.services.added.push(p);
        Ok(())
    }

    /// Marks a checklist line of a section done (who and when).
    pub fn check(
        &mut self,
        section: &str,
        item: &str,
        unit: &str,
        done: Done,
    ) -> Result<(), HandoverError> {
        let ix = self
            .sections
            .iter()
            .position(|s| s.id == section)
            .ok_or_else(|| HandoverError::UnknownSection(section.to_string()))?;
        self.guard(Some(ix))?;
        if done.by.trim().is_empty() {
            return Err(HandoverError::Invalid {
                zh: "须注明经办人".into(),
                en: "who did it must be given".into(),
            });
        }
        let line = self.sections[ix]
            .checklist
            .iter_mut()
            .find(|l| l.item == item && l.unit == unit)
            .ok_or_else(|| HandoverError::Invalid {
                zh: format!("交接事项“{section}”没有单位 {unit} 的清单项“{item}”"),
                en: format!("section \"{section}\" has no checklist line \"{item}\" for {unit}"),
            })?;
        line.done = Some(done);
        Ok(())
    }

    /// Records a rule reviewed (制度 废、改、立) for a unit of the handover; the reason is required.
    pub fn review_rule(&mut self, r: RuleReview) -> Result<(), HandoverError> {
        if r.reason.trim().is_empty() || r.title.trim().is_empty() {
            return Err(HandoverError::Invalid {
                zh: "制度名称和理由不能为空".into(),
                en: "the rule's title and the reason are required".into(),
            });
        }
        let secs: Vec<usize> = self
            .pairs
            .pairs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.from.code == r.unit || p.to.code == r.unit)
            .filter_map(|(i, _)| self.section_ix(i, SectionKind::Records))
            .collect();
        if secs.is_empty() {
            return Err(HandoverError::UnknownUnit(r.unit));
        }
        for s in secs {
            self.guard(Some(s))?;
        }
        self.rules.push(r);
        Ok(())
    }
}
