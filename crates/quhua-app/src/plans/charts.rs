//! The charts of the 评估报告: township counts by kind, mean population and mean area against
//! the national averages, and the county's statistics year by year on the boundaries after —
//! the figures the web draws, rendered on the server for the document.

use crate::{AppError, AppResult};
use quhua_report::chart::{Bars, Line, bars_svg, line_svg, png};
use quhua_report::government::{MapFigure, SeriesFacts};
use quhua_stats::evaluate::Evaluation;

fn figure(caption: String, svg: String) -> AppResult<MapFigure> {
    Ok(MapFigure {
        caption,
        png: png(&svg, 1.5).map_err(AppError::internal)?,
        svg,
    })
}

/// The county's stored statistics as series on the boundaries of `e`'s after date.
pub(crate) fn series_facts(
    app: &crate::App,
    reg: &quhua_core::registry::Registry,
    e: &Evaluation,
) -> AppResult<Vec<SeriesFacts>> {
    let (series, _) = crate::stats::county_series(app, reg, e.county, e.after.date)?;
    Ok(series
        .into_iter()
        .map(|s| SeriesFacts {
            indicator: s.indicator,
            unit: s.unit,
            nature_zh: s.nature_zh,
            points: s.points.iter().map(|p| (p.period, p.value)).collect(),
        })
        .collect())
}

/// The evaluation's charts, numbered from `first`.
pub(crate) fn evaluation_charts(
    e: &Evaluation,
    series: &[SeriesFacts],
    first: usize,
) -> AppResult<Vec<MapFigure>> {
    let (b, a) = (&e.before.indicators, &e.after.indicators);
    let mut kinds: Vec<&String> = b.by_kind.keys().chain(a.by_kind.keys()).collect();
    kinds.sort();
    kinds.dedup();
    let count = |i: &quhua_core::indicators::Indicators, k: &String| {
        i.by_kind.get(k).copied().unwrap_or(0) as f64
    };
    let mut categories: Vec<String> = kinds.iter().map(|k| (*k).clone()).collect();
    categories.push("合计".into());
    let mut before: Vec<f64> = kinds.iter().map(|k| count(b, k)).collect();
    before.push(b.count as f64);
    let mut after: Vec<f64> = kinds.iter().map(|k| count(a, k)).collect();
    after.push(a.count as f64);
    let sides = vec!["调整前".to_string(), "调整后".to_string()];
    let charts = [
        Bars {
            title: "调整前后乡级单位数量（按类型）".into(),
            unit: "个".into(),
            categories,
            series: vec![("调整前".into(), before), ("调整后".into(), after)],
            reference: None,
        },
        Bars {
            title: "乡镇平均人口（对照全国平均）".into(),
            unit: "人".into(),
            categories: sides.clone(),
            series: vec![(
                e.county_name.clone(),
                vec![b.population.mean, a.population.mean],
            )],
            reference: Some(("全国平均".into(), e.national_population)),
        },
        Bars {
            title: "乡镇平均面积（对照全国平均）".into(),
            unit: "平方公里".into(),
            categories: sides,
            series: vec![(
                e.county_name.clone(),
                vec![b.area_km2.mean, a.area_km2.mean],
            )],
            reference: Some(("全国平均".into(), e.national_area_km2)),
        },
    ];
    let mut out = Vec::new();
    for c in charts {
        let n = first + out.len();
        let caption = format!("图{n} {}", c.title);
        let untitled = Bars {
            title: String::new(),
            ..c
        };
        out.push(figure(caption, bars_svg(&untitled))?);
    }
    for s in series {
        let n = first + out.len();
        let l = Line {
            title: String::new(),
            unit: s.unit.clone(),
            points: s.points.clone(),
        };
        let caption = format!("图{n} {}（{}，调整后口径）", s.indicator, s.nature_zh);
        out.push(figure(caption, line_svg(&l))?);
    }
    Ok(out)
}
