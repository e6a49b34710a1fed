//! The statutory procedure (报批程序) over HTTP: the board, and every action of every role,
//! each a thin adapter over one `quhua_app::plans` function (the CLI calls the same ones).
//!
//! Files (materials, a step's document, the approval document) are sent as the raw request
//! body with the file name in the query (`?file_name=申请书.pdf`); downloads answer the file
//! with its type and an attachment name. A plan outside the user's jurisdiction answers 404,
//! exactly like a missing one.

use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::{ApiJson, ApiQuery};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use quhua_app::plans::{self, ConsultationEntry, SchemeSource};
use quhua_app::plans::{
    Approval, Department, Disposition, Extension, MaterialKind, Meeting, Questionnaire, Suggestion,
};
use quhua_app::upload::Upload;
use quhua_app::views::{FileOut, PlanBoard, PlanSummary};
use quhua_core::date::Date;
use serde::{Deserialize, Serialize};

/// Today's date (server local time).
pub(crate) fn today() -> Date {
    chrono::Local::now().date_naive()
}

pub(crate) fn plan_id(id: &str) -> Result<i64, ApiError> {
    id.parse()
        .map_err(|_| ApiError::not_found(format!("报批方案 {id}"), format!("plan {id}")))
}

fn date_or_today(field: &str, s: Option<&str>) -> Result<Date, ApiError> {
    match s {
        None | Some("") => Ok(today()),
        Some(s) => Ok(quhua_app::text::parse_date(field, s)?),
    }
}

/// The board after an action, for the acting user.
pub(crate) async fn board_after(
    st: &AppState,
    me: &AuthUser,
    id: i64,
) -> ApiResult<Json<PlanBoard>> {
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| plans::board(app, &actor, id, today()))
            .await?,
    ))
}

/// An uploaded file from the raw body and its name (none when the body is empty).
pub(crate) fn upload(name: Option<&str>, body: Bytes) -> Result<Option<Upload>, ApiError> {
    if body.is_empty() {
        return Ok(None);
    }
    let name = name.filter(|n| !n.trim().is_empty()).ok_or_else(|| {
        ApiError::bad_request(
            "上传文件须在查询参数 file_name 中给出文件名",
            "an uploaded file needs its name in the file_name query parameter",
        )
    })?;
    Ok(Some(Upload::checked(name, body.to_vec())?))
}

/// A file download.
pub(crate) fn file_response(f: FileOut) -> Response {
    let mut r = (StatusCode::OK, f.bytes).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(f.mime));
    let ascii: String = f
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        percent_encode(&f.name)
    )) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// RFC 5987 percent-encoding of a file name.
fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Query of the list.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct ListQuery {
    /// Only this county.
    #[serde(default)]
    pub county: Option<String>,
}

/// The plans of the user's jurisdiction.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct PlanList {
    /// Newest first.
    pub plans: Vec<PlanSummary>,
    /// The date the clocks are computed on.
    pub today: Date,
}

/// `GET /api/plans?county=`: plans of the user's jurisdiction, newest first.
pub async fn list(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<PlanList>> {
    if let Some(c) = &q.county {
        super::readable_county(&st, &me.user, c)?;
    }
    let actor = me.actor();
    let t = today();
    let plans = st
        .run(move |app| plans::list(app, &actor, q.county.as_deref(), t))
        .await?;
    Ok(Json(PlanList { plans, today: t }))
}

/// Query of one plan.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
pub struct BoardQuery {
    /// The date the clocks are computed on (default: today).
    #[serde(default)]
    pub today: Option<String>,
}

/// `GET /api/plans/{id}[?today=]`: the procedure board.
pub async fn get(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<BoardQuery>,
) -> ApiResult<Json<PlanBoard>> {
    let id = plan_id(&id)?;
    let t = date_or_today("today", q.today.as_deref())?;
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| plans::board(app, &actor, id, t)).await?,
    ))
}

