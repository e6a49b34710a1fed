//! The before/after indicator table.

use quhua_core::indicators::Comparison;
use quhua_io::export::{ExportCell, ExportTable};

/// The indicator table of a scheme, in the order reports use.
pub fn table(title: &str, c: &Comparison, footnote: Option<&str>) -> ExportTable {
    let mut t = ExportTable::new(["指标", "调整前", "调整后", "变化"])
        .with_title(title)
        .with_sheet_name("调整前后指标");
    if let Some(f) = footnote {
        t = t.with_footnote(f);
    }
    let (b, a) = (&c.before, &c.after);
    let mut row = |name: &str, x: f64, y: f64| {
        t.push_row(vec![
            ExportCell::from(name),
            ExportCell::Number(round2(x)),
            ExportCell::Number(round2(y)),
            ExportCell::Number(round2(y - x)),
        ])
    };
    row("乡级单位数（个）", b.count as f64, a.count as f64);
    let mut kinds: Vec<&String> = b.by_kind.keys().chain(a.by_kind.keys()).collect();
    kinds.sort();
    kinds.dedup();
    for k in kinds {
        row(
            &format!("其中：{k}（个）"),
            *b.by_kind.get(k).unwrap_or(&0) as f64,
            *a.by_kind.get(k).unwrap_or(&0) as f64,
        );
    }
    row(
        "镇和街道占比（%）",
        b.town_street_share * 100.0,
        a.town_street_share * 100.0,
    );
    row("平均人口（人）", b.population.mean, a.population.mean);
    row("人口中位数（人）", b.population.median, a.population.median);
    row("最少人口（人）", b.population.min, a.population.min);
    row("最多人口（人）", b.population.max, a.population.max);
    row("平均面积（km²）", b.area_km2.mean, a.area_km2.mean);
    row("最大面积（km²）", b.area_km2.max, a.area_km2.max);
    if let (Some(x), Some(y)) = (b.under_population_floor, a.under_population_floor) {
        row("低于人口下限的单位（个）", x as f64, y as f64);
    }
    if let (Some(x), Some(y)) = (b.over_area_cap, a.over_area_cap) {
        row("超过面积上限的单位（个）", x as f64, y as f64);
    }
    row(
        "平均人口相当于全国平均（%）",
        b.population_vs_national * 100.0,
        a.population_vs_national * 100.0,
    );
    row(
        "平均面积相当于全国平均（%）",
        b.area_vs_national * 100.0,
        a.area_vs_national * 100.0,
    );
    t
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
