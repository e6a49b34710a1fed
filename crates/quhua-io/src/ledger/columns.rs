//! The columns of asset and debt ledgers: Chinese headers with English aliases.

use crate::columns::{normalize, split_unit};
use crate::error::{IoError, col_letter};
use std::path::Path;

/// A ledger column: the canonical Chinese header, its aliases, and whether it is required.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Col {
    pub(crate) name: &'static str,
    pub(crate) aliases: &'static [&'static str],
    pub(crate) required: bool,
    /// A money column: its header may carry 元 or 万元.
    pub(crate) money: bool,
}

const fn col(
    name: &'static str,
    aliases: &'static [&'static str],
    required: bool,
    money: bool,
) -> Col {
    Col {
        name,
        aliases,
        required,
        money,
    }
}

/// Asset ledger columns, in a fixed order (indices used by the reader).
pub(crate) const ASSET_COLS: [Col; 11] = [
    col(
        "资产编号",
        &["资产编号", "资产编码", "asset_id", "asset_no", "id"],
        true,
        false,
    ),
    col("资产名称", &["资产名称", "asset_name", "name"], true, false),
    col(
        "资产类别",
        &["资产类别", "资产分类", "category"],
        true,
        false,
    ),
    col(
        "所属单位代码",
        &[
            "所属单位代码",
            "单位代码",
            "owner_code",
            "unit_code",
            "owner",
        ],
        true,
        false,
    ),
    col("数量", &["数量", "quantity", "qty"], true, false),
    col(
        "原值",
        &["原值", "资产原值", "original_value", "cost"],
        true,
        true,
    ),
    col(
        "净值",
        &["净值", "账面净值", "net_value", "book_value"],
        true,
        true,
    ),
    col(
        "计量单位",
        &["计量单位", "measure_unit", "uom"],
        false,
        false,
    ),
    col(
        "取得日期",
        &["取得日期", "acquired", "acquisition_date", "date_acquired"],
        false,
        false,
    ),
    col(
        "存放地点",
        &["存放地点", "坐落位置", "location"],
        false,
        false,
    ),
    col(
        "使用状况",
        &["使用状况", "使用状态", "condition", "status"],
        false,
        false,
    ),
];

/// Debt/claim ledger columns.
pub(crate) const DEBT_COLS: [Col; 6] = [
    col(
        "编号",
        &["编号", "债权债务编号", "id", "debt_id"],
        true,
        false,
    ),
    col(
        "类别",
        &["类别", "债权债务类别", "kind", "type"],
        true,
        false,
    ),
    col(
        "对方单位",
        &["对方单位", "债权人/债务人", "counterparty"],
        true,
        false,
    ),
    col("金额", &["金额", "amount"], true, true),
    col(
        "到期日",
        &["到期日", "到期日期", "due", "due_date"],
        false,
        false,
    ),
    col(
        "所属单位代码",
        &[
            "所属单位代码",
            "单位代码",
            "owner_code",
            "unit_code",
            "owner",
        ],
        true,
        false,
    ),
];

/// Whether a row is the header: it holds the first (id) column.
pub(crate) fn is_header(cells: &[String], cols: &[Col]) -> bool {
    let id = &cols[0];
    cells
        .iter()
        .any(|c| id.aliases.iter().any(|a| normalize(a) == normalize(c)))
}

/// Positions of the columns (by `cols` order) and the scale (分 per unit written) of money columns.
pub(crate) struct Layout {
    pub(crate) pos: Vec<Option<usize>>,
    pub(crate) scale: Vec<i64>,
    pub(crate) headers: Vec<String>,
    pub(crate) unknown: Vec<String>,
}

