//! Rule ids: a closed set, serialised as stable snake_case strings for filtering.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Which rule a finding comes from.
///
/// ```
/// use quhua_core::rules::RuleId;
/// assert_eq!(RuleId::StreetStandard.as_str(), "street_standard");
/// assert_eq!(serde_json::to_string(&RuleId::NameKind).unwrap(), "\"name_kind\"");
/// assert_eq!(RuleId::parse("area_cap"), Some(RuleId::AreaCap));
/// assert!(RuleId::Contiguity == "contiguity");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    /// A unit above the policy's area cap.
    AreaCap,
    /// A unit below the policy's population floor.
    PopulationFloor,
    /// A unit whose territory is not in one piece.
    Contiguity,
    /// Contiguity could not be checked (no adjacency).
    ContiguityUnchecked,
    /// The county-seat town absorbed or made smaller.
    CountySeat,
    /// A locked (or border) unit changed.
    Locked,
    /// A historic town renamed or merged away under another name.
    HistoricName,
    /// A change involving a 民族乡 (consultation required).
    EthnicConsultation,
    /// A 镇 being set up against its province's 设镇 standard.
    TownStandard,
    /// A 街道 being set up against its province's 设街道 standard.
    StreetStandard,
    /// A name that does not end with its kind's 通名 (a 乡 named …镇).
    NameKind,
    /// Two units with the same name.
    UniqueName,
    /// A new name sounding like another.
    Homophone,
    /// More township-level units than before.
    NoIncrease,
    /// Two villages of one township with the same name (or a new name repeating one in the county).
    VillageUniqueName,
    /// A 居委会 outside the household range (100–700 by 居委会组织法 art. 6).
    ResidentsSize,
    /// A village below the policy's population floor.
    VillagePopulationFloor,
    /// A village below the policy's households floor.
    VillageHouseholdsFloor,
    /// A merged village whose territory is not in one piece.
    VillageContiguity,
    /// Handover: service points at a former seat still without a decided outcome.
    ServicesPending,
    /// Handover: fewer service points of a type at a former seat (基层服务只增不减).
    ServicesNoDecrease,
    /// Handover: a former seat without a 便民服务站.
    ServicesStation,
}

impl RuleId {
    /// Every rule id, in a fixed order.
    pub const ALL: [RuleId; 22] = [
        RuleId::AreaCap,
        RuleId::PopulationFloor,
        RuleId::Contiguity,
        RuleId::ContiguityUnchecked,
        RuleId::CountySeat,
        RuleId::Locked,
        RuleId::HistoricName,
        RuleId::EthnicConsultation,
        RuleId::TownStandard,
        RuleId::StreetStandard,
        RuleId::NameKind,
        RuleId::UniqueName,
        RuleId::Homophone,
        RuleId::NoIncrease,
        RuleId::VillageUniqueName,
        RuleId::ResidentsSize,
        RuleId::VillagePopulationFloor,
        RuleId::VillageHouseholdsFloor,
        RuleId::VillageContiguity,
        RuleId::ServicesPending,
        RuleId::ServicesNoDecrease,
        RuleId::ServicesStation,
    ];

    /// The rules a scenario evaluation applies (the others belong to the handover register).
    pub fn is_scenario_rule(self) -> bool {
        !matches!(
            self,
            RuleId::ServicesPending | RuleId::ServicesNoDecrease | RuleId::ServicesStation
        )
    }

