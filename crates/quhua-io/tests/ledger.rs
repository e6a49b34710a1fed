//! Asset and debt ledgers: round trips through CSV and XLSX, and errors naming file, row, column.

use proptest::prelude::*;
use quhua_core::attr::Amount;
use quhua_io::ledger::{asset_table, debt_table, read_assets, read_debts};
use quhua_workflow::handover::{AssetItem, DebtItem, DebtKind, Money};

fn item(i: usize, fen: i64) -> AssetItem {
    AssetItem {
        id: format!("A{i}"),
        name: format!("示意资产{i}"),
        category: "办公设备".into(),
        owner: if i.is_multiple_of(2) {
            "130634200".into()
        } else {
            "130634200201".into()
        },
        quantity: Amount::from_int(1),
        original_value: Money(fen * 2),
        net_value: Money(fen),
        measure_unit: Some("台".into()),
        acquired: Some("2020-01-31".into()),
        location: None,
        condition: Some("闲置".into()),
        row: i + 2,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]
    #[test]
    fn csv_and_xlsx_round_trip_exactly(fens in prop::collection::vec(0i64..10_000_000_000, 1..40)) {
        let dir = tempfile::tempdir().unwrap();
        let items: Vec<AssetItem> = fens.iter().enumerate().map(|(i, f)| item(i, *f)).collect();
        let csv = dir.path().join("a.csv");
        quhua_io::write_csv(&asset_table(&items, false, Some("示意数据 synthetic")), &csv).unwrap();
        let t = read_assets(&csv).unwrap();
        prop_assert_eq!(&t.items, &items);
        prop_assert_eq!(t.warnings.len(), 1);
        let xlsx = dir.path().join("a.xlsx");
        quhua_io::write_xlsx(&asset_table(&items, true, None), &xlsx).unwrap();
        let t = read_assets(&xlsx).unwrap();
        prop_assert_eq!(t.items.iter().map(|a| a.net_value).collect::<Vec<_>>(), fens.iter().map(|f| Money(*f)).collect::<Vec<_>>());
    }
}

#[test]
fn errors_name_file_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("assets.csv");
    let head = "资产编号,资产名称,资产类别,所属单位代码,数量,原值,净值\n";
    std::fs::write(
        &p,
        format!("{head}A1,楼,房屋,130634200,1,10,5\nA2,车,车辆,1306342,1,10,5\n"),
    )
    .unwrap();
    let e = read_assets(&p).unwrap_err();
    let l = e.loc().unwrap();
    assert_eq!((l.row, l.column.as_str(), l.col), (3, "所属单位代码", 3));
    assert!(e.to_string().contains("assets.csv 第 3 行"));
    std::fs::write(
        &p,
        format!("{head}A1,楼,房屋,130634200,1,10,5\nA1,车,车辆,130634200,1,10,5\n"),
    )
    .unwrap();
    assert!(read_assets(&p).unwrap_err().to_string().contains("重复"));
    std::fs::write(&p, format!("{head}A1,楼,房屋,130634200,1,10.123,5\n")).unwrap();
    assert_eq!(read_assets(&p).unwrap_err().loc().unwrap().column, "原值");
    std::fs::write(
        &p,
        "asset_id,asset_name,category,owner_code,quantity,original_value\nA1,x,y,130634200,1,2\n",
    )
    .unwrap();
    assert!(read_assets(&p).unwrap_err().to_string().contains("净值"));
    // English aliases and 万元
    std::fs::write(&p, "asset_id,asset_name,category,owner_code,quantity,original_value (万元),net_value（万元）\nA1,x,y,130634200,2.5,1.5,0.000001\n").unwrap();
    let t = read_assets(&p).unwrap();
    assert_eq!(t.items[0].original_value, Money(1_500_000));
    assert_eq!(t.items[0].net_value, Money(1));

    let d = dir.path().join("debts.csv");
    let debts = vec![DebtItem {
        id: "D1".into(),
        kind: DebtKind::Claim,
        counterparty: "示意公司".into(),
        amount: Money(12_345),
        due: Some("2027-06-30".into()),
        owner: "130634200".into(),
        row: 2,
    }];
    quhua_io::write_csv(&debt_table(&debts, None), &d).unwrap();
    assert_eq!(read_debts(&d).unwrap().items, debts);
    std::fs::write(
        &d,
        "编号,类别,对方单位,金额,到期日,所属单位代码\nD1,借款,x,1,2027-01-01,130634200\n",
    )
    .unwrap();
    let e = read_debts(&d).unwrap_err();
    assert_eq!(e.loc().unwrap().column, "类别");
}
