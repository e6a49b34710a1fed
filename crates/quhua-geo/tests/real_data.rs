//! Tests against the real bench data and independently known values.
use quhua_geo::adjacency::{AdjacencyOptions, adjacency};
use quhua_geo::area::area_km2;
use quhua_geo::io::{read_geojson, read_layer, read_shapefile, write_geojson, write_shapefile};
use quhua_geo::layer::WarningKind;
use quhua_geo::{GeoError, synth};
use std::path::{Path, PathBuf};

fn data(p: &str) -> PathBuf {
    Path::new(&*manifest_dir()).join("../../data").join(p)
}

#[test]
fn iowa_areas_close_to_aland_and_rook_counts() {
    let layer = read_shapefile(&data("bench/ia-counties/IA_counties.shp")).unwrap();
    assert_eq!(layer.features.len(), 99);
    let mut rel: Vec<f64> = Vec::new();
    let (mut ours_total, mut land_total) = (0.0, 0.0);
    for f in &layer.features {
        let a = area_km2(&f.geometry);
        let land = f.properties["ALAND10"].as_f64().unwrap() / 1e6;
        ours_total += a;
        land_total += land;
        rel.push((a - land) / land);
    }
    rel.sort_by(f64::total_cmp);
    let median = rel[rel.len() / 2];
    eprintln!(
        "IA: ours {ours_total:.1} km² vs ALAND10 {land_total:.1} km²; rel diff min {:.4} median {median:.4} max {:.4}",
        rel[0], rel[98]
    );
    // Total area (land + water) of Iowa is 145,746 km², land 144,669 km² (Census 2010).
    assert!(
        (ours_total - 145_746.0).abs() / 145_746.0 < 0.003,
        "{ours_total}"
    );
    // Ours includes inland water, ALAND10 does not: never much smaller, usually within 1 %.
    assert!(rel[0] > -0.002, "{rel:?}");
    assert!(median.abs() < 0.01, "{median}");
    let adj = adjacency(&layer.to_geometries(), &AdjacencyOptions::exact());
    // Counts match libpysal 4.14.1 Rook/Queen.from_dataframe on the same file (bench/geo/compare.sh).
    assert_eq!(adj.rook.edge_count(), 222);
    assert_eq!(adj.queen.edge_count(), 294);
    for i in 0..99 {
        for &j in adj.rook.neighbors(i) {
            assert!(
                adj.rook.neighbors(j as usize).contains(&(i as u32)),
                "asymmetric {i} {j}"
            );
        }
    }
    assert!(adj.islands.is_empty());
}

#[test]
fn new_hampshire_state_plane_feet_and_the_island() {
    let layer = read_shapefile(&data("bench/nh-wards/NH.shp")).unwrap();
    assert_eq!(layer.features.len(), 320);
    for f in &layer.features {
        for p in &f.geometry.0 {
            for c in &p.exterior().0 {
                assert!(
                    c.x > -72.7 && c.x < -70.5 && c.y > 42.6 && c.y < 45.4,
                    "{c:?} outside New Hampshire"
                );
            }
        }
    }
    // New Hampshire: 24,214 km² total area (Census 2010: 23,187 land + 1,027 water).
    let total: f64 = layer.features.iter().map(|f| area_km2(&f.geometry)).sum();
    assert!((total - 24_214.0).abs() / 24_214.0 < 0.01, "{total}");
    // Exact vertex matching (what libpysal/GeoDa do): the one queen island.
    let adj = adjacency(&layer.to_geometries(), &AdjacencyOptions::exact());
    assert_eq!(adj.islands.len(), 1);
    let island = adj.islands[0] as usize;
    assert_eq!(island, 304);
    assert_eq!(
        layer.features[island].properties["TOTPOP"].as_i64(),
        Some(4321)
    );
    // But ward 304 does touch wards 303, 305, 306 and 307 (shapely: distance 0.0)
    // without sharing vertices; the tolerance fallback finds those contacts.
    let tol = adjacency(&layer.to_geometries(), &AdjacencyOptions::default());
    eprintln!(
        "NH 304 with 1 m tolerance: rook {:?} queen {:?}",
        tol.rook.neighbors(304),
        tol.queen.neighbors(304)
    );
    assert!(tol.islands.is_empty());
    assert_eq!(tol.queen.neighbors(304), &[303, 305, 306, 307]);
}

#[test]
fn nat_without_prj_is_read_as_lon_lat_with_warning() {
    let layer = read_layer(&data("bench/us-counties-nat/nat.shp")).unwrap();
    assert_eq!(layer.features.len(), 3085);
    assert!(
        layer
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::AssumedLonLat)
    );
}

fn quyang_sizes() -> Vec<usize> {
    let text = std::fs::read_to_string(data("sample-county-130634/units.csv")).unwrap();
    let mut towns: Vec<String> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    for line in text.lines().skip(1) {
        let cols: Vec<&str> = line.split(',').collect();
        match cols[0] {
            "township" => {
                towns.push(cols[2].to_string());
                counts.push(0);
            }
            "village" => {
                let k = towns.iter().position(|t| t == cols[4]).unwrap();
                counts[k] += 1;
            }
            _ => {}
        }
    }
    counts
}

