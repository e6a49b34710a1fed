//! Tests of the code-list diff: real data (the national NBS 2023 list and the
//! 曲阳县 sample) here, synthetic cases from codes.md §4.2 in `synthetic`,
//! property tests in `props`.

mod props;
mod synthetic;

use super::*;
use crate::TownshipKind;
use std::collections::BTreeSet;
use std::time::Instant;

pub(super) fn e(code: &str, name: &str) -> ListEntry {
    ListEntry::parse(code, name).unwrap()
}

pub(super) fn data_path(rel: &str) -> String {
    format!("{}/../../data/{rel}", &*manifest_dir())
}

/// The NBS 2023 township list, all of it, including the 77 townships of the three
/// prefecture-level cities without counties (东莞 441900, 中山 442000, 儋州 460400).
pub(super) fn national() -> Vec<ListEntry> {
    let mut rdr = csv::Reader::from_path(data_path("nbs-2023/streets.csv")).unwrap();
    let headers = rdr.headers().unwrap().clone();
    assert_eq!(&headers[0], "code");
    assert_eq!(&headers[1], "name");
    let mut out = Vec::new();
    for r in rdr.records() {
        let r = r.unwrap();
        out.push(ListEntry::parse(&r[0], &r[1]).unwrap());
    }
    assert_eq!(out.len(), 41_352);
    let dongguan = out
        .iter()
        .filter(|e| e.code.short().starts_with("441900"))
        .count();
    assert!(dongguan > 0);
    out
}

/// Snapshots A, B, C of 曲阳县 from code-history.csv (empty cell = absent).
pub(super) fn sample_snapshots() -> [Vec<ListEntry>; 3] {
    let mut rdr =
        csv::Reader::from_path(data_path("sample-county-130634/code-history.csv")).unwrap();
    let mut lists: [Vec<ListEntry>; 3] = Default::default();
    for r in rdr.records() {
        let r = r.unwrap();
        for (k, list) in lists.iter_mut().enumerate() {
            let name = r[k + 1].trim();
            if !name.is_empty() {
                list.push(e(&r[0], name));
            }
        }
    }
    lists
}

/// (kind, old code, new code) of each event, for compact assertions.
pub(super) fn summary(
    events: &[CandidateEvent],
) -> Vec<(ChangeKind, Option<String>, Option<String>)> {
    events
        .iter()
        .map(|ev| {
            (
                ev.kind,
                ev.old.as_ref().map(|x| x.code.short()),
                ev.new.as_ref().map(|x| x.code.short()),
            )
        })
        .collect()
}

pub(super) fn s(code: &str) -> Option<String> {
    Some(code.to_string())
}

pub(super) fn print(events: &[CandidateEvent]) {
    for ev in events {
        println!(
            "{} {:?} → {:?} {:.2} {}",
            ev.kind,
            ev.old.as_ref().map(|x| (x.code.short(), x.name.as_str())),
            ev.new.as_ref().map(|x| (x.code.short(), x.name.as_str())),
            ev.confidence,
            ev.evidence
        );
    }
}

#[test]
fn change_kind_labels() {
    let zh: Vec<&str> = ChangeKind::ALL.iter().map(|k| k.zh()).collect();
    assert_eq!(
        zh,
        [
            "新设",
            "撤销",
            "更名",
            "撤乡设镇",
            "撤镇设街道",
            "撤乡设街道",
            "码位变更",
            "其他"
        ]
    );
    for k in ChangeKind::ALL {
        assert_eq!(ChangeKind::parse(k.zh()), Some(k));
        assert_eq!(ChangeKind::parse(k.en()), Some(k));
        assert!(!k.en().is_empty());
        assert_eq!(k.to_string(), k.zh());
    }
}

#[test]
fn national_list_against_itself_is_empty() {
    let list = national();
    assert_eq!(list.len(), 41_352);
    let start = Instant::now();
    let events = diff_lists(&list, &list).unwrap();
    let elapsed = start.elapsed();
    println!("national self-diff of {} rows: {elapsed:?}", list.len());
    assert!(
        events.is_empty(),
        "{} events, first {:?}",
        events.len(),
        events.first()
    );
}

#[test]
fn national_list_with_every_fiftieth_unit_renamed() {
    let old = national();
    let mut new = old.clone();
    let mut renamed = BTreeSet::new();
    for (k, entry) in new.iter_mut().enumerate().filter(|(k, _)| k % 50 == 0) {
        // A fresh stem of digits-as-letters keeps the suffix, so the kind stays.
        let kind = TownshipKind::from_name(&entry.name).map_or("", |k| k.suffix());
        entry.name = format!("测试{k}号{kind}");
        renamed.insert(entry.code);
    }
    let start = Instant::now();
    let events = diff_lists(&old, &new).unwrap();
    println!(
        "national diff with {} renames: {:?}",
        renamed.len(),
        start.elapsed()
    );
    assert_eq!(events.len(), renamed.len());
    for ev in &events {
        assert_eq!(ev.kind, ChangeKind::Renamed, "{ev:?}");
        assert_eq!(ev.old.as_ref().unwrap().code, ev.new.as_ref().unwrap().code);
        assert!(renamed.contains(&ev.old.as_ref().unwrap().code));
    }
}

