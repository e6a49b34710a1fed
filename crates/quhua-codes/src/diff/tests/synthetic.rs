//! Synthetic cases: renames, permutations, type changes, renumbering,
//! one-sided units, revoked marks, publisher spellings, errors.

use super::{e, print, s, summary};
use crate::diff::*;

#[test]
fn pure_renames() {
    let old = [
        e("360781203", "岗面乡"),
        e("360781204", "某某乡"),
        e("410823108", "圪当店镇"),
        e("371721114", "安才楼镇"),
        e("120119203", "孙各庄乡"),
        e("120119204", "大河乡"),
    ];
    let new = [
        e("360781203", "冈面乡"),
        e("360781204", "某某乡"),
        e("410823108", "圪垱店镇"),
        e("371721114", "安蔡楼镇"),
        e("120119203", "孙各庄满族乡"),
        e("120119204", "新华乡"),
    ];
    let events = diff_lists(&old, &new).unwrap();
    print(&events);
    assert_eq!(
        summary(&events),
        [
            (ChangeKind::Renamed, s("120119203"), s("120119203")),
            (ChangeKind::Renamed, s("120119204"), s("120119204")),
            (ChangeKind::Renamed, s("360781203"), s("360781203")),
            (ChangeKind::Renamed, s("371721114"), s("371721114")),
            (ChangeKind::Renamed, s("410823108"), s("410823108")),
        ]
    );
    let conf: Vec<f64> = events.iter().map(|ev| ev.confidence).collect();
    // The variant names are surer renames than 大河乡 → 新华乡.
    assert_eq!(conf, [0.95, 0.6, 0.9, 0.9, 0.9]);
}

#[test]
fn kaiping_permutation_is_three_recodings() {
    let old = [
        e("130205100", "开平镇"),
        e("130205102", "郑庄子镇"),
        e("130205104", "洼里镇"),
        e("130205105", "越河镇"),
    ];
    let new = [
        e("130205100", "开平镇"),
        e("130205102", "越河镇"),
        e("130205104", "郑庄子镇"),
        e("130205105", "洼里镇"),
    ];
    let events = diff_lists(&old, &new).unwrap();
    print(&events);
    assert_eq!(
        summary(&events),
        [
            (ChangeKind::Recoded, s("130205102"), s("130205104")),
            (ChangeKind::Recoded, s("130205104"), s("130205105")),
            (ChangeKind::Recoded, s("130205105"), s("130205102")),
        ]
    );
    assert!(
        events
            .iter()
            .all(|ev| ev.old.as_ref().unwrap().name == ev.new.as_ref().unwrap().name)
    );
    assert!(events[0].evidence.contains("旧码102在新表中为“越河镇”"));
}

#[test]
fn zhen_to_jiedao_and_xiang_to_jiedao() {
    let old = [
        e("630203001", "城中街道"),
        e("630203101", "小峡镇"),
        e("411603001", "东城街道"),
        e("411603204", "王店乡"),
    ];
    let new = [
        e("630203001", "城中街道"),
        e("630203002", "小峡街道"),
        e("411603001", "东城街道"),
        e("411603002", "王店街道"),
    ];
    let events = diff_lists(&old, &new).unwrap();
    print(&events);
    assert_eq!(
        summary(&events),
        [
            (ChangeKind::XiangToJiedao, s("411603204"), s("411603002")),
            (ChangeKind::ZhenToJiedao, s("630203101"), s("630203002")),
        ]
    );
    assert!(events.iter().all(|ev| ev.confidence >= 0.9));
    assert!(events[1].evidence.contains("新码002在街道号段（001–099）"));
}

#[test]
fn first_jiedao_of_a_county() {
    let old = [e("130634100", "恒州镇"), e("130634101", "灵山镇")];
    let new = [e("130634001", "恒州街道"), e("130634101", "灵山镇")];
    let events = diff_lists(&old, &new).unwrap();
    assert_eq!(
        summary(&events),
        [(ChangeKind::ZhenToJiedao, s("130634100"), s("130634001"))]
    );
    assert!(events[0].evidence.contains("为该县街道号段第一个号"));
    assert!((events[0].confidence - 0.95).abs() < 1e-9);
}

