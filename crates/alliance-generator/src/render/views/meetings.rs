//! Views of meetings: their papers, and lists of upcoming and past meetings.

use serde::Serialize;

use super::{GroupLink, Views};
use crate::date::SiteDate;
use crate::load::site::PageId;
use crate::model::{
    AgendaItem, Attachment, AttendanceMode, Attended, Attendee, Entity, Meeting, MeetingStatus,
    Paper,
};
use crate::render::words::Words;

/// A file to download: `{ path, format, media_type, bytes, size, label }`.
#[derive(Serialize)]
pub(crate) struct AttachmentView<'a> {
    /// The file.
    #[serde(flatten)]
    pub(crate) file: &'a Attachment,
    /// "PDF, 1.2 MB".
    pub(crate) label: String,
}

/// A meeting paper.
#[derive(Serialize)]
pub(crate) struct PaperView<'a> {
    /// Its title.
    pub(crate) title: &'a str,
    /// `agenda`, `minutes`, `paper`.
    pub(crate) kind: &'static str,
    /// "Agenda".
    pub(crate) kind_label: &'a str,
    /// The file.
    pub(crate) file: AttachmentView<'a>,
}

/// A meeting (`page.meeting`, and in every meeting list).
#[derive(Serialize)]
pub(crate) struct MeetingView<'a> {
    /// Its page's title.
    pub(crate) title: &'a str,
    /// Its page's site path.
    pub(crate) path: &'a str,
    /// The group meeting.
    pub(crate) group: GroupLink<'a>,
    /// When it starts.
    pub(crate) start: SiteDate,
    /// When it ends.
    pub(crate) end: Option<SiteDate>,
    /// Whether it ends on a later day than it starts (past midnight, or over several days).
    pub(crate) ends_later_day: bool,
    /// Where.
    pub(crate) location: Option<&'a str>,
    /// `scheduled`, `held`, `cancelled`, `postponed`, `rescheduled`.
    pub(crate) status: MeetingStatus,
    /// "Cancelled"; "Not held" for a meeting after the partnership closed.
    pub(crate) status_label: &'a str,
    /// The status in words: "Rescheduled from 3 December 2026".
    pub(crate) status_text: String,
    /// The status in words when it is news (not for a scheduled or held
    /// meeting): what lists flag beside the meeting.
    pub(crate) notice: Option<String>,
    /// Set when the partnership closed before the meeting's date: it was not held.
    pub(crate) not_held: bool,
    /// The date and time it was to start before it was rescheduled.
    pub(crate) previous_start: Option<SiteDate>,
    /// Whether it is still to come.
    pub(crate) upcoming: bool,
    /// `in-person`, `online`, `hybrid`.
    pub(crate) attendance_mode: AttendanceMode,
    /// "In person and online".
    pub(crate) attendance_label: &'a str,
    /// Where people join online.
    pub(crate) online_url: Option<&'a str>,
    /// Its published papers (never those of exempt items).
    pub(crate) papers: Vec<PaperView<'a>>,
    /// The agenda, numbered.
    pub(crate) agenda: Vec<AgendaItemView<'a>>,
    /// Who came, and who sent apologies.
    pub(crate) attendance: Option<AttendanceView<'a>>,
    /// Interests declared, in the order written.
    pub(crate) declarations: Vec<DeclarationView<'a>>,
}

/// An agenda item.
#[derive(Serialize)]
pub(crate) struct AgendaItemView<'a> {
    /// Its number, from 1.
    pub(crate) number: usize,
    /// The id of its element on the meeting page: `item-3`.
    pub(crate) anchor: String,
    /// Its title.
    pub(crate) title: &'a str,
    /// Whether it is taken in private.
    pub(crate) exempt: bool,
    /// Its papers, if published (an exempt item's papers never are).
    pub(crate) papers: Vec<PaperView<'a>>,
    /// How many papers of an exempt item are not for publication.
    pub(crate) withheld: usize,
    /// What was decided.
    pub(crate) decision: Option<&'a str>,
}

/// Someone expected at a meeting.
#[derive(Serialize)]
pub(crate) struct AttendeeView<'a> {
    /// Who.
    pub(crate) representative: &'a str,
    /// Their organisation's name.
    pub(crate) org: Option<&'a str>,
    /// Their organisation's page.
    pub(crate) org_path: Option<&'a str>,
    /// For a substitute: who came instead.
    pub(crate) substitute: Option<&'a str>,
}

