//! `quhua plan submit|list|status|consult|attach|step|opinion|return|revise|assembly|approve|extend|apply|documents`:
//! argument handling and rendering only — each command calls one `quhua_app::plans` function
//! (the web calls the same ones), acting as the local operator named by `--actor`.

use crate::context::{CliResult, Context, fail};
use crate::render::{t, table::Table};
use quhua_app::plans::{self, ConsultationEntry, SchemeSource};
use quhua_app::plans::{
    Approval, Department, Disposition, Extension, MaterialKind, Meeting, Questionnaire, Suggestion,
};
use quhua_app::upload::Upload;
use quhua_app::views::PlanBoard;
use quhua_core::date::{Date, parse_date};
use quhua_core::i18n::Lang;
use std::path::{Path, PathBuf};

/// Procedure commands (under `quhua plan`).
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 将方案提交报批程序（拟制方案完成）/ submit a scheme into the procedure
    Submit {
        /// 方案文件 / scheme file
        scenario: PathBuf,
        /// 程序模板 national | national_npc | sichuan | village；缺省按方案自动选择（只有村级调整的用 village）/ procedure template; by default chosen by the scheme (village changes only: village)
        #[arg(long, default_value = "auto")]
        template: String,
        /// 日期 / date
        #[arg(long)]
        date: String,
    },
    /// 报批方案列表 / list plans
    List,
    /// 程序进度、缺项与时限 / steps, what is missing, the clocks
    Status {
        /// 方案编号 / plan id
        id: i64,
        /// 计算时限的日期（缺省今天）/ the date for the clocks (default today)
        #[arg(long)]
        today: Option<String>,
        /// 以 JSON 输出 / print JSON
        #[arg(long)]
        json: bool,
    },
    /// 登记征求意见：座谈会、问卷、意见建议 / record consultation
    #[command(subcommand)]
    Consult(Consult),
    /// 附上材料（申请书、基本情况、区划图等）/ attach a material
    Attach {
        /// 方案编号 / plan id
        id: i64,
        /// 材料类型，如 申请书、基本情况、变更前的行政区划图 / material kind
        #[arg(long)]
        material: String,
        /// 文件 / file
        file: PathBuf,
        /// 日期 / date
        #[arg(long)]
        date: String,
    },
    /// 完成一个环节（前置环节与材料齐备后）/ complete a step
    Step {
        /// 方案编号 / plan id
        id: i64,
        /// 环节编号，如 consultation、expert_review、submit / step id
        step: String,
        /// 日期 / date
        #[arg(long)]
        date: String,
        /// 佐证文件 / the document evidencing it
        #[arg(long)]
        doc: Option<PathBuf>,
        /// 备注 / note
        #[arg(long, default_value = "")]
        note: String,
    },
    /// 登记部门意见（部门账号在网页中登记本部门意见）/ record a department's opinion
    Opinion {
        /// 方案编号 / plan id
        id: i64,
        /// 部门，如 staffing、finance 或 编办 / department
        #[arg(long)]
        department: String,
        /// 意见 / the opinion
        #[arg(long)]
        text: String,
        /// 不同意（缺省为同意）/ the department objects
        #[arg(long)]
        objects: bool,
        /// 日期 / date
        #[arg(long)]
        date: String,
    },
    /// 退回修改（市级、省级审核）/ return the plan for revision (city or province)
    Return {
        /// 方案编号 / plan id
        id: i64,
        /// 修改意见 / what must change
        #[arg(long)]
        comments: String,
        /// 日期 / date
        #[arg(long)]
        date: String,
    },
    /// 修订退回的方案 / revise a returned plan's scheme
    Revise {
        /// 方案编号 / plan id
        id: i64,
        /// 修订后的方案文件 / the revised scheme file
        scenario: PathBuf,
        /// 修订说明 / what changed
        #[arg(long, default_value = "")]
        note: String,
        /// 日期 / date
        #[arg(long)]
        date: String,
    },
    /// 登记涉改村村民会议表决（村级建制调整）/ record a village's assembly (village adjustment)
    Assembly(super::assembly::Args),
    /// 登记批复（省政府；村级建制调整为县级人民政府批准）/ record the approval (the province; the county government for a village adjustment)
    Approve {
        /// 方案编号 / plan id
        id: i64,
        /// 批准文号 / document number
        #[arg(long)]
        doc_no: String,
        /// 批复日期 / date of approval
        #[arg(long)]
        date: String,
        /// 生效日期 / effective date
        #[arg(long)]
        effective: String,
        /// 批复文件 / the approval document
        #[arg(long)]
        doc: Option<PathBuf>,
        /// 同一批复一并批准的其他方案编号（同一县，全部或全不）/ other plans approved under the same decision (one county; all or none)
        #[arg(long, value_delimiter = ',')]
        also: Vec<i64>,
    },
    /// 登记延期（批准机关同意，累计不超过6个月）/ record an extension
    Extend {
        /// 方案编号 / plan id
        id: i64,
        /// 月数 / months
        #[arg(long)]
        months: u32,
        /// 同意文号 / consent document number
        #[arg(long)]
        doc_no: String,
        /// 日期 / date
        #[arg(long)]
        date: String,
    },
    /// 实施：按批复将方案写入区划名录（一个事务）/ apply the approved scheme to the registry
    Apply {
        /// 方案编号 / plan id
        id: i64,
        /// 实施日期（缺省今天；不得早于生效日期）/ the date (default today; not before the effective date)
        #[arg(long)]
        date: Option<String>,
    },
    /// 生成代码变更对照表、公告、指标表 / generate the code-change table, notice and indicator table
    Documents {
        /// 方案编号 / plan id
        id: i64,
        /// 输出目录 / output directory
        #[arg(long)]
        out: PathBuf,
        /// 发布机关，如 曲阳县人民政府 / issuing government
        #[arg(long)]
        issuer: Option<String>,
        /// 批准机关 / approving government
        #[arg(long, default_value = "省人民政府")]
        approver: String,
    },
}

