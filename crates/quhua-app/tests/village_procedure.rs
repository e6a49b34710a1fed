//! The demo's village adjustment (村级建制调整) through its own procedure: the township
//! proposes, the 村民会议 of every village concerned is recorded with attendance and votes, a
//! village that did not agree stops both the assembly step and the county government's
//! approval (named), the county approves with its 文号, and the plan is applied: villages
//! merged, 撤村设居, codes assigned from the 居委会 and 村委会 ranges, the old ones retired.

use quhua_app::access::{Actor, Jurisdiction, Role};
use quhua_app::plans::{
    self, Approval, AssemblyKind, AssemblyRecord, ConsultationEntry, Meeting, SchemeSource,
};
use quhua_app::upload::Upload;
use quhua_app::{App, ErrorKind, imports};
use quhua_core::date::{Date, parse_date};
use quhua_core::{DivisionCode, Level};

fn actor(name: &str, role: Role, jurisdiction: &str) -> Actor {
    Actor {
        name: name.into(),
        role: Some(role),
        jurisdiction: Jurisdiction::parse(jurisdiction, role).unwrap(),
        department: None,
        org: None,
    }
}

fn d(s: &str) -> Date {
    parse_date(s).unwrap()
}

fn vote(village: &str, date: &str, present: u32, yes: u32) -> AssemblyRecord {
    AssemblyRecord {
        village: village.into(),
        village_name: String::new(),
        kind: AssemblyKind::RepresentativesMeeting,
        date: d(date),
        entitled: 30,
        present,
        votes_for: yes,
        votes_against: present - yes,
        abstentions: 0,
        minutes: None,
        recorded_by: String::new(),
    }
}

fn text(name: &str) -> Upload {
    Upload {
        name: name.into(),
        bytes: "示意材料".as_bytes().to_vec(),
    }
}

