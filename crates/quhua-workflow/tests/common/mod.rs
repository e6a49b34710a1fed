//! Helpers the workflow's integration tests share.

#![allow(dead_code)]

pub mod handover;
pub mod lights;
