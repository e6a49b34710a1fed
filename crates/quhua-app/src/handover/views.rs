//! What the adapters show of a handover: the whole with progress per section (for the
//! county's office and every reader), and one section in detail with the actions the reader
//! may take. Lists of items are paged; personal fields of cadres appear only for those who
//! may see them, and each such read is logged.

use super::{Loaded, coordinates, load, may_act, sees_personal};
use crate::access::Actor;
use crate::{App, AppError, AppResult};
use quhua_core::date::Date;
use quhua_core::i18n::Text;
use quhua_workflow::handover::{
    Cadre, Closed, Disposition, Done, Handover, HandoverStatus, Money, Outcome, PairKind,
    PlacementRecord, QuotaResult, Route, RuleReview, Section, SectionKind, ServicePoint,
    ServiceType, UnitRef,
};
use quhua_workflow::org::Department;
use serde::Serialize;

/// One pair: the predecessor hands over to the successor.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PairView {
    /// 移交方.
    pub from: UnitRef,
    /// 接收方.
    pub to: UnitRef,
    /// How (撤并, 更名 …).
    pub kind: PairKind,
    /// The kind in Chinese.
    pub kind_zh: String,
}

/// One checklist line.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CheckLine {
    /// Template item id.
    pub item: String,
    /// What it is.
    pub zh: String,
    /// In English.
    pub en: String,
    /// Unit code.
    pub unit: String,
    /// Done: by whom, when.
    pub done: Option<Done>,
}

/// One section with its progress and what the reader may do.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SectionView {
    /// Id (`{code}-{kind}`).
    pub id: String,
    /// Kind.
    pub kind: SectionKind,
    /// Title.
    pub title: Text,
    /// Lead department.
    pub department: Department,
    /// Its name.
    pub department_name: Text,
    /// Participating departments.
    pub also: Vec<Department>,
    /// 移交方.
    pub from: UnitRef,
    /// 接收方.
    pub to: UnitRef,
    /// Due.
    pub due: Date,
    /// Open past its due date.
    pub overdue: bool,
    /// 销号: by whom, when.
    pub closed: Option<Closed>,
    /// Checklist lines.
    pub checklist: Vec<CheckLine>,
    /// What keeps it open.
    pub open_work: Vec<Text>,
    /// The policy texts it follows.
    pub citations: Vec<String>,
    /// Whether the reader may act on it.
    pub may_act: bool,
}

/// A disposition route for the forms.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct RouteView {
    /// Id.
    pub id: String,
    /// Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

/// The route lists of the template.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Routes {
    /// 镇 assets.
    pub township: Vec<RouteView>,
    /// 村 assets.
    pub village: Vec<RouteView>,
    /// Debts and claims.
    pub debt: Vec<RouteView>,
    /// Cadre placement (安置方式).
    pub placement: Vec<RouteView>,
}

/// The whole handover of a plan.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct HandoverView {
    /// The plan's id.
    pub plan: i64,
    /// The plan's name.
    pub name: String,
    /// County code.
    pub county: String,
    /// Version (for optimistic concurrency).
    pub version: i64,
    /// Who last changed it.
    pub updated_by: String,
    /// 批复 date the due dates count from.
    pub approved_on: Date,
    /// The template in force.
    pub template: Text,
    /// Whether the figures are synthetic (示意).
    pub synthetic: bool,
    /// Status per section and register.
    pub status: HandoverStatus,
    /// The pairs.
    pub pairs: Vec<PairView>,
    /// Every section.
    pub sections: Vec<SectionView>,
    /// Quotas before/after, once computed.
    pub quotas: Option<QuotaResult>,
    /// Routes for the forms.
    pub routes: Routes,
    /// Whether the reader may (re)generate the handover.
    pub may_generate: bool,
    /// Whether the reader sees cadres' personal fields.
    pub sees_personal: bool,
    /// The documents to download.
    pub documents: Vec<crate::views::DocumentLink>,
}

fn routes(list: &[Route]) -> Vec<RouteView> {
    list.iter()
        .map(|r| RouteView {
            id: r.id.clone(),
            zh: r.zh.clone(),
            en: r.en.clone(),
        })
        .collect()
}

