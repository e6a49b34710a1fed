//! Which population count a rule reads: the one its standard is written in (常住 or 户籍),
//! falling back to the other with a note, or the policy's population key.

use crate::attr::{Amount, keys};
use crate::policy::PopulationBasis;
use crate::scenario::Base;

/// The count actually read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Count {
    Resident,
    Hukou,
    /// The policy's population key, of another kind.
    Other,
}

impl Count {
    pub(crate) fn zh(self) -> &'static str {
        match self {
            Count::Resident => "常住人口",
            Count::Hukou => "户籍人口",
            Count::Other => "人口",
        }
    }
    pub(crate) fn en(self) -> &'static str {
        match self {
            Count::Resident => "resident population",
            Count::Hukou => "registered population",
            Count::Other => "population",
        }
    }
}

/// A population value chosen for a threshold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Chosen {
    pub value: f64,
    pub count: Count,
    /// The standard asks for another count, missing from the data.
    pub substitute_for: Option<Count>,
}

impl Chosen {
    /// The note appended when the count read is not the one the standard asks for.
    pub(crate) fn note(&self) -> Option<(String, String)> {
        self.substitute_for.map(|want| {
            (
                format!(
                    "缺少{}数据，按{}核查（该标准以{}计）",
                    want.zh(),
                    self.count.zh(),
                    want.zh()
                ),
                format!(
                    "no {} data: checked on the {} (the standard counts the {})",
                    want.en(),
                    self.count.en(),
                    want.en()
                ),
            )
        })
    }
}

fn key(base: &Base, k: &str) -> Option<usize> {
    base.keys.iter().position(|x| x == k)
}

/// Reads the population a threshold asks for from attribute values indexed like `base.keys`.
pub(crate) fn choose(
    base: &Base,
    basis: Option<PopulationBasis>,
    attrs: &[Option<Amount>],
) -> Option<Chosen> {
    let get = |k: &str| {
        key(base, k)
            .and_then(|i| attrs.get(i).copied().flatten())
            .map(Amount::to_f64)
    };
    let resident = get(keys::POP_RESIDENT);
    let hukou = get(keys::POP_HUKOU);
    let plain = |value, count| Chosen {
        value,
        count,
        substitute_for: None,
    };
    let instead = |value, count, want| Chosen {
        value,
        count,
        substitute_for: Some(want),
    };
    match basis {
        Some(PopulationBasis::Resident) => resident
            .map(|v| plain(v, Count::Resident))
            .or_else(|| hukou.map(|v| instead(v, Count::Hukou, Count::Resident))),
        Some(PopulationBasis::Hukou) => hukou
            .map(|v| plain(v, Count::Hukou))
            .or_else(|| resident.map(|v| instead(v, Count::Resident, Count::Hukou))),
        Some(PopulationBasis::Either) => match (resident, hukou) {
            (Some(r), Some(h)) if r >= h => Some(plain(r, Count::Resident)),
            (_, Some(h)) => Some(plain(h, Count::Hukou)),
            (Some(r), None) => Some(plain(r, Count::Resident)),
            (None, None) => None,
        },
        None => {
            let k = base.pop_key?;
            let v = attrs.get(k).copied().flatten()?.to_f64();
            let count = match base.keys[k].as_str() {
                keys::POP_RESIDENT => Count::Resident,
                keys::POP_HUKOU => Count::Hukou,
                _ => Count::Other,
            };
            Some(plain(v, count))
        }
    }
}
