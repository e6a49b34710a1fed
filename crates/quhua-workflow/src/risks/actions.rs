//! Actions on a risk: updates, re-levelling, measures, and the verified closure (化解销号),
//! where a different account of the supervising office verifies or sends back.

use super::model::{Measure, Risk, RiskEvent, RiskEventKind, RiskLevel, RiskStatus};
use crate::org::Actor;
use crate::tasks::Attachment;
use quhua_core::date::Date;
use quhua_core::i18n::{Bilingual, Text};

/// Why a risk action is refused. `Display` is "中文 / English".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RiskError {
    /// Closed already.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Closed(String),
    /// Not of the owner unit.
    #[error("{} / {}", self.text().zh, self.text().en)]
    NotOwner {
        /// Risk id.
        risk: String,
        /// Account.
        account: String,
        /// Organisation.
        org: String,
    },
    /// Not of the supervising office.
    #[error("{} / {}", self.text().zh, self.text().en)]
    NotSupervisor {
        /// Risk id.
        risk: String,
        /// Account.
        account: String,
        /// Organisation.
        org: String,
    },
    /// Self-verification.
    #[error("{} / {}", self.text().zh, self.text().en)]
    SelfVerification {
        /// Risk id.
        risk: String,
        /// Account.
        account: String,
    },
    /// Nothing to verify.
    #[error("{} / {}", self.text().zh, self.text().en)]
    NothingToVerify(String),
    /// Already reported.
    #[error("{} / {}", self.text().zh, self.text().en)]
    AlreadyReported(String),
    /// Empty text.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Empty(&'static str),
    /// Date order.
    #[error("{} / {}", self.text().zh, self.text().en)]
    DateOrder {
        /// Attempted.
        at: Date,
        /// Last.
        last: Date,
    },
}

impl Bilingual for RiskError {
    fn text(&self) -> Text {
        match self {
            Self::Closed(f0) => Text::new(
                format!("风险点“{f0}”已化解销号"),
                format!("risk \"{f0}\" is closed"),
            ),
            Self::NotOwner { risk, account, org } => Text::new(
                format!("{account}（{org}）不是风险点“{risk}”的责任单位"),
                format!("{account} ({org}) is not of the unit responsible for risk \"{risk}\""),
            ),
            Self::NotSupervisor { risk, account, org } => Text::new(
                format!("{account}（{org}）不是风险点“{risk}”的督办单位"),
                format!("{account} ({org}) is not of the supervising office of risk \"{risk}\""),
            ),
            Self::SelfVerification { risk, account } => Text::new(
                format!("{account}不能核验自己报送（或本单位负责）的风险点“{risk}”"),
                format!(
                    "{account} cannot verify risk \"{risk}\": they reported it, or their unit is responsible"
                ),
            ),
            Self::NothingToVerify(f0) => Text::new(
                format!("风险点“{f0}”没有待核验的化解报告"),
                format!("risk \"{f0}\" has no resolution report waiting"),
            ),
            Self::AlreadyReported(f0) => Text::new(
                format!("风险点“{f0}”已报化解，等待核验"),
                format!("risk \"{f0}\" is already reported resolved"),
            ),
            Self::Empty(f0) => Text::new(
                format!("“{f0}”不能为空"),
                format!("\"{f0}\" must not be empty"),
            ),
            Self::DateOrder { at, last } => Text::new(
                format!("日期 {at} 早于最近一次记录的日期 {last}"),
                format!("date {at} is before the last record on {last}"),
            ),
        }
    }
}

impl RiskError {
    /// Chinese message.
    pub fn zh(&self) -> String {
        self.text().zh
    }

    /// English message.
    pub fn en(&self) -> String {
        self.text().en
    }
}

impl Risk {
    fn push(&self, by: &Actor, at: Date, kind: RiskEventKind) -> Result<Risk, RiskError> {
        if let Some(last) = self.history.last()
            && at < last.at
        {
            return Err(RiskError::DateOrder { at, last: last.at });
        }
        let mut next = self.clone();
        next.history.push(RiskEvent {
            seq: self.history.len() as u32 + 1,
            at,
            by: by.clone(),
            kind,
        });
        Ok(next)
    }

    fn require_owner(&self, by: &Actor, at: Date) -> Result<RiskStatus, RiskError> {
        let st = self.state(at).status;
        if st == RiskStatus::Closed {
            return Err(RiskError::Closed(self.id.clone()));
        }
        if by.org != self.owner {
            return Err(RiskError::NotOwner {
                risk: self.id.clone(),
                account: by.account.clone(),
                org: by.org.clone(),
            });
        }
        Ok(st)
    }

    fn require_supervisor(&self, by: &Actor, at: Date) -> Result<RiskStatus, RiskError> {
        let st = self.state(at).status;
        if st == RiskStatus::Closed {
            return Err(RiskError::Closed(self.id.clone()));
        }
        if by.org != self.supervisor {
            return Err(RiskError::NotSupervisor {
                risk: self.id.clone(),
                account: by.account.clone(),
                org: by.org.clone(),
            });
        }
        Ok(st)
    }

