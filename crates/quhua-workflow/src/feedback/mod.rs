//! The public feedback register: every item from the 12345 hotline, online messages, letters
//! and visits — channel, time received, topic, unit concerned, assigned department, deadline,
//! reply, follow-up visit (回访) and satisfaction — with statistics.
//!
//! **Nothing is deleted or hidden.** An item keeps every version it ever had; a correction is
//! a new version with its reason, and the history stays visible. This module has no delete,
//! hide or suppress operation, by design.

mod model;
mod register;
mod stats;

pub use model::{
    Channel, FeedbackItem, FeedbackRecord, FeedbackVersion, FollowUp, Reply, Satisfaction, Topic,
    VersionAction,
};
pub use register::FeedbackError;
pub use stats::{FeedbackStats, stats};

#[cfg(test)]
mod tests;
