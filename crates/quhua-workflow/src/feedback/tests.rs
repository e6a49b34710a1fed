use super::*;
use crate::org::Actor;
use chrono::NaiveDateTime;
use proptest::prelude::*;
use quhua_core::date::parse_date;

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn record(topic: Topic, received: &str) -> FeedbackRecord {
    FeedbackRecord {
        channel: Channel::Hotline12345,
        received: t(received),
        reference: "12345-001".into(),
        topic,
        content: "示意：合并后到哪里办医保？".into(),
        division: Some("510824101".into()),
        unit: None,
        assigned: None,
        deadline: None,
        reply: None,
        follow_up: None,
    }
}

fn clerk() -> Actor {
    Actor::new("clerk", "office")
}

#[test]
fn lifecycle_and_stats() {
    let health = Actor::new("doc", "medical");
    let a = FeedbackItem::receive(
        "F1",
        record(Topic::Services, "2021-09-07 09:00"),
        &clerk(),
        t("2021-09-07 09:05"),
    )
    .unwrap();
    assert!(a.reply(&health, "x", t("2021-09-07 10:00")).is_err()); // not assigned
    let a = a
        .assign(
            &clerk(),
            "medical",
            parse_date("2021-09-10").unwrap(),
            t("2021-09-07 09:30"),
        )
        .unwrap();
    assert!(
        a.reply(&Actor::new("x", "finance"), "x", t("2021-09-07 10:00"))
            .is_err()
    );
    assert!(
        a.follow_up(&clerk(), Satisfaction::Satisfied, "", t("2021-09-07 10:00"))
            .is_err()
    );
    let a = a
        .reply(&health, "到便民服务站办理", t("2021-09-08 09:00"))
        .unwrap();
    let a = a
        .follow_up(&clerk(), Satisfaction::Satisfied, "", t("2021-09-09 09:00"))
        .unwrap();
    let b = FeedbackItem::receive(
        "F2",
        record(Topic::Transport, "2021-09-13 08:00"),
        &clerk(),
        t("2021-09-13 08:00"),
    )
    .unwrap()
    .assign(
        &clerk(),
        "transport",
        parse_date("2021-09-15").unwrap(),
        t("2021-09-13 09:00"),
    )
    .unwrap();
    let c = FeedbackItem::receive(
        "F3",
        record(Topic::Transport, "2021-09-13 08:00"),
        &clerk(),
        t("2021-09-13 08:00"),
    )
    .unwrap()
    .assign(
        &clerk(),
        "transport",
        parse_date("2021-09-14").unwrap(),
        t("2021-09-13 09:00"),
    )
    .unwrap()
    .reply(
        &Actor::new("tr", "transport"),
        "已调整班次",
        t("2021-09-16 08:00"),
    )
    .unwrap();
    let s = stats(&[a.clone(), b, c], t("2021-09-20 00:00"));
    assert_eq!(s.total, 3);
    assert_eq!(s.by_topic[&Topic::Transport], 2);
    assert_eq!(s.by_week["2021-W36"], 1);
    assert_eq!(s.by_week["2021-W37"], 2);
    assert_eq!(s.replied, 2);
    assert_eq!(s.overdue_open, vec!["F2".to_string()]);
    assert_eq!(s.replied_late, vec!["F3".to_string()]);
    assert_eq!(s.max_response_hours, Some(72.0));
    assert_eq!(s.median_response_hours, Some((24.0 + 72.0) / 2.0));
    assert_eq!(s.mean_response_hours, Some(48.0));
    assert_eq!(s.satisfaction[&Satisfaction::Satisfied], 1);
    assert_eq!(s.by_unit["medical"], 1);
    // As of an earlier moment, only what was recorded then counts.
    let early = stats(&[a], t("2021-09-07 09:10"));
    assert_eq!((early.total, early.replied), (1, 0));
    assert_eq!(stats(&[], t("2021-09-07 09:10")).total, 0);
}

#[test]
fn response_times_of_an_odd_number_of_replies() {
    let health = Actor::new("doc", "medical");
    let replied = |id: &str, hours: i64| {
        FeedbackItem::receive(
            id,
            record(Topic::Services, "2021-09-07 09:00"),
            &clerk(),
            t("2021-09-07 09:00"),
        )
        .unwrap()
        .assign(
            &clerk(),
            "medical",
            parse_date("2021-09-30").unwrap(),
            t("2021-09-07 09:00"),
        )
        .unwrap()
        .reply(
            &health,
            "已答复",
            t("2021-09-07 09:00") + chrono::Duration::hours(hours),
        )
        .unwrap()
    };
    let s = stats(
        &[replied("F1", 6), replied("F2", 1), replied("F3", 2)],
        t("2021-09-20 00:00"),
    );
    assert_eq!(s.median_response_hours, Some(2.0));
    assert_eq!(s.mean_response_hours, Some(3.0));
    assert_eq!(s.max_response_hours, Some(6.0));
    assert!(s.replied_late.is_empty() && s.overdue_open.is_empty());
}

