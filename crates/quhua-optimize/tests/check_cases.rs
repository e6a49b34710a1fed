//! The verifier on small hand-built counties, one constraint at a time, with the exact
//! violation expected: the boundaries (a floor or ceiling met exactly), the island rules,
//! locks, seeds, groups, together and apart sets.

use quhua_optimize::graph::Graph;
use quhua_optimize::{EXCLUDED, IslandPolicy, Params, Problem, Violation, check};

/// A path 0 – 1 – 2 – 3 with the given populations and areas.
fn path(pop: &[f64], area: &[f64]) -> Problem {
    let n = pop.len();
    let edges: Vec<(u32, u32)> = (1..n as u32).map(|i| (i - 1, i)).collect();
    let mut p = Problem::new(Graph::from_edges(n, &edges).unwrap(), pop.to_vec());
    p.area = area.to_vec();
    p
}

fn params(min_pop: f64, max_area: Option<f64>) -> Params {
    Params {
        min_pop,
        max_area,
        ..Params::default()
    }
}

#[test]
fn wrong_length_is_the_only_finding() {
    let p = path(&[1.0, 1.0, 1.0], &[]);
    assert_eq!(
        check(&p, &params(0.0, None), &[0, 0]),
        vec![Violation::Length {
            got: 2,
            expected: 3
        }]
    );
}

#[test]
fn floor_and_ceiling_met_exactly_pass_and_just_missed_fail() {
    let p = path(&[10.0, 20.0, 30.0, 40.0], &[5.0, 5.0, 7.0, 3.0]);
    // regions {0,1} = 30 people, 10 km²; {2,3} = 70 people, 10 km².
    let a = [0, 0, 1, 1];
    assert!(check(&p, &params(30.0, Some(10.0)), &a).is_empty());
    assert_eq!(
        check(&p, &params(30.5, Some(10.0)), &a),
        vec![Violation::BelowFloor {
            region: 0,
            population: 30.0,
            floor: 30.5
        }]
    );
    assert_eq!(
        check(&p, &params(30.0, Some(9.5)), &a),
        vec![
            Violation::AboveCeiling {
                region: 0,
                area: 10.0,
                ceiling: 9.5
            },
            Violation::AboveCeiling {
                region: 1,
                area: 10.0,
                ceiling: 9.5
            }
        ]
    );
    // No ceiling, no area: nothing about area.
    let q = path(&[10.0, 20.0, 30.0, 40.0], &[]);
    assert!(check(&q, &params(30.0, None), &a).is_empty());
}

#[test]
fn pieces_are_counted() {
    let p = path(&[1.0; 5], &[]);
    assert_eq!(
        check(&p, &params(0.0, None), &[0, 1, 0, 1, 0]),
        vec![
            Violation::NotContiguous {
                region: 0,
                pieces: 3
            },
            Violation::NotContiguous {
                region: 1,
                pieces: 2
            }
        ]
    );
    // An extra edge (a ferry) joins 0 and 4.
    let mut q = path(&[1.0; 5], &[]);
    q.extra_edges = vec![(0, 4)];
    assert_eq!(
        check(&q, &params(0.0, None), &[0, 1, 1, 1, 0]),
        Vec::<Violation>::new()
    );
}

/// Only an island (no neighbour), under the exclude policy, that is neither a seed nor
/// locked may be left out.
#[test]
fn who_may_be_left_out() {
    // 0 – 1 – 2, and 3 alone.
    let mut p = Problem::new(
        Graph::from_edges(4, &[(0, 1), (1, 2)]).unwrap(),
        vec![5.0, 5.0, 5.0, 1.0],
    );
    let exclude = Params {
        islands: IslandPolicy::Exclude,
        ..params(10.0, None)
    };
    let a = [0, 0, 0, EXCLUDED];
    assert!(check(&p, &exclude, &a).is_empty());
    assert_eq!(
        check(&p, &params(10.0, None), &a),
        vec![Violation::Unassigned { unit: 3 }]
    );
    assert_eq!(
        check(&p, &exclude, &[0, 0, EXCLUDED, 1]),
        vec![
            Violation::Unassigned { unit: 2 },
            Violation::BelowFloor {
                region: 1,
                population: 1.0,
                floor: 10.0
            }
        ]
    );
    p.seeds = vec![3];
    assert_eq!(
        check(&p, &exclude, &a),
        vec![Violation::Unassigned { unit: 3 }]
    );
    p.seeds.clear();
    p.locked = vec![3];
    assert_eq!(
        check(&p, &exclude, &a),
        vec![Violation::Unassigned { unit: 3 }]
    );
}

