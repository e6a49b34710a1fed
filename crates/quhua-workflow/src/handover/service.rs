//! Service continuity at every former seat (基层服务只增不减): the service points before and
//! what becomes of each, the rule checked per former seat and per service type, and the
//! distance from each village to its nearest service point before and after.

use quhua_core::i18n::Text;
use quhua_core::policy::Severity;
use quhua_core::rules::Finding;
use quhua_core::rules::RuleId;
use quhua_core::unit::LonLat;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where the rule comes from.
pub const CITATION: &str = "广元市《关于做好乡镇行政区划和村级建制调整改革“后半篇”文章的实施方案》任务15、16、17（被撤并乡镇便民服务中心设置为便民服务站，原卫生院调整归并为分院）";

/// A type of service point.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ServiceType {
    /// 便民服务中心 / 便民服务站.
    ServiceCentre,
    /// 村便民服务室（点）.
    VillageService,
    /// 卫生院（分院）.
    HealthCentre,
    /// 村卫生室.
    VillageClinic,
    /// 小学.
    PrimarySchool,
    /// 初中.
    MiddleSchool,
    /// 幼儿园.
    Kindergarten,
    /// 邮政网点.
    Post,
    /// 金融网点（银行、信用社）.
    Bank,
}

impl ServiceType {
    /// Every type.
    pub const ALL: [ServiceType; 9] = [
        ServiceType::ServiceCentre,
        ServiceType::VillageService,
        ServiceType::HealthCentre,
        ServiceType::VillageClinic,
        ServiceType::PrimarySchool,
        ServiceType::MiddleSchool,
        ServiceType::Kindergarten,
        ServiceType::Post,
        ServiceType::Bank,
    ];
    /// Stable id (as in the templates' `service_types`).
    pub fn id(self) -> &'static str {
        match self {
            ServiceType::ServiceCentre => "service_centre",
            ServiceType::VillageService => "village_service",
            ServiceType::HealthCentre => "health_centre",
            ServiceType::VillageClinic => "village_clinic",
            ServiceType::PrimarySchool => "primary_school",
            ServiceType::MiddleSchool => "middle_school",
            ServiceType::Kindergarten => "kindergarten",
            ServiceType::Post => "post",
            ServiceType::Bank => "bank",
        }
    }
    /// Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            ServiceType::ServiceCentre => "便民服务中心（站）",
            ServiceType::VillageService => "村便民服务室",
            ServiceType::HealthCentre => "卫生院",
            ServiceType::VillageClinic => "村卫生室",
            ServiceType::PrimarySchool => "小学",
            ServiceType::MiddleSchool => "初中",
            ServiceType::Kindergarten => "幼儿园",
            ServiceType::Post => "邮政网点",
            ServiceType::Bank => "金融网点",
        }
    }
    /// English.
    pub fn en(self) -> &'static str {
        match self {
            ServiceType::ServiceCentre => "service centre",
            ServiceType::VillageService => "village service room",
            ServiceType::HealthCentre => "health centre",
            ServiceType::VillageClinic => "village clinic",
            ServiceType::PrimarySchool => "primary school",
            ServiceType::MiddleSchool => "middle school",
            ServiceType::Kindergarten => "kindergarten",
            ServiceType::Post => "post office",
            ServiceType::Bank => "bank outlet",
        }
    }
    /// Parses an id or a Chinese name.
    pub fn parse(s: &str) -> Option<ServiceType> {
        let t = s.trim();
        ServiceType::ALL
            .into_iter()
            .find(|k| k.id() == t || k.zh() == t || k.zh().starts_with(t) && !t.is_empty())
    }
}

/// A service point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ServicePoint {
    /// Id.
    pub id: String,
    /// Type.
    pub kind: ServiceType,
    /// Name.
    pub name: String,
    /// The (former) township's code.
    pub township: String,
    /// The village it is in.
    #[serde(default)]
    pub village: Option<String>,
    /// Location.
    #[serde(default)]
    pub location: Option<LonLat>,
    /// At the township's seat (驻地).
    pub at_seat: bool,
}

