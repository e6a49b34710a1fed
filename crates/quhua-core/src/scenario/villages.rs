//! The village layer of a scenario (村级建制调整): villages merged (合并村), converted
//! (撤村设居), renamed or split, kept over the base villages with their figures.
//!
//! Every figure a village holds moves whole or by an exact fixed-point share, so the sum over
//! the villages of a township never changes. Township membership stays with the base villages
//! ([`State::village_unit`](super::State)): a result village's base villages always lie in one
//! township, which is why a merger across townships needs a 村划归 first.

use super::base::Base;
use super::error::ScenarioError;
use super::ops::{NewVillageSpec, VillageTarget};
use crate::attr::{Amount, keys};
use quhua_codes::{DivisionCode, VillageKind};

/// Shares are fixed-point parts per million (an exact split of fixed-point amounts).
pub const SHARE_SCALE: u32 = 1_000_000;

/// A village as the scenario leaves it.
#[derive(Debug, Clone, PartialEq)]
pub struct ResultVillage {
    /// Current name.
    pub name: String,
    /// Current kind.
    pub kind: VillageKind,
    /// The code kept, or `None` when a new one is due (a new village, 撤村设居).
    pub code: Option<DivisionCode>,
    /// The base village it continues, if any.
    pub base: Option<u32>,
    /// Base villages whose territory it holds, wholly or (after a split) partly; sorted.
    pub parts: Vec<u32>,
    /// Figures by key index ([`Base::keys`]).
    pub attrs: Vec<Option<Amount>>,
    /// Still in force after the scenario.
    pub alive: bool,
    /// Where it went when merged away.
    pub absorbed_into: Option<u32>,
    /// The name before renaming or conversion.
    pub renamed_from: Option<String>,
    /// The kind before a conversion.
    pub converted_from: Option<VillageKind>,
    /// Villages that received part of it (split), with the population share in ppm.
    pub split_to: Vec<(u32, u32)>,
    /// Villages it received part of (split).
    pub split_from: Vec<u32>,
    /// Territory changed (a merger or a split).
    pub territory_changed: bool,
    /// The operation (0-based) after which it needs a new code (顺序编制).
    pub code_due_at: Option<usize>,
    /// Every new code the scheme makes it take, in order: (operation, kind). A village
    /// converted twice takes two, as the registry assigns them.
    pub code_claims: Vec<(usize, VillageKind)>,
}

/// The village layer: result villages and, for each base village, the villages holding it.
#[derive(Debug, Clone, PartialEq)]
pub struct VillageLayer {
    /// Result villages (dead ones kept, `alive = false`).
    pub units: Vec<ResultVillage>,
    /// For each base village, the alive result villages holding (part of) it.
    pub holders: Vec<Vec<u32>>,
}

/// The shares of one split, in ppm: every key at `share`, except population, area and
/// households where stated.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SplitShares {
    /// Every figure without its own share.
    pub share: u32,
    /// Population keys (`pop_hukou`, `pop_resident`, `builtup_pop`).
    pub population: u32,
    /// Area.
    pub area: u32,
    /// Households.
    pub households: u32,
}

impl SplitShares {
    /// Checks shares given as fractions (0–1, exclusive); `n` is the operation's position.
    pub fn from_fractions(
        n: usize,
        share: f64,
        population: Option<f64>,
        area: Option<f64>,
        households: Option<f64>,
    ) -> Result<SplitShares, ScenarioError> {
        let ppm = |what_zh: &str, what_en: &str, v: f64| {
            if v.is_finite() && v > 0.0 && v < 1.0 {
                let p = (v * f64::from(SHARE_SCALE)).round() as u32;
                Ok(p.clamp(1, SHARE_SCALE - 1))
            } else {
                Err(ScenarioError::invalid(
                    n,
                    format!("拆分份额（{what_zh}）{v} 须大于 0 且小于 1"),
                    format!("the split share ({what_en}) {v} must be above 0 and below 1"),
                ))
            }
        };
        let all = ppm("总", "all figures", share)?;
        Ok(SplitShares {
            share: all,
            population: population.map_or(Ok(all), |v| ppm("人口", "population", v))?,
            area: area.map_or(Ok(all), |v| ppm("面积", "area", v))?,
            households: households.map_or(Ok(all), |v| ppm("户数", "households", v))?,
        })
    }

