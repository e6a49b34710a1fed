//! The 挂图作战 board over a province-sized synthetic (示意) load: 100,000 tasks and 1,000,000
//! progress reports, in memory. Run with `cargo bench -p quhua-workflow --bench board`.

use quhua_core::date::Date;
use quhua_workflow::calendar::Calendar;
use quhua_workflow::tasks::{
    OverviewState, SummaryBy, Supervision, Task, board, changes_since, overview, summary, synthetic,
};
use std::sync::OnceLock;

fn load() -> &'static Vec<Task> {
    static LOAD: OnceLock<Vec<Task>> = OnceLock::new();
    LOAD.get_or_init(|| synthetic::load(42, 100_000, 10))
}

fn county() -> &'static Vec<Task> {
    static COUNTY: OnceLock<Vec<Task>> = OnceLock::new();
    COUNTY.get_or_init(|| {
        load()
            .iter()
            .filter(|t| t.divisions.first().is_some_and(|d| d == "130601"))
            .cloned()
            .collect()
    })
}

fn sup() -> Supervision {
    Supervision {
        calendar: Calendar::china(),
        ..Supervision::default()
    }
}

fn date(s: &str) -> Date {
    quhua_core::date::parse_date(s).unwrap_or_default()
}

fn main() {
    let n: usize = load().iter().map(|t| t.history.len()).sum();
    eprintln!(
        "load: {} tasks, {} history entries (示意); one county: {} tasks",
        load().len(),
        n,
        county().len()
    );
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn board_100k_tasks() -> usize {
    let sup = sup();
    board(divan::black_box(load()), date("2022-01-10"), &sup).len()
}

#[divan::bench(sample_count = 10)]
fn board_one_county() -> usize {
    // One county's tasks (division 130600 + k): about 1/170 of the load.
    let sup = sup();
    board(divan::black_box(county()), date("2022-01-10"), &sup).len()
}

#[divan::bench(sample_count = 10)]
fn board_and_summaries_100k() -> usize {
    let sup = sup();
    let rows = board(load(), date("2022-01-10"), &sup);
    summary(&rows, SummaryBy::Unit, &sup).len()
        + summary(&rows, SummaryBy::Group, &sup).len()
        + summary(&rows, SummaryBy::Division, &sup).len()
}

#[divan::bench(sample_count = 10)]
fn overview_100k() -> usize {
    // The province summary: lights and summaries by unit, group, division and county.
    let sup = sup();
    let o = overview(divan::black_box(load()), date("2022-01-10"), &sup);
    o.by_unit.len() + o.by_county.len()
}

#[divan::bench(sample_count = 20)]
fn overview_after_one_report_100k(bencher: divan::Bencher) {
    // The province summary kept between requests, after a progress report on one task: only
    // that task is evaluated again and its block of 1,024 tasks counted again.
    let sup = sup();
    let day = date("2022-01-10");
    let mut tasks = load().clone();
    let mut kept = OverviewState::new(&tasks, day, &sup);
    let mut k = 0usize;
    bencher.bench_local(|| {
        k = (k + 7919) % tasks.len();
        let cut = tasks[k].history.len().saturating_sub(1);
        tasks[k].history.truncate(cut);
        kept.update(&tasks, &[k], day, &sup);
        let o = kept.overview(&sup);
        o.by_unit.len() + o.by_county.len()
    });
}

#[divan::bench(sample_count = 5)]
fn changes_since_100k() -> usize {
    let sup = sup();
    changes_since(load(), date("2021-06-30"), date("2022-01-10"), &sup).len()
}
