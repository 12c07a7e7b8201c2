//! End-to-end: a site with one error of each kind (tests/fixtures/errors-together)
//! has every one of them reported in a single run of `check` and of `build`,
//! each with its file and line:col, as PRODUCT.md promises ("All errors of a
//! build are reported together, not just the first").

mod common;

use common::*;

/// The fixture's errors: the start of each one's first line, `path:line:col: error: message`.
const EXPECTED: [&str; 7] = [
    "content/about/vision.md:3:40: error: malformed front matter",
    "content/about/team.md:4:1: error: unknown front-matter key `ower`",
    "content/members/partners/college.md:3:8: error: the id `college` is used twice",
    "content/members/police.md:4:10: error: `pubic` is not a valid `sector`",
    "content/groups/board.md:7:11: error: no organisation has the id `no-such-org`",
    "content/news/launch.md:8:5: error: broken internal link: no page `content/missing.md`",
    "content/news/open-day/index.md:10:1: error: image `photo.png` has no alt text",
];

/// The first lines of the errors in a report, sorted.
fn error_lines(stderr: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = stderr.lines().filter(|l| l.contains(": error: ")).collect();
    lines.sort();
    lines
}

/// Asserts `stderr` reports each expected error, and lists those it lacks.
fn assert_all_reported(command: &str, stderr: &str) {
    let missing: Vec<&str> = EXPECTED
        .iter()
        .copied()
        .filter(|e| !stderr.lines().any(|l| l.starts_with(e)))
        .collect();
    assert!(
        missing.is_empty(),
        "`alliance {command}` did not report {} of the {} errors:\n  {}\nit reported:\n{stderr}",
        missing.len(),
        EXPECTED.len(),
        missing.join("\n  ")
    );
    assert_eq!(
        error_lines(stderr).len(),
        EXPECTED.len(),
        "`alliance {command}` reported other errors too:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn check_reports_every_error_in_one_run() {
    let root = fixture("errors-together");
    let o = alliance(&["check", "--root", root.to_str().unwrap()]);
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert_all_reported("check", &stderr);
}

#[test]
fn build_reports_the_same_errors_and_writes_nothing() {
    let root = fixture("errors-together");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let o = build(&root, &out);
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert_all_reported("build", &stderr);
    let c = alliance(&["check", "--root", root.to_str().unwrap()]);
    assert_eq!(
        error_lines(&stderr),
        error_lines(&String::from_utf8(c.stderr).unwrap()),
        "build and check report different errors"
    );
    assert!(!out.exists(), "a failed build wrote {}", out.display());
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "a failed build left {left:?}");
}

/// The meetings fixture's warnings (late agenda, missing minutes, a stale
/// status), by the start of their first line.
const MEETING_WARNINGS: [&str; 3] = [
    "content/meetings/2026-03-board/index.md:5:9: warning: the meeting was on 12 March 2026 but is still `scheduled`",
    "content/meetings/2026-04-board/index.md:6:10: warning: the meeting was held on 9 April 2026 and has no minutes",
    "content/meetings/2026-06-board/index.md:9:73: warning: the agenda was published 2 clear days",
];

/// Reports of the meetings fixture broken by `edit`, by `check` and `build`.
fn broken_meetings(edit: impl FnOnce(&std::path::Path)) -> String {
    let stderr = build_broken("meetings", edit);
    for warning in MEETING_WARNINGS {
        assert!(
            stderr.lines().any(|l| l.starts_with(warning)),
            "an error elsewhere hid the warning `{warning}`:\n{stderr}"
        );
    }
    stderr
}

#[test]
fn an_error_in_one_typed_page_hides_nothing_the_others_have() {
    // A value outside its list on an organisation: the meetings are still
    // checked against the rest of the model.
    let stderr = broken_meetings(|site| {
        replace(
            site,
            "content/members/police.md",
            "sector = \"police\"",
            "sector = \"polise\"",
        );
    });
    assert!(
        stderr.contains("error: `polise` is not a valid `sector`"),
        "{stderr}"
    );
    assert!(stderr.contains("1 error"), "{stderr}");
}

#[test]
fn a_circle_of_groups_is_reported_once_and_the_rest_still_checked() {
    let stderr = broken_meetings(|site| {
        write(
            site,
            "content/groups/exec.md",
            "+++\ntitle = \"Executive\"\nkind = \"group\"\ngroup = \"executive\"\nreports_to = \"board\"\n+++\n",
        );
        replace(
            site,
            "content/groups/board.md",
            "kind = \"group\"",
            "kind = \"group\"\nreports_to = \"exec\"",
        );
    });
    assert_eq!(
        stderr
            .matches("groups report to each other in a circle")
            .count(),
        1,
        "{stderr}"
    );
    assert!(stderr.contains("1 error"), "{stderr}");
}
