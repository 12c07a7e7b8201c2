//! End-to-end: the partnership model. A fixture site written only from
//! PRODUCT.md's contract (tests/fixtures/partnership, with members in a CSV)
//! builds every derived page, feed and piece of structured data; each bad
//! reference is an error with its place and a hint.
//!
//! Over 600 lines on purpose: one fixture site, built once, and a test per
//! derived page or validation error against it; split, each part would
//! build the fixture again.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use icalendar::{Calendar, CalendarComponent, Component, EventLike};

/// Builds the partnership fixture once per test into a temp folder.
fn built() -> (tempfile::TempDir, PathBuf) {
    built_fixture("partnership")
}

fn of_type<'a>(graph: &'a [serde_json::Value], kind: &str) -> Vec<&'a serde_json::Value> {
    graph.iter().filter(|v| v["@type"] == kind).collect()
}

/// Asserts every relative link in a page resolves to a built file.
fn links_resolve(out: &Path, page: &str) {
    let html = read(out, page);
    let base = out.join(page);
    for href in attr_values(&html, "href") {
        if href.contains("://") || href.starts_with('#') || href.contains(':') {
            continue;
        }
        let target = base.parent().unwrap().join(href.split('#').next().unwrap());
        assert!(target.exists(), "{page}: broken link {href}");
    }
}

#[test]
fn organisation_pages_list_every_group_they_sit_on() {
    let (_dir, out) = built();
    let council = read(&out, "members/council/index.html");
    let main = main_of(&council);
    assert!(main.contains("<dt>Sector</dt><dd>Public sector</dd>"));
    assert!(main.contains("href=\"https://www.riverside.example.gov.uk\""));
    assert!(main.contains("Town Hall<br>Riverside<br>RV1 1AA"));
    for (group, path) in [
        ("Partnership Board", "../../groups/board/index.html"),
        (
            "Community Safety Partnership",
            "../../groups/safety/index.html",
        ),
        (
            "Health and Wellbeing Partnership",
            "../../groups/wellbeing/index.html",
        ),
    ] {
        assert!(
            main.contains(&format!("<a href=\"{path}\">{group}</a>")),
            "{group} missing:\n{main}"
        );
    }
    assert!(main.contains("represented by Cllr Jane Smith, Chair"));
    links_resolve(&out, "members/council/index.html");
    // A spreadsheet row is a page like any other.
    let cab = read(&out, "members/riverside-cab/index.html");
    assert!(cab.contains("<h1>Citizens Advice Riverside, Town Branch</h1>"));
    assert!(cab.contains("<dd>Voluntary and community</dd>"));
    assert!(main_of(&cab).contains("Advisory, non-voting"));
    let foodbank = read(&out, "members/foodbank/index.html");
    assert!(foodbank.contains("Community Safety Partnership</a>"));
}

#[test]
fn every_member_links_back_from_its_organisation_page() {
    let (_dir, out) = built();
    for group in ["board", "safety", "wellbeing", "youth"] {
        let html = read(&out, &format!("groups/{group}/index.html"));
        let main = main_of(&html);
        let table = &main[main.find("<table class=\"members-table\">").unwrap()..];
        let table = &table[..table.find("</table>").unwrap()];
        for href in attr_values(table, "href") {
            let org_page = format!("groups/{group}/{href}");
            let org = read(&out, &org_page.replace("groups/x/../../", ""));
            assert!(
                org.contains(&format!("href=\"../../groups/{group}/index.html\"")),
                "{href} does not link back to {group}"
            );
        }
    }
}