#[test]
fn renumbered_county() {
    // 梅州 (4414xx): the whole county renumbered, 蕉城镇 115 → 100.
    let names = ["甲镇", "乙镇", "丙镇", "丁镇"];
    let mut old: Vec<ListEntry> = names
        .iter()
        .enumerate()
        .map(|(k, n)| e(&format!("441427{:03}", 101 + k), n))
        .collect();
    old.push(e("441427115", "蕉城镇"));
    old.push(e("441427200", "某乡"));
    let mut new = vec![e("441427100", "蕉城镇")];
    new.extend(
        names
            .iter()
            .enumerate()
            .map(|(k, n)| e(&format!("441427{:03}", 102 + k), n)),
    );
    new.push(e("441427200", "某乡"));
    let events = diff_lists(&old, &new).unwrap();
    print(&events);
    assert_eq!(events.len(), 5);
    assert!(events.iter().all(|ev| ev.kind == ChangeKind::Recoded));
    let jiaocheng = events
        .iter()
        .find(|ev| ev.new.as_ref().unwrap().name == "蕉城镇")
        .unwrap();
    assert_eq!(jiaocheng.old.as_ref().unwrap().code.short(), "441427115");
    assert_eq!(jiaocheng.new.as_ref().unwrap().code.short(), "441427100");
}

#[test]
fn unit_in_one_list_only() {
    let old = [e("130634100", "恒州镇"), e("130634200", "路庄子乡")];
    let new = [e("130634100", "恒州镇"), e("130634110", "新建镇")];
    let events = diff_lists(&old, &new).unwrap();
    print(&events);
    // 路庄子乡 → 新建镇 is the only 乡→镇 pair left over, so it is a weak type change;
    // without a plausible pairing the units are 撤销 and 新设.
    assert_eq!(
        summary(&events),
        [(ChangeKind::XiangToZhen, s("130634200"), s("130634110"))]
    );

    let old = [e("130634100", "恒州镇"), e("130634200", "路庄子乡")];
    let new = [
        e("130634100", "恒州镇"),
        e("130634001", "新城街道"),
        e("130634002", "新区街道"),
    ];
    let events = diff_lists(&old, &new).unwrap();
    print(&events);
    assert_eq!(
        summary(&events),
        [
            (ChangeKind::Established, None, s("130634001")),
            (ChangeKind::Established, None, s("130634002")),
            (ChangeKind::Abolished, s("130634200"), None),
        ]
    );
    assert!(events.iter().all(|ev| (0.5..=0.7).contains(&ev.confidence)));

    let only_old = diff_lists(&[e("130634400", "经济开发区")], &[]).unwrap();
    assert_eq!(
        summary(&only_old),
        [(ChangeKind::Abolished, s("130634400"), None)]
    );
    assert!((only_old[0].confidence - 0.5).abs() < 1e-9);
    assert!(only_old[0].evidence.contains("类似乡级单位"));
}

#[test]
fn revoked_marks_count_as_absent() {
    let old = [e("130634100", "恒州镇"), e("130634205", "东旺乡")];
    let new = [e("130634100", "恒州镇"), e("130634205", "东旺乡（已撤销）")];
    let events = diff_lists(&old, &new).unwrap();
    assert_eq!(
        summary(&events),
        [(ChangeKind::Abolished, s("130634205"), None)]
    );
    assert!((events[0].confidence - 0.9).abs() < 1e-9);
    assert!(events[0].evidence.contains("新表将其标注为撤销"));
    // A revoked entry may share its code with a current one.
    let new = [
        e("130634205", "东旺乡（2021年撤销）"),
        e("130634205", "东旺镇"),
    ];
    assert!(diff_lists(&old, &new).is_ok());
}

