//! The matching behind [`super::diff_lists`]; the rules and confidences are
//! documented on the parent module.

use super::context::{CountyCodes, Ctx, Draft, Tier, group_of};
use super::items::{Item, Side, prepare_side};
use super::names;
use super::{CandidateEvent, DiffError, ListEntry, ListSide};
use crate::code::{DivisionCode, Level};
use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A possible pairing of an old and a new entry (indexes into their lists),
/// ordered by tier, then higher confidence, then codes.
struct Candidate {
    key: (Tier, Reverse<u32>, DivisionCode, DivisionCode),
    old: usize,
    new: usize,
    draft: Draft,
}

/// The tier at which two unmatched entries of one county could be paired.
fn tier_of(o: &Item, n: &Item, o_stem: &[char], n_stem: &[char]) -> Option<Tier> {
    let same_code = o.code() == n.code();
    if same_code && o.name.stem == n.name.stem {
        Some(Tier::SameCodeSameStem)
    } else if o.name.norm == n.name.norm {
        Some(Tier::SameName)
    } else if o.name.stem == n.name.stem {
        Some(Tier::SameStem)
    } else if same_code && names::one_char_apart(o_stem, n_stem, 2) {
        Some(Tier::SameCodeCloseStem)
    } else if same_code {
        Some(Tier::SameCode)
    } else if names::one_char_apart(o_stem, n_stem, 3) {
        Some(Tier::CloseStem)
    } else {
        None
    }
}

/// An event with its sort key (group, first code). Two events share a key only when a
/// 新设 takes a code that an old entry had; the kind (新设 first) then orders them.
type Keyed = ((u64, u64), CandidateEvent);

fn emit(events: &mut Vec<Keyed>, o: Option<&Item>, n: Option<&Item>, draft: Draft) {
    let first = o.or(n).map_or(0, |i| i.code().as_u64());
    let group = o.or(n).map_or(0, |i| group_of(i.code()).as_u64());
    events.push((
        (group, first),
        CandidateEvent {
            kind: draft.kind,
            old: o.map(|i| i.entry.clone()),
            new: n.map(|i| i.entry.clone()),
            confidence: draft.confidence,
            evidence: draft.evidence.finish(),
        },
    ));
}

