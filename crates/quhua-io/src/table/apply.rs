//! Using a survey table: as the initial list of units, or to update attributes.

use super::{SeatRef, SurveyTable, index_rows};
use crate::error::IoError;
use crate::kinds::{township_kind, village_kind};
use crate::nbs::KindStats;
use quhua_codes::{DivisionCode, Level, UnitKind};
use quhua_core::attr::{AttrValue, Attrs, Source};
use quhua_core::event::{AttrUpdate, ChangeRequest};
use quhua_core::registry::{RawUnit, Registry, RegistryBuilder};
use quhua_core::unit::{Seat, UnitId};
use std::collections::HashMap;

/// Builds a [`RegistryBuilder`] from a table that lists the units themselves (e.g. a
/// county's full 摸底表: county row, township rows, village rows). Builder rows follow table
/// rows, so unit ids are table order.
///
/// Parents come from 上级代码 or else the code's prefix; a parent absent from the table is
/// allowed only for rows at the table's top level (they become roots). Kinds come from 类型,
/// else from the name (…镇, …社区居委会) or code range. Seats are resolved to the township's
/// villages by code or name. Attribute values are tagged with `source` (source index 0).
/// Errors name the file, row and column; nothing is returned on error.
pub fn table_to_builder(table: &SurveyTable, source: Source) -> Result<RegistryBuilder, IoError> {
    let Some(name_col) = table.columns.name else {
        return Err(IoError::MissingColumn {
            path: table.path.clone(),
            column: "名称/name".into(),
            found: table.columns.headers.join(", "),
        });
    };
    let index = index_rows(table)?;
    let top = table
        .rows
        .iter()
        .map(|r| r.code.level())
        .min()
        .unwrap_or(Level::Province);
    let code_col = table.columns.code;
    let parent_col = table.columns.parent.unwrap_or(code_col);

    // Parents first: seats need every row's parent.
    let mut parents: Vec<Option<DivisionCode>> = Vec::with_capacity(table.rows.len());
    for r in &table.rows {
        let implied = r.code.parent();
        let p = match r.parent {
            Some(p) => {
                if p.level() >= r.code.level() || !r.code.is_within(p) {
                    return Err(IoError::PrefixMismatch {
                        loc: table.loc(r.row, parent_col),
                        code: r.code,
                        parent: p,
                    });
                }
                Some(p)
            }
            None => implied,
        };
        let p = match p {
            Some(p) if index.contains_key(&p) => Some(p),
            Some(p) if r.code.level() != top => {
                return Err(IoError::UnknownParent {
                    loc: table.loc(r.row, parent_col),
                    parent: p,
                });
            }
            _ => None,
        };
        parents.push(p);
    }

    let mut builder = RegistryBuilder::new();
    let src = builder.source(source);
    let mut stats = KindStats::default();
    for (i, r) in table.rows.iter().enumerate() {
        let name = r.name.as_deref().map(str::trim).unwrap_or("");
        if name.is_empty() {
            return Err(IoError::EmptyName {
                loc: table.loc(r.row, name_col),
            });
        }
        let kind = r.kind.or(match r.code.level() {
            Level::Township => Some(UnitKind::Township(township_kind(r.code, name, &mut stats))),
            Level::Village => Some(UnitKind::Village(village_kind(r.code, name, &mut stats))),
            _ => None,
        });
        let seat = match &r.seat {
            None => None,
            Some(s) => Some(Seat {
                village: Some(resolve_seat(table, &parents, i, s)?),
                point: None,
            }),
        };
        let attrs: Attrs = r
            .attrs
            .iter()
            .map(|(k, v)| {
                (
                    k.clone(),
                    AttrValue {
                        value: *v,
                        source: src,
                    },
                )
            })
            .collect();
        builder.push(RawUnit {
            code: r.code,
            name: name.to_string(),
            kind,
            parent: parents[i],
            seat,
            flags: r.flags,
            attrs,
        });
    }
    Ok(builder)
}

/// Finds the seat village among the children of row `i`.
fn resolve_seat(
    table: &SurveyTable,
    parents: &[Option<DivisionCode>],
    i: usize,
    seat: &SeatRef,
) -> Result<UnitId, IoError> {
    let me = table.rows[i].code;
    let children = || {
        table
            .rows
            .iter()
            .enumerate()
            .filter(move |(j, _)| parents[*j] == Some(me))
    };
    let found = match seat {
        SeatRef::Code(c) => children().find(|(_, r)| r.code == *c).map(|(j, _)| j),
        SeatRef::Name(n) => {
            let n = n.trim();
            children()
                .find(|(_, r)| r.name.as_deref().map(str::trim) == Some(n))
                .map(|(j, _)| j)
                .or_else(|| {
                    let mut m = children().filter(|(_, r)| {
                        r.name.as_deref().is_some_and(|x| x.trim().starts_with(n))
                    });
                    match (m.next(), m.next()) {
                        (Some((j, _)), None) => Some(j),
                        _ => None,
                    }
                })
        }
    };
    found
        .map(|j| UnitId(j as u32))
        .ok_or_else(|| IoError::BadSeat {
            loc: table.loc(
                table.rows[i].row,
                table.columns.seat.unwrap_or(table.columns.code),
            ),
            value: match seat {
                SeatRef::Code(c) => c.to_string(),
                SeatRef::Name(n) => n.clone(),
            },
        })
}

