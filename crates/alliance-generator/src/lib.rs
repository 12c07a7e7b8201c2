//! Alliance's generator: turns a partnership site folder into a static, accessible website.
//!
//! The data flows one way: [`load`] (files → [`Site`]) → Markdown → [`check`]
//! and [`authoring`] → [`render`] (templates) → [`output`] (a staging folder
//! swapped in whole).
//! Every problem on the way becomes a [`Diagnostic`]; a build reports them all.

pub mod check;
pub mod config;
pub mod date;
pub mod diagnostic;
pub mod incremental;
pub mod init;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod render;
pub mod toml_source;
pub mod util;
pub mod wcag;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

pub use config::Config;
pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use load::site::{Page, PageId, Site};
pub use output::{DirSink, MemorySink, Sink, Staging};
pub use render::templates::Templates;
pub use render::theme::Theme;
pub use render::{Mode, SnapshotInfo};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site folder (holding `config.toml`).
    pub root: PathBuf,
    /// Where the site is written; replaced whole on success.
    pub output: PathBuf,
    /// Overrides `base_url` from config.
    pub base_url: Option<String>,
    /// Build, serve or snapshot.
    pub mode: Mode,
}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// Pages rendered.
    pub pages: usize,
    /// Files written in all.
    pub files: usize,
    /// Warnings (the build succeeded regardless).
    pub warnings: Diagnostics,
}

/// Loads, parses and checks a site: everything but rendering.
pub fn load_site(root: &Path, base_url: Option<&str>) -> Result<Site, Diagnostics> {
    let (site, found) = load_and_check(root, base_url)?;
    if found.has_errors() {
        Err(found)
    } else {
        Ok(site)
    }
}

/// Loads, parses and checks a site: the model, every link, the authoring
/// checks and the accessibility statement's facts. Fails only if the site
/// cannot be loaded at all; otherwise returns it with every finding (errors
/// and warnings), sorted.
pub fn load_and_check(
    root: &Path,
    base_url: Option<&str>,
) -> Result<(Site, Diagnostics), Diagnostics> {
    let mut config = Config::load(&root.join("config.toml"), Path::new("config.toml"))
        .map_err(Diagnostics::from)?;
    if let Some(url) = base_url {
        config.base_url = url.trim_end_matches('/').to_owned();
    }
    let (mut site, mut found) = load::load(root, config);
    site.today = today(&site.config).map_err(|d| Diagnostics::from(vec![d]))?;
    match model::Model::build(&site) {
        Ok(model) => site.model = model,
        Err(errors) => {
            site.model = model::Model::empty(site.pages.len());
            found.extend(errors);
        }
    }
    render_markdown(&mut site);
    found.extend(check::internal_links(&site));
    found.extend(check::authoring::check(&site, site.today));
    found.extend(render::statement::check(&site.config, site.today));
    found.sort();
    Ok((site, found))
}

/// The day the site is built for, in the site's time zone.
pub fn today(config: &Config) -> Result<jiff::civil::Date, Diagnostic> {
    today_in(&config.time_zone())
}

/// The variable that fixes "today" (seconds since 1970), the reproducible-builds convention.
pub const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// Today in a time zone; `SOURCE_DATE_EPOCH` fixes it, for tests and CI. A
/// value that is not a number of seconds is an error, as the convention asks.
pub fn today_in(zone: &jiff::tz::TimeZone) -> Result<jiff::civil::Date, Diagnostic> {
    let now = match std::env::var(SOURCE_DATE_EPOCH) {
        Ok(text) => text
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|secs| jiff::Timestamp::from_second(secs).ok())
            .ok_or_else(|| {
                Diagnostic::error(
                    SOURCE_DATE_EPOCH,
                    format!("`{text}` is not a number of seconds since 1970"),
                )
                .with_hint(format!(
                    "e.g. {SOURCE_DATE_EPOCH}=1795305600 for 22 November 2026, or unset it to use today's date"
                ))
            })?,
        Err(_) => jiff::Timestamp::now(),
    };
    Ok(now.to_zoned(zone.clone()).date())
}

/// Renders every page's Markdown body, resolving `@/` links.
pub fn render_markdown(site: &mut Site) {
    let all: Vec<PageId> = (0..site.pages.len()).collect();
    render_markdown_of(site, &all);
}

