//! What templates see of the partnership: light, serialisable views of the
//! domain model (`page.group`, `page.organisation`, `get_group(id=...)`...).
//!
//! Views borrow from the [`Site`] and hold summaries of related pages (title,
//! path, a few facts), never whole pages, so a template context stays small
//! however big the partnership grows.

use serde::Serialize;

use crate::content::Content;
use crate::date::SiteDate;
use crate::load::site::{PageId, Site};
use crate::model::{Attachment, Entity, GroupKind, Indicator, MeetingStatus, Model, Sector};
use crate::render::charts::{self, Node, Series};

/// An organisation as listed anywhere.
#[derive(Serialize)]
pub struct OrganisationView<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its name.
    pub title: &'a str,
    /// Its page's site path.
    pub path: &'a str,
    /// `public`, `voluntary`...
    pub sector: Sector,
    /// "Voluntary and community".
    pub sector_label: &'static str,
    /// Its website.
    pub website: Option<&'a str>,
    /// Its email address.
    pub email: Option<&'a str>,
    /// Its postal address, a line per entry.
    pub address: &'a [String],
    /// Extra columns of its spreadsheet row, or its page's `extra`.
    pub extra: &'a toml::Table,
}

/// A group as linked to from elsewhere.
#[derive(Serialize, Clone, Copy)]
pub struct GroupLink<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its name.
    pub title: &'a str,
    /// Its page's site path.
    pub path: &'a str,
    /// `executive`, `themed`...
    pub kind: GroupKind,
    /// "Themed partnership".
    pub kind_label: &'static str,
}

/// An organisation's seat on a group.
#[derive(Serialize)]
pub struct MemberView<'a> {
    /// The organisation.
    pub org: OrganisationView<'a>,
    /// Who represents it.
    pub representative: Option<&'a str>,
    /// Their role.
    pub role: Option<&'a str>,
}

/// Members of one sector.
#[derive(Serialize)]
pub struct SectorMembers<'a> {
    /// The sector.
    pub sector: Sector,
    /// Its label.
    pub label: &'static str,
    /// How many members.
    pub count: usize,
    /// The members.
    pub members: Vec<MemberView<'a>>,
}

/// How many members each sector has on a group.
#[derive(Serialize)]
pub struct Balance {
    /// One row per sector with members: `{ sector, label, count }`.
    pub rows: Vec<BalanceRow>,
    /// All members.
    pub total: usize,
    /// The rows as an accessible SVG bar chart.
    pub chart: String,
}

/// One sector's count.
#[derive(Serialize)]
pub struct BalanceRow {
    /// The sector.
    pub sector: Sector,
    /// Its label.
    pub label: &'static str,
    /// Its members.
    pub count: usize,
}

/// Who chairs a group.
#[derive(Serialize)]
pub struct ChairView<'a> {
    /// The chair's name.
    pub name: Option<&'a str>,
    /// Their organisation.
    pub org: Option<OrganisationView<'a>>,
}

/// A strategy priority a group leads.
#[derive(Serialize)]
pub struct LedPriority<'a> {
    /// The priority's title.
    pub title: &'a str,
    /// The strategy page's site path.
    pub path: &'a str,
    /// The priority's anchor on that page.
    pub anchor: &'a str,
}

/// A group's page facts (`page.group`, `get_group(id=...)`).
#[derive(Serialize)]
pub struct GroupView<'a> {
    /// Id, title, path and kind.
    #[serde(flatten)]
    pub link: GroupLink<'a>,
    /// The group it reports to.
    pub reports_to: Option<GroupLink<'a>>,
    /// Its chair.
    pub chair: Option<ChairView<'a>>,
    /// Members as written.
    pub members: Vec<MemberView<'a>>,
    /// Members grouped by sector, in directory order.
    pub members_by_sector: Vec<SectorMembers<'a>>,
    /// Sector balance, with a chart.
    pub balance: Balance,
    /// Groups reporting to it.
    pub subgroups: Vec<GroupLink<'a>>,
    /// Its meetings.
    pub meetings: MeetingLists<'a>,
    /// Its iCalendar feed's site path, when it has meetings.
    pub calendar: Option<String>,
    /// What it is working on.
    pub priorities: &'a [String],
    /// What it has done.
    pub achievements: &'a [String],
    /// How it will do it.
    pub approach: &'a [String],
    /// Strategy priorities it leads.
    pub leads: Vec<LedPriority<'a>>,
}

