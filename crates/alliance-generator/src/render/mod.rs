//! The render stage: templates, the views they see, and the site-wide files.

pub mod charts;
pub mod extras;
pub mod ics;
pub mod jsonld;
mod page;
pub mod statement;
pub mod templates;
pub mod theme;
pub mod views;

pub use page::*;
