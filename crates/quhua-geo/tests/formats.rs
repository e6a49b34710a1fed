//! One geometry validation for all formats (issue 15): the same shapes written as GeoJSON,
//! Shapefile and GeoPackage read back to the same findings; non-finite or off-globe
//! coordinates are refused naming the file and the feature, in every format.
use geo_types::{LineString, MultiPolygon, Polygon};
use proptest::prelude::*;
use quhua_geo::error::GeoError;
use quhua_geo::io::{
    gpkg::read_gpkg, read_geojson, read_shapefile, write_geojson, write_shapefile,
};
use quhua_geo::validate::{IssueKind, ValidateOptions, validate};
use rusqlite::Connection;
use serde_json::Map;
use std::path::Path;

const CGCS2000: &str = r#"GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]"#;

fn wkb(mp: &MultiPolygon<f64>) -> Vec<u8> {
    let mut b = vec![1u8];
    b.extend(6u32.to_le_bytes());
    b.extend((mp.0.len() as u32).to_le_bytes());
    for p in &mp.0 {
        b.push(1);
        b.extend(3u32.to_le_bytes());
        let rings: Vec<&LineString<f64>> =
            std::iter::once(p.exterior()).chain(p.interiors()).collect();
        b.extend((rings.len() as u32).to_le_bytes());
        for r in rings {
            b.extend((r.0.len() as u32).to_le_bytes());
            for c in &r.0 {
                b.extend(c.x.to_le_bytes());
                b.extend(c.y.to_le_bytes());
            }
        }
    }
    b
}

/// A minimal GeoPackage with one polygon table.
fn write_gpkg(path: &Path, geoms: &[MultiPolygon<f64>]) {
    let c = Connection::open(path).unwrap();
    c.execute_batch(
        "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT, description TEXT);
         CREATE TABLE gpkg_contents (table_name TEXT PRIMARY KEY, data_type TEXT, identifier TEXT, description TEXT, last_change TEXT, min_x REAL, min_y REAL, max_x REAL, max_y REAL, srs_id INTEGER);
         CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
         INSERT INTO gpkg_contents VALUES ('t', 'features', 't', '', '', 0, 0, 0, 0, 4490);
         INSERT INTO gpkg_geometry_columns VALUES ('t', 'geom', 'MULTIPOLYGON', 4490, 0, 0);
         CREATE TABLE t (fid INTEGER PRIMARY KEY, geom BLOB);",
    )
    .unwrap();
    c.execute(
        "INSERT INTO gpkg_spatial_ref_sys VALUES ('CGCS2000', 4490, 'EPSG', 4490, ?1, '')",
        [CGCS2000],
    )
    .unwrap();
    for g in geoms {
        let mut b = b"GP".to_vec();
        b.push(0);
        b.push(1);
        b.extend(4490i32.to_le_bytes());
        b.extend(wkb(g));
        c.execute("INSERT INTO t (geom) VALUES (?1)", [b]).unwrap();
    }
}

fn poly(pts: &[(f64, f64)]) -> MultiPolygon<f64> {
    MultiPolygon(vec![Polygon::new(LineString::from(pts.to_vec()), vec![])])
}

/// (kind, feature) of each finding, sorted.
fn findings(geoms: &[MultiPolygon<f64>]) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = validate(geoms, &ValidateOptions::default())
        .into_iter()
        .map(|i| (format!("{:?}", i.kind), i.feature))
        .collect();
    v.sort();
    v
}

/// Writes the shapes in each format, reads them back, and returns the findings per format.
fn per_format(geoms: &[MultiPolygon<f64>]) -> Vec<(&'static str, Vec<(String, usize)>)> {
    let dir = tempfile::tempdir().unwrap();
    let props = Map::new();
    let feats: Vec<(&MultiPolygon<f64>, &Map<String, serde_json::Value>)> =
        geoms.iter().map(|g| (g, &props)).collect();
    let gj = dir.path().join("t.geojson");
    write_geojson(&gj, &feats).unwrap();
    let shp = dir.path().join("t.shp");
    write_shapefile(&shp, &feats).unwrap();
    let gp = dir.path().join("t.gpkg");
    write_gpkg(&gp, geoms);
    let g = |l: quhua_geo::Layer| -> Vec<MultiPolygon<f64>> {
        l.features.into_iter().map(|f| f.geometry).collect()
    };
    vec![
        ("geojson", findings(&g(read_geojson(&gj).unwrap()))),
        ("shapefile", findings(&g(read_shapefile(&shp).unwrap()))),
        ("gpkg", findings(&g(read_gpkg(&gp, None).unwrap()))),
    ]
}

