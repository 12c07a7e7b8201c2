//! The shape of a generated site, decided before any text is written: the
//! partnerships, their organisations, groups, meetings and strategy, and every
//! page with its path, title and headings. Pages link to each other and to each
//! other's headings, so all of this must be known first.

mod outline;
pub mod plan;

use crate::date::Day;

pub use plan::plan;

/// Everything a site will hold.
#[derive(Debug)]
pub struct Site {
    /// The partnerships of the directory, each a top-level section.
    pub partnerships: Vec<Partnership>,
    /// Every Markdown page, section pages included.
    pub pages: Vec<Page>,
}

/// One partnership: a top-level section of the site.
#[derive(Debug)]
pub struct Partnership {
    /// Its folder under `content/`, and the prefix of every id in it.
    pub slug: String,
    /// "Thornbury Alliance".
    pub name: String,
    /// How it calls itself in running text: "the Alliance".
    pub the_short: String,
    /// "Local Strategic Partnership", "Public Services Board"...
    pub kind: &'static str,
    /// The area it serves, also its main town.
    pub area: String,
    /// The county it is in.
    pub county: &'static str,
    /// The area's towns and villages, the main town first.
    pub towns: Vec<String>,
    /// Member organisations: pages, then rows of `organisations.csv`.
    pub orgs: Vec<Org>,
    /// Groups; the executive is first, and each group reports to an earlier one.
    pub groups: Vec<Group>,
    /// Meetings of the groups.
    pub meetings: Vec<Meeting>,
    /// The Sustainable Community Strategy.
    pub strategy: Strategy,
    /// Its pages, as a range of [`Site::pages`].
    pub pages: std::ops::Range<usize>,
}

/// A member organisation.
#[derive(Debug)]
pub struct Org {
    /// Its id: the page's file stem, or the CSV `id`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// One of the sectors PRODUCT.md lists.
    pub sector: &'static str,
    /// Listed in `organisations.csv` rather than on a page of its own.
    pub in_csv: bool,
    /// Its website.
    pub website: String,
    /// Its email address.
    pub email: String,
    /// Its telephone number.
    pub phone: String,
    /// Its postal address, on one line.
    pub address: String,
}

/// A body of the partnership.
#[derive(Debug)]
pub struct Group {
    /// Its id, the page's file stem.
    pub id: String,
    /// Its name.
    pub name: String,
    /// `executive`, `management`, `themed`, `task-and-finish` or `local`.
    pub kind: &'static str,
    /// The index of the group it reports to (always an earlier one).
    pub reports_to: Option<usize>,
    /// Its members; the first is the chair.
    pub members: Vec<Member>,
    /// What it is working on.
    pub priorities: Vec<String>,
    /// What it has done.
    pub achievements: Vec<String>,
    /// How it works.
    pub approach: Vec<String>,
}

/// A seat on a group.
#[derive(Debug)]
pub struct Member {
    /// The index of the organisation in the partnership.
    pub org: usize,
    /// Who sits in it, or "Vacant".
    pub representative: String,
    /// "Chair", "Member", "Statutory member"...
    pub role: &'static str,
}

/// A meeting of a group.
#[derive(Debug)]
pub struct Meeting {
    /// Its id, the page's folder name.
    pub id: String,
    /// The index of the group that meets.
    pub group: usize,
    /// The day.
    pub day: Day,
    /// Start time, hours and minutes.
    pub start: (u32, u32),
    /// Length in minutes.
    pub minutes: u32,
    /// Where.
    pub location: String,
    /// `scheduled`, `held` or `cancelled`.
    pub status: &'static str,
    /// Its papers, each written as a file beside the page.
    pub papers: Vec<Paper>,
}

/// A paper of a meeting.
#[derive(Debug)]
pub struct Paper {
    /// "Agenda", "Minutes", "Funding update".
    pub title: String,
    /// The file name beside the meeting's page.
    pub file: String,
    /// `agenda`, `minutes` or `paper`.
    pub kind: &'static str,
}

/// The Sustainable Community Strategy.
#[derive(Debug)]
pub struct Strategy {
    /// First and last year.
    pub period: (i64, i64),
    /// One sentence.
    pub vision: String,
    /// Its priorities.
    pub priorities: Vec<Priority>,
}

/// A priority of the strategy.
#[derive(Debug)]
pub struct Priority {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: &'static str,
    /// One sentence.
    pub summary: &'static str,
    /// The index of the group that leads it.
    pub lead: usize,
    /// How progress is measured.
    pub indicators: Vec<Indicator>,
}

/// An outcome indicator.
#[derive(Debug)]
pub struct Indicator {
    /// What is measured.
    pub name: &'static str,
    /// Its unit: "%", "years"...
    pub unit: &'static str,
    /// The value at the start of the period.
    pub baseline: f64,
    /// The value hoped for at its end.
    pub target: f64,
    /// Values measured since, by year.
    pub values: Vec<(i64, f64)>,
}

/// A Markdown file of the site.
#[derive(Debug)]
pub struct Page {
    /// Its path under `content/`, as an `@/` link names it.
    pub path: String,
    /// Its title.
    pub title: String,
    /// A sentence for listings.
    pub description: Option<String>,
    /// The partnership it belongs to (none for the home page).
    pub partnership: Option<usize>,
    /// What the page is.
    pub item: Item,
    /// Its `date` (news, meetings), if any.
    pub date: Option<Day>,
    /// Its date of last review, if any.
    pub reviewed: Option<Day>,
    /// Who answers for it.
    pub owner: &'static str,
    /// Order among its siblings.
    pub weight: Option<u32>,
    /// Its sections, in order.
    pub outline: Vec<Part>,
    /// About how many words its body should have.
    pub words: usize,
}

/// What a page is.
#[derive(Debug)]
pub enum Item {
    /// The site's home page: the directory of partnerships.
    Home,
    /// A section page (`_index.md`) other than the home page.
    Section,
    /// An organisation's page (index into the partnership's organisations).
    Organisation(usize),
    /// A group's page.
    Group(usize),
    /// A meeting's page (a folder, with its papers).
    Meeting(usize),
    /// A news item.
    News,
    /// A published document (a folder, with the file).
    Document {
        /// The file's name beside the page.
        file: String,
        /// When it was published.
        published: Day,
    },
    /// The strategy page.
    Strategy,
    /// The page showing the partnership's structure.
    Structure,
    /// A page without a kind.
    Plain,
}

/// A `##` section of a page body.
#[derive(Debug)]
pub struct Part {
    /// Its heading.
    pub heading: String,
    /// Its `###` subheadings, in order.
    pub subheadings: Vec<String>,
    /// What it shows besides prose.
    pub block: Block,
}

/// The structured content of a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    /// Prose only (with now and then a list or a table).
    Prose,
    /// The partnerships of the directory, linked.
    Directory,
    /// The partnership's groups as a nested list, linked.
    GroupTree,
    /// A group's priorities as a list.
    GroupPriorities,
    /// A group's members as a table.
    GroupMembers,
    /// An organisation's contact details.
    Contact,
    /// A meeting's date, time, place and status.
    MeetingFacts,
    /// A meeting's agenda, numbered.
    Agenda,
    /// A meeting's papers, linked.
    Papers,
    /// A document's download link.
    Download,
    /// The strategy's vision.
    Vision,
    /// The indicators of a strategy priority, as a table.
    Indicators(usize),
}
