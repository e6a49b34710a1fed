//! 评估 and statistics over HTTP on both backends: a plan's before/after evaluation (its
//! figures checked against the registry and the stored statistics by other routes), the
//! county's stored statistics (import preview, commit, refusals that store nothing, by role
//! and jurisdiction), the crosswalk and recast downloads, and the maps of a plan.

#[path = "../../quhua-store/tests/common/pg.rs"]
#[allow(dead_code)]
mod pg;

mod common;
use common::http::{Client, bilingual, off};

use axum::http::StatusCode;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The stored total of an indicator in a year over the county (read from the store, not
/// through the API).
fn stored_total(url: &str, indicator: &str, year: i64) -> f64 {
    let store = quhua_store::Store::open(url).unwrap();
    store
        .observations(Some(indicator))
        .unwrap()
        .iter()
        .filter(|o| o.period == year && o.code.starts_with("130634"))
        .map(|o| o.value.to_f64())
        .sum()
}

fn population(side: &Value) -> f64 {
    side["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["population"].as_f64().unwrap_or(0.0))
        .sum()
}

async fn exercise(url: &str, c: &Client) {
    let quyang = c.login("quyang").await;
    let guest = c.login("guest").await;
    let baoding = c.login("baoding").await;

    // The plan's evaluation: 18 townships before, fewer after, people conserved.
    let (s, e, _) = c.get(&quyang, "/api/plans/2/evaluation").await;
    assert_eq!(s, StatusCode::OK, "{e}");
    let reg = url.to_string();
    let registry = off(move || {
        quhua_store::Store::open(&reg)
            .unwrap()
            .load_registry()
            .unwrap()
            .unwrap()
    });
    let county = quhua_core::DivisionCode::parse("130634").unwrap();
    let latest = registry
        .events()
        .last()
        .map_or(registry.genesis_date(), |e| e.date);
    let before_count = registry
        .as_of(latest)
        .at_level(quhua_core::Level::Township)
        .filter(|u| u.code.is_within(county))
        .count() as u64;
    assert_eq!(
        e["before"]["indicators"]["count"].as_u64(),
        Some(before_count)
    );
    let after = e["after"]["indicators"]["count"].as_u64().unwrap();
    assert!(after < before_count);
    assert_eq!(e["after"]["units"].as_array().unwrap().len() as u64, after);
    assert_eq!(
        e["reduction"].as_i64(),
        Some(before_count as i64 - after as i64)
    );
    let sentence = e["sentence_zh"].as_str().unwrap();
    assert!(
        sentence.contains(&format!("由{before_count}个"))
            && sentence.contains(&format!("调减为{after}个")),
        "{sentence}"
    );
    assert!((population(&e["before"]) - population(&e["after"])).abs() < 0.5);
    assert_eq!(e["applied"], json!(false));
    assert_eq!(e["synthetic"], json!(true));
    // Its handover's quotas are those of the handover route.
    let (s, h, _) = c.get(&quyang, "/api/plans/2/handover").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(e["handover"]["quotas"], h["status"]["quotas"]);
    assert_eq!(e["handover"]["services"], h["status"]["services"]);
    // The stored statistics as series on the new boundaries: totals are the stored totals.
    let series = e["series"].as_array().unwrap();
    assert_eq!(series.len(), 4, "{:?}", e["series_note"]);
    let gdp = series
        .iter()
        .find(|s| s["indicator"] == "地区生产总值")
        .unwrap();
    let p2020 = gdp["points"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["period"] == 2020)
        .unwrap();
    let u = url.to_string();
    let stored = off(move || stored_total(&u, "地区生产总值", 2020));
    assert!(
        (p2020["value"].as_f64().unwrap() - stored).abs() < 1e-6,
        "{p2020} vs {stored}"
    );
    assert_eq!(p2020["units"].as_u64(), Some(after));
    // Every demo role that sees the plan sees its evaluation.
    for who in [&guest, &baoding] {
        let (s, _, _) = c.get(who, "/api/plans/2/evaluation").await;
        assert_eq!(s, StatusCode::OK);
    }
    let (s, _, _) = c.get(&quyang, "/api/plans/999/evaluation").await;
    assert_eq!(s, StatusCode::NOT_FOUND);

    // The county between two dates; a bad date is refused in both languages.
    let (s, ce, _) = c.get(&guest, "/api/counties/130634/evaluation").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        ce["after"]["indicators"]["count"].as_u64(),
        Some(before_count)
    );
    let (from, to) = (
        ce["before"]["date"].as_str().unwrap().to_string(),
        ce["after"]["date"].as_str().unwrap().to_string(),
    );
    let (s, v, _) = c
        .get(&guest, "/api/counties/130634/evaluation?from=2026-13-01")
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert!(bilingual(&v));
    let (s, _, _) = c.get(&quyang, "/api/counties/130627/evaluation").await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    // Stored statistics: the demo's ten years of four indicators.
    let (s, o, _) = c.get(&guest, "/api/counties/130634/observations").await;
    assert_eq!(s, StatusCode::OK);
    let figures = o["figures"].as_u64().unwrap();
    assert_eq!(figures, before_count * 4 * 10);
    assert_eq!(o["may_import"], json!(false));
    let towns: Vec<String> = e["before"]["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["code"].as_str().unwrap().to_string())
        .collect();
    let csv = format!(
        "代码,指标,年份,数值,单位\n{},测试指标,2024,10.5,万元\n{},测试指标,2024,20,万元\n",
        towns[0], towns[1]
    );
    let q = "/api/counties/130634/observations?file_name=测试.csv";
    // Only a county editor imports.
    for who in [&guest, &baoding] {
        let (s, v) = c
            .upload(who, &format!("{q}&commit=true"), csv.clone().into_bytes())
            .await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{v}");
    }
    // The preview stores nothing.
    let (s, p) = c.upload(&quyang, q, csv.clone().into_bytes()).await;
    assert_eq!(s, StatusCode::OK, "{p}");
    assert_eq!(p["stored"], json!(false));
    assert_eq!(p["figures"], json!(2));
    assert_eq!(p["indicators"][0]["name"], json!("测试指标"));
    let (_, o, _) = c.get(&quyang, "/api/counties/130634/observations").await;
    assert_eq!(o["figures"].as_u64(), Some(figures));
    // Bad files are refused naming the file and what is wrong, and store nothing.
    let bad = [
        (
            format!(
                "代码,指标,年份,数值,单位\n{},测试指标,2024,1,万元\n130634999,测试指标,2024,2,万元\n",
                towns[0]
            ),
            "测试.csv 第 3 行：代码 130634999",
        ),
        (
            format!(
                "代码,指标,年份,数值,单位\n{},测试指标,2024,abc,万元\n",
                towns[0]
            ),
            "测试.csv",
        ),
        (
            "代码,指标,年份,数值,单位\n130627100,测试指标,2024,1,万元\n".to_string(),
            "测试.csv 第 2 行：代码 130627100",
        ),
        (
            format!(
                "代码,指标,年份,数值,单位\n{0},测试指标,2024,1,万元\n{0},测试指标,2024,2,万元\n",
                towns[0]
            ),
            "测试.csv 第 3 行",
        ),
    ];
    for (body, named) in bad {
        let (s, v) = c
            .upload(&quyang, &format!("{q}&commit=true"), body.into_bytes())
            .await;
        assert!(s.is_client_error(), "{s} {v}");
        assert!(bilingual(&v), "{v}");
        let zh = v["error"]["zh"].as_str().unwrap();
        assert!(zh.contains(named), "{zh} should name {named}");
    }
    let (_, o, _) = c.get(&quyang, "/api/counties/130634/observations").await;
    assert_eq!(o["figures"].as_u64(), Some(figures));
    // Committed: stored, listed, audited by the store.
    let (s, p) = c
        .upload(&quyang, &format!("{q}&commit=true"), csv.into_bytes())
        .await;
    assert_eq!(s, StatusCode::CREATED, "{p}");
    let (_, o, _) = c.get(&quyang, "/api/counties/130634/observations").await;
    assert_eq!(o["figures"].as_u64(), Some(figures + 2));
    assert!(
        o["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "测试.csv")
    );

    // The crosswalk between the two dates: JSON weights from each township sum to 1.
    let cw = format!("/api/counties/130634/crosswalk?from={from}&to={to}");
    let (s, rows, _) = c.get(&guest, &format!("{cw}&format=json")).await;
    assert_eq!(s, StatusCode::OK);
    let mut sums: BTreeMap<String, f64> = BTreeMap::new();
    for r in rows.as_array().unwrap() {
        *sums
            .entry(r["from_code"].as_str().unwrap().to_string())
            .or_default() += r["weight"].as_f64().unwrap();
    }
    assert_eq!(sums.len() as u64, before_count);
    assert!(sums.values().all(|s| (s - 1.0).abs() < 1e-9));
    let (s, _, xlsx) = c
        .get(
            &guest,
            &format!("{cw}&format=xlsx&weight=area&direction=backward"),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(xlsx.starts_with(b"PK"));
    let (s, _, csv) = c.get(&guest, &format!("{cw}&format=csv")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(csv.starts_with(b"\xEF\xBB\xBF"));
    for bad in ["&weight=gdp", "&format=doc", "&direction=up"] {
        let (s, v, _) = c.get(&guest, &format!("{cw}{bad}")).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{bad}");
        assert!(bilingual(&v));
    }
    let (s, _, _) = c
        .get(
            &quyang,
            &format!("/api/counties/130627/crosswalk?from={from}&to={to}"),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);

    // The stored statistics recast (JSON): the county total of a year is the stored total.
    let (s, values, _) = c
        .get(
            &guest,
            &format!("/api/counties/130634/recast?to={to}&format=json"),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let total: f64 = values
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["indicator"] == "地区生产总值" && v["period"] == 2020)
        .map(|v| v["value"].as_f64().unwrap())
        .sum();
    let u = url.to_string();
    let stored = off(move || stored_total(&u, "地区生产总值", 2020));
    assert!((total - stored).abs() < 1e-6, "{total} vs {stored}");
    // An uploaded table recast, nothing stored.
    let up = format!(
        "代码,指标,年份,数值,单位\n{},上传指标,2024,7,万元\n",
        towns[0]
    );
    let (s, _) = c
        .upload(
            &guest,
            &format!("/api/counties/130634/recast?to={to}&format=csv&file_name=u.csv"),
            up.into_bytes(),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (_, o, _) = c.get(&quyang, "/api/counties/130634/observations").await;
    assert_eq!(o["figures"].as_u64(), Some(figures + 2));

    // The maps of the plan.
    let (s, _, svg) = c.get(&guest, "/api/plans/2/documents/map-after.svg").await;
    assert_eq!(s, StatusCode::OK);
    assert!(String::from_utf8_lossy(&svg).contains("<svg"));
    let (s, _, png) = c.get(&guest, "/api/plans/2/documents/map-before.png").await;
    assert_eq!(s, StatusCode::OK);
    assert!(png.starts_with(b"\x89PNG"));
}

fn run(url: &str) {
    common::http::on_demo(url, async |c| exercise(url, c).await);
}

#[test]
fn statistics_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    run(&format!("sqlite:{}", dir.path().join("s.db").display()));
}

#[test]
fn statistics_on_postgres() {
    let db = pg::PgDatabase::create("quhua_server_stats");
    run(&db.url);
}
