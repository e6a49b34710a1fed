//! `quhua plan submit|status|consult|attach|step|approve|extend|apply|documents`: a scheme
//! through the statutory procedure, stored in the database with optimistic concurrency.

use crate::context::{CliResult, Context, fail};
use crate::render::{t, table::Table};
use quhua_core::date::{Date, parse_date};
use quhua_core::i18n::Lang;
use quhua_core::scenario::{Scenario, apply_scenario};
use quhua_store::{PlanId, Store};
use quhua_workflow::procedure::{
    Approval, ConsultationRegister, Disposition, Document, Extension, MaterialKind, Meeting, Plan,
    Questionnaire, Suggestion, Template,
};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Procedure commands (under `quhua plan`).
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// 将方案提交报批程序（拟制方案完成）/ submit a scheme into the procedure
    Submit {
        /// 方案文件 / scheme file
        scenario: PathBuf,
        /// 程序模板 national | national_npc | sichuan
        #[arg(long, default_value = "national")]
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
    /// 登记省政府批复 / record the provincial approval
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

fn date_arg(s: &str) -> CliResult<Date> {
    parse_date(s).ok_or_else(|| {
        fail(
            format!("日期“{s}”应为 YYYY-MM-DD"),
            format!("date \"{s}\" must be YYYY-MM-DD"),
        )
    })
}

fn load(store: &mut Store, id: i64) -> CliResult<(Plan, i64)> {
    let rec = store.get_plan(PlanId(id))?.ok_or_else(|| {
        fail(
            format!("没有编号为 {id} 的报批方案"),
            format!("no plan {id}"),
        )
    })?;
    let plan: Plan = serde_json::from_str(&rec.body)?;
    Ok((plan, rec.version))
}

fn save(ctx: &Context, store: &mut Store, id: i64, version: i64, plan: &Plan) -> CliResult<i64> {
    Ok(store.update_plan(
        PlanId(id),
        version,
        &serde_json::to_string(plan)?,
        &ctx.actor,
    )?)
}

/// Stores a file and returns the document record for the plan.
fn document(
    ctx: &Context,
    store: &mut Store,
    path: &Path,
    kind: Option<MaterialKind>,
    date: Date,
) -> CliResult<Document> {
    let bytes = std::fs::read(path).map_err(|e| {
        fail(
            format!("无法读取 {}：{e}", path.display()),
            format!("cannot read {}: {e}", path.display()),
        )
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sha = store.put_document(&name, &bytes, &ctx.actor)?;
    debug_assert_eq!(sha, hex::encode(Sha256::digest(&bytes)));
    Ok(Document {
        kind,
        name,
        sha256: sha,
        added_by: ctx.actor.clone(),
        added_at: date,
    })
}

/// Runs a procedure command.
pub fn run(ctx: &Context, cmd: Command) -> CliResult {
    let mut store = ctx.store()?;
    match cmd {
        Command::Submit {
            scenario,
            template,
            date,
        } => {
            let text = std::fs::read_to_string(&scenario)?;
            let sc: Scenario = crate::cmd::scenario::read_scenario(&scenario)?;
            let tpl = Template::by_id(&template).ok_or_else(|| {
                fail(
                    format!("未知程序模板“{template}”（national、national_npc、sichuan）"),
                    format!("unknown template \"{template}\" (national, national_npc, sichuan)"),
                )
            })?;
            let mut plan = Plan::new(
                &sc.name,
                &sc.county,
                &text,
                tpl,
                &ctx.actor,
                date_arg(&date)?,
            );
            plan.consultation = ConsultationRegister::default();
            let (id, _) = store.create_plan(
                &sc.name,
                &sc.county,
                &serde_json::to_string(&plan)?,
                &ctx.actor,
            )?;
            println!(
                "{}",
                match ctx.lang {
                    Lang::Zh => format!(
                        "已提交报批方案 {}：{}（{}）",
                        id.0, sc.name, plan.template.name
                    ),
                    Lang::En => format!(
                        "submitted plan {}: {} ({})",
                        id.0, sc.name, plan.template.name
                    ),
                }
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
            for r in store.list_plans()? {
                tab.row([
                    r.id.0.to_string(),
                    r.name,
                    r.county,
                    r.version.to_string(),
                    format!("{} {}", r.updated_by, r.updated_at),
                ]);
            }
            print!("{}", tab.render());
        }
        Command::Status { id, today, json } => {
            let (plan, version) = load(&mut store, id)?;
            let today = match today {
                Some(d) => date_arg(&d)?,
                None => chrono::Local::now().date_naive(),
            };
            status(ctx, id, version, &plan, today, json)?;
        }
        Command::Consult(c) => consult(ctx, &mut store, c)?,
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
            let (mut plan, version) = load(&mut store, id)?;
            let doc = document(ctx, &mut store, &file, Some(kind), date_arg(&date)?)?;
            plan.attach(doc);
            save(ctx, &mut store, id, version, &plan)?;
            println!("{}：{}", t(ctx.lang, "已附材料", "attached"), kind.zh());
        }
        Command::Step {
            id,
            step,
            date,
            doc,
            note,
        } => {
            let (mut plan, version) = load(&mut store, id)?;
            let date = date_arg(&date)?;
            let d = doc
                .map(|p| document(ctx, &mut store, &p, None, date))
                .transpose()?;
            if plan.template.step(&step).is_some_and(|s| s.is_apply) {
                return Err(fail(
                    "“组织实施”环节用 quhua plan apply 完成",
                    "complete the implementation step with quhua plan apply",
                ));
            }
            plan.complete(&step, &ctx.actor, date, d, &note)?;
            save(ctx, &mut store, id, version, &plan)?;
            let name = plan
                .template
                .step(&step)
                .map(|s| s.zh.clone())
                .unwrap_or(step);
            println!("{}：{name}", t(ctx.lang, "环节已完成", "step completed"));
        }
        Command::Approve {
            id,
            doc_no,
            date,
            effective,
            doc,
        } => {
            let (mut plan, version) = load(&mut store, id)?;
            let date = date_arg(&date)?;
            let d = doc
                .map(|p| {
                    document(
                        ctx,
                        &mut store,
                        &p,
                        Some(MaterialKind::ApprovalDocument),
                        date,
                    )
                })
                .transpose()?;
            plan.approve(
                Approval {
                    document_no: doc_no.clone(),
                    date,
                    effective: date_arg(&effective)?,
                },
                &ctx.actor,
                d,
            )?;
            save(ctx, &mut store, id, version, &plan)?;
            println!(
                "{}：{doc_no}",
                t(ctx.lang, "已登记批复", "approval recorded")
            );
        }
        Command::Extend {
            id,
            months,
            doc_no,
            date,
        } => {
            let (mut plan, version) = load(&mut store, id)?;
            plan.extend(Extension {
                months,
                document_no: doc_no,
                date: date_arg(&date)?,
            })?;
            save(ctx, &mut store, id, version, &plan)?;
            println!("{}", t(ctx.lang, "已登记延期", "extension recorded"));
        }
        Command::Apply { id } => apply(ctx, &mut store, id)?,
        Command::Documents {
            id,
            out,
            issuer,
            approver,
        } => documents(ctx, &mut store, id, &out, issuer, &approver)?,
    }
    Ok(())
}

fn consult(ctx: &Context, store: &mut Store, c: Consult) -> CliResult {
    let id = match &c {
        Consult::Meeting { id, .. }
        | Consult::Questionnaire { id, .. }
        | Consult::Suggestion { id, .. } => *id,
    };
    let (mut plan, version) = load(store, id)?;
    match c {
        Consult::Meeting {
            date,
            level,
            place,
            participants,
            count,
            ..
        } => plan.consultation.meetings.push(Meeting {
            date: date_arg(&date)?,
            level,
            place,
            participants,
            count,
        }),
        Consult::Questionnaire {
            date,
            issued,
            returned,
            in_favour,
            ..
        } => {
            if returned > issued || in_favour > returned {
                return Err(fail(
                    "回收数不能多于发放数，赞成数不能多于回收数",
                    "returned cannot exceed issued, nor in favour exceed returned",
                ));
            }
            plan.consultation.questionnaires.push(Questionnaire {
                date: date_arg(&date)?,
                issued,
                returned,
                in_favour,
            })
        }
        Consult::Suggestion {
            date,
            from,
            text,
            disposition,
            reason,
            ..
        } => {
            let d = Disposition::parse(&disposition).ok_or_else(|| fail(format!("处理结果“{disposition}”应为 吸纳、部分吸纳、未吸纳 或 待答复"), format!("disposition \"{disposition}\" must be adopted, partly, not_adopted or pending")))?;
            if d == Disposition::NotAdopted && reason.trim().is_empty() {
                return Err(fail(
                    "未吸纳的意见须说明理由",
                    "a suggestion not adopted needs a reason",
                ));
            }
            plan.consultation.suggestions.push(Suggestion {
                date: date_arg(&date)?,
                from,
                text,
                disposition: d,
                reason,
            })
        }
    }
    save(ctx, store, id, version, &plan)?;
    println!("{}", plan.consultation.summary_zh());
    Ok(())
}

fn status(ctx: &Context, id: i64, version: i64, plan: &Plan, today: Date, json: bool) -> CliResult {
    let steps = plan.status();
    let clocks = plan.clocks(today);
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "id": id, "version": version, "name": plan.name, "county": plan.county, "template": plan.template.name,
                "steps": steps, "clocks": clocks, "consultation": plan.consultation.totals(), "materials": plan.materials,
                "approval": plan.approval, "applied": plan.applied,
            }))?
        );
        return Ok(());
    }
    println!(
        "{}（{} {}，{} {}）",
        plan.name,
        t(ctx.lang, "编号", "id"),
        id,
        t(ctx.lang, "版本", "version"),
        version
    );
    println!(
        "{}：{}",
        t(ctx.lang, "程序", "Procedure"),
        plan.template.name
    );
    let mut tab = Table::new([
        t(ctx.lang, "环节", "Step"),
        t(ctx.lang, "状态", "State"),
        t(ctx.lang, "完成/缺项", "Done / missing"),
        t(ctx.lang, "依据", "Basis"),
    ]);
    for s in &steps {
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
                let mut m = s.missing_steps.clone();
                m.extend(s.missing_materials.iter().map(|x| format!("缺{x}")));
                (t(ctx.lang, "待前置", "blocked").to_string(), m.join("、"))
            }
        };
        tab.row([
            match ctx.lang {
                Lang::Zh => s.zh.clone(),
                Lang::En => s.en.clone(),
            },
            state,
            detail,
            s.basis.clone(),
        ]);
    }
    print!("{}", tab.render());
    println!(
        "{}：{}",
        t(ctx.lang, "征求意见", "Consultation"),
        plan.consultation.summary_zh()
    );
    if let Some(c) = clocks {
        println!(
            "{}：{}（{}）；{}：{}（{}）",
            t(ctx.lang, "实施期限", "Implementation due"),
            c.implementation_due,
            c.implementation.zh(),
            t(ctx.lang, "代码确定期限", "Codes due"),
            c.codes_due,
            c.codes.zh()
        );
    }
    Ok(())
}

