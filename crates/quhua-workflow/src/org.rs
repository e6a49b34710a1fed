//! Organisations: who acts in the procedure and in the follow-up registers.
//!
//! An [`Organisation`] is a government body with a stable code: the county government, the
//! reform leadership-group office (改革领导小组办公室), a county department (民政局, 编办,
//! 组织部 …), a township government, the city or the province. Accounts belong to one;
//! procedure steps, department opinions, tasks and verifications name them.

use serde::{Deserialize, Serialize};

/// A county department (or a department-like body) that takes part in the reform.
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
pub enum Department {
    /// 民政局 (civil affairs: the division work itself).
    CivilAffairs,
    /// 机构编制委员会办公室 (staffing quotas).
    Staffing,
    /// 组织部 (cadres).
    Organisation,
    /// 财政局.
    Finance,
    /// 国有资产监督管理 (state assets).
    StateAssets,
    /// 农业农村局 (village collective assets).
    Agriculture,
    /// 自然资源和规划局 (boundaries, maps).
    NaturalResources,
    /// 发展和改革局.
    DevelopmentReform,
    /// 住房和城乡建设局.
    Housing,
    /// 教育和体育局.
    Education,
    /// 卫生健康局.
    Health,
    /// 行政审批 / 政务服务管理局 (service points).
    GovernmentServices,
    /// 司法局 (legality review).
    Justice,
    /// 民族宗教事务局.
    EthnicAffairs,
    /// 公安局 (户籍与门牌).
    PublicSecurity,
    /// 统计局.
    Statistics,
    /// 档案馆.
    Archives,
    /// 市场监督管理局 (market-entity registration).
    MarketRegulation,
    /// 人力资源和社会保障局 (social insurance).
    HumanResources,
    /// 医疗保障局 (medical insurance).
    MedicalSecurity,
    /// 邮政管理 (postal addresses and service points).
    Postal,
}

impl Department {
    /// Every department, in display order.
    pub const ALL: [Department; 21] = [
        Department::CivilAffairs,
        Department::Staffing,
        Department::Organisation,
        Department::Finance,
        Department::StateAssets,
        Department::Agriculture,
        Department::NaturalResources,
        Department::DevelopmentReform,
        Department::Housing,
        Department::Education,
        Department::Health,
        Department::GovernmentServices,
        Department::Justice,
        Department::EthnicAffairs,
        Department::PublicSecurity,
        Department::Statistics,
        Department::Archives,
        Department::MarketRegulation,
        Department::HumanResources,
        Department::MedicalSecurity,
        Department::Postal,
    ];

    /// The stable identifier (API, database, templates).
    pub fn id(self) -> &'static str {
        match self {
            Department::CivilAffairs => "civil_affairs",
            Department::Staffing => "staffing",
            Department::Organisation => "organisation",
            Department::Finance => "finance",
            Department::StateAssets => "state_assets",
            Department::Agriculture => "agriculture",
            Department::NaturalResources => "natural_resources",
            Department::DevelopmentReform => "development_reform",
            Department::Housing => "housing",
            Department::Education => "education",
            Department::Health => "health",
            Department::GovernmentServices => "government_services",
            Department::Justice => "justice",
            Department::EthnicAffairs => "ethnic_affairs",
            Department::PublicSecurity => "public_security",
            Department::Statistics => "statistics",
            Department::Archives => "archives",
            Department::MarketRegulation => "market_regulation",
            Department::HumanResources => "human_resources",
            Department::MedicalSecurity => "medical_security",
            Department::Postal => "postal",
        }
    }

    /// The usual Chinese name of the county body.
    pub fn zh(self) -> &'static str {
        match self {
            Department::CivilAffairs => "民政局",
            Department::Staffing => "编办",
            Department::Organisation => "组织部",
            Department::Finance => "财政局",
            Department::StateAssets => "国资办",
            Department::Agriculture => "农业农村局",
            Department::NaturalResources => "自然资源和规划局",
            Department::DevelopmentReform => "发展和改革局",
            Department::Housing => "住房和城乡建设局",
            Department::Education => "教育和体育局",
            Department::Health => "卫生健康局",
            Department::GovernmentServices => "行政审批局",
            Department::Justice => "司法局",
            Department::EthnicAffairs => "民族宗教事务局",
            Department::PublicSecurity => "公安局",
            Department::Statistics => "统计局",
            Department::Archives => "档案馆",
            Department::MarketRegulation => "市场监督管理局",
            Department::HumanResources => "人力资源和社会保障局",
            Department::MedicalSecurity => "医疗保障局",
            Department::Postal => "邮政管理局",
        }
    }

    /// English name.
    pub fn en(self) -> &'static str {
        match self {
            Department::CivilAffairs => "Civil Affairs Bureau",
            Department::Staffing => "Staffing Office",
            Department::Organisation => "Organisation Department",
            Department::Finance => "Finance Bureau",
            Department::StateAssets => "State Assets Office",
            Department::Agriculture => "Agriculture and Rural Affairs Bureau",
            Department::NaturalResources => "Natural Resources and Planning Bureau",
            Department::DevelopmentReform => "Development and Reform Bureau",
            Department::Housing => "Housing and Urban-Rural Development Bureau",
            Department::Education => "Education and Sports Bureau",
            Department::Health => "Health Commission",
            Department::GovernmentServices => "Administrative Approval Bureau",
            Department::Justice => "Justice Bureau",
            Department::EthnicAffairs => "Ethnic and Religious Affairs Bureau",
            Department::PublicSecurity => "Public Security Bureau",
            Department::Statistics => "Statistics Bureau",
            Department::Archives => "Archives",
            Department::MarketRegulation => "Market Regulation Administration",
            Department::HumanResources => "Human Resources and Social Security Bureau",
            Department::MedicalSecurity => "Medical Security Bureau",
            Department::Postal => "Postal Administration",
        }
    }

    /// Parses an id or a Chinese name.
    pub fn parse(s: &str) -> Option<Department> {
        let s = s.trim();
        Department::ALL
            .into_iter()
            .find(|d| d.id() == s || d.zh() == s)
    }
}

