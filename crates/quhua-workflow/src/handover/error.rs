//! The handover's errors, in Chinese and English as data.

use quhua_core::i18n::{Bilingual, Text};

/// Every refusal of the handover. Nothing is changed when one is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} / {}", self.zh(), self.en())]
pub enum HandoverError {
    /// A template or policy file does not parse or is incomplete.
    Template {
        /// Which file (a built-in name or a path given by the caller).
        name: String,
        /// The parser's message.
        message: String,
    },
    /// The plan names no abolished or merged unit.
    NothingToHandOver,
    /// No section with this id.
    UnknownSection(String),
    /// The section is closed: its data can no longer change.
    SectionClosed(String),
    /// No item with this id in the ledger.
    UnknownItem {
        /// 资产 / 债权债务.
        ledger: &'static str,
        /// The item id.
        id: String,
    },
    /// An imported item belongs to no unit of the handover.
    UnknownOwner {
        /// The file or source label.
        file: String,
        /// Spreadsheet row.
        row: usize,
        /// The item id.
        id: String,
        /// The owner code found.
        owner: String,
    },
    /// An item id appears twice in one import.
    DuplicateItem {
        /// The file or source label.
        file: String,
        /// Spreadsheet row of the second occurrence.
        row: usize,
        /// First row.
        first_row: usize,
        /// The id.
        id: String,
    },
    /// A re-import would change an item of a closed section.
    ClosedLedgerChanged {
        /// The file or source label.
        file: String,
        /// The section.
        section: String,
        /// The item that would change (or disappear, or appear).
        id: String,
    },
    /// The disposal route is not in the route list.
    UnknownRoute(String),
    /// The route is for another kind of owner (镇 routes for township assets, 村 routes for village ones).
    RouteNotAllowed {
        /// The route.
        route: String,
        /// The item.
        id: String,
        /// 镇 / 村.
        owner_kind: &'static str,
    },
    /// A transfer to a unit that is not the item's successor.
    WrongSuccessor {
        /// The item.
        id: String,
        /// The unit named.
        to: String,
        /// The successor.
        expected: String,
    },
    /// A write-off (核销) or closure without an approval reference.
    MissingApproval(String),
    /// A section cannot close: something is still open.
    Incomplete {
        /// The section.
        section: String,
        /// What is open (Chinese).
        zh: String,
        /// What is open (English).
        en: String,
    },
    /// No cadre with this id on the roster.
    UnknownCadre(String),
    /// A cadre id twice on the roster.
    DuplicateCadre(String),
    /// The placement route is not in the configured list.
    UnknownPlacementRoute(String),
    /// A unit code that is not part of the handover.
    UnknownUnit(String),
    /// No service point with this id.
    UnknownServicePoint(String),
    /// A checklist item or rules-review entry that is invalid.
    Invalid {
        /// Chinese.
        zh: String,
        /// English.
        en: String,
    },
}

impl Bilingual for HandoverError {
    fn text(&self) -> Text {
        Text::new(self.zh(), self.en())
    }
}

impl HandoverError {
    /// The message in Chinese.
    pub fn zh(&self) -> String {
        use HandoverError::*;
        match self {
            Template { name, message } => format!("模板或政策文件“{name}”有误：{message}"),
            NothingToHandOver => "方案中没有被撤销或合并的乡镇，无需交接".into(),
            UnknownSection(s) => format!("没有交接事项“{s}”"),
            SectionClosed(s) => format!("交接事项“{s}”已办结销号，内容不能再更改"),
            UnknownItem { ledger, id } => format!("{ledger}台账中没有编号为“{id}”的条目"),
            UnknownOwner {
                file,
                row,
                id,
                owner,
            } => format!(
                "{file} 第 {row} 行“所属单位代码”列：条目“{id}”的所属单位 {owner} 不是本次交接涉及的乡镇或其所辖村（居）"
            ),
            DuplicateItem {
                file,
                row,
                first_row,
                id,
            } => format!("{file} 第 {row} 行：编号“{id}”重复（首次出现于第 {first_row} 行）"),
            ClosedLedgerChanged { file, section, id } => format!(
                "{file}：交接事项“{section}”已办结，重新导入会改变条目“{id}”，导入被拒绝，台账未作任何更改"
            ),
            UnknownRoute(r) => format!("处置方式“{r}”不在处置方式清单中"),
            RouteNotAllowed {
                route,
                id,
                owner_kind,
            } => format!("条目“{id}”属于{owner_kind}级，不能采用处置方式“{route}”"),
            WrongSuccessor { id, to, expected } => {
                format!("条目“{id}”只能移交给承接单位 {expected}，不能移交给 {to}")
            }
            MissingApproval(id) => format!("“{id}”的核销或关闭须注明批准文号"),
            Incomplete { section, zh, .. } => format!("交接事项“{section}”尚不能办结：{zh}"),
            UnknownCadre(id) => format!("干部名册中没有“{id}”"),
            DuplicateCadre(id) => format!("干部名册中“{id}”重复"),
            UnknownPlacementRoute(r) => format!("安置方式“{r}”不在安置方式清单中"),
            UnknownUnit(u) => format!("单位“{u}”不在本次交接范围内"),
            UnknownServicePoint(p) => format!("没有服务网点“{p}”"),
            Invalid { zh, .. } => zh.clone(),
        }
    }

