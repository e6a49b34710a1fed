//! Authorization matrix: every API route × every role × own/other jurisdiction → expected
//! status, on the Router directly (`tower::ServiceExt::oneshot`) over a temp SQLite database
//! prepared like `quhua serve --demo`. Also: CSRF missing/wrong → 403, repeated bad logins
//! → 429, stale version → 409, and no response leaks another jurisdiction's data.
//!
//! | route                                   | in jurisdiction                  | outside        |
//! |-----------------------------------------|----------------------------------|----------------|
//! | GET counties/{code}/base, geojson       | every role 200                   | 403            |
//! | POST counties/{code}/evaluate           | every role 200 (CSRF)            | 403            |
//! | POST counties/{code}/propose (方案推荐) | every role 200 (CSRF; read-only) | 403            |
//! | GET scenarios, plans (lists)            | 200, own jurisdiction only       | `?county=` 403 |
//! | GET scenarios/{id}, plans/{id}          | every role 200                   | 404            |
//! | POST scenarios, PUT scenarios/{id}      | county editor 201/200, else 403  | 403 / 404      |
//! | GET compare                             | every role 200                   | 404            |
//!
//! 方案推荐 changes nothing (it proposes operations; saving them is a scenario write), so it
//! needs read access only. The procedure board (plans) is read-only in the server; plans are
//! created and advanced with `quhua plan …`.

use axum::Router;
use axum::body::Body;
use axum::extract::MatchedPath;
use axum::http::{Request, StatusCode, header};
use quhua_server::auth::password::HashParams;
use quhua_server::{API, AppState, ServerConfig, router};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use tower::ServiceExt;

struct Client {
    app: Router,
    /// The routes the router matched (method and template), as the router saw them.
    hit: Arc<Mutex<BTreeSet<(String, String)>>>,
}

/// Names, in a response header, the route the router matched for the request.
async fn tag_route(req: Request<Body>, next: axum::middleware::Next) -> axum::response::Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| format!("{} {}", req.method(), p.as_str()));
    let mut resp = next.run(req).await;
    if let Some(r) = route.and_then(|r| axum::http::HeaderValue::from_str(&r).ok()) {
        resp.headers_mut().insert("x-matched-route", r);
    }
    resp
}

/// The table's routes as (method, template).
fn routes() -> impl Iterator<Item = (&'static str, &'static str)> {
    API.iter().map(|r| (r.method, r.path))
}

#[derive(Clone)]
struct Session {
    cookie: String,
    csrf: String,
}

impl Client {
    async fn call(
        &self,
        method: &str,
        template: &str,
        uri: &str,
        who: Option<&Session>,
        body: Option<Value>,
        csrf: bool,
    ) -> (StatusCode, Value, Option<String>) {
        let mut b = Request::builder().method(method).uri(uri);
        if let Some(s) = who {
            b = b.header(header::COOKIE, &s.cookie);
            if csrf {
                b = b.header("x-csrf-token", &s.csrf);
            }
        }
        let req = match body {
            Some(v) => b
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(v.to_string())),
            None => b.body(Body::empty()),
        }
        .unwrap();
        let resp = self.matched(method, template, req).await;
        let status = resp.status();
        let cookie = resp
            .headers()
            .get(header::SET_COOKIE)
            .map(|v| v.to_str().unwrap().to_string());
        let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .unwrap();
        let v = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        (status, v, cookie)
    }

    /// Sends a request and checks that the router matched the route the test meant
    /// (`template`; `-` for a path that matches none), recording it.
    async fn matched(
        &self,
        method: &str,
        template: &str,
        req: Request<Body>,
    ) -> axum::response::Response {
        let resp = self.app.clone().oneshot(req).await.unwrap();
        let route = resp
            .headers()
            .get("x-matched-route")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        if template != "-" {
            assert_eq!(
                route.as_deref(),
                Some(format!("{method} {template}").as_str()),
                "the router matched another route than the test meant"
            );
        }
        if let Some((m, p)) = route.as_deref().and_then(|r| r.split_once(' ')) {
            self.hit
                .lock()
                .unwrap()
                .insert((m.to_string(), p.to_string()));
        }
        resp
    }

    /// A POST whose body is a file (the procedure's uploads).
    async fn upload(
        &self,
        template: &str,
        uri: &str,
        who: &Session,
        bytes: &[u8],
    ) -> (StatusCode, Value) {
        let req = Request::builder()
            .method("POST")
            .uri(uri)
            .header(header::COOKIE, &who.cookie)
            .header("x-csrf-token", &who.csrf)
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .body(Body::from(bytes.to_vec()))
            .unwrap();
        let resp = self.matched("POST", template, req).await;
        let status = resp.status();
        let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .unwrap();
        (
            status,
            serde_json::from_slice(&bytes).unwrap_or(Value::Null),
        )
    }

    async fn login(&self, user: &str, password: &str) -> (StatusCode, Option<Session>) {
        let (s, v, cookie) = self
            .call(
                "POST",
                "/api/login",
                "/api/login",
                None,
                Some(json!({"username": user, "password": password})),
                false,
            )
            .await;
        let session = cookie.map(|c| {
            assert!(
                c.contains("HttpOnly") && c.contains("SameSite=Strict"),
                "{c}"
            );
            Session {
                cookie: c.split(';').next().unwrap().to_string(),
                csrf: v["csrf_token"].as_str().unwrap().to_string(),
            }
        });
        (s, session)
    }
}

