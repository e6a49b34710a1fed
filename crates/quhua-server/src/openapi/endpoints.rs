//! Every route of the server, with its request and response types; a test checks that it
//! names exactly the routes of [`crate::routes::API`], which the router is built from.

use super::{Access, Content, Endpoint, Param, schema};
use crate::api::{assemblies, auth, compare, counties, handover, plans, propose, scenarios};
use crate::contract;
use quhua_app::handover::{Acted, Action, HandoverView, ImportOutcome, ItemFilter, SectionDetail};
use quhua_app::plans::DOCUMENT_IDS;
use quhua_app::scenarios::ScenarioView;
use quhua_app::views::PlanBoard;

use Access::{Public, Read, Write};
use Content::{Download, File, Json};

const BOARD: Option<Content> = Some(Json(schema::<PlanBoard>));

/// The responses of a plan action: the new board, or why it was refused.
const PLAN_ACTION: &[(u16, &str, Option<Content>)] = &[
    (200, "操作后的看板 / the board after the action", BOARD),
    (
        404,
        "不存在或不在辖区内 / missing or outside the jurisdiction",
        None,
    ),
    (
        409,
        "他人同时修改，请重试 / changed by someone else at the same moment; retry",
        None,
    ),
    (
        422,
        "程序不允许：列出缺少的环节、材料或意见 / refused by the procedure: names the missing steps, materials or opinions",
        None,
    ),
];

