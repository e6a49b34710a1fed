//! Which sections an action touches, so an adapter can check the acting department against
//! the sections' lead and participating departments before anything changes.

use super::register::{Handover, Section};
use super::template::SectionKind;

impl Handover {
    /// The section an asset or debt item belongs to (state assets for a township's item,
    /// collective assets for a village's), if the item and its township are known.
    pub fn section_of_item(&self, ledger_debts: bool, id: &str) -> Option<&Section> {
        let owner = if ledger_debts {
            let i = self.debts.position(id)?;
            self.debts.items()[i].owner.clone()
        } else {
            let i = self.assets.position(id)?;
            self.assets.items()[i].owner.clone()
        };
        self.ledger_section(&owner).map(|i| &self.sections[i])
    }

    /// The section of the items an owner code (township or village) holds.
    pub fn section_of_owner(&self, owner: &str) -> Option<&Section> {
        self.ledger_section(owner).map(|i| &self.sections[i])
    }

    /// The cadre sections of the pairs a unit belongs to (as predecessor or successor).
    pub fn sections_of_cadre_unit(&self, unit: &str) -> Vec<&Section> {
        self.pairs
            .pairs
            .iter()
            .enumerate()
            .filter(|(_, p)| p.from.code == unit || p.to.code == unit)
            .filter_map(|(i, _)| self.section_ix(i, SectionKind::Cadres))
            .map(|i| &self.sections[i])
            .collect()
    }

    /// The section responsible for a service point (by its former township and type).
    pub fn section_of_point(&self, id: &str) -> Option<&Section> {
        let p = self.services.points.iter().find(|p| p.id == id)?;
        let pair = self
            .pairs
            .pairs
            .iter()
            .position(|x| x.from.code == p.township)?;
        self.section_ix(pair, self.service_section_kind(p.kind))
            .map(|i| &self.sections[i])
    }

    /// Every section of a kind.
    pub fn sections_of_kind(&self, kind: SectionKind) -> Vec<&Section> {
        self.sections.iter().filter(|s| s.kind == kind).collect()
    }
}
