//! Office documents (PDF, Word, OpenDocument, Excel, PowerPoint) are hard or
//! impossible for many readers to use. A site offers one properly through a
//! typed `document` page (`kind = "document"`, `file = "..."`), whose HTML
//! summary sits beside it, or in a meeting's `papers`. This module finds
//! documents offered any other way: linked from an ordinary page, or put in
//! `content/` where no document or meeting page names them.

use std::collections::BTreeMap;
use std::path::{Component, Path};

use crate::diagnostic::{Diagnostic, display_path};
use crate::load::kind::PageKind;
use crate::load::site::{Asset, Page, Site};
use crate::markdown::facts::Facts;

/// File extensions of documents, and what to call them.
const FORMATS: &[(&str, &str)] = &[
    ("pdf", "PDF"),
    ("doc", "Word"),
    ("docx", "Word"),
    ("odt", "OpenDocument"),
    ("xls", "Excel"),
    ("xlsx", "Excel"),
    ("ppt", "PowerPoint"),
    ("pptx", "PowerPoint"),
];

const HOW_TO_PUBLISH: &str =
    "publish it through a `kind = \"document\"` page with a summary, or add an HTML version";

/// What kind of document a path or URL names, if any: "PDF", "Word"...
fn format_of(path: &str) -> Option<&'static str> {
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let (_, ext) = path.rsplit_once('.')?;
    FORMATS
        .iter()
        .find(|(e, _)| ext.eq_ignore_ascii_case(e))
        .map(|(_, name)| *name)
}

/// The files that typed pages publish properly, by path from the site root
/// (`content/about/report/report.pdf`), with the content path of the page;
/// and every file of the site by its address, to look links up.
pub(crate) struct Offered<'a> {
    files: BTreeMap<String, Offer>,
    assets: BTreeMap<&'a str, &'a Asset>,
}

/// Which page offers a file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Offer {
    /// The content path of that page (`about/report/index.md`).
    page: String,
    /// Whether it is a meeting (which lists the file among its papers).
    meeting: bool,
}

impl<'a> Offered<'a> {
    /// Reads `file` of every document page and `papers[].file` of every meeting page.
    pub(crate) fn new(site: &'a Site) -> Self {
        let mut files = BTreeMap::new();
        for page in &site.pages {
            let named: Vec<&str> = if page.kind() == Some(PageKind::Document) {
                page.typed
                    .get("file")
                    .and_then(toml::Value::as_str)
                    .into_iter()
                    .collect()
            } else if page.kind() == Some(PageKind::Meeting) {
                page.typed
                    .get("papers")
                    .and_then(toml::Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|p| p.get("file").and_then(toml::Value::as_str))
                    .collect()
            } else {
                continue;
            };
            for file in named {
                if let Some(path) = normalise(&page.folder, file) {
                    files.insert(
                        path,
                        Offer {
                            page: page.content_path.clone(),
                            meeting: page.kind() == Some(PageKind::Meeting),
                        },
                    );
                }
            }
        }
        let assets = site.assets.iter().map(|a| (a.path.as_str(), a)).collect();
        Offered { files, assets }
    }

    /// A warning for each link to a document from a page that does not offer it properly.
    pub(crate) fn check_links(&self, site: &Site, page: &Page, facts: &Facts) -> Vec<Diagnostic> {
        if page.kind() == Some(PageKind::Document) {
            return Vec::new();
        }
        facts
            .links
            .iter()
            .filter_map(|link| {
                let format = format_of(&link.url)?;
                let source = self.local_source(site, page, &link.url);
                let offer = source.as_ref().and_then(|s| self.files.get(s));
                if offer.is_some_and(|o| o.meeting && o.page == page.content_path) {
                    return None;
                }
                let hint = match offer {
                    Some(o) if !o.meeting => format!(
                        "link to the document's page, which has its summary, instead: [...](@/{})",
                        o.page
                    ),
                    _ => HOW_TO_PUBLISH.to_owned(),
                };
                Some(
                    page.body_error(
                        link.place.line,
                        link.place.col,
                        format!(
                            "link to a {format} document (`{}`) with no HTML page or summary beside it",
                            link.url
                        ),
                    )
                    .with_hint(hint)
                    .into_warning(),
                )
            })
            .collect()
    }