/// Renders the Markdown bodies of some pages. Links are resolved through
/// the site's own index (no copy of it is made), so one page costs the same
/// on a site of any size.
pub fn render_markdown_of(site: &mut Site, ids: &[PageId]) {
    let shared: &Site = site;
    let resolve = |target: &str| {
        shared
            .page_by_content_path(target)
            .map(|page| page.path.clone())
    };
    let rendered: Vec<(PageId, markdown::Rendered)> = ids
        .par_iter()
        .map(|&id| {
            let page = &shared.pages[id];
            let cx = markdown::Context {
                page_path: &page.path,
                resolve: &resolve,
                base_url: &shared.config.base_url,
                unsafe_html: shared.config.markdown.unsafe_html,
            };
            (id, markdown::render(page.body(), &cx))
        })
        .collect();
    for (id, body) in rendered {
        site.pages[id].rendered = body;
    }
}

/// The navigation and site facts every template sees as `site`.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    nav: Vec<load::site::Summary<'a>>,
    home: load::site::Summary<'a>,
}

/// Loads the theme and compiles the templates for a site.
pub fn compile_templates(site: &Site, mode: &Mode) -> Result<(Theme, Templates), Diagnostics> {
    let theme = Theme::load(&site.root, &site.config.theme)?;
    let templates = compile_templates_with(&theme, site, mode)?;
    Ok((theme, templates))
}

/// Compiles a loaded theme's templates for a site.
pub fn compile_templates_with(
    theme: &Theme,
    site: &Site,
    mode: &Mode,
) -> Result<Templates, Diagnostics> {
    let mut templates = Templates::new(theme, site)?;
    templates.mark_external_links = mode.snapshot.is_some();
    templates.set_global("mode", mode);
    set_site_globals(&mut templates, site);
    Ok(templates)
}

/// Gives every template the site's settings and navigation as they are now.
pub fn set_site_globals(templates: &mut Templates, site: &Site) {
    templates.set_global("config", &site.config);
    templates.set_global(
        "statement",
        &render::statement::Statement::new(&site.config),
    );
    let view = SiteView {
        title: &site.config.title,
        nav: site
            .top_sections()
            .iter()
            .map(|&id| site.summary(id))
            .collect(),
        home: site.summary(site.home),
    };
    templates.set_global("site", &view);
}

/// Renders the whole site into a sink: pages, stylesheets, static and
/// co-located files, sitemap, robots.txt, feeds, calendars, aliases, the 404
/// page, the A to Z and the accessibility statement.
pub fn render_site(
    site: &Site,
    theme: &Theme,
    templates: &Templates,
    sink: &dyn Sink,
) -> Result<usize, Diagnostics> {
    let ids: Vec<PageId> = (0..site.pages.len()).collect();
    // The site-wide files are largely one thread's work: make them while the
    // pages render, so no core waits.
    let ((mut files, mut diagnostics), page_errors) = rayon::join(
        || {
            let mut diagnostics = Diagnostics::new();
            let mut files = copy_static(site, theme, sink, &mut diagnostics);
            files += write_stylesheets(theme, sink, &mut diagnostics);
            files += write_derived(site, templates, sink, &mut diagnostics);
            (files, diagnostics)
        },
        || render::render_pages(site, templates, sink, &ids),
    );
    diagnostics.extend(page_errors);
    files += ids.len();
    if diagnostics.has_errors() {
        diagnostics.sort();
        Err(diagnostics)
    } else {
        Ok(files)
    }
}

/// Writes a file to the sink, counting it or recording why it failed.
fn put(sink: &dyn Sink, path: &str, bytes: Vec<u8>, diagnostics: &mut Diagnostics) -> usize {
    match write_file(sink, path, bytes) {
        Ok(()) => 1,
        Err(d) => {
            diagnostics.push(d);
            0
        }
    }
}

/// Writes a file to the sink; the diagnostic says why it failed.
fn write_file(sink: &dyn Sink, path: &str, bytes: Vec<u8>) -> Result<(), Diagnostic> {
    sink.write(path, bytes)
        .map_err(|e| Diagnostic::error(path, format!("cannot write: {e}")))
}

