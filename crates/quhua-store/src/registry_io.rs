//! Reading and writing the registry: import (replace), load (genesis + events →
//! `Registry::from_parts`), appending events with their new unit versions and codes, and
//! `units_as_of` by SQL.

use crate::audit::{self, AuditEntry};
use crate::codec::{KindCache, code_text, encode_state, level_no, now_text, text_code, unit_id};
use crate::error::{Result, StoreError};
use crate::import::{ImportId, ImportMeta, ImportRecord};
use crate::tx::{Row, Tx, Val};
use quhua_core::DivisionCode;
use quhua_core::attr::Source;
use quhua_core::codes::{Level, UnitKind};
use quhua_core::date::Date;
use quhua_core::event::{ChangeEvent, EventId, Fact, FactTarget, LineageEdge};
use quhua_core::registry::Registry;
use quhua_core::unit::{UnitId, UnitState};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;

/// Columns of `unit_versions`, in the order used for reads and bulk writes.
const VERSION_COLS: [&str; 13] = [
    "unit_id",
    "version_no",
    "valid_from",
    "valid_to",
    "code",
    "name",
    "level",
    "kind",
    "parent_id",
    "seat",
    "flags",
    "attrs",
    "event_id",
];

fn version_select() -> String {
    VERSION_COLS.join(", ")
}

/// SHA-256 over a canonical serialisation of a registry's stored content: genesis date,
/// sources, the initial list, and every event. Two registries with the same digest rebuild to
/// the same state. Recorded with each import and in its audit row.
pub fn content_digest(reg: &Registry) -> String {
    content_digest_prefix(reg, reg.events().len())
}

/// The digest of the initial list and the first `events` events (what an import of that
/// registry recorded; see [`content_digest`]).
pub(crate) fn content_digest_prefix(reg: &Registry, events: usize) -> String {
    let (prefix, later) = reg.events().split_at(events.min(reg.events().len()));
    // Sources are appended by the events' `AddSource` facts: those of the later events are
    // not part of what the prefix's import recorded.
    let added_later = later
        .iter()
        .flat_map(|e| &e.facts)
        .filter(|f| matches!(f, quhua_core::event::Fact::AddSource { .. }))
        .count();
    let sources = &reg.sources()[..reg.sources().len().saturating_sub(added_later)];
    let mut h = Sha256::new();
    // Writing into a hasher cannot fail.
    let _ = write_canonical(&mut h, reg, sources, prefix);
    hex::encode(h.finalize())
}

