//! The typed page kinds (`kind = "..."`): each kind's name as written and the
//! keys its front matter may have, required or not, down to the keys of each
//! entry of its tables. Front-matter checking, the members spreadsheet and the
//! domain model all read this one definition.

use std::fmt;

use serde::{Serialize, Serializer};

/// A key of a typed page's front matter, or of an entry of one of its tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key as written.
    pub name: &'static str,
    /// For a required key, an example value for the hint (`"public"`); `None` if optional.
    pub required: Option<&'static str>,
    /// For a table or a list of tables, the keys of each entry. The first is
    /// also the shorthand: `members = ["council"]` reads as `[{ org = "council" }]`.
    pub entries: &'static [Key],
    /// What its value is: how the browser editor asks for it.
    pub value: Value,
}

/// What a key's value is, as the browser editor's forms ask for it
/// (`cms` turns each into a widget).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
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
pub enum List {
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
pub const COMMON: &[Key] = &[
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

const ORGANISATION: &[Key] = &[
    required("sector", "\"public\"", Choice(List::Sector)),
    optional("website", Text),
    optional("email", Text),
    optional("address", Lines),
];

const GROUP: &[Key] = &[
    required("group", "\"executive\"", Choice(List::GroupKind)),
    optional("reports_to", Id(PageKind::Group)),
    table(
        "chair",
        &[
            optional("name", Text),
            optional("org", Id(PageKind::Organisation)),
        ],
    ),
    tables(
        "members",
        &[
            optional("org", Id(PageKind::Organisation)),
            optional("representative", Text),
            optional("role", Text),
            optional("category", Choice(List::SeatCategory)),
            optional("voting", Flag),
            optional("vacant", Flag),
        ],
    ),
    optional("priorities", Lines),
    optional("achievements", Lines),
    optional("approach", Lines),
];

const MEETING: &[Key] = &[
    required("group", "\"group-id\"", Id(PageKind::Group)),
    required("start", "2026-03-04T14:00:00", DateTime),
    optional("end", DateTime),
    optional("location", Text),
    optional("status", Choice(List::MeetingStatus)),
    optional("previous_start", DateTime),
    optional("attendance_mode", Choice(List::AttendanceMode)),
    optional("online_url", Text),
    tables(
        "papers",
        &[
            required("title", "\"Agenda\"", Text),
            required("file", "\"agenda.pdf\"", File),
            optional("kind", Choice(List::PaperKind)),
            optional("published", Date),
        ],
    ),
    tables(
        "agenda",
        &[
            required("title", "\"Apologies for absence\"", Text),
            optional("papers", Lines),
            optional("exempt", Flag),
            optional("decision", Paragraph),
        ],
    ),
    tables(
        "attendees",
        &[
            required("representative", "\"Jane Smith\"", Text),
            optional("org", Id(PageKind::Organisation)),
            optional("attended", Choice(List::Attended)),
            optional("substitute", Text),
        ],
    ),
    tables(
        "declarations",
        &[
            required("representative", "\"Jane Smith\"", Text),
            required("item", "3", Whole),
            required("interest", "\"Trustee of a bidding charity\"", Text),
        ],
    ),
];

const DOCUMENT: &[Key] = &[
    required("file", "\"strategy.pdf\"", File),
    optional("published", Date),
];

const STRATEGY: &[Key] = &[
    optional("period", Text),
    optional("vision", Paragraph),
    tables(
        "priorities",
        &[
            optional("id", Text),
            required("title", "\"Safer communities\"", Text),
            optional("summary", Paragraph),
            optional("lead", Id(PageKind::Group)),
            tables(
                "indicators",
                &[
                    required("name", "\"Crime rate\"", Text),
                    optional("unit", Text),
                    optional("baseline", Number),
                    optional("target", Number),
                    tables(
                        "values",
                        &[optional("year", Text), optional("value", Number)],
                    ),
                ],
            ),
        ],
    ),
];

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
            PageKind::Organisation => ORGANISATION,
            PageKind::Group => GROUP,
            PageKind::Meeting => MEETING,
            PageKind::Document => DOCUMENT,
            PageKind::Strategy => STRATEGY,
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
pub enum Column {
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
    pub const ID: &'static str = "id";
    /// The header of the name column.
    pub const NAME: &'static str = "name";

    /// The column headed `header` (lower case).
    pub fn of(header: &str) -> Column {
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
    pub fn required() -> Vec<&'static str> {
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