    /// A warning for each document in `content/` that no document or meeting page names.
    pub(crate) fn check_files(&self, site: &Site) -> Vec<Diagnostic> {
        site.assets
            .iter()
            .filter_map(|asset| {
                let rel = display_path(asset.source.strip_prefix(&site.root).ok()?);
                if !rel.starts_with("content/") || self.files.contains_key(&rel) {
                    return None;
                }
                let format = format_of(&rel)?;
                let name = rel.rsplit('/').next().unwrap_or(&rel);
                Some(
                    Diagnostic::warning(
                        &rel,
                        format!("{format} document published with no HTML page or summary beside it"),
                    )
                    .with_hint(format!(
                        "{HOW_TO_PUBLISH}: a page in this folder with `kind = \"document\"` and `file = \"{name}\"`"
                    )),
                )
            })
            .collect()
    }

    /// The path from the site root of the content file a local link points to.
    fn local_source(&self, site: &Site, page: &Page, url: &str) -> Option<String> {
        let url = url.split(['?', '#']).next().unwrap_or(url);
        let base = &site.config.base_url;
        let site_path =
            if let Some(rest) = url.strip_prefix(base.as_str()).filter(|_| !base.is_empty()) {
                rest.trim_start_matches('/').to_owned()
            } else if url.contains("://") || url.starts_with("//") || url.contains(':') {
                return None;
            } else if let Some(rooted) = url.strip_prefix('/') {
                rooted.to_owned()
            } else {
                normalise(Path::new(&page.path), url)?
            };
        let asset = self.assets.get(site_path.as_str())?;
        Some(display_path(asset.source.strip_prefix(&site.root).ok()?))
    }
}

/// `folder` joined with a relative `file`, `.` and `..` resolved, with `/`.
fn normalise(folder: &Path, file: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for component in folder.components() {
        if let Component::Normal(part) = component {
            parts.push(part.to_string_lossy().into_owned());
        }
    }
    for part in file.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part.to_owned()),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_document_formats() {
        assert_eq!(format_of("a/Report.PDF"), Some("PDF"));
        assert_eq!(format_of("minutes.docx?download=1"), Some("Word"));
        assert_eq!(format_of("page.html"), None);
        assert_eq!(format_of("no-extension"), None);
    }

    #[test]
    fn a_meeting_offers_its_papers() {
        let mut meeting = crate::check::authoring::tests::page_with(
            "title = \"M\"\nkind = \"meeting\"\npapers = [{ title = \"Agenda\", file = \"agenda.pdf\", kind = \"agenda\" }]\n",
            "The [agenda](agenda.pdf) and [other papers](other.pdf).\n",
        );
        meeting.folder = "content/m1".into();
        meeting.path = "m1/".into();
        meeting.content_path = "m1/index.md".into();
        let mut site =
            crate::check::authoring::tests::content("", vec![meeting], Default::default()).site;
        for name in ["agenda.pdf", "other.pdf"] {
            site.assets.push(crate::load::site::Asset {
                source: site.root.join("content/m1").join(name),
                path: format!("m1/{name}"),
            });
        }
        let offered = Offered::new(&site);
        let page = &site.pages[0];
        let facts = crate::markdown::facts::read(page.body(), false);
        let links = offered.check_links(&site, page, &facts);
        assert_eq!(links.len(), 1);
        assert!(
            links[0].message.contains("`other.pdf`"),
            "{}",
            links[0].message
        );
        let files = offered.check_files(&site);
        assert_eq!(files.len(), 1);
        assert_eq!(display_path(&files[0].path), "content/m1/other.pdf");
    }

    #[test]
    fn normalises_relative_paths() {
        assert_eq!(
            normalise(Path::new("content/a/b"), "./c.pdf").as_deref(),
            Some("content/a/b/c.pdf")
        );
        assert_eq!(
            normalise(Path::new("about/"), "../x/y.pdf").as_deref(),
            Some("x/y.pdf")
        );
        assert_eq!(normalise(Path::new(""), "../y.pdf"), None);
    }
}
