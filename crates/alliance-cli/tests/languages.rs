//! End-to-end: a site in Welsh and English (`tests/fixtures/bilingual`),
//! its pages in both languages, each linked to the other, and what `check`
//! says of missing, stale and orphaned translations.

mod common;

use common::*;

#[test]
fn every_translated_page_is_built_in_both_languages_and_each_links_the_other() {
    let (_dir, out) = built_fixture("bilingual");
    for page in [
        "cy/index.html",
        "cy/about/index.html",
        "cy/about/structure/index.html",
        "cy/aelodau/index.html",
        "cy/aelodau/council/index.html",
        "cy/aelodau/health-board/index.html",
        "cy/groups/board/index.html",
        "cy/meetings/2026-12-board/index.html",
        "cy/meetings/2026-12-board/agenda.pdf",
        "cy/a-z/index.html",
        "cy/accessibility/index.html",
        "cy/search/index.html",
        "cy/404.html",
        "cy/meetings.ics",
        "cy/groups/board/meetings.ics",
    ] {
        assert!(out.join(page).is_file(), "{page} missing");
    }
    // A page with no translation has no Welsh version.
    assert!(out.join("about/privacy/index.html").is_file());
    assert!(!out.join("cy/about/privacy").exists());

    let board = read(&out, "cy/groups/board/index.html");
    assert!(board.starts_with("<!DOCTYPE html>\n<html lang=\"cy\">"));
    assert!(
        board.contains("<h1>Bwrdd Gwasanaethau Cyhoeddus</h1>"),
        "{board}"
    );
    assert!(board.contains("Cyhoeddi&#39;r cynllun llesiant"));
    assert!(board.contains(
        "<nav class=\"translations\" aria-label=\"Cyfieithiadau\"><ul class=\"translations__list\"><li><a href=\"../../../groups/board/index.html\" hreflang=\"en-GB\" lang=\"en-GB\" rel=\"alternate\">English</a></li><li><span lang=\"cy\">Cymraeg</span></li></ul></nav>"
    ));
    assert!(board.contains(
        "<link rel=\"alternate\" hreflang=\"cy\" href=\"https://www.valepsb.example.org/cy/groups/board/\">"
    ));
    assert!(board.contains(
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://www.valepsb.example.org/groups/board/\">"
    ));
    assert!(board.contains("\"inLanguage\":\"cy\""));
    // Members by their Welsh names (from name_cy), at their Welsh addresses.
    assert!(board.contains(
        "<a href=\"../../aelodau/health-board/index.html\">Bwrdd Iechyd Prifysgol Caerdydd a&#39;r Fro</a>"
    ));
    // The config's Welsh text tables.
    assert!(board.contains("Heol Holton"), "Welsh address in the footer");

    let english = read(&out, "groups/board/index.html");
    assert!(english.contains("<html lang=\"en-GB\">"));
    assert!(english.contains(
        "<li><span lang=\"en-GB\">English</span></li><li><a href=\"../../cy/groups/board/index.html\" hreflang=\"cy\" lang=\"cy\" rel=\"alternate\">Cymraeg</a></li>"
    ));
    assert!(english.contains("\"inLanguage\":\"en-GB\""));

    // The untranslated page has no switcher, and Welsh pages link to it in English.
    let privacy = read(&out, "about/privacy/index.html");
    assert!(!privacy.contains("aria-label=\"Translations\""));
    let about = read(&out, "cy/about/index.html");
    assert!(
        about.contains("href=\"../../about/privacy/index.html\""),
        "{about}"
    );

    // The meeting's words, in the page and in the Welsh calendar.
    let meeting = read(&out, "cy/meetings/2026-12-board/index.html");
    assert!(meeting.contains("Swyddfeydd Dinesig, Y Barri"));
    let calendar = read(&out, "cy/meetings.ics");
    assert!(
        calendar.contains("LOCATION:Swyddfeydd Dinesig\\, Y Barri"),
        "{calendar}"
    );
    assert!(calendar.contains("SUMMARY:Bwrdd Gwasanaethau Cyhoeddus\\, 10 Rhagfyr 2026"));

    // Each language has its own feed.
    let feed = read(&out, "cy/news/atom.xml");
    assert!(feed.contains(" xml:lang=\"cy\">"), "{feed}");
    assert!(
        feed.contains("<title>Cyhoeddi&#39;r cynllun llesiant</title>"),
        "{feed}"
    );
    assert!(feed.contains("https://www.valepsb.example.org/cy/news/plan/"));
    assert!(read(&out, "news/atom.xml").contains("<title>Well-being plan published</title>"));

    // The Welsh home page, A to Z and statement are in Welsh and link within Welsh.
    let home = read(&out, "cy/index.html");
    assert!(home.contains("<title>Bwrdd Gwasanaethau Cyhoeddus y Fro</title>"));
    assert!(home.contains("href=\"a-z/index.html\""));
    let a_to_z = read(&out, "cy/a-z/index.html");
    assert!(a_to_z.contains("<a href=\"../aelodau/index.html\">Aelodau</a>"));
    assert!(
        !a_to_z.contains("Privacy notice"),
        "untranslated pages are not in the Welsh A to Z"
    );
    assert!(a_to_z.contains("href=\"../../a-z/index.html\" hreflang=\"en-GB\""));
}

