//! Planning village changes (村级建制调整) into facts: 撤村并入, 合并设立村, 撤村设居 and
//! 村拆分. Every figure moves whole or by an exact share, so a township's villages hold the
//! same totals before and after; codes come from the kind's range under the township and a
//! retired code is never assigned again.

use super::apply::Draft;
use super::{Registry, RegistryError};
use crate::attr::{Attrs, add_attrs};
use crate::event::{EventType, Fact, LineageEdge, SplitTarget};
use crate::scenario::{SHARE_SCALE, share_of};
use crate::unit::{Flags, Seat, UnitId, UnitState};
use quhua_codes::{DivisionCode, Level, UnitKind, VillageKind};
use std::collections::HashSet;

impl Registry {
    /// 撤村并入: `a`'s figures join `b`, `a` is abolished.
    pub(super) fn plan_village_abolish_merge(
        &self,
        abolished: UnitId,
        into: UnitId,
        d: &mut Draft,
    ) -> Result<EventType, RegistryError> {
        let a = self.village_in_force(abolished)?;
        let b = self.village_in_force(into)?;
        if a.id == b.id {
            return Err(RegistryError::invalid(
                "不能将村并入其自身",
                "a village cannot merge into itself",
            ));
        }
        self.same_township(&[a, b])?;
        d.facts.push(Fact::AttrsDelta {
            unit: b.id,
            delta: a.attrs.clone(),
        });
        d.facts.push(Fact::Abolish {
            unit: a.id,
            code: a.code,
        });
        self.follow_seat(a, b.id, d)?;
        d.lineage.push(edge(a.id, b.id, None));
        Ok(EventType::VillageAbolishMerge)
    }

    /// 合并设立村: the villages are abolished, a new one holds their figures.
    pub(super) fn plan_village_merge_establish(
        &self,
        abolished: &[UnitId],
        name: &str,
        kind: VillageKind,
        code: Option<DivisionCode>,
        d: &mut Draft,
    ) -> Result<EventType, RegistryError> {
        if abolished.len() < 2 {
            return Err(RegistryError::invalid(
                "合并设立新村至少需要两个被撤销的村（居）",
                "a new village needs at least two abolished villages",
            ));
        }
        let mut seen = HashSet::new();
        let mut members = Vec::with_capacity(abolished.len());
        for &id in abolished {
            let v = self.village_in_force(id)?;
            if !seen.insert(id) {
                return Err(RegistryError::invalid(
                    format!("{} 重复列出", v.label()),
                    format!("{} listed twice", v.label()),
                ));
            }
            members.push(v);
        }
        let town = self.same_township(&members)?;
        let mut attrs = Attrs::new();
        for v in &members {
            add_attrs(&mut attrs, &v.attrs);
        }
        let new = self.establish_village(town, name, kind, attrs, code, abolished, d)?;
        for v in &members {
            d.facts.push(Fact::Abolish {
                unit: v.id,
                code: v.code,
            });
            self.follow_seat(v, new, d)?;
            d.lineage.push(edge(v.id, new, None));
        }
        Ok(EventType::VillageMergeEstablish)
    }

    /// 撤村设居 (or another change of kind): a new village of kind `to` over the same territory.
    pub(super) fn plan_village_convert(
        &self,
        village: UnitId,
        to: VillageKind,
        name: Option<&str>,
        code: Option<DivisionCode>,
        d: &mut Draft,
    ) -> Result<EventType, RegistryError> {
        let v = self.village_in_force(village)?;
        let from = match v.kind {
            UnitKind::Village(k) => k,
            _ => VillageKind::Villagers,
        };
        if from == to {
            return Err(RegistryError::invalid(
                format!("{} 已是{}", v.label(), to.zh()),
                format!("{} is already a {}", v.label(), to.en()),
            ));
        }
        let town = v.parent.ok_or(RegistryError::UnknownUnit(v.id))?;
        let name = name
            .map(|n| n.trim().to_string())
            .unwrap_or_else(|| crate::scenario::converted_village_name(&v.name, to));
        let new = self.establish_village(town, &name, to, v.attrs.clone(), code, &[v.id], d)?;
        d.facts.push(Fact::Abolish {
            unit: v.id,
            code: v.code,
        });
        self.follow_seat(v, new, d)?;
        d.lineage.push(edge(v.id, new, None));
        Ok(match (from, to) {
            (VillageKind::Villagers, VillageKind::Residents) => EventType::VillageToResidents,
            _ => EventType::VillageConvert,
        })
    }

