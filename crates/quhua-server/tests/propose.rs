//! 方案推荐 over HTTP: whole-township schemes, and with `villages: true` the village transfers
//! (村划归) of the refinement; every proposal is a scenario the evaluator accepts.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use quhua_server::auth::password::HashParams;
use quhua_server::{AppState, ServerConfig, router};
use serde_json::{Value, json};
use tower::ServiceExt;

async fn call(app: &axum::Router, req: Request<Body>) -> (StatusCode, Value, Option<String>) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let cookie = resp
        .headers()
        .get(header::SET_COOKIE)
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string());
    let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
        .await
        .unwrap();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        cookie,
    )
}

fn post(uri: &str, body: Value, session: Option<(&str, &str)>) -> Request<Body> {
    let mut b = Request::builder()
        .method("POST")
        .uri(uri)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some((cookie, csrf)) = session {
        b = b
            .header(header::COOKIE, cookie)
            .header("x-csrf-token", csrf);
    }
    b.body(Body::from(body.to_string())).unwrap()
}

#[tokio::test]
async fn proposals_with_and_without_village_transfers() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("p.db").display());
    quhua_server::demo::prepare(&url, &HashParams::insecure_fast()).unwrap();
    let config = ServerConfig {
        hash_params: HashParams::insecure_fast(),
        ..Default::default()
    };
    let app = router(AppState::open(&url, config).unwrap());
    let (s, v, cookie) = call(
        &app,
        post(
            "/api/login",
            json!({"username": "quyang", "password": "quyang-demo-2026"}),
            None,
        ),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let cookie = cookie.unwrap();
    let csrf = v["csrf_token"].as_str().unwrap().to_string();
    let session = Some((cookie.as_str(), csrf.as_str()));
    let uri = "/api/counties/130634/propose";

    let (s, plain, _) = call(&app, post(uri, json!({}), session)).await;
    assert_eq!(s, StatusCode::OK, "{plain}");
    let (s, with, _) = call(&app, post(uri, json!({"villages": true}), session)).await;
    assert_eq!(s, StatusCode::OK, "{with}");
    let (a, b) = (
        plain["schemes"].as_array().unwrap(),
        with["schemes"].as_array().unwrap(),
    );
    assert!(a.len() >= 3 && a.len() == b.len());
    for (x, y) in a.iter().zip(b) {
        assert_eq!(x["moved_villages"], 0);
        let moved = y["moved_villages"].as_u64().unwrap() as usize;
        let ops = y["ops"].as_array().unwrap();
        // the same township merges first, then one transfer op per receiving township
        let merges: Vec<&Value> = ops.iter().filter(|o| o["op"] == "merge").collect();
        assert_eq!(merges.len(), x["ops"].as_array().unwrap().len());
        let transferred: usize = ops
            .iter()
            .filter(|o| o["op"] == "transfer")
            .map(|o| o["villages"].as_array().unwrap().len())
            .sum();
        assert_eq!(transferred, moved);
        // the evaluator accepted it: counts as the township scheme, no new errors
        assert_eq!(y["summary"]["count_after"], x["summary"]["count_after"]);
        assert!(
            y["violations"].as_array().unwrap().len() <= x["violations"].as_array().unwrap().len()
        );
    }
    // an unknown field is refused, not ignored
    let (s, _, _) = call(&app, post(uri, json!({"village": true}), session)).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
}

/// The route and the use case `quhua plan suggest` calls give the same schemes for the same
/// county, request and seed; the planner's locks and seed units are honoured.
#[tokio::test]
async fn the_route_and_the_use_case_agree_and_honour_locks_and_seed_units() {
    use quhua_app::access::Actor;
    use quhua_app::propose::{ProposeRequest, propose};
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("p.db").display());
    quhua_server::demo::prepare(&url, &HashParams::insecure_fast()).unwrap();
    let config = ServerConfig {
        hash_params: HashParams::insecure_fast(),
        ..Default::default()
    };
    let app = router(AppState::open(&url, config).unwrap());
    let (_, v, cookie) = call(
        &app,
        post(
            "/api/login",
            json!({"username": "quyang", "password": "quyang-demo-2026"}),
            None,
        ),
    )
    .await;
    let cookie = cookie.unwrap();
    let csrf = v["csrf_token"].as_str().unwrap().to_string();
    let session = Some((cookie.as_str(), csrf.as_str()));
    let uri = "/api/counties/130634/propose";

    let body = json!({"schemes": 3, "seed": 7, "lock": ["灵山镇"], "seed_units": ["北台乡"]});
    let (s, web, _) = call(&app, post(uri, body.clone(), session)).await;
    assert_eq!(s, StatusCode::OK, "{web}");

    let core = quhua_app::App::open(&url).unwrap();
    let req: ProposeRequest = serde_json::from_value(body).unwrap();
    let direct = propose(&core, &Actor::operator("test"), "130634", &req).unwrap();
    let direct = serde_json::to_value(&direct).unwrap();
    // the same schemes (floats aside: JSON text does not round-trip their last digit)
    let (a, b) = (
        web["schemes"].as_array().unwrap(),
        direct["schemes"].as_array().unwrap(),
    );
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        for k in [
            "name",
            "ops",
            "p",
            "seats",
            "violations",
            "moved_villages",
            "restart",
            "summary",
        ] {
            assert_eq!(x[k], y[k], "{k}");
        }
    }
    assert_eq!(web["islands"], direct["islands"]);

    let cb = quhua_app::county::load(
        &core,
        "130634",
        &quhua_core::policy::Policy::default_policy(),
    )
    .unwrap();
    let code = |name: &str| {
        cb.base
            .townships
            .iter()
            .find(|t| t.name == name)
            .unwrap()
            .code
            .to_string()
    };
    let (locked, seed) = (code("灵山镇"), code("北台乡"));
    let schemes = web["schemes"].as_array().unwrap();
    assert!(!schemes.is_empty());
    for s in schemes {
        for op in s["ops"].as_array().unwrap() {
            let units: Vec<&str> = op["units"]
                .as_array()
                .unwrap()
                .iter()
                .map(|u| u.as_str().unwrap())
                .collect();
            // a locked township is neither merged nor merged into; a seed unit heads its unit
            assert!(
                !units.contains(&locked.as_str()) && op["into"] != locked,
                "{op}"
            );
            assert!(!units.contains(&seed.as_str()), "{op}");
        }
        assert!(
            s["seats"].as_array().unwrap().iter().any(|x| x == "北台乡"),
            "{s}"
        );
    }
    // without the wishes both townships are merged away in some scheme (so the test bites)
    let (_, free, _) = call(&app, post(uri, json!({"schemes": 3, "seed": 7}), session)).await;
    let merged: Vec<String> = free["schemes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["ops"].as_array().unwrap().clone())
        .flat_map(|op| op["units"].as_array().unwrap().clone())
        .map(|u| u.as_str().unwrap().to_string())
        .collect();
    assert!(
        merged.contains(&locked) && merged.contains(&seed),
        "{merged:?}"
    );

    // an unknown township is refused with its name (bad input: 400)
    let (s, e, _) = call(&app, post(uri, json!({"lock": ["无此镇"]}), session)).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{e}");
    assert!(e.to_string().contains("无此镇"), "{e}");
}