fn section_view(h: &Handover, actor: &Actor, s: &Section, today: Date) -> SectionView {
    let p = h.pair_of(s);
    let st = h.template.sections.iter().find(|t| t.kind == s.kind);
    let item = |id: &str| {
        st.and_then(|t| t.items.iter().find(|i| i.id == id))
            .map_or((id.to_string(), id.to_string()), |i| {
                (i.zh.clone(), i.en.clone())
            })
    };
    SectionView {
        id: s.id.clone(),
        kind: s.kind,
        title: st.map_or_else(
            || Text::new(s.kind.id(), s.kind.id()),
            |t| Text::new(t.zh.clone(), t.en.clone()),
        ),
        department: s.department,
        department_name: Text::new(s.department.zh(), s.department.en()),
        also: s.also.clone(),
        from: p.from.clone(),
        to: p.to.clone(),
        due: s.due,
        overdue: s.closed.is_none() && today > s.due,
        closed: s.closed.clone(),
        checklist: s
            .checklist
            .iter()
            .map(|l| {
                let (zh, en) = item(&l.item);
                CheckLine {
                    item: l.item.clone(),
                    zh,
                    en,
                    unit: l.unit.clone(),
                    done: l.done.clone(),
                }
            })
            .collect(),
        open_work: if s.closed.is_some() {
            Vec::new()
        } else {
            h.open_work(&s.id)
                .unwrap_or_default()
                .into_iter()
                .map(|(zh, en)| Text::new(zh, en))
                .collect()
        },
        citations: st.map(|t| t.citations.clone()).unwrap_or_default(),
        may_act: s.closed.is_none() && may_act(actor, s),
    }
}

/// The whole handover of a plan as `actor` sees it on `today`.
pub fn view(app: &App, actor: &Actor, plan: i64, today: Date) -> AppResult<HandoverView> {
    let l = load(app, actor, plan)?;
    Ok(whole(app, actor, &l, today))
}

fn whole(app: &App, actor: &Actor, l: &Loaded, today: Date) -> HandoverView {
    let h = &l.body;
    let synthetic = app
        .registry_opt()
        .is_some_and(|r| r.sources().iter().any(|s| s.synthetic));
    HandoverView {
        plan: l.plan,
        name: h.plan.clone(),
        county: h.pairs.county.clone(),
        version: l.version,
        updated_by: l.updated_by.clone(),
        approved_on: h.approved_on,
        template: Text::new(h.template.name.clone(), h.template.name_en.clone()),
        synthetic,
        status: h.status(today),
        pairs: h
            .pairs
            .pairs
            .iter()
            .map(|p| PairView {
                from: p.from.clone(),
                to: p.to.clone(),
                kind: p.kind,
                kind_zh: p.kind.zh().to_string(),
            })
            .collect(),
        sections: h
            .sections
            .iter()
            .map(|s| section_view(h, actor, s, today))
            .collect(),
        quotas: h.quotas.clone(),
        routes: Routes {
            township: routes(&h.template.routes.township),
            village: routes(&h.template.routes.village),
            debt: routes(&h.template.routes.debt),
            placement: routes(&h.template.placement.routes),
        },
        may_generate: coordinates(actor),
        sees_personal: sees_personal(actor),
        documents: document_links(h),
    }
}

/// Which items of a section's ledgers to list.
#[derive(Debug, Clone, Default, serde::Deserialize, schemars::JsonSchema)]
pub struct ItemFilter {
    /// Skip this many.
    #[serde(default)]
    pub offset: usize,
    /// At most this many (default 100, at most 1,000).
    #[serde(default)]
    pub limit: Option<usize>,
    /// Only items not yet decided.
    #[serde(default)]
    pub unassigned: bool,
}

/// An asset item with what happens to it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AssetRow {
    /// 资产编号.
    pub id: String,
    /// 资产名称.
    pub name: String,
    /// 资产类别.
    pub category: String,
    /// 所属单位代码.
    pub owner: String,
    /// 原值, 分.
    pub original_value: Money,
    /// 净值, 分.
    pub net_value: Money,
    /// 去向.
    pub disposition: Disposition,
}

