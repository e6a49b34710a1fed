//! The rows of a 移交清单: sections and checklist lines, ledger categories and items,
//! service points, cadre counts and quotas.

use crate::notice::zh_date;
use quhua_core::attr::Amount;
use quhua_core::date::Date;
use quhua_workflow::handover::{Closed, Money, Tally};
use std::collections::BTreeMap;
/// One checklist line of a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckLine {
    /// The item, in Chinese (from the template).
    pub item: String,
    /// The unit it is for (`name（code）`).
    pub unit: String,
    /// Done.
    pub done: bool,
    /// Who did it.
    pub by: Option<String>,
    /// When.
    pub date: Option<Date>,
    /// Note (seal number, archive list number …).
    pub note: Option<String>,
}

/// One section (one department's work) of the pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionLine {
    /// Section id.
    pub id: String,
    /// Chinese name (from the template).
    pub name: String,
    /// The lead department's Chinese name.
    pub department: String,
    /// Due date.
    pub due: Date,
    /// Closed (销号): who and when.
    pub closed: Option<Closed>,
    /// Checklist lines.
    pub checklist: Vec<CheckLine>,
}

impl SectionLine {
    /// 已销号（who，date） or 进行中.
    pub fn state(&self) -> String {
        match &self.closed {
            Some(c) => format!("已销号（{}，{}）", c.by, zh_date(c.date)),
            None => "进行中".into(),
        }
    }

    /// Checklist lines done.
    pub fn done(&self) -> usize {
        self.checklist.iter().filter(|l| l.done).count()
    }
}

/// A ledger category of the predecessor: count, values and what happened to the items.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CategoryLine {
    /// Category (资产类别; for debts 债务/债权), or 合计.
    pub category: String,
    /// Items.
    pub items: u64,
    /// 原值 (assets only).
    pub original: Option<Money>,
    /// 净值 (for debts and claims the amount).
    pub net: Money,
    /// 移交.
    pub transferred: Tally,
    /// 处置, all routes.
    pub disposed: Tally,
    /// 处置 per route (Chinese route name).
    pub disposed_by_route: BTreeMap<String, Tally>,
    /// 核销.
    pub written_off: Tally,
    /// 未定.
    pub unassigned: Tally,
}

impl CategoryLine {
    /// 处置 per route as text: `市场化处置变现 3 宗；充实办公用房 1 宗`.
    pub fn routes_text(&self, unit: &str) -> String {
        self.disposed_by_route
            .iter()
            .map(|(r, t)| format!("{r} {} {unit}", t.items))
            .collect::<Vec<_>>()
            .join("；")
    }

    pub(crate) fn add(
        &mut self,
        original: Option<Money>,
        net: Money,
        bucket: usize,
        route: Option<String>,
    ) {
        let t = Tally {
            items: 1,
            value: net,
        };
        let plus = |a: &mut Tally| {
            a.items += t.items;
            a.value += t.value;
        };
        self.items += 1;
        if let Some(o) = original {
            *self.original.get_or_insert(Money::ZERO) += o;
        }
        self.net += net;
        match bucket {
            0 => plus(&mut self.transferred),
            1 => {
                plus(&mut self.disposed);
                plus(
                    self.disposed_by_route
                        .entry(route.unwrap_or_default())
                        .or_default(),
                );
            }
            2 => plus(&mut self.written_off),
            _ => plus(&mut self.unassigned),
        }
    }

    fn merge(&mut self, o: &CategoryLine) {
        let plus = |a: &mut Tally, b: &Tally| {
            a.items += b.items;
            a.value += b.value;
        };
        self.items += o.items;
        if let Some(x) = o.original {
            *self.original.get_or_insert(Money::ZERO) += x;
        }
        self.net += o.net;
        plus(&mut self.transferred, &o.transferred);
        plus(&mut self.disposed, &o.disposed);
        for (r, t) in &o.disposed_by_route {
            plus(self.disposed_by_route.entry(r.clone()).or_default(), t);
        }
        plus(&mut self.written_off, &o.written_off);
        plus(&mut self.unassigned, &o.unassigned);
    }

    /// The 合计 line of `lines`.
    pub fn total(lines: &[CategoryLine]) -> CategoryLine {
        let mut t = CategoryLine {
            category: "合计".into(),
            ..Default::default()
        };
        for l in lines {
            t.merge(l);
        }
        t
    }
}

/// One asset item of the predecessor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetLine {
    /// 资产编号.
    pub id: String,
    /// 资产名称.
    pub name: String,
    /// 资产类别.
    pub category: String,
    /// 所属单位代码.
    pub owner: String,
    /// 数量.
    pub quantity: Amount,
    /// 计量单位.
    pub measure_unit: Option<String>,
    /// 原值.
    pub original: Money,
    /// 净值.
    pub net: Money,
    /// 去向 (移交 / 处置：route / 核销：approval / 未定).
    pub destination: String,
}

/// One debt or claim of the predecessor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebtLine {
    /// 编号.
    pub id: String,
    /// 债务 / 债权.
    pub kind: String,
    /// 对方单位.
    pub counterparty: String,
    /// 所属单位代码.
    pub owner: String,
    /// 金额.
    pub amount: Money,
    /// 到期日.
    pub due: Option<String>,
    /// 去向.
    pub destination: String,
}

/// One service point of the predecessor and what becomes of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceLine {
    /// Id.
    pub id: String,
    /// Type (Chinese).
    pub kind: String,
    /// Name.
    pub name: String,
    /// Village code.
    pub village: Option<String>,
    /// At the former seat (驻地).
    pub at_seat: bool,
    /// The outcome's kind: 保留, 更名, 升级, 归并, 撤销 or 未定.
    pub state: &'static str,
    /// Outcome in words (保留, 更名为…, 归并至…, 撤销：…, 未定).
    pub outcome: String,
}

/// Cadre placement of the predecessor's roster, as counts only (no personal data).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CadreCounts {
    /// On the roster.
    pub roster: usize,
    /// Placed, per route (Chinese route name), in template order.
    pub by_route: Vec<(String, usize)>,
    /// Not yet placed.
    pub unplaced: usize,
    /// With at least one talk (谈心谈话).
    pub talked: usize,
}

/// The successor's staffing quota before and after (when computed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotaInfo {
    /// The policy's name.
    pub policy: String,
    /// The predecessor's own quota before, when known.
    pub predecessor: Option<u32>,
    /// The successor's quota before: the plain sum of its predecessors' (简单叠加).
    pub before: u32,
    /// 基本编制.
    pub basic: u32,
    /// 指标测算增加编制.
    pub increase: i64,
    /// 重点保障编制.
    pub priority: u32,
    /// After.
    pub after: u32,
}
