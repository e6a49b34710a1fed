//! Carrying out an approved scheme: its operations become typed registry events, all
//! effective on one date under one 批准文号, atomically. A scheme whose units changed in the
//! registry after the scheme's base date is refused, naming the unit and the change.

use super::ops::{MergeTarget, NewVillageSpec, Operation, Scenario, VillageTarget};
use super::villages::{SplitShares, converted_name};
use crate::attr::keys;
use crate::date::Date;
use crate::event::{ChangeRequest, EventId, SplitTarget};
use crate::i18n::{Bilingual, Text};
use crate::registry::{Registry, RegistryError};
use crate::unit::{Seat, UnitId};
use quhua_codes::{DivisionCode, Level, UnitKind, VillageKind};

/// Why a scheme cannot be applied. Nothing is recorded when one is returned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApplyError {
    /// A reference matches nothing in force.
    #[error("{} / {}", self.text().zh, self.text().en)]
    Unknown {
        /// 1-based operation.
        op: usize,
        /// The reference.
        reference: String,
        /// Date.
        date: Date,
        /// Extra explanation (Chinese).
        hint: String,
        /// Extra explanation (English).
        hint_en: String,
    },
    /// A unit changed after the scheme's base date.
    #[error("{} / {}", self.text().zh, self.text().en)]
    ChangedSince {
        /// The unit.
        unit: String,
        /// The scheme's base date.
        base: Date,
        /// The change's date.
        date: Date,
        /// Its type (Chinese).
        kind: String,
        /// Its type (English).
        kind_en: String,
        /// Its 批准文号.
        approval: String,
    },
    /// The registry refused an operation.
    ///
    /// Its Display keeps the registry's own "zh / en" after the Chinese prefix (unchanged
    /// wording); `text()` puts the prefix in each language.
    #[error("第 {op} 项操作：{source}")]
    Registry {
        /// 1-based operation.
        op: usize,
        /// The refusal.
        source: RegistryError,
    },
}

impl Bilingual for ApplyError {
    fn text(&self) -> Text {
        match self {
            Self::Unknown {
                op,
                reference,
                date,
                hint,
                hint_en,
            } => Text::new(
                format!("第 {op} 项操作：“{reference}”在 {date} 的名录中不存在{hint}"),
                format!("operation {op}: \"{reference}\" is not in force on {date}{hint_en}"),
            ),
            Self::ChangedSince {
                unit,
                base,
                date,
                kind,
                kind_en,
                approval,
            } => Text::new(
                format!(
                    "{unit} 在方案基准日期 {base} 之后已有变更（{date} {kind}，{approval}），请基于最新名录重新编制方案"
                ),
                format!(
                    "{unit} changed after the scheme's base date {base} ({date} {kind_en}, {approval}); redraft the scheme on the current registry"
                ),
            ),
            Self::Registry { op, source } => {
                let t = source.text();
                Text::new(
                    format!("第 {op} 项操作：{}", t.zh),
                    format!("operation {op}: {}", t.en),
                )
            }
        }
    }
}

/// Applies `scenario` (drafted on the registry as of `base_date`) with effect from `effective`.
/// Returns the new events' ids; on error the registry is unchanged.
pub fn apply_scenario(
    registry: &mut Registry,
    scenario: &Scenario,
    base_date: Date,
    effective: Date,
    approval_no: &str,
) -> Result<Vec<EventId>, ApplyError> {
    let county = DivisionCode::parse(&scenario.county).map_err(|_| ApplyError::Unknown {
        op: 0,
        reference: scenario.county.clone(),
        date: effective,
        hint: String::new(),
        hint_en: String::new(),
    })?;
    check_unchanged(registry, scenario, county, base_date)?;
    let mut work = registry.clone();
    let mut ids = Vec::new();
    for (i, op) in scenario.ops.iter().enumerate() {
        let n = i + 1;
        for req in requests(&work, op, county, effective, n)? {
            let e = work
                .apply(req, effective, approval_no)
                .map_err(|source| ApplyError::Registry { op: n, source })?;
            ids.push(e.id);
        }
    }
    *registry = work;
    Ok(ids)
}

/// Refuses a scheme whose townships or villages changed after `base_date`.
fn check_unchanged(
    registry: &Registry,
    scenario: &Scenario,
    county: DivisionCode,
    base_date: Date,
) -> Result<(), ApplyError> {
    let base = registry.as_of(base_date);
    let mut touched: Vec<UnitId> = Vec::new();
    for op in &scenario.ops {
        let refs: Vec<&String> = match op {
            Operation::Merge { units, target } => {
                let mut v: Vec<&String> = units.iter().collect();
                if let MergeTarget::Into(t) = target {
                    v.push(t);
                }
                v
            }
            Operation::Convert { unit, .. }
            | Operation::Rename { unit, .. }
            | Operation::MoveSeat { unit, .. } => vec![unit],
            Operation::Transfer { villages, to } => {
                villages.iter().chain(std::iter::once(to)).collect()
            }
            Operation::Lock { .. } => Vec::new(),
            other => super::village_refs(other),
        };
        for r in refs {
            touched.extend(find(&base, r, county, None));
        }
    }
    for e in registry.events().iter().filter(|e| e.date > base_date) {
        let hit = e
            .lineage
            .iter()
            .flat_map(|l| [l.from, l.to])
            .chain(e.abolished())
            .chain(e.facts.iter().filter_map(|f| match f {
                crate::event::Fact::Rename { unit, .. }
                | crate::event::Fact::MoveSeat { unit, .. } => Some(*unit),
                _ => None,
            }));
        for u in hit {
            if touched.contains(&u) {
                let label = base
                    .get(u)
                    .map(|s| s.label())
                    .unwrap_or_else(|| u.to_string());
                return Err(ApplyError::ChangedSince {
                    unit: label,
                    base: base_date,
                    date: e.date,
                    kind: e.kind.zh().into(),
                    kind_en: e.kind.en().into(),
                    approval: e.approval_no.clone(),
                });
            }
        }
    }
    Ok(())
}

