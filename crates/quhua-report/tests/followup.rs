//! The follow-up reports (周报, 两周推进表, 月调度) of the demo: the seed city plan's 24 tasks
//! with synthetic 示意 progress, as of 2022-01-10. Expected figures are computed here from
//! the board and the raw histories, not from the report code.

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDateTime;
use quhua_core::date::{Date, parse_date};
use quhua_report::doc::{Block, Document};
use quhua_report::followup::{FollowupInput, Period, SYNTHETIC_NOTE, followup_report};
use quhua_workflow::feedback::{Channel, FeedbackItem, FeedbackRecord, Topic};
use quhua_workflow::org::Actor;
use quhua_workflow::risks::{Risk, RiskCategory, RiskLevel};
use quhua_workflow::tasks::{
    EventKind, Light, ProgressReport, Supervision, Task, TaskEvent, board, import_plan, synthetic,
};
use std::collections::{BTreeSet, HashMap};
use std::io::Read;

const TITLE: &str = "广元市乡镇行政区划和村级建制调整改革“后半篇”工作";

fn d(s: &str) -> Date {
    parse_date(s).unwrap()
}

fn demo() -> &'static (Vec<Task>, Supervision) {
    static DEMO: std::sync::OnceLock<(Vec<Task>, Supervision)> = std::sync::OnceLock::new();
    DEMO.get_or_init(|| {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../data/demo/followup-tasks.toml"
        );
        let text = std::fs::read_to_string(path).unwrap();
        let plan = import_plan("followup-tasks.toml", &text).unwrap();
        let sup = Supervision::new(&plan.organisations);
        let tasks = synthetic::demo_progress(
            &plan.tasks,
            2021,
            d("2026-06-30"),
            &sup.calendar,
            &sup.config,
        );
        (tasks, sup)
    })
}

fn input<'a>(tasks: &'a [Task], sup: &'a Supervision) -> FollowupInput<'a> {
    FollowupInput::new(TITLE, d("2022-01-10"), tasks, sup)
}

/// The rows of the document's table with this caption.
fn table<'a>(doc: &'a Document, caption: &str) -> Option<(&'a [String], &'a [Vec<String>])> {
    doc.blocks.iter().find_map(|b| match b {
        Block::Table {
            caption: c,
            header,
            rows,
        } if c == caption => Some((header.as_slice(), rows.as_slice())),
        _ => None,
    })
}

fn col(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name || h.starts_with(name))
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

fn unzip(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn light_label(l: Light) -> &'static str {
    match l {
        Light::Red => "红灯",
        Light::Yellow => "黄灯",
        Light::Blue => "蓝灯",
        Light::Green => "绿灯",
        Light::Done => "已销号",
    }
}

#[test]
fn week_overview_counts_equal_the_board() {
    let (tasks, sup) = demo();
    let r = followup_report(Period::Week, &input(tasks, sup));
    let (header, rows) = table(r.document(), "总体情况（按灯色）").unwrap();
    let (start_col, end_col) = (col(header, "期初"), col(header, "期末"));
    let now = board(tasks, d("2022-01-10"), sup);
    let then = board(tasks, d("2022-01-03"), sup);
    let text = r.document().plain_text();
    assert!(now.iter().any(|x| x.light == Light::Red));
    for l in [
        Light::Red,
        Light::Yellow,
        Light::Blue,
        Light::Green,
        Light::Done,
    ] {
        let n = now.iter().filter(|x| x.light == l).count();
        let b = then.iter().filter(|x| x.light == l).count();
        let row = rows.iter().find(|x| x[0] == light_label(l)).unwrap();
        assert_eq!(row[end_col], n.to_string(), "{l:?}");
        assert_eq!(row[start_col], b.to_string(), "{l:?}");
        assert!(text.contains(&format!("{}{n}项", light_label(l))), "{text}");
    }
    let total = rows.iter().find(|x| x[0] == "合计").unwrap();
    assert_eq!(total[end_col], tasks.len().to_string());
    assert!(text.contains(&format!("纳入督办的任务共{}项", tasks.len())));
}

