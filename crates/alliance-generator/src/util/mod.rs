//! Leaves: small tools that import nothing else of the crate.

pub mod collate;
pub mod escape;
pub mod html;
pub mod media;
pub mod url;
pub mod walk;
