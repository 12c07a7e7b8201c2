//! Decides what a site holds: how many partnerships, and in each its
//! organisations, groups, meetings, strategy and pages, with ids that are
//! unique across the whole site and references that resolve by construction.
//! Over 600 lines: one plan per kind of thing, each small, all sharing the
//! id registry that keeps references resolvable; apart, they would pass it around.

use std::collections::BTreeSet;

use super::{
    Group, Indicator, Item, Meeting, Member, Org, Page, Paper, Partnership, Priority, Site,
    Strategy, outline,
};
use crate::date::{Day, TODAY};
use crate::names::{person, place, slug};
use crate::prose::{fill, sentence};
use crate::rng::Rng;
use crate::vocab::{
    ACHIEVEMENTS, AIMS, APPROACH, COUNTIES, DOCUMENT_TITLES, INDICATORS, LOCAL_GROUPS, LOCATIONS,
    NEWS_TITLES, ORGANISATIONS, OWNERS, PAPER_TITLES, PARTNERSHIP_KINDS, PERIODS, PLACE_QUALIFIERS,
    PLAIN_TITLES, PRIORITIES, ROLES, TASK_GROUPS, THEMED_GROUPS, TOP_GROUPS, VISIONS,
};

/// Roughly how many pages each partnership of the directory gets.
pub const PAGES_PER_PARTNERSHIP: usize = 300;

/// The fewest pages a partnership (and so a site) can have.
pub const MIN_PAGES: usize = 20;

/// The rng stream of the plan; pages use streams from 1 up.
const PLAN_STREAM: u64 = 0;

/// Plans a site of `pages` content pages (section pages not counted), in one
/// partnership per [`PAGES_PER_PARTNERSHIP`] pages. `pages` must be at least
/// [`MIN_PAGES`].
pub fn plan(pages: usize, seed: u64) -> Site {
    let mut rng = Rng::new(seed, PLAN_STREAM);
    let mut ids = Ids::default();
    let count = pages
        .div_ceil(PAGES_PER_PARTNERSHIP)
        .min(pages / MIN_PAGES)
        .max(1);
    let mut site = Site {
        partnerships: Vec::with_capacity(count),
        pages: vec![Page {
            description: Some(
                "Every partnership in the directory: who is in it, what it is doing and when it meets."
                    .into(),
            ),
            reviewed: Some(TODAY.plus(-30)),
            ..page("_index.md".into(), "Local Partnerships Directory".into(), None, Item::Home)
        }],
    };
    let mut areas = BTreeSet::new();
    for index in 0..count {
        let budget = pages / count + usize::from(index < pages % count);
        let area = unique_area(&mut rng, &mut areas);
        let mut p = partnership(&mut rng, &mut ids, area, budget);
        let first = site.pages.len();
        pages_of(&mut rng, &mut ids, &p, index, budget, &mut site.pages);
        p.pages = first..site.pages.len();
        site.partnerships.push(p);
    }
    for i in 0..site.pages.len() {
        let (parts, words) = outline::outline(&site, i, &mut rng);
        site.pages[i].outline = parts;
        site.pages[i].words = words;
    }
    site
}

/// Ids handed out so far: every id and file stem of the site is claimed here.
#[derive(Default)]
struct Ids(BTreeSet<String>);

impl Ids {
    /// `base`, or `base-2`, `base-3`... whichever is still free.
    fn claim(&mut self, base: String) -> String {
        let mut id = base.clone();
        let mut n = 1;
        while !self.0.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }

    /// The id of `name` in the partnership `prefix`: its slug, starting with the
    /// partnership's ("thornbury-borough-council", "thornbury-strategy").
    fn claim_in(&mut self, prefix: &str, name: &str) -> String {
        let name = slug(name);
        match name.strip_prefix(prefix) {
            Some(rest) if rest.starts_with('-') => self.claim(name),
            _ => self.claim(format!("{prefix}-{name}")),
        }
    }
}

