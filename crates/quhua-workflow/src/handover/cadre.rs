//! Cadre placement (干部安置): the roster, a placement for each cadre by a configured route,
//! the leadership posts (职数) of each new township, 超配 tracked until absorbed, and the
//! one-to-one talks (谈心谈话) with their coverage.

use quhua_core::date::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Fields of [`Cadre`] that are personal data: the application shows them only to the
/// organisation department and the leadership-group office, and logs every read.
pub const PERSONAL_FIELDS: &[&str] = &["name", "gender", "birth_date", "id_number", "phone"];

/// One cadre of a unit involved in the handover.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Cadre {
    /// Roster id (工号; never the ID-card number).
    pub id: String,
    /// The unit's code (a former or continuing township).
    pub unit: String,
    /// 职务 (党委书记, 镇长, 副镇长, 科员 …).
    pub post: String,
    /// Whether the post is a leadership post (领导职务, counted against 职数).
    pub leader: bool,
    /// 职级.
    #[serde(default)]
    pub rank: Option<String>,
    /// Personal: name.
    pub name: String,
    /// Personal: gender.
    #[serde(default)]
    pub gender: Option<String>,
    /// Personal: date of birth.
    #[serde(default)]
    pub birth_date: Option<Date>,
    /// Personal: ID-card number.
    #[serde(default)]
    pub id_number: Option<String>,
    /// Personal: phone.
    #[serde(default)]
    pub phone: Option<String>,
}

impl Cadre {
    /// The cadre with every personal field blanked (for readers without the right).
    pub fn redacted(&self) -> Cadre {
        Cadre {
            name: "＊＊＊".into(),
            gender: None,
            birth_date: None,
            id_number: None,
            phone: None,
            ..self.clone()
        }
    }
}

/// Where a cadre goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlacementRecord {
    /// Route id (from the template's placement routes).
    pub route: String,
    /// Destination unit code or body (when the route needs one).
    #[serde(default)]
    pub destination: Option<String>,
    /// New post.
    #[serde(default)]
    pub post: Option<String>,
    /// Whether the new post is a leadership post.
    #[serde(default)]
    pub leader: bool,
    /// Decided on.
    pub date: Date,
}

/// A one-to-one talk (谈心谈话).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Talk {
    /// The cadre.
    pub cadre: String,
    /// When.
    pub date: Date,
    /// Who talked with the cadre (e.g. 县委书记, 组织部部长, 指导组组长).
    pub by: String,
    /// Points raised (personal: shown like the roster).
    #[serde(default)]
    pub note: Option<String>,
}

/// A 超配 being absorbed (retirement, exchange out …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Absorption {
    /// The unit.
    pub unit: String,
    /// How many.
    pub count: u32,
    /// When.
    pub date: Date,
    /// How (退休, 交流 …).
    pub note: String,
}

/// Overstaffing of one unit: leaders placed above its 职数.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Overstaff {
    /// The unit.
    pub unit: String,
    /// 职数.
    pub posts: u32,
    /// Leaders placed there.
    pub leaders: u32,
    /// Above the posts (leaders − posts, ≥ 0).
    pub over: u32,
    /// Absorbed since.
    pub absorbed: u32,
    /// Still to absorb.
    pub outstanding: u32,
    /// Absorb by.
    pub due: Option<Date>,
}

/// The cadre register of a handover.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CadreBook {
    /// The roster.
    pub roster: Vec<Cadre>,
    /// Placements by cadre id.
    pub placements: BTreeMap<String, PlacementRecord>,
    /// Talks held.
    pub talks: Vec<Talk>,
    /// 职数 of each new township, by code.
    pub posts: BTreeMap<String, u32>,
    /// Absorptions of 超配.
    pub absorptions: Vec<Absorption>,
    /// The date from which 超配 is due (the placement date of the first 超配, else none).
    #[serde(default)]
    pub overstaff_months: u32,
}

/// Summary of the cadre register.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CadreStatus {
    /// On the roster.
    pub roster: usize,
    /// Placed.
    pub placed: usize,
    /// Not placed.
    pub unplaced: usize,
    /// Placed by route id.
    pub by_route: BTreeMap<String, usize>,
    /// Cadres with at least one talk.
    pub talked: usize,
    /// Talks held.
    pub talks: usize,
    /// talked / roster (1 when the roster is empty).
    pub talk_coverage: f64,
    /// Leaders above 职数, over all units.
    pub overstaffed: u32,
    /// Still to absorb.
    pub overstaff_outstanding: u32,
    /// Units whose 超配 is past due and not absorbed.
    pub overstaff_overdue: Vec<String>,
}

