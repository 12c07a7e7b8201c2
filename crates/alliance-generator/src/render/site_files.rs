//! The files made of the whole site rather than one page: static and
//! co-located files, stylesheets, and the site-wide [`Part`]s (sitemap,
//! robots.txt, aliases, the accessibility statement, the 404 page, the A to
//! Z, calendars, the search index, feeds).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use rayon::prelude::*;

use crate::content::Content;
use crate::date::SiteDate;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::site::{PageId, Site, Summary};
use crate::output::Sink;
use crate::render::extras::Letter;
use crate::render::templates::Templates;
use crate::render::theme::Theme;
use crate::render::words::Words;
use crate::render::{
    extras, feed_path, ics, pagination, render_not_found, render_special, search, statement,
};

/// A site-wide part of the output, made of several pages: the unit the dev
/// server redoes when a change reaches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Part {
    /// Sitemap, robots.txt, alias redirects, the accessibility statement, the 404 page.
    SiteFiles,
    /// The A to Z of pages: titles only.
    AToZ,
    /// The iCalendar feeds: meetings and groups only.
    Calendars,
    /// The search page and index: every page's title, facts and text.
    Search,
    /// A section's Atom feed: the section and its pages.
    Feed(PageId),
    /// The browser editor for the live site (`admin/`), when `[cms] backend` is set.
    Editor,
}

impl Part {
    /// Every part of a site (of a translation: those made in each language).
    pub(crate) fn all(site: &Site) -> Vec<Part> {
        [Part::SiteFiles, Part::AToZ, Part::Calendars, Part::Search]
            .into_iter()
            .chain(Part::editor(site).filter(|_| site.language == 0))
            .chain(
                site.pages
                    .iter()
                    .enumerate()
                    .filter(|&(id, p)| p.is_section && site.published(id))
                    .map(|(id, _)| Part::Feed(id)),
            )
            .collect()
    }

    /// The editor part, if the site has one: it lists the site's pages, so
    /// every change reaches it.
    pub(crate) fn editor(site: &Site) -> Option<Part> {
        let cms = site.config.cms.as_ref()?;
        cms.backend.is_some().then_some(Part::Editor)
    }

    /// Makes this part's files into `sink` (the search index reads only the
    /// pages `search` does not hold).
    fn write(
        self,
        content: &Content,
        templates: &Templates,
        search: &mut search::Cache,
        sink: &dyn Sink,
        diagnostics: &mut Diagnostics,
    ) {
        match self {
            Part::SiteFiles => write_site_files(content, templates, sink, diagnostics),
            Part::AToZ => write_a_to_z(&content.site, templates, sink, diagnostics),
            Part::Calendars => {
                let words = templates.words(&content.site.config.language);
                write_calendars(content, words, sink, diagnostics);
            }
            Part::Search => search::write(content, templates, search, sink, diagnostics),
            Part::Feed(id) => write_feed(content, id, sink, diagnostics),
            Part::Editor => {
                let site = &content.site;
                let [page, config] = crate::cms::FILES;
                let git = crate::cms::Backend::Git;
                let yml = crate::cms::config_yml(site, git);
                put(
                    sink,
                    page,
                    crate::cms::index_html(site, git).into_bytes(),
                    diagnostics,
                );
                put(sink, config, yml.into_bytes(), diagnostics);
            }
        }
    }
}

/// The files some parts made, each with the part that made it.
pub(crate) type PartFiles = BTreeMap<String, Part>;

/// Makes the files of some site-wide parts into `sink`, noting which part
/// made each file (the files themselves are not kept: a national directory's
/// search index alone is hundreds of megabytes); the search index keeps what
/// it read of pages in `search`.
pub(crate) fn parts(
    content: &Content,
    templates: &Templates,
    parts: &[Part],
    search: &mut search::Cache,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) -> PartFiles {
    let mut files = PartFiles::new();
    for &part in parts {
        let noted = Noting {
            inner: sink,
            paths: Mutex::default(),
        };
        part.write(content, templates, search, &noted, diagnostics);
        let paths = noted.paths.into_inner().unwrap_or_else(|e| e.into_inner());
        files.extend(paths.into_iter().map(|path| (path, part)));
    }
    files
}

/// A sink that passes files on and notes the path of each one written.
struct Noting<'a> {
    inner: &'a dyn Sink,
    paths: Mutex<Vec<String>>,
}

impl Sink for Noting<'_> {
    fn write(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        self.inner.write(path, bytes)?;
        if let Ok(mut paths) = self.paths.lock() {
            paths.push(path.to_owned());
        }
        Ok(())
    }
}