/// What kind of body an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "department")]
pub enum OrgKind {
    /// 县级人民政府.
    CountyGovernment,
    /// 改革领导小组办公室 (the leadership group's office; supervises the follow-up work).
    LeadershipOffice,
    /// A county department.
    Department(Department),
    /// 乡镇人民政府 / 街道办事处.
    TownshipGovernment,
    /// 设区的市人民政府 (and its 民政局): 市级统筹把关.
    CityGovernment,
    /// 省级人民政府 (and its 民政厅): 省级审批指导.
    ProvinceGovernment,
    /// A city-level department or body (市委编办, 市交通运输局, 团市委 …), as named in a
    /// city's follow-up plan.
    CityDepartment,
    /// Any other county-level body not listed in [`Department`] (县交通运输局, 县供销社 …).
    OtherBody,
}

impl OrgKind {
    /// Chinese label of the kind.
    pub fn zh(self) -> &'static str {
        match self {
            OrgKind::CountyGovernment => "县级人民政府",
            OrgKind::LeadershipOffice => "改革领导小组办公室",
            OrgKind::Department(d) => d.zh(),
            OrgKind::TownshipGovernment => "乡镇人民政府",
            OrgKind::CityGovernment => "市人民政府",
            OrgKind::ProvinceGovernment => "省人民政府",
            OrgKind::CityDepartment => "市级部门",
            OrgKind::OtherBody => "其他单位",
        }
    }

    /// English label of the kind.
    pub fn en(self) -> &'static str {
        match self {
            OrgKind::CountyGovernment => "county government",
            OrgKind::LeadershipOffice => "reform leadership-group office",
            OrgKind::Department(d) => d.en(),
            OrgKind::TownshipGovernment => "township government",
            OrgKind::CityGovernment => "city government",
            OrgKind::ProvinceGovernment => "provincial government",
            OrgKind::CityDepartment => "city department",
            OrgKind::OtherBody => "other body",
        }
    }
}

/// A government body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    /// Stable code, e.g. `130634-staffing` or `130634-office`.
    pub code: String,
    /// Name as written, e.g. 曲阳县机构编制委员会办公室.
    pub name: String,
    /// What it is.
    pub kind: OrgKind,
    /// The division-code prefix it acts for (`130634`, `1306`, `13`, or a township's 9 digits).
    pub jurisdiction: String,
    /// The organisation it belongs to (a department's county government), if any.
    pub parent: Option<String>,
}

impl Organisation {
    /// The department, when this is one.
    pub fn department(&self) -> Option<Department> {
        match self.kind {
            OrgKind::Department(d) => Some(d),
            _ => None,
        }
    }

