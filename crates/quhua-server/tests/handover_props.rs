//! Properties of the stored handover, through the application layer on a database prepared
//! like `quhua serve --demo`: after any sequence of actions — dispositions (valid or not),
//! transfers of the rest, checklist lines, closing sections — the ledgers as stored conserve
//! count and book value exactly, a refused action stores nothing, and a closed section's items
//! never change; two writers at once lose nothing.

use proptest::prelude::*;
use quhua_app::App;
use quhua_app::access::Actor;
use quhua_app::handover::{self, Action, LedgerKind};
use quhua_server::auth::password::HashParams;
use quhua_store::Store;
use quhua_workflow::handover::{Disposition, Handover, Money};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const PLAN: i64 = 2;

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
}

/// The database, its URL, and the assets' and debts' (count, value) before any action.
type Fixture = (tempfile::TempDir, String, (u64, Money), (u64, Money));

/// One demo database for every case (the sequence simply goes on).
fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("p.db").display());
        quhua_server::demo::prepare(&url, &HashParams::insecure_fast()).unwrap();
        let h = stored(&url);
        let a = h.assets.conservation().total.before;
        let d = h.debts.conservation().total.before;
        (dir, url, (a.items, a.value), (d.items, d.value))
    })
}

fn stored(url: &str) -> Handover {
    Store::open(url)
        .unwrap()
        .get::<Handover>(PLAN)
        .unwrap()
        .unwrap()
        .body
}

/// Dispositions of the items of every closed section, by item id.
fn closed_items(h: &Handover) -> BTreeMap<String, Disposition> {
    let mut out = BTreeMap::new();
    for (it, d) in h.assets.items().iter().zip(h.assets.dispositions()) {
        if h.ledger_owner_closed(&it.owner) {
            out.insert(format!("a:{}", it.id), d.clone());
        }
    }
    for (it, d) in h.debts.items().iter().zip(h.debts.dispositions()) {
        if h.ledger_owner_closed(&it.owner) {
            out.insert(format!("d:{}", it.id), d.clone());
        }
    }
    out
}

/// An action from generated numbers: mostly dispositions, some of them invalid.
fn action(h: &Handover, pick: usize, kind: u8, flag: bool) -> Action {
    let debts = flag && kind.is_multiple_of(2);
    let (id, owner) = if debts {
        let it = &h.debts.items()[pick % h.debts.len()];
        (it.id.clone(), it.owner.clone())
    } else {
        let it = &h.assets.items()[pick % h.assets.len()];
        (it.id.clone(), it.owner.clone())
    };
    let ledger = if debts {
        LedgerKind::Debts
    } else {
        LedgerKind::Assets
    };
    let pair = h
        .pairs
        .pairs
        .iter()
        .find(|p| owner.starts_with(&p.from.code));
    let to = pair.map_or_else(String::new, |p| p.to.code.clone());
    let sections: Vec<&str> = h.sections.iter().map(|s| s.id.as_str()).collect();
    let section = sections[pick % sections.len()].to_string();
    let disposition = match kind {
        0 => Disposition::Transferred {
            to: if flag { to } else { "130634999".into() },
        },
        1 => Disposition::Disposed {
            route: [
                "market_sale",
                "public_use",
                "collective_use",
                "repaid",
                "nope",
            ][pick % 5]
                .into(),
            note: None,
        },
        2 => Disposition::WrittenOff {
            approval: if flag {
                "曲政字〔2026〕8号（示意）".into()
            } else {
                String::new()
            },
        },
        3 => Disposition::Unassigned,
        4 => {
            return Action::TransferRest {
                section,
                ledger: None,
            };
        }
        5 => {
            let s = &h.sections[pick % h.sections.len()];
            let Some(l) = s.checklist.get(pick % s.checklist.len().max(1)) else {
                return Action::Close { section };
            };
            return Action::Check {
                section: s.id.clone(),
                item: l.item.clone(),
                unit: l.unit.clone(),
                note: None,
            };
        }
        _ => return Action::Close { section },
    };
    Action::Assign {
        ledger,
        ids: vec![id],
        disposition,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn stored_ledgers_conserve_after_any_sequence(
        steps in prop::collection::vec((any::<usize>(), 0u8..7, any::<bool>()), 1..20),
    ) {
        let (_dir, url, assets0, debts0) = fixture();
        let app = App::open(url).unwrap();
        let op = Actor::operator("tester");
        for (pick, kind, flag) in steps {
            let before = stored(url);
            let v0 = app.store().version_of::<Handover>(PLAN).unwrap();
            let frozen = closed_items(&before);
            let a = action(&before, pick, kind, flag);
            let result = handover::act(&app, &op, PLAN, &a, day());
            let after = stored(url);
            let v1 = app.store().version_of::<Handover>(PLAN).unwrap();
            if result.is_err() {
                prop_assert_eq!(v0, v1, "a refused action stores nothing: {:?}", a);
                prop_assert_eq!(&after, &before);
            } else {
                prop_assert_eq!(v1, v0.map(|v| v + 1));
            }
            for (l, (items, value)) in [(after.assets.conservation(), assets0), (after.debts.conservation(), debts0)] {
                prop_assert!(l.tallies_agree);
                prop_assert!(l.total.balanced && l.groups.iter().all(|g| g.balanced));
                prop_assert_eq!(l.total.before.items, *items);
                prop_assert_eq!(l.total.before.value, *value);
            }
            let s = after.status(day());
            let sum = s.assets.transferred.value + s.assets.disposed.value + s.assets.written_off.value + s.assets.unassigned.value;
            prop_assert_eq!(sum, assets0.1);
            let now = closed_items(&after);
            for (id, d) in &frozen {
                prop_assert_eq!(now.get(id), Some(d), "closed item {} changed", id);
            }
            // What the application serves (cached) is what is stored.
            let view = handover::view(&app, &op, PLAN, day()).unwrap();
            prop_assert_eq!(Some(view.version), v1);
            prop_assert_eq!(view.status, s);
        }
    }
}

/// Two writers (two application instances, as two server processes) acting at the same time
/// on different sections: every action of both is stored.
#[test]
fn two_writers_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("w.db").display());
    quhua_server::demo::prepare(&url, &HashParams::insecure_fast()).unwrap();
    let h = stored(&url);
    let open: Vec<_> = h.sections.iter().filter(|s| s.closed.is_none()).collect();
    let (a, b) = (open[0].clone(), open[1].clone());
    std::thread::scope(|scope| {
        for s in [&a, &b] {
            let url = url.clone();
            scope.spawn(move || {
                let app = App::open(&url).unwrap();
                let op = Actor::operator("writer");
                for l in &s.checklist {
                    let act = Action::Check {
                        section: s.id.clone(),
                        item: l.item.clone(),
                        unit: l.unit.clone(),
                        note: Some(s.id.clone()),
                    };
                    handover::act(&app, &op, PLAN, &act, day()).unwrap();
                }
            });
        }
    });
    let after = stored(&url);
    for s in [&a, &b] {
        let now = after.section(&s.id).unwrap();
        assert!(
            now.checklist.iter().all(|l| l.done.is_some()),
            "{}: {:?}",
            s.id,
            now.checklist
        );
    }
}