/// What becomes of a service point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "outcome", rename_all = "snake_case", deny_unknown_fields)]
pub enum Outcome {
    /// Not decided yet.
    Pending,
    /// 保留.
    Kept,
    /// 更名 (e.g. 便民服务中心 → 便民服务站, 卫生院 → 分院).
    Renamed {
        /// New name.
        name: String,
    },
    /// 升级 (e.g. into a 县域医疗卫生次中心).
    Upgraded {
        /// New name.
        name: String,
        /// What changes.
        note: String,
    },
    /// 归并 into another point.
    MergedInto {
        /// The point it joins.
        point: String,
        /// Distance to it, km.
        distance_km: f64,
    },
    /// 撤销, with the reason and the approval.
    Closed {
        /// Why.
        reason: String,
        /// 批准文号 (a closure without it breaks the rule).
        #[serde(default)]
        approval: Option<String>,
    },
}

impl Outcome {
    /// Whether the point still serves at its place after.
    pub fn serves(&self) -> bool {
        matches!(
            self,
            Outcome::Kept | Outcome::Renamed { .. } | Outcome::Upgraded { .. }
        )
    }
}

/// A village's location, for distances.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VillagePoint {
    /// 12-digit code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Location.
    pub location: LonLat,
}

/// A village's distance to the nearest point of a type, before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct VillageAccess {
    /// Village code.
    pub village: String,
    /// Service type.
    pub kind: ServiceType,
    /// km before (none when no point of the type had a location).
    pub before_km: Option<f64>,
    /// km after.
    pub after_km: Option<f64>,
}

/// The service register.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ServiceBook {
    /// Points before.
    pub points: Vec<ServicePoint>,
    /// Outcomes by point id (absent = pending).
    pub outcomes: BTreeMap<String, Outcome>,
    /// Points added after (新设).
    pub added: Vec<ServicePoint>,
    /// Village locations.
    pub villages: Vec<VillagePoint>,
}

/// Summary of the service register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ServiceStatus {
    /// Points before.
    pub points_before: usize,
    /// Kept.
    pub kept: usize,
    /// Renamed.
    pub renamed: usize,
    /// Upgraded.
    pub upgraded: usize,
    /// Merged into another.
    pub merged: usize,
    /// Closed.
    pub closed: usize,
    /// Undecided.
    pub pending: usize,
    /// Added after.
    pub added: usize,
    /// Serving after (kept + renamed + upgraded + added).
    pub points_after: usize,
    /// Rule findings that are errors.
    pub errors: usize,
    /// Rule findings that are warnings.
    pub warnings: usize,
    /// 只增不减 holds at every former seat for every type (no errors, nothing pending).
    pub holds: bool,
}

/// Great-circle distance, km.
pub fn distance_km(a: LonLat, b: LonLat) -> f64 {
    let (la1, la2) = (a.lat.to_radians(), b.lat.to_radians());
    let dla = la2 - la1;
    let dlo = (b.lon - a.lon).to_radians();
    let h = (dla / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlo / 2.0).sin().powi(2);
    2.0 * 6371.0088 * h.sqrt().asin()
}

impl ServiceBook {
    /// The outcome of a point (pending when not set).
    pub fn outcome(&self, id: &str) -> &Outcome {
        self.outcomes.get(id).unwrap_or(&Outcome::Pending)
    }

