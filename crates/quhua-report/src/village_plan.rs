//! 村级建制调整方案: the document the township governments put to the county government —
//! the villages before, the changes township by township, the villages after, each village's
//! 村民会议, and the table of changes; Word or PDF through [`crate::doc::Document`].

use crate::doc::{Block, Document, cn};
use quhua_core::scenario::{VillageEvaluation, VillageIndicators};
use quhua_workflow::procedure::VillageAssent;
use std::collections::BTreeMap;

/// What the plan document needs besides the evaluation.
#[derive(Debug, Clone)]
pub struct VillagePlanFacts<'a> {
    /// The county's name.
    pub county: &'a str,
    /// The village layer of the scheme's evaluation.
    pub villages: &'a VillageEvaluation,
    /// Where each village concerned stands.
    pub assent: &'a [VillageAssent],
    /// Who issues it (e.g. 曲阳县民政局), and the date line.
    pub issuer: String,
    /// The date, as written (2026年3月1日).
    pub date: String,
    /// Whether the figures are synthetic (示意).
    pub synthetic: bool,
}

fn kinds(i: &VillageIndicators) -> String {
    i.by_kind
        .iter()
        .map(|(k, n)| format!("{k}{n}个"))
        .collect::<Vec<_>>()
        .join("、")
}

/// The document.
pub fn document(f: &VillagePlanFacts<'_>) -> Document {
    let (b, a) = (&f.villages.indicators.before, &f.villages.indicators.after);
    let mut blocks = vec![
        Block::Heading(1, "基本情况".into()),
        Block::Para(format!(
            "{}现有村（居）民委员会{}个（{}），平均人口{:.0}人，每个乡镇平均{:.1}个。",
            f.county,
            b.count,
            kinds(b),
            b.population.mean,
            b.per_township.mean
        )),
        Block::Heading(1, "调整方案".into()),
    ];
    let mut by_town: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for v in &f.villages.changed {
        let what = match v.status.as_str() {
            "新设" => format!("撤销{}，合并设立{}", v.predecessors.join("、"), v.name),
            "合并" => format!(
                "将{}并入{}",
                v.predecessors
                    .iter()
                    .filter(|p| **p != v.name)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("、"),
                v.name
            ),
            "建制变更" => format!("撤销{}，设立{}", v.predecessors.join("、"), v.name),
            "拆分" => format!("调整{}的范围（拆分）", v.name),
            _ => format!("{}更名为{}", v.predecessors.join("、"), v.name),
        };
        by_town.entry(v.township.as_str()).or_default().push(what);
    }
    for (k, (town, items)) in by_town.iter().enumerate() {
        blocks.push(Block::Para(format!(
            "（{}）{town}：{}。",
            cn(k + 1),
            items.join("；")
        )));
    }
    blocks.push(Block::Para(format!(
        "调整后，{}辖村（居）民委员会{}个（{}），减少{}个；平均人口{:.0}人。",
        f.county,
        a.count,
        kinds(a),
        f.villages.indicators.reduction,
        a.population.mean
    )));
    blocks.push(Block::Table {
        caption: "表1 村级建制调整对照表".into(),
        header: [
            "乡镇",
            "调整后名称",
            "类型",
            "调整方式",
            "由以下村（居）组成",
            "代码",
            "人口",
            "户数",
        ]
        .map(String::from)
        .to_vec(),
        rows: f
            .villages
            .changed
            .iter()
            .map(|v| {
                vec![
                    v.township.clone(),
                    v.name.clone(),
                    v.kind.clone(),
                    v.status.clone(),
                    v.predecessors.join("、"),
                    v.code
                        .clone()
                        .or_else(|| v.proposed_code.as_ref().map(|c| format!("{c}（拟）")))
                        .unwrap_or_else(|| "待定".into()),
                    v.population.map(|p| format!("{p:.0}")).unwrap_or_default(),
                    v.households.map(|h| format!("{h:.0}")).unwrap_or_default(),
                ]
            })
            .collect(),
    });
    blocks.push(Block::Heading(1, "村民会议讨论情况".into()));
    let agreed = f.assent.iter().filter(|x| x.agreed).count();
    blocks.push(Block::Para(format!(
        "涉及的{}个村（居）中，已有{}个经村民会议（或村民代表会议）讨论同意（《中华人民共和国村民委员会组织法》第三条）。",
        f.assent.len(),
        agreed
    )));
    for x in f.assent.iter().filter(|x| !x.agreed) {
        let name = x
            .record
            .as_ref()
            .map_or(x.village.clone(), |r| r.village_name.clone());
        let why = x.why_not.as_ref().map(|t| t.zh.clone()).unwrap_or_default();
        blocks.push(Block::Para(format!("{name}：{why}。")));
    }
    blocks.push(Block::Signature(vec![f.issuer.clone(), f.date.clone()]));
    if f.synthetic {
        blocks.push(Block::Note(
            "注：本方案中的人口、户数等为示意数据，不作为实际依据。".into(),
        ));
    }
    Document {
        title: format!("{}村级建制调整方案", f.county),
        subtitle: None,
        blocks,
    }
}
