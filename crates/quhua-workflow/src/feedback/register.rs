//! Recording feedback: receive, assign, reply, follow up, correct. Each returns the next
//! version of the item; none removes anything.

use super::model::{
    FeedbackItem, FeedbackRecord, FeedbackVersion, FollowUp, Reply, Satisfaction, VersionAction,
};
use crate::org::Actor;
use chrono::NaiveDateTime;
use quhua_core::date::Date;
use quhua_core::i18n::{Bilingual, Text};

/// Why a feedback action is refused. `Display` is "中文 / English".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedbackError {
    /// Empty required text.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Empty(&'static str),
    /// A correction that changes nothing.
    #[error("{} / {}", self.text().zh, self.text().en)]
    NoChange,
    /// Time before the last version.
    #[error("{} / {}", self.text().zh, self.text().en)]
    TimeOrder {
        /// Attempted.
        at: NaiveDateTime,
        /// Last.
        last: NaiveDateTime,
    },
    /// Reply before assignment.
    #[error("{} / {}", self.text().zh, self.text().en)]
    NotAssigned(String),
    /// Reply by another organisation than the assigned one.
    #[error("{} / {}", self.text().zh, self.text().en)]
    WrongDepartment {
        /// Item.
        item: String,
        /// Assigned org.
        assigned: String,
        /// Actor's org.
        org: String,
    },
    /// Follow-up before reply.
    #[error("{} / {}", self.text().zh, self.text().en)]
    NotReplied(String),
    /// Received in the future of the version.
    #[error("{} / {}", self.text().zh, self.text().en)]
    ReceivedLater,
}

impl Bilingual for FeedbackError {
    fn text(&self) -> Text {
        match self {
            Self::Empty(f0) => Text::new(
                format!("“{f0}”不能为空"),
                format!("\"{f0}\" must not be empty"),
            ),
            Self::NoChange => Text::new("更正没有改变任何内容", "the correction changes nothing"),
            Self::TimeOrder { at, last } => Text::new(
                format!("时间 {at} 早于最近一个版本的时间 {last}"),
                format!("time {at} is before the last version at {last}"),
            ),
            Self::NotAssigned(f0) => Text::new(
                format!("事项“{f0}”尚未分办，不能答复"),
                format!("item \"{f0}\" is not assigned yet and cannot be replied to"),
            ),
            Self::WrongDepartment {
                item,
                assigned,
                org,
            } => Text::new(
                format!("事项“{item}”分办给{assigned}，{org}不能答复"),
                format!("item \"{item}\" is assigned to {assigned}; {org} cannot reply"),
            ),
            Self::NotReplied(f0) => Text::new(
                format!("事项“{f0}”尚未答复，不能回访"),
                format!("item \"{f0}\" has no reply yet; no follow-up visit"),
            ),
            Self::ReceivedLater => Text::new(
                "受理时间晚于登记时间",
                "the received time is after the recording time",
            ),
        }
    }
}

impl FeedbackError {
    /// Chinese message.
    pub fn zh(&self) -> String {
        self.text().zh
    }

    /// English message.
    pub fn en(&self) -> String {
        self.text().en
    }
}

impl FeedbackItem {
    /// Records a new item (version 1).
    ///
    /// ```
    /// use quhua_workflow::feedback::{Channel, FeedbackItem, FeedbackRecord, Topic};
    /// use quhua_workflow::org::Actor;
    /// let t = |s| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    /// let record = FeedbackRecord { channel: Channel::Hotline12345, received: t("2021-09-07 09:30"),
    ///     reference: "12345-0907-001".into(), topic: quhua_workflow::feedback::Topic::Services,
    ///     content: "原乡政府便民服务中心还能办社保吗？".into(), division: None, unit: None,
    ///     assigned: None, deadline: None, reply: None, follow_up: None };
    /// let clerk = Actor::new("clerk", "office");
    /// let item = FeedbackItem::receive("F1", record, &clerk, t("2021-09-07 09:35")).unwrap();
    /// let fixed = item.correct(|r| r.topic = Topic::Services, "核对工单", &clerk, t("2021-09-07 10:00"));
    /// assert!(fixed.is_err()); // nothing changed
    /// let fixed = item.correct(|r| r.topic = Topic::Policies, "核对工单后更正分类", &clerk, t("2021-09-07 10:00")).unwrap();
    /// assert_eq!(fixed.history().len(), 2);
    /// assert_eq!(fixed.history()[0], item.history()[0]);
    /// ```
    pub fn receive(
        id: &str,
        record: FeedbackRecord,
        by: &Actor,
        at: NaiveDateTime,
    ) -> Result<FeedbackItem, FeedbackError> {
        if id.trim().is_empty() {
            return Err(FeedbackError::Empty("id"));
        }
        if record.content.trim().is_empty() {
            return Err(FeedbackError::Empty("content"));
        }
        if record.received > at {
            return Err(FeedbackError::ReceivedLater);
        }
        Ok(FeedbackItem::from_versions(
            id.trim().into(),
            false,
            vec![FeedbackVersion {
                version: 1,
                at,
                by: by.clone(),
                action: VersionAction::Received,
                reason: String::new(),
                record,
            }],
        ))
    }

