//! Before/after evaluation: of an applied plan (the day before against the effective day) and
//! of a county over time, with the national figures of the policy and, where observations
//! exist, their series on one set of boundaries.

use crate::crosswalk::state_at;
use crate::error::StatsError;
use crate::observation::{Nature, ObservationTable};
use quhua_core::attr::{Amount, keys};
use quhua_core::date::Date;
use quhua_core::indicators::{Accum, Indicators, Stats};
use quhua_core::policy::Policy;
use quhua_core::registry::Registry;
use quhua_core::unit::{LonLat, UnitId, UnitState};
use quhua_core::{DivisionCode, Level, TownshipKind, UnitKind};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// A county's townships on one date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// The date.
    pub date: Date,
    /// Counts by kind, 镇+街道 share, population and area statistics against the national figures.
    pub indicators: Indicators,
    /// Villages (村 + 居).
    pub villages: usize,
    /// Village-to-seat distance (km), when village points and seats are known.
    pub seat_distance_km: Option<Stats>,
    /// Township names, codes and figures (sorted by code).
    pub units: Vec<UnitFigures>,
}

/// One township's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitFigures {
    /// Stable id.
    pub id: UnitId,
    /// Code.
    pub code: DivisionCode,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: TownshipKind,
    /// Population (policy's key), when known.
    pub population: Option<Amount>,
    /// Area, km², when known.
    pub area_km2: Option<Amount>,
    /// Villages.
    pub villages: usize,
    /// Administrative staff quota (行政编制), when known.
    pub staff_quota: Option<Amount>,
}

/// An evaluation of a county between two dates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evaluation {
    /// County code.
    pub county: DivisionCode,
    /// County name.
    pub county_name: String,
    /// Before.
    pub before: Side,
    /// After.
    pub after: Side,
    /// Townships fewer after than before.
    pub reduction: i64,
    /// The reduction as a share of the count before.
    pub reduction_share: f64,
    /// National average population per township (from the policy).
    pub national_population: f64,
    /// National average area per township, km² (from the policy).
    pub national_area_km2: f64,
    /// Where the national figures come from.
    pub national_citation: String,
    /// Whether any figure is synthetic (示意).
    pub synthetic: bool,
}

/// One indicator's yearly county total (or weighted mean) on one set of boundaries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesPoint {
    /// Indicator.
    pub indicator: String,
    /// Unit of measure.
    pub unit: String,
    /// Period.
    pub period: i32,
    /// County total (extensive) or mean over townships (intensive).
    pub value: Amount,
    /// Townships with a figure.
    pub units: usize,
}

fn township_kind(s: &UnitState) -> Option<TownshipKind> {
    match s.kind {
        UnitKind::Township(k) => Some(k),
        _ => None,
    }
}

fn attr(s: &UnitState, k: &[&str]) -> Option<Amount> {
    k.iter().find_map(|k| s.attrs.get(*k)).map(|v| v.value)
}

/// Great-circle distance in km.
pub fn haversine_km(a: LonLat, b: LonLat) -> f64 {
    let r = 6371.0088_f64;
    let (p1, p2) = (a.lat.to_radians(), b.lat.to_radians());
    let dp = p2 - p1;
    let dl = (b.lon - a.lon).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * r * h.sqrt().asin()
}

fn stats_of(mut v: Vec<f64>) -> Option<Stats> {
    if v.is_empty() {
        return None;
    }
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    let total: f64 = v.iter().sum();
    let median = if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    };
    Some(Stats {
        n,
        total,
        mean: total / n as f64,
        median,
        min: v[0],
        max: v[n - 1],
    })
}