/// An organisation's page facts (`page.organisation`, `get_organisation(id=...)`).
#[derive(Serialize)]
pub struct OrganisationPage<'a> {
    /// The organisation.
    #[serde(flatten)]
    pub org: OrganisationView<'a>,
    /// The groups it sits on.
    pub seats: Vec<SeatView<'a>>,
}

/// A group an organisation sits on.
#[derive(Serialize)]
pub struct SeatView<'a> {
    /// The group.
    pub group: GroupLink<'a>,
    /// Who represents the organisation.
    pub representative: Option<&'a str>,
    /// Their role.
    pub role: Option<&'a str>,
}

/// A file to download: `{ path, format, media_type, bytes, size, label }`.
#[derive(Serialize)]
pub struct AttachmentView<'a> {
    /// The file.
    #[serde(flatten)]
    pub file: &'a Attachment,
    /// "PDF, 1.2 MB".
    pub label: String,
}

/// A meeting paper.
#[derive(Serialize)]
pub struct PaperView<'a> {
    /// Its title.
    pub title: &'a str,
    /// `agenda`, `minutes`, `paper`.
    pub kind: &'static str,
    /// "Agenda".
    pub kind_label: &'static str,
    /// The file.
    pub file: AttachmentView<'a>,
}

/// A meeting (`page.meeting`, and in every meeting list).
#[derive(Serialize)]
pub struct MeetingView<'a> {
    /// Its page's title.
    pub title: &'a str,
    /// Its page's site path.
    pub path: &'a str,
    /// The group meeting.
    pub group: GroupLink<'a>,
    /// When it starts.
    pub start: SiteDate,
    /// When it ends.
    pub end: Option<SiteDate>,
    /// Where.
    pub location: Option<&'a str>,
    /// `scheduled`, `held`, `cancelled`.
    pub status: MeetingStatus,
    /// "Cancelled".
    pub status_label: &'static str,
    /// Whether it is still to come.
    pub upcoming: bool,
    /// Its papers.
    pub papers: Vec<PaperView<'a>>,
}

/// Meetings to come, then past ones by year.
#[derive(Serialize)]
pub struct MeetingLists<'a> {
    /// How many in all.
    pub count: usize,
    /// Meetings from today on, soonest first.
    pub upcoming: Vec<MeetingView<'a>>,
    /// Past meetings by year, newest year first, newest first within it.
    pub past: Vec<MeetingYear<'a>>,
}

/// Past meetings of one year.
#[derive(Serialize)]
pub struct MeetingYear<'a> {
    /// The year.
    pub year: i16,
    /// Its meetings.
    pub meetings: Vec<MeetingView<'a>>,
}

/// A document's page facts (`page.document`).
#[derive(Serialize)]
pub struct DocumentView<'a> {
    /// The file.
    pub file: AttachmentView<'a>,
    /// When it was published.
    pub published: Option<SiteDate>,
}

/// An indicator with its chart.
#[derive(Serialize)]
pub struct IndicatorView<'a> {
    /// The indicator.
    #[serde(flatten)]
    pub indicator: &'a Indicator,
    /// Its values as an accessible SVG line chart.
    pub chart: String,
}

/// A strategy priority.
#[derive(Serialize)]
pub struct PriorityView<'a> {
    /// Its id (an anchor).
    pub id: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its summary.
    pub summary: Option<&'a str>,
    /// The group leading it.
    pub lead: Option<GroupLink<'a>>,
    /// Its indicators.
    pub indicators: Vec<IndicatorView<'a>>,
}

/// The strategy's page facts (`page.strategy`).
#[derive(Serialize)]
pub struct StrategyView<'a> {
    /// The years it covers.
    pub period: Option<&'a str>,
    /// The vision.
    pub vision: Option<&'a str>,
    /// Its priorities.
    pub priorities: Vec<PriorityView<'a>>,
}

/// A branch of the structure's text equivalent.
#[derive(Serialize)]
pub struct TreeNode<'a> {
    /// The group.
    pub group: GroupLink<'a>,
    /// How many members it has.
    pub members: usize,
    /// Groups reporting to it.
    pub children: Vec<TreeNode<'a>>,
}