/// The table.
pub fn endpoints() -> Vec<Endpoint> {
    let mut all = vec![
        Endpoint {
            method: "POST",
            path: "/api/login",
            summary: "登录（设置 HttpOnly 会话 Cookie；10 分钟内同一用户名或 IP 失败 5 次后 429） / log in (sets the HttpOnly session cookie; 5 failures per name or IP in 10 min → 429)",
            access: Public,
            params: &[],
            body: Some(Json(schema::<auth::LoginBody>)),
            responses: &[
                (
                    200,
                    "会话 / the session",
                    Some(Json(schema::<contract::Session>)),
                ),
                (401, "用户名或密码错误 / wrong credentials", None),
                (429, "登录失败次数过多 / too many failed logins", None),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/logout",
            summary: "退出 / log out",
            access: Write,
            params: &[],
            body: None,
            responses: &[(
                200,
                "已退出 / logged out",
                Some(Json(schema::<contract::Done>)),
            )],
        },
        Endpoint {
            method: "GET",
            path: "/api/me",
            summary: "当前用户与 CSRF 令牌 / the current user and CSRF token",
            access: Read,
            params: &[],
            body: None,
            responses: &[(
                200,
                "会话 / the session",
                Some(Json(schema::<contract::Session>)),
            )],
        },
        Endpoint {
            method: "GET",
            path: "/api/counties",
            summary: "辖区内的县 / counties in the account's jurisdiction",
            access: Read,
            params: &[],
            body: None,
            responses: &[(
                200,
                "县列表 / counties",
                Some(Json(schema::<contract::CountyList<'static>>)),
            )],
        },
        Endpoint {
            method: "GET",
            path: "/api/counties/{code}/base",
            summary: "县的乡镇与村及其指标（含示意数据标记） / townships and villages with their figures",
            access: Read,
            params: &[Param::County],
            body: None,
            responses: &[
                (
                    200,
                    "底数 / the base",
                    Some(Json(schema::<contract::CountyBase>)),
                ),
                (404, "县不存在 / unknown county", None),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/counties/{code}/policies",
            summary: "本县可选的政策：本省政策在前（无本省政策时为全国参考），含各政策收录与未收录的内容 / the policies the county may be checked against, its own province's first (the national reference where its province has none), each with what it holds and leaves out",
            access: Read,
            params: &[Param::County],
            body: None,
            responses: &[
                (
                    200,
                    "可选政策 / the choices",
                    Some(Json(schema::<quhua_app::policy::PolicyChoices>)),
                ),
                (404, "县不存在 / unknown county", None),
                super::OUTSIDE,
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/counties/{code}/geojson",
            summary: "示意边界 / schematic boundaries",
            access: Read,
            params: &[Param::County, Param::Query(schema::<counties::GeoQuery>)],
            body: None,
            responses: &[
                (
                    200,
                    "GeoJSON 要素集（示意） / GeoJSON FeatureCollection (示意)",
                    Some(Json(schema::<contract::FeatureCollection>)),
                ),
                (404, "没有边界数据 / no boundaries", None),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/counties/{code}/evaluate",
            summary: "评估操作序列（按县缓存） / evaluate operations (responses cached per county)",
            access: Write,
            params: &[
                Param::County,
                Param::Query(schema::<counties::EvaluateQuery>),
            ],
            body: Some(Json(schema::<counties::EvaluateBody>)),
            responses: &[
                (
                    200,
                    "评估结果与调整后的乡镇边界 / the evaluation and the resulting townships",
                    Some(Json(schema::<contract::EvaluationResult<'static>>)),
                ),
                (404, "县不存在 / unknown county", None),
                (
                    422,
                    "某项操作无法执行 / an operation cannot be applied",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/counties/{code}/propose-villages",
            summary: "村级撤并推荐：各乡镇内的合并村方案（只读，辖区内任何角色） / village mergers proposed inside each township (read-only; any role that reads the county)",
            access: Write,
            params: &[Param::County],
            body: Some(Json(schema::<propose::VillageProposeBody>)),
            responses: &[
                (
                    200,
                    "合并村操作、各乡镇结果与村级指标 / the merge operations, each township's outcome and the village indicators",
                    Some(Json(
                        schema::<quhua_app::propose::villages::VillageProposal>,
                    )),
                ),
                (
                    400,
                    "缺少或超出范围的下限、上限 / a floor or cap missing or out of range",
                    None,
                ),
                (404, "县不存在 / unknown county", None),
                (422, "尚未导入村级边界 / no village boundaries", None),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/counties/{code}/propose",
            summary: "方案推荐：优化器给出的撤并方案（只读，辖区内任何角色） / merger schemes proposed by the optimizer (read-only; any role that reads the county)",
            access: Write,
            params: &[Param::County],
            body: Some(Json(schema::<propose::ProposeBody>)),
            responses: &[
                (
                    200,
                    "方案 / the schemes",
                    Some(Json(schema::<quhua_app::propose::Proposal>)),
                ),
                (404, "县不存在 / unknown county", None),
                (
                    422,
                    "缺少邻接或人口数据，或优化器拒绝输入 / no adjacency or population data, or the optimizer refused the input",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/scenarios",
            summary: "辖区内的方案 / scenarios in the jurisdiction",
            access: Read,
            params: &[Param::Query(schema::<scenarios::ListQuery>)],
            body: None,
            responses: &[(
                200,
                "方案列表 / scenarios",
                Some(Json(schema::<contract::ScenarioList>)),
            )],
        },
        Endpoint {
            method: "POST",
            path: "/api/scenarios",
            summary: "保存新方案（县级编辑） / save a new scenario (county editor)",
            access: Write,
            params: &[],
            body: Some(Json(schema::<scenarios::CreateBody>)),
            responses: &[
                (201, "已保存 / saved", Some(Json(schema::<ScenarioView>))),
                (404, "县不存在 / unknown county", None),
                (422, "操作无法执行 / an operation cannot be applied", None),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/scenarios/{id}",
            summary: "读取方案 / one scenario",
            access: Read,
            params: &[Param::Id],
            body: None,
            responses: &[
                (
                    200,
                    "方案 / the scenario",
                    Some(Json(schema::<ScenarioView>)),
                ),
                (
                    404,
                    "不存在或不在辖区内 / missing or outside the jurisdiction",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/scenarios/{id}/freshness",
            summary: "方案与现行名录：起草以来本县的区划变更，逐项操作是否仍可执行，及按现行名录重排后的操作 / the draft against the registry in force: the changes since it was drafted, whether each operation still applies, and the operations rebased",
            access: Read,
            params: &[Param::Id],
            body: None,
            responses: &[
                (
                    200,
                    "核对结果 / the check",
                    Some(Json(schema::<quhua_app::drafts::DraftFreshness>)),
                ),
                (
                    404,
                    "不存在或不在辖区内 / missing or outside the jurisdiction",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "PUT",
            path: "/api/scenarios/{id}",
            summary: "修改方案（带预期版本，防止覆盖他人修改） / update a scenario at its expected version",
            access: Write,
            params: &[Param::Id],
            body: Some(Json(schema::<scenarios::UpdateBody>)),
            responses: &[
                (200, "已修改 / updated", Some(Json(schema::<ScenarioView>))),
                (404, "不存在 / missing", None),
                (
                    409,
                    "已被他人修改：附 current_version 与 current / changed by someone else: with current_version and current",
                    None,
                ),
                (422, "操作无法执行 / an operation cannot be applied", None),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/compare",
            summary: "两个方案对比 / two scenarios side by side",
            access: Read,
            params: &[Param::Query(schema::<compare::CompareQuery>)],
            body: None,
            responses: &[
                (
                    200,
                    "两个方案及其评估 / both scenarios with their evaluations",
                    Some(Json(schema::<contract::ScenarioComparison<'static>>)),
                ),
                (404, "不存在 / missing", None),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/plans",
            summary: "辖区内的报批方案 / plans in the procedure, in the jurisdiction",
            access: Read,
            params: &[Param::Query(schema::<plans::ListQuery>)],
            body: None,
            responses: &[(
                200,
                "报批方案 / plans",
                Some(Json(schema::<plans::PlanList>)),
            )],
        },
        Endpoint {
            method: "POST",
            path: "/api/plans",
            summary: "提交报批：县级编辑将已保存的方案提交报批程序 / a county editor submits a saved scenario into the procedure",
            access: Write,
            params: &[],
            body: Some(Json(schema::<plans::SubmitBody>)),
            responses: &[
                (201, "看板 / the board", BOARD),
                (404, "方案不存在 / missing scenario", None),
                (422, "程序不允许 / refused by the procedure", None),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/plans/{id}",
            summary: "报批程序看板 / the procedure board of a plan",
            access: Read,
            params: &[Param::Id, Param::Query(schema::<plans::BoardQuery>)],
            body: None,
            responses: &[
                (200, "看板 / the board", BOARD),
                (
                    404,
                    "不存在或不在辖区内 / missing or outside the jurisdiction",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/{id}/consultation",
            summary: "登记座谈会、问卷或意见建议 / record a meeting, questionnaire or suggestion",
            access: Write,
            params: &[Param::Id],
            body: Some(Json(schema::<plans::ConsultBody>)),
            responses: PLAN_ACTION,
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/{id}/materials",
            summary: "上传材料（请求体为文件，以 SHA-256 存储） / upload a material (the body is the file, stored with its SHA-256)",
            access: Write,
            params: &[Param::Id, Param::Query(schema::<plans::MaterialQuery>)],
            body: Some(File),
            responses: PLAN_ACTION,
        },
        Endpoint {
            method: "GET",
            path: "/api/plans/{id}/materials/{sha256}",
            summary: "下载已存材料 / download a stored material",
            access: Read,
            params: &[
                Param::Id,
                Param::Path("sha256", "材料的 SHA-256 / the material's SHA-256"),
            ],
            body: None,
            responses: &[
                (200, "文件 / the file", Some(Download)),
                (
                    404,
                    "不存在或不在辖区内 / missing or outside the jurisdiction",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/{id}/steps/{step}",
            summary: "完成环节（请求体可为佐证文件） / complete a step (the body may carry its document)",
            access: Write,
            params: &[
                Param::Id,
                Param::Path("step", "环节编号 / the step's id"),
                Param::Query(schema::<plans::StepQuery>),
            ],
            body: Some(File),
            responses: PLAN_ACTION,
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/{id}/opinions",
            summary: "部门登记本部门意见 / a department records its opinion",
            access: Write,
            params: &[Param::Id],
            body: Some(Json(schema::<plans::OpinionBody>)),
            responses: PLAN_ACTION,
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/{id}/return",
            summary: "市级或省级退回修改 / the city or the province returns the plan for revision",
            access: Write,
            params: &[Param::Id],
            body: Some(Json(schema::<plans::ReturnBody>)),
            responses: PLAN_ACTION,
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/{id}/revise",
            summary: "县级修订被退回的方案并重新报送 / the county revises a returned plan and resubmits it",
            access: Write,
            params: &[Param::Id],
            body: Some(Json(schema::<plans::ReviseBody>)),
            responses: PLAN_ACTION,
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/{id}/approve",
            summary: "登记批复（省级；村级建制调整由县级人民政府批准）：文号、日期、生效日期，请求体可为批复文件 / record the approval (the province; for a village adjustment the county government): document number, dates; the body may carry the approval document",
            access: Write,
            params: &[Param::Id, Param::Query(schema::<plans::ApproveQuery>)],
            body: Some(File),
            responses: PLAN_ACTION,
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/{id}/extensions",
            summary: "登记延期 / record an extension of the implementation deadline",
            access: Write,
            params: &[Param::Id],
            body: Some(Json(schema::<plans::ExtendBody>)),
            responses: PLAN_ACTION,
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/approve-batch",
            summary: "以同一批复文件批准同一县的多个方案（全部或全不；如县级人民政府一次批准多个村级建制调整方案），请求体可为批复文件 / approve several plans of one county under one decision, all or none (e.g. the county government approving many village adjustments); the body may carry the approval document",
            access: Write,
            params: &[Param::Query(schema::<assemblies::BatchApproveQuery>)],
            body: Some(File),
            responses: PLAN_ACTION,
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/{id}/assemblies",
            summary: "登记涉改村村民会议（或村民代表会议）的表决 / record a village's villagers' assembly (or representative assembly) on a village adjustment",
            access: Write,
            params: &[Param::Id],
            body: Some(Json(schema::<assemblies::AssemblyBody>)),
            responses: PLAN_ACTION,
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/{id}/apply",
            summary: "实施：自生效日期起写入区划名录 / apply the approved plan to the registry (on or after the effective date)",
            access: Write,
            params: &[Param::Id],
            body: None,
            responses: PLAN_ACTION,
        },
        Endpoint {
            method: "GET",
            path: "/api/plans/{id}/documents/{doc}",
            summary: "下载实施后生成的文书 / download a document generated from the applied plan",
            access: Read,
            params: &[Param::Id, Param::PathEnum("doc", &DOCUMENT_IDS)],
            body: None,
            responses: &[
                (200, "文件 / the file", Some(Download)),
                (
                    404,
                    "不存在或不在辖区内 / missing, unknown or outside the jurisdiction",
                    None,
                ),
                (422, "方案尚未实施 / the plan is not applied yet", None),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/plans/{id}/handover",
            summary: "实施交接：各事项进度、台账守恒、编制、干部、服务网点 / the handover: progress per section, ledger conservation, quotas, cadres, service points",
            access: Read,
            params: &[Param::Id],
            body: None,
            responses: &[
                (
                    200,
                    "交接 / the handover",
                    Some(Json(schema::<HandoverView>)),
                ),
                (
                    404,
                    "未生成、不存在或不在辖区内 / not generated, missing or outside the jurisdiction",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/{id}/handover",
            summary: "由已批复方案生成交接（县改革办）；已存在则按方案与实施结果更新 / generate the handover of an approved plan (county office), or update it from the plan and its events",
            access: Write,
            params: &[Param::Id],
            body: None,
            responses: &[
                (
                    200,
                    "交接 / the handover",
                    Some(Json(schema::<HandoverView>)),
                ),
                (
                    404,
                    "不存在或不在辖区内 / missing or outside the jurisdiction",
                    None,
                ),
                (
                    409,
                    "他人同时修改，请重试 / changed at the same moment; retry",
                    None,
                ),
                (
                    422,
                    "尚未批复，或已销号的事项会因此消失 / not approved, or a closed section would disappear",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/plans/{id}/handover/sections/{section}",
            summary: "一个交接事项：清单、台账条目（分页）、干部（个人信息仅组织部与县改革办可见，读取留痕）、服务网点 / one section: checklist, ledger items (paged), cadres (personal fields for the organisation department and the office only, each read logged), service points",
            access: Read,
            params: &[
                Param::Id,
                Param::Path(
                    "section",
                    "事项编号，如 130634203-state_assets / section id",
                ),
                Param::Query(schema::<ItemFilter>),
            ],
            body: None,
            responses: &[
                (
                    200,
                    "事项 / the section",
                    Some(Json(schema::<SectionDetail>)),
                ),
                (
                    404,
                    "不存在或不在辖区内 / missing or outside the jurisdiction",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/{id}/handover/actions",
            summary: "交接操作：资产债务去向、干部安置与谈话、职数、编制测算、网点去向、清单勾销、制度废改立、销号 / an action: item dispositions, placements and talks, posts, quotas, service outcomes, checklist lines, rules, closing a section",
            access: Write,
            params: &[Param::Id],
            body: Some(Json(schema::<Action>)),
            responses: &[
                (200, "已完成 / done", Some(Json(schema::<Acted>))),
                (
                    403,
                    "该事项不由本部门办理 / the section is another department's work",
                    None,
                ),
                (
                    404,
                    "不存在或不在辖区内 / missing or outside the jurisdiction",
                    None,
                ),
                (
                    409,
                    "他人同时修改，请重试 / changed at the same moment; retry",
                    None,
                ),
                (
                    422,
                    "不允许：事项已销号、去向不合规、尚有未完成的工作 / refused: closed section, route not allowed, work left",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "POST",
            path: "/api/plans/{id}/handover/imports/{kind}",
            summary: "导入资产、债权债务、干部名册、服务网点或调整前编制（CSV/XLSX 为请求体）；commit=false 只检查并预览 / import a table (CSV/XLSX as the body); commit=false checks and previews only",
            access: Write,
            params: &[
                Param::Id,
                Param::PathEnum("kind", &handover::IMPORT_KINDS),
                Param::Query(schema::<handover::ImportQuery>),
            ],
            body: Some(File),
            responses: &[
                (
                    200,
                    "预览（未保存） / the preview (nothing stored)",
                    Some(Json(schema::<ImportOutcome>)),
                ),
                (201, "已保存 / stored", Some(Json(schema::<ImportOutcome>))),
                (
                    400,
                    "文件有误：指明文件、行与列 / a bad file: names the file, row and column",
                    None,
                ),
                (403, "不由本部门导入 / not this department's import", None),
                (
                    404,
                    "不存在或不在辖区内 / missing or outside the jurisdiction",
                    None,
                ),
                (413, "文件过大 / the file is too large", None),
                (
                    422,
                    "与交接不符：未知单位、重复编号、事项已销号 / does not fit the handover: unknown units, duplicate ids, closed sections",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/plans/{id}/handover/documents/{doc}",
            summary: "交接文书：summary.xlsx（交接工作汇总表），list-{乡镇代码}.docx / .xlsx（移交清单） / documents: the summary table, the handover list of one pair",
            access: Read,
            params: &[
                Param::Id,
                Param::Path(
                    "doc",
                    "summary.xlsx、list-130634203.docx、list-130634203.xlsx",
                ),
            ],
            body: None,
            responses: &[
                (200, "文件 / the file", Some(Download)),
                (
                    404,
                    "不存在或不在辖区内 / missing, unknown or outside the jurisdiction",
                    None,
                ),
            ],
        },
        Endpoint {
            method: "GET",
            path: "/api/openapi.json",
            summary: "本文档 / this document",
            access: Public,
            params: &[],
            body: None,
            responses: &[(
                200,
                "OpenAPI 3 文档 / the OpenAPI 3 document",
                Some(Json(schema::<serde_json::Value>)),
            )],
        },
    ];
    // The statistics routes, before the document itself.
    let doc = all.pop();
    all.extend(super::registry_endpoints::endpoints());
    all.extend(super::boundary_endpoints::endpoints());
    all.extend(super::stats_endpoints::endpoints());
    all.extend(super::followup_endpoints::endpoints());
    all.extend(doc);
    all
}
