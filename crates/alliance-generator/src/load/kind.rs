//! The typed page kinds (`kind = "..."`): each kind's name as written and the
//! keys its front matter may have, required or not, down to the keys of each
//! entry of its tables. Front-matter checking, the members spreadsheet and the
//! domain model all read this one definition: the model reads each key
//! through its constant here (`group::members::ORG`), so a key renamed here
//! is renamed everywhere.

use std::fmt;

use serde::{Serialize, Serializer};

/// A key of a typed page's front matter, or of an entry of one of its tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key as written.
    pub(crate) name: &'static str,
    /// For a required key, an example value for the hint (`"public"`); `None` if optional.
    pub(crate) required: Option<&'static str>,
    /// For a table or a list of tables, the keys of each entry. The first is
    /// also the shorthand: `members = ["council"]` reads as `[{ org = "council" }]`.
    pub(crate) entries: &'static [Key],
    /// What its value is: how the browser editor asks for it.
    pub(crate) value: Value,
}

impl fmt::Display for Key {
    /// The key as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name)
    }
}

/// What a key's value is, as the browser editor's forms ask for it
/// (`cms` turns each into a widget).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Value {
    /// A line of text.
    Text,
    /// A paragraph of text.
    Paragraph,
    /// A list of lines of text.
    Lines,
    /// A date (`2026-11-22`).
    Date,
    /// A local date and time (`2026-03-04T14:00:00`).
    DateTime,
    /// A number.
    Number,
    /// A whole number.
    Whole,
    /// `true` or `false`.
    Flag,
    /// One of a fixed list.
    Choice(List),
    /// The id of a page of this kind.
    Id(PageKind),
    /// A file beside the page.
    File,
    /// A table of the key's entries.
    Table,
    /// A list of tables of the key's entries.
    Tables,
    /// The page's kind itself.
    Kind,
    /// Free-form values for templates, not asked for.
    Free,
}

/// The fixed lists a value is chosen from; their values and labels are
/// defined in `model::types`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum List {
    /// `Sector`.
    Sector,
    /// `GroupKind`.
    GroupKind,
    /// `MeetingStatus`.
    MeetingStatus,
    /// `PaperKind`.
    PaperKind,
    /// `AttendanceMode`.
    AttendanceMode,
    /// `Attended`.
    Attended,
    /// `SeatCategory`.
    SeatCategory,
}

const fn optional(name: &'static str, value: Value) -> Key {
    Key {
        name,
        required: None,
        entries: &[],
        value,
    }
}

const fn required(name: &'static str, example: &'static str, value: Value) -> Key {
    Key {
        name,
        required: Some(example),
        entries: &[],
        value,
    }
}

const fn table(name: &'static str, entries: &'static [Key]) -> Key {
    Key {
        name,
        required: None,
        entries,
        value: Value::Table,
    }
}

const fn tables(name: &'static str, entries: &'static [Key]) -> Key {
    Key {
        name,
        required: None,
        entries,
        value: Value::Tables,
    }
}

use Value::*;

/// The keys every page may have, in the order the editor shows them.
pub(crate) const COMMON: &[Key] = &[
    required("title", "\"About us\"", Text),
    optional("description", Paragraph),
    optional("date", Date),
    optional("updated", Date),
    optional("reviewed", Date),
    optional("owner", Text),
    optional("weight", Whole),
    optional("draft", Flag),
    optional("slug", Text),
    optional("aliases", Lines),
    optional("template", Text),
    optional("extra", Free),
    optional("kind", Kind),
];

/// The keys of an organisation's page, which are also the typed columns of
/// `organisations.csv`.
pub(crate) mod organisation {
    use super::*;

    /// `sector`: the sector it belongs to.
    pub(crate) const SECTOR: Key = required("sector", "\"public\"", Choice(List::Sector));
    /// `website`: its address on the web.
    pub(crate) const WEBSITE: Key = optional("website", Text);
    /// `email`: its public email address.
    pub(crate) const EMAIL: Key = optional("email", Text);
    /// `address`: its postal address, line by line.
    pub(crate) const ADDRESS: Key = optional("address", Lines);

