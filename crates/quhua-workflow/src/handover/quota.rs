//! Staffing quotas (编制) after the adjustment: "基本编制 + 指标测算增加编制 + 重点保障编制",
//! the increase measured "3+X" (population, area, economic strength, plus special factors).
//!
//! The county total never grows: the quotas to allocate are the county's total before less the
//! share kept for the county pool; a merged township's quota is computed by the formula, never
//! the plain sum of its predecessors'; what is not allocated returns to the county pool.

use super::error::HandoverError;
use super::plan::{UnitAfter, UnitFacts};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

const BUILTIN: &str = include_str!("../../templates/handover/quota.toml");

/// A main indicator (the "3") and its weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Factor {
    /// `population`, `area_km2` or `gdp`.
    pub key: String,
    /// Chinese label.
    pub zh: String,
    /// English label.
    pub en: String,
    /// Weight (weights need not sum to 1).
    pub weight: f64,
}

/// A special factor (the "X") that adds 重点保障编制.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Special {
    /// `county_seat`, `population_over`, `key_town` or `border`.
    pub id: String,
    /// Chinese label.
    pub zh: String,
    /// English label.
    pub en: String,
    /// Quotas added.
    pub add: u32,
    /// For `population_over`: the population threshold.
    #[serde(default)]
    pub threshold: Option<f64>,
}

/// The quota policy, as cited data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuotaPolicy {
    /// Name.
    pub name: String,
    /// English name.
    pub name_en: String,
    /// Whether the parameters are illustrative (示意).
    #[serde(default)]
    pub synthetic: bool,
    /// Sources.
    pub citations: Vec<String>,
    /// 基本编制 per township.
    pub basic: u32,
    /// Share of the county's total before kept in the county pool (0–1).
    pub reserve_share: f64,
    /// Lowest quota of a township after the adjustment.
    pub min: u32,
    /// Highest quota of a township after the adjustment.
    pub max: u32,
    /// Main indicators.
    #[serde(rename = "factor")]
    pub factors: Vec<Factor>,
    /// Special factors.
    #[serde(rename = "special", default)]
    pub specials: Vec<Special>,
}

impl QuotaPolicy {
    /// The built-in policy (illustrative parameters; templates/handover/quota.toml).
    pub fn builtin() -> Result<QuotaPolicy, HandoverError> {
        QuotaPolicy::from_toml("quota.toml", BUILTIN)
    }

    /// Parses and checks a policy: cited, weights ≥ 0 with a positive sum, known factor and
    /// special ids, `min ≤ max`, reserve share in [0, 1).
    pub fn from_toml(name: &str, text: &str) -> Result<QuotaPolicy, HandoverError> {
        let bad = |m: String| HandoverError::Template {
            name: name.to_string(),
            message: m,
        };
        let p: QuotaPolicy = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
        if p.citations.is_empty() {
            return Err(bad("缺少出处 citations / citations missing".into()));
        }
        if p.min > p.max || !(0.0..1.0).contains(&p.reserve_share) {
            return Err(bad("min ≤ max，0 ≤ reserve_share < 1".into()));
        }
        let wsum: f64 = p.factors.iter().map(|f| f.weight).sum();
        if p.factors
            .iter()
            .any(|f| f.weight < 0.0 || !f.weight.is_finite())
            || wsum <= 0.0
        {
            return Err(bad(
                "权重须非负且总和为正 / weights must be ≥ 0 with a positive sum".into(),
            ));
        }
        for f in &p.factors {
            if !["population", "area_km2", "gdp"].contains(&f.key.as_str()) {
                return Err(bad(format!("未知指标 / unknown factor “{}”", f.key)));
            }
        }
        for s in &p.specials {
            let ok = match s.id.as_str() {
                "county_seat" | "key_town" | "border" => true,
                "population_over" => s.threshold.is_some(),
                _ => false,
            };
            if !ok {
                return Err(bad(format!(
                    "未知或不完整的特殊因素 / unknown or incomplete special factor “{}”",
                    s.id
                )));
            }
        }
        Ok(p)
    }

    fn applies(&self, s: &Special, f: &UnitFacts) -> bool {
        match s.id.as_str() {
            "county_seat" => f.county_seat,
            "key_town" => f.key_town,
            "border" => f.border,
            "population_over" => {
                matches!((f.population, s.threshold), (Some(p), Some(t)) if p >= t)
            }
            _ => false,
        }
    }
}

