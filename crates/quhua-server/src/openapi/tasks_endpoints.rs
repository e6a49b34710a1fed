//! The contract of the follow-up (后半篇督办) routes.

use super::{Access, Content, Endpoint, Param, schema};
use crate::api::tasks;
use quhua_app::followup::{
    BoardView, ChangeView, EvidenceRef, InboxView, TaskAction, TaskImport, TaskView,
};

use Access::{Read, Write};
use Content::{Download, File, Json};

const TASK: Param = Param::Path("id", "任务编号 / the task's id (e.g. 6.3.510824)");
const MISSING: (u16, &str, Option<Content>) = (
    404,
    "任务不存在或不在辖区内 / no such task in this account's jurisdiction",
    None,
);
const NOT_YOURS: (u16, &str, Option<Content>) = (
    403,
    "本账号所属单位不是该任务的牵头单位或督办单位 / this account's organisation neither leads nor supervises the task",
    None,
);
const REFUSED: (u16, &str, Option<Content>) = (
    422,
    "当前状态下不能办理（如期限已过才申请延期、没有待核验的报告） / not possible now (an extension asked after the deadline, nothing to verify …)",
    None,
);

/// The follow-up routes.
pub fn endpoints() -> Vec<Endpoint> {
    vec![
        Endpoint {
            method: "GET",
            path: "/api/tasks",
            summary: "挂图作战：某日各任务的灯色（红、黄、蓝、绿、已销号）、进度与序时进度，按单位和任务组汇总，各区划最差灯色 / the board as of a date: each task's light, progress and schedule, summaries by unit and group, the worst light per division",
            access: Read,
            params: &[Param::Query(schema::<tasks::BoardQuery>)],
            body: None,
            responses: &[
                (200, "看板 / the board", Some(Json(schema::<BoardView>))),
                (400, "日期或灯色无效 / a bad date or light", None),
                (
                    404,
                    "辖区不在本账号范围内 / outside this account's jurisdiction",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/tasks/{id}",
            summary: "一项任务：期限、指标完成值、全部办理记录、到期的督办升级、本账号可办理的操作 / one task: deadlines, targets reached, its whole history, escalation due, what this account may do",
            access: Read,
            params: &[TASK, Param::Query(schema::<tasks::DateQuery>)],
            body: None,
            responses: &[
                (200, "任务 / the task", Some(Json(schema::<TaskView>))),
                MISSING,
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/tasks/{id}/actions",
            summary: "办理任务（今日）：报送进度、申请销号（牵头单位）；核验销号、退办、审批延期、督办升级、调整单位或指标（督办单位）；延期须在期限前申请，本人报送的不能由本人销号 / act on a task today: progress and done reports (lead unit); close, return, extension decision, escalation, reassignment, target revision (supervising office); extensions only before the deadline, nobody closes what they reported",
            access: Write,
            params: &[TASK],
            body: Some(Json(schema::<TaskAction>)),
            responses: &[
                (
                    200,
                    "办理后的任务 / the task after the action",
                    Some(Json(schema::<TaskView>)),
                ),
                (400, "请求无效 / a bad request", None),
                NOT_YOURS,
                MISSING,
                REFUSED,
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/tasks/{id}/evidence",
            summary: "上传佐证材料（请求体为文件），返回报送时引用的编号 / upload an evidence file (the body); returns the reference a report then names",
            access: Write,
            params: &[TASK, Param::Query(schema::<tasks::UploadQuery>)],
            body: Some(File),
            responses: &[
                (
                    200,
                    "材料 / the stored file",
                    Some(Json(schema::<EvidenceRef>)),
                ),
                (
                    400,
                    "文件类型或大小不符 / a file of the wrong type or size",
                    None,
                ),
                NOT_YOURS,
                MISSING,
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/tasks/{id}/evidence/{sha256}",
            summary: "下载任务的佐证材料 / download an evidence file of the task",
            access: Read,
            params: &[
                TASK,
                Param::Path("sha256", "材料的 SHA-256 / the file's SHA-256"),
            ],
            body: None,
            responses: &[(200, "文件 / the file", Some(Download)), MISSING],
        },
        Endpoint {
            method: "POST",
            path: "/api/tasks/imports",
            summary: "导入任务清单（TOML 为请求体：任务、子任务、县级事项，牵头与配合单位，指标、节点与期限）；commit=false 只检查；错误注明文件、行、任务与字段 / import a plan's tasks (TOML body); commit=false checks only; errors name the file, line, task and field",
            access: Write,
            params: &[Param::Query(schema::<tasks::ImportQuery>)],
            body: Some(File),
            responses: &[
                (
                    200,
                    "导入结果 / what was found and stored",
                    Some(Json(schema::<TaskImport>)),
                ),
                (400, "文件有误 / the file has errors", None),
                (403, "非督办单位 / not the supervising office", None),
                (422, "任务编号已存在 / a task id already filed", None),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/tasks/escalations",
            summary: "督办升级：为本单位督办的任务记录今日到期的催办、催办通知书、通报 / record today's escalation steps due on the tasks this office supervises",
            access: Write,
            params: &[Param::Query(schema::<tasks::ScopeQuery>)],
            body: None,
            responses: &[(
                200,
                "已升级的任务 / the tasks escalated",
                Some(Json(schema::<Vec<tasks::Escalated>>)),
            )],
        },
        Endpoint {
            method: "GET",
            path: "/api/tasks/changes",
            summary: "与基准日相比的变化：状态、灯色、期限、责任单位、指标、进度 / what changed since a baseline date: status, light, deadlines, units, targets, progress",
            access: Read,
            params: &[Param::Query(schema::<tasks::ChangesQuery>)],
            body: None,
            responses: &[
                (
                    200,
                    "变化 / the changes",
                    Some(Json(schema::<Vec<ChangeView>>)),
                ),
                (400, "日期无效 / a bad date", None),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/{id}/tasks",
            summary: "由已批复的报批方案生成法定任务（12个月内完成变更、1个月内变更代码、公告、勘界与地图、地名标志、通知户籍统计不动产等登记）和交接任务 / file an approved plan's statutory tasks and one task per handover section",
            access: Write,
            params: &[Param::Id],
            body: None,
            responses: &[
                (
                    200,
                    "生成的任务 / the tasks filed",
                    Some(Json(schema::<TaskImport>)),
                ),
                (
                    404,
                    "不存在或不在辖区内 / missing or outside the jurisdiction",
                    None,
                ),
                (422, "未批复或已生成 / not approved, or filed already", None),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/inbox",
            summary: "待办：本单位逾期、临期、滞后、被催办、被退办的任务，待核验和待审批延期的事项 / the inbox: this organisation's overdue, due-soon, behind, reminded and returned tasks, reports to verify and extensions to decide",
            access: Read,
            params: &[Param::Query(schema::<tasks::DateQuery>)],
            body: None,
            responses: &[(200, "待办 / the inbox", Some(Json(schema::<InboxView>)))],
        },
    ]
}
