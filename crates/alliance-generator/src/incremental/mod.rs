//! Incremental rebuilds, for the dev server: the site stays loaded in memory,
//! and a change re-renders only the pages whose output can change.
//!
//! | change | what is redone |
//! |---|---|
//! | a page's body | that page |
//! | a page's front matter | that page, its section, its descendants (breadcrumbs), every page if it is in the navigation, and the pages the model relates to it (a group's members, meetings and sub-groups; an organisation's groups; structure pages...) |
//! | a template | the pages whose template extends, includes or is it |
//! | Sass | the stylesheets |
//! | a static or co-located file | that file (and, for a meeting paper or document, the pages showing its size) |
//! | `config.toml`, a page added, removed, renamed or made a draft, a spreadsheet | everything |
//!
//! Site-wide files are regenerated as a change reaches them: the sitemap,
//! robots.txt, aliases and 404 page on every change (they are cheap); a
//! section's Atom feed when the section or one of its pages changed (feeds
//! carry their pages' content); the calendars when the model was rebuilt
//! (they read meetings and groups only). The result equals a full build byte
//! for byte.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::site::{PageId, Site};
use crate::model::{Entity, Model};
use crate::output::{MemorySink, Sink};
use crate::render::Mode;
use crate::render::templates::Templates;
use crate::render::theme::Theme;
use crate::{check, load, render};

/// The built files, by site path.
pub type Files = BTreeMap<String, Arc<[u8]>>;

/// A site kept in memory between builds.
pub struct LiveSite {
    base_url: Option<String>,
    mode: Mode,
    site: Site,
    theme: Theme,
    templates: Templates,
    files: Files,
    /// The site-wide files in `files`, and what made each.
    derived: BTreeMap<String, Derived>,
    /// The warnings of the site as it is now.
    warnings: Diagnostics,
}

/// What makes a site-wide file, so an update knows which files to redo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Derived {
    /// Sitemap, robots.txt, aliases, 404 ([`crate::write_site_files`]).
    SiteFiles,
    /// The A to Z of pages ([`crate::write_a_to_z`]): titles only.
    AToZ,
    /// The iCalendar feeds ([`crate::write_calendars`]).
    Calendars,
    /// A section's Atom feed ([`crate::write_feed`]).
    Feed(PageId),
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

