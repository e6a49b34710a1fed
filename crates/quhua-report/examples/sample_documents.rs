//! Writes the documents of the demo's sample scheme (applied on 2026-09-06) into a folder:
//! `cargo run -p quhua-report --example sample_documents -- OUTDIR`.

use quhua_core::date::parse_date;
use quhua_core::policy::Policy;
use quhua_core::scenario::{apply_scenario, evaluate};
use quhua_demo::{Demo, county_code, mca_list_date};
use quhua_report::notice::{NoticeInfo, compose};
use quhua_report::{change_table, indicators};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "documents".into()),
    );
    std::fs::create_dir_all(&out)?;
    let mut demo = Demo::load()?;
    let scenario = Demo::sample_scenario()?;
    let policy = Policy::default_policy();
    let ev = evaluate(&demo.base(None, &policy)?, &policy, &scenario)?;
    let effective = parse_date("2026-09-06").ok_or("date")?;
    let ids = apply_scenario(
        &mut demo.registry,
        &scenario,
        mca_list_date(),
        effective,
        "冀政字〔2026〕88号",
    )?;
    let events: Vec<_> = ids
        .iter()
        .map(|i| &demo.registry.events()[i.0 as usize])
        .collect();
    let note = "注：本公告依据示例方案生成，批准文号为示例，仅供演示。".to_string();
    let info = NoticeInfo {
        county: county_code(),
        issuer: "曲阳县人民政府".into(),
        approver: "河北省人民政府".into(),
        approval_no: "冀政字〔2026〕88号".into(),
        effective,
        issued: effective,
        note: Some(note.clone()),
    };
    let notice = compose(&demo.registry, &events, &info)?;
    std::fs::write(out.join("公告.md"), notice.to_markdown())?;
    std::fs::write(out.join("公告.docx"), notice.to_docx()?)?;
    let rows = change_table::rows(&demo.registry, &events);
    let t = change_table::table("曲阳县乡镇行政区划代码变更对照表", &rows, Some(&note));
    quhua_io::write_xlsx(&t, &out.join("区划代码变更对照表.xlsx"))?;
    quhua_io::write_csv(&t, &out.join("区划代码变更对照表.csv"))?;
    let it = indicators::table(
        "曲阳县乡镇区划调整前后主要指标",
        &ev.indicators,
        Some("人口、面积为示意数据（synthetic）"),
    );
    quhua_io::write_xlsx(&it, &out.join("调整前后指标.xlsx"))?;
    println!("{}", out.display());
    Ok(())
}
