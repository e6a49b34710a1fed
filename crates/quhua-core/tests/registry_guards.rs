//! Every guard of a registry change, one case each on a small county: the refusal names what
//! is wrong and changes nothing, and the allowed neighbour of each case is recorded.

use quhua_core::date::Date;
use quhua_core::event::ChangeRequest;
use quhua_core::registry::{RawUnit, Registry, RegistryBuilder};
use quhua_core::unit::{Flags, Seat, UnitId};
use quhua_core::{DivisionCode, TownshipKind, UnitKind, VillageKind};

/// A township of the fixture: code, name, 历史文化名镇, villages (number, name, kind).
type Town = (
    &'static str,
    &'static str,
    bool,
    &'static [(&'static str, &'static str, VillageKind)],
);

/// 保定市 with 测试县 (130634) and 邻县 (130635). In 测试县: 甲镇 100 (历史文化名镇, seat
/// 甲一村) with 甲一村 200 and 甲二村 201; 乙镇 101 with 乙一村 200 and 乙社区 001 (a
/// 居委会; no seat on record); 丙乡 200 (seat 丙一村) with 丙一村 200, 丙二村 201, 丙三村 202. In 邻县: 邻镇 100.
fn county() -> Registry {
    let code = |c: &str| DivisionCode::parse(c).unwrap();
    let mut b = RegistryBuilder::new();
    b.push(RawUnit::new(code("1306"), "保定市", None));
    b.push(RawUnit::new(code("130634"), "测试县", Some(code("1306"))));
    b.push(RawUnit::new(code("130635"), "邻县", Some(code("1306"))));
    let towns: [Town; 4] = [
        (
            "130634100",
            "甲镇",
            true,
            &[
                ("200", "甲一村", VillageKind::Villagers),
                ("201", "甲二村", VillageKind::Villagers),
            ],
        ),
        (
            "130634101",
            "乙镇",
            false,
            &[
                ("200", "乙一村", VillageKind::Villagers),
                ("001", "乙社区", VillageKind::Residents),
            ],
        ),
        (
            "130634200",
            "丙乡",
            false,
            &[
                ("200", "丙一村", VillageKind::Villagers),
                ("201", "丙二村", VillageKind::Villagers),
                ("202", "丙三村", VillageKind::Villagers),
            ],
        ),
        (
            "130635100",
            "邻镇",
            false,
            &[("200", "邻村", VillageKind::Villagers)],
        ),
    ];
    let mut row = 3u32;
    for (tcode, name, historic, villages) in towns {
        let t = code(tcode);
        let mut town = RawUnit::new(t, name, Some(t.parent().unwrap()));
        town.flags = Flags {
            historic,
            ..Flags::default()
        };
        // 乙镇 has no seat on record.
        town.seat = (name != "乙镇").then_some(Seat {
            village: Some(UnitId(row + 1)),
            point: None,
        });
        b.push(town);
        row += 1;
        for (seq, vname, kind) in villages {
            let mut v = RawUnit::new(
                DivisionCode::village(t, seq.parse().unwrap()).unwrap(),
                *vname,
                Some(t),
            );
            v.kind = Some(UnitKind::Village(*kind));
            b.push(v);
            row += 1;
        }
    }
    b.build(day(1)).unwrap().0
}

fn day(d: u32) -> Date {
    Date::from_ymd_opt(2025, 1, d).unwrap()
}

fn id(reg: &Registry, code: &str) -> UnitId {
    reg.unit_by_code(DivisionCode::parse(code).unwrap())
        .unwrap()
}

fn code_now(reg: &Registry, unit: UnitId) -> String {
    reg.current(unit).unwrap().code.short()
}

/// Applies `req`; on refusal checks the registry is unchanged and returns the message.
fn apply(reg: &mut Registry, req: ChangeRequest) -> Result<(), String> {
    let before = serde_json::to_string(&*reg).unwrap();
    match reg.apply(req, day(2), "冀政字〔2025〕9号") {
        Ok(_) => Ok(()),
        Err(e) => {
            assert_eq!(serde_json::to_string(&*reg).unwrap(), before, "{e}");
            Err(e.to_string())
        }
    }
}

