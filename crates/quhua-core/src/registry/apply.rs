//! Applying change requests: validate against the current state, resolve into facts
//! (ids, codes, attribute moves, lineage), then commit. A refused request changes nothing.

use super::{Registry, RegistryError};
use crate::attr::{Amount, AttrValue, Attrs};
use crate::date::Date;
use crate::event::{ChangeEvent, ChangeRequest, EventId, EventType, Fact, LineageEdge};
use crate::unit::{Flags, Seat, UnitId, UnitState};
use quhua_codes::{DivisionCode, Level, TownshipKind, UnitKind, VillageKind};
use std::collections::{BTreeSet, HashSet};

/// Facts and lineage being assembled for one event.
pub(super) struct Draft {
    pub(super) facts: Vec<Fact>,
    pub(super) lineage: Vec<LineageEdge>,
    pub(super) pending_codes: BTreeSet<DivisionCode>,
    pub(super) next_id: u32,
}

impl Registry {
    /// Validates `request` against the state in force and records it as an event effective
    /// on `date` under approval `approval_no`. Nothing changes if an error is returned.
    pub fn apply(
        &mut self,
        request: ChangeRequest,
        date: Date,
        approval_no: &str,
    ) -> Result<&ChangeEvent, RegistryError> {
        let last = self
            .events
            .last()
            .map(|e| e.date)
            .unwrap_or(self.genesis_date);
        if date < last {
            return Err(RegistryError::OutOfOrder { date, last });
        }
        if approval_no.trim().is_empty() {
            return Err(RegistryError::MissingApproval);
        }
        let mut d = Draft {
            facts: Vec::new(),
            lineage: Vec::new(),
            pending_codes: BTreeSet::new(),
            next_id: self.histories.len() as u32,
        };
        let kind = self.plan(&request, &mut d)?;
        // Every code the facts assign must be unused: check before touching anything.
        for f in &d.facts {
            let code = match f {
                Fact::Establish { state } => state.code,
                Fact::Recode { new, .. } => *new,
                _ => continue,
            };
            if let Some(u) = self.codes.get(code) {
                return Err(crate::codebook::CodeBookError::Reused {
                    code,
                    holder: u.unit,
                    since: u.valid_from,
                    retired: if u.valid_to.is_some() {
                        "，已停用".into()
                    } else {
                        String::new()
                    },
                    retired_en: if u.valid_to.is_some() {
                        ", retired".into()
                    } else {
                        String::new()
                    },
                }
                .into());
            }
        }
        let snapshot = (self.histories.len(), self.codes.clone());
        for f in &d.facts {
            if let Err(e) = self.commit_fact(f, date) {
                // Unreachable when planning is right; restore what we can and report.
                self.histories.truncate(snapshot.0);
                self.codes = snapshot.1;
                return Err(e);
            }
        }
        self.events.push(ChangeEvent {
            id: EventId(self.events.len() as u32),
            kind,
            date,
            approval_no: approval_no.trim().to_string(),
            request,
            facts: d.facts,
            lineage: d.lineage,
        });
        Ok(self.events.last().expect("just pushed"))
    }

    /// Applies several requests as one: either all are recorded or none.
    pub fn apply_all(
        &mut self,
        requests: Vec<ChangeRequest>,
        date: Date,
        approval_no: &str,
    ) -> Result<Vec<EventId>, RegistryError> {
        let mut work = self.clone();
        let mut ids = Vec::with_capacity(requests.len());
        for r in requests {
            ids.push(work.apply(r, date, approval_no)?.id);
        }
        *self = work;
        Ok(ids)
    }

