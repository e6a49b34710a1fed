//! Boundaries through the one use case: the demo county's polygons stored on its import give
//! the base its adjacency; a file of village or township polygons is linked by code (field and
//! county detected), previewed, stored or replaced; any bad feature is named and nothing is
//! stored (property-tested on generated corruptions); the roles that may not import are refused;
//! a plan's maps (方案, 评估报告) are drawn from the stored set, 示意 only when it is schematic.

use geo_types::MultiPolygon;
use proptest::prelude::*;
use quhua_app::access::{Actor, Jurisdiction, Role};
use quhua_app::boundaries::{
    self, BoundaryFile, BoundaryLevel, BoundaryOptions, ProblemKind, geometry_json,
};
use quhua_app::{App, ErrorKind, imports};
use quhua_core::policy::Policy;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn actor(role: Role, jurisdiction: &str) -> Actor {
    Actor {
        name: "quyang".into(),
        role: Some(role),
        jurisdiction: Jurisdiction::parse(jurisdiction, role).unwrap(),
        department: None,
        org: None,
    }
}

fn editor() -> Actor {
    actor(Role::CountyEditor, "130634")
}

fn demo_app() -> (App, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&format!("sqlite:{}", dir.path().join("b.db").display())).unwrap();
    imports::demo(&app, &Actor::operator("tester")).unwrap();
    (app, dir)
}

fn demo() -> &'static quhua_demo::Demo {
    static DEMO: OnceLock<quhua_demo::Demo> = OnceLock::new();
    DEMO.get_or_init(|| quhua_demo::Demo::load().unwrap())
}

/// The demo's village polygons as a GeoJSON FeatureCollection with codes in `XZQDM`.
fn village_features(app: &App) -> Vec<Value> {
    let reg = app.registry().unwrap();
    let snap = reg.as_of(quhua_app::county::latest_date(&reg));
    let d = demo();
    d.geometry
        .ids
        .iter()
        .zip(&d.geometry.polygons)
        .map(|(id, poly)| {
            let u = snap.get(*id).unwrap();
            feature(json!({"XZQDM": u.code.full(), "MC": u.name}), poly)
        })
        .collect()
}

fn feature(props: Value, poly: &MultiPolygon<f64>) -> Value {
    let coords: Value = serde_json::from_str(&geometry_json(poly)).unwrap();
    json!({"type": "Feature", "properties": props,
           "geometry": {"type": "MultiPolygon", "coordinates": coords}})
}

fn file(name: &str, features: &[Value]) -> BoundaryFile {
    BoundaryFile {
        name: name.into(),
        bytes: serde_json::to_vec(&json!({"type": "FeatureCollection", "features": features}))
            .unwrap(),
    }
}

fn commit() -> BoundaryOptions {
    BoundaryOptions {
        commit: true,
        ..Default::default()
    }
}

fn edges(base: &quhua_core::scenario::Base) -> BTreeSet<(u32, u32)> {
    let adj = base.adjacency.as_ref().expect("adjacency");
    adj.iter()
        .enumerate()
        .flat_map(|(a, ns)| ns.iter().map(move |&b| (a as u32, b)))
        .filter(|(a, b)| a < b)
        .collect()
}

#[test]
fn the_demo_county_maps_from_its_stored_boundaries() {
    let (app, _dir) = demo_app();
    let sets = app.store().boundary_sets().unwrap();
    assert_eq!(sets.len(), 1);
    assert!(sets[0].set.synthetic && sets[0].set.level == "village");
    let policy = Policy::builtin("default").unwrap();
    let cb = quhua_app::county::load(&app, "130634", &policy).unwrap();
    let g = cb.geometry.as_ref().expect("geometry");
    assert!(g.synthetic);
    // The same adjacency as the demo's own geometry.
    let own = demo().base(None, &policy).unwrap();
    assert_eq!(edges(&cb.base), edges(&own));
    assert!(cb.village_xy.unwrap().iter().all(Option::is_some));
}

