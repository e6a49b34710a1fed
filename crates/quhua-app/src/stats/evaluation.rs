//! 评估: the before/after evaluation of a county between two dates or of a plan, in the shape
//! the web's charts read — counts by kind, the 镇+街道 share, population and area against the
//! national figures, village-to-seat distances, the handover's quotas and service points, and
//! the county's stored statistics as series on one set of boundaries.

use super::observations::county_table;
use crate::access::Actor;
use crate::error::stats_err;
use crate::{App, AppResult};
use quhua_core::DivisionCode;
use quhua_core::date::Date;
use quhua_core::indicators::{Indicators, Stats};
use quhua_core::registry::Registry;
use quhua_core::unit::{LonLat, UnitId};
use quhua_stats::crosswalk::{CrosswalkOptions, WeightBy};
use quhua_stats::evaluate::{Evaluation, Side};
use quhua_workflow::handover::{QuotaStatus, ServiceStatus};
use serde::Serialize;
use std::collections::HashMap;

/// One township on one side.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct UnitRow {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// 乡 / 镇 / 街道.
    pub kind_zh: String,
    /// Population, when known.
    pub population: Option<f64>,
    /// Area (km²), when known.
    pub area_km2: Option<f64>,
    /// Villages (村 + 居).
    pub villages: usize,
    /// 行政编制, when known.
    pub staff_quota: Option<f64>,
}

/// A county's townships on one date.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SideView {
    /// The date.
    pub date: Date,
    /// Counts by kind, population and area statistics.
    pub indicators: Indicators,
    /// Villages (村 + 居).
    pub villages: usize,
    /// Village-to-seat distance (km), where villages are located.
    pub seat_distance_km: Option<Stats>,
    /// The townships (by code).
    pub units: Vec<UnitRow>,
}

/// One point of a series.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SeriesPointView {
    /// Year.
    pub period: i32,
    /// County total (总量) or mean over townships (均量).
    pub value: f64,
    /// Townships with a figure.
    pub units: usize,
}

/// One indicator's yearly series on the boundaries of one date.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct SeriesView {
    /// Indicator.
    pub indicator: String,
    /// Unit of measure.
    pub unit: String,
    /// 总量 / 均量.
    pub nature_zh: String,
    /// The points, by year.
    pub points: Vec<SeriesPointView>,
}

/// What the handover of a plan achieved (when there is one).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct HandoverFigures {
    /// Staffing quotas before and after.
    pub quotas: QuotaStatus,
    /// Service points at the former seats (基层服务只增不减).
    pub services: ServiceStatus,
}

/// The evaluation of a county between two dates, or of a plan (the day before it took effect
/// against its effective day).
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct EvaluationView {
    /// County code.
    pub county: String,
    /// County name.
    pub county_name: String,
    /// The plan evaluated, if any.
    pub plan: Option<i64>,
    /// Whether the plan's changes are recorded in the registry (else applied to a copy).
    pub applied: bool,
    /// Before.
    pub before: SideView,
    /// After.
    pub after: SideView,
    /// Townships fewer after than before.
    pub reduction: i64,
    /// The reduction as a share of the count before.
    pub reduction_share: f64,
    /// National average population per township.
    pub national_population: f64,
    /// National average area per township (km²).
    pub national_area_km2: f64,
    /// Where the national figures come from.
    pub national_citation: String,
    /// Whether any figure is synthetic (示意).
    pub synthetic: bool,
    /// The figures sentence of a report, in Chinese.
    pub sentence_zh: String,
    /// The same in English.
    pub sentence_en: String,
    /// The handover's figures, for a plan that has one.
    pub handover: Option<HandoverFigures>,
    /// The county's stored statistics, recast onto the boundaries after.
    pub series: Vec<SeriesView>,
    /// Why the statistics could not be recast, if they could not.
    pub series_note: Option<String>,
}

fn side(s: &Side) -> SideView {
    SideView {
        date: s.date,
        indicators: s.indicators.clone(),
        villages: s.villages,
        seat_distance_km: s.seat_distance_km,
        units: s
            .units
            .iter()
            .map(|u| UnitRow {
                code: u.code.to_string(),
                name: u.name.clone(),
                kind_zh: u.kind.zh().to_string(),
                population: u.population.map(|a| a.to_f64()),
                area_km2: u.area_km2.map(|a| a.to_f64()),
                villages: u.villages,
                staff_quota: u.staff_quota.map(|a| a.to_f64()),
            })
            .collect(),
    }
}

