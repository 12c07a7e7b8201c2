//! Incremental rebuilds, for the dev server: the site stays loaded in memory,
//! and a change runs the stages of [`crate::pipeline`] restricted to what it
//! reaches.
//!
//! | change | what is redone |
//! |---|---|
//! | a page's body | that page's Markdown and HTML |
//! | a page's front matter | that page, its section (every page of its list: `PATH/page/N/`, those it no longer needs removed), its descendants (breadcrumbs), every page if it is in the navigation (on a directory, a partnership's pages if it is in that partnership's menu; every page when the partnerships change), and the pages the model relates to it (a group's members, meetings and sub-groups; an organisation's groups; structure pages...) ([`reach`]) |
//! | a typed page's front matter, an attachment | also the model |
//! | a template | the pages whose template extends, includes or is it |
//! | Sass | the stylesheets |
//! | a static or co-located file | that file (and, for a meeting paper or document, the pages showing its size) |
//! | `config.toml`, a page added, removed, renamed, unreadable or made a draft, a spreadsheet | everything |
//! | anything, in a site with `[languages]` | everything, in every language |
//!
//! The content checks run over the whole site after every change (they are
//! cheap), and the rendered-page checks over the facts of every page (kept
//! for the pages not re-rendered), so an update reports exactly what `check`
//! reports for the tree on disk. A change that ends in errors is not applied:
//! the last good build stays, and the change is kept and tried again with the
//! next one, so the errors always describe the whole tree as it is.
//!
//! Site-wide files are remade as a change reaches them: the sitemap,
//! robots.txt, aliases, statement and 404 page on every change (they are
//! cheap); a section's Atom feed when the section or one of its pages changed;
//! the A to Z when a title can have changed; the calendars when the model was
//! rebuilt; the search index on every page or model change, from the words
//! and records it keeps of each page ([`search::Cache`]), reading again only
//! the pages the change reaches. The result equals a full build byte for byte
//! (tested).

mod reach;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::check::rendered;
use crate::content::Content;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load;
use crate::load::site::{Page, PageId, Site};
use crate::markdown::Rendered as Body;
use crate::model::Model;
use crate::output::MemorySink;
use crate::pipeline::{self, Scope};
use crate::render::search;
use crate::render::site_files::Part;
use crate::render::templates::Templates;
use crate::render::theme::Theme;
use crate::render::{self, Mode};

/// The built files, by site path.
pub type Files = BTreeMap<String, Arc<[u8]>>;

/// A site kept in memory between builds.
pub struct LiveSite {
    base_url: Option<String>,
    mode: Mode,
    content: Content,
    theme: Theme,
    templates: Templates,
    files: Files,
    /// The site-wide files in `files`, and the part that made each.
    parts: BTreeMap<String, Part>,
    /// What the rendered-page checks read of every page.
    facts: rendered::Facts,
    /// The further pages of each section's long list (`PATH/page/N/`), by page.
    list_pages: BTreeMap<PageId, Vec<String>>,
    /// What the search index read of every page.
    search: search::Cache,
    /// The warnings of the site as it is now.
    warnings: Diagnostics,
    /// Changed files of updates that ended in errors, tried again with the next.
    pending: BTreeSet<String>,
}

/// What an update did.
#[derive(Debug, Clone, Default)]
pub struct Update {
    /// Pages whose templates ran.
    pub rendered: usize,
    /// Files added, changed or removed, by site path.
    pub changed: Vec<String>,
    /// Whether the whole site was rebuilt.
    pub full: bool,
}

/// What one changed file means for the build.
enum Change {
    Everything,
    Page(PageId),
    Template(String),
    Sass,
    File { path: String, source: PathBuf },
}

/// What an update replaced, to put back if it ends in errors.
struct Undo {
    pages: Vec<(PageId, Page)>,
    bodies: Vec<(PageId, Body)>,
    model: Option<Model>,
    facts: Vec<(PageId, Option<rendered::PageFacts>)>,
    resorted: Vec<PageId>,
    /// The pages the search index read again (from the change refused, if it is).
    searched: Vec<PageId>,
}

