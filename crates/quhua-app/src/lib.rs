//! quhua-app: the use cases of quhua, one function per user action.
//!
//! The CLI and the HTTP server are thin adapters over this crate: they parse their input,
//! call one function here and render its typed result. No use case is written twice.
