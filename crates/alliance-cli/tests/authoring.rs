//! End-to-end: the authoring checks on `tests/fixtures/authoring`, a site with
//! one kind of fault per page. Each finding is asserted as the real CLI prints
//! it: place, message, source line and hint; errors exit 1, warnings alone 0.

mod common;

use std::path::Path;
use std::process::Output;

use common::*;

/// `alliance check` on the authoring fixture: exit code and stderr.
fn check_fixture() -> (Option<i32>, String) {
    let o = alliance(&["check", "--root", fixture("authoring").to_str().unwrap()]);
    (o.status.code(), String::from_utf8(o.stderr).unwrap())
}

/// The report's block for the finding whose first line starts with `head`.
fn finding(report: &str, head: &str) -> String {
    let start = report
        .find(head)
        .unwrap_or_else(|| panic!("no finding `{head}` in:\n{report}"));
    let rest = &report[start..];
    rest[..rest.find("\n\n").unwrap_or(rest.len())].to_owned()
}

fn assert_has(block: &str, parts: &[&str]) {
    for part in parts {
        assert!(block.contains(part), "`{part}` missing from:\n{block}");
    }
}

#[test]
fn image_without_alt_text_is_an_error() {
    let (code, err) = check_fixture();
    assert_eq!(code, Some(1), "{err}");
    assert_has(
        &finding(
            &err,
            "content/images.md:9:1: error: image `map.png` has no alt text",
        ),
        &[
            "9 | ![](map.png)",
            "  | ^",
            "= hint: write what the image shows between the brackets: ![Map of the borough](map.png); if it is decoration only, mark it: ![](map.png \"decorative\")",
        ],
    );
    assert_has(
        &finding(
            &err,
            "content/images.md:11:13: error: image `logo.png` has no alt attribute",
        ),
        &[
            "11 | A raw image <img src=\"logo.png\"",
            "   |             ^",
            "if it is decoration only, write alt=\"\" role=\"presentation\"",
        ],
    );
    assert!(
        !err.contains("rule.png") && !err.contains("flourish.png"),
        "images marked decorative are not reported:\n{err}"
    );
}

#[test]
fn link_without_text_is_an_error() {
    let (_, err) = check_fixture();
    assert_has(
        &finding(&err, "content/empty-link.md:7:29: error: link with no text"),
        &[
            "7 | A link with nothing to say: [](@/images.md).",
            "= hint: screen readers announce it only as \"link\"",
        ],
    );
}

#[test]
fn skipped_heading_level_is_a_warning() {
    let (_, err) = check_fixture();
    assert_has(
        &finding(
            &err,
            "content/headings.md:9:1: warning: a level-4 heading straight after a level-2 one: a level is skipped",
        ),
        &[
            "9 | #### Too deep",
            "= hint: headings go down one level at a time: make this `###`, or add a level-3 heading above it",
        ],
    );
    assert!(
        !err.contains("content/headings.md:13:"),
        "## after # is not a skip:\n{err}"
    );
}

#[test]
fn a_second_h1_and_a_page_without_h1_are_warnings() {
    let (_, err) = check_fixture();
    assert_has(
        &finding(
            &err,
            "content/headings.md:11:1: warning: a second main heading: the page title is already the page's main heading",
        ),
        &[
            "11 | # A second title",
            "= hint: use `##` and below for headings in the body",
        ],
    );
    assert_has(
        &finding(
            &err,
            "content/bare.md:5:1: warning: the page has no main heading",
        ),
        &[
            "5 | template = \"bare.html\"",
            "= hint: its template `bare.html` should show the title as <h1>{{ page.title }}</h1>",
        ],
    );
}

