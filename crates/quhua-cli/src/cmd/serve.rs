//! `quhua serve`: the web server (JSON API + embedded UI), see quhua-server.

use crate::context::{CliResult, Context};

/// Options of `quhua serve`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// 演示模式：首次启动时建立曲阳县示例数据库与演示账号 / demo: create the demo county and demo accounts on first start
    #[arg(long)]
    demo: bool,
    /// 监听地址 / listen address HOST:PORT
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// 会话 Cookie 加 Secure（经 HTTPS 提供时） / mark the session cookie Secure (when served over HTTPS)
    #[arg(long)]
    secure_cookies: bool,
}

/// Runs the server until Ctrl-C.
pub fn run(ctx: &Context, args: Args) -> CliResult {
    // --db (global) wins; else the demo server keeps its own file apart from real data.
    let db_url = ctx.db_explicit.clone().unwrap_or_else(|| {
        if args.demo {
            "sqlite:quhua-demo.db".to_string()
        } else {
            "sqlite:quhua.db".to_string()
        }
    });
    let config = quhua_server::ServerConfig {
        secure_cookies: args.secure_cookies,
        ..Default::default()
    };
    quhua_server::serve(quhua_server::ServeOptions {
        addr: args.addr,
        db_url,
        demo: args.demo,
        config,
    })?;
    Ok(())
}
