//! The OpenAPI 3.0 document, generated: every route is an [`Endpoint`] of [`endpoints`]
//! naming its request and response types, and their schemas come from the same Rust structs
//! the handlers deserialise and serialise (`schemars`). The web client's TypeScript types are
//! generated from this document (`web/src/api.gen.ts`, by `openapi-typescript`); tests fail
//! when the committed document or the types drift from the code.

mod boundary_endpoints;
mod endpoints;
mod followup_endpoints;
mod registry_endpoints;
mod stats_endpoints;

pub use endpoints::endpoints;

use axum::Json;
use schemars::generate::{SchemaGenerator, SchemaSettings};
use schemars::{JsonSchema, Schema};
use serde_json::{Map, Value, json};

/// Builds one schema in the document's generator.
pub type SchemaFn = fn(&mut SchemaGenerator) -> Schema;

/// The schema of `T` (a `$ref` into `components/schemas` for structs and enums).
pub fn schema<T: JsonSchema>(g: &mut SchemaGenerator) -> Schema {
    g.subschema_for::<T>()
}

/// Who may call a route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone.
    Public,
    /// A logged-in account (session cookie).
    Read,
    /// A logged-in account with the session's CSRF token.
    Write,
}

/// A request parameter.
#[derive(Clone, Copy)]
pub enum Param {
    /// `{code}`: a 6-digit county code.
    County,
    /// `{id}`: a record id.
    Id,
    /// Another path parameter, a string with a description.
    Path(&'static str, &'static str),
    /// Path parameter restricted to the listed values.
    PathEnum(&'static str, &'static [&'static str]),
    /// The properties of a query struct, one parameter each.
    Query(SchemaFn),
}

/// The 403 of a route whose county lies outside the account's jurisdiction.
const OUTSIDE: (u16, &str, Option<Content>) = (
    403,
    "不在本账号辖区内 / outside this account's jurisdiction",
    None,
);

/// A request or response body.
#[derive(Clone, Copy)]
pub enum Content {
    /// JSON of this schema.
    Json(SchemaFn),
    /// A file uploaded as the body.
    File,
    /// A file downloaded: a stored material or a generated document.
    Download,
}

/// One route: method, path, what it does, who may call it, its inputs and its responses
/// (beyond those every route of its [`Access`] may send).
pub struct Endpoint {
    /// HTTP method, upper case.
    pub method: &'static str,
    /// Path with `{param}`s.
    pub path: &'static str,
    /// 中文 / English summary.
    pub summary: &'static str,
    /// Who may call it.
    pub access: Access,
    /// Parameters.
    pub params: &'static [Param],
    /// The body, if it takes one (`required` unless a file upload).
    pub body: Option<Content>,
    /// Status, description, body.
    pub responses: &'static [(u16, &'static str, Option<Content>)],
}

/// The two generators of OpenAPI 3.0 schemas (`nullable`, definitions in
/// `components/schemas`): requests are described as the server *reads* them (fields with
/// defaults are optional), responses as it *writes* them (every field present).
struct Generators {
    request: SchemaGenerator,
    response: SchemaGenerator,
    /// Query structs, expanded into parameters (not part of any body).
    queries: Vec<String>,
}

impl Generators {
    fn new() -> Generators {
        let make = |s: SchemaSettings| {
            let mut s = s;
            s.meta_schema = None;
            s.into_generator()
        };
        Generators {
            request: make(SchemaSettings::openapi3().for_deserialize()),
            response: make(SchemaSettings::openapi3().for_serialize()),
            queries: Vec::new(),
        }
    }

    /// All definitions: the responses' as they are, the requests' beside them, renamed
    /// `…Input` where a type reads differently from how it is written.
    fn definitions(mut self) -> (Map<String, Value>, Vec<String>) {
        let mut out: Map<String, Value> = self
            .response
            .take_definitions(true)
            .into_iter()
            .map(|(name, schema)| (name, distribute_flattened(schema)))
            .collect();
        let mut request = self.request.take_definitions(true);
        request.retain(|name, _| !self.queries.contains(name));
        let renamed: Vec<String> = request
            .iter()
            .filter(|(name, schema)| out.get(*name).is_some_and(|o| o != *schema))
            .map(|(name, _)| name.clone())
            .collect();
        for (name, schema) in request {
            let schema = distribute_flattened(rename_refs(schema, &renamed));
            let key = if renamed.contains(&name) {
                format!("{name}Input")
            } else {
                name
            };
            out.insert(key, schema);
        }
        out.sort_keys();
        (out, renamed)
    }
}

