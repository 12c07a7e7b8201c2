//! Long lists split into pages, on the real output of `tests/fixtures/lists`
//! (52 news items, exactly 20 publications, 41 past meetings on the tests'
//! day, 1 June 2026): the items of each page, GOV.UK's pagination markup, the
//! titles, canonical links, sitemap and A to Z, links that resolve, and the
//! errors of a bad `per_page` or a page in a list page's way.

mod common;

use std::path::Path;

use common::*;

/// The titles of the items a list page shows, in order.
fn item_titles(html: &str) -> Vec<String> {
    let main = main_of(html);
    main.split("<h3 class=\"listing__title\">")
        .skip(1)
        .map(|item| {
            let text = &item[item.find('>').unwrap() + 1..];
            text[..text.find("</a>").unwrap()].to_owned()
        })
        .collect()
}

/// The pagination landmark of a page, if it has one.
fn pagination(html: &str) -> Option<&str> {
    let start = html.find("<nav class=\"pagination\"")?;
    Some(&html[start..start + html[start..].find("</nav>").unwrap()])
}

/// What the pagination offers, as a reader hears it: `‹` and `›` for the
/// previous and next links, numbers (the current one in brackets), `…`.
fn offered(nav: &str) -> String {
    let mut out = Vec::new();
    if nav.contains("rel=\"prev\"") {
        out.push("‹".to_owned());
    }
    for item in nav.split("<li class=\"pagination__item").skip(1) {
        let item = &item[..item.find("</li>").unwrap()];
        if item.contains("--ellipses") {
            out.push("…".to_owned());
            continue;
        }
        let number = &item[..item.rfind("</a>").unwrap()];
        let number = &number[number.rfind('>').unwrap() + 1..];
        assert!(
            item.contains(&format!("aria-label=\"Page {number}\"")),
            "{item}"
        );
        out.push(match item.contains("aria-current=\"page\"") {
            true => format!("[{number}]"),
            false => number.to_owned(),
        });
    }
    if nav.contains("rel=\"next\"") {
        out.push("›".to_owned());
    }
    out.join(" ")
}

/// Every relative link of a page at `page` (a folder of `out`) names a file that exists.
fn links_resolve(out: &Path, page: &str) {
    let html = read(out, &format!("{page}index.html"));
    for href in attr_values(&html, "href") {
        if href.contains(':') || href.starts_with('#') {
            continue;
        }
        let target = out.join(page).join(href.split('#').next().unwrap());
        assert!(target.exists(), "{page}: {href} leads nowhere");
    }
}

#[test]
fn news_of_52_items_takes_three_pages_of_20_20_and_12() {
    let (_dir, out) = built_fixture("lists");
    let pages = ["news/", "news/page/2/", "news/page/3/"];
    let mut seen = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let html = read(&out, &format!("{page}index.html"));
        let titles = item_titles(&html);
        assert_eq!(titles.len(), [20, 20, 12][i], "{page}");
        seen.extend(titles);
        let nav = pagination(&html).unwrap_or_else(|| panic!("{page} has no pagination"));
        assert!(nav.contains("aria-label=\"Pagination\""), "{nav}");
        assert!(nav.contains("Previous<span class=\"visually-hidden\"> page</span>") == (i > 0));
        assert!(nav.contains("Next<span class=\"visually-hidden\"> page</span>") == (i < 2));
        assert_eq!(
            offered(nav),
            ["[1] 2 3 ›", "‹ 1 [2] 3 ›", "‹ 1 2 [3]"][i],
            "{page}"
        );
        let canonical = format!(
            "<link rel=\"canonical\" href=\"https://longlist.example.org/partnership/{page}\">"
        );
        assert!(html.contains(&canonical), "{page}");
        links_resolve(&out, page);
    }
    // Newest first, each item once, across the pages.
    let expected: Vec<String> = (1..=52).map(|n| format!("Update {n}: ")).collect();
    assert_eq!(seen.len(), 52);
    for (title, prefix) in seen.iter().zip(&expected) {
        assert!(title.starts_with(prefix), "{title} where {prefix} was due");
    }
    // No page 0, 1 or 4; the links of page 2 lead to pages 1 and 3.
    for missing in [
        "news/page/0",
        "news/page/1",
        "news/page/4",
        "news/page/index.html",
    ] {
        assert!(!out.join(missing).exists(), "{missing} exists");
    }
    let second = read(&out, "news/page/2/index.html");
    let nav = pagination(&second).unwrap();
    assert!(
        nav.contains("href=\"../../index.html\" rel=\"prev\""),
        "{nav}"
    );
    assert!(
        nav.contains("href=\"../3/index.html\" rel=\"next\""),
        "{nav}"
    );
    assert!(second.contains("<title>News (page 2 of 3) – Longlist Partnership</title>"));
    assert!(second.contains("<h1>News <span class=\"heading-caption\">(page 2 of 3)</span></h1>"));
    // Page 1 keeps the section's own title and text; later pages show the list only.
    let first = read(&out, "news/index.html");
    assert!(first.contains("<title>News – Longlist Partnership</title>"));
    assert!(first.contains("<h1>News</h1>"));
    assert!(first.contains("Every announcement the partnership has made."));
    assert!(!second.contains("Every announcement the partnership has made."));
}