/// Units in force within `county` matching a code or a name, optionally at one level.
fn find(
    snap: &crate::snapshot::Snapshot,
    reference: &str,
    county: DivisionCode,
    level: Option<Level>,
) -> Vec<UnitId> {
    let r = reference.trim();
    if let Ok(code) = DivisionCode::parse(r) {
        return snap
            .by_code(code)
            .filter(|u| u.code.is_within(county))
            .map(|u| u.id)
            .into_iter()
            .collect();
    }
    snap.units()
        .iter()
        .filter(|u| u.name == r && u.code.is_within(county) && u.code != county)
        .filter(|u| level.is_none_or(|l| u.level() == l))
        .map(|u| u.id)
        .collect()
}

fn requests(
    work: &Registry,
    op: &Operation,
    county: DivisionCode,
    date: Date,
    n: usize,
) -> Result<Vec<ChangeRequest>, ApplyError> {
    let snap = work.as_of(date);
    let unit = |r: &str, level: Level| -> Result<UnitId, ApplyError> {
        // Codes are never reused, so a village code from the scheme's base finds the village
        // even after an earlier operation recoded it.
        if let Ok(code) = DivisionCode::parse(r.trim())
            && let Ok(id) = work.unit_by_code(code)
            && snap.get(id).is_some_and(|u| u.level() == level)
        {
            return Ok(id);
        }
        match find(&snap, r, county, Some(level)).as_slice() {
            [id] => Ok(*id),
            _ => {
                let gone = DivisionCode::parse(r.trim())
                    .ok()
                    .and_then(|c| work.unit_by_code(c).ok())
                    .and_then(|id| work.latest(id));
                Err(ApplyError::Unknown {
                    op: n,
                    reference: r.to_string(),
                    date,
                    hint: gone
                        .map(|u| format!("（{} 已撤销）", u.label()))
                        .unwrap_or_default(),
                    hint_en: gone
                        .map(|u| format!(" ({} was abolished)", u.label()))
                        .unwrap_or_default(),
                })
            }
        }
    };
    Ok(match op {
        Operation::Merge { units, target } => {
            let members: Vec<UnitId> = units
                .iter()
                .map(|u| unit(u, Level::Township))
                .collect::<Result<_, _>>()?;
            match target {
                MergeTarget::Into(t) => {
                    let into = unit(t, Level::Township)?;
                    members
                        .into_iter()
                        .map(|a| ChangeRequest::AbolishMerge { abolished: a, into })
                        .collect()
                }
                MergeTarget::New(spec) => {
                    let seat = match &spec.seat {
                        Some(v) => {
                            let vid = unit(v, Level::Village)?;
                            Some(Seat {
                                village: Some(vid),
                                point: snap
                                    .get(vid)
                                    .and_then(|s| s.seat.as_ref())
                                    .and_then(|s| s.point),
                            })
                        }
                        None => None,
                    };
                    vec![ChangeRequest::MergeEstablish {
                        abolished: members,
                        name: spec.name.clone(),
                        kind: spec.kind,
                        seat,
                        code: None,
                    }]
                }
            }
        }
        Operation::Convert { unit: u, to, name } => vec![ChangeRequest::Convert {
            unit: unit(u, Level::Township)?,
            to: *to,
            name: name.clone(),
            code: None,
        }],
        Operation::Rename { unit: u, name } => vec![ChangeRequest::Rename {
            unit: unit(u, Level::Township)?,
            name: name.clone(),
        }],
        Operation::MoveSeat { unit: u, village } => {
            let vid = unit(village, Level::Village)?;
            let point = snap
                .get(vid)
                .and_then(|s| s.seat.as_ref())
                .and_then(|s| s.point);
            vec![ChangeRequest::SeatMove {
                unit: unit(u, Level::Township)?,
                seat: Seat {
                    village: Some(vid),
                    point,
                },
            }]
        }
        Operation::Transfer { villages, to } => vec![ChangeRequest::VillageTransfer {
            villages: villages
                .iter()
                .map(|v| unit(v, Level::Village))
                .collect::<Result<_, _>>()?,
            to: unit(to, Level::Township)?,
        }],
        Operation::MergeVillages { villages, target } => {
            let members: Vec<UnitId> = villages
                .iter()
                .map(|v| unit(v, Level::Village))
                .collect::<Result<_, _>>()?;
            match target {
                VillageTarget::Into(t) => {
                    let into = unit(t, Level::Village)?;
                    members
                        .into_iter()
                        .map(|a| ChangeRequest::VillageAbolishMerge { abolished: a, into })
                        .collect()
                }
                VillageTarget::New(spec) => {
                    let kind = new_village_kind(&snap, spec, &members);
                    vec![ChangeRequest::VillageMergeEstablish {
                        abolished: members,
                        name: spec.name.clone(),
                        kind,
                        code: None,
                    }]
                }
            }
        }
        Operation::ConvertVillage { village, to, name } => {
            let id = unit(village, Level::Village)?;
            let to = to.unwrap_or(VillageKind::Residents);
            let name = name
                .clone()
                .or_else(|| snap.get(id).map(|s| converted_name(&s.name, to)));
            vec![ChangeRequest::VillageConvert {
                village: id,
                to,
                name,
                code: None,
            }]
        }
        Operation::RenameVillage { village, name } => vec![ChangeRequest::Rename {
            unit: unit(village, Level::Village)?,
            name: name.clone(),
        }],
        Operation::SplitVillage {
            village,
            share,
            population_share,
            area_share,
            households_share,
            target,
        } => {
            let id = unit(village, Level::Village)?;
            let shares = SplitShares::from_fractions(
                n,
                share.0,
                population_share.map(|f| f.0),
                area_share.map(|f| f.0),
                households_share.map(|f| f.0),
            )
            .map_err(|e| {
                let t = e.text();
                ApplyError::Registry {
                    op: n,
                    source: RegistryError::invalid(t.zh, t.en),
                }
            })?;
            let to = match target {
                VillageTarget::Into(t) => SplitTarget::Into(unit(t, Level::Village)?),
                VillageTarget::New(spec) => SplitTarget::New {
                    name: spec.name.clone(),
                    kind: spec.kind.unwrap_or_else(|| {
                        snap.get(id)
                            .and_then(|s| match s.kind {
                                UnitKind::Village(k) => Some(k),
                                _ => None,
                            })
                            .unwrap_or(VillageKind::Villagers)
                    }),
                },
            };
            let key_shares = [
                keys::POP_HUKOU,
                keys::POP_RESIDENT,
                keys::BUILTUP_POP,
                keys::AREA_KM2,
                keys::HOUSEHOLDS,
            ]
            .into_iter()
            .map(|k| (k.to_string(), shares.for_key(k)))
            .filter(|(_, s)| *s != shares.share)
            .collect();
            vec![ChangeRequest::VillageSplit {
                village: id,
                to,
                share: shares.share,
                key_shares,
            }]
        }
        Operation::Lock { .. } => Vec::new(),
    })
}

