//! The contract of the data uploads: boundaries and the survey table.

use super::{Access, Content, Endpoint, OUTSIDE, Param, schema};
use crate::api::boundaries;
use quhua_app::boundaries::BoundaryImport;
use quhua_app::survey::SurveyPreview;

use Access::Write;
use Content::{File, Json};

/// The upload routes.
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        Endpoint {
            method: "POST",
            path: "/api/counties/{code}/boundaries",
            summary: "导入乡镇界或村界（GeoJSON、Shapefile 压缩包、GeoPackage 为请求体），按区划代码关联本县单位，逐要素检查；commit=false 只检查并预览，有问题时不入库 / import township or village boundaries (GeoJSON, a zipped Shapefile or a GeoPackage as the body), linked to the county's units by code and checked feature by feature; commit=false checks and previews only, and nothing is stored while any problem remains",
            access: Write,
            params: &[
                Param::County,
                Param::Query(schema::<boundaries::BoundaryQuery>),
            ],
            body: Some(File),
            responses: &[
                (
                    200,
                    "预览或逐要素问题（未保存） / the preview or the problems by feature (nothing stored)",
                    Some(Json(schema::<BoundaryImport>)),
                ),
                (201, "已保存 / stored", Some(Json(schema::<BoundaryImport>))),
                (
                    400,
                    "文件无法读取或没有代码字段：指明文件与成员 / an unreadable file or no code field: names the file and member",
                    None,
                ),
                OUTSIDE,
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/counties/{code}/survey",
            summary: "更新摸底表（CSV/XLSX 为请求体，UTF-8 或 GBK；各行须为本县现行单位）；commit=false 列出将改变的每项数值（单位、字段、原值 → 新值），commit=true 记为一次摸底数据更新事件 / update the survey table (CSV/XLSX as the body, UTF-8 or GBK; every row a unit of the county in force); commit=false lists every value that would change (unit, field, before → after), commit=true records one survey-update event",
            access: Write,
            params: &[
                Param::County,
                Param::Query(schema::<boundaries::SurveyQuery>),
            ],
            body: Some(File),
            responses: &[
                (
                    200,
                    "预览（未保存） / the preview (nothing stored)",
                    Some(Json(schema::<SurveyPreview>)),
                ),
                (201, "已保存 / stored", Some(Json(schema::<SurveyPreview>))),
                (
                    400,
                    "文件有误：指明文件、行与列 / a bad file: names the file, row and column",
                    None,
                ),
                OUTSIDE,
            ],
        },
    ]
}
