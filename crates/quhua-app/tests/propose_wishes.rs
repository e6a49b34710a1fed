//! 方案推荐 with the planner's wishes: floor and cap overrides, groups kept together or
//! apart, objective weights; each checked, honoured in every scheme and echoed back; service
//! distance measured from the townships' seats.

use quhua_app::access::Actor;
use quhua_app::propose::{
    ObjectiveWeights, PointBasis, ProposeRequest, ProposedScheme, TownshipRef, propose,
};
use quhua_app::{App, ErrorKind};
use quhua_core::scenario::{MergeTarget, Operation};
use std::collections::BTreeMap;

/// An app over a fresh database holding the demo (kept while the directory lives).
fn demo_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&format!("sqlite:{}", dir.path().join("p.db").display())).unwrap();
    quhua_app::imports::demo(&app, &Actor::operator("tester")).unwrap();
    (dir, app)
}

/// The new unit (its seat's code) of every township code a scheme touches; townships not
/// named stay units of their own.
fn unit_of(s: &ProposedScheme) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for op in &s.ops {
        if let Operation::Merge {
            units,
            target: MergeTarget::Into(into),
        } = op
        {
            for u in units {
                m.insert(u.clone(), into.clone());
            }
            m.insert(into.clone(), into.clone());
        }
    }
    m
}

fn same_unit(s: &ProposedScheme, a: &str, b: &str) -> bool {
    let m = unit_of(s);
    let of = |c: &str| m.get(c).cloned().unwrap_or_else(|| c.to_string());
    of(a) == of(b)
}