/// Writes a file to the sink, recording why it failed.
pub(crate) fn put(sink: &dyn Sink, path: &str, bytes: Vec<u8>, diagnostics: &mut Diagnostics) {
    if let Err(d) = write_file(sink, path, bytes) {
        diagnostics.push(d);
    }
}

/// Writes a file to the sink; the diagnostic says why it failed.
fn write_file(sink: &dyn Sink, path: &str, bytes: Vec<u8>) -> Result<(), Diagnostic> {
    sink.write(path, bytes)
        .map_err(|e| Diagnostic::error(path, format!("cannot write: {e}")))
}

/// Copies the theme's static files, the site's static files and co-located
/// files (these in parallel: a large site has thousands), except papers of
/// exempt agenda items (`withheld`), which are never published. Returns how many.
pub(crate) fn copy_static(
    site: &Site,
    withheld: &BTreeSet<String>,
    theme: &Theme,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) -> usize {
    let mut files = 0;
    // A translation's site has only the files beside its translated pages.
    let theme_files = theme.static_files.iter().filter(|_| site.language == 0);
    for (path, file) in theme_files {
        if path == search::SCRIPT && !site.config.search.enabled {
            continue;
        }
        match file.source.read() {
            Ok(bytes) => match write_file(sink, path, bytes) {
                Ok(()) => files += 1,
                Err(d) => diagnostics.push(d),
            },
            Err(e) => diagnostics.push(Diagnostic::error(
                &file.display,
                format!("cannot read: {e}"),
            )),
        }
    }
    let copied: Vec<Result<(), Diagnostic>> = site
        .assets
        .par_iter()
        .filter(|asset| !withheld.contains(&asset.path))
        .map(|asset| {
            let bytes = std::fs::read(&asset.source)
                .map_err(|e| Diagnostic::error(&asset.source, format!("cannot read: {e}")))?;
            write_file(sink, &asset.path, bytes)
        })
        .collect();
    for result in copied {
        match result {
            Ok(()) => files += 1,
            Err(d) => diagnostics.push(d),
        }
    }
    files
}

/// Compiles the theme's Sass into stylesheets. Returns how many.
pub(crate) fn write_stylesheets(
    theme: &Theme,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) -> usize {
    match theme.compile_sass() {
        Ok(sheets) => {
            let count = sheets.len();
            for (path, css) in sheets {
                put(sink, &path, css.into_bytes(), diagnostics);
            }
            count
        }
        Err(e) => {
            diagnostics.extend(e);
            0
        }
    }
}

/// Writes the sitemap (with the further pages of long lists), robots.txt,
/// the alias redirects, the accessibility statement and the 404 page (in a
/// translation, the statement and the 404 page).
fn write_site_files(
    content: &Content,
    templates: &Templates,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) {
    let site = &content.site;
    if site.language == 0 {
        write_sitemap_and_redirects(content, templates, sink, diagnostics);
    }
    match statement::render(site, templates) {
        Some(Ok(html)) => {
            let path = format!("{}index.html", site.config.generated.statement);
            put(sink, &path, html.into_bytes(), diagnostics);
        }
        Some(Err(d)) => diagnostics.push(d),
        None => {}
    }
    if templates.has("404.html") {
        // A snapshot is replayed by its captured addresses only: its 404 page
        // keeps relative links, like every page of it.
        let path = &site.config.generated.not_found;
        let rendered = if templates.mark_external_links {
            let title = templates.words(&site.config.language).get("not_found");
            render_special(site, templates, "404.html", path, title, &())
        } else {
            render_not_found(site, templates)
        };
        match rendered {
            Ok(html) => put(sink, path, html.into_bytes(), diagnostics),
            Err(d) => diagnostics.push(d),
        }
    }
}