/// Consultation records.
#[derive(clap::Subcommand, Debug)]
pub enum Consult {
    /// 座谈会 / a meeting
    Meeting {
        /// 方案编号 / plan id
        id: i64,
        /// 日期 / date
        #[arg(long)]
        date: String,
        /// 层级：县、乡镇、村 / level
        #[arg(long)]
        level: String,
        /// 地点 / place
        #[arg(long)]
        place: String,
        /// 参加人员类别，逗号分隔 / kinds of participants
        #[arg(long, value_delimiter = ',')]
        participants: Vec<String>,
        /// 人数 / number of people
        #[arg(long)]
        count: u32,
    },
    /// 问卷 / a questionnaire round
    Questionnaire {
        /// 方案编号 / plan id
        id: i64,
        /// 日期 / date
        #[arg(long)]
        date: String,
        /// 发放 / issued
        #[arg(long)]
        issued: u32,
        /// 回收 / returned
        #[arg(long)]
        returned: u32,
        /// 赞成 / in favour
        #[arg(long)]
        in_favour: u32,
    },
    /// 意见建议及处理 / a suggestion and its answer
    Suggestion {
        /// 方案编号 / plan id
        id: i64,
        /// 日期 / date
        #[arg(long)]
        date: String,
        /// 来自（类别）/ from whom (kind)
        #[arg(long)]
        from: String,
        /// 内容 / text
        #[arg(long)]
        text: String,
        /// 吸纳 | 部分吸纳 | 未吸纳 | 待答复
        #[arg(long)]
        disposition: String,
        /// 理由或答复 / reason or answer
        #[arg(long, default_value = "")]
        reason: String,
    },
}

pub(crate) fn date_arg(s: &str) -> CliResult<Date> {
    parse_date(s).ok_or_else(|| {
        fail(
            format!("日期“{s}”应为 YYYY-MM-DD"),
            format!("date \"{s}\" must be YYYY-MM-DD"),
        )
    })
}

