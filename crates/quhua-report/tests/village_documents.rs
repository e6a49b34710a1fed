//! The demo's village adjustment (村级建制调整) in the documents: the code-change table lists
//! every village abolished, merged or turned into a 居委会 with its old and new code; the
//! notice says what happened to each.

use quhua_core::Level;
use quhua_core::date::parse_date;
use quhua_core::scenario::apply_scenario;
use quhua_demo::{Demo, county_code, mca_list_date};
use quhua_report::change_table;
use quhua_report::notice::{NoticeInfo, compose};

#[test]
fn the_village_scheme_in_the_change_table_and_the_notice() {
    let mut demo = Demo::load().unwrap();
    let s = Demo::village_scenario().unwrap();
    let effective = parse_date("2026-10-01").unwrap();
    let ids = apply_scenario(
        &mut demo.registry,
        &s,
        mca_list_date(),
        effective,
        "曲政字〔2026〕9号",
    )
    .unwrap();
    let events: Vec<_> = ids
        .iter()
        .map(|i| &demo.registry.events()[i.0 as usize])
        .collect();
    let rows = change_table::rows(&demo.registry, &events);
    let villages: Vec<_> = rows.iter().filter(|r| r.level == Level::Village).collect();
    // 2 conversions + 4 into 西旺 + 3 into 大赵邱 + 2 into 邸村 = 11 rows.
    assert_eq!(villages.len(), 11, "{villages:#?}");
    let dongguan = villages
        .iter()
        .find(|r| r.old_name == "东关村民委员会")
        .unwrap();
    assert_eq!(
        (
            dongguan.old_code.as_str(),
            dongguan.change.as_str(),
            dongguan.new_code.as_str()
        ),
        (
            "130634100206",
            "撤村设居，设立东关社区居民委员会",
            "130634100010"
        )
    );
    let li = villages
        .iter()
        .find(|r| r.old_name == "李赵邱村民委员会")
        .unwrap();
    assert_eq!(
        (li.change.as_str(), li.new_code.as_str()),
        ("撤销，并入大赵邱村民委员会", "130634100219")
    );
    let xiwang: Vec<_> = villages
        .iter()
        .filter(|r| r.new_name == "西旺村民委员会")
        .collect();
    assert_eq!(xiwang.len(), 4);
    assert!(
        xiwang
            .iter()
            .all(|r| r.new_code == xiwang[0].new_code && r.new_code.starts_with("130634100"))
    );
    let notice = compose(
        &demo.registry,
        &events,
        &NoticeInfo {
            county: county_code(),
            issuer: "曲阳县人民政府".into(),
            approver: "曲阳县人民政府".into(),
            approval_no: "曲政字〔2026〕9号".into(),
            effective,
            issued: effective,
            note: None,
        },
    )
    .unwrap();
    let text = notice.body.join("\n");
    assert!(
        text.contains("撤销东关村民委员会，设立东关社区居民委员会"),
        "{text}"
    );
    assert!(text.contains("设立西旺村民委员会"), "{text}");
    assert!(text.contains("并入大赵邱村民委员会"), "{text}");
    assert!(text.contains("村（居）民委员会建制进行调整"), "{text}");
}
