//! Two things written at one place: a page at the address of a generated
//! file (the A to Z, the statement, the sitemap, a feed, a calendar), a
//! static file at a page's address, a file where a page needs a folder. Each
//! is an error naming both, found before anything is written, so no file of
//! the site silently replaces another and no write fails with an OS error.

use std::collections::{HashMap, HashSet};

use crate::content::Content;
use crate::diagnostic::Diagnostic;
use crate::load::site::{Asset, Page, Site};
use crate::render::{extras, feed_path, pagination, statement};

/// What writes a file of the output.
#[derive(Clone, Copy)]
enum Owner<'a> {
    /// A page (its `index.html`).
    Page(&'a Page),
    /// A further page of a section's long list (`PATH/page/N/`).
    ListPage(&'a Page),
    /// A page's alias redirect: the page and the alias's index.
    Alias(&'a Page, usize),
    /// A static or co-located file.
    Asset(&'a Asset),
    /// A file Alliance makes: what it is.
    Generated(&'static str),
}

impl Owner<'_> {
    /// The owner as a reader knows it: a file of the site, or what is generated.
    fn name(&self, site: &Site) -> String {
        match self {
            Owner::Page(page) => page.place(),
            Owner::ListPage(page) => format!("a page of the list of {}", page.place()),
            Owner::Alias(page, i) => {
                format!("the alias `{}` of {}", page.front.aliases[*i], page.place())
            }
            Owner::Asset(asset) => asset
                .source
                .strip_prefix(&site.root)
                .unwrap_or(&asset.source)
                .display()
                .to_string(),
            Owner::Generated(what) => format!("the generated {what}"),
        }
    }

    /// The error, placed in this owner's file; `None` for a generated file.
    fn error(&self, site: &Site, message: String) -> Option<Diagnostic> {
        Some(match self {
            Owner::Page(page) => {
                let key = if page.front.slug.is_some() {
                    "slug"
                } else {
                    "title"
                };
                page.key_error(key, message)
                    .with_hint("give the page another `slug`, or rename its file")
            }
            Owner::Alias(page, i) => page
                .value_error(&["aliases", &i.to_string()], message)
                .with_hint("choose another old address, or remove the alias"),
            Owner::Asset(_) => {
                Diagnostic::error(self.name(site), message).with_hint("rename or move the file")
            }
            Owner::Generated(_) | Owner::ListPage(_) => return None,
        })
    }

    /// Whether this owner's own page is the one Alliance lets replace a
    /// generated page: a content file at that address by its name, not by a `slug`.
    fn replaces(&self, path: &str) -> bool {
        matches!(self, Owner::Page(page) if page.front.slug.is_none() && page.path == path)
    }
}

/// Every file two owners would write, and every file where another needs a folder.
pub(crate) fn collisions(content: &Content) -> Vec<Diagnostic> {
    let site = &content.site;
    let mut owners: Vec<(String, Owner<'_>)> = vec![
        (
            "sitemap.xml".into(),
            Owner::Generated("sitemap (sitemap.xml)"),
        ),
        ("robots.txt".into(), Owner::Generated("robots.txt")),
        (
            "404.html".into(),
            Owner::Generated("page not found (404.html)"),
        ),
    ];
    let generated_pages = [
        (extras::A_TO_Z, "A to Z (a-z/)"),
        (statement::PATH, "accessibility statement (accessibility/)"),
    ];
    for (path, what) in generated_pages {
        let own = site
            .by_path
            .get(path)
            .map(|&id| Owner::Page(&site.pages[id]));
        if !own.is_some_and(|o| o.replaces(path)) {
            owners.push((format!("{path}index.html"), Owner::Generated(what)));
        }
    }
    if !content.model.meetings.is_empty() {
        owners.push((
            "meetings.ics".into(),
            Owner::Generated("calendar (meetings.ics)"),
        ));
    }
    for (g, meetings) in content.model.group_meetings.iter().enumerate() {
        if !meetings.is_empty() {
            let page = &site.pages[content.model.groups[g].page];
            owners.push((
                format!("{}meetings.ics", page.path),
                Owner::Generated("group calendar"),
            ));
        }
    }
    for id in 0..site.pages.len() {
        if let Some(feed) = feed_path(content, id) {
            owners.push((feed, Owner::Generated("news feed")));
        }
    }
    for (id, page) in site.pages.iter().enumerate() {
        owners.push((format!("{}index.html", page.path), Owner::Page(page)));
        for path in pagination::further_pages(content, id) {
            owners.push((format!("{path}index.html"), Owner::ListPage(page)));
        }
        for (i, alias) in page.front.aliases.iter().enumerate() {
            let path = extras::alias_path(alias);
            // An alias at a page's address is reported where aliases are written.
            if !site.by_path.contains_key(&path) {
                let file = if path.ends_with(".html") {
                    path
                } else {
                    format!("{path}index.html")
                };
                owners.push((file, Owner::Alias(page, i)));
            }
        }
    }
    owners.extend(
        site.assets
            .iter()
            .map(|a| (a.path.clone(), Owner::Asset(a))),
    );

    let mut found = Vec::new();
    let mut first: HashMap<&str, Owner<'_>> = HashMap::with_capacity(owners.len());
    for (path, owner) in &owners {
        match first.get(path.as_str()) {
            Some(other) => found.extend(report(
                site,
                (owner, other),
                format!("would both be written at /{path}"),
            )),
            None => {
                first.insert(path, *owner);
            }
        }
    }
    // One error for each file in the way, however many need its folder.
    let mut in_the_way = HashSet::new();
    for (path, owner) in &owners {
        for (i, _) in path.match_indices('/') {
            if let Some(file) = first.get(&path[..i])
                && in_the_way.insert(&path[..i])
            {
                found.extend(report(
                    site,
                    (owner, file),
                    format!(
                        "clash: /{} is a file, but /{path} needs it to be a folder",
                        &path[..i]
                    ),
                ));
                break;
            }
        }
    }
    found
}

/// The error about two owners, placed in the file of the one a reader can
/// change (a static file rather than a page, a page rather than a generated file).
fn report(site: &Site, (a, b): (&Owner<'_>, &Owner<'_>), what: String) -> Option<Diagnostic> {
    let (placed, other) = match (a, b) {
        (_, Owner::Asset(_)) | (Owner::Generated(_) | Owner::ListPage(_), _) => (b, a),
        _ => (a, b),
    };
    let message = format!("{} and {} {what}", placed.name(site), other.name(site));
    placed.error(site, message)
}
