//! The check stage: every finding about a site's content before templates
//! run ([`content`]), and those that need the rendered pages ([`rendered`]).

pub mod authoring;
pub(crate) mod internal_links;
pub mod meetings;
pub mod rendered;
pub mod statement;

use crate::content::Content;
use crate::diagnostic::Diagnostic;

pub use internal_links::internal_links;

/// Every check of a site's content: internal links, the authoring checks,
/// meetings' notice and minutes, and the accessibility statement's facts. Errors and warnings together, unsorted.
pub fn content(content: &Content) -> Vec<Diagnostic> {
    let mut found = internal_links(content);
    found.extend(authoring::check(content));
    found.extend(meetings::check(content));
    found.extend(statement::check(&content.site.config, content.today));
    found
}