fn unique_area(rng: &mut Rng, taken: &mut BTreeSet<String>) -> String {
    let mut tries = 0;
    loop {
        let mut area = place(rng);
        if tries > 20 {
            area = format!("{} {area}", rng.pick(PLACE_QUALIFIERS));
        }
        if tries > 200 {
            area = format!("{area} {}", taken.len());
        }
        if taken.insert(slug(&area)) {
            return area;
        }
        tries += 1;
    }
}

/// How many pages of each kind a partnership's budget buys; meetings take the rest.
struct Counts {
    groups: usize,
    orgs: usize,
    csv_orgs: usize,
    documents: usize,
    news: usize,
    plain: usize,
}

impl Counts {
    fn for_budget(n: usize) -> Counts {
        Counts {
            groups: (n / 20).max(2),
            orgs: (n * 12 / 100).max(3),
            csv_orgs: (n * 6 / 100).max(2),
            documents: (n * 12 / 100).max(1),
            news: (n / 5).max(1),
            plain: (n / 20).max(1),
        }
    }
}

/// The partnership, its organisations, groups, meetings and strategy.
fn partnership(rng: &mut Rng, ids: &mut Ids, area: String, budget: usize) -> Partnership {
    let counts = Counts::for_budget(budget);
    let (name, short, kind) = *rng.pick(PARTNERSHIP_KINDS);
    let mut towns = vec![area.clone()];
    let want_towns = rng.range(2, 6);
    for _ in 0..20 {
        let town = place(rng);
        if towns.len() < want_towns && !towns.contains(&town) {
            towns.push(town);
        }
    }
    let mut p = Partnership {
        slug: ids.claim(slug(&area)),
        name: name.replace("{area}", &area),
        the_short: format!("the {short}"),
        kind,
        area,
        county: rng.pick::<&str>(COUNTIES),
        towns,
        orgs: Vec::new(),
        groups: Vec::new(),
        meetings: Vec::new(),
        strategy: Strategy {
            period: (0, 0),
            vision: String::new(),
            priorities: Vec::new(),
        },
        pages: 0..0,
    };
    p.orgs = organisations(rng, ids, &p, &counts);
    p.groups = groups(rng, ids, &p, counts.groups);
    let achievements: Vec<Vec<String>> = (0..p.groups.len())
        .map(|_| {
            let k = rng.range(2, 4);
            rng.sample(ACHIEVEMENTS.len(), k)
                .into_iter()
                .map(|i| fill(rng, &p, ACHIEVEMENTS[i]))
                .collect()
        })
        .collect();
    for (group, done) in p.groups.iter_mut().zip(achievements) {
        group.achievements = done;
    }
    p.strategy = strategy(rng, ids, &p);
    let md_orgs = p.orgs.iter().filter(|o| !o.in_csv).count();
    let fixed = 2 + p.groups.len() + md_orgs + counts.documents + counts.news + counts.plain;
    p.meetings = meetings(rng, ids, &p, budget.saturating_sub(fixed).max(1));
    p
}

