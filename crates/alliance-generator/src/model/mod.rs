//! The partnership's domain model: organisations, groups, meetings, documents
//! and the strategy, read from typed pages (`kind = "..."`) and checked across
//! the whole site.
//!
//! [`Model::build`] reads every typed page's keys, resolves ids (an
//! organisation's or group's id is its file stem, or the `id` column of
//! `organisations.csv`), and derives what no one writes by hand: who sits on
//! which group, which groups report to which, each group's meetings and the
//! strategy priorities it leads. Every problem is reported, all together.

mod attachment;
mod fields;
mod read;
mod types;

use std::borrow::Cow;
use std::collections::HashMap;

#[cfg(test)]
pub(crate) use attachment::format_of;
pub(crate) use attachment::{Attachment, Files};
pub(crate) use fields::Choice;
use fields::Fields;
pub(crate) use types::*;

use crate::diagnostic::{Diagnostic, nearest};
use crate::load::kind::PageKind;
use crate::load::site::{PageId, Site};

/// The whole partnership, resolved and cross-checked.
#[derive(Debug, Clone, Default)]
pub(crate) struct Model {
    /// Member organisations, in page order.
    pub(crate) organisations: Vec<Organisation>,
    /// Groups, in page order.
    pub(crate) groups: Vec<Group>,
    /// Meetings, in page order.
    pub(crate) meetings: Vec<Meeting>,
    /// Documents, in page order.
    pub(crate) documents: Vec<Document>,
    /// Strategies.
    pub(crate) strategies: Vec<Strategy>,
    /// What each page is, by page id.
    pub(crate) entities: Vec<Entity>,
    /// For each organisation, the groups it sits on.
    pub(crate) seats: Vec<Vec<Seat>>,
    /// For each group, the groups that report to it.
    pub(crate) subgroups: Vec<Vec<usize>>,
    /// For each group, its meetings by start time.
    pub(crate) group_meetings: Vec<Vec<usize>>,
    /// For each group, the strategy priorities it leads: (strategy, priority).
    pub(crate) leads: Vec<Vec<(usize, usize)>>,
    /// For each section, the meetings whose pages are under it, by start time.
    pub(crate) meetings_under: HashMap<PageId, Vec<usize>>,
    /// For each section, the groups whose pages are under it, in page order.
    pub(crate) groups_under: HashMap<PageId, Vec<usize>>,
    /// The partnerships of the site: the sections that hold both groups and
    /// member organisations with no sub-section that does, in page order.
    /// A site of one partnership has one (often the home page); a directory
    /// of partnerships has several (see [`Model::is_directory`]).
    pub(crate) partnerships: Vec<PageId>,
    /// For each section, the documents whose pages are under it, newest first.
    pub(crate) documents_under: HashMap<PageId, Vec<usize>>,
    /// For each section but the home page, the news pages filed in its
    /// sub-sections (`news/2026/launch.md` for `news/`), which its list shows
    /// beside its own pages ([`Model::listed`]).
    pub(crate) news_below: HashMap<PageId, Vec<PageId>>,
    /// Site paths of the papers of exempt agenda items: never published.
    pub(crate) withheld: std::collections::BTreeSet<String>,
    ids: HashMap<String, Entity>,
    /// Ids defined twice: already an error, so references to them are not.
    ambiguous: std::collections::HashSet<String>,
    /// Ids of pages left out for errors of their own: references to them are not reported again.
    with_errors: std::collections::HashSet<String>,
}

impl Model {
    /// Whether the site is a directory of partnerships: two or more.
    pub(crate) fn is_directory(&self) -> bool {
        self.partnerships.len() > 1
    }

    /// The partnership of a directory that page `id` is in (or is), if any.
    pub(crate) fn partnership_of(&self, site: &Site, id: PageId) -> Option<PageId> {
        if !self.is_directory() {
            return None;
        }
        std::iter::once(id)
            .chain(site.ancestors(id))
            .find(|p| self.partnerships.binary_search(p).is_ok())
    }

