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
        pub(crate) enum $name {
            $(#[doc = $label] $variant,)*
        }

        impl $name {
            /// The value as written in front matter.
            pub(crate) fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $text,)* }
            }

            /// The value as readers see it.
            pub(crate) fn label(self) -> &'static str {
                match self { $(Self::$variant => $label,)* }
            }

            /// The key of its label among the theme's words (`sector_public`).
            #[allow(dead_code, reason = "made for every list; the meeting template heads its attendance lists with words of its own, so `Attended`'s is not read")]
            pub(crate) fn word_key(self) -> &'static str {
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
    pub(crate) fn is_government(self) -> bool {
        matches!(self, Sector::Public | Sector::Police | Sector::Fire)
    }

    /// Every sector, in directory order.
    pub(crate) fn all() -> impl Iterator<Item = Sector> {
        Self::ALL.iter().map(|(_, s)| *s)
    }
}

/// A member organisation (`kind = "organisation"`, or a row of `organisations.csv`).
#[derive(Debug, Clone)]
pub(crate) struct Organisation {
    /// Its page.
    pub(crate) page: PageId,
    /// Its sector.
    pub(crate) sector: Sector,
    /// Its own website.
    pub(crate) website: Option<String>,
    /// A contact email address.
    pub(crate) email: Option<String>,
    /// Its postal address, a line per entry.
    pub(crate) address: Vec<String>,
}

/// Who chairs a group.
#[derive(Debug, Clone)]
pub(crate) struct Chair {
    /// The chair's name.
    pub(crate) name: Option<String>,
    /// The organisation the chair comes from.
    pub(crate) org: Option<usize>,
}

/// A seat on a group, held by an organisation or standing vacant.
#[derive(Debug, Clone)]
pub(crate) struct Member {
    /// The organisation (index into [`Model::organisations`]); `None` for a
    /// vacant seat no organisation holds yet.
    pub(crate) org: Option<usize>,
    /// The person who represents it.
    pub(crate) representative: Option<String>,
    /// Their role on the group ("Vice-chair", "Advisory, non-voting").
    pub(crate) role: Option<String>,
    /// The kind of seat (statutory, invited...), if said.
    pub(crate) category: Option<SeatCategory>,
    /// Whether the seat has a vote (true unless `voting = false`).
    pub(crate) voting: bool,
    /// Whether the seat stands vacant.
    pub(crate) vacant: bool,
}

impl Member {
    /// The organisation filling the seat: `None` when the seat is vacant.
    pub(crate) fn filled_by(&self) -> Option<usize> {
        if self.vacant { None } else { self.org }
    }
}

/// A body of the partnership (`kind = "group"`).
#[derive(Debug, Clone)]
pub(crate) struct Group {
    /// Its page.
    pub(crate) page: PageId,
    /// Executive, themed partnership...
    pub(crate) kind: GroupKind,
    /// The group it reports to.
    pub(crate) reports_to: Option<usize>,
    /// Its chair.
    pub(crate) chair: Option<Chair>,
    /// Its members, as written.
    pub(crate) members: Vec<Member>,
    /// What it is working on.
    pub(crate) priorities: Vec<String>,
    /// What it has done.
    pub(crate) achievements: Vec<String>,
    /// How it will do it ("we will do this by...").
    pub(crate) approach: Vec<String>,
}

impl Group {
    /// The organisations in its filled seats, each once however many seats it holds.
    pub(crate) fn organisations(&self) -> std::collections::BTreeSet<usize> {
        self.members.iter().filter_map(Member::filled_by).collect()
    }
}

/// A paper of a meeting.
#[derive(Debug, Clone)]
pub(crate) struct Paper {
    /// Its title.
    pub(crate) title: String,
    /// Agenda, minutes or paper.
    pub(crate) kind: PaperKind,
    /// The file.
    pub(crate) file: Attachment,
    /// The file's name as the page writes it (agenda items name papers by it).
    pub(crate) written: String,
    /// When it was published (made open to inspection).
    pub(crate) published: Option<SiteDate>,
    /// Whether an exempt agenda item names it: then it is never published.
    pub(crate) withheld: bool,
}

/// An item of a meeting's agenda.
#[derive(Debug, Clone)]
pub(crate) struct AgendaItem {
    /// Its title.
    pub(crate) title: String,
    /// Its papers (indices into [`Meeting::papers`]).
    pub(crate) papers: Vec<usize>,
    /// Whether it is taken in private (its papers are not published).
    pub(crate) exempt: bool,
    /// What was decided.
    pub(crate) decision: Option<String>,
}

