//! Building a registry from an initial list (a survey table or an official code list).

use super::{Registry, RegistryError, UnitVersion};
use crate::attr::{Attrs, Source};
use crate::codebook::CodeBook;
use crate::date::Date;
use crate::unit::{Flags, Seat, UnitId, UnitState};
use quhua_codes::{DivisionCode, RangeWarning, UnitKind};
use std::collections::HashMap;

/// One row of an initial list.
#[derive(Debug, Clone, PartialEq)]
pub struct RawUnit {
    /// The code in force.
    pub code: DivisionCode,
    /// Name.
    pub name: String,
    /// Kind; by default implied by the code's level and range.
    pub kind: Option<UnitKind>,
    /// The superior's code; `None` for a root (e.g. the county of a one-county list).
    pub parent: Option<DivisionCode>,
    /// Seat.
    pub seat: Option<Seat>,
    /// Flags.
    pub flags: Flags,
    /// Attributes.
    pub attrs: Attrs,
}

impl RawUnit {
    /// A row with just code, name and parent.
    pub fn new(code: DivisionCode, name: impl Into<String>, parent: Option<DivisionCode>) -> Self {
        RawUnit {
            code,
            name: name.into(),
            kind: None,
            parent,
            seat: None,
            flags: Flags::default(),
            attrs: Attrs::new(),
        }
    }
}

/// Collects rows, then validates them all at once into a [`Registry`].
#[derive(Debug, Default)]
pub struct RegistryBuilder {
    rows: Vec<RawUnit>,
    sources: Vec<Source>,
}

impl RegistryBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers an attribute source and returns its index.
    pub fn source(&mut self, source: Source) -> u32 {
        self.sources.push(source);
        (self.sources.len() - 1) as u32
    }

    /// Adds a row.
    pub fn push(&mut self, row: RawUnit) {
        self.rows.push(row);
    }

    /// Number of rows so far.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no row was added.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Validates and builds. Unit ids follow row order. Returns range warnings (advisory).
    ///
    /// Errors name the 1-based row: duplicate codes, unknown parents, a parent at the wrong
    /// level, a seat village outside its township.
    pub fn build(self, date: Date) -> Result<(Registry, Vec<RangeWarning>), RegistryError> {
        let mut index: HashMap<DivisionCode, usize> = HashMap::with_capacity(self.rows.len());
        for (i, r) in self.rows.iter().enumerate() {
            if let Some(prev) = index.insert(r.code, i) {
                return Err(RegistryError::BadGenesis {
                    row: i + 1,
                    zh: format!(
                        "代码 {} 重复（第 {} 行“{}”与本行“{}”）",
                        r.code,
                        prev + 1,
                        self.rows[prev].name,
                        r.name
                    ),
                    en: format!(
                        "duplicate code {} (row {} \"{}\" and this row \"{}\")",
                        r.code,
                        prev + 1,
                        self.rows[prev].name,
                        r.name
                    ),
                });
            }
        }
        let mut warnings = Vec::new();
        let mut states = Vec::with_capacity(self.rows.len());
        let mut codes = CodeBook::new();
        for (i, r) in self.rows.into_iter().enumerate() {
            let kind = r.kind.unwrap_or_else(|| UnitKind::from_code(r.code));
            if kind.level() != r.code.level() {
                return Err(RegistryError::BadGenesis {
                    row: i + 1,
                    zh: format!(
                        "“{}”的类型{}与代码 {} 的级别不符",
                        r.name,
                        kind.zh(),
                        r.code
                    ),
                    en: format!(
                        "\"{}\": kind {} does not match the level of code {}",
                        r.name,
                        kind.en(),
                        r.code
                    ),
                });
            }
            warnings.extend(kind.check_range(r.code));
            let parent = match r.parent {
                None => None,
                Some(pc) => {
                    let Some(&pi) = index.get(&pc) else {
                        return Err(RegistryError::BadGenesis {
                            row: i + 1,
                            zh: format!("“{}”（{}）的上级代码 {} 不在名录中", r.name, r.code, pc),
                            en: format!(
                                "\"{}\" ({}): parent code {} is not in the list",
                                r.name, r.code, pc
                            ),
                        });
                    };
                    if pc.level() >= r.code.level() {
                        return Err(RegistryError::BadGenesis {
                            row: i + 1,
                            zh: format!("“{}”（{}）的上级 {} 级别不高于本级", r.name, r.code, pc),
                            en: format!(
                                "\"{}\" ({}): parent {} is not at a higher level",
                                r.name, r.code, pc
                            ),
                        });
                    }
                    Some(UnitId(pi as u32))
                }
            };
            if r.name.trim().is_empty() {
                return Err(RegistryError::BadGenesis {
                    row: i + 1,
                    zh: format!("代码 {} 的名称为空", r.code),
                    en: format!("code {} has an empty name", r.code),
                });
            }
            let id = UnitId(i as u32);
            codes.assign(r.code, id, date)?;
            states.push(UnitState {
                id,
                kind,
                name: r.name.trim().to_string(),
                code: r.code,
                parent,
                seat: r.seat,
                flags: r.flags,
                attrs: r.attrs,
            });
        }
        // Seat villages must lie in their township.
        for (i, s) in states.iter().enumerate() {
            if let Some(v) = s.seat.as_ref().and_then(|s| s.village) {
                let ok = states
                    .get(v.0 as usize)
                    .is_some_and(|vs| vs.parent == Some(s.id));
                if !ok {
                    return Err(RegistryError::BadGenesis {
                        row: i + 1,
                        zh: format!("{} 的驻地村不属于该乡镇", s.label()),
                        en: format!("{}: the seat village is not one of its villages", s.label()),
                    });
                }
            }
        }
        let histories = states
            .iter()
            .map(|s| {
                vec![UnitVersion {
                    valid_from: date,
                    valid_to: None,
                    state: s.clone(),
                }]
            })
            .collect();
        Ok((
            Registry {
                genesis_date: date,
                genesis: states,
                histories,
                events: Vec::new(),
                codes,
                genesis_sources: self.sources.len(),
                sources: self.sources,
            },
            warnings,
        ))
    }
}