fn refused(reg: &mut Registry, req: ChangeRequest, says: &str) {
    match apply(reg, req) {
        Ok(()) => panic!("accepted; expected “{says}”"),
        Err(msg) => assert!(msg.contains(says), "{msg}"),
    }
}

#[test]
fn conversion_keeps_the_historic_flag_only_with_the_name() {
    let mut reg = county();
    let jia = id(&reg, "130634100");
    let to_street = |name: Option<&str>| ChangeRequest::Convert {
        unit: jia,
        to: TownshipKind::Subdistrict,
        name: name.map(str::to_string),
        code: None,
    };
    apply(&mut reg, to_street(None)).unwrap();
    let new = reg.events()[0].established().next().unwrap();
    assert_eq!(new.name, "甲街道");
    assert!(!new.flags.historic);
    let mut reg = county();
    apply(&mut reg, to_street(Some("甲镇"))).unwrap();
    assert!(reg.events()[0].established().next().unwrap().flags.historic);
}

#[test]
fn renames_need_a_new_non_empty_name() {
    let mut reg = county();
    let yi = id(&reg, "130634101");
    let rename = |name: &str| ChangeRequest::Rename {
        unit: yi,
        name: name.into(),
    };
    refused(&mut reg, rename("  "), "新名称为空或与原名相同");
    refused(&mut reg, rename("乙镇"), "新名称为空或与原名相同");
    apply(&mut reg, rename(" 乙城镇 ")).unwrap();
    assert_eq!(reg.current(yi).unwrap().name, "乙城镇");
}

#[test]
fn a_seat_moves_only_to_a_village_of_the_unit() {
    let mut reg = county();
    let jia = id(&reg, "130634100");
    let seat = |v: UnitId| ChangeRequest::SeatMove {
        unit: jia,
        seat: Seat {
            village: Some(v),
            point: None,
        },
    };
    let elsewhere = id(&reg, "130634101200");
    refused(&mut reg, seat(elsewhere), "不在 ");
    let jia2 = id(&reg, "130634100201");
    apply(&mut reg, seat(jia2)).unwrap();
    assert_eq!(
        reg.current(jia)
            .unwrap()
            .seat
            .as_ref()
            .and_then(|s| s.village),
        Some(jia2)
    );
}

#[test]
fn village_transfers_refuse_repeats_own_villages_seats_and_emptying() {
    let mut reg = county();
    let (jia, bing) = (id(&reg, "130634100"), id(&reg, "130634200"));
    let (b1, b2, b3) = (
        id(&reg, "130634200200"),
        id(&reg, "130634200201"),
        id(&reg, "130634200202"),
    );
    let transfer =
        |villages: Vec<UnitId>, to: UnitId| ChangeRequest::VillageTransfer { villages, to };
    refused(&mut reg, transfer(vec![b2, b2], jia), "重复列出");
    refused(&mut reg, transfer(vec![b2], bing), "已属于");
    refused(&mut reg, transfer(vec![b1], jia), "须先迁移驻地");
    let next_county = id(&reg, "130635100200");
    refused(&mut reg, transfer(vec![next_county], jia), "跨县");
    // Two of 丙乡's three villages: one lineage edge carrying both, new numbers under 甲镇
    // (its 200 and 201 are taken: the next free ones).
    apply(&mut reg, transfer(vec![b2, b3], jia)).unwrap();
    let e = &reg.events()[0];
    assert_eq!(e.lineage.len(), 1);
    assert_eq!((e.lineage[0].from, e.lineage[0].to), (bing, jia));
    assert_eq!(e.lineage[0].villages, [b2, b3]);
    assert_eq!(
        (code_now(&reg, b2), code_now(&reg, b3)),
        ("130634100202".into(), "130634100203".into())
    );
    // All of a township's villages cannot leave (乙镇 has no seat to stop it earlier).
    let mut reg = county();
    let yis = vec![id(&reg, "130634101200"), id(&reg, "130634101001")];
    refused(&mut reg, transfer(yis, jia), "的全部村将被划出");
}