    /// Checks 只增不减 at the seats of `former` (codes of the abolished townships): per seat
    /// and per service type present before, the points serving there after (kept, renamed,
    /// upgraded, or added at the seat) are at least as many as before; each former seat has
    /// a service centre (station) after.
    ///
    /// ```
    /// use quhua_workflow::handover::{Outcome, ServiceBook, ServicePoint, ServiceType};
    /// let p = |id: &str, kind| ServicePoint { id: id.into(), kind, name: id.into(),
    ///     township: "130634200".into(), village: None, location: None, at_seat: true };
    /// let mut b = ServiceBook { points: vec![p("S1", ServiceType::ServiceCentre), p("B1", ServiceType::Bank)], ..Default::default() };
    /// b.outcomes.insert("S1".into(), Outcome::Renamed { name: "便民服务站".into() });
    /// b.outcomes.insert("B1".into(), Outcome::Closed { reason: "网点撤并".into(), approval: None });
    /// let f = b.findings(&["130634200".to_string()]);
    /// assert!(f.iter().any(|x| x.rule == "services_no_decrease" && x.units[0].contains("金融")));
    /// ```
    pub fn findings(&self, former: &[String]) -> Vec<Finding> {
        let mut out = Vec::new();
        for seat in former {
            let mut before: BTreeMap<ServiceType, Vec<&ServicePoint>> = BTreeMap::new();
            for p in self
                .points
                .iter()
                .filter(|p| &p.township == seat && p.at_seat)
            {
                before.entry(p.kind).or_default().push(p);
            }
            let added = |k: ServiceType| {
                self.added
                    .iter()
                    .filter(|p| &p.township == seat && p.at_seat && p.kind == k)
                    .count()
            };
            for (&kind, pts) in &before {
                let serving =
                    pts.iter().filter(|p| self.outcome(&p.id).serves()).count() + added(kind);
                let pending: Vec<&&ServicePoint> = pts
                    .iter()
                    .filter(|p| *self.outcome(&p.id) == Outcome::Pending)
                    .collect();
                let label = format!("{seat} {}", kind.zh());
                if !pending.is_empty() {
                    out.push(Finding {
                        severity: Severity::Info,
                        rule: RuleId::ServicesPending,
                        units: vec![label.clone()],
                        message: Text::new(
                            format!(
                                "原驻地 {seat} 的{}有 {} 处尚未确定去向",
                                kind.zh(),
                                pending.len()
                            ),
                            format!(
                                "{} {}(s) at the former seat {seat} not yet decided",
                                pending.len(),
                                kind.en()
                            ),
                        ),
                        citation: CITATION.into(),
                    });
                }
                if serving + pending.len() < pts.len() {
                    let unapproved = pts.iter().any(|p| {
                        matches!(
                            self.outcome(&p.id),
                            Outcome::Closed { approval: None, .. } | Outcome::MergedInto { .. }
                        )
                    });
                    out.push(Finding {
                        severity: if unapproved { Severity::Error } else { Severity::Warning },
                        rule: RuleId::ServicesNoDecrease,
                        units: vec![label],
                        message: Text::new(
                            format!(
                                "原驻地 {seat} 的{}由 {} 处减为 {} 处，违反“基层服务只增不减”{}",
                                kind.zh(),
                                pts.len(),
                                serving,
                                if unapproved { "" } else { "（已批准撤销）" }
                            ),
                            format!(
                                "{}s at the former seat {seat} drop from {} to {}, against \"services only grow\"{}",
                                kind.en(),
                                pts.len(),
                                serving,
                                if unapproved { "" } else { " (closure approved)" }
                            ),
                        ),
                        citation: CITATION.into(),
                    });
                }
            }
            let has_station = self
                .points
                .iter()
                .filter(|p| {
                    &p.township == seat && p.at_seat && p.kind == ServiceType::ServiceCentre
                })
                .any(|p| self.outcome(&p.id).serves())
                || added(ServiceType::ServiceCentre) > 0;
            let undecided = self.points.iter().any(|p| {
                &p.township == seat
                    && p.at_seat
                    && p.kind == ServiceType::ServiceCentre
                    && *self.outcome(&p.id) == Outcome::Pending
            });
            if !has_station && !undecided {
                out.push(Finding {
                    severity: Severity::Error,
                    rule: RuleId::ServicesStation,
                    units: vec![seat.clone()],
                    message: Text::new(
                        format!("原驻地 {seat} 调整后没有便民服务站"),
                        format!(
                            "the former seat {seat} has no service station after the adjustment"
                        ),
                    ),
                    citation: CITATION.into(),
                });
            }
        }
        out.sort_by(|a, b| b.severity.cmp(&a.severity).then(a.units.cmp(&b.units)));
        out
    }

    /// Each village's distance to the nearest point of each type present, before and after.
    pub fn village_access(&self) -> Vec<VillageAccess> {
        let mut out = Vec::new();
        for kind in ServiceType::ALL {
            let before: Vec<LonLat> = self
                .points
                .iter()
                .filter(|p| p.kind == kind)
                .filter_map(|p| p.location)
                .collect();
            if before.is_empty() {
                continue;
            }
            let after: Vec<LonLat> = self
                .points
                .iter()
                .filter(|p| p.kind == kind && self.outcome(&p.id).serves())
                .chain(self.added.iter().filter(|p| p.kind == kind))
                .filter_map(|p| p.location)
                .collect();
            let nearest = |set: &[LonLat], v: LonLat| {
                set.iter()
                    .map(|p| distance_km(*p, v))
                    .min_by(f64::total_cmp)
            };
            for v in &self.villages {
                out.push(VillageAccess {
                    village: v.code.clone(),
                    kind,
                    before_km: nearest(&before, v.location),
                    after_km: nearest(&after, v.location),
                });
            }
        }
        out
    }