impl LiveSite {
    /// Loads and builds the whole site into memory.
    pub fn build(root: &Path, base_url: Option<&str>, mode: Mode) -> Result<LiveSite, Diagnostics> {
        let (site, warnings) = crate::load_and_check(root, base_url)?;
        if warnings.has_errors() {
            return Err(warnings);
        }
        let (theme, templates) = crate::compile_templates(&site, &mode)?;
        let mut live = LiveSite {
            base_url: base_url.map(str::to_owned),
            mode,
            site,
            theme,
            templates,
            files: Files::new(),
            derived: BTreeMap::new(),
            warnings,
        };
        let mut diagnostics = Diagnostics::new();
        let sink = MemorySink::new();
        crate::copy_static(&live.site, &live.theme, &sink, &mut diagnostics);
        crate::write_stylesheets(&live.theme, &sink, &mut diagnostics);
        let all: Vec<PageId> = (0..live.site.pages.len()).collect();
        diagnostics.extend(render::render_pages(
            &live.site,
            &live.templates,
            &sink,
            &all,
        ));
        let every = [Derived::SiteFiles, Derived::AToZ, Derived::Calendars]
            .into_iter()
            .chain(
                live.site
                    .pages
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.is_section)
                    .map(|(id, _)| Derived::Feed(id)),
            )
            .collect();
        let derived = live.write_derived(&every, &mut diagnostics);
        if diagnostics.has_errors() {
            diagnostics.sort();
            return Err(diagnostics);
        }
        live.files = sink
            .into_files()
            .into_iter()
            .map(|(k, v)| (k, Arc::from(v)))
            .collect();
        for (path, (origin, bytes)) in derived {
            live.derived.insert(path.clone(), origin);
            live.files.insert(path, bytes);
        }
        Ok(live)
    }

    /// The built files.
    pub fn files(&self) -> &Files {
        &self.files
    }

    /// The warnings of the site as it is now (what `check` would report).
    pub fn warnings(&self) -> &Diagnostics {
        &self.warnings
    }

    /// The loaded site.
    pub fn site(&self) -> &Site {
        &self.site
    }

    /// Applies changed files (paths relative to the site root, `/`-separated).
    /// On error the previous build stays as it was.
    pub fn update(&mut self, changed: &[String]) -> Result<Update, Diagnostics> {
        let changes: Vec<Change> = changed.iter().map(|rel| self.classify(rel)).collect();
        if changes.iter().any(|c| matches!(c, Change::Everything)) {
            return self.rebuild_all();
        }
        let mut diagnostics = Diagnostics::new();
        let sink = MemorySink::new();
        let mut affected = BTreeSet::new();

        // Templates and Sass: reload the theme (on error nothing has changed yet).
        let changed_templates: BTreeSet<&str> = changes
            .iter()
            .filter_map(|c| match c {
                Change::Template(name) => Some(name.as_str()),
                _ => None,
            })
            .collect();
        let sass = changes.iter().any(|c| matches!(c, Change::Sass));
        let new_theme = if changed_templates.is_empty() && !sass {
            None
        } else {
            Some(Theme::load(&self.site.root, &self.site.config.theme)?)
        };
        let new_templates = match (&new_theme, changed_templates.is_empty()) {
            (Some(theme), false) => Some(crate::compile_templates_with(
                theme, &self.site, &self.mode,
            )?),
            _ => None,
        };

        // Pages: re-read, re-check the whole model and every link, or roll back.
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
        let owners = self.attachment_owners(&attachments);
        let mut described = owners.clone();
        let mut redo = BTreeSet::from([Derived::SiteFiles]);
        if !pages.is_empty() || !owners.is_empty() {
            match self.reload_pages(&pages, !owners.is_empty())? {
                Reloaded::Structural => return self.rebuild_all(),
                Reloaded::Done {
                    front_changed,
                    old_model,
                } => {
                    described.extend(front_changed);
                    affected.extend(pages.iter().copied());
                    for &id in &pages {
                        let page = &self.site.pages[id];
                        redo.extend(page.parent.map(Derived::Feed));
                        if page.is_section {
                            redo.insert(Derived::Feed(id));
                        }
                    }
                    if old_model.is_some() {
                        redo.insert(Derived::Calendars);
                    }
                    for &id in &described {
                        self.described_by(id, old_model.as_deref(), &mut affected);
                    }
                }
            }
        }

        if let Some(theme) = new_theme {
            self.theme = theme;
        }
        if let Some(templates) = new_templates {
            self.templates = templates;
            redo.insert(Derived::AToZ);
            // Whether each template a page is rendered with is made of a changed one,
            // worked out once per template rather than once per page.
            let mut touched: BTreeMap<String, bool> = BTreeMap::new();
            for id in 0..self.site.pages.len() {
                let Ok(name) = render::template_for(&self.site, &self.templates, id) else {
                    continue;
                };
                let templates = &self.templates;
                let touches = *touched.entry(name).or_insert_with_key(|name| {
                    let uses = templates.closure(name);
                    changed_templates
                        .iter()
                        .any(|changed| uses.contains(*changed))
                });
                if touches {
                    affected.insert(id);
                }
            }
        }
        if !described.is_empty() {
            redo.insert(Derived::AToZ);
            crate::set_site_globals(&mut self.templates, &self.site);
            if self.templates.reads_other_pages() {
                self.templates.refresh(&self.site);
                affected.extend(0..self.site.pages.len());
            }
        }
        if sass {
            crate::write_stylesheets(&self.theme, &sink, &mut diagnostics);
        }
        for change in &changes {
            if let Change::File { path, source } = change {
                match std::fs::read(source) {
                    Ok(bytes) => {
                        let _ = sink.write(path, bytes);
                    }
                    Err(e) => {
                        diagnostics.push(Diagnostic::error(source, format!("cannot read: {e}")))
                    }
                }
            }
        }
        let ids: Vec<PageId> = affected.iter().copied().collect();
        diagnostics.extend(render::render_pages(
            &self.site,
            &self.templates,
            &sink,
            &ids,
        ));
        let derived = self.write_derived(&redo, &mut diagnostics);
        if diagnostics.has_errors() {
            diagnostics.sort();
            return Err(diagnostics);
        }
        let mut update = Update {
            rendered: ids.len(),
            ..Update::default()
        };
        let mut written: Files = sink
            .into_files()
            .into_iter()
            .map(|(k, v)| (k, Arc::from(v)))
            .collect();
        // The files a redone origin made before and makes no more are gone.
        let gone: Vec<String> = self
            .derived
            .iter()
            .filter(|(path, origin)| redo.contains(origin) && !derived.contains_key(*path))
            .map(|(path, _)| path.clone())
            .collect();
        for path in gone {
            self.derived.remove(&path);
            self.files.remove(&path);
            update.changed.push(path);
        }
        for (path, (origin, bytes)) in derived {
            self.derived.insert(path.clone(), origin);
            written.insert(path, bytes);
        }
        for (path, bytes) in written {
            if self.files.get(&path) != Some(&bytes) {
                update.changed.push(path.clone());
                self.files.insert(path, bytes);
            }
        }
        update.changed.sort();
        Ok(update)
    }

    /// Rebuilds everything, reporting which files differ from before.
    fn rebuild_all(&mut self) -> Result<Update, Diagnostics> {
        let fresh = LiveSite::build(&self.site.root, self.base_url.as_deref(), self.mode.clone())?;
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
            rendered: self.site.pages.len(),
            changed,
            full: true,
        })
    }

    /// What a changed path means.
    fn classify(&self, rel: &str) -> Change {
        let root = &self.site.root;
        let exists = root.join(rel).is_file();
        let theme_dir = format!("themes/{}/", self.site.config.theme);
        if !exists {
            return Change::Everything;
        }
        if let Some(content) = rel.strip_prefix("content/") {
            if content.ends_with(".md") {
                return match self.site.by_content_path.get(content) {
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
                true if !self.site.assets.iter().any(|a| a.path == name) => Change::File {
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
            .is_some_and(|n| n == crate::load::organisations_csv::FILE_NAME)
        {
            return Change::Everything;
        }
        match self.site.assets.iter().find(|a| a.source == source) {
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
        let model = &self.site.model;
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

    /// Re-reads changed pages and re-checks the site; rolls back on error.
    /// The model is rebuilt only if a typed page's front matter or an
    /// attachment (`files_changed`) changed: it is made of nothing else.
    fn reload_pages(
        &mut self,
        ids: &[PageId],
        files_changed: bool,
    ) -> Result<Reloaded, Diagnostics> {
        let mut fresh = Vec::new();
        for &id in ids {
            let rel = self.site.pages[id].content_path.clone();
            match load::reread_page(&self.site.root, &rel) {
                Ok(Some(page)) => fresh.push((id, page)),
                Ok(None) => return Ok(Reloaded::Structural),
                Err(errors) => return Err(Diagnostics::from(errors)),
            }
        }
        let structural = fresh.iter().any(|(id, new)| {
            let old = &self.site.pages[*id];
            new.path != old.path || new.front.aliases != old.front.aliases
        });
        if structural {
            return Ok(Reloaded::Structural);
        }
        let mut front_changed = Vec::new();
        let mut model_stale = files_changed;
        let mut previous = Vec::new();
        for (id, new) in fresh {
            let page = &mut self.site.pages[id];
            if page.front != new.front || page.typed != new.typed {
                front_changed.push(id);
                model_stale |= page.front.kind.is_some() || new.front.kind.is_some();
            }
            previous.push((
                id,
                std::mem::replace(&mut page.text, new.text),
                std::mem::replace(&mut page.front, new.front),
                std::mem::replace(&mut page.typed, new.typed),
                std::mem::replace(&mut page.toml_offset, new.toml_offset),
                std::mem::replace(&mut page.body_offset, new.body_offset),
                std::mem::take(&mut page.rendered),
            ));
        }
        crate::render_markdown_of(&mut self.site, ids);
        self.resort(&front_changed);
        let model = match model_stale {
            true => Model::build(&self.site).map(Some),
            false => Ok(None),
        };
        let mut errors = match model {
            Ok(model) => {
                let old = model.map(|m| Box::new(std::mem::replace(&mut self.site.model, m)));
                let link_errors = check::internal_links(&self.site);
                if link_errors.is_empty() {
                    return Ok(Reloaded::Done {
                        front_changed,
                        old_model: old,
                    });
                }
                if let Some(old) = old {
                    self.site.model = *old;
                }
                link_errors
            }
            Err(errors) => errors,
        };
        for (id, text, front, typed, toml_offset, body_offset, rendered) in previous {
            let page = &mut self.site.pages[id];
            page.text = text;
            page.front = front;
            page.typed = typed;
            page.toml_offset = toml_offset;
            page.body_offset = body_offset;
            page.rendered = rendered;
        }
        self.resort(&front_changed);
        errors.sort_by(|a, b| (&a.path, a.position).cmp(&(&b.path, b.position)));
        Err(Diagnostics::from(errors))
    }

    /// Re-sorts the sections holding pages whose dates, weights or titles may have changed.
    fn resort(&mut self, ids: &[PageId]) {
        let parents: BTreeSet<PageId> = ids
            .iter()
            .filter_map(|&id| self.site.pages[id].parent)
            .collect();
        for parent in parents {
            let mut children = std::mem::take(&mut self.site.pages[parent].children);
            load::sort_pages(&self.site.pages, &mut children);
            self.site.pages[parent].children = children;
            let mut subsections = std::mem::take(&mut self.site.pages[parent].subsections);
            load::sort_pages(&self.site.pages, &mut subsections);
            self.site.pages[parent].subsections = subsections;
        }
    }

    /// Adds the pages that show facts of page `id` (its title, dates, typed
    /// facts), by the model before the change (if it was rebuilt) and after.
    fn described_by(&self, id: PageId, old_model: Option<&Model>, affected: &mut BTreeSet<PageId>) {
        let site = &self.site;
        let page = &site.pages[id];
        let in_nav = id == site.home || (page.is_section && page.parent == Some(site.home));
        if in_nav {
            affected.extend(0..site.pages.len());
            return;
        }
        affected.insert(id);
        affected.extend(page.parent);
        if page.is_section {
            affected.extend(
                site.pages
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.path.starts_with(&page.path))
                    .map(|(i, _)| i),
            );
        }
        for model in old_model.into_iter().chain([&site.model]) {
            related(site, model, id, affected);
        }
    }

    /// Writes the site-wide files of some origins, each with its origin.
    fn write_derived(
        &self,
        origins: &BTreeSet<Derived>,
        diagnostics: &mut Diagnostics,
    ) -> BTreeMap<String, (Derived, Arc<[u8]>)> {
        let mut files = BTreeMap::new();
        for &origin in origins {
            let sink = MemorySink::new();
            match origin {
                Derived::SiteFiles => {
                    crate::write_site_files(&self.site, &self.templates, &sink, diagnostics)
                }
                Derived::AToZ => {
                    crate::write_a_to_z(&self.site, &self.templates, &sink, diagnostics)
                }
                Derived::Calendars => crate::write_calendars(&self.site, &sink, diagnostics),
                Derived::Feed(id) => crate::write_feed(&self.site, id, &sink, diagnostics),
            };
            for (path, bytes) in sink.into_files() {
                files.insert(path, (origin, Arc::from(bytes)));
            }
        }
        files
    }
}

/// The outcome of re-reading pages.
enum Reloaded {
    /// A page moved, appeared, vanished or became a draft: rebuild everything.
    Structural,
    /// Applied; these pages' front matter changed; this was the model before
    /// (none if the model was kept as it was).
    Done {
        front_changed: Vec<PageId>,
        old_model: Option<Box<Model>>,
    },
}

/// Adds the pages the model shows page `id`'s facts on, per `model`.
fn related(site: &Site, model: &Model, id: PageId, affected: &mut BTreeSet<PageId>) {
    let structure_pages = || {
        model
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e, Entity::Structure))
            .map(|(i, _)| i)
    };
    let Some(entity) = model.entities.get(id) else {
        return;
    };
    match *entity {
        Entity::Organisation(o) => {
            affected.insert(site.home);
            affected.extend(structure_pages());
            for (g, group) in model.groups.iter().enumerate() {
                let chairs = group.chair.as_ref().and_then(|c| c.org) == Some(o);
                if chairs || group.members.iter().any(|m| m.org == o) {
                    affected.insert(model.groups[g].page);
                }
            }
        }
        Entity::Group(g) => {
            let group = &model.groups[g];
            affected.extend(structure_pages());
            affected.extend(
                group
                    .members
                    .iter()
                    .map(|m| model.organisations[m.org].page),
            );
            if let Some(org) = group.chair.as_ref().and_then(|c| c.org) {
                affected.insert(model.organisations[org].page);
            }
            if let Some(parent) = group.reports_to {
                affected.insert(model.groups[parent].page);
            }
            affected.extend(model.subgroups[g].iter().map(|&s| model.groups[s].page));
            for &m in &model.group_meetings[g] {
                let meeting = model.meetings[m].page;
                affected.insert(meeting);
                affected.extend(site.ancestors(meeting));
            }
            for (strategy, _) in &model.leads[g] {
                affected.insert(model.strategies[*strategy].page);
            }
        }
        Entity::Meeting(m) => {
            let meeting = &model.meetings[m];
            affected.insert(model.groups[meeting.group].page);
            affected.extend(site.ancestors(meeting.page));
        }
        Entity::Strategy(s) => {
            let leads = model.strategies[s].priorities.iter().filter_map(|p| p.lead);
            affected.extend(leads.map(|g| model.groups[g].page));
        }
        Entity::Document(_) | Entity::Structure | Entity::News | Entity::None => {}
    }
}