#[test]
fn group_page_shows_members_by_sector_subgroups_and_meetings() {
    let (_dir, out) = built();
    let html = read(&out, "groups/board/index.html");
    let main = main_of(&html);
    assert!(main.contains("<caption>Members of Partnership Board, by sector</caption>"));
    assert!(main.contains("<th scope=\"col\">Organisation</th>"));
    let sectors: Vec<&str> = main
        .match_indices("<th scope=\"rowgroup\" colspan=\"3\">")
        .map(|(i, m)| {
            let rest = &main[i + m.len()..];
            &rest[..rest.find("</th>").unwrap()]
        })
        .collect();
    assert_eq!(
        sectors,
        [
            "Public sector (1)",
            "Health (1)",
            "Police (1)",
            "Education (1)",
            "Business (1)",
            "Voluntary and community (1)"
        ]
    );
    assert!(main.contains("<dt>Chair</dt><dd>Cllr Jane Smith, <a href=\"../../members/council/index.html\">Riverside Borough Council</a>"));
    assert!(main.contains("<td>Chief Inspector Ali Khan</td><td>Vice-chair</td>"));
    assert!(main.contains("<span class=\"vacant\">Not named</span>"));
    assert!(main.contains("Groups reporting to Partnership Board"));
    assert!(main.contains("<a href=\"../safety/index.html\">Community Safety Partnership</a>"));
    assert!(
        main.contains("<a href=\"../wellbeing/index.html\">Health and Wellbeing Partnership</a>")
    );
    assert!(
        !main.contains("Youth Task and Finish Group</a>"),
        "grandchildren are not listed"
    );
    // Both board meetings are past on 1 June 2026, the cancelled one marked.
    assert!(main.contains("No meetings are scheduled"));
    let past = &main[main.find("id=\"past-meetings\"").unwrap()..];
    let march = past.find("12 March 2026").unwrap();
    let november = past.find("20 November 2025").unwrap();
    assert!(past.find("id=\"meetings-2026\"").unwrap() < march && march < november);
    assert!(past[march..november].contains("Cancelled"));
    assert!(main.contains("href=\"meetings.ics\""));
    // Sector balance: a labelled chart and a table.
    assert!(main.contains(
        "<title id=\"balance-board-title\">Members of Partnership Board by sector</title>"
    ));
    assert!(main.contains(
        "<tfoot><tr><th scope=\"row\">All sectors</th><td class=\"numeric\">6</td></tr></tfoot>"
    ));
    links_resolve(&out, "groups/board/index.html");
    let safety = main_of(&read(&out, "groups/safety/index.html")).to_owned();
    assert!(
        safety.contains(
            "<dt>Reports to</dt><dd><a href=\"../board/index.html\">Partnership Board</a>"
        )
    );
    assert!(safety.contains("<li>Opened a night-time safe haven</li>"));
    assert!(safety.contains("How we will do this"));
    assert!(safety.contains("<a href=\"../../strategy/index.html#safer\">Safer communities</a>"));
    let upcoming = &safety[safety.find("id=\"upcoming-meetings\"").unwrap()..];
    assert!(upcoming.contains("Wednesday 9 September 2026, 6:30pm"));
}

#[test]
fn structure_page_draws_the_groups_with_a_text_equivalent() {
    let (_dir, out) = built();
    let html = read(&out, "about/structure/index.html");
    let main = main_of(&html);
    assert!(main.contains("The Board sets the direction"));
    let svg = &main[main.find("<svg").unwrap()..main.find("</svg>").unwrap()];
    assert!(svg.contains("role=\"img\""));
    assert!(svg.contains(
        "<title id=\"structure-diagram-title\">The structure of Riverside Partnership</title>"
    ));
    assert!(svg.contains("4 groups"));
    assert_eq!(svg.matches("<rect").count(), 4);
    assert_eq!(
        svg.matches("<path").count(),
        3,
        "one line per reporting link"
    );
    // The nested list carries the same tree: youth inside safety inside board.
    let list = &main[main.find("<ul class=\"structure-tree\">").unwrap()..];
    let list = &list[..list.find("<h2").unwrap()];
    let board = list.find(">Partnership Board</a>").unwrap();
    let safety = list.find(">Community Safety Partnership</a>").unwrap();
    let youth = list.find(">Youth Task and Finish Group</a>").unwrap();
    let wellbeing = list.find(">Health and Wellbeing Partnership</a>").unwrap();
    assert!(board < safety && safety < youth && youth < wellbeing);
    assert_eq!(
        list[..youth].matches("<ul").count(),
        3,
        "youth is two levels down"
    );
    assert_eq!(list.matches("<ul").count(), list.matches("</ul>").count());
    assert_eq!(list.matches("<li").count(), list.matches("</li>").count());
    for group in ["board", "safety", "youth", "wellbeing"] {
        assert!(main.contains(&format!("id=\"balance-of-{group}\"")));
    }
    links_resolve(&out, "about/structure/index.html");
}