#[test]
fn vague_link_text_and_bare_addresses_are_warnings() {
    let (_, err) = check_fixture();
    assert_has(
        &finding(
            &err,
            "content/links.md:7:20: warning: link text \"click here\" does not say where the link goes",
        ),
        &[
            "7 | To see our tables, [click here](@/tables.md). For our headings,",
            "= hint: say where it goes, e.g. with the page's title: [Tables](@/tables.md)",
        ],
    );
    assert_has(
        &finding(
            &err,
            "content/links.md:8:1: warning: link text \"read more\" does not say where the link goes",
        ),
        &["= hint: say where it goes, e.g. with the page's title: [Headings](@/headings.md)"],
    );
    assert_has(
        &finding(
            &err,
            "content/links.md:10:26: warning: link text is a bare web address: https://www.hertfordshire.gov.uk/",
        ),
        &["= hint: screen readers read addresses out letter by letter: name where it goes"],
    );
    assert!(
        !err.contains("content/links.md:12:") && !err.contains("content/links.md:13:"),
        "an email address and a descriptive link are fine:\n{err}"
    );
}

#[test]
fn table_without_header_row_is_a_warning() {
    let (_, err) = check_fixture();
    assert_has(
        &finding(
            &err,
            "content/tables.md:7:1: warning: table without a header row",
        ),
        &[
            "7 | |   |   |",
            "= hint: write the column headings in the table's first row: | Partner | Sector |",
        ],
    );
    assert_has(
        &finding(
            &err,
            "content/tables.md:11:1: warning: table without a header row",
        ),
        &["11 | <table>", "= hint: mark the heading cells with <th>"],
    );
    assert_eq!(
        err.matches("table without a header row").count(),
        2,
        "tables with headers pass:\n{err}"
    );
}

#[test]
fn document_without_html_page_is_a_warning() {
    let (_, err) = check_fixture();
    assert_has(
        &finding(
            &err,
            "content/documents/_index.md:7:5: warning: link to a PDF document (`minutes.pdf`) with no HTML page or summary beside it",
        ),
        &[
            "7 | The [minutes of the last meeting](minutes.pdf) are a PDF.",
            "= hint: publish it through a `kind = \"document\"` page with a summary, or add an HTML version",
        ],
    );
    assert_has(
        &finding(
            &err,
            "content/documents/_index.md:8:5: warning: link to a PDF document (`report/report.pdf`)",
        ),
        &[
            "= hint: link to the document's page, which has its summary, instead: [...](@/documents/report/index.md)",
        ],
    );
    assert_has(
        &finding(
            &err,
            "content/documents/budget.xlsx: warning: Excel document published with no HTML page or summary beside it",
        ),
        &["a page in this folder with `kind = \"document\"` and `file = \"budget.xlsx\"`"],
    );
    assert!(
        err.contains("content/documents/minutes.pdf: warning:"),
        "{err}"
    );
    assert!(
        !err.contains("content/documents/report/"),
        "a document page and its own file are fine:\n{err}"
    );
}

#[test]
fn overdue_and_undated_pages_are_warnings_naming_owner_and_date() {
    let (_, err) = check_fixture();
    assert_has(
        &finding(
            &err,
            "content/stale.md:3:1: warning: page not reviewed for more than 12 months: last reviewed on 30 June 2024 (owner: Policy team)",
        ),
        &[
            "3 | reviewed = 2024-06-30",
            "= hint: ask Policy team to check the page is still right, then set `reviewed = 2026-06-01`",
        ],
    );
    assert_has(
        &finding(
            &err,
            "content/undated.md:2:1: warning: page has no review date (no owner); the site asks for a review every 12 months",
        ),
        &["add `owner = \"...\"` so someone answers for it"],
    );
}

#[test]
fn all_findings_are_reported_together() {
    let (code, err) = check_fixture();
    assert_eq!(code, Some(1));
    assert!(
        err.ends_with("error: the site has 14 warnings and 3 errors\n"),
        "{err}"
    );
    // `build` reports the same, and writes nothing.
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let o = build(&fixture("authoring"), &public);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(o.stderr).unwrap(),
        format!("{err}Nothing was written.\n")
    );
    assert!(!public.exists());
}

