//! End-to-end: build fixture sites with the real binary and check the HTML a reader gets.

mod common;

use common::*;

#[test]
fn builds_every_page_with_title_heading_and_breadcrumbs() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("basic"), out.path());
    let files = tree(out.path());
    for page in [
        "index.html",
        "about/index.html",
        "about/role/index.html",
        "about/report/index.html",
        "news/index.html",
        "news/first/index.html",
        "news/second/index.html",
        "partnerships/index.html",
        "partnerships/safety/index.html",
        "404.html",
    ] {
        assert!(files.contains_key(page), "{page} missing");
    }
    assert!(
        !files.contains_key("news/secret/index.html"),
        "drafts are not published"
    );
    let role = String::from_utf8(files["about/role/index.html"].clone()).unwrap();
    assert!(role.contains("<title>Our role – Testshire Partnership</title>"));
    assert_eq!(role.matches("<h1").count(), 1);
    assert!(role.contains("<html lang=\"en-GB\">"));
    assert!(role.contains("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">"));
    assert!(role.contains("<li><a href=\"../index.html\">About us</a></li>"));
    assert!(role.contains("<a href=\"index.html\" aria-current=\"page\">Our role</a>"));
    assert!(
        role.contains("<h2 id=\"its-role\">Its role</h2>")
            && role.contains("<h2 id=\"its-role-1\">")
    );
    assert!(role.contains("<th scope=\"col\">Partner</th>"));
    assert!(role.contains(
        "<link rel=\"canonical\" href=\"https://partnership.example.org/sub/about/role/\">"
    ));
    let about = String::from_utf8(files["about/index.html"].clone()).unwrap();
    assert!(about.contains(
        "Date of last review</dt><dd><time datetime=\"2026-10-01\">1 October 2026</time>"
    ));
    assert!(
        about.contains("href=\"../news/index.html\""),
        "root-relative Markdown links become relative"
    );
    let home = String::from_utf8(files["index.html"].clone()).unwrap();
    assert!(
        home.contains("href=\"about/role/index.html#its-role\""),
        "@/ link with anchor"
    );
    assert!(home.contains("Telephone: <a href=\"tel:01234567890\">01234 567890</a>"));
    // The site's template override wins over the theme's.
    let news = String::from_utf8(files["news/first/index.html"].clone()).unwrap();
    assert!(news.contains("<p class=\"fixture-override\">Published 10 January 2026</p>"));
    // Co-located and static files are copied.
    assert_eq!(
        files["about/report/report.pdf"],
        std::fs::read(fixture("basic/content/about/report/report.pdf")).unwrap()
    );
    assert!(
        files.contains_key("images/mark.svg")
            && files.contains_key("site.css")
            && files.contains_key("print.css")
    );
}

#[test]
fn every_internal_link_is_relative_and_resolves() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("basic"), out.path());
    let mut checked = 0;
    for file in walkdir(out.path())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = std::fs::read_to_string(&file).unwrap();
        for link in attr_values(&html, "href")
            .into_iter()
            .chain(attr_values(&html, "src"))
        {
            if link.starts_with("https://")
                || link.starts_with("mailto:")
                || link.starts_with("tel:")
                || link.starts_with('#')
            {
                assert!(
                    !link.starts_with("https://partnership.example.org")
                        || html.contains(&format!("rel=\"canonical\" href=\"{link}\"")),
                    "absolute own-site link {link} in {}",
                    file.display()
                );
                continue;
            }
            let path = link.split('#').next().unwrap();
            let target = if file.ends_with("404.html") {
                // Served at any missing address: its links start from the
                // host's root, under base_url's path (`/sub/` for this fixture).
                let from_root = path
                    .strip_prefix("/sub/")
                    .unwrap_or_else(|| panic!("{link} in the 404 page is not under /sub/"));
                let page = if from_root.is_empty() || from_root.ends_with('/') {
                    format!("{from_root}index.html")
                } else {
                    from_root.to_owned()
                };
                out.path().join(page)
            } else {
                assert!(
                    !link.starts_with('/'),
                    "root-absolute link {link} in {}",
                    file.display()
                );
                file.parent().unwrap().join(path)
            };
            assert!(
                target.is_file(),
                "{link} in {} does not resolve",
                file.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} links checked");
}