    fn plan(&self, req: &ChangeRequest, d: &mut Draft) -> Result<EventType, RegistryError> {
        match req {
            ChangeRequest::VillageAbolishMerge { abolished, into } => {
                self.plan_village_abolish_merge(*abolished, *into, d)
            }
            ChangeRequest::VillageMergeEstablish {
                abolished,
                name,
                kind,
                code,
            } => self.plan_village_merge_establish(abolished, name, *kind, *code, d),
            ChangeRequest::VillageConvert {
                village,
                to,
                name,
                code,
            } => self.plan_village_convert(*village, *to, name.as_deref(), *code, d),
            ChangeRequest::VillageSplit {
                village,
                to,
                share,
                key_shares,
            } => self.plan_village_split(*village, to, *share, key_shares, d),
            ChangeRequest::AbolishMerge { abolished, into } => {
                let a = self.township(*abolished)?;
                let b = self.township(*into)?;
                if a.id == b.id {
                    return Err(RegistryError::invalid(
                        "不能将单位并入其自身",
                        "a unit cannot merge into itself",
                    ));
                }
                self.same_county(a, b)?;
                let villages = self.villages_of(a.id);
                self.move_villages(&villages, b, d)?;
                d.facts.push(Fact::AttrsDelta {
                    unit: b.id,
                    delta: a.attrs.clone(),
                });
                d.facts.push(Fact::Abolish {
                    unit: a.id,
                    code: a.code,
                });
                d.lineage.push(LineageEdge {
                    from: a.id,
                    to: b.id,
                    villages,
                    share: None,
                });
                Ok(EventType::AbolishMerge)
            }
            ChangeRequest::MergeEstablish {
                abolished,
                name,
                kind,
                seat,
                code,
            } => {
                if abolished.len() < 2 {
                    return Err(RegistryError::invalid(
                        "合并设立至少需要两个被撤销单位（单个单位请用撤乡设镇等建制变更）",
                        "a merger needs at least two abolished units (use a conversion for one)",
                    ));
                }
                let units = self.distinct_townships(abolished)?;
                for u in &units[1..] {
                    self.same_county(units[0], u)?;
                }
                let county = units[0]
                    .parent
                    .ok_or(RegistryError::UnknownUnit(units[0].id))?;
                self.check_new_name(
                    name,
                    county,
                    &units.iter().map(|u| u.id).collect::<Vec<_>>(),
                )?;
                let mut attrs = Attrs::new();
                let mut flags = Flags::default();
                for u in &units {
                    crate::attr::add_attrs(&mut attrs, &u.attrs);
                    flags.county_seat |= u.flags.county_seat;
                    flags.key_town |= u.flags.key_town;
                    flags.border |= u.flags.border;
                    flags.historic |= u.flags.historic && u.name == *name;
                }
                flags.ethnic = kind.is_ethnic();
                let seat = seat.clone().or_else(|| units[0].seat.clone());
                let new = self.establish(county, name, *kind, seat, flags, attrs, *code, d)?;
                for u in &units {
                    let villages = self.villages_of(u.id);
                    self.move_villages(&villages, &new, d)?;
                    d.facts.push(Fact::Abolish {
                        unit: u.id,
                        code: u.code,
                    });
                    d.lineage.push(LineageEdge {
                        from: u.id,
                        to: new.id,
                        villages,
                        share: None,
                    });
                }
                Ok(EventType::MergeEstablish)
            }
            ChangeRequest::Convert {
                unit,
                to,
                name,
                code,
            } => {
                let u = self.township(*unit)?;
                let from = u.kind.township().unwrap_or(TownshipKind::Similar);
                if from == *to {
                    return Err(RegistryError::invalid(
                        format!("{} 已是{}，无需变更建制", u.label(), to.zh()),
                        format!("{} is already a {}", u.label(), to.en()),
                    ));
                }
                let county = u.parent.ok_or(RegistryError::UnknownUnit(u.id))?;
                let new_name = name.clone().unwrap_or_else(|| {
                    format!("{}{}", crate::unit::name_stem(&u.name), to.suffix())
                });
                self.check_new_name(&new_name, county, &[u.id])?;
                let mut flags = u.flags;
                flags.ethnic = to.is_ethnic();
                flags.historic &= new_name == u.name;
                let new = self.establish(
                    county,
                    &new_name,
                    *to,
                    u.seat.clone(),
                    flags,
                    u.attrs.clone(),
                    *code,
                    d,
                )?;
                let villages = self.villages_of(u.id);
                self.move_villages(&villages, &new, d)?;
                // The seat village stays the seat.
                d.facts.push(Fact::Abolish {
                    unit: u.id,
                    code: u.code,
                });
                d.lineage.push(LineageEdge {
                    from: u.id,
                    to: new.id,
                    villages,
                    share: None,
                });
                Ok(EventType::for_conversion(from, *to))
            }
            ChangeRequest::Rename { unit, name } => {
                let u = self.alive(*unit)?;
                if name.trim().is_empty() || name.trim() == u.name {
                    return Err(RegistryError::invalid(
                        "新名称为空或与原名相同",
                        "the new name is empty or unchanged",
                    ));
                }
                match (u.parent, u.level()) {
                    (Some(p), Level::Village) => {
                        self.check_new_village_name(name.trim(), p, &[u.id])?
                    }
                    (Some(p), _) => self.check_new_name(name.trim(), p, &[u.id])?,
                    (None, _) => {}
                }
                d.facts.push(Fact::Rename {
                    unit: u.id,
                    from: u.name.clone(),
                    to: name.trim().to_string(),
                });
                Ok(EventType::Rename)
            }
            ChangeRequest::SeatMove { unit, seat } => {
                let u = self.township(*unit)?;
                if let Some(v) = seat.village {
                    let vs = self.alive(v)?;
                    if vs.parent != Some(u.id) {
                        return Err(RegistryError::invalid(
                            format!("驻地 {} 不在 {} 辖区内", vs.label(), u.label()),
                            format!("seat {} is not within {}", vs.label(), u.label()),
                        ));
                    }
                }
                d.facts.push(Fact::MoveSeat {
                    unit: u.id,
                    to: Some(seat.clone()),
                });
                Ok(EventType::SeatMove)
            }
            ChangeRequest::VillageTransfer { villages, to } => {
                let dest = self.township(*to)?;
                if villages.is_empty() {
                    return Err(RegistryError::invalid(
                        "未指定划转的村",
                        "no villages to transfer",
                    ));
                }
                let mut seen = HashSet::new();
                let mut by_origin: Vec<(UnitId, Vec<UnitId>)> = Vec::new();
                for &v in villages {
                    let vs = self.village(v)?;
                    if !seen.insert(v) {
                        return Err(RegistryError::invalid(
                            format!("{} 重复列出", vs.label()),
                            format!("{} listed twice", vs.label()),
                        ));
                    }
                    let from = vs.parent.ok_or(RegistryError::UnknownUnit(v))?;
                    if from == dest.id {
                        return Err(RegistryError::invalid(
                            format!("{} 已属于 {}", vs.label(), dest.label()),
                            format!("{} already belongs to {}", vs.label(), dest.label()),
                        ));
                    }
                    let origin = self.alive(from)?;
                    self.same_county(origin, dest)?;
                    if origin.seat.as_ref().and_then(|s| s.village) == Some(v) {
                        return Err(RegistryError::invalid(
                            format!("{} 是 {} 的驻地，须先迁移驻地", vs.label(), origin.label()),
                            format!(
                                "{} is the seat of {}; move the seat first",
                                vs.label(),
                                origin.label()
                            ),
                        ));
                    }
                    match by_origin.iter_mut().find(|(o, _)| *o == from) {
                        Some((_, vs)) => vs.push(v),
                        None => by_origin.push((from, vec![v])),
                    }
                }
                for (origin, moved) in &by_origin {
                    if self.villages_of(*origin).len() == moved.len() {
                        let o = self.alive(*origin)?;
                        return Err(RegistryError::invalid(
                            format!("{} 的全部村将被划出，应改用撤销并入", o.label()),
                            format!(
                                "all villages of {} would leave; abolish and merge it instead",
                                o.label()
                            ),
                        ));
                    }
                    let mut delta_out = Attrs::new();
                    let mut delta_in = Attrs::new();
                    let origin_state = self.alive(*origin)?;
                    for &v in moved {
                        let vs = self.alive(v)?;
                        for (k, val) in &vs.attrs {
                            if origin_state.attrs.contains_key(k) {
                                add_amount(&mut delta_out, k, Amount::ZERO - val.value, val.source);
                                add_amount(&mut delta_in, k, val.value, val.source);
                            }
                        }
                    }
                    self.move_villages(moved, dest, d)?;
                    d.facts.push(Fact::AttrsDelta {
                        unit: *origin,
                        delta: delta_out,
                    });
                    d.facts.push(Fact::AttrsDelta {
                        unit: dest.id,
                        delta: delta_in,
                    });
                    d.lineage.push(LineageEdge {
                        from: *origin,
                        to: dest.id,
                        villages: moved.clone(),
                        share: None,
                    });
                }
                Ok(EventType::VillageTransfer)
            }
            ChangeRequest::UpdateAttrs { source, updates } => {
                if updates.is_empty() {
                    return Err(RegistryError::invalid(
                        "没有要更新的数据",
                        "nothing to update",
                    ));
                }
                let index = self.sources.len() as u32;
                d.facts.push(Fact::AddSource {
                    source: source.clone(),
                });
                for u in updates {
                    self.alive(u.unit)?;
                    let attrs: Attrs = u
                        .values
                        .iter()
                        .map(|(k, v)| {
                            (
                                k.clone(),
                                AttrValue {
                                    value: *v,
                                    source: index,
                                },
                            )
                        })
                        .collect();
                    d.facts.push(Fact::SetAttrs {
                        unit: u.unit,
                        attrs,
                    });
                }
                Ok(EventType::SurveyUpdate)
            }
            ChangeRequest::ChangeSuperior { unit, parent } => {
                let u = self.township(*unit)?;
                let p = self.alive(*parent)?;
                if p.level() != Level::County {
                    return Err(RegistryError::WrongLevel {
                        unit: p.label(),
                        expected: "县级",
                        expected_en: "county",
                    });
                }
                let old_parent = u.parent.ok_or(RegistryError::UnknownUnit(u.id))?;
                if old_parent == p.id {
                    return Err(RegistryError::invalid(
                        "新上级与原上级相同",
                        "the new superior is the current one",
                    ));
                }
                let range = u.kind.township().unwrap_or(TownshipKind::Similar).range();
                let new_code =
                    self.codes
                        .next_township_code_excluding(p.code, range, &d.pending_codes)?;
                d.pending_codes.insert(new_code);
                d.facts.push(Fact::Reparent {
                    unit: u.id,
                    from: old_parent,
                    to: p.id,
                });
                d.facts.push(Fact::Recode {
                    unit: u.id,
                    old: u.code,
                    new: new_code,
                });
                let villages = self.villages_of(u.id);
                let mut moved = u.clone();
                moved.code = new_code;
                self.recode_villages(&villages, &moved, d)?;
                d.lineage.push(LineageEdge {
                    from: old_parent,
                    to: p.id,
                    villages,
                    share: None,
                });
                Ok(EventType::ChangeSuperior)
            }
        }
    }