pub(crate) fn today() -> Date {
    chrono::Local::now().date_naive()
}

/// Reads a file to upload (checked by quhua-app: size, type).
pub(crate) fn read_upload(path: &Path) -> CliResult<Upload> {
    let bytes = crate::context::read_bytes(path)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Upload::checked(&name, bytes)?)
}

fn say(ctx: &Context, zh: String, en: String) {
    println!("{}", if ctx.lang == Lang::Zh { zh } else { en });
}

/// Runs a procedure command.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    let app = ctx.app()?;
    let me = ctx.operator();
    match cmd {
        Command::Submit {
            scenario,
            template,
            date,
        } => {
            let text = crate::context::read_text(&scenario)?;
            let id = plans::submit(
                &app,
                &me,
                &SchemeSource::Text(text),
                &template,
                date_arg(&date)?,
            )?;
            let b = plans::board(&app, &me, id, today())?;
            say(
                ctx,
                format!(
                    "已提交报批方案 {id}：{}（{}）",
                    b.plan.name, b.plan.template_name
                ),
                format!(
                    "submitted plan {id}: {} ({})",
                    b.plan.name, b.plan.template_name
                ),
            );
        }
        Command::List => {
            let mut tab = Table::new([
                t(ctx.lang, "编号", "Id"),
                t(ctx.lang, "名称", "Name"),
                t(ctx.lang, "县", "County"),
                t(ctx.lang, "版本", "Version"),
                t(ctx.lang, "更新", "Updated"),
            ]);
            for r in plans::list(&app, &me, None, today())? {
                tab.row([
                    r.id.to_string(),
                    r.name,
                    r.county,
                    r.version.to_string(),
                    format!("{} {}", r.updated_by, r.updated_at),
                ]);
            }
            print!("{}", tab.render());
        }
        Command::Status {
            id,
            today: day,
            json,
        } => {
            let day = match day {
                Some(d) => date_arg(&d)?,
                None => today(),
            };
            let b = plans::board(&app, &me, id, day)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&b)?);
            } else {
                status(ctx, &b);
            }
        }
        Command::Consult(c) => consult(ctx, &app, &me, c)?,
        Command::Attach {
            id,
            material,
            file,
            date,
        } => {
            let kind = MaterialKind::parse(&material).ok_or_else(|| {
                fail(
                    format!("未知材料类型“{material}”"),
                    format!("unknown material \"{material}\""),
                )
            })?;
            let f = read_upload(&file)?;
            plans::attach(&app, &me, id, kind, &f, date_arg(&date)?)?;
            say(
                ctx,
                format!("已附材料：{}", kind.zh()),
                format!("attached: {}", kind.en()),
            );
        }
        Command::Step {
            id,
            step,
            date,
            doc,
            note,
        } => {
            let f = doc.as_deref().map(read_upload).transpose()?;
            plans::complete_step(&app, &me, id, &step, date_arg(&date)?, f.as_ref(), &note)?;
            let b = plans::board(&app, &me, id, today())?;
            let name = b
                .steps
                .iter()
                .find(|s| s.id == step)
                .map(|s| {
                    if ctx.lang == Lang::Zh {
                        s.zh.clone()
                    } else {
                        s.en.clone()
                    }
                })
                .unwrap_or(step);
            say(
                ctx,
                format!("环节已完成：{name}"),
                format!("step completed: {name}"),
            );
        }
        Command::Opinion {
            id,
            department,
            text,
            objects,
            date,
        } => {
            let d = Department::parse(&department).ok_or_else(|| {
                fail(
                    format!("未知部门“{department}”"),
                    format!("unknown department \"{department}\""),
                )
            })?;
            plans::opinion(&app, &me, id, d, &text, !objects, date_arg(&date)?)?;
            say(
                ctx,
                format!("已登记{}意见", d.zh()),
                format!("{} opinion recorded", d.en()),
            );
        }
        Command::Return { id, comments, date } => {
            plans::return_plan(&app, &me, id, &comments, date_arg(&date)?)?;
            say(
                ctx,
                format!("已退回修改：{comments}"),
                format!("returned for revision: {comments}"),
            );
        }
        Command::Revise {
            id,
            scenario,
            note,
            date,
        } => {
            let text = std::fs::read_to_string(&scenario)?;
            plans::revise(
                &app,
                &me,
                id,
                &SchemeSource::Text(text),
                &note,
                date_arg(&date)?,
            )?;
            say(
                ctx,
                "已修订方案，请重新上报".into(),
                "scheme revised; submit it again".into(),
            );
        }
        Command::Assembly(a) => return super::assembly::run(ctx, a),
        Command::Approve {
            id,
            doc_no,
            date,
            effective,
            doc,
            also,
        } => {
            let f = doc.as_deref().map(read_upload).transpose()?;
            let approval = Approval {
                document_no: doc_no.clone(),
                date: date_arg(&date)?,
                effective: date_arg(&effective)?,
            };
            if also.is_empty() {
                plans::approve(&app, &me, id, approval, f.as_ref())?;
            } else {
                let ids: Vec<i64> = std::iter::once(id).chain(also).collect();
                plans::approve_batch(&app, &me, &ids, approval, f.as_ref())?;
            }
            say(
                ctx,
                format!("已登记批复：{doc_no}"),
                format!("approval recorded: {doc_no}"),
            );
        }
        Command::Extend {
            id,
            months,
            doc_no,
            date,
        } => {
            let ext = Extension {
                months,
                document_no: doc_no,
                date: date_arg(&date)?,
            };
            plans::extend(&app, &me, id, ext)?;
            say(ctx, "已登记延期".into(), "extension recorded".into());
        }
        Command::Apply { id, date } => {
            let day = date
                .as_deref()
                .map(date_arg)
                .transpose()?
                .unwrap_or_else(today);
            let a = plans::apply(&app, &me, id, day)?;
            say(
                ctx,
                format!(
                    "已实施：{} 项变更写入区划名录，{} 起生效（{}）",
                    a.events, a.effective, a.document_no
                ),
                format!(
                    "applied: {} changes recorded, effective {} ({})",
                    a.events, a.effective, a.document_no
                ),
            );
        }
        Command::Documents {
            id,
            out,
            issuer,
            approver,
        } => {
            let files = plans::documents(&app, &me, id, issuer.as_deref(), &approver)?;
            std::fs::create_dir_all(&out)?;
            for f in &files {
                crate::context::write_file(&out.join(&f.name), &f.bytes)?;
            }
            say(
                ctx,
                format!("已生成：{}（{} 个文件）", out.display(), files.len()),
                format!("written: {} ({} files)", out.display(), files.len()),
            );
        }
    }
    Ok(())
}