    /// The share for one attribute key.
    pub fn for_key(&self, key: &str) -> u32 {
        match key {
            keys::POP_HUKOU | keys::POP_RESIDENT | keys::BUILTUP_POP => self.population,
            keys::AREA_KM2 => self.area,
            keys::HOUSEHOLDS => self.households,
            _ => self.share,
        }
    }
}

/// `amount × ppm / 10⁶`, rounded toward zero: what a split moves (the rest stays exactly).
pub fn share_of(amount: Amount, ppm: u32) -> Amount {
    Amount((i128::from(amount.0) * i128::from(ppm) / i128::from(SHARE_SCALE)) as i64)
}

impl VillageLayer {
    /// One result village per base village, unchanged.
    pub fn new(base: &Base) -> VillageLayer {
        let units = base
            .villages
            .iter()
            .enumerate()
            .map(|(i, v)| ResultVillage {
                name: v.name.clone(),
                kind: v.kind,
                code: Some(v.code),
                base: Some(i as u32),
                parts: vec![i as u32],
                attrs: v.attrs.clone(),
                alive: true,
                absorbed_into: None,
                renamed_from: None,
                converted_from: None,
                split_to: Vec::new(),
                split_from: Vec::new(),
                territory_changed: false,
                code_due_at: None,
                code_claims: Vec::new(),
            })
            .collect();
        VillageLayer {
            units,
            holders: (0..base.villages.len() as u32).map(|i| vec![i]).collect(),
        }
    }

    /// Alive result villages, with their indices.
    pub fn alive(&self) -> impl Iterator<Item = (u32, &ResultVillage)> {
        self.units
            .iter()
            .enumerate()
            .filter(|(_, v)| v.alive)
            .map(|(i, v)| (i as u32, v))
    }

    /// The township (result unit index) a village lies in, given the base villages' units.
    pub fn township_of(&self, v: u32, village_unit: &[u32]) -> u32 {
        let first = self.units[v as usize].parts.first().copied().unwrap_or(0);
        village_unit[first as usize]
    }

    /// Resolves a village reference (12-digit code or name) to an alive result village.
    pub fn resolve(&self, base: &Base, reference: &str, n: usize) -> Result<u32, ScenarioError> {
        let r = reference.trim();
        let unknown = || ScenarioError::UnknownUnit {
            op: n,
            reference: r.to_string(),
        };
        let by_code = |code: DivisionCode| {
            self.units
                .iter()
                .position(|v| v.code == Some(code))
                .or_else(|| {
                    let b = base.villages.iter().position(|v| v.code == code)? as u32;
                    self.units.iter().position(|v| v.base == Some(b))
                })
        };
        if let Ok(code) = DivisionCode::parse(r) {
            let i = by_code(code).ok_or_else(unknown)? as u32;
            return self.require_alive(i, r, n);
        }
        let alive: Vec<u32> = self
            .alive()
            .filter(|(_, v)| v.name == r)
            .map(|(i, _)| i)
            .collect();
        match alive.as_slice() {
            [i] => Ok(*i),
            [] => match self.units.iter().position(|v| v.name == r) {
                Some(i) => self.require_alive(i as u32, r, n),
                None => Err(unknown()),
            },
            _ => Err(ScenarioError::Ambiguous {
                op: n,
                reference: r.to_string(),
            }),
        }
    }

    fn require_alive(&self, i: u32, r: &str, n: usize) -> Result<u32, ScenarioError> {
        let v = &self.units[i as usize];
        if v.alive {
            return Ok(i);
        }
        let into = v
            .absorbed_into
            .map(|j| self.units[j as usize].name.clone())
            .unwrap_or_default();
        Err(ScenarioError::invalid(
            n,
            format!("“{r}”已在前面的操作中并入 {into}"),
            format!("\"{r}\" was already merged into {into} by an earlier operation"),
        ))
    }