    /// Every key, in the order the editor shows them.
    pub(super) const KEYS: &[Key] = &[SECTOR, WEBSITE, EMAIL, ADDRESS];
}

/// The keys of a group's page.
pub(crate) mod group {
    use super::*;

    /// `group`: what kind of group it is.
    pub(crate) const GROUP: Key = required("group", "\"executive\"", Choice(List::GroupKind));
    /// `reports_to`: the id of the group it reports to.
    pub(crate) const REPORTS_TO: Key = optional("reports_to", Id(PageKind::Group));
    /// `chair`: who chairs it.
    pub(crate) const CHAIR: Key = table("chair", &[chair::NAME, chair::ORG]);
    /// `members`: its seats.
    pub(crate) const MEMBERS: Key = tables(
        "members",
        &[
            members::ORG,
            members::REPRESENTATIVE,
            members::ROLE,
            members::CATEGORY,
            members::VOTING,
            members::VACANT,
        ],
    );
    /// `priorities`: what it works on.
    pub(crate) const PRIORITIES: Key = optional("priorities", Lines);
    /// `achievements`: what it has done.
    pub(crate) const ACHIEVEMENTS: Key = optional("achievements", Lines);
    /// `approach`: how it works.
    pub(crate) const APPROACH: Key = optional("approach", Lines);

    /// Every key, in the order the editor shows them.
    pub(super) const KEYS: &[Key] = &[
        GROUP,
        REPORTS_TO,
        CHAIR,
        MEMBERS,
        PRIORITIES,
        ACHIEVEMENTS,
        APPROACH,
    ];

    /// The keys of `chair`.
    pub(crate) mod chair {
        use super::*;

        /// `name`: the chair's name.
        pub(crate) const NAME: Key = optional("name", Text);
        /// `org`: the id of the organisation the chair comes from.
        pub(crate) const ORG: Key = optional("org", Id(PageKind::Organisation));
    }

    /// The keys of each entry of `members`.
    pub(crate) mod members {
        use super::*;

        /// `org`: the id of the organisation holding the seat.
        pub(crate) const ORG: Key = optional("org", Id(PageKind::Organisation));
        /// `representative`: who sits in it.
        pub(crate) const REPRESENTATIVE: Key = optional("representative", Text);
        /// `role`: their role in the group.
        pub(crate) const ROLE: Key = optional("role", Text);
        /// `category`: the kind of seat.
        pub(crate) const CATEGORY: Key = optional("category", Choice(List::SeatCategory));
        /// `voting`: whether the seat has a vote.
        pub(crate) const VOTING: Key = optional("voting", Flag);
        /// `vacant`: whether no one holds the seat yet.
        pub(crate) const VACANT: Key = optional("vacant", Flag);
    }
}

/// The keys of a meeting's page.
pub(crate) mod meeting {
    use super::*;

