//! Imports into a handover — the 清产核资 ledgers of assets and of debts and claims, the cadre
//! roster, the service points before and the staffing quotas before — read by quhua-io and
//! checked against the handover before anything is stored. A preview returns the same
//! checks and row errors without storing; a committed import is one saved version with its
//! audit row (the file's SHA-256, its rows and the counts).

use super::{load, mutate, require_department, require_sections, sees_personal};
use crate::access::Actor;
use crate::{App, AppError, AppResult};
use quhua_workflow::handover::{
    AssetItem, DebtItem, Handover, ImportReport, Section, SectionKind, ServicePoint,
};
use quhua_workflow::org::Department;
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::Path;

/// What is imported.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    /// 资产明细 (资产编号, 资产名称, 资产类别, 所属单位代码, 数量, 原值, 净值 …).
    Assets,
    /// 债权债务明细 (编号, 类别, 对方单位, 金额, 到期日, 所属单位代码).
    Debts,
    /// 干部名册.
    Cadres,
    /// 服务网点 (调整前).
    Services,
    /// 调整前行政编制 (单位代码, 行政编制).
    Quotas,
}

impl ImportKind {
    /// Parses `assets`, `debts`, `cadres`, `services`, `quotas` (or the Chinese names).
    pub fn parse(s: &str) -> Option<ImportKind> {
        Some(match s.trim() {
            "assets" | "资产" => ImportKind::Assets,
            "debts" | "债权债务" => ImportKind::Debts,
            "cadres" | "干部" => ImportKind::Cadres,
            "services" | "服务网点" => ImportKind::Services,
            "quotas" | "编制" => ImportKind::Quotas,
            _ => return None,
        })
    }

    /// The departments that import it (with the county's office).
    fn departments(self) -> &'static [Department] {
        match self {
            ImportKind::Assets | ImportKind::Debts => &[
                Department::Finance,
                Department::StateAssets,
                Department::Agriculture,
            ],
            ImportKind::Cadres => &[Department::Organisation],
            ImportKind::Services => &[
                Department::GovernmentServices,
                Department::Health,
                Department::Education,
                Department::Postal,
            ],
            ImportKind::Quotas => &[Department::Staffing],
        }
    }

    /// The sections it fills.
    fn sections(self) -> &'static [SectionKind] {
        match self {
            ImportKind::Assets | ImportKind::Debts => {
                &[SectionKind::StateAssets, SectionKind::CollectiveAssets]
            }
            ImportKind::Cadres => &[SectionKind::Cadres],
            ImportKind::Services => &[
                SectionKind::Services,
                SectionKind::Health,
                SectionKind::Education,
            ],
            ImportKind::Quotas => &[SectionKind::Quotas],
        }
    }
}

pub use crate::upload::ImportFile;

/// What an import found (and, when committed, stored).
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct ImportOutcome {
    /// What was imported.
    pub kind: ImportKind,
    /// The file's name.
    pub file: String,
    /// Its SHA-256.
    pub sha256: String,
    /// Rows read.
    pub rows: usize,
    /// Skipped rows and unknown columns (Chinese / English).
    pub warnings: Vec<String>,
    /// The first rows as read (at most 20), for the preview; personal fields only for those
    /// who may see them.
    pub preview: Vec<Vec<String>>,
    /// The preview's column names.
    pub columns: Vec<String>,
    /// For ledgers: items added, removed, changed, unchanged.
    pub report: Option<ImportReport>,
    /// The sections the file covers (a ledger or service-point file replaces their items
    /// only).
    pub sections: Vec<String>,
    /// Whether it was stored (false for a preview).
    pub stored: bool,
    /// The handover's version after (when stored).
    pub version: Option<i64>,
}

/// The rows as read, ready to apply.
enum Read {
    Assets(Vec<quhua_workflow::handover::AssetItem>),
    Debts(Vec<quhua_workflow::handover::DebtItem>),
    Cadres(Vec<quhua_workflow::handover::Cadre>),
    Services(Vec<quhua_workflow::handover::ServicePoint>),
    Quotas(Vec<(String, u32)>),
}

const PREVIEW_ROWS: usize = 20;

/// A file as read: the rows, the warnings, the preview's columns and its first rows.
struct Parsed {
    rows: Read,
    warnings: Vec<String>,
    columns: Vec<String>,
    preview: Vec<Vec<String>>,
}

fn parsed(
    rows: Read,
    warnings: Vec<String>,
    columns: Vec<String>,
    preview: Vec<Vec<String>>,
) -> Parsed {
    Parsed {
        rows,
        warnings,
        columns,
        preview,
    }
}

