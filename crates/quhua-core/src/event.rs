//! Change events (变更): what was asked, and the facts recorded when it took effect.
//!
//! A [`ChangeRequest`] names the change the way an approval document does. The registry
//! validates it and records a [`ChangeEvent`]: the resolved facts (new ids, codes assigned
//! and retired, attributes moved) and the lineage down to the villages. Replaying recorded
//! facts needs no decisions, so any snapshot can be rebuilt exactly.

use crate::attr::Attrs;
use crate::date::Date;
use crate::unit::{Seat, UnitId, UnitState};
use quhua_codes::{DivisionCode, TownshipKind, VillageKind};
use serde::{Deserialize, Serialize};

/// The type of a change, as official documents name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventType {
    /// 撤销并入: abolish A, its territory joins B.
    AbolishMerge,
    /// 合并设立: abolish several, establish a new unit.
    MergeEstablish,
    /// 撤乡设镇
    XiangToZhen,
    /// 撤镇设街道
    ZhenToJiedao,
    /// 撤乡设街道
    XiangToJiedao,
    /// Other type conversions (e.g. 类似乡级单位 → 镇).
    Convert,
    /// 更名
    Rename,
    /// 驻地迁移
    SeatMove,
    /// 村划归 / 界线变更
    VillageTransfer,
    /// 隶属变更
    ChangeSuperior,
    /// 摸底数据更新: attribute values from a survey table (not a change of division).
    SurveyUpdate,
    /// 撤村并入: a village abolished, its territory joins another village.
    VillageAbolishMerge,
    /// 合并设立村: villages abolished, a new village established over their territory.
    VillageMergeEstablish,
    /// 撤村设居: a 村委会 abolished, a 居委会 established over the same territory.
    VillageToResidents,
    /// Other changes of a village's kind (e.g. 居委会 → 村委会).
    VillageConvert,
    /// 村拆分 (范围调整): part of a village's territory and figures goes to another village.
    VillageSplit,
}

impl EventType {
    /// Official Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            EventType::AbolishMerge => "撤销并入",
            EventType::MergeEstablish => "合并设立",
            EventType::XiangToZhen => "撤乡设镇",
            EventType::ZhenToJiedao => "撤镇设街道",
            EventType::XiangToJiedao => "撤乡设街道",
            EventType::Convert => "建制变更",
            EventType::Rename => "更名",
            EventType::SeatMove => "驻地迁移",
            EventType::VillageTransfer => "村划归",
            EventType::ChangeSuperior => "隶属变更",
            EventType::SurveyUpdate => "摸底数据更新",
            EventType::VillageAbolishMerge => "撤村并入",
            EventType::VillageMergeEstablish => "合并设立村",
            EventType::VillageToResidents => "撤村设居",
            EventType::VillageConvert => "村级建制变更",
            EventType::VillageSplit => "村拆分",
        }
    }

    /// English name.
    pub fn en(self) -> &'static str {
        match self {
            EventType::AbolishMerge => "abolish and merge into",
            EventType::MergeEstablish => "merge into a new unit",
            EventType::XiangToZhen => "township to town",
            EventType::ZhenToJiedao => "town to subdistrict",
            EventType::XiangToJiedao => "township to subdistrict",
            EventType::Convert => "change of kind",
            EventType::Rename => "rename",
            EventType::SeatMove => "seat move",
            EventType::VillageTransfer => "village transfer",
            EventType::ChangeSuperior => "change of superior",
            EventType::SurveyUpdate => "survey update",
            EventType::VillageAbolishMerge => "village abolished and merged into another",
            EventType::VillageMergeEstablish => "villages merged into a new village",
            EventType::VillageToResidents => "villagers' committee to residents' committee",
            EventType::VillageConvert => "change of a village's kind",
            EventType::VillageSplit => "village split",
        }
    }

    /// The conversion type for a change of kind.
    pub fn for_conversion(from: TownshipKind, to: TownshipKind) -> EventType {
        match (from.is_xiang(), from, to) {
            (true, _, TownshipKind::Town) => EventType::XiangToZhen,
            (true, _, TownshipKind::Subdistrict) => EventType::XiangToJiedao,
            (false, TownshipKind::Town, TownshipKind::Subdistrict) => EventType::ZhenToJiedao,
            _ => EventType::Convert,
        }
    }

    /// Whether the change is a 村级建制调整 (approved by the county government).
    pub fn is_village_level(self) -> bool {
        matches!(
            self,
            EventType::VillageAbolishMerge
                | EventType::VillageMergeEstablish
                | EventType::VillageToResidents
                | EventType::VillageConvert
                | EventType::VillageSplit
        )
    }
}