    fn next(
        &self,
        by: &Actor,
        at: NaiveDateTime,
        action: VersionAction,
        reason: &str,
        record: FeedbackRecord,
    ) -> Result<FeedbackItem, FeedbackError> {
        let last = self.current();
        if at < last.at {
            return Err(FeedbackError::TimeOrder { at, last: last.at });
        }
        let mut item = self.clone();
        let version = last.version + 1;
        item.versions_mut().push(FeedbackVersion {
            version,
            at,
            by: by.clone(),
            action,
            reason: reason.trim().into(),
            record,
        });
        Ok(item)
    }

    /// Assigns the item to a department with a reply deadline (分办).
    pub fn assign(
        &self,
        by: &Actor,
        department: &str,
        deadline: Date,
        at: NaiveDateTime,
    ) -> Result<FeedbackItem, FeedbackError> {
        if department.trim().is_empty() {
            return Err(FeedbackError::Empty("department"));
        }
        let mut r = self.current().record.clone();
        r.assigned = Some(department.trim().into());
        r.deadline = Some(deadline);
        self.next(by, at, VersionAction::Assigned, "", r)
    }

    /// The assigned department replies (答复).
    pub fn reply(
        &self,
        by: &Actor,
        text: &str,
        at: NaiveDateTime,
    ) -> Result<FeedbackItem, FeedbackError> {
        let mut r = self.current().record.clone();
        let assigned = r
            .assigned
            .clone()
            .ok_or_else(|| FeedbackError::NotAssigned(self.id.clone()))?;
        if assigned != by.org {
            return Err(FeedbackError::WrongDepartment {
                item: self.id.clone(),
                assigned,
                org: by.org.clone(),
            });
        }
        if text.trim().is_empty() {
            return Err(FeedbackError::Empty("reply"));
        }
        r.reply = Some(Reply {
            at,
            by_org: by.org.clone(),
            text: text.trim().into(),
        });
        self.next(by, at, VersionAction::Replied, "", r)
    }

    /// The follow-up visit with the citizen's satisfaction (回访).
    pub fn follow_up(
        &self,
        by: &Actor,
        satisfaction: Satisfaction,
        note: &str,
        at: NaiveDateTime,
    ) -> Result<FeedbackItem, FeedbackError> {
        let mut r = self.current().record.clone();
        if r.reply.is_none() {
            return Err(FeedbackError::NotReplied(self.id.clone()));
        }
        r.follow_up = Some(FollowUp {
            at,
            satisfaction,
            note: note.trim().into(),
        });
        self.next(by, at, VersionAction::FollowedUp, "", r)
    }

    /// A correction (更正): a new version with the edited record and the reason; the previous
    /// versions stay as they were. Refused without a reason or when nothing changes.
    pub fn correct(
        &self,
        edit: impl FnOnce(&mut FeedbackRecord),
        reason: &str,
        by: &Actor,
        at: NaiveDateTime,
    ) -> Result<FeedbackItem, FeedbackError> {
        if reason.trim().is_empty() {
            return Err(FeedbackError::Empty("reason"));
        }
        let mut r = self.current().record.clone();
        edit(&mut r);
        if r == self.current().record {
            return Err(FeedbackError::NoChange);
        }
        if r.content.trim().is_empty() {
            return Err(FeedbackError::Empty("content"));
        }
        self.next(by, at, VersionAction::Corrected, reason, r)
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use crate::assert_bilingual;

    #[test]
    fn feedback_error_text() {
        assert_bilingual(
            &FeedbackError::NoChange,
            "更正没有改变任何内容",
            "the correction changes nothing",
        );
        assert_bilingual(
            &FeedbackError::NotReplied("F-1".into()),
            "事项“F-1”尚未答复，不能回访",
            "item \"F-1\" has no reply yet; no follow-up visit",
        );
    }
}
