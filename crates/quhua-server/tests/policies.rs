//! The policy a county is checked against, over HTTP: the choices list the county's own
//! province's policy first; an evaluation naming no policy uses it; a named one wins; an
//! unknown one is refused in both languages; a draft keeps its policy across saves that do
//! not name one; another county's account sees none of it.

use axum::http::StatusCode;
use serde_json::{Value, json};

mod common;
use common::http::{bilingual, on_demo};

const TO_STREET: &str = r#"[{"op":"convert","unit":"恒州镇","to":"街道"}]"#;

#[test]
fn policies_follow_the_county_and_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("p.db").display());
    on_demo(&url, async |c| {
        let quyang = c.login("quyang").await;
        let (s, v, _) = c.get(&quyang, "/api/counties/130634/policies").await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert_eq!(v["default"], "hebei");
        assert_eq!(v["own_province"], true);
        let list = v["policies"].as_array().unwrap();
        assert_eq!(list[0]["id"], "hebei");
        assert_eq!(list[0]["own_province"], true);
        assert!(
            list[0]["note"]["zh"]
                .as_str()
                .unwrap()
                .contains("河北省民政厅")
        );
        assert!(!list[0]["note"]["en"].as_str().unwrap().is_empty());
        assert!(
            list.iter()
                .any(|p| p["id"] == "default" && p["national"] == true)
        );
        assert_eq!(
            list.iter().filter(|p| p["own_province"] == true).count(),
            1,
            "{v}"
        );

        let ops: Value = serde_json::from_str(TO_STREET).unwrap();
        let eval = async |policy: Option<&str>| {
            let mut body = json!({ "ops": ops });
            if let Some(p) = policy {
                body["policy"] = json!(p);
            }
            c.post(&quyang, "/api/counties/130634/evaluate", body).await
        };
        let (s, own) = eval(None).await;
        assert_eq!(s, StatusCode::OK, "{own}");
        assert_eq!(own["evaluation"]["policy"], "河北省");
        let street = |v: &Value| -> Vec<Value> {
            v["evaluation"]["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["rule"] == "street_standard")
                .cloned()
                .collect()
        };
        assert!(
            street(&own)
                .iter()
                .all(|f| f["citation"].as_str().unwrap().contains("河北省")),
            "{own}"
        );
        let (s, national) = eval(Some("default")).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(national["evaluation"]["policy"], "全国参考（国家层面文件）");
        assert!(
            street(&national)
                .iter()
                .all(|f| f["message"]["zh"].as_str().unwrap().contains("未收录")),
            "{national}"
        );
        // The cache keeps the two apart: asking without a policy again is still Hebei's.
        let (_, again) = eval(None).await;
        assert_eq!(again["evaluation"]["policy"], "河北省");
        let (s, bad) = eval(Some("nowhere")).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad}");
        assert!(bilingual(&bad), "{bad}");

        // A draft keeps its policy when a save does not name one, and changes it when one does.
        let (s, created) = c
            .post(
                &quyang,
                "/api/scenarios",
                json!({"name": "浙江口径", "county": "130634", "ops": ops, "policy": "zhejiang"}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{created}");
        let id = created["id"].as_i64().unwrap();
        let uri = format!("/api/scenarios/{id}");
        let (s, kept) = c
            .put(
                &quyang,
                &uri,
                json!({"expected_version": created["version"], "name": "浙江口径", "ops": ops}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{kept}");
        assert_eq!(kept["policy"], "zhejiang");
        let (s, changed) = c.put(
            &quyang,
            &uri,
            json!({"expected_version": kept["version"], "name": "本省口径", "ops": ops, "policy": "hebei"}),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{changed}");
        assert_eq!(changed["policy"], "hebei");

        // A viewer of the county may read the choices; another county's editor may not.
        let guest = c.login("guest").await;
        let (s, _, _) = c.get(&guest, "/api/counties/130634/policies").await;
        assert_eq!(s, StatusCode::OK);
        let tangxian = c.login("tangxian").await;
        let (s, v, _) = c.get(&tangxian, "/api/counties/130634/policies").await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
    });
}
