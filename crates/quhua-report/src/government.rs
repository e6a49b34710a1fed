//! The documents a county files, composed from data: the 区划调整方案 (the scheme submitted
//! for approval), the 情况汇报 to the city (its figures sentence from the evaluation), and
//! the 评估报告 (before/after tables and maps).

use crate::doc::{Block, Document};
use crate::notice::zh_date;
use quhua_core::date::Date;
use quhua_stats::evaluate::{Evaluation, Side, wan};

/// A map figure ready for a document.
#[derive(Debug, Clone, PartialEq)]
pub struct MapFigure {
    /// Caption.
    pub caption: String,
    /// PNG bytes.
    pub png: Vec<u8>,
    /// The same map as SVG.
    pub svg: String,
}

/// One indicator's yearly county series on the boundaries after (totals, or means for rates).
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesFacts {
    /// Indicator.
    pub indicator: String,
    /// Unit of measure.
    pub unit: String,
    /// 总量 / 均量.
    pub nature_zh: String,
    /// (year, value), by year.
    pub points: Vec<(i32, f64)>,
}

/// What the documents are composed from.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanFacts {
    /// The plan's name.
    pub plan_name: String,
    /// The before/after evaluation.
    pub evaluation: Evaluation,
    /// The changes, one sentence each (撤销北台乡，将其所辖区域划归恒州镇管辖……).
    pub changes: Vec<String>,
    /// Per new township: (name, the former townships it takes in).
    pub composition: Vec<(String, Vec<String>)>,
    /// The consultation register's summary sentence.
    pub consultation: String,
    /// The risk register's summary, when there is one.
    pub risks: Option<String>,
    /// Steps of the procedure: (name, date done or empty).
    pub steps: Vec<(String, String)>,
    /// 批准文号 and effective date, once approved.
    pub approval: Option<(String, Date)>,
    /// The issuing government (e.g. 曲阳县人民政府).
    pub issuer: String,
    /// Date of the document.
    pub date: Date,
    /// Before and after maps.
    pub maps: Option<(MapFigure, MapFigure)>,
    /// The county's statistics as series on the boundaries after.
    pub series: Vec<SeriesFacts>,
    /// Charts of the evaluation ([`crate::chart::SIZE`] each): before/after figures, then one
    /// per series.
    pub charts: Vec<MapFigure>,
}

fn synthetic_note(f: &PlanFacts) -> Option<Block> {
    f.evaluation.synthetic.then(|| {
        Block::Note("注：本材料中的人口、面积、经济数据及边界为示意数据（合成），仅供演示 / figures and boundaries are synthetic (示意).".into())
    })
}

fn side_row(label: &str, s: &Side) -> Vec<String> {
    let i = &s.indicators;
    vec![
        label.to_string(),
        i.count.to_string(),
        Evaluation::kinds_zh(s),
        format!("{:.1}%", i.town_street_share * 100.0),
        wan(i.population.mean),
        wan(i.population.median),
        wan(i.population.min),
        wan(i.population.max),
        format!("{:.2}", i.area_km2.mean),
        format!("{:.2}", i.area_km2.min),
        format!("{:.2}", i.area_km2.max),
    ]
}