/// Body of `POST /api/plans`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmitBody {
    /// The saved scenario to submit.
    pub scenario_id: i64,
    /// Procedure template (`national`, `national_npc`, `sichuan`, `village`); by default
    /// `village` for a scheme of village changes only (村级建制调整), else `national`.
    #[serde(default)]
    pub template: Option<String>,
    /// Date of submission (default today).
    #[serde(default)]
    pub date: Option<String>,
}

/// `POST /api/plans`: a county editor submits a saved scenario into the procedure (201).
pub async fn submit(
    State(st): State<AppState>,
    me: AuthUser,
    ApiJson(b): ApiJson<SubmitBody>,
) -> ApiResult<Response> {
    let date = date_or_today("date", b.date.as_deref())?;
    let actor = me.actor();
    let template = b.template.unwrap_or_else(|| plans::AUTO_TEMPLATE.into());
    let id = st
        .run(move |app| {
            plans::submit(
                app,
                &actor,
                &SchemeSource::Saved(b.scenario_id),
                &template,
                date,
            )
        })
        .await?;
    let board = board_after(&st, &me, id).await?;
    Ok((StatusCode::CREATED, board).into_response())
}

/// Body of `POST /api/plans/{id}/consultation`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, tag = "kind", rename_all = "snake_case")]
pub enum ConsultBody {
    /// 座谈会.
    Meeting {
        /// Date.
        date: String,
        /// 县 / 乡镇 / 村.
        level: String,
        /// Place.
        place: String,
        /// Kinds of participants.
        #[serde(default)]
        participants: Vec<String>,
        /// Number of people.
        count: u32,
    },
    /// 问卷.
    Questionnaire {
        /// Date.
        date: String,
        /// Issued.
        issued: u32,
        /// Returned.
        returned: u32,
        /// In favour.
        in_favour: u32,
    },
    /// 意见建议.
    Suggestion {
        /// Date.
        date: String,
        /// From whom (kind).
        from: String,
        /// Text.
        text: String,
        /// 吸纳 | 部分吸纳 | 未吸纳 | 待答复 (or adopted, partly, not_adopted, pending).
        disposition: String,
        /// Reason or answer.
        #[serde(default)]
        reason: String,
    },
}

/// `POST /api/plans/{id}/consultation`: records a meeting, questionnaire or suggestion.
pub async fn consult(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<ConsultBody>,
) -> ApiResult<Json<PlanBoard>> {
    let id = plan_id(&id)?;
    let entry = match b {
        ConsultBody::Meeting {
            date,
            level,
            place,
            participants,
            count,
        } => ConsultationEntry::Meeting(Meeting {
            date: date_or_today("date", Some(&date))?,
            level,
            place,
            participants,
            count,
        }),
        ConsultBody::Questionnaire {
            date,
            issued,
            returned,
            in_favour,
        } => ConsultationEntry::Questionnaire(Questionnaire {
            date: date_or_today("date", Some(&date))?,
            issued,
            returned,
            in_favour,
        }),
        ConsultBody::Suggestion {
            date,
            from,
            text,
            disposition,
            reason,
        } => {
            let d = Disposition::parse(&disposition).ok_or_else(|| {
                ApiError::bad_request(
                    format!("处理结果“{disposition}”应为 吸纳、部分吸纳、未吸纳 或 待答复"),
                    format!("disposition \"{disposition}\" must be adopted, partly, not_adopted or pending"),
                )
            })?;
            ConsultationEntry::Suggestion(Suggestion {
                date: date_or_today("date", Some(&date))?,
                from,
                text,
                disposition: d,
                reason,
            })
        }
    };
    let actor = me.actor();
    st.run(move |app| plans::consult(app, &actor, id, entry))
        .await?;
    board_after(&st, &me, id).await
}

/// Query of a file upload.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MaterialQuery {
    /// Material kind (`application`, `basic_facts`, `map_before` … or the Chinese name).
    pub kind: String,
    /// File name.
    pub file_name: String,
    /// Date (default today).
    #[serde(default)]
    pub date: Option<String>,
}

