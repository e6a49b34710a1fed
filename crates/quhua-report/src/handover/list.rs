//! The 移交清单 of one handover pair: what it contains, built from the [`Handover`].

use super::lines::{
    AssetLine, CadreCounts, CategoryLine, CheckLine, DebtLine, QuotaInfo, SectionLine, ServiceLine,
};
use super::{destination, owned_by, route_zh};
use crate::ReportError;
use crate::notice::zh_date;
use quhua_core::date::Date;
use quhua_workflow::handover::{
    Handover, LedgerItem, Money, Outcome, Pair, PairKind, Route, Routes, UnitRef,
};
use std::collections::BTreeMap;

/// The 移交清单 of one pair, ready to print as DOCX or XLSX.
#[derive(Debug, Clone, PartialEq)]
pub struct HandoverList {
    /// “{from}移交{to}交接清单”.
    pub title: String,
    /// The predecessor (移交单位).
    pub from: UnitRef,
    /// The successor (接收单位).
    pub to: UnitRef,
    /// How the predecessor ends.
    pub kind: PairKind,
    /// The plan.
    pub plan: String,
    /// Date of the approval.
    pub approved_on: Date,
    /// Date the list is drawn up.
    pub date: Date,
    /// The pair's sections.
    pub sections: Vec<SectionLine>,
    /// Assets per category.
    pub asset_categories: Vec<CategoryLine>,
    /// Every asset item of the predecessor (township and its villages).
    pub assets: Vec<AssetLine>,
    /// Debts and claims per kind.
    pub debt_categories: Vec<CategoryLine>,
    /// Every debt and claim of the predecessor.
    pub debts: Vec<DebtLine>,
    /// Service points of the predecessor.
    pub services: Vec<ServiceLine>,
    /// Cadre placement (counts).
    pub cadres: CadreCounts,
    /// The successor's quota, when computed.
    pub quotas: Option<QuotaInfo>,
    /// A note printed at the end (e.g. “示意数据（synthetic）”).
    pub footnote: Option<String>,
}

impl HandoverList {
    /// Sets the note printed at the end (label synthetic data here).
    pub fn with_footnote(mut self, note: Option<&str>) -> Self {
        self.footnote = note.map(str::to_string);
        self
    }

    /// The basis paragraph: the plan, its approval and what happens to the predecessor.
    pub fn basis(&self) -> String {
        let (f, t) = (self.from.label(), self.to.label());
        let what = match self.kind {
            PairKind::AbolishMerge => format!("撤销{f}，将其所辖行政区域并入{t}"),
            PairKind::MergeEstablish => format!("撤销{f}，合并设立{t}"),
            PairKind::Convert => format!("撤销{f}，设立{t}（建制变更）"),
        };
        format!(
            "根据《{}》（{}批复），{what}。{}将下列事项移交{}，双方核对无误后签字确认。",
            self.plan,
            zh_date(self.approved_on),
            self.from.name,
            self.to.name
        )
    }

    /// The three signature lines: 移交单位, 接收单位, 监交单位.
    pub fn signatures(&self) -> [&'static str; 3] {
        [super::SIGN_FROM, super::SIGN_TO, super::SIGN_SUPERVISOR]
    }
}

/// The kind of an outcome, in Chinese.
pub(crate) fn outcome_state(o: &Outcome) -> &'static str {
    match o {
        Outcome::Pending => "未定",
        Outcome::Kept => "保留",
        Outcome::Renamed { .. } => "更名",
        Outcome::Upgraded { .. } => "升级",
        Outcome::MergedInto { .. } => "归并",
        Outcome::Closed { .. } => "撤销",
    }
}

fn outcome_zh(h: &Handover, o: &Outcome) -> String {
    match o {
        Outcome::Pending => "未定".into(),
        Outcome::Kept => "保留".into(),
        Outcome::Renamed { name } => format!("更名为{name}"),
        Outcome::Upgraded { name, note } => format!("升级为{name}（{note}）"),
        Outcome::MergedInto { point, distance_km } => {
            let name = h
                .services
                .points
                .iter()
                .chain(&h.services.added)
                .find(|p| &p.id == point)
                .map_or(point.as_str(), |p| p.name.as_str());
            format!("归并至{name}（{distance_km:.1} 公里）")
        }
        Outcome::Closed { reason, approval } => match approval {
            Some(a) => format!("撤销：{reason}（{a}）"),
            None => format!("撤销：{reason}（未报批）"),
        },
    }
}

fn asset_routes<'t>(r: &'t Routes, owner: &str) -> Vec<&'t [Route]> {
    if owner.len() == 9 {
        vec![&r.township, &r.village]
    } else {
        vec![&r.village, &r.township]
    }
}

fn debt_routes(r: &Routes) -> Vec<&[Route]> {
    vec![&r.debt, &r.township, &r.village]
}

fn categories<'r, T: LedgerItem>(
    items: &[T],
    disp: &[quhua_workflow::handover::Disposition],
    from: &str,
    original: impl Fn(&T) -> Option<Money>,
    lists: impl Fn(&T) -> Vec<&'r [Route]>,
) -> Vec<CategoryLine> {
    let mut by: BTreeMap<&str, CategoryLine> = BTreeMap::new();
    for (it, d) in items.iter().zip(disp) {
        if !owned_by(it.owner(), from) {
            continue;
        }
        let route = match d {
            quhua_workflow::handover::Disposition::Disposed { route, .. } => {
                Some(route_zh(&lists(it), route))
            }
            _ => None,
        };
        by.entry(it.category())
            .or_insert_with(|| CategoryLine {
                category: it.category().to_string(),
                ..Default::default()
            })
            .add(original(it), it.value(), d.bucket(), route);
    }
    by.into_values().collect()
}

