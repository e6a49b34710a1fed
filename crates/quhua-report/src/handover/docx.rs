//! The 移交清单 as DOCX: 二号小标宋 title, 三号仿宋 text, 黑体 headings, 五号仿宋 tables.

use super::{CategoryLine, HandoverList};
use super::{DOCX_ITEM_CAP, yuan};
use crate::ReportError;
use crate::notice::zh_date;
use docx_rs::{
    AlignmentType, Docx, Paragraph, Run, RunFonts, SpecialIndentType, Table, TableCell, TableRow,
};

fn body_font() -> RunFonts {
    RunFonts::new().east_asia("仿宋_GB2312").ascii("FangSong")
}

fn para(text: &str) -> Paragraph {
    Paragraph::new()
        .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
        .line_spacing(docx_rs::LineSpacing::new().line(560))
        .add_run(Run::new().add_text(text).size(32).fonts(body_font()))
}

fn heading(text: &str) -> Paragraph {
    Paragraph::new().add_run(
        Run::new()
            .add_text(text)
            .size(32)
            .fonts(RunFonts::new().east_asia("黑体").ascii("SimHei")),
    )
}

fn cell(text: &str, bold: bool) -> TableCell {
    let mut run = Run::new().add_text(text).size(21).fonts(body_font());
    if bold {
        run = run.bold();
    }
    TableCell::new().add_paragraph(Paragraph::new().add_run(run))
}

