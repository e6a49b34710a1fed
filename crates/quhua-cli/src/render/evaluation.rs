//! The evaluation of a scheme as a report: indicators before/after, the resulting
//! townships, those abolished, and the rule findings.

use super::table::Table;
use super::{people, t};
use quhua_core::i18n::Lang;
use quhua_core::indicators::Indicators;
use quhua_core::scenario::Evaluation;
use std::fmt::Write;

/// Renders the whole report.
pub fn render(ev: &Evaluation, title: &str, sources: &[String], lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{title}");
    let _ = writeln!(
        out,
        "{}：{}（{}） | {}：{} | {}：{}",
        t(lang, "县", "County"),
        ev.county_name,
        ev.county,
        t(lang, "基准日期", "Base date"),
        ev.base_date,
        t(lang, "政策", "Policy"),
        ev.policy
    );
    if ev.synthetic {
        let _ = writeln!(
            out,
            "{}",
            t(
                lang,
                "※ 人口、面积、经济数据与边界均为示意数据（合成），仅供演示。",
                "※ Populations, areas, economic figures and boundaries are synthetic (示意), for demonstration only."
            )
        );
    }
    for s in sources {
        let _ = writeln!(out, "{}：{s}", t(lang, "数据来源", "Source"));
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        t(
            lang,
            "一、主要指标（调整前 → 调整后）",
            "1. Indicators (before → after)"
        )
    );
    out.push_str(
        &indicator_table(
            &ev.indicators.before,
            &ev.indicators.after,
            ev.indicators.reduction,
            lang,
        )
        .render(),
    );
    out.push('\n');
    let _ = writeln!(
        out,
        "{}",
        t(
            lang,
            "二、调整后的乡级单位",
            "2. Township-level units after the scheme"
        )
    );
    let mut units = Table::new([
        t(lang, "名称", "Name"),
        t(lang, "类型", "Kind"),
        t(lang, "代码", "Code"),
        t(lang, "状态", "Status"),
        t(lang, "村(居)", "Villages"),
        t(lang, "人口", "Population"),
        t(lang, "面积km²", "Area km²"),
        t(lang, "由…组成", "Formed from"),
    ])
    .right_align(&[4, 5, 6]);
    for u in &ev.units {
        let code = match (&u.code, &u.proposed_code) {
            (Some(c), _) => c.clone(),
            (None, Some(p)) => format!("{p}{}", t(lang, "（拟）", " (proposed)")),
            (None, None) => t(lang, "待定", "pending").to_string(),
        };
        units.row([
            u.name.clone(),
            kind_label(&u.kind, lang),
            code,
            status_label(&u.status, lang),
            u.villages.to_string(),
            u.population.map(|p| people(p, lang)).unwrap_or_default(),
            u.area_km2.map(|a| format!("{a:.2}")).unwrap_or_default(),
            u.predecessors.join(t(lang, "、", ", ")),
        ]);
    }
    out.push_str(&units.render());
    if !ev.abolished.is_empty() {
        out.push('\n');
        let _ = writeln!(
            out,
            "{}",
            t(
                lang,
                "三、撤销的乡级单位（代码停用，不再使用）",
                "3. Units abolished (codes retired, never reused)"
            )
        );
        let mut ab = Table::new([
            t(lang, "名称", "Name"),
            t(lang, "原代码", "Former code"),
            t(lang, "并入", "Merged into"),
        ]);
        for a in &ev.abolished {
            ab.row([
                a.name.clone(),
                a.code.clone().unwrap_or_default(),
                a.into.clone(),
            ]);
        }
        out.push_str(&ab.render());
    }
    out.push('\n');
    out.push_str(&super::villages::render(&ev.villages, lang));
    let (e, w, i) = ev.finding_counts();
    let _ = writeln!(
        out,
        "{}",
        match lang {
            Lang::Zh => format!("四、规则检查：错误 {e} 项，警告 {w} 项，提示 {i} 项"),
            Lang::En => format!("4. Rule checks: {e} errors, {w} warnings, {i} notes"),
        }
    );
    for f in &ev.findings {
        let sev = match lang {
            Lang::Zh => f.severity.zh(),
            Lang::En => f.severity.en(),
        };
        let _ = writeln!(out, "  [{sev}] {}", f.message.get(lang));
        let _ = writeln!(
            out,
            "        {}：{}（{}）",
            t(lang, "依据", "Basis"),
            f.citation,
            f.rule
        );
    }
    if e == 0 {
        let _ = writeln!(
            out,
            "  {}",
            t(lang, "无阻断性错误。", "No blocking errors.")
        );
    }
    super::punctuate(out, lang)
}

