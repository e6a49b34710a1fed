//! Timing driver used by `bench/geo/compare.sh` (not a unit test):
//!
//! ```text
//! quhua_geo_bench adjacency <file> <out.json> [reps]
//! quhua_geo_bench dissolve  <file> <field> <out.json> [reps]
//! quhua_geo_bench synth     <nbs_dir> <out_dir> <n_villages>
//! ```
use quhua_geo::adjacency::{AdjacencyOptions, adjacency};
use quhua_geo::area::area_km2;
use quhua_geo::dissolve::{dissolve, dissolve_tiling, group_indices};
use quhua_geo::io::{read_layer, write_shapefile};
use serde_json::json;
use std::path::Path;
use std::time::Instant;

fn min_time<T>(reps: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut out = None;
    for _ in 0..reps.max(1) {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed().as_secs_f64());
        out = Some(r);
    }
    (best, out.expect("at least one repetition"))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let cmd = args.get(1).map(String::as_str).unwrap_or("");
    match cmd {
        "adjacency" => {
            let reps = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(5);
            let t = Instant::now();
            let layer = read_layer(Path::new(&args[2]))?;
            let read_s = t.elapsed().as_secs_f64();
            let geoms = layer.to_geometries();
            let (exact_s, exact) = min_time(reps, || adjacency(&geoms, &AdjacencyOptions::exact()));
            let (tol_s, tol) = min_time(reps, || adjacency(&geoms, &AdjacencyOptions::default()));
            let rows = |c: &quhua_geo::Csr| {
                (0..c.len())
                    .map(|i| c.neighbors(i).to_vec())
                    .collect::<Vec<_>>()
            };
            let out = json!({
                "n": geoms.len(), "read_s": read_s, "exact_s": exact_s, "tolerance_s": tol_s,
                "rook": rows(&exact.rook), "queen": rows(&exact.queen),
                "islands": exact.islands, "point_contacts": exact.point_contacts.len(),
                "tolerance_extra_pairs": tol.near_misses.len(),
                "tolerance_islands": tol.islands,
                "warnings": layer.warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
            });
            std::fs::write(&args[3], serde_json::to_vec(&out)?)?;
            eprintln!(
                "adjacency {}: n={} read {:.3}s exact {:.4}s tol(1m) {:.4}s rook {} queen {} islands {:?}",
                args[2],
                geoms.len(),
                read_s,
                exact_s,
                tol_s,
                exact.rook.edge_count(),
                exact.queen.edge_count(),
                exact.islands
            );
        }
        "dissolve" => {
            let reps = args.get(5).and_then(|s| s.parse().ok()).unwrap_or(5);
            let layer = read_layer(Path::new(&args[2]))?;
            let labels: Vec<String> = layer
                .field_strings(&args[3])
                .into_iter()
                .map(|s| s.unwrap_or_default())
                .collect();
            let (idx, names) = group_indices(&labels);
            let geoms = layer.to_geometries();
            let (general_s, general) = min_time(reps, || dissolve(&geoms, &idx, names.len()));
            let general = general?;
            let (tiling_s, tiling) = min_time(reps, || dissolve_tiling(&geoms, &idx, names.len()));
            let tiling = tiling?;
            let areas: serde_json::Map<String, serde_json::Value> = names
                .iter()
                .zip(&general)
                .map(|(n, g)| (n.clone(), json!(area_km2(g))))
                .collect();
            let tiling_areas: Vec<f64> = tiling.iter().map(area_km2).collect();
            let max_rel = general
                .iter()
                .zip(&tiling_areas)
                .map(|(g, t)| (area_km2(g) - t).abs() / t.max(1e-12))
                .fold(0.0, f64::max);
            let out = json!({"n": geoms.len(), "groups": names.len(), "general_s": general_s, "tiling_s": tiling_s, "areas_km2": areas, "max_rel_diff_general_vs_tiling": max_rel});
            std::fs::write(&args[4], serde_json::to_vec(&out)?)?;
            eprintln!(
                "dissolve {}: n={} groups={} i_overlay {:.4}s tiling {:.4}s (max rel diff {max_rel:.2e})",
                args[2],
                geoms.len(),
                names.len(),
                general_s,
                tiling_s
            );
        }
        "synth" => {
            let n_sub: usize = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(30_000);
            let t = Instant::now();
            let nat = quhua_geo::synth::national(Path::new(&args[2]), 2023)?;
            let gen_s = t.elapsed().as_secs_f64();
            let geoms: Vec<_> = nat.villages.iter().map(|v| v.geometry.clone()).collect();
            let (adj_s, adj) = min_time(3, || adjacency(&geoms, &AdjacencyOptions::exact()));
            let (adj_tol_s, _) = min_time(1, || adjacency(&geoms, &AdjacencyOptions::default()));
            let tw: Vec<usize> = nat.villages.iter().map(|v| v.township).collect();
            let (dis_s, _) = min_time(1, || dissolve_tiling(&geoms, &tw, nat.townships.len()));
            eprintln!(
                "synth national: {} counties, {} townships, {} villages generated in {gen_s:.2}s; adjacency exact {adj_s:.3}s (rook {} queen {} islands {}), with 1 m tolerance {adj_tol_s:.3}s; tiling dissolve to townships {dis_s:.3}s",
                nat.counties.len(),
                nat.townships.len(),
                nat.villages.len(),
                adj.rook.edge_count(),
                adj.queen.edge_count(),
                adj.islands.len()
            );
            // Subset: whole counties in code order until n_sub villages.
            let mut feats = Vec::new();
            let mut props = Vec::new();
            'outer: for c in &nat.counties {
                for t in c.townships.clone() {
                    for v in nat.townships[t].villages.clone() {
                        props.push(nat.village_properties(v));
                        feats.push(v);
                    }
                }
                if feats.len() >= n_sub {
                    break 'outer;
                }
            }
            let pairs: Vec<_> = feats
                .iter()
                .zip(&props)
                .map(|(&v, p)| (&nat.villages[v].geometry, p))
                .collect();
            let out = Path::new(&args[3]);
            std::fs::create_dir_all(out)?;
            write_shapefile(&out.join("synth_villages.shp"), &pairs)?;
            eprintln!(
                "wrote {} villages to {}",
                pairs.len(),
                out.join("synth_villages.shp").display()
            );
        }
        _ => {
            eprintln!(
                "usage: quhua_geo_bench adjacency <file> <out.json> [reps] | dissolve <file> <field> <out.json> [reps] | synth <nbs_dir> <out_dir> <n>"
            );
            std::process::exit(2);
        }
    }
    Ok(())
}
