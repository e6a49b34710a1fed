//! The OpenAPI 3.0 document, hand-written: every route of [`crate::app::ROUTES`] (a test
//! checks the two agree).

use axum::Json;
use serde_json::{Value, json};

fn err(desc: &str) -> Value {
    json!({"description": desc, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
}

fn ok(desc: &str, schema: Value) -> Value {
    json!({"description": desc, "content": {"application/json": {"schema": schema}}})
}

fn body(schema: Value) -> Value {
    json!({"required": true, "content": {"application/json": {"schema": schema}}})
}

fn code_param() -> Value {
    json!({"name": "code", "in": "path", "required": true, "description": "6-digit county code", "schema": {"type": "string", "pattern": "^[0-9]{6}$"}})
}

fn id_param() -> Value {
    json!({"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}})
}

fn authed(mut op: Value, write: bool) -> Value {
    if let Value::Object(m) = &mut op {
        let sec = if write {
            json!([{"session": [], "csrf": []}])
        } else {
            json!([{"session": []}])
        };
        m.insert("security".into(), sec);
        if let Some(r) = m
            .entry("responses")
            .or_insert_with(|| json!({}))
            .as_object_mut()
        {
            r.insert("401".into(), err("not logged in"));
            r.insert(
                "403".into(),
                err("role or jurisdiction forbids it, or CSRF token missing"),
            );
        }
    }
    op
}

/// The document without the extra paths and schemas.
fn base_document() -> Value {
    let any_obj = json!({"type": "object"});
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "quhua API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "乡镇行政区划调整：模拟方案评估与管理 / township-level division adjustments: scenario evaluation and storage. All boundaries are schematic (示意). Errors are {\"error\": {\"zh\", \"en\"}}. Every non-GET request needs the session's X-CSRF-Token header."
        },
        "paths": {
            "/api/login": {"post": {
                "summary": "登录 / log in (sets the HttpOnly session cookie; 5 failures per user+IP in 10 min → 429)",
                "requestBody": body(json!({"$ref": "#/components/schemas/Login"})),
                "responses": {"200": ok("session", json!({"$ref": "#/components/schemas/Session"})), "401": err("wrong credentials"), "429": err("too many failed logins")}
            }},
            "/api/logout": {"post": authed(json!({
                "summary": "退出 / log out",
                "responses": {"200": ok("logged out", any_obj.clone())}
            }), true)},
            "/api/me": {"get": authed(json!({
                "summary": "当前用户与 CSRF 令牌 / current user and CSRF token",
                "responses": {"200": ok("session", json!({"$ref": "#/components/schemas/Session"}))}
            }), false)},
            "/api/counties": {"get": authed(json!({
                "summary": "辖区内的县 / counties in the user's jurisdiction",
                "responses": {"200": ok("counties", any_obj.clone())}
            }), false)},
            "/api/counties/{code}/base": {"get": authed(json!({
                "summary": "县的乡镇与村（含示意数据标记） / townships and villages with figures",
                "parameters": [code_param()],
                "responses": {"200": ok("base", any_obj.clone()), "404": err("unknown county")}
            }), false)},
            "/api/counties/{code}/geojson": {"get": authed(json!({
                "summary": "示意边界 / schematic boundaries",
                "parameters": [code_param(), {"name": "level", "in": "query", "schema": {"type": "string", "enum": ["village", "township"], "default": "village"}}],
                "responses": {"200": ok("GeoJSON FeatureCollection; properties include code, name, township_code, 示意", any_obj.clone()), "400": err("bad level"), "404": err("no geometry")}
            }), false)},
            "/api/counties/{code}/evaluate": {"post": authed(json!({
                "summary": "评估操作序列 / evaluate operations (responses cached per county, LRU)",
                "parameters": [code_param(), {"name": "geojson", "in": "query", "description": "1: include the resulting townships as GeoJSON (else geojson is null)", "schema": {"type": "string", "enum": ["0", "1"], "default": "0"}}],
                "requestBody": body(json!({"type": "object", "properties": {"ops": {"type": "array", "items": {"$ref": "#/components/schemas/Operation"}}, "policy": {"type": "string", "enum": crate::catalog::POLICIES}}})),
                "responses": {"200": ok("evaluation and resulting townships", json!({"$ref": "#/components/schemas/EvaluationResult"})), "422": err("an operation cannot be applied")}
            }), true)},
            "/api/scenarios": {
                "get": authed(json!({
                    "summary": "方案列表 / scenarios in the jurisdiction",
                    "parameters": [{"name": "county", "in": "query", "schema": {"type": "string"}}],
                    "responses": {"200": ok("scenarios", any_obj.clone())}
                }), false),
                "post": authed(json!({
                    "summary": "保存新方案（县级编辑） / create a scenario (county editor)",
                    "requestBody": body(json!({"type": "object", "required": ["name", "county"], "properties": {"name": {"type": "string"}, "county": {"type": "string"}, "ops": {"type": "array", "items": {"$ref": "#/components/schemas/Operation"}}, "policy": {"type": "string"}, "note": {"type": "string"}}})),
                    "responses": {"201": ok("created", json!({"$ref": "#/components/schemas/Scenario"})), "422": err("invalid operations")}
                }), true)
            },
            "/api/scenarios/{id}": {
                "get": authed(json!({
                    "summary": "读取方案 / one scenario",
                    "parameters": [id_param()],
                    "responses": {"200": ok("scenario", json!({"$ref": "#/components/schemas/Scenario"})), "404": err("missing or outside the jurisdiction")}
                }), false),
                "put": authed(json!({
                    "summary": "修改方案（乐观并发） / update with optimistic concurrency",
                    "parameters": [id_param()],
                    "requestBody": body(json!({"type": "object", "required": ["expected_version", "name"], "properties": {"expected_version": {"type": "integer"}, "name": {"type": "string"}, "ops": {"type": "array", "items": {"$ref": "#/components/schemas/Operation"}}, "policy": {"type": "string"}, "note": {"type": "string"}}})),
                    "responses": {"200": ok("updated", json!({"$ref": "#/components/schemas/Scenario"})), "404": err("missing"), "409": {"description": "changed by someone else: {error, current_version, current}", "content": {"application/json": {"schema": {"type": "object", "properties": {"error": {"$ref": "#/components/schemas/Error/properties/error"}, "current_version": {"type": "integer"}, "current": {"$ref": "#/components/schemas/Scenario"}}}}}}}
                }), true)
            },
            "/api/compare": {"get": authed(json!({
                "summary": "两个方案对比 / compare two scenarios",
                "parameters": [{"name": "a", "in": "query", "required": true, "schema": {"type": "integer"}}, {"name": "b", "in": "query", "required": true, "schema": {"type": "integer"}}],
                "responses": {"200": ok("{a: {scenario, evaluation, geojson}, b: {…}}", any_obj.clone()), "404": err("missing")}
            }), false)},
            "/api/openapi.json": {"get": {
                "summary": "本文档 / this document",
                "responses": {"200": ok("OpenAPI 3 document", any_obj.clone())}
            }}
        },
        "components": {
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": crate::auth::session::COOKIE},
                "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token"}
            },
            "schemas": {
                "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {"zh": {"type": "string"}, "en": {"type": "string"}}}}},
                "Login": {"type": "object", "required": ["username", "password"], "properties": {"username": {"type": "string"}, "password": {"type": "string", "format": "password"}}},
                "Session": {"type": "object", "properties": {"user": {"type": "object", "properties": {"username": {"type": "string"}, "role": {"type": "string", "enum": ["county_editor", "city_reviewer", "province_approver", "department", "viewer"]}, "role_zh": {"type": "string"}, "jurisdiction": {"type": "string"}, "can_edit": {"type": "boolean"}}}, "csrf_token": {"type": "string"}, "expires_at": {"type": "integer"}}},
                "Operation": {"type": "object", "required": ["op"], "description": "quhua_core::scenario::Operation: {op: merge, units, into | new: {name, kind, seat}} | {op: convert, unit, to: 镇|街道, name?} | {op: rename, unit, name} | {op: move_seat, unit, village} | {op: transfer, villages, to} | {op: lock, units}", "properties": {"op": {"type": "string", "enum": ["merge", "convert", "rename", "move_seat", "transfer", "lock"]}}},
                "Scenario": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "county": {"type": "string"}, "policy": {"type": "string", "nullable": true}, "ops": {"type": "array", "items": {"$ref": "#/components/schemas/Operation"}}, "version": {"type": "integer"}, "created_by": {"type": "string"}, "updated_by": {"type": "string"}, "updated_at": {"type": "string"}}},
                "EvaluationResult": {"type": "object", "properties": {"evaluation": {"type": "object", "description": "quhua_core::scenario::Evaluation: units (village codes replaced by village_idx: indices into the base's villages), abolished, indicators {before, after, reduction}, findings [{severity, rule, units, message {zh, en}, citation}]"}, "geojson": {"type": "object", "nullable": true, "description": "with ?geojson=1: resulting townships dissolved (示意)"}}}
            }
        }
    })
}

