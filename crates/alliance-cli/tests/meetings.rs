//! End-to-end: meetings as councils publish them (statuses, attendance mode,
//! agendas with exempt items, attendance, declarations), seats of every kind,
//! and a partnership that has closed (tests/fixtures/meetings, tests/fixtures/closed).

mod common;

use common::*;
use icalendar::{Calendar, CalendarComponent, Component};

fn of_type<'a>(graph: &'a [serde_json::Value], kind: &str) -> &'a serde_json::Value {
    graph
        .iter()
        .find(|v| v["@type"] == kind)
        .unwrap_or_else(|| panic!("no {kind}"))
}

fn events(text: &str) -> Vec<icalendar::Event> {
    let calendar: Calendar = text.parse().unwrap();
    calendar
        .components
        .into_iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect()
}

#[test]
fn agenda_items_are_numbered_with_their_papers_and_decisions() {
    let (_dir, out) = built_fixture("meetings");
    let html = read(&out, "meetings/2026-05-board/index.html");
    let main = main_of(&html);
    assert!(main.contains("<li class=\"agenda__item\" id=\"item-3\">\n<h3 class=\"agenda__title\"><span class=\"agenda__number\">3.</span> Budget 2026/27</h3>"), "{main}");
    let item3 = &main[main.find("id=\"item-3\"").unwrap()..main.find("id=\"item-4\"").unwrap()];
    assert!(
        item3.contains("<a href=\"budget.pdf\">Budget report 2026/27</a>"),
        "{item3}"
    );
    assert!(item3.contains("<strong>Decision:</strong> The budget was agreed."));
    let item4 = &main[main.find("id=\"item-4\"").unwrap()..];
    let item4 = &item4[..item4.find("</li>").unwrap()];
    assert!(item4.contains("Taken in private: this item is exempt from publication, and its paper is not published."), "{item4}");
    assert!(item4.contains("The contract was awarded."));
}

#[test]
fn exempt_papers_are_never_published_or_linked() {
    let (_dir, out) = built_fixture("meetings");
    assert!(out.join("meetings/2026-05-board/budget.pdf").is_file());
    assert!(!out.join("meetings/2026-05-board/contract.pdf").exists());
    for file in walkdir(&out) {
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        assert!(
            !text.contains("contract.pdf"),
            "{} names the exempt paper",
            file.display()
        );
        assert!(
            !text.contains("Cleaning contract tenders"),
            "{} names the exempt paper",
            file.display()
        );
    }
}

#[test]
fn exempt_papers_are_not_in_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let o = alliance(&[
        "snapshot",
        "--root",
        fixture("meetings").to_str().unwrap(),
        "--date",
        "2026-06-01",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let snapshot = dir.path().join("2026-06-01");
    // The CDXJ index names every record of the WARC (and of the WACZ holding it).
    let index = walkdir(&snapshot)
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "cdxj"))
        .expect("a CDXJ index");
    let index = std::fs::read_to_string(index).unwrap();
    assert!(
        index.contains("/meetings/2026-05-board/budget.pdf"),
        "{index}"
    );
    assert!(!index.contains("contract.pdf"), "{index}");
    for file in walkdir(&snapshot.join("site")) {
        let text = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        assert!(
            !text.contains("contract.pdf"),
            "{} names the exempt paper",
            file.display()
        );
    }
}

#[test]
fn attendance_and_declarations_read_as_moderngov_shows_them() {
    let (_dir, out) = built_fixture("meetings");
    let main = main_of(&read(&out, "meetings/2026-05-board/index.html")).to_owned();
    let section = |id: &str| {
        let start = main.find(&format!("id=\"{id}\"")).unwrap();
        let rest = &main[start..];
        rest[..rest.find("</ul>").unwrap()].to_owned()
    };
    assert!(section("attendance-present").contains(
        "Cllr Ann Lee, <a href=\"../../members/council/index.html\">Meadowbank Council</a>"
    ));
    assert!(section("attendance-apologies").contains(
        "Sam Jones, <a href=\"../../members/charity/index.html\">Meadowbank Volunteers</a>"
    ));
    assert!(section("attendance-absent").contains("<li>Cllr Bob Hart</li>"));
    assert!(section("attendance-substitutes").contains("Insp Kim Owen (substitute for Chief Supt Raj Patel, <a href=\"../../members/police/index.html\">Meadowbank Police</a>)"));
    assert!(main.contains("<tr><td><a href=\"#item-3\">3. Budget 2026/27</a></td><td>Cllr Ann Lee</td><td>Trustee of a charity the budget funds</td></tr>"), "{main}");
}