    /// Resolves and records a new township; returns its state.
    #[allow(clippy::too_many_arguments)]
    fn establish(
        &self,
        county: UnitId,
        name: &str,
        kind: TownshipKind,
        seat: Option<Seat>,
        flags: Flags,
        attrs: Attrs,
        code: Option<DivisionCode>,
        d: &mut Draft,
    ) -> Result<UnitState, RegistryError> {
        let c = self.alive(county)?;
        let code = match code {
            Some(code) => {
                if code.level() != Level::Township || !code.is_within(c.code) {
                    return Err(RegistryError::invalid(
                        format!("指定代码 {} 不是 {} 下的乡级代码", code, c.label()),
                        format!("code {} is not a township code within {}", code, c.label()),
                    ));
                }
                code
            }
            None => {
                self.codes
                    .next_township_code_excluding(c.code, kind.range(), &d.pending_codes)?
            }
        };
        d.pending_codes.insert(code);
        let state = UnitState {
            id: UnitId(d.next_id),
            kind: UnitKind::Township(kind),
            name: name.trim().to_string(),
            code,
            parent: Some(county),
            seat,
            flags,
            attrs,
        };
        d.next_id += 1;
        d.facts.push(Fact::Establish {
            state: Box::new(state.clone()),
        });
        Ok(state)
    }