    /// The sections that hold groups and organisations and have no
    /// sub-section that does, by page id.
    fn find_partnerships(&self, site: &Site) -> Vec<PageId> {
        let with_organisations: std::collections::HashSet<PageId> = self
            .organisations
            .iter()
            .flat_map(|o| site.ancestors(o.page))
            .collect();
        let holds_both =
            |s: &PageId| self.groups_under.contains_key(s) && with_organisations.contains(s);
        let mut found: Vec<PageId> = self
            .groups_under
            .keys()
            .filter(|s| holds_both(s))
            .filter(|&&s| !site.pages[s].subsections.iter().any(holds_both))
            .copied()
            .collect();
        found.sort_unstable();
        found
    }

    /// A section's pages as its list shows them (and its feed and its pages
    /// of the list count them): its own pages and the news filed in its
    /// sub-sections, newest first, as a section's pages are ordered.
    pub(crate) fn listed<'a>(&self, site: &'a Site, section: PageId) -> Cow<'a, [PageId]> {
        let own = &site.pages[section].children;
        match self.news_below.get(&section) {
            None => Cow::Borrowed(own),
            Some(news) => {
                let mut all: Vec<PageId> = own.iter().chain(news).copied().collect();
                crate::load::sort_pages(&site.pages, &mut all);
                Cow::Owned(all)
            }
        }
    }

    /// Reads every typed page of the site and checks it against the rest:
    /// the model, and every error found. With errors the model is still
    /// whole, what is wrong left out (an unknown id, a missing file, the link
    /// that closes a circle of groups) or its default (a value outside its
    /// list), so every other page is still rendered and checked with it.
    pub(crate) fn build(site: &Site) -> (Model, Vec<Diagnostic>) {
        let mut errors = Vec::new();
        let mut model = Model {
            entities: vec![Entity::None; site.pages.len()],
            ..Model::default()
        };
        model.register_ids(site, &mut errors);
        let files = Files::new(site);
        let zone = site.config.time_zone();
        for (page_id, page) in site.pages.iter().enumerate() {
            let Some(kind) = page.kind() else {
                continue;
            };
            let mut fields = Fields {
                page,
                kind,
                errors: &mut errors,
                zone: &zone,
            };
            let table = &page.typed;
            let entity = match kind {
                PageKind::Organisation => model.read_organisation(&mut fields, page_id),
                PageKind::Group => model.read_group(&mut fields, page_id),
                PageKind::Meeting => model.read_meeting(&mut fields, page_id, &files),
                PageKind::Document => model.read_document(&mut fields, page_id, &files),
                PageKind::Strategy => model.read_strategy(&mut fields, page_id, table),
                PageKind::Structure => Some(Entity::Structure),
                PageKind::News => {
                    if page.front.date.is_none() {
                        errors.push(
                            page.key_error("kind", "a `news` page needs a `date`")
                                .with_hint("add `date = 2026-11-22`: news is listed newest first"),
                        );
                    }
                    Some(Entity::News)
                }
            };
            model.entities[page_id] = entity.unwrap_or_default();
        }
        model.break_cycles(site, &mut errors);
        model.derive(site);
        (model, errors)
    }

    /// Gives every organisation and group its id and index; an id used twice is an error.
    fn register_ids(&mut self, site: &Site, errors: &mut Vec<Diagnostic>) {
        let (mut organisations, mut groups) = (0, 0);
        let mut first: HashMap<&str, PageId> = HashMap::new();
        for (page_id, page) in site.pages.iter().enumerate() {
            let entity = match page.kind() {
                Some(PageKind::Organisation) => {
                    organisations += 1;
                    Entity::Organisation(organisations - 1)
                }
                Some(PageKind::Group) => {
                    groups += 1;
                    Entity::Group(groups - 1)
                }
                _ => continue,
            };
            if let Some(&earlier) = first.get(page.id.as_str()) {
                self.ambiguous.insert(page.id.clone());
                let place = site.pages[earlier].place();
                let at: &[&str] = if page.origin == crate::load::site::Origin::Markdown {
                    &["kind"]
                } else {
                    &["id"]
                };
                errors.push(
                    page.value_error(at, format!("the id `{}` is used twice", page.id))
                        .with_hint(format!(
                            "{place} already has the id `{}`; ids of organisations and groups are unique across the site: rename one",
                            page.id
                        )),
                );
                continue;
            }
            first.insert(&page.id, page_id);
            self.ids.insert(page.id.clone(), entity);
        }
        self.with_errors = site
            .with_errors
            .iter()
            .map(|path| crate::load::id_of(path).to_owned())
            .collect();
    }

    /// Resolves a reference to the id of an organisation or a group (`want`),
    /// or records why it cannot.
    fn resolve(
        &self,
        fields: &mut Fields<'_>,
        at: &[String],
        id: &str,
        want: PageKind,
    ) -> Option<usize> {
        let want_group = want == PageKind::Group;
        let other = if want_group {
            PageKind::Organisation
        } else {
            PageKind::Group
        };
        let (wanted, other) = (want.name(), other.name());
        if self.ambiguous.contains(id) {
            return None;
        }
        match self.ids.get(id) {
            Some(Entity::Group(i)) if want_group => return Some(*i),
            Some(Entity::Organisation(i)) if !want_group => return Some(*i),
            Some(_) => {
                fields.fail(
                    at,
                    format!(
                        "`{id}` is {} {other}, not {} {wanted}",
                        article(other),
                        article(wanted)
                    ),
                    format!("name the id of a page with kind = \"{wanted}\""),
                );
                return None;
            }
            None if self.with_errors.contains(id) => return None,
            None => {}
        }
        let candidates = self.ids.iter().filter_map(|(name, entity)| {
            let is_group = matches!(entity, Entity::Group(_));
            (is_group == want_group).then_some(name.as_str())
        });
        let hint = match nearest(id, candidates) {
            Some(best) => format!("did you mean `{best}`?"),
            None if want_group => "a group's id is the file name of its page (kind = \"group\"), without .md".to_owned(),
            None => "an organisation's id is the file name of its page (kind = \"organisation\"), without .md, or its `id` in organisations.csv".to_owned(),
        };
        fields.fail(at, format!("no {wanted} has the id `{id}`"), hint);
        None
    }

    /// A group that (through others) reports to itself is an error, once per
    /// cycle; the link of the circle's first group is left out.
    fn break_cycles(&mut self, site: &Site, errors: &mut Vec<Diagnostic>) {
        let mut reported = vec![false; self.groups.len()];
        for start in 0..self.groups.len() {
            let mut chain = vec![start];
            let mut at = self.groups[start].reports_to;
            while let Some(next) = at {
                if next == start {
                    if !chain.iter().any(|&g| reported[g]) {
                        let names: Vec<&str> = chain
                            .iter()
                            .chain(std::iter::once(&start))
                            .map(|&g| site.pages[self.groups[g].page].id.as_str())
                            .collect();
                        let page = &site.pages[self.groups[start].page];
                        errors.push(
                            page.value_error(&["reports_to"], format!(
                                "groups report to each other in a circle: {}",
                                names.join(" → ")
                            ))
                            .with_hint("one of these groups must report to another group, or to none (the top of the structure)"),
                        );
                        for &g in &chain {
                            reported[g] = true;
                        }
                    }
                    // Left out, so nothing later goes round the circle.
                    self.groups[start].reports_to = None;
                    break;
                }
                if chain.contains(&next) || chain.len() > self.groups.len() {
                    break;
                }
                chain.push(next);
                at = self.groups[next].reports_to;
            }
        }
    }

    /// Works out seats, sub-groups, meetings by group and priorities led.
    fn derive(&mut self, site: &Site) {
        self.seats = vec![Vec::new(); self.organisations.len()];
        self.subgroups = vec![Vec::new(); self.groups.len()];
        self.group_meetings = vec![Vec::new(); self.groups.len()];
        self.leads = vec![Vec::new(); self.groups.len()];
        for (g, group) in self.groups.iter().enumerate() {
            for member in &group.members {
                let Some(org) = member.org else { continue };
                self.seats[org].push(Seat {
                    group: g,
                    representative: member.representative.clone(),
                    role: member.role.clone(),
                    category: member.category,
                    voting: member.voting,
                    vacant: member.vacant,
                });
            }
            if let Some(Chair {
                org: Some(org),
                name,
            }) = &group.chair
                && !group.members.iter().any(|m| m.org == Some(*org))
            {
                self.seats[*org].push(Seat {
                    group: g,
                    representative: name.clone(),
                    role: Some("Chair".into()),
                    category: None,
                    voting: true,
                    vacant: false,
                });
            }
            if let Some(parent) = group.reports_to {
                self.subgroups[parent].push(g);
            }
        }
        let groups = &self.groups;
        for seats in &mut self.seats {
            seats.sort_by(|a, b| group_order(site, groups, a.group, b.group));
        }
        for subgroups in &mut self.subgroups {
            subgroups.sort_by(|&a, &b| group_order(site, groups, a, b));
        }
        for (m, meeting) in self.meetings.iter().enumerate() {
            self.group_meetings[meeting.group].push(m);
        }
        self.withheld = self
            .meetings
            .iter()
            .flat_map(|m| &m.papers)
            .filter(|p| p.withheld)
            .map(|p| p.file.path.clone())
            .collect();
        for meetings in &mut self.group_meetings {
            meetings.sort_by_key(|&m| self.meetings[m].start);
        }
        self.meetings_under.clear();
        for (m, meeting) in self.meetings.iter().enumerate() {
            for section in site.ancestors(meeting.page) {
                self.meetings_under.entry(section).or_default().push(m);
            }
        }
        for meetings in self.meetings_under.values_mut() {
            meetings.sort_by_key(|&m| (self.meetings[m].start, m));
        }
        self.documents_under.clear();
        for (d, document) in self.documents.iter().enumerate() {
            for section in site.ancestors(document.page) {
                self.documents_under.entry(section).or_default().push(d);
            }
        }
        for documents in self.documents_under.values_mut() {
            documents.sort_by(|&a, &b| {
                let (x, y) = (&self.documents[a], &self.documents[b]);
                y.published
                    .cmp(&x.published)
                    .then_with(|| {
                        site.pages[x.page]
                            .front
                            .title
                            .cmp(&site.pages[y.page].front.title)
                    })
                    .then(a.cmp(&b))
            });
        }
        self.news_below.clear();
        for (id, entity) in self.entities.iter().enumerate() {
            if !matches!(entity, Entity::News) {
                continue;
            }
            let parent = site.pages[id].parent;
            for section in site.ancestors(id) {
                if section != site.home && Some(section) != parent {
                    self.news_below.entry(section).or_default().push(id);
                }
            }
        }
        self.groups_under.clear();
        for (g, group) in self.groups.iter().enumerate() {
            for section in site.ancestors(group.page) {
                self.groups_under.entry(section).or_default().push(g);
            }
        }
        self.partnerships = self.find_partnerships(site);
        for (s, strategy) in self.strategies.iter().enumerate() {
            for (p, priority) in strategy.priorities.iter().enumerate() {
                if let Some(lead) = priority.lead {
                    self.leads[lead].push((s, p));
                }
            }
        }
    }
}

/// How groups are listed: by weight (groups without one last), then kind
/// (executive, management, themed, task-and-finish, local), then title, then
/// address.
pub(crate) fn group_order(site: &Site, groups: &[Group], a: usize, b: usize) -> std::cmp::Ordering {
    let (kind_a, kind_b) = (groups[a].kind, groups[b].kind);
    let (a, b) = (&site.pages[groups[a].page], &site.pages[groups[b].page]);
    // Groups with a weight come first, lightest first.
    let weight = |p: &crate::load::site::Page| (p.front.weight.is_none(), p.front.weight);
    weight(a)
        .cmp(&weight(b))
        .then(kind_a.cmp(&kind_b))
        .then(a.front.title.cmp(&b.front.title))
        .then(a.path.cmp(&b.path))
}

/// "a" or "an", for the noun that follows.
pub(crate) fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}