const OWN: &str = "130634";

/// (user, password, covers 130634, may write in 130634, covers 130627)
const USERS: &[(&str, &str, bool, bool, bool)] = &[
    ("quyang", "quyang-demo-2026", true, true, false),
    ("tangxian", "tangxian-demo-2026", false, false, true),
    ("baoding", "baoding-demo-2026", true, false, true),
    ("hebei", "hebei-demo-2026", true, false, true),
    ("bianban", "bianban-demo-2026", true, false, false),
    ("guest", "guest-demo-2026", true, false, false),
];

fn setup() -> (Client, tempfile::TempDir, i64) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("authz.db").display());
    quhua_server::demo::prepare(&url, &HashParams::insecure_fast()).unwrap();
    // A scenario of another county (唐县), written directly to the store.
    let store = quhua_store::Store::open(&url).unwrap();
    let other_sc: quhua_core::scenario::Scenario =
        serde_json::from_value(json!({"name": "唐县方案", "county": "130627", "ops": []})).unwrap();
    let other = store.create(&other_sc, "test").unwrap();
    // Plans: the demo's 1 (in progress) and 2 (approved) in 曲阳县, and 3 in 唐县.
    let mut tang = quhua_server::demo::plans::in_progress("").unwrap();
    tang.county = "130627".into();
    tang.name = "唐县乡镇调整".into();
    let p3 = store.create(&tang, "test").unwrap();
    assert_eq!(p3, 3);
    drop(store);
    let config = ServerConfig {
        hash_params: HashParams::insecure_fast(),
        ..Default::default()
    };
    let state = AppState::open(&url, config).unwrap();
    (
        Client {
            app: router(state).layer(axum::middleware::from_fn(tag_route)),
            hit: Arc::default(),
        },
        dir,
        other,
    )
}

