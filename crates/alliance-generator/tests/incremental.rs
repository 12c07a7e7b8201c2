//! Incremental rebuilds re-render only the pages a change can reach, and end
//! byte for byte where a full build of the edited site would.

use std::path::{Path, PathBuf};

use alliance_generator::Mode;
use alliance_generator::incremental::LiveSite;

/// A copy of the partnership fixture in a temp folder.
fn site() -> (tempfile::TempDir, PathBuf) {
    site_of("partnership")
}

/// A copy of a fixture in a temp folder.
fn site_of(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    for entry in walkdir::WalkDir::new(&fixture) {
        let entry = entry.unwrap();
        let target = root.join(entry.path().strip_prefix(&fixture).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    (dir, root)
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let path = root.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} lacks {from:?}");
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The files an update changed, but for the search index (which holds the
/// words of every page, so changes with any of them).
fn pages_changed(update: &alliance_generator::incremental::Update) -> Vec<&str> {
    update
        .changed
        .iter()
        .map(String::as_str)
        .filter(|path| !path.starts_with("search/"))
        .collect()
}

/// Applies a change and checks the result equals a fresh full build.
fn apply(
    live: &mut LiveSite,
    root: &Path,
    changed: &[&str],
) -> alliance_generator::incremental::Update {
    let changed: Vec<String> = changed.iter().map(|s| (*s).to_owned()).collect();
    let update = live
        .update(&changed)
        .unwrap_or_else(|e| panic!("{}", e.report()));
    let full = LiveSite::build(root, None, Mode::default()).unwrap();
    let (got, want) = (live.files(), full.files());
    let differing: Vec<&String> = want
        .keys()
        .chain(got.keys())
        .filter(|k| got.get(*k) != want.get(*k))
        .collect();
    assert!(
        differing.is_empty(),
        "incremental differs from full build: {differing:?}"
    );
    update
}

#[test]
fn each_kind_of_change_re_renders_only_what_it_reaches() {
    let (_dir, root) = site();
    let mut live = LiveSite::build(&root, None, Mode::default()).unwrap();
    let pages = live.site().pages.len();

    // A page's body: that page alone.
    edit(
        &root,
        "content/news/strategy-launch.md",
        "Read [the strategy]",
        "Do read [the strategy]",
    );
    let u = apply(&mut live, &root, &["content/news/strategy-launch.md"]);
    assert_eq!((u.rendered, u.full), (1, false));
    assert!(
        u.changed
            .contains(&"news/strategy-launch/index.html".to_owned())
    );
    assert!(
        u.changed.contains(&"news/atom.xml".to_owned()),
        "{:?}",
        u.changed
    );

    // Its title: the page, its section's listing and the home page's latest news.
    edit(
        &root,
        "content/news/strategy-launch.md",
        "New strategy launched",
        "Strategy launched",
    );
    let u = apply(&mut live, &root, &["content/news/strategy-launch.md"]);
    assert_eq!(u.rendered, 3);
    assert!(u.changed.contains(&"news/index.html".to_owned()));
    assert!(u.changed.contains(&"index.html".to_owned()));

    // A group's typed facts: the group, its section, its members' pages, the
    // group it reports to, its sub-group, its meeting and the sections listing
    // it, the strategy priority it leads and the structure page.
    edit(
        &root,
        "content/groups/safety.md",
        "achievements = [",
        "achievements = [\"Trained 40 volunteers\", ",
    );
    let u = apply(&mut live, &root, &["content/groups/safety.md"]);
    assert_eq!(u.rendered, 12, "{u:?}");
    assert_eq!(
        pages_changed(&u),
        ["groups/safety/index.html"],
        "only the group's own page shows achievements (and the search index has the words)"
    );

    // An organisation's sector: every group it sits on shows the new balance.
    edit(
        &root,
        "content/members/college.md",
        "sector = \"education\"",
        "sector = \"public\"",
    );
    let u = apply(&mut live, &root, &["content/members/college.md"]);
    assert!(u.changed.contains(&"groups/board/index.html".to_owned()));
    assert!(u.changed.contains(&"groups/youth/index.html".to_owned()));
    assert!(u.changed.contains(&"about/structure/index.html".to_owned()));
    assert!(u.rendered < pages / 2, "{u:?}");

    // A meeting paper grows: its meeting page shows the new size.
    let paper = root.join("content/meetings/2025-11-exec/agenda.pdf");
    let mut bytes = std::fs::read(&paper).unwrap();
    bytes.extend(std::iter::repeat_n(b'%', 4096));
    std::fs::write(&paper, bytes).unwrap();
    let u = apply(
        &mut live,
        &root,
        &["content/meetings/2025-11-exec/agenda.pdf"],
    );
    assert!(
        u.changed
            .contains(&"meetings/2025-11-exec/agenda.pdf".to_owned())
    );
    assert!(
        u.changed
            .contains(&"meetings/2025-11-exec/index.html".to_owned())
    );
    assert_eq!(
        u.rendered, 4,
        "meeting, its group, its section, home: {u:?}"
    );

    // A template: the pages that use it.
    write(
        &root,
        "templates/news.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1>{{ page.content | safe }}{% endblock content %}",
    );
    let u = apply(&mut live, &root, &["templates/news.html"]);
    assert_eq!(u.rendered, 1);

    // Sass: the stylesheets only.
    write(&root, "sass/print.scss", "body { color: black; }");
    let u = apply(&mut live, &root, &["sass/print.scss"]);
    assert_eq!(u.rendered, 0);
    assert_eq!(u.changed, ["print.css"]);

    // config.toml: everything.
    edit(
        &root,
        "config.toml",
        "title = \"Riverside Partnership\"",
        "title = \"The Riverside Partnership\"",
    );
    let u = apply(&mut live, &root, &["config.toml"]);
    assert!(u.full);
    assert_eq!(u.rendered, pages);

    // A new page: everything.
    write(
        &root,
        "content/news/second.md",
        "+++\ntitle = \"Second\"\nkind = \"news\"\ndate = 2026-05-01\n+++\nHello.\n",
    );
    let u = apply(&mut live, &root, &["content/news/second.md"]);
    assert!(u.full);
}

/// Applies a change that must be refused: the last good build stays as it
/// was. Returns the errors' report.
fn refused(live: &mut LiveSite, changed: &str) -> String {
    let before = live.files().clone();
    let err = live.update(&[changed.to_owned()]).unwrap_err();
    assert_eq!(live.files(), &before);
    err.report()
}

#[test]
fn a_broken_edit_keeps_the_last_good_build_and_a_fix_restores_it() {
    let (_dir, root) = site();
    let mut live = LiveSite::build(&root, None, Mode::default()).unwrap();
    edit(
        &root,
        "content/groups/board.md",
        "{ org = \"college\" }",
        "{ org = \"colege\" }",
    );
    let report = refused(&mut live, "content/groups/board.md");
    assert!(report.contains("no organisation has the id `colege`"));
    edit(
        &root,
        "content/groups/board.md",
        "{ org = \"colege\" }",
        "{ org = \"college\" }",
    );
    let u = apply(&mut live, &root, &["content/groups/board.md"]);
    assert!(u.changed.is_empty(), "{:?}", u.changed);
    // Front matter that does not parse is refused the same way.
    edit(
        &root,
        "content/about/structure.md",
        "kind = \"structure\"",
        "kind = structure",
    );
    refused(&mut live, "content/about/structure.md");
}

#[test]
fn a_plain_page_keeps_the_model_and_still_has_every_link_checked() {
    let (_dir, root) = site();
    write(
        &root,
        "content/about/contact.md",
        "+++\ntitle = \"Contact us\"\ndescription = \"How to reach us.\"\n+++\n## Opening hours\n\nWeekdays.\n",
    );
    edit(
        &root,
        "content/news/strategy-launch.md",
        "Read [the strategy]",
        "Ask us [when we are open](@/about/contact.md#opening-hours). Read [the strategy]",
    );
    let mut live = LiveSite::build(&root, None, Mode::default()).unwrap();

    // Its description: the page and its section's listing, as a full build has them.
    edit(
        &root,
        "content/about/contact.md",
        "How to reach us.",
        "How to reach the team.",
    );
    let u = apply(&mut live, &root, &["content/about/contact.md"]);
    assert_eq!((u.rendered, u.full), (2, false), "{u:?}");

    // A heading another page links to is renamed: that page's link is broken.
    edit(
        &root,
        "content/about/contact.md",
        "## Opening hours",
        "## Hours",
    );
    let report = refused(&mut live, "content/about/contact.md");
    assert!(
        report.contains("has no heading `#opening-hours`"),
        "{report}"
    );
    edit(
        &root,
        "content/about/contact.md",
        "## Hours",
        "## Opening hours",
    );
    let u = apply(&mut live, &root, &["content/about/contact.md"]);
    assert!(u.changed.is_empty(), "{:?}", u.changed);
}

#[test]
fn site_wide_files_are_redone_when_a_change_reaches_them() {
    let (_dir, root) = site();
    let mut live = LiveSite::build(&root, None, Mode::default()).unwrap();
    let meeting = "content/meetings/2026-03-exec/index.md";

    // A meeting's body: its page only (and its words in the search index);
    // the calendars do not show bodies.
    edit(&root, meeting, "moved to July.", "moved to July 2026.");
    let u = apply(&mut live, &root, &[meeting]);
    assert_eq!(pages_changed(&u), ["meetings/2026-03-exec/index.html"]);

    // Its place: the calendars show it.
    edit(&root, meeting, "Room 1, Town Hall", "Room 2, Town Hall");
    let u = apply(&mut live, &root, &[meeting]);
    assert!(u.changed.contains(&"meetings.ics".to_owned()), "{u:?}");
    assert!(u.changed.contains(&"groups/board/meetings.ics".to_owned()));

    // The section's only news item stops being news: its feed goes.
    let news = "content/news/strategy-launch.md";
    assert!(live.files().contains_key("news/atom.xml"));
    edit(&root, news, "kind = \"news\"\n", "");
    let u = apply(&mut live, &root, &[news]);
    assert!(u.changed.contains(&"news/atom.xml".to_owned()), "{u:?}");
    assert!(!live.files().contains_key("news/atom.xml"));

    // And comes back with it.
    edit(&root, news, "title = ", "kind = \"news\"\ntitle = ");
    let u = apply(&mut live, &root, &[news]);
    assert!(u.changed.contains(&"news/atom.xml".to_owned()), "{u:?}");
}

#[test]
fn a_list_that_gets_shorter_loses_its_last_page() {
    let (_dir, root) = site_of("lists");
    let config = std::fs::read_to_string(root.join("config.toml")).unwrap();
    write(
        &root,
        "config.toml",
        &(config + "\n[pagination]\nper_page = 19\n"),
    );
    let mut live = LiveSite::build(&root, None, Mode::default()).unwrap();
    let last = "publications/page/2/index.html";
    assert!(live.files().contains_key(last));
    // One of the 20 publications becomes a plain page: 19 fit on one page.
    let report = "content/publications/report-20/index.md";
    edit(&root, report, "kind = \"document\"\n", "");
    edit(&root, report, "file = \"report-20.txt\"\n", "");
    edit(&root, report, "published = 2025-03-10\n", "");
    let update = apply(&mut live, &root, &[report]);
    assert!(!update.full);
    assert!(!live.files().contains_key(last));
    assert!(
        update.changed.iter().any(|p| p == last),
        "{:?}",
        update.changed
    );
    // And back: the page is made again.
    edit(
        &root,
        report,
        "+++\ntitle",
        "+++\nkind = \"document\"\nfile = \"report-20.txt\"\npublished = 2025-03-10\ntitle",
    );
    apply(&mut live, &root, &[report]);
    assert!(live.files().contains_key(last));
}

#[test]
fn an_agenda_item_made_exempt_withdraws_its_papers_and_publishes_them_again() {
    let (_dir, root) = site_of("meetings");
    let mut live = LiveSite::build(&root, None, Mode::default()).unwrap();
    let paper = "meetings/2026-05-board/contract.pdf";
    assert!(
        !live.files().contains_key(paper),
        "an exempt paper is published"
    );
    let meeting = "content/meetings/2026-05-board/index.md";
    edit(&root, meeting, "exempt = true", "exempt = false");
    let update = apply(&mut live, &root, &[meeting]);
    assert!(!update.full);
    assert!(live.files().contains_key(paper));
    let page = String::from_utf8_lossy(&live.files()["meetings/2026-05-board/index.html"]);
    assert!(page.contains("contract.pdf"), "{page}");
    edit(&root, meeting, "exempt = false", "exempt = true");
    apply(&mut live, &root, &[meeting]);
    assert!(!live.files().contains_key(paper));
    assert!(
        !live
            .files()
            .values()
            .any(|bytes| { String::from_utf8_lossy(bytes).contains("contract.pdf") })
    );
}

#[test]
fn news_filed_in_a_sub_section_reaches_the_sections_and_feeds_above_it() {
    let (_dir, root) = site_of("shapes");
    let mut live = LiveSite::build(&root, None, Mode::default()).unwrap();
    let news = "content/news/2025/awards.md";
    edit(
        &root,
        news,
        "title = \"Community awards",
        "title = \"Awards",
    );
    let update = apply(&mut live, &root, &[news]);
    assert!(!update.full);
    for listing in ["news/index.html", "news/atom.xml", "news/2025/index.html"] {
        assert!(
            update.changed.iter().any(|p| p == listing),
            "{listing} not redone: {:?}",
            update.changed
        );
        let text = String::from_utf8_lossy(&live.files()[listing]);
        assert!(text.contains("Awards for six volunteers"), "{listing}");
    }
}