/// Where the split-off part of a village goes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SplitTarget {
    /// An existing village of the same township.
    Into(UnitId),
    /// A new village.
    New {
        /// Its name.
        name: String,
        /// Its kind.
        kind: VillageKind,
    },
}

/// A change as asked for (by an approval, or by applying a plan).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ChangeRequest {
    /// 撤销并入: abolish `abolished`; its villages and attributes join `into`.
    AbolishMerge {
        /// The unit abolished.
        abolished: UnitId,
        /// The unit that absorbs it (keeps its code: a boundary change).
        into: UnitId,
    },
    /// 合并设立: abolish all of `abolished`; establish a new unit over their territory.
    MergeEstablish {
        /// The units abolished.
        abolished: Vec<UnitId>,
        /// The new unit's name.
        name: String,
        /// The new unit's kind.
        kind: TownshipKind,
        /// Its seat.
        seat: Option<Seat>,
        /// An explicit code; else the next free number in the kind's range.
        code: Option<DivisionCode>,
    },
    /// 撤乡设镇 / 撤镇设街道 / 撤乡设街道: abolish `unit`, establish a unit of `to` over the same territory.
    Convert {
        /// The unit converted.
        unit: UnitId,
        /// The new kind.
        to: TownshipKind,
        /// New name; by default the stem with the new suffix (下河乡 → 下河镇).
        name: Option<String>,
        /// An explicit code; else the next free number in the new kind's range.
        code: Option<DivisionCode>,
    },
    /// 更名: keeps the code.
    Rename {
        /// The unit.
        unit: UnitId,
        /// The new name.
        name: String,
    },
    /// 驻地迁移: keeps the code.
    SeatMove {
        /// The unit.
        unit: UnitId,
        /// The new seat.
        seat: Seat,
    },
    /// 村划归: villages move to another township (boundary change for the townships;
    /// a change of superior, hence a new code, for each village).
    VillageTransfer {
        /// The villages.
        villages: Vec<UnitId>,
        /// The receiving township.
        to: UnitId,
    },
    /// 撤村并入: abolish village `abolished`; its territory and figures join village `into`
    /// (same township; `into` keeps its code).
    VillageAbolishMerge {
        /// The village abolished.
        abolished: UnitId,
        /// The village that absorbs it.
        into: UnitId,
    },
    /// 合并设立村: abolish the villages; establish a new one over their territory.
    VillageMergeEstablish {
        /// The villages abolished (at least two, one township).
        abolished: Vec<UnitId>,
        /// The new village's name.
        name: String,
        /// Its kind.
        kind: VillageKind,
        /// An explicit code; else the next free number in the kind's range.
        code: Option<DivisionCode>,
    },
    /// 撤村设居 (or another change of kind): abolish the village, establish one of kind `to`
    /// over the same territory, with a code in the new kind's range.
    VillageConvert {
        /// The village.
        village: UnitId,
        /// The new kind.
        to: VillageKind,
        /// New name; by default …村 becomes …社区 (and back).
        name: Option<String>,
        /// An explicit code; else the next free number in the new kind's range.
        code: Option<DivisionCode>,
    },
    /// 村拆分: a share (parts per million, by attribute key) of the village's figures and
    /// territory goes to another village or a new one; the village keeps its code.
    VillageSplit {
        /// The village split.
        village: UnitId,
        /// Where the part goes.
        to: SplitTarget,
        /// Share of every figure without its own, ppm (0 < share < 1,000,000).
        share: u32,
        /// Shares of particular keys, ppm.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        key_shares: Vec<(String, u32)>,
    },
    /// 隶属变更: a township moves to another county (retire and assign its code).
    ChangeSuperior {
        /// The unit.
        unit: UnitId,
        /// The new superior.
        parent: UnitId,
    },
    /// 摸底数据更新: set attribute values from a survey table, recording its source.
    UpdateAttrs {
        /// Where the values come from (file name and SHA-256, or "示意").
        source: crate::attr::Source,
        /// Values by unit.
        updates: Vec<AttrUpdate>,
    },
}