#[test]
fn list_pages_are_in_the_sitemap_but_the_a_to_z_and_search_know_page_one_only() {
    let (_dir, out) = built_fixture("lists");
    let sitemap = read(&out, "sitemap.xml");
    for page in ["news/", "news/page/2/", "news/page/3/", "meetings/page/3/"] {
        let loc = format!("<loc>https://longlist.example.org/partnership/{page}</loc>");
        assert_eq!(sitemap.matches(&loc).count(), 1, "{page}");
    }
    assert!(!sitemap.contains("publications/page/"));
    let a_to_z = read(&out, "a-z/index.html");
    let news_links = attr_values(main_of(&a_to_z), "href")
        .into_iter()
        .filter(|h| h.starts_with("../news/") && !h.contains("update-"))
        .collect::<Vec<_>>();
    assert_eq!(news_links, ["../news/index.html"]);
    for file in walkdir(&out.join("search")) {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            !text.contains("page/2"),
            "{} names a list page",
            file.display()
        );
    }
}

#[test]
fn a_list_of_exactly_per_page_items_has_one_page_and_no_pagination() {
    let (_dir, out) = built_fixture("lists");
    let html = read(&out, "publications/index.html");
    assert_eq!(item_titles(&html).len(), 20);
    assert_eq!(pagination(&html), None);
    assert!(!out.join("publications/page").exists());
}

#[test]
fn past_meetings_are_paginated_and_the_upcoming_ones_stay_on_page_one() {
    let (_dir, out) = built_fixture("lists");
    let first = read(&out, "meetings/index.html");
    let second = read(&out, "meetings/page/2/index.html");
    let third = read(&out, "meetings/page/3/index.html");
    assert!(first.contains("id=\"upcoming-meetings\""));
    assert!(first.contains("Add all meetings to your calendar"));
    for later in [&second, &third] {
        assert!(!later.contains("id=\"upcoming-meetings\""));
        assert!(!later.contains("Add all meetings to your calendar"));
        assert!(later.contains("id=\"past-meetings\""));
    }
    let past = |html: &str| {
        let main = main_of(html);
        let from = main.find("id=\"past-meetings\"").unwrap();
        main[from..].matches("<li class=\"listing__item").count()
    };
    // 41 meetings before 1 June 2026: 20, 20 and the oldest one.
    assert_eq!([past(&first), past(&second), past(&third)], [20, 20, 1]);
    assert!(main_of(&third).contains("January 2023"));
    assert!(!out.join("meetings/page/4").exists());
    assert_eq!(offered(pagination(&third).unwrap()), "‹ 1 2 [3]");
    links_resolve(&out, "meetings/page/3/");
}