/// Writes the sitemap (with the further pages of long lists), robots.txt
/// and the alias redirects: one of each for every language.
fn write_sitemap_and_redirects(
    content: &Content,
    templates: &Templates,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) {
    let site = &content.site;
    let generated: Vec<(String, Option<SiteDate>)> = has_a_to_z(site, templates)
        .then(|| (site.config.generated.a_to_z.clone(), None))
        .into_iter()
        .chain(statement::sitemap_entry(site, templates))
        .chain(
            search::enabled(site, templates).then(|| (site.config.generated.search.clone(), None)),
        )
        .collect();
    let mut lists = list_pages(content);
    // The letters of a split A to Z, in each language (each its own page:
    // Welsh has letters English has not).
    let languages = std::iter::once((content, templates))
        .chain(content.translations.iter().zip(&templates.translations));
    for (language, templates) in languages {
        let site = &language.site;
        let code = site.config.language.as_str();
        let letters = a_to_z_letters(site, templates).unwrap_or_default();
        for page in letter_pages(site, &letters) {
            lists.extend(page.paths().map(|at| vec![(code, at.to_owned())]));
        }
    }
    for (path, text) in extras::sitemaps(site, &generated, &lists, extras::SITEMAP_URLS) {
        put(sink, &path, text.into_bytes(), diagnostics);
    }
    put(
        sink,
        "robots.txt",
        extras::robots(site).into_bytes(),
        diagnostics,
    );
    let mut redirects = Vec::new();
    for page in &site.pages {
        for alias in &page.front.aliases {
            let path = extras::alias_path(alias);
            if site.by_path.contains_key(&path) {
                diagnostics.push(page.key_error(
                    "aliases",
                    format!("the alias `{alias}` is the address of another page"),
                ));
                continue;
            }
            let file = if path.ends_with(".html") {
                path.clone()
            } else {
                format!("{path}index.html")
            };
            let html = extras::alias_page(site, &path, &page.path, &page.front.title);
            put(sink, &file, html.into_bytes(), diagnostics);
            redirects.push((path, page.path.as_str()));
        }
    }
    if !redirects.is_empty() {
        redirects.sort();
        let base = site.config.base_path();
        put(
            sink,
            extras::NETLIFY_REDIRECTS,
            extras::netlify_redirects(&base, &redirects).into_bytes(),
            diagnostics,
        );
        put(
            sink,
            extras::NGINX_REDIRECTS,
            extras::nginx_redirects(&base, &redirects).into_bytes(),
            diagnostics,
        );
    }
}

/// The further pages of every long list (`PATH/page/N/`), each with its
/// versions: page N of the list in every language that has one.
fn list_pages(content: &Content) -> Vec<extras::Versions<'_>> {
    let languages: Vec<&Content> = std::iter::once(content)
        .chain(&content.translations)
        .collect();
    let mut lists = Vec::new();
    for id in 0..content.site.pages.len() {
        let pages: Vec<(&str, Vec<String>)> = languages
            .iter()
            .map(|c| {
                let code = c.site.config.language.as_str();
                (code, pagination::further_pages(c, id))
            })
            .collect();
        let most = pages.iter().map(|(_, p)| p.len()).max().unwrap_or(0);
        for n in 0..most {
            lists.push(
                pages
                    .iter()
                    .filter_map(|(code, paths)| paths.get(n).map(|p| (*code, p.clone())))
                    .collect(),
            );
        }
    }
    lists
}

/// Whether the build makes the A to Z page (the theme has the template and no
/// content page is at its address).
fn has_a_to_z(site: &Site, templates: &Templates) -> bool {
    templates.has("a-z.html") && !site.by_path.contains_key(&site.config.generated.a_to_z)
}

/// The letters of the site's A to Z in its language, when the build makes it.
fn a_to_z_letters<'a>(site: &'a Site, templates: &'a Templates) -> Option<Vec<Letter<'a>>> {
    has_a_to_z(site, templates).then(|| {
        let generated: Vec<Summary<'_>> = statement::summary(site, templates)
            .into_iter()
            .chain(search::summary(site, templates))
            .collect();
        extras::a_to_z(site, &generated, &site.config.language)
    })
}

/// A page of a split A to Z: a letter's (`a-z/b/`), with the pages of its
/// first two letters (`a-z/b/ba/`) when the letter alone is too long.
struct LetterPage<'a> {
    /// Where the letter's page is.
    path: String,
    /// The letter: its place in the A to Z.
    letter: usize,
    /// Its two-letter pages, each with its address; none when the letter's
    /// page lists its pages itself.
    parts: Vec<(String, Letter<'a>)>,
}

impl LetterPage<'_> {
    /// The addresses of the letter's page and its two-letter pages.
    fn paths(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.path.as_str()).chain(self.parts.iter().map(|(at, _)| at.as_str()))
    }
}