fn write_canonical(
    w: &mut impl Write,
    reg: &Registry,
    sources: &[Source],
    events: &[quhua_core::event::ChangeEvent],
) -> std::io::Result<()> {
    writeln!(
        w,
        "quhua-registry-v1\t{}\t{}\t{}",
        reg.genesis_date(),
        reg.genesis().len(),
        events.len()
    )?;
    serde_json::to_writer(&mut *w, sources)?;
    w.write_all(b"\n")?;
    for u in reg.genesis() {
        write!(w, "{}\t{}\t{}\t", u.id.0, u.code.as_u64(), u.name)?;
        serde_json::to_writer(&mut *w, &u.kind)?;
        w.write_all(b"\t")?;
        serde_json::to_writer(&mut *w, &(u.parent, &u.seat, &u.flags))?;
        w.write_all(b"\t")?;
        serde_json::to_writer(&mut *w, &u.attrs)?;
        w.write_all(b"\n")?;
    }
    for e in events {
        serde_json::to_writer(&mut *w, e)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// The registry header row.
pub(crate) struct Meta {
    pub genesis_date: Date,
    pub genesis_count: i64,
    pub sources: Vec<Source>,
    pub import_id: i64,
    pub content_digest: String,
}

pub(crate) fn read_meta(tx: &mut dyn Tx) -> Result<Option<Meta>> {
    let Some(r) = tx.query_opt(
        "SELECT genesis_date, genesis_count, sources, import_id, content_digest FROM registry_meta WHERE id = 1",
        &[],
    )?
    else {
        return Ok(None);
    };
    Ok(Some(Meta {
        genesis_date: r[0].date()?,
        genesis_count: r[1].int()?,
        sources: serde_json::from_str(r[2].str()?)?,
        import_id: r[3].int()?,
        content_digest: r[4].string()?,
    }))
}

/// One stored unit version.
#[derive(Debug, Clone)]
struct Ver {
    vno: i64,
    from: Date,
    to: Option<Date>,
    state: UnitState,
    event: Option<i64>,
    /// Already a row in the database.
    persisted: bool,
    /// Persisted, and changed since read.
    dirty: bool,
    /// Persisted, and its state (not only `valid_to`) changed since read.
    state_dirty: bool,
    /// A genesis row: never changed in place (the initial list is rebuilt from it).
    genesis: bool,
}

fn decode_version(r: &Row, kinds: &mut KindCache) -> Result<(i64, Ver)> {
    let uid = r[0].int()?;
    let kind: UnitKind = kinds.kind(r[7].str()?)?;
    let state = UnitState {
        id: unit_id(uid)?,
        kind,
        name: r[5].string()?,
        code: text_code(r[4].str()?)?,
        parent: r[8].opt_i64()?.map(unit_id).transpose()?,
        seat: r[9].opt_str()?.map(serde_json::from_str).transpose()?,
        flags: crate::codec::bits_flags(r[10].int()?),
        attrs: r[11]
            .opt_str()?
            .map(serde_json::from_str)
            .transpose()?
            .unwrap_or_default(),
    };
    Ok((
        uid,
        Ver {
            vno: r[1].int()?,
            from: r[2].date()?,
            to: r[3].opt_date_val()?,
            state,
            event: r[12].opt_i64()?,
            persisted: true,
            dirty: false,
            state_dirty: false,
            genesis: false,
        },
    ))
}

/// Encodes a version as a row of [`VERSION_COLS`].
fn version_row<'a>(v: &'a Ver, kinds: &mut KindCache) -> Result<Vec<Val<'a>>> {
    let c = encode_state(&v.state, kinds)?;
    Ok(vec![
        Val::Int(i64::from(v.state.id.0)),
        Val::Int(v.vno),
        Val::Date(v.from),
        Val::opt_date(v.to),
        Val::owned(c.code),
        Val::text(&v.state.name),
        Val::Int(c.level),
        Val::owned(c.kind),
        Val::opt_int(c.parent),
        c.seat.map_or(Val::Null, Val::owned),
        Val::Int(c.flags),
        c.attrs.map_or(Val::Null, Val::owned),
        Val::opt_int(v.event),
    ])
}

/// A code's single use.
#[derive(Debug, Clone)]
struct CodeRow {
    unit: i64,
    from: Date,
    to: Option<Date>,
    persisted: bool,
    dirty: bool,
}

/// Applies recorded facts to the stored versions and codes they touch, like
/// The store's side of `Fact::apply_to` (the facts of each event), and writes the result back. A same-day change updates the latest
/// version in place, except a genesis row, which is closed (an empty interval) instead.
struct Applier {
    units: HashMap<i64, Vec<Ver>>,
    codes: HashMap<String, Option<CodeRow>>,
    next_unit: i64,
    genesis_count: i64,
}

fn unit_of(f: &Fact) -> Option<i64> {
    match f {
        Fact::Abolish { unit, .. }
        | Fact::Recode { unit, .. }
        | Fact::Reparent { unit, .. }
        | Fact::Rename { unit, .. }
        | Fact::MoveSeat { unit, .. }
        | Fact::AttrsDelta { unit, .. }
        | Fact::SetAttrs { unit, .. } => Some(i64::from(unit.0)),
        Fact::Establish { .. } | Fact::AddSource { .. } => None,
    }
}

fn codes_of(f: &Fact) -> Vec<String> {
    match f {
        Fact::Abolish { code, .. } => vec![code_text(*code)],
        Fact::Recode { old, new, .. } => vec![code_text(*old), code_text(*new)],
        Fact::Establish { state } => vec![code_text(state.code)],
        _ => Vec::new(),
    }
}

fn in_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// Codes quoted for an IN list (codes are digits only, checked here).
fn code_list(codes: &[String]) -> String {
    codes
        .iter()
        .filter(|c| c.bytes().all(|b| b.is_ascii_digit()))
        .map(|c| format!("'{c}'"))
        .collect::<Vec<_>>()
        .join(",")
}