impl LiveSite {
    /// Loads and builds the whole site into memory: the errors are those
    /// `build` reports.
    pub fn build(root: &Path, base_url: Option<&str>, mode: Mode) -> Result<LiveSite, Diagnostics> {
        let (content, found) = pipeline::prepare(root, base_url)?;
        if found.has_errors() {
            return Err(pipeline::run(&content, found, &mode, &crate::output::NullSink).1);
        }
        let (theme, templates) = render::compile(&content, &mode).map_err(|errors| {
            let mut found = found.clone();
            found.extend(errors);
            found.sort();
            found
        })?;
        let sink = MemorySink::new();
        let mut search = search::Cache::default();
        let done = pipeline::render(
            &content,
            &theme,
            &templates,
            &Scope::all(&content.site),
            &mut search,
            &sink,
        );
        let found = pipeline::findings(
            &content,
            &templates,
            found,
            done.errors,
            &done.facts,
            &done.translated_facts,
        );
        if found.has_errors() {
            return Err(found);
        }
        Ok(LiveSite {
            base_url: base_url.map(str::to_owned),
            mode,
            files: sink
                .into_files()
                .into_iter()
                .map(|(k, v)| (k, Arc::from(v)))
                .collect(),
            parts: done.parts,
            facts: done.facts,
            list_pages: list_pages(&content, 0..content.site.pages.len()),
            search,
            content,
            theme,
            templates,
            warnings: found,
            pending: BTreeSet::new(),
        })
    }

    /// The built files.
    pub fn files(&self) -> &Files {
        &self.files
    }

    /// The warnings of the site as it is now (what `check` reports).
    pub fn warnings(&self) -> &Diagnostics {
        &self.warnings
    }

    /// The loaded site.
    pub fn site(&self) -> &Site {
        &self.content.site
    }

    /// Applies changed files (paths relative to the site root, `/`-separated).
    /// On error the previous build stays as it was, and the errors are those
    /// `check` reports for the tree on disk.
    pub fn update(&mut self, changed: &[String]) -> Result<Update, Diagnostics> {
        self.pending.extend(changed.iter().cloned());
        let all: Vec<String> = self.pending.iter().cloned().collect();
        let result = self.apply(&all);
        if result.is_ok() {
            self.pending.clear();
        }
        result
    }