/// A new merged village's kind: as asked, else 居委会 when every member is one, else 村委会.
fn new_village_kind(
    snap: &crate::snapshot::Snapshot,
    spec: &NewVillageSpec,
    members: &[UnitId],
) -> VillageKind {
    spec.kind.unwrap_or_else(|| {
        let all_residents = members.iter().all(|m| {
            snap.get(*m)
                .is_some_and(|s| s.kind == UnitKind::Village(VillageKind::Residents))
        });
        if all_residents {
            VillageKind::Residents
        } else {
            VillageKind::Villagers
        }
    })
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use crate::i18n::assert_bilingual;

    #[test]
    fn apply_error_text() {
        let d = |m| Date::from_ymd_opt(2024, m, 1).unwrap();
        assert_bilingual(
            &ApplyError::Unknown {
                op: 1,
                reference: "130634201".into(),
                date: d(3),
                hint: String::new(),
                hint_en: String::new(),
            },
            "第 1 项操作：“130634201”在 2024-03-01 的名录中不存在",
            "operation 1: \"130634201\" is not in force on 2024-03-01",
        );
        assert_bilingual(
            &ApplyError::ChangedSince {
                unit: "130634201".into(),
                base: d(1),
                date: d(2),
                kind: "更名".into(),
                kind_en: "rename".into(),
                approval: "No. 5".into(),
            },
            "130634201 在方案基准日期 2024-01-01 之后已有变更（2024-02-01 更名，No. 5），请基于最新名录重新编制方案",
            "130634201 changed after the scheme's base date 2024-01-01 (2024-02-01 rename, No. 5); redraft the scheme on the current registry",
        );
    }

    #[test]
    fn registry_refusal_is_prefixed_in_each_language() {
        let e = ApplyError::Registry {
            op: 2,
            source: RegistryError::MissingApproval,
        };
        let t = e.text();
        assert_eq!(t.zh, "第 2 项操作：缺少批准文号");
        assert_eq!(
            t.en,
            "operation 2: the approval document number (批准文号) is missing"
        );
        // Display is unchanged: the Chinese prefix, then the registry's "zh / en".
        assert_eq!(
            e.to_string(),
            "第 2 项操作：缺少批准文号 / the approval document number (批准文号) is missing"
        );
    }
}
