//! Reading each kind of typed page into the model, value by value, each key
//! through its definition in `load::kind`.

use toml::Table;

use super::fields::{Fields, step};
use super::*;
use crate::load::kind::group::{chair, members};
use crate::load::kind::meeting::{agenda, attendees, declarations, papers};
use crate::load::kind::strategy::priorities::{self, indicators, indicators::values};
use crate::load::kind::{document, group, meeting, organisation, strategy};
use crate::load::site::PageId;

impl Model {
    pub(super) fn read_organisation(&mut self, f: &mut Fields<'_>, page: PageId) -> Option<Entity> {
        let table = &f.page.typed;
        let sector = f.choice::<Sector>(table, &[], &organisation::SECTOR);
        let organisation = Organisation {
            page,
            sector: sector.unwrap_or(Sector::Other),
            website: f.link(table, &[], &organisation::WEBSITE),
            email: f.text(table, &[], &organisation::EMAIL),
            // A spreadsheet cell (or a multi-line string) holds the lines in one text.
            address: f
                .texts(table, &[], &organisation::ADDRESS)
                .iter()
                .flat_map(|entry| entry.lines())
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_owned)
                .collect(),
        };
        self.organisations.push(organisation);
        Some(Entity::Organisation(self.organisations.len() - 1))
    }

    pub(super) fn read_group(&mut self, f: &mut Fields<'_>, page: PageId) -> Option<Entity> {
        let table = &f.page.typed;
        let kind = f.choice::<GroupKind>(table, &[], &group::GROUP);
        let reports_to = f
            .text(table, &[], &group::REPORTS_TO)
            .and_then(|id| self.resolve(f, &[group::REPORTS_TO.name.into()], &id, PageKind::Group));
        let chair = f.table(table, &[], &group::CHAIR).map(|chair| {
            let chair: &Table = &chair;
            let at = vec![group::CHAIR.name.to_owned()];
            Chair {
                name: f.text(chair, &at, &chair::NAME),
                org: f.text(chair, &at, &chair::ORG).and_then(|id| {
                    self.resolve(f, &step(&at, chair::ORG.name), &id, PageKind::Organisation)
                }),
            }
        });
        let mut members = Vec::new();
        for (at, entry) in f.tables(table, &[], &group::MEMBERS) {
            let entry: &Table = &entry;
            let vacant = f.boolean(entry, &at, &members::VACANT).unwrap_or(false);
            let written = f.text(entry, &at, &members::ORG);
            let org = written.as_deref().and_then(|id| {
                self.resolve(f, &step(&at, members::ORG.name), id, PageKind::Organisation)
            });
            let representative = f.text(entry, &at, &members::REPRESENTATIVE);
            if written.is_none() && !vacant {
                f.fail(
                    &at,
                    "each entry of `members` needs `org`",
                    "add `org = \"organisation-id\"`, or `vacant = true` for a seat no organisation holds yet",
                );
            }
            if vacant && let Some(name) = &representative {
                f.fail(
                    &step(&at, members::REPRESENTATIVE.name),
                    format!("a vacant seat has no representative, but `{name}` is named"),
                    "remove `vacant = true` if the seat is filled, or remove `representative`",
                );
            }
            let member = Member {
                org,
                representative,
                role: f.text(entry, &at, &members::ROLE),
                category: f.choice::<SeatCategory>(entry, &at, &members::CATEGORY),
                voting: f.boolean(entry, &at, &members::VOTING).unwrap_or(true),
                vacant,
            };
            if org.is_some() || (vacant && written.is_none()) {
                members.push(member);
            }
        }
        self.groups.push(Group {
            page,
            kind: kind.unwrap_or(GroupKind::Themed),
            reports_to,
            chair,
            members,
            priorities: f.texts(table, &[], &group::PRIORITIES),
            achievements: f.texts(table, &[], &group::ACHIEVEMENTS),
            approach: f.texts(table, &[], &group::APPROACH),
        });
        Some(Entity::Group(self.groups.len() - 1))
    }

    pub(super) fn read_meeting(
        &mut self,
        f: &mut Fields<'_>,
        page: PageId,
        files: &Files<'_>,
    ) -> Option<Entity> {
        let table = &f.page.typed;
        let group = f
            .text(table, &[], &meeting::GROUP)
            .and_then(|id| self.resolve(f, &[meeting::GROUP.name.into()], &id, PageKind::Group));
        let start = f.local_datetime(table, &[], &meeting::START);
        let end = f.local_datetime(table, &[], &meeting::END);
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            f.fail(
                &[meeting::END.name.into()],
                "the meeting ends before it starts",
                "check the dates and times of `start` and `end`",
            );
        }
        let status = f
            .choice::<MeetingStatus>(table, &[], &meeting::STATUS)
            .unwrap_or(MeetingStatus::Scheduled);
        let previous_start = f.local_datetime(table, &[], &meeting::PREVIOUS_START);
        if status == MeetingStatus::Rescheduled && previous_start.is_none() {
            f.fail(
                &[meeting::STATUS.name.into()],
                "a rescheduled meeting needs `previous_start`, the date and time it was to start",
                "add `previous_start = 2026-12-03T14:00:00`, and set `start` to the new date and time",
            );
        }
        let attendance_mode = f
            .choice::<AttendanceMode>(table, &[], &meeting::ATTENDANCE_MODE)
            .unwrap_or(AttendanceMode::InPerson);
        let mut papers = Vec::new();
        for (at, entry) in f.tables(table, &[], &meeting::PAPERS) {
            let entry: &Table = &entry;
            let title = f.text(entry, &at, &papers::TITLE);
            let kind = f
                .choice::<PaperKind>(entry, &at, &papers::KIND)
                .unwrap_or(PaperKind::Paper);
            let written = f.text(entry, &at, &papers::FILE);
            let file = written
                .as_deref()
                .and_then(|file| attach(f, files, &step(&at, papers::FILE.name), file));
            let published = f.date(entry, &at, &papers::PUBLISHED);
            if let (Some(title), Some(file), Some(written)) = (title, file, written) {
                papers.push(Paper {
                    title,
                    kind,
                    file,
                    written,
                    published,
                    withheld: false,
                });
            }
        }
        let agenda = read_agenda(f, table, &mut papers);
        let mut attendees = Vec::new();
        for (at, entry) in f.tables(table, &[], &meeting::ATTENDEES) {
            let entry: &Table = &entry;
            let org = f.text(entry, &at, &attendees::ORG).and_then(|id| {
                self.resolve(
                    f,
                    &step(&at, attendees::ORG.name),
                    &id,
                    PageKind::Organisation,
                )
            });
            let attended = f
                .choice::<Attended>(entry, &at, &attendees::ATTENDED)
                .unwrap_or(Attended::Present);
            let substitute = f.text(entry, &at, &attendees::SUBSTITUTE);
            if attended == Attended::Substitute && substitute.is_none() {
                f.fail(
                    &step(&at, attendees::ATTENDED.name),
                    "a substitute came: `substitute` names who came instead",
                    "add `substitute = \"Name of who came\"` to this entry",
                );
            }
            if let Some(representative) = f.text(entry, &at, &attendees::REPRESENTATIVE) {
                attendees.push(Attendee {
                    org,
                    representative,
                    attended,
                    substitute,
                });
            }
        }
        let mut declarations = Vec::new();
        for (at, entry) in f.tables(table, &[], &meeting::DECLARATIONS) {
            let entry: &Table = &entry;
            let representative = f.text(entry, &at, &declarations::REPRESENTATIVE);
            let interest = f.text(entry, &at, &declarations::INTEREST);
            let item = f.count(entry, &at, &declarations::ITEM);
            if let Some(number) = item
                && number > agenda.len()
            {
                f.fail(
                    &step(&at, declarations::ITEM.name),
                    format!("the agenda has no item {number}"),
                    match agenda.len() {
                        0 => "add the meeting's `agenda`: declarations name an item by its number"
                            .to_owned(),
                        n => format!("agenda items are numbered 1 to {n} in the order written"),
                    },
                );
                continue;
            }
            if let (Some(representative), Some(item), Some(interest)) =
                (representative, item, interest)
            {
                declarations.push(Declaration {
                    representative,
                    item,
                    interest,
                });
            }
        }
        let location = f.text(table, &[], &meeting::LOCATION);
        let online_url = f.link(table, &[], &meeting::ONLINE_URL);
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
            previous_start,
            attendance_mode,
            online_url,
            papers,
            agenda,
            attendees,
            declarations,
        });
        Some(Entity::Meeting(self.meetings.len() - 1))
    }

    pub(super) fn read_document(
        &mut self,
        f: &mut Fields<'_>,
        page: PageId,
        files: &Files<'_>,
    ) -> Option<Entity> {
        let table = &f.page.typed;
        let file = f
            .text(table, &[], &document::FILE)
            .and_then(|file| attach(f, files, &[document::FILE.name.into()], &file));
        let published = f
            .date(table, &[], &document::PUBLISHED)
            .or(f.page.front.date);
        self.documents.push(Document {
            page,
            file: file?,
            published,
        });
        Some(Entity::Document(self.documents.len() - 1))
    }

    pub(super) fn read_strategy(
        &mut self,
        f: &mut Fields<'_>,
        page: PageId,
        table: &Table,
    ) -> Option<Entity> {
        let mut priorities = Vec::new();
        for (at, entry) in f.tables(table, &[], &strategy::PRIORITIES) {
            let entry: &Table = &entry;
            let Some(title) = f.text(entry, &at, &priorities::TITLE) else {
                continue;
            };
            let id = f
                .text(entry, &at, &priorities::ID)
                .unwrap_or_else(|| crate::util::url::slugify(&title));
            let lead = f.text(entry, &at, &priorities::LEAD).and_then(|id| {
                self.resolve(f, &step(&at, priorities::LEAD.name), &id, PageKind::Group)
            });
            let mut indicators = Vec::new();
            for (at, entry) in f.tables(entry, &at, &priorities::INDICATORS) {
                let entry: &Table = &entry;
                let Some(name) = f.text(entry, &at, &indicators::NAME) else {
                    continue;
                };
                let mut values = Vec::new();
                for (at, reading) in f.tables(entry, &at, &indicators::VALUES) {
                    let reading: &Table = &reading;
                    let year = match reading.get(values::YEAR.name) {
                        Some(toml::Value::Integer(y)) => Some(y.to_string()),
                        Some(toml::Value::String(y)) => Some(y.trim().to_owned()),
                        _ => {
                            f.fail(
                                &step(&at, values::YEAR.name),
                                "each value needs a `year`",
                                "write year = 2016, or year = \"2016/17\" for a financial year",
                            );
                            None
                        }
                    };
                    let value = f.number(reading, &at, &values::VALUE);
                    if value.is_none() && reading.get(values::VALUE.name).is_none() {
                        f.fail(&at, "each value needs a `value`", "write value = 42");
                    }
                    if let (Some(year), Some(value)) = (year, value) {
                        values.push(Reading { year, value });
                    }
                }
                indicators.push(Indicator {
                    name,
                    unit: f.text(entry, &at, &indicators::UNIT),
                    baseline: f.number(entry, &at, &indicators::BASELINE),
                    target: f.number(entry, &at, &indicators::TARGET),
                    values,
                });
            }
            priorities.push(Priority {
                id,
                title,
                summary: f.text(entry, &at, &priorities::SUMMARY),
                lead,
                indicators,
            });
        }
        self.strategies.push(Strategy {
            page,
            period: f.text(table, &[], &strategy::PERIOD),
            vision: f.text(table, &[], &strategy::VISION),
            priorities,
        });
        Some(Entity::Strategy(self.strategies.len() - 1))
    }
}