    /// The usual bodies of a county: its government, the leadership-group office and one
    /// organisation per department, named after the county (`曲阳县民政局` …).
    ///
    /// ```
    /// use quhua_workflow::org::{Department, Organisation};
    /// let orgs = Organisation::county_set("130634", "曲阳县");
    /// let staffing = orgs.iter().find(|o| o.department() == Some(Department::Staffing)).unwrap();
    /// assert_eq!(staffing.code, "130634-staffing");
    /// assert_eq!(staffing.parent.as_deref(), Some("130634-gov"));
    /// ```
    pub fn county_set(county: &str, county_name: &str) -> Vec<Organisation> {
        let gov = format!("{county}-gov");
        let mut out = vec![
            Organisation {
                code: gov.clone(),
                name: format!("{county_name}人民政府"),
                kind: OrgKind::CountyGovernment,
                jurisdiction: county.into(),
                parent: None,
            },
            Organisation {
                code: format!("{county}-office"),
                name: format!("{county_name}乡镇行政区划调整改革领导小组办公室"),
                kind: OrgKind::LeadershipOffice,
                jurisdiction: county.into(),
                parent: Some(gov.clone()),
            },
        ];
        out.extend(Department::ALL.into_iter().map(|d| Organisation {
            code: format!("{county}-{}", d.id()),
            name: format!("{county_name}{}", d.zh()),
            kind: OrgKind::Department(d),
            jurisdiction: county.into(),
            parent: Some(gov.clone()),
        }));
        out
    }
}

impl OrgKind {
    /// Parses the compact form used in import files: `county_government`, `leadership_office`,
    /// `township_government`, `city_government`, `province_government`, `city_department`,
    /// `other_body`, or `department:<id>` (e.g. `department:staffing`).
    pub fn parse(s: &str) -> Option<OrgKind> {
        let s = s.trim();
        if let Some(d) = s.strip_prefix("department:") {
            return Department::parse(d).map(OrgKind::Department);
        }
        Some(match s {
            "county_government" => OrgKind::CountyGovernment,
            "leadership_office" => OrgKind::LeadershipOffice,
            "township_government" => OrgKind::TownshipGovernment,
            "city_government" => OrgKind::CityGovernment,
            "province_government" => OrgKind::ProvinceGovernment,
            "city_department" => OrgKind::CityDepartment,
            "other_body" => OrgKind::OtherBody,
            _ => return None,
        })
    }

    /// The compact form [`OrgKind::parse`] reads.
    ///
    /// ```
    /// use quhua_workflow::org::OrgKind;
    /// for s in ["leadership_office", "department:staffing", "city_department"] {
    ///     assert_eq!(OrgKind::parse(s).unwrap().compact(), s);
    /// }
    /// ```
    pub fn compact(&self) -> String {
        match self {
            OrgKind::Department(d) => format!("department:{}", d.id()),
            OrgKind::CountyGovernment => "county_government".into(),
            OrgKind::LeadershipOffice => "leadership_office".into(),
            OrgKind::TownshipGovernment => "township_government".into(),
            OrgKind::CityGovernment => "city_government".into(),
            OrgKind::ProvinceGovernment => "province_government".into(),
            OrgKind::CityDepartment => "city_department".into(),
            OrgKind::OtherBody => "other_body".into(),
        }
    }
}

/// Who acts: an account and the organisation it belongs to. Verifications compare accounts
/// (nobody verifies what they reported) and organisations (only the supervising office closes).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// The account (login) id.
    pub account: String,
    /// The code of the account's organisation.
    pub org: String,
}

impl Actor {
    /// An actor.
    pub fn new(account: &str, org: &str) -> Actor {
        Actor {
            account: account.into(),
            org: org.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departments_parse_by_id_and_name() {
        for d in Department::ALL {
            assert_eq!(Department::parse(d.id()), Some(d));
            assert_eq!(Department::parse(d.zh()), Some(d));
        }
        assert_eq!(Department::parse("不存在"), None);
        for d in Department::ALL {
            assert_eq!(
                OrgKind::parse(&format!("department:{}", d.id())),
                Some(OrgKind::Department(d))
            );
        }
        assert_eq!(
            OrgKind::parse("city_department"),
            Some(OrgKind::CityDepartment)
        );
        assert_eq!(OrgKind::parse("nonsense"), None);
    }

    #[test]
    fn every_kind_reads_back_its_compact_form() {
        let mut kinds = vec![
            OrgKind::CountyGovernment,
            OrgKind::LeadershipOffice,
            OrgKind::TownshipGovernment,
            OrgKind::CityGovernment,
            OrgKind::ProvinceGovernment,
            OrgKind::CityDepartment,
            OrgKind::OtherBody,
        ];
        kinds.extend(Department::ALL.map(OrgKind::Department));
        for k in kinds {
            assert_eq!(
                OrgKind::parse(&format!(" {} ", k.compact())),
                Some(k),
                "{k:?}"
            );
        }
    }

    #[test]
    fn kinds_round_trip_through_json() {
        let k = OrgKind::Department(Department::Health);
        let s = serde_json::to_string(&k).unwrap();
        assert_eq!(s, r#"{"type":"department","department":"health"}"#);
        assert_eq!(serde_json::from_str::<OrgKind>(&s).unwrap(), k);
    }
}