#[test]
fn per_page_is_configurable_and_many_pages_get_ellipses() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("lists"), &site);
    let config = read(&site, "config.toml") + "\n[pagination]\nper_page = 5\n";
    write(&site, "config.toml", &config);
    let out = dir.path().join("public");
    build_ok(&site, &out);
    // 52 news items: 11 pages, the last with 2.
    assert_eq!(item_titles(&read(&out, "news/page/11/index.html")).len(), 2);
    assert!(!out.join("news/page/12").exists());
    let nav = |page: &str| offered(pagination(&read(&out, page)).unwrap());
    assert_eq!(nav("news/index.html"), "[1] 2 … 11 ›");
    assert_eq!(nav("news/page/6/index.html"), "‹ 1 … 5 [6] 7 … 11 ›");
    assert_eq!(nav("news/page/11/index.html"), "‹ 1 … 10 [11]");
    // 20 publications: 4 pages now.
    assert_eq!(
        item_titles(&read(&out, "publications/page/4/index.html")).len(),
        5
    );
    assert!(!out.join("publications/page/5").exists());
}

#[test]
fn per_page_zero_is_an_error_in_config_toml() {
    let stderr = build_broken("lists", |site| {
        let config = read(site, "config.toml") + "\n[pagination]\nper_page = 0\n";
        write(site, "config.toml", &config);
    });
    let line = read(&fixture("lists"), "config.toml").lines().count() + 3;
    assert!(
        stderr.contains(&format!(
            "config.toml:{line}:1: error: `per_page` must be at least 1"
        )),
        "{stderr}"
    );
    assert!(stderr.contains("hint: e.g. per_page = 20"), "{stderr}");
}

#[test]
fn a_page_at_a_list_page_address_is_a_collision() {
    let stderr = build_broken("lists", |site| {
        write(
            site,
            "content/news/page/2.md",
            "+++\ntitle = \"Page two\"\n+++\n",
        );
    });
    assert!(
        stderr.contains("content/news/page/2.md:2:1: error: content/news/page/2.md and a page of the list of content/news/_index.md would both be written at /news/page/2/index.html"),
        "{stderr}"
    );
}

/// Every page an unsplit A to Z lists (its links, from the site root), sorted.
fn a_to_z_entries(out: &Path) -> Vec<String> {
    let mut entries: Vec<String> = main_of(&read(out, "a-z/index.html"))
        .split("<ul class=\"plain-list\">")
        .skip(1)
        .flat_map(|list| attr_values(&list[..list.find("</ul>").unwrap()], "href"))
        .map(|href| href.trim_start_matches("../").to_owned())
        .collect();
    entries.sort();
    entries
}

/// The lists fixture built with its A to Z split past `a_to_z` pages: the
/// folder (kept while it lives) and the output in it.
fn lists_split_past(a_to_z: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("lists"), &site);
    let config = std::fs::read_to_string(site.join("config.toml")).unwrap();
    write(
        &site,
        "config.toml",
        &format!("{config}\n[pagination]\na_to_z = {a_to_z}\n"),
    );
    let out = dir.path().join("public");
    build_ok(&site, &out);
    (dir, out)
}

/// An A to Z longer than `[pagination] a_to_z` (60: no letter is longer)
/// becomes an index of letters, each letter a page of its own: every page the whole A to Z lists is on
/// exactly one letter page, under its letter, every letter page is in the
/// sitemap, and every link resolves.
#[test]
fn a_long_a_to_z_is_split_into_a_page_per_letter() {
    let (_dir, whole) = built_fixture("lists");
    let listed = |html: &str| -> Vec<String> {
        let main = main_of(html);
        let list = &main[main.find("<ul class=\"plain-list\">").unwrap()..];
        attr_values(&list[..list.find("</ul>").unwrap()], "href")
    };
    let expected = a_to_z_entries(&whole);
    let (_built, out) = lists_split_past(60);
    let index = read(&out, "a-z/index.html");
    assert!(
        !main_of(&index).contains("<h2"),
        "the index lists letters, not pages"
    );
    let letters = listed(&index);
    assert!(letters.len() > 3, "{letters:?}");
    links_resolve(&out, "a-z/");
    let sitemap = read(&out, "sitemap.xml");
    let mut found = Vec::new();
    for letter in &letters {
        let folder = format!("a-z/{}", letter.trim_end_matches("index.html"));
        let loc = format!("<loc>https://longlist.example.org/partnership/{folder}</loc>");
        assert!(sitemap.contains(&loc), "{loc} missing from the sitemap");
        let page = read(&out, &format!("{folder}index.html"));
        let shown = &page[page.find("<h1>").unwrap()..page.find("</h1>").unwrap()];
        let nav = &page[page.find("class=\"a-z__letters\"").unwrap()..];
        let current = &nav[..nav.find("aria-current=\"page\"").unwrap()];
        assert!(
            current.ends_with("href=\"index.html\" "),
            "{folder}: {current}"
        );
        assert!(shown.starts_with("<h1>A to Z: "), "{shown}");
        links_resolve(&out, &folder);
        found.extend(
            listed(&page)
                .into_iter()
                .map(|h| h.trim_start_matches("../").to_owned()),
        );
    }
    found.sort();
    assert_eq!(found, expected);
}

