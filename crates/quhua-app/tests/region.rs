//! 方案推荐 for a whole province, city or list (quhua-app `propose::region`), on generated code
//! lists (codes and names only, as the NBS list is): without boundaries every county is
//! reported unsolved with the reason; with `schematic` every county is solved under its own
//! province's policy, no new unit spans two counties (each county's assignment covers exactly
//! its own townships), the totals are the sums, a bound is never below p, and the run is
//! labelled synthetic. Accounts see only their jurisdiction.

use quhua_app::access::{Actor, Jurisdiction, Role};
use quhua_app::propose::region::{RegionRequest, region};
use quhua_app::{App, imports};
use quhua_core::synth::SplitMix64;
use std::fmt::Write;
use std::path::Path;

/// A code list of `provinces` with a few cities, counties, townships and villages each, in
/// the NBS files' layout; returns the township count per county.
fn write_list(dir: &Path, provinces: &[&str], seed: u64) -> Vec<(String, usize)> {
    let mut r = SplitMix64::new(seed);
    let (mut p, mut c, mut a, mut s, mut v) = (
        String::from("code,name\n"),
        String::from("code,name,provinceCode\n"),
        String::from("code,name,cityCode,provinceCode\n"),
        String::from("code,name,areaCode,provinceCode,cityCode\n"),
        String::from("code,name,streetCode,provinceCode,cityCode,areaCode\n"),
    );
    let mut counts = Vec::new();
    for prov in provinces {
        writeln!(p, "{prov},\"示意{prov}省\"").unwrap();
        for city in 1..=2 {
            let cc = format!("{prov}{city:02}");
            writeln!(c, "{cc},\"示意{cc}市\",{prov}").unwrap();
            for county in 21..(21 + 1 + r.next_u64() % 3) {
                let ac = format!("{cc}{county:02}");
                writeln!(a, "{ac},\"示意{ac}县\",{cc},{prov}").unwrap();
                let towns = 3 + (r.next_u64() % 12) as usize;
                for t in 0..towns {
                    let tc = format!("{ac}{:03}", 100 + t);
                    let kind = if t % 2 == 0 { "镇" } else { "乡" };
                    writeln!(s, "{tc},\"示意{t}{kind}\",{ac},{prov},{cc}").unwrap();
                    for k in 0..2 {
                        let vc = format!("{tc}{:03}", 200 + k);
                        writeln!(v, "{vc},\"示意{t}-{k}村民委员会\",{tc},{prov},{cc},{ac}")
                            .unwrap();
                    }
                }
                counts.push((ac, towns));
            }
        }
    }
    for (name, text) in [
        ("provinces.csv", p),
        ("cities.csv", c),
        ("areas.csv", a),
        ("streets.csv", s),
        ("villages.csv", v),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    counts
}

#[test]
fn every_county_solved_on_its_own_under_its_provinces_policy() {
    let operator = Actor::operator("民政局");
    for seed in [3u64, 17, 29] {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("list");
        std::fs::create_dir(&list).unwrap();
        let counts = write_list(&list, &["13", "51", "65"], seed);
        let app = App::open(&format!("sqlite:{}", dir.path().join("r.db").display())).unwrap();
        imports::nbs(&app, &operator, &list, "2023-06-30").unwrap();

        // No figures, no boundaries: every county says why it was not solved.
        let plain = &region(
            &app,
            &operator,
            &RegionRequest {
                prefix: "13".into(),
                ..Default::default()
            },
        )
        .unwrap()
        .summary;
        let in13 = counts.iter().filter(|(c, _)| c.starts_with("13")).count();
        assert_eq!((plain.counties.len(), plain.failed), (in13, in13));
        assert!(
            plain.counties.iter().all(|c| c.after == c.before
                && c.error.as_deref().is_some_and(|e| e.contains("没有边界")))
        );
        assert!(!plain.synthetic);

        // Schematic: everything solved, each county on its own townships.
        let req = RegionRequest {
            prefix: String::new(),
            schematic: true,
            seed: Some(seed),
            exact_time_limit: Some(0.2),
        };
        let answer = region(&app, &operator, &req).unwrap();
        let run = &answer.summary;
        assert!(run.synthetic);
        assert_eq!(run.counties.len(), counts.len());
        assert_eq!(
            run.failed,
            0,
            "{:?}",
            run.counties
                .iter()
                .filter_map(|c| c.error.clone())
                .collect::<Vec<_>>()
        );
        for (c, (code, towns)) in run.counties.iter().zip(&counts) {
            assert_eq!((&c.code, c.before), (code, *towns));
            assert_eq!(
                c.assignment.len(),
                c.before,
                "{code}: one region per township of the county"
            );
            let regions: std::collections::BTreeSet<u32> = c.assignment.iter().copied().collect();
            assert_eq!(regions.len(), c.after, "{code}");
            assert!(c.after >= 1 && c.after <= c.before);
            if let Some(b) = c.bound {
                assert!(
                    b >= c.after && b <= c.before,
                    "{code}: bound {b}, p {}",
                    c.after
                );
            }
        }
        assert_eq!(run.before, counts.iter().map(|(_, n)| n).sum::<usize>());
        assert_eq!(
            run.after,
            run.counties.iter().map(|c| c.after).sum::<usize>()
        );
        let policies: Vec<(&str, &str)> = answer
            .policies
            .iter()
            .map(|p| (p.province.as_str(), p.policy.as_str()))
            .collect();
        assert_eq!(
            policies,
            [("13", "hebei"), ("51", "sichuan"), ("65", "default")]
        );

        // A city is the part of its province's run; the same seed gives the same answer.
        let city = region(
            &app,
            &operator,
            &RegionRequest {
                prefix: "5101".into(),
                ..req.clone()
            },
        )
        .unwrap()
        .summary;
        let part: Vec<_> = run
            .counties
            .iter()
            .filter(|c| c.code.starts_with("5101"))
            .map(|c| (c.code.clone(), c.after))
            .collect();
        assert_eq!(
            city.counties
                .iter()
                .map(|c| (c.code.clone(), c.after))
                .collect::<Vec<_>>(),
            part
        );
    }
}

#[test]
fn accounts_see_their_jurisdiction_and_bad_prefixes_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("list");
    std::fs::create_dir(&list).unwrap();
    write_list(&list, &["13", "51"], 5);
    let app = App::open(&format!("sqlite:{}", dir.path().join("r.db").display())).unwrap();
    imports::nbs(&app, &Actor::operator("x"), &list, "2023-06-30").unwrap();
    let hebei = Actor {
        name: "hebei".into(),
        role: Some(Role::ProvinceApprover),
        jurisdiction: Jurisdiction::parse("13", Role::ProvinceApprover).unwrap(),
        department: None,
        org: None,
    };
    let req = |p: &str| RegionRequest {
        prefix: p.into(),
        schematic: true,
        ..Default::default()
    };
    assert!(region(&app, &hebei, &req("13")).is_ok());
    assert!(region(&app, &hebei, &req("1301")).is_ok());
    for outside in ["51", ""] {
        let e = region(&app, &hebei, &req(outside)).unwrap_err();
        assert_eq!(e.kind, quhua_app::ErrorKind::Forbidden, "{outside:?}");
    }
    for bad in ["1", "130", "13a", "130634"] {
        let e = region(&app, &Actor::operator("x"), &req(bad)).unwrap_err();
        assert_eq!(e.kind, quhua_app::ErrorKind::Invalid, "{bad:?}");
    }
}
