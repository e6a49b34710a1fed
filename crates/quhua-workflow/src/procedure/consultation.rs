//! The consultation register (征求意见): meetings, questionnaires, suggestions and what was
//! done with each. Totals like "220余场座谈会, 9000余人, 20余条建议被吸纳" come out of it.
//! Public feedback is recorded and answered, never deleted.

use quhua_core::date::Date;
use serde::{Deserialize, Serialize};

/// A meeting (座谈会, 听证会 …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Meeting {
    /// Date.
    pub date: Date,
    /// Level: 县/区, 乡镇, 村.
    pub level: String,
    /// Place.
    pub place: String,
    /// Kinds of participants (人大代表, 群众, 老干部 …).
    pub participants: Vec<String>,
    /// Number of people.
    pub count: u32,
}

/// A questionnaire round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Questionnaire {
    /// Date.
    pub date: Date,
    /// Issued.
    pub issued: u32,
    /// Returned.
    pub returned: u32,
    /// Returned in favour.
    pub in_favour: u32,
}

/// What was done with a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Disposition {
    /// 吸纳
    Adopted,
    /// 部分吸纳
    Partly,
    /// 未吸纳 (with a reason)
    NotAdopted,
    /// 待答复
    Pending,
}

impl Disposition {
    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            Disposition::Adopted => "吸纳",
            Disposition::Partly => "部分吸纳",
            Disposition::NotAdopted => "未吸纳",
            Disposition::Pending => "待答复",
        }
    }

    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            Disposition::Adopted => "adopted",
            Disposition::Partly => "partly adopted",
            Disposition::NotAdopted => "not adopted",
            Disposition::Pending => "answer pending",
        }
    }

    /// Parses Chinese or English.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "吸纳" | "采纳" | "adopted" => Some(Disposition::Adopted),
            "部分吸纳" | "部分采纳" | "partly" => Some(Disposition::Partly),
            "未吸纳" | "未采纳" | "not_adopted" | "not-adopted" => {
                Some(Disposition::NotAdopted)
            }
            "待答复" | "pending" => Some(Disposition::Pending),
            _ => None,
        }
    }
}

/// A suggestion and its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Suggestion {
    /// Date received.
    pub date: Date,
    /// From whom (kind of participant, not a person's identity).
    pub from: String,
    /// The suggestion.
    pub text: String,
    /// What was done.
    pub disposition: Disposition,
    /// The reason or answer.
    pub reason: String,
}

/// Everything recorded in the consultation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ConsultationRegister {
    /// Meetings.
    pub meetings: Vec<Meeting>,
    /// Questionnaires.
    pub questionnaires: Vec<Questionnaire>,
    /// Suggestions.
    pub suggestions: Vec<Suggestion>,
}

/// The register's totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct ConsultationTotals {
    /// Meetings held.
    pub meetings: usize,
    /// People at meetings.
    pub participants: u64,
    /// Questionnaires issued.
    pub questionnaires_issued: u64,
    /// Questionnaires returned.
    pub questionnaires_returned: u64,
    /// Suggestions received.
    pub suggestions: usize,
    /// Adopted wholly or partly.
    pub adopted: usize,
    /// Not yet answered.
    pub pending: usize,
}

impl ConsultationRegister {
    /// The totals.
    pub fn totals(&self) -> ConsultationTotals {
        ConsultationTotals {
            meetings: self.meetings.len(),
            participants: self.meetings.iter().map(|m| u64::from(m.count)).sum(),
            questionnaires_issued: self
                .questionnaires
                .iter()
                .map(|q| u64::from(q.issued))
                .sum(),
            questionnaires_returned: self
                .questionnaires
                .iter()
                .map(|q| u64::from(q.returned))
                .sum(),
            suggestions: self.suggestions.len(),
            adopted: self
                .suggestions
                .iter()
                .filter(|s| matches!(s.disposition, Disposition::Adopted | Disposition::Partly))
                .count(),
            pending: self
                .suggestions
                .iter()
                .filter(|s| s.disposition == Disposition::Pending)
                .count(),
        }
    }

    /// The summary sentence documents use.
    pub fn summary_zh(&self) -> String {
        let t = self.totals();
        format!(
            "共召开座谈会 {} 场，参与 {} 人次；发放问卷 {} 份，回收 {} 份；收到意见建议 {} 条，吸纳（含部分吸纳）{} 条，待答复 {} 条。",
            t.meetings,
            t.participants,
            t.questionnaires_issued,
            t.questionnaires_returned,
            t.suggestions,
            t.adopted,
            t.pending
        )
    }
}