impl Applier {
    /// Loads the latest version of every existing unit and the use of every code the events touch.
    fn load(
        tx: &mut dyn Tx,
        events: &[ChangeEvent],
        genesis_count: i64,
        kinds: &mut KindCache,
    ) -> Result<Applier> {
        let next_unit = tx.query_int(
            "SELECT COALESCE(MAX(unit_id) + 1, 0) FROM unit_versions",
            &[],
        )?;
        let mut ids: Vec<i64> = events
            .iter()
            .flat_map(|e| e.facts.iter().filter_map(unit_of))
            .filter(|id| *id < next_unit)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mut units: HashMap<i64, Vec<Ver>> = HashMap::with_capacity(ids.len());
        let cols = version_select();
        for chunk in ids.chunks(500) {
            let list = in_list(chunk);
            let sql = format!(
                "SELECT {cols} FROM unit_versions WHERE (unit_id, version_no) IN \
                 (SELECT unit_id, MAX(version_no) FROM unit_versions WHERE unit_id IN ({list}) GROUP BY unit_id)"
            );
            for r in tx.query(&sql, &[])? {
                let (uid, mut v) = decode_version(&r, kinds)?;
                v.genesis = v.vno == 0 && uid < genesis_count;
                units.insert(uid, vec![v]);
            }
        }
        let mut code_ids: Vec<String> = events
            .iter()
            .flat_map(|e| e.facts.iter().flat_map(codes_of))
            .collect();
        code_ids.sort_unstable();
        code_ids.dedup();
        let mut codes: HashMap<String, Option<CodeRow>> =
            code_ids.iter().map(|c| (c.clone(), None)).collect();
        for chunk in code_ids.chunks(500) {
            let sql = format!(
                "SELECT code, unit_id, valid_from, valid_to FROM codes WHERE code IN ({})",
                code_list(chunk)
            );
            for r in tx.query(&sql, &[])? {
                codes.insert(
                    r[0].string()?,
                    Some(CodeRow {
                        unit: r[1].int()?,
                        from: r[2].date()?,
                        to: r[3].opt_date_val()?,
                        persisted: true,
                        dirty: false,
                    }),
                );
            }
        }
        Ok(Applier {
            units,
            codes,
            next_unit,
            genesis_count,
        })
    }

    fn latest(&mut self, unit: i64) -> Result<&mut Ver> {
        self.units
            .get_mut(&unit)
            .and_then(|h| h.last_mut())
            .ok_or_else(|| {
                StoreError::rejected(
                    format!("单位 #{unit} 不存在"),
                    format!("unit #{unit} does not exist"),
                )
            })
    }

    fn retire(&mut self, code: String, date: Date) -> Result<()> {
        match self.codes.get_mut(&code) {
            Some(Some(c)) if c.to.is_none() => {
                c.to = Some(date);
                c.dirty = true;
                Ok(())
            }
            _ => Err(StoreError::rejected(
                format!("代码 {code} 当前未在使用，无法停用"),
                format!("code {code} is not in force and cannot be retired"),
            )),
        }
    }

    fn assign(&mut self, code: String, unit: i64, date: Date) -> Result<()> {
        match self.codes.get(&code) {
            Some(Some(c)) => Err(StoreError::rejected(
                format!("代码 {code} 已被单位 #{} 使用过（废码不用）", c.unit),
                format!(
                    "code {code} was already used by unit #{} (retired codes are never reused)",
                    c.unit
                ),
            )),
            _ => {
                self.codes.insert(
                    code,
                    Some(CodeRow {
                        unit,
                        from: date,
                        to: None,
                        persisted: false,
                        dirty: false,
                    }),
                );
                Ok(())
            }
        }
    }

    fn mutate(
        &mut self,
        unit: i64,
        date: Date,
        event: i64,
        f: impl FnOnce(&mut UnitState),
    ) -> Result<()> {
        let last = self.latest(unit)?;
        if last.from == date && !last.genesis {
            f(&mut last.state);
            last.dirty = last.persisted;
            last.state_dirty = last.persisted;
        } else {
            let mut next = last.state.clone();
            last.to = Some(date);
            last.dirty = last.persisted;
            f(&mut next);
            let vno = last.vno + 1;
            self.units.entry(unit).or_default().push(Ver {
                vno,
                from: date,
                to: None,
                state: next,
                event: Some(event),
                persisted: false,
                dirty: false,
                state_dirty: false,
                genesis: false,
            });
        }
        Ok(())
    }

