//! The contract of the follow-up routes: tasks (后半篇督办), the risk register and the feedback register.

use super::{Access, Content, Endpoint, Param, schema};
use crate::api::registers;
use crate::api::tasks;
use quhua_app::followup::{
    BoardView, ChangeView, EscalatedTask, EvidenceRef, FeedbackAction, FeedbackImport, FeedbackRow,
    FeedbackView, InboxView, NewFeedback, NewRisk, OverviewView, RiskAction, RiskRow, RisksView,
    SettingsView, TaskAction, TaskImport, TaskView,
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
    let mut all = task_endpoints();
    all.extend(register_endpoints());
    all
}

const ITEM: Param = Param::Path("id", "编号 / the id");

/// The risk and feedback registers.
fn register_endpoints() -> Vec<Endpoint> {
    vec![
        Endpoint {
            method: "GET",
            path: "/api/risks",
            summary: "风险清单：风险点（类别、等级、责任单位、措施、期限、状态）及按单位和等级汇总 / the risk register and its table by unit and level",
            access: Read,
            params: &[Param::Query(schema::<registers::RegisterQuery>)],
            body: None,
            responses: &[(
                200,
                "风险清单 / the register",
                Some(Json(schema::<RisksView>)),
            )],
        },
        Endpoint {
            method: "POST",
            path: "/api/risks",
            summary: "登记风险点（督办单位） / register a risk point (the supervising office)",
            access: Write,
            params: &[],
            body: Some(Json(schema::<NewRisk>)),
            responses: &[
                (200, "风险点 / the risk", Some(Json(schema::<RiskRow>))),
                (400, "请求无效 / a bad request", None),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/risks/{id}/actions",
            summary: "办理风险点：进展、措施、调整等级、报告化解（责任单位）、化解销号或退回（督办单位，非报告人） / act on a risk point",
            access: Write,
            params: &[ITEM],
            body: Some(Json(schema::<RiskAction>)),
            responses: &[
                (200, "风险点 / the risk", Some(Json(schema::<RiskRow>))),
                (400, "请求无效 / a bad request", None),
                (
                    403,
                    "非责任单位或督办单位 / neither the owner nor the supervising office",
                    None,
                ),
                (
                    404,
                    "不存在或不在辖区内 / missing or outside the jurisdiction",
                    None,
                ),
                (422, "当前状态下不能办理 / not possible now", None),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/feedback",
            summary: "群众诉求台账（每条诉求的全部版本）及按类别、单位、周的统计，答复时长与超期 / the feedback register with every version, statistics by topic, unit and week, response times and overdue replies",
            access: Read,
            params: &[Param::Query(schema::<registers::RegisterQuery>)],
            body: None,
            responses: &[(
                200,
                "台账 / the register",
                Some(Json(schema::<FeedbackView>)),
            )],
        },
        Endpoint {
            method: "POST",
            path: "/api/feedback",
            summary: "登记一条群众诉求（改革办） / register one item (the office)",
            access: Write,
            params: &[],
            body: Some(Json(schema::<NewFeedback>)),
            responses: &[
                (200, "诉求 / the item", Some(Json(schema::<FeedbackRow>))),
                (400, "请求无效 / a bad request", None),
                (403, "非改革办 / not the office", None),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/feedback/imports",
            summary: "导入 12345 热线导出表（CSV/XLSX 为请求体）；已登记的工单不重复；commit=false 只检查；错误注明文件、行与列 / import a hotline export; tickets already registered are kept; commit=false checks only",
            access: Write,
            params: &[Param::Query(schema::<registers::FeedbackImportQuery>)],
            body: Some(File),
            responses: &[
                (
                    200,
                    "导入结果 / what was found and stored",
                    Some(Json(schema::<FeedbackImport>)),
                ),
                (400, "文件有误 / the file has errors", None),
                (403, "非改革办 / not the office", None),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/feedback/{id}/actions",
            summary: "分办、答复（承办单位）、回访、更正（新版本并注明理由；不能删除或隐藏） / assign, reply (the department), follow up, correct (a new version with its reason; nothing is deleted or hidden)",
            access: Write,
            params: &[ITEM],
            body: Some(Json(schema::<FeedbackAction>)),
            responses: &[
                (200, "诉求 / the item", Some(Json(schema::<FeedbackRow>))),
                (400, "请求无效 / a bad request", None),
                (403, "无权办理 / not allowed", None),
                (
                    404,
                    "不存在或不在辖区内 / missing or outside the jurisdiction",
                    None,
                ),
                (422, "当前状态下不能办理 / not possible now", None),
            ],
        },
    ]
}

/// The task routes.
fn task_endpoints() -> Vec<Endpoint> {
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
            summary: "导入任务清单（请求体为 TOML 或 Excel 工作簿，按文件名扩展名识别：任务、子任务、县级事项，牵头与配合单位，指标、节点与期限）；commit=false 只检查；错误注明文件（工作表）、行、任务与字段 / import a plan's tasks (the body a TOML file or an Excel workbook, by the name's extension); commit=false checks only; errors name the file (and sheet), line or row, task and field",
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
            method: "GET",
            path: "/api/tasks/settings",
            summary: "督办设置：蓝灯提前天数、滞后容差、催办通知书与通报时点（由运维在命令行设置） / the supervision settings: the blue window, the behind-schedule tolerance, when notices and circulars fall due (set by the operator on the command line)",
            access: Read,
            params: &[],
            body: None,
            responses: &[(
                200,
                "督办设置 / the settings",
                Some(Json(schema::<SettingsView>)),
            )],
        },
        Endpoint {
            method: "GET",
            path: "/api/tasks/imports/template",
            summary: "任务计划模板（XLSX：计划、单位、任务、指标、节点五张表，以示例方案填写） / the task plan template (XLSX with the sheets plan, organisations, tasks, targets, milestones, filled with the example plan)",
            access: Read,
            params: &[],
            body: None,
            responses: &[(200, "模板 / the template", Some(Download))],
        },
        Endpoint {
            method: "POST",
            path: "/api/tasks/escalations",
            summary: "督办升级：为本单位督办的任务记录今日到期的催办、催办通知书、通报 / record today's escalation steps due on the tasks this office supervises",
            access: Write,
            params: &[Param::Query(schema::<tasks::ScopeQuery>)],
            body: None,
            responses: &[
                (
                    200,
                    "已升级的任务 / the tasks escalated",
                    Some(Json(schema::<Vec<EscalatedTask>>)),
                ),
                (403, "非督办单位 / not a supervising office", None),
            ],
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
            method: "GET",
            path: "/api/tasks/summary",
            summary: "督办汇总（不含任务行）：各灯色任务数，按牵头单位、任务组和县（市、区）汇总 / the summary without rows: tasks per light, by lead unit, group and county",
            access: Read,
            params: &[Param::Query(schema::<tasks::OverviewQuery>)],
            body: None,
            responses: &[
                (
                    200,
                    "汇总 / the summary",
                    Some(Json(schema::<OverviewView>)),
                ),
                (400, "日期或辖区无效 / a bad date or jurisdiction", None),
                (
                    404,
                    "辖区不在本账号范围内 / a jurisdiction outside the account's",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/tasks/reports/{period}",
            summary: "督办报告：周报（week）、两周推进表（fortnight）、月调度（month），由任务、风险和群众诉求数据生成，DOCX、PDF 或 XLSX / the weekly report, fortnightly progress sheet or monthly dispatch from the data, as DOCX, PDF or XLSX",
            access: Read,
            params: &[
                Param::PathEnum("period", &["week", "fortnight", "month"]),
                Param::Query(schema::<tasks::ReportQuery>),
            ],
            body: None,
            responses: &[
                (200, "报告 / the report", Some(Download)),
                (400, "日期或格式无效 / a bad date or format", None),
                (
                    404,
                    "辖区不在本账号范围内 / outside this account's jurisdiction",
                    None,
                ),
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