#[test]
fn a_village_scheme_goes_from_the_assemblies_through_county_approval_to_the_registry() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&format!("sqlite:{}", dir.path().join("v.db").display())).unwrap();
    imports::demo(&app, &Actor::operator("tester")).unwrap();
    let county = actor("quyang", Role::CountyEditor, "130634");
    let province = actor("hebei", Role::ProvinceApprover, "13");
    let id = plans::submit(
        &app,
        &county,
        &SchemeSource::Text(quhua_demo::VILLAGE_SCENARIO.into()),
        "village",
        d("2026-03-01"),
    )
    .unwrap();
    plans::consult(
        &app,
        &county,
        id,
        ConsultationEntry::Meeting(Meeting {
            date: d("2026-03-05"),
            level: "村".into(),
            place: "恒州镇西旺片区".into(),
            participants: vec!["村民代表".into()],
            count: 40,
        }),
    )
    .unwrap();
    let summary = text("征求意见情况.txt");
    plans::complete_step(
        &app,
        &county,
        id,
        "consultation",
        d("2026-03-10"),
        Some(&summary),
        "",
    )
    .unwrap();
    let risk = text("风险评估报告.txt");
    plans::complete_step(
        &app,
        &county,
        id,
        "risk_assessment",
        d("2026-03-11"),
        Some(&risk),
        "",
    )
    .unwrap();
    let board = plans::board(&app, &county, id, d("2026-03-12")).unwrap();
    let concerned: Vec<String> = board
        .village_assent
        .iter()
        .map(|a| a.village.clone())
        .collect();
    assert_eq!(concerned.len(), 12, "{concerned:?}");
    assert!(board.documents.iter().any(|d| d.id == "village-list.xlsx"));
    assert!(board.permissions.record_assembly);
    // Every village agrees but 西邸村 (130634106201): 12 of 25 present is no majority.
    for v in &concerned {
        let (present, yes) = if v == "130634106201" {
            (25, 12)
        } else {
            (24, 20)
        };
        plans::record_assembly(&app, &county, id, vote(v, "2026-03-20", present, yes), None)
            .unwrap();
    }
    // A village the scheme does not concern, or an impossible count, is refused.
    let e = plans::record_assembly(
        &app,
        &county,
        id,
        vote("130634100200", "2026-03-20", 24, 20),
        None,
    )
    .unwrap_err();
    assert!(e.zh.contains("方案不涉及"), "{}", e.zh);
    let mut bad = vote(&concerned[0], "2026-03-21", 24, 20);
    bad.present = 31;
    assert!(plans::record_assembly(&app, &county, id, bad, None).is_err());
    // The assembly step and the approval both name the village that did not agree.
    let e = plans::complete_step(
        &app,
        &county,
        id,
        "villagers_meeting",
        d("2026-03-25"),
        None,
        "",
    )
    .unwrap_err();
    assert!(
        e.zh.contains("西邸村村民委员会") && e.zh.contains("未通过"),
        "{}",
        e.zh
    );
    let approval = Approval {
        document_no: "曲政字〔2026〕21号".into(),
        date: d("2026-04-01"),
        effective: d("2026-04-10"),
    };
    let e = plans::approve(&app, &county, id, approval.clone(), None).unwrap_err();
    assert!(
        e.zh.contains("西邸村村民委员会") || e.zh.contains("村民会议讨论同意"),
        "{}",
        e.zh
    );
    // The province does not approve a village adjustment: the county government does.
    let e = plans::approve(&app, &province, id, approval.clone(), None).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Forbidden, "{}", e.zh);
    // 西邸村 meets again and agrees; the later meeting counts.
    plans::record_assembly(
        &app,
        &county,
        id,
        vote("130634106201", "2026-03-28", 25, 19),
        None,
    )
    .unwrap();
    plans::complete_step(
        &app,
        &county,
        id,
        "villagers_meeting",
        d("2026-03-29"),
        None,
        "",
    )
    .unwrap();
    let board = plans::board(&app, &county, id, d("2026-03-30")).unwrap();
    assert!(board.village_assent.iter().all(|a| a.agreed));
    assert!(
        board.permissions.approve,
        "the county editor approves at the county step"
    );
    plans::approve(&app, &county, id, approval, None).unwrap();
    // The list put to the county government: every changed village with its assemblies.
    let list = plans::document(&app, &county, id, "village-list.xlsx").unwrap();
    assert!(
        list.name.ends_with("村级建制调整清单.xlsx"),
        "{}",
        list.name
    );
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(list.bytes)).unwrap();
    let sheet = calamine::Reader::worksheet_range(&mut wb, "村级建制调整清单").unwrap();
    let text: Vec<String> = sheet
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect();
    assert!(text.iter().any(|c| c == "西旺村民委员会"), "{text:?}");
    assert!(
        text.iter()
            .any(|c| c.contains("西邸村村民委员会") && c.contains("赞成 19/到会 25，同意")),
        "{text:?}"
    );
    // Applied on the effective date: 7 fewer villages, codes from the ranges, old ones retired.
    let before = app.registry().unwrap().as_of(d("2026-04-09"));
    plans::apply(&app, &county, id, d("2026-04-10")).unwrap();
    let reg = app.registry().unwrap();
    let after = reg.as_of(d("2026-04-10"));
    let villages = |s: &quhua_core::snapshot::Snapshot| {
        s.at_level(Level::Village)
            .filter(|v| v.code.is_within(DivisionCode::parse("130634").unwrap()))
            .count()
    };
    assert_eq!(villages(&before) - villages(&after), 7);
    let dongguan = after
        .units()
        .iter()
        .find(|u| u.name == "东关社区居民委员会")
        .unwrap();
    assert_eq!(dongguan.code.to_string(), "130634100010");
    assert!(
        after
            .by_code(DivisionCode::parse("130634100206").unwrap())
            .is_none()
    );
    assert!(
        reg.codes()
            .was_used(DivisionCode::parse("130634100206").unwrap())
    );
    let kinds: Vec<&str> = reg
        .events()
        .iter()
        .filter(|e| e.approval_no == "曲政字〔2026〕21号")
        .map(|e| e.kind.zh())
        .collect();
    assert!(
        kinds.contains(&"撤村设居") && kinds.contains(&"合并设立村") && kinds.contains(&"撤村并入"),
        "{kinds:?}"
    );
}

