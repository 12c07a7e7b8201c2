//! Leaves: small tools that import nothing else of the crate.

pub(crate) mod collate;
pub mod escape;
pub(crate) mod html;
pub mod media;
pub mod url;
pub mod walk;
