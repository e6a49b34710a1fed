//! 村民会议 records: the assembly of each village a village adjustment concerns discusses the
//! proposal and agrees (or not), with date, attendance and votes (《村民委员会组织法》 art. 3).
//!
//! A 村民会议 is quorate with more than half of the village's adult villagers, or the
//! representatives of at least two thirds of its households (art. 22); a 村民代表会议 with at
//! least two thirds of its members (art. 26). Either decides by more than half of those
//! present. A proposal lacking a village's agreement cannot go on.

use super::plan::Document;
use quhua_core::date::Date;
use quhua_core::i18n::Text;
use serde::{Deserialize, Serialize};

/// Which body met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AssemblyKind {
    /// 村民会议, attendance counted in adult villagers.
    VillagersMeeting,
    /// 村民会议, attendance counted in households represented.
    VillagersMeetingHouseholds,
    /// 村民代表会议 (members: the representatives).
    RepresentativesMeeting,
}

impl AssemblyKind {
    /// Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            AssemblyKind::VillagersMeeting => "村民会议（按十八周岁以上村民计）",
            AssemblyKind::VillagersMeetingHouseholds => "村民会议（按户代表计）",
            AssemblyKind::RepresentativesMeeting => "村民代表会议",
        }
    }

    /// English name.
    pub fn en(self) -> &'static str {
        match self {
            AssemblyKind::VillagersMeeting => "villagers' assembly (adult villagers)",
            AssemblyKind::VillagersMeetingHouseholds => {
                "villagers' assembly (household representatives)"
            }
            AssemblyKind::RepresentativesMeeting => "villagers' representative assembly",
        }
    }

    /// Parses 村民会议 / 户代表 / 村民代表会议 or the snake_case id.
    pub fn parse(s: &str) -> Option<AssemblyKind> {
        match s.trim() {
            "村民会议" | "villagers_meeting" => Some(AssemblyKind::VillagersMeeting),
            "户代表" | "村民会议（户代表）" | "villagers_meeting_households" => {
                Some(AssemblyKind::VillagersMeetingHouseholds)
            }
            "村民代表会议" | "representatives_meeting" => {
                Some(AssemblyKind::RepresentativesMeeting)
            }
            _ => None,
        }
    }

    /// Whether `present` of `entitled` make a quorum.
    pub fn quorate(self, entitled: u32, present: u32) -> bool {
        let (e, p) = (u64::from(entitled), u64::from(present));
        match self {
            AssemblyKind::VillagersMeeting => p * 2 > e,
            AssemblyKind::VillagersMeetingHouseholds | AssemblyKind::RepresentativesMeeting => {
                p * 3 >= e * 2
            }
        }
    }

    /// The article the quorum rests on.
    pub fn citation(self) -> &'static str {
        match self {
            AssemblyKind::VillagersMeeting | AssemblyKind::VillagersMeetingHouseholds => {
                "《中华人民共和国村民委员会组织法》第二十二条"
            }
            AssemblyKind::RepresentativesMeeting => "《中华人民共和国村民委员会组织法》第二十六条",
        }
    }
}

/// One village's assembly on the proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AssemblyRecord {
    /// The village as the scheme names it (12-digit code or name).
    pub village: String,
    /// Its name, for display.
    pub village_name: String,
    /// Which body met.
    pub kind: AssemblyKind,
    /// Date of the meeting.
    pub date: Date,
    /// Members entitled to attend (adult villagers, households or representatives).
    pub entitled: u32,
    /// Present.
    pub present: u32,
    /// Votes in favour.
    pub votes_for: u32,
    /// Votes against.
    pub votes_against: u32,
    /// Abstentions.
    pub abstentions: u32,
    /// The minutes (会议记录), if attached.
    #[serde(default)]
    pub minutes: Option<Document>,
    /// Who recorded it.
    pub recorded_by: String,
}

impl AssemblyRecord {
    /// Why the record is not a valid count, if it is not: votes above attendance, attendance
    /// above the entitled, nobody entitled.
    pub fn invalid(&self) -> Option<Text> {
        let votes =
            u64::from(self.votes_for) + u64::from(self.votes_against) + u64::from(self.abstentions);
        if self.entitled == 0 {
            return Some(Text::new(
                "应到人数须大于 0",
                "the number entitled must be above 0",
            ));
        }
        if self.present > self.entitled {
            return Some(Text::new(
                format!("实到 {} 多于应到 {}", self.present, self.entitled),
                format!(
                    "{} present exceeds {} entitled",
                    self.present, self.entitled
                ),
            ));
        }
        if votes > u64::from(self.present) {
            return Some(Text::new(
                format!("表决票数 {votes} 多于实到 {}", self.present),
                format!("{votes} votes exceed the {} present", self.present),
            ));
        }
        None
    }

