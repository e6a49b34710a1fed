//! Command-line front end used by the benchmarks:
//!
//! ```text
//! cargo run --release -p quhua-optimize --example suggest -- \
//!   --units U.csv --edges E.csv --id-field id --pop-field pop [--area-field area] \
//!   [--attrs A,B] [--group-field county] [--lon-lat lon,lat] --min-pop N [--max-area KM2] \
//!   [--target-p P] [--lock ID]... [--seed-unit ID]... [--schemes N] [--seed N] \
//!   [--restarts N] [--threads N] [--iters N] [--effort X] [--exclude-islands] [--w-wss X] \
//!   [--w-compact X] [--w-service X]
//! ```
//! Prints the [`quhua_optimize::Solution`] as JSON on stdout and the wall time on stderr.

use quhua_optimize::io::{UnitColumns, load};
use quhua_optimize::{IslandPolicy, Params, suggest};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut units = None;
    let mut edges = None;
    let mut cols = UnitColumns {
        id: "id".into(),
        population: "pop".into(),
        ..Default::default()
    };
    let mut params = Params::default();
    let mut locks = Vec::new();
    let mut seeds = Vec::new();
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or_else(|| format!("missing value for {a}"));
        match a.as_str() {
            "--units" => units = Some(PathBuf::from(val()?)),
            "--edges" => edges = Some(PathBuf::from(val()?)),
            "--id-field" => cols.id = val()?,
            "--pop-field" => cols.population = val()?,
            "--area-field" => cols.area = Some(val()?),
            "--group-field" => cols.group = Some(val()?),
            "--attrs" => cols.attrs = val()?.split(',').map(str::to_string).collect(),
            "--lon-lat" => {
                let v = val()?;
                let (a, b) = v.split_once(',').ok_or("--lon-lat expects LON,LAT")?;
                cols.lon_lat = Some((a.into(), b.into()));
            }
            "--min-pop" => params.min_pop = val()?.parse()?,
            "--max-area" => params.max_area = Some(val()?.parse()?),
            "--target-p" => params.target_p = Some(val()?.parse()?),
            "--lock" => locks.push(val()?),
            "--seed-unit" => seeds.push(val()?),
            "--schemes" => params.schemes = val()?.parse()?,
            "--seed" => params.seed = val()?.parse()?,
            "--restarts" => params.restarts = val()?.parse()?,
            "--threads" => params.threads = Some(val()?.parse()?),
            "--iters" => params.local_search_iters = val()?.parse()?,
            "--effort" => params.effort = val()?.parse()?,
            "--w-wss" => params.weights.wss = val()?.parse()?,
            "--w-compact" => params.weights.compactness = val()?.parse()?,
            "--w-service" => params.weights.service = val()?.parse()?,
            "--exclude-islands" => params.islands = IslandPolicy::Exclude,
            "--json" => {}
            _ => return Err(format!("unknown argument {a}").into()),
        }
    }
    let units = units.ok_or("--units is required")?;
    let edges = edges.ok_or("--edges is required")?;
    let t0 = std::time::Instant::now();
    let (mut problem, table) = load(&units, &edges, &cols)?;
    problem.locked = table.resolve(&locks)?;
    problem.seeds = table.resolve(&seeds)?;
    let t1 = std::time::Instant::now();
    let sol = suggest(&problem, &params, None, None)?;
    let t2 = std::time::Instant::now();
    eprintln!(
        "load {:.3} s, solve {:.3} s",
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64()
    );
    println!("{}", serde_json::to_string(&sol)?);
    Ok(())
}