#[test]
fn the_sitemap_lists_both_versions_with_their_alternates() {
    let (_dir, out) = built_fixture("bilingual");
    let sitemap = read(&out, "sitemap.xml");
    assert!(sitemap.contains(
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"
    ));
    let alternates = "    <xhtml:link rel=\"alternate\" hreflang=\"en-GB\" href=\"https://www.valepsb.example.org/members/council/\"/>\n    <xhtml:link rel=\"alternate\" hreflang=\"cy\" href=\"https://www.valepsb.example.org/cy/aelodau/council/\"/>\n";
    for loc in ["members/council/", "cy/aelodau/council/"] {
        let entry = format!(
            "  <url>\n    <loc>https://www.valepsb.example.org/{loc}</loc>\n{alternates}  </url>\n"
        );
        assert!(sitemap.contains(&entry), "{entry} not in\n{sitemap}");
    }
    assert!(sitemap.contains("<loc>https://www.valepsb.example.org/cy/a-z/</loc>"));
    assert!(
        sitemap.contains("<loc>https://www.valepsb.example.org/about/privacy/</loc>\n  </url>"),
        "an untranslated page has no alternates"
    );
}

#[test]
fn check_reports_missing_and_stale_translations_in_text_and_json() {
    let o = alliance(&["check", "--root", fixture("bilingual").to_str().unwrap()]);
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(
            "content/about/privacy.md:1:1: warning: this page has no translation into `cy`"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("add content/about/privacy.cy.md"));
    assert!(stderr.contains(
        "content/about/structure.cy.md:4:1: warning: this translation (updated 2026-03-01) is older than its page content/about/structure.md (updated 2026-09-01)"
    ), "{stderr}");
    let o = alliance(&[
        "check",
        "--root",
        fixture("bilingual").to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let messages: Vec<(&str, &str)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["file"].as_str().unwrap(), d["message"].as_str().unwrap()))
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert_eq!(
        messages[0],
        (
            "content/about/privacy.md",
            "this page has no translation into `cy`"
        )
    );
    assert_eq!(messages[1].0, "content/about/structure.cy.md");
}

#[test]
fn required_translations_orphans_and_facts_in_translations_are_errors_reported_together() {
    let stderr = build_broken("bilingual", |site| {
        let config = std::fs::read_to_string(site.join("config.toml")).unwrap();
        let config = config.replace(
            "[languages.cy]\n",
            "[languages.cy]\nrequire_translation = true\n",
        );
        std::fs::write(site.join("config.toml"), config).unwrap();
        write(
            site,
            "content/news.cy.md",
            "+++\ntitle = \"Newyddion\"\n+++\n",
        );
        write(
            site,
            "content/groups/wellbeing.cy.md",
            "+++\ntitle = \"Partneriaeth Llesiant\"\ngroup = \"local\"\nreports_to = \"board\"\n+++\n",
        );
    });
    assert!(
        stderr.contains(
            "content/about/privacy.md:1:1: error: this page has no translation into `cy`"
        ),
        "{stderr}"
    );
    assert!(stderr.contains(
        "content/news.cy.md:1:1: error: this translation has no page: content/news.md does not exist"
    ), "{stderr}");
    assert!(
        stderr.contains(
            "content/groups/wellbeing.cy.md:3:1: error: `group` is not a word to translate"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "content/groups/wellbeing.cy.md:4:1: error: `reports_to` is not a word to translate"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "hint: facts come from the default-language page content/groups/wellbeing.md"
        )
    );
}