impl CadreBook {
    /// Index of the roster by id.
    pub fn find(&self, id: &str) -> Option<&Cadre> {
        self.roster.iter().find(|c| c.id == id)
    }

    /// Overstaffing per unit with 职数, as of `today`.
    pub fn overstaff(&self) -> Vec<Overstaff> {
        let mut leaders: HashMap<&str, (u32, Option<Date>)> = HashMap::new();
        for p in self.placements.values() {
            if let (true, Some(d)) = (p.leader, p.destination.as_deref()) {
                let e = leaders.entry(d).or_insert((0, None));
                e.0 += 1;
                e.1 = Some(e.1.map_or(p.date, |x: Date| x.max(p.date)));
            }
        }
        self.posts
            .iter()
            .map(|(unit, &posts)| {
                let (l, last) = leaders.get(unit.as_str()).copied().unwrap_or((0, None));
                let over = l.saturating_sub(posts);
                let absorbed: u32 = self
                    .absorptions
                    .iter()
                    .filter(|a| &a.unit == unit)
                    .map(|a| a.count)
                    .sum::<u32>()
                    .min(over);
                Overstaff {
                    unit: unit.clone(),
                    posts,
                    leaders: l,
                    over,
                    absorbed,
                    outstanding: over - absorbed,
                    due: (over > 0).then_some(last).flatten().and_then(|d| {
                        d.checked_add_months(chrono::Months::new(self.overstaff_months))
                    }),
                }
            })
            .collect()
    }

    /// Cadres (of `units`, or all when `None`) without a placement.
    pub fn unplaced<'a>(
        &'a self,
        units: Option<&'a [String]>,
    ) -> impl Iterator<Item = &'a Cadre> + 'a {
        self.roster.iter().filter(move |c| {
            units.is_none_or(|u| u.contains(&c.unit)) && !self.placements.contains_key(&c.id)
        })
    }

    /// Cadres (of `units`, or all) without a talk.
    pub fn untalked<'a>(
        &'a self,
        units: Option<&'a [String]>,
    ) -> impl Iterator<Item = &'a Cadre> + 'a {
        self.roster.iter().filter(move |c| {
            units.is_none_or(|u| u.contains(&c.unit)) && !self.talks.iter().any(|t| t.cadre == c.id)
        })
    }

    /// The summary as of `today`.
    pub fn status(&self, today: Date) -> CadreStatus {
        let mut by_route = BTreeMap::new();
        for p in self.placements.values() {
            *by_route.entry(p.route.clone()).or_insert(0) += 1;
        }
        let talked = self.roster.len() - self.untalked(None).count();
        let over = self.overstaff();
        CadreStatus {
            roster: self.roster.len(),
            placed: self.placements.len(),
            unplaced: self.unplaced(None).count(),
            by_route,
            talked,
            talks: self.talks.len(),
            talk_coverage: if self.roster.is_empty() {
                1.0
            } else {
                talked as f64 / self.roster.len() as f64
            },
            overstaffed: over.iter().map(|o| o.over).sum(),
            overstaff_outstanding: over.iter().map(|o| o.outstanding).sum(),
            overstaff_overdue: over
                .iter()
                .filter(|o| o.outstanding > 0 && o.due.is_some_and(|d| d < today))
                .map(|o| o.unit.clone())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redaction_blanks_every_personal_field_and_keeps_the_post() {
        let c = Cadre {
            id: "c1".into(),
            unit: "130634200".into(),
            post: "党委书记".into(),
            leader: true,
            rank: Some("正科级".into()),
            name: "张三".into(),
            gender: Some("男".into()),
            birth_date: Some(Date::from_ymd_opt(1980, 5, 1).unwrap()),
            id_number: Some("130634198005010011".into()),
            phone: Some("13800000000".into()),
        };
        let r = serde_json::to_value(c.redacted()).unwrap();
        for field in PERSONAL_FIELDS {
            let v = &r[*field];
            assert!(v.is_null() || v == "＊＊＊", "{field}: {v}");
        }
        let r = c.redacted();
        assert_eq!(
            (
                r.id.as_str(),
                r.unit.as_str(),
                r.post.as_str(),
                r.leader,
                r.rank.as_deref()
            ),
            ("c1", "130634200", "党委书记", true, Some("正科级"))
        );
    }
}