    /// Reparents villages under `to` and gives each a new code there (隶属变更 of the village).
    fn move_villages(
        &self,
        villages: &[UnitId],
        to: &UnitState,
        d: &mut Draft,
    ) -> Result<(), RegistryError> {
        for &v in villages {
            let vs = self.alive(v)?;
            let from = vs.parent.ok_or(RegistryError::UnknownUnit(v))?;
            d.facts.push(Fact::Reparent {
                unit: v,
                from,
                to: to.id,
            });
        }
        self.recode_villages(villages, to, d)
    }

    fn recode_villages(
        &self,
        villages: &[UnitId],
        to: &UnitState,
        d: &mut Draft,
    ) -> Result<(), RegistryError> {
        for &v in villages {
            let vs = self.alive(v)?;
            let range = match vs.kind {
                UnitKind::Village(k) => k.range(),
                _ => VillageKind::Villagers.range(),
            };
            // Keep the village's number under its new township when it is free there
            // (as 下河乡 201xxx → 下河镇 110xxx); else the next free number in its range.
            let same = DivisionCode::village(to.code, vs.code.village_seq())
                .ok()
                .filter(|c| range.numbers().contains(&c.village_seq()))
                .filter(|c| !self.codes.was_used(*c) && !d.pending_codes.contains(c));
            let new = match same {
                Some(c) => c,
                None => self
                    .codes
                    .next_village_code_excluding(to.code, range, &d.pending_codes)?,
            };
            d.pending_codes.insert(new);
            d.facts.push(Fact::Recode {
                unit: v,
                old: vs.code,
                new,
            });
        }
        Ok(())
    }