/// One township's quota, before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuotaLine {
    /// Code (proposed for a new township).
    pub code: String,
    /// Name.
    pub name: String,
    /// Former townships.
    pub predecessors: Vec<String>,
    /// Whether it holds more than one former township or is new.
    pub merged: bool,
    /// The plain sum of its predecessors' quotas (简单叠加), for comparison.
    pub before: u32,
    /// 基本编制.
    pub basic: u32,
    /// 指标测算增加编制 (what the formula and the bounds left after basic and priority; may be negative when a bound cut it).
    pub increase: i64,
    /// 重点保障编制.
    pub priority: u32,
    /// The special factors that applied (Chinese labels).
    pub priority_reasons: Vec<String>,
    /// The quota after: basic + increase + priority.
    pub after: u32,
    /// Cut to the policy's min or max.
    pub bounded: bool,
}

/// The county's quotas after the adjustment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuotaResult {
    /// The policy's name.
    pub policy: String,
    /// Illustrative parameters (示意).
    pub synthetic: bool,
    /// Per township after the plan.
    pub lines: Vec<QuotaLine>,
    /// The county's total before (all townships).
    pub total_before: u32,
    /// What the formula could allocate (total before less the county-pool share).
    pub budget: u32,
    /// The total after.
    pub total_after: u32,
    /// Returned to the county pool (total before − total after, ≥ 0).
    pub returned_to_pool: u32,
    /// Townships before and after.
    pub units_before: usize,
    /// Townships after.
    pub units_after: usize,
    /// Average before (per township).
    pub average_before: f64,
    /// Average after.
    pub average_after: f64,
    /// Largest after.
    pub max_after: u32,
    /// Smallest after.
    pub min_after: u32,
}

