//! A 清产核资 ledger: items, each transferred, disposed or written off, with running tallies
//! per (unit, category) and a conservation check that recomputes everything from the items.

use super::items::LedgerItem;
use super::money::Money;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// What happened to an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "as", rename_all = "snake_case", deny_unknown_fields)]
pub enum Disposition {
    /// Not yet decided.
    Unassigned,
    /// 移交 to the successor (its code).
    Transferred {
        /// The successor's code.
        to: String,
    },
    /// 处置 through a route (盘活方式; for debts 清偿/收回).
    Disposed {
        /// Route id.
        route: String,
        /// Note (buyer, contract, new use …).
        #[serde(default)]
        note: Option<String>,
    },
    /// 核销 with an approval reference.
    WrittenOff {
        /// 批准文号.
        approval: String,
    },
}

impl Disposition {
    /// Bucket index: 0 transferred, 1 disposed, 2 written off, 3 unassigned.
    pub fn bucket(&self) -> usize {
        match self {
            Disposition::Transferred { .. } => 0,
            Disposition::Disposed { .. } => 1,
            Disposition::WrittenOff { .. } => 2,
            Disposition::Unassigned => 3,
        }
    }
}

/// A count and a value.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct Tally {
    /// Number of items.
    pub items: u64,
    /// Their value.
    pub value: Money,
}

impl Tally {
    fn add(&mut self, v: Money) {
        self.items += 1;
        self.value += v;
    }
    fn sub(&mut self, v: Money) {
        self.items -= 1;
        self.value -= v;
    }
    fn plus(self, o: Tally) -> Tally {
        Tally {
            items: self.items + o.items,
            value: self.value + o.value,
        }
    }
}

fn add4(into: &mut [Tally; 4], from: &[Tally; 4]) {
    for (a, b) in into.iter_mut().zip(from) {
        *a = a.plus(*b);
    }
}

/// One row of the conservation proof: before = transferred + disposed + written off (+ unassigned).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ConservationRow {
    /// Owner code (`*` for all).
    pub owner: String,
    /// Category (`*` for all).
    pub category: String,
    /// As imported.
    pub before: Tally,
    /// 移交.
    pub transferred: Tally,
    /// 处置.
    pub disposed: Tally,
    /// 核销.
    pub written_off: Tally,
    /// Not yet decided.
    pub unassigned: Tally,
    /// before = transferred + disposed + written off + unassigned, count and value, exactly.
    pub balanced: bool,
    /// Balanced and nothing unassigned.
    pub conserved: bool,
}

impl ConservationRow {
    fn new(owner: &str, category: &str, before: Tally, b: [Tally; 4]) -> ConservationRow {
        let sum = b[0].plus(b[1]).plus(b[2]).plus(b[3]);
        let balanced = sum == before;
        ConservationRow {
            owner: owner.to_string(),
            category: category.to_string(),
            before,
            transferred: b[0],
            disposed: b[1],
            written_off: b[2],
            unassigned: b[3],
            balanced,
            conserved: balanced && b[3].items == 0,
        }
    }
}

/// The conservation proof of a ledger, recomputed from the items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Conservation {
    /// Per (unit, category).
    pub groups: Vec<ConservationRow>,
    /// Per unit.
    pub by_unit: Vec<ConservationRow>,
    /// Per category.
    pub by_category: Vec<ConservationRow>,
    /// The whole ledger.
    pub total: ConservationRow,
    /// The running tallies agree with the recomputation (and the items with their groups).
    pub tallies_agree: bool,
    /// Everything balanced, nothing unassigned, tallies agree.
    pub conserved: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Group {
    owner: String,
    category: String,
    before: Tally,
    buckets: [Tally; 4],
}

/// The serialised form: items and their dispositions; the rest is rebuilt.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LedgerData<T> {
    items: Vec<T>,
    dispositions: Vec<Disposition>,
}