/// The page of each letter (`a-z/b/`) when the A to Z is too long for one
/// page (`[pagination] a_to_z`), none when it is one page; a letter itself
/// longer than that is split by its first two letters (`a-z/b/ba/`).
fn letter_pages<'a>(site: &Site, letters: &[Letter<'a>]) -> Vec<LetterPage<'a>> {
    let most = site.config.pagination.a_to_z;
    let entries: usize = letters.iter().map(|l| l.pages.len()).sum();
    if entries <= most {
        return Vec::new();
    }
    let path = &site.config.generated.a_to_z;
    letters
        .iter()
        .enumerate()
        .map(|(n, l)| {
            let at = format!("{path}{}/", l.id);
            let parts = if l.pages.len() > most {
                l.split(&site.config.language, most)
                    .into_iter()
                    .map(|part| (format!("{at}{}/", part.id), part))
                    .collect()
            } else {
                Vec::new()
            };
            LetterPage {
                path: at,
                letter: n,
                parts,
            }
        })
        .collect()
}

/// The entries of a list of letters (or of a letter's two-letter parts):
/// each one's letter, id, count and page.
fn letter_index<'a>(
    letters: impl Iterator<Item = (&'a str, &'a Letter<'a>)>,
) -> Vec<serde_json::Value> {
    letters
        .map(|(at, l)| {
            serde_json::json!({ "letter": l.letter, "id": l.id, "count": l.pages.len(), "path": at })
        })
        .collect()
}

/// Writes the A to Z of pages in the site's language: one page, or an index
/// of the letters and a page for each (a long letter's an index of its
/// two-letter pages).
fn write_a_to_z(
    site: &Site,
    templates: &Templates,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) {
    let Some(letters) = a_to_z_letters(site, templates) else {
        return;
    };
    let path = &site.config.generated.a_to_z;
    let title = templates.words(&site.config.language).get("a_to_z");
    let mut write = |at: &str, title: &str, data: &serde_json::Value| match render_special(
        site, templates, "a-z.html", at, title, data,
    ) {
        Ok(html) => put(
            sink,
            &format!("{at}index.html"),
            html.into_bytes(),
            diagnostics,
        ),
        Err(d) => diagnostics.push(d),
    };
    let pages = letter_pages(site, &letters);
    if pages.is_empty() {
        write(path, title, &serde_json::json!({ "letters": letters }));
        return;
    }
    let index = letter_index(pages.iter().map(|p| (p.path.as_str(), &letters[p.letter])));
    write(
        path,
        title,
        &serde_json::json!({ "letters": index, "split": true }),
    );
    for page in &pages {
        let letter = &letters[page.letter];
        if page.parts.is_empty() {
            let data = serde_json::json!({ "letters": index, "split": true, "current": letter });
            write(&page.path, &format!("{title}: {}", letter.letter), &data);
            continue;
        }
        let parts = letter_index(page.parts.iter().map(|(at, part)| (at.as_str(), part)));
        let current = &index[page.letter];
        let data = serde_json::json!({ "letters": index, "split": true, "current": current, "parts": parts });
        write(&page.path, &format!("{title}: {}", letter.letter), &data);
        for (at, part) in &page.parts {
            let data = serde_json::json!({ "letters": index, "split": true, "current": current, "parts": parts, "part": part });
            write(at, &format!("{title}: {}", part.letter), &data);
        }
    }
}

/// Writes the iCalendar feeds: `meetings.ics` and one for each group that
/// meets (made in parallel: a large site has thousands of meetings), in the
/// language of `words`.
fn write_calendars(
    content: &Content,
    words: &Words,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) {
    let (site, model) = (&content.site, &content.model);
    let (all, groups) = rayon::join(
        || {
            (!model.meetings.is_empty()).then(|| {
                let all: Vec<usize> = (0..model.meetings.len()).collect();
                let name = words.fill("calendar_name", &[("name", &site.config.partnership.name)]);
                (
                    site.config.generated.calendar.clone(),
                    ics::calendar(content, &name, &all, words),
                )
            })
        },
        || {
            model
                .group_meetings
                .par_iter()
                .enumerate()
                .filter(|(_, meetings)| !meetings.is_empty())
                .map(|(g, meetings)| {
                    let page = &site.pages[model.groups[g].page];
                    let calendar = ics::calendar(content, &page.front.title, meetings, words);
                    (format!("{}meetings.ics", page.path), calendar)
                })
                .collect::<Vec<_>>()
        },
    );
    for (path, calendar) in all.into_iter().chain(groups) {
        put(sink, &path, calendar.into_bytes(), diagnostics);
    }
}

/// Writes a section's Atom feed, if it has one (see [`feed_path`]).
fn write_feed(content: &Content, id: PageId, sink: &dyn Sink, diagnostics: &mut Diagnostics) {
    if let Some(feed) = feed_path(content, id) {
        let atom = extras::atom_feed(content, id, &feed);
        put(sink, &feed, atom.into_bytes(), diagnostics);
    }
}
