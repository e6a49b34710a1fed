//! The contract of the 区划名录 routes and the audit log.

use super::{Access, Content, Endpoint, OUTSIDE, Param, schema};
use crate::api::registry;
use quhua_app::audit_review::AuditView;
use quhua_app::registry::{AsOf, Changes, Lineage};

use Access::Read;
use Content::Json;

/// The registry and audit routes.
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        Endpoint {
            method: "GET",
            path: "/api/counties/{code}/registry",
            summary: "某日的区划名录：本县当日有效的乡级（或村级）单位 / the county's township- (or village-) level units in force on a date",
            access: Read,
            params: &[Param::County, Param::Query(schema::<registry::AsOfQuery>)],
            body: None,
            responses: &[
                (200, "名录 / the units", Some(Json(schema::<AsOf>))),
                (404, "县不存在 / no such county", None),
                (422, "日期无效 / a bad date", None),
                OUTSIDE,
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/counties/{code}/changes",
            summary: "两个日期之间涉及本县的区划变更（类型、文号、沿革、更名） / the changes touching the county between two dates (type, approval number, lineage, renames)",
            access: Read,
            params: &[
                Param::County,
                Param::Query(schema::<registry::ChangesQuery>),
            ],
            body: None,
            responses: &[
                (200, "变更 / the changes", Some(Json(schema::<Changes>))),
                (404, "县不存在 / no such county", None),
                (422, "日期无效 / a bad date", None),
                OUTSIDE,
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/counties/{code}/lineage/{unit}",
            summary: "本县某单位的沿革：曾用代码、去向与来源（含所带村及文号） / a unit's lineage: its codes, where it went and where it came from, with the villages carried and the approval numbers",
            access: Read,
            params: &[
                Param::County,
                Param::Path(
                    "unit",
                    "单位代码（现行或已停用，9 位或 12 位） / the unit's code, current or retired (9 or 12 digits)",
                ),
            ],
            body: None,
            responses: &[
                (200, "沿革 / the lineage", Some(Json(schema::<Lineage>))),
                (404, "本县无此代码 / no such code in the county", None),
                (422, "代码无效 / a malformed code", None),
                OUTSIDE,
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/audit",
            summary: "审计日志（最新在前，不含记录内容）及其校验：哈希链与库中数据是否与日志一致 / the audit log, newest first, without the recorded bodies, and its verification: the hash chain and the stored data against the log",
            access: Read,
            params: &[Param::Query(schema::<registry::AuditQuery>)],
            body: None,
            responses: &[
                (
                    200,
                    "日志与校验 / the log and its verification",
                    Some(Json(schema::<AuditView>)),
                ),
                (403, "仅省级审批人员 / provincial approvers only", None),
                (422, "每页条数无效 / a bad page size", None),
            ],
        },
    ]
}