    /// The latest states of the existing units an event touches (the audit row's "before").
    fn before_states(&self, e: &ChangeEvent) -> Vec<&UnitState> {
        let mut ids: Vec<i64> = e.facts.iter().filter_map(unit_of).collect();
        ids.sort_unstable();
        ids.dedup();
        ids.iter()
            .filter_map(|id| self.units.get(id).and_then(|h| h.last()).map(|v| &v.state))
            .collect()
    }

    /// Writes changed and new versions and codes.
    fn flush(self, tx: &mut dyn Tx, kinds: &mut KindCache) -> Result<u64> {
        let mut ids: Vec<&i64> = self.units.keys().collect();
        ids.sort_unstable();
        let mut new_rows = Vec::new();
        // Closing a version only sets valid_to: done set-wise, grouped by date.
        let mut closes: BTreeMap<Option<Date>, Vec<(i64, i64)>> = BTreeMap::new();
        for id in ids {
            for v in &self.units[id] {
                if v.dirty && !v.state_dirty {
                    closes.entry(v.to).or_default().push((*id, v.vno));
                } else if v.dirty {
                    let c = encode_state(&v.state, kinds)?;
                    tx.exec(
                        "UPDATE unit_versions SET valid_to = $3, code = $4, name = $5, level = $6, kind = $7, \
                         parent_id = $8, seat = $9, flags = $10, attrs = $11 WHERE unit_id = $1 AND version_no = $2",
                        &[
                            Val::Int(*id),
                            Val::Int(v.vno),
                            Val::opt_date(v.to),
                            Val::owned(c.code),
                            Val::text(&v.state.name),
                            Val::Int(c.level),
                            Val::owned(c.kind),
                            Val::opt_int(c.parent),
                            c.seat.map_or(Val::Null, Val::owned),
                            Val::Int(c.flags),
                            c.attrs.map_or(Val::Null, Val::owned),
                        ],
                    )?;
                } else if !v.persisted {
                    new_rows.push(version_row(v, kinds)?);
                }
            }
        }
        for (to, keys) in &closes {
            for chunk in keys.chunks(500) {
                let list: Vec<String> = chunk.iter().map(|(u, v)| format!("({u},{v})")).collect();
                tx.exec(
                    &format!(
                        "UPDATE unit_versions SET valid_to = $1 WHERE (unit_id, version_no) IN (VALUES {})",
                        list.join(",")
                    ),
                    &[Val::opt_date(*to)],
                )?;
            }
        }
        let n = new_rows.len() as u64;
        tx.bulk_insert("unit_versions", &VERSION_COLS, &mut new_rows.into_iter())?;
        let mut codes: Vec<(&String, &CodeRow)> = self
            .codes
            .iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
            .collect();
        codes.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut new_codes = Vec::new();
        let mut retired: BTreeMap<Option<Date>, Vec<String>> = BTreeMap::new();
        for (code, c) in codes {
            if c.dirty {
                retired.entry(c.to).or_default().push(code.clone());
            } else if !c.persisted {
                new_codes.push(vec![
                    Val::text(code),
                    Val::Int(c.unit),
                    Val::Date(c.from),
                    Val::opt_date(c.to),
                ]);
            }
        }
        for (to, list) in &retired {
            for chunk in list.chunks(500) {
                tx.exec(
                    &format!(
                        "UPDATE codes SET valid_to = $1 WHERE code IN ({})",
                        code_list(chunk)
                    ),
                    &[Val::opt_date(*to)],
                )?;
            }
        }
        tx.bulk_insert(
            "codes",
            &["code", "unit_id", "valid_from", "valid_to"],
            &mut new_codes.into_iter(),
        )?;
        Ok(n)
    }
}

/// The writer's state while one event is applied: [`Fact::apply_to`] (core's one definition
/// of what a fact does) drives it.
struct Staged<'a> {
    ap: &'a mut Applier,
    event: i64,
}

