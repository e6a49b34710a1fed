//! The village section of an evaluation (村级建制调整): indicators before and after, the
//! villages changed or created with their proposed codes, and those merged away.

use super::table::Table;
use super::{people, t};
use quhua_core::i18n::Lang;
use quhua_core::scenario::VillageEvaluation;
use std::fmt::Write;

/// The section, or nothing when the scheme changes no village.
pub fn render(v: &VillageEvaluation, lang: Lang) -> String {
    let mut out = String::new();
    if v.changed.is_empty() && v.abolished.is_empty() {
        return out;
    }
    let _ = writeln!(
        out,
        "{}",
        t(
            lang,
            "村级建制调整",
            "Village-level adjustment (村级建制调整)"
        )
    );
    let (b, a) = (&v.indicators.before, &v.indicators.after);
    let mut tab = Table::new([
        t(lang, "指标", "Indicator"),
        t(lang, "调整前", "Before"),
        t(lang, "调整后", "After"),
    ]);
    let kinds = |m: &std::collections::BTreeMap<String, usize>| {
        m.iter()
            .map(|(k, n)| format!("{} {n}", kind(k, lang)))
            .collect::<Vec<_>>()
            .join(t(lang, "，", ", "))
    };
    tab.row([
        t(lang, "村（居）数", "Villages").to_string(),
        b.count.to_string(),
        a.count.to_string(),
    ]);
    tab.row([
        t(lang, "按类型", "By kind").to_string(),
        kinds(&b.by_kind),
        kinds(&a.by_kind),
    ]);
    tab.row([
        t(lang, "平均人口", "Mean population").to_string(),
        people(b.population.mean, lang),
        people(a.population.mean, lang),
    ]);
    if b.households.n > 0 {
        tab.row([
            t(lang, "平均户数", "Mean households").to_string(),
            format!("{:.0}", b.households.mean),
            format!("{:.0}", a.households.mean),
        ]);
    }
    tab.row([
        t(lang, "每乡镇村（居）数", "Villages per township").to_string(),
        format!("{:.1}", b.per_township.mean),
        format!("{:.1}", a.per_township.mean),
    ]);
    if let (Some(x), Some(y)) = (b.under_population_floor, a.under_population_floor) {
        tab.row([
            t(lang, "低于人口下限的村（居）", "Below the population floor").to_string(),
            x.to_string(),
            y.to_string(),
        ]);
    }
    out.push_str(&tab.render());
    if !v.changed.is_empty() {
        let mut ch = Table::new([
            t(lang, "乡镇", "Township"),
            t(lang, "村（居）", "Village"),
            t(lang, "类型", "Kind"),
            t(lang, "代码", "Code"),
            t(lang, "状态", "Status"),
            t(lang, "人口", "Population"),
            t(lang, "户数", "Households"),
            t(lang, "由…组成", "Formed from"),
        ]);
        for c in &v.changed {
            let code = match (&c.code, &c.proposed_code) {
                (Some(c), _) => c.clone(),
                (None, Some(p)) => format!("{p}{}", t(lang, "（拟）", " (proposed)")),
                (None, None) => t(lang, "待定", "pending").to_string(),
            };
            ch.row([
                c.township.clone(),
                c.name.clone(),
                kind(&c.kind, lang),
                code,
                status(&c.status, lang),
                c.population.map(|p| people(p, lang)).unwrap_or_default(),
                c.households.map(|h| format!("{h:.0}")).unwrap_or_default(),
                c.predecessors.join(t(lang, "、", ", ")),
            ]);
        }
        out.push_str(&ch.render());
    }
    if !v.abolished.is_empty() {
        let mut ab = Table::new([
            t(lang, "撤销的村（居）", "Village abolished"),
            t(lang, "原代码（停用）", "Former code (retired)"),
            t(lang, "并入", "Merged into"),
        ]);
        for x in &v.abolished {
            ab.row([
                format!("{} {}", x.township, x.name),
                x.code.clone().unwrap_or_default(),
                x.into.clone(),
            ]);
        }
        out.push_str(&ab.render());
    }
    out.push('\n');
    out
}

fn kind(zh: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => quhua_core::VillageKind::parse(zh)
            .map(|k| k.en().to_string())
            .unwrap_or_else(|| zh.to_string()),
    }
}

fn status(zh: &str, lang: Lang) -> String {
    match (lang, zh) {
        (Lang::Zh, _) => zh.to_string(),
        (Lang::En, "新设") => "new".into(),
        (Lang::En, "建制变更") => "kind changed".into(),
        (Lang::En, "合并") => "merged".into(),
        (Lang::En, "拆分") => "split".into(),
        (Lang::En, "更名") => "renamed".into(),
        (Lang::En, other) => other.to_string(),
    }
}
