//! Authoring checks: what an editor can break that a resident would meet.
//!
//! Each check is a module of its own, reading the facts of a page body
//! ([`crate::markdown::facts`], from comrak's syntax tree with the rendering options) or the
//! site's front matter:
//!
//! | module | finds | severity |
//! |---|---|---|
//! | [`images`] | images without alt text (empty alt only when marked decorative) | error |
//! | [`headings`] | skipped heading levels; pages with no h1 or more than one | warning |
//! | [`links`] | links with no text (error); "click here", "read more", bare web addresses | warning |
//! | [`tables`] | tables without a header row | warning |
//! | [`documents`] | PDF and Office documents with no HTML page or summary beside them | warning |
//! | [`review`] | pages overdue for review, with their owner | warning |
//!
//! [`check`] runs them all over a loaded site; the count of `<h1>` needs the
//! rendered pages and comes from [`crate::check::rendered`] during rendering.

pub(crate) mod documents;
pub(crate) mod headings;
pub(crate) mod images;
pub(crate) mod links;
pub(crate) mod review;
pub(crate) mod tables;

use rayon::prelude::*;

use crate::content::Content;
use crate::diagnostic::Diagnostic;

/// Every authoring check over every page of a site's content, its `today`
/// deciding which pages are overdue for review. Errors and warnings together, unsorted.
pub(crate) fn check(content: &Content) -> Vec<Diagnostic> {
    let offered = documents::Offered::new(&content.site);
    let mut found = pages(content, &offered, true);
    found.extend(offered.check_files(&content.site));
    found
}

/// The checks of what a translation's bodies hold (images, headings, link
/// text, tables, links to documents) over its translated pages; its
/// reviews and files are its page's, checked in the default language.
pub(crate) fn check_translation(content: &Content) -> Vec<Diagnostic> {
    let offered = documents::Offered::new(&content.site);
    pages(content, &offered, false)
}

