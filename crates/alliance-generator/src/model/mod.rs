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

use std::collections::HashMap;

use serde::{Serialize, Serializer};
use toml::Table;

pub use attachment::{Attachment, Files, format_of, human_size};
use fields::{Choice, Fields, step};

use crate::date::SiteDate;
use crate::diagnostic::{Diagnostic, nearest};
use crate::load::kind::PageKind;
use crate::load::site::{PageId, Site};

/// Declares a fixed list of values with the text written in front matter and
/// the label shown to readers.
macro_rules! choice {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal, $label:literal;)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $(#[doc = $label] $variant,)*
        }

        impl $name {
            /// The value as written in front matter.
            pub fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text,)* }
            }

            /// The value as readers see it.
            pub fn label(self) -> &'static str {
                match self { $(Self::$variant => $label,)* }
            }
        }

        impl Choice for $name {
            const ALL: &'static [(&'static str, Self)] = &[$(($text, Self::$variant),)*];
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

choice! {
    /// The sector an organisation belongs to, in the order directories list them.
    Sector {
        Public = "public", "Public sector";
        Health = "health", "Health";
        Police = "police", "Police";
        Fire = "fire", "Fire and rescue";
        Education = "education", "Education";
        Housing = "housing", "Housing";
        Business = "business", "Business";
        Voluntary = "voluntary", "Voluntary and community";
        Faith = "faith", "Faith";
        Other = "other", "Other";
    }
}

choice! {
    /// What kind of body a group is.
    GroupKind {
        Executive = "executive", "Executive";
        Management = "management", "Management group";
        Themed = "themed", "Themed partnership";
        TaskAndFinish = "task-and-finish", "Task-and-finish group";
        Local = "local", "Local partnership";
    }
}

choice! {
    /// Whether a meeting is to happen, happened or was called off.
    MeetingStatus {
        Scheduled = "scheduled", "Scheduled";
        Held = "held", "Held";
        Cancelled = "cancelled", "Cancelled";
    }
}

choice! {
    /// What a meeting paper is.
    PaperKind {
        Agenda = "agenda", "Agenda";
        Minutes = "minutes", "Minutes";
        Paper = "paper", "Paper";
    }
}

impl Sector {
    /// Whether schema.org calls such a body a `GovernmentOrganization`.
    pub fn is_government(self) -> bool {
        matches!(self, Sector::Public | Sector::Police | Sector::Fire)
    }

    /// Every sector, in directory order.
    pub fn all() -> impl Iterator<Item = Sector> {
        Self::ALL.iter().map(|(_, s)| *s)
    }
}

/// A member organisation (`kind = "organisation"`, or a row of `organisations.csv`).
#[derive(Debug, Clone)]
pub struct Organisation {
    /// Its page.
    pub page: PageId,
    /// Its sector.
    pub sector: Sector,
    /// Its own website.
    pub website: Option<String>,
    /// A contact email address.
    pub email: Option<String>,
    /// Its postal address, a line per entry.
    pub address: Vec<String>,
}

/// Who chairs a group.
#[derive(Debug, Clone)]
pub struct Chair {
    /// The chair's name.
    pub name: Option<String>,
    /// The organisation the chair comes from.
    pub org: Option<usize>,
}

/// An organisation's seat on a group.
#[derive(Debug, Clone)]
pub struct Member {
    /// The organisation (index into [`Model::organisations`]).
    pub org: usize,
    /// The person who represents it.
    pub representative: Option<String>,
    /// Their role on the group ("Vice-chair", "Advisory, non-voting").
    pub role: Option<String>,
}

/// A body of the partnership (`kind = "group"`).
#[derive(Debug, Clone)]
pub struct Group {
    /// Its page.
    pub page: PageId,
    /// Executive, themed partnership...
    pub kind: GroupKind,
    /// The group it reports to.
    pub reports_to: Option<usize>,
    /// Its chair.
    pub chair: Option<Chair>,
    /// Its members, as written.
    pub members: Vec<Member>,
    /// What it is working on.
    pub priorities: Vec<String>,
    /// What it has done.
    pub achievements: Vec<String>,
    /// How it will do it ("we will do this by...").
    pub approach: Vec<String>,
}

/// A paper of a meeting.
#[derive(Debug, Clone)]
pub struct Paper {
    /// Its title.
    pub title: String,
    /// Agenda, minutes or paper.
    pub kind: PaperKind,
    /// The file.
    pub file: Attachment,
}