fn consult(
    ctx: &Context,
    app: &quhua_app::App,
    me: &quhua_app::access::Actor,
    c: Consult,
) -> CliResult {
    let (id, entry) = match c {
        Consult::Meeting {
            id,
            date,
            level,
            place,
            participants,
            count,
        } => (
            id,
            ConsultationEntry::Meeting(Meeting {
                date: date_arg(&date)?,
                level,
                place,
                participants,
                count,
            }),
        ),
        Consult::Questionnaire {
            id,
            date,
            issued,
            returned,
            in_favour,
        } => (
            id,
            ConsultationEntry::Questionnaire(Questionnaire {
                date: date_arg(&date)?,
                issued,
                returned,
                in_favour,
            }),
        ),
        Consult::Suggestion {
            id,
            date,
            from,
            text,
            disposition,
            reason,
        } => {
            let d = Disposition::parse(&disposition).ok_or_else(|| fail(format!("处理结果“{disposition}”应为 吸纳、部分吸纳、未吸纳 或 待答复"), format!("disposition \"{disposition}\" must be adopted, partly, not_adopted or pending")))?;
            (
                id,
                ConsultationEntry::Suggestion(Suggestion {
                    date: date_arg(&date)?,
                    from,
                    text,
                    disposition: d,
                    reason,
                }),
            )
        }
    };
    plans::consult(app, me, id, entry)?;
    println!(
        "{}",
        plans::board(app, me, id, today())?.consultation_summary
    );
    let _ = ctx;
    Ok(())
}

