//! Division codes (统计用区划代码 / 行政区划代码) and the kinds of units they name.
//!
//! Structure and ranges follow GB/T 10114-2003 and the NBS 编制规则 as summarised in
//! `shared/reference/codes.md` §2–§3. Range checks are advisory: real data breaks
//! the ranges (codes.md §3), so a mismatch is a [`RangeWarning`], never an error.

mod code;
mod diff;
mod kind;

pub use code::{CodeError, DivisionCode, Level};
pub use diff::{CandidateEvent, ChangeKind, DiffError, ListEntry, ListSide, diff_lists};
pub use kind::{RangeWarning, TownshipKind, TownshipRange, UnitKind, VillageKind, VillageRange};
