//! 村级建制调整清单: the list a county government approves — for each village the scheme
//! changes or creates, its township, what happens (合并, 新设, 撤村设居 …), the villages it is
//! formed from with their codes, the code it keeps or is due, population and households, and
//! the 村民会议 of each village concerned (date, votes for of those present, agreed or not).

use quhua_core::scenario::VillageEvaluation;
use quhua_io::export::{ExportCell, ExportTable};
use quhua_workflow::procedure::VillageAssent;

/// The list as a table (XLSX or CSV). `assent`: where each village concerned stands.
pub fn table(
    title: &str,
    villages: &VillageEvaluation,
    assent: &[VillageAssent],
    footnote: Option<&str>,
) -> ExportTable {
    let mut t = ExportTable::new([
        "序号",
        "乡镇",
        "调整后村（居）名称",
        "类型",
        "调整方式",
        "由以下村（居）组成",
        "原代码",
        "调整后代码",
        "人口",
        "户数",
        "村民会议表决",
    ])
    .with_title(title)
    .with_sheet_name("村级建制调整清单");
    if let Some(f) = footnote {
        t = t.with_footnote(f);
    }
    let meeting = |codes: &[String]| -> String {
        codes
            .iter()
            .filter_map(|c| assent.iter().find(|a| &a.village == c))
            .map(|a| match &a.record {
                Some(r) => format!(
                    "{}：{} 赞成 {}/到会 {}{}",
                    r.village_name,
                    r.date,
                    r.votes_for,
                    r.present,
                    if a.agreed {
                        "，同意"
                    } else {
                        "，未通过"
                    }
                ),
                None => format!("{}：尚无记录", a.village),
            })
            .collect::<Vec<_>>()
            .join("；")
    };
    for (i, v) in villages.changed.iter().enumerate() {
        let code = match (&v.code, &v.proposed_code) {
            (Some(c), _) => c.clone(),
            (None, Some(p)) => format!("{p}（拟）"),
            (None, None) => "待定".into(),
        };
        let number =
            |x: Option<f64>| x.map_or(ExportCell::Empty, |x| ExportCell::Number(x.round()));
        t.push_row(vec![
            ExportCell::Number((i + 1) as f64),
            ExportCell::from(v.township.clone()),
            ExportCell::from(v.name.clone()),
            ExportCell::from(v.kind.clone()),
            ExportCell::from(v.status.clone()),
            ExportCell::from(v.predecessors.join("、")),
            ExportCell::from(v.predecessor_codes.join("、")),
            ExportCell::from(code),
            number(v.population),
            number(v.households),
            ExportCell::from(meeting(&v.predecessor_codes)),
        ]);
    }
    t
}