/// The county's townships on `date`. `points` gives village (or seat) locations when known.
pub fn side(
    reg: &Registry,
    county: DivisionCode,
    date: Date,
    policy: &Policy,
    points: Option<&HashMap<UnitId, LonLat>>,
) -> Result<Side, StatsError> {
    let n = reg.unit_count() as u32;
    let pop_keys = [
        policy.population_key.as_str(),
        keys::POP_HUKOU,
        keys::POP_RESIDENT,
    ];
    let mut towns: Vec<&UnitState> = Vec::new();
    let mut county_found = false;
    let mut villages_of: HashMap<UnitId, Vec<&UnitState>> = HashMap::new();
    for i in 0..n {
        let Some(s) = state_at(reg, UnitId(i), date) else {
            continue;
        };
        match s.level() {
            Level::County if s.code == county => county_found = true,
            Level::Township if s.code.is_within(county) => towns.push(s),
            Level::Village if s.code.is_within(county) => {
                if let Some(p) = s.parent {
                    villages_of.entry(p).or_default().push(s);
                }
            }
            _ => {}
        }
    }
    if !county_found {
        return Err(StatsError::NoCounty { county, date });
    }
    towns.sort_by_key(|t| t.code);
    let mut acc = Accum::default();
    let mut units = Vec::new();
    let mut distances = Vec::new();
    let mut village_count = 0;
    for t in &towns {
        let Some(kind) = township_kind(t) else {
            continue;
        };
        let pop = attr(t, &pop_keys);
        let area = attr(t, &[keys::AREA_KM2]);
        acc.add(kind, pop, area);
        let vs = villages_of.get(&t.id).map(Vec::as_slice).unwrap_or(&[]);
        village_count += vs.len();
        if let Some(pts) = points {
            let seat = t.seat.as_ref().and_then(|s| {
                s.point
                    .or_else(|| s.village.and_then(|v| pts.get(&v).copied()))
            });
            if let Some(seat) = seat {
                for v in vs {
                    if let Some(p) = pts.get(&v.id) {
                        distances.push(haversine_km(*p, seat));
                    }
                }
            }
        }
        units.push(UnitFigures {
            id: t.id,
            code: t.code,
            name: t.name.clone(),
            kind,
            population: pop,
            area_km2: area,
            villages: vs.len(),
            staff_quota: attr(t, &[keys::STAFF_QUOTA]),
        });
    }
    Ok(Side {
        date,
        indicators: acc.indicators(policy),
        villages: village_count,
        seat_distance_km: stats_of(distances),
        units,
    })
}

/// Evaluates a county between `before` and `after` (e.g. the day before and the effective
/// day of a plan).
///
/// ```no_run
/// # fn f(reg: &quhua_core::registry::Registry) -> Result<(), quhua_stats::StatsError> {
/// let county = quhua_core::DivisionCode::parse("130634").unwrap();
/// let d = |s| quhua_core::date::parse_date(s).unwrap();
/// let policy = quhua_core::policy::Policy::default_policy();
/// let e = quhua_stats::evaluate::evaluate(reg, county, d("2026-09-05"), d("2026-09-06"), &policy, None)?;
/// println!("{}", e.figures_sentence());
/// # Ok(()) }
/// ```
pub fn evaluate(
    reg: &Registry,
    county: DivisionCode,
    before: Date,
    after: Date,
    policy: &Policy,
    points: Option<&HashMap<UnitId, LonLat>>,
) -> Result<Evaluation, StatsError> {
    let b = side(reg, county, before, policy, points)?;
    let a = side(reg, county, after, policy, points)?;
    let county_name = state_at(
        reg,
        reg.unit_by_code(county).map_err(|_| StatsError::NoCounty {
            county,
            date: after,
        })?,
        after,
    )
    .map(|s| s.name.clone())
    .unwrap_or_default();
    let reduction = b.indicators.count as i64 - a.indicators.count as i64;
    Ok(Evaluation {
        county,
        county_name,
        reduction,
        reduction_share: if b.indicators.count > 0 {
            reduction as f64 / b.indicators.count as f64
        } else {
            0.0
        },
        before: b,
        after: a,
        national_population: policy.national_avg_population.value,
        national_area_km2: policy.national_avg_area_km2.value,
        national_citation: policy.national_avg_population.citation.clone(),
        synthetic: reg.sources().iter().any(|s| s.synthetic),
    })
}

/// The county's townships on each of `dates` (a county over time).
pub fn over_time(
    reg: &Registry,
    county: DivisionCode,
    dates: &[Date],
    policy: &Policy,
) -> Result<Vec<Side>, StatsError> {
    dates
        .iter()
        .map(|d| side(reg, county, *d, policy, None))
        .collect()
}

/// 2.24万人 (one or two decimals in 万) for a population.
pub fn wan(persons: f64) -> String {
    format!("{:.2}万人", persons / 10_000.0)
}

impl Evaluation {
    /// Counts like 镇10个、乡2个、街道1个.
    pub fn kinds_zh(side: &Side) -> String {
        let order = [
            "镇",
            "街道",
            "乡",
            "民族乡",
            "苏木",
            "民族苏木",
            "类似乡级单位",
        ];
        let mut parts: Vec<String> = Vec::new();
        for k in order {
            if let Some(c) = side.indicators.by_kind.get(k) {
                parts.push(format!("{k}{c}个"));
            }
        }
        for (k, c) in &side.indicators.by_kind {
            if !order.contains(&k.as_str()) {
                parts.push(format!("{k}{c}个"));
            }
        }
        parts.join("、")
    }