fn assert_same(geoms: &[MultiPolygon<f64>]) -> Vec<(String, usize)> {
    let all = per_format(geoms);
    for (fmt, f) in &all[1..] {
        assert_eq!(&all[0].1, f, "geojson vs {fmt}");
    }
    all[0].1.clone()
}

#[test]
fn bow_tie_is_reported_in_every_format() {
    let bowtie = poly(&[
        (114.0, 38.0),
        (114.01, 38.01),
        (114.01, 38.0),
        (114.0, 38.01),
        (114.0, 38.0),
    ]);
    let square = poly(&[
        (114.1, 38.0),
        (114.11, 38.0),
        (114.11, 38.01),
        (114.1, 38.01),
        (114.1, 38.0),
    ]);
    let f = assert_same(&[square, bowtie]);
    assert!(
        f.contains(&(format!("{:?}", IssueKind::SelfIntersection), 1)),
        "{f:?}"
    );
}

#[test]
fn nan_and_off_globe_coordinates_are_refused_naming_the_feature() {
    let ok = poly(&[
        (114.0, 38.0),
        (114.01, 38.0),
        (114.01, 38.01),
        (114.0, 38.0),
    ]);
    for bad in [
        poly(&[
            (114.0, 38.0),
            (f64::NAN, 38.0),
            (114.01, 38.01),
            (114.0, 38.0),
        ]),
        poly(&[
            (114.0, 38.0),
            (f64::INFINITY, 38.0),
            (114.01, 38.01),
            (114.0, 38.0),
        ]),
        // Gauss-Krüger metres read as degrees.
        poly(&[
            (500_000.0, 4_200_000.0),
            (501_000.0, 4_200_000.0),
            (501_000.0, 4_201_000.0),
            (500_000.0, 4_200_000.0),
        ]),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let gp = dir.path().join("bad.gpkg");
        write_gpkg(&gp, &[ok.clone(), bad.clone()]);
        match read_gpkg(&gp, None) {
            Err(GeoError::BadCoordinate { path, feature, .. }) => {
                assert_eq!(feature, 1);
                assert_eq!(path, gp);
            }
            other => panic!("gpkg: {other:?}"),
        }
        let shp = dir.path().join("bad.shp");
        let props = Map::new();
        let written = write_shapefile(&shp, &[(&ok, &props), (&bad, &props)]);
        if written.is_ok() {
            let e = read_shapefile(&shp).unwrap_err();
            let msg = e.to_string();
            assert!(msg.contains("bad.shp"), "{msg}");
            assert!(
                matches!(e, GeoError::BadCoordinate { feature: 1, .. })
                    || matches!(
                        e,
                        GeoError::Malformed {
                            record: Some(1),
                            ..
                        }
                    ),
                "{e:?}"
            );
        }
    }
}

fn arb_ring() -> impl Strategy<Value = MultiPolygon<f64>> {
    // 3–12 random points in a 0.01° box (often self-crossing), closed.
    prop::collection::vec((0u32..1000, 0u32..1000), 3..12).prop_map(|pts| {
        let mut v: Vec<(f64, f64)> = pts
            .into_iter()
            .map(|(x, y)| (114.0 + x as f64 * 1e-5, 38.0 + y as f64 * 1e-5))
            .collect();
        v.push(v[0]);
        poly(&v)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Random (often invalid) shapes: identical findings whatever the file type.
    #[test]
    fn same_findings_whatever_the_format(geoms in prop::collection::vec(arb_ring(), 1..4)) {
        let all = per_format(&geoms);
        for (fmt, f) in &all[1..] {
            prop_assert_eq!(&all[0].1, f, "geojson vs {}", fmt);
        }
    }
}

/// Found by the stable fuzz loop (examples/fuzz_geo.rs): a GeoPackage whose column name is
/// not UTF-8 made rusqlite's `column_names()` panic; now it is a located error.
#[test]
fn gpkg_with_a_non_utf8_column_name_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bad-name.gpkg");
    let ok = poly(&[
        (114.0, 38.0),
        (114.01, 38.0),
        (114.01, 38.01),
        (114.0, 38.0),
    ]);
    write_gpkg(&p, &[ok]);
    // Rename column "fid" to bytes that are not UTF-8, in place in the file.
    let mut bytes = std::fs::read(&p).unwrap();
    let needle = b"fid INTEGER";
    let at = bytes
        .windows(needle.len())
        .position(|w| w == needle)
        .unwrap();
    bytes[at + 1] = 0xFF;
    std::fs::write(&p, &bytes).unwrap();
    let r = std::panic::catch_unwind(|| read_gpkg(&p, None));
    assert!(r.is_ok(), "panicked");
}