#[test]
fn sample_county_a_to_b() {
    let [a, b, _] = sample_snapshots();
    let events = diff_lists(&a, &b).unwrap();
    print(&events);
    assert_eq!(
        summary(&events),
        [
            (ChangeKind::XiangToZhen, s("130634201"), s("130634110")),
            (ChangeKind::XiangToZhen, s("130634205"), s("130634111")),
        ]
    );
    let (xiahe, dongwang) = (&events[0], &events[1]);
    assert!(xiahe.confidence >= 0.9, "{xiahe:?}");
    assert!(
        xiahe
            .evidence
            .starts_with("同县（130634）名称主干“下河”相同")
    );
    assert!(xiahe.evidence.contains("旧码201（乡）停用"));
    assert!(xiahe.evidence.contains("新码110在镇号段"));
    assert!(
        xiahe
            .evidence
            .contains("为该县镇号段下一个空号（原最大109）")
    );
    assert!((0.4..=0.6).contains(&dongwang.confidence), "{dongwang:?}");
    assert!(dongwang.confidence < xiahe.confidence);
    assert!(dongwang.evidence.contains("名称也变了"));
    assert!(dongwang.evidence.contains("为该县镇号段下一个空号"));
}

#[test]
fn sample_county_b_to_c() {
    let [_, b, c] = sample_snapshots();
    let events = diff_lists(&b, &c).unwrap();
    print(&events);
    assert_eq!(
        summary(&events),
        [
            (ChangeKind::XiangToZhen, s("130634210"), s("130634112")),
            (ChangeKind::XiangToZhen, s("130634211"), s("130634113")),
        ]
    );
    assert!(events.iter().all(|ev| ev.confidence >= 0.9));
    assert!(events[0].evidence.contains("原最大111"));
    assert!(events[1].evidence.contains("原最大111"));
}

#[test]
fn sample_county_a_to_c() {
    let [a, _, c] = sample_snapshots();
    let events = diff_lists(&a, &c).unwrap();
    print(&events);
    assert_eq!(
        summary(&events),
        [
            (ChangeKind::XiangToZhen, s("130634201"), s("130634110")),
            (ChangeKind::XiangToZhen, s("130634205"), s("130634111")),
            (ChangeKind::XiangToZhen, s("130634210"), s("130634112")),
            (ChangeKind::XiangToZhen, s("130634211"), s("130634113")),
        ]
    );
    assert!(events[1].confidence < 0.6 && events[1].confidence < events[0].confidence);
    assert!(
        events[0].confidence >= 0.9 && events[2].confidence >= 0.9 && events[3].confidence >= 0.9
    );
}

#[test]
fn sample_county_json_shape() {
    let [a, b, _] = sample_snapshots();
    let events = diff_lists(&a, &b).unwrap();
    let v = serde_json::to_value(&events).unwrap();
    let first = &v[0];
    let mut keys: Vec<&str> = first
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "confidence",
            "evidence",
            "kind",
            "new_code",
            "new_name",
            "old_code",
            "old_name"
        ]
    );
    assert_eq!(first["kind"], "撤乡设镇");
    assert_eq!(first["old_code"], "130634201");
    assert_eq!(first["old_name"], "下河乡");
    assert_eq!(first["new_code"], "130634110");
    assert_eq!(first["new_name"], "下河镇");
    assert!(first["confidence"].is_f64());
    let back: Vec<CandidateEvent> = serde_json::from_value(v).unwrap();
    assert_eq!(back, events);

    let only_new = diff_lists(&[], &[e("130634110", "下河镇")]).unwrap();
    let v = serde_json::to_value(&only_new).unwrap();
    assert_eq!(v[0]["kind"], "新设");
    assert!(v[0]["old_code"].is_null() && v[0]["old_name"].is_null());
    assert_eq!(v[0]["new_code"], "130634110");
    let back: Vec<CandidateEvent> = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(back, only_new);
    // A code without its name (or the reverse) is refused, naming the side.
    let mut half = v[0].clone();
    half["old_code"] = "130634201".into();
    let err = serde_json::from_value::<CandidateEvent>(half).unwrap_err();
    assert!(err.to_string().contains("old_code and old_name"), "{err}");
}

#[test]
fn order_of_input_does_not_matter() {
    let [a, _, c] = sample_snapshots();
    let mut a_rev = a.clone();
    a_rev.reverse();
    let mut c_rot = c.clone();
    c_rot.rotate_left(5);
    assert_eq!(
        diff_lists(&a, &c).unwrap(),
        diff_lists(&a_rev, &c_rot).unwrap()
    );
}

/// The package directory, read at run time (cargo sets it for tests, benches and examples):
/// the compile-time value is stale when a build directory is shared between checkouts.
fn manifest_dir() -> String {
    std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
}