    /// The stable id string (as serialised).
    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::AreaCap => "area_cap",
            RuleId::PopulationFloor => "population_floor",
            RuleId::Contiguity => "contiguity",
            RuleId::ContiguityUnchecked => "contiguity_unchecked",
            RuleId::CountySeat => "county_seat",
            RuleId::Locked => "locked",
            RuleId::HistoricName => "historic_name",
            RuleId::EthnicConsultation => "ethnic_consultation",
            RuleId::TownStandard => "town_standard",
            RuleId::StreetStandard => "street_standard",
            RuleId::NameKind => "name_kind",
            RuleId::UniqueName => "unique_name",
            RuleId::Homophone => "homophone",
            RuleId::NoIncrease => "no_increase",
            RuleId::VillageUniqueName => "village_unique_name",
            RuleId::ResidentsSize => "residents_size",
            RuleId::VillagePopulationFloor => "village_population_floor",
            RuleId::VillageHouseholdsFloor => "village_households_floor",
            RuleId::VillageContiguity => "village_contiguity",
            RuleId::ServicesPending => "services_pending",
            RuleId::ServicesNoDecrease => "services_no_decrease",
            RuleId::ServicesStation => "services_station",
        }
    }

    /// Parses an id string.
    pub fn parse(s: &str) -> Option<RuleId> {
        RuleId::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }

    /// Chinese name of the rule.
    pub fn zh(self) -> &'static str {
        match self {
            RuleId::AreaCap => "面积上限",
            RuleId::PopulationFloor => "人口下限",
            RuleId::Contiguity => "辖区连片",
            RuleId::ContiguityUnchecked => "连片未核查",
            RuleId::CountySeat => "县城驻地镇",
            RuleId::Locked => "锁定单位",
            RuleId::HistoricName => "历史地名保护",
            RuleId::EthnicConsultation => "民族协商",
            RuleId::TownStandard => "设镇标准",
            RuleId::StreetStandard => "设街道标准",
            RuleId::NameKind => "名称与建制类型",
            RuleId::UniqueName => "名称不重名",
            RuleId::Homophone => "名称避免同音",
            RuleId::NoIncrease => "建制总量",
            RuleId::VillageUniqueName => "村（居）名称不重名",
            RuleId::ResidentsSize => "居委会规模",
            RuleId::VillagePopulationFloor => "村（居）人口下限",
            RuleId::VillageHouseholdsFloor => "村（居）户数下限",
            RuleId::VillageContiguity => "合并村连片",
            RuleId::ServicesPending => "服务网点去向待定",
            RuleId::ServicesNoDecrease => "基层服务只增不减",
            RuleId::ServicesStation => "原驻地便民服务站",
        }
    }

    /// English name of the rule.
    pub fn en(self) -> &'static str {
        match self {
            RuleId::AreaCap => "area cap",
            RuleId::PopulationFloor => "population floor",
            RuleId::Contiguity => "contiguity",
            RuleId::ContiguityUnchecked => "contiguity not checked",
            RuleId::CountySeat => "county-seat town",
            RuleId::Locked => "locked unit",
            RuleId::HistoricName => "historic name",
            RuleId::EthnicConsultation => "ethnic consultation",
            RuleId::TownStandard => "town standard",
            RuleId::StreetStandard => "subdistrict standard",
            RuleId::NameKind => "name and kind",
            RuleId::UniqueName => "unique name",
            RuleId::Homophone => "homophone",
            RuleId::NoIncrease => "no increase",
            RuleId::VillageUniqueName => "unique village name",
            RuleId::ResidentsSize => "residents' committee size",
            RuleId::VillagePopulationFloor => "village population floor",
            RuleId::VillageHouseholdsFloor => "village households floor",
            RuleId::VillageContiguity => "merged village contiguity",
            RuleId::ServicesPending => "service point outcome pending",
            RuleId::ServicesNoDecrease => "services never fewer",
            RuleId::ServicesStation => "service station at the former seat",
        }
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Ordered by the id string, as findings were sorted before ids were an enum.
impl Ord for RuleId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_through_serde_and_parse() {
        for r in RuleId::ALL {
            let json = serde_json::to_string(&r).expect("serialises");
            assert_eq!(json, format!("\"{}\"", r.as_str()));
            let back: RuleId = serde_json::from_str(&json).expect("parses");
            assert_eq!(back, r);
            assert_eq!(RuleId::parse(r.as_str()), Some(r));
        }
        let mut ids: Vec<&str> = RuleId::ALL.iter().map(|r| r.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RuleId::ALL.len());
    }

    #[test]
    fn every_rule_has_its_own_name_in_both_languages() {
        for names in [
            RuleId::ALL.map(RuleId::zh).to_vec(),
            RuleId::ALL.map(RuleId::en).to_vec(),
        ] {
            let mut distinct = names.clone();
            distinct.sort_unstable();
            distinct.dedup();
            assert_eq!(distinct.len(), names.len(), "{names:?}");
            assert!(names.iter().all(|n| !n.trim().is_empty()));
        }
        assert_eq!(RuleId::ServicesNoDecrease.zh(), "基层服务只增不减");
        assert_eq!(RuleId::StreetStandard.en(), "subdistrict standard");
        assert_eq!(RuleId::CountySeat.to_string(), "county_seat");
    }

    #[test]
    fn the_service_rules_belong_to_the_handover_not_to_scenarios() {
        let handover: Vec<RuleId> = RuleId::ALL
            .into_iter()
            .filter(|r| !r.is_scenario_rule())
            .collect();
        assert_eq!(
            handover,
            [
                RuleId::ServicesPending,
                RuleId::ServicesNoDecrease,
                RuleId::ServicesStation
            ]
        );
        assert!(RuleId::AreaCap.is_scenario_rule() && RuleId::NoIncrease.is_scenario_rule());
    }

    #[test]
    fn ids_order_and_compare_by_their_string() {
        let mut sorted = RuleId::ALL.to_vec();
        sorted.sort();
        let strings: Vec<&str> = sorted.iter().map(|r| r.as_str()).collect();
        let mut expected = strings.clone();
        expected.sort_unstable();
        assert_eq!(strings, expected);
        assert_eq!(
            RuleId::AreaCap.partial_cmp(&RuleId::Contiguity),
            Some(std::cmp::Ordering::Less)
        );
        assert!(RuleId::Contiguity == *"contiguity" && RuleId::Contiguity != *"area_cap");
        assert!(RuleId::Contiguity == "contiguity" && RuleId::Contiguity != "area_cap");
    }
}