pub(super) fn diff(old: &[ListEntry], new: &[ListEntry]) -> Result<Vec<CandidateEvent>, DiffError> {
    let old_side = prepare_side(old, ListSide::Old)?;
    let new_side = prepare_side(new, ListSide::New)?;

    // Identical code and normalised name: unchanged. Revoked entries count as absent.
    let mut old_used: Vec<bool> = old_side.items.iter().map(|i| i.name.revoked).collect();
    let mut new_used: Vec<bool> = new_side.items.iter().map(|i| i.name.revoked).collect();
    for (i, item) in old_side.items.iter().enumerate() {
        if old_used[i] {
            continue;
        }
        let same = new_side.by_code.get(&item.code()).copied();
        if let Some(j) = same.filter(|&j| new_side.items[j].name.norm == item.name.norm) {
            old_used[i] = true;
            new_used[j] = true;
        }
    }

    // Unmatched entries by parent (county), in code order.
    let mut groups: BTreeMap<DivisionCode, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (i, item) in old_side
        .items
        .iter()
        .enumerate()
        .filter(|(i, _)| !old_used[*i])
    {
        groups.entry(group_of(item.code())).or_default().0.push(i);
    }
    for (j, item) in new_side
        .items
        .iter()
        .enumerate()
        .filter(|(j, _)| !new_used[*j])
    {
        groups.entry(group_of(item.code())).or_default().1.push(j);
    }
    if groups.is_empty() {
        return Ok(Vec::new());
    }

    // Township numbers of the counties concerned, for the next-free check.
    let mut counties: HashMap<DivisionCode, CountyCodes> = groups
        .keys()
        .filter(|g| g.level() == Level::County)
        .map(|g| (*g, CountyCodes::default()))
        .collect();
    let township_codes = |side: &Side| -> Vec<DivisionCode> {
        side.by_code
            .keys()
            .copied()
            .filter(|c| c.level() == Level::Township)
            .collect()
    };
    for code in township_codes(&old_side) {
        if let Some(c) = counties.get_mut(&group_of(code)) {
            c.old.insert(code.township_seq());
        }
    }
    for code in township_codes(&new_side) {
        if let Some(c) = counties.get_mut(&group_of(code)) {
            c.new.insert(code.township_seq());
        }
    }

    let ctx = Ctx {
        old: old_side,
        new: new_side,
        counties,
    };
    let mut events: Vec<Keyed> = Vec::new();
    let mut left_old: Vec<usize> = Vec::new();
    let mut left_new: Vec<usize> = Vec::new();

    for (olds, news) in groups.values_mut() {
        olds.sort_by_key(|&i| ctx.old.items[i].code());
        news.sort_by_key(|&j| ctx.new.items[j].code());
        let old_stems: Vec<Vec<char>> = olds
            .iter()
            .map(|&i| ctx.old.items[i].name.stem.chars().collect())
            .collect();
        let new_stems: Vec<Vec<char>> = news
            .iter()
            .map(|&j| ctx.new.items[j].name.stem.chars().collect())
            .collect();

        // Steps 1–6: candidate pairs, strongest first, accepted greedily.
        let mut cands: Vec<Candidate> = Vec::new();
        for (a, &i) in olds.iter().enumerate() {
            let o = &ctx.old.items[i];
            for (b, &j) in news.iter().enumerate() {
                let n = &ctx.new.items[j];
                if let Some(tier) = tier_of(o, n, &old_stems[a], &new_stems[b]) {
                    let draft = ctx.pair(o, n, tier);
                    let score = Reverse((draft.confidence * 100.0).round() as u32);
                    cands.push(Candidate {
                        key: (tier, score, o.code(), n.code()),
                        old: i,
                        new: j,
                        draft,
                    });
                }
            }
        }
        cands.sort_by_key(|c| c.key);
        for Candidate {
            old: i,
            new: j,
            draft,
            ..
        } in cands
        {
            if old_used[i] || new_used[j] {
                continue;
            }
            old_used[i] = true;
            new_used[j] = true;
            emit(
                &mut events,
                Some(&ctx.old.items[i]),
                Some(&ctx.new.items[j]),
                draft,
            );
        }

        // Step 7: one-to-one left-over type changes.
        let rest_old: Vec<usize> = olds.iter().copied().filter(|&i| !old_used[i]).collect();
        let rest_new: Vec<usize> = news.iter().copied().filter(|&j| !new_used[j]).collect();
        let mut edges: Vec<(usize, usize, Draft)> = Vec::new();
        for &i in &rest_old {
            for &j in &rest_new {
                if let Some(d) = ctx.leftover_type_change(&ctx.old.items[i], &ctx.new.items[j]) {
                    edges.push((i, j, d));
                }
            }
        }
        let mut old_degree: HashMap<usize, usize> = HashMap::new();
        let mut new_degree: HashMap<usize, usize> = HashMap::new();
        for (i, j, _) in &edges {
            *old_degree.entry(*i).or_default() += 1;
            *new_degree.entry(*j).or_default() += 1;
        }
        let unique: Vec<bool> = edges
            .iter()
            .map(|(i, j, _)| old_degree.get(i) == Some(&1) && new_degree.get(j) == Some(&1))
            .collect();
        for ((i, j, draft), ok) in edges.into_iter().zip(unique) {
            if ok {
                old_used[i] = true;
                new_used[j] = true;
                emit(
                    &mut events,
                    Some(&ctx.old.items[i]),
                    Some(&ctx.new.items[j]),
                    draft,
                );
            }
        }
        left_old.extend(olds.iter().copied().filter(|&i| !old_used[i]));
        left_new.extend(news.iter().copied().filter(|&j| !new_used[j]));
    }

    // Step 8: the same name once on each side within one grandparent (city).
    type NameSlots = (Vec<usize>, Vec<usize>);
    let mut by_city: BTreeMap<(DivisionCode, &str), NameSlots> = BTreeMap::new();
    for &i in &left_old {
        let item = &ctx.old.items[i];
        if let Some(city) = item.code().parent().and_then(DivisionCode::parent) {
            by_city
                .entry((city, item.name.norm.as_str()))
                .or_default()
                .0
                .push(i);
        }
    }
    for &j in &left_new {
        let item = &ctx.new.items[j];
        if let Some(city) = item.code().parent().and_then(DivisionCode::parent) {
            by_city
                .entry((city, item.name.norm.as_str()))
                .or_default()
                .1
                .push(j);
        }
    }
    for (olds, news) in by_city.values() {
        if let ([i], [j]) = (olds.as_slice(), news.as_slice()) {
            let (o, n) = (&ctx.old.items[*i], &ctx.new.items[*j]);
            if group_of(o.code()) != group_of(n.code()) {
                old_used[*i] = true;
                new_used[*j] = true;
                emit(&mut events, Some(o), Some(n), ctx.transfer(o, n));
            }
        }
    }

    // Step 9: 撤销 and 新设.
    let revoked_new: HashSet<DivisionCode> = ctx
        .new
        .items
        .iter()
        .filter(|i| i.name.revoked)
        .map(|i| i.code())
        .collect();
    for &i in &left_old {
        if !old_used[i] {
            let o = &ctx.old.items[i];
            let draft = ctx.abolished(o, revoked_new.contains(&o.code()));
            emit(&mut events, Some(o), None, draft);
        }
    }
    for &j in &left_new {
        if !new_used[j] {
            let n = &ctx.new.items[j];
            emit(&mut events, None, Some(n), ctx.established(n));
        }
    }

    events.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.kind.cmp(&b.1.kind)));
    Ok(events.into_iter().map(|(_, e)| e).collect())
}
