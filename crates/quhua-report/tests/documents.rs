//! The code-change table, the notice and the indicator table for the demo's sample scheme.

use quhua_core::date::parse_date;
use quhua_core::policy::Policy;
use quhua_core::scenario::{apply_scenario, evaluate};
use quhua_demo::{Demo, county_code, mca_list_date};
use quhua_report::notice::{NoticeInfo, compose};
use quhua_report::{change_table, indicators};
use std::io::Read;

fn applied() -> (Demo, Vec<quhua_core::event::EventId>) {
    let mut demo = Demo::load().unwrap();
    let s = Demo::sample_scenario().unwrap();
    let ids = apply_scenario(
        &mut demo.registry,
        &s,
        mca_list_date(),
        parse_date("2026-09-06").unwrap(),
        "冀政字〔2026〕88号",
    )
    .unwrap();
    (demo, ids)
}

#[test]
fn change_table_lists_every_code_change() {
    let (demo, ids) = applied();
    let events: Vec<_> = ids
        .iter()
        .map(|i| &demo.registry.events()[i.0 as usize])
        .collect();
    let rows = change_table::rows(&demo.registry, &events);
    let towns: Vec<_> = rows
        .iter()
        .filter(|r| r.level == quhua_core::Level::Township)
        .collect();
    assert_eq!(towns.len(), 8, "{towns:#?}");
    let beitai = towns.iter().find(|r| r.old_name == "北台乡").unwrap();
    assert_eq!(
        (
            beitai.old_code.as_str(),
            beitai.new_code.as_str(),
            beitai.new_name.as_str()
        ),
        ("130634213", "130634100", "恒州镇")
    );
    assert_eq!(beitai.change, "撤销，并入恒州镇");
    let lz = towns.iter().find(|r| r.old_name == "路庄子乡").unwrap();
    assert_eq!(
        (
            lz.change.as_str(),
            lz.new_code.as_str(),
            lz.new_name.as_str()
        ),
        ("撤乡设镇", "130634115", "路庄子镇")
    );
    let ls = towns.iter().filter(|r| r.new_name == "灵山镇").count();
    assert_eq!(ls, 2);
    // Every village that changed township is listed with its old and new code.
    let villages: Vec<_> = rows
        .iter()
        .filter(|r| r.level == quhua_core::Level::Village)
        .collect();
    // 北台 17, 晓林 22, 邸村 8, 下河 25, 灵山 35, 党城 14, 庄窠 9; then 路庄子乡 16 + 庄窠 9 again when 撤乡设镇.
    assert_eq!(villages.len(), 17 + 22 + 8 + 25 + 35 + 14 + 9 + (16 + 9));
    assert!(
        villages
            .iter()
            .all(|r| r.old_code != r.new_code && r.approval_no == "冀政字〔2026〕88号")
    );
    let dir = tempfile::tempdir().unwrap();
    let t = change_table::table(
        "曲阳县乡镇区划代码变更对照表",
        &rows,
        Some("示例方案，仅供演示"),
    );
    quhua_io::export::write_xlsx(&t, &dir.path().join("t.xlsx")).unwrap();
    quhua_io::export::write_csv(&t, &dir.path().join("t.csv")).unwrap();
    let csv = std::fs::read_to_string(dir.path().join("t.csv")).unwrap();
    assert!(
        csv.contains("130634213,北台乡,撤销，并入恒州镇,130634100,恒州镇"),
        "{csv}"
    );
}

#[test]
fn notice_reads_like_a_notice() {
    let (demo, ids) = applied();
    let events: Vec<_> = ids
        .iter()
        .map(|i| &demo.registry.events()[i.0 as usize])
        .collect();
    let info = NoticeInfo {
        county: county_code(),
        issuer: "曲阳县人民政府".into(),
        approver: "河北省人民政府".into(),
        approval_no: "冀政字〔2026〕88号".into(),
        effective: parse_date("2026-09-06").unwrap(),
        issued: parse_date("2026-09-06").unwrap(),
        note: None,
    };
    let n = compose(&demo.registry, &events, &info).unwrap();
    assert_eq!(n.title, "曲阳县人民政府关于乡镇行政区划调整的公告");
    assert_eq!(
        n.body[0],
        "经河北省人民政府批准（冀政字〔2026〕88号），对曲阳县部分乡镇行政区划进行调整。现将有关事项公告如下："
    );
    assert_eq!(
        n.body[1],
        "一、撤销北台乡，将其所辖行政区域划归恒州镇管辖。"
    );
    assert_eq!(
        n.body[2],
        "二、撤销晓林镇、邸村镇，将其所辖行政区域划归产德镇管辖。"
    );
    assert!(n.body[4].starts_with("四、撤销灵山镇、党城镇，设立灵山镇，以原灵山镇、党城镇的行政区域为灵山镇的行政区域，镇人民政府驻"), "{}", n.body[4]);
    assert!(
        n.body
            .iter()
            .any(|p| p.starts_with("六、撤销路庄子乡，设立路庄子镇")),
        "{:#?}",
        n.body
    );
    assert!(
        n.body
            .contains(&"调整后，曲阳县辖11个镇、1个乡。".to_string()),
        "{:#?}",
        n.body
    );
    assert_eq!(n.signature, vec!["曲阳县人民政府", "2026年9月6日"]);
    let md = n.to_markdown();
    assert!(md.starts_with("# 曲阳县人民政府关于乡镇行政区划调整的公告"));
    let docx = n.to_docx().unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("撤销北台乡，将其所辖行政区域划归恒州镇管辖。"));
}

#[test]
fn indicator_table_has_before_and_after() {
    let demo = Demo::load().unwrap();
    let policy = Policy::default_policy();
    let ev = evaluate(
        &demo.base(None, &policy).unwrap(),
        &policy,
        &Demo::sample_scenario().unwrap(),
    )
    .unwrap();
    let t = indicators::table("调整前后主要指标", &ev.indicators, Some("示意数据"));
    let dir = tempfile::tempdir().unwrap();
    quhua_io::export::write_csv(&t, &dir.path().join("i.csv")).unwrap();
    let csv = std::fs::read_to_string(dir.path().join("i.csv")).unwrap();
    assert!(csv.contains("乡级单位数（个）,18,12,-6"), "{csv}");
    assert!(csv.contains("平均人口（人）,22000,33000,11000"), "{csv}");
}