/// Who was expected at a meeting, and whether they came.
#[derive(Debug, Clone)]
pub(crate) struct Attendee {
    /// Their organisation.
    pub(crate) org: Option<usize>,
    /// Who they are.
    pub(crate) representative: String,
    /// Present, apologies, absent or substitute.
    pub(crate) attended: Attended,
    /// Who came instead, for a substitute.
    pub(crate) substitute: Option<String>,
}

/// An interest declared at a meeting.
#[derive(Debug, Clone)]
pub(crate) struct Declaration {
    /// Who declared it.
    pub(crate) representative: String,
    /// The agenda item's number (from 1).
    pub(crate) item: usize,
    /// The interest.
    pub(crate) interest: String,
}

/// A meeting of a group (`kind = "meeting"`).
#[derive(Debug, Clone)]
pub(crate) struct Meeting {
    /// Its page.
    pub(crate) page: PageId,
    /// The group meeting.
    pub(crate) group: usize,
    /// When it starts, in the site's time zone.
    pub(crate) start: SiteDate,
    /// When it ends.
    pub(crate) end: Option<SiteDate>,
    /// Where.
    pub(crate) location: Option<String>,
    /// Scheduled, held, cancelled, postponed or rescheduled.
    pub(crate) status: MeetingStatus,
    /// The date and time it was to start before it was rescheduled.
    pub(crate) previous_start: Option<SiteDate>,
    /// In person, online or both.
    pub(crate) attendance_mode: AttendanceMode,
    /// Where people join online.
    pub(crate) online_url: Option<String>,
    /// Agenda, minutes and papers.
    pub(crate) papers: Vec<Paper>,
    /// The agenda, item by item (numbered from 1).
    pub(crate) agenda: Vec<AgendaItem>,
    /// Who was expected and whether they came.
    pub(crate) attendees: Vec<Attendee>,
    /// Interests declared.
    pub(crate) declarations: Vec<Declaration>,
}

/// A publication (`kind = "document"`).
#[derive(Debug, Clone)]
pub(crate) struct Document {
    /// Its page (the HTML summary beside the file).
    pub(crate) page: PageId,
    /// The file.
    pub(crate) file: Attachment,
    /// When it was published.
    pub(crate) published: Option<SiteDate>,
}

/// A year's value of an indicator.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Reading {
    /// The year as written: `2016` or `"2016/17"`.
    pub(crate) year: String,
    /// The value.
    pub(crate) value: f64,
}

/// A measure of progress on a priority.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Indicator {
    /// What is measured.
    pub(crate) name: String,
    /// Its unit ("%", "per 1,000 people").
    pub(crate) unit: Option<String>,
    /// Where it started.
    pub(crate) baseline: Option<f64>,
    /// Where it should get to.
    pub(crate) target: Option<f64>,
    /// Values by year, in the order written.
    pub(crate) values: Vec<Reading>,
}

/// A priority of the strategy.
#[derive(Debug, Clone)]
pub(crate) struct Priority {
    /// Its id, an anchor on the strategy page.
    pub(crate) id: String,
    /// Its title.
    pub(crate) title: String,
    /// A summary.
    pub(crate) summary: Option<String>,
    /// The group that leads it.
    pub(crate) lead: Option<usize>,
    /// How progress is measured.
    pub(crate) indicators: Vec<Indicator>,
}

/// The Sustainable Community Strategy (`kind = "strategy"`).
#[derive(Debug, Clone)]
pub(crate) struct Strategy {
    /// Its page.
    pub(crate) page: PageId,
    /// The years it covers ("2015–2020").
    pub(crate) period: Option<String>,
    /// The vision.
    pub(crate) vision: Option<String>,
    /// Its priorities.
    pub(crate) priorities: Vec<Priority>,
}

/// An organisation's seat on a group, seen from the organisation.
#[derive(Debug, Clone)]
pub(crate) struct Seat {
    /// The group.
    pub(crate) group: usize,
    /// Who represents the organisation.
    pub(crate) representative: Option<String>,
    /// Their role.
    pub(crate) role: Option<String>,
    /// The kind of seat.
    pub(crate) category: Option<SeatCategory>,
    /// Whether it has a vote.
    pub(crate) voting: bool,
    /// Whether it stands vacant.
    pub(crate) vacant: bool,
}

/// What a page is in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Entity {
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