/// A meeting of a group (`kind = "meeting"`).
#[derive(Debug, Clone)]
pub struct Meeting {
    /// Its page.
    pub page: PageId,
    /// The group meeting.
    pub group: usize,
    /// When it starts, in the site's time zone.
    pub start: SiteDate,
    /// When it ends.
    pub end: Option<SiteDate>,
    /// Where.
    pub location: Option<String>,
    /// Scheduled, held or cancelled.
    pub status: MeetingStatus,
    /// Agenda, minutes and papers.
    pub papers: Vec<Paper>,
}

/// A publication (`kind = "document"`).
#[derive(Debug, Clone)]
pub struct Document {
    /// Its page (the HTML summary beside the file).
    pub page: PageId,
    /// The file.
    pub file: Attachment,
    /// When it was published.
    pub published: Option<SiteDate>,
}

/// A year's value of an indicator.
#[derive(Debug, Clone, Serialize)]
pub struct Reading {
    /// The year as written: `2016` or `"2016/17"`.
    pub year: String,
    /// The value.
    pub value: f64,
}

/// A measure of progress on a priority.
#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    /// What is measured.
    pub name: String,
    /// Its unit ("%", "per 1,000 people").
    pub unit: Option<String>,
    /// Where it started.
    pub baseline: Option<f64>,
    /// Where it should get to.
    pub target: Option<f64>,
    /// Values by year, in the order written.
    pub values: Vec<Reading>,
}

/// A priority of the strategy.
#[derive(Debug, Clone)]
pub struct Priority {
    /// Its id, an anchor on the strategy page.
    pub id: String,
    /// Its title.
    pub title: String,
    /// A summary.
    pub summary: Option<String>,
    /// The group that leads it.
    pub lead: Option<usize>,
    /// How progress is measured.
    pub indicators: Vec<Indicator>,
}

/// The Sustainable Community Strategy (`kind = "strategy"`).
#[derive(Debug, Clone)]
pub struct Strategy {
    /// Its page.
    pub page: PageId,
    /// The years it covers ("2015–2020").
    pub period: Option<String>,
    /// The vision.
    pub vision: Option<String>,
    /// Its priorities.
    pub priorities: Vec<Priority>,
}

/// An organisation's seat on a group, seen from the organisation.
#[derive(Debug, Clone)]
pub struct Seat {
    /// The group.
    pub group: usize,
    /// Who represents the organisation.
    pub representative: Option<String>,
    /// Their role.
    pub role: Option<String>,
}

/// What a page is in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Entity {
    /// A plain page.
    #[default]
    None,
    /// An organisation (index into [`Model::organisations`]).
    Organisation(usize),
    /// A group.
    Group(usize),
    /// A meeting.
    Meeting(usize),
    /// A document.
    Document(usize),
    /// A strategy.
    Strategy(usize),
    /// A page showing the partnership's structure.
    Structure,
    /// A news item.
    News,
}

/// The whole partnership, resolved and cross-checked.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Member organisations, in page order.
    pub organisations: Vec<Organisation>,
    /// Groups, in page order.
    pub groups: Vec<Group>,
    /// Meetings, in page order.
    pub meetings: Vec<Meeting>,
    /// Documents, in page order.
    pub documents: Vec<Document>,
    /// Strategies.
    pub strategies: Vec<Strategy>,
    /// What each page is, by page id.
    pub entities: Vec<Entity>,
    /// For each organisation, the groups it sits on.
    pub seats: Vec<Vec<Seat>>,
    /// For each group, the groups that report to it.
    pub subgroups: Vec<Vec<usize>>,
    /// For each group, its meetings by start time.
    pub group_meetings: Vec<Vec<usize>>,
    /// For each group, the strategy priorities it leads: (strategy, priority).
    pub leads: Vec<Vec<(usize, usize)>>,
    /// For each section, the meetings whose pages are under it, by start time.
    pub meetings_under: HashMap<PageId, Vec<usize>>,
    /// For each section, the groups whose pages are under it, in page order.
    pub groups_under: HashMap<PageId, Vec<usize>>,
    ids: HashMap<String, Entity>,
    /// Ids defined twice: already an error, so references to them are not.
    ambiguous: std::collections::HashSet<String>,
    /// Ids of pages left out for errors of their own: references to them are not reported again.
    with_errors: std::collections::HashSet<String>,
}

impl Model {
    /// A model with no typed pages, for a site whose typed pages have errors:
    /// rendering can go on to report template problems too.
    pub fn empty(pages: usize) -> Model {
        Model {
            entities: vec![Entity::None; pages],
            ..Model::default()
        }
    }

