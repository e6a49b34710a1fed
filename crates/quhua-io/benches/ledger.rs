//! Parsing a 45万-item asset ledger from CSV and XLSX.
//! `cargo bench -p quhua-io --bench ledger`

use quhua_core::attr::Amount;
use quhua_workflow::handover::{AssetItem, Money};

fn main() {
    divan::main();
}

/// 450,000 synthetic items (示意) over 10 townships × 20 villages.
fn items(n: usize) -> Vec<AssetItem> {
    let mut r = quhua_core::synth::SplitMix64::new(20_260_906);
    (0..n)
        .map(|i| {
            let town = format!("130634{:03}", 100 + (i % 10));
            let owner = if i % 3 == 0 {
                town
            } else {
                format!("{town}{:03}", 200 + i % 20)
            };
            let orig = (r.lognormal(20_000.0, 1.0) * 100.0) as i64;
            AssetItem {
                id: format!("ZC{i:07}"),
                name: format!("示意资产{i}"),
                category: ["房屋及构筑物", "车辆", "办公设备", "土地"][i % 4].into(),
                owner,
                quantity: Amount::from_int(1 + (i % 3) as i64),
                original_value: Money(orig),
                net_value: Money(orig / 2),
                measure_unit: Some("台".into()),
                acquired: Some("2015-06-01".into()),
                location: Some("示意地点".into()),
                condition: Some("在用".into()),
                row: i + 2,
            }
        })
        .collect()
}

#[divan::bench(sample_count = 3)]
fn parse_csv_450k(b: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("assets.csv");
    quhua_io::write_csv(
        &quhua_io::ledger::asset_table(&items(450_000), false, Some("示意数据 synthetic")),
        &p,
    )
    .unwrap();
    b.bench(|| {
        let t = quhua_io::ledger::read_assets(&p).unwrap();
        assert_eq!(t.items.len(), 450_000);
    });
}

#[divan::bench(sample_count = 1)]
fn parse_xlsx_450k(b: divan::Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("assets.xlsx");
    quhua_io::write_xlsx(
        &quhua_io::ledger::asset_table(&items(450_000), true, None),
        &p,
    )
    .unwrap();
    b.bench(|| {
        let t = quhua_io::ledger::read_assets(&p).unwrap();
        assert_eq!(t.items.len(), 450_000);
    });
}
