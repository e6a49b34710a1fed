//! Roles, jurisdictions and the acting person: who may do what, checked once here for both
//! adapters.
//!
//! Approval authority follows 《行政区划管理条例》 art. 9 and the reform notices ("省级审批指导，
//! 市级统筹把关，县级主体实施"): the county drafts schemes and carries out the procedure, the
//! city reviews and passes plans up or returns them, the province approves; departments record
//! their opinions; viewers read. The CLI acts as the local operator, who may do everything.

use serde::{Deserialize, Serialize};

/// What an account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 县级编辑: drafts and saves scenarios in its county.
    CountyEditor,
    /// 市级审核: reads the counties of its city.
    CityReviewer,
    /// 省级审批: reads the counties of its province.
    ProvinceApprover,
    /// 部门: a department officer (编制, 财政, 自然资源 …), read-only.
    Department,
    /// 查看: read-only.
    Viewer,
}

impl Role {
    /// Every role, in order.
    pub const ALL: [Role; 5] = [
        Role::CountyEditor,
        Role::CityReviewer,
        Role::ProvinceApprover,
        Role::Department,
        Role::Viewer,
    ];

    /// The identifier used in the API, the database and the CLI.
    pub fn id(self) -> &'static str {
        match self {
            Role::CountyEditor => "county_editor",
            Role::CityReviewer => "city_reviewer",
            Role::ProvinceApprover => "province_approver",
            Role::Department => "department",
            Role::Viewer => "viewer",
        }
    }

    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Role::CountyEditor => "县级编辑",
            Role::CityReviewer => "市级审核",
            Role::ProvinceApprover => "省级审批",
            Role::Department => "部门",
            Role::Viewer => "查看",
        }
    }

    /// Parses an id (`county_editor`, …) or a Chinese name.
    pub fn parse(s: &str) -> Option<Role> {
        let s = s.trim();
        Role::ALL
            .into_iter()
            .find(|r| r.id() == s || r.zh() == s || r.id().replace('_', "-") == s)
    }

    /// Whether the role may create and change scenarios (in its jurisdiction).
    pub fn writes_scenarios(self) -> bool {
        matches!(self, Role::CountyEditor)
    }

    /// The code length a jurisdiction of this role must have, if fixed.
    fn required_len(self) -> Option<usize> {
        match self {
            Role::CountyEditor => Some(6),
            Role::CityReviewer => Some(4),
            Role::ProvinceApprover => Some(2),
            Role::Department | Role::Viewer => None,
        }
    }
}

/// A division-code prefix: `13` (province), `1306` (city) or `130634` (county).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(transparent)]
pub struct Jurisdiction(String);

impl Jurisdiction {
    /// Checks a jurisdiction for a role: digits, length 2, 4 or 6, and the role's level.
    pub fn parse(code: &str, role: Role) -> Result<Jurisdiction, (String, String)> {
        let c = code.trim();
        if !matches!(c.len(), 2 | 4 | 6) || !c.bytes().all(|b| b.is_ascii_digit()) {
            return Err((
                format!("辖区“{c}”应为 2、4 或 6 位区划代码前缀（省、市、县）"),
                format!("jurisdiction \"{c}\" must be a 2-, 4- or 6-digit code prefix"),
            ));
        }
        if let Some(n) = role.required_len()
            && c.len() != n
        {
            return Err((
                format!("{}的辖区应为 {n} 位代码", role.zh()),
                format!("a {} needs a {n}-digit jurisdiction", role.id()),
            ));
        }
        Ok(Jurisdiction(c.to_string()))
    }

    /// Builds from stored text without checks (the text was checked when it was stored).
    pub fn from_stored(s: String) -> Jurisdiction {
        Jurisdiction(s)
    }

    /// The prefix.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether a county (6-digit code) lies in this jurisdiction.
    pub fn covers(&self, county: &str) -> bool {
        county.len() == 6 && county.starts_with(&self.0)
    }
}

/// The person acting: a logged-in account (server) or the local operator (CLI).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// The name recorded in the audit log and the plan's activity.
    pub name: String,
    /// The account's role; `None` for the local operator, who may do everything.
    pub role: Option<Role>,
    /// The jurisdiction (`""` for the operator: everywhere).
    pub jurisdiction: Jurisdiction,
    /// The department the account belongs to, if any.
    pub department: Option<quhua_workflow::org::Department>,
    /// The code of the organisation the account belongs to, if any (`130634-staffing`).
    pub org: Option<String>,
}

impl Actor {
    /// The local operator of the CLI: every role, every jurisdiction.
    pub fn operator(name: &str) -> Actor {
        Actor {
            name: name.into(),
            role: None,
            jurisdiction: Jurisdiction(String::new()),
            department: None,
            org: None,
        }
    }

    /// Whether the actor may see a county.
    pub fn sees(&self, county: &str) -> bool {
        self.role.is_none() || self.jurisdiction.covers(county)
    }

    /// Whether the actor has the role (the operator has all).
    pub fn is(&self, role: Role) -> bool {
        self.role.is_none_or(|r| r == role)
    }

    /// The step role this actor acts in (county, city, province), if any.
    pub fn step_role(&self) -> Option<quhua_workflow::procedure::StepRole> {
        use quhua_workflow::procedure::StepRole;
        match self.role {
            Some(Role::CountyEditor) => Some(StepRole::County),
            Some(Role::CityReviewer) => Some(StepRole::City),
            Some(Role::ProvinceApprover) => Some(StepRole::Province),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jurisdiction_rules() {
        assert!(Jurisdiction::parse("130634", Role::CountyEditor).is_ok());
        assert!(Jurisdiction::parse("1306", Role::CountyEditor).is_err());
        assert!(Jurisdiction::parse("13", Role::ProvinceApprover).is_ok());
        assert!(Jurisdiction::parse("1x", Role::Viewer).is_err());
        let j = Jurisdiction::parse("1306", Role::CityReviewer).unwrap();
        assert!(j.covers("130634") && !j.covers("130100") && !j.covers("1306"));
        assert_eq!(Role::parse("县级编辑"), Some(Role::CountyEditor));
        assert_eq!(Role::parse("viewer"), Some(Role::Viewer));
    }
}
