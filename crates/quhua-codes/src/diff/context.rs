//! Shared state of one diff, evidence building, and the checks behind a
//! type change's confidence (old code retired, range, next free number).

use super::ChangeKind;
use super::items::{Item, KindInfo, Side};
use crate::code::{DivisionCode, Level};
use crate::kind::TownshipRange;
use std::collections::{BTreeSet, HashMap};

/// Evidence collected in both languages.
#[derive(Default)]
pub(super) struct Evidence {
    pub(super) zh: Vec<String>,
    pub(super) en: Vec<String>,
}

impl Evidence {
    pub(super) fn push(&mut self, zh: impl Into<String>, en: impl Into<String>) {
        self.zh.push(zh.into());
        self.en.push(en.into());
    }

    pub(super) fn finish(self) -> String {
        format!("{} / {}", self.zh.join("，"), self.en.join("; "))
    }
}

/// A proposed event before it becomes a [`CandidateEvent`](super::CandidateEvent).
pub(super) struct Draft {
    pub(super) kind: ChangeKind,
    pub(super) confidence: f64,
    pub(super) evidence: Evidence,
}

/// Match tiers, strongest evidence first (module docs, steps 1–6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Tier {
    SameCodeSameStem,
    SameName,
    SameStem,
    SameCodeCloseStem,
    SameCode,
    CloseStem,
}

/// Township codes of one county, for the "next free number" check.
#[derive(Default)]
pub(super) struct CountyCodes {
    pub(super) old: BTreeSet<u16>,
    pub(super) new: BTreeSet<u16>,
}

/// Shared state of one diff.
pub(super) struct Ctx<'a> {
    pub(super) old: Side<'a>,
    pub(super) new: Side<'a>,
    pub(super) counties: HashMap<DivisionCode, CountyCodes>,
}

pub(super) fn group_of(code: DivisionCode) -> DivisionCode {
    code.parent().unwrap_or(code)
}

pub(super) fn round2(x: f64) -> f64 {
    (x.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

pub(super) fn range_zh(r: TownshipRange) -> &'static str {
    match r {
        TownshipRange::Subdistrict => "街道",
        TownshipRange::Town => "镇",
        TownshipRange::Township => "乡",
        TownshipRange::Similar => "类似乡级单位",
    }
}

pub(super) fn range_en(r: TownshipRange) -> &'static str {
    match r {
        TownshipRange::Subdistrict => "subdistrict",
        TownshipRange::Town => "town",
        TownshipRange::Township => "township",
        TownshipRange::Similar => "township-like unit",
    }
}

impl Ctx<'_> {
    /// How a code is written in evidence: the 3-digit township number (the
    /// county is named in the scope), or the short code at other levels.
    pub(super) fn local(&self, code: DivisionCode) -> String {
        if code.level() == Level::Township {
            format!("{:03}", code.township_seq())
        } else {
            code.short()
        }
    }

    /// "同县（130634）" and its English.
    pub(super) fn scope(&self, code: DivisionCode) -> (String, String) {
        match code.parent() {
            Some(p) if code.level() == Level::Township => {
                (format!("同县（{p}）"), format!("same county {p}"))
            }
            Some(p) => (format!("同一上级（{p}）"), format!("same parent {p}")),
            None => ("同表".to_string(), "same list".to_string()),
        }
    }

    /// If `seq` is the county's next free number in `range` (every number
    /// between the old list's maximum in the range and `seq` is newly taken in
    /// the new list), returns the old maximum (`None` if the range was empty).
    pub(super) fn next_free(
        &self,
        code: DivisionCode,
        range: TownshipRange,
        seq: u16,
    ) -> Option<Option<u16>> {
        let county = self.counties.get(&group_of(code))?;
        let numbers = range.numbers();
        if !numbers.contains(&seq) {
            return None;
        }
        let prev = county.old.range(numbers.clone()).next_back().copied();
        let start = prev.map_or(*numbers.start(), |m| m + 1);
        (seq >= start && (start..seq).all(|k| county.new.contains(&k))).then_some(prev)
    }

    /// The three checks that raise a type change's confidence by 0.05 each:
    /// old code retired, new code in the new kind's range, new code the next
    /// free number of that range.
    pub(super) fn type_change_checks(&self, o: &Item, n: &Item, ev: &mut Evidence) -> f64 {
        let mut bonus = 0.0;
        let (oc, nc) = (o.code(), n.code());
        let okind = o.kind.map_or("", |k| k.kind.zh());
        match self.new.by_code.get(&oc) {
            None => {
                bonus += 0.05;
                ev.push(
                    format!("旧码{}（{okind}）停用", self.local(oc)),
                    format!("old code {} ({okind}) retired", self.local(oc)),
                );
            }
            Some(&j) => ev.push(
                format!(
                    "旧码{}在新表中为“{}”",
                    self.local(oc),
                    self.new.items[j].entry.name
                ),
                format!(
                    "old code {} carries \"{}\" in the new list",
                    self.local(oc),
                    self.new.items[j].entry.name
                ),
            ),
        }
        let Some(nk) = n.kind else {
            return bonus;
        };
        let range = nk.kind.range();
        let (lo, hi) = (*range.numbers().start(), *range.numbers().end());
        let (rzh, ren) = (range_zh(range), range_en(range));
        let seq = nc.township_seq();
        if !range.numbers().contains(&seq) {
            ev.push(
                format!("新码{seq:03}不在{rzh}号段（{lo:03}–{hi:03}）"),
                format!("new code {seq:03} lies outside the {ren} range {lo:03}–{hi:03}"),
            );
            return bonus;
        }
        bonus += 0.05;
        ev.push(
            format!("新码{seq:03}在{rzh}号段（{lo:03}–{hi:03}）"),
            format!("new code {seq:03} in the {ren} range {lo:03}–{hi:03}"),
        );
        if let Some(prev) = self.next_free(nc, range, seq) {
            bonus += 0.05;
            match prev {
                Some(m) => ev.push(
                    format!("为该县{rzh}号段下一个空号（原最大{m:03}）"),
                    format!("the county's next free {ren} number (previous maximum {m:03})"),
                ),
                None => ev.push(
                    format!("为该县{rzh}号段第一个号（此前该号段无代码）"),
                    format!("the first number of the county's {ren} range (it was empty)"),
                ),
            }
        }
        bonus
    }

    /// Describes a kind change ("建制由乡变为镇").
    pub(super) fn kind_change(o: KindInfo, n: KindInfo, ev: &mut Evidence) {
        ev.push(
            format!("建制由{}变为{}", o.kind.zh(), n.kind.zh()),
            format!("kind changed from {} to {}", o.kind.en(), n.kind.en()),
        );
    }
}