#[test]
fn merged_villages_keep_their_number_and_range_where_free() {
    let mut reg = county();
    let (jia, yi, bing) = (
        id(&reg, "130634100"),
        id(&reg, "130634101"),
        id(&reg, "130634200"),
    );
    let she = id(&reg, "130634101001");
    let yi1 = id(&reg, "130634101200");
    // 乙镇 into 丙乡: the 居委会 keeps 001 (the 居委会 range), 乙一村's 200 is taken by 丙一村.
    apply(
        &mut reg,
        ChangeRequest::AbolishMerge {
            abolished: yi,
            into: bing,
        },
    )
    .unwrap();
    assert_eq!(code_now(&reg, she), "130634200001");
    assert_eq!(code_now(&reg, yi1), "130634200203");
    // 甲镇 into 丙乡 the same way: 甲二村's 201 is taken too.
    let jia2 = id(&reg, "130634100201");
    apply(
        &mut reg,
        ChangeRequest::AbolishMerge {
            abolished: jia,
            into: bing,
        },
    )
    .unwrap();
    assert_eq!(code_now(&reg, jia2), "130634200205");
}

#[test]
fn a_change_of_superior_needs_another_county() {
    let mut reg = county();
    let (bing, home, other) = (
        id(&reg, "130634200"),
        id(&reg, "130634"),
        id(&reg, "130635"),
    );
    let move_to = |parent: UnitId| ChangeRequest::ChangeSuperior { unit: bing, parent };
    refused(&mut reg, move_to(home), "新上级与原上级相同");
    let town = id(&reg, "130634100");
    refused(&mut reg, move_to(town), "县级");
    apply(&mut reg, move_to(other)).unwrap();
    assert_eq!(code_now(&reg, bing), "130635200");
    assert_eq!(reg.current(bing).unwrap().parent, Some(other));
    assert_eq!(code_now(&reg, id(&reg, "130634200202")), "130635200202");
}

#[test]
fn an_explicit_code_must_be_a_township_code_of_the_county() {
    let mut reg = county();
    let bing = id(&reg, "130634200");
    let convert = |code: &str| ChangeRequest::Convert {
        unit: bing,
        to: TownshipKind::Town,
        name: None,
        code: Some(DivisionCode::parse(code).unwrap()),
    };
    refused(&mut reg, convert("130635105"), "不是 ");
    refused(&mut reg, convert("130634100203"), "不是 ");
    apply(&mut reg, convert("130634105")).unwrap();
    assert_eq!(
        code_now(&reg, reg.events()[0].established().next().unwrap().id),
        "130634105"
    );
}

#[test]
fn units_of_the_wrong_level_twice_listed_or_with_a_taken_name_are_refused() {
    let mut reg = county();
    let (jia, yi, bing) = (
        id(&reg, "130634100"),
        id(&reg, "130634101"),
        id(&reg, "130634200"),
    );
    // A township where a village is expected, and the reverse.
    refused(
        &mut reg,
        ChangeRequest::VillageTransfer {
            villages: vec![yi],
            to: jia,
        },
        "村级",
    );
    let village = id(&reg, "130634200201");
    refused(
        &mut reg,
        ChangeRequest::AbolishMerge {
            abolished: village,
            into: jia,
        },
        "乡级",
    );
    let merge_new = |abolished: Vec<UnitId>, name: &str| ChangeRequest::MergeEstablish {
        abolished,
        name: name.into(),
        kind: TownshipKind::Town,
        seat: None,
        code: None,
    };
    refused(&mut reg, merge_new(vec![yi, yi], "新镇"), "重复列出");
    // 甲镇 stays, so its name is taken; the names of the merged units are free.
    refused(
        &mut reg,
        merge_new(vec![yi, bing], "甲镇"),
        "县内已有同名单位",
    );
    refused(&mut reg, merge_new(vec![yi, bing], " "), "名称不能为空");
    apply(&mut reg, merge_new(vec![yi, bing], "乙镇")).unwrap();
    let rename = ChangeRequest::Rename {
        unit: jia,
        name: "乙镇".into(),
    };
    refused(&mut reg, rename, "县内已有同名单位");
}