/// A group in the structure's outline: `<li>` opens a nested `<ul>` when
/// `has_children`; after a leaf, `close` levels of `</ul></li>` end.
#[derive(Serialize)]
pub struct OutlineRow<'a> {
    /// The group.
    pub group: GroupLink<'a>,
    /// How many members it has.
    pub members: usize,
    /// 0 for the top of the structure.
    pub depth: usize,
    /// Whether groups report to it.
    pub has_children: bool,
    /// How many nested lists end after this row.
    pub close: usize,
}

/// Flattens trees into outline rows.
fn outline<'a>(nodes: &[TreeNode<'a>], depth: usize, rows: &mut Vec<OutlineRow<'a>>) {
    for node in nodes {
        rows.push(OutlineRow {
            group: node.group,
            members: node.members,
            depth,
            has_children: !node.children.is_empty(),
            close: 0,
        });
        outline(&node.children, depth + 1, rows);
    }
    // The last leaf under this list closes it (and, through it, its parent's item).
    if depth > 0
        && !nodes.is_empty()
        && let Some(last) = rows.last_mut()
    {
        last.close += 1;
    }
}

/// A group's sector balance on the structure page.
#[derive(Serialize)]
pub struct GroupBalance<'a> {
    /// The group.
    pub group: GroupLink<'a>,
    /// Its balance.
    pub balance: Balance,
}

/// The whole partnership's structure (`page.structure`, `get_structure()`).
#[derive(Serialize)]
pub struct StructureView<'a> {
    /// How many groups.
    pub count: usize,
    /// The diagram, an accessible inline SVG.
    pub diagram: String,
    /// The same as a nested list: the diagram's text equivalent.
    pub tree: Vec<TreeNode<'a>>,
    /// The same tree in reading order, for templates without recursion.
    pub outline: Vec<OutlineRow<'a>>,
    /// Each group's sector balance.
    pub balance: Vec<GroupBalance<'a>>,
}

/// A section's member organisations by sector (`page.directory`).
#[derive(Serialize)]
pub struct DirectoryView<'a> {
    /// How many organisations.
    pub count: usize,
    /// Sectors with members, in directory order.
    pub sectors: Vec<DirectorySector<'a>>,
}

/// One sector of the directory.
#[derive(Serialize)]
pub struct DirectorySector<'a> {
    /// The sector.
    pub sector: Sector,
    /// Its label.
    pub label: &'static str,
    /// How many organisations.
    pub count: usize,
    /// The organisations, by name.
    pub organisations: Vec<OrganisationView<'a>>,
}

/// Builds views over one site.
pub struct Views<'a> {
    site: &'a Site,
    model: &'a Model,
    today: jiff::civil::Date,
}

impl<'a> Views<'a> {
    /// Views over a site's content.
    pub fn new(content: &'a Content) -> Self {
        Views {
            site: &content.site,
            model: &content.model,
            today: content.today,
        }
    }

