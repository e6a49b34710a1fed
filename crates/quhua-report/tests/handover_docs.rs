//! The 移交清单 (DOCX and XLSX) and the county's 交接工作汇总表 on the demo handover with
//! synthetic ledgers (示意数据).

use quhua_io::export::{ExportCell, ExportTable};
use quhua_report::ReportError;
use quhua_report::handover::{handover_list, summary_table};
use quhua_workflow::handover::*;
use std::io::Read;

const NOTE: &str = "示意数据（synthetic）";

#[path = "handover_docs/fixture.rs"]
mod fixture;
use fixture::{day, demo};

/// The predecessor with the most assets (so the test covers a large list).
fn biggest(h: &Handover) -> String {
    h.pairs
        .pairs
        .iter()
        .max_by_key(|p| {
            h.assets
                .items()
                .iter()
                .filter(|a| a.owner.starts_with(&p.from.code))
                .count()
        })
        .unwrap()
        .from
        .code
        .clone()
}

fn unzip(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The numeric cells of one column (letter) of a worksheet XML, in 分 (v × 100, rounded).
fn numeric_column_fen(sheet_xml: &str, col: &str) -> Vec<i64> {
    let mut out = Vec::new();
    for chunk in sheet_xml.split("<c ").skip(1) {
        let head = &chunk[..chunk.find('>').unwrap()];
        let r = head.split("r=\"").nth(1).unwrap();
        let r = &r[..r.find('"').unwrap()];
        let letters: String = r.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        if letters != col || head.contains("t=\"") || head.ends_with('/') {
            continue;
        }
        let Some(v) = chunk.split("<v>").nth(1) else {
            continue;
        };
        let v: f64 = v[..v.find("</v>").unwrap()].parse().unwrap();
        out.push((v * 100.0).round() as i64);
    }
    out
}

fn sheet_xml(xlsx: &[u8], n: usize) -> String {
    unzip(xlsx, &format!("xl/worksheets/sheet{n}.xml"))
}

#[test]
fn docx_has_title_signatures_and_every_section_of_the_pair() {
    let h = demo(3000);
    let from = biggest(&h);
    let pair = h.pairs.pair(&from).unwrap().clone();
    let list = handover_list(&h, &from, day())
        .unwrap()
        .with_footnote(Some(NOTE));
    let docx = list.to_docx().unwrap();
    let xml = unzip(&docx, "word/document.xml");
    assert!(xml.contains(&format!("{}移交{}交接清单", pair.from.name, pair.to.name)));
    for side in ["移交单位（盖章）", "接收单位（盖章）", "监交单位（盖章）"]
    {
        assert!(xml.contains(side), "{side}");
    }
    assert!(xml.contains("负责人签字"));
    let ix = h
        .pairs
        .pairs
        .iter()
        .position(|p| p.from.code == from)
        .unwrap();
    let secs: Vec<_> = h.sections.iter().filter(|s| s.pair == ix).collect();
    assert_eq!(secs.len(), SectionKind::ALL.len());
    for s in secs {
        let name = &h.template.section(s.kind).zh;
        assert!(xml.contains(name.as_str()), "section {name}");
    }
    assert!(xml.contains(NOTE));
    assert!(xml.contains(&h.plan));
    // No personal data of the cadres goes into a list both sides receive.
    for c in h.cadres.roster.iter().filter(|c| c.unit == from) {
        assert!(!xml.contains(&c.name), "{}", c.name);
    }
}

#[test]
fn xlsx_item_sheets_hold_every_item_and_the_exact_book_value() {
    let h = demo(3000);
    for from in [biggest(&h), h.pairs.pairs[0].from.code.clone()] {
        let list = handover_list(&h, &from, day())
            .unwrap()
            .with_footnote(Some(NOTE));
        let tables = list.to_tables();
        let names: Vec<_> = tables
            .iter()
            .map(|t| t.sheet_name.clone().unwrap())
            .collect();
        assert_eq!(names, ["交接概况", "资产明细", "债权债务明细", "服务网点"]);
        let xlsx = list.to_xlsx().unwrap();
        let wb = unzip(&xlsx, "xl/workbook.xml");
        assert!(wb.contains("资产明细") && wb.contains("债权债务明细"));

        // Expected, from the ledgers directly.
        let mine = |o: &str| o.starts_with(&from) && (o.len() == 9 || o.len() == 12);
        let n_assets = h.assets.items().iter().filter(|a| mine(&a.owner)).count();
        let book: i64 = h
            .assets
            .group_tallies()
            .filter(|(o, ..)| mine(o))
            .map(|(_, _, before, _)| before.value.0)
            .sum();
        let n_debts = h.debts.items().iter().filter(|a| mine(&a.owner)).count();
        let debt_book: i64 = h
            .debts
            .conservation()
            .by_unit
            .iter()
            .filter(|r| mine(&r.owner))
            .map(|r| r.before.value.0)
            .sum();
        assert!(n_assets > 0 && n_debts > 0);

        // 资产明细 (sheet 2): the 净值 column H has one number per item and sums exactly.
        let net = numeric_column_fen(&sheet_xml(&xlsx, 2), "H");
        assert_eq!(net.len(), n_assets);
        assert_eq!(net.iter().sum::<i64>(), book);
        assert_eq!(tables[1].rows.len(), n_assets);
        // 债权债务明细 (sheet 3): 金额 column E.
        let amt = numeric_column_fen(&sheet_xml(&xlsx, 3), "E");
        assert_eq!(amt.len(), n_debts);
        assert_eq!(amt.iter().sum::<i64>(), debt_book);

        // The 合计 of the asset summary on sheet 1 says the same.
        let s1 = &tables[0];
        let net_col = s1
            .headers
            .iter()
            .position(|x| x.starts_with("净值"))
            .unwrap();
        let total = s1
            .rows
            .iter()
            .find(|r| r[0] == ExportCell::from("资产汇总") && r[1] == ExportCell::from("合计"))
            .unwrap();
        let ExportCell::Number(v) = total[net_col] else {
            panic!("{total:?}")
        };
        assert_eq!((v * 100.0).round() as i64, book);
        // Signature rows end the first sheet.
        let last: Vec<String> = s1.rows[s1.rows.len() - 3..]
            .iter()
            .map(|r| r[1].to_text())
            .collect();
        assert!(last[0].starts_with("移交单位（盖章）"));
        assert!(last[1].starts_with("接收单位（盖章）"));
        assert!(last[2].starts_with("监交单位（盖章）"));
        // Service points of the predecessor, one row each.
        let pts = h
            .services
            .points
            .iter()
            .filter(|p| p.township == from)
            .count();
        assert_eq!(tables[3].rows.len(), pts);
        assert!(tables.iter().all(|t| t.footnote.as_deref() == Some(NOTE)));
    }
}

#[test]
fn unknown_pair_is_an_error() {
    let h = demo(3000);
    let e = handover_list(&h, "999999999", day()).unwrap_err();
    assert!(matches!(e, ReportError::UnknownPair(ref c) if c == "999999999"));
    let msg = e.to_string();
    assert!(
        msg.contains("999999999") && msg.contains("移交对") && msg.contains("no handover pair")
    );
    // A successor code that is not a predecessor is not a pair either.
    let to = h.pairs.pairs[0].to.code.clone();
    if h.pairs.pair(&to).is_none() {
        assert!(handover_list(&h, &to, day()).is_err());
    }
}

fn num(c: &ExportCell) -> f64 {
    match c {
        ExportCell::Number(v) => *v,
        ExportCell::Empty => 0.0,
        ExportCell::Text(t) => panic!("text {t}"),
    }
}

#[test]
fn summary_total_row_adds_up() {
    let h = demo(3000);
    let t: ExportTable = summary_table(&h, day(), Some(NOTE));
    assert_eq!(t.footnote.as_deref(), Some(NOTE));
    assert_eq!(t.rows.len(), h.pairs.pairs.len() + 1);
    let (total, rows) = t.rows.split_last().unwrap();
    assert_eq!(total[0], ExportCell::from("合计"));
    let col = |name: &str| t.headers.iter().position(|x| x == name).unwrap();
    let first_num = col("已销号事项");
    let coverage = col("谈话覆盖率（%）");
    for c in first_num..t.headers.len() {
        if c == coverage {
            continue;
        }
        // In 分 for money columns (exact), plain counts otherwise.
        let sum: i64 = rows
            .iter()
            .map(|r| (num(&r[c]) * 100.0).round() as i64)
            .sum();
        assert_eq!(
            sum,
            (num(&total[c]) * 100.0).round() as i64,
            "column {}",
            t.headers[c]
        );
    }
    // And the totals agree with the handover itself.
    let st = h.status(day());
    assert_eq!(num(&total[col("资产（宗）")]) as u64, st.assets.items);
    assert_eq!(
        (num(&total[col("资产净值（元）")]) * 100.0).round() as i64,
        st.assets.book_value.0
    );
    assert_eq!(
        num(&total[col("移交资产（宗）")]) as u64,
        st.assets.transferred.items
    );
    assert_eq!(
        num(&total[col("未定债权债务（笔）")]) as u64,
        st.debts.unassigned.items
    );
    assert_eq!(num(&total[col("交接事项总数")]) as usize, st.sections_total);
    assert_eq!(num(&total[col("已销号事项")]) as usize, 1);
    assert_eq!(
        num(&total[col("服务网点（个）")]) as usize,
        st.services.points_before
    );
    // Each row's dispositions add up to its items.
    for r in rows {
        let items = num(&r[col("资产（宗）")]);
        let parts: f64 = [
            "移交资产（宗）",
            "处置资产（宗）",
            "核销资产（宗）",
            "未定资产（宗）",
        ]
        .iter()
        .map(|n| num(&r[col(n)]))
        .sum();
        assert_eq!(items, parts);
    }
}

#[test]
fn docx_prints_at_most_the_cap_and_the_xlsx_everything() {
    let h = demo(15_000);
    let from = biggest(&h);
    let n = h
        .assets
        .items()
        .iter()
        .filter(|a| a.owner.starts_with(&from))
        .count();
    assert!(n > quhua_report::handover::DOCX_ITEM_CAP, "{n}");
    let list = handover_list(&h, &from, day()).unwrap();
    let xml = unzip(&list.to_docx().unwrap(), "word/document.xml");
    assert!(xml.contains("完整明细见"));
    let ids: Vec<&str> = h
        .assets
        .items()
        .iter()
        .filter(|a| a.owner.starts_with(&from))
        .map(|a| a.id.as_str())
        .collect();
    let cap = quhua_report::handover::DOCX_ITEM_CAP;
    assert!(xml.contains(ids[cap - 1]) && !xml.contains(ids[cap]));
    let xlsx = list.to_xlsx().unwrap();
    assert_eq!(numeric_column_fen(&sheet_xml(&xlsx, 2), "H").len(), n);
}
