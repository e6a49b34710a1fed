//! The 移交清单 as XLSX sheets: 交接概况, 资产明细, 债权债务明细, 服务网点.

use super::{CategoryLine, HandoverList};
use super::{money_cell, xlsx_bytes};
use crate::ReportError;
use crate::notice::zh_date;
use quhua_io::export::{ExportCell, ExportTable};

fn text(s: impl Into<String>) -> ExportCell {
    ExportCell::Text(s.into())
}

fn category_rows(t: &mut ExportTable, label: &str, lines: &[CategoryLine], unit: &str) {
    let total = CategoryLine::total(lines);
    for c in lines.iter().chain(std::iter::once(&total)) {
        let routes = c.routes_text(unit);
        let routes = if routes.is_empty() {
            String::new()
        } else {
            format!("（{routes}）")
        };
        t.push_row(vec![
            text(label),
            text(c.category.clone()),
            text(format!(
                "移交 {} {unit}；处置 {} {unit}{routes}；核销 {} {unit}；未定 {} {unit}",
                c.transferred.items, c.disposed.items, c.written_off.items, c.unassigned.items
            )),
            ExportCell::from(c.items as usize),
            c.original.map_or(ExportCell::Empty, money_cell),
            money_cell(c.net),
            ExportCell::Empty,
            ExportCell::Empty,
        ]);
    }
}

impl HandoverList {
    fn sheet(&self, name: &str, headers: &[&str]) -> ExportTable {
        let mut t = ExportTable::new(headers.iter().copied())
            .with_title(format!("{}——{name}", self.title))
            .with_sheet_name(name);
        if let Some(f) = &self.footnote {
            t = t.with_footnote(f.clone());
        }
        t
    }