/// Paths of 方案推荐 and the procedure board (kept apart: one `json!` tree of the whole
/// document would exceed the macro recursion limit).
fn extra_paths() -> Value {
    json!({
            "/api/counties/{code}/propose": {"post": authed(json!({
                "summary": "方案推荐：优化器给出的撤并方案（只读，辖区内任何角色） / proposed merger schemes from the optimizer (read-only; any role that reads the county)",
                "parameters": [code_param()],
                "requestBody": body(json!({"type": "object", "properties": {"schemes": {"type": "integer", "minimum": 1, "maximum": 8, "default": 4}, "seed": {"type": "integer", "default": 1}, "policy": {"type": "string", "enum": crate::catalog::POLICIES}, "villages": {"type": "boolean", "default": false, "description": "allow village transfers (村划归) after the township merges"}}})),
                "responses": {"200": ok("schemes", json!({"$ref": "#/components/schemas/Proposal"})), "422": err("no adjacency or population data, or the optimizer refused the input")}
            }), true)},
            "/api/plans": {"get": authed(json!({
                "summary": "报批方案列表 / plans in the procedure, in the jurisdiction",
                "parameters": [{"name": "county", "in": "query", "schema": {"type": "string"}}],
                "responses": {"200": ok("{plans: [PlanSummary], today}", json!({"type": "object", "properties": {"plans": {"type": "array", "items": {"$ref": "#/components/schemas/PlanSummary"}}, "today": {"type": "string", "format": "date"}}}))}
            }), false), "post": authed(json!({
                "summary": "提交报批：县级编辑将已保存的方案提交报批程序 / a county editor submits a saved scenario into the procedure",
                "requestBody": body(json!({"type": "object", "additionalProperties": false, "required": ["scenario_id"], "properties": {"scenario_id": {"type": "integer"}, "template": {"type": "string", "enum": ["national", "national_npc", "sichuan"]}, "date": {"type": "string", "format": "date"}}})),
                "responses": board_responses("201")
            }), true)},
            "/api/plans/{id}/consultation": {"post": plan_action("登记座谈会、问卷或意见建议 / record a meeting, questionnaire or suggestion", json!({"type": "object", "required": ["kind", "date"], "properties": {"kind": {"type": "string", "enum": ["meeting", "questionnaire", "suggestion"]}, "date": {"type": "string", "format": "date"}}}))},
            "/api/plans/{id}/materials": {"post": plan_upload("上传材料（请求体为文件）/ upload a material (the body is the file)", &["kind", "file_name", "date"])},
            "/api/plans/{id}/materials/{sha256}": {"get": authed(json!({
                "summary": "下载已存材料 / download a stored material",
                "parameters": [id_param(), {"name": "sha256", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "the file", "content": {"application/octet-stream": {}}}, "404": err("missing or outside the jurisdiction")}
            }), false)},
            "/api/plans/{id}/steps/{step}": {"post": plan_upload("完成环节（可附佐证文件）/ complete a step (optionally with its document as the body)", &["date", "note", "file_name"])},
            "/api/plans/{id}/opinions": {"post": plan_action("部门登记本部门意见 / a department records its opinion", json!({"type": "object", "additionalProperties": false, "required": ["text", "agrees"], "properties": {"department": {"type": "string"}, "text": {"type": "string"}, "agrees": {"type": "boolean"}, "date": {"type": "string", "format": "date"}}}))},
            "/api/plans/{id}/return": {"post": plan_action("市级或省级退回修改 / the city or the province returns the plan for revision", json!({"type": "object", "additionalProperties": false, "required": ["comments"], "properties": {"comments": {"type": "string"}, "date": {"type": "string", "format": "date"}}}))},
            "/api/plans/{id}/revise": {"post": plan_action("县级修订被退回的方案 / the county revises a returned plan", json!({"type": "object", "additionalProperties": false, "required": ["scenario_id"], "properties": {"scenario_id": {"type": "integer"}, "note": {"type": "string"}, "date": {"type": "string", "format": "date"}}}))},
            "/api/plans/{id}/approve": {"post": plan_upload("省级登记批复（文号、日期、生效日期，可附批复文件）/ the province records the approval", &["document_no", "date", "effective", "file_name"])},
            "/api/plans/{id}/extensions": {"post": plan_action("登记延期 / record an extension", json!({"type": "object", "additionalProperties": false, "required": ["months", "document_no"], "properties": {"months": {"type": "integer", "minimum": 1, "maximum": 6}, "document_no": {"type": "string"}, "date": {"type": "string", "format": "date"}}}))},
            "/api/plans/{id}/apply": {"post": authed(json!({
                "summary": "实施：写入区划名录（生效日期起）/ apply the approved plan to the registry (from the effective date)",
                "parameters": [id_param()],
                "responses": board_responses("200")
            }), true)},
            "/api/plans/{id}/documents/{doc}": {"get": authed(json!({
                "summary": "下载实施后生成的文书 / download a document generated from the applied plan",
                "parameters": [id_param(), {"name": "doc", "in": "path", "required": true, "schema": {"type": "string", "enum": ["notice.docx", "notice.md", "change-table.xlsx", "change-table.csv", "indicators.xlsx"]}}],
                "responses": {"200": {"description": "the file", "content": {"application/octet-stream": {}}}, "404": err("missing, unknown or outside the jurisdiction"), "422": err("the plan is not applied yet")}
            }), false)},
            "/api/plans/{id}": {"get": authed(json!({
                "summary": "报批程序看板 / the procedure board of a plan",
                "parameters": [id_param(), {"name": "today", "in": "query", "description": "date the clocks are computed on (default today)", "schema": {"type": "string", "format": "date"}}],
                "responses": {"200": ok("board", json!({"$ref": "#/components/schemas/PlanBoard"})), "404": err("missing or outside the jurisdiction")}
            }), false)}
    })
}

