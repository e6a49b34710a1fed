//! One geometry validation for all formats (issue 15): the same shapes written as GeoJSON,
//! Shapefile and GeoPackage read back to the same findings; non-finite or off-globe
//! coordinates are refused naming the file and the feature, in every format.
use geo_types::{LineString, MultiPolygon, Polygon};
use proptest::prelude::*;
use quhua_geo::error::GeoError;
use quhua_geo::io::{
    gpkg::read_gpkg, read_geojson, read_layer_bytes, read_shapefile, write_geojson, write_shapefile,
};
use quhua_geo::validate::{IssueKind, ValidateOptions, validate};
use rusqlite::Connection;
use serde_json::Map;
use std::io::Write;
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
    let upload = |name: &str, bytes: Vec<u8>| g(read_layer_bytes(name, &bytes).unwrap());
    vec![
        ("geojson", findings(&g(read_geojson(&gj).unwrap()))),
        ("shapefile", findings(&g(read_shapefile(&shp).unwrap()))),
        ("gpkg", findings(&g(read_gpkg(&gp, None).unwrap()))),
        (
            "geojson bytes",
            findings(&upload("t.geojson", std::fs::read(&gj).unwrap())),
        ),
        (
            "zipped shapefile",
            findings(&upload("t.zip", zip_shapefile(&shp, "layer/T", true))),
        ),
        (
            "gpkg bytes",
            findings(&upload("t.gpkg", std::fs::read(&gp).unwrap())),
        ),
    ]
}

/// The .shp/.shx/.dbf/.prj/.cpg next to `shp`, zipped in memory as `{stem}.SHP`... (upper-case
/// extensions; `stem` may hold folders); without the .shx unless `with_shx`.
fn zip_shapefile(shp: &Path, stem: &str, with_shx: bool) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    if let Some((dir, _)) = stem.rsplit_once('/') {
        w.add_directory(format!("{dir}/"), opts).unwrap();
    }
    for ext in ["shp", "shx", "dbf", "prj", "cpg"] {
        if ext == "shx" && !with_shx {
            continue;
        }
        w.start_file(format!("{stem}.{}", ext.to_uppercase()), opts)
            .unwrap();
        w.write_all(&std::fs::read(shp.with_extension(ext)).unwrap())
            .unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn sample_features() -> Vec<(MultiPolygon<f64>, Map<String, serde_json::Value>)> {
    (0..3)
        .map(|i| {
            let x = 114.0 + 0.01 * i as f64;
            let mut p = Map::new();
            p.insert("code".into(), format!("13063410{i:04}").into());
            p.insert("name".into(), format!("村{i}").into());
            p.insert("pop".into(), (1000 + i).into());
            let g = poly(&[
                (x, 38.0),
                (x + 0.01, 38.0),
                (x + 0.01, 38.01),
                (x, 38.01),
                (x, 38.0),
            ]);
            (g, p)
        })
        .collect()
}

#[test]
fn uploaded_geojson_reads_as_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let feats = sample_features();
    let refs: Vec<_> = feats.iter().map(|(g, p)| (g, p)).collect();
    let gj = dir.path().join("t.geojson");
    write_geojson(&gj, &refs).unwrap();
    let bytes = std::fs::read(&gj).unwrap();
    let from_file = read_geojson(&gj).unwrap();
    assert_eq!(read_layer_bytes("t.geojson", &bytes).unwrap(), from_file);
    // A UTF-8 BOM is accepted; other encodings are refused naming the file.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&bytes);
    assert_eq!(read_layer_bytes("t.GeoJSON", &bom).unwrap(), from_file);
    let (gbk, _, _) = encoding_rs::GBK.encode(std::str::from_utf8(&bytes).unwrap());
    match read_layer_bytes("上传.json", &gbk) {
        Err(e @ GeoError::Encoding { .. }) => assert!(e.to_string().contains("上传.json"), "{e}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn zipped_shapefile_reads_as_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let feats = sample_features();
    let refs: Vec<_> = feats.iter().map(|(g, p)| (g, p)).collect();
    let shp = dir.path().join("t.shp");
    write_shapefile(&shp, &refs).unwrap();
    let from_folder = read_shapefile(&shp).unwrap();
    let from_zip = read_layer_bytes("上传.ZIP", &zip_shapefile(&shp, "省/县/T", true)).unwrap();
    assert_eq!(from_zip.features, from_folder.features);
    assert_eq!(from_zip.features[2].properties["name"], "村2");
    assert_eq!(from_zip.warnings, from_folder.warnings);
    assert_eq!(from_zip.encoding, from_folder.encoding);
    assert_eq!(from_zip.source_crs, from_folder.source_crs);
    assert_eq!(from_zip.name, "T");
    // Without the .shx: the same warning in both routes, naming the member in the archive.
    std::fs::remove_file(shp.with_extension("shx")).unwrap();
    let from_folder = read_shapefile(&shp).unwrap();
    let from_zip = read_layer_bytes("up.zip", &zip_shapefile(&shp, "d/T", false)).unwrap();
    assert_eq!(from_zip.features, from_folder.features);
    let kinds = |l: &quhua_geo::Layer| l.warnings.iter().map(|w| w.kind).collect::<Vec<_>>();
    assert_eq!(kinds(&from_zip), kinds(&from_folder));
    assert!(
        from_zip
            .warnings
            .iter()
            .any(|w| w.message.contains("up.zip!d/T.SHP")),
        "{:?}",
        from_zip.warnings
    );
}

#[test]
fn uploaded_gpkg_reads_as_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let gp = dir.path().join("t.gpkg");
    let geoms: Vec<MultiPolygon<f64>> = sample_features().into_iter().map(|(g, _)| g).collect();
    write_gpkg(&gp, &geoms);
    let bytes = std::fs::read(&gp).unwrap();
    let from_file = read_gpkg(&gp, None).unwrap();
    assert_eq!(read_layer_bytes("t.gpkg", &bytes).unwrap(), from_file);
    // Saved in WAL mode (no -wal file comes with an upload): still readable.
    let wal = dir.path().join("wal.gpkg");
    write_gpkg(&wal, &geoms);
    Connection::open(&wal)
        .unwrap()
        .pragma_update(None, "journal_mode", "WAL")
        .unwrap();
    let wal_bytes = std::fs::read(&wal).unwrap();
    assert_eq!(&wal_bytes[18..20], &[2, 2]);
    assert_eq!(read_layer_bytes("wal.gpkg", &wal_bytes).unwrap(), from_file);
    // Errors name the uploaded file, not the temporary copy.
    let e = read_layer_bytes("上传.gpkg", &bytes[..bytes.len() / 2])
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("上传.gpkg") && !e.contains("quhua-upload-"),
        "{e}"
    );
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
