//! Views of groups: members by sector, the sector balance, chairs, seats.

use serde::Serialize;

use super::{GroupLink, MeetingLists, OrganisationView, Views};
use crate::model::{SeatCategory, Sector};
use crate::render::charts;

/// A seat on a group.
#[derive(Serialize)]
pub(crate) struct MemberView<'a> {
    /// The organisation; `None` for a vacant seat no organisation holds.
    pub(crate) org: Option<OrganisationView<'a>>,
    /// Who represents it.
    pub(crate) representative: Option<&'a str>,
    /// Their role.
    pub(crate) role: Option<&'a str>,
    /// The kind of seat, as written, if said.
    pub(crate) category: Option<SeatCategory>,
    /// The kind of seat in words: "Invited participant".
    pub(crate) category_label: Option<&'a str>,
    /// Whether the seat has a vote.
    pub(crate) voting: bool,
    /// Whether the seat stands vacant.
    pub(crate) vacant: bool,
}

/// Members of one sector.
#[derive(Serialize)]
pub(crate) struct SectorMembers<'a> {
    /// The sector.
    pub(crate) sector: Sector,
    /// Its label.
    pub(crate) label: &'a str,
    /// How many members.
    pub(crate) count: usize,
    /// The members.
    pub(crate) members: Vec<MemberView<'a>>,
}

/// How many members each sector has on a group.
#[derive(Serialize)]
pub(crate) struct Balance<'a> {
    /// One row per sector with members: `{ sector, label, count }`.
    pub(crate) rows: Vec<BalanceRow<'a>>,
    /// All members: distinct organisations in filled seats (one holding two seats counts once).
    pub(crate) total: usize,
    /// Filled seats (an organisation with two seats counts twice).
    pub(crate) seats: usize,
    /// Seats standing vacant (not counted as organisations).
    pub(crate) vacant: usize,
    /// The rows as an accessible SVG bar chart.
    pub(crate) chart: String,
}

/// One sector's count.
#[derive(Serialize)]
pub(crate) struct BalanceRow<'a> {
    /// The sector.
    pub(crate) sector: Sector,
    /// Its label.
    pub(crate) label: &'a str,
    /// Its member organisations, each counted once.
    pub(crate) count: usize,
}

/// Who chairs a group.
#[derive(Serialize)]
pub(crate) struct ChairView<'a> {
    /// The chair's name.
    pub(crate) name: Option<&'a str>,
    /// Their organisation.
    pub(crate) org: Option<OrganisationView<'a>>,
}

/// A strategy priority a group leads.
#[derive(Serialize)]
pub(crate) struct LedPriority<'a> {
    /// The priority's title.
    pub(crate) title: &'a str,
    /// The strategy page's site path.
    pub(crate) path: &'a str,
    /// The priority's anchor on that page.
    pub(crate) anchor: &'a str,
}

/// A group's page facts (`page.group`, `get_group(id=...)`).
#[derive(Serialize)]
pub(crate) struct GroupView<'a> {
    /// Id, title, path and kind.
    #[serde(flatten)]
    pub(crate) link: GroupLink<'a>,
    /// The group it reports to.
    pub(crate) reports_to: Option<GroupLink<'a>>,
    /// Its chair.
    pub(crate) chair: Option<ChairView<'a>>,
    /// Members as written.
    pub(crate) members: Vec<MemberView<'a>>,
    /// Whether any seat names its representative or stands vacant (else the
    /// members table leaves out the representative column).
    pub(crate) names_representatives: bool,
    /// Members grouped by sector, in directory order (seats an organisation holds).
    pub(crate) members_by_sector: Vec<SectorMembers<'a>>,
    /// Vacant seats no organisation holds yet.
    pub(crate) vacancies: Vec<MemberView<'a>>,
    /// Sector balance, with a chart.
    pub(crate) balance: Balance<'a>,
    /// Groups reporting to it.
    pub(crate) subgroups: Vec<GroupLink<'a>>,
    /// Its meetings.
    pub(crate) meetings: MeetingLists<'a>,
    /// Its iCalendar feed's site path, when it has meetings.
    pub(crate) calendar: Option<String>,
    /// What it is working on.
    pub(crate) priorities: &'a [String],
    /// What it has done.
    pub(crate) achievements: &'a [String],
    /// How it will do it.
    pub(crate) approach: &'a [String],
    /// Strategy priorities it leads.
    pub(crate) leads: Vec<LedPriority<'a>>,
}