/// A debt or claim with what happens to it.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct DebtRow {
    /// 编号.
    pub id: String,
    /// 债务 / 债权.
    pub kind: String,
    /// 对方单位.
    pub counterparty: String,
    /// 金额, 分.
    pub amount: Money,
    /// 所属单位代码.
    pub owner: String,
    /// 去向.
    pub disposition: Disposition,
}

/// A cadre of the section's units (personal fields empty unless the reader may see them).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct CadreRow {
    /// The roster line.
    pub cadre: Cadre,
    /// Where the cadre goes, once decided.
    pub placement: Option<PlacementRecord>,
    /// Talks held.
    pub talks: usize,
}

/// A service point with its outcome.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct PointRow {
    /// The point.
    pub point: ServicePoint,
    /// What happens to it.
    pub outcome: Outcome,
}

/// A village's distance to the nearest point of a service type, before and after (km).
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct AccessRow {
    /// Village code.
    pub village: String,
    /// Village name.
    pub name: String,
    /// Service type.
    pub kind: ServiceType,
    /// Its name.
    pub kind_name: Text,
    /// Before.
    pub before_km: Option<f64>,
    /// After (with the outcomes decided so far).
    pub after_km: Option<f64>,
}

/// A page of a list.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Page<T> {
    /// Matching rows in all.
    pub total: usize,
    /// From.
    pub offset: usize,
    /// The rows.
    pub rows: Vec<T>,
}

/// One section in detail.
#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct SectionDetail {
    /// The handover's version.
    pub version: i64,
    /// The section.
    pub section: SectionView,
    /// Asset items of its ledger (asset sections).
    pub assets: Option<Page<AssetRow>>,
    /// Debts and claims (asset sections).
    pub debts: Option<Page<DebtRow>>,
    /// Cadres of its units (cadre section).
    pub cadres: Option<Vec<CadreRow>>,
    /// Leadership posts (职数) of its successor.
    pub posts: Option<u32>,
    /// Service points of the former township (service sections).
    pub services: Option<Vec<PointRow>>,
    /// Its villages' distances to the nearest point of each of the section's service types
    /// (where locations are known).
    pub access: Option<Vec<AccessRow>>,
    /// Rules reviewed (records section).
    pub rules: Option<Vec<RuleReview>>,
    /// The routes a disposition may take here.
    pub routes: Vec<RouteView>,
}

fn page<T, U>(
    items: &[T],
    disp: &[Disposition],
    keep: impl Fn(&T) -> bool,
    f: &ItemFilter,
    row: impl Fn(&T, &Disposition) -> U,
) -> Page<U> {
    let limit = f.limit.unwrap_or(100).min(1_000);
    let mut total = 0;
    let mut rows = Vec::new();
    for (it, d) in items.iter().zip(disp) {
        if !keep(it) || (f.unassigned && *d != Disposition::Unassigned) {
            continue;
        }
        if total >= f.offset && rows.len() < limit {
            rows.push(row(it, d));
        }
        total += 1;
    }
    Page {
        total,
        offset: f.offset,
        rows,
    }
}

