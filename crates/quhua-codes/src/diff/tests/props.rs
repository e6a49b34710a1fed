//! Property tests: self-diffs are empty; random renames and permutations are
//! found exactly.

use crate::DivisionCode;
use crate::diff::*;
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Stem characters of generated names, and of the fresh names renames use:
/// disjoint, and free of kind suffixes.
const STEM_CHARS: [char; 12] = [
    '东', '西', '南', '北', '山', '河', '石', '桥', '林', '田', '沟', '庄',
];
const FRESH_CHARS: [char; 8] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛'];

fn suffix_for(seq: u16) -> &'static str {
    match seq {
        1..=99 => "街道",
        100..=199 => "镇",
        200..=399 => "乡",
        _ => "农场",
    }
}

fn fresh_stem(k: usize) -> String {
    (0..4).map(|d| FRESH_CHARS[(k >> (3 * d)) & 7]).collect()
}

/// Random lists: up to three counties, each with distinct township numbers.
fn arb_list() -> impl Strategy<Value = Vec<ListEntry>> {
    prop::collection::vec(
        (
            0u64..3,
            prop::collection::btree_map(1u16..600, prop::collection::vec(0usize..12, 1..4), 0..25),
        ),
        1..4,
    )
    .prop_map(|counties| {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (c, units) in counties {
            if !seen.insert(c) {
                continue;
            }
            let county = DivisionCode::parse(&format!("1306{:02}", 31 + c)).unwrap();
            for (seq, stem) in units {
                let name: String =
                    stem.iter().map(|&i| STEM_CHARS[i]).collect::<String>() + suffix_for(seq);
                out.push(ListEntry::new(
                    DivisionCode::township(county, seq).unwrap(),
                    name,
                ));
            }
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_list_against_itself_is_empty(list in arb_list()) {
        prop_assert!(diff_lists(&list, &list).unwrap().is_empty());
    }

    #[test]
    fn random_renames_are_found_exactly(list in arb_list(), picks in prop::collection::vec(any::<bool>(), 80)) {
        let mut new = list.clone();
        let mut expected = Vec::new();
        for (k, entry) in new.iter_mut().enumerate() {
            if picks.get(k).copied().unwrap_or(false) {
                let before = entry.clone();
                entry.name = fresh_stem(k) + suffix_for(entry.code.township_seq());
                expected.push((before, entry.clone()));
            }
        }
        expected.sort_by_key(|(o, _)| (o.code.parent(), o.code));
        let events = diff_lists(&list, &new).unwrap();
        let got: Vec<(ListEntry, ListEntry)> = events
            .iter()
            .map(|ev| {
                assert_eq!(ev.kind, ChangeKind::Renamed, "{ev:?}");
                assert!((0.0..=1.0).contains(&ev.confidence));
                (ev.old.clone().unwrap(), ev.new.clone().unwrap())
            })
            .collect();
        prop_assert_eq!(got, expected);
    }

    #[test]
    fn random_permutations_within_a_range_are_recodings(
        n in 2usize..12,
        rotate in 1usize..11,
        base in 100u16..150,
    ) {
        // Unique names at consecutive 镇 numbers, then every name moves `rotate` places.
        let county = DivisionCode::parse("130205").unwrap();
        let names: Vec<String> = (0..n).map(|k| fresh_stem(k) + "镇").collect();
        let code = |k: usize| DivisionCode::township(county, base + k as u16).unwrap();
        let old: Vec<ListEntry> = (0..n).map(|k| ListEntry::new(code(k), names[k].clone())).collect();
        let new: Vec<ListEntry> = (0..n)
            .map(|k| ListEntry::new(code((k + rotate) % n), names[k].clone()))
            .collect();
        let moved = if rotate % n == 0 { 0 } else { n };
        let events = diff_lists(&old, &new).unwrap();
        prop_assert_eq!(events.len(), moved);
        for ev in &events {
            prop_assert_eq!(ev.kind, ChangeKind::Recoded);
            prop_assert_eq!(&ev.old.as_ref().unwrap().name, &ev.new.as_ref().unwrap().name);
        }
    }
}
