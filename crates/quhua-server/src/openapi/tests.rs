use super::*;

/// The committed document the web client's types are generated from.
const COMMITTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.json");

#[test]
fn lists_every_route_once() {
    let doc = document();
    for r in crate::routes::API {
        let (method, path) = (r.method, r.path);
        let op = &doc["paths"][path][method.to_lowercase()];
        assert!(op.is_object(), "{method} {path} missing from OpenAPI");
    }
    let n: usize = doc["paths"]
        .as_object()
        .map(|p| p.values().filter_map(Value::as_object).map(Map::len).sum())
        .unwrap_or(0);
    assert_eq!(n, crate::routes::API.len());
}

#[test]
fn every_reference_resolves() {
    let doc = document();
    let text = doc.to_string();
    let schemas = doc["components"]["schemas"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let mut refs = 0;
    for part in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = part.split('"').next().unwrap_or_default();
        assert!(schemas.contains_key(name), "dangling $ref {name}");
        refs += 1;
    }
    assert!(
        refs > 20,
        "only {refs} references: the document lost its schemas"
    );
}

/// Objects reachable from `s` (through references, properties, items and alternatives)
/// that accept unknown fields. An alternative under a closed object is the pattern of a
/// flattened enum (the outer object lists its fields) and is judged with its parent.
fn open_objects(doc: &Value, s: &Value, under_closed: bool, seen: &mut Vec<String>) -> Vec<String> {
    if let Some(r) = s["$ref"].as_str() {
        let name = r.trim_start_matches("#/components/schemas/").to_string();
        if seen.contains(&name) {
            return Vec::new();
        }
        seen.push(name.clone());
        return open_objects(
            doc,
            &doc["components"]["schemas"][name.as_str()],
            false,
            seen,
        );
    }
    let mut open = Vec::new();
    let closed = s["additionalProperties"] == Value::Bool(false);
    if s["properties"].is_object() && !closed && !under_closed {
        open.push(s.to_string().chars().take(160).collect());
    }
    for key in ["oneOf", "anyOf", "allOf"] {
        for alt in s[key].as_array().into_iter().flatten() {
            open.extend(open_objects(doc, alt, closed || under_closed, seen));
        }
    }
    for p in s["properties"]
        .as_object()
        .into_iter()
        .flat_map(|m| m.values())
    {
        open.extend(open_objects(doc, p, false, seen));
    }
    if s["items"].is_object() {
        open.extend(open_objects(doc, &s["items"], false, seen));
    }
    open
}

#[test]
fn request_bodies_are_closed() {
    // Every JSON request body refuses unknown fields at every level, and says so.
    let doc = document();
    let mut bodies = 0;
    for (path, item) in doc["paths"].as_object().cloned().unwrap_or_default() {
        for (method, op) in item.as_object().cloned().unwrap_or_default() {
            let schema = &op["requestBody"]["content"]["application/json"]["schema"];
            if schema.is_null() {
                continue;
            }
            bodies += 1;
            let open = open_objects(&doc, schema, false, &mut Vec::new());
            assert!(
                open.is_empty(),
                "{method} {path}: accepts unknown fields in {open:?}"
            );
        }
    }
    assert!(bodies > 15, "only {bodies} JSON bodies");
}

#[test]
fn error_responses_carry_both_languages() {
    let doc = document();
    let e = &doc["components"]["schemas"]["Message"];
    assert_eq!(e["required"], serde_json::json!(["zh", "en"]));
    let login = &doc["paths"]["/api/login"]["post"]["responses"]["401"];
    assert_eq!(
        login["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ErrorBody"
    );
}

/// The committed `openapi.json` is what the code generates (rewrite it with
/// `QUHUA_BLESS=1 cargo test -p quhua-server openapi`); the web client's types are generated
/// from it and checked by `npm run check:api`.
#[test]
fn committed_document_matches_the_code() {
    let generated = format!(
        "{}\n",
        serde_json::to_string_pretty(&document()).unwrap_or_default()
    );
    if std::env::var_os("QUHUA_BLESS").is_some() {
        std::fs::write(COMMITTED, &generated).expect("write openapi.json");
        return;
    }
    let committed = std::fs::read_to_string(COMMITTED).unwrap_or_default();
    assert!(
        committed == generated,
        "crates/quhua-server/openapi.json is out of date: run `QUHUA_BLESS=1 cargo test -p quhua-server openapi` and `npm run gen:api` in web/"
    );
}
