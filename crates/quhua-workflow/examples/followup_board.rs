//! Prints the 挂图作战 board of the demo plan (the seed city plan's 24 tasks with synthetic
//! 示意 progress) as of a date:
//! `cargo run -p quhua-workflow --example followup_board -- 2022-01-10 [data/demo/followup-tasks.toml]`.

use quhua_workflow::tasks::{
    Light, SummaryBy, Supervision, board, import_plan, summary, synthetic,
};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let date = args
        .get(1)
        .and_then(|s| quhua_core::date::parse_date(s))
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let path = args.get(2).cloned().unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/demo/followup-tasks.toml"
        )
        .into()
    });
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("无法读取 {path} / cannot read {path}: {e}");
            std::process::exit(2);
        }
    };
    let plan = match import_plan(&path, &text) {
        Ok(p) => p,
        Err(errs) => {
            for e in errs {
                eprintln!("{e}");
            }
            std::process::exit(1);
        }
    };
    let sup = Supervision::new(&plan.organisations);
    let end = quhua_core::date::parse_date("2026-06-30").unwrap_or(date);
    let tasks = synthetic::demo_progress(&plan.tasks, 2021, end, &sup.calendar, &sup.config);
    let rows = board(&tasks, date, &sup);
    println!("挂图作战 {date}（进度为示意数据 / synthetic progress）");
    for r in &rows {
        println!(
            "{:<12} {:<7} {:>4.0}% 序时{:>4.0}% {}  {}  [{}]",
            r.id,
            r.light.id(),
            r.progress * 100.0,
            r.schedule * 100.0,
            r.due,
            r.title,
            r.lead
        );
    }
    println!("\n按任务组 / by group");
    for s in summary(&rows, SummaryBy::Group, &sup) {
        let n = |l: Light| s.lights[&l];
        println!(
            "{}: {} 项 done {} green {} blue {} yellow {} red {}",
            s.name,
            s.total,
            n(Light::Done),
            n(Light::Green),
            n(Light::Blue),
            n(Light::Yellow),
            n(Light::Red)
        );
    }
}