fn expect(cond: bool, yes: StatusCode, no: StatusCode) -> StatusCode {
    if cond { yes } else { no }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authorization_matrix() {
    let (c, _dir, other_id) = setup();
    let ok = StatusCode::OK;
    let forbidden = StatusCode::FORBIDDEN;
    let not_found = StatusCode::NOT_FOUND;
    let unauth = StatusCode::UNAUTHORIZED;
    let merge = json!({"ops": [{"op": "merge", "units": ["北台乡"], "into": "恒州镇"}]});

    // Anonymous: everything but login and the OpenAPI document answers 401.
    for (m, p) in routes() {
        if p == "/api/login" {
            continue;
        }
        let uri = p
            .replace("{code}", OWN)
            .replace("{id}", "1")
            .replace("/api/compare", "/api/compare?a=1&b=1");
        let body = (m != "GET").then(|| json!({}));
        let (s, v, _) = c.call(m, p, &uri, None, body, false).await;
        let want = if p == "/api/openapi.json" { ok } else { unauth };
        assert_eq!(s, want, "anonymous {m} {p}");
        if want == unauth {
            assert!(v["error"]["zh"].is_string() && v["error"]["en"].is_string());
        }
    }

    let mut checked = 0;
    for &(user, pw, own, write, covers_other) in USERS {
        let (s, session) = c.login(user, pw).await;
        assert_eq!(s, ok, "login {user}");
        let me = session.unwrap();
        let who = Some(&me);
        let cell = |route: &str, got: StatusCode, want: StatusCode| {
            assert_eq!(got, want, "{user} × {route}");
        };

        let (s, v, _) = c.call("GET", "/api/me", "/api/me", who, None, false).await;
        cell("GET /api/me", s, ok);
        assert_eq!(v["user"]["username"], user);
        assert_eq!(v["csrf_token"].as_str(), Some(me.csrf.as_str()));

        let (s, v, _) = c
            .call("GET", "/api/counties", "/api/counties", who, None, false)
            .await;
        cell("GET /api/counties", s, ok);
        let codes: Vec<&str> = v["counties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["code"].as_str().unwrap())
            .collect();
        assert_eq!(
            codes,
            if own { vec![OWN] } else { vec![] },
            "{user} counties"
        );

        let t = "/api/counties/{code}/base";
        let (s, v, _) = c
            .call("GET", t, "/api/counties/130634/base", who, None, false)
            .await;
        cell(t, s, expect(own, ok, forbidden));
        if !own {
            assert!(v.get("townships").is_none(), "no data leaks in a 403");
        }
        // A county that does not exist (130699): 403 outside the jurisdiction (nothing
        // leaks), 404 inside (city and province accounts).
        let (s, _, _) = c
            .call("GET", t, "/api/counties/130699/base", who, None, false)
            .await;
        let wide = matches!(user, "baoding" | "hebei");
        cell(
            "base of a missing county",
            s,
            expect(wide, not_found, forbidden),
        );

        let t = "/api/counties/{code}/geojson";
        for level in ["village", "township"] {
            let uri = format!("/api/counties/130634/geojson?level={level}");
            let (s, v, _) = c.call("GET", t, &uri, who, None, false).await;
            cell(t, s, expect(own, ok, forbidden));
            if own {
                assert_eq!(v["features"][0]["properties"]["示意"], true);
            }
        }

        // 区划名录: as of a date, changes, lineage — for every reader of the county.
        let t = "/api/counties/{code}/registry";
        let (s, v, _) = c
            .call(
                "GET",
                t,
                "/api/counties/130634/registry?date=2023-06-30",
                who,
                None,
                false,
            )
            .await;
        cell(t, s, expect(own, ok, forbidden));
        if own {
            assert_eq!(v["units"].as_array().map(Vec::len), Some(18), "{v}");
        } else {
            assert!(v.get("units").is_none(), "no data leaks in a 403");
        }
        let t = "/api/counties/{code}/changes";
        let uri = "/api/counties/130634/changes?from=1949-10-01&to=2030-12-31";
        let (s, v, _) = c.call("GET", t, uri, who, None, false).await;
        cell(t, s, expect(own, ok, forbidden));
        if own {
            assert!(
                v["changes"].as_array().is_some_and(|c| !c.is_empty()),
                "{v}"
            );
        }
        let t = "/api/counties/{code}/lineage/{unit}";
        let (s, v, _) = c
            .call(
                "GET",
                t,
                "/api/counties/130634/lineage/130634210",
                who,
                None,
                false,
            )
            .await;
        cell(t, s, expect(own, ok, forbidden));
        if own {
            assert_eq!(v["forward"][0]["type"], "撤乡设镇", "{v}");
            // a unit of another county, asked through this one, is not found
            let (s, _, _) = c
                .call(
                    "GET",
                    t,
                    "/api/counties/130634/lineage/130627100",
                    who,
                    None,
                    false,
                )
                .await;
            cell("lineage of another county's unit", s, not_found);
        }
        // The audit log: provincial approvers only (it spans the whole database).
        let t = "/api/audit";
        let (s, v, _) = c
            .call("GET", t, "/api/audit?limit=5", who, None, false)
            .await;
        cell(t, s, expect(user == "hebei", ok, forbidden));
        if user == "hebei" {
            assert_eq!(v["verified"], true, "{v}");
            assert_eq!(v["entries"].as_array().map(Vec::len), Some(5));
            assert!(v["entries"][0].get("after").is_none(), "no bodies: {v}");
        }

        let t = "/api/counties/{code}/evaluate";
        let uri = "/api/counties/130634/evaluate";
        let (s, v, _) = c.call("POST", t, uri, who, Some(merge.clone()), true).await;
        cell(t, s, expect(own, ok, forbidden));
        if own {
            assert_eq!(v["evaluation"]["indicators"]["after"]["count"], 17);
            assert!(v["geojson"].is_null(), "geometry only with ?geojson=1");
            let idx = v["evaluation"]["units"][0]["village_idx"]
                .as_array()
                .unwrap();
            assert!(!idx.is_empty());
            let uri = "/api/counties/130634/evaluate?geojson=1";
            let (s, v, _) = c.call("POST", t, uri, who, Some(merge.clone()), true).await;
            cell("evaluate with geojson", s, ok);
            assert_eq!(v["geojson"]["features"].as_array().unwrap().len(), 17);
            assert_eq!(v["geojson"]["features"][0]["properties"]["示意"], true);
        }
        let (s, _, _) = c
            .call("POST", t, uri, who, Some(merge.clone()), false)
            .await;
        cell("evaluate without CSRF", s, forbidden);

        // 方案推荐 changes nothing: any role that reads the county may call it (with CSRF).
        let t = "/api/counties/{code}/propose";
        let uri = "/api/counties/130634/propose";
        let (s, v, _) = c.call("POST", t, uri, who, Some(json!({})), true).await;
        cell(t, s, expect(own, ok, forbidden));
        if own {
            let schemes = v["schemes"].as_array().unwrap();
            assert!(schemes.len() >= 3, "{user}: {} schemes", schemes.len());
            for sc in schemes {
                assert!(!sc["ops"].as_array().unwrap().is_empty());
                assert_eq!(sc["summary"]["count_before"], 18);
                assert!(sc["summary"]["count_after"].as_u64().unwrap() < 18);
            }
        } else {
            assert!(v.get("schemes").is_none(), "no data leaks in a 403");
        }
        let (s, _, _) = c.call("POST", t, uri, who, Some(json!({})), false).await;
        cell("propose without CSRF", s, forbidden);

        // The procedure board: scoped like scenarios.
        let t = "/api/plans";
        let (s, v, _) = c.call("GET", t, t, who, None, false).await;
        cell(t, s, ok);
        let ids: BTreeSet<i64> = v["plans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["id"].as_i64().unwrap())
            .collect();
        assert_eq!(ids.contains(&1) && ids.contains(&2), own, "{user} plans");
        assert_eq!(ids.contains(&3), covers_other, "{user} plans");
        let (s, _, _) = c
            .call("GET", t, "/api/plans?county=130634", who, None, false)
            .await;
        cell(
            "GET /api/plans?county=130634",
            s,
            expect(own, ok, forbidden),
        );
        let t = "/api/plans/{id}";
        let (s, v, _) = c.call("GET", t, "/api/plans/1", who, None, false).await;
        cell("GET own-county plan", s, expect(own, ok, not_found));
        if own {
            assert_eq!(v["plan"]["name"], "曲阳县乡镇行政区划调整方案（示意）");
            let step = |id: &str| {
                v["steps"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|x| x["id"] == id)
                    .unwrap()
                    .clone()
            };
            assert_eq!(step("draft")["state"], "done");
            let doc = &step("expert_review")["done"]["document"];
            assert!(doc["name"].as_str().unwrap().ends_with(".pdf"));
            assert_eq!(doc["sha256"].as_str().unwrap().len(), 64);
            assert_eq!(step("consultation")["state"], "ready");
            let legal = step("legality_review");
            assert_eq!(legal["state"], "blocked");
            assert_eq!(legal["missing_steps"], json!(["征求意见", "部门意见"]));
            assert!(v["clocks"].is_null(), "no clocks before approval");
            assert_eq!(v["consultation"]["meetings"], 0);
            assert_eq!(v["materials"][0]["kind"], "map_before");
            // The approved plan: clocks from 2026-01-15; codes were due a month after it took
            // effect (2026-02-01) and are not done.
            let uri = "/api/plans/2?today=2026-06-01";
            let (s, v, _) = c.call("GET", t, uri, who, None, false).await;
            cell("GET approved plan", s, ok);
            assert_eq!(v["clocks"]["implementation_due"], "2027-01-15");
            assert_eq!(v["clocks"]["implementation"], "on_track");
            assert_eq!(v["clocks"]["codes"], "overdue");
            assert_eq!(v["consultation"]["meetings"], 1);
            let (s, _, _) = c
                .call("GET", t, "/api/plans/2?today=June", who, None, false)
                .await;
            cell("bad today", s, StatusCode::BAD_REQUEST);
        } else {
            assert!(v.get("steps").is_none(), "no data leaks in a 404");
        }
        let (s, _, _) = c.call("GET", t, "/api/plans/3", who, None, false).await;
        cell(
            "GET other-county plan",
            s,
            expect(covers_other, ok, not_found),
        );
        let (s, _, _) = c.call("GET", t, "/api/plans/999", who, None, false).await;
        cell("GET missing plan", s, not_found);

        let t = "/api/scenarios";
        let (s, v, _) = c.call("GET", t, t, who, None, false).await;
        cell(t, s, ok);
        let counties: BTreeSet<&str> = v["scenarios"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["county"].as_str().unwrap())
            .collect();
        for county in &counties {
            let covered = (*county == OWN && own) || (*county == "130627" && covers_other);
            assert!(covered, "{user} sees a scenario of {county}");
        }
        assert_eq!(counties.contains(OWN), own);
        assert_eq!(counties.contains("130627"), covers_other);
        let (s, _, _) = c
            .call("GET", t, "/api/scenarios?county=130634", who, None, false)
            .await;
        cell(
            "GET /api/scenarios?county=130634",
            s,
            expect(own, ok, forbidden),
        );

        let create = json!({"name": format!("{user} 的方案"), "county": OWN, "ops": merge["ops"]});
        let (s, v, _) = c.call("POST", t, t, who, Some(create.clone()), true).await;
        cell(
            "POST /api/scenarios",
            s,
            expect(write, StatusCode::CREATED, forbidden),
        );
        if write {
            assert_eq!(v["version"], 1);
            assert_eq!(v["created_by"], user);
        }
        let (s, _, _) = c.call("POST", t, t, who, Some(create), false).await;
        cell("POST /api/scenarios without CSRF", s, forbidden);

        let t = "/api/scenarios/{id}";
        let (s, v, _) = c.call("GET", t, "/api/scenarios/1", who, None, false).await;
        cell("GET own-county scenario", s, expect(own, ok, not_found));
        let version = v["version"].as_i64().unwrap_or(1);
        let uri = format!("/api/scenarios/{other_id}");
        let (s, _, _) = c.call("GET", t, &uri, who, None, false).await;
        cell(
            "GET other-county scenario",
            s,
            expect(covers_other, ok, not_found),
        );

        let put = json!({"expected_version": version, "name": "改过的方案", "ops": merge["ops"]});
        let (s, _, _) = c
            .call("PUT", t, "/api/scenarios/1", who, Some(put.clone()), false)
            .await;
        cell("PUT without CSRF", s, forbidden);
        let (s, v, _) = c
            .call("PUT", t, "/api/scenarios/1", who, Some(put.clone()), true)
            .await;
        cell(
            "PUT own-county scenario",
            s,
            if !own {
                not_found
            } else if write {
                ok
            } else {
                forbidden
            },
        );
        if write {
            assert_eq!(v["version"], version + 1);
            // The same expected version again is stale now → 409 with the current scenario.
            let (s, v, _) = c
                .call("PUT", t, "/api/scenarios/1", who, Some(put), true)
                .await;
            cell("PUT with a stale version", s, StatusCode::CONFLICT);
            assert_eq!(v["current_version"], version + 1);
            assert_eq!(v["current"]["name"], "改过的方案");
            assert!(v["error"]["zh"].is_string());
        }

        let t = "/api/compare";
        let (s, v, _) = c
            .call("GET", t, "/api/compare?a=1&b=1", who, None, false)
            .await;
        cell(t, s, expect(own, ok, not_found));
        if own {
            assert!(v["a"]["evaluation"]["units"].is_array());
            assert!(v["b"]["geojson"]["features"].is_array());
        }
        let uri = format!("/api/compare?a=1&b={other_id}");
        let (s, _, _) = c.call("GET", t, &uri, who, None, false).await;
        // Outside the jurisdiction the 唐县 scenario is invisible (404); inside it is
        // readable but 唐县 is not in the demo registry, so it cannot be evaluated (404).
        cell("compare with a scenario of 唐县", s, not_found);

        let t = "/api/openapi.json";
        let (s, _, _) = c.call("GET", t, t, who, None, false).await;
        cell(t, s, ok);

        let t = "/api/logout";
        let (s, _, _) = c.call("POST", t, t, who, Some(json!({})), false).await;
        cell("logout without CSRF", s, forbidden);
        let (s, _, _) = c.call("POST", t, t, who, Some(json!({})), true).await;
        cell("logout", s, ok);
        let (s, _, _) = c.call("GET", "/api/me", "/api/me", who, None, false).await;
        cell("after logout", s, unauth);
        checked += 1;
    }
    assert_eq!(checked, USERS.len());

    // The procedure's actions by role × jurisdiction, on plan 1 (曲阳县, in progress) and plan 3
    // (唐县). Each role may do its own level's actions in its own jurisdiction; everything
    // else is 403 (role) or 404 (outside the jurisdiction, exactly like a missing plan).
    let login = |u: &'static str| {
        let pw = USERS.iter().find(|x| x.0 == u).unwrap().1;
        let c = &c;
        async move { c.login(u, pw).await.1.unwrap() }
    };
    let forbidden = StatusCode::FORBIDDEN;
    let not_found = StatusCode::NOT_FOUND;
    let quyang = login("quyang").await;
    let tangxian = login("tangxian").await;
    let baoding = login("baoding").await;
    let hebei = login("hebei").await;
    let bianban = login("bianban").await;
    let guest = login("guest").await;
    let meeting = json!({"kind": "meeting", "date": "2026-03-10", "level": "乡镇", "place": "北台乡", "participants": ["群众"], "count": 30});
    let t = "/api/plans/{id}/consultation";
    for (who, want) in [
        (&baoding, forbidden),
        (&hebei, forbidden),
        (&bianban, forbidden),
        (&guest, forbidden),
        (&tangxian, not_found),
        (&quyang, ok),
    ] {
        let (s, v, _) = c
            .call(
                "POST",
                t,
                "/api/plans/1/consultation",
                Some(who),
                Some(meeting.clone()),
                true,
            )
            .await;
        assert_eq!(s, want, "consultation: {v}");
    }
    let (s, _, _) = c
        .call(
            "POST",
            t,
            "/api/plans/3/consultation",
            Some(&tangxian),
            Some(meeting.clone()),
            true,
        )
        .await;
    assert_eq!(s, ok, "唐县's editor records on 唐县's plan");
    let t = "/api/plans/{id}/materials";
    let pdf = b"%PDF-1.7 application";
    for (who, want) in [
        (&baoding, forbidden),
        (&bianban, forbidden),
        (&tangxian, not_found),
    ] {
        let (s, _) = c
            .upload(
                t,
                "/api/plans/1/materials?kind=application&file_name=a.pdf",
                who,
                pdf,
            )
            .await;
        assert_eq!(s, want);
    }
    let (s, v) = c
        .upload(
            t,
            "/api/plans/1/materials?kind=application&file_name=a.exe",
            &quyang,
            b"MZ",
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "a refused type: {v}");
    let (s, v) = c
        .upload(
            t,
            "/api/plans/1/materials?kind=application&file_name=申请书.pdf",
            &quyang,
            pdf,
        )
        .await;
    assert_eq!(s, ok, "{v}");
    let sha = v["materials"].as_array().unwrap().last().unwrap()["sha256"]
        .as_str()
        .unwrap()
        .to_string();
    let t = "/api/plans/{id}/materials/{sha256}";
    let uri = format!("/api/plans/1/materials/{sha}");
    for (who, want) in [
        (&guest, ok),
        (&baoding, ok),
        (&bianban, ok),
        (&tangxian, not_found),
    ] {
        let (s, _, _) = c.call("GET", t, &uri, Some(who), None, false).await;
        assert_eq!(s, want, "download");
    }
    let t = "/api/plans/{id}/steps/{step}";
    let (s, v) = c
        .upload(
            t,
            "/api/plans/1/steps/legality_review?date=2026-03-10",
            &quyang,
            b"",
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "blocked: {v}");
    assert!(
        v["error"]["zh"].as_str().unwrap().contains("部门意见"),
        "{v}"
    );
    for (who, want) in [
        (&baoding, forbidden),
        (&bianban, forbidden),
        (&guest, forbidden),
        (&tangxian, not_found),
    ] {
        let (s, _) = c
            .upload(
                t,
                "/api/plans/1/steps/consultation?date=2026-03-10",
                who,
                b"",
            )
            .await;
        assert_eq!(s, want);
    }
    let (s, v) = c
        .upload(
            t,
            "/api/plans/1/steps/consultation?date=2026-03-10",
            &quyang,
            b"",
        )
        .await;
    assert_eq!(s, ok, "{v}");
    let t = "/api/plans/{id}/opinions";
    let op = json!({"text": "同意", "agrees": true, "date": "2026-03-10"});
    for (who, want) in [
        (&quyang, forbidden),
        (&baoding, forbidden),
        (&guest, forbidden),
        (&tangxian, forbidden),
    ] {
        let (s, _, _) = c
            .call(
                "POST",
                t,
                "/api/plans/1/opinions",
                Some(who),
                Some(op.clone()),
                true,
            )
            .await;
        assert_eq!(s, want, "only a department records an opinion");
    }
    let (s, v, _) = c
        .call(
            "POST",
            t,
            "/api/plans/1/opinions",
            Some(&bianban),
            Some(json!({"department": "finance", "text": "同意", "agrees": true})),
            true,
        )
        .await;
    assert_eq!(s, forbidden, "not another department's opinion: {v}");
    let (s, v, _) = c
        .call(
            "POST",
            t,
            "/api/plans/1/opinions",
            Some(&bianban),
            Some(op.clone()),
            true,
        )
        .await;
    assert_eq!(s, ok, "{v}");
    assert!(
        v["opinions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["department"] == "staffing")
    );
    let t = "/api/plans/{id}/return";
    let ret = json!({"comments": "请补充", "date": "2026-03-10"});
    for (who, want) in [
        (&quyang, forbidden),
        (&bianban, forbidden),
        (&guest, forbidden),
        (&baoding, StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let (s, v, _) = c
            .call(
                "POST",
                t,
                "/api/plans/1/return",
                Some(who),
                Some(ret.clone()),
                true,
            )
            .await;
        assert_eq!(s, want, "return: {v}");
    }
    let t = "/api/plans/{id}/revise";
    let (s, _, _) = c
        .call(
            "POST",
            t,
            "/api/plans/1/revise",
            Some(&quyang),
            Some(json!({"scenario_id": 1})),
            true,
        )
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "nothing to revise before a return"
    );
    let (s, _, _) = c
        .call(
            "POST",
            t,
            "/api/plans/1/revise",
            Some(&baoding),
            Some(json!({"scenario_id": 1})),
            true,
        )
        .await;
    assert_eq!(s, forbidden);
    let t = "/api/plans/{id}/approve";
    let uri = "/api/plans/1/approve?document_no=x&date=2026-03-10&effective=2026-03-10";
    for (who, want) in [
        (&quyang, forbidden),
        (&baoding, forbidden),
        (&bianban, forbidden),
        (&hebei, StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let (s, v) = c.upload(t, uri, who, b"").await;
        assert_eq!(s, want, "approve: {v}");
    }
    let t = "/api/plans/{id}/extensions";
    let ext = json!({"months": 3, "document_no": "x"});
    for (who, want) in [
        (&baoding, forbidden),
        (&guest, forbidden),
        (&quyang, StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let (s, v, _) = c
            .call(
                "POST",
                t,
                "/api/plans/1/extensions",
                Some(who),
                Some(ext.clone()),
                true,
            )
            .await;
        assert_eq!(s, want, "extension: {v}");
    }
    let t = "/api/plans/{id}/apply";
    for (who, want) in [
        (&hebei, forbidden),
        (&guest, forbidden),
        (&tangxian, not_found),
        (&quyang, StatusCode::UNPROCESSABLE_ENTITY),
    ] {
        let (s, v, _) = c
            .call(
                "POST",
                t,
                "/api/plans/1/apply",
                Some(who),
                Some(json!({})),
                true,
            )
            .await;
        assert_eq!(s, want, "apply: {v}");
    }
    let t = "/api/plans/{id}/documents/{doc}";
    let (s, _, _) = c
        .call(
            "GET",
            t,
            "/api/plans/1/documents/notice.docx",
            Some(&quyang),
            None,
            false,
        )
        .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no documents before apply"
    );
    let (s, _, _) = c
        .call(
            "GET",
            t,
            "/api/plans/1/documents/notice.docx",
            Some(&tangxian),
            None,
            false,
        )
        .await;
    assert_eq!(s, not_found);
    let t = "/api/plans";
    let (s, v, _) = c
        .call(
            "POST",
            t,
            t,
            Some(&baoding),
            Some(json!({"scenario_id": 1})),
            true,
        )
        .await;
    assert_eq!(s, forbidden, "{v}");
    let (s, _, _) = c
        .call(
            "POST",
            t,
            t,
            Some(&tangxian),
            Some(json!({"scenario_id": 1})),
            true,
        )
        .await;
    assert_eq!(s, not_found, "another county's scenario");
    let (s, v, _) = c
        .call(
            "POST",
            t,
            t,
            Some(&quyang),
            Some(json!({"scenario_id": 1, "date": "2026-03-11"})),
            true,
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["plan"]["stage"], "county");

    // Every route of the table was matched by the router, and nothing else matched but the
    // JSON 404 for unknown API paths.
    let hit = c.hit.lock().unwrap().clone();
    for (m, p) in routes() {
        assert!(
            hit.contains(&(m.to_string(), p.to_string())),
            "{m} {p} untested"
        );
    }
    let table: BTreeSet<(String, String)> = routes()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    let outside: Vec<_> = hit
        .difference(&table)
        .filter(|(_, p)| p != "/api/{*rest}" && p != "/api")
        .collect();
    assert!(outside.is_empty(), "routes outside the table: {outside:?}");

    // Unknown API routes answer JSON 404.
    let (s, v, _) = c
        .call("GET", "-", "/api/nothing-here", None, None, false)
        .await;
    assert_eq!(s, not_found);
    assert!(v["error"]["en"].is_string());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn csrf_token_must_match() {
    let (c, _dir, _) = setup();
    let (_, s) = c.login("quyang", "quyang-demo-2026").await;
    let mut wrong = s.unwrap();
    wrong.csrf = "0".repeat(64);
    let (st, v, _) = c
        .call(
            "POST",
            "/api/counties/{code}/evaluate",
            "/api/counties/130634/evaluate",
            Some(&wrong),
            Some(json!({"ops": []})),
            true,
        )
        .await;
    assert_eq!(st, StatusCode::FORBIDDEN);
    assert!(v["error"]["en"].as_str().unwrap().contains("CSRF"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_bad_logins_are_rate_limited() {
    let (c, _dir, _) = setup();
    for _ in 0..5 {
        let (s, _) = c.login("quyang", "wrong-password").await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
    }
    // Blocked now, even with the right password.
    let (s, _) = c.login("quyang", "quyang-demo-2026").await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
    // Another user name is not affected.
    let (s, _) = c.login("guest", "guest-demo-2026").await;
    assert_eq!(s, StatusCode::OK);
    // Unknown users are limited the same way (no user enumeration through the limiter).
    for _ in 0..5 {
        let (s, _) = c.login("nobody", "whatever-123").await;
        assert_eq!(s, StatusCode::UNAUTHORIZED);
    }
    let (s, _) = c.login("nobody", "whatever-123").await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_operations_are_422_with_bilingual_errors() {
    let (c, _dir, _) = setup();
    let (_, s) = c.login("quyang", "quyang-demo-2026").await;
    let (st, v, _) = c
        .call(
            "POST",
            "/api/counties/{code}/evaluate",
            "/api/counties/130634/evaluate",
            s.as_ref(),
            Some(json!({"ops": [{"op": "merge", "units": ["没有这个乡"], "into": "恒州镇"}]})),
            true,
        )
        .await;
    assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(v["error"]["zh"].as_str().unwrap().contains("没有这个乡"));
    assert_eq!(v["op"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_fields_inside_operations_are_422() {
    // The document says every level of a request body is closed; the server agrees.
    let (c, _dir, _) = setup();
    let (_, s) = c.login("quyang", "quyang-demo-2026").await;
    for op in [
        json!({"op": "rename", "unit": "130634200", "name": "甲镇", "nmae": "乙镇"}),
        json!({"op": "merge", "units": ["130634200"], "into": "恒州镇", "seat": "x"}),
        json!({"op": "merge", "units": ["130634200"], "new": {"name": "甲镇", "bogus": 1}}),
    ] {
        let (st, v, _) = c
            .call(
                "POST",
                "/api/counties/{code}/evaluate",
                "/api/counties/130634/evaluate",
                s.as_ref(),
                Some(json!({ "ops": [op] })),
                true,
            )
            .await;
        assert_eq!(st, StatusCode::UNPROCESSABLE_ENTITY, "{op}: {v}");
        assert!(
            v["error"]["en"]
                .as_str()
                .is_some_and(|e| e.contains("unknown field")),
            "{v}"
        );
    }
}