#[test]
fn a_village_file_is_linked_by_detected_field_and_county_then_replaces_the_set() {
    let (app, _dir) = demo_app();
    let feats = village_features(&app);
    let f = file("曲阳县村界.geojson", &feats);
    // A preview stores nothing.
    let before = app.store().audit_log().unwrap().len();
    let preview =
        boundaries::import(&app, &editor(), None, &f, &BoundaryOptions::default()).unwrap();
    assert_eq!(preview.county, "130634");
    assert_eq!(preview.code_field, "XZQDM");
    assert_eq!(preview.level, BoundaryLevel::Village);
    assert_eq!((preview.matched, preview.units), (feats.len(), feats.len()));
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert!(!preview.stored);
    assert_eq!(app.store().audit_log().unwrap().len(), before);
    // Stored: it replaces the demo's schematic set, and is no longer schematic.
    let r = boundaries::import(&app, &editor(), None, &f, &commit()).unwrap();
    assert!(r.stored);
    assert_eq!(r.replaced, feats.len());
    assert!(r.area_km2 > 100.0);
    let sets = app.store().boundary_sets().unwrap();
    assert_eq!(sets.len(), 1);
    assert!(!sets[0].set.synthetic);
    assert_eq!(sets[0].set.source, "曲阳县村界.geojson");
    let policy = Policy::builtin("default").unwrap();
    let cb = quhua_app::county::load(&app, "130634", &policy).unwrap();
    let own = demo().base(None, &policy).unwrap();
    // Surveyed data is matched within a metre: at least every shared edge of the demo.
    assert!(edges(&own).is_subset(&edges(&cb.base)));
}

/// The demo's villages dissolved into their townships, as features with the codes as numbers
/// in the 9-digit form in a field named 代码; and the townships' ids.
fn township_features(app: &App) -> (Vec<Value>, Vec<quhua_core::unit::UnitId>) {
    let reg = app.registry().unwrap();
    let snap = reg.as_of(quhua_app::county::latest_date(&reg));
    let d = demo();
    let parents: Vec<quhua_core::unit::UnitId> = d
        .geometry
        .ids
        .iter()
        .map(|id| snap.get(*id).unwrap().parent.unwrap())
        .collect();
    let towns: Vec<quhua_core::unit::UnitId> = parents
        .iter()
        .copied()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let group: Vec<usize> = parents
        .iter()
        .map(|p| towns.iter().position(|t| t == p).unwrap())
        .collect();
    let shapes = quhua_geo::dissolve(&d.geometry.polygons, &group, towns.len()).unwrap();
    let feats = towns
        .iter()
        .zip(&shapes)
        .map(|(t, s)| {
            let code: u64 = snap.get(*t).unwrap().code.short().parse().unwrap();
            feature(json!({"代码": code}), s)
        })
        .collect();
    (feats, towns)
}

#[test]
fn a_township_file_gives_contiguity_of_whole_townships() {
    let (app, _dir) = demo_app();
    let reg = app.registry().unwrap();
    let (feats, towns) = township_features(&app);
    let opts = BoundaryOptions {
        level: Some(BoundaryLevel::Township),
        ..commit()
    };
    let r = boundaries::import(
        &app,
        &editor(),
        Some("130634"),
        &file("乡镇界.json", &feats),
        &opts,
    )
    .unwrap();
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(
        (r.level, r.code_field.as_str()),
        (BoundaryLevel::Township, "代码")
    );
    // Built from the township set alone: every village of a township is linked to the others,
    // and touching townships are linked.
    let sets: Vec<_> = app
        .store()
        .boundaries("130634")
        .unwrap()
        .into_iter()
        .filter(|(s, _)| s.set.level == "township")
        .collect();
    let policy = Policy::builtin("default").unwrap();
    let cb = quhua_app::county::build_with(&reg, "130634", &policy, &sets).unwrap();
    let g = cb.geometry.as_ref().unwrap();
    assert_eq!(g.level, BoundaryLevel::Township);
    // One carrier per township holds its polygon.
    let carried = g.polygons.iter().filter(|p| !p.0.is_empty()).count();
    assert_eq!(carried, towns.len());
    let e = edges(&cb.base);
    for t in &cb.base.townships {
        for w in t.villages.windows(2) {
            assert!(e.contains(&(w[0].min(w[1]), w[0].max(w[1]))));
        }
    }
    // Township adjacency implied by the village-level demo geometry is kept.
    let own = demo().base(None, &policy).unwrap();
    let town_of = |b: &quhua_core::scenario::Base, v: u32| b.villages[v as usize].township;
    let pairs = |b: &quhua_core::scenario::Base| -> BTreeSet<(u32, u32)> {
        edges(b)
            .into_iter()
            .map(|(a, c)| (town_of(b, a), town_of(b, c)))
            .filter(|(a, c)| a != c)
            .map(|(a, c)| (a.min(c), a.max(c)))
            .collect()
    };
    assert_eq!(pairs(&cb.base), pairs(&own));
}

