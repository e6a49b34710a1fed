//! Every API route in one table: the router is built from it, and the OpenAPI document and
//! the authorization test are checked against it, so no route can be added to one and not
//! the others.

use crate::app::AppState;
use crate::{api, openapi};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{MethodFilter, MethodRouter, on};

/// The largest upload body (a little over quhua-app's file limit, so the use case answers
/// with its own clear message first).
const UPLOAD_LIMIT: usize = quhua_app::upload::MAX_BYTES + (1 << 20);

/// One API route: its method, its path template and how to build its handler.
pub struct Route {
    /// `GET`, `POST` or `PUT`.
    pub method: &'static str,
    /// The path template (`/api/plans/{id}`).
    pub path: &'static str,
    /// Whether the route takes an upload (its body may be up to the upload limit).
    pub upload: bool,
    make: fn() -> MethodRouter<AppState>,
}

/// One table entry; the method names both the table's method and the handler's filter.
macro_rules! route {
    ($m:ident $path:literal => $handler:path) => {
        route!(@ $m $path => $handler, false)
    };
    ($m:ident $path:literal => $handler:path, upload) => {
        route!(@ $m $path => $handler, true)
    };
    (@ $m:ident $path:literal => $handler:path, $upload:expr) => {
        Route {
            method: stringify!($m),
            path: $path,
            upload: $upload,
            make: || on(MethodFilter::$m, $handler),
        }
    };
}

