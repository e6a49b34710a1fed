//! `quhua user add`: creates a server account (administrator command, direct database access).

use crate::context::{CliResult, Context, fail};
use std::io::{BufRead, Write};

/// Account commands.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 新建账号 / create an account
    Add(AddArgs),
}

/// Options of `quhua user add`.
#[derive(clap::Args, Debug)]
pub struct AddArgs {
    /// 用户名 / user name
    #[arg(long)]
    username: String,
    /// 角色 / role: county_editor|city_reviewer|province_approver|department|viewer（或 县级编辑 等中文名）
    #[arg(long)]
    role: String,
    /// 辖区代码前缀 / jurisdiction code prefix: 13 (province), 1306 (city), 130634 (county)
    #[arg(long)]
    jurisdiction: String,
    /// 从标准输入读取密码（第一行，不提示） / read the password from the first line of stdin, without prompting
    #[arg(long)]
    password_stdin: bool,
}

/// Runs an account command.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    match cmd {
        Command::Add(a) => add(ctx, a),
    }
}

fn add(ctx: &Context, a: AddArgs) -> CliResult {
    let stdin = std::io::stdin();
    let read_line = || -> CliResult<String> {
        let mut s = String::new();
        stdin.lock().read_line(&mut s)?;
        Ok(s.trim_end_matches(['\r', '\n']).to_string())
    };
    let password = if a.password_stdin {
        read_line()?
    } else {
        eprint!("密码 / password (会回显 / echoed): ");
        std::io::stderr().flush()?;
        let p = read_line()?;
        eprint!("再次输入 / repeat: ");
        std::io::stderr().flush()?;
        if read_line()? != p {
            return Err(fail("两次输入的密码不一致", "the passwords differ"));
        }
        p
    };
    let user = quhua_server::add_user(&ctx.db, &a.username, &password, &a.role, &a.jurisdiction)?;
    println!(
        "已创建账号 / created: {}（{} {}，辖区 / jurisdiction {}）",
        user.username,
        user.role.zh(),
        user.role.id(),
        user.jurisdiction.as_str()
    );
    Ok(())
}