    /// Resolves distinct village references.
    pub fn resolve_all(
        &self,
        base: &Base,
        refs: &[String],
        n: usize,
    ) -> Result<Vec<u32>, ScenarioError> {
        let mut out: Vec<u32> = Vec::with_capacity(refs.len());
        for r in refs {
            let v = self.resolve(base, r, n)?;
            if out.contains(&v) {
                return Err(ScenarioError::invalid(
                    n,
                    format!("{} 重复列出", self.units[v as usize].name),
                    format!("{} listed twice", self.units[v as usize].name),
                ));
            }
            out.push(v);
        }
        Ok(out)
    }

    /// Merges `members` into `target` (existing or new); all in township `t`, checked by the caller.
    pub fn merge(&mut self, members: &[u32], target: MergeInto<'_>, op: usize) -> u32 {
        let into = match target {
            MergeInto::Existing(i) => i,
            MergeInto::New(spec) => {
                let kind = spec.kind.unwrap_or_else(|| {
                    if members
                        .iter()
                        .all(|&m| self.units[m as usize].kind == VillageKind::Residents)
                    {
                        VillageKind::Residents
                    } else {
                        VillageKind::Villagers
                    }
                });
                let keys = self.units[members[0] as usize].attrs.len();
                self.create(&spec.name, kind, keys, op)
            }
        };
        for &m in members {
            let (parts, attrs) = {
                let mv = &mut self.units[m as usize];
                mv.alive = false;
                mv.absorbed_into = Some(into);
                (mv.parts.clone(), mv.attrs.clone())
            };
            for &p in &parts {
                let h = &mut self.holders[p as usize];
                h.retain(|&x| x != m);
                if !h.contains(&into) {
                    h.push(into);
                }
            }
            let t = &mut self.units[into as usize];
            add_into(&mut t.attrs, &attrs);
            t.parts.extend(parts);
            t.parts.sort_unstable();
            t.parts.dedup();
            t.territory_changed = true;
        }
        into
    }

    /// A new village created by operation `op` (no territory, no figures yet, a code due).
    fn create(&mut self, name: &str, kind: VillageKind, keys: usize, op: usize) -> u32 {
        self.units.push(ResultVillage {
            name: name.trim().to_string(),
            kind,
            code: None,
            base: None,
            parts: Vec::new(),
            attrs: vec![None; keys],
            alive: true,
            absorbed_into: None,
            renamed_from: None,
            converted_from: None,
            split_to: Vec::new(),
            split_from: Vec::new(),
            territory_changed: true,
            code_due_at: Some(op),
            code_claims: vec![(op, kind)],
        });
        (self.units.len() - 1) as u32
    }

    /// Moves `shares` of village `from`'s figures to `to` (existing or new); returns the receiver.
    pub fn split(
        &mut self,
        base: &Base,
        from: u32,
        to: MergeInto<'_>,
        shares: SplitShares,
        op: usize,
    ) -> u32 {
        let moving: Vec<Option<Amount>> = self.units[from as usize]
            .attrs
            .iter()
            .zip(&base.keys)
            .map(|(a, k)| a.map(|a| share_of(a, shares.for_key(k))))
            .collect();
        let kind = self.units[from as usize].kind;
        let parts = self.units[from as usize].parts.clone();
        let dest = match to {
            MergeInto::Existing(i) => i,
            MergeInto::New(spec) => {
                self.create(&spec.name, spec.kind.unwrap_or(kind), moving.len(), op)
            }
        };
        let src = &mut self.units[from as usize];
        for (a, m) in src.attrs.iter_mut().zip(&moving) {
            if let (Some(a), Some(m)) = (a.as_mut(), m) {
                *a -= *m;
            }
        }
        src.split_to.push((dest, shares.population));
        src.territory_changed = true;
        let d = &mut self.units[dest as usize];
        add_into(&mut d.attrs, &moving);
        d.split_from.push(from);
        d.territory_changed = true;
        for p in parts {
            if !d.parts.contains(&p) {
                d.parts.push(p);
            }
            let h = &mut self.holders[p as usize];
            if !h.contains(&dest) {
                h.push(dest);
            }
        }
        d.parts.sort_unstable();
        dest
    }
}