/// The located villages of `county` (by unit id), from the county's geometry.
pub(crate) fn village_points(
    app: &App,
    reg: &Registry,
    county: DivisionCode,
) -> Option<HashMap<UnitId, LonLat>> {
    let policy = quhua_core::policy::Policy::default_policy();
    let cb = crate::county::load(app, &county.to_string(), &policy).ok()?;
    let xy = cb.village_xy.as_ref()?;
    let points: HashMap<UnitId, LonLat> = cb
        .base
        .villages
        .iter()
        .zip(xy)
        .filter_map(|(v, p)| {
            let (lon, lat) = (*p)?;
            Some((reg.unit_by_code(v.code).ok()?, LonLat { lon, lat }))
        })
        .collect();
    (!points.is_empty()).then_some(points)
}

/// The county's stored statistics recast onto the townships of `date`, as county series (or
/// why they could not be recast).
pub(crate) fn county_series(
    app: &App,
    reg: &Registry,
    county: DivisionCode,
    date: Date,
) -> AppResult<(Vec<SeriesView>, Option<String>)> {
    let table = county_table(app, &county.to_string())?;
    if table.observations.is_empty() {
        return Ok((Vec::new(), None));
    }
    let opts = CrosswalkOptions::new(WeightBy::Population).in_county(county);
    let recast = match quhua_stats::recast::recast(reg, &table, date, &opts) {
        Ok(r) => r,
        Err(e) => return Ok((Vec::new(), Some(e.to_string()))),
    };
    let on_date = recast.to_table(&table.natures);
    let mut by: Vec<SeriesView> = Vec::new();
    for p in quhua_stats::evaluate::series(&on_date) {
        if by.last().is_none_or(|s| s.indicator != p.indicator) {
            by.push(SeriesView {
                nature_zh: on_date.nature(&p.indicator).zh().to_string(),
                indicator: p.indicator.clone(),
                unit: p.unit.clone(),
                points: Vec::new(),
            });
        }
        if let Some(s) = by.last_mut() {
            s.points.push(SeriesPointView {
                period: p.period,
                value: p.value.to_f64(),
                units: p.units,
            });
        }
    }
    Ok((by, None))
}

fn view(
    app: &App,
    reg: &Registry,
    e: &Evaluation,
    plan: Option<i64>,
    applied: bool,
) -> AppResult<EvaluationView> {
    let (series, series_note) = county_series(app, reg, e.county, e.after.date)?;
    Ok(EvaluationView {
        county: e.county.to_string(),
        county_name: e.county_name.clone(),
        plan,
        applied,
        before: side(&e.before),
        after: side(&e.after),
        reduction: e.reduction,
        reduction_share: e.reduction_share,
        national_population: e.national_population,
        national_area_km2: e.national_area_km2,
        national_citation: e.national_citation.clone(),
        synthetic: e.synthetic,
        sentence_zh: e.figures_sentence(),
        sentence_en: e.figures_sentence_en(),
        handover: None,
        series,
        series_note,
    })
}

/// The evaluation of `county` between two dates (defaults: the registry's first date and its
/// latest), for anyone who sees the county.
///
/// ```no_run
/// # fn f(app: &quhua_app::App, me: &quhua_app::access::Actor) -> quhua_app::AppResult<()> {
/// let e = quhua_app::stats::county_evaluation(app, me, "130634", None, None)?;
/// println!("{}", e.sentence_zh);
/// # Ok(()) }
/// ```
pub fn county_evaluation(
    app: &App,
    actor: &Actor,
    county: &str,
    from: Option<Date>,
    to: Option<Date>,
) -> AppResult<EvaluationView> {
    let code = crate::county::county_code(county)?;
    super::within(actor, std::iter::once(code))?;
    let reg = app.registry()?;
    let from = from.unwrap_or(reg.genesis_date());
    let to = to.unwrap_or_else(|| crate::county::latest_date(&reg));
    let policy = quhua_core::policy::Policy::default_policy();
    let points = village_points(app, &reg, code);
    let e = quhua_stats::evaluate::evaluate(&reg, code, from, to, &policy, points.as_ref())
        .map_err(stats_err)?;
    view(app, &reg, &e, None, true)
}

/// The evaluation of plan `id` (the day before it takes effect against its effective day;
/// before it is applied, against its changes applied to a copy), with its handover's figures.
pub fn plan_evaluation(app: &App, actor: &Actor, id: i64) -> AppResult<EvaluationView> {
    let c = crate::plans::government::plan_change(app, actor, id)?;
    let e = crate::plans::government::evaluation_of(app, &c)?;
    let mut v = view(app, &c.reg, &e, Some(id), c.plan.applied.is_some())?;
    if let Ok(h) = crate::handover::view(app, actor, id, c.after) {
        v.handover = Some(HandoverFigures {
            quotas: h.status.quotas,
            services: h.status.services,
        });
    }
    Ok(v)
}
