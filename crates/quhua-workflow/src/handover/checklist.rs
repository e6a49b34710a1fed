//! Checklists (印章收缴与刻制, 档案移交, 牌匾更换, 银行账户, 网站与公众号 …) with who and when,
//! and the review of the merged townships' own rules (制度 废、改、立).

use quhua_core::date::Date;
use serde::{Deserialize, Serialize};

/// A checklist item done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Done {
    /// Who did it (person or office).
    pub by: String,
    /// When.
    pub date: Date,
    /// Note (e.g. the seal's registration number, the archive transfer list number).
    #[serde(default)]
    pub note: Option<String>,
}

/// One checklist line: a template item for one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CheckItem {
    /// The template item id.
    pub item: String,
    /// The unit it is for (the predecessor or the successor).
    pub unit: String,
    /// Done, when it is.
    #[serde(default)]
    pub done: Option<Done>,
}

/// What the review does with a rule or procedure (制度 废、改、立).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleAction {
    /// 重申 (kept: proven and accepted).
    Kept,
    /// 修订 (revised).
    Revised,
    /// 废止 (repealed).
    Repealed,
    /// 新立 (newly made).
    New,
}

impl RuleAction {
    /// Chinese.
    pub fn zh(self) -> &'static str {
        match self {
            RuleAction::Kept => "重申",
            RuleAction::Revised => "修订",
            RuleAction::Repealed => "废止",
            RuleAction::New => "新立",
        }
    }
    /// English.
    pub fn en(self) -> &'static str {
        match self {
            RuleAction::Kept => "kept",
            RuleAction::Revised => "revised",
            RuleAction::Repealed => "repealed",
            RuleAction::New => "newly made",
        }
    }
}

/// One rule or procedure reviewed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleReview {
    /// The unit whose rule it is (a predecessor, or the successor for new rules).
    pub unit: String,
    /// Title of the rule.
    pub title: String,
    /// What is done with it.
    pub action: RuleAction,
    /// Why (required).
    pub reason: String,
    /// When decided.
    pub date: Date,
}

/// Counts of a set of checklist lines.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct ChecklistStatus {
    /// Lines.
    pub items: usize,
    /// Done.
    pub done: usize,
    /// Open.
    pub open: usize,
    /// Rules reviewed.
    pub rules_reviewed: usize,
    /// Of which: kept, revised, repealed, new.
    pub rules_by_action: [usize; 4],
}

/// Counts the lines and the reviews.
pub fn checklist_status<'a>(
    lines: impl Iterator<Item = &'a CheckItem>,
    reviews: &[RuleReview],
) -> ChecklistStatus {
    let mut s = ChecklistStatus::default();
    for l in lines {
        s.items += 1;
        if l.done.is_some() {
            s.done += 1;
        }
    }
    s.open = s.items - s.done;
    s.rules_reviewed = reviews.len();
    for r in reviews {
        let k = match r.action {
            RuleAction::Kept => 0,
            RuleAction::Revised => 1,
            RuleAction::Repealed => 2,
            RuleAction::New => 3,
        };
        s.rules_by_action[k] += 1;
    }
    s
}

#[cfg(test)]
mod action_tests {
    use super::*;

    #[test]
    fn rule_actions_have_their_own_names_in_both_languages() {
        let all = [
            RuleAction::Kept,
            RuleAction::Revised,
            RuleAction::Repealed,
            RuleAction::New,
        ];
        let zh: Vec<&str> = all.iter().map(|a| a.zh()).collect();
        let en: Vec<&str> = all.iter().map(|a| a.en()).collect();
        assert_eq!(zh, ["重申", "修订", "废止", "新立"]);
        assert_eq!(en, ["kept", "revised", "repealed", "newly made"]);
    }
}