impl FactTarget for Staged<'_> {
    type Error = StoreError;

    fn end_unit(&mut self, unit: UnitId, date: Date) -> Result<()> {
        let last = self.ap.latest(i64::from(unit.0))?;
        last.to = Some(date);
        last.dirty = last.persisted;
        Ok(())
    }

    fn retire_code(&mut self, code: DivisionCode, date: Date) -> Result<()> {
        self.ap.retire(code_text(code), date)
    }

    fn assign_code(&mut self, code: DivisionCode, unit: UnitId, date: Date) -> Result<()> {
        self.ap.assign(code_text(code), i64::from(unit.0), date)
    }

    fn establish(&mut self, state: &UnitState, date: Date) -> Result<()> {
        let ap = &mut *self.ap;
        let id = i64::from(state.id.0);
        if id != ap.next_unit {
            return Err(StoreError::rejected(
                format!("新单位编号 #{id} 不连续（应为 #{}）", ap.next_unit),
                format!(
                    "new unit id #{id} out of sequence (expected #{})",
                    ap.next_unit
                ),
            ));
        }
        ap.units.insert(
            id,
            vec![Ver {
                vno: 0,
                from: date,
                to: None,
                state: state.clone(),
                event: Some(self.event),
                persisted: false,
                dirty: false,
                state_dirty: false,
                genesis: id < ap.genesis_count,
            }],
        );
        ap.next_unit += 1;
        Ok(())
    }

    fn change(&mut self, unit: UnitId, date: Date, f: &dyn Fn(&mut UnitState)) -> Result<()> {
        self.ap.mutate(i64::from(unit.0), date, self.event, f)
    }

    /// Sources added by events are rebuilt by replaying the event.
    fn add_source(&mut self, _: &Source) -> Result<()> {
        Ok(())
    }
}

/// The schema version that added `lineage.share` (a village split's share).
const LINEAGE_SHARE_SINCE: i64 = 11;

/// Whether the database has `lineage.share` (a store opened at an older schema, in the
/// upgrade tests, has not).
fn has_lineage_share(tx: &mut dyn Tx) -> Result<bool> {
    Ok(
        tx.query_int("SELECT COALESCE(MAX(version), 0) FROM schema_version", &[])?
            >= LINEAGE_SHARE_SINCE,
    )
}

/// Appends events (validated against the stored registry) with their versions, codes and
/// lineage; one audit row per event when `audit` is set. Runs inside the caller's transaction.
#[allow(clippy::explicit_counter_loop)] // the counter continues the stored sequence
pub(crate) fn record_events(
    tx: &mut dyn Tx,
    events: &[ChangeEvent],
    actor: &str,
    audit: bool,
) -> Result<u64> {
    let meta = read_meta(tx)?.ok_or(StoreError::NoRegistry)?;
    let mut next_event = tx.query_int("SELECT COALESCE(MAX(id) + 1, 0) FROM events", &[])?;
    let mut last_date =
        match tx.query_opt("SELECT date FROM events ORDER BY id DESC LIMIT 1", &[])? {
            Some(r) => r[0].date()?,
            None => meta.genesis_date,
        };
    let mut kinds = KindCache::default();
    let mut ap = Applier::load(tx, events, meta.genesis_count, &mut kinds)?;
    let now = now_text();
    let with_share = has_lineage_share(tx)?;
    let mut lineage_rows: Vec<Vec<Val<'_>>> = Vec::new();
    for e in events {
        let id = i64::from(e.id.0);
        if id != next_event {
            return Err(StoreError::rejected(
                format!("事件编号 {id} 不连续（应为 {next_event}），请先重新读取名录"),
                format!(
                    "event id {id} out of sequence (expected {next_event}); reload the registry first"
                ),
            ));
        }
        if e.date < last_date {
            return Err(StoreError::rejected(
                format!(
                    "生效日期 {} 早于已登记的最近一次变更（{last_date}）",
                    e.date
                ),
                format!(
                    "effective date {} is before the latest recorded change ({last_date})",
                    e.date
                ),
            ));
        }
        let before = if audit {
            Some(serde_json::to_string(&ap.before_states(e))?)
        } else {
            None
        };
        for f in &e.facts {
            f.apply_to(
                &mut Staged {
                    ap: &mut ap,
                    event: id,
                },
                e.date,
            )?;
        }
        tx.exec(
            "INSERT INTO events (id, kind, date, approval_no, request, facts, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                Val::Int(id),
                Val::owned(serde_json::to_value(e.kind)?.as_str().unwrap_or_default().to_string()),
                Val::Date(e.date),
                Val::text(&e.approval_no),
                Val::owned(serde_json::to_string(&e.request)?),
                Val::owned(serde_json::to_string(&e.facts)?),
                Val::text(actor),
                Val::text(&now),
            ],
        )?;
        for (edge_no, l) in e.lineage.iter().enumerate() {
            let row = |pos: usize, village: Option<i64>| {
                let mut r = vec![
                    Val::Int(id),
                    Val::Int(edge_no as i64),
                    Val::Int(pos as i64),
                    Val::Int(i64::from(l.from.0)),
                    Val::Int(i64::from(l.to.0)),
                    Val::opt_int(village),
                ];
                if with_share {
                    r.push(Val::opt_int(l.share.map(i64::from)));
                }
                r
            };
            if l.villages.is_empty() {
                lineage_rows.push(row(0, None));
            }
            for (pos, v) in l.villages.iter().enumerate() {
                lineage_rows.push(row(pos, Some(i64::from(v.0))));
            }
        }
        if audit {
            audit::append(
                tx,
                AuditEntry {
                    actor,
                    action: "record_event",
                    entity: format!("event:{id}"),
                    before,
                    after: Some(serde_json::to_string(e)?),
                },
            )?;
        }
        next_event += 1;
        last_date = e.date;
    }
    let columns: &[&str] = if with_share {
        &[
            "event_id",
            "edge_no",
            "pos",
            "from_unit",
            "to_unit",
            "village",
            "share",
        ]
    } else {
        &[
            "event_id",
            "edge_no",
            "pos",
            "from_unit",
            "to_unit",
            "village",
        ]
    };
    tx.bulk_insert("lineage", columns, &mut lineage_rows.into_iter())?;
    ap.flush(tx, &mut kinds)
}