#[test]
fn every_red_task_is_in_the_overdue_section_reds_first() {
    let (tasks, sup) = demo();
    let r = followup_report(Period::Week, &input(tasks, sup));
    let (header, rows) = table(r.document(), "逾期和滞后任务").unwrap();
    let (task, light) = (col(header, "任务"), col(header, "灯色"));
    let listed: Vec<(&str, &str)> = rows
        .iter()
        .map(|x| (x[task].split(' ').next().unwrap(), x[light].as_str()))
        .collect();
    let now = board(tasks, d("2022-01-10"), sup);
    let red: BTreeSet<&str> = now
        .iter()
        .filter(|x| x.light == Light::Red)
        .map(|x| x.id.as_str())
        .collect();
    let yellow: BTreeSet<&str> = now
        .iter()
        .filter(|x| x.light == Light::Yellow)
        .map(|x| x.id.as_str())
        .collect();
    assert!(!red.is_empty());
    let listed_red: BTreeSet<&str> = listed
        .iter()
        .filter(|x| x.1 == "红灯")
        .map(|x| x.0)
        .collect();
    assert_eq!(listed_red, red);
    let listed_ids: BTreeSet<&str> = listed.iter().map(|x| x.0).collect();
    assert_eq!(listed_ids, red.union(&yellow).copied().collect());
    assert_eq!(listed.len(), red.len() + yellow.len());
    // Reds first.
    let first_yellow = listed
        .iter()
        .position(|x| x.1 == "黄灯")
        .unwrap_or(listed.len());
    assert!(listed[first_yellow..].iter().all(|x| x.1 == "黄灯"));
    // Escalation steps recorded in the history are shown for the red tasks that have them.
    let esc = col(header, "督办情况");
    for t in tasks.iter().filter(|t| red.contains(t.id.as_str())) {
        let has = t
            .history
            .iter()
            .any(|e| e.at <= d("2022-01-10") && matches!(e.kind, EventKind::Escalated { .. }));
        let row = rows
            .iter()
            .find(|x| x[task].starts_with(&format!("{} ", t.id)))
            .unwrap();
        assert_eq!(row[esc] != "—", has, "{}: {}", t.id, row[esc]);
    }
}

#[test]
fn week_progress_lists_the_events_of_the_week() {
    let (tasks, sup) = demo();
    let r = followup_report(Period::Week, &input(tasks, sup));
    let expected = tasks
        .iter()
        .flat_map(|t| &t.history)
        .filter(|e| e.at > d("2022-01-03") && e.at <= d("2022-01-10"))
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::Progress(_)
                    | EventKind::DoneReported { .. }
                    | EventKind::Closed { .. }
                    | EventKind::Returned { .. }
            )
        })
        .count();
    let listed = table(r.document(), "本周进展情况").map_or(0, |(_, rows)| rows.len());
    assert_eq!(listed, expected);
    let text = r.document().plain_text();
    assert!(text.contains("二、本周进展"), "{text}");
    assert!(text.contains("四、下周到期"), "{text}");
}

#[test]
fn week_lists_the_deadlines_of_the_next_seven_days() {
    let (tasks, sup) = demo();
    let date = d("2021-12-27");
    let mut inp = input(tasks, sup);
    inp.date = date;
    let r = followup_report(Period::Week, &inp);
    let mut want: Vec<(String, String)> = Vec::new();
    for t in tasks {
        let st = sup.state(t, date);
        if st.light == Light::Done {
            continue;
        }
        for c in st.checkpoints.iter().filter(|c| c.met.is_none()) {
            if c.deadline >= date && c.deadline <= d("2022-01-03") {
                want.push((t.id.clone(), c.deadline.to_string()));
            }
        }
    }
    assert!(!want.is_empty());
    let (header, rows) = table(r.document(), "未来7日内到期事项").unwrap();
    let (task, due) = (col(header, "任务"), col(header, "期限"));
    let mut got: Vec<(String, String)> = rows
        .iter()
        .map(|x| {
            (
                x[task].split(' ').next().unwrap().to_string(),
                x[due].clone(),
            )
        })
        .collect();
    got.sort();
    want.sort();
    assert_eq!(got, want);
}

