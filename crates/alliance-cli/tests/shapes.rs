//! End-to-end: a site of another shape than the example (`tests/fixtures/shapes`),
//! written from PRODUCT.md's contract alone, built by the real binary.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;

/// The shapes fixture built once into a fresh folder; returns the folder.
fn built() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    build_ok(&fixture("shapes"), &dir.path().join("public"));
    dir
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join("public").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// A copy of the fixture with `rel` written, checked: (exit code, stderr).
fn check_edited(rel: &str, text: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("shapes"), &site);
    write(&site, rel, text);
    let o = alliance(&["check", "--root", site.to_str().unwrap()]);
    (o.status.code(), String::from_utf8(o.stderr).unwrap())
}

/// `alliance ARGS` with `SOURCE_DATE_EPOCH` set to `epoch`.
fn alliance_on(epoch: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alliance"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", epoch)
        .output()
        .unwrap()
}

#[test]
fn members_count_organisations_and_say_seats() {
    let dir = built();
    let board = read(dir.path(), "groups/board/index.html");
    // org-010 holds two seats, org-005 one, org-012's seat is vacant.
    assert!(
        board.contains("<dt>Members</dt><dd>2 organisations in 3 seats; 1 vacant seat</dd>"),
        "{board}"
    );
    let safety = read(dir.path(), "groups/safety/index.html");
    assert!(safety.contains("<dt>Members</dt><dd>2 organisations</dd>"));
    // The structure page counts the same way: organisations, not seats, and
    // the vacant seat apart, in its list and in the balance of sectors.
    let structure = read(dir.path(), "about/structure/index.html");
    assert!(
        structure.contains(
            "Lowmoor Together Board</a> <span class=\"seat__kind\">(Executive, 2 members, 1 vacant seat)</span>"
        ),
        "{structure}"
    );
    assert!(structure.contains("2 members. Public sector: 1; Police: 1."));
}

#[test]
fn a_meeting_past_midnight_shows_its_end_date_on_the_page_and_in_lists() {
    let dir = built();
    let page = read(dir.path(), "meetings/2026/night-walk/index.html");
    assert!(page.contains(
        r#"<time datetime="2026-10-24T22:00:00">Saturday 24 October 2026</time> to <time datetime="2026-10-25T03:00:00">Sunday 25 October 2026</time>"#
    ));
    assert!(page.contains("<dt>Time</dt><dd>10pm on Saturday to 3am on Sunday</dd>"));
    let list = "Saturday 24 October 2026, 10pm</time> to <time datetime=\"2026-10-25T03:00:00\">Sunday 25 October 2026, 3am</time>";
    for rel in [
        "meetings/index.html",
        "meetings/2026/index.html",
        "groups/night-time/index.html",
    ] {
        assert!(read(dir.path(), rel).contains(list), "{rel}");
    }
    // A meeting within one day keeps "2pm to 4pm".
    let march = read(dir.path(), "meetings/2026/board-march/index.html");
    assert!(march.contains("<dt>Time</dt><dd>2pm to 4pm</dd>"));
}

#[test]
fn times_the_clocks_skip_or_repeat_are_errors_with_a_hint() {
    let meeting = |start: &str| {
        format!(
            "+++\ntitle = \"Board\"\nkind = \"meeting\"\ngroup = \"board\"\nstart = {start}\n+++\n"
        )
    };
    let (code, err) = check_edited(
        "content/meetings/2027/gap.md",
        &meeting("2027-03-28T01:30:00"),
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("content/meetings/2027/gap.md:5:9: error: 01:30 on 28 March 2027 does not exist in Europe/London"), "{err}");
    assert!(err.contains("= hint: clocks go forward at 1am on 28 March 2027: 01:30 does not exist in Europe/London; write 02:30 or 00:30"), "{err}");
    let (code, err) = check_edited(
        "content/meetings/2026/fold.md",
        &meeting("2026-10-25T01:30:00"),
    );
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("content/meetings/2026/fold.md:5:9: error: 01:30 on 25 October 2026 happens twice in Europe/London"), "{err}");
    assert!(
        err.contains("= hint: clocks go back at 2am on 25 October 2026"),
        "{err}"
    );
    // The fixture's own meetings, a minute either side of each change, are fine.
    let dir = built();
    let jsonld = read(dir.path(), "meetings/2027/safety-march/index.html");
    assert!(jsonld.contains("2027-03-28T02:00:00+01:00"), "{jsonld}");
}

