//! `quhua plan …`: propose schemes (suggest) and carry a scheme through the procedure.

use crate::context::{CliResult, Context};

/// Plan commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 方案推荐：用优化器提出满足政策的撤并方案 / propose merger schemes with the optimizer
    Suggest(Box<crate::cmd::suggest::Args>),
    /// 村级撤并推荐：各乡镇内的合并村方案 / village mergers proposed inside each township
    SuggestVillages(crate::cmd::suggest_villages::Args),
    /// 报批程序 / the statutory procedure
    #[command(flatten)]
    Procedure(crate::cmd::procedure::Command),
}

/// Runs a plan command.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    match cmd {
        Command::Suggest(a) => crate::cmd::suggest::run(ctx, *a),
        Command::SuggestVillages(a) => crate::cmd::suggest_villages::run(ctx, a),
        Command::Procedure(c) => crate::cmd::procedure::run(ctx, c),
    }
}