    /// `group`: the id of the group meeting.
    pub(crate) const GROUP: Key = required("group", "\"group-id\"", Id(PageKind::Group));
    /// `start`: when it starts.
    pub(crate) const START: Key = required("start", "2026-03-04T14:00:00", DateTime);
    /// `end`: when it ends.
    pub(crate) const END: Key = optional("end", DateTime);
    /// `location`: where it is held.
    pub(crate) const LOCATION: Key = optional("location", Text);
    /// `status`: whether it goes ahead as planned.
    pub(crate) const STATUS: Key = optional("status", Choice(List::MeetingStatus));
    /// `previous_start`: when a rescheduled meeting was to start.
    pub(crate) const PREVIOUS_START: Key = optional("previous_start", DateTime);
    /// `attendance_mode`: in person, online or both.
    pub(crate) const ATTENDANCE_MODE: Key =
        optional("attendance_mode", Choice(List::AttendanceMode));
    /// `online_url`: where to join online.
    pub(crate) const ONLINE_URL: Key = optional("online_url", Text);
    /// `papers`: its papers, files beside the page.
    pub(crate) const PAPERS: Key = tables(
        "papers",
        &[papers::TITLE, papers::FILE, papers::KIND, papers::PUBLISHED],
    );
    /// `agenda`: its items, in order.
    pub(crate) const AGENDA: Key = tables(
        "agenda",
        &[
            agenda::TITLE,
            agenda::PAPERS,
            agenda::EXEMPT,
            agenda::DECISION,
        ],
    );
    /// `attendees`: who came.
    pub(crate) const ATTENDEES: Key = tables(
        "attendees",
        &[
            attendees::REPRESENTATIVE,
            attendees::ORG,
            attendees::ATTENDED,
            attendees::SUBSTITUTE,
        ],
    );
    /// `declarations`: interests declared.
    pub(crate) const DECLARATIONS: Key = tables(
        "declarations",
        &[
            declarations::REPRESENTATIVE,
            declarations::ITEM,
            declarations::INTEREST,
        ],
    );

    /// Every key, in the order the editor shows them.
    pub(super) const KEYS: &[Key] = &[
        GROUP,
        START,
        END,
        LOCATION,
        STATUS,
        PREVIOUS_START,
        ATTENDANCE_MODE,
        ONLINE_URL,
        PAPERS,
        AGENDA,
        ATTENDEES,
        DECLARATIONS,
    ];

    /// The keys of each entry of `papers`.
    pub(crate) mod papers {
        use super::*;

        /// `title`: the paper's title.
        pub(crate) const TITLE: Key = required("title", "\"Agenda\"", Text);
        /// `file`: its file beside the page.
        pub(crate) const FILE: Key = required("file", "\"agenda.pdf\"", File);
        /// `kind`: what sort of paper it is.
        pub(crate) const KIND: Key = optional("kind", Choice(List::PaperKind));
        /// `published`: when it was published.
        pub(crate) const PUBLISHED: Key = optional("published", Date);
    }

    /// The keys of each entry of `agenda`.
    pub(crate) mod agenda {
        use super::*;

        /// `title`: the item's title.
        pub(crate) const TITLE: Key = required("title", "\"Apologies for absence\"", Text);
        /// `papers`: the files of the meeting's `papers` it concerns.
        pub(crate) const PAPERS: Key = optional("papers", Lines);
        /// `exempt`: whether it is discussed in private.
        pub(crate) const EXEMPT: Key = optional("exempt", Flag);
        /// `decision`: what was decided.
        pub(crate) const DECISION: Key = optional("decision", Paragraph);
    }

    /// The keys of each entry of `attendees`.
    pub(crate) mod attendees {
        use super::*;

        /// `representative`: who was expected.
        pub(crate) const REPRESENTATIVE: Key = required("representative", "\"Jane Smith\"", Text);
        /// `org`: the id of the organisation they represent.
        pub(crate) const ORG: Key = optional("org", Id(PageKind::Organisation));
        /// `attended`: whether they came.
        pub(crate) const ATTENDED: Key = optional("attended", Choice(List::Attended));
        /// `substitute`: who came instead.
        pub(crate) const SUBSTITUTE: Key = optional("substitute", Text);
    }

    /// The keys of each entry of `declarations`.
    pub(crate) mod declarations {
        use super::*;

        /// `representative`: who declared.
        pub(crate) const REPRESENTATIVE: Key = required("representative", "\"Jane Smith\"", Text);
        /// `item`: the number of the agenda item.
        pub(crate) const ITEM: Key = required("item", "3", Whole);
        /// `interest`: what the interest is.
        pub(crate) const INTEREST: Key =
            required("interest", "\"Trustee of a bidding charity\"", Text);
    }
}

/// The keys of a document's page.
pub(crate) mod document {
    use super::*;

    /// `file`: the document, a file beside the page.
    pub(crate) const FILE: Key = required("file", "\"strategy.pdf\"", File);
    /// `published`: when it was published.
    pub(crate) const PUBLISHED: Key = optional("published", Date);