#[test]
fn publisher_spellings() {
    let old = [
        e("110105021", "南磨房地区"),
        e("150521403", "保康街道办事处"),
    ];
    let new = [e("110105021", "南磨房乡"), e("150521403", "保康街道")];
    let events = diff_lists(&old, &new).unwrap();
    print(&events);
    assert_eq!(
        summary(&events),
        [(ChangeKind::Renamed, s("110105021"), s("110105021"))]
    );
    assert!((events[0].confidence - 0.7).abs() < 1e-9);
}

#[test]
fn transfer_between_counties() {
    let old = [e("130602100", "甲镇"), e("130603100", "乙镇")];
    let new = [e("130603100", "乙镇"), e("130603101", "甲镇")];
    let events = diff_lists(&old, &new).unwrap();
    assert_eq!(
        summary(&events),
        [(ChangeKind::Other, s("130602100"), s("130603101"))]
    );
    assert!(events[0].evidence.contains("隶属关系变更"));
}

#[test]
fn duplicate_code_is_an_error() {
    let old = [e("130634201", "下河乡"), e("130634201", "上河乡")];
    let err = diff_lists(&old, &[]).unwrap_err();
    assert!(matches!(
        err,
        DiffError::DuplicateCode {
            side: ListSide::Old,
            ..
        }
    ));
    let msg = err.to_string();
    assert!(msg.starts_with("旧表中代码 130634201 重复"), "{msg}");
    assert!(msg.contains("下河乡") && msg.contains("上河乡"));
    assert!(
        msg.contains(" / duplicate code 130634201 in the old list"),
        "{msg}"
    );
    let err = diff_lists(&[], &old).unwrap_err();
    assert!(matches!(
        err,
        DiffError::DuplicateCode {
            side: ListSide::New,
            ..
        }
    ));
    assert!(err.to_string().contains("in the new list"), "{err}");
}

#[test]
fn mixed_levels_never_match_across_levels() {
    // The NBS township list carries 金门县 350527000 as a placeholder row.
    let old = [
        e("350527", "金门县"),
        e("350527100", "金城镇"),
        e("130634201", "下河乡"),
    ];
    let new = [e("350527", "金门县"), e("130634201203", "下河村")];
    let events = diff_lists(&old, &new).unwrap();
    assert_eq!(
        summary(&events),
        [
            (ChangeKind::Abolished, s("130634201"), None),
            (ChangeKind::Established, None, s("130634201203")),
            (ChangeKind::Abolished, s("350527100"), None),
        ]
    );
}

#[test]
fn empty_names_are_errors() {
    let err = diff_lists(&[e("130634201", "  ")], &[]).unwrap_err();
    assert!(matches!(err, DiffError::EmptyName { .. }));
}

#[test]
fn other_levels_work_too() {
    let old = [e("130634", "曲阳县"), e("130635", "蠡县")];
    let new = [e("130634", "曲阳县"), e("130635", "蠡州县")];
    let events = diff_lists(&old, &new).unwrap();
    assert_eq!(
        summary(&events),
        [(ChangeKind::Renamed, s("130635"), s("130635"))]
    );
}

#[test]
fn permutation_with_a_leftover() {
    // 大庆让胡路区 230604: 010 旭园→庆新, 014 创业城→旭园 (codes.md §4.2).
    let old = [e("230604010", "旭园街道"), e("230604014", "创业城街道")];
    let new = [e("230604010", "庆新街道"), e("230604014", "旭园街道")];
    let events = diff_lists(&old, &new).unwrap();
    print(&events);
    assert_eq!(
        summary(&events),
        [
            (ChangeKind::Established, None, s("230604010")),
            (ChangeKind::Recoded, s("230604010"), s("230604014")),
            (ChangeKind::Abolished, s("230604014"), None),
        ]
    );
    assert!(
        events[2]
            .evidence
            .contains("其代码014在新表中为“旭园街道”，该条目已另行配对")
    );
}