#[test]
fn fortnight_sheet_has_one_row_per_task_in_tree_order() {
    let (tasks, sup) = demo();
    let r = followup_report(Period::Fortnight, &input(tasks, sup));
    assert_eq!(r.document().title, format!("{TITLE}两周推进表"));
    // The workbook's sheet has every column of the 推进表.
    let mut wb = workbook(r.to_xlsx().unwrap());
    let range = wb.worksheet_range("任务进度").unwrap();
    let header_row: Vec<String> = range
        .rows()
        .find(|r| r.first().is_some_and(|c| is_text(c, "序号")))
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    for h in [
        "序号",
        "任务",
        "牵头单位",
        "配合单位",
        "目标（指标/目标值/单位）",
        "完成值",
        "完成进度%",
        "序时进度%",
        "灯色",
        "状态",
        "期限",
        "本期进展",
    ] {
        col(&header_row, h);
    }
    // The document's table: one row per task, numbered, parents before children.
    let (header, rows) = table(r.document(), "任务推进情况表").unwrap();
    assert_eq!(rows.len(), tasks.len());
    let (seq, title) = (col(header, "序号"), col(header, "任务"));
    let mut pos: HashMap<&str, usize> = HashMap::new();
    for (n, row) in rows.iter().enumerate() {
        assert_eq!(row[seq], (n + 1).to_string());
        let t = row[title].trim_start_matches('　');
        let task = tasks.iter().find(|x| x.title == t).unwrap();
        pos.insert(task.id.as_str(), n);
    }
    for t in tasks {
        if let Some(p) = &t.parent {
            assert!(
                pos[p.as_str()] < pos[t.id.as_str()],
                "{} before {}",
                p,
                t.id
            );
        }
    }
}

#[test]
fn docx_is_a_zip_with_the_titles_and_headings() {
    let (tasks, sup) = demo();
    for (period, heading) in [
        (Period::Week, "下周到期"),
        (Period::Fortnight, "任务推进情况"),
        (Period::Month, "延期申请办理情况"),
    ] {
        let r = followup_report(period, &input(tasks, sup));
        let docx = r.to_docx().unwrap();
        assert_eq!(&docx[..2], b"PK");
        let xml = unzip(&docx, "word/document.xml");
        assert!(xml.contains(&format!("{TITLE}{}", period.zh())), "{period}");
        assert!(xml.contains(heading), "{period}: {heading}");
        assert!(xml.contains(SYNTHETIC_NOTE), "{period}");
        assert!(
            r.file_stem()
                .ends_with(&format!("{}（2022-01-10）", period.zh()))
        );
    }
}

fn is_text(c: &Data, want: &str) -> bool {
    matches!(c, Data::String(s) if s == want)
}

fn workbook(bytes: Vec<u8>) -> Xlsx<std::io::Cursor<Vec<u8>>> {
    Xlsx::new(std::io::Cursor::new(bytes)).unwrap()
}