/// `POST /api/plans/{id}/materials?kind=&file_name=` with the file as the body: attaches a
/// material (stored with its SHA-256).
pub async fn attach(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<MaterialQuery>,
    body: Bytes,
) -> ApiResult<Json<PlanBoard>> {
    let id = plan_id(&id)?;
    let kind = MaterialKind::parse(&q.kind).ok_or_else(|| {
        ApiError::bad_request(
            format!("未知材料类型“{}”", q.kind),
            format!("unknown material kind \"{}\"", q.kind),
        )
    })?;
    let file = upload(Some(&q.file_name), body)?
        .ok_or_else(|| ApiError::bad_request("请选择要上传的文件", "choose a file to upload"))?;
    let date = date_or_today("date", q.date.as_deref())?;
    let actor = me.actor();
    st.run(move |app| plans::attach(app, &actor, id, kind, &file, date))
        .await?;
    board_after(&st, &me, id).await
}

/// Query of a step completion.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepQuery {
    /// Date (default today).
    #[serde(default)]
    pub date: Option<String>,
    /// Note.
    #[serde(default)]
    pub note: Option<String>,
    /// The document's file name, when the body carries one.
    #[serde(default)]
    pub file_name: Option<String>,
}

/// `POST /api/plans/{id}/steps/{step}?date=&note=&file_name=` (optional document as the body):
/// completes a step, or says exactly what is missing (422).
pub async fn complete_step(
    State(st): State<AppState>,
    me: AuthUser,
    Path((id, step)): Path<(String, String)>,
    ApiQuery(q): ApiQuery<StepQuery>,
    body: Bytes,
) -> ApiResult<Json<PlanBoard>> {
    let id = plan_id(&id)?;
    let file = upload(q.file_name.as_deref(), body)?;
    let date = date_or_today("date", q.date.as_deref())?;
    let note = q.note.unwrap_or_default();
    let actor = me.actor();
    st.run(move |app| plans::complete_step(app, &actor, id, &step, date, file.as_ref(), &note))
        .await?;
    board_after(&st, &me, id).await
}

/// Body of `POST /api/plans/{id}/opinions`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpinionBody {
    /// The department (default: the account's own).
    #[serde(default)]
    pub department: Option<String>,
    /// The opinion.
    pub text: String,
    /// Whether the department agrees.
    pub agrees: bool,
    /// Date (default today).
    #[serde(default)]
    pub date: Option<String>,
}

/// `POST /api/plans/{id}/opinions`: a department officer records its department's opinion.
pub async fn opinion(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<OpinionBody>,
) -> ApiResult<Json<PlanBoard>> {
    let id = plan_id(&id)?;
    let department = match b.department.as_deref() {
        Some(d) => Department::parse(d).ok_or_else(|| {
            ApiError::bad_request(
                format!("未知部门“{d}”"),
                format!("unknown department \"{d}\""),
            )
        })?,
        None => me.user.department.ok_or_else(|| {
            ApiError::forbidden_msg(
                "本账号不属于任何部门，不能登记部门意见",
                "this account belongs to no department: it cannot record an opinion",
            )
        })?,
    };
    let date = date_or_today("date", b.date.as_deref())?;
    let actor = me.actor();
    st.run(move |app| plans::opinion(app, &actor, id, department, &b.text, b.agrees, date))
        .await?;
    board_after(&st, &me, id).await
}

/// Body of `POST /api/plans/{id}/return`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReturnBody {
    /// What must change.
    pub comments: String,
    /// Date (default today).
    #[serde(default)]
    pub date: Option<String>,
}

/// `POST /api/plans/{id}/return`: the city or the province returns the plan for revision.
pub async fn return_plan(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<ReturnBody>,
) -> ApiResult<Json<PlanBoard>> {
    let id = plan_id(&id)?;
    let date = date_or_today("date", b.date.as_deref())?;
    let actor = me.actor();
    st.run(move |app| plans::return_plan(app, &actor, id, &b.comments, date))
        .await?;
    board_after(&st, &me, id).await
}