/// The partnership's organisations: every sector represented, each sector's
/// lead organisation first; the last ones (names with commas among them) go to
/// `organisations.csv`.
fn organisations(rng: &mut Rng, ids: &mut Ids, p: &Partnership, counts: &Counts) -> Vec<Org> {
    let mut by_sector: Vec<(&'static str, Vec<String>)> = ORGANISATIONS
        .iter()
        .map(|&(sector, templates)| {
            let mut names = Vec::new();
            for t in templates {
                let towns = if t.contains("{town}") {
                    &p.towns[..]
                } else {
                    &p.towns[..1]
                };
                for town in towns {
                    names.push(
                        t.replace("{area}", &p.area)
                            .replace("{county}", p.county)
                            .replace("{town}", town),
                    );
                }
            }
            let lead = names.remove(0);
            let mut order: Vec<String> = rng
                .sample(names.len(), names.len())
                .into_iter()
                .map(|i| names[i].clone())
                .collect();
            // Popped from the back: the lead, then names with commas, then the rest.
            order.sort_by_key(|name| name.contains(','));
            order.push(lead);
            (sector, order)
        })
        .collect();
    // Round robin over the sectors (popping from the back: leads come first).
    let mut chosen: Vec<(&'static str, String)> = Vec::new();
    let mut seen = BTreeSet::new();
    let want = counts.orgs + counts.csv_orgs;
    while chosen.len() < want && by_sector.iter().any(|(_, names)| !names.is_empty()) {
        for (sector, names) in &mut by_sector {
            if let Some(name) = names.pop()
                && chosen.len() < want
                && seen.insert(name.clone())
            {
                chosen.push((sector, name));
            }
        }
    }
    // Names with commas go last, into the spreadsheet, where quoting matters.
    chosen.sort_by_key(|(_, name)| name.contains(','));
    let pages = chosen.len() - counts.csv_orgs.min(chosen.len() / 3);
    chosen
        .into_iter()
        .enumerate()
        .map(|(i, (sector, name))| {
            let in_csv = i >= pages;
            let name_slug = slug(&name);
            Org {
                id: ids.claim_in(&p.slug, &name),
                sector,
                in_csv,
                website: format!("https://www.{name_slug}.example/"),
                email: format!("enquiries@{name_slug}.example"),
                phone: format!("01632 960{:03}", rng.below(1000)),
                address: address(rng, p),
                name,
            }
        })
        .collect()
}

fn address(rng: &mut Rng, p: &Partnership) -> String {
    const STREETS: &[&str] = &[
        "High Street",
        "Station Road",
        "Church Lane",
        "Market Place",
        "Mill Lane",
        "London Road",
        "The Campus",
    ];
    const LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";
    let mut area = p.slug.bytes().filter(u8::is_ascii_alphabetic);
    let mut letter = |fallback| char::from(area.next().unwrap_or(fallback).to_ascii_uppercase());
    let outward = format!("{}{}{}", letter(b'A'), letter(b'L'), rng.range(1, 9));
    format!(
        "{} {}, {}, {outward} {}{}{}",
        rng.range(1, 120),
        rng.pick(STREETS),
        rng.pick(&p.towns),
        rng.range(1, 9),
        char::from(*rng.pick(LETTERS)),
        char::from(*rng.pick(LETTERS)),
    )
}

/// The executive, the management group, then themed, task-and-finish and
/// local groups; every group reports to an earlier one, so there are no cycles.
fn groups(rng: &mut Rng, ids: &mut Ids, p: &Partnership, want: usize) -> Vec<Group> {
    let rest = want.saturating_sub(2);
    let themed = rest.div_ceil(2).min(THEMED_GROUPS.len());
    let local = (rest * 3 / 10).min(p.towns.len());
    let task = (rest - themed - local).min(TASK_GROUPS.len());
    let mut specs: Vec<(String, &'static str, Option<usize>)> = vec![
        (rng.pick(TOP_GROUPS[0]).to_string(), "executive", None),
        (rng.pick(TOP_GROUPS[1]).to_string(), "management", Some(0)),
    ];
    for i in rng.sample(THEMED_GROUPS.len(), themed) {
        specs.push((THEMED_GROUPS[i].to_string(), "themed", Some(0)));
    }
    for i in rng.sample(TASK_GROUPS.len(), task) {
        // Reports to the management group or a themed partnership.
        let parent = 1 + rng.below(themed + 1);
        specs.push((TASK_GROUPS[i].to_string(), "task-and-finish", Some(parent)));
    }
    let pattern = rng.pick(LOCAL_GROUPS);
    for town in &p.towns[..local] {
        specs.push((pattern.replace("{town}", town), "local", Some(1)));
    }
    specs
        .into_iter()
        .map(|(name, kind, reports_to)| {
            let seats = rng.range(5, 12);
            let mut orgs = rng.sample(p.orgs.len(), seats);
            if kind == "executive" {
                // The council chairs the executive.
                orgs.retain(|&o| o != 0);
                orgs.insert(0, 0);
            }
            let members = orgs
                .into_iter()
                .enumerate()
                .map(|(seat, org)| Member {
                    org,
                    representative: if seat > 0 && rng.chance(4) {
                        "Vacant".to_owned()
                    } else {
                        person(rng, p.orgs[org].sector)
                    },
                    role: if seat == 0 {
                        "Chair"
                    } else {
                        rng.pick::<&str>(ROLES)
                    },
                })
                .collect();
            Group {
                id: ids.claim_in(&p.slug, &name),
                priorities: some_of(rng, PRIORITIES, 3, 5),
                achievements: Vec::new(),
                approach: some_of(rng, APPROACH, 3, 5),
                name,
                kind,
                reports_to,
                members,
            }
        })
        .collect()
}

/// `lo..=hi` distinct items of a list.
fn some_of(rng: &mut Rng, list: &[&str], lo: usize, hi: usize) -> Vec<String> {
    let k = rng.range(lo, hi);
    rng.sample(list.len(), k)
        .into_iter()
        .map(|i| list[i].to_owned())
        .collect()
}

/// The strategy: three or four of the aims, each led by the group that fits it best.
fn strategy(rng: &mut Rng, ids: &mut Ids, p: &Partnership) -> Strategy {
    let period = *rng.pick(PERIODS);
    let k = rng.range(3, 4);
    let mut aims = rng.sample(AIMS.len(), k);
    aims.sort_unstable();
    let priorities = aims
        .into_iter()
        .map(|a| {
            let (id, title, summary, leader) = AIMS[a];
            let themed: Vec<usize> = (0..p.groups.len())
                .filter(|&g| p.groups[g].kind == "themed")
                .collect();
            let lead = match p.groups.iter().position(|g| g.name == leader) {
                Some(g) => g,
                None if themed.is_empty() => 1,
                None => *rng.pick(&themed),
            };
            let k = rng.range(2, 3);
            let indicators = rng
                .sample(INDICATORS.len(), k)
                .into_iter()
                .map(|i| indicator(rng, i, period))
                .collect();
            Priority {
                id: ids.claim_in(&p.slug, id),
                title,
                summary,
                lead,
                indicators,
            }
        })
        .collect();
    let vision = *rng.pick(VISIONS);
    Strategy {
        period,
        vision: fill(rng, p, vision),
        priorities,
    }
}

/// An indicator with a baseline, a better target and yearly values moving towards it.
fn indicator(rng: &mut Rng, i: usize, (from, to): (i64, i64)) -> Indicator {
    let (name, unit, lo, hi, up) = INDICATORS[i];
    let round = |x: f64| (x * 10.0).round() / 10.0;
    let baseline = round(lo + (hi - lo) * rng.below(1001) as f64 / 1000.0);
    let change = baseline * rng.range(10, 25) as f64 / 100.0;
    let target = round(if up {
        baseline + change
    } else {
        baseline - change
    });
    let span = (to - from) as f64;
    let values = (from + 1..=to.min(TODAY.year() - 1))
        .map(|year| {
            let progress = (year - from) as f64 / span;
            let noise = (rng.below(61) as f64 - 30.0) / 1000.0;
            let value = (baseline + (target - baseline) * progress) * (1.0 + noise);
            (year, round(value))
        })
        .collect();
    Indicator {
        name,
        unit,
        baseline,
        target,
        values,
    }
}

/// `count` meetings shared among the groups: each group meets at its own
/// interval on a Tuesday to Thursday, the latest meetings still to come.
fn meetings(rng: &mut Rng, ids: &mut Ids, p: &Partnership, count: usize) -> Vec<Meeting> {
    let groups = p.groups.len();
    let mut out = Vec::with_capacity(count);
    for (g, group) in p.groups.iter().enumerate() {
        let n = count / groups + usize::from(g < count % groups);
        let interval = match group.kind {
            "task-and-finish" => rng.range(28, 56),
            "local" => rng.range(42, 91),
            _ => rng.range(56, 91),
        } as i64;
        let last = TODAY.plus(rng.range(7, 120) as i64);
        for k in (0..n as i64).rev() {
            let mut day = last.plus(-k * interval);
            while !(1..=3).contains(&day.weekday()) {
                day = day.plus(1);
            }
            out.push(meeting(rng, ids, p, g, day));
        }
    }
    out
}

fn meeting(rng: &mut Rng, ids: &mut Ids, p: &Partnership, group: usize, day: Day) -> Meeting {
    let past = day < TODAY;
    let cancelled = rng.chance(if past { 4 } else { 8 });
    let status = match (cancelled, past) {
        (true, _) => "cancelled",
        (false, true) => "held",
        (false, false) => "scheduled",
    };
    let mut papers = Vec::new();
    if !cancelled {
        papers.push(Paper {
            title: "Agenda".into(),
            file: "agenda.pdf".into(),
            kind: "agenda",
        });
        if past {
            papers.push(Paper {
                title: "Minutes".into(),
                file: "minutes.pdf".into(),
                kind: "minutes",
            });
        }
        let extra = rng.range(0, if past { 2 } else { 1 });
        for (n, i) in rng
            .sample(PAPER_TITLES.len(), extra)
            .into_iter()
            .enumerate()
        {
            papers.push(Paper {
                title: PAPER_TITLES[i].into(),
                file: format!("paper-{}.pdf", n + 1),
                kind: "paper",
            });
        }
    }
    let start = if p.groups[group].kind == "local" {
        *rng.pick(&[(18, 30), (19, 0)])
    } else {
        *rng.pick(&[(9, 30), (10, 0), (14, 0), (14, 30)])
    };
    let location = *rng.pick(LOCATIONS);
    Meeting {
        id: ids.claim(format!("{}-{day}", p.groups[group].id)),
        group,
        day,
        start,
        minutes: *rng.pick(&[90, 120]),
        location: fill(rng, p, location),
        status,
        papers,
    }
}

/// A page with no description, dates, owner or outline yet.
fn page(path: String, title: String, partnership: Option<usize>, item: Item) -> Page {
    Page {
        path,
        title,
        description: None,
        partnership,
        item,
        date: None,
        reviewed: None,
        owner: OWNERS[0],
        weight: None,
        outline: Vec::new(),
        words: 0,
    }
}

fn day_between(rng: &mut Rng, from: Day, to: Day) -> Day {
    from.plus(rng.below(to.since(from) as usize + 1) as i64)
}

/// A title from a template, different from the titles already used if possible.
fn fresh_title(
    rng: &mut Rng,
    p: &Partnership,
    templates: &[&str],
    used: &mut BTreeSet<String>,
) -> String {
    let mut title = String::new();
    for _ in 0..8 {
        let template = *rng.pick(templates);
        title = fill(rng, p, template);
        if used.insert(title.clone()) {
            break;
        }
    }
    title
}

/// The pages of one partnership, in their folders.
fn pages_of(
    rng: &mut Rng,
    ids: &mut Ids,
    p: &Partnership,
    index: usize,
    budget: usize,
    pages: &mut Vec<Page>,
) {
    let counts = Counts::for_budget(budget);
    let s = &p.slug;
    let since = Day::from_ymd(2025, 1, 1);
    let mut add = |rng: &mut Rng, mut page: Page, described: bool| {
        if described && page.description.is_none() {
            page.description = Some(sentence(rng, p));
        }
        if page.date.is_none() && page.reviewed.is_none() {
            page.reviewed = Some(day_between(rng, since, TODAY));
        }
        page.owner = *rng.pick(OWNERS);
        pages.push(page);
    };
    let new = |path: String, title: String, item| page(path, title, Some(index), item);
    let section = |folder: &str, title: &str, weight: u32| Page {
        weight: Some(weight),
        ..new(
            format!("{s}/{folder}/_index.md"),
            title.into(),
            Item::Section,
        )
    };

    let description = format!("The {} for {}, {}.", p.kind, p.area, p.county);
    let home = new(format!("{s}/_index.md"), p.name.clone(), Item::Section);
    add(
        rng,
        Page {
            description: Some(description),
            ..home
        },
        true,
    );
    let (from, to) = p.strategy.period;
    let id = ids.claim_in(s, "strategy");
    let title = format!("Sustainable Community Strategy {from}–{to}");
    let strategy = new(format!("{s}/{id}.md"), title, Item::Strategy);
    add(
        rng,
        Page {
            description: Some(p.strategy.vision.clone()),
            ..strategy
        },
        true,
    );
    let id = ids.claim_in(s, "structure");
    let title = format!("How {} is organised", p.the_short);
    add(
        rng,
        new(format!("{s}/{id}.md"), title, Item::Structure),
        true,
    );
    let mut titles = BTreeSet::new();
    for _ in 0..counts.plain {
        let title = fresh_title(rng, p, PLAIN_TITLES, &mut titles);
        let id = ids.claim_in(s, &title);
        let described = rng.chance(85);
        add(
            rng,
            new(format!("{s}/{id}.md"), title, Item::Plain),
            described,
        );
    }

    add(rng, section("groups", "Groups and partnerships", 1), true);
    for (g, group) in p.groups.iter().enumerate() {
        let path = format!("{s}/groups/{}.md", group.id);
        add(rng, new(path, group.name.clone(), Item::Group(g)), true);
    }
    add(rng, section("members", "Member organisations", 2), true);
    for (o, org) in p.orgs.iter().enumerate().filter(|(_, o)| !o.in_csv) {
        let path = format!("{s}/members/{}.md", org.id);
        add(
            rng,
            new(path, org.name.clone(), Item::Organisation(o)),
            true,
        );
    }
    add(rng, section("meetings", "Meetings", 3), true);
    for (m, meeting) in p.meetings.iter().enumerate() {
        let (group, day) = (&p.groups[meeting.group].name, meeting.day.long());
        let path = format!("{s}/meetings/{}/index.md", meeting.id);
        let page = new(path, format!("{group}: {day}"), Item::Meeting(m));
        let description = format!("Meeting of the {group} on {day}, at {}.", meeting.location);
        let page = Page {
            date: Some(meeting.day),
            description: Some(description),
            ..page
        };
        add(rng, page, true);
    }
    add(rng, section("news", "News", 4), true);
    let mut titles = BTreeSet::new();
    for _ in 0..counts.news {
        let title = fresh_title(rng, p, NEWS_TITLES, &mut titles);
        let id = ids.claim_in(s, &title);
        let date = day_between(rng, Day::from_ymd(2019, 1, 1), TODAY);
        let described = rng.chance(85);
        let page = new(format!("{s}/news/{id}.md"), title, Item::News);
        add(
            rng,
            Page {
                date: Some(date),
                ..page
            },
            described,
        );
    }
    add(rng, section("documents", "Documents", 5), true);
    let mut titles = BTreeSet::new();
    for _ in 0..counts.documents {
        let (template, word) = *rng.pick(DOCUMENT_TITLES);
        let title = fresh_title(rng, p, &[template], &mut titles);
        let id = ids.claim_in(s, &title);
        let file = format!("{}.{}", slug(&title), if word { "docx" } else { "pdf" });
        let published = day_between(rng, Day::from_ymd(2016, 1, 1), TODAY);
        let path = format!("{s}/documents/{id}/index.md");
        add(
            rng,
            new(path, title, Item::Document { file, published }),
            true,
        );
    }
}
