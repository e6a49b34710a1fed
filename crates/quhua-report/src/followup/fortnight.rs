//! The 两周推进表: a short 总体情况 and one row per task in tree order.

use super::events::checkpoint_zh;
use super::facts::Facts;
use super::tables::{Sheet, count, day, light_zh, percent, text, value};
use crate::doc::Block;
use quhua_workflow::tasks::Checkpoint;

impl Facts<'_> {
    /// What a task's targets are (指标 目标值 单位) and its milestones.
    pub fn targets_text(&self, i: usize) -> (String, String) {
        let t = &self.tasks()[i];
        let mut goal = Vec::new();
        let mut done = Vec::new();
        for c in &self.states[i].checkpoints {
            match &c.checkpoint {
                Checkpoint::Target(id) => {
                    let (metric, unit) = t
                        .target(id)
                        .map_or((id.as_str(), ""), |x| (x.metric.as_str(), x.unit.as_str()));
                    goal.push(format!(
                        "{metric}/{}/{unit}",
                        value(c.value.unwrap_or_default())
                    ));
                    done.push(match c.reached {
                        Some(v) => format!("{}{unit}", value(v)),
                        None => "未报送".into(),
                    });
                }
                Checkpoint::Milestone(_) => {
                    goal.push(checkpoint_zh(t, &c.checkpoint));
                    done.push(
                        if c.met.is_some() {
                            "已完成"
                        } else {
                            "未完成"
                        }
                        .into(),
                    );
                }
                Checkpoint::Task => {}
            }
        }
        (goal.join("；"), done.join("；"))
    }

    /// 任务进度 table (the workbook's 推进表): one row per task in tree order, titles
    /// indented by depth, with the task id, the units, every target and milestone, the values
    /// reached and the period's events in full.
    pub fn progress_sheet(&self) -> Sheet {
        let mut header = vec!["序号", "编号"];
        header.extend([
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
        ]);
        let mut s = Sheet::new("任务进度", "任务推进情况表", &header);
        let parents: std::collections::HashSet<&str> = self
            .tasks()
            .iter()
            .filter_map(|t| t.parent.as_deref())
            .collect();
        for (n, &i) in self.order.iter().enumerate() {
            let (t, r, st) = (&self.tasks()[i], &self.now[i], &self.states[i]);
            let (mut goal, mut done) = self.targets_text(i);
            if goal.is_empty() {
                let none = if parents.contains(t.id.as_str()) {
                    "见子任务"
                } else {
                    "—"
                };
                (goal, done) = (none.to_string(), none.to_string());
            }
            let mut row = vec![count(n + 1), text(t.id.clone())];
            row.extend([
                text(format!("{}{}", "　".repeat(self.depth[i]), t.title)),
                text(r.lead.clone()),
                text(self.names(&st.participants)),
                text(goal),
                text(done),
                percent(r.progress),
                percent(r.schedule),
                text(light_zh(r.light)),
                text(st.status.zh()),
                day(r.due),
                text(self.period_progress(i)),
            ]);
            s.push(row);
        }
        s
    }
}

impl Facts<'_> {
    /// Targets as `reached/target unit` and milestones as `met/total`, in one cell.
    fn targets_brief(&self, i: usize) -> String {
        let t = &self.tasks()[i];
        let mut parts = Vec::new();
        let (mut met, mut milestones) = (0, 0);
        for c in &self.states[i].checkpoints {
            match &c.checkpoint {
                Checkpoint::Target(id) => {
                    let unit = t.target(id).map_or("", |x| x.unit.as_str());
                    parts.push(format!(
                        "{}/{}{unit}",
                        c.reached.map_or_else(|| "0".to_string(), value),
                        value(c.value.unwrap_or_default())
                    ));
                }
                Checkpoint::Milestone(_) => {
                    milestones += 1;
                    met += usize::from(c.met.is_some());
                }
                Checkpoint::Task => {}
            }
        }
        if milestones > 0 {
            parts.push(format!("节点{met}/{milestones}"));
        }
        if parts.is_empty() {
            "—".into()
        } else {
            parts.join("；")
        }
    }

    /// The period's events of a task counted by kind (报送进度2次、申请销号1次).
    fn period_brief(&self, i: usize) -> String {
        let t = &self.tasks()[i];
        let mut kinds: Vec<(String, usize)> = Vec::new();
        for e in t.history.iter().filter(|e| self.in_period(e.at)) {
            let (k, _, _) = self.event_zh(t, e);
            match kinds.iter_mut().find(|(x, _)| *x == k) {
                Some(x) => x.1 += 1,
                None => kinds.push((k, 1)),
            }
        }
        kinds
            .iter()
            .map(|(k, n)| format!("{k}{n}次"))
            .collect::<Vec<_>>()
            .join("、")
    }

    /// The document's 推进表: the same rows as [`Facts::progress_sheet`] with the columns a
    /// portrait page can hold (targets as reached/target, the period's events counted).
    pub fn progress_brief_sheet(&self) -> Sheet {
        let mut s = Sheet::new(
            "推进表",
            "任务推进情况表",
            &[
                "序号",
                "任务",
                "牵头单位",
                "完成值/目标值",
                "完成进度%",
                "序时进度%",
                "灯色",
                "期限",
                "本期进展",
            ],
        );
        for (n, &i) in self.order.iter().enumerate() {
            let (t, r) = (&self.tasks()[i], &self.now[i]);
            s.push(vec![
                count(n + 1),
                text(format!("{}{}", "　".repeat(self.depth[i]), t.title)),
                text(r.lead.clone()),
                text(self.targets_brief(i)),
                percent(r.progress),
                percent(r.schedule),
                text(light_zh(r.light)),
                day(r.due),
                text(self.period_brief(i)),
            ]);
        }
        s
    }
}

/// The 两周推进表's blocks and sheets.
pub(super) fn compose(f: &Facts) -> (Vec<Block>, Vec<super::tables::Sheet>) {
    let mut blocks = Vec::new();
    let overview = super::week::overview(f, &mut blocks, false);
    blocks.push(Block::Heading(1, "任务推进情况".into()));
    let progress = f.progress_brief_sheet();
    if progress.rows.is_empty() {
        blocks.push(Block::Para("暂无纳入督办的任务。".into()));
    } else {
        blocks.push(Block::Para(format!(
            "各项任务推进情况见下表（配合单位、各项指标及本期进展明细见配套电子表格“任务进度”工作表）。完成进度为目标完成程度，序时进度为按时间推算应达到的进度；本期进展为{}的报送和办理情况。",
            f.span_zh()
        )));
        blocks.push(progress.block());
    }
    let late = f.late_sheet();
    (blocks, vec![overview, f.progress_sheet(), late])
}
