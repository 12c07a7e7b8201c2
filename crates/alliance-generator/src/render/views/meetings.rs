//! Views of meetings: their papers, and lists of upcoming and past meetings.

use serde::Serialize;

use super::{GroupLink, Views};
use crate::date::SiteDate;
use crate::load::site::PageId;
use crate::model::{Attachment, Entity, MeetingStatus};

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
impl<'a> Views<'a> {
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

    /// Every meeting under a section, however deep (`meetings/2026/...`).
    /// The home page lists them only if it holds meetings itself: below it
    /// is the whole site.
    pub fn section_meetings(&self, section: PageId) -> Option<MeetingLists<'a>> {
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

pub(super) fn attachment(file: &Attachment) -> AttachmentView<'_> {
    AttachmentView {
        file,
        label: file.label(),
    }
}
