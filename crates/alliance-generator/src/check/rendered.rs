//! The checks that need rendered pages: one level-1 heading on each page, and
//! `@/page.md#anchor` links to an id the target page really has. Ids are read
//! from what the templates rendered, so any theme's headings can be linked to.
//!
//! An [`Audit`] sink reads each page's [`PageFacts`] as it is written;
//! [`findings`] turns the facts of every page into warnings and errors. The
//! dev server keeps the facts of pages it does not re-render, so both see the
//! same facts for the same tree.

use std::collections::BTreeMap;
use std::sync::Mutex;

use rayon::prelude::*;

use crate::check::authoring::headings::written;
use crate::content::Content;
use crate::diagnostic::{Diagnostic, suggest};
use crate::load::site::{Page, PageId, Site};
use crate::output::Sink;
use crate::render::templates::Templates;
use crate::render::{self, template_for};
use crate::util::html::{count_h1, ids};

/// What the checks read of one rendered page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PageFacts {
    /// How many `<h1>` elements it has.
    pub(crate) h1: usize,
    /// Every `id` in it, in order, with whether it is a heading's.
    pub(crate) ids: Vec<(String, bool)>,
}

impl PageFacts {
    /// Reads a rendered page.
    pub(crate) fn read(html: &str) -> PageFacts {
        PageFacts {
            h1: count_h1(html),
            ids: ids(html),
        }
    }
}

/// The facts of rendered pages, by page.
pub(crate) type Facts = BTreeMap<PageId, PageFacts>;

/// A sink that passes every file on and reads the facts of each page.
pub(crate) struct Audit<'a> {
    inner: &'a dyn Sink,
    site: &'a Site,
    facts: Mutex<Facts>,
}

impl<'a> Audit<'a> {
    /// Wraps the sink a site is rendered into.
    pub(crate) fn new(site: &'a Site, inner: &'a dyn Sink) -> Self {
        Audit {
            inner,
            site,
            facts: Mutex::new(Facts::new()),
        }
    }

    /// The facts of the pages written through this sink.
    pub(crate) fn into_facts(self) -> Facts {
        self.facts.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Audit<'_> {
    fn write(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        if let Some(page_path) = path.strip_suffix("index.html")
            && let Some(&id) = self.site.by_path.get(page_path)
        {
            let facts =
                std::str::from_utf8(&bytes).map_or_else(|_| PageFacts::default(), PageFacts::read);
            if let Ok(mut all) = self.facts.lock() {
                all.insert(id, facts);
            }
        }
        self.inner.write(path, bytes)
    }
}

/// The warnings about level-1 headings and the errors of links to anchors a
/// page does not have, from the facts of every rendered page. Unsorted.
/// Only the facts of pages the content renders count: the dev server may
/// hold facts of a page whose typed facts have since gained errors.
pub(crate) fn findings(content: &Content, templates: &Templates, facts: &Facts) -> Vec<Diagnostic> {
    let current = |id: &PageId| render::renders(content, *id);
    let mut out = headings(content, templates, facts, &current);
    out.extend(anchors(content, facts, &current));
    out
}

/// Warnings for pages with no `<h1>` or more than one.
fn headings(
    content: &Content,
    templates: &Templates,
    facts: &Facts,
    current: &(dyn Fn(&PageId) -> bool + Sync),
) -> Vec<Diagnostic> {
    let site = &content.site;
    let mut out = Vec::new();
    for (&id, page_facts) in facts.iter().filter(|(id, _)| current(id)) {
        let count = page_facts.h1;
        let page = &site.pages[id];
        let template = template_for(site, templates, id).unwrap_or_default();
        if count == 0 {
            out.push(
                page_warning(page, "the page has no main heading").with_hint(format!(
                    "its template `{template}` should show the title as <h1>{{{{ page.title }}}}</h1>"
                )),
            );
            continue;
        }
        if count == 1 {
            continue;
        }
        let in_body: Vec<_> = content.bodies[id]
            .facts
            .headings
            .iter()
            .filter(|h| h.level == 1)
            .collect();
        for heading in &in_body {
            out.push(
                page.body_error(
                    heading.place.line,
                    heading.place.col,
                    "a second main heading: the page title is already the page's main heading",
                )
                .with_hint(format!(
                    "use {} and below for headings in the body",
                    written(2, heading.syntax)
                ))
                .into_warning(),
            );
        }
        if count - in_body.len() > 1 {
            out.push(
                page_warning(
                    page,
                    format!(
                        "the page has {} main headings from its template",
                        count - in_body.len()
                    ),
                )
                .with_hint(format!(
                    "its template `{template}` should have one <h1>, the page title"
                )),
            );
        }
    }
    out
}

/// A warning about a whole page, placed at its `template` key if it names one.
fn page_warning(page: &Page, message: impl Into<String>) -> Diagnostic {
    match page.key_offset("template") {
        Some(_) => page.key_error("template", message).into_warning(),
        None => Diagnostic::warning(&page.source, message),
    }
}

/// Every `@/page.md#anchor` link must name an id its target page renders.
/// A target that was not rendered (its typed facts have errors of their own)
/// is not reported again.
fn anchors(
    content: &Content,
    facts: &Facts,
    current: &(dyn Fn(&PageId) -> bool + Sync),
) -> Vec<Diagnostic> {
    let site = &content.site;
    site.pages
        .par_iter()
        .zip(&content.bodies)
        .flat_map_iter(|(page, body)| {
            body.links.iter().filter_map(move |link| {
                let anchor = link.anchor.as_deref()?;
                let target = crate::check::internal_links::target_page(site, &link.target)?;
                if !current(&target) {
                    return None;
                }
                let ids = &facts.get(&target)?.ids;
                if ids.iter().any(|(id, _)| id == anchor) {
                    return None;
                }
                let headings = ids.iter().filter(|(_, h)| *h).map(|(id, _)| id.as_str());
                let hint = if headings.clone().next().is_none() {
                    format!(
                        "{} has no headings to link to",
                        site.pages[target].source.display()
                    )
                } else {
                    suggest(anchor, headings).replace("expected one of", "its headings are")
                };
                Some(
                    page.body_error(
                        link.line,
                        link.col,
                        format!(
                            "broken internal link: `{}` has no heading `#{anchor}`",
                            site.pages[target].source.display()
                        ),
                    )
                    .with_hint(hint),
                )
            })
        })
        .collect()
}