fn status(ctx: &Context, b: &PlanBoard) {
    println!(
        "{}（{} {}，{} {}）",
        b.plan.name,
        t(ctx.lang, "编号", "id"),
        b.plan.id,
        t(ctx.lang, "版本", "version"),
        b.plan.version
    );
    println!(
        "{}：{}",
        t(ctx.lang, "程序", "Procedure"),
        b.plan.template_name
    );
    if let Some(r) = b.returns.iter().rev().find(|r| r.resolved.is_none()) {
        println!(
            "{}：{}（{} {}）",
            t(ctx.lang, "退回修改", "Returned for revision"),
            r.comments,
            r.by,
            r.at
        );
    }
    let mut tab = Table::new([
        t(ctx.lang, "环节", "Step"),
        t(ctx.lang, "状态", "State"),
        t(ctx.lang, "完成/缺项", "Done / missing"),
        t(ctx.lang, "依据", "Basis"),
    ]);
    for s in &b.steps {
        let (state, detail) = match &s.done {
            Some(r) => (
                t(ctx.lang, "✓ 已完成", "✓ done").to_string(),
                format!(
                    "{} {}{}",
                    r.at,
                    r.by,
                    r.document
                        .as_ref()
                        .map(|d| format!(" 《{}》", d.name))
                        .unwrap_or_default()
                ),
            ),
            None if s.ready => (t(ctx.lang, "可办理", "ready").to_string(), String::new()),
            None => {
                let m: Vec<String> = match ctx.lang {
                    Lang::Zh => s
                        .missing_steps
                        .iter()
                        .cloned()
                        .chain(s.missing_materials.iter().map(|x| format!("缺{x}")))
                        .chain(
                            s.missing_opinions
                                .iter()
                                .map(|d| format!("待{}意见", d.zh())),
                        )
                        .collect(),
                    Lang::En => s
                        .missing_steps_en
                        .iter()
                        .cloned()
                        .chain(
                            s.missing_materials_en
                                .iter()
                                .map(|x| format!("missing {x}")),
                        )
                        .chain(
                            s.missing_opinions
                                .iter()
                                .map(|d| format!("awaiting the {} opinion", d.en())),
                        )
                        .collect(),
                };
                let sep = t(ctx.lang, "、", "; ");
                (t(ctx.lang, "待前置", "blocked").to_string(), m.join(sep))
            }
        };
        tab.row([
            match ctx.lang {
                Lang::Zh => s.zh.clone(),
                Lang::En => s.en.clone(),
            },
            state,
            detail,
            match ctx.lang {
                Lang::Zh => s.basis.clone(),
                Lang::En => s.basis_en.clone(),
            },
        ]);
    }
    print!("{}", tab.render());
    print!("{}", super::assembly::assent_table(ctx.lang, b));
    println!(
        "{}：{}",
        t(ctx.lang, "征求意见", "Consultation"),
        b.consultation_summary
    );
    if let Some(c) = &b.clocks {
        println!(
            "{}：{}（{}）；{}：{}（{}）",
            t(ctx.lang, "实施期限", "Implementation due"),
            c.implementation_due,
            if ctx.lang == Lang::Zh {
                c.implementation.zh()
            } else {
                c.implementation.en()
            },
            t(ctx.lang, "代码确定期限", "Codes due"),
            c.codes_due,
            if ctx.lang == Lang::Zh {
                c.codes.zh()
            } else {
                c.codes.en()
            }
        );
    }
}