#[test]
fn a_locked_unit_stays_alone_and_may_be_exempt_from_the_floor() {
    let mut p = path(&[5.0, 5.0, 5.0], &[]);
    p.locked = vec![2];
    let pr = params(10.0, None);
    assert_eq!(
        check(&p, &pr, &[0, 0, 1]),
        vec![Violation::BelowFloor {
            region: 1,
            population: 5.0,
            floor: 10.0
        }]
    );
    let exempt = Params {
        locked_exempt_from_floor: true,
        ..pr.clone()
    };
    assert!(check(&p, &exempt, &[0, 0, 1]).is_empty());
    assert_eq!(
        check(&p, &exempt, &[0, 1, 1]),
        vec![
            Violation::BelowFloor {
                region: 0,
                population: 5.0,
                floor: 10.0
            },
            Violation::LockedNotAlone { unit: 2, region: 1 }
        ]
    );
    // The exemption is for a locked unit alone, not for any small region.
    p.locked.clear();
    assert_eq!(check(&p, &exempt, &[0, 0, 1]).len(), 1);
}

#[test]
fn seeds_groups_together_apart() {
    let mut p = path(&[5.0; 4], &[]);
    p.seeds = vec![0, 2, 3];
    let pr = params(0.0, None);
    assert_eq!(
        check(&p, &pr, &[0, 0, 1, 1]),
        vec![Violation::SeedsShareRegion {
            region: 1,
            seeds: vec![2, 3]
        }]
    );
    p.seeds.clear();
    p.group = Some(vec![7, 7, 8, 9]);
    assert_eq!(
        check(&p, &pr, &[0, 0, 1, 1]),
        vec![Violation::CrossesGroup {
            region: 1,
            groups: vec![8, 9]
        }]
    );
    p.group = None;
    p.together = vec![vec![0, 1], vec![1, 2]];
    assert_eq!(
        check(&p, &pr, &[0, 0, 1, 1]),
        vec![Violation::TogetherSplit { set: 1 }]
    );
    p.together = vec![vec![0, 1], vec![2, 3]];
    assert!(check(&p, &pr, &[0, 0, 1, 1]).is_empty());
    p.together.clear();
    p.apart = vec![vec![0, 2], vec![1, 2, 3]];
    assert_eq!(
        check(&p, &pr, &[0, 0, 1, 1]),
        vec![Violation::ApartJoined { set: 1, region: 1 }]
    );
    assert!(check(&p, &pr, &[0, 1, 2, 3]).is_empty());
}

/// A together set whose units are all left out is split from every region; apart units that
/// are left out are not "joined".
#[test]
fn left_out_units_in_sets() {
    let mut p = Problem::new(Graph::from_edges(3, &[(0, 1)]).unwrap(), vec![5.0; 3]);
    p.together = vec![vec![2]];
    p.apart = vec![vec![2, 0]];
    let pr = Params {
        islands: IslandPolicy::Exclude,
        ..params(0.0, None)
    };
    assert_eq!(
        check(&p, &pr, &[0, 0, EXCLUDED]),
        vec![Violation::TogetherSplit { set: 0 }]
    );
    p.together.clear();
    assert!(check(&p, &pr, &[0, 0, EXCLUDED]).is_empty());
}

/// Members of a set, seeds and locks beyond the last unit are ignored, not indexed.
#[test]
fn out_of_range_members_are_ignored() {
    let mut p = path(&[5.0; 3], &[]);
    p.together = vec![vec![0, 1, 3]];
    p.apart = vec![vec![2, 3]];
    p.seeds = vec![3];
    p.locked = vec![3];
    let pr = params(0.0, None);
    assert!(check(&p, &pr, &[0, 0, 1]).is_empty());
    assert_eq!(
        check(&p, &pr, &[0, 1, 1]),
        vec![Violation::TogetherSplit { set: 0 }]
    );
}

/// The tolerance is relative and exact at its edge: a region exactly at the floor (or
/// ceiling) times (1 ∓ 1e-12) passes.
#[test]
fn the_tolerance_edge_passes() {
    let floor = 30.0_f64;
    let at_floor = floor * (1.0 - 1e-12);
    let ceiling = 10.0_f64;
    let at_ceiling = ceiling * (1.0 + 1e-12);
    let p = path(&[at_floor, 1.0], &[at_ceiling, 1.0]);
    let pr = params(floor, Some(ceiling));
    assert_eq!(
        check(&p, &pr, &[0, 1]),
        vec![Violation::BelowFloor {
            region: 1,
            population: 1.0,
            floor
        }]
    );
}
