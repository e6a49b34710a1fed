//! The 风险隐患 and 群众诉求 parts: open risks by level and unit, feedback received in the
//! period by topic with response times and overdue replies.

use super::facts::Facts;
use super::tables::{Sheet, count, day, round1, text};
use chrono::NaiveDateTime;
use quhua_workflow::feedback::{Channel, FeedbackRecord, Topic, stats};
use quhua_workflow::risks::{Risk, RiskEventKind, RiskLevel, RiskState, RiskStatus, risk_table};
use std::collections::BTreeMap;

impl Facts<'_> {
    /// The end of the report's day (feedback is timed to the minute).
    fn end_of_day(&self) -> NaiveDateTime {
        self.input
            .date
            .and_hms_opt(23, 59, 59)
            .unwrap_or_else(|| self.input.date.and_time(chrono::NaiveTime::MIN))
    }

    /// Risks identified by the report's date, with their state then.
    fn risks_known(&self) -> Vec<(&Risk, RiskState)> {
        self.input
            .risks
            .iter()
            .filter(|r| r.identified <= self.input.date)
            .map(|r| (r, r.state(self.input.date)))
            .collect()
    }

    /// The 风险隐患 paragraph; `None` when the input has no risks at all.
    pub fn risk_text(&self) -> Option<String> {
        if self.input.risks.is_empty() {
            return None;
        }
        let known = self.risks_known();
        let open: Vec<&(&Risk, RiskState)> = known
            .iter()
            .filter(|(_, s)| s.status != RiskStatus::Closed)
            .collect();
        let by_level: Vec<String> = RiskLevel::ALL
            .iter()
            .map(|&l| {
                let n = open.iter().filter(|(_, s)| s.level == l).count();
                format!("{}{n}个", l.zh())
            })
            .collect();
        let overdue = open.iter().filter(|(_, s)| s.overdue).count();
        let new = known
            .iter()
            .filter(|(r, _)| self.in_period(r.identified))
            .count();
        let closed_now = known
            .iter()
            .filter(|(r, _)| {
                r.history
                    .iter()
                    .any(|e| self.in_period(e.at) && matches!(e.kind, RiskEventKind::Closed { .. }))
            })
            .count();
        Some(format!(
            "截至{}，在册风险隐患{}个，已化解销号{}个，尚未化解{}个（{}），其中逾期未化解{overdue}个；{}新增{new}个，化解销号{closed_now}个。",
            crate::notice::zh_date(self.input.date),
            known.len(),
            known.len() - open.len(),
            open.len(),
            by_level.join("、"),
            self.period.this(),
        ))
    }

    /// 风险清单 table: the risks not yet closed, most serious first, then by deadline.
    pub fn open_risks_sheet(&self, name: &str) -> Sheet {
        let mut s = Sheet::new(
            name,
            "尚未化解的风险隐患",
            &[
                "序号",
                "风险点",
                "类别",
                "等级",
                "责任单位",
                "化解期限",
                "状态",
                "是否逾期",
            ],
        );
        let mut open: Vec<(&Risk, RiskState)> = self
            .risks_known()
            .into_iter()
            .filter(|(_, st)| st.status != RiskStatus::Closed)
            .collect();
        open.sort_by(|a, b| {
            (a.1.level, a.0.deadline, &a.0.id).cmp(&(b.1.level, b.0.deadline, &b.0.id))
        });
        for (n, (r, st)) in open.into_iter().enumerate() {
            s.push(vec![
                count(n + 1),
                text(r.title.clone()),
                text(r.category.zh()),
                text(st.level.zh()),
                text(self.input.sup.name(&r.owner)),
                day(r.deadline),
                text(st.status.zh()),
                text(if st.overdue { "是" } else { "否" }),
            ]);
        }
        s
    }

    /// 风险 table by unit and level ([`risk_table`] as of the report's date).
    pub fn risk_table_sheet(&self) -> Sheet {
        let mut s = Sheet::new(
            "风险",
            "风险隐患分单位分等级统计",
            &[
                "单位",
                "等级",
                "风险点数",
                "化解中",
                "待核验",
                "已化解销号",
                "逾期未化解",
            ],
        );
        for r in risk_table(self.input.risks, self.input.date) {
            s.push(vec![
                text(self.input.sup.name(&r.unit)),
                text(r.level.zh()),
                count(r.total),
                count(r.open),
                count(r.reported),
                count(r.closed),
                count(r.overdue),
            ]);
        }
        s
    }

    /// Feedback received in the period, as recorded at the end of the report's day.
    fn feedback_in_period(&self) -> Vec<&FeedbackRecord> {
        let t = self.end_of_day();
        self.input
            .feedback
            .iter()
            .filter_map(|i| i.as_of(t))
            .filter(|r| self.in_period(r.received.date()))
            .collect()
    }

    /// Not replied to and past its reply deadline at the report's date.
    fn overdue_open(&self, r: &FeedbackRecord) -> bool {
        r.reply.is_none() && r.deadline.is_some_and(|d| self.input.date > d)
    }

    /// The 群众诉求 paragraph; `None` when the input has no feedback at all.
    pub fn feedback_text(&self) -> Option<String> {
        if self.input.feedback.is_empty() {
            return None;
        }
        let recs = self.feedback_in_period();
        let this = self.period.this();
        let mut s = if recs.is_empty() {
            format!("{this}未受理新的群众诉求。")
        } else {
            let channels: Vec<String> = Channel::ALL
                .iter()
                .filter_map(|&c| {
                    let n = recs.iter().filter(|r| r.channel == c).count();
                    (n > 0).then(|| format!("{}{n}件", c.zh()))
                })
                .collect();
            let replied = recs.iter().filter(|r| r.reply.is_some()).count();
            let overdue = recs.iter().filter(|r| self.overdue_open(r)).count();
            format!(
                "{this}受理群众诉求{}件（{}），已答复{replied}件，超期未答复{overdue}件。",
                recs.len(),
                channels.join("、")
            )
        };
        let all = stats(self.input.feedback, self.end_of_day());
        s.push_str(&format!(
            "累计受理{}件，已答复{}件，超期未答复{}件，超期答复{}件",
            all.total,
            all.replied,
            all.overdue_open.len(),
            all.replied_late.len()
        ));
        match (all.median_response_hours, all.max_response_hours) {
            (Some(m), Some(x)) => s.push_str(&format!(
                "；答复用时中位数{}小时，最长{}小时。",
                round1(m),
                round1(x)
            )),
            _ => s.push('。'),
        }
        Some(s)
    }

    /// 群众诉求 table: feedback received in the period by topic.
    pub fn feedback_sheet(&self) -> Sheet {
        let mut s = Sheet::new(
            "群众诉求",
            format!("{}群众诉求分类统计", self.period.this()),
            &[
                "诉求主题",
                "受理件数",
                "已答复",
                "超期未答复",
                "平均答复用时（小时）",
            ],
        );
        let mut by: BTreeMap<Topic, (usize, usize, usize, f64)> = BTreeMap::new();
        for r in self.feedback_in_period() {
            let e = by.entry(r.topic).or_default();
            e.0 += 1;
            if let Some(reply) = &r.reply {
                e.1 += 1;
                e.3 += (reply.at - r.received).num_minutes() as f64 / 60.0;
            }
            if self.overdue_open(r) {
                e.2 += 1;
            }
        }
        for (topic, (n, replied, overdue, hours)) in by {
            s.push(vec![
                text(topic.zh()),
                count(n),
                count(replied),
                count(overdue),
                if replied > 0 {
                    quhua_io::export::ExportCell::Number(round1(hours / replied as f64))
                } else {
                    text("—")
                },
            ]);
        }
        s
    }
}