/// Computes the quotas after the plan.
///
/// ```
/// use quhua_workflow::handover::{QuotaPolicy, UnitAfter, UnitFacts, UnitRef, compute_quotas};
/// use std::collections::BTreeMap;
/// let f = |pop: f64, q: u32| UnitFacts { population: Some(pop), area_km2: Some(50.0),
///     gdp: Some(pop), staff_quota: Some(q), ..Default::default() };
/// let mut before = BTreeMap::new();
/// for (c, pop) in [("1", 20000.0), ("2", 15000.0), ("3", 30000.0), ("4", 25000.0)] {
///     before.insert(c.to_string(), f(pop, 22));
/// }
/// let u = |c: &str, preds: &[&str], pop: f64| UnitAfter {
///     unit: UnitRef { code: c.into(), name: c.into(), provisional: false },
///     predecessors: preds.iter().map(|s| s.to_string()).collect(), facts: f(pop, 0) };
/// let after = vec![u("1", &["1", "2"], 35000.0), u("3", &["3"], 30000.0), u("4", &["4"], 25000.0)];
/// let r = compute_quotas(&QuotaPolicy::builtin().unwrap(), &after, &before).unwrap();
/// assert!(r.total_after <= r.total_before);
/// assert_ne!(r.lines[0].after, 44); // never the plain sum
/// assert_eq!(r.total_before - r.total_after, r.returned_to_pool);
/// ```
pub fn compute_quotas(
    policy: &QuotaPolicy,
    after: &[UnitAfter],
    before: &BTreeMap<String, UnitFacts>,
) -> Result<QuotaResult, HandoverError> {
    let invalid = |zh: String, en: String| HandoverError::Invalid { zh, en };
    let mut total_before: u32 = 0;
    for (code, f) in before {
        total_before += f.staff_quota.ok_or_else(|| {
            invalid(
                format!("乡镇 {code} 缺少调整前行政编制数"),
                format!("township {code} has no staff quota before the adjustment"),
            )
        })?;
    }
    if after.is_empty() {
        return Err(invalid(
            "调整后没有乡镇".into(),
            "no township after the plan".into(),
        ));
    }
    let budget = (f64::from(total_before) * (1.0 - policy.reserve_share)).floor() as u32;
    let n = after.len();
    let mut priority = vec![0u32; n];
    let mut reasons = vec![Vec::new(); n];
    for (i, u) in after.iter().enumerate() {
        for s in &policy.specials {
            if policy.applies(s, &u.facts) {
                priority[i] += s.add;
                reasons[i].push(s.zh.clone());
            }
        }
    }
    let value = |f: &UnitFacts, key: &str| match key {
        "population" => f.population,
        "area_km2" => f.area_km2,
        _ => f.gdp,
    };
    let mut fixed: Vec<Option<u32>> = vec![None; n];
    let mut result = vec![0u32; n];
    for _round in 0..=n {
        let free: Vec<usize> = (0..n).filter(|&i| fixed[i].is_none()).collect();
        let fixed_sum: i64 = fixed.iter().flatten().map(|&q| i64::from(q)).sum();
        let base_sum: i64 = free
            .iter()
            .map(|&i| i64::from(policy.basic + priority[i]))
            .sum();
        let remaining = i64::from(budget) - fixed_sum - base_sum;
        if remaining < 0 {
            return Err(invalid(
                format!(
                    "可分配编制 {budget} 不足以保证基本编制、重点保障编制和下限（缺 {}）",
                    -remaining
                ),
                format!(
                    "the {budget} quotas to allocate do not cover basic, priority and minimum quotas (short by {})",
                    -remaining
                ),
            ));
        }
        // Scores: weighted indicator relative to the mean over the free units.
        let mut score = vec![0.0f64; n];
        for fct in &policy.factors {
            let vals: Vec<f64> = free
                .iter()
                .filter_map(|&i| value(&after[i].facts, &fct.key))
                .collect();
            let mean = if vals.is_empty() {
                0.0
            } else {
                vals.iter().sum::<f64>() / vals.len() as f64
            };
            for &i in &free {
                let x = value(&after[i].facts, &fct.key)
                    .map_or(1.0, |v| if mean > 0.0 { v / mean } else { 1.0 });
                score[i] += fct.weight * x.max(0.0);
            }
        }
        let inc = largest_remainder(remaining as u64, &free, &score, after);
        for (&i, &k) in free.iter().zip(&inc) {
            result[i] = policy.basic + priority[i] + k as u32;
        }
        let mut changed = false;
        for &i in &free {
            if result[i] > policy.max {
                fixed[i] = Some(policy.max);
                changed = true;
            } else if result[i] < policy.min {
                fixed[i] = Some(policy.min);
                changed = true;
            }
        }
        for i in 0..n {
            if let Some(q) = fixed[i] {
                result[i] = q;
            }
        }
        if !changed {
            break;
        }
    }
    let total_after: u32 = result.iter().sum();
    if total_after > total_before {
        return Err(invalid(
            format!("调整后编制总数 {total_after} 超过调整前 {total_before}，不得突破总额"),
            format!("the total after ({total_after}) exceeds the total before ({total_before})"),
        ));
    }
    let lines: Vec<QuotaLine> = after
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let plain: u32 = u
                .predecessors
                .iter()
                .filter_map(|p| before.get(p).and_then(|f| f.staff_quota))
                .sum();
            QuotaLine {
                code: u.unit.code.clone(),
                name: u.unit.name.clone(),
                predecessors: u.predecessors.clone(),
                merged: u.predecessors.len() != 1 || u.predecessors.first() != Some(&u.unit.code),
                before: plain,
                basic: policy.basic,
                increase: i64::from(result[i]) - i64::from(policy.basic + priority[i]),
                priority: priority[i],
                priority_reasons: reasons[i].clone(),
                after: result[i],
                bounded: fixed[i].is_some(),
            }
        })
        .collect();
    let units_before = before.len();
    Ok(QuotaResult {
        policy: policy.name.clone(),
        synthetic: policy.synthetic,
        total_before,
        budget,
        total_after,
        returned_to_pool: total_before - total_after,
        units_before,
        units_after: n,
        average_before: f64::from(total_before) / units_before.max(1) as f64,
        average_after: f64::from(total_after) / n as f64,
        max_after: result.iter().copied().max().unwrap_or(0),
        min_after: result.iter().copied().min().unwrap_or(0),
        lines,
    })
}

/// Splits `total` among `free` in proportion to `score` (equal shares when all scores are 0),
/// whole numbers by the largest-remainder method; ties go to the lower code.
fn largest_remainder(total: u64, free: &[usize], score: &[f64], after: &[UnitAfter]) -> Vec<u64> {
    if free.is_empty() {
        return Vec::new();
    }
    let s: f64 = free.iter().map(|&i| score[i]).sum();
    let share = |i: usize| {
        if s > 0.0 {
            total as f64 * score[i] / s
        } else {
            total as f64 / free.len() as f64
        }
    };
    let mut out: Vec<u64> = free.iter().map(|&i| share(i).floor() as u64).collect();
    let given: u64 = out.iter().sum();
    let mut order: Vec<usize> = (0..free.len()).collect();
    order.sort_by(|&a, &b| {
        let fa = share(free[a]) - share(free[a]).floor();
        let fb = share(free[b]) - share(free[b]).floor();
        fb.total_cmp(&fa)
            .then_with(|| after[free[a]].unit.code.cmp(&after[free[b]].unit.code))
    });
    let left = total.saturating_sub(given) as usize;
    for &k in order.iter().cycle().take(left) {
        out[k] += 1;
    }
    out
}