/// A ledger of items with their dispositions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    into = "LedgerData<T>",
    from = "LedgerData<T>",
    bound(
        serialize = "T: LedgerItem + Serialize",
        deserialize = "T: LedgerItem + serde::de::DeserializeOwned"
    )
)]
pub struct Ledger<T: LedgerItem> {
    items: Vec<T>,
    disp: Vec<Disposition>,
    group_of: Vec<u32>,
    groups: Vec<Group>,
    index: HashMap<String, u32>,
}

impl<T: LedgerItem> From<Ledger<T>> for LedgerData<T> {
    fn from(l: Ledger<T>) -> Self {
        LedgerData {
            items: l.items,
            dispositions: l.disp,
        }
    }
}

impl<T: LedgerItem> From<LedgerData<T>> for Ledger<T> {
    fn from(d: LedgerData<T>) -> Self {
        let mut l = Ledger::build(d.items);
        for (i, disp) in d.dispositions.into_iter().enumerate().take(l.items.len()) {
            l.set_at(i, disp);
        }
        l
    }
}

impl<T: LedgerItem> Default for Ledger<T> {
    fn default() -> Self {
        Ledger::build(Vec::new())
    }
}

impl<T: LedgerItem> Ledger<T> {
    /// A ledger of `items`, all unassigned. Duplicate ids: the first wins the index (callers
    /// check duplicates before, see [`Ledger::first_duplicate`]).
    pub fn build(items: Vec<T>) -> Ledger<T> {
        let mut group_ix: HashMap<(&str, &str), u32> = HashMap::new();
        let mut groups: Vec<Group> = Vec::new();
        let mut group_of = Vec::with_capacity(items.len());
        let mut index = HashMap::with_capacity(items.len());
        for (i, it) in items.iter().enumerate() {
            let g = *group_ix
                .entry((it.owner(), it.category()))
                .or_insert_with(|| {
                    groups.push(Group {
                        owner: it.owner().to_string(),
                        category: it.category().to_string(),
                        before: Tally::default(),
                        buckets: [Tally::default(); 4],
                    });
                    (groups.len() - 1) as u32
                });
            let gr = &mut groups[g as usize];
            gr.before.add(it.value());
            gr.buckets[3].add(it.value());
            group_of.push(g);
            index.entry(it.id().to_string()).or_insert(i as u32);
        }
        Ledger {
            disp: vec![Disposition::Unassigned; items.len()],
            items,
            group_of,
            groups,
            index,
        }
    }

    /// The first id that appears twice: (index of the second, index of the first).
    pub fn first_duplicate(items: &[T]) -> Option<(usize, usize)> {
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(items.len());
        for (i, it) in items.iter().enumerate() {
            if let Some(&f) = seen.get(it.id()) {
                return Some((i, f));
            }
            seen.insert(it.id(), i);
        }
        None
    }

    /// The items.
    pub fn items(&self) -> &[T] {
        &self.items
    }

    /// The dispositions, parallel to [`Ledger::items`].
    pub fn dispositions(&self) -> &[Disposition] {
        &self.disp
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the ledger is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The position of an item by id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.get(id).map(|&i| i as usize)
    }

    /// An item and its disposition by id.
    pub fn get(&self, id: &str) -> Option<(&T, &Disposition)> {
        self.position(id).map(|i| (&self.items[i], &self.disp[i]))
    }

    /// Sets the disposition of item `i`, keeping the tallies (the caller validated it).
    pub(crate) fn set_at(&mut self, i: usize, d: Disposition) {
        let v = self.items[i].value();
        let g = &mut self.groups[self.group_of[i] as usize];
        g.buckets[self.disp[i].bucket()].sub(v);
        g.buckets[d.bucket()].add(v);
        self.disp[i] = d;
    }

    /// Running tallies per (owner, category): before and the four buckets.
    pub fn group_tallies(&self) -> impl Iterator<Item = (&str, &str, Tally, [Tally; 4])> {
        self.groups
            .iter()
            .map(|g| (g.owner.as_str(), g.category.as_str(), g.before, g.buckets))
    }