#[test]
fn together_and_apart_groups_are_honoured_and_echoed() {
    let (_dir, app) = demo_app();
    let op = Actor::operator("tester");
    let policy = quhua_core::policy::Policy::default_policy();
    let cb = quhua_app::county::load(&app, "130634", &policy).unwrap();
    let base = &cb.base;
    let free = propose(&app, &op, "130634", &ProposeRequest::default()).unwrap();
    // apart: a township and the one it is merged into in the first free scheme
    let (c, d) = free.schemes[0]
        .ops
        .iter()
        .find_map(|o| match o {
            Operation::Merge {
                units,
                target: MergeTarget::Into(into),
            } => Some((units[0].clone(), into.clone())),
            _ => None,
        })
        .unwrap();
    // together: two neighbouring free townships (no border township, at most one seed)
    // that the first free scheme keeps in different units
    let adj = base.adjacency.as_ref().unwrap();
    let mut pairs = Vec::new();
    for (v, list) in adj.iter().enumerate() {
        for &w in list {
            let (a, b) = (
                base.villages[v].township as usize,
                base.villages[w as usize].township as usize,
            );
            if a < b {
                pairs.push((a, b));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let free_township = |i: usize| !base.townships[i].flags.border;
    let heads = |i: usize| {
        let f = base.townships[i].flags;
        f.county_seat || f.key_town
    };
    let code = |i: usize| base.townships[i].code.to_string();
    let (a, b) = pairs
        .into_iter()
        .find(|&(a, b)| {
            let usable = |i: usize| free_township(i) && ![&c, &d].contains(&&code(i));
            let one_head_at_most = !(heads(a) && heads(b));
            usable(a)
                && usable(b)
                && one_head_at_most
                && !same_unit(&free.schemes[0], &code(a), &code(b))
        })
        .map(|(a, b)| (code(a), code(b)))
        .unwrap();
    let name = |c: &str| {
        base.townships
            .iter()
            .find(|t| t.code.to_string() == c)
            .unwrap()
            .name
            .clone()
    };
    let req = ProposeRequest {
        schemes: Some(3),
        min_pop: Some(22_000.0),
        // names and codes both resolve
        together: vec![vec![name(&a), b.clone()]],
        apart: vec![vec![c.clone(), name(&d)]],
        weights: Some(ObjectiveWeights {
            wss: 1.0,
            compactness: 0.5,
            service: 2.0,
        }),
        ..Default::default()
    };
    let p = propose(&app, &op, "130634", &req).unwrap();
    assert_eq!(p.schemes.len(), 3);
    for s in &p.schemes {
        assert!(same_unit(s, &a, &b), "{} split: {:?}", s.name, s.ops);
        assert!(!same_unit(s, &c, &d), "{} joined: {:?}", s.name, s.ops);
        assert!(s.violations.is_empty(), "{:?}", s.violations);
        assert!(s.objectives.min_region_pop >= 22_000.0 - 1e-6);
    }
    let w = &p.wishes;
    assert_eq!((w.schemes, w.min_pop), (3, 22_000.0));
    assert_eq!(w.policy_min_pop, Some(20_000.0));
    assert_eq!(w.max_area, w.policy_max_area);
    assert_eq!(w.weights.service, 2.0);
    let r = |c: &str| TownshipRef {
        code: c.to_string(),
        name: name(c),
    };
    let mut together = vec![r(&a), r(&b)];
    together.sort_by(|x, y| x.code.cmp(&y.code));
    assert_eq!(w.together, vec![together]);
    assert_eq!(w.apart[0].len(), 2);
    assert!(w.apart[0].contains(&r(&c)) && w.apart[0].contains(&r(&d)));
    // the demo's townships all have a seat: service distance is measured from it
    assert_eq!(p.service_points.basis, PointBasis::Seats);
    assert_eq!(p.service_points.seats, base.townships.len());
    assert!(p.schemes[0].objectives.service_distance.is_some());
    // the same request by the CLI's route (serde) gives the same schemes
    let json = serde_json::to_value(&req).unwrap();
    let again: ProposeRequest = serde_json::from_value(json).unwrap();
    let q = propose(&app, &op, "130634", &again).unwrap();
    let ops = |p: &quhua_app::propose::Proposal| {
        p.schemes.iter().map(|s| s.ops.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ops(&p), ops(&q));
}

#[test]
fn impossible_or_unsound_wishes_are_refused_by_name() {
    let (_dir, app) = demo_app();
    let op = Actor::operator("tester");
    let policy = quhua_core::policy::Policy::default_policy();
    let cb = quhua_app::county::load(&app, "130634", &policy).unwrap();
    let base = &cb.base;
    let names: Vec<String> = base
        .townships
        .iter()
        .filter(|t| !t.flags.border)
        .map(|t| t.name.clone())
        .collect();
    let border = base.townships.iter().find(|t| t.flags.border);
    let heads: Vec<&str> = base
        .townships
        .iter()
        .filter(|t| t.flags.county_seat || t.flags.key_town)
        .map(|t| t.name.as_str())
        .collect();
    let refused = |req: ProposeRequest, needle: &str| {
        let e = propose(&app, &op, "130634", &req).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Invalid, "{e:?}");
        assert!(!e.zh.is_empty() && !e.en.is_empty(), "{e:?}");
        assert!(
            e.zh.contains(needle) || e.en.contains(needle),
            "{needle} not in {e:?}"
        );
    };
    let g = |xs: &[&str]| xs.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let (x, y, z) = (names[0].as_str(), names[1].as_str(), names[2].as_str());
    refused(
        ProposeRequest {
            together: vec![g(&[x, "无此镇"])],
            ..Default::default()
        },
        "无此镇",
    );
    refused(
        ProposeRequest {
            apart: vec![g(&[x, x])],
            ..Default::default()
        },
        x,
    );
    refused(
        ProposeRequest {
            together: vec![g(&[x, y]), g(&[y, z])],
            apart: vec![],
            ..Default::default()
        },
        y,
    );
    refused(
        ProposeRequest {
            lock: g(&[y]),
            together: vec![g(&[x, y])],
            ..Default::default()
        },
        y,
    );
    if let Some(b) = border {
        let other = names.iter().find(|n| **n != b.name).unwrap();
        refused(
            ProposeRequest {
                together: vec![vec![b.name.clone(), other.clone()]],
                ..Default::default()
            },
            &b.name,
        );
    }
    if let [h1, h2, ..] = heads.as_slice() {
        refused(
            ProposeRequest {
                together: vec![g(&[h1, h2])],
                ..Default::default()
            },
            h2,
        );
    }
    // together and apart at once (an apart pair inside one together group)
    let e = propose(
        &app,
        &op,
        "130634",
        &ProposeRequest {
            together: vec![g(&[x, y])],
            apart: vec![g(&[y, x])],
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Invalid, "{e:?}");
    for (min_pop, max_area) in [
        (Some(0.0), None),
        (Some(-5.0), None),
        (Some(f64::NAN), None),
        (Some(1e12), None),
        (None, Some(0.0)),
        (None, Some(f64::INFINITY)),
        (None, Some(1e9)),
    ] {
        let e = propose(
            &app,
            &op,
            "130634",
            &ProposeRequest {
                min_pop,
                max_area,
                ..Default::default()
            },
        )
        .unwrap_err();
        assert_eq!(e.kind, ErrorKind::Invalid, "{min_pop:?} {max_area:?}");
    }
    for (wss, compactness, service) in [
        (0.0, 0.0, 0.0),
        (-1.0, 1.0, 0.0),
        (1.0, f64::NAN, 0.0),
        (1.0, 0.0, 1e6),
    ] {
        let e = propose(
            &app,
            &op,
            "130634",
            &ProposeRequest {
                weights: Some(ObjectiveWeights {
                    wss,
                    compactness,
                    service,
                }),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert_eq!(e.kind, ErrorKind::Invalid, "{wss} {compactness} {service}");
    }
}