#[test]
fn synthetic_quyang_tiles_is_contiguous_and_reproducible() {
    let sizes = quyang_sizes();
    assert_eq!(sizes.len(), 18);
    assert_eq!(sizes.iter().sum::<usize>(), 378);
    let c = synth::county((114.7, 38.6), 18, &sizes, 1084.0, 130634);
    let cells: f64 = c.villages.iter().map(area_km2).sum();
    assert!((cells - 1084.0).abs() < 1e-6, "{cells}");
    // Cells tile: the union of all cells has the same area and no hole.
    let all = quhua_geo::dissolve::dissolve(&c.villages, &vec![0; c.villages.len()], 1).unwrap();
    assert_eq!(all[0].0.len(), 1);
    assert!(all[0].0[0].interiors().is_empty());
    assert!((area_km2(&all[0]) - cells).abs() / cells < 1e-6);
    for (k, t) in c.townships.iter().enumerate() {
        assert_eq!(t.0.len(), 1, "township {k} not contiguous");
        assert_eq!(
            c.village_township.iter().filter(|&&x| x == k).count(),
            sizes[k]
        );
        // Seat inside the township.
        use geo::Contains;
        assert!(t.contains(&c.township_seat[k]));
    }
    let adj = adjacency(&c.villages, &AdjacencyOptions::exact());
    assert!(adj.islands.is_empty());
    // Reproducible to the byte.
    let again = synth::county((114.7, 38.6), 18, &sizes, 1084.0, 130634);
    assert_eq!(c, again);
    let dir = tempfile::tempdir().unwrap();
    let props = serde_json::Map::new();
    let feats: Vec<_> = c.villages.iter().map(|g| (g, &props)).collect();
    let feats2: Vec<_> = again.villages.iter().map(|g| (g, &props)).collect();
    write_geojson(&dir.path().join("a.geojson"), &feats).unwrap();
    write_geojson(&dir.path().join("b.geojson"), &feats2).unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("a.geojson")).unwrap(),
        std::fs::read(dir.path().join("b.geojson")).unwrap()
    );
    let other = synth::county((114.7, 38.6), 18, &sizes, 1084.0, 1);
    assert_ne!(c.villages, other.villages);
}

#[test]
fn shapefile_and_geojson_round_trip_with_chinese_properties() {
    let c = synth::county((114.7, 38.6), 3, &[4, 5, 6], 150.0, 3);
    let props: Vec<serde_json::Map<String, serde_json::Value>> = (0..15)
        .map(|i| {
            let mut m = serde_json::Map::new();
            m.insert("名称".into(), format!("第{i}村").into());
            m.insert("code".into(), format!("1306341{i:02}").into());
            m.insert("pop".into(), (1000 + i).into());
            m
        })
        .collect();
    let feats: Vec<_> = c.villages.iter().zip(&props).collect();
    let dir = tempfile::tempdir().unwrap();
    let shp = dir.path().join("村.shp");
    write_shapefile(&shp, &feats).unwrap();
    let back = read_shapefile(&shp).unwrap();
    assert_eq!(back.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(back.features.len(), 15);
    for (f, (g, p)) in back.features.iter().zip(&feats) {
        assert!((area_km2(&f.geometry) - area_km2(g)).abs() < 1e-9);
        assert_eq!(&&f.properties, p);
    }
    let gj = dir.path().join("村.geojson");
    write_geojson(&gj, &feats).unwrap();
    let back = read_geojson(&gj).unwrap();
    assert_eq!(back.features[3].properties, props[3]);
    assert_eq!(back.features[3].geometry.0[0].exterior().0.len(), 7);
}

#[test]
fn broken_shapefiles_give_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    for ext in ["shp", "shx", "dbf", "prj", "cpg"] {
        std::fs::copy(
            data(&format!("bench/ia-counties/IA_counties.{ext}")),
            dir.path().join(format!("ia.{ext}")),
        )
        .unwrap();
    }
    let shp = dir.path().join("ia.shp");
    let bytes = std::fs::read(&shp).unwrap();
    std::fs::write(&shp, &bytes[..bytes.len() / 2]).unwrap();
    let err = read_shapefile(&shp).unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, GeoError::Malformed { .. }));
    assert!(msg.contains("ia.shp") && msg.contains("record"), "{msg}");
    std::fs::write(&shp, &bytes[..50]).unwrap();
    assert!(
        read_shapefile(&shp)
            .unwrap_err()
            .to_string()
            .contains("ia.shp")
    );
    std::fs::write(&shp, &bytes).unwrap();
    std::fs::remove_file(dir.path().join("ia.dbf")).unwrap();
    let err = read_shapefile(&shp).unwrap_err();
    assert!(matches!(err, GeoError::MissingFile { .. }));
    assert!(err.to_string().contains("ia.dbf"), "{err}");
    // An unsupported projection is named.
    std::fs::copy(
        data("bench/ia-counties/IA_counties.dbf"),
        dir.path().join("ia.dbf"),
    )
    .unwrap();
    let prj = std::fs::read_to_string(data("bench/nh-wards/NH.prj"))
        .unwrap()
        .replace("Transverse_Mercator", "Hotine_Oblique_Mercator");
    std::fs::write(dir.path().join("ia.prj"), prj).unwrap();
    let err = read_shapefile(&shp).unwrap_err().to_string();
    assert!(
        err.contains("Hotine_Oblique_Mercator") && err.contains("ia.prj"),
        "{err}"
    );
}

/// The package directory, read at run time (cargo sets it for tests, benches and examples):
/// the compile-time value is stale when a build directory is shared between checkouts.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}