#[test]
fn sitemap_feed_robots_and_aliases() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("basic"), out.path());
    let files = tree(out.path());
    let sitemap = String::from_utf8(files["sitemap.xml"].clone()).unwrap();
    let pages: Vec<_> = files
        .keys()
        .filter(|k| k.ends_with("index.html") && *k != "old-role/index.html")
        .collect();
    assert_eq!(sitemap.matches("<loc>").count(), pages.len());
    for page in pages {
        let url = format!(
            "<loc>https://partnership.example.org/sub/{}</loc>",
            page.trim_end_matches("index.html")
        );
        assert!(sitemap.contains(&url), "sitemap lacks {url}");
    }
    let feed = String::from_utf8(files["news/atom.xml"].clone()).unwrap();
    assert!(feed.contains("<id>https://partnership.example.org/sub/news/</id>"));
    assert!(
        feed.find("Second &amp; latest news").unwrap() < feed.find("First news").unwrap(),
        "newest first"
    );
    assert!(feed.contains("<updated>2026-03-05T00:00:00Z</updated>"));
    assert!(
        feed.contains(
            "href=&quot;https://partnership.example.org/sub/about/index.html#who-we-are&quot;"
        ),
        "feed links are absolute"
    );
    let robots = String::from_utf8(files["robots.txt"].clone()).unwrap();
    assert!(robots.contains("Sitemap: https://partnership.example.org/sub/sitemap.xml"));
    let alias = String::from_utf8(files["old-role/index.html"].clone()).unwrap();
    assert!(alias.contains("content=\"0; url=../about/role/index.html\""));
    let news = String::from_utf8(files["news/index.html"].clone()).unwrap();
    assert!(news.contains("href=\"atom.xml\""));
}

#[test]
fn same_input_gives_identical_output() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    build_ok(&fixture("basic"), a.path());
    build_ok(&fixture("basic"), b.path());
    assert_eq!(tree(a.path()), tree(b.path()));
}

#[test]
fn base_url_flag_overrides_config() {
    let out = tempfile::tempdir().unwrap();
    let o = build_basic_at(out.path(), "https://staging.example.net/");
    assert!(o.status.success());
    let sitemap = std::fs::read_to_string(out.path().join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://staging.example.net/about/</loc>"));
}

#[test]
fn site_without_theme_folder_uses_the_built_in_civic_theme() {
    // The basic fixture has no themes/ folder, so this proves the embedded theme.
    assert!(!fixture("basic").join("themes").exists());
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("basic"), out.path());
    assert!(
        std::fs::read_to_string(out.path().join("site.css"))
            .unwrap()
            .contains(".skip-link")
    );
}

#[test]
fn init_makes_a_site_that_builds_and_checks() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("mysite");
    let o = alliance(&["init", site.to_str().unwrap()]);
    assert!(o.status.success());
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(!said.contains("tests/a11y"), "{said}");
    let o = alliance(&["check", "--root", site.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{stderr}");
    assert!(
        !stderr.contains("warning"),
        "the starter has warnings:\n{stderr}"
    );
    assert!(!stderr.contains("tests/a11y"), "{stderr}");
    build_ok(&site, &dir.path().join("out"));
    assert!(dir.path().join("out/news/welcome/index.html").is_file());
    assert!(dir.path().join("out/news/atom.xml").is_file());
    // The menu shows every page of the starter, meetings among them.
    let home = std::fs::read_to_string(dir.path().join("out/index.html")).unwrap();
    let menu = &home[home.find("main-nav__list").unwrap()..];
    let menu = &menu[..menu.find("</ul>").unwrap()];
    for link in [
        "about/index.html",
        "news/index.html",
        "meetings/index.html",
        "members/index.html",
        "groups/index.html",
        "contact/index.html",
    ] {
        assert!(menu.contains(&format!("href=\"{link}\"")), "{link}: {menu}");
    }
    let meetings = std::fs::read_to_string(dir.path().join("out/meetings/index.html")).unwrap();
    assert!(meetings.contains("(example meeting)"), "{meetings}");
    assert!(
        dir.path()
            .join("out/meetings/board-example/index.html")
            .is_file()
    );
    // A second init into a non-empty folder is refused as misuse.
    assert_eq!(
        alliance(&["init", site.to_str().unwrap()]).status.code(),
        Some(2)
    );
}

#[test]
fn the_example_site_builds() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&repo(), out.path());
    let files = tree(out.path());
    assert!(files.len() > 10);
    let home = String::from_utf8(files["index.html"].clone()).unwrap();
    assert!(home.contains("Welwyn Hatfield Alliance"));
    assert!(home.contains("safe, healthy and thriving community"));
}

#[test]
fn misuse_exits_2_with_help() {
    assert_eq!(
        alliance(&["build", "--no-such-flag"]).status.code(),
        Some(2)
    );
    assert_eq!(alliance(&["frobnicate"]).status.code(), Some(2));
    for cmd in ["build", "check", "init"] {
        let o = alliance(&[cmd, "--help"]);
        assert!(o.status.success());
        assert!(String::from_utf8_lossy(&o.stdout).contains("Usage: alliance"));
    }
}

#[test]
fn plain_markdown_links_to_pages_open_from_disk() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("basic"), &site);
    write(
        &site,
        "content/partnerships/safety.md",
        "+++\ntitle = \"Safety\"\n+++\n\n[Root](/about/), [no slash](/about), [up](../../about/),\n[file](../about/role.md), [bundle](../about/_index.md#who-we-are), [pdf](/about/report/report.pdf) and [out](https://example.org/x/).\n",
    );
    let out = dir.path().join("public");
    build_ok(&site, &out);
    let html = std::fs::read_to_string(out.join("partnerships/safety/index.html")).unwrap();
    let hrefs = attr_values(&html, "href");
    for want in [
        "../../about/index.html",
        "../../about/role/index.html",
        "../../about/index.html#who-we-are",
        "../../about/report/report.pdf",
        "https://example.org/x/",
    ] {
        assert!(
            hrefs.iter().any(|h| h == want),
            "no link {want} in {hrefs:?}"
        );
    }
    assert!(
        !hrefs
            .iter()
            .any(|h| h.ends_with("about/") || h.ends_with("/about")),
        "page links end in index.html: {hrefs:?}"
    );
}