fn apply(ctx: &Context, store: &mut Store, id: i64) -> CliResult {
    let (mut plan, version) = load(store, id)?;
    let approval = plan.approval.clone().ok_or_else(|| {
        fail(
            "尚未登记批复，不能实施",
            "no approval recorded: cannot apply",
        )
    })?;
    let step = plan.apply_step().map(|s| s.id.clone()).ok_or_else(|| {
        fail(
            "程序模板没有实施环节",
            "the template has no implementation step",
        )
    })?;
    let (missing, _) = plan.blockers(&step)?;
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|s| s.zh.as_str()).collect();
        return Err(fail(
            format!("实施前须完成：{}", names.join("、")),
            format!("complete first: {}", names.join(", ")),
        ));
    }
    let scenario =
        Scenario::from_toml(&plan.scenario).or_else(|_| Scenario::from_json(&plan.scenario))?;
    let submitted = plan.steps.first().map(|s| s.at).unwrap_or(approval.date);
    let base_date = match scenario.base_date.as_deref() {
        Some(d) => date_arg(d)?,
        None => submitted,
    };
    let mut reg = store
        .load_registry()?
        .ok_or_else(|| fail("数据库中尚无区划名录", "the database holds no registry"))?;
    let before = reg.events().len();
    let ids = apply_scenario(
        &mut reg,
        &scenario,
        base_date,
        approval.effective,
        &approval.document_no,
    )?;
    plan.complete(
        &step,
        &ctx.actor,
        approval.effective,
        None,
        &format!("写入区划名录：{} 项变更", ids.len()),
    )?;
    plan.applied = Some(approval.effective);
    store.apply_plan(
        PlanId(id),
        version,
        &serde_json::to_string(&plan)?,
        &reg.events()[before..],
        &ctx.actor,
    )?;
    println!(
        "{}",
        match ctx.lang {
            Lang::Zh => format!(
                "已实施：{} 项变更写入区划名录，{} 起生效（{}）",
                ids.len(),
                approval.effective,
                approval.document_no
            ),
            Lang::En => format!(
                "applied: {} changes recorded, effective {} ({})",
                ids.len(),
                approval.effective,
                approval.document_no
            ),
        }
    );
    Ok(())
}