    /// 村拆分: `share` ppm (or the key's own share) of every figure goes to the target.
    pub(super) fn plan_village_split(
        &self,
        village: UnitId,
        to: &SplitTarget,
        share: u32,
        key_shares: &[(String, u32)],
        d: &mut Draft,
    ) -> Result<EventType, RegistryError> {
        let v = self.village_in_force(village)?;
        for s in std::iter::once(share).chain(key_shares.iter().map(|(_, s)| *s)) {
            if s == 0 || s >= SHARE_SCALE {
                return Err(RegistryError::invalid(
                    format!("拆分份额 {s}/1000000 须大于 0 且小于 1"),
                    format!("the split share {s}/1000000 must be above 0 and below 1"),
                ));
            }
        }
        let share_for = |k: &str| {
            key_shares
                .iter()
                .find(|(key, _)| key == k)
                .map_or(share, |(_, s)| *s)
        };
        let mut out = Attrs::new();
        let mut back = Attrs::new();
        for (k, val) in &v.attrs {
            let moved = share_of(val.value, share_for(k));
            let mut m = val.clone();
            m.value = moved;
            out.insert(k.clone(), m.clone());
            m.value = crate::attr::Amount::ZERO - moved;
            back.insert(k.clone(), m);
        }
        let pop_share = share_for(crate::attr::keys::POP_HUKOU);
        d.facts.push(Fact::AttrsDelta {
            unit: v.id,
            delta: back,
        });
        let dest = match to {
            SplitTarget::Into(b) => {
                let b = self.village_in_force(*b)?;
                if b.id == v.id {
                    return Err(RegistryError::invalid(
                        "不能将村拆分给其自身",
                        "a village cannot be split into itself",
                    ));
                }
                self.same_township(&[v, b])?;
                d.facts.push(Fact::AttrsDelta {
                    unit: b.id,
                    delta: out,
                });
                b.id
            }
            SplitTarget::New { name, kind } => {
                let town = v.parent.ok_or(RegistryError::UnknownUnit(v.id))?;
                self.establish_village(town, name, *kind, out, None, &[], d)?
            }
        };
        d.lineage.push(edge(v.id, dest, Some(pop_share)));
        Ok(EventType::VillageSplit)
    }

    /// Records a new village under `town`; returns its id. `leaving`: villages abolished by the
    /// same change (their names are free).
    #[allow(clippy::too_many_arguments)]
    fn establish_village(
        &self,
        town: UnitId,
        name: &str,
        kind: VillageKind,
        attrs: Attrs,
        code: Option<DivisionCode>,
        leaving: &[UnitId],
        d: &mut Draft,
    ) -> Result<UnitId, RegistryError> {
        let t = self.current(town).ok_or(RegistryError::UnknownUnit(town))?;
        self.check_new_village_name(name, town, leaving)?;
        let code = match code {
            Some(c) => {
                if c.level() != Level::Village
                    || !c.is_within(t.code)
                    || !kind.range().numbers().contains(&c.village_seq())
                {
                    return Err(RegistryError::invalid(
                        format!("指定代码 {c} 不是 {} 下{}的代码", t.label(), kind.zh()),
                        format!("code {c} is not a {} code within {}", kind.en(), t.label()),
                    ));
                }
                c
            }
            None => {
                self.codes
                    .next_village_code_excluding(t.code, kind.range(), &d.pending_codes)?
            }
        };
        d.pending_codes.insert(code);
        let state = UnitState {
            id: UnitId(d.next_id),
            kind: UnitKind::Village(kind),
            name: name.trim().to_string(),
            code,
            parent: Some(town),
            seat: None,
            flags: Flags::default(),
            attrs,
        };
        d.next_id += 1;
        let id = state.id;
        d.facts.push(Fact::Establish {
            state: Box::new(state),
        });
        Ok(id)
    }

    /// A village name must not repeat within its township.
    pub(super) fn check_new_village_name(
        &self,
        name: &str,
        town: UnitId,
        leaving: &[UnitId],
    ) -> Result<(), RegistryError> {
        self.check_unique_name(
            name,
            self.villages_of(town),
            leaving,
            (
                "乡镇内已有同名村（居）",
                "the township already has a village named",
            ),
        )
    }

    /// Where village `v` was its township's seat, the seat follows to `successor`.
    fn follow_seat(
        &self,
        v: &UnitState,
        successor: UnitId,
        d: &mut Draft,
    ) -> Result<(), RegistryError> {
        let town = v.parent.ok_or(RegistryError::UnknownUnit(v.id))?;
        let t = self.current(town).ok_or(RegistryError::UnknownUnit(town))?;
        if let Some(seat) = &t.seat
            && seat.village == Some(v.id)
        {
            d.facts.push(Fact::MoveSeat {
                unit: town,
                to: Some(Seat {
                    village: Some(successor),
                    point: seat.point,
                }),
            });
        }
        Ok(())
    }

    fn village_in_force(&self, id: UnitId) -> Result<&UnitState, RegistryError> {
        let u = self.current(id).ok_or(RegistryError::UnknownUnit(id))?;
        if u.level() != Level::Village {
            return Err(RegistryError::WrongLevel {
                unit: u.label(),
                expected: "村级",
                expected_en: "village",
            });
        }
        Ok(u)
    }

    /// The township all the villages lie in; else an error naming two that differ.
    fn same_township(&self, villages: &[&UnitState]) -> Result<UnitId, RegistryError> {
        let first = villages[0];
        let t = first.parent.ok_or(RegistryError::UnknownUnit(first.id))?;
        for v in &villages[1..] {
            if v.parent != Some(t) {
                return Err(RegistryError::invalid(
                    format!(
                        "{} 与 {} 不在同一乡镇，须先办理村划归",
                        first.label(),
                        v.label()
                    ),
                    format!(
                        "{} and {} are in different townships: transfer one first (村划归)",
                        first.label(),
                        v.label()
                    ),
                ));
            }
        }
        Ok(t)
    }
}

/// A lineage edge between villages (the predecessor village is the territory carried).
fn edge(from: UnitId, to: UnitId, share: Option<u32>) -> LineageEdge {
    LineageEdge {
        from,
        to,
        villages: vec![from],
        share,
    }
}