    /// Applies every changed file at once, or nothing.
    fn apply(&mut self, changed: &[String]) -> Result<Update, Diagnostics> {
        let changes: Vec<Change> = changed.iter().map(|rel| self.classify(rel)).collect();
        if changes.iter().any(|c| matches!(c, Change::Everything)) {
            return self.rebuild_all();
        }
        let changed_templates: BTreeSet<&str> = changes
            .iter()
            .filter_map(|c| match c {
                Change::Template(name) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        let sass = changes.iter().any(|c| matches!(c, Change::Sass));
        let pages: Vec<PageId> = changes
            .iter()
            .filter_map(|c| match c {
                Change::Page(id) => Some(*id),
                _ => None,
            })
            .collect();
        let attachments: BTreeSet<&str> = changes
            .iter()
            .filter_map(|c| match c {
                Change::File { path, .. } => Some(path.as_str()),
                _ => None,
            })
            .collect();

        // Load: re-read the changed pages; one that moved, vanished or cannot
        // be read changes the site's shape.
        let mut fresh = Vec::new();
        for &id in &pages {
            match load::reread_page(
                &self.content.site.root,
                &self.content.site.pages[id].content_path,
            ) {
                Ok(Some(page)) if !moves(&self.content.site.pages[id], &page) => {
                    fresh.push((id, page))
                }
                _ => return self.rebuild_all(),
            }
        }
        let owners = self.attachment_owners(&attachments);
        let mut undo = Undo {
            pages: Vec::new(),
            bodies: Vec::new(),
            model: None,
            facts: Vec::new(),
            resorted: Vec::new(),
            searched: Vec::new(),
        };
        let mut described = owners.clone();
        let mut model_stale = !owners.is_empty();
        for (id, mut new) in fresh {
            let old = &self.content.site.pages[id];
            new.parent = old.parent;
            new.children.clone_from(&old.children);
            new.subsections.clone_from(&old.subsections);
            if old.front != new.front || old.typed != new.typed {
                described.push(id);
                model_stale |= old.front.kind.is_some() || new.front.kind.is_some();
            }
            let old = std::mem::replace(&mut self.content.site.pages[id], new);
            undo.pages.push((id, old));
        }
        undo.resorted = self.resort(&described);

        // Markdown: the changed pages' bodies.
        let bodies = crate::markdown::render_pages(&self.content.site, &pages);
        for (&id, body) in pages.iter().zip(bodies) {
            let old = std::mem::replace(&mut self.content.bodies[id], body);
            undo.bodies.push((id, old));
        }

        // Model: rebuilt only if a typed page's front matter or an attachment
        // changed: it is made of nothing else.
        let mut found = Diagnostics::new();
        if model_stale {
            let (model, errors) = pipeline::model(&self.content.site);
            found.extend(errors);
            undo.model = Some(std::mem::replace(&mut self.content.model, model));
        }

        // Check: the whole site's content.
        found.extend(pipeline::checks(&self.content));

        // Theme: reloaded and recompiled when its files changed.
        let theme = match changed_templates.is_empty() && !sass {
            true => None,
            false => match Theme::load(&self.content.site.root, &self.content.site.config) {
                Ok(theme) => Some(theme),
                Err(errors) => return Err(self.refuse(undo, found, errors)),
            },
        };
        let mut templates = match (&theme, changed_templates.is_empty()) {
            (Some(theme), false) => match render::compile_theme(theme, &self.content, &self.mode) {
                Ok(templates) => Some(templates),
                Err(errors) => return Err(self.refuse(undo, found, errors)),
            },
            _ => None,
        };

        // What the change reaches.
        let mut affected: BTreeSet<PageId> = pages.iter().copied().collect();
        let mut parts = BTreeSet::from([Part::SiteFiles]);
        parts.extend(Part::editor(&self.content.site));
        if !pages.is_empty() || model_stale {
            parts.insert(Part::Search);
        }
        for &id in &pages {
            let page = &self.content.site.pages[id];
            // Feeds list news filed in sub-sections too (`Model::listed`).
            parts.extend(self.content.site.ancestors(id).into_iter().map(Part::Feed));
            if page.is_section {
                parts.insert(Part::Feed(id));
            }
        }
        if model_stale {
            parts.insert(Part::Calendars);
        }
        let models: Vec<&Model> = undo.model.iter().chain([&self.content.model]).collect();
        for &id in &described {
            reach::described_by(&self.content.site, &models, id, &mut affected);
        }
        // The search index reads again the pages whose words can have
        // changed: the changed pages and those showing their facts.
        undo.searched = affected.iter().copied().collect();
        self.search.forget(undo.searched.iter().copied());
        if let Some(new) = &templates {
            parts.extend([Part::AToZ, Part::Search]);
            affected.extend(self.pages_using(new, &changed_templates));
        }
        // The menus of a directory follow its partnerships.
        let menus = undo
            .model
            .as_ref()
            .is_some_and(|old| old.partnerships != self.content.model.partnerships);
        if menus {
            affected.extend(0..self.content.site.pages.len());
        }
        let in_use = templates.as_mut().unwrap_or(&mut self.templates);
        if !described.is_empty() || menus {
            parts.insert(Part::AToZ);
            render::set_site_globals(in_use, &self.content);
            if in_use.reads_other_pages() {
                in_use.refresh(&self.content);
                affected.extend(0..self.content.site.pages.len());
            }
        }

        // Render: the affected pages and parts, the stylesheets, the changed files.
        let scope = Scope {
            pages: affected.iter().copied().collect(),
            parts: parts.into_iter().collect(),
            static_files: false,
            stylesheets: sass,
        };
        let sink = MemorySink::new();
        let done = pipeline::render(
            &self.content,
            theme.as_ref().unwrap_or(&self.theme),
            templates.as_ref().unwrap_or(&self.templates),
            &scope,
            &mut self.search,
            &sink,
        );
        let mut errors = done.errors;
        let withheld = &self.content.model.withheld;
        // Papers that an exempt item now names are never served; those it no longer names are.
        let released = undo
            .model
            .iter()
            .flat_map(|old| old.withheld.difference(withheld));
        let sources = released.filter_map(|path| {
            let asset = self.content.site.assets.iter().find(|a| &a.path == path)?;
            Some((path, &asset.source))
        });
        let files = changes.iter().filter_map(|c| match c {
            Change::File { path, source } => Some((path, source)),
            _ => None,
        });
        for (path, source) in files.chain(sources) {
            if !withheld.contains(path) {
                match std::fs::read(source) {
                    Ok(bytes) => crate::render::site_files::put(&sink, path, bytes, &mut errors),
                    Err(e) => errors.push(Diagnostic::error(source, format!("cannot read: {e}"))),
                }
            }
        }
        for &id in &scope.pages {
            let old = match done.facts.get(&id) {
                Some(facts) => self.facts.insert(id, facts.clone()),
                None => self.facts.remove(&id),
            };
            undo.facts.push((id, old));
        }
        let found = pipeline::findings(
            &self.content,
            templates.as_ref().unwrap_or(&self.templates),
            found,
            errors,
            &self.facts,
            &[],
        );
        if found.has_errors() {
            return Err(self.refuse(undo, found, Diagnostics::new()));
        }

        // Commit.
        if let Some(theme) = theme {
            self.theme = theme;
        }
        if let Some(templates) = templates {
            self.templates = templates;
        }
        self.warnings = found;
        let mut update = Update {
            rendered: scope.pages.len(),
            ..Update::default()
        };
        let mut written: Files = sink
            .into_files()
            .into_iter()
            .map(|(k, v)| (k, Arc::from(v)))
            .collect();
        for path in &self.content.model.withheld {
            if self.files.remove(path).is_some() {
                update.changed.push(path.clone());
            }
        }
        // The files a redone part made before and makes no more are gone.
        let gone: Vec<String> = self
            .parts
            .iter()
            .filter(|(path, part)| scope.parts.contains(part) && !done.parts.contains_key(*path))
            .map(|(path, _)| path.clone())
            .collect();
        for path in gone {
            self.parts.remove(&path);
            self.files.remove(&path);
            update.changed.push(path);
        }
        self.parts.extend(done.parts);
        // The pages of a list that is now shorter are gone.
        for (id, now) in list_pages(&self.content, scope.pages.iter().copied()) {
            let before = self.list_pages.insert(id, now).unwrap_or_default();
            let now = &self.list_pages[&id];
            for path in before.iter().filter(|p| !now.contains(p)) {
                let file = format!("{path}index.html");
                if self.files.remove(&file).is_some() {
                    update.changed.push(file);
                }
            }
        }
        for (path, bytes) in std::mem::take(&mut written) {
            if self.files.get(&path) != Some(&bytes) {
                update.changed.push(path.clone());
                self.files.insert(path, bytes);
            }
        }
        update.changed.sort();
        Ok(update)
    }

    /// Puts back what an update replaced and returns its findings, with `more`.
    fn refuse(&mut self, undo: Undo, mut found: Diagnostics, more: Diagnostics) -> Diagnostics {
        for (id, page) in undo.pages {
            self.content.site.pages[id] = page;
        }
        for (id, body) in undo.bodies {
            self.content.bodies[id] = body;
        }
        if let Some(model) = undo.model {
            self.content.model = model;
        }
        for (id, facts) in undo.facts {
            match facts {
                Some(facts) => self.facts.insert(id, facts),
                None => self.facts.remove(&id),
            };
        }
        self.resort(&undo.resorted);
        // Read from the change refused: read again from the pages put back.
        self.search.forget(undo.searched);
        render::set_site_globals(&mut self.templates, &self.content);
        if self.templates.reads_other_pages() {
            self.templates.refresh(&self.content);
        }
        found.extend(more);
        found.sort();
        found
    }

    /// The pages whose template is made of one of the changed ones, worked out
    /// once per template rather than once per page.
    fn pages_using(&self, templates: &Templates, changed: &BTreeSet<&str>) -> Vec<PageId> {
        let mut touched: BTreeMap<String, bool> = BTreeMap::new();
        (0..self.content.site.pages.len())
            .filter(|&id| {
                let Ok(name) = render::template_for(&self.content.site, templates, id) else {
                    return false;
                };
                *touched.entry(name).or_insert_with_key(|name| {
                    let uses = templates.closure(name);
                    changed.iter().any(|changed| uses.contains(*changed))
                })
            })
            .collect()
    }

    /// Rebuilds everything, reporting which files differ from before.
    fn rebuild_all(&mut self) -> Result<Update, Diagnostics> {
        let fresh = LiveSite::build(
            &self.content.site.root,
            self.base_url.as_deref(),
            self.mode.clone(),
        )?;
        let mut changed: Vec<String> = fresh
            .files
            .iter()
            .filter(|(path, bytes)| self.files.get(*path) != Some(bytes))
            .map(|(path, _)| path.clone())
            .collect();
        changed.extend(
            self.files
                .keys()
                .filter(|path| !fresh.files.contains_key(*path))
                .cloned(),
        );
        changed.sort();
        *self = fresh;
        Ok(Update {
            rendered: self.content.site.pages.len(),
            changed,
            full: true,
        })
    }

    /// What a changed path means.
    fn classify(&self, rel: &str) -> Change {
        let site = &self.content.site;
        let root = &site.root;
        let exists = root.join(rel).is_file();
        let theme_dir = format!("themes/{}/", site.config.theme);
        // A site in several languages is rebuilt whole: every version of
        // what a change reaches, with the translations' checks.
        if !exists || !site.config.languages.is_empty() {
            return Change::Everything;
        }
        if let Some(content) = rel.strip_prefix("content/") {
            let content = crate::util::url::content_name(content);
            if content.ends_with(".md") {
                return match site.by_content_path.get(&content) {
                    Some(&id) => Change::Page(id),
                    None => Change::Everything,
                };
            }
            return self.file_change(root.join(rel));
        }
        let in_theme = rel.strip_prefix(&theme_dir);
        if let Some(name) = rel
            .strip_prefix("templates/")
            .or_else(|| in_theme.and_then(|r| r.strip_prefix("templates/")))
        {
            return Change::Template(name.to_owned());
        }
        if rel.starts_with("sass/") || in_theme.is_some_and(|r| r.starts_with("sass/")) {
            return Change::Sass;
        }
        if let Some(name) = in_theme.and_then(|r| r.strip_prefix("static/")) {
            return match self.theme.static_files.contains_key(name) {
                true if !site.assets.iter().any(|a| a.path == name) => Change::File {
                    path: name.to_owned(),
                    source: root.join(rel),
                },
                _ => Change::Everything,
            };
        }
        if rel.starts_with("static/") {
            return self.file_change(root.join(rel));
        }
        if rel.starts_with("themes/") {
            // Another theme's files cannot change this build.
            return Change::Template(String::new());
        }
        Change::Everything
    }

    /// A change to a file copied as it is, if the build already has it.
    fn file_change(&self, source: PathBuf) -> Change {
        if source
            .file_name()
            .is_some_and(|n| n == load::organisations_csv::FILE_NAME)
        {
            return Change::Everything;
        }
        match self.content.site.assets.iter().find(|a| a.source == source) {
            Some(asset) => Change::File {
                path: asset.path.clone(),
                source,
            },
            None => Change::Everything,
        }
    }

    /// Pages showing one of these files as an attachment (its size may have changed).
    fn attachment_owners(&self, paths: &BTreeSet<&str>) -> Vec<PageId> {
        if paths.is_empty() {
            return Vec::new();
        }
        let model = &self.content.model;
        let meetings = model
            .meetings
            .iter()
            .filter(|m| {
                m.papers
                    .iter()
                    .any(|p| paths.contains(p.file.path.as_str()))
            })
            .map(|m| m.page);
        let documents = model
            .documents
            .iter()
            .filter(|d| paths.contains(d.file.path.as_str()))
            .map(|d| d.page);
        meetings.chain(documents).collect()
    }

    /// Re-sorts the sections holding these pages (their dates, weights or
    /// titles may have changed); returns the pages, to sort again on undo.
    fn resort(&mut self, ids: &[PageId]) -> Vec<PageId> {
        let site = &mut self.content.site;
        let parents: BTreeSet<PageId> =
            ids.iter().filter_map(|&id| site.pages[id].parent).collect();
        for parent in parents {
            let mut children = std::mem::take(&mut site.pages[parent].children);
            load::sort_pages(&site.pages, &mut children);
            site.pages[parent].children = children;
            let mut subsections = std::mem::take(&mut site.pages[parent].subsections);
            load::sort_pages(&site.pages, &mut subsections);
            site.pages[parent].subsections = subsections;
        }
        ids.to_vec()
    }
}

/// The further list pages of each of `ids` (every one, so a list that no
/// longer needs them is seen).
fn list_pages(
    content: &Content,
    ids: impl Iterator<Item = PageId>,
) -> BTreeMap<PageId, Vec<String>> {
    ids.map(|id| (id, render::pagination::further_pages(content, id)))
        .collect()
}

/// Whether a re-read page changes the site's shape: its address or aliases.
fn moves(old: &Page, new: &Page) -> bool {
    new.path != old.path
        || new.front.aliases != old.front.aliases
        || new.is_section != old.is_section
}