/// Attendance, as moderngov lists it.
#[derive(Serialize)]
pub(crate) struct AttendanceView<'a> {
    /// Present.
    pub(crate) present: Vec<AttendeeView<'a>>,
    /// Sent apologies.
    pub(crate) apologies: Vec<AttendeeView<'a>>,
    /// Absent.
    pub(crate) absent: Vec<AttendeeView<'a>>,
    /// Sent a substitute (`substitute` names who came).
    pub(crate) substitutes: Vec<AttendeeView<'a>>,
}

/// A declaration of interest.
#[derive(Serialize)]
pub(crate) struct DeclarationView<'a> {
    /// Who declared it.
    pub(crate) representative: &'a str,
    /// The agenda item's number.
    pub(crate) item: usize,
    /// The agenda item's title.
    pub(crate) item_title: &'a str,
    /// The agenda item's anchor on the page.
    pub(crate) anchor: String,
    /// The interest.
    pub(crate) interest: &'a str,
}

/// Meetings to come, then past ones by year.
#[derive(Serialize)]
pub(crate) struct MeetingLists<'a> {
    /// How many in all.
    pub(crate) count: usize,
    /// Meetings from today on, soonest first.
    pub(crate) upcoming: Vec<MeetingView<'a>>,
    /// Past meetings by year, newest year first, newest first within it.
    pub(crate) past: Vec<MeetingYear<'a>>,
}

impl MeetingLists<'_> {
    /// How many past meetings the lists hold.
    pub(crate) fn past_count(&self) -> usize {
        self.past.iter().map(|year| year.meetings.len()).sum()
    }

    /// Keeps only the past meetings in `range` (counted newest first), still by year.
    pub(crate) fn keep_past(&mut self, range: std::ops::Range<usize>) {
        let mut at = 0;
        for year in &mut self.past {
            let start = range.start.clamp(at, at + year.meetings.len()) - at;
            let end = range.end.clamp(at, at + year.meetings.len()) - at;
            at += year.meetings.len();
            year.meetings.truncate(end);
            year.meetings.drain(..start);
        }
        self.past.retain(|year| !year.meetings.is_empty());
    }
}

