//! Reading each kind of typed page into the model, value by value.

use toml::Table;

use super::fields::{Fields, step};
use super::*;
use crate::load::site::PageId;

impl Model {
    pub(super) fn read_organisation(&mut self, f: &mut Fields<'_>, page: PageId) -> Option<Entity> {
        let table = &f.page.typed;
        let sector = f.choice::<Sector>(table, &[], "sector");
        let organisation = Organisation {
            page,
            sector: sector.unwrap_or(Sector::Other),
            website: f.link(table, &[], "website"),
            email: f.text(table, &[], "email"),
            // A spreadsheet cell (or a multi-line string) holds the lines in one text.
            address: f
                .texts(table, &[], "address")
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
            let vacant = f.boolean(entry, &at, "vacant").unwrap_or(false);
            let written = f.text(entry, &at, "org");
            let org = written
                .as_deref()
                .and_then(|id| self.resolve(f, &step(&at, "org"), id, PageKind::Organisation));
            let representative = f.text(entry, &at, "representative");
            if written.is_none() && !vacant {
                f.fail(
                    &at,
                    "each entry of `members` needs `org`",
                    "add `org = \"organisation-id\"`, or `vacant = true` for a seat no organisation holds yet",
                );
            }
            if vacant && let Some(name) = &representative {
                f.fail(
                    &step(&at, "representative"),
                    format!("a vacant seat has no representative, but `{name}` is named"),
                    "remove `vacant = true` if the seat is filled, or remove `representative`",
                );
            }
            let member = Member {
                org,
                representative,
                role: f.text(entry, &at, "role"),
                category: f.choice::<SeatCategory>(entry, &at, "category"),
                voting: f.boolean(entry, &at, "voting").unwrap_or(true),
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
            priorities: f.texts(table, &[], "priorities"),
            achievements: f.texts(table, &[], "achievements"),
            approach: f.texts(table, &[], "approach"),
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
        let previous_start = f.local_datetime(table, &[], "previous_start");
        if status == MeetingStatus::Rescheduled && previous_start.is_none() {
            f.fail(
                &["status".into()],
                "a rescheduled meeting needs `previous_start`, the date and time it was to start",
                "add `previous_start = 2026-12-03T14:00:00`, and set `start` to the new date and time",
            );
        }
        let attendance_mode = f
            .choice::<AttendanceMode>(table, &[], "attendance_mode")
            .unwrap_or(AttendanceMode::InPerson);
        let mut papers = Vec::new();
        for (at, entry) in f.tables(table, &[], "papers") {
            let entry: &Table = &entry;
            let title = f.text(entry, &at, "title");
            let kind = f
                .choice::<PaperKind>(entry, &at, "kind")
                .unwrap_or(PaperKind::Paper);
            let written = f.text(entry, &at, "file");
            let file = written
                .as_deref()
                .and_then(|file| attach(f, files, &step(&at, "file"), file));
            let published = f.date(entry, &at, "published");
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
        for (at, entry) in f.tables(table, &[], "attendees") {
            let entry: &Table = &entry;
            let org = f
                .text(entry, &at, "org")
                .and_then(|id| self.resolve(f, &step(&at, "org"), &id, PageKind::Organisation));
            let attended = f
                .choice::<Attended>(entry, &at, "attended")
                .unwrap_or(Attended::Present);
            let substitute = f.text(entry, &at, "substitute");
            if attended == Attended::Substitute && substitute.is_none() {
                f.fail(
                    &step(&at, "attended"),
                    "a substitute came: `substitute` names who came instead",
                    "add `substitute = \"Name of who came\"` to this entry",
                );
            }
            if let Some(representative) = f.text(entry, &at, "representative") {
                attendees.push(Attendee {
                    org,
                    representative,
                    attended,
                    substitute,
                });
            }
        }
        let mut declarations = Vec::new();
        for (at, entry) in f.tables(table, &[], "declarations") {
            let entry: &Table = &entry;
            let representative = f.text(entry, &at, "representative");
            let interest = f.text(entry, &at, "interest");
            let item = f.count(entry, &at, "item");
            if let Some(number) = item
                && number > agenda.len()
            {
                f.fail(
                    &step(&at, "item"),
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
        let location = f.text(table, &[], "location");
        let online_url = f.link(table, &[], "online_url");
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

    pub(super) fn read_strategy(
        &mut self,
        f: &mut Fields<'_>,
        page: PageId,
        table: &Table,
    ) -> Option<Entity> {
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
}

/// A meeting's agenda; the papers of its exempt items are marked withheld.
fn read_agenda(f: &mut Fields<'_>, table: &Table, papers: &mut [Paper]) -> Vec<AgendaItem> {
    let mut agenda = Vec::new();
    for (at, entry) in f.tables(table, &[], "agenda") {
        let entry: &Table = &entry;
        let exempt = f.boolean(entry, &at, "exempt").unwrap_or(false);
        let mut named = Vec::new();
        for (i, file) in f.texts(entry, &at, "papers").into_iter().enumerate() {
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
                        &step(&step(&at, "papers"), i),
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
        if let Some(title) = f.text(entry, &at, "title") {
            agenda.push(AgendaItem {
                title,
                papers: named,
                exempt,
                decision: f.text(entry, &at, "decision"),
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