#[test]
fn calendar_stamps_are_never_after_the_build_day_and_stay_put() {
    let dir = built();
    let ics = read(dir.path(), "meetings.ics");
    let stamps: Vec<&str> = ics
        .lines()
        .filter_map(|l| l.strip_prefix("DTSTAMP:"))
        .collect();
    assert_eq!(stamps.len(), 7);
    // Tests build on 1 June 2026: every upcoming meeting is stamped that day.
    assert!(
        stamps.iter().all(|s| *s <= "20260601T000000Z"),
        "{stamps:?}"
    );
    assert!(stamps.contains(&"20260601T000000Z"));
    // The March meeting, already held, keeps its own date.
    assert!(stamps.contains(&"20260312T140000Z"), "{stamps:?}");
    let again = built();
    assert_eq!(read(again.path(), "meetings.ics"), ics);
}

#[test]
fn spreadsheet_addresses_keep_their_line_breaks() {
    let dir = built();
    let org = read(dir.path(), "members/org-003/index.html");
    assert!(
        org.contains(r#"<address class="address">3 Market Street<br>Lowmoor<br>LM4 3AB</address>"#)
    );
    // A quoted comma stays in its cell.
    let org = read(dir.path(), "members/org-001/index.html");
    assert!(org.contains(">Unit 1, Moor Road, Lowmoor</address>"));
    // All 120 rows are pages.
    assert!(
        dir.path()
            .join("public/members/org-120/index.html")
            .is_file()
    );
}

#[test]
fn feeds_make_src_absolute_when_an_image_comes_before_a_link() {
    let dir = built();
    let feed = read(dir.path(), "news/atom.xml");
    assert!(
        feed.contains(
            "src=&quot;https://www.lowmoor.example.org/together/news/launch/launch.png&quot;"
        ),
        "{feed}"
    );
    assert!(feed.contains("href=&quot;https://www.lowmoor.example.org/together/library/plans/2026/safety-plan/index.html&quot;"));
    assert!(!feed.contains("src=&quot;launch.png"));
}

#[test]
fn news_filed_by_year_is_listed_and_fed_by_every_section_above_it() {
    let dir = built();
    // news/launch/ is the news section's own; news/2025/awards.md is filed by year.
    let news = read(dir.path(), "news/index.html");
    let main = main_of(&news);
    let launch = main
        .find("<a href=\"launch/index.html\">Lowmoor Together launches its plans</a>")
        .unwrap_or_else(|| panic!("the section's own news is listed:\n{main}"));
    let awards = main
        .find("<a href=\"2025/awards/index.html\">Community awards for six volunteers</a>")
        .unwrap_or_else(|| panic!("the news filed under 2025/ is listed:\n{main}"));
    assert!(launch < awards, "newest first:\n{main}");
    assert!(main.contains("<time datetime=\"2025-11-20\">"), "{main}");
    assert!(
        main.contains("<a href=\"2025/index.html\">News from 2025</a>"),
        "{main}"
    );
    let feed = read(dir.path(), "news/atom.xml");
    let entry = |path: &str| {
        feed.find(&format!(
            "<id>https://www.lowmoor.example.org/together/news/{path}</id>"
        ))
    };
    let (launch, awards) = (entry("launch/").unwrap(), entry("2025/awards/"));
    assert!(awards.is_some_and(|a| launch < a), "{feed}");
    // The year's own section lists and feeds its news as before.
    let year = read(dir.path(), "news/2025/index.html");
    assert!(
        main_of(&year).contains("<a href=\"awards/index.html\">"),
        "{year}"
    );
    assert!(read(dir.path(), "news/2025/atom.xml").contains("news/2025/awards/</id>"));
}

#[test]
fn extensions_are_case_insensitive_and_names_are_nfc() {
    let dir = built();
    // `About/History.MD` is a page, not a copied file.
    assert!(
        read(dir.path(), "about/history/index.html")
            .contains("<h1 class=\"page-title\" data-template=\"site\">Our history</h1>")
    );
    assert!(!dir.path().join("public/about/History.MD").exists());
    // `café.md` is named in NFD on disk; its address is NFC, and the link to it resolves.
    let names: Vec<String> = std::fs::read_dir(dir.path().join("public/about"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(names.contains(&"caf\u{e9}".to_owned()), "{names:?}");
    assert!(!names.contains(&"cafe\u{301}".to_owned()));
    assert!(read(dir.path(), "about/index.html").contains("href=\"caf\u{e9}/index.html\""));
}

#[test]
fn a_snapshot_is_as_of_its_date_whatever_the_clock() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("shapes"), &site);
    let take = |epoch: &str, out: &str, extra: &[&str]| {
        let out = dir.path().join(out);
        let mut args = vec![
            "snapshot",
            "--root",
            site.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        (alliance_on(epoch, &args), out)
    };
    // Taken in June and in December 2026 for the day after the night walk.
    let (june, a) = take("1780315200", "a", &["--date", "2026-10-25"]);
    assert!(
        june.status.success(),
        "{}",
        String::from_utf8_lossy(&june.stderr)
    );
    let (december, b) = take("1796000000", "b", &["--date", "2026-10-25"]);
    assert!(december.status.success());
    let meetings = |out: &Path| {
        std::fs::read_to_string(out.join("2026-10-25/site/meetings/index.html")).unwrap()
    };
    assert_eq!(
        tree(&a.join("2026-10-25/site")),
        tree(&b.join("2026-10-25/site"))
    );
    let page = meetings(&a);
    let past = page.find("id=\"past-meetings\"").unwrap();
    let walk = page.find("night-walk/index.html").unwrap();
    let conference = page.find("conference/index.html").unwrap();
    assert!(
        walk > past && conference < past,
        "the walk is past, the conference to come"
    );
    // The banner names only what the site has: no forms, no search, no contact details.
    assert!(
        page.contains("links to other websites may not work.</p>"),
        "{page}"
    );
    assert!(!page.contains("forms and search"));
    // A second snapshot of the same date is refused, unless forced.
    let (again, _) = take("1780315200", "a", &["--date", "2026-10-25"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("pass --force to replace it"));
    let (forced, _) = take("1780315200", "a", &["--date", "2026-10-25", "--force"]);
    assert!(forced.status.success());
    // Without --date, SOURCE_DATE_EPOCH's day.
    let (dated, c) = take("1780315200", "c", &[]);
    assert!(dated.status.success());
    assert!(c.join("2026-06-01/site/index.html").is_file());
}

#[test]
fn a_snapshot_checks_base_url_before_building() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("shapes"), &site);
    let config = std::fs::read_to_string(site.join("config.toml")).unwrap();
    write(
        &site,
        "config.toml",
        &config.replace("https://www.lowmoor.example.org/together", "/together"),
    );
    let out = dir.path().join("snaps");
    let o = alliance(&[
        "snapshot",
        "--root",
        site.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert_ne!(o.status.code(), Some(0), "{err}");
    assert!(err.contains("base_url"), "{err}");
    assert!(!out.exists(), "nothing is built");
}

#[test]
fn misused_commands_exit_2_and_check_ends_with_the_count() {
    let o = alliance(&["build", "--root", "no-such-site-folder"]);
    assert_eq!(o.status.code(), Some(2));
    let full = std::env::current_dir().unwrap().join("no-such-site-folder");
    assert!(String::from_utf8_lossy(&o.stderr).contains(&full.display().to_string()));
    let dir = tempfile::tempdir().unwrap();
    let o = alliance(&[
        "build",
        "--root",
        fixture("shapes").to_str().unwrap(),
        "--output",
        dir.path().join("out").to_str().unwrap(),
        "--base-url",
        "notaurl",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not an absolute web address"));
    assert!(!dir.path().join("out").exists());
    let (code, err) = check_edited(
        "content/about/broken.md",
        "+++\ntitle = \"B\"\n+++\n[x](@/nowhere.md)\n",
    );
    assert_eq!(code, Some(1));
    assert!(err.ends_with("error: the site has 1 error\n"), "{err}");
    assert!(!err.contains("nothing was written"));
}
