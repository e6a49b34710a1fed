//! The 周报: 总体情况, 本周进展, 逾期和滞后任务, 下周到期, 风险隐患, 群众诉求.

use super::facts::{Facts, light_counts};
use super::tables::Sheet;
use crate::doc::Block;

/// Headings, paragraphs and tables shared by the reports: a section with a lead paragraph
/// and its table when the table has rows, else the sentence saying there is nothing.
pub(super) fn section(
    blocks: &mut Vec<Block>,
    heading: &str,
    lead: String,
    table: &Sheet,
    none: &str,
) {
    blocks.push(Block::Heading(1, heading.to_string()));
    if table.rows.is_empty() {
        blocks.push(Block::Para(none.to_string()));
    } else {
        blocks.push(Block::Para(lead));
        blocks.push(table.block());
    }
}

/// The 总体情况 section (with the table of lights when there are tasks).
pub(super) fn overview(f: &Facts, blocks: &mut Vec<Block>, with_table: bool) -> Sheet {
    blocks.push(Block::Heading(1, "总体情况".into()));
    blocks.push(Block::Para(f.overview_text()));
    let s = f.overview_sheet();
    if with_table && !f.tasks().is_empty() {
        blocks.push(s.block());
    }
    s
}

/// The 逾期和滞后任务 section.
pub(super) fn late(f: &Facts, blocks: &mut Vec<Block>) -> Sheet {
    let c = light_counts(&f.now);
    let (red, yellow) = (c[0], c[1]);
    let s = f.late_sheet();
    section(
        blocks,
        "逾期和滞后任务",
        format!(
            "红灯（逾期）任务{red}项、黄灯（进度滞后或被退办）任务{yellow}项，逐项列明如下，请牵头单位限期整改、按期报送。"
        ),
        &s,
        "目前没有逾期或滞后的任务。",
    );
    s
}

/// The 风险隐患 and 群众诉求 sections (left out when the input has neither), with their
/// sheets: the open risks (or, for `by_unit`, the table by unit and level and the open list).
pub(super) fn risks_and_feedback(
    f: &Facts,
    blocks: &mut Vec<Block>,
    sheets: &mut Vec<Sheet>,
    by_unit: bool,
) {
    if let Some(t) = f.risk_text() {
        blocks.push(Block::Heading(1, "风险隐患".into()));
        blocks.push(Block::Para(t));
        if by_unit {
            let s = f.risk_table_sheet();
            if !s.rows.is_empty() {
                blocks.push(s.block());
            }
            sheets.push(s);
        }
        let s = f.open_risks_sheet(if by_unit { "风险清单" } else { "风险" });
        if !s.rows.is_empty() {
            blocks.push(s.block());
        }
        sheets.push(s);
    }
    if let Some(t) = f.feedback_text() {
        blocks.push(Block::Heading(1, "群众诉求".into()));
        blocks.push(Block::Para(t));
        let s = f.feedback_sheet();
        if !s.rows.is_empty() {
            blocks.push(s.block());
        }
        sheets.push(s);
    }
}

/// The 周报's blocks and sheets.
pub(super) fn compose(f: &Facts) -> (Vec<Block>, Vec<Sheet>) {
    let mut blocks = Vec::new();
    let overview_sheet = overview(f, &mut blocks, true);
    let events = f.events_sheet();
    section(
        &mut blocks,
        "本周进展",
        format!(
            "本周（{}）各责任单位报送进度、申请销号及督查督办部门核验销号、退办情况如下。",
            f.span_zh()
        ),
        &events,
        "本周没有报送进度、申请销号、核验销号或退办的情况。",
    );
    let late_sheet = late(f, &mut blocks);
    let (due, due_tasks) = f.due_within_sheet(7, "下周到期", "未来7日内到期事项");
    section(
        &mut blocks,
        "下周到期",
        format!(
            "未来7日内（至{}）有{}项任务的{}个事项到期，请相关单位抓紧推进，确保按期完成。",
            crate::notice::zh_date(f.input.date + chrono::Duration::days(7)),
            due_tasks,
            due.rows.len()
        ),
        &due,
        "未来7日内没有到期的事项。",
    );
    let mut sheets = vec![overview_sheet, f.progress_sheet(), events, late_sheet, due];
    risks_and_feedback(f, &mut blocks, &mut sheets, false);
    (blocks, sheets)
}