/// The responses of a plan action: the new board, or why it was refused.
fn board_responses(success: &str) -> Value {
    let mut r = json!({
        "400": err("malformed input"),
        "403": err("not this account's role, level or department"),
        "404": err("missing or outside the jurisdiction"),
        "409": err("changed by someone else at the same moment; retry"),
        "413": err("the file is too large"),
        "422": err("refused by the procedure: names the missing steps, materials or opinions"),
    });
    r[success] = ok(
        "the board after the action",
        json!({"$ref": "#/components/schemas/PlanBoard"}),
    );
    r
}

/// A plan action with a JSON body.
fn plan_action(summary: &str, schema: Value) -> Value {
    authed(
        json!({"summary": summary, "parameters": [id_param()], "requestBody": body(schema), "responses": board_responses("200")}),
        true,
    )
}

/// A plan action whose body is a file and whose fields are query parameters.
fn plan_upload(summary: &str, query: &[&str]) -> Value {
    let mut params = vec![id_param()];
    params.extend(
        query
            .iter()
            .map(|q| json!({"name": q, "in": "query", "schema": {"type": "string"}})),
    );
    authed(
        json!({"summary": summary, "parameters": params,
            "requestBody": {"required": false, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
            "responses": board_responses("200")}),
        true,
    )
}

/// Schemas of 方案推荐 and the procedure board.
fn extra_schemas() -> Value {
    json!({
        "Proposal": {"type": "object", "properties": {"county": {"type": "string"}, "schemes": {"type": "array", "items": {"type": "object", "properties": {"index": {"type": "integer"}, "name": {"type": "string"}, "ops": {"type": "array", "items": {"$ref": "#/components/schemas/Operation"}}, "p": {"type": "integer"}, "seats": {"type": "array", "items": {"type": "string"}}, "objectives": {"type": "object"}, "violations": {"type": "array", "items": {"type": "object"}}, "moved_villages": {"type": "integer", "description": "villages transferred (村划归) when villages were allowed"}, "summary": {"type": "object", "properties": {"count_before": {"type": "integer"}, "count_after": {"type": "integer"}, "mean_population_before": {"type": "number"}, "mean_population_after": {"type": "number"}, "errors": {"type": "integer"}, "warnings": {"type": "integer"}, "infos": {"type": "integer"}}}}}}, "infeasibility": {"type": "object", "nullable": true}, "islands": {"type": "array", "items": {"type": "object"}}}},
        "PlanSummary": {"type": "object", "properties": {"id": {"type": "integer"}, "name": {"type": "string"}, "county": {"type": "string"}, "template": {"type": "string"}, "version": {"type": "integer"}, "steps_done": {"type": "integer"}, "steps_total": {"type": "integer"}, "next": {"type": "array", "items": {"type": "string"}}, "approval": {"type": "object", "nullable": true}, "applied": {"type": "string", "nullable": true}, "implementation": {"type": "string", "nullable": true, "enum": ["done", "on_track", "near_due", "overdue", "done_late", null]}, "codes": {"type": "string", "nullable": true}}},
        "PlanBoard": {"type": "object", "properties": {"plan": {"$ref": "#/components/schemas/PlanSummary"}, "today": {"type": "string", "format": "date"}, "steps": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}, "zh": {"type": "string"}, "en": {"type": "string"}, "actor": {"type": "string"}, "basis": {"type": "string"}, "state": {"type": "string", "enum": ["done", "ready", "blocked"]}, "done": {"type": "object", "nullable": true, "description": "{by, at, note, document {name, kind, kind_zh, sha256}}"}, "missing_steps": {"type": "array", "items": {"type": "string"}}, "missing_materials": {"type": "array", "items": {"type": "string"}}}}}, "clocks": {"type": "object", "nullable": true, "description": "once approved: approved, implementation_due, extension_months, implementation (on_track|near_due|overdue|done|done_late), codes_due, codes"}, "consultation": {"type": "object", "description": "totals: meetings, participants, questionnaires_issued, questionnaires_returned, suggestions, adopted, pending"}, "materials": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "kind": {"type": "string", "nullable": true}, "kind_zh": {"type": "string", "nullable": true}, "sha256": {"type": "string"}}}}, "extensions": {"type": "array", "items": {"type": "object"}}}}
    })
}

/// The document.
pub fn document() -> Value {
    let mut doc = base_document();
    if let (Some(paths), Value::Object(extra)) = (doc["paths"].as_object_mut(), extra_paths()) {
        paths.extend(extra);
    }
    if let (Some(schemas), Value::Object(extra)) = (
        doc["components"]["schemas"].as_object_mut(),
        extra_schemas(),
    ) {
        schemas.extend(extra);
    }
    doc
}

/// `GET /api/openapi.json` (public).
pub async fn handler() -> Json<Value> {
    Json(document())
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_every_route() {
        let doc = super::document();
        for (method, path) in crate::app::ROUTES {
            let op = &doc["paths"][path][method.to_lowercase()];
            assert!(op.is_object(), "{method} {path} missing from OpenAPI");
        }
        let n: usize = doc["paths"]
            .as_object()
            .unwrap()
            .values()
            .map(|p| p.as_object().unwrap().len())
            .sum();
        assert_eq!(n, crate::app::ROUTES.len());
    }
}
