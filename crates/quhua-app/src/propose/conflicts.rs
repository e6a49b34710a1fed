//! The regions of a scheme that break the floor or the ceiling, as the planner reads them:
//! the townships of the region and the townships whose proof makes the break unavoidable.

use quhua_core::i18n::Text;
use quhua_optimize::{Broken, Proof, Scheme};
use schemars::JsonSchema;
use serde::Serialize;

/// A new unit of a scheme that breaks the rule that gives way.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ProposedConflict {
    /// `ceiling` (area over the cap) or `floor` (population under the floor).
    pub broken: String,
    /// km² over the cap or people under the floor.
    pub excess: f64,
    /// The townships the new unit joins.
    pub townships: Vec<String>,
    /// The townships proven unable to meet both rules, each with its proof; empty means
    /// nothing explains the break (the optimizer did not keep its promise).
    pub proven: Vec<ProvenTownship>,
}

/// A township named by a proof.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ProvenTownship {
    /// Its name.
    pub name: String,
    /// The proof's id (`unit_over_ceiling`, `floor_out_of_reach`, `shared_need`,
    /// `locked_below_floor`, `island_below_floor`, `component_below_floor`).
    pub proof: String,
    /// What the proof says, in both languages.
    pub text: Text,
}

/// The conflicts of `s`, with township names from `names` (by unit index).
pub(crate) fn conflicts(s: &Scheme, names: &[String]) -> Vec<ProposedConflict> {
    let name = |u: u32| names.get(u as usize).cloned().unwrap_or_default();
    s.conflicts
        .iter()
        .map(|c| ProposedConflict {
            broken: match c.broken {
                Broken::Ceiling => "ceiling",
                Broken::Floor => "floor",
            }
            .into(),
            excess: c.excess,
            townships: s
                .assignment
                .iter()
                .enumerate()
                .filter(|(_, r)| **r == c.region)
                .map(|(u, _)| name(u as u32))
                .collect(),
            proven: c
                .units
                .iter()
                .map(|p| ProvenTownship {
                    name: name(p.unit),
                    proof: proof_id(p.proof).into(),
                    text: proof_text(p.proof),
                })
                .collect(),
        })
        .collect()
}

fn proof_id(p: Proof) -> &'static str {
    match p {
        Proof::UnitOverCeiling => "unit_over_ceiling",
        Proof::FloorOutOfReach => "floor_out_of_reach",
        Proof::SharedNeed => "shared_need",
        Proof::LockedBelowFloor => "locked_below_floor",
        Proof::IslandBelowFloor => "island_below_floor",
        Proof::ComponentBelowFloor => "component_below_floor",
    }
}

/// What a proof says about its township.
pub fn proof_text(p: Proof) -> Text {
    let (zh, en) = match p {
        Proof::UnitOverCeiling => (
            "本身面积已超过面积上限",
            "its own area is over the area cap",
        ),
        Proof::FloorOutOfReach => (
            "在面积上限内与可达的相邻乡镇合并也达不到人口下限",
            "cannot reach the population floor within the area cap, whatever it joins",
        ),
        Proof::SharedNeed => (
            "与其他乡镇争用同一批相邻乡镇，不能都在面积上限内达到人口下限",
            "needs the same neighbours as another township: both cannot reach the floor within the cap",
        ),
        Proof::LockedBelowFloor => (
            "锁定不调整，且人口低于下限",
            "locked (kept as it is) and below the population floor",
        ),
        Proof::IslandBelowFloor => (
            "没有相邻乡镇（孤岛），且人口低于下限",
            "has no neighbours (an island) and is below the population floor",
        ),
        Proof::ComponentBelowFloor => (
            "所在连通片合计人口低于下限",
            "the connected part it lies in is below the population floor as a whole",
        ),
    };
    Text::new(zh, en)
}