    /// Every key, in the order the editor shows them.
    pub(super) const KEYS: &[Key] = &[FILE, PUBLISHED];
}

/// The keys of the strategy's page.
pub(crate) mod strategy {
    use super::*;

    /// `period`: the years it covers.
    pub(crate) const PERIOD: Key = optional("period", Text);
    /// `vision`: what it aims for.
    pub(crate) const VISION: Key = optional("vision", Paragraph);
    /// `priorities`: its priorities.
    pub(crate) const PRIORITIES: Key = tables(
        "priorities",
        &[
            priorities::ID,
            priorities::TITLE,
            priorities::SUMMARY,
            priorities::LEAD,
            priorities::INDICATORS,
        ],
    );

    /// Every key, in the order the editor shows them.
    pub(super) const KEYS: &[Key] = &[PERIOD, VISION, PRIORITIES];

    /// The keys of each entry of `priorities`.
    pub(crate) mod priorities {
        use super::*;

        /// `id`: its id, else its title as a slug.
        pub(crate) const ID: Key = optional("id", Text);
        /// `title`: its title.
        pub(crate) const TITLE: Key = required("title", "\"Safer communities\"", Text);
        /// `summary`: what it is about.
        pub(crate) const SUMMARY: Key = optional("summary", Paragraph);
        /// `lead`: the id of the group leading it.
        pub(crate) const LEAD: Key = optional("lead", Id(PageKind::Group));
        /// `indicators`: how progress is measured.
        pub(crate) const INDICATORS: Key = tables(
            "indicators",
            &[
                indicators::NAME,
                indicators::UNIT,
                indicators::BASELINE,
                indicators::TARGET,
                indicators::VALUES,
            ],
        );

        /// The keys of each entry of `indicators`.
        pub(crate) mod indicators {
            use super::*;

            /// `name`: what it measures.
            pub(crate) const NAME: Key = required("name", "\"Crime rate\"", Text);
            /// `unit`: the unit of its values.
            pub(crate) const UNIT: Key = optional("unit", Text);
            /// `baseline`: the value it started from.
            pub(crate) const BASELINE: Key = optional("baseline", Number);
            /// `target`: the value it aims for.
            pub(crate) const TARGET: Key = optional("target", Number);
            /// `values`: its readings, year by year.
            pub(crate) const VALUES: Key = tables("values", &[values::YEAR, values::VALUE]);

            /// The keys of each entry of `values`.
            pub(crate) mod values {
                use super::*;

                /// `year`: the year, `2016` or `"2016/17"`.
                pub(crate) const YEAR: Key = optional("year", Text);
                /// `value`: the reading.
                pub(crate) const VALUE: Key = optional("value", Number);
            }
        }
    }
}

/// A typed page's kind, as written in `kind = "..."`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageKind {
    /// A member organisation (or a row of `organisations.csv`).
    Organisation,
    /// A body of the partnership.
    Group,
    /// A meeting of a group.
    Meeting,
    /// A publication, a file beside its page.
    Document,
    /// A news item.
    News,
    /// The Sustainable Community Strategy.
    Strategy,
    /// A page showing the partnership's structure.
    Structure,
}

impl PageKind {
    /// Every kind, in the order hints list them.
    pub const ALL: [PageKind; 7] = [
        PageKind::Organisation,
        PageKind::Group,
        PageKind::Meeting,
        PageKind::Document,
        PageKind::News,
        PageKind::Strategy,
        PageKind::Structure,
    ];

