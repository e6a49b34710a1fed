//! Running the optimizer from the command line: a progress bar on the terminal (indicatif)
//! and Ctrl-C to cancel (the search stops within a few hundred moves and nothing is
//! printed but a note).

use crate::context::{CliResult, fail};
use crate::render::t;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use quhua_app::propose::Hooks;
use quhua_app::propose::{Phase, Progress};
use quhua_core::i18n::Lang;
use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Runs `f` with a progress bar on stderr (only when stderr is a terminal) and cancellation
/// on Ctrl-C, both handed to `f` as [`Hooks`].
pub fn with_progress<T>(lang: Lang, f: impl FnOnce(Hooks<'_>) -> CliResult<T>) -> CliResult<T> {
    let cancel = Arc::new(AtomicBool::new(false));
    {
        let cancel = Arc::clone(&cancel);
        // a second handler cannot be installed (e.g. in tests calling twice): ignore
        let _ = ctrlc::set_handler(move || cancel.store(true, Ordering::Relaxed));
    }
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let report = |p: Progress| {
        let phase = match p.phase {
            Phase::Construct => t(lang, "构造方案", "constructing"),
            Phase::Improve => t(lang, "改进方案", "improving"),
        };
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
        bar.set_message(format!(
            "{phase} · {} {}",
            t(lang, "最多新单位", "best p"),
            p.best_p
        ));
    };
    let result = f(Hooks {
        progress: Some(&report),
        cancel: Some(&cancel),
    });
    bar.finish_and_clear();
    match result {
        Err(_) if cancel.load(Ordering::Relaxed) => {
            Err(fail("已取消（Ctrl-C）", "cancelled (Ctrl-C)"))
        }
        other => other,
    }
}
