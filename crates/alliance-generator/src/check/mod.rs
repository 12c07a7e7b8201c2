//! The check stage: every finding about a site's content before templates
//! run ([`content`]), and those that need the rendered pages ([`rendered`]).

pub(crate) mod authoring;
pub(crate) mod internal_links;
pub(crate) mod meetings;
pub(crate) mod rendered;
pub(crate) mod statement;

use crate::content::Content;
use crate::diagnostic::Diagnostic;
use crate::util::walk::{Skipped, Unfollowed};

pub(crate) use internal_links::internal_links;

/// Every check of a site's content: internal links, the authoring checks,
/// meetings' notice and minutes, and the accessibility statement's facts. Errors and warnings together, unsorted.
pub(crate) fn content(content: &Content) -> Vec<Diagnostic> {
    let mut found = internal_links(content);
    found.extend(authoring::check(content));
    found.extend(meetings::check(content));
    found.extend(statement::check(&content.site.config, content.today));
    found.extend(content.site.unfollowed.iter().map(unfollowed));
    found
}

/// The warning for a symbolic link left out of the site.
fn unfollowed(skipped: &Skipped) -> Diagnostic {
    let target = skipped.target.display();
    let (message, hint) = match skipped.why {
        Unfollowed::Outside => (
            format!("this is a link to {target}, outside the site: it is left out"),
            "copy the file into the site instead: a link is followed only when it leads inside the site's folder",
        ),
        Unfollowed::Broken => (
            format!("this is a link to {target}, which does not exist: it is left out"),
            "point the link at a file inside the site, or delete it",
        ),
        Unfollowed::Loop => (
            format!("this is a link to {target}, a folder that holds it: it is left out"),
            "a link to a folder above it would repeat the site without end: delete it",
        ),
    };
    Diagnostic::warning(&skipped.link, message).with_hint(hint)
}
