//! The national synthetic set from the real NBS 2023 code list.
use geo::BoundingRect;
use quhua_geo::area::area_km2;
use std::path::Path;

#[test]
fn national_counts_calibration_and_no_overlap() {
    let dir = Path::new(&*manifest_dir()).join("../../data/nbs-2023");
    let nat = quhua_geo::synth::national(&dir, 2023).unwrap();
    assert_eq!(nat.counties.len(), 2978);
    assert_eq!(nat.townships.len(), 41_352);
    assert_eq!(nat.villages.len(), 620_573);
    assert_eq!(nat.filler_cells, 0);
    // Real codes, nested.
    for v in nat.villages.iter().step_by(997) {
        assert_eq!(v.code.len(), 12);
        assert!(v.code.starts_with(&nat.townships[v.township].code));
    }
    let p = nat.village_properties(0);
    assert_eq!(p["synthetic"], serde_json::json!(true));
    assert_eq!(p["示意"], serde_json::json!(true));
    // Calibration: mean township area and population.
    let total_area: f64 = nat.townships.iter().map(|t| area_km2(&t.geometry)).sum();
    let mean_area = total_area / nat.townships.len() as f64;
    let mean_pop = nat
        .townships
        .iter()
        .map(|t| t.population as f64)
        .sum::<f64>()
        / nat.townships.len() as f64;
    eprintln!("mean township area {mean_area:.1} km², population {mean_pop:.0}");
    assert!((mean_area - 247.0).abs() / 247.0 < 0.01, "{mean_area}");
    assert!((mean_pop - 36_600.0).abs() < 5.0, "{mean_pop}");
    // Townships contiguous, village populations add up.
    for t in &nat.townships {
        assert_eq!(t.geometry.0.len(), 1, "{} not contiguous", t.code);
        assert_eq!(
            nat.villages[t.villages.clone()]
                .iter()
                .map(|v| v.population)
                .sum::<u64>(),
            t.population
        );
    }
    // County bounding boxes do not overlap (sweep over sorted min-x).
    let mut boxes: Vec<(f64, f64, f64, f64)> = nat
        .counties
        .iter()
        .map(|c| {
            let r = nat.townships[c.townships.clone()]
                .iter()
                .filter_map(|t| t.geometry.bounding_rect())
                .reduce(|a, b| {
                    geo_types::Rect::new(
                        (a.min().x.min(b.min().x), a.min().y.min(b.min().y)),
                        (a.max().x.max(b.max().x), a.max().y.max(b.max().y)),
                    )
                });
            let r = r.unwrap();
            (r.min().x, r.min().y, r.max().x, r.max().y)
        })
        .collect();
    boxes.sort_by(|a, b| a.0.total_cmp(&b.0));
    for i in 0..boxes.len() {
        for j in i + 1..boxes.len() {
            if boxes[j].0 >= boxes[i].2 {
                break;
            }
            let overlap = boxes[j].1 < boxes[i].3 && boxes[i].1 < boxes[j].3;
            assert!(
                !overlap,
                "county boxes overlap: {:?} {:?}",
                boxes[i], boxes[j]
            );
        }
    }
    let min_lat = boxes.iter().map(|b| b.1).fold(90.0, f64::min);
    eprintln!("layout latitude range {min_lat:.1}..54");
    assert!(min_lat > -60.0);
}

/// The package directory, read at run time (cargo sets it for tests, benches and examples):
/// the compile-time value is stale when a build directory is shared between checkouts.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}
