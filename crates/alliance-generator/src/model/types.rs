//! The partnership's things and the fixed lists their values come from.

use serde::{Serialize, Serializer};

use super::Attachment;
use super::fields::Choice;
use crate::date::SiteDate;
use crate::load::site::PageId;

/// Declares a fixed list of values with the text written in front matter and
/// the label shown to readers.
macro_rules! choice {
    ($(#[$doc:meta])* $name:ident ($list:literal) { $($variant:ident = $text:literal, $label:literal;)* }
     $(also { $($word:literal => $value:literal,)* })?) => {
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

            /// The key of its label among the theme's words (`sector_public`).
            pub fn word_key(self) -> &'static str {
                match self { $(Self::$variant => concat!($list, "_", $text),)* }
            }
        }

        impl Choice for $name {
            const ALL: &'static [(&'static str, Self)] = &[$(($text, Self::$variant),)*];
            const ALSO: &'static [(&'static str, &'static str)] = &[$($(($word, $value),)*)?];
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
    Sector ("sector") {
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
    also {
        "nhs" => "health", "ccg" => "health", "icb" => "health", "hospital" => "health",
        "trust" => "health", "gp" => "health", "constabulary" => "police",
        "council" => "public", "county council" => "public", "local authority" => "public",
        "charity" => "voluntary", "vcs" => "voluntary", "vcse" => "voluntary",
        "community" => "voluntary", "school" => "education", "college" => "education",
        "university" => "education", "chamber" => "business", "chamber of commerce" => "business",
        "housing association" => "housing", "church" => "faith", "mosque" => "faith",
        "temple" => "faith", "synagogue" => "faith", "gurdwara" => "faith",
    }
}

choice! {
    /// What kind of body a group is.
    GroupKind ("group_kind") {
        Executive = "executive", "Executive";
        Management = "management", "Management group";
        Themed = "themed", "Themed partnership";
        TaskAndFinish = "task-and-finish", "Task-and-finish group";
        Local = "local", "Local partnership";
    }
}

choice! {
    /// Whether a meeting is to happen, happened, was put off or called off.
    MeetingStatus ("meeting_status") {
        Scheduled = "scheduled", "Scheduled";
        Held = "held", "Held";
        Cancelled = "cancelled", "Cancelled";
        Postponed = "postponed", "Postponed";
        Rescheduled = "rescheduled", "Rescheduled";
    }
}

choice! {
    /// How people attend a meeting.
    AttendanceMode ("attendance_mode") {
        InPerson = "in-person", "In person";
        Online = "online", "Online";
        Hybrid = "hybrid", "In person and online";
    }
}

choice! {
    /// Whether a member came to a meeting.
    Attended ("attended") {
        Present = "present", "Present";
        Apologies = "apologies", "Apologies";
        Absent = "absent", "Absent";
        Substitute = "substitute", "Substitute";
    }
}

choice! {
    /// The kind of seat an organisation holds on a group.
    SeatCategory ("seat_category") {
        Statutory = "statutory", "Statutory member";
        Invited = "invited", "Invited participant";
        CoOpted = "co-opted", "Co-opted member";
        Advisory = "advisory", "Advisory member";
        Observer = "observer", "Observer";
        Officer = "officer", "Officer";
    }
}

choice! {
    /// What a meeting paper is.
    PaperKind ("paper_kind") {
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

/// A seat on a group, held by an organisation or standing vacant.
#[derive(Debug, Clone)]
pub struct Member {
    /// The organisation (index into [`Model::organisations`]); `None` for a
    /// vacant seat no organisation holds yet.
    pub org: Option<usize>,
    /// The person who represents it.
    pub representative: Option<String>,
    /// Their role on the group ("Vice-chair", "Advisory, non-voting").
    pub role: Option<String>,
    /// The kind of seat (statutory, invited...), if said.
    pub category: Option<SeatCategory>,
    /// Whether the seat has a vote (true unless `voting = false`).
    pub voting: bool,
    /// Whether the seat stands vacant.
    pub vacant: bool,
}

impl Member {
    /// The organisation filling the seat: `None` when the seat is vacant.
    pub fn filled_by(&self) -> Option<usize> {
        if self.vacant { None } else { self.org }
    }
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

impl Group {
    /// The organisations in its filled seats, each once however many seats it holds.
    pub fn organisations(&self) -> std::collections::BTreeSet<usize> {
        self.members.iter().filter_map(Member::filled_by).collect()
    }
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
    /// The file's name as the page writes it (agenda items name papers by it).
    pub written: String,
    /// When it was published (made open to inspection).
    pub published: Option<SiteDate>,
    /// Whether an exempt agenda item names it: then it is never published.
    pub withheld: bool,
}

/// An item of a meeting's agenda.
#[derive(Debug, Clone)]
pub struct AgendaItem {
    /// Its title.
    pub title: String,
    /// Its papers (indices into [`Meeting::papers`]).
    pub papers: Vec<usize>,
    /// Whether it is taken in private (its papers are not published).
    pub exempt: bool,
    /// What was decided.
    pub decision: Option<String>,
}

/// Who was expected at a meeting, and whether they came.
#[derive(Debug, Clone)]
pub struct Attendee {
    /// Their organisation.
    pub org: Option<usize>,
    /// Who they are.
    pub representative: String,
    /// Present, apologies, absent or substitute.
    pub attended: Attended,
    /// Who came instead, for a substitute.
    pub substitute: Option<String>,
}

/// An interest declared at a meeting.
#[derive(Debug, Clone)]
pub struct Declaration {
    /// Who declared it.
    pub representative: String,
    /// The agenda item's number (from 1).
    pub item: usize,
    /// The interest.
    pub interest: String,
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
    /// Scheduled, held, cancelled, postponed or rescheduled.
    pub status: MeetingStatus,
    /// The date and time it was to start before it was rescheduled.
    pub previous_start: Option<SiteDate>,
    /// In person, online or both.
    pub attendance_mode: AttendanceMode,
    /// Where people join online.
    pub online_url: Option<String>,
    /// Agenda, minutes and papers.
    pub papers: Vec<Paper>,
    /// The agenda, item by item (numbered from 1).
    pub agenda: Vec<AgendaItem>,
    /// Who was expected and whether they came.
    pub attendees: Vec<Attendee>,
    /// Interests declared.
    pub declarations: Vec<Declaration>,
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
    /// The kind of seat.
    pub category: Option<SeatCategory>,
    /// Whether it has a vote.
    pub voting: bool,
    /// Whether it stands vacant.
    pub vacant: bool,
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