#[test]
fn a_dotted_name_that_is_not_a_language_is_a_page_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("bilingual"), &site);
    write(
        &site,
        "content/about/report.2026.md",
        "+++\ntitle = \"Report 2026\"\n+++\n",
    );
    write(
        &site,
        "content/about/report.2026.cy.md",
        "+++\ntitle = \"Adroddiad 2026\"\n+++\n",
    );
    let out = dir.path().join("public");
    build_ok(&site, &out);
    let english = std::fs::read_dir(out.join("about"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|name| name.starts_with("report"))
        .expect("the dotted page is built");
    let welsh = read(&out, &format!("cy/about/{english}/index.html"));
    assert!(welsh.contains("<h1>Adroddiad 2026</h1>"));
}

#[test]
fn a_snapshot_holds_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let o = alliance(&[
        "snapshot",
        "--root",
        fixture("bilingual").to_str().unwrap(),
        "--date",
        "2026-11-22",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let site = dir.path().join("2026-11-22/site");
    let welsh = read(&site, "cy/groups/board/index.html");
    assert!(welsh.contains("<a href=\"../../../groups/board/index.html\" hreflang=\"en-GB\""));
    let english = read(&site, "groups/board/index.html");
    assert!(english.contains("<a href=\"../../cy/groups/board/index.html\" hreflang=\"cy\""));
}

#[test]
fn a_draft_translation_is_not_published_and_its_page_is_reported_untranslated() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("bilingual"), &site);
    write(
        &site,
        "content/about/privacy.cy.md",
        "+++\ntitle = \"Hysbysiad preifatrwydd\"\ndraft = true\n+++\n",
    );
    let out = dir.path().join("public");
    let o = build(&site, &out);
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert!(o.status.success(), "{stderr}");
    assert!(
        stderr.contains(
            "content/about/privacy.md:1:1: warning: this page has no translation into `cy`"
        )
    );
    assert!(!out.join("cy/about/privacy").exists());
}

/// Every address the sitemap gives is a page of the build, in both
/// languages, with lists split into pages and a Welsh section at an address
/// of its own (`/cy/grwpiau/page/2/`, not `/cy/groups/page/2/`), and the
/// A to Z split into a page per letter of each language's alphabet.
#[test]
fn every_address_in_the_sitemap_is_built_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("bilingual"), &site);
    let config = std::fs::read_to_string(site.join("config.toml")).unwrap();
    write(
        &site,
        "config.toml",
        &format!("{config}\n[pagination]\nper_page = 1\na_to_z = 1\n"),
    );
    write(
        &site,
        "content/groups/_index.cy.md",
        "+++\ntitle = \"Grwpiau\"\nslug = \"grwpiau\"\n+++\n",
    );
    let out = dir.path().join("public");
    build_ok(&site, &out);
    let sitemap = read(&out, "sitemap.xml");
    let base = "https://www.valepsb.example.org/";
    let addresses: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .chain(sitemap.split("href=\"").skip(1))
        .map(|s| &s[..s.find(['<', '"']).unwrap()])
        .collect();
    for address in &addresses {
        let path = address
            .strip_prefix(base)
            .unwrap_or_else(|| panic!("{address}"));
        let file = if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_owned()
        };
        assert!(
            out.join(&file).is_file(),
            "the sitemap's {address} is not built"
        );
    }
    for list in [
        "groups/page/2/",
        "cy/grwpiau/page/2/",
        "a-z/a/",
        "cy/a-z/ch/",
    ] {
        assert!(
            addresses.contains(&format!("{base}{list}").as_str()),
            "{list} missing from the sitemap"
        );
    }
}