/// The checks of each page (with `reviews`, whether it is overdue for review).
fn pages(content: &Content, offered: &documents::Offered, reviews: bool) -> Vec<Diagnostic> {
    let (site, today) = (&content.site, content.today);
    site.pages
        .par_iter()
        .zip(&content.bodies)
        .enumerate()
        // A home page made up because content/_index.md is missing has no file to point at;
        // a translation checks only the pages it publishes.
        .filter(|(id, (page, _))| !page.text.is_empty() && (reviews || site.published(*id)))
        .flat_map_iter(|(_, (page, body))| {
            let facts = &body.facts;
            let mut out = images::check(page, facts);
            out.extend(headings::check_levels(page, facts));
            out.extend(links::check(site, page, facts));
            out.extend(tables::check(page, facts));
            out.extend(offered.check_links(site, page, facts));
            if reviews {
                out.extend(review::check(site, page, today));
            }
            out.extend(facts.controls.iter().map(|control| {
                page.body_error(
                    control.place.line,
                    control.place.col,
                    format!(
                        "this character reference writes the control character U+{:04X}",
                        u32::from(control.char)
                    ),
                )
                .with_hint(crate::diagnostic::CONTROL_HINT)
            }));
            out
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::PathBuf;

    use jiff::civil::Date;

    use super::*;
    use crate::config::Config;
    use crate::load::site::{Page, Site};

    /// A page at `content/p.md` with a one-line title and this body (which starts on line 4).
    pub(crate) fn page(body: &str) -> Page {
        page_with("title = \"T\"\n", body)
    }

    /// A page at `content/p.md` with this front matter and body.
    pub(crate) fn page_with(front: &str, body: &str) -> Page {
        let text = format!("+++\n{front}+++\n{body}");
        let parsed = crate::load::frontmatter::parse(std::path::Path::new("content/p.md"), &text)
            .expect("test front matter is valid");
        Page {
            source: PathBuf::from("content/p.md"),
            content_path: "p.md".into(),
            front: parsed.front,
            typed: parsed.typed,
            toml_offset: parsed.toml_offset,
            body_offset: parsed.body_offset,
            text,
            is_section: false,
            path: "p/".into(),
            id: "p".into(),
            folder: PathBuf::from("content"),
            parent: None,
            children: Vec::new(),
            subsections: Vec::new(),
            origin: Default::default(),
            index: Default::default(),
        }
    }

    /// The content of a site of the given pages, with `config` appended to a
    /// minimal config.toml, built for `today`.
    pub(crate) fn content(config: &str, pages: Vec<Page>, today: Date) -> Content {
        let text = format!("title = \"T\"\nbase_url = \"https://e.org\"\n{config}");
        let config = Config::parse(&text, std::path::Path::new("config.toml"))
            .expect("test config is valid");
        let bodies = pages
            .iter()
            .map(|page| crate::markdown::Rendered {
                facts: crate::markdown::facts::read(page.body(), config.markdown.unsafe_html),
                ..Default::default()
            })
            .collect();
        let by_content_path = pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.content_path.clone(), i))
            .collect();
        let by_path = pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.path.clone(), i))
            .collect();
        let site = Site {
            root: PathBuf::from("/site"),
            config,
            pages,
            home: 0,
            by_content_path,
            by_path,
            assets: Vec::new(),
            drafts: Vec::new(),
            with_errors: Vec::new(),
            languages: Default::default(),
            language: 0,
            translations: Vec::new(),
            unfollowed: Vec::new(),
        };
        let (model, _) = crate::model::Model::build(&site);
        Content {
            site,
            model,
            bodies,
            today,
            translations: Vec::new(),
        }
    }

    fn messages(config: &str, front: &str, body: &str, today: &str) -> Vec<String> {
        let content = content(config, vec![page_with(front, body)], today.parse().unwrap());
        let mut found = check(&content);
        found.sort_by_key(|d| d.position);
        found
            .iter()
            .map(|d| {
                let label = if d.is_error() { "error" } else { "warning" };
                format!(
                    "{}:{}: {label}: {}",
                    d.position.line, d.position.col, d.message
                )
            })
            .collect()
    }

    #[test]
    fn a_clean_page_has_no_findings() {
        let body = "## Who we are\n\n![Map of the borough](map.png) ![](rule.png \"decorative\")\n\nRead [our annual report](report.html) or email [a@e.org](mailto:a@e.org).\n\n| Partner | Sector |\n|---|---|\n| Council | public |\n";
        assert_eq!(
            messages(
                "",
                "title = \"T\"\nreviewed = 2026-01-01\n",
                body,
                "2026-11-22"
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn each_fault_is_found_in_place() {
        let body = "![](map.png)\n\n#### Deep\n\n[click here](x.html) and <https://e.org/a>\n\n[](y.html)\n\n|  |  |\n|--|--|\n| 1 | 2 |\n\n[Minutes](minutes.docx)\n";
        assert_eq!(
            messages(
                "[review]\nperiod_months = 6\n",
                "title = \"T\"\nreviewed = 2026-01-01\nowner = \"Team\"\n",
                body,
                "2026-11-22"
            ),
            [
                "3:1: warning: page not reviewed for more than 6 months: last reviewed on 1 January 2026 (owner: Team)",
                "6:1: error: image `map.png` has no alt text",
                "8:1: warning: a level-4 heading straight after the main heading (the page title): a level is skipped",
                "10:1: warning: link text \"click here\" does not say where the link goes",
                "10:26: warning: link text is a bare web address: https://e.org/a",
                "12:1: error: link with no text",
                "14:1: warning: table without a header row",
                "18:1: warning: link to a Word document (`minutes.docx`) with no HTML page or summary beside it",
            ]
        );
    }

    #[test]
    fn undated_pages_are_reported_only_when_reviews_are_asked_for() {
        let today = "2026-11-22";
        assert!(messages("", "title = \"T\"\n", "", today).is_empty());
        assert_eq!(
            messages("[review]\n", "title = \"T\"\n", "", today),
            [
                "2:1: warning: page has no review date (no owner); the site asks for a review every 12 months"
            ]
        );
        assert!(
            messages(
                "[review]\n",
                "title = \"T\"\nkind = \"news\"\ndate = 2020-01-01\n",
                "",
                today
            )
            .is_empty(),
            "news records a moment"
        );
        assert!(
            messages(
                "[review]\nperiod_months = 0\n",
                "title = \"T\"\n",
                "",
                today
            )
            .is_empty(),
            "0 turns the check off"
        );
    }
}
