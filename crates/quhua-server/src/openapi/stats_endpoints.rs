//! The contract of the 评估 and statistics routes.

use super::{Access, Content, Endpoint, OUTSIDE, Param, schema};
use crate::api::stats;
use quhua_app::stats::{EvaluationView, ObservationOutcome, ObservationsView};

use Access::{Read, Write};
use Content::{Download, File, Json};

/// The statistics routes.
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        Endpoint {
            method: "GET",
            path: "/api/counties/{code}/evaluation",
            summary: "调整前后评估：两个日期之间的乡级单位数、镇街占比、人口与面积（对照全国平均）、村到驻地距离、统计数据按后一日期口径的年度序列 / before/after evaluation between two dates: counts by kind, town share, population and area against the national averages, village-to-seat distances, stored statistics as yearly series on the later boundaries",
            access: Read,
            params: &[
                Param::County,
                Param::Query(schema::<stats::EvaluationQuery>),
            ],
            body: None,
            responses: &[
                (
                    200,
                    "评估 / the evaluation",
                    Some(Json(schema::<EvaluationView>)),
                ),
                (400, "日期无效 / a bad date", None),
                OUTSIDE,
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/plans/{id}/evaluation",
            summary: "报批方案的调整前后评估（未实施时按方案模拟），含交接的编制与服务网点 / a plan's before and after (simulated before it is applied), with its handover's quotas and service points",
            access: Read,
            params: &[Param::Id],
            body: None,
            responses: &[
                (
                    200,
                    "评估 / the evaluation",
                    Some(Json(schema::<EvaluationView>)),
                ),
                (
                    404,
                    "不存在或不在辖区内 / missing or outside the jurisdiction",
                    None,
                ),
                (422, "方案无法套用 / the scheme does not apply", None),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/counties/{code}/observations",
            summary: "已入库的统计数据（按指标：单位、总量/均量、年份、单位数） / the stored statistics by indicator",
            access: Read,
            params: &[Param::County],
            body: None,
            responses: &[
                (
                    200,
                    "统计数据 / the statistics",
                    Some(Json(schema::<ObservationsView>)),
                ),
                OUTSIDE,
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/counties/{code}/observations",
            summary: "导入统计表（CSV/XLSX 为请求体；代码须在本县且在该年份有效）；commit=false 只检查并预览 / import a statistics table (CSV/XLSX as the body; codes within the county, in force in their year); commit=false checks and previews only",
            access: Write,
            params: &[Param::County, Param::Query(schema::<stats::UploadQuery>)],
            body: Some(File),
            responses: &[
                (
                    200,
                    "预览（未保存） / the preview (nothing stored)",
                    Some(Json(schema::<ObservationOutcome>)),
                ),
                (
                    201,
                    "已保存 / stored",
                    Some(Json(schema::<ObservationOutcome>)),
                ),
                (
                    400,
                    "文件有误：指明文件、行与列 / a bad file: names the file, row and column",
                    None,
                ),
                OUTSIDE,
                (
                    422,
                    "与名录不符：未知代码、该年份不存在、重复 / does not fit the registry: unknown codes, not in force, duplicates",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/counties/{code}/crosswalk",
            summary: "两个日期之间的乡级区划对照权重（由村级隶属关系推导，正向或反向），CSV/XLSX/JSON / the township crosswalk between two dates (from village lineage, forward or backward) as CSV/XLSX/JSON",
            access: Read,
            params: &[Param::County, Param::Query(schema::<stats::CrosswalkQuery>)],
            body: None,
            responses: &[
                (200, "文件 / the file", Some(Download)),
                (400, "参数无效 / a bad parameter", None),
                OUTSIDE,
                (422, "该日期没有此县 / no such county on that date", None),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/counties/{code}/recast",
            summary: "已入库统计数据按某日区划口径换算（总量精确分摊、均量加权） / the stored statistics on the boundaries of a date (totals apportioned exactly, rates weighted)",
            access: Read,
            params: &[Param::County, Param::Query(schema::<stats::RecastQuery>)],
            body: None,
            responses: &[
                (200, "文件 / the file", Some(Download)),
                (400, "参数无效 / a bad parameter", None),
                OUTSIDE,
                (404, "尚未导入统计数据 / no statistics imported", None),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/counties/{code}/recast",
            summary: "上传统计表按某日区划口径换算（不入库） / an uploaded table on the boundaries of a date (nothing stored)",
            access: Read,
            params: &[Param::County, Param::Query(schema::<stats::RecastQuery>)],
            body: Some(File),
            responses: &[
                (200, "文件 / the file", Some(Download)),
                (
                    400,
                    "文件或参数有误：指明文件、行与列 / a bad file or parameter: names the file, row and column",
                    None,
                ),
                OUTSIDE,
                (422, "与名录不符 / does not fit the registry", None),
            ],
        },
    ]
}
