//! Helpers the workflow's integration tests share.

pub mod lights;