    /// The assembly was quorate.
    pub fn quorate(&self) -> bool {
        self.kind.quorate(self.entitled, self.present)
    }

    /// The assembly agreed: quorate, and more than half of those present voted for.
    pub fn agreed(&self) -> bool {
        self.invalid().is_none()
            && self.quorate()
            && u64::from(self.votes_for) * 2 > u64::from(self.present)
    }

    /// Why the village has not agreed (for a refusal), or `None` when it has.
    pub fn why_not(&self) -> Option<Text> {
        if let Some(t) = self.invalid() {
            return Some(t);
        }
        if !self.quorate() {
            return Some(Text::new(
                format!(
                    "{}未达法定人数（应到 {}，实到 {}；{}）",
                    self.kind.zh(),
                    self.entitled,
                    self.present,
                    self.kind.citation()
                ),
                format!(
                    "the {} had no quorum ({} entitled, {} present)",
                    self.kind.en(),
                    self.entitled,
                    self.present
                ),
            ));
        }
        if !self.agreed() {
            return Some(Text::new(
                format!(
                    "{}未通过（赞成 {}，到会 {}，须过半数）",
                    self.kind.zh(),
                    self.votes_for,
                    self.present
                ),
                format!(
                    "the {} did not agree ({} for of {} present; more than half needed)",
                    self.kind.en(),
                    self.votes_for,
                    self.present
                ),
            ));
        }
        None
    }
}

/// Each village concerned and where its assent stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct VillageAssent {
    /// The village as the scheme names it.
    pub village: String,
    /// Its latest assembly record, if any.
    pub record: Option<AssemblyRecord>,
    /// Whether it agreed.
    pub agreed: bool,
    /// Why not, when it has not (both languages).
    pub why_not: Option<Text>,
}

/// The latest record for each village concerned (a later meeting supersedes an earlier one).
pub fn assent(concerned: &[String], records: &[AssemblyRecord]) -> Vec<VillageAssent> {
    concerned
        .iter()
        .map(|v| {
            let record = records
                .iter()
                .filter(|r| r.village == *v)
                .max_by_key(|r| r.date)
                .cloned();
            let why_not = match &record {
                None => Some(Text::new(
                    "尚无村民会议记录",
                    "no villagers' assembly recorded",
                )),
                Some(r) => r.why_not(),
            };
            VillageAssent {
                village: v.clone(),
                agreed: why_not.is_none(),
                record,
                why_not,
            }
        })
        .collect()
}

impl super::Plan {
    /// The villages the plan's scheme merges, converts, splits or renames (as the scheme names
    /// them), in order of first mention; empty for a township scheme or an unreadable one.
    pub fn villages_concerned(&self) -> Vec<String> {
        use quhua_core::scenario::{Scenario, village_refs};
        let Ok(sc) =
            Scenario::from_toml(&self.scenario).or_else(|_| Scenario::from_json(&self.scenario))
        else {
            return Vec::new();
        };
        let mut out: Vec<String> = Vec::new();
        for op in &sc.ops {
            for r in village_refs(op) {
                let r = r.trim().to_string();
                if !out.contains(&r) {
                    out.push(r);
                }
            }
        }
        out
    }

    /// Where each village concerned stands.
    pub fn village_assent(&self) -> Vec<VillageAssent> {
        assent(&self.villages_concerned(), &self.assemblies)
    }

    /// Records one village's assembly. Refused for a village the scheme does not concern, an
    /// impossible count, or once the plan is approved.
    pub fn record_assembly(&mut self, record: AssemblyRecord) -> Result<(), super::ProcedureError> {
        let refused = |t: Text| super::ProcedureError::Assembly { zh: t.zh, en: t.en };
        if self.approval.is_some() {
            return Err(refused(Text::new(
                "方案已批准，不能再登记村民会议",
                "the plan is approved: no more assemblies can be recorded",
            )));
        }
        if !self.villages_concerned().contains(&record.village) {
            return Err(refused(Text::new(
                format!("方案不涉及“{}”", record.village),
                format!("the scheme does not concern \"{}\"", record.village),
            )));
        }
        if let Some(t) = record.invalid() {
            return Err(refused(Text::new(
                format!("{}：{}", record.village_name, t.zh),
                format!("{}: {}", record.village_name, t.en),
            )));
        }
        let (zh, en) = (
            format!(
                "登记{}{}：赞成 {}、反对 {}、弃权 {}（应到 {}，实到 {}）",
                record.village_name,
                record.kind.zh(),
                record.votes_for,
                record.votes_against,
                record.abstentions,
                record.entitled,
                record.present
            ),
            format!(
                "recorded the {} of {}: {} for, {} against, {} abstaining ({} entitled, {} present)",
                record.kind.en(),
                record.village_name,
                record.votes_for,
                record.votes_against,
                record.abstentions,
                record.entitled,
                record.present
            ),
        );
        self.log(record.date, &record.recorded_by.clone(), "assembly", zh, en);
        self.assemblies.push(record);
        Ok(())
    }

