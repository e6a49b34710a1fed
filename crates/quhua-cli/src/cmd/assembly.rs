//! `quhua plan assembly`: records a village's 村民会议 (or 村民代表会议) on a village adjustment
//! (calls `quhua_app::plans::record_assembly`, as the web does), and the assent table that
//! `quhua plan status` prints for such plans.

use crate::context::{CliResult, Context, fail};
use crate::render::{t, table::Table};
use quhua_app::plans::{self, AssemblyKind, AssemblyRecord};
use quhua_app::views::PlanBoard;
use quhua_core::i18n::Lang;

/// The arguments of `quhua plan assembly`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// 方案编号 / plan id
    pub id: i64,
    /// 村（方案中的12位代码或名称）/ the village (its 12-digit code or name in the scheme)
    #[arg(long)]
    pub village: String,
    /// 会议类型：村民会议、户代表、村民代表会议 / kind: 村民会议 (adult villagers), 户代表 (households), 村民代表会议 (representatives)
    #[arg(long, default_value = "村民会议")]
    pub kind: String,
    /// 会议日期 / date
    #[arg(long)]
    pub date: String,
    /// 应到 / entitled to attend
    #[arg(long)]
    pub entitled: u32,
    /// 实到 / present
    #[arg(long)]
    pub present: u32,
    /// 赞成 / for
    #[arg(long = "for")]
    pub votes_for: u32,
    /// 反对 / against
    #[arg(long, default_value_t = 0)]
    pub against: u32,
    /// 弃权 / abstaining
    #[arg(long, default_value_t = 0)]
    pub abstain: u32,
    /// 会议记录文件 / the minutes
    #[arg(long)]
    pub minutes: Option<std::path::PathBuf>,
}

/// Records the assembly and prints where every village stands.
pub fn run(ctx: &Context, a: Args) -> CliResult {
    let app = ctx.app()?;
    let me = ctx.operator();
    let kind = AssemblyKind::parse(&a.kind).ok_or_else(|| {
        fail(
            format!("会议类型“{}”应为 村民会议、户代表 或 村民代表会议", a.kind),
            format!(
                "assembly kind \"{}\" must be 村民会议, 户代表 or 村民代表会议",
                a.kind
            ),
        )
    })?;
    let minutes = a
        .minutes
        .as_deref()
        .map(super::procedure::read_upload)
        .transpose()?;
    let record = AssemblyRecord {
        village: a.village,
        village_name: String::new(),
        kind,
        date: super::procedure::date_arg(&a.date)?,
        entitled: a.entitled,
        present: a.present,
        votes_for: a.votes_for,
        votes_against: a.against,
        abstentions: a.abstain,
        minutes: None,
        recorded_by: String::new(),
    };
    plans::record_assembly(&app, &me, a.id, record, minutes.as_ref())?;
    let b = plans::board(&app, &me, a.id, super::procedure::today())?;
    print!("{}", assent_table(ctx.lang, &b));
    Ok(())
}

/// Each village concerned, its latest assembly and whether it agreed (empty for a township plan).
pub fn assent_table(lang: Lang, b: &PlanBoard) -> String {
    if b.village_assent.is_empty() {
        return String::new();
    }
    let mut tab = Table::new([
        t(lang, "涉改村", "Village"),
        t(lang, "会议", "Assembly"),
        t(lang, "应到/实到", "Entitled/present"),
        t(lang, "赞成/反对/弃权", "For/against/abstaining"),
        t(lang, "结果", "Result"),
    ]);
    for v in &b.village_assent {
        let (name, meeting, attendance, votes) = match &v.record {
            Some(r) => (
                r.village_name.clone(),
                format!(
                    "{} {}",
                    r.date,
                    match lang {
                        Lang::Zh => r.kind.zh(),
                        Lang::En => r.kind.en(),
                    }
                ),
                format!("{}/{}", r.entitled, r.present),
                format!("{}/{}/{}", r.votes_for, r.votes_against, r.abstentions),
            ),
            None => (
                v.village.clone(),
                String::new(),
                String::new(),
                String::new(),
            ),
        };
        let result = match (&v.why_not, lang) {
            (None, _) => t(lang, "同意", "agreed").to_string(),
            (Some(w), Lang::Zh) => w.zh.clone(),
            (Some(w), Lang::En) => w.en.clone(),
        };
        tab.row([name, meeting, attendance, votes, result]);
    }
    format!(
        "{}\n{}",
        t(lang, "村民会议表决情况", "Villagers' assemblies"),
        tab.render()
    )
}