/// A letter with more pages than `[pagination] a_to_z` is itself split: its
/// page is an index of the pages of its first two letters (`a-z/p/pa-1/`,
/// cut in runs of `a_to_z` when one two-letter part is longer still), each
/// marking its letter and itself; no page lists more than `a_to_z` pages,
/// every page of the whole A to Z is on exactly one of them, and every one
/// is in the sitemap.
#[test]
fn a_long_letter_is_split_by_its_first_two_letters() {
    let (_dir, whole) = built_fixture("lists");
    let hrefs = |html: &str, list: &str| -> Vec<String> {
        let main = main_of(html);
        let list = &main[main.find(list).unwrap()..];
        attr_values(&list[..list.find("</ul>").unwrap()], "href")
    };
    let expected = a_to_z_entries(&whole);
    let (_built, out) = lists_split_past(20);
    let sitemap = read(&out, "sitemap.xml");
    let in_sitemap = |folder: &str| {
        let loc = format!("<loc>https://longlist.example.org/partnership/{folder}</loc>");
        assert!(sitemap.contains(&loc), "{loc} missing from the sitemap");
    };
    let current = |html: &str, nav: usize| -> (String, String) {
        let nav = html.split("class=\"a-z__letters\"").nth(nav).unwrap();
        let nav = &nav[..nav.find("</ul>").unwrap()];
        let link = nav
            .split("<a ")
            .find(|a| a.contains("aria-current"))
            .unwrap();
        let href = &link[link.find("href=\"").unwrap() + 6..];
        let state = &link[link.find("aria-current=\"").unwrap() + 14..];
        (
            href[..href.find('"').unwrap()].to_owned(),
            state[..state.find('"').unwrap()].to_owned(),
        )
    };
    let mut found = Vec::new();
    let mut parts = Vec::new();
    for letter in hrefs(&read(&out, "a-z/index.html"), "<ul class=\"plain-list\">") {
        let folder = format!("a-z/{}", letter.trim_end_matches("index.html"));
        in_sitemap(&folder);
        links_resolve(&out, &folder);
        let page = read(&out, &format!("{folder}index.html"));
        let listed = hrefs(&page, "<ul class=\"plain-list\">");
        if !listed[0].starts_with("../") {
            // An index of the letter's two-letter pages.
            assert_eq!(current(&page, 1), ("index.html".into(), "page".into()));
            for part in listed {
                let folder = format!("{folder}{}", part.trim_end_matches("index.html"));
                in_sitemap(&folder);
                links_resolve(&out, &folder);
                let page = read(&out, &format!("{folder}index.html"));
                assert_eq!(current(&page, 1), ("../index.html".into(), "true".into()));
                assert_eq!(current(&page, 2), ("index.html".into(), "page".into()));
                let shown = &page[page.find("<h1>").unwrap()..page.find("</h1>").unwrap()];
                parts.push(shown.trim_start_matches("<h1>A to Z: ").to_owned());
                let listed = hrefs(&page, "<ul class=\"plain-list\">");
                assert!(listed.len() <= 20, "{folder}: {}", listed.len());
                found.extend(
                    listed
                        .iter()
                        .map(|h| h.trim_start_matches("../").to_owned()),
                );
            }
            continue;
        }
        assert!(listed.len() <= 20, "{folder}: {}", listed.len());
        found.extend(
            listed
                .iter()
                .map(|h| h.trim_start_matches("../").to_owned()),
        );
    }
    found.sort();
    assert_eq!(found, expected);
    // 48 "Partnership Board" meetings and a "Publications" page; 52 updates.
    assert_eq!(
        parts,
        ["Pa 1", "Pa 2", "Pa 3", "Pu", "Up 1", "Up 2", "Up 3"]
    );
}