fn level_key(l: Level) -> &'static str {
    match l {
        Level::Province => "province",
        Level::City => "city",
        Level::County => "county",
        Level::Township => "township",
        Level::Village => "village",
    }
}

/// Replaces the stored registry with `reg` (initial list, then its events), records the import
/// and one audit row. Runs inside the caller's transaction.
pub(crate) fn save_import(
    tx: &mut dyn Tx,
    reg: &Registry,
    meta: &ImportMeta,
    digest: &str,
) -> Result<ImportId> {
    let previous = read_meta(tx)?;
    for t in [
        "lineage",
        "events",
        "codes",
        "unit_versions",
        "registry_meta",
    ] {
        tx.clear(t)?;
    }
    let genesis_date = reg.genesis_date();
    // Bulk rows bind the date as text (valid in COPY and in SQLite).
    let genesis_text = genesis_date.format("%Y-%m-%d").to_string();
    let mut kinds = KindCache::default();
    // Kind texts are prepared first so rows can borrow them.
    let mut kind_texts: HashMap<UnitKind, String> = HashMap::new();
    for u in reg.genesis() {
        if let std::collections::hash_map::Entry::Vacant(e) = kind_texts.entry(u.kind) {
            e.insert(kinds.text(u.kind)?.to_string());
        }
    }
    let mut err: Option<StoreError> = None;
    let mut rows = reg.genesis().iter().map(|u| {
        let seat = u.seat.as_ref().map(serde_json::to_string).transpose();
        let attrs = if u.attrs.is_empty() {
            Ok(None)
        } else {
            serde_json::to_string(&u.attrs).map(Some)
        };
        let (seat, attrs) = match (seat, attrs) {
            (Ok(s), Ok(a)) => (s, a),
            (Err(e), _) | (_, Err(e)) => {
                err.get_or_insert(e.into());
                (None, None)
            }
        };
        vec![
            Val::Int(i64::from(u.id.0)),
            Val::Int(0),
            Val::text(&genesis_text),
            Val::Null,
            Val::owned(code_text(u.code)),
            Val::text(&u.name),
            Val::Int(level_no(u.kind.level())),
            Val::text(
                kind_texts
                    .get(&u.kind)
                    .map(String::as_str)
                    .unwrap_or_default(),
            ),
            Val::opt_int(u.parent.map(|p| i64::from(p.0))),
            seat.map_or(Val::Null, Val::owned),
            Val::Int(crate::codec::flags_bits(&u.flags)),
            attrs.map_or(Val::Null, Val::owned),
            Val::Null,
        ]
    });
    tx.bulk_insert("unit_versions", &VERSION_COLS, &mut rows)?;
    drop(rows);
    if let Some(e) = err {
        return Err(e);
    }
    let mut codes: Vec<(String, i64)> = reg
        .genesis()
        .iter()
        .map(|u| (code_text(u.code), i64::from(u.id.0)))
        .collect();
    codes.sort_unstable();
    tx.bulk_insert(
        "codes",
        &["code", "unit_id", "valid_from", "valid_to"],
        &mut codes.iter().map(|(c, u)| {
            vec![
                Val::text(c),
                Val::Int(*u),
                Val::text(&genesis_text),
                Val::Null,
            ]
        }),
    )?;

    let mut counts: BTreeMap<String, i64> = BTreeMap::new();
    for id in 0..reg.unit_count() {
        if let Some(s) = reg.latest(quhua_core::unit::UnitId(id as u32)) {
            *counts
                .entry(level_key(s.kind.level()).to_string())
                .or_default() += 1;
        }
    }
    let version_count: usize = (0..reg.unit_count())
        .filter_map(|i| reg.history(quhua_core::unit::UnitId(i as u32)))
        .map(<[_]>::len)
        .sum();
    let at = now_text();
    let counts_json = serde_json::to_string(&counts)?;
    let import_id = tx.query_int(
        "INSERT INTO imports (actor, at, source_name, source_sha256, unit_count, version_count, code_count, \
         event_count, counts, content_digest) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
        &[
            Val::text(&meta.actor),
            Val::text(&at),
            Val::text(&meta.source_name),
            Val::text(&meta.source_sha256),
            Val::Int(reg.unit_count() as i64),
            Val::Int(version_count as i64),
            Val::Int(reg.codes().len() as i64),
            Val::Int(reg.events().len() as i64),
            Val::text(&counts_json),
            Val::text(digest),
        ],
    )?;
    tx.exec(
        "INSERT INTO registry_meta (id, genesis_date, genesis_count, sources, import_id, content_digest) \
         VALUES (1, $1, $2, $3, $4, $5)",
        &[
            Val::Date(genesis_date),
            Val::Int(reg.genesis().len() as i64),
            Val::owned(serde_json::to_string(reg.genesis_sources())?),
            Val::Int(import_id),
            Val::text(digest),
        ],
    )?;
    record_events(tx, reg.events(), &meta.actor, false)?;
    let stored_codes = tx.query_int("SELECT COUNT(*) FROM codes", &[])?;
    if stored_codes != reg.codes().len() as i64 {
        return Err(StoreError::Corrupt(format!(
            "code book mismatch after import: stored {stored_codes}, registry {}",
            reg.codes().len()
        )));
    }
    let before = previous.map(|p| {
        serde_json::json!({
            "import_id": p.import_id,
            "content_digest": p.content_digest,
            "genesis_date": p.genesis_date,
            "genesis_count": p.genesis_count,
        })
        .to_string()
    });
    let after = serde_json::json!({
        "import_id": import_id,
        "source_name": meta.source_name,
        "source_sha256": meta.source_sha256,
        "content_digest": digest,
        "genesis_date": genesis_date,
        "unit_count": reg.unit_count(),
        "version_count": version_count,
        "code_count": reg.codes().len(),
        "event_count": reg.events().len(),
        "counts": counts,
    })
    .to_string();
    audit::append(
        tx,
        AuditEntry {
            actor: &meta.actor,
            action: "import",
            entity: "registry".into(),
            before,
            after: Some(after),
        },
    )?;
    Ok(ImportId(import_id))
}