    /// How the after-averages compare with the national ones (达到 / 基本达到 / 接近 / 低于).
    pub fn national_verdict_zh(&self) -> &'static str {
        let p = self.after.indicators.population_vs_national;
        let a = self.after.indicators.area_vs_national;
        let m = p.min(a);
        if m >= 1.0 {
            "达到全国平均水平"
        } else if m >= 0.9 {
            "基本达到全国平均水平"
        } else if m >= 0.75 {
            "接近全国平均水平"
        } else {
            "仍低于全国平均水平"
        }
    }

    /// The figures sentence of the 情况汇报, in the form of the reports:
    /// 由18个乡镇调减为12个乡镇……乡镇平均人口由2.24万人增加到4.28万人，乡镇平均面积由42.21平方公里增加到80.58平方公里。
    pub fn figures_sentence(&self) -> String {
        let (b, a) = (&self.before.indicators, &self.after.indicators);
        if b.count == a.count && self.reduction == 0 {
            return format!(
                "{}{}至{}乡级行政区划单位数未变，共{}个，其中{}；镇和街道占比{:.1}%；乡镇平均人口{}、平均面积{:.2}平方公里（全国乡镇平均人口{}、平均面积{:.2}平方公里）。",
                self.county_name,
                self.before.date.format("%Y年%-m月%-d日"),
                self.after.date.format("%Y年%-m月%-d日"),
                a.count,
                Self::kinds_zh(&self.after),
                a.town_street_share * 100.0,
                wan(a.population.mean),
                a.area_km2.mean,
                wan(self.national_population),
                self.national_area_km2,
            );
        }
        let change = |x: f64, y: f64| if y >= x { "增加到" } else { "减少到" };
        let share = |x: f64, y: f64| if y >= x { "提高到" } else { "降低到" };
        let (cut, by) = if self.reduction >= 0 {
            ("调减为", "减少")
        } else {
            ("调整为", "增加")
        };
        format!(
            "{}由{}个乡镇（街道）{}{}个，{}{}个，其中{}；镇和街道占比由{:.1}%{}{:.1}%。调整后，乡镇平均人口由{}{}{}，乡镇平均面积由{:.2}平方公里{}{:.2}平方公里，{}（全国乡镇平均人口{}、平均面积{:.2}平方公里）。",
            self.county_name,
            b.count,
            cut,
            a.count,
            by,
            self.reduction.abs(),
            Self::kinds_zh(&self.after),
            b.town_street_share * 100.0,
            share(b.town_street_share, a.town_street_share),
            a.town_street_share * 100.0,
            wan(b.population.mean),
            change(b.population.mean, a.population.mean),
            wan(a.population.mean),
            b.area_km2.mean,
            change(b.area_km2.mean, a.area_km2.mean),
            a.area_km2.mean,
            self.national_verdict_zh(),
            wan(self.national_population),
            self.national_area_km2,
        )
    }

    /// The same in English.
    pub fn figures_sentence_en(&self) -> String {
        let (b, a) = (&self.before.indicators, &self.after.indicators);
        let change = match self.reduction {
            0 => format!("township-level units unchanged at {}", a.count),
            r if r > 0 => format!(
                "township-level units reduced from {} to {} (−{r})",
                b.count, a.count
            ),
            r => format!(
                "township-level units from {} to {} (+{})",
                b.count, a.count, -r
            ),
        };
        format!(
            "{} ({}), {} to {}: {change}; towns and subdistricts {:.1}% → {:.1}%; average population {:.0} → {:.0}; average area {:.2} → {:.2} km² (national averages {:.0} persons, {:.2} km²).",
            self.county_name,
            self.county,
            self.before.date,
            self.after.date,
            b.town_street_share * 100.0,
            a.town_street_share * 100.0,
            b.population.mean,
            a.population.mean,
            b.area_km2.mean,
            a.area_km2.mean,
            self.national_population,
            self.national_area_km2
        )
    }
}

/// County series from a table already on one set of boundaries (e.g. a recast): totals of
/// extensive indicators, means of intensive ones, by indicator and period.
pub fn series(table: &ObservationTable) -> Vec<SeriesPoint> {
    let mut acc: BTreeMap<(String, i32), (i128, usize, String)> = BTreeMap::new();
    for o in &table.observations {
        let e = acc
            .entry((o.indicator.clone(), o.period))
            .or_insert((0, 0, o.unit.clone()));
        e.0 += o.value.0 as i128;
        e.1 += 1;
    }
    acc.into_iter()
        .map(|((indicator, period), (sum, n, unit))| {
            let value = match table.nature(&indicator) {
                Nature::Extensive => Amount(sum as i64),
                Nature::Intensive => Amount((sum / n.max(1) as i128) as i64),
            };
            SeriesPoint {
                indicator,
                unit,
                period,
                value,
                units: n,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance() {
        let a = LonLat {
            lon: 114.0,
            lat: 38.0,
        };
        let b = LonLat {
            lon: 114.0,
            lat: 39.0,
        };
        assert!((haversine_km(a, b) - 111.2).abs() < 0.5);
        assert_eq!(wan(22_400.0), "2.24万人");
    }
}