/// Body of `POST /api/plans/{id}/revise`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviseBody {
    /// The saved scenario that replaces the scheme.
    pub scenario_id: i64,
    /// What changed.
    #[serde(default)]
    pub note: String,
    /// Date (default today).
    #[serde(default)]
    pub date: Option<String>,
}

/// `POST /api/plans/{id}/revise`: after a return, the county replaces the scheme.
pub async fn revise(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<ReviseBody>,
) -> ApiResult<Json<PlanBoard>> {
    let id = plan_id(&id)?;
    let date = date_or_today("date", b.date.as_deref())?;
    let actor = me.actor();
    st.run(move |app| {
        plans::revise(
            app,
            &actor,
            id,
            &SchemeSource::Saved(b.scenario_id),
            &b.note,
            date,
        )
    })
    .await?;
    board_after(&st, &me, id).await
}

/// Query of the approval.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveQuery {
    /// 批准文号.
    pub document_no: String,
    /// Date of approval.
    pub date: String,
    /// Effective date.
    pub effective: String,
    /// The approval document's file name, when the body carries it.
    #[serde(default)]
    pub file_name: Option<String>,
}

/// `POST /api/plans/{id}/approve?document_no=&date=&effective=&file_name=` (optional approval
/// document as the body): the province records its approval.
pub async fn approve(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<ApproveQuery>,
    body: Bytes,
) -> ApiResult<Json<PlanBoard>> {
    let id = plan_id(&id)?;
    let file = upload(q.file_name.as_deref(), body)?;
    let approval = Approval {
        document_no: q.document_no.trim().to_string(),
        date: quhua_app::text::parse_date("批复日期 / date", &q.date)?,
        effective: quhua_app::text::parse_date("生效日期 / effective", &q.effective)?,
    };
    let actor = me.actor();
    st.run(move |app| plans::approve(app, &actor, id, approval, file.as_ref()))
        .await?;
    board_after(&st, &me, id).await
}

/// Body of `POST /api/plans/{id}/extensions`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtendBody {
    /// Months (1–6 in all).
    pub months: u32,
    /// The approver's consent (文号).
    pub document_no: String,
    /// Date (default today).
    #[serde(default)]
    pub date: Option<String>,
}

/// `POST /api/plans/{id}/extensions`: records an extension of the implementation deadline.
pub async fn extend(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<ExtendBody>,
) -> ApiResult<Json<PlanBoard>> {
    let id = plan_id(&id)?;
    let ext = Extension {
        months: b.months,
        document_no: b.document_no,
        date: date_or_today("date", b.date.as_deref())?,
    };
    let actor = me.actor();
    st.run(move |app| plans::extend(app, &actor, id, ext))
        .await?;
    board_after(&st, &me, id).await
}

/// `POST /api/plans/{id}/apply`: the county applies the approved plan to the registry (on or
/// after the effective date); the new townships and codes show at once.
pub async fn apply(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
) -> ApiResult<Json<PlanBoard>> {
    let id = plan_id(&id)?;
    let actor = me.actor();
    st.run(move |app| plans::apply(app, &actor, id, today()))
        .await?;
    board_after(&st, &me, id).await
}

/// `GET /api/plans/{id}/materials/{sha256}`: a stored material or step document.
pub async fn material(
    State(st): State<AppState>,
    me: AuthUser,
    Path((id, sha)): Path<(String, String)>,
) -> ApiResult<Response> {
    let id = plan_id(&id)?;
    let actor = me.actor();
    Ok(file_response(
        st.run(move |app| plans::material(app, &actor, id, &sha))
            .await?,
    ))
}

/// `GET /api/plans/{id}/documents/{doc}`: a document generated from the applied plan
/// (`notice.docx`, `notice.md`, `change-table.xlsx`, `change-table.csv`, `indicators.xlsx`).
pub async fn document(
    State(st): State<AppState>,
    me: AuthUser,
    Path((id, doc)): Path<(String, String)>,
) -> ApiResult<Response> {
    let id = plan_id(&id)?;
    let actor = me.actor();
    Ok(file_response(
        st.run(move |app| plans::document(app, &actor, id, &doc))
            .await?,
    ))
}