#[test]
fn statuses_are_in_words_on_the_page_and_in_every_list() {
    let (_dir, out) = built_fixture("meetings");
    let page = read(&out, "meetings/2026-07-board/index.html");
    assert!(page.contains("<strong>This meeting has been rescheduled.</strong> It was to take place on <time datetime=\"2026-07-09T14:00:00\">Thursday 9 July 2026, 2pm</time>."), "{page}");
    assert!(page.contains("<dt>Status</dt><dd>Rescheduled from 9 July 2026</dd>"));
    let postponed = read(&out, "meetings/2026-09-board/index.html");
    assert!(postponed.contains("<strong>This meeting has been postponed.</strong>"));
    for list in ["meetings/index.html", "groups/board/index.html"] {
        let html = read(&out, list);
        assert!(html.contains(": Partnership Board, July 2026</span></a> <strong class=\"tag\">Rescheduled from 9 July 2026</strong>"), "{list}");
        assert!(
            html.contains(
                ": Partnership Board, September 2026</span></a> <strong class=\"tag\">Postponed</strong>"
            ),
            "{list}"
        );
    }
}

#[test]
fn the_join_link_is_on_upcoming_online_meetings_only() {
    let (_dir, out) = built_fixture("meetings");
    let june = read(&out, "meetings/2026-06-board/index.html");
    assert!(june.contains("<dt>Attendance</dt><dd>Online</dd>"));
    assert!(june.contains("<a href=\"https://meet.example.org/board-june\">Join Partnership Board, 18 June 2026 online</a>"));
    let may = read(&out, "meetings/2026-05-board/index.html");
    assert!(may.contains("<dt>Attendance</dt><dd>In person and online</dd>"));
    assert!(
        !may.contains("https://meet.example.org/board-may\">"),
        "a past meeting's join link is shown"
    );
}

#[test]
fn json_ld_carries_status_attendance_mode_and_locations() {
    let (_dir, out) = built_fixture("meetings");
    let may = json_ld(&read(&out, "meetings/2026-05-board/index.html"));
    let event = of_type(&may, "Event");
    assert_eq!(
        event["eventAttendanceMode"],
        "https://schema.org/MixedEventAttendanceMode"
    );
    assert_eq!(event["location"][0]["@type"], "Place");
    assert_eq!(
        event["location"][0]["name"],
        "Council Chamber, Civic Centre"
    );
    assert_eq!(event["location"][1]["@type"], "VirtualLocation");
    assert_eq!(
        event["location"][1]["url"],
        "https://meet.example.org/board-may"
    );
    let june = json_ld(&read(&out, "meetings/2026-06-board/index.html"));
    let event = of_type(&june, "Event");
    assert_eq!(
        event["eventAttendanceMode"],
        "https://schema.org/OnlineEventAttendanceMode"
    );
    assert_eq!(event["location"]["@type"], "VirtualLocation");
    let july = json_ld(&read(&out, "meetings/2026-07-board/index.html"));
    let event = of_type(&july, "Event");
    assert_eq!(event["eventStatus"], "https://schema.org/EventRescheduled");
    assert_eq!(event["previousStartDate"], "2026-07-09T14:00:00+01:00");
    assert_eq!(event["startDate"], "2026-07-16T14:00:00+01:00");
    let september = json_ld(&read(&out, "meetings/2026-09-board/index.html"));
    assert_eq!(
        of_type(&september, "Event")["eventStatus"],
        "https://schema.org/EventPostponed"
    );
}