#[test]
fn only_the_county_editor_of_the_county_imports() {
    let (app, _dir) = demo_app();
    let f = file("村界.geojson", &village_features(&app));
    for who in [
        actor(Role::CountyEditor, "130623"),
        actor(Role::CityReviewer, "1306"),
        actor(Role::Viewer, "130634"),
    ] {
        let e = boundaries::import(&app, &who, Some("130634"), &f, &commit()).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Forbidden, "{who:?}");
    }
    // Refused before the file is even read: a viewer sending garbage gets 403, not a parse error.
    let garbage = BoundaryFile {
        name: "村界.geojson".into(),
        bytes: b"not json at all".to_vec(),
    };
    for county in [Some("130634"), None] {
        let e = boundaries::import(
            &app,
            &actor(Role::Viewer, "130634"),
            county,
            &garbage,
            &commit(),
        )
        .unwrap_err();
        assert_eq!(e.kind, ErrorKind::Forbidden, "{county:?}");
    }
    // Unreadable files are errors naming the file.
    let bad = BoundaryFile {
        name: "村界.geojson".into(),
        bytes: b"{\"type\": \"FeatureCollection\", \"features\": [".to_vec(),
    };
    let e = boundaries::import(&app, &editor(), Some("130634"), &bad, &commit()).unwrap_err();
    assert!(e.zh.contains("村界.geojson"), "{}", e.zh);
    let e = boundaries::import(
        &app,
        &editor(),
        Some("130634"),
        &f,
        &BoundaryOptions {
            code_field: Some("无此字段".into()),
            ..commit()
        },
    )
    .unwrap_err();
    assert!(
        e.zh.contains("无此字段") && e.en.contains("XZQDM"),
        "{}",
        e.en
    );
}

/// Submits the demo's sample scheme (not applied: the documents apply it to a copy).
fn submit_sample(app: &App) -> i64 {
    quhua_app::plans::submit(
        app,
        &Actor::operator("tester"),
        &quhua_app::plans::SchemeSource::Text(quhua_demo::SAMPLE_SCENARIO.into()),
        "national",
        quhua_core::date::parse_date("2026-03-01").unwrap(),
    )
    .unwrap()
}

/// The maps of plan `id` in its documents (before, after), as SVG with their captions.
fn plan_maps(app: &App, id: i64) -> Option<[(String, String); 2]> {
    let f =
        quhua_app::plans::government::plan_facts(app, &Actor::operator("tester"), id, true, false)
            .unwrap();
    f.maps
        .map(|(b, a)| [(b.caption, b.svg), (a.caption, a.svg)])
}

/// The drawn regions of a map's SVG (the north arrow aside).
fn regions(svg: &str) -> Vec<&str> {
    svg.lines()
        .filter(|l| l.starts_with("<path d=\"M") && l.contains("stroke-width=\"0.6\""))
        .collect()
}

/// Entries of a map's legend.
fn legend(svg: &str) -> usize {
    svg.matches("width=\"16\" height=\"14\"").count()
}

#[test]
fn a_plans_maps_come_from_the_stored_village_boundaries_schematic_only_when_they_are() {
    let (app, _dir) = demo_app();
    let id = submit_sample(&app);
    let villages = demo().geometry.ids.len();
    // The demo's schematic set: every village drawn, labelled 示意.
    let [(cb, sb), (ca, sa)] = plan_maps(&app, id).expect("maps");
    assert!(cb.contains("示意图") && ca.contains("示意图"), "{cb} {ca}");
    assert!(sb.contains("示意图") && sa.contains("示意图"));
    assert_eq!(regions(&sb).len(), villages);
    assert_eq!((legend(&sb), legend(&sa)), (18, 12));
    // Surveyed village boundaries (here the demo's, stretched north–south) replace them.
    let (lat0, k) = (38.6, 1.5);
    let stretched: Vec<Value> = village_features(&app)
        .into_iter()
        .map(|mut f| {
            let mut c = f["geometry"]["coordinates"].clone();
            for poly in c.as_array_mut().unwrap() {
                for ring in poly.as_array_mut().unwrap() {
                    for p in ring.as_array_mut().unwrap() {
                        let lat = p[1].as_f64().unwrap();
                        p[1] = json!(lat0 + (lat - lat0) * k);
                    }
                }
            }
            f["geometry"]["coordinates"] = c;
            f
        })
        .collect();
    let r = boundaries::import(
        &app,
        &editor(),
        Some("130634"),
        &file("曲阳县村界.geojson", &stretched),
        &commit(),
    )
    .unwrap();
    assert!(r.stored, "{:?}", r.problems);
    let [(cb, b), (ca, a)] = plan_maps(&app, id).expect("maps");
    // Drawn from the stored set: the same villages and townships, other outlines.
    assert_eq!(regions(&b).len(), villages);
    assert_eq!((legend(&b), legend(&a)), (18, 12));
    assert_ne!(regions(&b), regions(&sb));
    // Not schematic: no 示意 on the maps, their captions or the downloaded file.
    for text in [&cb, &ca, &b, &a] {
        assert!(!text.contains("示意"), "{cb} {ca}");
    }
    let m = quhua_app::plans::government::map(&app, &Actor::operator("tester"), id, true, false)
        .unwrap();
    assert!(!m.name.contains("示意"), "{}", m.name);
    assert_eq!(
        regions(&String::from_utf8(m.bytes).unwrap()).len(),
        villages
    );
}