#[test]
fn members_directory_lists_organisations_by_sector_with_counts() {
    let (_dir, out) = built();
    let html = read(&out, "members/index.html");
    let main = main_of(&html);
    assert!(main.contains("7 organisations in 6 sectors"));
    assert!(main.contains("<h3 id=\"sector-voluntary\">Voluntary and community (2)</h3>"));
    let voluntary = &main[main.find("id=\"sector-voluntary\"").unwrap()..];
    let cab = voluntary.find("Citizens Advice Riverside").unwrap();
    let foodbank = voluntary.find("Riverside Food Bank").unwrap();
    assert!(cab < foodbank, "by name within a sector");
    links_resolve(&out, "members/index.html");
}

#[test]
fn meetings_section_lists_upcoming_then_past_by_year() {
    let (_dir, out) = built();
    let html = read(&out, "meetings/index.html");
    let main = main_of(&html);
    let upcoming = main.find("id=\"upcoming-meetings\"").unwrap();
    let past = main.find("id=\"past-meetings\"").unwrap();
    let september = main
        .find("Community Safety Partnership, 9 September 2026")
        .unwrap();
    assert!(upcoming < september && september < past);
    let y2026 = main.find("id=\"meetings-2026\"").unwrap();
    let y2025 = main.find("id=\"meetings-2025\"").unwrap();
    assert!(past < y2026 && y2026 < y2025);
    assert!(main.contains("href=\"../meetings.ics\""));
    assert!(main.contains("<p class=\"meeting__group\">Partnership Board</p>"));
    // A meeting page: facts and papers with format and size.
    let meeting = read(&out, "meetings/2025-11-exec/index.html");
    let main = main_of(&meeting);
    assert!(main.contains("<dt>Time</dt><dd>2pm to 4pm</dd>"));
    assert!(main.contains("<a href=\"agenda.pdf\">Agenda</a>"));
    let size = std::fs::metadata(out.join("meetings/2025-11-exec/agenda.pdf"))
        .unwrap()
        .len();
    assert!(size < 1024);
    assert!(main.contains(&format!(
        "<p class=\"attachment__meta\">PDF, {size} bytes</p>"
    )));
    let cancelled = read(&out, "meetings/2026-03-exec/index.html");
    assert!(cancelled.contains("This meeting has been cancelled."));
}

#[test]
fn documents_show_format_and_size() {
    let (_dir, out) = built();
    let html = read(&out, "publications/plan/index.html");
    let main = main_of(&html);
    assert!(main.contains("<a href=\"community-safety-plan.pdf\">Community Safety Plan 2026</a>"));
    assert!(main.contains("<p class=\"attachment__meta\">PDF, 147 KB</p>"));
    assert!(main.contains("Published <time datetime=\"2026-04-01\">1 April 2026</time>"));
    assert!(
        out.join("publications/plan/community-safety-plan.pdf")
            .exists()
    );
    let graph = json_ld(&html);
    let doc = of_type(&graph, "DigitalDocument")[0];
    assert_eq!(doc["encodingFormat"], "application/pdf");
    assert_eq!(doc["contentSize"], "147 KB");
    assert_eq!(
        doc["url"],
        "https://www.riverside-partnership.example.org/publications/plan/community-safety-plan.pdf"
    );
}

#[test]
fn strategy_shows_priorities_with_indicator_tables_and_charts() {
    let (_dir, out) = built();
    let html = read(&out, "strategy/index.html");
    let main = main_of(&html);
    assert!(main.contains("A safe, healthy and thriving Riverside"));
    assert!(main.contains("<h2 id=\"safer\">Safer communities</h2>"));
    assert!(main.contains(
        "Led by <a href=\"../groups/safety/index.html\">Community Safety Partnership</a>"
    ));
    assert!(main.contains("<caption>Anti-social behaviour incidents (incidents a year)</caption>"));
    for row in [
        // One precision for the series: 980.5 makes every value show a decimal.
        "<th scope=\"row\">Baseline</th><td class=\"numeric\">1,200.0</td>",
        "<th scope=\"row\">2017/18</th><td class=\"numeric\">980.5</td>",
        "<th scope=\"row\">Target</th><td class=\"numeric\">900.0</td>",
    ] {
        assert!(main.contains(row), "{row}");
    }
    let svg = &main[main.find("<svg").unwrap()..];
    assert!(svg.contains("<title id=\"indicator-safer-1-title\">Anti-social behaviour incidents (incidents a year)</title>"));
    assert!(
        svg.contains("2016: 1,105.0"),
        "the description carries the values"
    );
    assert!(svg.contains("Target: 900.0") && svg.contains("Baseline: 1,200.0"));
}