/// `name（code）` of a unit of the pair (the two may share a name).
fn name_of(p: &Pair, code: &str) -> String {
    if code == p.from.code {
        p.from.label()
    } else if code == p.to.code {
        p.to.label()
    } else {
        code.to_string()
    }
}

/// The 移交清单 of the pair whose predecessor has code `pair_from`, as of `today`.
///
/// Errors with [`ReportError::UnknownPair`] when the handover has no such pair.
pub fn handover_list(
    h: &Handover,
    pair_from: &str,
    today: Date,
) -> Result<HandoverList, ReportError> {
    let (ix, pair) = h
        .pairs
        .pairs
        .iter()
        .enumerate()
        .find(|(_, p)| p.from.code == pair_from)
        .ok_or_else(|| ReportError::UnknownPair(pair_from.to_string()))?;
    let from = pair.from.code.as_str();
    let sections = h
        .sections
        .iter()
        .filter(|s| s.pair == ix)
        .map(|s| {
            let tpl = h.template.section(s.kind);
            SectionLine {
                id: s.id.clone(),
                name: tpl.zh.clone(),
                department: s.department.zh().to_string(),
                due: s.due,
                closed: s.closed.clone(),
                checklist: s
                    .checklist
                    .iter()
                    .map(|l| CheckLine {
                        item: tpl
                            .items
                            .iter()
                            .find(|i| i.id == l.item)
                            .map_or_else(|| l.item.clone(), |i| i.zh.clone()),
                        unit: name_of(pair, &l.unit),
                        done: l.done.is_some(),
                        by: l.done.as_ref().map(|d| d.by.clone()),
                        date: l.done.as_ref().map(|d| d.date),
                        note: l.done.as_ref().and_then(|d| d.note.clone()),
                    })
                    .collect(),
            }
        })
        .collect();
    let r = &h.template.routes;
    let (ai, ad) = (h.assets.items(), h.assets.dispositions());
    let asset_categories = categories(
        ai,
        ad,
        from,
        |a| Some(a.original_value),
        |a| asset_routes(r, &a.owner),
    );
    let assets = ai
        .iter()
        .zip(ad)
        .filter(|(a, _)| owned_by(&a.owner, from))
        .map(|(a, d)| AssetLine {
            id: a.id.clone(),
            name: a.name.clone(),
            category: a.category.clone(),
            owner: a.owner.clone(),
            quantity: a.quantity,
            measure_unit: a.measure_unit.clone(),
            original: a.original_value,
            net: a.net_value,
            destination: destination(d, &asset_routes(r, &a.owner)),
        })
        .collect();
    let (di, dd) = (h.debts.items(), h.debts.dispositions());
    let debt_categories = categories(di, dd, from, |_| None, |_| debt_routes(r));
    let debts = di
        .iter()
        .zip(dd)
        .filter(|(x, _)| owned_by(&x.owner, from))
        .map(|(x, d)| DebtLine {
            id: x.id.clone(),
            kind: x.kind.zh().to_string(),
            counterparty: x.counterparty.clone(),
            owner: x.owner.clone(),
            amount: x.amount,
            due: x.due.clone(),
            destination: destination(d, &debt_routes(r)),
        })
        .collect();
    let services = h
        .services
        .points
        .iter()
        .filter(|p| p.township == from)
        .map(|p| ServiceLine {
            id: p.id.clone(),
            kind: p.kind.zh().to_string(),
            name: p.name.clone(),
            village: p.village.clone(),
            at_seat: p.at_seat,
            state: outcome_state(h.services.outcome(&p.id)),
            outcome: outcome_zh(h, h.services.outcome(&p.id)),
        })
        .collect();
    let mine: Vec<_> = h.cadres.roster.iter().filter(|c| c.unit == from).collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &mine {
        if let Some(p) = h.cadres.placements.get(&c.id) {
            *counts.entry(p.route.as_str()).or_default() += 1;
        }
    }
    let mut by_route: Vec<(String, usize)> = h
        .template
        .placement
        .routes
        .iter()
        .filter_map(|r| counts.remove(r.id.as_str()).map(|n| (r.zh.clone(), n)))
        .collect();
    by_route.extend(counts.into_iter().map(|(id, n)| (id.to_string(), n)));
    let placed: usize = by_route.iter().map(|(_, n)| n).sum();
    let cadres = CadreCounts {
        roster: mine.len(),
        unplaced: mine.len() - placed,
        talked: mine
            .iter()
            .filter(|c| h.cadres.talks.iter().any(|t| t.cadre == c.id))
            .count(),
        by_route,
    };
    let quotas = h.quotas.as_ref().and_then(|q| {
        q.lines
            .iter()
            .find(|l| l.code == pair.to.code)
            .map(|l| QuotaInfo {
                policy: q.policy.clone(),
                predecessor: pair.facts.staff_quota,
                before: l.before,
                basic: l.basic,
                increase: l.increase,
                priority: l.priority,
                after: l.after,
            })
    });
    Ok(HandoverList {
        title: format!("{}移交{}交接清单", pair.from.name, pair.to.name),
        from: pair.from.clone(),
        to: pair.to.clone(),
        kind: pair.kind,
        plan: h.plan.clone(),
        approved_on: h.approved_on,
        date: today,
        sections,
        asset_categories,
        assets,
        debt_categories,
        debts,
        services,
        cadres,
        quotas,
        footnote: None,
    })
}