#[test]
fn with_township_boundaries_only_a_plans_maps_draw_the_townships() {
    // The demo registry without its boundaries: no map can be drawn.
    let dir = tempfile::tempdir().unwrap();
    let app = App::open(&format!("sqlite:{}", dir.path().join("t.db").display())).unwrap();
    let meta = quhua_store::ImportMeta::from_bytes("tester", "quhua-demo", b"demo");
    app.store()
        .save_registry_import(&demo().registry, &meta)
        .unwrap();
    app.refresh().unwrap();
    let id = submit_sample(&app);
    assert!(plan_maps(&app, id).is_none());
    let e = quhua_app::plans::government::map(&app, &Actor::operator("tester"), id, false, false)
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::NotFound);
    // Township boundaries: each township's polygon, merged townships in one colour.
    let (feats, towns) = township_features(&app);
    let opts = BoundaryOptions {
        level: Some(BoundaryLevel::Township),
        ..commit()
    };
    let r = boundaries::import(
        &app,
        &editor(),
        Some("130634"),
        &file("乡镇界.json", &feats),
        &opts,
    )
    .unwrap();
    assert!(r.stored, "{:?}", r.problems);
    let [(cb, b), (ca, a)] = plan_maps(&app, id).expect("maps");
    assert_eq!(regions(&b).len(), towns.len());
    assert_eq!(regions(&a).len(), towns.len());
    assert_eq!((legend(&b), legend(&a)), (18, 12));
    for text in [&cb, &ca, &b, &a] {
        assert!(!text.contains("示意"), "{cb} {ca}");
    }
}

/// A corruption of one feature: (feature index, kind).
fn corrupt(feats: &mut [Value], i: usize, kind: u8) {
    let n = feats.len();
    match kind {
        // A bow-tie ring.
        0 => {
            feats[i]["geometry"]["coordinates"] = json!([[[
                [114.0, 38.0],
                [114.1, 38.1],
                [114.1, 38.0],
                [114.0, 38.1],
                [114.0, 38.0]
            ]]])
        }
        // A code of no unit of the county.
        1 => feats[i]["properties"]["XZQDM"] = json!("130634999999"),
        // A code of another county.
        2 => feats[i]["properties"]["XZQDM"] = json!("130623100001"),
        // No code.
        3 => feats[i]["properties"]["XZQDM"] = Value::Null,
        // The code of another feature.
        _ => {
            let other = feats[(i + 1) % n]["properties"]["XZQDM"].clone();
            feats[i]["properties"]["XZQDM"] = other;
        }
    }
}

fn shared() -> &'static (App, tempfile::TempDir, Vec<Value>) {
    static S: OnceLock<(App, tempfile::TempDir, Vec<Value>)> = OnceLock::new();
    S.get_or_init(|| {
        let (app, dir) = demo_app();
        let feats = village_features(&app);
        (app, dir, feats)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    #[test]
    fn every_bad_feature_is_named_and_nothing_is_stored(
        picks in proptest::collection::btree_map(0usize..370, 0u8..5, 1..5)
    ) {
        let (app, _dir, clean) = shared();
        let mut feats = clean.clone();
        for (&i, &k) in &picks {
            corrupt(&mut feats, i, k);
        }
        let before = app.store().boundary_sets().unwrap();
        let log = app.store().audit_log().unwrap().len();
        let r = boundaries::import(app, &editor(), Some("130634"), &file("村界.geojson", &feats), &commit()).unwrap();
        prop_assert!(!r.stored);
        prop_assert_eq!(app.store().boundary_sets().unwrap(), before);
        prop_assert_eq!(app.store().audit_log().unwrap().len(), log);
        let named: BTreeSet<usize> = r.problems.iter().map(|p| p.feature).collect();
        for (&i, &k) in &picks {
            // A duplicate is named at the later of the two features.
            let at = if k == 4 { i.max((i + 1) % feats.len()) + 1 } else { i + 1 };
            let dup_of_corrupted = k == 4 && picks.contains_key(&((i + 1) % feats.len()));
            prop_assert!(dup_of_corrupted || named.contains(&at) || named.contains(&(i + 1)),
                "feature {} ({}) not named: {:?}", i + 1, k, r.problems);
        }
        // A unit whose feature lost its code is listed as missing.
        if picks.values().any(|&k| k != 0) {
            prop_assert!(r.problems.iter().any(|p| p.kind == ProblemKind::Missing));
        }
    }
}
