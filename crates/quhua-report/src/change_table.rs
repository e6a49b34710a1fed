//! 区划代码变更对照表: one row per code change, townships first, then villages.

use quhua_core::Level;
use quhua_core::event::{ChangeEvent, EventType, Fact};
use quhua_core::registry::Registry;
use quhua_core::unit::UnitId;
use quhua_io::export::{ExportCell, ExportTable};

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRow {
    /// Level (乡级/村级).
    pub level: Level,
    /// Old code ("" for a new unit).
    pub old_code: String,
    /// Old name.
    pub old_name: String,
    /// The change, in words.
    pub change: String,
    /// New code ("" for an abolished unit with no successor).
    pub new_code: String,
    /// New name.
    pub new_name: String,
    /// 批准文号.
    pub approval_no: String,
    /// Effective date.
    pub date: String,
}

/// The rows for `events` (recorded in `registry`).
pub fn rows(registry: &Registry, events: &[&ChangeEvent]) -> Vec<ChangeRow> {
    let mut towns = Vec::new();
    let mut villages = Vec::new();
    for e in events {
        let before = registry.as_of(e.date.pred_opt().unwrap_or(e.date));
        let after = registry.as_of(e.date);
        let name_after = |id: UnitId| {
            after
                .get(id)
                .or_else(|| registry.latest(id))
                .map(|u| (u.code.to_string(), u.name.clone()))
                .unwrap_or_default()
        };
        for l in &e.lineage {
            let (Some(from), (to_code, to_name)) = (before.get(l.from), name_after(l.to)) else {
                continue;
            };
            if from.level() == Level::Village {
                if e.kind.is_village_level() {
                    let change = match e.kind {
                        EventType::VillageAbolishMerge => format!("撤销，并入{to_name}"),
                        EventType::VillageMergeEstablish => format!("撤销，合并设立{to_name}"),
                        EventType::VillageToResidents => format!("撤村设居，设立{to_name}"),
                        EventType::VillageSplit => format!("部分区域划归{to_name}（代码不变）"),
                        k => format!("{}，设立{to_name}", k.zh()),
                    };
                    let (new_code, new_name) = if e.kind == EventType::VillageSplit {
                        (from.code.to_string(), from.name.clone())
                    } else {
                        (to_code, to_name)
                    };
                    villages.push(ChangeRow {
                        level: Level::Village,
                        old_code: from.code.to_string(),
                        old_name: from.name.clone(),
                        change,
                        new_code,
                        new_name,
                        approval_no: e.approval_no.clone(),
                        date: e.date.to_string(),
                    });
                }
                continue;
            }
            if from.level() != Level::Township {
                continue;
            }
            let change = match e.kind {
                EventType::AbolishMerge => format!("撤销，并入{to_name}"),
                EventType::MergeEstablish => format!("撤销，合并设立{to_name}"),
                EventType::VillageTransfer => format!("部分村划归{to_name}"),
                k => k.zh().to_string(),
            };
            let (new_code, new_name) = if e.kind == EventType::VillageTransfer {
                (from.code.to_string(), from.name.clone())
            } else {
                (to_code, to_name)
            };
            towns.push(ChangeRow {
                level: Level::Township,
                old_code: from.code.to_string(),
                old_name: from.name.clone(),
                change,
                new_code,
                new_name,
                approval_no: e.approval_no.clone(),
                date: e.date.to_string(),
            });
        }
        for f in &e.facts {
            match f {
                Fact::Rename { unit, from, to } => (if before
                    .get(*unit)
                    .is_some_and(|u| u.level() == Level::Village)
                {
                    &mut villages
                } else {
                    &mut towns
                })
                .push(ChangeRow {
                    level: before.get(*unit).map_or(Level::Township, |u| u.level()),
                    old_code: before
                        .get(*unit)
                        .map(|u| u.code.to_string())
                        .unwrap_or_default(),
                    old_name: from.clone(),
                    change: "更名（代码不变）".into(),
                    new_code: after
                        .get(*unit)
                        .map(|u| u.code.to_string())
                        .unwrap_or_default(),
                    new_name: to.clone(),
                    approval_no: e.approval_no.clone(),
                    date: e.date.to_string(),
                }),
                Fact::MoveSeat { unit, .. } => {
                    if let Some(u) = after.get(*unit) {
                        towns.push(ChangeRow {
                            level: Level::Township,
                            old_code: u.code.to_string(),
                            old_name: u.name.clone(),
                            change: "驻地迁移（代码不变）".into(),
                            new_code: u.code.to_string(),
                            new_name: u.name.clone(),
                            approval_no: e.approval_no.clone(),
                            date: e.date.to_string(),
                        });
                    }
                }
                Fact::Recode { unit, old, new } => {
                    let Some(v) = after.get(*unit).filter(|u| u.level() == Level::Village) else {
                        continue;
                    };
                    let to = v
                        .parent
                        .and_then(|p| after.get(p))
                        .map(|p| p.name.clone())
                        .unwrap_or_default();
                    villages.push(ChangeRow {
                        level: Level::Village,
                        old_code: old.to_string(),
                        old_name: v.name.clone(),
                        change: format!("隶属变更，划归{to}"),
                        new_code: new.to_string(),
                        new_name: v.name.clone(),
                        approval_no: e.approval_no.clone(),
                        date: e.date.to_string(),
                    });
                }
                _ => {}
            }
        }
    }
    towns.extend(villages);
    towns
}

/// The table, ready to write as CSV or XLSX.
pub fn table(title: &str, rows: &[ChangeRow], footnote: Option<&str>) -> ExportTable {
    let mut t = ExportTable::new([
        "序号",
        "级别",
        "原代码",
        "原名称",
        "变更情况",
        "新代码",
        "新名称",
        "批准文号",
        "生效日期",
    ])
    .with_title(title)
    .with_sheet_name("代码变更对照表");
    if let Some(f) = footnote {
        t = t.with_footnote(f);
    }
    for (i, r) in rows.iter().enumerate() {
        t.push_row(vec![
            ExportCell::Number((i + 1) as f64),
            ExportCell::from(r.level.zh()),
            ExportCell::from(r.old_code.clone()),
            ExportCell::from(r.old_name.clone()),
            ExportCell::from(r.change.clone()),
            ExportCell::from(r.new_code.clone()),
            ExportCell::from(r.new_name.clone()),
            ExportCell::from(r.approval_no.clone()),
            ExportCell::from(r.date.clone()),
        ]);
    }
    t
}