    /// Reads every typed page of the site and checks it against the rest.
    pub fn build(site: &Site) -> Result<Model, Vec<Diagnostic>> {
        let mut errors = Vec::new();
        let mut model = Model {
            entities: vec![Entity::None; site.pages.len()],
            ..Model::default()
        };
        model.register_ids(site, &mut errors);
        let files = Files::new(site);
        for (page_id, page) in site.pages.iter().enumerate() {
            let Some(kind) = page.kind() else {
                continue;
            };
            let mut fields = Fields {
                page,
                kind,
                errors: &mut errors,
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
        model.check_cycles(site, &mut errors);
        model.derive(site);
        if errors.is_empty() {
            Ok(model)
        } else {
            Err(errors)
        }
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

    fn read_organisation(&mut self, f: &mut Fields<'_>, page: PageId) -> Option<Entity> {
        let table = &f.page.typed;
        let sector = f.choice::<Sector>(table, &[], "sector");
        let organisation = Organisation {
            page,
            sector: sector.unwrap_or(Sector::Other),
            website: f.text(table, &[], "website"),
            email: f.text(table, &[], "email"),
            address: f.texts(table, &[], "address"),
        };
        self.organisations.push(organisation);
        Some(Entity::Organisation(self.organisations.len() - 1))
    }

    fn read_group(&mut self, f: &mut Fields<'_>, page: PageId) -> Option<Entity> {
        let table = &f.page.typed;
        let kind = f.choice::<GroupKind>(table, &[], "group");
        let reports_to = f
            .text(table, &[], "reports_to")
            .and_then(|id| self.resolve(f, &["reports_to".into()], &id, PageKind::Group));
        let chair = f.table(table, &[], "chair").map(|chair| {
            let chair: &Table = &chair;
            let at = vec!["chair".to_owned()];
            Chair {
                name: f.text(chair, &at, "name"),
                org: f
                    .text(chair, &at, "org")
                    .and_then(|id| self.resolve(f, &step(&at, "org"), &id, PageKind::Organisation)),
            }
        });
        let mut members = Vec::new();
        for (at, entry) in f.tables(table, &[], "members") {
            let entry: &Table = &entry;
            let org = f
                .text(entry, &at, "org")
                .and_then(|id| self.resolve(f, &step(&at, "org"), &id, PageKind::Organisation));
            if let Some(org) = org {
                members.push(Member {
                    org,
                    representative: f.text(entry, &at, "representative"),
                    role: f.text(entry, &at, "role"),
                });
            }
        }
        self.groups.push(Group {
            page,
            kind: kind.unwrap_or(GroupKind::Themed),
            reports_to,
            chair,
            members,
            priorities: f.texts(table, &[], "priorities"),
            achievements: f.texts(table, &[], "achievements"),
            approach: f.texts(table, &[], "approach"),
        });
        Some(Entity::Group(self.groups.len() - 1))
    }

    fn read_meeting(
        &mut self,
        f: &mut Fields<'_>,
        page: PageId,
        files: &Files<'_>,
    ) -> Option<Entity> {
        let table = &f.page.typed;
        let group = f
            .text(table, &[], "group")
            .and_then(|id| self.resolve(f, &["group".into()], &id, PageKind::Group));
        let start = f.local_datetime(table, &[], "start");
        let end = f.local_datetime(table, &[], "end");
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            f.fail(
                &["end".into()],
                "the meeting ends before it starts",
                "check the dates and times of `start` and `end`",
            );
        }
        let status = f
            .choice::<MeetingStatus>(table, &[], "status")
            .unwrap_or(MeetingStatus::Scheduled);
        let mut papers = Vec::new();
        for (at, entry) in f.tables(table, &[], "papers") {
            let entry: &Table = &entry;
            let title = f.text(entry, &at, "title");
            let kind = f
                .choice::<PaperKind>(entry, &at, "kind")
                .unwrap_or(PaperKind::Paper);
            let file = f
                .text(entry, &at, "file")
                .and_then(|file| attach(f, files, &step(&at, "file"), &file));
            if let (Some(title), Some(file)) = (title, file) {
                papers.push(Paper { title, kind, file });
            }
        }
        let location = f.text(table, &[], "location");
        let (Some(group), Some(start)) = (group, start) else {
            return None;
        };
        self.meetings.push(Meeting {
            page,
            group,
            start,
            end,
            location,
            status,
            papers,
        });
        Some(Entity::Meeting(self.meetings.len() - 1))
    }

    fn read_document(
        &mut self,
        f: &mut Fields<'_>,
        page: PageId,
        files: &Files<'_>,
    ) -> Option<Entity> {
        let table = &f.page.typed;
        let file = f
            .text(table, &[], "file")
            .and_then(|file| attach(f, files, &["file".into()], &file));
        let published = f.date(table, &[], "published").or(f.page.front.date);
        self.documents.push(Document {
            page,
            file: file?,
            published,
        });
        Some(Entity::Document(self.documents.len() - 1))
    }

    fn read_strategy(&mut self, f: &mut Fields<'_>, page: PageId, table: &Table) -> Option<Entity> {
        let mut priorities = Vec::new();
        for (at, entry) in f.tables(table, &[], "priorities") {
            let entry: &Table = &entry;
            let Some(title) = f.text(entry, &at, "title") else {
                continue;
            };
            let id = f
                .text(entry, &at, "id")
                .unwrap_or_else(|| crate::util::url::slugify(&title));
            let lead = f
                .text(entry, &at, "lead")
                .and_then(|id| self.resolve(f, &step(&at, "lead"), &id, PageKind::Group));
            let mut indicators = Vec::new();
            for (at, entry) in f.tables(entry, &at, "indicators") {
                let entry: &Table = &entry;
                let Some(name) = f.text(entry, &at, "name") else {
                    continue;
                };
                let mut values = Vec::new();
                for (at, reading) in f.tables(entry, &at, "values") {
                    let reading: &Table = &reading;
                    let year = match reading.get("year") {
                        Some(toml::Value::Integer(y)) => Some(y.to_string()),
                        Some(toml::Value::String(y)) => Some(y.trim().to_owned()),
                        _ => {
                            f.fail(
                                &step(&at, "year"),
                                "each value needs a `year`",
                                "write year = 2016, or year = \"2016/17\" for a financial year",
                            );
                            None
                        }
                    };
                    let value = f.number(reading, &at, "value");
                    if value.is_none() && reading.get("value").is_none() {
                        f.fail(&at, "each value needs a `value`", "write value = 42");
                    }
                    if let (Some(year), Some(value)) = (year, value) {
                        values.push(Reading { year, value });
                    }
                }
                indicators.push(Indicator {
                    name,
                    unit: f.text(entry, &at, "unit"),
                    baseline: f.number(entry, &at, "baseline"),
                    target: f.number(entry, &at, "target"),
                    values,
                });
            }
            priorities.push(Priority {
                id,
                title,
                summary: f.text(entry, &at, "summary"),
                lead,
                indicators,
            });
        }
        self.strategies.push(Strategy {
            page,
            period: f.text(table, &[], "period"),
            vision: f.text(table, &[], "vision"),
            priorities,
        });
        Some(Entity::Strategy(self.strategies.len() - 1))
    }

    /// A group that (through others) reports to itself is an error, once per cycle.
    fn check_cycles(&self, site: &Site, errors: &mut Vec<Diagnostic>) {
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
                self.seats[member.org].push(Seat {
                    group: g,
                    representative: member.representative.clone(),
                    role: member.role.clone(),
                });
            }
            if let Some(Chair {
                org: Some(org),
                name,
            }) = &group.chair
                && !group.members.iter().any(|m| m.org == *org)
            {
                self.seats[*org].push(Seat {
                    group: g,
                    representative: name.clone(),
                    role: Some("Chair".into()),
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
        self.groups_under.clear();
        for (g, group) in self.groups.iter().enumerate() {
            for section in site.ancestors(group.page) {
                self.groups_under.entry(section).or_default().push(g);
            }
        }
        for (s, strategy) in self.strategies.iter().enumerate() {
            for (p, priority) in strategy.priorities.iter().enumerate() {
                if let Some(lead) = priority.lead {
                    self.leads[lead].push((s, p));
                }
            }
        }
    }
}

/// How groups are listed: by title, then by address.
pub fn group_order(site: &Site, groups: &[Group], a: usize, b: usize) -> std::cmp::Ordering {
    let (a, b) = (&site.pages[groups[a].page], &site.pages[groups[b].page]);
    a.front.title.cmp(&b.front.title).then(a.path.cmp(&b.path))
}

/// Resolves a file beside the page, or records why it cannot.
fn attach(f: &mut Fields<'_>, files: &Files<'_>, at: &[String], file: &str) -> Option<Attachment> {
    match files.find(&f.page.folder, file) {
        Ok(attachment) => Some(attachment),
        Err(hint) => {
            f.fail(at, format!("the file `{file}` does not exist"), hint);
            None
        }
    }
}

/// "a" or "an", for the noun that follows.
pub(crate) fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}