/// What [`apply_table_attrs`] did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AttrUpdateReport {
    /// Units whose attributes were set.
    pub units_updated: usize,
    /// Values set (unit × attribute).
    pub values_set: usize,
    /// Rows with no attribute value (nothing to set).
    pub rows_without_values: usize,
    /// Index of the source in the registry's source list (`None` when nothing was set).
    pub source: Option<u32>,
    /// Advisory messages: names that differ from the registry's, flags/kinds not applied.
    pub warnings: Vec<String>,
}

/// Sets attribute values of existing units, found by code, recorded as one 摸底数据更新
/// event effective on `date` (its source label serves as the document reference).
///
/// All-or-nothing: every row is checked first (known code of a unit in force, no duplicate
/// row); on any error the registry is unchanged. Names differing from the registry's and
/// flag/kind/parent columns (which this does not change) are reported as warnings.
pub fn apply_table_attrs(
    registry: &mut Registry,
    table: &SurveyTable,
    source: Source,
    date: quhua_core::date::Date,
) -> Result<AttrUpdateReport, IoError> {
    index_rows(table)?;
    let mut report = AttrUpdateReport::default();
    let mut updates: Vec<(UnitId, Vec<(String, quhua_core::attr::Amount)>)> = Vec::new();
    for r in &table.rows {
        let id = registry
            .unit_by_code(r.code)
            .ok()
            .filter(|id| registry.current(*id).is_some_and(|s| s.code == r.code))
            .ok_or_else(|| IoError::UnknownUnit {
                loc: table.loc(r.row, table.columns.code),
                code: r.code,
            })?;
        if let (Some(name), Some(state)) = (r.name.as_deref(), registry.current(id))
            && name.trim() != state.name
        {
            report.warnings.push(format!(
                "{} 第 {} 行：名称“{}”与名录中的“{}”（{}）不同，按代码更新 / {} row {}: name \"{}\" differs from \"{}\" ({}) in the registry; updated by code",
                table.path.display(),
                r.row,
                name.trim(),
                state.name,
                r.code,
                table.path.display(),
                r.row,
                name.trim(),
                state.name,
                r.code
            ));
        }
        if r.attrs.is_empty() {
            report.rows_without_values += 1;
        } else {
            updates.push((id, r.attrs.clone()));
        }
    }
    let ignored: Vec<&str> = [
        (table.columns.kind, "类型/kind"),
        (table.columns.parent, "上级代码/parent_code"),
        (table.columns.seat, "驻地/seat"),
    ]
    .into_iter()
    .filter_map(|(c, n)| c.map(|_| n))
    .collect();
    if !ignored.is_empty() {
        report.warnings.push(format!(
            "{}：只更新属性值，未应用以下列：{} / {}: only attribute values are updated; not applied: {}",
            table.path.display(),
            ignored.join("、"),
            table.path.display(),
            ignored.join(", ")
        ));
    }
    if updates.is_empty() {
        return Ok(report);
    }
    // Group by unit so that each unit gets one update, in first-seen order.
    let mut by_unit: HashMap<UnitId, Vec<(String, quhua_core::attr::Amount)>> = HashMap::new();
    let mut order = Vec::new();
    for (id, attrs) in updates {
        let e = by_unit.entry(id).or_insert_with(|| {
            order.push(id);
            Vec::new()
        });
        for (k, v) in attrs {
            match e.iter_mut().find(|(key, _)| *key == k) {
                Some(slot) => slot.1 = v,
                None => e.push((k, v)),
            }
        }
    }
    let updates: Vec<AttrUpdate> = order
        .into_iter()
        .map(|id| AttrUpdate {
            unit: id,
            values: by_unit.remove(&id).unwrap_or_default(),
        })
        .collect();
    report.units_updated = updates.len();
    report.values_set = updates.iter().map(|u| u.values.len()).sum();
    report.source = Some(registry.sources().len() as u32);
    // One recorded event (摸底数据更新) carrying the source: all of it or nothing.
    let label = source.label.clone();
    registry
        .apply(ChangeRequest::UpdateAttrs { source, updates }, date, &label)
        .map_err(|e| IoError::Registry {
            path: table.path.clone(),
            source: e,
        })?;
    Ok(report)
}
