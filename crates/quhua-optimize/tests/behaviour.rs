//! Determinism, infeasibility explanations, islands, cancellation, IO.
mod common;

use quhua_optimize::{
    Graph, Infeasible, IslandAction, IslandPolicy, Params, PlanError, Problem, Violation, suggest,
};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

#[test]
fn same_seed_same_output_any_thread_count() {
    let p = common::grid(15, 15, 11, 20.0, 200.0);
    let mk = |threads| Params {
        min_pop: 600.0,
        seed: 42,
        threads: Some(threads),
        restarts: 6,
        ..Params::default()
    };
    let a = suggest(&p, &mk(1), None, None).unwrap();
    let b = suggest(&p, &mk(2), None, None).unwrap();
    let c = suggest(&p, &mk(2), None, None).unwrap();
    assert_eq!(a, b);
    assert_eq!(b, c);
    let d = suggest(&p, &Params { seed: 43, ..mk(2) }, None, None).unwrap();
    assert!(!d.schemes.is_empty());
    // the seed matters: another seed gives other schemes
    let assignments = |s: &quhua_optimize::Solution| -> Vec<Vec<u32>> {
        s.schemes.iter().map(|x| x.assignment.clone()).collect()
    };
    assert_ne!(
        assignments(&a),
        assignments(&d),
        "seed 43 gave seed 42's schemes"
    );
}

#[test]
fn isolated_locked_unit_below_floor_is_explained() {
    // path 0-1-2-3 plus isolated locked unit 4
    let g = Graph::from_edges(5, &[(0, 1), (1, 2), (2, 3)]).unwrap();
    let mut p = Problem::new(g, vec![100.0, 100.0, 100.0, 100.0, 10.0]);
    p.locked = vec![4];
    let params = Params {
        min_pop: 150.0,
        ..Params::default()
    };
    let sol = suggest(&p, &params, None, None).unwrap();
    let r = sol.infeasibility.expect("report");
    assert!(
        r.reasons.iter().any(|x| matches!(
            x,
            Infeasible::LockedBelowFloor {
                unit: 4,
                isolated: true,
                ..
            }
        )),
        "{r:?}"
    );
    // best effort scheme: locked unit alone, its floor violation listed
    let s = &sol.schemes[0];
    assert_eq!(
        s.assignment
            .iter()
            .filter(|&&r| r == s.assignment[4])
            .count(),
        1
    );
    assert!(
        s.violations
            .iter()
            .any(|v| matches!(v, Violation::BelowFloor { .. }))
    );
    assert_eq!(sol.islands.len(), 1);
}

#[test]
fn more_seeds_than_regions_is_explained() {
    let p0 = common::grid(4, 1, 1, 100.0, 100.0);
    let mut p = p0.clone();
    p.seeds = vec![0, 1, 3];
    let params = Params {
        min_pop: 150.0,
        ..Params::default()
    };
    let sol = suggest(&p, &params, None, None).unwrap();
    let r = sol.infeasibility.expect("report");
    assert!(
        r.reasons.iter().any(|x| matches!(x,
        Infeasible::TooManySeeds { seeds, max_regions: 2, .. } if seeds == &vec![0, 1, 3])),
        "{r:?}"
    );
    let s = &sol.schemes[0];
    // seeds still each head their own region; floor violations are listed
    assert_eq!(s.p, 3);
    assert!(!s.violations.is_empty());
    assert!(
        s.violations
            .iter()
            .all(|v| matches!(v, Violation::BelowFloor { .. }))
    );
}

#[test]
fn unit_over_ceiling_and_floor_ceiling_conflict_are_explained() {
    let mut p = common::grid(3, 3, 1, 100.0, 100.0);
    p.area = vec![1.0; 9];
    p.area[4] = 50.0;
    let params = Params {
        min_pop: 100.0,
        max_area: Some(10.0),
        ..Params::default()
    };
    let r = quhua_optimize::precheck(&p, &params).unwrap();
    assert!(
        r.reasons
            .iter()
            .any(|x| matches!(x, Infeasible::UnitOverCeiling { unit: 4, .. }))
    );
    // total area 58 needs ≥ 6 regions of ≤ 10 km², population allows only 2
    let params = Params {
        min_pop: 400.0,
        max_area: Some(10.0),
        ..Params::default()
    };
    let r = quhua_optimize::precheck(&p, &params).unwrap();
    assert!(
        r.reasons.iter().any(|x| matches!(
            x,
            Infeasible::FloorCeilingConflict {
                min_regions_by_area: 6,
                max_regions_by_pop: 2,
                ..
            }
        )),
        "{r:?}"
    );
}