/// New attribute values for one unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttrUpdate {
    /// The unit.
    pub unit: UnitId,
    /// Values by attribute key.
    pub values: Vec<(String, crate::attr::Amount)>,
}

/// An atomic, already-decided change to the registry. Replaying facts rebuilds any snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "fact", rename_all = "snake_case")]
pub enum Fact {
    /// A unit ends; its code is retired.
    Abolish {
        /// The unit.
        unit: UnitId,
        /// Its retired code.
        code: DivisionCode,
    },
    /// A unit begins with this state; its code is assigned.
    Establish {
        /// The new state.
        state: Box<UnitState>,
    },
    /// The unit's code is retired and a new one assigned.
    Recode {
        /// The unit.
        unit: UnitId,
        /// Retired code.
        old: DivisionCode,
        /// Assigned code.
        new: DivisionCode,
    },
    /// The unit's superior changes.
    Reparent {
        /// The unit.
        unit: UnitId,
        /// Old superior.
        from: UnitId,
        /// New superior.
        to: UnitId,
    },
    /// The unit's name changes.
    Rename {
        /// The unit.
        unit: UnitId,
        /// Old name.
        from: String,
        /// New name.
        to: String,
    },
    /// The unit's seat changes.
    MoveSeat {
        /// The unit.
        unit: UnitId,
        /// New seat.
        to: Option<Seat>,
    },
    /// A source of attribute values is registered (its index is the next free one).
    AddSource {
        /// The source.
        source: crate::attr::Source,
    },
    /// Attribute values are set (overwritten) on a unit.
    SetAttrs {
        /// The unit.
        unit: UnitId,
        /// The values.
        attrs: Attrs,
    },
    /// Attribute amounts added to (or, negative, taken from) a unit.
    AttrsDelta {
        /// The unit.
        unit: UnitId,
        /// Signed amounts by key.
        delta: Attrs,
    },
}

/// Where territory went: `from` → `to`, carrying these villages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineageEdge {
    /// Predecessor unit.
    pub from: UnitId,
    /// Successor unit.
    pub to: UnitId,
    /// The villages that went with the territory (for a change between villages: the
    /// predecessor village itself).
    pub villages: Vec<UnitId>,
    /// For a partial lineage (a village split): the population share that went, in parts per
    /// million; `None` when the whole territory went.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<u32>,
}

/// Identifier of a recorded event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventId(pub u32);

/// A recorded change: type, effective date, approval number, facts and lineage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChangeEvent {
    /// Sequence number in the registry.
    pub id: EventId,
    /// The type, as documents name it.
    pub kind: EventType,
    /// Effective date (生效日期).
    pub date: Date,
    /// 批准文号, e.g. 冀政字〔2025〕12号.
    pub approval_no: String,
    /// The request as asked.
    pub request: ChangeRequest,
    /// The resolved facts, in order.
    pub facts: Vec<Fact>,
    /// Lineage, many-to-many, down to villages.
    pub lineage: Vec<LineageEdge>,
}

