//! The items of the 清产核资 ledgers: assets, and debts and claims.

use super::money::Money;
use quhua_core::attr::Amount;
use serde::{Deserialize, Serialize};

/// What every ledger item offers the ledger.
pub trait LedgerItem: Clone + PartialEq + Serialize {
    /// The ledger's name (Chinese), for messages.
    const LEDGER: &'static str;
    /// The item id (资产编号 / 编号), unique in the ledger.
    fn id(&self) -> &str;
    /// The owning unit's code (所属单位代码): 9 digits for a township, 12 for a village.
    fn owner(&self) -> &str;
    /// The category the conservation is proven by.
    fn category(&self) -> &str;
    /// The book value (净值; for debts and claims the amount).
    fn value(&self) -> Money;
    /// The spreadsheet row it came from (0 when not imported).
    fn row(&self) -> usize;
    /// Whether two items say the same thing (everything but the source row).
    fn same_content(&self, other: &Self) -> bool;
}

/// One asset item (一宗资产).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AssetItem {
    /// 资产编号.
    pub id: String,
    /// 资产名称.
    pub name: String,
    /// 资产类别 (房屋及构筑物, 土地, 车辆, 办公设备 …).
    pub category: String,
    /// 所属单位代码.
    pub owner: String,
    /// 数量.
    pub quantity: Amount,
    /// 原值 (original value).
    pub original_value: Money,
    /// 净值 (net book value).
    pub net_value: Money,
    /// 计量单位.
    #[serde(default)]
    pub measure_unit: Option<String>,
    /// 取得日期 (as written, or ISO date).
    #[serde(default)]
    pub acquired: Option<String>,
    /// 存放地点.
    #[serde(default)]
    pub location: Option<String>,
    /// 使用状况 (在用, 闲置 …).
    #[serde(default)]
    pub condition: Option<String>,
    /// Source row.
    #[serde(default)]
    pub row: usize,
}

impl LedgerItem for AssetItem {
    const LEDGER: &'static str = "资产";
    fn id(&self) -> &str {
        &self.id
    }
    fn owner(&self) -> &str {
        &self.owner
    }
    fn category(&self) -> &str {
        &self.category
    }
    fn value(&self) -> Money {
        self.net_value
    }
    fn row(&self) -> usize {
        self.row
    }
    fn same_content(&self, o: &Self) -> bool {
        AssetItem {
            row: 0,
            ..self.clone()
        } == AssetItem {
            row: 0,
            ..o.clone()
        }
    }
}

/// Debt (债务) or claim (债权).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DebtKind {
    /// 债务: owed by the unit.
    Debt,
    /// 债权: owed to the unit.
    Claim,
}

impl DebtKind {
    /// 债务 / 债权.
    pub fn zh(self) -> &'static str {
        match self {
            DebtKind::Debt => "债务",
            DebtKind::Claim => "债权",
        }
    }
    /// debt / claim.
    pub fn en(self) -> &'static str {
        match self {
            DebtKind::Debt => "debt",
            DebtKind::Claim => "claim",
        }
    }
    /// Parses 债务/债权 or debt/claim (also 应付/应收).
    pub fn parse(s: &str) -> Option<DebtKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "债务" | "debt" | "应付" | "负债" => Some(DebtKind::Debt),
            "债权" | "claim" | "应收" => Some(DebtKind::Claim),
            _ => None,
        }
    }
}

/// One debt or claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DebtItem {
    /// 编号.
    pub id: String,
    /// 类别.
    pub kind: DebtKind,
    /// 对方单位 (counterparty).
    pub counterparty: String,
    /// 金额.
    pub amount: Money,
    /// 到期日 (as written, or ISO date).
    #[serde(default)]
    pub due: Option<String>,
    /// 所属单位代码.
    pub owner: String,
    /// Source row.
    #[serde(default)]
    pub row: usize,
}

impl LedgerItem for DebtItem {
    const LEDGER: &'static str = "债权债务";
    fn id(&self) -> &str {
        &self.id
    }
    fn owner(&self) -> &str {
        &self.owner
    }
    fn category(&self) -> &str {
        self.kind.zh()
    }
    fn value(&self) -> Money {
        self.amount
    }
    fn row(&self) -> usize {
        self.row
    }
    fn same_content(&self, o: &Self) -> bool {
        DebtItem {
            row: 0,
            ..self.clone()
        } == DebtItem {
            row: 0,
            ..o.clone()
        }
    }
}