/// The authoring fixture without its errors (copied into `dir`).
fn fixture_with_warnings_only(dir: &Path) -> std::path::PathBuf {
    let site = dir.join("site");
    copy_tree(&fixture("authoring"), &site);
    std::fs::remove_file(site.join("content/images.md")).unwrap();
    std::fs::remove_file(site.join("content/empty-link.md")).unwrap();
    site
}

#[test]
fn warnings_alone_do_not_fail_build_or_check() {
    let dir = tempfile::tempdir().unwrap();
    let site = fixture_with_warnings_only(dir.path());
    let out = dir.path().join("public");
    let o = build(&site, &out);
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("content/tables.md:7:1: warning: table without a header row"),
        "{err}"
    );
    assert!(err.ends_with("warning: 14 warnings\n"), "{err}");
    assert!(out.join("tables/index.html").is_file());
    let c = alliance(&["check", "--root", site.to_str().unwrap()]);
    assert_eq!(c.status.code(), Some(0));
    assert_eq!(String::from_utf8(c.stderr).unwrap(), err);
    assert_eq!(String::from_utf8(c.stdout).unwrap(), "No errors found.\n");
}

fn json_check(root: &Path) -> (Output, serde_json::Value) {
    let o = alliance(&[
        "check",
        "--root",
        root.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json = serde_json::from_slice(&o.stdout).expect("check prints JSON");
    (o, json)
}

#[test]
fn check_json_has_warnings_with_every_key() {
    let (o, json) = json_check(&fixture("authoring"));
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stderr.is_empty(), "JSON mode prints nothing else");
    assert_eq!(json["version"], 1);
    assert_eq!(json["ok"], false);
    assert_eq!(
        (json["errors"].as_u64(), json["warnings"].as_u64()),
        (Some(3), Some(14))
    );
    let all = json["diagnostics"].as_array().unwrap();
    assert_eq!(all.len(), 17);
    for d in all {
        let mut keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "column",
                "file",
                "hint",
                "line",
                "message",
                "severity",
                "source_line"
            ],
            "{d}"
        );
    }
    let skip = all
        .iter()
        .find(|d| {
            d["message"] == "a level-4 heading straight after a level-2 one: a level is skipped"
        })
        .unwrap();
    assert_eq!(skip["severity"], "warning");
    assert_eq!(skip["file"], "content/headings.md");
    assert_eq!(
        (skip["line"].as_u64(), skip["column"].as_u64()),
        (Some(9), Some(1))
    );
    assert_eq!(skip["source_line"], "#### Too deep");
    assert_eq!(
        skip["hint"],
        "headings go down one level at a time: make this `###`, or add a level-3 heading above it"
    );
    let file = all
        .iter()
        .find(|d| d["file"] == "content/documents/budget.xlsx")
        .unwrap();
    assert_eq!(
        (file["line"].as_u64(), file["column"].as_u64()),
        (Some(0), Some(0))
    );
    assert!(file["source_line"].is_null());
    let dir = tempfile::tempdir().unwrap();
    let (o, json) = json_check(&fixture_with_warnings_only(dir.path()));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        (json["ok"].as_bool(), json["errors"].as_u64()),
        (Some(true), Some(0))
    );
}

#[test]
fn the_example_site_and_basic_fixture_have_no_findings_but_the_untested_statement() {
    let o = alliance(&["check", "--root", repo().to_str().unwrap()]);
    let err = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert_eq!(err, "", "the example site has no findings");
    let (o, json) = json_check(&fixture("basic"));
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json["errors"], 0);
    let messages: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        ["the accessibility statement does not say when the site was last tested"],
        "the basic fixture has no [accessibility] table"
    );
}

#[test]
fn a_bad_source_date_epoch_is_reported() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_alliance"))
        .env("SOURCE_DATE_EPOCH", "tomorrow")
        .args(["check", "--root", fixture("basic").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("SOURCE_DATE_EPOCH: error: `tomorrow` is not a number of seconds since 1970"),
        "{err}"
    );
    assert!(
        err.contains("hint: e.g. SOURCE_DATE_EPOCH=1795305600"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}