    /// The summary (rule checked at the seats of `former`).
    pub fn status(&self, former: &[String]) -> ServiceStatus {
        let mut s = ServiceStatus {
            points_before: self.points.len(),
            kept: 0,
            renamed: 0,
            upgraded: 0,
            merged: 0,
            closed: 0,
            pending: 0,
            added: self.added.len(),
            points_after: self.added.len(),
            errors: 0,
            warnings: 0,
            holds: false,
        };
        for p in &self.points {
            match self.outcome(&p.id) {
                Outcome::Pending => s.pending += 1,
                Outcome::Kept => s.kept += 1,
                Outcome::Renamed { .. } => s.renamed += 1,
                Outcome::Upgraded { .. } => s.upgraded += 1,
                Outcome::MergedInto { .. } => s.merged += 1,
                Outcome::Closed { .. } => s.closed += 1,
            }
        }
        s.points_after += s.kept + s.renamed + s.upgraded;
        let f = self.findings(former);
        s.errors = f.iter().filter(|x| x.severity == Severity::Error).count();
        s.warnings = f.iter().filter(|x| x.severity == Severity::Warning).count();
        s.holds = s.errors == 0 && s.pending == 0;
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(id: &str, kind: ServiceType, lon: f64, at_seat: bool) -> ServicePoint {
        ServicePoint {
            id: id.into(),
            kind,
            name: id.into(),
            township: "130634200".into(),
            village: None,
            location: Some(LonLat { lon, lat: 38.6 }),
            at_seat,
        }
    }

    #[test]
    fn merge_away_from_the_seat_breaks_the_rule_and_lengthens_trips() {
        let mut b = ServiceBook {
            points: vec![
                pt("S", ServiceType::ServiceCentre, 114.70, true),
                pt("H", ServiceType::HealthCentre, 114.70, true),
                pt("H2", ServiceType::HealthCentre, 114.80, false),
            ],
            villages: vec![VillagePoint {
                code: "130634200201".into(),
                name: "示意村".into(),
                location: LonLat {
                    lon: 114.71,
                    lat: 38.6,
                },
            }],
            ..Default::default()
        };
        let former = ["130634200".to_string()];
        assert!(!b.status(&former).holds);
        b.outcomes.insert(
            "S".into(),
            Outcome::Renamed {
                name: "便民服务站".into(),
            },
        );
        b.outcomes.insert("H2".into(), Outcome::Kept);
        b.outcomes.insert(
            "H".into(),
            Outcome::MergedInto {
                point: "H2".into(),
                distance_km: 8.7,
            },
        );
        let f = b.findings(&former);
        assert_eq!(f.len(), 1);
        assert_eq!(
            (f[0].rule, f[0].severity),
            (RuleId::ServicesNoDecrease, Severity::Error)
        );
        let acc = b.village_access();
        let h = acc
            .iter()
            .find(|a| a.kind == ServiceType::HealthCentre)
            .unwrap();
        assert!(h.before_km.unwrap() < 1.0 && h.after_km.unwrap() > 7.0);
        // an upgraded branch at the seat restores it
        b.outcomes.insert(
            "H".into(),
            Outcome::Renamed {
                name: "卫生院分院".into(),
            },
        );
        assert!(b.status(&former).holds);
        // closing the only station with approval: warning, and no station → error
        b.outcomes.insert(
            "S".into(),
            Outcome::Closed {
                reason: "并入中心".into(),
                approval: Some("批复".into()),
            },
        );
        let f = b.findings(&former);
        assert!(
            f.iter()
                .any(|x| x.rule == "services_station" && x.severity == Severity::Error)
        );
        assert!(
            f.iter()
                .any(|x| x.rule == "services_no_decrease" && x.severity == Severity::Warning)
        );
        assert!(
            (distance_km(LonLat { lon: 0.0, lat: 0.0 }, LonLat { lon: 1.0, lat: 0.0 }) - 111.19)
                .abs()
                < 0.1
        );
    }
}