#[test]
fn the_404_page_links_from_the_base_url_path() {
    let out = tempfile::tempdir().unwrap();
    let o = build_basic_at(out.path(), "https://www.example.org/partnership/");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let html = std::fs::read_to_string(out.path().join("404.html")).unwrap();
    let hrefs = attr_values(&html, "href");
    assert!(
        hrefs.contains(&"/partnership/site.css".to_owned()),
        "{hrefs:?}"
    );
    assert!(
        hrefs.contains(&"/partnership/about/".to_owned()),
        "{hrefs:?}"
    );
    assert!(
        hrefs
            .iter()
            .filter(|h| !h.contains(':') && !h.starts_with('#'))
            .all(|h| h.starts_with("/partnership/")),
        "{hrefs:?}"
    );
}

#[test]
fn aliases_are_written_as_redirects_for_hosts_that_read_them() {
    let out = tempfile::tempdir().unwrap();
    build_ok(&fixture("basic"), out.path());
    let files = tree(out.path());
    let netlify = String::from_utf8(files["_redirects"].clone()).unwrap();
    assert!(
        netlify.contains("\n/sub/old-role/ /sub/about/role/ 301\n"),
        "{netlify}"
    );
    let nginx = String::from_utf8(files["redirects.nginx.map"].clone()).unwrap();
    assert!(
        nginx.contains("\n/sub/old-role/ /sub/about/role/;\n"),
        "{nginx}"
    );
    let robots = String::from_utf8(files["robots.txt"].clone()).unwrap();
    assert!(
        robots.contains("crawlers read robots.txt only at the\n# root of the host"),
        "{robots}"
    );
    assert!(
        robots.contains("Sitemap: https://partnership.example.org/sub/sitemap.xml"),
        "{robots}"
    );
    // A site with no aliases gets no redirect files.
    let plain = tempfile::tempdir().unwrap();
    build_ok(&fixture("partnership"), plain.path());
    assert!(!plain.path().join("_redirects").exists());
}

#[test]
fn meetings_and_publications_filed_in_sub_sections_are_listed_by_their_sections() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("partnership"), &site);
    // Meetings filed by year, publications in a sub-section.
    std::fs::create_dir_all(site.join("content/meetings/2026")).unwrap();
    std::fs::rename(
        site.join("content/meetings/2026-09-safety"),
        site.join("content/meetings/2026/2026-09-safety"),
    )
    .unwrap();
    write(
        &site,
        "content/meetings/2026/_index.md",
        "+++\ntitle = \"Meetings in 2026\"\n+++\n",
    );
    std::fs::create_dir_all(site.join("content/publications/reports")).unwrap();
    std::fs::rename(
        site.join("content/publications/plan"),
        site.join("content/publications/reports/plan"),
    )
    .unwrap();
    write(
        &site,
        "content/publications/reports/_index.md",
        "+++\ntitle = \"Reports\"\n+++\n",
    );
    write(
        &site,
        "content/publications/reports/old/index.md",
        "+++\ntitle = \"An older plan\"\nkind = \"document\"\nfile = \"old.pdf\"\npublished = 2024-02-01\n+++\n\nThe plan before.\n",
    );
    std::fs::copy(
        site.join("content/publications/reports/plan/community-safety-plan.pdf"),
        site.join("content/publications/reports/old/old.pdf"),
    )
    .unwrap();
    let out = dir.path().join("public");
    build_ok(&site, &out);
    let meetings = std::fs::read_to_string(out.join("meetings/index.html")).unwrap();
    assert!(
        meetings.contains("2026/2026-09-safety/index.html"),
        "the meeting filed under 2026/ is listed:\n{meetings}"
    );
    assert!(meetings.contains("meetings.ics"), "{meetings}");
    let publications = std::fs::read_to_string(out.join("publications/index.html")).unwrap();
    let new = publications
        .find("Community Safety Plan 2026")
        .expect("the newer plan is listed");
    let old = publications
        .find("An older plan")
        .expect("the older plan is listed");
    assert!(new < old, "newest first");
    assert!(
        publications
            .contains("Published <time datetime=\"2024-02-01\">1 February 2024</time>. PDF,"),
        "{publications}"
    );
}

/// Builds the basic fixture into `out` with `--base-url URL`.
fn build_basic_at(out: &std::path::Path, url: &str) -> std::process::Output {
    alliance(&[
        "build",
        "--root",
        fixture("basic").to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
        "--base-url",
        url,
    ])
}
