//! The weekly follow-up report (周报) of one county's ~500 synthetic (示意) tasks: composing
//! it, then writing DOCX and XLSX. Run with `cargo bench -p quhua-report --bench followup`.

use quhua_core::date::Date;
use quhua_report::followup::{FollowupInput, Period, followup_report};
use quhua_workflow::calendar::Calendar;
use quhua_workflow::tasks::{Supervision, Task, synthetic};
use std::sync::OnceLock;

fn county() -> &'static Vec<Task> {
    static COUNTY: OnceLock<Vec<Task>> = OnceLock::new();
    COUNTY.get_or_init(|| {
        synthetic::load(42, 100_000, 10)
            .into_iter()
            .filter(|t| t.divisions.first().is_some_and(|d| d == "130601"))
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
    eprintln!("one county: {} tasks (示意)", county().len());
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn weekly_report_docx_xlsx() -> usize {
    let sup = sup();
    let input = FollowupInput::new("示意县“后半篇”工作", date("2022-01-10"), county(), &sup);
    let r = followup_report(Period::Week, divan::black_box(&input));
    let docx = r.to_docx().map_or(0, |b| b.len());
    let xlsx = r.to_xlsx().map_or(0, |b| b.len());
    docx + xlsx
}

#[divan::bench(sample_count = 10)]
fn weekly_report_compose_only() -> usize {
    let sup = sup();
    let input = FollowupInput::new("示意县“后半篇”工作", date("2022-01-10"), county(), &sup);
    followup_report(Period::Week, divan::black_box(&input))
        .tables()
        .len()
}