/// The receiver of a merger or a split.
#[derive(Debug, Clone, Copy)]
pub enum MergeInto<'a> {
    /// An alive result village.
    Existing(u32),
    /// A new village.
    New(&'a NewVillageSpec),
}

impl<'a> MergeInto<'a> {
    /// Resolves a scenario target.
    pub fn resolve(
        layer: &VillageLayer,
        base: &Base,
        target: &'a VillageTarget,
        n: usize,
    ) -> Result<MergeInto<'a>, ScenarioError> {
        match target {
            VillageTarget::Into(r) => Ok(MergeInto::Existing(layer.resolve(base, r, n)?)),
            VillageTarget::New(spec) => {
                if spec.name.trim().is_empty() {
                    return Err(ScenarioError::invalid(
                        n,
                        "新村（居）名称为空",
                        "the new village has no name",
                    ));
                }
                Ok(MergeInto::New(spec))
            }
        }
    }
}

/// Adds `from` into `into`, key by key (a key only `from` holds is created).
fn add_into(into: &mut [Option<Amount>], from: &[Option<Amount>]) {
    for (a, b) in into.iter_mut().zip(from) {
        if let Some(b) = b {
            *a = Some(a.unwrap_or_default() + *b);
        }
    }
}

/// The default name after a change of kind: …村民委员会 ↔ …社区居民委员会, …村委会 ↔
/// …社区居委会, …村 ↔ …社区; else unchanged.
pub fn converted_name(name: &str, to: VillageKind) -> String {
    const TO_RESIDENTS: [(&str, &str); 3] = [
        ("村民委员会", "社区居民委员会"),
        ("村委会", "社区居委会"),
        ("村", "社区"),
    ];
    let n = name.trim();
    let residents = matches!(to, VillageKind::Residents | VillageKind::SimilarResidents);
    for (village, community) in TO_RESIDENTS {
        let (from, into) = if residents {
            (village, community)
        } else {
            (community, village)
        };
        if let Some(stem) = n.strip_suffix(from)
            && !stem.is_empty()
            && !(residents && stem.ends_with("社区"))
        {
            return format!("{stem}{into}");
        }
    }
    n.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_split_exactly() {
        for (v, ppm) in [(12_345_678i64, 333_333u32), (1, 1), (-7, 500_000), (0, 10)] {
            let a = Amount(v);
            let moved = share_of(a, ppm);
            assert_eq!(moved + (a - moved), a);
            assert!(moved.0.abs() <= a.0.abs());
        }
        assert_eq!(
            share_of(Amount::from_int(100), 250_000),
            Amount::from_int(25)
        );
    }

    #[test]
    fn shares_are_checked() {
        assert!(SplitShares::from_fractions(1, 0.0, None, None, None).is_err());
        assert!(SplitShares::from_fractions(1, 1.0, None, None, None).is_err());
        assert!(SplitShares::from_fractions(1, f64::NAN, None, None, None).is_err());
        assert!(SplitShares::from_fractions(1, 0.3, Some(1.5), None, None).is_err());
        let s = SplitShares::from_fractions(1, 0.3, Some(0.4), None, Some(0.25)).unwrap();
        assert_eq!(s.for_key(keys::POP_HUKOU), 400_000);
        assert_eq!(s.for_key(keys::AREA_KM2), 300_000);
        assert_eq!(s.for_key(keys::HOUSEHOLDS), 250_000);
        assert_eq!(s.for_key(keys::ASSETS), 300_000);
    }

    #[test]
    fn names_follow_the_kind() {
        assert_eq!(converted_name("东关村", VillageKind::Residents), "东关社区");
        assert_eq!(converted_name("东关社区", VillageKind::Villagers), "东关村");
        assert_eq!(converted_name("村", VillageKind::Residents), "村");
        assert_eq!(converted_name("东关", VillageKind::Residents), "东关");
        assert_eq!(
            converted_name("东关村民委员会", VillageKind::Residents),
            "东关社区居民委员会"
        );
        assert_eq!(
            converted_name("东城社区居民委员会", VillageKind::Villagers),
            "东城村民委员会"
        );
        assert_eq!(
            converted_name("北关村委会", VillageKind::Residents),
            "北关社区居委会"
        );
    }
}
