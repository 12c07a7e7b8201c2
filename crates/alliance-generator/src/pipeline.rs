//! The stages of a build, written once: load → model → Markdown → check →
//! render → write. `build`, `check`, the dev server's
//! [`LiveSite`](crate::incremental::LiveSite) and the bench all run these
//! functions; the dev server runs them restricted to what a change reaches
//! (a [`Scope`]).
//!
//! Each stage hands its result on as a value: [`prepare`] makes the
//! [`Content`] (the loaded [`Site`](crate::Site), its [`Model`], its rendered
//! bodies) with the findings of the content checks; [`render`] writes a scope
//! of the output into a sink and returns what it found; [`findings`] puts the
//! findings of both together, as `check` reports them.

use std::path::Path;
use std::time::{Duration, Instant};

use jiff::civil::Date;

use crate::check::rendered::{self, Audit};
use crate::config::Config;
use crate::content::{Bodies, Content};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::site::{PageId, Site};
use crate::load::translation::{self, Language, Languages, own_name};
use crate::model::Model;
use crate::output::Sink;
use crate::render::search;
use crate::render::site_files::{self, Part, PartFiles};
use crate::render::templates::Templates;
use crate::render::theme::Theme;
use crate::{check, load, markdown, render};
use std::sync::Arc;

/// The variable that fixes "today" (seconds since 1970), the reproducible-builds convention.
pub const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// Reads `config.toml`, with `base_url` overridden if asked.
pub fn config(root: &Path, base_url: Option<&str>) -> Result<Config, Diagnostics> {
    let mut config = Config::load(&root.join("config.toml"), Path::new("config.toml"))
        .map_err(Diagnostics::from)?;
    if let Some(url) = base_url {
        config.base_url = url.trim_end_matches('/').to_owned();
    }
    Ok(config)
}

/// The stages, by name, for those who time them (the bench).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Config, the walk of the folders, front matter and the page tree.
    Load,
    /// The partnership model.
    Model,
    /// Every body's Markdown.
    Markdown,
    /// The content checks: links, authoring, the statement's facts.
    Check,
    /// The theme and its templates.
    Compile,
    /// Pages, site-wide files, static files and stylesheets into the sink.
    Render,
    /// The checks of rendered pages, and sorting every finding.
    Findings,
}

/// Told how long each stage took, as it ends.
pub(crate) type Timer<'a> = &'a mut dyn FnMut(Stage, Duration);

/// Runs a stage, telling the timer how long it took.
fn timed<T>(timer: &mut Timer<'_>, stage: Stage, work: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = work();
    timer(stage, start.elapsed());
    out
}

/// The load, model, Markdown and check stages: the site's content and every
/// finding about it (errors and warnings, unsorted). Fails only if the site
/// cannot be loaded at all.
pub fn prepare(root: &Path, base_url: Option<&str>) -> Result<(Content, Diagnostics), Diagnostics> {
    prepare_on(root, base_url, None)
}

/// [`prepare`] as of the day `on` (a snapshot's date) rather than today:
/// every date-relative list and check (upcoming meetings, overdue reviews)
/// uses it. `None` is today ([`today`]).
pub(crate) fn prepare_on(
    root: &Path,
    base_url: Option<&str>,
    on: Option<Date>,
) -> Result<(Content, Diagnostics), Diagnostics> {
    prepare_dated(root, base_url, on, &mut |_, _| {})
}

/// [`prepare`], telling `timer` how long each stage took.
pub fn prepare_timed(
    root: &Path,
    base_url: Option<&str>,
    timer: Timer<'_>,
) -> Result<(Content, Diagnostics), Diagnostics> {
    prepare_dated(root, base_url, None, timer)
}

fn prepare_dated(
    root: &Path,
    base_url: Option<&str>,
    on: Option<Date>,
    mut timer: Timer<'_>,
) -> Result<(Content, Diagnostics), Diagnostics> {
    let (site, today, mut found) = timed(&mut timer, Stage::Load, || {
        let config = config(root, base_url)?;
        let today = match on {
            Some(day) => day,
            None => today(&config).map_err(|d| Diagnostics::from(vec![d]))?,
        };
        let (site, found) = load::load(root, config);
        Ok::<_, Diagnostics>((site, today, found))
    })?;
    let (model, model_found) = timed(&mut timer, Stage::Model, || model(&site));
    found.extend(model_found);
    let mut site = site;
    let bodies = timed(&mut timer, Stage::Markdown, || {
        let all: Vec<PageId> = (0..site.pages.len()).collect();
        markdown::render_pages(&site, &all)
    });
    let (translations, translation_found) = timed(&mut timer, Stage::Markdown, || {
        translations(&mut site, &bodies, today)
    });
    found.extend(translation_found);
    let content = Content {
        site,
        model,
        bodies,
        today,
        translations,
    };
    timed(&mut timer, Stage::Check, || found.extend(checks(&content)));
    Ok((content, found))
}

