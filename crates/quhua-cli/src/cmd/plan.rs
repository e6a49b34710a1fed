//! `quhua plan …`: propose schemes (suggest).

use crate::context::{CliResult, Context};

/// Plan commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 方案推荐：用优化器提出满足政策的撤并方案 / propose merger schemes with the optimizer
    Suggest(crate::cmd::suggest::Args),
}

/// Runs a plan command.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    match cmd {
        Command::Suggest(a) => crate::cmd::suggest::run(ctx, a),
    }
}