#[test]
fn corrections_need_a_reason_and_keep_the_past() {
    let a = FeedbackItem::receive(
        "F1",
        record(Topic::Other, "2021-09-07 09:00"),
        &clerk(),
        t("2021-09-07 09:05"),
    )
    .unwrap();
    assert!(matches!(
        a.correct(
            |r| r.topic = Topic::Services,
            " ",
            &clerk(),
            t("2021-09-07 10:00")
        ),
        Err(FeedbackError::Empty("reason"))
    ));
    assert!(matches!(
        a.correct(
            |r| r.content.clear(),
            "清空",
            &clerk(),
            t("2021-09-07 10:00")
        ),
        Err(FeedbackError::Empty("content"))
    ));
    assert!(
        a.correct(
            |r| r.topic = Topic::Services,
            "分类有误",
            &clerk(),
            t("2021-09-07 08:00")
        )
        .is_err()
    );
    let b = a
        .correct(
            |r| r.topic = Topic::Services,
            "分类有误",
            &clerk(),
            t("2021-09-07 10:00"),
        )
        .unwrap();
    assert_eq!(b.history()[0], a.history()[0]);
    assert_eq!(b.current().reason, "分类有误");
    assert_eq!(b.as_of(t("2021-09-07 09:30")).unwrap().topic, Topic::Other);
    assert!(b.as_of(t("2021-09-07 09:04")).is_none());
    // Stored JSON without versions, or with a version dropped, is refused.
    let mut json = serde_json::to_value(&b).unwrap();
    json["versions"].as_array_mut().unwrap().remove(0);
    assert!(serde_json::from_value::<FeedbackItem>(json.clone()).is_err());
    json["versions"] = serde_json::json!([]);
    assert!(serde_json::from_value::<FeedbackItem>(json).is_err());
}

#[derive(Debug, Clone)]
enum Op {
    Assign,
    Reply,
    FollowUp,
    Correct(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        Just(Op::Assign),
        Just(Op::Reply),
        Just(Op::FollowUp),
        any::<u8>().prop_map(Op::Correct)
    ]
}

proptest! {
    #[test]
    fn history_never_loses_a_version(ops in proptest::collection::vec(op(), 0..25)) {
        let mut item = FeedbackItem::receive("F", record(Topic::Other, "2021-09-07 09:00"), &clerk(), t("2021-09-07 09:00")).unwrap();
        let mut seen: Vec<FeedbackVersion> = item.history().to_vec();
        let mut at = t("2021-09-07 09:00");
        for o in ops {
            at += chrono::Duration::hours(3);
            let next = match o {
                Op::Assign => item.assign(&clerk(), "civil", parse_date("2021-09-20").unwrap(), at),
                Op::Reply => item.reply(&Actor::new("c", "civil"), "答复", at),
                Op::FollowUp => item.follow_up(&clerk(), Satisfaction::Fair, "", at),
                Op::Correct(k) => item.correct(|r| r.content = format!("更正后的内容{k}"), "核对录音", &clerk(), at),
            };
            if let Ok(n) = next {
                item = n;
            }
            // Every version ever seen is still there, unchanged and in place.
            prop_assert!(item.history().len() >= seen.len());
            prop_assert_eq!(&item.history()[..seen.len()], &seen[..]);
            for (i, v) in item.history().iter().enumerate() {
                prop_assert_eq!(v.version as usize, i + 1);
            }
            seen = item.history().to_vec();
            // A serialised round trip keeps it all too.
            let back: FeedbackItem = serde_json::from_str(&serde_json::to_string(&item).unwrap()).unwrap();
            prop_assert_eq!(&back, &item);
        }
    }
}

/// Every topic has its own label in both languages, as reports and the English UI show them.
#[test]
fn topic_labels_in_both_languages() {
    let labels: Vec<(&str, &str)> = Topic::ALL.iter().map(|t| (t.zh(), t.en())).collect();
    assert_eq!(
        labels,
        vec![
            ("惠民惠农政策", "benefit policies"),
            ("政务办理", "government services"),
            ("教育医疗", "education and health"),
            ("交通出行", "transport"),
            ("区划调整", "the division change"),
            ("其他", "other"),
        ]
    );
}