#[test]
fn calendars_keep_the_uid_and_raise_the_sequence() {
    let (_dir, out) = built_fixture("meetings");
    let events = events(&read(&out, "meetings.ics"));
    let by_uid = |page: &str| {
        let uid = format!("meetings-{page}@www.meadowbank.example.org");
        events
            .iter()
            .find(|e| e.get_uid() == Some(uid.as_str()))
            .unwrap_or_else(|| panic!("no {uid}"))
    };
    let scheduled = by_uid("2026-06-board");
    assert_eq!(
        scheduled.get_status(),
        Some(icalendar::EventStatus::Confirmed)
    );
    assert_eq!(scheduled.property_value("SEQUENCE"), Some("0"));
    let postponed = by_uid("2026-09-board");
    assert_eq!(
        postponed.get_status(),
        Some(icalendar::EventStatus::Tentative)
    );
    assert_eq!(postponed.property_value("SEQUENCE"), Some("1"));
    let rescheduled = by_uid("2026-07-board");
    assert_eq!(
        rescheduled.get_status(),
        Some(icalendar::EventStatus::Confirmed)
    );
    assert_eq!(rescheduled.property_value("SEQUENCE"), Some("2"));
    assert_eq!(
        rescheduled.properties().get("DTSTART").unwrap().value(),
        "20260716T140000"
    );
}

#[test]
fn seats_show_their_kind_vote_and_vacancies() {
    let (_dir, out) = built_fixture("meetings");
    let group = read(&out, "groups/board/index.html");
    assert!(
        group.contains("<dt>Members</dt><dd>2 organisations; 2 vacant seats</dd>"),
        "{group}"
    );
    assert!(group.contains("<td><a href=\"../../members/police/index.html\">Meadowbank Police</a></td><td><strong class=\"vacant\">Vacant</strong></td><td>Statutory member</td>"));
    assert!(group.contains("<td>Sam Jones</td><td>Invited participant <span class=\"seat__kind\">(non-voting)</span></td>"));
    assert!(group.contains(
        "<td>Cllr Ann Lee</td><td>Chair <span class=\"seat__kind\">(Statutory member)</span></td>"
    ));
    assert!(group.contains("<th scope=\"rowgroup\" colspan=\"3\">Vacant seats (1)</th></tr>\n<tr><td>No organisation yet</td><td><strong class=\"vacant\">Vacant</strong></td><td>Business representative <span class=\"seat__kind\">(Co-opted member)</span></td>"));
    let police = read(&out, "members/police/index.html");
    assert!(police.contains("Partnership Board</a> <span class=\"seat__kind\">(Executive)</span>: the seat is vacant; statutory member</li>"), "{police}");
    let charity = read(&out, "members/charity/index.html");
    assert!(charity.contains("represented by Sam Jones; invited participant, non-voting</li>"));
    let graph = json_ld(&group);
    let board = graph
        .iter()
        .find(|v| v["@type"] == "Organization" && v["name"] == "Partnership Board")
        .unwrap();
    let members = board["member"].as_array().unwrap();
    assert_eq!(
        members.len(),
        2,
        "vacant seats are not members: {members:?}"
    );
    assert_eq!(members[0]["@type"], "OrganizationRole");
    assert_eq!(members[0]["roleName"], "Chair");
    assert_eq!(members[1]["roleName"], "Invited participant");
}

#[test]
fn check_warns_of_late_agendas_stale_statuses_and_missing_minutes() {
    let o = alliance(&["check", "--root", fixture("meetings").to_str().unwrap()]);
    assert!(o.status.success());
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("content/meetings/2026-06-board/index.md:9:73: warning: the agenda was published 2 clear days before the meeting; 5 are needed"), "{err}");
    assert!(err.contains("hint: publish agendas at least 5 clear days before the meeting"));
    assert!(err.contains("content/meetings/2026-03-board/index.md:5:9: warning: the meeting was on 12 March 2026 but is still `scheduled`"), "{err}");
    assert!(err.contains("content/meetings/2026-04-board/index.md:6:10: warning: the meeting was held on 9 April 2026 and has no minutes after 53 days"));
    assert!(err.contains("warning: 3 warnings"), "{err}");
}