#[test]
fn icalendar_feeds_parse_back_with_every_field() {
    let (_dir, out) = built();
    let text = read(&out, "meetings.ics");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line over 75 octets: {line}");
    }
    assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"));
    let calendar: Calendar = text.parse().unwrap();
    let events: Vec<&icalendar::Event> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), 3);
    let by_uid = |uid: &str| {
        *events
            .iter()
            .find(|e| e.get_uid() == Some(uid))
            .unwrap_or_else(|| panic!("no event {uid}"))
    };
    let held = by_uid("meetings-2025-11-exec@www.riverside-partnership.example.org");
    assert_eq!(
        held.get_summary(),
        Some("Partnership Board, 20 November 2025")
    );
    assert_eq!(held.get_location(), Some("Council Chamber, Town Hall"));
    assert_eq!(
        held.get_url(),
        Some("https://www.riverside-partnership.example.org/meetings/2025-11-exec/")
    );
    assert_eq!(held.get_status(), Some(icalendar::EventStatus::Confirmed));
    assert_eq!(held.property_value("DTSTAMP"), Some("20251120T140000Z"));
    let start = held.properties().get("DTSTART").unwrap();
    assert_eq!(start.value(), "20251120T140000");
    assert_eq!(
        start.params().get("TZID").map(|p| p.value()),
        Some("Europe/London")
    );
    assert_eq!(held.property_value("DTEND"), Some("20251120T160000"));
    let cancelled = by_uid("meetings-2026-03-exec@www.riverside-partnership.example.org");
    assert_eq!(
        cancelled.get_status(),
        Some(icalendar::EventStatus::Cancelled)
    );
    assert_eq!(cancelled.property_value("SEQUENCE"), Some("3"));
    assert_eq!(
        cancelled.get_location(),
        Some("Room 1, Town Hall; and online")
    );
    assert!(cancelled.property_value("DTEND").is_none());
    // One feed per group with meetings, holding only its own.
    let board: Calendar = read(&out, "groups/board/meetings.ics").parse().unwrap();
    assert_eq!(
        board
            .components
            .iter()
            .filter(|c| matches!(c, CalendarComponent::Event(_)))
            .count(),
        2
    );
    assert!(out.join("groups/safety/meetings.ics").exists());
    assert!(
        !out.join("groups/youth/meetings.ics").exists(),
        "no empty calendars"
    );
}

