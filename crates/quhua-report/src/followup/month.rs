//! The 月调度: 总体情况, 分单位和分组推进情况, 逾期和滞后任务, 延期申请办理情况, 销号和退办情况,
//! 风险隐患, 群众诉求.

use super::events::checkpoint_zh;
use super::facts::Facts;
use super::tables::{LIGHT_ORDER, Sheet, count, day, light_zh, percent, text};
use super::week::{late, overview, risks_and_feedback, section};
use crate::doc::Block;
use quhua_workflow::tasks::{BoardRow, EventKind, SummaryBy, summary};
use std::collections::BTreeMap;

/// Tasks closed in the period per key (lead unit or group).
fn closed_in_period(f: &Facts, key: impl Fn(&BoardRow) -> Vec<String>) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (t, r) in f.tasks().iter().zip(&f.now) {
        let closed = t
            .history
            .iter()
            .any(|e| f.in_period(e.at) && matches!(e.kind, EventKind::Closed { .. }));
        if closed {
            for k in key(r) {
                *out.entry(k).or_default() += 1;
            }
        }
    }
    out
}

/// 单位汇总 or 分组汇总: tasks per light, mean progress and closures of the month.
fn summary_sheet(f: &Facts, by: SummaryBy) -> Sheet {
    let (name, caption, first) = match by {
        SummaryBy::Group => ("分组汇总", "分任务组推进情况", "任务组"),
        _ => ("单位汇总", "分牵头单位推进情况", "牵头单位"),
    };
    let mut header = vec![first, "任务数"];
    header.extend(LIGHT_ORDER.iter().map(|&l| light_zh(l)));
    header.extend(["平均完成进度%", "本月销号"]);
    let mut s = Sheet::new(name, caption, &header);
    let closed = closed_in_period(f, |r| match by {
        SummaryBy::Group => vec![r.group.clone().unwrap_or_default()],
        _ => r.lead_codes.clone(),
    });
    for row in summary(&f.now, by, f.input.sup) {
        let name = if row.name.is_empty() {
            "未分组".to_string()
        } else {
            row.name.clone()
        };
        let mut cells = vec![text(name), count(row.total)];
        cells.extend(
            LIGHT_ORDER
                .iter()
                .map(|l| count(row.lights.get(l).copied().unwrap_or(0))),
        );
        cells.push(percent(row.mean_progress));
        cells.push(count(closed.get(&row.key).copied().unwrap_or(0)));
        s.push(cells);
    }
    s
}

/// 延期申请: requests filed or decided in the period, with the decision.
fn extensions_sheet(f: &Facts) -> (Sheet, [usize; 3]) {
    let mut s = Sheet::new(
        "延期申请",
        "延期申请办理情况",
        &[
            "序号",
            "任务",
            "延期事项",
            "原期限",
            "申请延至",
            "申请日期",
            "理由",
            "办理结果",
            "办理日期",
        ],
    );
    let mut tally = [0; 3]; // granted, refused, pending
    for &i in &f.order {
        let t = &f.tasks()[i];
        let upto: Vec<_> = t.history_until(f.input.date).collect();
        for e in &upto {
            let EventKind::ExtensionRequested {
                checkpoint,
                current,
                new_date,
                reason,
                ..
            } = &e.kind
            else {
                continue;
            };
            let decision = upto.iter().find_map(|x| match &x.kind {
                EventKind::ExtensionDecided {
                    request, approved, ..
                } if *request == e.seq => Some((*approved, x.at)),
                _ => None,
            });
            if !f.in_period(e.at) && !decision.is_some_and(|(_, at)| f.in_period(at)) {
                continue;
            }
            let (result, at) = match decision {
                Some((true, at)) => {
                    tally[0] += 1;
                    ("同意延期", day(at))
                }
                Some((false, at)) => {
                    tally[1] += 1;
                    ("不同意延期", day(at))
                }
                None => {
                    tally[2] += 1;
                    ("待审批", text("—"))
                }
            };
            s.push(vec![
                count(s.rows.len() + 1),
                text(f.label(i)),
                text(checkpoint_zh(t, checkpoint)),
                day(*current),
                day(*new_date),
                day(e.at),
                text(reason.clone()),
                text(result),
                at,
            ]);
        }
    }
    (s, tally)
}

/// 销号退办: closures and returns of the period.
fn closures_sheet(f: &Facts) -> (Sheet, usize, usize) {
    let mut s = Sheet::new(
        "销号退办",
        "任务销号和退办情况",
        &["序号", "任务", "牵头单位", "结果", "日期", "说明"],
    );
    let (mut closed, mut returned) = (0, 0);
    for (i, e) in f.events() {
        let (result, note) = match &e.kind {
            EventKind::Closed { note } => {
                closed += 1;
                ("销号", note.clone())
            }
            EventKind::Returned { reasons } => {
                returned += 1;
                ("退办", reasons.join("；"))
            }
            _ => continue,
        };
        s.push(vec![
            count(s.rows.len() + 1),
            text(f.label(i)),
            text(f.now[i].lead.clone()),
            text(result),
            day(e.at),
            text(note),
        ]);
    }
    (s, closed, returned)
}

/// The 月调度's blocks and sheets.
pub(super) fn compose(f: &Facts) -> (Vec<Block>, Vec<Sheet>) {
    let mut blocks = Vec::new();
    let overview_sheet = overview(f, &mut blocks, true);
    let units = summary_sheet(f, SummaryBy::Unit);
    let groups = summary_sheet(f, SummaryBy::Group);
    section(
        &mut blocks,
        "分单位推进情况",
        "各牵头单位任务推进情况如下（一项任务有多个牵头单位的，分别计入）。".into(),
        &units,
        "暂无纳入督办的任务。",
    );
    if groups.rows.len() > 1
        || groups
            .rows
            .iter()
            .any(|r| r.first() != Some(&text("未分组")))
    {
        blocks.push(groups.block());
    }
    let late_sheet = late(f, &mut blocks);
    let (ext, [granted, refused, pending]) = extensions_sheet(f);
    section(
        &mut blocks,
        "延期申请办理情况",
        format!(
            "本月提出或办理延期申请{}件，其中同意延期{granted}件、不同意延期{refused}件、待审批{pending}件。",
            ext.rows.len()
        ),
        &ext,
        "本月没有提出或办理延期申请。",
    );
    let (closures, closed, returned) = closures_sheet(f);
    section(
        &mut blocks,
        "销号和退办情况",
        format!("本月核验销号{closed}项，退办{returned}次，具体如下。"),
        &closures,
        "本月没有核验销号或退办的任务。",
    );
    let mut sheets = vec![
        overview_sheet,
        f.progress_sheet(),
        units,
        groups,
        late_sheet,
        ext,
        closures,
    ];
    risks_and_feedback(f, &mut blocks, &mut sheets, true);
    (blocks, sheets)
}
