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

#[test]
fn request_bodies_are_closed() {
    // Every JSON request body refuses unknown fields, and says so.
    let doc = document();
    for (path, item) in doc["paths"].as_object().cloned().unwrap_or_default() {
        for (method, op) in item.as_object().cloned().unwrap_or_default() {
            let Some(r) =
                op["requestBody"]["content"]["application/json"]["schema"]["$ref"].as_str()
            else {
                continue;
            };
            let name = r.trim_start_matches("#/components/schemas/");
            let s = &doc["components"]["schemas"][name];
            let closed = s["additionalProperties"] == Value::Bool(false)
                || s["oneOf"].as_array().is_some_and(|v| {
                    v.iter()
                        .all(|o| o["additionalProperties"] == Value::Bool(false))
                });
            assert!(
                closed,
                "{method} {path}: body {name} accepts unknown fields: {s}"
            );
        }
    }
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
