//! The loaded site: every page and section, how they nest, and where they are served.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use serde::Serialize;

use crate::config::Config;
use crate::date::SiteDate;
use crate::diagnostic::{Diagnostic, Position, TextIndex};
use crate::load::frontmatter::FrontMatter;
use crate::load::kind::PageKind;
use crate::load::translation::{Languages, Translation};

/// Index of a page in [`Site::pages`].
pub(crate) type PageId = usize;

/// A page or a section, loaded from one Markdown file.
#[derive(Debug, Clone)]
pub struct Page {
    /// The file, relative to the site root (`content/about.md`).
    pub(crate) source: PathBuf,
    /// The file relative to `content/`, with `/`: how `@/` links name it.
    pub(crate) content_path: String,
    /// The whole file text, for diagnostics.
    pub(crate) text: String,
    /// The common front matter.
    pub(crate) front: FrontMatter,
    /// The kind-specific front matter.
    pub(crate) typed: toml::Table,
    /// Byte offset of the TOML in `text`.
    pub(crate) toml_offset: usize,
    /// Byte offset of the Markdown body in `text`.
    pub(crate) body_offset: usize,
    /// Whether this is a section (`_index.md`).
    pub(crate) is_section: bool,
    /// Where it is served: `""` for home, `about/` for a page.
    pub(crate) path: String,
    /// The id of typed pages: the file stem, or the folder's name for `index.md`.
    pub(crate) id: String,
    /// The folder its co-located files live in.
    pub(crate) folder: PathBuf,
    /// The section it belongs to (none for the home page).
    pub(crate) parent: Option<PageId>,
    /// For a section: its pages, in display order.
    pub children: Vec<PageId>,
    /// For a section: its sub-sections, in display order.
    pub subsections: Vec<PageId>,
    /// Where the page came from: a Markdown file or a spreadsheet row.
    pub(crate) origin: Origin,
    /// The index of `text`'s lines and characters, made for its first diagnostic.
    pub(crate) index: OnceLock<TextIndex>,
}

/// Where a page's facts were written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) enum Origin {
    /// A Markdown file with front matter (`text` is the whole file).
    #[default]
    Markdown,
    /// A row of `organisations.csv` (`text` is the row as written).
    CsvRow {
        /// The 1-based line of the row in the file.
        line: usize,
        /// The row's number as a spreadsheet program shows it (the header row is 1).
        row: usize,
        /// Each column's header and the 1-based column where its cell starts.
        cells: Vec<(String, usize)>,
    },
}

impl Page {
    /// The Markdown body.
    pub fn body(&self) -> &str {
        &self.text[self.body_offset..]
    }

    /// The 1-based file line where the body starts.
    pub(crate) fn body_line(&self) -> usize {
        self.index().line_of(self.body_offset)
    }

    /// The index of [`Page::text`], made once.
    fn index(&self) -> &TextIndex {
        self.index.get_or_init(|| TextIndex::new(&self.text))
    }

    /// A diagnostic at a line and column of the page's body.
    pub(crate) fn body_error(
        &self,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Diagnostic {
        let position = Position {
            line: self.body_line() + line.saturating_sub(1),
            col,
        };
        Diagnostic::error(&self.source, message).at_indexed(&self.text, self.index(), position)
    }

    /// A diagnostic at a front-matter key (or the file's first line if absent).
    pub(crate) fn key_error(&self, key: &str, message: impl Into<String>) -> Diagnostic {
        if let Origin::CsvRow { .. } = self.origin {
            let column = if key == "title" { "name" } else { key };
            return self.value_error(&[column], message);
        }
        let offset = self
            .key_offset(key)
            .unwrap_or(self.toml_offset.saturating_sub(4));
        Diagnostic::error(&self.source, message).at_offset(&self.text, offset)
    }

    /// A diagnostic at a typed value: `path` is a dotted path into the front
    /// matter (`["members", "2", "org"]`) or, for a spreadsheet row, a column.
    pub(crate) fn value_error(&self, path: &[&str], message: impl Into<String>) -> Diagnostic {
        match &self.origin {
            Origin::Markdown => {
                let fenced = &self.text[self.toml_offset..self.body_offset];
                let toml = &fenced[..fenced.rfind("+++").unwrap_or(fenced.len())];
                let span = crate::load::frontmatter::spans(toml)
                    .and_then(|table| crate::load::frontmatter::value_span(&table, path));
                match span {
                    Some(span) => Diagnostic::error(&self.source, message)
                        .at_offset(&self.text, self.toml_offset + span.start),
                    None => self.key_error(path.first().copied().unwrap_or("kind"), message),
                }
            }
            Origin::CsvRow { line, row, cells } => {
                let cell = path
                    .first()
                    .and_then(|key| cells.iter().find(|(name, _)| name == key));
                let col = cell.map_or(1, |(_, col)| *col);
                let message = match cell {
                    Some((name, _)) => format!("row {row}, column {name}: {}", message.into()),
                    None => format!("row {row}: {}", message.into()),
                };
                Diagnostic::error(&self.source, message)
                    .quoting(&self.text, Position { line: *line, col })
            }
        }
    }

    /// Where the page was written, for messages: the file, and the line for a spreadsheet row.
    pub fn place(&self) -> String {
        match &self.origin {
            Origin::CsvRow { line, .. } => format!("{} (line {line})", self.source.display()),
            Origin::Markdown => self.source.display().to_string(),
        }
    }

    /// The byte offset of a top-level front-matter key in `text`.
    pub(crate) fn key_offset(&self, key: &str) -> Option<usize> {
        let toml = &self.text[self.toml_offset..self.body_offset];
        let mut offset = 0;
        for line in toml.split_inclusive('\n') {
            let trimmed = line.trim_start();
            if let Some(rest) = trimmed.strip_prefix(key)
                && rest.trim_start().starts_with('=')
            {
                return Some(self.toml_offset + offset + (line.len() - trimmed.len()));
            }
            offset += line.len();
        }
        None
    }

    /// The date used to sort and date the page: `date`, else `updated`.
    pub fn date(&self) -> Option<SiteDate> {
        self.front.date.or(self.front.updated)
    }

    /// The page's typed kind, if it has one.
    pub fn kind(&self) -> Option<PageKind> {
        self.front.kind
    }
}

/// A file copied to the output unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Asset {
    /// The file on disk.
    pub(crate) source: PathBuf,
    /// Where it goes in the output.
    pub(crate) path: String,
}