/// Past meetings of one year.
#[derive(Serialize)]
pub(crate) struct MeetingYear<'a> {
    /// The year.
    pub(crate) year: i16,
    /// Its meetings.
    pub(crate) meetings: Vec<MeetingView<'a>>,
}
impl<'a> Views<'a> {
    /// A meeting.
    pub(crate) fn meeting(&self, m: usize) -> MeetingView<'a> {
        let meeting = &self.model.meetings[m];
        let page = &self.site.pages[meeting.page];
        let closed = self.site.config.closed_on();
        let not_held = closed.is_some_and(|c| meeting.start.date > c)
            && meeting.status != MeetingStatus::Cancelled;
        let words = self.words;
        let dates = words.dates();
        let not_held_label = words.get("meeting_status_not_held");
        let status_text = match (meeting.status, &meeting.previous_start) {
            _ if not_held => match &self.site.config.partnership.closed {
                Some(c) => words.fill(
                    "meeting_status_not_held_closed",
                    &[("date", &c.long_in(&dates))],
                ),
                None => not_held_label.to_owned(),
            },
            (MeetingStatus::Rescheduled, Some(previous)) => words.fill(
                "meeting_status_rescheduled_from",
                &[("date", &previous.long_in(&dates))],
            ),
            (status, _) => words.get(status.word_key()).to_owned(),
        };
        let notice = match meeting.status {
            _ if not_held => Some(not_held_label.to_owned()),
            MeetingStatus::Scheduled | MeetingStatus::Held => None,
            _ => Some(status_text.clone()),
        };
        MeetingView {
            title: &page.front.title,
            path: &page.path,
            group: self.group_link(meeting.group),
            start: meeting.start,
            end: meeting.end,
            ends_later_day: meeting.end.is_some_and(|e| e.date > meeting.start.date),
            location: meeting.location.as_deref(),
            status: meeting.status,
            status_label: if not_held {
                not_held_label
            } else {
                words.get(meeting.status.word_key())
            },
            status_text,
            notice,
            not_held,
            previous_start: meeting.previous_start,
            upcoming: self.is_upcoming(m),
            attendance_mode: meeting.attendance_mode,
            attendance_label: words.get(meeting.attendance_mode.word_key()),
            online_url: meeting.online_url.as_deref(),
            papers: meeting
                .papers
                .iter()
                .filter(|p| !p.withheld)
                .map(|p| paper(p, words))
                .collect(),
            agenda: meeting
                .agenda
                .iter()
                .enumerate()
                .map(|(i, item)| agenda_item(meeting, i, item, words))
                .collect(),
            attendance: self.attendance(meeting),
            declarations: meeting
                .declarations
                .iter()
                .filter_map(|d| {
                    let item = meeting.agenda.get(d.item - 1)?;
                    Some(DeclarationView {
                        representative: &d.representative,
                        item: d.item,
                        item_title: &item.title,
                        anchor: item_anchor(d.item),
                        interest: &d.interest,
                    })
                })
                .collect(),
        }
    }

    /// Who was expected at a meeting, by whether they came; `None` if not recorded.
    fn attendance(&self, meeting: &'a Meeting) -> Option<AttendanceView<'a>> {
        if meeting.attendees.is_empty() {
            return None;
        }
        let who = |attended: Attended| -> Vec<AttendeeView<'a>> {
            meeting
                .attendees
                .iter()
                .filter(|a| a.attended == attended)
                .map(|a: &'a Attendee| {
                    let org = a
                        .org
                        .map(|o| &self.site.pages[self.model.organisations[o].page]);
                    AttendeeView {
                        representative: &a.representative,
                        org: org.map(|p| p.front.title.as_str()),
                        org_path: org.map(|p| p.path.as_str()),
                        substitute: a.substitute.as_deref(),
                    }
                })
                .collect()
        };
        Some(AttendanceView {
            present: who(Attended::Present),
            apologies: who(Attended::Apologies),
            absent: who(Attended::Absent),
            substitutes: who(Attended::Substitute),
        })
    }

    /// Whether a meeting is still to come: never once the partnership has closed.
    fn is_upcoming(&self, m: usize) -> bool {
        self.site.config.closed_on().is_none() && self.model.meetings[m].start.date >= self.today
    }

    /// Meetings split into upcoming (soonest first) and past by year (newest first).
    /// The next upcoming meeting of the whole site, for the home page.
    pub(crate) fn next_meeting(&self) -> Option<MeetingView<'a>> {
        (0..self.model.meetings.len())
            .filter(|&m| self.is_upcoming(m))
            .min_by_key(|&m| (self.model.meetings[m].start, m))
            .map(|m| self.meeting(m))
    }

    pub(crate) fn meeting_lists(&self, meetings: &[usize]) -> MeetingLists<'a> {
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

    /// Every meeting under a section, however deep (`meetings/2026/...`).
    /// The home page lists them only if it holds meetings itself: below it
    /// is the whole site.
    pub(crate) fn section_meetings(&self, section: PageId) -> Option<MeetingLists<'a>> {
        let meetings = self.model.meetings_under.get(&section)?;
        if section == self.site.home {
            let page = &self.site.pages[section];
            let holds = page
                .children
                .iter()
                .any(|&c| matches!(self.model.entities[c], Entity::Meeting(_)));
            if !holds {
                return None;
            }
        }
        Some(self.meeting_lists(meetings))
    }
}

fn paper<'a>(p: &'a Paper, words: &'a Words) -> PaperView<'a> {
    PaperView {
        title: &p.title,
        kind: p.kind.as_str(),
        kind_label: words.get(p.kind.word_key()),
        file: attachment(&p.file, words),
    }
}

/// The id of agenda item `number`'s element on the meeting page.
fn item_anchor(number: usize) -> String {
    format!("item-{number}")
}

fn agenda_item<'a>(
    meeting: &'a Meeting,
    i: usize,
    item: &'a AgendaItem,
    words: &'a Words,
) -> AgendaItemView<'a> {
    let papers = item.papers.iter().map(|&p| &meeting.papers[p]);
    AgendaItemView {
        number: i + 1,
        anchor: item_anchor(i + 1),
        title: &item.title,
        exempt: item.exempt,
        papers: papers
            .clone()
            .filter(|p| !p.withheld)
            .map(|p| paper(p, words))
            .collect(),
        withheld: papers.filter(|p| p.withheld).count(),
        decision: item.decision.as_deref(),
    }
}

pub(super) fn attachment<'a>(file: &'a Attachment, words: &Words) -> AttachmentView<'a> {
    // Sizes in KB and MB read the same in every language; "bytes" does not.
    let size = if file.bytes < 1024 {
        words.fill("file_bytes", &[("count", &file.bytes.to_string())])
    } else {
        file.size.clone()
    };
    AttachmentView {
        file,
        label: words.fill(
            "attachment",
            &[("format", words.file_format(file.format)), ("size", &size)],
        ),
    }
}