/// Points references to the renamed request types at their `…Input` names.
fn rename_refs(v: Value, renamed: &[String]) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let v = match (k.as_str(), &v) {
                        ("$ref", Value::String(r)) => match r.strip_prefix("#/components/schemas/")
                        {
                            Some(n) if renamed.iter().any(|x| x == n) => {
                                Value::String(format!("{r}Input"))
                            }
                            _ => v,
                        },
                        _ => rename_refs(v, renamed),
                    };
                    (k, v)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(|v| rename_refs(v, renamed)).collect()),
        other => other,
    }
}

/// Rewrites the schema schemars gives a closed struct with a flattened enum — the struct's
/// fields, placeholders `{}` for the enum's keys, and `oneOf` the enum's variants — as one
/// closed alternative per variant, each listing all its fields (clearer to read, and the
/// generated TypeScript narrows on `'into' in op`).
fn distribute_flattened(v: Value) -> Value {
    let Value::Object(mut m) = v else {
        return match v {
            Value::Array(a) => Value::Array(a.into_iter().map(distribute_flattened).collect()),
            other => other,
        };
    };
    for (_, child) in m.iter_mut() {
        *child = distribute_flattened(child.take());
    }
    let flattened = m.get("additionalProperties") == Some(&Value::Bool(false))
        && m.get("properties").is_some_and(Value::is_object)
        && m.get("oneOf")
            .and_then(Value::as_array)
            .is_some_and(|alts| {
                alts.iter()
                    .all(|a| a.get("properties").is_some_and(Value::is_object))
            });
    if !flattened {
        return Value::Object(m);
    }
    let alts = m
        .remove("oneOf")
        .and_then(|a| a.as_array().cloned())
        .unwrap_or_default();
    let own = m
        .remove("properties")
        .and_then(|p| p.as_object().cloned())
        .unwrap_or_default();
    let required = m
        .remove("required")
        .and_then(|r| r.as_array().cloned())
        .unwrap_or_default();
    m.remove("type");
    m.remove("additionalProperties");
    let distributed = alts
        .into_iter()
        .map(|alt| {
            let mut props: Map<String, Value> = own
                .iter()
                .filter(|(_, s)| s.as_object().is_some_and(|o| !o.is_empty()))
                .map(|(k, s)| (k.clone(), s.clone()))
                .collect();
            props.extend(alt["properties"].as_object().cloned().unwrap_or_default());
            let mut req = required.clone();
            req.extend(alt["required"].as_array().cloned().unwrap_or_default());
            let mut out = json!({
                "type": "object",
                "properties": props,
                "required": req,
                "additionalProperties": false,
            });
            if let Some(d) = alt.get("description") {
                out["description"] = d.clone();
            }
            out
        })
        .collect();
    m.insert("oneOf".into(), Value::Array(distributed));
    Value::Object(m)
}

/// The error body every error response carries.
fn error_response(g: &mut SchemaGenerator, description: &str) -> Value {
    let schema = schema::<crate::contract::ErrorBody>(g);
    json!({"description": description, "content": {"application/json": {"schema": schema}}})
}