fn documents(
    ctx: &Context,
    store: &mut Store,
    id: i64,
    out: &Path,
    issuer: Option<String>,
    approver: &str,
) -> CliResult {
    let (plan, _) = load(store, id)?;
    let approval = plan
        .approval
        .clone()
        .ok_or_else(|| fail("尚未登记批复", "no approval recorded"))?;
    if plan.applied.is_none() {
        return Err(fail(
            "方案尚未实施（quhua plan apply），无变更可列",
            "the plan is not applied yet (quhua plan apply)",
        ));
    }
    let reg = store
        .load_registry()?
        .ok_or_else(|| fail("数据库中尚无区划名录", "the database holds no registry"))?;
    let events: Vec<_> = reg
        .events()
        .iter()
        .filter(|e| e.approval_no == approval.document_no && e.date == approval.effective)
        .collect();
    let county = quhua_core::DivisionCode::parse(&plan.county)?;
    let county_name = reg
        .as_of(approval.effective)
        .by_code(county)
        .map(|c| c.name.clone())
        .unwrap_or_default();
    let synthetic = reg.sources().iter().any(|s| s.synthetic);
    let note = synthetic.then(|| "注：本材料中的人口、面积等为示意数据。".to_string());
    std::fs::create_dir_all(out)?;
    let info = quhua_report::notice::NoticeInfo {
        county,
        issuer: issuer.unwrap_or_else(|| format!("{county_name}人民政府")),
        approver: approver.to_string(),
        approval_no: approval.document_no.clone(),
        effective: approval.effective,
        issued: approval.effective,
        note: note.clone(),
    };
    let notice = quhua_report::notice::compose(&reg, &events, &info)?;
    std::fs::write(out.join("公告.md"), notice.to_markdown())?;
    std::fs::write(out.join("公告.docx"), notice.to_docx()?)?;
    let rows = quhua_report::change_table::rows(&reg, &events);
    let table = quhua_report::change_table::table(
        &format!("{county_name}乡镇行政区划代码变更对照表"),
        &rows,
        note.as_deref(),
    );
    quhua_io::write_xlsx(&table, &out.join("区划代码变更对照表.xlsx"))?;
    quhua_io::write_csv(&table, &out.join("区划代码变更对照表.csv"))?;
    // The before/after indicators on the registry itself.
    let policy = quhua_core::policy::Policy::default_policy();
    let scenario =
        Scenario::from_toml(&plan.scenario).or_else(|_| Scenario::from_json(&plan.scenario))?;
    let day_before = approval.effective.pred_opt().unwrap_or(approval.effective);
    let base = quhua_core::scenario::Base::from_snapshot(
        &reg.as_of(day_before),
        county,
        &policy.population_key,
    )?;
    let ev = quhua_core::scenario::evaluate(&base, &policy, &scenario)?;
    let it = quhua_report::indicators::table(
        &format!("{county_name}乡镇区划调整前后主要指标"),
        &ev.indicators,
        note.as_deref(),
    );
    quhua_io::write_xlsx(&it, &out.join("调整前后指标.xlsx"))?;
    println!(
        "{}：{}（{} {}）",
        t(ctx.lang, "已生成", "written"),
        out.display(),
        rows.len(),
        t(ctx.lang, "行代码变更", "code-change rows")
    );
    Ok(())
}
