//! Internal links: every link to a page of the site (`@/page.md`, a relative
//! `page.md`, an address such as `/groups/board/` or `../members/`) must name
//! a published page. Whether its `#anchor` exists is known only once the
//! target is rendered ([`crate::check::rendered`]).

use rayon::prelude::*;

use crate::content::Content;
use crate::diagnostic::{Diagnostic, nearest};
use crate::load::site::{PageId, Site};
use crate::markdown::{InternalLink, Target};
use crate::render::{extras, statement};

/// The page a link names, if it is published.
pub(crate) fn target_page(site: &Site, target: &Target) -> Option<PageId> {
    match target {
        Target::Content(path) => site.by_content_path.get(path).copied(),
        Target::Address { path, .. } => site.by_path.get(path).copied(),
    }
}

/// An error for each link to a page that is not published, with the nearest page as a hint.
pub(crate) fn internal_links(content: &Content) -> Vec<Diagnostic> {
    let site = &content.site;
    site.pages
        .par_iter()
        .zip(&content.bodies)
        .flat_map_iter(|(page, body)| {
            body.links
                .iter()
                .filter(|link| target_page(site, &link.target).is_none())
                .filter_map(move |link| {
                    broken(site, link).map(|(message, hint)| {
                        page.body_error(link.line, link.col, message)
                            .with_hint(hint)
                    })
                })
        })
        .collect()
}

/// Why a link to no published page is broken, with a hint; none when it is
/// not (an address the build makes itself) or is reported already (a page
/// left out for errors of its own).
fn broken(site: &Site, link: &InternalLink) -> Option<(String, String)> {
    match &link.target {
        Target::Content(path) => {
            if site.with_errors.contains(path) {
                return None;
            }
            let hint = if site.drafts.contains(path) {
                "that page is a draft: publish it (remove `draft = true`) or remove the link"
                    .to_owned()
            } else {
                match nearest(path, site.by_content_path.keys().map(String::as_str)) {
                    Some(best) => format!("did you mean `@/{best}`?"),
                    None => {
                        "write the file's path under content/, e.g. `@/about/_index.md`".to_owned()
                    }
                }
            };
            Some((
                format!("broken internal link: no page `content/{path}`"),
                hint,
            ))
        }
        Target::Address { path, written } => {
            let generated = [extras::A_TO_Z, statement::PATH].contains(&path.as_str())
                || site
                    .pages
                    .iter()
                    .flat_map(|p| &p.front.aliases)
                    .any(|alias| extras::alias_path(alias) == *path);
            if generated {
                return None;
            }
            let hint = match nearest(path, site.by_path.keys().map(String::as_str)) {
                Some(best) => format!(
                    "did you mean `/{best}`? (or link to its file: `@/{}`)",
                    site.pages[site.by_path[best]].content_path
                ),
                None => {
                    "link to the page's file under content/, e.g. `@/about/_index.md`".to_owned()
                }
            };
            let resolved = format!("/{path}");
            let message = if *written == resolved {
                format!("broken internal link: no page at `{written}`")
            } else {
                format!("broken internal link: no page at `{written}` (`{resolved}`)")
            };
            Some((message, hint))
        }
    }
}