fn content(g: &mut SchemaGenerator, c: Content) -> Value {
    match c {
        Content::Json(f) => json!({"application/json": {"schema": f(g)}}),
        Content::File => {
            json!({"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}})
        }
        Content::Download => Value::Object(
            quhua_app::upload::media_types()
                .into_iter()
                .map(|m| {
                    (
                        m.to_string(),
                        json!({"schema": {"type": "string", "format": "binary"}}),
                    )
                })
                .collect(),
        ),
    }
}

/// The parameters of `p`; query structs are expanded from their definition.
fn parameters(gens: &mut Generators, p: Param, out: &mut Vec<Value>) {
    match p {
        Param::County => out.push(json!({
            "name": "code", "in": "path", "required": true,
            "description": "6 位县级区划代码 / 6-digit county code",
            "schema": {"type": "string", "pattern": "^[0-9]{6}$"}
        })),
        Param::Id => out.push(json!({
            "name": "id", "in": "path", "required": true,
            "schema": {"type": "string", "pattern": "^[0-9]{1,18}$"}
        })),
        Param::Path(name, description) => out.push(json!({
            "name": name, "in": "path", "required": true, "description": description,
            "schema": {"type": "string"}
        })),
        Param::PathEnum(name, values) => out.push(json!({
            "name": name, "in": "path", "required": true,
            "schema": {"type": "string", "enum": values}
        })),
        Param::Query(f) => {
            let g = &mut gens.request;
            let s = f(g);
            let name = reference_name(&s).map(str::to_string);
            let def = name
                .as_ref()
                .and_then(|n| g.definitions().get(n).cloned())
                .unwrap_or_else(|| s.to_value());
            gens.queries.extend(name);
            let required: Vec<&str> = def["required"]
                .as_array()
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            if let Some(props) = def["properties"].as_object() {
                for (name, prop) in props {
                    let mut prop = prop.clone();
                    let description = prop.as_object_mut().and_then(|m| {
                        m.remove("nullable");
                        m.remove("description")
                    });
                    let mut param = json!({
                        "name": name, "in": "query",
                        "required": required.contains(&name.as_str()),
                        "schema": prop
                    });
                    if let Some(d) = description {
                        param["description"] = d;
                    }
                    out.push(param);
                }
            }
        }
    }
}

/// `Foo` of `{"$ref": "#/components/schemas/Foo"}`.
fn reference_name(s: &Schema) -> Option<&str> {
    s.get("$ref")?
        .as_str()?
        .strip_prefix("#/components/schemas/")
}

/// The operation object of `e`.
fn operation(gens: &mut Generators, e: &Endpoint) -> Value {
    let mut params = Vec::new();
    for p in e.params {
        parameters(gens, *p, &mut params);
    }
    let g = &mut gens.response;
    let mut responses = Map::new();
    for (status, description, body) in e.responses {
        let mut r = json!({ "description": description });
        if let Some(c) = body {
            r["content"] = content(g, *c);
        }
        responses.insert(status.to_string(), r);
    }
    let mut common: Vec<(u16, &str)> = vec![
        (408, "请求超时 / the request took too long to arrive"),
        (503, "服务繁忙 / the server is busy; retry"),
    ];
    if e.access != Access::Public {
        common.push((401, "未登录 / not logged in"));
        common.push((403, "角色或辖区不允许，或缺少 CSRF 令牌 / role or jurisdiction forbids it, or the CSRF token is missing"));
    }
    if !e.params.is_empty() {
        common.push((400, "参数不合法 / malformed parameter"));
    }
    if let Some(body) = e.body {
        common.push((400, "请求体不合法 / malformed body"));
        common.push((413, "请求体过大 / the body is too large"));
        if matches!(body, Content::Json(_)) {
            common.push((415, "需要 JSON 请求体 / the body must be JSON"));
            common.push((422, "请求体字段不合法 / a field of the body is invalid"));
        }
    }
    for (status, description) in common {
        if !responses.contains_key(&status.to_string()) {
            responses.insert(status.to_string(), error_response(g, description));
        }
    }
    // Error bodies declared without content carry the error body.
    for (status, r) in responses.iter_mut() {
        if status.as_str() >= "400" && r.get("content").is_none() {
            let d = r["description"].as_str().unwrap_or_default().to_string();
            *r = error_response(g, &d);
        }
    }
    let mut sorted: Vec<(String, Value)> = responses.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut op = json!({
        "summary": e.summary,
        "operationId": operation_id(e),
        "responses": Map::from_iter(sorted),
    });
    if !params.is_empty() {
        op["parameters"] = Value::Array(params);
    }
    if let Some(c) = e.body {
        op["requestBody"] = json!({
            "required": matches!(c, Content::Json(_)),
            "content": content(&mut gens.request, c),
        });
    }
    match e.access {
        Access::Public => {}
        Access::Read => op["security"] = json!([{"session": []}]),
        Access::Write => op["security"] = json!([{"session": [], "csrf": []}]),
    }
    op
}

/// `getApiPlansById`-style id: method and path words.
fn operation_id(e: &Endpoint) -> String {
    let mut id = e.method.to_lowercase();
    for part in e.path.split('/').filter(|p| !p.is_empty() && *p != "api") {
        let word = part.trim_matches(|c| c == '{' || c == '}');
        let mut cs = word.chars();
        if let Some(first) = cs.next() {
            if part.starts_with('{') {
                id.push_str("By");
            }
            id.extend(first.to_uppercase());
            id.extend(cs.filter(|c| c.is_alphanumeric()));
        }
    }
    id
}

/// The document.
pub fn document() -> Value {
    let mut gens = Generators::new();
    let mut paths: Map<String, Value> = Map::new();
    for e in endpoints() {
        let op = operation(&mut gens, &e);
        let entry = paths
            .entry(e.path.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        entry[e.method.to_lowercase()] = op;
    }
    let (schemas, renamed) = gens.definitions();
    for op in paths
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|m| m.values_mut())
    {
        for key in ["requestBody", "parameters"] {
            if let Some(v) = op.get_mut(key) {
                *v = rename_refs(v.take(), &renamed);
            }
        }
    }
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "quhua API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "乡镇行政区划调整：摸底、模拟方案、报批程序与实施 / township-level division adjustments: survey, scenarios, the statutory procedure and its implementation. Boundaries are schematic (示意). Errors are {\"error\": {\"zh\", \"en\"}}. Every non-GET request needs the session's X-CSRF-Token header."
        },
        "paths": paths,
        "components": {
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": crate::auth::session::COOKIE},
                "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token"}
            },
            "schemas": schemas,
        }
    })
}

/// `GET /api/openapi.json` (public).
pub async fn handler() -> Json<Value> {
    Json(document())
}

#[cfg(test)]
mod tests;