/// Rebuilds the stored registry: initial list + events → `Registry::from_parts`.
pub(crate) fn load(tx: &mut dyn Tx) -> Result<Option<Registry>> {
    let Some(meta) = read_meta(tx)? else {
        return Ok(None);
    };
    let mut kinds = KindCache::default();
    let mut genesis = Vec::with_capacity(usize::try_from(meta.genesis_count).unwrap_or(0));
    let sql = format!(
        "SELECT {} FROM unit_versions WHERE version_no = 0 AND unit_id < $1 ORDER BY unit_id",
        version_select()
    );
    tx.query_each(&sql, &[Val::Int(meta.genesis_count)], &mut |r| {
        genesis.push(decode_version(&r, &mut kinds)?.1.state);
        Ok(())
    })?;
    if genesis.len() as i64 != meta.genesis_count {
        return Err(StoreError::Corrupt(format!(
            "initial list has {} units, header says {}",
            genesis.len(),
            meta.genesis_count
        )));
    }
    let mut lineage: HashMap<i64, Vec<LineageEdge>> = HashMap::new();
    let select = if has_lineage_share(tx)? {
        "SELECT event_id, edge_no, from_unit, to_unit, village, share FROM lineage ORDER BY event_id, edge_no, pos"
    } else {
        "SELECT event_id, edge_no, from_unit, to_unit, village, CAST(NULL AS BIGINT) FROM lineage ORDER BY event_id, edge_no, pos"
    };
    tx.query_each(select, &[], &mut |r| {
        let edges = lineage.entry(r[0].int()?).or_default();
        let edge_no =
            usize::try_from(r[1].int()?).map_err(|_| StoreError::Corrupt("bad edge_no".into()))?;
        if edges.len() <= edge_no {
            edges.push(LineageEdge {
                from: unit_id(r[2].int()?)?,
                to: unit_id(r[3].int()?)?,
                villages: Vec::new(),
                share: r[5]
                    .opt_i64()?
                    .map(|s| {
                        u32::try_from(s)
                            .map_err(|_| StoreError::Corrupt("bad lineage share".into()))
                    })
                    .transpose()?,
            });
        }
        if let (Some(v), Some(edge)) = (r[4].opt_i64()?, edges.last_mut()) {
            edge.villages.push(unit_id(v)?);
        }
        Ok(())
    })?;
    let mut events = Vec::new();
    tx.query_each(
        "SELECT id, kind, date, approval_no, request, facts FROM events ORDER BY id",
        &[],
        &mut |r| {
            let id = r[0].int()?;
            events.push(ChangeEvent {
                id: EventId(
                    u32::try_from(id)
                        .map_err(|_| StoreError::Corrupt(format!("bad event id {id}")))?,
                ),
                kind: serde_json::from_value(serde_json::Value::String(r[1].string()?))?,
                date: r[2].date()?,
                approval_no: r[3].string()?,
                request: serde_json::from_str(r[4].str()?)?,
                facts: serde_json::from_str(r[5].str()?)?,
                lineage: lineage.remove(&id).unwrap_or_default(),
            });
            Ok(())
        },
    )?;
    Ok(Some(Registry::from_parts(
        meta.genesis_date,
        genesis,
        meta.sources,
        events,
    )?))
}