    /// Refuses a step that needs every village's agreement while one has not agreed, naming it.
    pub(super) fn check_assent(&self, def: &super::StepDef) -> Result<(), super::ProcedureError> {
        let missing: Vec<VillageAssent> = self
            .village_assent()
            .into_iter()
            .filter(|a| !a.agreed)
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let name = |a: &VillageAssent| {
            a.record
                .as_ref()
                .map_or(a.village.clone(), |r| r.village_name.clone())
        };
        let why = |a: &VillageAssent, zh: bool| {
            a.why_not
                .as_ref()
                .map(|t| if zh { t.zh.clone() } else { t.en.clone() })
                .unwrap_or_default()
        };
        Err(super::ProcedureError::VillageAssent {
            step: def.zh.clone(),
            step_en: def.en.clone(),
            missing_zh: missing
                .iter()
                .map(|a| format!("{}（{}）", name(a), why(a, true)))
                .collect::<Vec<_>>()
                .join("；"),
            missing_en: missing
                .iter()
                .map(|a| format!("{} ({})", name(a), why(a, false)))
                .collect::<Vec<_>>()
                .join("; "),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(kind: AssemblyKind, entitled: u32, present: u32, yes: u32, no: u32) -> AssemblyRecord {
        AssemblyRecord {
            village: "130634100218".into(),
            village_name: "大西旺村民委员会".into(),
            kind,
            date: Date::from_ymd_opt(2026, 3, 1).expect("date"),
            entitled,
            present,
            votes_for: yes,
            votes_against: no,
            abstentions: 0,
            minutes: None,
            recorded_by: "quyang".into(),
        }
    }

    #[test]
    fn quorum_and_majority_follow_articles_22_and_26() {
        use AssemblyKind::*;
        // 村民会议 by persons: more than half present.
        assert!(!rec(VillagersMeeting, 100, 50, 50, 0).agreed());
        assert!(rec(VillagersMeeting, 100, 51, 26, 25).agreed());
        assert!(!rec(VillagersMeeting, 100, 51, 25, 26).agreed());
        // by households, and 村民代表会议: two thirds present.
        assert!(rec(VillagersMeetingHouseholds, 90, 60, 31, 0).agreed());
        assert!(!rec(VillagersMeetingHouseholds, 90, 59, 59, 0).agreed());
        assert!(rec(RepresentativesMeeting, 30, 20, 11, 9).agreed());
        assert!(
            !rec(RepresentativesMeeting, 30, 20, 10, 10).agreed(),
            "a tie is not a majority"
        );
        // impossible counts are refused, not counted
        assert!(rec(VillagersMeeting, 100, 120, 100, 0).invalid().is_some());
        assert!(rec(VillagersMeeting, 100, 60, 50, 20).invalid().is_some());
        assert!(rec(VillagersMeeting, 0, 0, 0, 0).invalid().is_some());
    }

    #[test]
    fn the_latest_meeting_counts_and_a_missing_village_is_named() {
        let mut first = rec(AssemblyKind::RepresentativesMeeting, 30, 25, 10, 15);
        let mut second = first.clone();
        second.date = Date::from_ymd_opt(2026, 4, 1).expect("date");
        second.votes_for = 20;
        second.votes_against = 5;
        first.date = Date::from_ymd_opt(2026, 3, 1).expect("date");
        let concerned = vec!["130634100218".to_string(), "130634100220".to_string()];
        let a = assent(&concerned, &[second, first]);
        assert!(a[0].agreed);
        assert!(!a[1].agreed);
        assert_eq!(
            a[1].why_not.as_ref().map(|t| t.zh.as_str()),
            Some("尚无村民会议记录")
        );
    }
}