    /// An organisation, by index.
    pub fn organisation(&self, o: usize) -> OrganisationView<'a> {
        let org = &self.model.organisations[o];
        let page = &self.site.pages[org.page];
        OrganisationView {
            id: &page.id,
            title: &page.front.title,
            path: &page.path,
            sector: org.sector,
            sector_label: org.sector.label(),
            website: org.website.as_deref(),
            email: org.email.as_deref(),
            address: &org.address,
            extra: &page.front.extra,
        }
    }

    /// An organisation's page facts, with the groups it sits on.
    pub fn organisation_page(&self, o: usize) -> OrganisationPage<'a> {
        OrganisationPage {
            org: self.organisation(o),
            seats: self.model.seats[o]
                .iter()
                .map(|seat| SeatView {
                    group: self.group_link(seat.group),
                    representative: seat.representative.as_deref(),
                    role: seat.role.as_deref(),
                })
                .collect(),
        }
    }

    /// A link to a group.
    pub fn group_link(&self, g: usize) -> GroupLink<'a> {
        let group = &self.model.groups[g];
        let page = &self.site.pages[group.page];
        GroupLink {
            id: &page.id,
            title: &page.front.title,
            path: &page.path,
            kind: group.kind,
            kind_label: group.kind.label(),
        }
    }

    /// A group's members, by sector.
    fn members_by_sector(&self, g: usize) -> Vec<SectorMembers<'a>> {
        let group = &self.model.groups[g];
        Sector::all()
            .filter_map(|sector| {
                let members: Vec<MemberView<'a>> = group
                    .members
                    .iter()
                    .filter(|m| self.model.organisations[m.org].sector == sector)
                    .map(|m| self.member(m))
                    .collect();
                (!members.is_empty()).then(|| SectorMembers {
                    sector,
                    label: sector.label(),
                    count: members.len(),
                    members,
                })
            })
            .collect()
    }

    fn member(&self, m: &'a crate::model::Member) -> MemberView<'a> {
        MemberView {
            org: self.organisation(m.org),
            representative: m.representative.as_deref(),
            role: m.role.as_deref(),
        }
    }

    /// A group's sector balance with its chart; `id` makes the chart's ids unique.
    pub fn balance(&self, g: usize, id: &str) -> Balance {
        let group = &self.model.groups[g];
        let rows: Vec<BalanceRow> = Sector::all()
            .filter_map(|sector| {
                let count = group
                    .members
                    .iter()
                    .filter(|m| self.model.organisations[m.org].sector == sector)
                    .count();
                (count > 0).then_some(BalanceRow {
                    sector,
                    label: sector.label(),
                    count,
                })
            })
            .collect();
        let total = group.members.len();
        let title = &self.site.pages[group.page].front.title;
        let bars: Vec<(&str, usize)> = rows.iter().map(|r| (r.label, r.count)).collect();
        let summary: Vec<String> = rows
            .iter()
            .map(|r| format!("{}: {}", r.label, r.count))
            .collect();
        let chart = if rows.is_empty() {
            String::new()
        } else {
            charts::bar_chart(
                id,
                &bars,
                &format!("Members of {title} by sector"),
                &format!("{total} members. {}.", summary.join("; ")),
            )
        };
        Balance { rows, total, chart }
    }

    /// A group's page facts.
    pub fn group(&self, g: usize) -> GroupView<'a> {
        let model = &self.model;
        let group = &model.groups[g];
        let page = &self.site.pages[group.page];
        GroupView {
            link: self.group_link(g),
            reports_to: group.reports_to.map(|p| self.group_link(p)),
            chair: group.chair.as_ref().map(|c| ChairView {
                name: c.name.as_deref(),
                org: c.org.map(|o| self.organisation(o)),
            }),
            members: group.members.iter().map(|m| self.member(m)).collect(),
            members_by_sector: self.members_by_sector(g),
            balance: self.balance(g, &format!("balance-{}", page.id)),
            subgroups: model.subgroups[g]
                .iter()
                .map(|&s| self.group_link(s))
                .collect(),
            meetings: self.meeting_lists(&model.group_meetings[g]),
            calendar: (!model.group_meetings[g].is_empty())
                .then(|| format!("{}meetings.ics", page.path)),
            priorities: &group.priorities,
            achievements: &group.achievements,
            approach: &group.approach,
            leads: model.leads[g]
                .iter()
                .map(|&(s, p)| {
                    let strategy = &model.strategies[s];
                    let priority = &strategy.priorities[p];
                    LedPriority {
                        title: &priority.title,
                        path: &self.site.pages[strategy.page].path,
                        anchor: &priority.id,
                    }
                })
                .collect(),
        }
    }

    /// A meeting.
    pub fn meeting(&self, m: usize) -> MeetingView<'a> {
        let meeting = &self.model.meetings[m];
        let page = &self.site.pages[meeting.page];
        MeetingView {
            title: &page.front.title,
            path: &page.path,
            group: self.group_link(meeting.group),
            start: meeting.start,
            end: meeting.end,
            location: meeting.location.as_deref(),
            status: meeting.status,
            status_label: meeting.status.label(),
            upcoming: self.is_upcoming(m),
            papers: meeting
                .papers
                .iter()
                .map(|p| PaperView {
                    title: &p.title,
                    kind: p.kind.as_str(),
                    kind_label: p.kind.label(),
                    file: attachment(&p.file),
                })
                .collect(),
        }
    }

    fn is_upcoming(&self, m: usize) -> bool {
        self.model.meetings[m].start.date >= self.today
    }

    /// Meetings split into upcoming (soonest first) and past by year (newest first).
    pub fn meeting_lists(&self, meetings: &[usize]) -> MeetingLists<'a> {
        let mut sorted = meetings.to_vec();
        sorted.sort_by_key(|&m| (self.model.meetings[m].start, m));
        let (upcoming, mut past): (Vec<usize>, Vec<usize>) =
            sorted.into_iter().partition(|&m| self.is_upcoming(m));
        past.reverse();
        let mut years: Vec<MeetingYear<'a>> = Vec::new();
        for m in past {
            let year = self.model.meetings[m].start.date.year();
            match years.last_mut() {
                Some(last) if last.year == year => last.meetings.push(self.meeting(m)),
                _ => years.push(MeetingYear {
                    year,
                    meetings: vec![self.meeting(m)],
                }),
            }
        }
        MeetingLists {
            count: meetings.len(),
            upcoming: upcoming.into_iter().map(|m| self.meeting(m)).collect(),
            past: years,
        }
    }

    /// A document's page facts.
    pub fn document(&self, d: usize) -> DocumentView<'a> {
        let document = &self.model.documents[d];
        DocumentView {
            file: attachment(&document.file),
            published: document.published,
        }
    }

    /// The strategy's page facts, with a chart per indicator.
    pub fn strategy(&self, s: usize) -> StrategyView<'a> {
        let strategy = &self.model.strategies[s];
        StrategyView {
            period: strategy.period.as_deref(),
            vision: strategy.vision.as_deref(),
            priorities: strategy
                .priorities
                .iter()
                .map(|p| PriorityView {
                    id: &p.id,
                    title: &p.title,
                    summary: p.summary.as_deref(),
                    lead: p.lead.map(|g| self.group_link(g)),
                    indicators: p
                        .indicators
                        .iter()
                        .enumerate()
                        .map(|(i, indicator)| IndicatorView {
                            indicator,
                            chart: indicator_chart(indicator, &format!("{}-{}", p.id, i + 1)),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// The structure a structure page shows: the groups under the nearest
    /// section above it (or itself) that holds any group.
    pub fn structure_for(&self, page: PageId) -> StructureView<'a> {
        let under = &self.model.groups_under;
        let scope = std::iter::once(page)
            .chain(self.site.ancestors(page).into_iter().rev())
            .find(|p| under.contains_key(p))
            .unwrap_or(self.site.home);
        self.structure(scope)
    }

    /// The structure of the groups whose pages are under the section `scope`
    /// (the home page for the whole site): diagram, nested list and balance.
    pub fn structure(&self, scope: PageId) -> StructureView<'a> {
        let model = &self.model;
        let groups: &[usize] = model.groups_under.get(&scope).map_or(&[], Vec::as_slice);
        let in_scope: std::collections::HashSet<usize> = groups.iter().copied().collect();
        let mut top: Vec<usize> = groups
            .iter()
            .copied()
            .filter(|&g| {
                model.groups[g]
                    .reports_to
                    .is_none_or(|p| !in_scope.contains(&p))
            })
            .collect();
        top.sort_by(|&a, &b| crate::model::group_order(self.site, &model.groups, a, b));
        let count = groups.len();
        fn node(views: &Views<'_>, g: usize) -> Node {
            let group = &views.model.groups[g];
            Node {
                name: views.site.pages[group.page].front.title.clone(),
                note: group.kind.label().to_owned(),
                children: views.model.subgroups[g]
                    .iter()
                    .map(|&c| node(views, c))
                    .collect(),
            }
        }
        fn tree<'a>(views: &Views<'a>, g: usize) -> TreeNode<'a> {
            TreeNode {
                group: views.group_link(g),
                members: views.model.groups[g].members.len(),
                children: views.model.subgroups[g]
                    .iter()
                    .map(|&c| tree(views, c))
                    .collect(),
            }
        }
        let roots: Vec<Node> = top.iter().map(|&g| node(self, g)).collect();
        let name = if scope == self.site.home {
            &self.site.config.partnership.name
        } else {
            &self.site.pages[scope].front.title
        };
        let diagram = if count == 0 {
            String::new()
        } else {
            charts::structure_diagram(
                "structure-diagram",
                &roots,
                &format!("The structure of {name}"),
                &format!(
                    "A diagram of the partnership's {count} groups; each group is drawn below the group it reports to. The same structure is listed as text after the diagram."
                ),
            )
        };
        let mut ordered = Vec::new();
        fn walk(model: &crate::model::Model, g: usize, out: &mut Vec<usize>) {
            out.push(g);
            for &c in &model.subgroups[g] {
                walk(model, c, out);
            }
        }
        for &g in &top {
            walk(model, g, &mut ordered);
        }
        let tree: Vec<TreeNode<'a>> = top.iter().map(|&g| tree(self, g)).collect();
        let mut rows = Vec::new();
        outline(&tree, 0, &mut rows);
        StructureView {
            count,
            diagram,
            tree,
            outline: rows,
            balance: ordered
                .into_iter()
                .map(|g| GroupBalance {
                    group: self.group_link(g),
                    balance: self.balance(
                        g,
                        &format!("balance-{}", self.site.pages[model.groups[g].page].id),
                    ),
                })
                .collect(),
        }
    }

    /// The organisations among `pages`, by sector then name.
    pub fn directory(&self, pages: &[PageId]) -> Option<DirectoryView<'a>> {
        let mut orgs: Vec<usize> = pages
            .iter()
            .filter_map(|&p| match self.model.entities.get(p) {
                Some(Entity::Organisation(o)) => Some(*o),
                _ => None,
            })
            .collect();
        if orgs.is_empty() {
            return None;
        }
        orgs.sort_by(|&a, &b| {
            let title = |o: usize| {
                &self.site.pages[self.model.organisations[o].page]
                    .front
                    .title
            };
            title(a).to_lowercase().cmp(&title(b).to_lowercase())
        });
        let sectors = Sector::all()
            .filter_map(|sector| {
                let organisations: Vec<OrganisationView<'a>> = orgs
                    .iter()
                    .filter(|&&o| self.model.organisations[o].sector == sector)
                    .map(|&o| self.organisation(o))
                    .collect();
                (!organisations.is_empty()).then(|| DirectorySector {
                    sector,
                    label: sector.label(),
                    count: organisations.len(),
                    organisations,
                })
            })
            .collect();
        Some(DirectoryView {
            count: orgs.len(),
            sectors,
        })
    }

    /// The meetings under a section, if it holds any itself.
    pub fn section_meetings(&self, section: PageId) -> Option<MeetingLists<'a>> {
        let page = &self.site.pages[section];
        let holds = page
            .children
            .iter()
            .any(|&c| matches!(self.model.entities[c], Entity::Meeting(_)));
        let meetings = self.model.meetings_under.get(&section)?;
        holds.then(|| self.meeting_lists(meetings))
    }
}

