//! 村级建制调整 over HTTP: the demo's village draft submitted takes the village procedure; a
//! village's 村民会议 is recorded by the county editor only, an impossible count or a village
//! the scheme does not concern is refused in both languages; 村级撤并推荐 answers mergers for
//! any account of the county and refuses a bad floor, an unknown field and another county.

use axum::http::StatusCode;
use serde_json::{Value, json};

mod common;
use common::http::{bilingual, on_demo};

#[test]
fn village_procedure_and_proposals_over_http() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("v.db").display());
    on_demo(&url, async |c| {
        let quyang = c.login("quyang").await;
        let guest = c.login("guest").await;
        let tangxian = c.login("tangxian").await;
        let (s, list, _) = c.get(&quyang, "/api/scenarios?county=130634").await;
        assert_eq!(s, StatusCode::OK, "{list}");
        let scenarios = list["scenarios"]
            .as_array()
            .or(list.as_array())
            .cloned()
            .unwrap_or_default();
        let draft = scenarios
            .iter()
            .find(|x| x["name"] == "曲阳县村级建制调整示意方案")
            .unwrap_or_else(|| panic!("{list}"));
        let (s, board) = c
            .post(&quyang, "/api/plans", json!({ "scenario_id": draft["id"] }))
            .await;
        assert_eq!(s, StatusCode::CREATED, "{board}");
        assert_eq!(board["plan"]["template"], "village");
        let id = board["plan"]["id"].as_i64().unwrap();
        assert_eq!(board["village_assent"].as_array().unwrap().len(), 12);
        let uri = format!("/api/plans/{id}/assemblies");
        let vote = |village: &str, present: u32| {
            json!({ "village": village, "kind": "representatives_meeting", "date": "2026-12-01",
                    "entitled": 30, "present": present, "votes_for": 20, "votes_against": 0 })
        };
        // recorded by the county editor
        let (s, b) = c.post(&quyang, &uri, vote("130634106201", 24)).await;
        assert_eq!(s, StatusCode::OK, "{b}");
        let xidi = b["village_assent"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["village"] == "130634106201")
            .cloned()
            .unwrap();
        assert_eq!(xidi["agreed"], true, "{xidi}");
        // more present than entitled; a village not in the scheme: refused, both languages
        for bad in [vote("130634106201", 31), vote("130634100200", 24)] {
            let (s, e) = c.post(&quyang, &uri, bad).await;
            assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{e}");
            assert!(bilingual(&e), "{e}");
        }
        // an unknown field is bad input
        let mut extra = vote("130634106201", 24);
        extra["bogus"] = json!(1);
        let (s, e) = c.post(&quyang, &uri, extra).await;
        assert!(s.is_client_error(), "{s} {e}");
        // a viewer may not record; another county's account does not see the plan
        let (s, e) = c.post(&guest, &uri, vote("130634106201", 24)).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{e}");
        let (s, _) = c.post(&tangxian, &uri, vote("130634106201", 24)).await;
        assert_eq!(s, StatusCode::NOT_FOUND);

        // 村级撤并推荐: any account of the county may ask; the answer is operations
        let p = "/api/counties/130634/propose-villages";
        let (s, v) = c.post(&guest, p, json!({ "floor": 1500 })).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        assert!(v["ops"].as_array().is_some_and(|o| !o.is_empty()), "{v}");
        assert!(
            v["indicators"]["after"]["count"].as_u64()
                < v["indicators"]["before"]["count"].as_u64()
        );
        assert_eq!(v["synthetic"], true);
        let (s, e) = c.post(&quyang, p, json!({ "floor": -1 })).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{e}");
        assert!(bilingual(&e), "{e}");
        let (s, e) = c.post(&quyang, p, json!({})).await;
        assert_eq!(
            s,
            StatusCode::BAD_REQUEST,
            "no floor in Hebei's policy: {e}"
        );
        let (s, _) = c
            .post(&quyang, p, json!({ "floor": 1500, "bogus": true }))
            .await;
        assert!(s.is_client_error());
        let (s, _) = c.post(&tangxian, p, json!({ "floor": 1500 })).await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let _: Value = v;
    });
}
