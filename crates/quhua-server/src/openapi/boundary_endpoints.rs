//! The contract of the boundary upload.

use super::{Access, Content, Endpoint, OUTSIDE, Param, schema};
use crate::api::boundaries;
use quhua_app::boundaries::BoundaryImport;

use Access::Write;
use Content::{File, Json};

/// The boundary routes.
pub fn endpoints() -> Vec<Endpoint> {
    vec![Endpoint {
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
    }]
}