/// The before/after indicator table.
pub fn indicator_table(e: &Evaluation) -> Block {
    Block::Table {
        caption: "调整前后主要指标对比".into(),
        header: [
            "",
            "乡镇数",
            "构成",
            "镇街占比",
            "平均人口",
            "人口中位数",
            "最少人口",
            "最多人口",
            "平均面积(km²)",
            "最小面积",
            "最大面积",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        rows: vec![
            side_row("调整前", &e.before),
            side_row("调整后", &e.after),
            vec![
                "全国平均".into(),
                String::new(),
                String::new(),
                String::new(),
                wan(e.national_population),
                String::new(),
                String::new(),
                String::new(),
                format!("{:.2}", e.national_area_km2),
                String::new(),
                String::new(),
            ],
        ],
    }
}

/// The before/after table per new unit.
pub fn unit_table(f: &PlanFacts) -> Block {
    let e = &f.evaluation;
    let mut rows = Vec::new();
    for u in &e.after.units {
        let former = f
            .composition
            .iter()
            .find(|(n, _)| *n == u.name)
            .map(|(_, v)| v.join("、"))
            .unwrap_or_else(|| u.name.clone());
        rows.push(vec![
            u.name.clone(),
            u.code.to_string(),
            former,
            u.villages.to_string(),
            u.population.map(|p| wan(p.to_f64())).unwrap_or_default(),
            u.area_km2
                .map(|a| format!("{:.2}", a.to_f64()))
                .unwrap_or_default(),
        ]);
    }
    Block::Table {
        caption: "调整方案乡镇对照表".into(),
        header: [
            "调整后乡镇",
            "代码",
            "调整前所辖乡镇",
            "村（居）数",
            "人口",
            "面积(km²)",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect(),
        rows,
    }
}

fn basics(e: &Evaluation) -> String {
    let b = &e.before.indicators;
    format!(
        "{}现辖{}个乡镇（街道）（{}），{}个村（居）。乡镇平均人口{}，平均面积{:.2}平方公里，分别为全国平均水平（{}、{:.2}平方公里）的{:.0}%和{:.0}%；人口最少的乡镇{}，面积最小的{:.2}平方公里。",
        e.county_name,
        b.count,
        Evaluation::kinds_zh(&e.before),
        e.before.villages,
        wan(b.population.mean),
        b.area_km2.mean,
        wan(e.national_population),
        e.national_area_km2,
        b.population_vs_national * 100.0,
        b.area_vs_national * 100.0,
        wan(b.population.min),
        b.area_km2.min,
    )
}

fn reasons(e: &Evaluation) -> Vec<String> {
    let b = &e.before.indicators;
    let mut v = vec![format!(
        "乡镇规模偏小。全县乡镇平均人口和平均面积分别只有全国平均水平的{:.0}%和{:.0}%，行政资源分散，公共服务难以形成规模。",
        b.population_vs_national * 100.0,
        b.area_vs_national * 100.0
    )];
    if let Some(n) = b.under_population_floor.filter(|n| *n > 0) {
        v.push(format!(
            "部分乡镇人口低于省定标准。{n}个乡镇人口低于调整标准，撤并后有利于集中资源、做大做强中心镇。"
        ));
    }
    v.push(format!(
        "城镇化发展需要。镇和街道占比{:.1}%，通过撤并和撤乡设镇优化城镇布局，做大县城驻地镇，带动县域经济发展。",
        b.town_street_share * 100.0
    ));
    v
}

/// The 区划调整方案.
pub fn scheme(f: &PlanFacts) -> Document {
    let e = &f.evaluation;
    let mut blocks = vec![
        Block::Heading(1, "基本情况".into()),
        Block::Para(basics(e)),
        Block::Heading(1, "调整理由".into()),
    ];
    for r in reasons(e) {
        blocks.push(Block::Para(r));
    }
    blocks.push(Block::Heading(1, "调整方案".into()));
    for (k, c) in f.changes.iter().enumerate() {
        blocks.push(Block::Para(format!("（{}）{c}", crate::doc::cn(k + 1))));
    }
    blocks.push(Block::Para(format!(
        "调整后，{}辖{}个乡镇（街道）（{}），减少{}个；乡镇平均人口{}，平均面积{:.2}平方公里。",
        e.county_name,
        e.after.indicators.count,
        Evaluation::kinds_zh(&e.after),
        e.reduction,
        wan(e.after.indicators.population.mean),
        e.after.indicators.area_km2.mean
    )));
    blocks.push(unit_table(f));
    blocks.push(indicator_table(e));
    if let Some((before, after)) = &f.maps {
        for m in [before, after] {
            blocks.push(Block::Figure {
                caption: m.caption.clone(),
                png: m.png.clone(),
                size: crate::map::SIZE,
                svg: m.svg.clone(),
            });
        }
    }
    blocks.push(Block::Heading(1, "实施步骤".into()));
    for (k, (step, date)) in f.steps.iter().enumerate() {
        let when = if date.is_empty() {
            "（待办）".to_string()
        } else {
            format!("（{date}完成）")
        };
        blocks.push(Block::Para(format!("{}.{step}{when}", k + 1)));
    }
    blocks.push(Block::Heading(1, "征求意见和风险评估情况".into()));
    blocks.push(Block::Heading(2, "征求意见情况".into()));
    blocks.push(Block::Para(f.consultation.clone()));
    blocks.push(Block::Heading(2, "社会稳定风险评估情况".into()));
    blocks.push(Block::Para(f.risks.clone().unwrap_or_else(|| {
        "风险评估报告见附件；风险清单中各项风险均已明确化解措施和责任单位。".into()
    })));
    blocks.push(Block::Signature(vec![f.issuer.clone(), zh_date(f.date)]));
    if let Some(n) = synthetic_note(f) {
        blocks.push(n);
    }
    Document {
        title: format!("{}乡镇行政区划调整方案", e.county_name),
        subtitle: None,
        blocks,
    }
}

/// The 情况汇报 to the city, in the shape of the counties' reports.
pub fn summary(f: &PlanFacts, city: &str) -> Document {
    let e = &f.evaluation;
    let mut blocks = vec![Block::Para(format!(
        "本轮乡镇行政区划调整改革中，我县按照省委省政府决策部署，依法依规完成调整任务。{}",
        e.figures_sentence()
    ))];
    blocks.push(Block::Heading(1, "调整实施情况".into()));
    if let Some((no, eff)) = &f.approval {
        blocks.push(Block::Para(format!(
            "调整方案经批准（{no}），自{}起施行。具体调整如下：",
            zh_date(*eff)
        )));
    }
    for c in &f.changes {
        blocks.push(Block::Para(c.clone()));
    }
    blocks.push(Block::Heading(1, "征求意见情况".into()));
    blocks.push(Block::Para(f.consultation.clone()));
    blocks.push(Block::Heading(1, "调整前后对比".into()));
    blocks.push(indicator_table(e));
    blocks.push(Block::Heading(1, "下一步工作".into()));
    blocks.push(Block::Para("扎实做好乡镇行政区划调整改革“后半篇”文章：完成资产债务交接和清产核资，原乡镇驻地保留便民服务站点，统筹推进机构编制调整和干部安置，持续跟踪评估调整成效。".into()));
    blocks.push(Block::Signature(vec![f.issuer.clone(), zh_date(f.date)]));
    if let Some(n) = synthetic_note(f) {
        blocks.push(n);
    }
    Document {
        title: format!("{}关于乡镇行政区划调整改革情况的汇报", e.county_name),
        subtitle: Some(format!("{city}：")),
        blocks,
    }
}

/// The 评估报告: before/after tables, the maps and the national comparison.
pub fn evaluation(f: &PlanFacts) -> Document {
    let e = &f.evaluation;
    let mut blocks = vec![
        Block::Heading(1, "评估范围和方法".into()),
        Block::Para(format!(
            "本报告依据区划名录记录的调整前（{}）和调整后（{}）乡级单位及其所辖村（居），按村级隶属关系逐一对应，比较乡镇数量、类型结构、人口和面积规模，并与全国平均水平对比（{}）。",
            e.before.date, e.after.date, e.national_citation
        )),
        Block::Heading(1, "主要结论".into()),
        Block::Para(e.figures_sentence()),
        Block::Heading(1, "指标对比".into()),
        indicator_table(e),
        unit_table(f),
    ];
    if let Some(d) = &e.after.seat_distance_km {
        blocks.push(Block::Para(format!(
            "调整后村（居）到乡镇驻地平均距离{:.1}公里，最远{:.1}公里。",
            d.mean, d.max
        )));
    }
    if let Some((before, after)) = &f.maps {
        blocks.push(Block::Heading(1, "调整前后区划示意".into()));
        for m in [before, after] {
            blocks.push(Block::Figure {
                caption: m.caption.clone(),
                png: m.png.clone(),
                size: crate::map::SIZE,
                svg: m.svg.clone(),
            });
        }
    }
    if !f.charts.is_empty() {
        blocks.push(Block::Heading(1, "调整前后对比图".into()));
        for c in &f.charts {
            blocks.push(Block::Figure {
                caption: c.caption.clone(),
                png: c.png.clone(),
                size: crate::chart::SIZE,
                svg: c.svg.clone(),
            });
        }
    }
    if !f.series.is_empty() {
        blocks.push(Block::Heading(
            1,
            "统计数据年度序列（调整后区划口径）".into(),
        ));
        blocks.push(Block::Para(format!(
            "以下数据按调整后（{}）乡镇区划口径换算：总量指标按村级隶属关系加总或按权重精确分摊，均量指标按人口加权平均，各年份口径一致、可比。",
            e.after.date
        )));
        let mut years: Vec<i32> = f
            .series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.0))
            .collect();
        years.sort_unstable();
        years.dedup();
        let mut header = vec!["指标".to_string(), "单位".to_string()];
        header.extend(years.iter().map(|y| y.to_string()));
        let rows = f
            .series
            .iter()
            .map(|s| {
                let mut r = vec![
                    format!("{}（{}）", s.indicator, s.nature_zh),
                    s.unit.clone(),
                ];
                r.extend(years.iter().map(|y| {
                    s.points
                        .iter()
                        .find(|p| p.0 == *y)
                        .map(|p| format!("{:.0}", p.1))
                        .unwrap_or_default()
                }));
                r
            })
            .collect();
        blocks.push(Block::Table {
            caption: "统计数据年度序列（全县，调整后口径）".into(),
            header,
            rows,
        });
    }
    blocks.push(Block::Heading(1, "意见建议".into()));
    blocks.push(Block::Para(format!(
        "调整后乡镇规模{}。建议持续跟踪财政收入、公共服务可及性等指标，按统一的调整后区划口径逐年评估。",
        e.national_verdict_zh()
    )));
    blocks.push(Block::Signature(vec![f.issuer.clone(), zh_date(f.date)]));
    if let Some(n) = synthetic_note(f) {
        blocks.push(n);
    }
    Document {
        title: format!("{}乡镇行政区划调整评估报告", e.county_name),
        subtitle: None,
        blocks,
    }
}