#[test]
fn xlsx_task_sheet_has_every_task_once() {
    let (tasks, sup) = demo();
    for period in Period::ALL {
        let r = followup_report(period, &input(tasks, sup));
        let mut wb = workbook(r.to_xlsx().unwrap());
        let names = wb.sheet_names();
        assert!(names.contains(&"总体情况".to_string()), "{names:?}");
        assert!(names.contains(&"任务进度".to_string()), "{names:?}");
        let range = wb.worksheet_range("任务进度").unwrap();
        let rows: Vec<&[Data]> = range.rows().collect();
        let header = rows
            .iter()
            .position(|r| r.first().is_some_and(|c| is_text(c, "序号")))
            .unwrap();
        let id_col = rows[header]
            .iter()
            .position(|c| is_text(c, "编号"))
            .unwrap();
        let ids: Vec<String> = rows[header + 1..]
            .iter()
            .filter(|r| {
                r.first()
                    .is_some_and(|c| matches!(c, Data::Float(_) | Data::Int(_)))
            })
            .map(|r| r[id_col].to_string())
            .collect();
        assert_eq!(ids.len(), tasks.len(), "{period}");
        let want: BTreeSet<String> = tasks.iter().map(|t| t.id.clone()).collect();
        assert_eq!(ids.iter().cloned().collect::<BTreeSet<_>>(), want);
        let last = rows.last().unwrap()[0].to_string();
        assert_eq!(last, SYNTHETIC_NOTE, "{period}");
        if period == Period::Month {
            assert!(names.contains(&"单位汇总".to_string()), "{names:?}");
        }
    }
}

#[test]
fn synthetic_note_appears_only_for_synthetic_data_or_when_given() {
    let (tasks, sup) = demo();
    let text = followup_report(Period::Week, &input(tasks, sup))
        .document()
        .plain_text();
    assert!(text.contains(SYNTHETIC_NOTE), "{text}");
    let mut given = input(tasks, sup);
    given.note = Some("注：数据截至2022年1月10日（示意）。");
    let text = followup_report(Period::Month, &given)
        .document()
        .plain_text();
    assert!(text.contains("注：数据截至2022年1月10日（示意）。"));
    // Real (non-synthetic) data carries no note.
    let real = vec![Task::simple(
        "1",
        "编制三张清单",
        "gy-staffing",
        "gy-office",
        d("2021-04-01"),
        d("2021-12-31"),
    )];
    let text = followup_report(Period::Week, &input(&real, sup))
        .document()
        .plain_text();
    assert!(!text.contains("示意"), "{text}");
    assert!(text.contains("红灯1项"), "{text}");
}

#[test]
fn empty_task_list_yields_a_report_saying_so() {
    let sup = Supervision::default();
    for period in Period::ALL {
        let r = followup_report(period, &input(&[], &sup));
        let text = r.document().plain_text();
        assert!(text.contains("暂无纳入督办的任务"), "{period}: {text}");
        assert!(!text.contains(SYNTHETIC_NOTE));
        let docx = r.to_docx().unwrap();
        assert!(unzip(&docx, "word/document.xml").contains("暂无纳入督办的任务"));
        let mut wb = workbook(r.to_xlsx().unwrap());
        assert!(wb.worksheet_range("任务进度").is_ok());
    }
}

#[test]
fn the_period_excludes_its_start_day_and_includes_the_report_day() {
    let sup = Supervision::default();
    let mut t = Task::simple(
        "1",
        "编制三张清单",
        "staffing",
        "office",
        d("2021-04-01"),
        d("2022-06-30"),
    );
    let by = Actor::new("liaison", "staffing");
    for (seq, day) in [(1, "2022-01-03"), (2, "2022-01-10"), (3, "2022-01-11")] {
        t.history.push(TaskEvent {
            seq,
            at: d(day),
            by: by.clone(),
            kind: EventKind::Progress(ProgressReport {
                values: Vec::new(),
                milestones_met: Vec::new(),
                text: format!("第{seq}次报送"),
                evidence: Vec::new(),
            }),
        });
    }
    let tasks = [t];
    let r = followup_report(Period::Week, &input(&tasks, &sup));
    let (header, rows) = table(r.document(), "本周进展情况").unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][col(header, "日期")], "2022-01-10");
    assert_eq!(rows[0][col(header, "内容")], "第2次报送");
    assert_eq!(r.start(), d("2022-01-03"));
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn feedback(id: &str, topic: Topic, received: &str, deadline: &str) -> FeedbackItem {
    let clerk = Actor::new("clerk", "gy-office");
    let record = FeedbackRecord {
        channel: Channel::Hotline12345,
        received: at(received),
        reference: format!("12345-{id}"),
        topic,
        content: "示意：合并后到哪里办医保？".into(),
        division: None,
        unit: None,
        assigned: None,
        deadline: None,
        reply: None,
        follow_up: None,
    };
    let item = FeedbackItem::receive(id, record, &clerk, at(received)).unwrap();
    item.assign(&clerk, "gy-medical", d(deadline), at(received))
        .unwrap()
}