    /// A progress note by the responsible unit.
    pub fn update(
        &self,
        by: &Actor,
        text: &str,
        evidence: Vec<Attachment>,
        at: Date,
    ) -> Result<Risk, RiskError> {
        self.require_owner(by, at)?;
        if text.trim().is_empty() {
            return Err(RiskError::Empty("text"));
        }
        self.push(
            by,
            at,
            RiskEventKind::Update {
                text: text.trim().into(),
                evidence,
            },
        )
    }

    /// A measure added by the responsible unit or the supervising office.
    pub fn add_measure(&self, by: &Actor, measure: Measure, at: Date) -> Result<Risk, RiskError> {
        if by.org == self.supervisor {
            self.require_supervisor(by, at)?;
        } else {
            self.require_owner(by, at)?;
        }
        if measure.text.trim().is_empty() {
            return Err(RiskError::Empty("measure"));
        }
        self.push(by, at, RiskEventKind::MeasureAdded(measure))
    }

    /// The supervising office changes the level.
    pub fn relevel(
        &self,
        by: &Actor,
        level: RiskLevel,
        reason: &str,
        at: Date,
    ) -> Result<Risk, RiskError> {
        self.require_supervisor(by, at)?;
        if reason.trim().is_empty() {
            return Err(RiskError::Empty("reason"));
        }
        self.push(
            by,
            at,
            RiskEventKind::Releveled {
                level,
                reason: reason.trim().into(),
            },
        )
    }

    /// The responsible unit reports the risk resolved, with evidence.
    pub fn report_resolved(
        &self,
        by: &Actor,
        text: &str,
        evidence: Vec<Attachment>,
        at: Date,
    ) -> Result<Risk, RiskError> {
        if self.require_owner(by, at)? == RiskStatus::Reported {
            return Err(RiskError::AlreadyReported(self.id.clone()));
        }
        if text.trim().is_empty() {
            return Err(RiskError::Empty("text"));
        }
        self.push(
            by,
            at,
            RiskEventKind::ResolutionReported {
                text: text.trim().into(),
                evidence,
            },
        )
    }

    /// The supervising office closes (化解销号) or sends back; never the reporting account, nor
    /// an account of the responsible unit.
    ///
    /// ```
    /// use quhua_workflow::risks::{Risk, RiskCategory, RiskLevel};
    /// use quhua_workflow::org::Actor;
    /// use quhua_core::date::parse_date;
    /// let d = |s| parse_date(s).unwrap();
    /// let r = Risk::new("R1", "原乡镇干部安置诉求", RiskCategory::Cadres, RiskLevel::Significant,
    ///     "county-organisation", "county-office", d("2021-09-01"), d("2021-12-31"));
    /// let owner = Actor::new("zhang", "county-organisation");
    /// let r = r.report_resolved(&owner, "已逐一谈心谈话并安置", vec![], d("2021-11-01")).unwrap();
    /// assert!(r.verify(&owner, true, "", d("2021-11-03")).is_err());
    /// let r = r.verify(&Actor::new("li", "county-office"), true, "核验属实", d("2021-11-03")).unwrap();
    /// assert_eq!(r.state(d("2021-11-03")).status, quhua_workflow::risks::RiskStatus::Closed);
    /// ```
    pub fn verify(&self, by: &Actor, close: bool, note: &str, at: Date) -> Result<Risk, RiskError> {
        let st = self.state(at);
        self.require_supervisor(by, at)?;
        if st.status != RiskStatus::Reported {
            return Err(RiskError::NothingToVerify(self.id.clone()));
        }
        if st.reported_by.as_deref() == Some(by.account.as_str()) || by.org == self.owner {
            return Err(RiskError::SelfVerification {
                risk: self.id.clone(),
                account: by.account.clone(),
            });
        }
        let kind = if close {
            RiskEventKind::Closed {
                note: note.trim().into(),
            }
        } else {
            if note.trim().is_empty() {
                return Err(RiskError::Empty("reasons"));
            }
            RiskEventKind::Returned {
                reasons: vec![note.trim().into()],
            }
        };
        self.push(by, at, kind)
    }

    /// A new risk point with no measures and an empty history.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: &str,
        title: &str,
        category: super::RiskCategory,
        level: RiskLevel,
        owner: &str,
        supervisor: &str,
        identified: Date,
        deadline: Date,
    ) -> Risk {
        Risk {
            id: id.into(),
            title: title.into(),
            description: String::new(),
            category,
            level,
            units: vec![owner.into()],
            divisions: Vec::new(),
            events: Vec::new(),
            tasks: Vec::new(),
            groups: Vec::new(),
            measures: Vec::new(),
            owner: owner.into(),
            supervisor: supervisor.into(),
            deadline,
            identified,
            synthetic: false,
            history: Vec::new(),
        }
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use crate::assert_bilingual;

    #[test]
    fn risk_error_text() {
        assert_bilingual(
            &RiskError::Closed("R-1".into()),
            "风险点“R-1”已化解销号",
            "risk \"R-1\" is closed",
        );
        assert_bilingual(
            &RiskError::NotOwner {
                risk: "R-1".into(),
                account: "li".into(),
                org: "mzj".into(),
            },
            "li（mzj）不是风险点“R-1”的责任单位",
            "li (mzj) is not of the unit responsible for risk \"R-1\"",
        );
    }
}