#[test]
fn a_closed_partnership_says_so_on_every_page_and_has_nothing_upcoming() {
    let (_dir, out) = built_fixture("closed");
    let notice = "<p><strong>Oldtown Partnership was replaced by <a href=\"https://www.oldtown-forward.example.org/\">Oldtown Forward</a> on <time datetime=\"2011-03-31\">31 March 2011</time>.</strong>";
    for page in walkdir(&out)
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = std::fs::read_to_string(page).unwrap();
        if html.contains("http-equiv=\"refresh\"") {
            continue;
        }
        assert!(html.contains(notice), "{}", page.display());
        assert!(!html.contains("Upcoming meetings"), "{}", page.display());
    }
    let list = read(&out, "meetings/index.html");
    assert!(list.contains(
        ": Partnership Board, 12 May 2011</span></a> <strong class=\"tag\">Not held</strong>"
    ));
    let page = read(&out, "meetings/2011-05-board/index.html");
    assert!(page.contains("This meeting was not held: the partnership closed on 31 March 2011."));
    let graph = json_ld(&read(&out, "index.html"));
    assert_eq!(
        of_type(&graph, "Organization")["dissolutionDate"],
        "2011-03-31"
    );
    assert_eq!(
        of_type(&json_ld(&page), "Event")["eventStatus"],
        "https://schema.org/EventCancelled"
    );
    let events = events(&read(&out, "meetings.ics"));
    let may = events
        .iter()
        .find(|e| e.get_summary() == Some("Partnership Board, 12 May 2011"))
        .unwrap();
    assert_eq!(may.get_status(), Some(icalendar::EventStatus::Cancelled));
    let o = alliance(&["check", "--root", fixture("closed").to_str().unwrap()]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(o.status.success(), "{err}");
    assert!(!err.contains("review"), "reviews reported overdue: {err}");
    assert!(!err.contains("scheduled"), "{err}");
}