/// The units in force on `date`, straight from `unit_versions` (a cross-check of `Registry::as_of`).
pub(crate) fn units_as_of(tx: &mut dyn Tx, date: Date) -> Result<Vec<UnitState>> {
    let sql = format!(
        "SELECT {} FROM unit_versions WHERE valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1) ORDER BY unit_id",
        version_select()
    );
    let mut kinds = KindCache::default();
    let mut out = Vec::new();
    tx.query_each(&sql, &[Val::Date(date)], &mut |r| {
        out.push(decode_version(&r, &mut kinds)?.1.state);
        Ok(())
    })?;
    Ok(out)
}

/// All imports, oldest first.
pub(crate) fn imports(tx: &mut dyn Tx) -> Result<Vec<ImportRecord>> {
    tx.query(
        "SELECT id, actor, at, source_name, source_sha256, unit_count, version_count, code_count, event_count, \
         counts, content_digest FROM imports ORDER BY id",
        &[],
    )?
    .into_iter()
    .map(|r| {
        Ok(ImportRecord {
            id: ImportId(r[0].int()?),
            actor: r[1].string()?,
            at: r[2].string()?,
            source_name: r[3].string()?,
            source_sha256: r[4].string()?,
            unit_count: r[5].int()?,
            version_count: r[6].int()?,
            code_count: r[7].int()?,
            event_count: r[8].int()?,
            counts: serde_json::from_str(r[9].str()?)?,
            content_digest: r[10].string()?,
        })
    })
    .collect()
}