fn indicator_table(b: &Indicators, a: &Indicators, reduction: i64, lang: Lang) -> Table {
    let mut tab = Table::new([
        t(lang, "指标", "Indicator"),
        t(lang, "调整前", "Before"),
        t(lang, "调整后", "After"),
        t(lang, "全国平均", "National avg"),
    ])
    .right_align(&[1, 2, 3]);
    let nat_pop = if a.population_vs_national > 0.0 {
        a.population.mean / a.population_vs_national
    } else {
        0.0
    };
    let nat_area = if a.area_vs_national > 0.0 {
        a.area_km2.mean / a.area_vs_national
    } else {
        0.0
    };
    tab.row([
        t(lang, "乡级单位数", "Township-level units").to_string(),
        b.count.to_string(),
        a.count.to_string(),
        String::new(),
    ]);
    let mut kinds: Vec<&String> = b.by_kind.keys().chain(a.by_kind.keys()).collect();
    kinds.sort();
    kinds.dedup();
    for k in kinds {
        tab.row([
            format!(
                "  {}{}",
                t(lang, "其中：", "of which "),
                kind_label(k, lang)
            ),
            b.by_kind.get(k).copied().unwrap_or(0).to_string(),
            a.by_kind.get(k).copied().unwrap_or(0).to_string(),
            String::new(),
        ]);
    }
    tab.row([
        t(lang, "减少", "Reduction").to_string(),
        String::new(),
        reduction.to_string(),
        String::new(),
    ]);
    tab.row([
        t(lang, "镇和街道占比", "Share of towns + subdistricts").to_string(),
        pct(b.town_street_share),
        pct(a.town_street_share),
        String::new(),
    ]);
    tab.row([
        t(lang, "平均人口", "Mean population").to_string(),
        people(b.population.mean, lang),
        people(a.population.mean, lang),
        people(nat_pop, lang),
    ]);
    tab.row([
        t(lang, "人口中位数", "Median population").to_string(),
        people(b.population.median, lang),
        people(a.population.median, lang),
        String::new(),
    ]);
    tab.row([
        t(lang, "最少人口", "Min population").to_string(),
        people(b.population.min, lang),
        people(a.population.min, lang),
        String::new(),
    ]);
    tab.row([
        t(lang, "最多人口", "Max population").to_string(),
        people(b.population.max, lang),
        people(a.population.max, lang),
        String::new(),
    ]);
    tab.row([
        t(lang, "平均面积 km²", "Mean area km²").to_string(),
        format!("{:.2}", b.area_km2.mean),
        format!("{:.2}", a.area_km2.mean),
        format!("{nat_area:.0}"),
    ]);
    tab.row([
        t(lang, "面积中位数 km²", "Median area km²").to_string(),
        format!("{:.2}", b.area_km2.median),
        format!("{:.2}", a.area_km2.median),
        String::new(),
    ]);
    tab.row([
        t(lang, "最大面积 km²", "Max area km²").to_string(),
        format!("{:.2}", b.area_km2.max),
        format!("{:.2}", a.area_km2.max),
        String::new(),
    ]);
    if let (Some(x), Some(y)) = (b.under_population_floor, a.under_population_floor) {
        tab.row([
            t(
                lang,
                "低于人口下限的单位",
                "Units under the population floor",
            )
            .to_string(),
            x.to_string(),
            y.to_string(),
            String::new(),
        ]);
    }
    if let (Some(x), Some(y)) = (b.over_area_cap, a.over_area_cap) {
        tab.row([
            t(lang, "超过面积上限的单位", "Units over the area cap").to_string(),
            x.to_string(),
            y.to_string(),
            String::new(),
        ]);
    }
    tab.row([
        t(lang, "平均人口/全国平均", "Mean population ÷ national").to_string(),
        pct(b.population_vs_national),
        pct(a.population_vs_national),
        String::new(),
    ]);
    tab.row([
        t(lang, "平均面积/全国平均", "Mean area ÷ national").to_string(),
        pct(b.area_vs_national),
        pct(a.area_vs_national),
        String::new(),
    ]);
    tab
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn kind_label(zh: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => quhua_core::TownshipKind::parse(zh)
            .map(|k| k.en().to_string())
            .unwrap_or_else(|| zh.to_string()),
    }
}

fn status_label(zh: &str, lang: Lang) -> String {
    match (lang, zh) {
        (Lang::Zh, _) => zh.to_string(),
        (Lang::En, "新设") => "new".into(),
        (Lang::En, "建制变更") => "kind changed".into(),
        (Lang::En, "调整") => "adjusted".into(),
        (Lang::En, "保留") => "unchanged".into(),
        (Lang::En, other) => other.to_string(),
    }
}
