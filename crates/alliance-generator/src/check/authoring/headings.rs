//! Headings: one level-1 heading per page (the title, printed by the
//! template), and levels that go down one step at a time.
//!
//! Skipped levels are read from the body. The count of `<h1>` needs the
//! rendered page, because the title's `<h1>` comes from the template: a
//! [`HeadingAudit`] sink counts them as the pages are written.

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::diagnostic::Diagnostic;
use crate::load::site::{Page, Site};
use crate::markdown::facts::{Facts, Syntax};
use crate::output::Sink;
use crate::render::template_for;
use crate::render::templates::Templates;
use crate::util::html::count_h1;

/// A warning for each heading more than one level below the one before it.
/// The page title (h1) comes first; level-1 headings in the body are left to
/// the [`HeadingAudit`].
pub fn check_levels(page: &Page, facts: &Facts) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut previous = 1;
    for heading in &facts.headings {
        let level = heading.level;
        if level > previous + 1 {
            let want = previous + 1;
            let (message, hint) = if previous == 1 {
                (
                    format!("skipped heading level: h{level} straight after the page title (h1)"),
                    format!(
                        "the body's first headings are level 2: make this {}",
                        written(want, heading.syntax)
                    ),
                )
            } else {
                (
                    format!("skipped heading level: h{level} after h{previous}"),
                    format!(
                        "headings go down one level at a time: make this {}, or add an h{want} above it",
                        written(want, heading.syntax)
                    ),
                )
            };
            out.push(
                page.body_error(heading.place.line, heading.place.col, message)
                    .with_hint(hint)
                    .into_warning(),
            );
        }
        previous = level;
    }
    out
}

/// How a heading of `level` is written: `###` or `<h3>`.
fn written(level: u8, syntax: Syntax) -> String {
    match syntax {
        Syntax::Markdown => format!("`{}`", "#".repeat(level.into())),
        Syntax::Html => format!("<h{level}>"),
    }
}

/// A sink that passes every file on and counts the `<h1>` elements of each page.
pub struct HeadingAudit<'a> {
    inner: &'a dyn Sink,
    site: &'a Site,
    counts: Mutex<BTreeMap<String, usize>>,
}

impl<'a> HeadingAudit<'a> {
    /// Wraps the sink a site is rendered into.
    pub fn new(site: &'a Site, inner: &'a dyn Sink) -> Self {
        HeadingAudit {
            inner,
            site,
            counts: Mutex::new(BTreeMap::new()),
        }
    }

    /// Warnings for pages with no `<h1>` or more than one, once rendering is done.
    pub fn finish(self, templates: &Templates) -> Vec<Diagnostic> {
        let counts = self.counts.into_inner().unwrap_or_else(|e| e.into_inner());
        let site = self.site;
        let mut out = Vec::new();
        for (path, count) in counts {
            let Some(&id) = site.by_path.get(&path) else {
                continue;
            };
            let page = &site.pages[id];
            let template = template_for(site, templates, id).unwrap_or_default();
            if count == 0 {
                out.push(
                    page_warning(page, "the page has no level-1 heading (h1)").with_hint(
                        format!(
                            "its template `{template}` should show the title as <h1>{{{{ page.title }}}}</h1>"
                        ),
                    ),
                );
                continue;
            }
            if count == 1 {
                continue;
            }
            let in_body: Vec<_> = page
                .rendered
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
                        "a second level-1 heading: the page title is already the page's h1",
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
                            "the page has {} level-1 headings (h1) from its template",
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
}

/// A warning about a whole page, placed at its `template` key if it names one.
fn page_warning(page: &Page, message: impl Into<String>) -> Diagnostic {
    match page.key_offset("template") {
        Some(_) => page.key_error("template", message).into_warning(),
        None => Diagnostic::warning(&page.source, message),
    }
}

impl Sink for HeadingAudit<'_> {
    fn write(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        if let Some(page_path) = path.strip_suffix("index.html")
            && self.site.by_path.contains_key(page_path)
        {
            let count = std::str::from_utf8(&bytes).map_or(0, count_h1);
            if let Ok(mut counts) = self.counts.lock() {
                counts.insert(page_path.to_owned(), count);
            }
        }
        self.inner.write(path, bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(markdown: &str) -> Vec<String> {
        let page = crate::check::authoring::tests::page(markdown);
        check_levels(&page, &crate::markdown::facts::read(page.body(), true))
            .into_iter()
            .map(|d| format!("{}: {}", d.position.line, d.message))
            .collect()
    }

    #[test]
    fn levels_go_down_one_at_a_time() {
        assert!(levels("## A\n\n### B\n\n## C\n\n### D\n").is_empty());
        assert_eq!(
            levels("### A\n\n## B\n\n#### C\n\n<h6>D</h6>\n"),
            [
                "4: skipped heading level: h3 straight after the page title (h1)",
                "8: skipped heading level: h4 after h2",
                "10: skipped heading level: h6 after h4",
            ]
        );
        assert!(levels("# A\n\n## B\n").is_empty(), "h1s are the audit's");
    }
}
