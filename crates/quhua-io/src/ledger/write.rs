//! Ledgers as export tables (CSV/XLSX), in the column layout the readers accept.

use crate::export::{ExportCell, ExportTable};
use quhua_workflow::handover::{AssetItem, DebtItem};

fn opt(s: &Option<String>) -> ExportCell {
    s.as_deref().map_or(ExportCell::Empty, ExportCell::from)
}

/// An asset ledger as a table (money in 元; as numbers when `numbers`, else exact text).
/// `footnote` (e.g. "示意数据 synthetic") is written under the rows.
pub fn asset_table(items: &[AssetItem], numbers: bool, footnote: Option<&str>) -> ExportTable {
    let mut t = ExportTable::new([
        "资产编号",
        "资产名称",
        "资产类别",
        "所属单位代码",
        "数量",
        "原值（元）",
        "净值（元）",
        "计量单位",
        "取得日期",
        "存放地点",
        "使用状况",
    ]);
    let money = |m: quhua_workflow::handover::Money| {
        if numbers {
            ExportCell::Number(m.yuan_f64())
        } else {
            ExportCell::Text(m.to_string())
        }
    };
    for a in items {
        t.push_row(vec![
            a.id.as_str().into(),
            a.name.as_str().into(),
            a.category.as_str().into(),
            a.owner.as_str().into(),
            if numbers {
                ExportCell::Number(a.quantity.to_f64())
            } else {
                ExportCell::Text(a.quantity.to_string())
            },
            money(a.original_value),
            money(a.net_value),
            opt(&a.measure_unit),
            opt(&a.acquired),
            opt(&a.location),
            opt(&a.condition),
        ]);
    }
    match footnote {
        Some(f) => t.with_footnote(f),
        None => t,
    }
}

/// A debt/claim ledger as a table (amounts in 元 as exact text).
pub fn debt_table(items: &[DebtItem], footnote: Option<&str>) -> ExportTable {
    let mut t = ExportTable::new([
        "编号",
        "类别",
        "对方单位",
        "金额（元）",
        "到期日",
        "所属单位代码",
    ]);
    for d in items {
        t.push_row(vec![
            d.id.as_str().into(),
            d.kind.zh().into(),
            d.counterparty.as_str().into(),
            ExportCell::Text(d.amount.to_string()),
            opt(&d.due),
            d.owner.as_str().into(),
        ]);
    }
    match footnote {
        Some(f) => t.with_footnote(f),
        None => t,
    }
}
