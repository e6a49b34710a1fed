//! Risk points (风险点) of the risk register and their history.

use crate::org::Actor;
use crate::tasks::Attachment;
use quhua_core::date::Date;
use serde::{Deserialize, Serialize};

/// What a risk concerns (the groups the county reports name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskCategory {
    /// 干部 (cadres: placement, morale).
    Cadres,
    /// 群众与信访 (residents and petitions).
    Petitions,
    /// 项目业主 (project owners).
    ProjectOwners,
    /// 市场主体 (businesses).
    MarketEntities,
    /// 资产债务 (assets and debts).
    AssetsDebts,
    /// 公共服务 (public services continuity).
    PublicServices,
    /// 其他.
    Other,
}

impl RiskCategory {
    /// All categories.
    pub const ALL: [RiskCategory; 7] = [
        RiskCategory::Cadres,
        RiskCategory::Petitions,
        RiskCategory::ProjectOwners,
        RiskCategory::MarketEntities,
        RiskCategory::AssetsDebts,
        RiskCategory::PublicServices,
        RiskCategory::Other,
    ];

    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            RiskCategory::Cadres => "干部",
            RiskCategory::Petitions => "群众与信访",
            RiskCategory::ProjectOwners => "项目业主",
            RiskCategory::MarketEntities => "市场主体",
            RiskCategory::AssetsDebts => "资产债务",
            RiskCategory::PublicServices => "公共服务",
            RiskCategory::Other => "其他",
        }
    }

    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            RiskCategory::Cadres => "cadres",
            RiskCategory::Petitions => "residents and petitions",
            RiskCategory::ProjectOwners => "project owners",
            RiskCategory::MarketEntities => "businesses",
            RiskCategory::AssetsDebts => "assets and debts",
            RiskCategory::PublicServices => "public services",
            RiskCategory::Other => "other",
        }
    }
}

/// How serious a risk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskLevel {
    /// 重大.
    Major,
    /// 较大.
    Significant,
    /// 一般.
    General,
}

impl RiskLevel {
    /// All levels, most serious first.
    pub const ALL: [RiskLevel; 3] = [RiskLevel::Major, RiskLevel::Significant, RiskLevel::General];

    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            RiskLevel::Major => "重大",
            RiskLevel::Significant => "较大",
            RiskLevel::General => "一般",
        }
    }

    /// English label.
    pub fn en(self) -> &'static str {
        match self {
            RiskLevel::Major => "major",
            RiskLevel::Significant => "significant",
            RiskLevel::General => "general",
        }
    }
}

/// A measure against a risk (应对措施).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    /// What is done.
    pub text: String,
    /// Responsible organisation code.
    pub owner: String,
    /// By when.
    pub due: Date,
}

/// A risk point with its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Risk {
    /// Stable id.
    pub id: String,
    /// Short title.
    pub title: String,
    /// Description (who, what, why).
    pub description: String,
    /// Category.
    pub category: RiskCategory,
    /// Level.
    pub level: RiskLevel,
    /// Organisations concerned (codes).
    pub units: Vec<String>,
    /// Division codes concerned.
    pub divisions: Vec<String>,
    /// Change events concerned (event ids of the registry).
    pub events: Vec<String>,
    /// Tasks concerned (task ids).
    pub tasks: Vec<String>,
    /// Task groups concerned.
    pub groups: Vec<String>,
    /// Measures.
    pub measures: Vec<Measure>,
    /// The organisation responsible for resolving it (code).
    pub owner: String,
    /// The supervising office that verifies the resolution (code).
    pub supervisor: String,
    /// Deadline for resolution.
    pub deadline: Date,
    /// When it was identified.
    pub identified: Date,
    /// Whether the record is synthetic (示意).
    pub synthetic: bool,
    /// History, in date order.
    pub history: Vec<RiskEvent>,
}

/// One entry of a risk's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskEvent {
    /// 1-based sequence number.
    pub seq: u32,
    /// Date.
    pub at: Date,
    /// Who.
    pub by: Actor,
    /// What.
    pub kind: RiskEventKind,
}

/// What happened to a risk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum RiskEventKind {
    /// A progress note on the measures.
    Update {
        /// Text.
        text: String,
        /// Evidence.
        evidence: Vec<Attachment>,
    },
    /// Level changed (with reason).
    Releveled {
        /// New level.
        level: RiskLevel,
        /// Why.
        reason: String,
    },
    /// A measure added.
    MeasureAdded(Measure),
    /// The owner reports the risk resolved (申请化解销号).
    ResolutionReported {
        /// Text.
        text: String,
        /// Evidence.
        evidence: Vec<Attachment>,
    },
    /// Verified and closed (化解销号).
    Closed {
        /// Note.
        note: String,
    },
    /// Sent back.
    Returned {
        /// Reasons.
        reasons: Vec<String>,
    },
}

/// Where a risk stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RiskStatus {
    /// Open, measures under way.
    Open,
    /// Reported resolved, awaiting verification.
    Reported,
    /// Sent back.
    Returned,
    /// Resolved and closed (已化解销号).
    Closed,
}

impl RiskStatus {
    /// Chinese label.
    pub fn zh(self) -> &'static str {
        match self {
            RiskStatus::Open => "化解中",
            RiskStatus::Reported => "待核验",
            RiskStatus::Returned => "已退回",
            RiskStatus::Closed => "已化解销号",
        }
    }
}

/// A risk as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RiskState {
    /// Status.
    pub status: RiskStatus,
    /// Level in force.
    pub level: RiskLevel,
    /// Measures in force.
    pub measures: Vec<Measure>,
    /// Open past its deadline.
    pub overdue: bool,
    /// The account that reported it resolved (pending).
    pub reported_by: Option<String>,
}

impl Risk {
    /// The risk as of `date`.
    pub fn state(&self, date: Date) -> RiskState {
        let mut status = RiskStatus::Open;
        let mut level = self.level;
        let mut measures = self.measures.clone();
        let mut reported_by = None;
        for e in self.history.iter().take_while(|e| e.at <= date) {
            match &e.kind {
                RiskEventKind::Update { .. } => {}
                RiskEventKind::Releveled { level: l, .. } => level = *l,
                RiskEventKind::MeasureAdded(m) => measures.push(m.clone()),
                RiskEventKind::ResolutionReported { .. } => {
                    status = RiskStatus::Reported;
                    reported_by = Some(e.by.account.clone());
                }
                RiskEventKind::Closed { .. } => status = RiskStatus::Closed,
                RiskEventKind::Returned { .. } => {
                    status = RiskStatus::Returned;
                    reported_by = None;
                }
            }
        }
        RiskState {
            overdue: status != RiskStatus::Closed && date > self.deadline,
            status,
            level,
            measures,
            reported_by,
        }
    }
}