/// The translation stages: the site in each further language of
/// `[languages]` (its pages, model and bodies, with the translations' words
/// and addresses), the findings about its translations, and `site` told
/// where each page is published in each language. Nothing for a site in one language.
pub(crate) fn translations(
    site: &mut Site,
    bodies: &Bodies,
    today: Date,
) -> (Vec<Content>, Diagnostics) {
    let mut found = Diagnostics::new();
    if site.config.languages.is_empty() {
        return (Vec::new(), found);
    }
    let default = &site.config.language;
    let mut list = vec![Language {
        code: default.clone(),
        name: own_name(default),
        prefix: String::new(),
        paths: site.pages.iter().map(|p| Some(p.path.clone())).collect(),
    }];
    let mut contents = Vec::new();
    for code in site.config.languages.keys() {
        let Some(config) = site.config.translated(code) else {
            continue;
        };
        let prefix = config.path_prefix.clone();
        let (translated, published, language_found) =
            translation::site_in(site, config, &site.translations);
        found.extend(language_found);
        // The model's errors are the default language's, already reported.
        let (model, _) = model(&translated);
        let ids: Vec<PageId> = (0..translated.pages.len())
            .filter(|&id| published[id])
            .collect();
        let mut language_bodies = bodies.clone();
        for (&id, body) in ids.iter().zip(markdown::render_pages(&translated, &ids)) {
            language_bodies[id] = body;
        }
        list.push(Language {
            code: code.clone(),
            name: own_name(code),
            prefix,
            paths: translated
                .pages
                .iter()
                .zip(&published)
                .map(|(page, &p)| p.then(|| page.path.clone()))
                .collect(),
        });
        contents.push(Content {
            site: translated,
            model,
            bodies: language_bodies,
            today,
            translations: Vec::new(),
        });
    }
    let languages = Arc::new(Languages { list });
    site.languages = Arc::clone(&languages);
    for (at, content) in contents.iter_mut().enumerate() {
        content.site.languages = Arc::clone(&languages);
        content.site.language = at + 1;
    }
    (contents, found)
}

/// The check stage: every finding about the content (see [`check::content`])
/// and every clash of two files at one place of the output; of each
/// translation, its internal links and what its bodies hold.
pub(crate) fn checks(content: &Content) -> Vec<Diagnostic> {
    let mut found = check::content(content);
    found.extend(render::collisions::collisions(content));
    for translation in &content.translations {
        found.extend(check::internal_links(translation));
        found.extend(check::authoring::check_translation(translation));
    }
    found
}

/// The model stage: the partnership, and the errors of its typed pages. A
/// site whose typed pages have errors gets a model with what is wrong left
/// out ([`Model::build`]), so every other page is still rendered and checked.
pub(crate) fn model(site: &Site) -> (Model, Diagnostics) {
    let (model, errors) = Model::build(site);
    (model, Diagnostics::from(errors))
}

/// The day the site is built for, in the site's time zone.
pub fn today(config: &Config) -> Result<Date, Diagnostic> {
    today_in(&config.time_zone())
}

/// Today in a time zone; `SOURCE_DATE_EPOCH` fixes it, for tests and CI. A
/// value that is not a number of seconds is an error, as the convention asks.
pub(crate) fn today_in(zone: &jiff::tz::TimeZone) -> Result<Date, Diagnostic> {
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

/// What part of the output a render makes: everything for a build, what a
/// change reaches for the dev server.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scope {
    /// The pages to render.
    pub(crate) pages: Vec<PageId>,
    /// The site-wide parts to make.
    pub(crate) parts: Vec<Part>,
    /// Whether to copy the static and co-located files.
    pub(crate) static_files: bool,
    /// Whether to compile the stylesheets.
    pub(crate) stylesheets: bool,
}

impl Scope {
    /// The whole output of a site.
    pub(crate) fn all(site: &Site) -> Scope {
        Scope {
            pages: (0..site.pages.len()).collect(),
            parts: Part::all(site),
            static_files: true,
            stylesheets: true,
        }
    }
}

/// What a render made and found.
#[derive(Debug, Default)]
pub(crate) struct Rendered {
    /// Files written.
    pub(crate) files: usize,
    /// The site-wide files written, each with the part that made it.
    pub(crate) parts: PartFiles,
    /// What the rendered-page checks read of each page rendered.
    pub(crate) facts: rendered::Facts,
    /// Template, Sass and write errors.
    pub(crate) errors: Diagnostics,
    /// What the rendered-page checks read of each translation's pages, by language.
    pub(crate) translated_facts: Vec<rendered::Facts>,
}