#[test]
fn ambiguous_leftover_type_changes_stay_unpaired() {
    let old = [
        e("130634100", "恒州镇"),
        e("130634201", "甲乡"),
        e("130634202", "乙乡"),
    ];
    let new = [
        e("130634100", "恒州镇"),
        e("130634101", "丙镇"),
        e("130634102", "丁镇"),
    ];
    let events = diff_lists(&old, &new).unwrap();
    assert_eq!(
        summary(&events),
        [
            (ChangeKind::Established, None, s("130634101")),
            (ChangeKind::Established, None, s("130634102")),
            (ChangeKind::Abolished, s("130634201"), None),
            (ChangeKind::Abolished, s("130634202"), None),
        ]
    );
    // Both new codes continue the 镇 range: next free numbers.
    assert!(
        events[..2]
            .iter()
            .all(|ev| (ev.confidence - 0.7).abs() < 1e-9)
    );
}

#[test]
fn leftover_pair_needs_both_kinds_from_the_names() {
    // "青石" has no suffix: its kind (镇) is only inferred from the code range, so the last
    // 乡 and the last new entry are not proposed as 撤乡设镇.
    let old = [e("360781100", "某镇"), e("360781203", "岗面乡")];
    let new = [e("360781100", "某镇"), e("360781104", "青石")];
    let events = diff_lists(&old, &new).unwrap();
    assert_eq!(
        summary(&events),
        [
            (ChangeKind::Established, None, s("360781104")),
            (ChangeKind::Abolished, s("360781203"), None),
        ]
    );
    // With both kinds read from the names, the same pair is the county's left-over 撤乡设镇.
    let new = [e("360781100", "某镇"), e("360781104", "青石镇")];
    let events = diff_lists(&old, &new).unwrap();
    assert_eq!(
        summary(&events),
        [(ChangeKind::XiangToZhen, s("360781203"), s("360781104"))]
    );
}

#[test]
fn transfer_evidence_names_the_level() {
    let events = diff_lists(
        &[e("130602100", "甲镇"), e("130603100", "乙镇")],
        &[e("130603100", "乙镇"), e("130603101", "甲镇")],
    )
    .unwrap();
    assert!(
        events[0].evidence.contains("两个县各有一个同名“甲镇”")
            && events[0].evidence.contains("two counties of 1306"),
        "{}",
        events[0].evidence
    );
    // Villages moved between townships: the parents are townships, not counties.
    let events = diff_lists(
        &[e("130634100201", "甲村"), e("130634101201", "乙村")],
        &[e("130634101201", "乙村"), e("130634101202", "甲村")],
    )
    .unwrap();
    assert!(
        events[0].evidence.contains("两个上级各有一个同名“甲村”"),
        "{}",
        events[0].evidence
    );
}

#[test]
fn among_pairs_of_one_tier_the_more_confident_wins() {
    // 下河乡 shares its stem with 下河街道 (003) and 下河镇 (101): two SameStem pairs. The
    // code order alone would pick 003; the confidence must decide (101 is the next free 镇
    // number, 003 skips 001 and 002).
    let old = [e("130634100", "恒州镇"), e("130634201", "下河乡")];
    let jiedao = e("130634003", "下河街道");
    let zhen = e("130634101", "下河镇");
    let alone = |n: &ListEntry| {
        let events = diff_lists(&old, &[e("130634100", "恒州镇"), n.clone()]).unwrap();
        assert_eq!(events.len(), 1, "{events:?}");
        events[0].confidence
    };
    let (c_jiedao, c_zhen) = (alone(&jiedao), alone(&zhen));
    assert!(c_zhen > c_jiedao, "{c_zhen} vs {c_jiedao}");
    let events = diff_lists(&old, &[e("130634100", "恒州镇"), jiedao, zhen]).unwrap();
    assert_eq!(
        summary(&events),
        [
            (ChangeKind::Established, None, s("130634003")),
            (ChangeKind::XiangToZhen, s("130634201"), s("130634101")),
        ]
    );
}