/// Takes a submitted village plan to where only the county's approval is missing.
fn ready_for_approval(app: &App, county: &Actor, id: i64) {
    plans::consult(
        app,
        county,
        id,
        ConsultationEntry::Meeting(Meeting {
            date: d("2026-03-05"),
            level: "村".into(),
            place: "恒州镇".into(),
            participants: vec!["村民代表".into()],
            count: 30,
        }),
    )
    .unwrap();
    for (step, file) in [
        ("consultation", "征求意见情况.txt"),
        ("risk_assessment", "风险评估报告.txt"),
    ] {
        plans::complete_step(
            app,
            county,
            id,
            step,
            d("2026-03-10"),
            Some(&text(file)),
            "",
        )
        .unwrap();
    }
    let board = plans::board(app, county, id, d("2026-03-12")).unwrap();
    for a in &board.village_assent {
        plans::record_assembly(
            app,
            county,
            id,
            vote(&a.village, "2026-03-20", 24, 20),
            None,
        )
        .unwrap();
    }
    plans::complete_step(
        app,
        county,
        id,
        "villagers_meeting",
        d("2026-03-25"),
        None,
        "",
    )
    .unwrap();
}

#[test]
fn one_county_decision_approves_several_village_plans_all_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&format!("sqlite:{}", dir.path().join("b.db").display())).unwrap();
    imports::demo(&app, &Actor::operator("tester")).unwrap();
    let county = actor("quyang", Role::CountyEditor, "130634");
    let submit = |text: &str| {
        plans::submit(
            &app,
            &county,
            &SchemeSource::Text(text.into()),
            "auto",
            d("2026-03-01"),
        )
        .unwrap()
    };
    let a = submit(quhua_demo::VILLAGE_SCENARIO);
    let b = submit(
        "name = \"邸村镇村更名示意\"\ncounty = \"130634\"\n[[ops]]\nop = \"rename_village\"\nvillage = \"130634106202\"\nname = \"新邸村民委员会\"\n",
    );
    let township = submit(quhua_demo::SAMPLE_SCENARIO);
    for id in [a, b] {
        ready_for_approval(&app, &county, id);
    }
    let board = plans::board(&app, &county, a, d("2026-03-26")).unwrap();
    assert_eq!(
        board.approve_with.iter().map(|p| p.id).collect::<Vec<_>>(),
        vec![b]
    );
    let approval = Approval {
        document_no: "曲政字〔2026〕30号".into(),
        date: d("2026-04-01"),
        effective: d("2026-04-10"),
    };
    // With the township plan (a provincial approval) in the batch, nothing is approved and
    // nothing is stored, the approval document included.
    let doc = Upload {
        name: "曲政字〔2026〕30号.txt".into(),
        bytes: "曲阳县人民政府关于村级建制调整的批复（示意）"
            .as_bytes()
            .to_vec(),
    };
    let sha = {
        use sha2::Digest;
        sha2::Sha256::digest(&doc.bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let e = plans::approve_batch(
        &app,
        &county,
        &[a, b, township],
        approval.clone(),
        Some(&doc),
    )
    .unwrap_err();
    assert!(
        app.store().get_document(&sha).unwrap().is_none(),
        "a refused batch stored its document"
    );
    assert!(
        e.zh.contains("乡镇撤并示意方案") || e.zh.contains("省级"),
        "{}",
        e.zh
    );
    for id in [a, b] {
        assert!(
            plans::board(&app, &county, id, d("2026-04-02"))
                .unwrap()
                .plan
                .approval
                .is_none()
        );
    }
    let versions = plans::approve_batch(&app, &county, &[a, b], approval, None).unwrap();
    assert_eq!(versions.len(), 2);
    for id in [a, b] {
        let board = plans::board(&app, &county, id, d("2026-04-02")).unwrap();
        assert_eq!(
            board.plan.approval.map(|x| x.document_no).as_deref(),
            Some("曲政字〔2026〕30号")
        );
    }
}
