//! One module per top-level command.

pub mod codes;
pub mod demo;
pub mod plan;
pub mod registry;
pub mod scenario;
pub mod serve;
pub mod suggest;
pub mod user;