/// The render and write stages over a scope: pages, site-wide parts, static
/// files and stylesheets into `sink`, reading the facts the rendered-page
/// checks need on the way. The search index reads only the pages `search`
/// does not hold (all of them, from an empty cache), and keeps them there. The site-wide files are largely one thread's work:
/// they are made while the pages render, so no core waits.
pub(crate) fn render(
    content: &Content,
    theme: &Theme,
    templates: &Templates,
    scope: &Scope,
    search: &mut search::Cache,
    sink: &dyn Sink,
) -> Rendered {
    let site = &content.site;
    let audit = Audit::new(site, sink);
    let ((files, parts, mut errors), page_errors) = rayon::join(
        || {
            let mut errors = Diagnostics::new();
            let mut files = 0;
            if scope.static_files {
                files += site_files::copy_static(
                    site,
                    &content.model.withheld,
                    theme,
                    sink,
                    &mut errors,
                );
            }
            if scope.stylesheets {
                files += site_files::write_stylesheets(theme, sink, &mut errors);
            }
            let parts =
                site_files::parts(content, templates, &scope.parts, search, sink, &mut errors);
            (files + parts.len(), parts, errors)
        },
        || render::render_pages(content, templates, &audit, &scope.pages),
    );
    errors.extend(page_errors);
    let mut done = Rendered {
        files: files + scope.pages.len(),
        parts,
        facts: audit.into_facts(),
        errors,
        translated_facts: Vec::new(),
    };
    for (translation, templates) in content.translations.iter().zip(&templates.translations) {
        let site = &translation.site;
        let all: std::collections::BTreeSet<Part> = Part::all(site).into_iter().collect();
        let scope = Scope {
            pages: scope
                .pages
                .iter()
                .copied()
                .filter(|&id| site.published(id))
                .collect(),
            parts: scope
                .parts
                .iter()
                .copied()
                .filter(|p| all.contains(p))
                .collect(),
            static_files: scope.static_files,
            stylesheets: false,
        };
        // A translation's index is made whole: the dev server rebuilds a
        // site in several languages whole.
        let fresh = &mut search::Cache::default();
        let language = render(translation, theme, templates, &scope, fresh, sink);
        done.files += language.files;
        done.parts.extend(language.parts);
        done.errors.extend(language.errors);
        done.translated_facts.push(language.facts);
    }
    done
}

/// Every finding of a site, sorted, as `check` reports it: those of its
/// content, the render's errors, and the rendered-page checks over `facts`
/// (the facts of every page).
pub(crate) fn findings(
    content: &Content,
    templates: &Templates,
    mut found: Diagnostics,
    render_errors: Diagnostics,
    facts: &rendered::Facts,
    translated_facts: &[rendered::Facts],
) -> Diagnostics {
    found.extend(render_errors);
    found.extend(templates.lexicon().warnings().iter().cloned());
    found.extend(rendered::findings(content, templates, facts));
    for ((translation, templates), facts) in content
        .translations
        .iter()
        .zip(&templates.translations)
        .zip(translated_facts)
    {
        found.extend(rendered::findings(translation, templates, facts));
    }
    found.sort();
    found
}

/// The stages after [`prepare`] over the whole site into `sink`: returns the
/// files written and every finding (the content's, the theme's errors if it
/// cannot be compiled, the render's), sorted.
pub fn run(
    content: &Content,
    found: Diagnostics,
    mode: &render::Mode,
    sink: &dyn Sink,
) -> (usize, Diagnostics) {
    run_timed(content, found, mode, sink, &mut |_, _| {})
}

/// [`run`], telling `timer` how long each stage took.
pub fn run_timed(
    content: &Content,
    found: Diagnostics,
    mode: &render::Mode,
    sink: &dyn Sink,
    mut timer: Timer<'_>,
) -> (usize, Diagnostics) {
    match timed(&mut timer, Stage::Compile, || {
        render::compile(content, mode)
    }) {
        Err(errors) => {
            let mut found = found;
            found.extend(errors);
            found.sort();
            (0, found)
        }
        Ok((theme, templates)) => {
            let mut scope = Scope::all(&content.site);
            if mode.snapshot.is_some() {
                // A snapshot is a record of the site, not a way to edit it.
                scope.parts.retain(|&part| part != Part::Editor);
            }
            let done = timed(&mut timer, Stage::Render, || {
                let search = &mut search::Cache::default();
                render(content, &theme, &templates, &scope, search, sink)
            });
            let found = timed(&mut timer, Stage::Findings, || {
                findings(
                    content,
                    &templates,
                    found,
                    done.errors,
                    &done.facts,
                    &done.translated_facts,
                )
            });
            (done.files, found)
        }
    }
}
