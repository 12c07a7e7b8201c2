//! The check stage: every finding about a loaded site, its model and its
//! rendered Markdown, before templates run.

pub mod authoring;
mod internal_links;

pub use internal_links::{derived_anchors, internal_links};