/// Copies the theme's static files, the site's static files and co-located
/// files (these in parallel: a large site has thousands).
pub fn copy_static(
    site: &Site,
    theme: &Theme,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) -> usize {
    let mut files = 0;
    for (path, file) in &theme.static_files {
        match file.source.read() {
            Ok(bytes) => files += put(sink, path, bytes, diagnostics),
            Err(e) => diagnostics.push(Diagnostic::error(
                &file.display,
                format!("cannot read: {e}"),
            )),
        }
    }
    let copied: Vec<Result<(), Diagnostic>> = site
        .assets
        .par_iter()
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

/// Compiles the theme's Sass into stylesheets.
pub fn write_stylesheets(theme: &Theme, sink: &dyn Sink, diagnostics: &mut Diagnostics) -> usize {
    match theme.compile_sass() {
        Ok(sheets) => sheets
            .into_iter()
            .map(|(path, css)| put(sink, &path, css.into_bytes(), diagnostics))
            .sum(),
        Err(e) => {
            diagnostics.extend(e);
            0
        }
    }
}

/// Writes the files derived from the whole site: sitemap, robots.txt, feeds,
/// calendars, alias redirects and the 404 page.
pub fn write_derived(
    site: &Site,
    templates: &Templates,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) -> usize {
    let mut files = write_site_files(site, templates, sink, diagnostics);
    files += write_a_to_z(site, templates, sink, diagnostics);
    files += write_calendars(site, sink, diagnostics);
    for id in 0..site.pages.len() {
        files += write_feed(site, id, sink, diagnostics);
    }
    files
}

/// Writes the sitemap, robots.txt, the alias redirects, the accessibility
/// statement and the 404 page.
pub fn write_site_files(
    site: &Site,
    templates: &Templates,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) -> usize {
    let generated: Vec<(String, Option<crate::date::SiteDate>)> = has_a_to_z(site, templates)
        .then(|| (render::extras::A_TO_Z.to_owned(), None))
        .into_iter()
        .chain(render::statement::sitemap_entry(site, templates))
        .collect();
    let sitemap = render::extras::sitemap(site, &generated);
    let mut files = put(sink, "sitemap.xml", sitemap.into_bytes(), diagnostics);
    files += put(
        sink,
        "robots.txt",
        render::extras::robots(site).into_bytes(),
        diagnostics,
    );
    for page in &site.pages {
        for alias in &page.front.aliases {
            let path = render::extras::alias_path(alias);
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
            let html = render::extras::alias_page(site, &path, &page.path, &page.front.title);
            files += put(sink, &file, html.into_bytes(), diagnostics);
        }
    }
    match render::statement::render(site, templates) {
        Some(Ok(html)) => {
            let path = format!("{}index.html", render::statement::PATH);
            files += put(sink, &path, html.into_bytes(), diagnostics);
        }
        Some(Err(d)) => diagnostics.push(d),
        None => {}
    }
    if templates.has("404.html") {
        match render::render_special(templates, "404.html", "404.html", "Page not found", &()) {
            Ok(html) => files += put(sink, "404.html", html.into_bytes(), diagnostics),
            Err(d) => diagnostics.push(d),
        }
    }
    files
}

/// Whether the build makes the A to Z page (the theme has the template and no
/// content page is at its address).
fn has_a_to_z(site: &Site, templates: &Templates) -> bool {
    templates.has("a-z.html") && !site.by_path.contains_key(render::extras::A_TO_Z)
}

/// Writes the A to Z index of pages.
pub fn write_a_to_z(
    site: &Site,
    templates: &Templates,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) -> usize {
    if !has_a_to_z(site, templates) {
        return 0;
    }
    let letters = render::extras::a_to_z(site);
    let path = render::extras::A_TO_Z;
    match render::render_special(templates, "a-z.html", path, "A to Z", &letters) {
        Ok(html) => put(
            sink,
            &format!("{path}index.html"),
            html.into_bytes(),
            diagnostics,
        ),
        Err(d) => {
            diagnostics.push(d);
            0
        }
    }
}

/// Writes the iCalendar feeds: `meetings.ics` and one for each group that
/// meets (made in parallel: a large site has thousands of meetings).
pub fn write_calendars(site: &Site, sink: &dyn Sink, diagnostics: &mut Diagnostics) -> usize {
    let model = &site.model;
    let (all, groups) = rayon::join(
        || {
            (!model.meetings.is_empty()).then(|| {
                let all: Vec<usize> = (0..model.meetings.len()).collect();
                let name = format!("{} meetings", site.config.partnership.name);
                (
                    "meetings.ics".to_owned(),
                    render::ics::calendar(site, &name, &all),
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
                    let calendar = render::ics::calendar(site, &page.front.title, meetings);
                    (format!("{}meetings.ics", page.path), calendar)
                })
                .collect::<Vec<_>>()
        },
    );
    all.into_iter()
        .chain(groups)
        .map(|(path, calendar)| put(sink, &path, calendar.into_bytes(), diagnostics))
        .sum()
}

/// Writes a section's Atom feed, if it has one (see [`render::feed_path`]).
pub fn write_feed(
    site: &Site,
    id: PageId,
    sink: &dyn Sink,
    diagnostics: &mut Diagnostics,
) -> usize {
    match render::feed_path(site, &site.pages[id]) {
        Some(feed) => {
            let atom = render::extras::atom_feed(site, id, &feed);
            put(sink, &feed, atom.into_bytes(), diagnostics)
        }
        None => 0,
    }
}

/// Refuses output folders that would destroy the site's own files.
fn check_output(root: &Path, output: &Path) -> Result<(), Diagnostics> {
    let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (root_abs, out_abs) = (abs(root), abs(output));
    let protected = ["content", "static", "templates", "themes", "sass"];
    let bad = root_abs.starts_with(&out_abs)
        || protected
            .iter()
            .any(|p| out_abs.starts_with(root_abs.join(p)));
    if bad {
        return Err(Diagnostics::from(vec![
            Diagnostic::error(
                output,
                "refusing to build into this folder: it holds the site's own files",
            )
            .with_hint("choose a separate output folder, e.g. --output public"),
        ]));
    }
    Ok(())
}

/// Builds the site into `options.output`, replacing it only if the whole build succeeds.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    check_output(&options.root, &options.output)?;
    let (site, found) = load_and_check(&options.root, options.base_url.as_deref())?;
    if found.has_errors() {
        // Render nowhere all the same, so template problems are reported too.
        return Err(render_checked(&site, found, &options.mode, &NullSink).1);
    }
    let io_error = |e: std::io::Error| {
        Diagnostics::from(vec![Diagnostic::error(
            &options.output,
            format!("cannot write the output folder: {e}"),
        )])
    };
    let staging = Staging::new(&options.output).map_err(io_error)?;
    let (files, found) = render_checked(&site, found, &options.mode, &DirSink::new(staging.path()));
    if found.has_errors() {
        return Err(found);
    }
    staging.commit().map_err(io_error)?;
    Ok(BuildReport {
        pages: site.pages.len(),
        files,
        warnings: found,
    })
}

/// Renders a loaded site into `sink`, counting each page's `<h1>` on the way.
/// Returns the number of files written and every finding: those passed in,
/// template and rendering errors, and the heading audit's warnings, sorted.
fn render_checked(
    site: &Site,
    mut found: Diagnostics,
    mode: &Mode,
    sink: &dyn Sink,
) -> (usize, Diagnostics) {
    let mut files = 0;
    match compile_templates(site, mode) {
        Err(errors) => found.extend(errors),
        Ok((theme, templates)) => {
            let audit = check::authoring::HeadingAudit::new(site, sink);
            match render_site(site, &theme, &templates, &audit) {
                Ok(written) => files = written,
                Err(errors) => found.extend(errors),
            }
            found.extend(audit.finish(&templates));
        }
    }
    found.sort();
    (files, found)
}

/// A sink that keeps nothing: for `check`, which renders but writes nothing.
struct NullSink;

impl Sink for NullSink {
    fn write(&self, _path: &str, _bytes: Vec<u8>) -> std::io::Result<()> {
        Ok(())
    }
}

/// Everything `build` validates, writing nothing. Returns the warnings on success.
pub fn check(root: &Path) -> Result<Diagnostics, Diagnostics> {
    let (site, found) = load_and_check(root, None)?;
    let (_, found) = render_checked(&site, found, &Mode::default(), &NullSink);
    if found.has_errors() {
        Err(found)
    } else {
        Ok(found)
    }
}