fn attachment(file: &Attachment) -> AttachmentView<'_> {
    AttachmentView {
        file,
        label: file.label(),
    }
}

/// An indicator's line chart.
fn indicator_chart(indicator: &Indicator, id: &str) -> String {
    if indicator.values.is_empty() {
        return String::new();
    }
    let labels: Vec<String> = indicator.values.iter().map(|r| r.year.clone()).collect();
    let values: Vec<f64> = indicator.values.iter().map(|r| r.value).collect();
    let unit = indicator
        .unit
        .as_deref()
        .map(|u| format!(" ({u})"))
        .unwrap_or_default();
    let mut desc: Vec<String> = indicator
        .values
        .iter()
        .map(|r| format!("{}: {}", r.year, charts::format_number(r.value)))
        .collect();
    if let Some(b) = indicator.baseline {
        desc.push(format!("baseline {}", charts::format_number(b)));
    }
    if let Some(t) = indicator.target {
        desc.push(format!("target {}", charts::format_number(t)));
    }
    charts::line_chart(
        &format!("indicator-{id}"),
        &Series {
            labels: &labels,
            values: &values,
            baseline: indicator.baseline,
            target: indicator.target,
        },
        &format!("{}{unit}", indicator.name),
        &format!("Values by year: {}.", desc.join("; ")),
    )
}
