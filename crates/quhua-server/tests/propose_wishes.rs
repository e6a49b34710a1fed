//! 方案推荐 with the planner's wishes over HTTP: a group kept together and a group kept apart
//! are honoured in every scheme and echoed with the floor actually used; wishes that cannot
//! hold are refused (400) in both languages, naming the township.

use axum::http::StatusCode;
use serde_json::{Value, json};
use std::collections::BTreeMap;

mod common;
use common::http::{bilingual, on_demo};

const URI: &str = "/api/counties/130634/propose";

/// The new unit (its seat's code) of every township code a scheme's merges touch.
fn unit_of(scheme: &Value) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for op in scheme["ops"].as_array().unwrap() {
        if op["op"] != "merge" {
            continue;
        }
        let into = op["into"].as_str().unwrap().to_string();
        for u in op["units"].as_array().unwrap() {
            m.insert(u.as_str().unwrap().to_string(), into.clone());
        }
        m.insert(into.clone(), into);
    }
    m
}

fn same_unit(scheme: &Value, a: &str, b: &str) -> bool {
    let m = unit_of(scheme);
    let of = |c: &str| m.get(c).cloned().unwrap_or_else(|| c.to_string());
    of(a) == of(b)
}

#[test]
fn together_and_apart_groups_are_honoured_and_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("p.db").display());
    on_demo(&url, async |c| {
        let who = c.login("quyang").await;
        // 党城镇 and 范家庄乡 neighbour each other; 晓林镇 is merged into 邸村镇 without wishes
        let (dangcheng, fanjiazhuang) = ("130634112", "130634212");
        let (xiaolin, dicun) = ("130634105", "130634106");
        let (s, free) = c.post(&who, URI, json!({"schemes": 3})).await;
        assert_eq!(s, StatusCode::OK, "{free}");
        let free = free["schemes"].as_array().unwrap();
        assert!(
            free.iter().any(|x| same_unit(x, xiaolin, dicun)),
            "the test bites"
        );
        assert!(free.iter().any(|x| !same_unit(x, dangcheng, fanjiazhuang)));
        let body = json!({
            "schemes": 3,
            "min_pop": 22000,
            "together": [["党城镇", fanjiazhuang]],
            "apart": [[xiaolin, "邸村镇"]],
            "weights": {"wss": 1, "compactness": 0.5, "service": 1},
        });
        let (s, v) = c.post(&who, URI, body).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let schemes = v["schemes"].as_array().unwrap();
        // distinct schemes only: with weighted objectives restarts may agree on fewer
        assert!((1..=3).contains(&schemes.len()), "{}", schemes.len());
        for x in schemes {
            assert!(same_unit(x, dangcheng, fanjiazhuang), "{}", x["ops"]);
            assert!(!same_unit(x, xiaolin, dicun), "{}", x["ops"]);
            assert_eq!(x["violations"], json!([]), "{x}");
            assert!(x["objectives"]["min_region_pop"].as_f64().unwrap() >= 22000.0);
        }
        let w = &v["wishes"];
        assert_eq!(w["min_pop"], 22000.0);
        assert_eq!(w["policy_min_pop"], 20000.0);
        assert_eq!(w["schemes"], 3);
        assert_eq!(
            w["weights"],
            json!({"wss": 1.0, "compactness": 0.5, "service": 1.0})
        );
        let names = |g: &Value| -> Vec<String> {
            g.as_array()
                .unwrap()
                .iter()
                .map(|t| t["name"].as_str().unwrap().to_string())
                .collect()
        };
        assert_eq!(names(&w["together"][0]), ["党城镇", "范家庄乡"]);
        assert_eq!(names(&w["apart"][0]), ["晓林镇", "邸村镇"]);
        assert_eq!(v["service_points"]["basis"], "seats");
        assert_eq!(v["service_points"]["centroids"], 0);
        // the policies the editor offers carry the floor and cap it prefills
        let (_, p, _) = c.get(&who, "/api/counties/130634/policies").await;
        assert_eq!(p["policies"][0]["population_floor"], 20000.0);
    })
}

#[test]
fn wishes_that_cannot_hold_are_refused_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("p.db").display());
    on_demo(&url, async |c| {
        let who = c.login("quyang").await;
        for (body, needle) in [
            (json!({"together": [["党城镇", "无此镇"]]}), "无此镇"),
            (json!({"apart": [["晓林镇"]]}), "晓林镇"),
            (
                json!({"together": [["党城镇", "范家庄乡"], ["范家庄乡", "燕赵镇"]]}),
                "范家庄乡",
            ),
            (
                json!({"together": [["党城镇", "范家庄乡"]], "apart": [["范家庄乡", "党城镇"]]}),
                "党城镇",
            ),
            (
                json!({"together": [["党城镇", "范家庄乡"]], "lock": ["范家庄乡"]}),
                "范家庄乡",
            ),
            (json!({"together": [["恒州镇", "文德镇"]]}), "文德镇"),
            (json!({"together": [["晓林镇", "齐村镇"]]}), "齐村镇"),
            (json!({"min_pop": 0}), "人口下限"),
            (json!({"min_pop": 1e12}), "人口下限"),
            (json!({"max_area": -3}), "面积上限"),
            (
                json!({"weights": {"wss": 0, "compactness": 0, "service": 0}}),
                "权重",
            ),
            (json!({"weights": {"wss": 1, "service": 1e9}}), "服务距离"),
        ] {
            let (s, v) = c.post(&who, URI, body.clone()).await;
            assert_eq!(s, StatusCode::BAD_REQUEST, "{body}: {v}");
            assert!(bilingual(&v), "{v}");
            assert!(
                v["error"]["zh"].as_str().unwrap().contains(needle),
                "{needle} not in {v}"
            );
        }
        // an unknown weight is refused, not ignored
        let (s, _) = c.post(&who, URI, json!({"weights": {"balance": 1}})).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    })
}
