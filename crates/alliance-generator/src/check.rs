//! Checks across the whole site, after every page is rendered: internal links
//! and their anchors.

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, suggest};
use crate::site::Site;

/// Every `@/` link must name a published page, and its `#anchor` one of that page's headings.
pub fn internal_links(site: &Site) -> Vec<Diagnostic> {
    site.pages
        .par_iter()
        .flat_map_iter(|page| {
            page.rendered.links.iter().filter_map(move |link| {
                let Some(target) = site.page_by_content_path(&link.target) else {
                    let hint = if site.drafts.contains(&link.target) {
                        "that page is a draft: publish it (remove `draft = true`) or remove the link".to_owned()
                    } else {
                        let mut known: Vec<&str> = site.by_content_path.keys().map(String::as_str).collect();
                        known.sort_unstable();
                        suggest(&link.target, known).replace("expected one of", "known pages are")
                    };
                    return Some(
                        page.body_error(
                            link.line,
                            link.col,
                            format!("broken internal link: no page `content/{}`", link.target),
                        )
                        .with_hint(hint),
                    );
                };
                let anchor = link.anchor.as_deref()?;
                if target.rendered.anchors.iter().any(|a| a == anchor) {
                    return None;
                }
                let hint = if target.rendered.anchors.is_empty() {
                    format!("{} has no headings to link to", target.source.display())
                } else {
                    suggest(anchor, target.rendered.anchors.iter().map(String::as_str))
                        .replace("expected one of", "its headings are")
                };
                Some(
                    page.body_error(
                        link.line,
                        link.col,
                        format!("broken internal link: `content/{}` has no heading `#{anchor}`", link.target),
                    )
                    .with_hint(hint),
                )
            })
        })
        .collect()
}
