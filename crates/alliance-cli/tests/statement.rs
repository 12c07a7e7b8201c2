//! End-to-end: the accessibility statement at `/accessibility/`, written from
//! `[accessibility]` in config, linked from every page's footer.

mod common;

use std::path::{Path, PathBuf};

use common::*;

const PARTIAL: &str = r#"
[accessibility]
status = "partial"
last_tested = 2026-10-15
tested_by = "the Digital Accessibility Centre"
prepared = 2025-09-01
reviewed = 2026-10-20
response_days = 5
issues = [
  "Some older PDF documents are not fully accessible to screen reader software.",
  { text = "Some images on the strategy page have no text alternative.", criteria = ["1.1.1"], fix_by = 2027-03-31 },
  { text = "Maps of the area are not accessible.", kind = "out-of-scope" },
]
"#;

/// Copies the basic fixture into `dir`, appends `config` to its config.toml and builds it.
fn build_basic_with(dir: &Path, config: &str, edit: impl FnOnce(&Path)) -> (PathBuf, String) {
    let site = dir.join("site");
    copy_tree(&fixture("basic"), &site);
    let toml = std::fs::read_to_string(site.join("config.toml")).unwrap() + config;
    std::fs::write(site.join("config.toml"), toml).unwrap();
    edit(&site);
    let out = dir.join("public");
    let o = build(&site, &out);
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert!(o.status.success(), "build failed:\n{stderr}");
    (out, stderr)
}

/// The text of each `<h1>`–`<h3>` inside `<main>`, in order, as `h2 Text`.
fn headings(html: &str) -> Vec<String> {
    let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    let mut out = Vec::new();
    let mut rest = main;
    while let Some(i) = rest.find("<h") {
        rest = &rest[i + 2..];
        let Some(level) = rest.chars().next().filter(|c| ('1'..='3').contains(c)) else {
            continue;
        };
        let start = rest.find('>').unwrap() + 1;
        let end = rest.find("</h").unwrap();
        out.push(format!("h{level} {}", &rest[start..end]));
    }
    out
}

#[test]
fn partial_statement_has_the_gov_uk_structure_wording_issues_and_dates() {
    let dir = tempfile::tempdir().unwrap();
    let (out, stderr) = build_basic_with(dir.path(), PARTIAL, |_| {});
    assert_eq!(stderr, "", "a statement with its facts has no warnings");
    let html = std::fs::read_to_string(out.join("accessibility/index.html")).unwrap();
    assert!(html.contains("<title>Accessibility statement – Testshire Partnership</title>"));
    assert_eq!(
        headings(&html),
        [
            "h1 Accessibility statement for Testshire Partnership",
            "h2 Using this website",
            "h2 How accessible this website is",
            "h2 What to do if you cannot access parts of this website",
            "h2 Reporting accessibility problems with this website",
            "h2 Enforcement procedure",
            "h2 Technical information about this website’s accessibility",
            "h3 Compliance status",
            "h2 Non-accessible content",
            "h3 Non-compliance with the accessibility regulations",
            "h3 Content that’s not within the scope of the accessibility regulations",
            "h2 How we tested this website",
            "h2 Preparation of this accessibility statement",
        ]
    );
    for text in [
        "This accessibility statement applies to partnership.example.org/sub.",
        "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances and exemptions listed below.",
        "<li>Some older PDF documents are not fully accessible to screen reader software.</li>",
        "<p>Some images on the strategy page have no text alternative. This fails WCAG 2.2 success criterion 1.1.1 (Non-text Content). We plan to fix this by <time datetime=\"2027-03-31\">31 March 2027</time>.</p>",
        "<p>Maps of the area are not accessible.</p>",
        "This website was last tested on <time datetime=\"2026-10-15\">15 October 2026</time>. The test was carried out by the Digital Accessibility Centre.",
        "This statement was prepared on <time datetime=\"2025-09-01\">1 September 2025</time>. It was last reviewed on <time datetime=\"2026-10-20\">20 October 2026</time>.",
        "email <a href=\"mailto:partners@example.org\">partners@example.org</a>",
        "call <a href=\"tel:01234567890\">01234 567890</a>",
        "get back to you in 5 days.",
        "<a href=\"https://www.equalityadvisoryservice.com/\">contact the Equality Advisory and Support Service (EASS)</a>",
    ] {
        assert!(html.contains(text), "`{text}` missing from the statement");
    }
    let sitemap = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains(
        "<loc>https://partnership.example.org/sub/accessibility/</loc>\n    <lastmod>2026-10-20</lastmod>"
    ));
}

#[test]
fn every_page_links_to_the_statement_from_its_footer() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("basic"), out.path());
    let statement = out
        .path()
        .join("accessibility/index.html")
        .canonicalize()
        .unwrap();
    let mut pages = 0;
    for file in walkdir(out.path())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = std::fs::read_to_string(&file).unwrap();
        // Alias redirects have no footer; the 404 page links from the host's
        // root by design (tests/build.rs checks its links).
        if html.contains("http-equiv=\"refresh\"") || file.ends_with("404.html") {
            continue;
        }
        let footer = &html[html.find("<footer").unwrap()..];
        let link = footer
            .split("<a href=\"")
            .skip(1)
            .find(|a| a.contains(">Accessibility statement</a>"))
            .unwrap_or_else(|| panic!("no footer link in {}", file.display()));
        let href = &link[..link.find('"').unwrap()];
        assert!(
            !href.starts_with('/') && !href.contains("://"),
            "{href} is not relative"
        );
        let target = file.parent().unwrap().join(href).canonicalize().unwrap();
        assert_eq!(target, statement, "{href} in {}", file.display());
        pages += 1;
    }
    assert!(pages >= 10, "only {pages} pages checked");
}

#[test]
fn a_site_without_accessibility_table_gets_a_default_statement() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("basic"), out.path());
    let html = std::fs::read_to_string(out.path().join("accessibility/index.html")).unwrap();
    for text in [
        "<h1>Accessibility statement for Testshire Partnership</h1>",
        "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard.",
        "We are not aware of any part of this website that is not accessible.",
        "This website has not yet been tested for accessibility.",
        "email <a href=\"mailto:partners@example.org\">partners@example.org</a>",
    ] {
        assert!(html.contains(text), "`{text}` missing from the statement");
    }
    assert!(!html.contains("Non-accessible content"));
    assert!(!html.contains("This statement was prepared on"));
}

#[test]
fn a_content_page_at_accessibility_wins_and_can_use_the_statement() {
    let dir = tempfile::tempdir().unwrap();
    let (out, _) = build_basic_with(dir.path(), PARTIAL, |site| {
        std::fs::write(
            site.join("content/accessibility.md"),
            "+++\ntitle = \"Accessibility\"\ntemplate = \"accessibility.html\"\nreviewed = 2026-11-01\n+++\n\nOur own introduction.\n",
        )
        .unwrap();
    });
    let html = std::fs::read_to_string(out.join("accessibility/index.html")).unwrap();
    assert!(html.contains("<title>Accessibility – Testshire Partnership</title>"));
    assert!(html.contains("<p>Our own introduction.</p>"));
    assert!(html.contains("<h1>Accessibility statement for Testshire Partnership</h1>"));
    assert!(html.contains("This website is partially compliant"));
    assert!(
        html.contains("aria-label=\"Breadcrumb\""),
        "it is a page of the site"
    );
}