    /// The kind as written in front matter.
    pub fn name(self) -> &'static str {
        match self {
            PageKind::Organisation => "organisation",
            PageKind::Group => "group",
            PageKind::Meeting => "meeting",
            PageKind::Document => "document",
            PageKind::News => "news",
            PageKind::Strategy => "strategy",
            PageKind::Structure => "structure",
        }
    }

    /// The kind written `name`, if there is one.
    pub fn from_name(name: &str) -> Option<PageKind> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The keys this kind adds to the common ones.
    pub fn keys(self) -> &'static [Key] {
        match self {
            PageKind::Organisation => organisation::KEYS,
            PageKind::Group => group::KEYS,
            PageKind::Meeting => meeting::KEYS,
            PageKind::Document => document::KEYS,
            PageKind::Strategy => strategy::KEYS,
            PageKind::News | PageKind::Structure => &[],
        }
    }

    /// Whether this kind requires the common key `name` (a news item's `date`).
    pub fn requires(self, name: &str) -> bool {
        self == PageKind::News && name == "date"
    }

    /// Whether `name` is one of this kind's own top-level keys.
    pub fn has_key(self, name: &str) -> bool {
        self.keys().iter().any(|k| k.name == name)
    }

    /// The key `name` inside the value at `at` (a key path such as
    /// `["members", "2"]`; list indices are skipped), or at the top if `at` is empty.
    pub fn key(self, at: &[String], name: &str) -> Option<&'static Key> {
        let mut keys = self.keys();
        for step in at.iter().filter(|s| s.parse::<usize>().is_err()) {
            keys = keys.iter().find(|k| k.name == step)?.entries;
        }
        keys.iter().find(|k| k.name == name)
    }
}

impl fmt::Display for PageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for PageKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// What a column of a members spreadsheet (`organisations.csv`) becomes on
/// the organisation's page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// `id`: the organisation's id.
    Id,
    /// `name`: the page's `title`.
    Name,
    /// `description`: the page's own.
    Description,
    /// `owner`: the page's own.
    Owner,
    /// `reviewed`: the page's own date of last review.
    Reviewed,
    /// One of the organisation's typed keys (`sector`, `website`...).
    Typed(&'static Key),
    /// Any other column: kept in `extra` for templates.
    Extra,
}

impl Column {
    /// The header of the id column.
    pub(crate) const ID: &'static str = "id";
    /// The header of the name column.
    pub(crate) const NAME: &'static str = "name";

    /// The column headed `header` (lower case).
    pub(crate) fn of(header: &str) -> Column {
        match header {
            Self::ID => Column::Id,
            Self::NAME => Column::Name,
            "description" => Column::Description,
            "owner" => Column::Owner,
            "reviewed" => Column::Reviewed,
            _ => match PageKind::Organisation.key(&[], header) {
                Some(key) => Column::Typed(key),
                None => Column::Extra,
            },
        }
    }

    /// The columns every members spreadsheet must have: the id, the name and
    /// the organisation's required keys.
    pub(crate) fn required() -> Vec<&'static str> {
        let keys = PageKind::Organisation.keys().iter();
        [Self::ID, Self::NAME]
            .into_iter()
            .chain(keys.filter(|k| k.required.is_some()).map(|k| k.name))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for kind in PageKind::ALL {
            assert_eq!(PageKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(PageKind::from_name("groups"), None);
    }

    #[test]
    fn nested_keys_are_found_through_list_indices() {
        let at = vec!["members".to_owned(), "2".to_owned()];
        let item = PageKind::Meeting.key(&["declarations".into(), "0".into()], "item");
        assert_eq!(item.unwrap().required, Some("3"));
        assert!(PageKind::Group.key(&at, "vacant").is_some());
        let at: Vec<String> = ["priorities", "0", "indicators", "1", "values"]
            .map(String::from)
            .into();
        assert!(PageKind::Strategy.key(&at, "year").is_some());
        assert!(PageKind::Group.key(&[], "sector").is_none());
    }

    #[test]
    fn spreadsheet_columns_map_to_organisation_keys() {
        assert_eq!(Column::required(), ["id", "name", "sector"]);
        assert!(matches!(Column::of("website"), Column::Typed(k) if k.name == "website"));
        assert_eq!(Column::of("name"), Column::Name);
        assert_eq!(Column::of("phone"), Column::Extra);
    }
}
