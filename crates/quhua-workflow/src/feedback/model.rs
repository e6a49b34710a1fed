//! Public feedback items (12345 热线, 网上留言, 来信, 来访) as versioned records.
//!
//! An item is the list of all its versions; the current record is the last one. There is no
//! operation that deletes or hides a version: a correction is a new version with its reason.

use crate::org::Actor;
use chrono::NaiveDateTime;
use quhua_core::date::Date;
use serde::{Deserialize, Serialize};

/// How the item came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// 12345政务服务便民热线.
    Hotline12345,
    /// 网上留言 (government website, message boards).
    Online,
    /// 来信.
    Letter,
    /// 来访.
    Visit,
}

impl Channel {
    /// All channels.
    pub const ALL: [Channel; 4] = [
        Channel::Hotline12345,
        Channel::Online,
        Channel::Letter,
        Channel::Visit,
    ];

    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            Channel::Hotline12345 => "12345热线",
            Channel::Online => "网上留言",
            Channel::Letter => "来信",
            Channel::Visit => "来访",
        }
    }

    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            Channel::Hotline12345 => "12345 hotline",
            Channel::Online => "online message",
            Channel::Letter => "letter",
            Channel::Visit => "visit",
        }
    }
}

/// What the item is about (the topics the district report names, plus the division itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// 惠民惠农政策.
    Policies,
    /// 政务办理 (where and how to get things done after the change).
    Services,
    /// 教育医疗.
    EducationHealth,
    /// 交通出行.
    Transport,
    /// 区划调整本身 (names, affiliation, boundaries, addresses).
    Division,
    /// 其他.
    Other,
}

impl Topic {
    /// All topics.
    pub const ALL: [Topic; 6] = [
        Topic::Policies,
        Topic::Services,
        Topic::EducationHealth,
        Topic::Transport,
        Topic::Division,
        Topic::Other,
    ];

    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            Topic::Policies => "惠民惠农政策",
            Topic::Services => "政务办理",
            Topic::EducationHealth => "教育医疗",
            Topic::Transport => "交通出行",
            Topic::Division => "区划调整",
            Topic::Other => "其他",
        }
    }

    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            Topic::Policies => "benefit policies",
            Topic::Services => "government services",
            Topic::EducationHealth => "education and health",
            Topic::Transport => "transport",
            Topic::Division => "the division change",
            Topic::Other => "other",
        }
    }
}

/// The citizen's satisfaction at the follow-up visit (回访).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Satisfaction {
    /// 满意.
    Satisfied,
    /// 基本满意.
    Fair,
    /// 不满意.
    Unsatisfied,
    /// 未能联系 (could not be reached).
    Unreachable,
}

impl Satisfaction {
    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            Satisfaction::Satisfied => "满意",
            Satisfaction::Fair => "基本满意",
            Satisfaction::Unsatisfied => "不满意",
            Satisfaction::Unreachable => "未能联系",
        }
    }
}

/// The reply to the citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    /// When.
    pub at: NaiveDateTime,
    /// Replying organisation (code).
    pub by_org: String,
    /// Text.
    pub text: String,
}

/// The follow-up visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    /// When.
    pub at: NaiveDateTime,
    /// Satisfaction.
    pub satisfaction: Satisfaction,
    /// Note.
    pub note: String,
}

/// The content of one version of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackRecord {
    /// Channel.
    pub channel: Channel,
    /// When received.
    pub received: NaiveDateTime,
    /// Hotline ticket or letter number, if any.
    pub reference: String,
    /// Topic.
    pub topic: Topic,
    /// What the citizen wrote or said, as recorded.
    pub content: String,
    /// Division code of the place concerned (township or village), if known.
    pub division: Option<String>,
    /// The organisation concerned (code), if known.
    pub unit: Option<String>,
    /// The department it was assigned to (code).
    pub assigned: Option<String>,
    /// Reply deadline.
    pub deadline: Option<Date>,
    /// The reply.
    pub reply: Option<Reply>,
    /// The follow-up visit.
    pub follow_up: Option<FollowUp>,
}

/// Why a version was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VersionAction {
    /// 登记 (first version).
    Received,
    /// 分办 (assigned with a deadline).
    Assigned,
    /// 答复.
    Replied,
    /// 回访.
    FollowedUp,
    /// 更正 (a correction with its reason).
    Corrected,
}

impl VersionAction {
    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            VersionAction::Received => "登记",
            VersionAction::Assigned => "分办",
            VersionAction::Replied => "答复",
            VersionAction::FollowedUp => "回访",
            VersionAction::Corrected => "更正",
        }
    }
}

/// One version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedbackVersion {
    /// 1-based version number.
    pub version: u32,
    /// When the version was made.
    pub at: NaiveDateTime,
    /// Who made it.
    pub by: Actor,
    /// Why.
    pub action: VersionAction,
    /// The reason (required for corrections).
    pub reason: String,
    /// The full record as of this version.
    pub record: FeedbackRecord,
}

/// A feedback item: every version it ever had, oldest first. Deserialising refuses an item
/// without versions or with versions out of sequence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RawItem")]
pub struct FeedbackItem {
    /// Stable id.
    pub id: String,
    /// Whether the item is synthetic (示意).
    pub synthetic: bool,
    /// All versions; never shortened.
    versions: Vec<FeedbackVersion>,
}

#[derive(Deserialize)]
struct RawItem {
    id: String,
    synthetic: bool,
    versions: Vec<FeedbackVersion>,
}

impl TryFrom<RawItem> for FeedbackItem {
    type Error = String;

    fn try_from(r: RawItem) -> Result<Self, Self::Error> {
        if r.versions.is_empty() {
            return Err(format!(
                "反馈事项“{}”没有任何版本 / feedback item \"{}\" has no version",
                r.id, r.id
            ));
        }
        let in_order = r
            .versions
            .iter()
            .enumerate()
            .all(|(i, v)| v.version as usize == i + 1)
            && r.versions.windows(2).all(|w| w[0].at <= w[1].at);
        if !in_order {
            return Err(format!(
                "反馈事项“{}”的版本顺序有误 / feedback item \"{}\" has versions out of sequence",
                r.id, r.id
            ));
        }
        Ok(FeedbackItem {
            id: r.id,
            synthetic: r.synthetic,
            versions: r.versions,
        })
    }
}

impl FeedbackItem {
    pub(super) fn from_versions(
        id: String,
        synthetic: bool,
        versions: Vec<FeedbackVersion>,
    ) -> FeedbackItem {
        FeedbackItem {
            id,
            synthetic,
            versions,
        }
    }

    pub(super) fn versions_mut(&mut self) -> &mut Vec<FeedbackVersion> {
        &mut self.versions
    }

    /// Every version, oldest first (the whole history, visible to the supervising office).
    pub fn history(&self) -> &[FeedbackVersion] {
        &self.versions
    }

    /// The current version.
    pub fn current(&self) -> &FeedbackVersion {
        // An item is only built with at least one version (see `receive`).
        &self.versions[self.versions.len() - 1]
    }

    /// The record in force at `t` (None before it was received).
    pub fn as_of(&self, t: NaiveDateTime) -> Option<&FeedbackRecord> {
        self.versions
            .iter()
            .rev()
            .find(|v| v.at <= t)
            .map(|v| &v.record)
    }
}
