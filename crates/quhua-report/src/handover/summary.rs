//! The county's 交接工作汇总表: one row per handover pair and a 合计 row.

use super::list::outcome_state;
use super::{money_cell, owned_by};
use quhua_core::date::Date;
use quhua_io::export::{ExportCell, ExportTable};
use quhua_workflow::handover::{Handover, Money, Tally};

/// The columns of [`summary_table`], in order.
pub const SUMMARY_HEADERS: [&str; 38] = [
    "序号",
    "原乡镇",
    "原乡镇代码",
    "并入/接收单位",
    "接收单位代码",
    "方式",
    "已销号事项",
    "交接事项总数",
    "逾期事项",
    "资产（宗）",
    "资产净值（元）",
    "移交资产（宗）",
    "移交资产净值（元）",
    "处置资产（宗）",
    "处置资产净值（元）",
    "核销资产（宗）",
    "核销资产净值（元）",
    "未定资产（宗）",
    "未定资产净值（元）",
    "债权债务（笔）",
    "债权债务金额（元）",
    "移交债权债务（笔）",
    "移交债权债务金额（元）",
    "处置债权债务（笔）",
    "处置债权债务金额（元）",
    "核销债权债务（笔）",
    "核销债权债务金额（元）",
    "未定债权债务（笔）",
    "未定债权债务金额（元）",
    "在册干部（人）",
    "已安置干部（人）",
    "已谈心谈话（人）",
    "谈话覆盖率（%）",
    "服务网点（个）",
    "保留网点（含更名、升级）",
    "归并网点",
    "撤销网点",
    "未定网点",
];

/// Per-pair (or total) counts of the summary; every field adds up.
#[derive(Debug, Clone, Copy, Default)]
struct Counts {
    closed: u64,
    sections: u64,
    overdue: u64,
    assets: [Tally; 5],
    debts: [Tally; 5],
    roster: u64,
    placed: u64,
    talked: u64,
    services: [u64; 5],
}

fn add(a: &mut Tally, b: Tally) {
    a.items += b.items;
    a.value += b.value;
}

impl Counts {
    fn plus(&mut self, o: &Counts) {
        self.closed += o.closed;
        self.sections += o.sections;
        self.overdue += o.overdue;
        for k in 0..5 {
            add(&mut self.assets[k], o.assets[k]);
            add(&mut self.debts[k], o.debts[k]);
            self.services[k] += o.services[k];
        }
        self.roster += o.roster;
        self.placed += o.placed;
        self.talked += o.talked;
    }

    fn cells(&self) -> Vec<ExportCell> {
        let n = |v: u64| ExportCell::Number(v as f64);
        let mut out = vec![n(self.closed), n(self.sections), n(self.overdue)];
        for ledger in [&self.assets, &self.debts] {
            for t in ledger {
                out.push(n(t.items));
                out.push(money_cell(t.value));
            }
        }
        out.push(n(self.roster));
        out.push(n(self.placed));
        out.push(n(self.talked));
        out.push(ExportCell::Number(if self.roster == 0 {
            100.0
        } else {
            (self.talked as f64 * 1000.0 / self.roster as f64).round() / 10.0
        }));
        out.extend(self.services.iter().map(|&v| n(v)));
        out
    }
}

/// Ledger tallies of the items owned by `town` (and its villages): total, then transferred,
/// disposed, written off, unassigned.
fn ledger_counts<'a>(
    groups: impl Iterator<Item = (&'a str, &'a str, Tally, [Tally; 4])>,
    town: &str,
) -> [Tally; 5] {
    let mut out = [Tally {
        items: 0,
        value: Money::ZERO,
    }; 5];
    for (owner, _, before, b) in groups {
        if owned_by(owner, town) {
            add(&mut out[0], before);
            for k in 0..4 {
                add(&mut out[k + 1], b[k]);
            }
        }
    }
    out
}

/// The county's 交接工作汇总表 as of `today`: one row per pair (原乡镇, 接收单位, 方式, sections
/// closed/total and overdue, the predecessor's assets and debts with count and value per
/// disposition, cadres placed and talked to, service points kept/merged/closed/pending),
/// then a 合计 row that adds up every column (the talk coverage of the total is the total's
/// own ratio).
pub fn summary_table(h: &Handover, today: Date, footnote: Option<&str>) -> ExportTable {
    let status = h.status(today);
    let mut t = ExportTable::new(SUMMARY_HEADERS)
        .with_title(format!(
            "{}乡镇行政区划调整交接工作汇总表（截至{}）",
            h.plan,
            crate::notice::zh_date(today)
        ))
        .with_sheet_name("交接工作汇总表");
    if let Some(f) = footnote {
        t = t.with_footnote(f);
    }
    let mut total = Counts::default();
    for (i, p) in h.pairs.pairs.iter().enumerate() {
        let from = p.from.code.as_str();
        let mut c = Counts::default();
        for (s, st) in h.sections.iter().zip(&status.sections) {
            if s.pair == i {
                c.sections += 1;
                c.closed += u64::from(st.closed);
                c.overdue += u64::from(st.overdue);
            }
        }
        c.assets = ledger_counts(h.assets.group_tallies(), from);
        c.debts = ledger_counts(h.debts.group_tallies(), from);
        for cadre in h.cadres.roster.iter().filter(|x| x.unit == from) {
            c.roster += 1;
            c.placed += u64::from(h.cadres.placements.contains_key(&cadre.id));
            c.talked += u64::from(h.cadres.talks.iter().any(|x| x.cadre == cadre.id));
        }
        for sp in h.services.points.iter().filter(|x| x.township == from) {
            c.services[0] += 1;
            let k = match outcome_state(h.services.outcome(&sp.id)) {
                "保留" | "更名" | "升级" => 1,
                "归并" => 2,
                "撤销" => 3,
                _ => 4,
            };
            c.services[k] += 1;
        }
        total.plus(&c);
        let mut row = vec![
            ExportCell::Number((i + 1) as f64),
            ExportCell::from(p.from.name.clone()),
            ExportCell::from(p.from.code.clone()),
            ExportCell::from(p.to.name.clone()),
            ExportCell::from(p.to.code.clone()),
            ExportCell::from(p.kind.zh()),
        ];
        row.extend(c.cells());
        t.push_row(row);
    }
    let mut row = vec![
        ExportCell::from("合计"),
        ExportCell::from(format!("{} 个", h.pairs.pairs.len())),
        ExportCell::Empty,
        ExportCell::Empty,
        ExportCell::Empty,
        ExportCell::Empty,
    ];
    row.extend(total.cells());
    t.push_row(row);
    t
}