/// A meeting's agenda; the papers of its exempt items are marked withheld.
fn read_agenda(f: &mut Fields<'_>, table: &Table, papers: &mut [Paper]) -> Vec<AgendaItem> {
    let mut agenda = Vec::new();
    for (at, entry) in f.tables(table, &[], &meeting::AGENDA) {
        let entry: &Table = &entry;
        let exempt = f.boolean(entry, &at, &agenda::EXEMPT).unwrap_or(false);
        let mut named = Vec::new();
        for (i, file) in f.texts(entry, &at, &agenda::PAPERS).into_iter().enumerate() {
            match papers.iter().position(|p| p.written == file) {
                Some(p) => named.push(p),
                None => {
                    let known: Vec<&str> = papers.iter().map(|p| p.written.as_str()).collect();
                    let hint = match crate::diagnostic::nearest(&file, known.iter().copied()) {
                        Some(best) => format!(
                            "did you mean `{best}`? an item names files of the meeting's `papers`"
                        ),
                        None => format!(
                            "add `{{ title = \"...\", file = \"{file}\" }}` to the meeting's `papers`; an item names files of that list"
                        ),
                    };
                    f.fail(
                        &step(&step(&at, agenda::PAPERS.name), i),
                        format!("the meeting has no paper `{file}`"),
                        hint,
                    );
                }
            }
        }
        if exempt {
            for &p in &named {
                papers[p].withheld = true;
            }
        }
        if let Some(title) = f.text(entry, &at, &agenda::TITLE) {
            agenda.push(AgendaItem {
                title,
                papers: named,
                exempt,
                decision: f.text(entry, &at, &agenda::DECISION),
            });
        }
    }
    agenda
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