impl ChangeEvent {
    /// The units this event abolished.
    pub fn abolished(&self) -> impl Iterator<Item = UnitId> + '_ {
        self.facts.iter().filter_map(|f| match f {
            Fact::Abolish { unit, .. } => Some(*unit),
            _ => None,
        })
    }

    /// The units this event established.
    pub fn established(&self) -> impl Iterator<Item = &UnitState> + '_ {
        self.facts.iter().filter_map(|f| match f {
            Fact::Establish { state } => Some(state.as_ref()),
            _ => None,
        })
    }
}

/// What a register of unit histories and codes offers to facts. The registry
/// (`Registry`) and the store's writer both implement it, so what each [`Fact`] does is
/// defined once, in [`Fact::apply_to`]; the store's independent replay stays as the oracle
/// the property tests compare them against.
pub trait FactTarget {
    /// Why the register refused a step.
    type Error;
    /// Ends the unit's history on `date`.
    fn end_unit(&mut self, unit: UnitId, date: Date) -> Result<(), Self::Error>;
    /// Retires a code in force on `date`.
    fn retire_code(&mut self, code: DivisionCode, date: Date) -> Result<(), Self::Error>;
    /// Assigns a never-used code to a unit from `date`.
    fn assign_code(
        &mut self,
        code: DivisionCode,
        unit: UnitId,
        date: Date,
    ) -> Result<(), Self::Error>;
    /// Starts the history of a new unit (its id must be the next free one).
    fn establish(&mut self, state: &UnitState, date: Date) -> Result<(), Self::Error>;
    /// Changes the unit's state from `date` on: a new version, or the same-day one in place.
    fn change(
        &mut self,
        unit: UnitId,
        date: Date,
        f: &dyn Fn(&mut UnitState),
    ) -> Result<(), Self::Error>;
    /// Registers a source of attribute values.
    fn add_source(&mut self, source: &crate::attr::Source) -> Result<(), Self::Error>;
}

impl Fact {
    /// Applies the fact to `target` on `date`: the one definition of what each fact does.
    pub fn apply_to<T: FactTarget>(&self, target: &mut T, date: Date) -> Result<(), T::Error> {
        match self {
            Fact::Abolish { unit, code } => {
                target.end_unit(*unit, date)?;
                target.retire_code(*code, date)
            }
            Fact::Establish { state } => {
                target.establish(state, date)?;
                target.assign_code(state.code, state.id, date)
            }
            Fact::Recode { unit, old, new } => {
                target.retire_code(*old, date)?;
                target.assign_code(*new, *unit, date)?;
                target.change(*unit, date, &|s| self.change_state(s))
            }
            Fact::AddSource { source } => target.add_source(source),
            Fact::Reparent { unit, .. }
            | Fact::Rename { unit, .. }
            | Fact::MoveSeat { unit, .. }
            | Fact::SetAttrs { unit, .. }
            | Fact::AttrsDelta { unit, .. } => {
                target.change(*unit, date, &|s| self.change_state(s))
            }
        }
    }

    /// What the fact does to the state of the unit it names (nothing for facts that do not
    /// change a unit's state: abolition, establishment, sources).
    pub fn change_state(&self, s: &mut UnitState) {
        match self {
            Fact::Recode { new, .. } => s.code = *new,
            Fact::Reparent { to, .. } => s.parent = Some(*to),
            Fact::Rename { to, .. } => s.name = to.clone(),
            Fact::MoveSeat { to, .. } => s.seat = to.clone(),
            Fact::SetAttrs { attrs, .. } => {
                for (k, v) in attrs {
                    s.attrs.insert(k.clone(), v.clone());
                }
            }
            Fact::AttrsDelta { delta, .. } => crate::attr::add_attrs(&mut s.attrs, delta),
            Fact::Abolish { .. } | Fact::Establish { .. } | Fact::AddSource { .. } => {}
        }
    }
}
