//! A county that is not the demo, end to end through the use cases: its list and figures
//! from a survey table (the initial list), its village boundaries from a GeoJSON file; before
//! the boundaries it has no map and the optimizer refuses it, after them its base has the
//! polygons' rook adjacency and 方案推荐 proposes schemes. On generated counties (synthetic
//! geometry from quhua-geo's generator, several seeds and shapes), not on the demo.

use quhua_app::access::Actor;
use quhua_app::boundaries::{self, BoundaryFile, BoundaryLevel, BoundaryOptions, geometry_json};
use quhua_app::propose::{ProposeRequest, propose};
use quhua_app::{App, imports};
use quhua_core::policy::Policy;
use serde_json::json;
use std::collections::BTreeSet;

const COUNTY: &str = "510824";

struct Generated {
    table: String,
    geojson: Vec<u8>,
    polygons: Vec<geo_types::MultiPolygon<f64>>,
}

/// A county of `sizes.len()` townships with `sizes[t]` villages each: a survey table (county,
/// townships, villages with 户籍人口) and the village polygons with their codes.
fn generate(sizes: &[usize], seed: u64) -> Generated {
    let synth =
        quhua_geo::synth::try_county((105.9, 31.8), sizes.len(), sizes, 900.0, seed).unwrap();
    let mut table = String::from("代码,名称,户籍人口\n510824,示意县,\n");
    let mut seq = vec![0usize; sizes.len()];
    let mut features = Vec::new();
    for t in 0..sizes.len() {
        table.push_str(&format!("{COUNTY}{:03},示意{}镇,\n", 100 + t, t + 1));
    }
    for (i, poly) in synth.villages.iter().enumerate() {
        let t = synth.village_township[i];
        seq[t] += 1;
        let code = format!("{COUNTY}{:03}{:03}", 100 + t, 200 + seq[t]);
        let pop = 600 + (i * 7919 + seed as usize * 31) % 2400;
        table.push_str(&format!(
            "{code},示意{}-{}村民委员会,{pop}\n",
            t + 1,
            seq[t]
        ));
        let coords: serde_json::Value = serde_json::from_str(&geometry_json(poly)).unwrap();
        features.push(json!({"type": "Feature", "properties": {"CODE": code},
            "geometry": {"type": "MultiPolygon", "coordinates": coords}}));
    }
    Generated {
        table,
        geojson: serde_json::to_vec(&json!({"type": "FeatureCollection", "features": features}))
            .unwrap(),
        polygons: synth.villages,
    }
}

fn rook_pairs(polys: &[geo_types::MultiPolygon<f64>]) -> usize {
    quhua_geo::adjacency(polys, &quhua_geo::AdjacencyOptions::metres(1.0))
        .rook
        .edge_count()
}

#[test]
fn a_generated_county_is_imported_mapped_and_planned() {
    let operator = Actor::operator("民政局");
    for (sizes, seed) in [
        (vec![5, 6, 4, 7, 5, 6, 3, 4], 11u64),
        (vec![8, 3, 9, 4, 6, 5, 7, 2, 6, 4, 5, 3], 23),
        (vec![4; 15], 37),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(&format!("sqlite:{}", dir.path().join("c.db").display())).unwrap();
        let g = generate(&sizes, seed);
        let table = dir.path().join("摸底表.csv");
        std::fs::write(&table, &g.table).unwrap();
        imports::table(&app, &operator, &table, "2025-12-31", None).unwrap();
        let policy = Policy::builtin("default").unwrap();
        let before = quhua_app::county::load(&app, COUNTY, &policy).unwrap();
        assert!(before.geometry.is_none() && before.base.adjacency.is_none());
        assert!(
            propose(&app, &operator, COUNTY, &ProposeRequest::default()).is_err(),
            "no boundaries, no proposals"
        );
        let file = BoundaryFile {
            name: "村界.geojson".into(),
            bytes: g.geojson.clone(),
        };
        let opts = BoundaryOptions {
            commit: true,
            ..Default::default()
        };
        let r = boundaries::import(&app, &operator, None, &file, &opts).unwrap();
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(
            (r.county.as_str(), r.level, r.code_field.as_str()),
            (COUNTY, BoundaryLevel::Village, "CODE")
        );
        assert_eq!(r.matched, g.polygons.len());
        let after = quhua_app::county::load(&app, COUNTY, &policy).unwrap();
        let geo = after.geometry.as_ref().expect("geometry");
        assert!(
            !geo.synthetic,
            "imported boundaries are not marked schematic"
        );
        // Same adjacency as the polygons' own (villages reordered by the base).
        let adj = after.base.adjacency.as_ref().unwrap();
        let pairs: BTreeSet<(u32, u32)> = adj
            .iter()
            .enumerate()
            .flat_map(|(a, ns)| ns.iter().map(move |&b| (a as u32, b)))
            .filter(|(a, b)| a < b)
            .collect();
        assert_eq!(pairs.len(), rook_pairs(&g.polygons), "sizes {sizes:?}");
        let p = propose(&app, &operator, COUNTY, &ProposeRequest::default()).unwrap();
        assert!(!p.schemes.is_empty(), "sizes {sizes:?}");
        assert!(p.schemes.iter().all(|s| s.p >= 1 && s.p <= sizes.len()));
    }
}