#[test]
fn component_below_floor_is_explained() {
    // two components: {0,1,2} with 300 people, {3,4} with 50
    let g = Graph::from_edges(5, &[(0, 1), (1, 2), (3, 4)]).unwrap();
    let p = Problem::new(g, vec![100.0, 100.0, 100.0, 25.0, 25.0]);
    let params = Params {
        min_pop: 120.0,
        ..Params::default()
    };
    let sol = suggest(&p, &params, None, None).unwrap();
    let r = sol.infeasibility.expect("report");
    assert_eq!(
        r.reasons,
        vec![Infeasible::ComponentBelowFloor {
            units: vec![3, 4],
            population: 50.0,
            floor: 120.0
        }]
    );
    let s = &sol.schemes[0];
    assert_eq!(s.assignment[3], s.assignment[4]);
    assert!(
        s.violations
            .iter()
            .any(|v| matches!(v, Violation::BelowFloor { population, .. } if *population == 50.0))
    );
}

#[test]
fn islands_are_reported_and_handled() {
    let mut p = common::grid(4, 4, 2, 100.0, 100.0);
    // add an island unit 16
    let mut e = p.adjacency.edges();
    e.push((0, 1));
    p.adjacency = Graph::from_edges(17, &e).unwrap();
    p.population.push(40.0);
    p.area.push(1.0);
    for c in &mut p.attrs {
        c.push(0.5);
    }
    p.n = 17;
    let params = Params {
        min_pop: 200.0,
        ..Params::default()
    };
    // kept alone below floor: infeasible, reported
    let sol = suggest(&p, &params, None, None).unwrap();
    assert_eq!(sol.islands[0].unit, 16);
    assert_eq!(sol.islands[0].action, IslandAction::KeptAlone);
    assert!(
        sol.infeasibility
            .unwrap()
            .reasons
            .contains(&Infeasible::IslandBelowFloor {
                unit: 16,
                population: 40.0,
                floor: 200.0
            })
    );
    // excluded
    let ex = Params {
        islands: IslandPolicy::Exclude,
        ..params.clone()
    };
    let sol = suggest(&p, &ex, None, None).unwrap();
    assert_eq!(sol.islands[0].action, IslandAction::Excluded);
    assert!(sol.infeasibility.is_none());
    assert_eq!(sol.schemes[0].assignment[16], quhua_optimize::EXCLUDED);
    assert!(sol.schemes[0].violations.is_empty());
    // attached to a named neighbour
    p.extra_edges = vec![(16, 15)];
    let sol = suggest(&p, &params, None, None).unwrap();
    assert_eq!(sol.islands[0].action, IslandAction::Attached);
    assert!(sol.infeasibility.is_none());
    let s = &sol.schemes[0];
    assert_eq!(s.assignment[16], s.assignment[15]);
    assert!(s.violations.is_empty(), "{:?}", s.violations);
}

#[test]
fn cancellation_stops_promptly() {
    let p = common::grid(300, 300, 5, 20.0, 200.0);
    let flag = Arc::new(AtomicBool::new(false));
    let f2 = flag.clone();
    let setter = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(200));
        f2.store(true, std::sync::atomic::Ordering::Relaxed);
        Instant::now()
    });
    let params = Params {
        min_pop: 1000.0,
        restarts: 64,
        ..Params::default()
    };
    let r = suggest(&p, &params, None, Some(&flag));
    let end = Instant::now();
    let set_at = setter.join().unwrap();
    assert!(matches!(r, Err(PlanError::Cancelled)));
    let lag = end.saturating_duration_since(set_at);
    assert!(lag < Duration::from_secs(3), "took {lag:?} after cancel");
}

#[test]
fn progress_is_reported() {
    let p = common::grid(8, 8, 5, 20.0, 200.0);
    let calls = std::sync::atomic::AtomicUsize::new(0);
    let cb = |_: quhua_optimize::Progress| {
        calls.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    };
    let params = Params {
        min_pop: 300.0,
        restarts: 5,
        ..Params::default()
    };
    suggest(&p, &params, Some(&cb), None).unwrap();
    assert!(calls.load(std::sync::atomic::Ordering::Relaxed) >= 6);
}

#[test]
fn invalid_input_is_an_error_not_a_panic() {
    let g = Graph::from_edges(2, &[(0, 1)]).unwrap();
    let mut p = Problem::new(g, vec![1.0, f64::NAN]);
    assert!(matches!(
        suggest(&p, &Params::default(), None, None),
        Err(PlanError::InvalidValue { .. })
    ));
    p.population = vec![1.0];
    assert!(matches!(
        suggest(&p, &Params::default(), None, None),
        Err(PlanError::LengthMismatch { .. })
    ));
    p.population = vec![1.0, 1.0];
    p.seeds = vec![7];
    assert!(matches!(
        suggest(&p, &Params::default(), None, None),
        Err(PlanError::UnitOutOfRange { .. })
    ));
    let msg = PlanError::Cancelled.to_string();
    assert!(msg.starts_with("已取消"));
}