/// Every API route.
pub static API: &[Route] = &[
    route!(POST "/api/login" => api::auth::login),
    route!(POST "/api/logout" => api::auth::logout),
    route!(GET "/api/me" => api::auth::me),
    route!(GET "/api/counties" => api::counties::list),
    route!(GET "/api/counties/{code}/base" => api::counties::base),
    route!(GET "/api/counties/{code}/geojson" => api::counties::geojson),
    route!(GET "/api/counties/{code}/policies" => api::counties::policies),
    route!(POST "/api/counties/{code}/boundaries" => api::boundaries::import, upload),
    route!(POST "/api/counties/{code}/survey" => api::boundaries::survey, upload),
    route!(POST "/api/counties/{code}/evaluate" => api::counties::evaluate),
    route!(GET "/api/counties/{code}/registry" => api::registry::as_of),
    route!(GET "/api/counties/{code}/changes" => api::registry::changes),
    route!(GET "/api/counties/{code}/lineage/{unit}" => api::registry::lineage),
    route!(GET "/api/audit" => api::registry::audit),
    route!(GET "/api/scenarios" => api::scenarios::list),
    route!(POST "/api/scenarios" => api::scenarios::create),
    route!(GET "/api/scenarios/{id}" => api::scenarios::get),
    route!(PUT "/api/scenarios/{id}" => api::scenarios::update),
    route!(GET "/api/scenarios/{id}/freshness" => api::scenarios::freshness),
    route!(POST "/api/counties/{code}/propose" => api::propose::propose),
    route!(POST "/api/counties/{code}/propose-villages" => api::propose::propose_villages),
    route!(GET "/api/counties/{code}/evaluation" => api::stats::county_evaluation),
    route!(GET "/api/counties/{code}/observations" => api::stats::observations, upload),
    route!(POST "/api/counties/{code}/observations" => api::stats::import, upload),
    route!(GET "/api/counties/{code}/crosswalk" => api::stats::crosswalk),
    route!(GET "/api/counties/{code}/recast" => api::stats::recast_stored, upload),
    route!(POST "/api/counties/{code}/recast" => api::stats::recast_upload, upload),
    route!(GET "/api/compare" => api::compare::compare),
    route!(GET "/api/plans" => api::plans::list),
    route!(POST "/api/plans" => api::plans::submit),
    route!(POST "/api/plans/approve-batch" => api::assemblies::approve_batch, upload),
    route!(GET "/api/plans/{id}" => api::plans::get),
    route!(POST "/api/plans/{id}/consultation" => api::plans::consult),
    route!(POST "/api/plans/{id}/materials" => api::plans::attach, upload),
    route!(GET "/api/plans/{id}/materials/{sha256}" => api::plans::material),
    route!(POST "/api/plans/{id}/steps/{step}" => api::plans::complete_step, upload),
    route!(POST "/api/plans/{id}/opinions" => api::plans::opinion),
    route!(POST "/api/plans/{id}/return" => api::plans::return_plan),
    route!(POST "/api/plans/{id}/revise" => api::plans::revise),
    route!(POST "/api/plans/{id}/approve" => api::plans::approve, upload),
    route!(POST "/api/plans/{id}/extensions" => api::plans::extend),
    route!(POST "/api/plans/{id}/assemblies" => api::assemblies::record),
    route!(POST "/api/plans/{id}/apply" => api::plans::apply),
    route!(GET "/api/plans/{id}/documents/{doc}" => api::plans::document),
    route!(GET "/api/plans/{id}/evaluation" => api::stats::plan_evaluation),
    route!(GET "/api/plans/{id}/handover" => api::handover::get),
    route!(POST "/api/plans/{id}/handover" => api::handover::init),
    route!(GET "/api/plans/{id}/handover/sections/{section}" => api::handover::section),
    route!(POST "/api/plans/{id}/handover/actions" => api::handover::act),
    route!(POST "/api/plans/{id}/handover/imports/{kind}" => api::handover::import, upload),
    route!(GET "/api/plans/{id}/handover/documents/{doc}" => api::handover::document),
    route!(GET "/api/tasks" => api::tasks::board),
    route!(GET "/api/tasks/{id}" => api::tasks::get),
    route!(POST "/api/tasks/{id}/actions" => api::tasks::act),
    route!(POST "/api/tasks/{id}/evidence" => api::tasks::upload_evidence, upload),
    route!(GET "/api/tasks/{id}/evidence/{sha256}" => api::tasks::evidence),
    route!(POST "/api/tasks/imports" => api::tasks::import, upload),
    route!(GET "/api/tasks/imports/template" => api::tasks::template),
    route!(GET "/api/tasks/settings" => api::tasks::settings),
    route!(POST "/api/tasks/escalations" => api::tasks::escalate),
    route!(GET "/api/tasks/changes" => api::tasks::changes),
    route!(GET "/api/tasks/summary" => api::tasks::overview),
    route!(GET "/api/tasks/reports/{period}" => api::tasks::report),
    route!(POST "/api/plans/{id}/tasks" => api::tasks::generate),
    route!(GET "/api/inbox" => api::tasks::inbox),
    route!(GET "/api/risks" => api::registers::risks),
    route!(POST "/api/risks" => api::registers::create_risk),
    route!(POST "/api/risks/{id}/actions" => api::registers::risk_act),
    route!(GET "/api/feedback" => api::registers::feedback),
    route!(POST "/api/feedback" => api::registers::receive),
    route!(POST "/api/feedback/imports" => api::registers::import, upload),
    route!(POST "/api/feedback/{id}/actions" => api::registers::feedback_act),
    route!(GET "/api/openapi.json" => openapi::handler),
];

/// The API routes of the table as a router (routes sharing a path share one entry).
pub(crate) fn api_router() -> Router<AppState> {
    let mut paths: Vec<(&'static str, MethodRouter<AppState>)> = Vec::new();
    for r in API {
        let mut handler = (r.make)();
        if r.upload {
            handler = handler.layer(DefaultBodyLimit::max(UPLOAD_LIMIT));
        }
        match paths.iter().position(|(p, _)| *p == r.path) {
            Some(i) => {
                let (p, before) = paths.swap_remove(i);
                paths.push((p, before.merge(handler)));
            }
            None => paths.push((r.path, handler)),
        }
    }
    paths
        .into_iter()
        .fold(Router::new(), |router, (p, h)| router.route(p, h))
}

#[cfg(test)]
mod tests {
    use super::API;

    #[test]
    fn each_method_and_path_once() {
        let mut seen = std::collections::BTreeSet::new();
        for r in API {
            assert!(
                seen.insert((r.method, r.path)),
                "{} {} twice",
                r.method,
                r.path
            );
            assert!(r.path.starts_with("/api/"), "{}", r.path);
        }
    }
}