    /// The message in English.
    pub fn en(&self) -> String {
        use HandoverError::*;
        match self {
            Template { name, message } => {
                format!("template or policy \"{name}\" is invalid: {message}")
            }
            NothingToHandOver => {
                "the plan abolishes or merges no township; nothing to hand over".into()
            }
            UnknownSection(s) => format!("no handover section \"{s}\""),
            SectionClosed(s) => {
                format!("handover section \"{s}\" is closed; its content can no longer change")
            }
            UnknownItem { ledger, id } => {
                let l = if *ledger == "资产" {
                    "asset"
                } else {
                    "debt/claim"
                };
                format!("no {l} item \"{id}\" in the ledger")
            }
            UnknownOwner {
                file,
                row,
                id,
                owner,
            } => format!(
                "{file} row {row}, column \"所属单位代码\": item \"{id}\" belongs to {owner}, which is neither a township of this handover nor one of its villages"
            ),
            DuplicateItem {
                file,
                row,
                first_row,
                id,
            } => format!("{file} row {row}: duplicate id \"{id}\" (first at row {first_row})"),
            ClosedLedgerChanged { file, section, id } => format!(
                "{file}: section \"{section}\" is closed and the re-import would change item \"{id}\"; import refused, nothing changed"
            ),
            UnknownRoute(r) => format!("disposal route \"{r}\" is not in the route list"),
            RouteNotAllowed {
                route,
                id,
                owner_kind,
            } => {
                let k = if *owner_kind == "镇" {
                    "township"
                } else {
                    "village"
                };
                format!("item \"{id}\" is {k}-owned and cannot take route \"{route}\"")
            }
            WrongSuccessor { id, to, expected } => {
                format!(
                    "item \"{id}\" can only be transferred to its successor {expected}, not to {to}"
                )
            }
            MissingApproval(id) => {
                format!("the write-off or closure of \"{id}\" needs an approval reference")
            }
            Incomplete { section, en, .. } => {
                format!("section \"{section}\" cannot close yet: {en}")
            }
            UnknownCadre(id) => format!("\"{id}\" is not on the roster"),
            DuplicateCadre(id) => format!("\"{id}\" is on the roster twice"),
            UnknownPlacementRoute(r) => format!("placement route \"{r}\" is not in the route list"),
            UnknownUnit(u) => format!("unit \"{u}\" is not part of this handover"),
            UnknownServicePoint(p) => format!("no service point \"{p}\""),
            Invalid { en, .. } => en.clone(),
        }
    }
}

#[cfg(test)]
mod text_tests {
    use super::*;
    use crate::assert_bilingual;

    #[test]
    fn handover_error_text() {
        assert_bilingual(
            &HandoverError::NothingToHandOver,
            "方案中没有被撤销或合并的乡镇，无需交接",
            "the plan abolishes or merges no township; nothing to hand over",
        );
        assert_bilingual(
            &HandoverError::UnknownSection("s1".into()),
            "没有交接事项“s1”",
            "no handover section \"s1\"",
        );
    }
}
