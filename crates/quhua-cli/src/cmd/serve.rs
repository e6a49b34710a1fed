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
    /// 每日提醒的投递配置（TOML：[smtp]、[webhook]、[addresses]），给出即每天发送 / the daily digest's delivery file (TOML: [smtp], [webhook], [addresses]); given, the digest is sent every day
    #[arg(long)]
    digest_config: Option<std::path::PathBuf>,
    /// 每日提醒发送时间（本地时间 HH:MM） / when the daily digest is sent (local time HH:MM)
    #[arg(long, default_value = "07:30")]
    digest_at: String,
    /// 底图配置（TOML：name、attribution 含审图号、tiles 瓦片地址，如天地图 WMTS 及本单位的 key），给出后地图可叠加底图；缺省无底图 / a basemap file (TOML: name, attribution with the approval number, tiles URL templates, e.g. 天地图 WMTS with the bureau's own key); given, the map can show it; none by default
    #[arg(long)]
    basemap: Option<std::path::PathBuf>,
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
    let basemap = match &args.basemap {
        None => None,
        Some(path) => {
            let text = crate::context::read_text(path)?;
            Some(quhua_server::basemap::Basemap::from_toml(
                &path.display().to_string(),
                &text,
            )?)
        }
    };
    let config = quhua_server::ServerConfig {
        secure_cookies: args.secure_cookies,
        basemap,
        ..Default::default()
    };
    let digest = match &args.digest_config {
        None => None,
        Some(path) => {
            let text = crate::context::read_text(path)?;
            let delivery =
                quhua_app::followup::DeliveryConfig::from_toml(&path.display().to_string(), &text)?;
            let at = quhua_server::digest::parse_time(&args.digest_at).ok_or_else(|| {
                crate::context::fail(
                    format!("发送时间“{}”应为 HH:MM", args.digest_at),
                    format!("the digest time \"{}\" must be HH:MM", args.digest_at),
                )
            })?;
            Some(quhua_server::digest::DigestSchedule { at, delivery })
        }
    };
    quhua_server::serve(quhua_server::ServeOptions {
        addr: args.addr,
        db_url,
        demo: args.demo,
        config,
        digest,
    })?;
    Ok(())
}