#[test]
fn csv_input_and_json_shape() {
    use quhua_optimize::io::{UnitColumns, read_edges_from, read_units_from};
    use std::path::Path;
    let units = "code,name,pop,km2,inc\nA,甲镇,100,3,1.0\nB,乙乡,80,2,2.0\nC,丙乡,90,4,1.5\nD,丁乡,120,1,0.5\n";
    let cols = UnitColumns {
        id: "code".into(),
        population: "pop".into(),
        area: Some("km2".into()),
        attrs: vec!["inc".into()],
        ..Default::default()
    };
    let t = read_units_from(units.as_bytes(), Path::new("u.csv"), &cols).unwrap();
    assert_eq!(t.ids, vec!["A", "B", "C", "D"]);
    let e = read_edges_from("a,b\nA,B\nB,C\nC,D\n".as_bytes(), Path::new("e.csv"), &t).unwrap();
    assert_eq!(e, vec![(0, 1), (1, 2), (2, 3)]);
    let bad = read_edges_from("a,b\nA,Z\n".as_bytes(), Path::new("e.csv"), &t);
    assert!(matches!(bad, Err(PlanError::CsvValue { line: 2, .. })));
    let badnum = read_units_from(
        "code,pop\nA,x\n".as_bytes(),
        Path::new("u.csv"),
        &UnitColumns {
            id: "code".into(),
            population: "pop".into(),
            ..Default::default()
        },
    );
    assert!(matches!(badnum, Err(PlanError::CsvValue { line: 2, .. })));
    let mut p = Problem::new(Graph::from_edges(4, &e).unwrap(), t.population.clone());
    p.area = t.area.clone();
    p.attrs = t.attrs.clone();
    p.seeds = t.resolve(&["A".to_string()]).unwrap();
    let sol = suggest(
        &p,
        &Params {
            min_pop: 150.0,
            ..Params::default()
        },
        None,
        None,
    )
    .unwrap();
    let v: serde_json::Value = serde_json::to_value(&sol).unwrap();
    let s0 = &v["schemes"][0];
    assert!(s0["assignment"].is_array());
    assert_eq!(s0["p"], 2);
    assert!(s0["objectives"]["wss"].is_number());
    assert!(s0["violations"].as_array().unwrap().is_empty());
}

#[test]
fn unit_that_cannot_reach_the_floor_within_the_ceiling_is_explained() {
    // chain 0-1-2-3-4-5: two thinly settled units of 10 km² at one end, dense units at the
    // other. Within a 25 km² ceiling, unit 0 reaches only units 0 and 1 (2 people).
    let g = Graph::from_edges(6, &[(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]).unwrap();
    let mut p = Problem::new(g, vec![1.0, 1.0, 1.0, 300.0, 300.0, 300.0]);
    p.area = vec![10.0, 10.0, 10.0, 1.0, 1.0, 1.0];
    let params = Params {
        min_pop: 200.0,
        max_area: Some(25.0),
        ..Params::default()
    };
    let r = quhua_optimize::precheck(&p, &params).unwrap();
    let out_of_reach: Vec<(u32, f64)> = r
        .reasons
        .iter()
        .filter_map(|x| match x {
            Infeasible::FloorOutOfReach {
                unit,
                max_population,
                ..
            } => Some((*unit, *max_population)),
            _ => None,
        })
        .collect();
    assert_eq!(out_of_reach, vec![(0, 2.0)], "{r:?}");
    // with a ceiling of 35 km² unit 0 reaches the dense units: no such reason
    let r = quhua_optimize::precheck(
        &p,
        &Params {
            max_area: Some(35.0),
            ..params
        },
    )
    .unwrap();
    assert!(
        !r.reasons
            .iter()
            .any(|x| matches!(x, Infeasible::FloorOutOfReach { .. })),
        "{r:?}"
    );
}

#[test]
fn effort_must_be_positive() {
    let p = common::grid(3, 3, 1, 100.0, 100.0);
    for effort in [0.0, -1.0, f64::NAN] {
        let params = Params {
            min_pop: 100.0,
            effort,
            ..Params::default()
        };
        assert!(matches!(
            suggest(&p, &params, None, None),
            Err(PlanError::InvalidParam { .. })
        ));
    }
}
