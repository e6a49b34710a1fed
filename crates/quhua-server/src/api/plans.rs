//! The procedure board of a plan (报批程序), read-only: `GET /api/plans?county=` and
//! `GET /api/plans/{id}[?today=YYYY-MM-DD]`.
//!
//! Plans are created and advanced with the CLI (`quhua plan submit|step|approve|apply`) and
//! stored by quhua-store with the body `quhua_workflow::procedure::Plan` as JSON. Jurisdiction
//! scoping is that of scenarios: a plan outside the user's jurisdiction answers 404, exactly
//! like a missing one.

use super::readable_county;
use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::extract::ApiQuery;
use axum::Json;
use axum::extract::{Path, State};
use quhua_core::date::{Date, parse_date};
use quhua_store::{PlanId, PlanRecord};
use quhua_workflow::procedure::{Document, Plan};
use serde::Deserialize;
use serde_json::{Value, json};

/// The stored body as a [`Plan`].
fn parse(rec: &PlanRecord) -> Result<Plan, ApiError> {
    serde_json::from_str(&rec.body)
        .map_err(|e| ApiError::internal(format!("stored plan {} unreadable: {e}", rec.id.0)))
}

/// Today's date (server local time).
fn today() -> Date {
    chrono::Local::now().date_naive()
}

/// A document as shown: name, kind (id and Chinese name), SHA-256, who and when.
fn document(d: &Document) -> Value {
    json!({
        "name": d.name,
        "kind": d.kind,
        "kind_zh": d.kind.map(|k| k.zh()),
        "sha256": d.sha256,
        "added_by": d.added_by,
        "added_at": d.added_at,
    })
}

/// The summary of a plan: record fields, template, progress, approval, application and the
/// states of its clocks.
fn summary(rec: &PlanRecord, plan: &Plan, today: Date) -> Value {
    let status = plan.status();
    let done = status.iter().filter(|s| s.done.is_some()).count();
    let next: Vec<&str> = status
        .iter()
        .filter(|s| s.done.is_none() && s.ready)
        .map(|s| s.zh.as_str())
        .collect();
    let clocks = plan.clocks(today);
    json!({
        "id": rec.id.0,
        "name": plan.name,
        "county": rec.county,
        "template": plan.template.id,
        "template_name": plan.template.name,
        "version": rec.version,
        "created_by": rec.created_by,
        "created_at": rec.created_at,
        "updated_by": rec.updated_by,
        "updated_at": rec.updated_at,
        "steps_done": done,
        "steps_total": status.len(),
        "next": next,
        "approval": plan.approval,
        "applied": plan.applied,
        "implementation": clocks.map(|c| c.implementation),
        "codes": clocks.map(|c| c.codes),
    })
}

/// Loads a plan the user may read (404 otherwise).
async fn load_readable(st: &AppState, me: &AuthUser, id: &str) -> Result<PlanRecord, ApiError> {
    let not_found = || ApiError::not_found(format!("报批方案 {id}"), format!("plan {id}"));
    let n: i64 = id.parse().map_err(|_| not_found())?;
    let rec = st
        .with_store(move |s| s.get_plan(PlanId(n)))
        .await?
        .ok_or_else(not_found)?;
    if !me.user.jurisdiction.covers(&rec.county) {
        return Err(not_found());
    }
    Ok(rec)
}

/// Query of the list.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    /// Only this county.
    #[serde(default)]
    pub county: Option<String>,
}

/// `GET /api/plans?county=`: plans of the user's jurisdiction, newest first, with summaries.
pub async fn list(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> ApiResult<Json<Value>> {
    if let Some(c) = &q.county {
        readable_county(&st, &me.user, c)?;
    }
    let all = st.with_store(|s| s.list_plans()).await?;
    let today = today();
    let mut out = Vec::new();
    for rec in all.iter().filter(|r| {
        me.user.jurisdiction.covers(&r.county) && q.county.as_ref().is_none_or(|c| *c == r.county)
    }) {
        out.push(summary(rec, &parse(rec)?, today));
    }
    out.sort_by_key(|v| std::cmp::Reverse(v["id"].as_i64()));
    Ok(Json(json!({ "plans": out, "today": today })))
}

/// Query of one plan.
#[derive(Debug, Deserialize)]
pub struct BoardQuery {
    /// The date the clocks are computed on (default: today).
    #[serde(default)]
    pub today: Option<String>,
}

/// `GET /api/plans/{id}`: the board — summary, every step in order (`status()`: done with
/// who/when/document, ready, or the missing steps and materials), the statutory clocks on
/// `today`, the consultation totals, the materials and extensions.
pub async fn get(
    State(st): State<AppState>,
    me: AuthUser,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<BoardQuery>,
) -> ApiResult<Json<Value>> {
    let today = match q.today.as_deref() {
        None => today(),
        Some(s) => parse_date(s).ok_or_else(|| {
            ApiError::bad_request(
                format!("日期“{s}”应为 YYYY-MM-DD"),
                format!("date \"{s}\" must be YYYY-MM-DD"),
            )
        })?,
    };
    let rec = load_readable(&st, &me, &id).await?;
    let plan = parse(&rec)?;
    let steps: Vec<Value> = plan
        .status()
        .into_iter()
        .map(|s| {
            let state = if s.done.is_some() {
                "done"
            } else if s.ready {
                "ready"
            } else {
                "blocked"
            };
            json!({
                "id": s.id,
                "zh": s.zh,
                "en": s.en,
                "actor": s.actor,
                "basis": s.basis,
                "state": state,
                "done": s.done.as_ref().map(|r| json!({
                    "by": r.by,
                    "at": r.at,
                    "note": r.note,
                    "document": r.document.as_ref().map(document),
                })),
                "missing_steps": s.missing_steps,
                "missing_materials": s.missing_materials,
            })
        })
        .collect();
    let clocks = plan.clocks(today).map(|c| {
        json!({
            "approved": c.approved,
            "implementation_due": c.implementation_due,
            "extension_months": c.extension_months,
            "implementation": c.implementation,
            "implementation_zh": c.implementation.zh(),
            "codes_due": c.codes_due,
            "codes": c.codes,
            "codes_zh": c.codes.zh(),
        })
    });
    Ok(Json(json!({
        "plan": summary(&rec, &plan, today),
        "today": today,
        "steps": steps,
        "clocks": clocks,
        "consultation": plan.consultation.totals(),
        "materials": plan.materials.iter().map(document).collect::<Vec<_>>(),
        "extensions": plan.extensions,
    })))
}
