//! One module per top-level command.

pub mod codes;
pub mod demo;
pub mod registry;
pub mod scenario;
