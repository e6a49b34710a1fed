//! 区划名录 over HTTP: a county's units in force on a date, the changes touching it between
//! two dates, the lineage (沿革) of one of its units, and the audit log with its
//! verification — thin adapters over `quhua_app::registry` and `quhua_app::audit_review`
//! (the CLI's `quhua registry` and `quhua audit` call the same functions).

use crate::app::AppState;
use crate::auth::session::AuthUser;
use crate::error::ApiResult;
use crate::extract::ApiQuery;
use axum::Json;
use axum::extract::{Path, State};
use quhua_app::audit_review::{self, AuditView};
use quhua_app::registry::{self, AsOf, Changes, Lineage};
use serde::Deserialize;

/// Query of the as-of view.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AsOfQuery {
    /// The date, YYYY-MM-DD.
    pub date: String,
    /// `township` (default) or `village`.
    #[serde(default)]
    pub level: Option<String>,
}

/// `GET /api/counties/{code}/registry?date=&level=`: the units in force on a date.
pub async fn as_of(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiQuery(q): ApiQuery<AsOfQuery>,
) -> ApiResult<Json<AsOf>> {
    super::readable_county(&st, &me.user, &code)?;
    let villages = match q.level.as_deref() {
        None | Some("") | Some("township") => false,
        Some("village") => true,
        Some(other) => {
            return Err(crate::error::ApiError::bad_request(
                format!("层级“{other}”无效（township 或 village）"),
                format!("bad level \"{other}\" (township or village)"),
            ));
        }
    };
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| {
            registry::as_of(&*app.registry()?, &actor, &q.date, Some(&code), villages)
        })
        .await?,
    ))
}

/// Query of the changes view.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangesQuery {
    /// From (exclusive), YYYY-MM-DD.
    pub from: String,
    /// To (inclusive), YYYY-MM-DD.
    pub to: String,
}

/// `GET /api/counties/{code}/changes?from=&to=`: the changes touching the county.
pub async fn changes(
    State(st): State<AppState>,
    me: AuthUser,
    Path(code): Path<String>,
    ApiQuery(q): ApiQuery<ChangesQuery>,
) -> ApiResult<Json<Changes>> {
    super::readable_county(&st, &me.user, &code)?;
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| {
            registry::changes(&*app.registry()?, &actor, &q.from, &q.to, Some(&code))
        })
        .await?,
    ))
}

/// `GET /api/counties/{code}/lineage/{unit}`: where a unit went and where it came from.
pub async fn lineage(
    State(st): State<AppState>,
    me: AuthUser,
    Path((code, unit)): Path<(String, String)>,
) -> ApiResult<Json<Lineage>> {
    super::readable_county(&st, &me.user, &code)?;
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| registry::county_lineage(&*app.registry()?, &actor, &code, &unit))
            .await?,
    ))
}

/// Query of the audit log.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditQuery {
    /// Rows older than this seq (the previous page's `next_before`).
    #[serde(default)]
    pub before: Option<i64>,
    /// Rows per page (1–500, default 50).
    #[serde(default)]
    pub limit: Option<usize>,
}

/// `GET /api/audit?before=&limit=`: the audit log, newest first, with its verification.
pub async fn audit(
    State(st): State<AppState>,
    me: AuthUser,
    ApiQuery(q): ApiQuery<AuditQuery>,
) -> ApiResult<Json<AuditView>> {
    let actor = me.actor();
    Ok(Json(
        st.run(move |app| {
            audit_review::audit_view(app.store(), &actor, q.before, q.limit.unwrap_or(50))
        })
        .await?,
    ))
}