/// Maps the header row; a missing required column is an error listing the columns found.
pub(crate) fn layout(path: &Path, headers: &[String], cols: &[Col]) -> Result<Layout, IoError> {
    let norm: Vec<String> = headers.iter().map(|h| normalize(h)).collect();
    let mut pos = vec![None; cols.len()];
    let mut scale = vec![100i64; cols.len()];
    let mut taken = vec![false; headers.len()];
    for (k, c) in cols.iter().enumerate() {
        // Aliases in order of preference, first unused column that matches.
        let found = c.aliases.iter().find_map(|a| {
            let a = normalize(a);
            norm.iter()
                .enumerate()
                .position(|(i, n)| !taken[i] && *n == a)
        });
        match found {
            Some(i) => {
                taken[i] = true;
                pos[k] = Some(i);
                if c.money
                    && let (_, Some(unit)) = split_unit(&headers[i])
                {
                    scale[k] = match unit.trim() {
                        "元" | "yuan" | "cny" | "rmb" => 100,
                        "万元" => 1_000_000,
                        other => {
                            return Err(IoError::BadUnit {
                                path: path.to_path_buf(),
                                column: headers[i].clone(),
                                col_letter: col_letter(i),
                                unit: other.to_string(),
                                expected: "元".into(),
                            });
                        }
                    };
                }
            }
            None if c.required => {
                return Err(IoError::MissingColumn {
                    path: path.to_path_buf(),
                    column: format!(
                        "{}（{}）",
                        c.name,
                        c.aliases
                            .iter()
                            .filter(|a| a.is_ascii())
                            .copied()
                            .collect::<Vec<_>>()
                            .join("/")
                    ),
                    found: headers.join(", "),
                });
            }
            None => {}
        }
    }
    let unknown = headers
        .iter()
        .zip(&taken)
        .filter(|(h, t)| !**t && !h.trim().is_empty())
        .map(|(h, _)| h.trim().to_string())
        .collect();
    Ok(Layout {
        pos,
        scale,
        headers: headers.to_vec(),
        unknown,
    })
}

/// Cadre roster columns (personal fields optional).
pub(crate) const ROSTER_COLS: [Col; 10] = [
    col(
        "工号",
        &["工号", "人员编号", "编号", "cadre_id", "id"],
        true,
        false,
    ),
    col("姓名", &["姓名", "name"], true, false),
    col(
        "所在单位代码",
        &[
            "所在单位代码",
            "单位代码",
            "所属单位代码",
            "unit_code",
            "unit",
        ],
        true,
        false,
    ),
    col("职务", &["职务", "现任职务", "post"], true, false),
    col(
        "是否领导职务",
        &["是否领导职务", "领导职务", "leader"],
        false,
        false,
    ),
    col("职级", &["职级", "rank"], false, false),
    col("性别", &["性别", "gender"], false, false),
    col(
        "出生日期",
        &["出生日期", "出生年月", "birth_date"],
        false,
        false,
    ),
    col(
        "身份证号",
        &["身份证号", "公民身份号码", "id_number"],
        false,
        false,
    ),
    col("联系电话", &["联系电话", "电话", "phone"], false, false),
];

/// Service point columns.
pub(crate) const SERVICE_COLS: [Col; 8] = [
    col(
        "网点编号",
        &["网点编号", "编号", "point_id", "id"],
        true,
        false,
    ),
    col(
        "网点类型",
        &["网点类型", "类型", "type", "kind"],
        true,
        false,
    ),
    col("网点名称", &["网点名称", "名称", "name"], true, false),
    col(
        "所属乡镇代码",
        &["所属乡镇代码", "乡镇代码", "township_code", "township"],
        true,
        false,
    ),
    col(
        "所在村代码",
        &["所在村代码", "村代码", "village_code", "village"],
        false,
        false,
    ),
    col("经度", &["经度", "lon", "longitude"], false, false),
    col("纬度", &["纬度", "lat", "latitude"], false, false),
    col("是否驻地", &["是否驻地", "驻地", "at_seat"], false, false),
];

/// Columns of a 12345 hotline (or letters-and-visits) export, in a fixed order.
pub(crate) const HOTLINE_COLS: [Col; 9] = [
    col(
        "工单编号",
        &["工单编号", "工单号", "编号", "ticket", "ticket_no", "id"],
        true,
        false,
    ),
    col(
        "受理时间",
        &[
            "受理时间",
            "来电时间",
            "登记时间",
            "时间",
            "received",
            "received_at",
        ],
        true,
        false,
    ),
    col(
        "诉求内容",
        &["诉求内容", "内容", "来电内容", "content"],
        true,
        false,
    ),
    col(
        "诉求类别",
        &["诉求类别", "类别", "主题", "问题分类", "topic"],
        false,
        false,
    ),
    col(
        "渠道",
        &["渠道", "来源", "来源渠道", "channel"],
        false,
        false,
    ),
    col(
        "区划代码",
        &[
            "区划代码",
            "乡镇代码",
            "所属区划代码",
            "division",
            "division_code",
        ],
        false,
        false,
    ),
    col(
        "涉及单位",
        &["涉及单位", "被反映单位", "unit"],
        false,
        false,
    ),
    col(
        "承办单位",
        &["承办单位", "转办单位", "办理单位", "assigned", "department"],
        false,
        false,
    ),
    col(
        "办理时限",
        &["办理时限", "答复时限", "办结时限", "deadline"],
        false,
        false,
    ),
];