#[test]
fn month_report_has_closures_risks_and_feedback() {
    let (tasks, sup) = demo();
    let risks = vec![
        Risk::new(
            "R1",
            "债务移交未完成",
            RiskCategory::AssetsDebts,
            RiskLevel::Major,
            "gy-finance",
            "gy-office",
            d("2021-12-20"),
            d("2022-01-05"),
        ),
        Risk::new(
            "R2",
            "干部思想波动",
            RiskCategory::Cadres,
            RiskLevel::General,
            "gy-staffing",
            "gy-office",
            d("2021-11-01"),
            d("2022-03-31"),
        ),
    ];
    let medical = Actor::new("doc", "gy-medical");
    let items = vec![
        feedback("F1", Topic::Services, "2022-01-04 09:00", "2022-01-07")
            .reply(&medical, "到便民服务站办理", at("2022-01-05 09:00"))
            .unwrap(),
        feedback("F2", Topic::Services, "2022-01-05 09:00", "2022-01-08"),
        feedback("F3", Topic::Transport, "2021-11-01 09:00", "2021-11-05"),
    ];
    let mut inp = input(tasks, sup);
    inp.risks = &risks;
    inp.feedback = &items;
    let r = followup_report(Period::Month, &inp);
    let text = r.document().plain_text();
    // Closures of the month, counted from the histories.
    let closed = tasks
        .iter()
        .flat_map(|t| &t.history)
        .filter(|e| e.at > d("2021-12-10") && e.at <= d("2022-01-10"))
        .filter(|e| matches!(e.kind, EventKind::Closed { .. }))
        .count();
    assert!(text.contains(&format!("本月核验销号{closed}项")), "{text}");
    assert!(text.contains("风险隐患"), "{text}");
    assert!(
        text.contains("尚未化解2个（重大1个、较大0个、一般1个），其中逾期未化解1个"),
        "{text}"
    );
    assert!(text.contains("本月受理群众诉求2件"), "{text}");
    assert!(text.contains("超期未答复1件"), "{text}");
    let (header, rows) = table(r.document(), "本月群众诉求分类统计").unwrap();
    let services = rows.iter().find(|x| x[0] == "政务办理").unwrap();
    assert_eq!(services[col(header, "受理件数")], "2");
    assert_eq!(services[col(header, "已答复")], "1");
    assert_eq!(services[col(header, "平均答复用时")], "24");
    let mut wb = workbook(r.to_xlsx().unwrap());
    for s in ["单位汇总", "风险", "群众诉求"] {
        assert!(wb.worksheet_range(s).is_ok(), "{s}");
    }
    // The weekly report has the same parts.
    let w = followup_report(Period::Week, &inp).document().plain_text();
    assert!(
        w.contains("五、风险隐患") && w.contains("六、群众诉求"),
        "{w}"
    );
}

#[test]
fn pdf_renders_when_a_cjk_font_is_installed() {
    let (tasks, sup) = demo();
    let r = followup_report(Period::Week, &input(tasks, sup));
    match r.to_pdf() {
        Ok(pdf) => assert!(pdf.starts_with(b"%PDF")),
        Err(quhua_report::ReportError::NoFont) => eprintln!("no CJK font: PDF skipped"),
        Err(e) => panic!("{e}"),
    }
}
