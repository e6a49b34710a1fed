//! Every county of the national list (or of a province/city prefix) proposed in one run,
//! on **synthetic (示意)** attributes: township populations and areas log-normal around the
//! national means (≈36,600 people, ≈247 km², seeded by the township code), and a schematic
//! adjacency (the townships of a county on a square grid, rook links plus seeded diagonals,
//! joined through their first villages). Real codes and names from the NBS 2023 list.
//!
//! ```text
//! cargo run --release -p quhua-optimize --example province -- data/nbs-2023 [PREFIX] [EXACT_SECS]
//! ```
//!
//! Prints the load time and the solve time (the measured figure), and the totals.

use quhua_core::attr::Amount;
use quhua_core::attr::{AttrValue, Source, keys};
use quhua_core::policy::Policy;
use quhua_core::registry::RegistryBuilder;
use quhua_core::synth::SplitMix64;
use quhua_core::unit::UnitId;
use quhua_core::{DivisionCode, Level};
use quhua_optimize::{Params, province};
use std::collections::HashMap;
use std::time::Instant;

const SEED: u64 = 20_231_231;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "data/nbs-2023".into());
    let prefix = args.next().unwrap_or_default();
    // exact check per county (seconds); the library default is 2 s
    let exact: f64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(2.0);
    let t0 = Instant::now();
    let list = quhua_io::read_nbs_dir(std::path::Path::new(&dir))?;
    let mut builder = RegistryBuilder::new();
    let synthetic = builder.source(Source {
        label: format!("示意数据 synthetic (seed {SEED})"),
        synthetic: true,
    });
    let mut units = list.units;
    for u in units.iter_mut() {
        if u.code.level() == Level::Township {
            let mut r = SplitMix64::new(SEED ^ u.code.to_string().parse::<u64>().unwrap_or(0));
            let pop = r.lognormal(36_600.0, 0.6).round() as i64;
            let area = r.lognormal(200.0, 0.7);
            u.attrs.insert(
                keys::POP_HUKOU.into(),
                AttrValue {
                    value: Amount::from_int(pop),
                    source: synthetic,
                },
            );
            u.attrs.insert(
                keys::AREA_KM2.into(),
                AttrValue {
                    value: Amount::from_f64(area).unwrap_or_default(),
                    source: synthetic,
                },
            );
        }
    }
    // first village of each township, townships per county (in code order)
    let mut first_village: HashMap<DivisionCode, DivisionCode> = HashMap::new();
    let mut towns: HashMap<DivisionCode, Vec<DivisionCode>> = HashMap::new();
    for u in &units {
        match (u.code.level(), u.parent) {
            (Level::Village, Some(t)) => {
                first_village.entry(t).or_insert(u.code);
            }
            (Level::Township, Some(c)) => towns.entry(c).or_default().push(u.code),
            _ => {}
        }
    }
    for u in units.drain(..) {
        builder.push(u);
    }
    let (registry, _) = builder.build(quhua_core::date::parse_date("2023-06-30").ok_or("date")?)?;
    let snapshot = registry.as_of(registry.genesis_date());
    let mut pairs: HashMap<DivisionCode, Vec<(UnitId, UnitId)>> = HashMap::new();
    for (county, ts) in &mut towns {
        ts.sort();
        let w = (ts.len() as f64).sqrt().ceil().max(1.0) as usize;
        let id = |t: &DivisionCode| {
            first_village
                .get(t)
                .and_then(|v| registry.unit_by_code(*v).ok())
        };
        let mut r = SplitMix64::new(SEED ^ county.to_string().parse::<u64>().unwrap_or(0));
        let mut out = Vec::new();
        for i in 0..ts.len() {
            let mut link = |j: usize| {
                if let (Some(a), Some(b)) = (id(&ts[i]), id(&ts[j])) {
                    out.push((a, b));
                }
            };
            if i % w + 1 < w && i + 1 < ts.len() {
                link(i + 1);
            }
            if i + w < ts.len() {
                link(i + w);
                if i % w + 1 < w && i + w + 1 < ts.len() && r.next_u64().is_multiple_of(3) {
                    link(i + w + 1);
                }
            }
        }
        pairs.insert(*county, out);
    }
    let load = t0.elapsed();
    let policy = Policy::default_policy();
    let params = Params {
        schemes: 1,
        seed: 1,
        exact_time_limit: exact,
        ..Params::default()
    };
    let t1 = Instant::now();
    let run = province::solve(
        &snapshot,
        &prefix,
        &policy,
        &params,
        &|c| pairs.get(&c).cloned().unwrap_or_default(),
        true,
    )?;
    let solve = t1.elapsed();
    let optimal_share = run.proven as f64 / run.counties.len().max(1) as f64;
    println!(
        "示意 synthetic attributes | prefix \"{}\": {} counties, townships {} -> {} new units, \
         {} proven optimal ({:.1} %), {} failed, {} with conflicts",
        run.prefix,
        run.counties.len(),
        run.before,
        run.after,
        run.proven,
        100.0 * optimal_share,
        run.failed,
        run.counties.iter().filter(|c| c.conflicts > 0).count()
    );
    println!(
        "load {:.2} s (NBS list, registry, synthetic attributes); solve {:.2} s on {} threads",
        load.as_secs_f64(),
        solve.as_secs_f64(),
        rayon::current_num_threads()
    );
    Ok(())
}