fn read(kind: ImportKind, path: &Path, personal: bool) -> AppResult<Parsed> {
    let money = |m: quhua_workflow::handover::Money| m.to_string();
    Ok(match kind {
        ImportKind::Assets => {
            let t = quhua_io::ledger::read_assets(path)?;
            let cols = [
                "资产编号",
                "资产名称",
                "资产类别",
                "所属单位代码",
                "数量",
                "原值",
                "净值",
            ];
            let rows = t
                .items
                .iter()
                .take(PREVIEW_ROWS)
                .map(|a| {
                    vec![
                        a.id.clone(),
                        a.name.clone(),
                        a.category.clone(),
                        a.owner.clone(),
                        a.quantity.to_string(),
                        money(a.original_value),
                        money(a.net_value),
                    ]
                })
                .collect();
            parsed(Read::Assets(t.items), t.warnings, strings(&cols), rows)
        }
        ImportKind::Debts => {
            let t = quhua_io::ledger::read_debts(path)?;
            let cols = ["编号", "类别", "对方单位", "金额", "到期日", "所属单位代码"];
            let rows = t
                .items
                .iter()
                .take(PREVIEW_ROWS)
                .map(|d| {
                    vec![
                        d.id.clone(),
                        d.kind.zh().to_string(),
                        d.counterparty.clone(),
                        money(d.amount),
                        d.due.clone().unwrap_or_default(),
                        d.owner.clone(),
                    ]
                })
                .collect();
            parsed(Read::Debts(t.items), t.warnings, strings(&cols), rows)
        }
        ImportKind::Cadres => {
            let t = quhua_io::ledger::read_roster(path)?;
            let cols = ["工号", "所属单位代码", "职务", "领导职务", "姓名"];
            let rows = t
                .cadres
                .iter()
                .take(PREVIEW_ROWS)
                .map(|c| {
                    vec![
                        c.id.clone(),
                        c.unit.clone(),
                        c.post.clone(),
                        if c.leader { "是" } else { "否" }.to_string(),
                        if personal {
                            c.name.clone()
                        } else {
                            "（不显示）".to_string()
                        },
                    ]
                })
                .collect();
            parsed(Read::Cadres(t.cadres), t.warnings, strings(&cols), rows)
        }
        ImportKind::Services => {
            let t = quhua_io::ledger::read_services(path)?;
            let cols = ["编号", "类型", "名称", "所在乡镇代码", "所在村代码"];
            let rows = t
                .points
                .iter()
                .take(PREVIEW_ROWS)
                .map(|p| {
                    vec![
                        p.id.clone(),
                        p.kind.zh().to_string(),
                        p.name.clone(),
                        p.township.clone(),
                        p.village.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            parsed(Read::Services(t.points), t.warnings, strings(&cols), rows)
        }
        ImportKind::Quotas => {
            let t = quhua_io::read_table(path)?;
            let mut out = Vec::new();
            for r in &t.rows {
                let Some((_, v)) = r
                    .attrs
                    .iter()
                    .find(|(k, _)| k == quhua_core::attr::keys::STAFF_QUOTA)
                else {
                    continue;
                };
                let n = v.to_f64();
                if n < 0.0 || n.fract() != 0.0 {
                    return Err(AppError::invalid(
                        format!(
                            "{} 第 {} 行“行政编制”应为非负整数：{n}",
                            t.path.display(),
                            r.row
                        ),
                        format!(
                            "{} row {}, 行政编制: a whole number ≥ 0 expected, found {n}",
                            t.path.display(),
                            r.row
                        ),
                    ));
                }
                out.push((r.code.to_string(), n as u32));
            }
            if out.is_empty() {
                return Err(AppError::invalid(
                    format!("{} 没有“行政编制”列或数据", t.path.display()),
                    format!(
                        "{} has no 行政编制 (staff quota) column or values",
                        t.path.display()
                    ),
                ));
            }
            let rows = out
                .iter()
                .take(PREVIEW_ROWS)
                .map(|(c, q)| vec![c.clone(), q.to_string()])
                .collect();
            parsed(
                Read::Quotas(out),
                t.warnings,
                strings(&["单位代码", "行政编制"]),
                rows,
            )
        }
    })
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn rows_of(r: &Read) -> usize {
    match r {
        Read::Assets(v) => v.len(),
        Read::Debts(v) => v.len(),
        Read::Cadres(v) => v.len(),
        Read::Services(v) => v.len(),
        Read::Quotas(v) => v.len(),
    }
}

/// The sections a ledger item or service point of the file belongs to (its scope).
fn scope_of(h: &Handover, r: &Read) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut add = |s: Option<&Section>| {
        if let Some(s) = s {
            out.insert(s.id.clone());
        }
    };
    match r {
        Read::Assets(v) => v.iter().for_each(|a| add(h.section_of_owner(&a.owner))),
        Read::Debts(v) => v.iter().for_each(|d| add(h.section_of_owner(&d.owner))),
        Read::Services(v) => v.iter().for_each(|p| add(point_section(h, p))),
        Read::Cadres(v) => v.iter().for_each(|c| {
            h.sections_of_cadre_unit(&c.unit)
                .into_iter()
                .for_each(|s| add(Some(s)))
        }),
        Read::Quotas(_) => h
            .sections_of_kind(SectionKind::Quotas)
            .into_iter()
            .for_each(|s| add(Some(s))),
    }
    out
}

fn point_section<'h>(h: &'h Handover, p: &ServicePoint) -> Option<&'h Section> {
    h.sections
        .iter()
        .find(|s| h.pair_of(s).from.code == p.township && s.kind == h.service_section_kind(p.kind))
}

/// Applies what was read. A ledger or service-point file replaces the items of the sections it
/// covers (the townships and villages in it); every other section's items stay as they are, so
/// a department importing its own townships' file touches nothing else.
fn apply(
    h: &mut Handover,
    file: &str,
    r: &Read,
    scope: &BTreeSet<String>,
) -> AppResult<Option<ImportReport>> {
    let outside = |s: Option<&Section>| s.is_none_or(|s| !scope.contains(&s.id));
    Ok(match r {
        Read::Assets(v) => {
            let mut all: Vec<AssetItem> = h
                .assets
                .items()
                .iter()
                .filter(|a| outside(h.section_of_owner(&a.owner)))
                .cloned()
                .collect();
            let kept = all.len();
            all.extend(v.iter().cloned());
            let mut rep = h.import_assets(file, all)?;
            rep.items -= kept;
            rep.unchanged -= kept;
            Some(rep)
        }
        Read::Debts(v) => {
            let mut all: Vec<DebtItem> = h
                .debts
                .items()
                .iter()
                .filter(|d| outside(h.section_of_owner(&d.owner)))
                .cloned()
                .collect();
            let kept = all.len();
            all.extend(v.iter().cloned());
            let mut rep = h.import_debts(file, all)?;
            rep.items -= kept;
            rep.unchanged -= kept;
            Some(rep)
        }
        Read::Cadres(v) => {
            h.set_roster(v.clone())?;
            None
        }
        Read::Services(v) => {
            let mut all: Vec<ServicePoint> = h
                .services
                .points
                .iter()
                .filter(|p| outside(point_section(h, p)))
                .cloned()
                .collect();
            all.extend(v.iter().cloned());
            h.set_service_points(all)?;
            None
        }
        Read::Quotas(v) => {
            h.set_quotas_before(v)?;
            None
        }
    })
}

/// Names the uploaded file, not the temporary copy it was read from, in a message.
/// Reads a file into the handover of a plan: checked in full (file, row and column of any bad
/// cell; unknown units; closed sections; duplicate ids), then — when `commit` — stored as one
/// version with its audit row. Nothing is stored when anything is wrong.
pub fn import(
    app: &App,
    actor: &Actor,
    plan: i64,
    kind: ImportKind,
    file: &ImportFile,
    commit: bool,
) -> AppResult<ImportOutcome> {
    require_department(actor, kind.departments())?;
    let l = load(app, actor, plan)?;
    if !l
        .body
        .sections
        .iter()
        .any(|s| kind.sections().contains(&s.kind))
    {
        return Err(AppError::refused(
            "本次交接没有对应的事项",
            "the handover has no section for this import",
        ));
    }
    let disk = file.on_disk()?;
    let (path, name, bytes) = (&disk.path, disk.name.clone(), &disk.bytes);
    let sha256 = hex::encode(Sha256::digest(bytes));
    let personal = sees_personal(actor);
    let Parsed {
        rows,
        warnings,
        columns,
        preview,
    } = read(kind, path, personal).map_err(|e| disk.located(e))?;
    let scope = scope_of(&l.body, &rows);
    let sections: Vec<&Section> = scope
        .iter()
        .filter_map(|id| l.body.section(id).ok())
        .collect();
    require_sections(actor, &sections)?;
    let mut trial = (*l.body).clone();
    let report = apply(&mut trial, &name, &rows, &scope)?;
    let mut out = ImportOutcome {
        kind,
        file: name.clone(),
        sha256: sha256.clone(),
        rows: rows_of(&rows),
        warnings,
        preview,
        columns,
        report,
        sections: scope.iter().cloned().collect(),
        stored: false,
        version: None,
    };
    if commit {
        let intent = serde_json::json!({
            "op": "import", "kind": kind, "file": name, "sha256": sha256,
            "rows": out.rows, "report": out.report,
        });
        // The checked result is saved as it is when nobody saved in between (no second pass
        // over a large file); otherwise the import is applied again to the newer version.
        let version =
            match app
                .store()
                .update_summarised(plan, l.version, &trial, &intent, &actor.name)
            {
                Ok(v) => {
                    super::remember(app, plan, v, &actor.name, trial);
                    v
                }
                Err(quhua_store::StoreError::Conflict { .. }) => {
                    let (report, saved) = mutate(app, actor, plan, &intent, |h| {
                        let scope = scope_of(h, &rows);
                        apply(h, &name, &rows, &scope)
                    })?;
                    out.report = report;
                    saved.version
                }
                Err(e) => return Err(e.into()),
            };
        out.stored = true;
        out.version = Some(version);
    }
    Ok(out)
}