#[test]
fn a_district_office_or_a_farm_becoming_a_town_is_not_chexiang_shezhen() {
    // 区公所 → 镇 with the same stem: a change of 建制, but not 撤乡设镇.
    let events = diff_lists(
        &[e("511234100", "乙镇"), e("511234201", "甲区公所")],
        &[e("511234100", "乙镇"), e("511234101", "甲镇")],
    )
    .unwrap();
    assert_eq!(
        summary(&events),
        [(ChangeKind::Other, s("511234201"), s("511234101"))]
    );
    // A farm's name is its own stem; as the county's only left-over pair it is still not
    // proposed as a 撤乡设镇.
    let events = diff_lists(
        &[e("511234100", "乙镇"), e("511234401", "红星农场")],
        &[e("511234100", "乙镇"), e("511234101", "红星镇")],
    )
    .unwrap();
    assert_eq!(
        summary(&events),
        [
            (ChangeKind::Established, None, s("511234101")),
            (ChangeKind::Abolished, s("511234401"), None),
        ]
    );
}

#[test]
fn type_change_evidence_in_both_languages() {
    // 甲镇 101 became a 街道, so the 镇 range's old maximum (101) is gone from the new list;
    // 丙乡 takes 102, the next free 镇 number after it.
    let old = [
        e("130634100", "恒州镇"),
        e("130634101", "甲镇"),
        e("130634201", "丙乡"),
    ];
    let new = [
        e("130634100", "恒州镇"),
        e("130634001", "甲街道"),
        e("130634102", "丙镇"),
    ];
    let events = diff_lists(&old, &new).unwrap();
    print(&events);
    let ev = events
        .iter()
        .find(|ev| ev.kind == ChangeKind::XiangToZhen)
        .unwrap();
    assert_eq!(
        ev.evidence,
        "同县（130634）名称主干“丙”相同（“丙乡”→“丙镇”），建制由乡变为镇，旧码201（乡）停用，\
         新码102在镇号段（100–199），为该县镇号段下一个空号（原最大101） / \
         same county 130634, same stem “丙” (“丙乡” → “丙镇”); kind changed from township to town; \
         old code 201 (乡) retired; new code 102 in the town range 100–199; \
         the county's next free town number (previous maximum 101)"
    );
}

#[test]
fn filling_a_gap_is_not_the_next_free_number() {
    // 101 was free below the old maximum 102: in range, but not the next free number.
    let old = [
        e("130634100", "恒州镇"),
        e("130634102", "甲镇"),
        e("130634201", "丙乡"),
    ];
    let new = [
        e("130634100", "恒州镇"),
        e("130634102", "甲镇"),
        e("130634101", "丙镇"),
    ];
    let events = diff_lists(&old, &new).unwrap();
    assert_eq!(events.len(), 1);
    assert!(
        !events[0].evidence.contains("空号"),
        "{}",
        events[0].evidence
    );
    let next = diff_lists(
        &old,
        &[
            e("130634100", "恒州镇"),
            e("130634102", "甲镇"),
            e("130634103", "丙镇"),
        ],
    )
    .unwrap();
    assert!(
        (next[0].confidence - events[0].confidence - 0.05).abs() < 1e-9,
        "{} vs {}",
        next[0].confidence,
        events[0].confidence
    );
}

#[test]
fn a_kind_read_only_from_the_range_is_not_a_change_of_kind() {
    // "甲" carries no suffix: in the 400 range it reads as 类似乡级单位, against 甲乡 read
    // from its name. Same code, same stem: a spelling, not a change of 建制.
    let events = diff_lists(&[e("130634401", "甲乡")], &[e("130634401", "甲")]).unwrap();
    assert_eq!(events.len(), 1);
    assert!(
        events[0].evidence.contains("一方类型只能由号段推断"),
        "{}",
        events[0].evidence
    );
}

#[test]
fn village_evidence_names_the_township_as_the_parent() {
    let events = diff_lists(&[e("130634100201", "甲村")], &[e("130634100201", "青石村")]).unwrap();
    assert!(
        events[0].evidence.starts_with("同一上级（130634100）")
            && events[0].evidence.contains("same parent 130634100"),
        "{}",
        events[0].evidence
    );
}