#[test]
fn snapshots_keep_the_closed_notice_beside_their_banner() {
    let dir = tempfile::tempdir().unwrap();
    let o = alliance(&[
        "snapshot",
        "--root",
        fixture("closed").to_str().unwrap(),
        "--date",
        "2026-11-22",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = read(&dir.path().join("2026-11-22/site"), "index.html");
    let banner = html.find("class=\"snapshot-banner\"").unwrap();
    let notice = html.find("class=\"closed-notice\"").unwrap();
    let header = html.find("<header").unwrap();
    assert!(banner < notice && notice < header, "{html}");
}

// Validation: one test per error, each with its place and hint.

const MAY: &str = "content/meetings/2026-05-board/index.md";

fn broken(rel: &str, from: &str, to: &str) -> String {
    build_broken("meetings", |s| replace(s, rel, from, to))
}

#[test]
fn an_agenda_naming_a_paper_the_meeting_lacks_is_placed() {
    let err = broken(
        MAY,
        "papers = [\"budget.pdf\"]",
        "papers = [\"budjet.pdf\"]",
    );
    assert!(
        err.contains(&format!(
            "{MAY}:20:41: error: the meeting has no paper `budjet.pdf`"
        )),
        "{err}"
    );
    assert!(
        err.contains(
            "hint: did you mean `budget.pdf`? an item names files of the meeting's `papers`"
        ),
        "{err}"
    );
}

#[test]
fn a_declaration_against_no_agenda_item_is_placed() {
    let err = broken(MAY, "item = 3,", "item = 7,");
    assert!(
        err.contains(&format!("{MAY}:30:45: error: the agenda has no item 7")),
        "{err}"
    );
    assert!(err.contains("hint: agenda items are numbered 1 to 4 in the order written"));
}

#[test]
fn a_substitute_without_who_came_is_placed() {
    let err = broken(MAY, ", substitute = \"Insp Kim Owen\"", "");
    assert!(
        err.contains(&format!(
            "{MAY}:26:73: error: a substitute came: `substitute` names who came instead"
        )),
        "{err}"
    );
    assert!(err.contains("hint: add `substitute = \"Name of who came\"` to this entry"));
}

#[test]
fn an_attendee_of_an_unknown_organisation_is_placed() {
    let err = broken(
        MAY,
        "org = \"charity\", attended",
        "org = \"charty\", attended",
    );
    assert!(
        err.contains(&format!(
            "{MAY}:25:41: error: no organisation has the id `charty`"
        )),
        "{err}"
    );
    assert!(err.contains("hint: did you mean `charity`?"));
}

#[test]
fn a_rescheduled_meeting_without_its_old_date_is_placed() {
    let err = broken(
        "content/meetings/2026-07-board/index.md",
        "previous_start = 2026-07-09T14:00:00\n",
        "",
    );
    assert!(err.contains("content/meetings/2026-07-board/index.md:6:10: error: a rescheduled meeting needs `previous_start`, the date and time it was to start"), "{err}");
    assert!(err.contains(
        "hint: add `previous_start = 2026-12-03T14:00:00`, and set `start` to the new date and time"
    ));
}

#[test]
fn a_vacant_seat_with_a_representative_is_placed() {
    let err = broken(
        "content/groups/board.md",
        "{ org = \"police\", category",
        "{ org = \"police\", representative = \"Raj\", category",
    );
    assert!(err.contains("content/groups/board.md:7:38: error: a vacant seat has no representative, but `Raj` is named"), "{err}");
    assert!(err.contains(
        "hint: remove `vacant = true` if the seat is filled, or remove `representative`"
    ));
}

#[test]
fn a_filled_seat_without_an_organisation_is_placed() {
    let err = broken("content/groups/board.md", ", vacant = true },\n]", " },\n]");
    assert!(
        err.contains("content/groups/board.md:9:3: error: each entry of `members` needs `org`"),
        "{err}"
    );
    assert!(err.contains("hint: add `org = \"organisation-id\"`, or `vacant = true` for a seat no organisation holds yet"));
}

#[test]
fn a_seat_category_outside_its_list_is_placed() {
    let err = broken(
        "content/groups/board.md",
        "category = \"invited\"",
        "category = \"invitee\"",
    );
    assert!(
        err.contains("content/groups/board.md:8:63: error: `invitee` is not a valid `category`"),
        "{err}"
    );
    assert!(err.contains("hint: did you mean `invited`?"), "{err}");
}

#[test]
fn an_attendance_mode_outside_its_list_is_placed() {
    let err = broken(
        MAY,
        "attendance_mode = \"hybrid\"",
        "attendance_mode = \"hybird\"",
    );
    assert!(
        err.contains(&format!(
            "{MAY}:9:19: error: `hybird` is not a valid `attendance_mode`"
        )),
        "{err}"
    );
    assert!(err.contains("hint: did you mean `hybrid`?"), "{err}");
}

#[test]
fn a_closed_partnership_without_its_date_is_placed() {
    let err = build_broken("meetings", |s| {
        replace(
            s,
            "config.toml",
            "kind = \"Public Services Board\"\n",
            "kind = \"Public Services Board\"\nstatus = \"closed\"\n",
        )
    });
    assert!(
        err.contains(
            "config.toml:9:1: error: a partnership that has closed needs the date it closed"
        ),
        "{err}"
    );
    assert!(err.contains("hint: add `closed = 2011-03-31` under [partnership]"));
}

#[test]
fn every_new_error_is_reported_together() {
    let err = build_broken("meetings", |s| {
        replace(
            s,
            MAY,
            "papers = [\"budget.pdf\"]",
            "papers = [\"budjet.pdf\"]",
        );
        replace(s, MAY, "item = 3,", "item = 7,");
        replace(
            s,
            "content/groups/board.md",
            "category = \"invited\"",
            "category = \"invitee\"",
        );
    });
    assert!(err.contains("no paper `budjet.pdf`"), "{err}");
    assert!(err.contains("no item 7"), "{err}");
    assert!(err.contains("`invitee` is not a valid `category`"), "{err}");
}

/// A meeting filed in a year folder with no `_index.md` belongs to the
/// nearest section above it: it is published and listed there, so no page
/// is left unreachable (and no warning is needed).
#[test]
fn a_meeting_in_a_folder_without_a_section_page_is_published_and_listed() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("partnership"), &site);
    let meeting = std::fs::read_to_string(site.join("content/meetings/2026-03-exec/index.md"))
        .unwrap()
        .replace("2026-", "2027-");
    write(&site, "content/meetings/2027/x.md", &meeting);
    assert!(!site.join("content/meetings/2027/_index.md").exists());
    let out = dir.path().join("public");
    build_ok(&site, &out);
    assert!(out.join("meetings/2027/x/index.html").is_file());
    let listing = std::fs::read_to_string(out.join("meetings/index.html")).unwrap();
    assert!(listing.contains("href=\"2027/x/index.html\""), "{listing}");
}
