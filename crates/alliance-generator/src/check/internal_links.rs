//! Internal links: every `@/` link must name a published page. Whether its
//! `#anchor` exists is known only once the target is rendered
//! ([`crate::check::rendered`]).

use rayon::prelude::*;

use crate::content::Content;
use crate::diagnostic::{Diagnostic, nearest};

/// An error for each `@/` link to a page that is not published, with the nearest page as a hint.
pub fn internal_links(content: &Content) -> Vec<Diagnostic> {
    let site = &content.site;
    site.pages
        .par_iter()
        .zip(&content.bodies)
        .flat_map_iter(|(page, body)| {
            body.links.iter().filter_map(move |link| {
                if site.by_content_path.contains_key(&link.target) {
                    return None;
                }
                // A page left out for its own errors: those are reported.
                if site.with_errors.contains(&link.target) {
                    return None;
                }
                let hint = if site.drafts.contains(&link.target) {
                    "that page is a draft: publish it (remove `draft = true`) or remove the link"
                        .to_owned()
                } else {
                    match nearest(
                        &link.target,
                        site.by_content_path.keys().map(String::as_str),
                    ) {
                        Some(best) => format!("did you mean `@/{best}`?"),
                        None => "write the file's path under content/, e.g. `@/about/_index.md`"
                            .to_owned(),
                    }
                };
                Some(
                    page.body_error(
                        link.line,
                        link.col,
                        format!("broken internal link: no page `content/{}`", link.target),
                    )
                    .with_hint(hint),
                )
            })
        })
        .collect()
}