    /// The list as four sheets: 交接概况 (basis, sections and checklists, summaries, cadre
    /// counts, quotas, signature rows at the end), 资产明细 and 债权债务明细 (every item, one
    /// row each, no total row), 服务网点.
    pub fn to_tables(&self) -> Vec<ExportTable> {
        let mut s = self.sheet(
            "交接概况",
            &[
                "栏目",
                "事项",
                "说明",
                "数量",
                "原值（元）",
                "净值或金额（元）",
                "经办人",
                "日期",
            ],
        );
        let row4 = |a: &str, b: String, c: String, h: String| {
            vec![
                text(a),
                text(b),
                text(c),
                ExportCell::Empty,
                ExportCell::Empty,
                ExportCell::Empty,
                ExportCell::Empty,
                text(h),
            ]
        };
        s.push_row(row4(
            "交接依据",
            self.plan.clone(),
            self.basis(),
            zh_date(self.approved_on),
        ));
        s.push_row(row4(
            "移交单位",
            self.from.label(),
            self.kind.zh().to_string(),
            String::new(),
        ));
        s.push_row(row4(
            "接收单位",
            self.to.label(),
            String::new(),
            String::new(),
        ));
        s.push_row(row4(
            "编制日期",
            zh_date(self.date),
            String::new(),
            String::new(),
        ));
        for sec in &self.sections {
            s.push_row(vec![
                text("交接事项"),
                text(sec.name.clone()),
                text(format!(
                    "牵头部门：{}；完成时限：{}；{}",
                    sec.department,
                    zh_date(sec.due),
                    sec.state()
                )),
                text(format!("{}/{}", sec.done(), sec.checklist.len())),
                ExportCell::Empty,
                ExportCell::Empty,
                text(
                    sec.closed
                        .as_ref()
                        .map(|c| c.by.clone())
                        .unwrap_or_default(),
                ),
                text(
                    sec.closed
                        .as_ref()
                        .map(|c| zh_date(c.date))
                        .unwrap_or_default(),
                ),
            ]);
            for l in &sec.checklist {
                s.push_row(vec![
                    text("清单项"),
                    text(format!("{}：{}", sec.name, l.item)),
                    text(format!(
                        "{}；{}{}",
                        l.unit,
                        if l.done { "已完成" } else { "未完成" },
                        l.note
                            .as_ref()
                            .map(|n| format!("（{n}）"))
                            .unwrap_or_default()
                    )),
                    ExportCell::Empty,
                    ExportCell::Empty,
                    ExportCell::Empty,
                    text(l.by.clone().unwrap_or_default()),
                    text(l.date.map(zh_date).unwrap_or_default()),
                ]);
            }
        }
        category_rows(&mut s, "资产汇总", &self.asset_categories, "宗");
        category_rows(&mut s, "债权债务汇总", &self.debt_categories, "笔");
        let mut outcomes: std::collections::BTreeMap<&str, usize> = Default::default();
        for p in &self.services {
            *outcomes.entry(p.state).or_default() += 1;
        }
        for (o, n) in outcomes {
            s.push_row(vec![
                text("服务网点"),
                text(format!("{o}（个）")),
                ExportCell::Empty,
                ExportCell::from(n),
            ]);
        }
        let c = &self.cadres;
        s.push_row(vec![
            text("干部安置"),
            text("在册干部"),
            text("仅列人数，不含个人信息"),
            ExportCell::from(c.roster),
        ]);
        for (r, n) in &c.by_route {
            s.push_row(vec![
                text("干部安置"),
                text(format!("其中：{r}")),
                ExportCell::Empty,
                ExportCell::from(*n),
            ]);
        }
        s.push_row(vec![
            text("干部安置"),
            text("尚未安置"),
            ExportCell::Empty,
            ExportCell::from(c.unplaced),
        ]);
        s.push_row(vec![
            text("干部安置"),
            text("已谈心谈话"),
            ExportCell::Empty,
            ExportCell::from(c.talked),
        ]);
        match &self.quotas {
            Some(q) => {
                for (k, v) in [
                    (
                        format!("{}调整前（简单叠加）", self.to.name),
                        q.before as i64,
                    ),
                    ("基本编制".to_string(), q.basic as i64),
                    ("指标测算增加编制".to_string(), q.increase),
                    ("重点保障编制".to_string(), q.priority as i64),
                    (format!("{}调整后", self.to.name), q.after as i64),
                ] {
                    s.push_row(vec![
                        text("机构编制"),
                        text(k),
                        text(q.policy.clone()),
                        ExportCell::from(v),
                    ]);
                }
            }
            None => s.push_row(vec![text("机构编制"), text("调整后编制尚未测算")]),
        }
        for line in self.signatures() {
            s.push_row(vec![text("签字确认"), text(line)]);
        }

        let mut a = self.sheet(
            "资产明细",
            &[
                "资产编号",
                "资产名称",
                "资产类别",
                "所属单位代码",
                "数量",
                "计量单位",
                "原值（元）",
                "净值（元）",
                "去向",
            ],
        );
        for x in &self.assets {
            a.push_row(vec![
                text(x.id.clone()),
                text(x.name.clone()),
                text(x.category.clone()),
                text(x.owner.clone()),
                ExportCell::from(x.quantity),
                ExportCell::from(x.measure_unit.clone()),
                money_cell(x.original),
                money_cell(x.net),
                text(x.destination.clone()),
            ]);
        }

        let mut d = self.sheet(
            "债权债务明细",
            &[
                "编号",
                "类别",
                "对方单位",
                "所属单位代码",
                "金额（元）",
                "到期日",
                "去向",
            ],
        );
        for x in &self.debts {
            d.push_row(vec![
                text(x.id.clone()),
                text(x.kind.clone()),
                text(x.counterparty.clone()),
                text(x.owner.clone()),
                money_cell(x.amount),
                ExportCell::from(x.due.clone()),
                text(x.destination.clone()),
            ]);
        }

        let mut p = self.sheet(
            "服务网点",
            &[
                "网点编号",
                "类型",
                "名称",
                "所在村代码",
                "是否驻地",
                "调整去向",
            ],
        );
        for x in &self.services {
            p.push_row(vec![
                text(x.id.clone()),
                text(x.kind.clone()),
                text(x.name.clone()),
                ExportCell::from(x.village.clone()),
                text(if x.at_seat { "是" } else { "否" }),
                text(x.outcome.clone()),
            ]);
        }
        vec![s, a, d, p]
    }

    /// The list as an XLSX workbook (the sheets of [`HandoverList::to_tables`]).
    pub fn to_xlsx(&self) -> Result<Vec<u8>, ReportError> {
        xlsx_bytes(&self.to_tables())
    }
}