    /// The running totals: before and the four buckets (transferred, disposed, written off,
    /// unassigned), from the tallies (O(groups)).
    pub fn totals(&self) -> (Tally, [Tally; 4]) {
        let mut before = Tally::default();
        let mut b = [Tally::default(); 4];
        for g in &self.groups {
            before = before.plus(g.before);
            add4(&mut b, &g.buckets);
        }
        (before, b)
    }

    /// The conservation proof: recomputes every group from the items and their dispositions,
    /// compares with the frozen before-figures and the running tallies, and rolls up per
    /// unit, per category and in total. Exact (integer 分).
    ///
    /// ```
    /// use quhua_workflow::handover::{DebtItem, DebtKind, Disposition, Ledger, Money};
    /// let item = |id: &str, fen| DebtItem { id: id.into(), kind: DebtKind::Debt,
    ///     counterparty: "某公司".into(), amount: Money(fen), due: None,
    ///     owner: "130634200".into(), row: 0 };
    /// let l = Ledger::build(vec![item("D1", 100), item("D2", 250)]);
    /// let c = l.conservation();
    /// assert!(c.total.balanced && !c.conserved);
    /// assert_eq!(c.total.unassigned.value, Money(350));
    /// ```
    pub fn conservation(&self) -> Conservation {
        let n = self.groups.len();
        let mut before = vec![Tally::default(); n];
        let mut buckets = vec![[Tally::default(); 4]; n];
        let mut agree = true;
        for (i, it) in self.items.iter().enumerate() {
            let g = self.group_of[i] as usize;
            let gr = &self.groups[g];
            if gr.owner != it.owner() || gr.category != it.category() {
                agree = false;
            }
            let v = it.value();
            before[g].add(v);
            buckets[g][self.disp[i].bucket()].add(v);
        }
        let mut rows = Vec::with_capacity(n);
        let mut by_unit: BTreeMap<&str, (Tally, [Tally; 4])> = BTreeMap::new();
        let mut by_cat: BTreeMap<&str, (Tally, [Tally; 4])> = BTreeMap::new();
        let mut total = (Tally::default(), [Tally::default(); 4]);
        for (g, gr) in self.groups.iter().enumerate() {
            if gr.before != before[g] || gr.buckets != buckets[g] {
                agree = false;
            }
            // The frozen before-figure is what the proof balances against.
            rows.push(ConservationRow::new(
                &gr.owner,
                &gr.category,
                gr.before,
                buckets[g],
            ));
            for (map_key, map) in [
                (gr.owner.as_str(), &mut by_unit),
                (gr.category.as_str(), &mut by_cat),
            ] {
                let e = map.entry(map_key).or_default();
                e.0 = e.0.plus(gr.before);
                add4(&mut e.1, &buckets[g]);
            }
            total.0 = total.0.plus(gr.before);
            add4(&mut total.1, &buckets[g]);
        }
        rows.sort_by(|a, b| (&a.owner, &a.category).cmp(&(&b.owner, &b.category)));
        let by_unit: Vec<ConservationRow> = by_unit
            .into_iter()
            .map(|(k, (b, x))| ConservationRow::new(k, "*", b, x))
            .collect();
        let by_category: Vec<ConservationRow> = by_cat
            .into_iter()
            .map(|(k, (b, x))| ConservationRow::new("*", k, b, x))
            .collect();
        let total = ConservationRow::new("*", "*", total.0, total.1);
        let conserved = agree
            && total.conserved
            && rows.iter().all(|r| r.conserved)
            && by_unit.iter().all(|r| r.conserved)
            && by_category.iter().all(|r| r.conserved);
        Conservation {
            groups: rows,
            by_unit,
            by_category,
            total,
            tallies_agree: agree,
            conserved,
        }
    }
}