#[test]
fn json_ld_describes_the_partnership_its_members_and_meetings() {
    let (_dir, out) = built();
    let home = json_ld(&read(&out, "index.html"));
    let partnership = of_type(&home, "Organization")[0];
    assert_eq!(partnership["name"], "Riverside Partnership");
    let members = partnership["member"].as_array().unwrap();
    assert_eq!(members.len(), 7);
    let kind_of = |name: &str| {
        members
            .iter()
            .find(|m| m["name"] == name)
            .map(|m| m["@type"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert_eq!(
        kind_of("Riverside Borough Council"),
        "GovernmentOrganization"
    );
    assert_eq!(kind_of("Riverside Constabulary"), "GovernmentOrganization");
    assert_eq!(kind_of("Riverside NHS Trust"), "Organization");
    assert_eq!(kind_of("Riverside Food Bank"), "Organization");
    assert!(!of_type(&home, "BreadcrumbList").is_empty());

    let council = json_ld(&read(&out, "members/council/index.html"));
    let org = of_type(&council, "GovernmentOrganization")[0];
    let member_of: Vec<&str> = org["memberOf"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["memberOf"]["name"].as_str())
        .collect();
    assert_eq!(
        member_of,
        // By kind (the executive first), then title.
        [
            "Partnership Board",
            "Community Safety Partnership",
            "Health and Wellbeing Partnership"
        ]
    );

    let board = json_ld(&read(&out, "groups/board/index.html"));
    let group = board
        .iter()
        .find(|v| {
            v["@id"]
                .as_str()
                .is_some_and(|id| id.ends_with("/groups/board/#group"))
        })
        .unwrap();
    let roles = group["member"].as_array().unwrap();
    assert_eq!(roles.len(), 6);
    assert_eq!(roles[1]["@type"], "OrganizationRole");
    assert_eq!(roles[1]["roleName"], "Vice-chair");
    assert_eq!(roles[1]["member"]["name"], "Riverside Constabulary");
    assert_eq!(group["subOrganization"].as_array().unwrap().len(), 2);

    let meeting = json_ld(&read(&out, "meetings/2026-09-safety/index.html"));
    let event = of_type(&meeting, "Event")[0];
    assert_eq!(
        event["startDate"], "2026-09-09T18:30:00+01:00",
        "BST in September"
    );
    assert_eq!(event["location"]["name"], "Riverside Library");
    assert_eq!(event["organizer"]["name"], "Community Safety Partnership");
    let cancelled = json_ld(&read(&out, "meetings/2026-03-exec/index.html"));
    assert_eq!(
        of_type(&cancelled, "Event")[0]["eventStatus"],
        "https://schema.org/EventCancelled"
    );
    let crumbs = of_type(&meeting, "BreadcrumbList")[0]["itemListElement"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(crumbs.len(), 3);
    assert_eq!(
        crumbs[1]["item"],
        "https://www.riverside-partnership.example.org/meetings/"
    );
}

#[test]
fn a_to_z_lists_every_page_by_letter_and_anchors_from_templates_link() {
    let (_dir, out) = built();
    let html = read(&out, "a-z/index.html");
    let main = main_of(&html);
    let c = main.find("<h2 id=\"letter-c\">C</h2>").unwrap();
    let s = main.find("<h2 id=\"letter-s\">S</h2>").unwrap();
    let cab = main
        .find(">Citizens Advice Riverside, Town Branch</a>")
        .unwrap();
    let safety = main.find(">Community Safety Partnership</a>").unwrap();
    assert!(c < cab && cab < safety && safety < s);
    assert!(main.contains("<a href=\"#letter-y\">Y</a>"));
    let entries =
        main.matches("<li><a href=").count() - main.matches("<li><a href=\"#letter-").count();
    assert_eq!(
        entries, 26,
        "every page but home, the accessibility statement and the search page"
    );
    assert!(main.contains("<a href=\"../search/index.html\">Search</a>"));
    assert!(main.contains("<a href=\"../accessibility/index.html\">Accessibility statement</a>"));
    // Pages the build makes carry structured data like every other page.
    for generated in ["a-z/index.html", "accessibility/index.html", "404.html"] {
        let graph = json_ld(&read(&out, generated));
        assert_eq!(graph[0]["@type"], "BreadcrumbList", "{generated}");
        assert_eq!(graph[1]["@type"], "Organization", "{generated}");
    }
    assert!(read(&out, "sitemap.xml").contains("/a-z/</loc>"));
    assert!(read(&out, "index.html").contains("<a href=\"a-z/index.html\">A to Z of pages</a>"));
    // Links to headings the templates make are checked like any other.
    let home = read(&out, "index.html");
    assert!(home.contains("href=\"strategy/index.html#safer\""));
    assert!(home.contains("href=\"groups/board/index.html#group-members\""));
}

#[test]
fn builds_are_byte_identical() {
    let (_a, first) = built();
    let (_b, second) = built();
    assert_eq!(tree(&first), tree(&second));
}

#[test]
fn shorthand_shapes_are_read_as_their_tables() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("partnership"), &site);
    replace(
        &site,
        "content/groups/youth.md",
        "members = [{ org = \"college\", role = \"Lead\" }]",
        "members = [\"college\", \"foodbank\"]\nchair = \"Sam Lee\"",
    );
    replace(
        &site,
        "content/meetings/2026-09-safety/index.md",
        "start = 2026-09-09T18:30:00",
        "start = \"2026-09-09 18:30\"",
    );
    let out = dir.path().join("public");
    build_ok(&site, &out);
    let youth = read(&out, "groups/youth/index.html");
    assert!(
        youth.contains("<dt>Chair</dt><dd>Sam Lee</dd>"),
        "{}",
        main_of(&youth)
    );
    assert!(youth.contains(">Riverside Food Bank</a>"));
    let meeting = read(&out, "meetings/2026-09-safety/index.html");
    assert!(meeting.contains("Wednesday 9 September 2026"));
}

// Validation: each bad reference is an error with its place and a hint.

fn broken(edit: impl FnOnce(&Path)) -> String {
    build_broken("partnership", edit)
}

#[test]
fn unknown_member_org_is_placed_with_nearest_id() {
    let err = broken(|s| {
        replace(
            s,
            "content/groups/board.md",
            "{ org = \"college\" }",
            "{ org = \"colege\" }",
        )
    });
    assert!(
        err.contains("content/groups/board.md:11:11: error: no organisation has the id `colege`"),
        "{err}"
    );
    assert!(err.contains("11 |   { org = \"colege\" },"));
    assert!(err.contains("hint: did you mean `college`?"));
}

#[test]
fn unknown_group_references_are_placed() {
    let err = broken(|s| {
        replace(
            s,
            "content/groups/safety.md",
            "reports_to = \"board\"",
            "reports_to = \"bord\"",
        );
        replace(
            s,
            "content/meetings/2026-09-safety/index.md",
            "group = \"safety\"",
            "group = \"safty\"",
        );
        replace(
            s,
            "content/strategy.md",
            "lead = \"wellbeing\"",
            "lead = \"wellbeeing\"",
        );
        replace(
            s,
            "content/groups/safety.md",
            "org = \"police\" }\nmembers",
            "org = \"polise\" }\nmembers",
        );
    });
    assert!(
        err.contains("content/groups/safety.md:6:14: error: no group has the id `bord`"),
        "{err}"
    );
    assert!(err.contains("hint: did you mean `board`?"));
    assert!(
        err.contains(
            "content/meetings/2026-09-safety/index.md:4:9: error: no group has the id `safty`"
        ),
        "{err}"
    );
    assert!(
        err.contains("content/strategy.md:24:8: error: no group has the id `wellbeeing`"),
        "{err}"
    );
    assert!(
        err.contains("content/groups/safety.md:7:52: error: no organisation has the id `polise`"),
        "{err}"
    );
    assert!(err.contains("4 errors"), "all reported together: {err}");
}

#[test]
fn an_id_used_twice_names_both_places() {
    let err = broken(|s| {
        write(
            s,
            "content/about/foodbank.md",
            "+++\ntitle = \"Food bank\"\nkind = \"organisation\"\nsector = \"voluntary\"\n+++\n",
        );
        write(
            s,
            "content/groups/council.md",
            "+++\ntitle = \"Council group\"\nkind = \"group\"\ngroup = \"local\"\n+++\n",
        );
    });
    assert!(
        err.contains(
            "content/members/organisations.csv:3:1: error: row 3, column id: the id `foodbank` is used twice"
        ),
        "{err}"
    );
    assert!(
        err.contains("content/about/foodbank.md already has the id `foodbank`"),
        "{err}"
    );
    assert!(
        err.contains("content/members/council.md:4:8: error: the id `council` is used twice"),
        "{err}"
    );
    assert!(
        err.contains("content/groups/council.md already has the id `council`"),
        "{err}"
    );
    assert!(err.contains("2 errors"), "no knock-on errors: {err}");
}

#[test]
fn values_outside_their_lists_are_placed() {
    let err = broken(|s| {
        replace(
            s,
            "content/members/police.md",
            "sector = \"police\"",
            "sector = \"polic\"",
        );
        replace(
            s,
            "content/groups/youth.md",
            "group = \"task-and-finish\"",
            "group = \"task and finish\"",
        );
        replace(
            s,
            "content/meetings/2025-11-exec/index.md",
            "status = \"held\"",
            "status = \"done\"",
        );
        replace(
            s,
            "content/meetings/2025-11-exec/index.md",
            "kind = \"minutes\"",
            "kind = \"minute\"",
        );
    });
    assert!(
        err.contains("content/members/police.md:4:10: error: `polic` is not a valid `sector`"),
        "{err}"
    );
    assert!(
        err.contains("hint: did you mean `police`? `sector` is one of `public`, `health`"),
        "{err}"
    );
    assert!(
        err.contains(
            "content/groups/youth.md:4:9: error: `task and finish` is not a valid `group`"
        ),
        "{err}"
    );
    assert!(err.contains("did you mean `task-and-finish`?"));
    assert!(
        err.contains(
            "content/meetings/2025-11-exec/index.md:8:10: error: `done` is not a valid `status`"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "content/meetings/2025-11-exec/index.md:11:53: error: `minute` is not a valid `kind`"
        ),
        "{err}"
    );
}

#[test]
fn a_bad_sector_in_the_spreadsheet_is_placed_on_its_cell() {
    let err = broken(|s| {
        replace(
            s,
            "content/members/organisations.csv",
            "foodbank,Riverside Food Bank,voluntary",
            "foodbank,Riverside Food Bank,volunteer",
        )
    });
    assert!(
        err.contains(
            "content/members/organisations.csv:3:30: error: row 3, column sector: `volunteer` is not a valid `sector`"
        ),
        "{err}"
    );
    assert!(err.contains("3 | foodbank,Riverside Food Bank,volunteer,,"));
    assert!(err.contains("did you mean `voluntary`?"));
}

#[test]
fn a_bad_spreadsheet_row_names_its_line() {
    let err = broken(|s| {
        replace(
            s,
            "content/members/organisations.csv",
            "chamber,Riverside Chamber of Commerce,business",
            "chamber,Riverside Chamber, of Commerce,business",
        );
    });
    assert!(err.contains("content/members/organisations.csv:4:1: error: this row has 6 cells but the header row names 5 columns"), "{err}");
    assert!(err.contains("hint: a cell holding a comma must be in \"double quotes\""));
}

#[test]
fn a_reporting_circle_is_an_error() {
    let err = broken(|s| {
        replace(
            s,
            "content/groups/board.md",
            "group = \"executive\"\n",
            "group = \"executive\"\nreports_to = \"youth\"\n",
        )
    });
    assert!(
        err.contains(
            "error: groups report to each other in a circle: board → youth → safety → board"
        ),
        "{err}"
    );
    assert!(err.contains("content/groups/board.md:6:14"), "{err}");
    assert!(err.contains("1 error"), "reported once: {err}");
}

#[test]
fn missing_paper_and_document_files_are_placed() {
    let err = broken(|s| {
        replace(
            s,
            "content/meetings/2025-11-exec/index.md",
            "file = \"minutes.pdf\"",
            "file = \"minutes.PDF.pdf\"",
        );
        replace(
            s,
            "content/publications/plan/index.md",
            "file = \"community-safety-plan.pdf\"",
            "file = \"plan.pdf\"",
        );
    });
    assert!(err.contains("content/meetings/2025-11-exec/index.md:11:31: error: the file `minutes.PDF.pdf` does not exist"), "{err}");
    assert!(err.contains("hint: did you mean `minutes.pdf`?"), "{err}");
    assert!(
        err.contains(
            "content/publications/plan/index.md:5:8: error: the file `plan.pdf` does not exist"
        ),
        "{err}"
    );
}

#[test]
fn missing_required_keys_and_wrong_types_are_placed() {
    let err = broken(|s| {
        replace(
            s,
            "content/members/college.md",
            "sector = \"education\"\n",
            "",
        );
        replace(
            s,
            "content/meetings/2026-09-safety/index.md",
            "start = 2026-09-09T18:30:00",
            "start = \"9 September 2026\"",
        );
        replace(
            s,
            "content/groups/youth.md",
            "{ org = \"college\", role = \"Lead\" }",
            "{ org = \"college\", rol = \"Lead\" }",
        );
    });
    assert!(
        err.contains(
            "content/members/college.md:3:1: error: an `organisation` page needs `sector`"
        ),
        "{err}"
    );
    assert!(err.contains("hint: add `sector = \"public\"`"), "{err}");
    assert!(err.contains("content/meetings/2026-09-safety/index.md:5:9: error: `9 September 2026` is not a date and time"), "{err}");
    assert!(
        err.contains("error: unknown key `rol` in `members`"),
        "{err}"
    );
    assert!(err.contains("did you mean `role`?"));
}
