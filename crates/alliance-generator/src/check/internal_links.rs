//! Checks across the whole site, after every page is rendered: internal links
//! and their anchors.

use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, nearest, suggest};
use crate::load::site::PageId;
use crate::load::site::Site;
use crate::model::Entity;

/// Every `@/` link must name a published page, and its `#anchor` one of that page's headings.
pub fn internal_links(site: &Site) -> Vec<Diagnostic> {
    site.pages
        .par_iter()
        .flat_map_iter(|page| {
            page.rendered.links.iter().filter_map(move |link| {
                let Some(target) = site.page_by_content_path(&link.target) else {
                    // A page left out for its own errors: those are reported.
                    if site.with_errors.contains(&link.target) { return None; }
                    let hint = if site.drafts.contains(&link.target) {
                        "that page is a draft: publish it (remove `draft = true`) or remove the link".to_owned()
                    } else {
                        match nearest(&link.target, site.by_content_path.keys().map(String::as_str)) {
                            Some(best) => format!("did you mean `@/{best}`?"),
                            None => "write the file's path under content/, e.g. `@/about/_index.md`".to_owned(),
                        }
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
                let target_id = site.by_content_path[&link.target];
                let modelled = site.model.entities.get(target_id).is_some_and(|e| *e != Entity::None);
                if target.front.kind.is_some() && !modelled {
                    // Its typed facts have errors of their own; their anchors are unknown.
                    return None;
                }
                let derived = derived_anchors(site, target_id);
                let mut anchors = target.rendered.anchors.iter().map(String::as_str).chain(derived.iter().map(String::as_str));
                if anchors.any(|a| a == anchor) {
                    return None;
                }
                let all = target.rendered.anchors.iter().map(String::as_str).chain(derived.iter().map(String::as_str));
                let hint = if all.clone().next().is_none() {
                    format!("{} has no headings to link to", target.source.display())
                } else {
                    suggest(anchor, all).replace("expected one of", "its headings are")
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

/// Headings the civic theme's templates give typed pages, so that
/// `@/strategy.md#safer` or `@/groups/board.md#group-members` can be linked to.
pub fn derived_anchors(site: &Site, id: PageId) -> Vec<String> {
    let fixed: &[&str] = match site.model.entities.get(id).copied().unwrap_or_default() {
        Entity::Group(_) => &[
            "group-priorities",
            "group-approach",
            "group-achievements",
            "group-strategy",
            "group-members",
            "group-balance",
            "group-subgroups",
            "group-meetings",
            "upcoming-meetings",
            "past-meetings",
        ],
        Entity::Organisation(_) => &["organisation-groups"],
        Entity::Meeting(_) => &["meeting-papers"],
        Entity::Strategy(_) => &["strategy-vision", "strategy-priorities"],
        Entity::Structure => &[
            "structure-diagram-heading",
            "structure-list",
            "structure-balance",
        ],
        _ => &[],
    };
    let mut anchors: Vec<String> = fixed.iter().map(|a| (*a).to_owned()).collect();
    if let Some(Entity::Strategy(s)) = site.model.entities.get(id).copied() {
        anchors.extend(
            site.model.strategies[s]
                .priorities
                .iter()
                .map(|p| p.id.clone()),
        );
    }
    anchors
}