fn table(headers: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Table {
    let mut t = Table::new(vec![TableRow::new(
        headers.iter().map(|h| cell(h, true)).collect(),
    )]);
    for r in rows {
        t = t.add_row(TableRow::new(r.iter().map(|c| cell(c, false)).collect()));
    }
    t
}

fn category_rows(lines: &[CategoryLine], unit: &str, assets: bool) -> Vec<Vec<String>> {
    let total = CategoryLine::total(lines);
    lines
        .iter()
        .chain(std::iter::once(&total))
        .map(|c| {
            let mut r = vec![c.category.clone(), c.items.to_string()];
            if assets {
                r.push(c.original.map(yuan).unwrap_or_default());
            }
            r.push(yuan(c.net));
            r.push(format!(
                "{} {unit}／{}",
                c.transferred.items,
                yuan(c.transferred.value)
            ));
            let routes = c.routes_text(unit);
            r.push(if routes.is_empty() {
                format!("{} {unit}", c.disposed.items)
            } else {
                format!("{} {unit}（{routes}）", c.disposed.items)
            });
            r.push(format!(
                "{} {unit}／{}",
                c.written_off.items,
                yuan(c.written_off.value)
            ));
            r.push(format!(
                "{} {unit}／{}",
                c.unassigned.items,
                yuan(c.unassigned.value)
            ));
            r
        })
        .collect()
}

impl HandoverList {
    /// The list as a DOCX file. The item tables print at most [`DOCX_ITEM_CAP`] items each,
    /// with a line saying the full list is in the XLSX.
    pub fn to_docx(&self) -> Result<Vec<u8>, ReportError> {
        let title_font = RunFonts::new().east_asia("方正小标宋简体").ascii("SimSun");
        let mut doc = Docx::new().add_paragraph(
            Paragraph::new().align(AlignmentType::Center).add_run(
                Run::new()
                    .add_text(&self.title)
                    .size(44)
                    .bold()
                    .fonts(title_font),
            ),
        );
        doc = doc
            .add_paragraph(Paragraph::new())
            .add_paragraph(para(&self.basis()))
            .add_paragraph(para(&format!(
                "移交单位：{}；接收单位：{}；编制日期：{}。",
                self.from.label(),
                self.to.label(),
                zh_date(self.date)
            )));

        doc = doc.add_paragraph(heading("一、交接事项"));
        doc = doc.add_table(table(
            &["交接事项", "牵头部门", "完成时限", "清单完成", "状态"],
            self.sections.iter().map(|s| {
                vec![
                    s.name.clone(),
                    s.department.clone(),
                    zh_date(s.due),
                    format!("{}/{}", s.done(), s.checklist.len()),
                    s.state(),
                ]
            }),
        ));
        doc = doc.add_paragraph(heading("二、交接清单项"));
        doc = doc.add_table(table(
            &[
                "交接事项",
                "清单项",
                "单位",
                "完成情况",
                "经办人",
                "完成日期",
            ],
            self.sections.iter().flat_map(|s| {
                s.checklist.iter().map(|l| {
                    vec![
                        s.name.clone(),
                        l.item.clone(),
                        l.unit.clone(),
                        if l.done { "已完成" } else { "未完成" }.to_string(),
                        l.by.clone().unwrap_or_default(),
                        l.date.map(zh_date).unwrap_or_default(),
                    ]
                })
            }),
        ));

        doc = doc.add_paragraph(heading("三、资产汇总（金额单位：元）"));
        doc = doc.add_table(table(
            &[
                "资产类别",
                "数量（宗）",
                "原值（元）",
                "净值（元）",
                "移交（宗／净值）",
                "处置（宗，按方式）",
                "核销（宗／净值）",
                "未定（宗／净值）",
            ],
            category_rows(&self.asset_categories, "宗", true),
        ));
        doc = doc.add_paragraph(heading("四、资产明细"));
        doc = doc.add_table(table(
            &[
                "资产编号",
                "资产名称",
                "资产类别",
                "所属单位代码",
                "数量",
                "原值（元）",
                "净值（元）",
                "去向",
            ],
            self.assets.iter().take(DOCX_ITEM_CAP).map(|a| {
                vec![
                    a.id.clone(),
                    a.name.clone(),
                    a.category.clone(),
                    a.owner.clone(),
                    format!("{}{}", a.quantity, a.measure_unit.as_deref().unwrap_or("")),
                    yuan(a.original),
                    yuan(a.net),
                    a.destination.clone(),
                ]
            }),
        ));
        if self.assets.len() > DOCX_ITEM_CAP {
            doc = doc.add_paragraph(para(&format!(
                "资产共 {} 宗，此处列出前 {DOCX_ITEM_CAP} 宗，完整明细见同名 XLSX 文件“资产明细”表。",
                self.assets.len()
            )));
        }

        doc = doc.add_paragraph(heading("五、债权债务汇总（金额单位：元）"));
        doc = doc.add_table(table(
            &[
                "类别",
                "笔数",
                "金额（元）",
                "移交（笔／金额）",
                "处置（笔，按方式）",
                "核销（笔／金额）",
                "未定（笔／金额）",
            ],
            category_rows(&self.debt_categories, "笔", false),
        ));
        doc = doc.add_paragraph(heading("六、债权债务明细"));
        doc = doc.add_table(table(
            &[
                "编号",
                "类别",
                "对方单位",
                "所属单位代码",
                "金额（元）",
                "到期日",
                "去向",
            ],
            self.debts.iter().take(DOCX_ITEM_CAP).map(|d| {
                vec![
                    d.id.clone(),
                    d.kind.clone(),
                    d.counterparty.clone(),
                    d.owner.clone(),
                    yuan(d.amount),
                    d.due.clone().unwrap_or_default(),
                    d.destination.clone(),
                ]
            }),
        ));
        if self.debts.len() > DOCX_ITEM_CAP {
            doc = doc.add_paragraph(para(&format!(
                "债权债务共 {} 笔，此处列出前 {DOCX_ITEM_CAP} 笔，完整明细见同名 XLSX 文件“债权债务明细”表。",
                self.debts.len()
            )));
        }

        doc = doc.add_paragraph(heading("七、服务网点"));
        doc = doc.add_table(table(
            &[
                "网点编号",
                "类型",
                "名称",
                "所在村代码",
                "是否驻地",
                "调整去向",
            ],
            self.services.iter().map(|s| {
                vec![
                    s.id.clone(),
                    s.kind.clone(),
                    s.name.clone(),
                    s.village.clone().unwrap_or_default(),
                    if s.at_seat { "是" } else { "否" }.to_string(),
                    s.outcome.clone(),
                ]
            }),
        ));

        doc = doc.add_paragraph(heading("八、干部安置（仅列人数，不含个人信息）"));
        let c = &self.cadres;
        let mut rows: Vec<Vec<String>> = vec![vec!["在册干部".into(), c.roster.to_string()]];
        rows.extend(
            c.by_route
                .iter()
                .map(|(r, n)| vec![format!("其中：{r}"), n.to_string()]),
        );
        rows.push(vec!["尚未安置".into(), c.unplaced.to_string()]);
        rows.push(vec!["已谈心谈话".into(), c.talked.to_string()]);
        doc = doc.add_table(table(&["安置方式", "人数"], rows));

        doc = doc.add_paragraph(heading("九、机构编制"));
        let q = match &self.quotas {
            Some(q) => format!(
                "按《{}》测算，{}调整前编制（各原乡镇简单叠加）{} 名{}，调整后核定 {} 名（基本编制 {} 名，指标测算增加 {} 名，重点保障 {} 名）。",
                q.policy,
                self.to.name,
                q.before,
                q.predecessor
                    .map(|p| format!("（其中{} {p} 名）", self.from.name))
                    .unwrap_or_default(),
                q.after,
                q.basic,
                q.increase,
                q.priority
            ),
            None => "调整后编制尚未测算。".into(),
        };
        doc = doc.add_paragraph(para(&q));

        doc = doc
            .add_paragraph(heading("十、签字确认"))
            .add_paragraph(Paragraph::new());
        for line in self.signatures() {
            doc = doc
                .add_paragraph(para(line))
                .add_paragraph(Paragraph::new());
        }
        if let Some(n) = &self.footnote {
            doc = doc.add_paragraph(para(n));
        }
        let mut buf = std::io::Cursor::new(Vec::new());
        doc.build()
            .pack(&mut buf)
            .map_err(|e| ReportError::Docx(e.to_string()))?;
        Ok(buf.into_inner())
    }
}