/// An organisation's page facts (`page.organisation`, `get_organisation(id=...)`).
#[derive(Serialize)]
pub(crate) struct OrganisationPage<'a> {
    /// The organisation.
    #[serde(flatten)]
    pub(crate) org: OrganisationView<'a>,
    /// The groups it sits on.
    pub(crate) seats: Vec<SeatView<'a>>,
}

/// A group an organisation sits on.
#[derive(Serialize)]
pub(crate) struct SeatView<'a> {
    /// The group.
    pub(crate) group: GroupLink<'a>,
    /// Who represents the organisation.
    pub(crate) representative: Option<&'a str>,
    /// Their role.
    pub(crate) role: Option<&'a str>,
    /// The kind of seat in words, if said.
    pub(crate) category_label: Option<&'a str>,
    /// Whether it has a vote.
    pub(crate) voting: bool,
    /// Whether it stands vacant.
    pub(crate) vacant: bool,
}
impl<'a> Views<'a> {
    /// A group's members, by sector.
    fn members_by_sector(&self, g: usize) -> Vec<SectorMembers<'a>> {
        let group = &self.model.groups[g];
        Sector::all()
            .filter_map(|sector| {
                let members: Vec<MemberView<'a>> = group
                    .members
                    .iter()
                    .filter(|m| {
                        m.org
                            .is_some_and(|o| self.model.organisations[o].sector == sector)
                    })
                    .map(|m| self.member(m))
                    .collect();
                (!members.is_empty()).then(|| SectorMembers {
                    sector,
                    label: self.words.get(sector.word_key()),
                    count: members.len(),
                    members,
                })
            })
            .collect()
    }

    fn member(&self, m: &'a crate::model::Member) -> MemberView<'a> {
        MemberView {
            org: m.org.map(|o| self.organisation(o)),
            representative: m.representative.as_deref(),
            role: m.role.as_deref(),
            category: m.category,
            category_label: m.category.map(|c| self.words.get(c.word_key())),
            voting: m.voting,
            vacant: m.vacant,
        }
    }

    /// A group's sector balance with its chart; `id` makes the chart's ids unique.
    pub(crate) fn balance(&self, g: usize, id: &str) -> Balance<'a> {
        let group = &self.model.groups[g];
        let filled = group.organisations();
        let seats = group
            .members
            .iter()
            .filter_map(crate::model::Member::filled_by)
            .count();
        let rows: Vec<BalanceRow<'a>> = Sector::all()
            .filter_map(|sector| {
                let count = filled
                    .iter()
                    .filter(|&&o| self.model.organisations[o].sector == sector)
                    .count();
                (count > 0).then_some(BalanceRow {
                    sector,
                    label: self.words.get(sector.word_key()),
                    count,
                })
            })
            .collect();
        let total: usize = rows.iter().map(|r| r.count).sum();
        let vacant = group.members.iter().filter(|m| m.vacant).count();
        let title = &self.site.pages[group.page].front.title;
        let bars: Vec<(&str, usize)> = rows.iter().map(|r| (r.label, r.count)).collect();
        let summary: Vec<String> = rows
            .iter()
            .map(|r| {
                self.words.fill(
                    "chart_row",
                    &[("label", r.label), ("count", &r.count.to_string())],
                )
            })
            .collect();
        let chart = if rows.is_empty() {
            String::new()
        } else {
            charts::bar_chart(
                id,
                &bars,
                &self.words.fill("chart_balance_title", &[("name", title)]),
                &self.words.fill(
                    "chart_balance_description",
                    &[("count", &total.to_string()), ("rows", &summary.join("; "))],
                ),
            )
        };
        Balance {
            rows,
            total,
            seats,
            vacant,
            chart,
        }
    }

    /// A group's page facts.
    pub(crate) fn group(&self, g: usize) -> GroupView<'a> {
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
            names_representatives: group
                .members
                .iter()
                .any(|m| m.vacant || m.representative.is_some()),
            members_by_sector: self.members_by_sector(g),
            vacancies: group
                .members
                .iter()
                .filter(|m| m.org.is_none())
                .map(|m| self.member(m))
                .collect(),
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
}