/// One section of a plan's handover in detail, with a page of its items.
pub fn detail(
    app: &App,
    actor: &Actor,
    plan: i64,
    section: &str,
    filter: &ItemFilter,
    today: Date,
) -> AppResult<SectionDetail> {
    let l = load(app, actor, plan)?;
    let h = &l.body;
    let s = h.section(section).map_err(|_| {
        AppError::not_found(
            format!("交接事项 {section}"),
            format!("handover section {section}"),
        )
    })?;
    let p = h.pair_of(s);
    let mut d = SectionDetail {
        version: l.version,
        section: section_view(h, actor, s, today),
        assets: None,
        debts: None,
        cadres: None,
        posts: None,
        services: None,
        access: None,
        rules: None,
        routes: Vec::new(),
    };
    match s.kind {
        SectionKind::StateAssets | SectionKind::CollectiveAssets => {
            let mine = |owner: &str| h.section_of_owner(owner).is_some_and(|x| x.id == s.id);
            d.assets = Some(page(
                h.assets.items(),
                h.assets.dispositions(),
                |a| mine(&a.owner),
                filter,
                |a, disp| AssetRow {
                    id: a.id.clone(),
                    name: a.name.clone(),
                    category: a.category.clone(),
                    owner: a.owner.clone(),
                    original_value: a.original_value,
                    net_value: a.net_value,
                    disposition: disp.clone(),
                },
            ));
            d.debts = Some(page(
                h.debts.items(),
                h.debts.dispositions(),
                |x| mine(&x.owner),
                filter,
                |x, disp| DebtRow {
                    id: x.id.clone(),
                    kind: x.kind.zh().to_string(),
                    counterparty: x.counterparty.clone(),
                    amount: x.amount,
                    owner: x.owner.clone(),
                    disposition: disp.clone(),
                },
            ));
            d.routes = routes(if s.kind == SectionKind::StateAssets {
                &h.template.routes.township
            } else {
                &h.template.routes.village
            });
        }
        SectionKind::Cadres => {
            let personal = sees_personal(actor);
            let rows: Vec<CadreRow> = h
                .cadres
                .roster
                .iter()
                .filter(|c| c.unit == p.from.code || c.unit == p.to.code)
                .map(|c| CadreRow {
                    cadre: if personal { c.clone() } else { c.redacted() },
                    placement: h.cadres.placements.get(&c.id).cloned(),
                    talks: h.cadres.talks.iter().filter(|t| t.cadre == c.id).count(),
                })
                .collect();
            if personal && !rows.is_empty() {
                app.store().log_read(
                    &actor.name,
                    "handover_cadres_read",
                    &format!("handover:{plan}"),
                    &format!("{section}: {} cadres", rows.len()),
                )?;
            }
            d.cadres = Some(rows);
            d.posts = h.cadres.posts.get(&p.to.code).copied();
            d.routes = routes(&h.template.placement.routes);
        }
        SectionKind::Services | SectionKind::Health | SectionKind::Education => {
            d.services = Some(
                h.services
                    .points
                    .iter()
                    .chain(&h.services.added)
                    .filter(|x| {
                        x.township == p.from.code && h.service_section_kind(x.kind) == s.kind
                    })
                    .map(|x| PointRow {
                        point: x.clone(),
                        outcome: h
                            .services
                            .outcomes
                            .get(&x.id)
                            .cloned()
                            .unwrap_or(Outcome::Pending),
                    })
                    .collect(),
            );
            let names: std::collections::HashMap<&str, &str> = h
                .services
                .villages
                .iter()
                .map(|v| (v.code.as_str(), v.name.as_str()))
                .collect();
            d.access = Some(
                h.services
                    .village_access()
                    .into_iter()
                    .filter(|a| {
                        p.facts.villages.contains(&a.village)
                            && h.service_section_kind(a.kind) == s.kind
                    })
                    .map(|a| AccessRow {
                        name: names.get(a.village.as_str()).unwrap_or(&"").to_string(),
                        kind_name: Text::new(a.kind.zh(), a.kind.en()),
                        village: a.village,
                        kind: a.kind,
                        before_km: a.before_km,
                        after_km: a.after_km,
                    })
                    .collect(),
            );
        }
        SectionKind::Records => {
            d.rules = Some(
                h.rules
                    .iter()
                    .filter(|r| r.unit == p.from.code || r.unit == p.to.code)
                    .cloned()
                    .collect(),
            );
        }
        SectionKind::Quotas | SectionKind::Archives => {}
    }
    Ok(d)
}

/// The download links of a handover's documents.
pub(crate) fn document_links(h: &Handover) -> Vec<crate::views::DocumentLink> {
    let mut out = vec![crate::views::DocumentLink {
        id: "summary.xlsx".into(),
        name: format!("{}交接工作汇总表.xlsx", h.pairs.county),
        zh: "交接工作汇总表（Excel）".into(),
        en: "handover summary (Excel)".into(),
    }];
    for p in &h.pairs.pairs {
        let name = format!("{}移交{}交接清单", p.from.name, p.to.name);
        for (ext, zh, en) in [("docx", "Word", "Word"), ("xlsx", "Excel", "Excel")] {
            out.push(crate::views::DocumentLink {
                id: format!("list-{}.{ext}", p.from.code),
                name: format!("{name}.{ext}"),
                zh: format!("{name}（{zh}）"),
                en: format!("handover list {} → {} ({en})", p.from.name, p.to.name),
            });
        }
    }
    out
}