/// The whole site, loaded and checked.
#[derive(Debug, Clone)]
pub struct Site {
    /// The site folder.
    pub(crate) root: PathBuf,
    /// `config.toml`.
    pub config: Config,
    /// Every published page and section.
    pub pages: Vec<Page>,
    /// The home page (`content/_index.md`).
    pub(crate) home: PageId,
    /// Pages by content path (`about/index.md`).
    pub(crate) by_content_path: HashMap<String, PageId>,
    /// Pages by site path (`about/`), sorted.
    pub(crate) by_path: BTreeMap<String, PageId>,
    /// Files copied unchanged: theme static, site static, co-located files.
    pub(crate) assets: Vec<Asset>,
    /// Content paths of drafts, so a link to one gets a clear error.
    pub(crate) drafts: Vec<String>,
    /// Content paths of pages left out for errors of their own (already
    /// reported), so links and references to them are not reported again.
    pub(crate) with_errors: Vec<String>,
    /// The site's languages and where each page is published in each (empty for one language).
    pub(crate) languages: Arc<Languages>,
    /// This site's language in [`Languages::list`]: 0, the default, or a translation.
    pub(crate) language: usize,
    /// The translation files read (only in the default-language site).
    pub(crate) translations: Vec<Translation>,
    /// Symbolic links under `content/` and `static/` that were not followed
    /// (they lead outside the site, nowhere, or round): the check stage warns of each.
    pub(crate) unfollowed: Vec<crate::util::walk::Skipped>,
}

/// A light view of a page for listings and navigation.
#[derive(Debug, Clone, Serialize)]
pub struct Summary<'a> {
    /// Title.
    pub(crate) title: &'a str,
    /// A shorter label for menus: `extra.nav_title`, else the title.
    pub(crate) nav_title: &'a str,
    /// Site path; templates turn it into a link with the `url` filter.
    pub(crate) path: &'a str,
    /// Description, if any.
    pub(crate) description: Option<&'a str>,
    /// Date, if any.
    pub(crate) date: Option<SiteDate>,
    /// Typed kind, if any.
    pub(crate) kind: Option<PageKind>,
    /// Id (file stem).
    pub(crate) id: &'a str,
    /// Whether it is a section.
    pub(crate) is_section: bool,
}

impl<'a> Summary<'a> {
    /// A page the build makes itself (the accessibility statement, the
    /// search page): a title, an address and an id, nothing else.
    pub fn generated(title: &'a str, path: &'a str, id: &'a str) -> Summary<'a> {
        Summary {
            title,
            nav_title: title,
            path,
            description: None,
            date: None,
            kind: None,
            id,
            is_section: false,
        }
    }
}

impl Site {
    /// A light view of a page.
    pub fn summary(&self, id: PageId) -> Summary<'_> {
        let page = &self.pages[id];
        Summary {
            title: &page.front.title,
            nav_title: page
                .front
                .extra
                .get("nav_title")
                .and_then(toml::Value::as_str)
                .unwrap_or(&page.front.title),
            path: &page.path,
            description: page.front.description.as_deref(),
            date: page.date(),
            kind: page.kind(),
            id: &page.id,
            is_section: page.is_section,
        }
    }

    /// The sections above a page, from the home page down (not including it).
    pub fn ancestors(&self, id: PageId) -> Vec<PageId> {
        let mut chain = Vec::new();
        let mut at = self.pages[id].parent;
        while let Some(p) = at {
            chain.push(p);
            at = self.pages[p].parent;
        }
        chain.reverse();
        chain
    }

    /// The top-level sections, for the main navigation.
    pub(crate) fn top_sections(&self) -> &[PageId] {
        &self.pages[self.home].subsections
    }

    /// Whether a page is published in this site's language (always, for a site in one language).
    pub fn published(&self, id: PageId) -> bool {
        self.languages
            .list
            .get(self.language)
            .is_none_or(|l| l.paths.get(id).is_some_and(Option::is_some))
    }

    /// The page a content path names.
    pub(crate) fn page_by_content_path(&self, path: &str) -> Option<&Page> {
        self.by_content_path.get(path).map(|&id| &self.pages[id])
    }
}