    /// The villages currently under a township, in id order.
    pub fn villages_of(&self, township: UnitId) -> Vec<UnitId> {
        self.children_of(township)
            .into_iter()
            .filter(|&c| self.current(c).is_some_and(|s| s.level() == Level::Village))
            .collect()
    }

    /// Current children of a unit, in id order.
    pub fn children_of(&self, parent: UnitId) -> Vec<UnitId> {
        let mut out: Vec<UnitId> = self
            .histories
            .iter()
            .filter_map(|h| h.last())
            .filter(|v| v.valid_to.is_none() && v.state.parent == Some(parent))
            .map(|v| v.state.id)
            .collect();
        out.sort();
        out
    }

    fn alive(&self, id: UnitId) -> Result<&UnitState, RegistryError> {
        self.current(id).ok_or(RegistryError::UnknownUnit(id))
    }

    fn township(&self, id: UnitId) -> Result<&UnitState, RegistryError> {
        let u = self.alive(id)?;
        if u.level() != Level::Township {
            return Err(RegistryError::WrongLevel {
                unit: u.label(),
                expected: "乡级",
                expected_en: "township",
            });
        }
        Ok(u)
    }

    fn village(&self, id: UnitId) -> Result<&UnitState, RegistryError> {
        let u = self.alive(id)?;
        if u.level() != Level::Village {
            return Err(RegistryError::WrongLevel {
                unit: u.label(),
                expected: "村级",
                expected_en: "village",
            });
        }
        Ok(u)
    }

    fn distinct_townships(&self, ids: &[UnitId]) -> Result<Vec<&UnitState>, RegistryError> {
        let mut seen = HashSet::new();
        ids.iter()
            .map(|&id| {
                let u = self.township(id)?;
                if !seen.insert(id) {
                    return Err(RegistryError::invalid(
                        format!("{} 重复列出", u.label()),
                        format!("{} listed twice", u.label()),
                    ));
                }
                Ok(u)
            })
            .collect()
    }

    fn same_county(&self, a: &UnitState, b: &UnitState) -> Result<(), RegistryError> {
        if a.parent != b.parent {
            return Err(RegistryError::CrossCounty {
                a: a.label(),
                b: b.label(),
            });
        }
        Ok(())
    }

    /// A township name must not repeat within its county (the province-wide rule is a scenario finding).
    fn check_new_name(
        &self,
        name: &str,
        county: UnitId,
        leaving: &[UnitId],
    ) -> Result<(), RegistryError> {
        self.check_unique_name(
            name,
            self.children_of(county),
            leaving,
            ("县内已有同名单位", "the county already has a unit named"),
        )
    }

    /// A new name, not empty and not carried by any of `among` except those `leaving`;
    /// `taken` says where the name is taken, in each language.
    pub(super) fn check_unique_name(
        &self,
        name: &str,
        among: Vec<UnitId>,
        leaving: &[UnitId],
        taken: (&str, &str),
    ) -> Result<(), RegistryError> {
        if name.trim().is_empty() {
            return Err(RegistryError::invalid("名称不能为空", "the name is empty"));
        }
        for c in among {
            if leaving.contains(&c) {
                continue;
            }
            if let Some(s) = self.current(c)
                && s.name == name.trim()
            {
                return Err(RegistryError::invalid(
                    format!("{}{}", taken.0, s.label()),
                    format!("{} {}", taken.1, s.label()),
                ));
            }
        }
        Ok(())
    }
}

/// Adds `amount` to `into[key]` (created with `source` when absent).
fn add_amount(into: &mut Attrs, key: &str, amount: Amount, source: u32) {
    into.entry(key.to_string())
        .and_modify(|e| e.value += amount)
        .or_insert(AttrValue {
            value: amount,
            source,
        });
}
