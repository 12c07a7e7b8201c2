//! End-to-end: the theme's own words in another language (Welsh), a site's
//! translations overriding them, Welsh dates and times, and the Welsh A to Z.

mod common;

use std::path::{Path, PathBuf};

use common::*;

/// The meetings fixture with its default language set to `language` and two
/// pages whose titles the Welsh alphabet orders differently from the English.
fn site_in(language: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("meetings"), &site);
    let config = std::fs::read_to_string(site.join("config.toml")).unwrap();
    write(
        &site,
        "config.toml",
        &format!("language = \"{language}\"\n{config}"),
    );
    write(
        &site,
        "content/llandaf.md",
        "+++\ntitle = \"Llandaf\"\n+++\nTestun.\n",
    );
    write(
        &site,
        "content/lydstep.md",
        "+++\ntitle = \"Lydstep\"\n+++\nTestun.\n",
    );
    let out = dir.path().join("public");
    (dir, site, out)
}

/// Every HTML page of a built site, by path.
fn pages(out: &Path) -> Vec<(String, String)> {
    tree(out)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html") && !path.starts_with("admin/"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

/// The theme's English sentences that its Welsh file words differently:
/// each run of text between placeholders, long enough to be unmistakable.
fn english_only_phrases() -> Vec<String> {
    let read = |code: &str| -> toml::Table {
        let path = repo().join(format!("themes/civic/translations/{code}.toml"));
        toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    let (en, cy) = (read("en"), read("cy"));
    let mut phrases = Vec::new();
    for (key, value) in &en {
        if cy.get(key) == Some(value) {
            continue;
        }
        let texts: Vec<&str> = match value {
            toml::Value::String(s) => vec![s.as_str()],
            toml::Value::Array(a) => a.iter().filter_map(toml::Value::as_str).collect(),
            _ => vec![],
        };
        for text in texts {
            for run in text.split(['{', '}']).step_by(2) {
                let run = run.trim_matches(|c: char| !c.is_alphanumeric());
                if run.len() >= 10 && !run.contains('<') {
                    phrases.push(run.to_owned());
                }
            }
        }
    }
    phrases
}

#[test]
fn a_welsh_site_has_no_english_word_of_the_theme() {
    let (_dir, site, out) = site_in("cy");
    build_ok(&site, &out);
    // The fixture's own text is English: phrases it writes itself are its.
    let written: String = walkdir(&site)
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect();
    let phrases: Vec<String> = english_only_phrases()
        .into_iter()
        .filter(|p| !written.contains(p.as_str()))
        .collect();
    assert!(phrases.len() > 100, "{}", phrases.len());
    for (path, html) in pages(&out) {
        assert!(html.contains("<html lang=\"cy\">"), "{path}");
        // Structured data names schema.org types ("BreadcrumbList"), not words.
        let html = match (
            html.find("<script type=\"application/ld+json\">"),
            html.find("</head>"),
        ) {
            (Some(start), Some(end)) => format!("{}{}", &html[..start], &html[end..]),
            _ => html,
        };
        for phrase in &phrases {
            assert!(
                !html.contains(phrase.as_str()),
                "{path} has the English `{phrase}`"
            );
        }
    }
    // And the same check finds them on the English site.
    let english = tempfile::tempdir().unwrap();
    build_ok(&fixture("meetings"), english.path());
    let home = read(english.path(), "index.html");
    assert!(phrases.iter().any(|p| home.contains(p.as_str())));
}

#[test]
fn welsh_pages_read_in_welsh_with_welsh_dates_and_times() {
    let (_dir, site, out) = site_in("cy");
    build_ok(&site, &out);
    let html = read(&out, "meetings/2026-07-board/index.html");
    assert!(
        html.contains("<a class=\"skip-link\" href=\"#main-content\">Neidio i’r prif gynnwys</a>")
    );
    let main = main_of(&html);
    assert!(
        main.contains("<strong>Mae’r cyfarfod hwn wedi’i aildrefnu.</strong> Roedd i fod i gael ei gynnal ar <time datetime=\"2026-07-09T14:00:00\">dydd Iau 9 Gorffennaf 2026, 2yp</time>."),
        "{main}"
    );
    assert!(
        main.contains("<div><dt>Dyddiad</dt><dd><time datetime=\"2026-07-16T14:00:00\">dydd Iau 16 Gorffennaf 2026</time></dd></div>"),
        "{main}"
    );
    assert!(
        main.contains("<div><dt>Amser</dt><dd>2yp</dd></div>"),
        "{main}"
    );
    assert!(
        main.contains("<dd>Wedi’i aildrefnu o 9 Gorffennaf 2026</dd>"),
        "{main}"
    );
    let footer = &html[html.find("<footer").unwrap()..];
    assert!(
        footer.contains(">Hafan</a>") && footer.contains(">Datganiad hygyrchedd</a>"),
        "{footer}"
    );
    let has = |file: &str, parts: &[&str]| {
        let text = read(&out, file);
        for part in parts {
            assert!(text.contains(part), "{file} should have {part}:\n{text}");
        }
    };
    has(
        "accessibility/index.html",
        &[
            "<h1>Datganiad hygyrchedd ar gyfer Meadowbank Partnership</h1>",
            "Mae’r wefan hon yn cydymffurfio’n llawn â fersiwn 2.2 AA o Ganllawiau Hygyrchedd Cynnwys y We.",
            "<title>Datganiad hygyrchedd – Meadowbank Partnership</title>",
        ],
    );
    has("404.html", &["<h1>Heb ddod o hyd i’r dudalen</h1>"]);
    // A small paper's size in Welsh words ("PDF, 618 beit").
    has(
        "meetings/2026-05-board/index.html",
        &["<p class=\"attachment__meta\">PDF, ", " beit</p>"],
    );
    // The search page hands its script the Welsh words it writes as it searches.
    has(
        "search/index.html",
        &[
            "data-words=\"{&quot;a_to_z&quot;:&quot;Mynegai A i Y&quot;,",
            "&quot;search_searching&quot;:&quot;Wrthi’n chwilio…&quot;",
        ],
    );
    // The search index finds a meeting by its Welsh month and kind of page.
    let terms: String = tree(&out)
        .into_iter()
        .filter(|(path, _)| path.starts_with("search/cy/t"))
        .map(|(_, bytes)| String::from_utf8(bytes).unwrap())
        .collect();
    for term in ["\"gorffennaf\"", "\"cyfarfod\""] {
        assert!(terms.contains(term), "no {term} in the Welsh index");
    }
    has(
        "meetings.ics",
        &[
            "X-WR-CALNAME:Cyfarfodydd Meadowbank Partnership",
            "DESCRIPTION:Cyfarfod o ",
        ],
    );
}

/// The letters of an A to Z page and the titles under each, in order.
fn a_to_z(out: &Path) -> Vec<(String, Vec<String>)> {
    let html = read(out, "a-z/index.html");
    let main = main_of(&html);
    main.split("<h2 id=\"letter-")
        .skip(1)
        .map(|part| {
            let letter = part[part.find('>').unwrap() + 1..part.find("</h2>").unwrap()].to_owned();
            let titles = part
                .split("<li><a href=\"")
                .skip(1)
                .map(|li| li[li.find('>').unwrap() + 1..li.find("</a>").unwrap()].to_owned())
                .collect();
            (letter, titles)
        })
        .collect()
}

#[test]
fn the_welsh_a_to_z_sorts_and_groups_by_the_welsh_alphabet() {
    let (_dir, site, out) = site_in("cy");
    build_ok(&site, &out);
    let letters = a_to_z(&out);
    let names: Vec<&str> = letters.iter().map(|(l, _)| l.as_str()).collect();
    let l = names.iter().position(|&l| l == "L").unwrap();
    assert_eq!(names[l + 1], "LL", "{names:?}");
    assert!(letters[l].1.contains(&"Lydstep".to_owned()), "{letters:?}");
    assert_eq!(letters[l + 1].1, ["Llandaf"]);
    let html = read(&out, "a-z/index.html");
    assert!(html.contains("<a href=\"#letter-ll\">LL</a>"), "{html}");
    assert!(html.contains("<h1>Mynegai A i Y</h1>"));

    let (_dir, site, out) = site_in("en-GB");
    build_ok(&site, &out);
    let letters = a_to_z(&out);
    let under_l = &letters.iter().find(|(l, _)| l == "L").unwrap().1;
    let (llandaf, lydstep) = (
        under_l.iter().position(|t| t == "Llandaf").unwrap(),
        under_l.iter().position(|t| t == "Lydstep").unwrap(),
    );
    assert!(llandaf < lydstep, "{under_l:?}");
    assert!(!letters.iter().any(|(l, _)| l == "LL"));
}

#[test]
fn a_site_overrides_a_word_and_an_unknown_word_is_an_error_at_its_place() {
    let (_dir, site, out) = site_in("cy");
    write(
        &site,
        "translations/cy.toml",
        "# Ein geiriau\nhome = \"Tudalen gartref\"\n",
    );
    build_ok(&site, &out);
    let home = read(&out, "index.html");
    assert!(home.contains(">Tudalen gartref</a>"), "{home}");
    assert!(
        home.contains(">Dewislen<"),
        "the other words stay the theme's"
    );

    let stderr = build_broken("meetings", |site| {
        write(
            site,
            "translations/en.toml",
            "home = \"Start\"\n\nmenus = \"Menu\"\n",
        );
    });
    assert!(
        stderr.contains("translations/en.toml:3:1: error: unknown word `menus`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `menu`?"), "{stderr}");
}

#[test]
fn a_language_with_no_words_falls_back_to_english_with_a_warning() {
    let (_dir, site, out) = site_in("fr");
    let o = build(&site, &out);
    assert!(o.status.success());
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert!(
        stderr.contains("translations/fr.toml: warning: the theme has no words in `fr`"),
        "{stderr}"
    );
    let home = read(&out, "index.html");
    assert!(home.contains("<html lang=\"fr\">") && home.contains(">Skip to main content<"));
}

#[test]
fn a_welsh_snapshot_has_a_welsh_banner_and_marks_links_out_in_welsh() {
    let (dir, site, _) = site_in("cy");
    let out = dir.path().join("snapshots");
    let o = alliance(&[
        "snapshot",
        "--root",
        site.to_str().unwrap(),
        "--date",
        "2026-11-22",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let home = read(&out, "2026-11-22/site/index.html");
    assert!(
        home.contains("aria-label=\"Ciplun wedi’i archifo\">\n<p>Mae’r ciplun hwn, a dynnwyd ar <time datetime=\"2026-11-22\">22/11/2026</time>, yn dangos cynnwys gwe Meadowbank Partnership."),
        "{home}"
    );
    let statement = read(&out, "2026-11-22/site/accessibility/index.html");
    assert!(
        statement.contains("<span class=\"external-link\"> (dolen allanol)</span></a>"),
        "{statement}"
    );
    assert!(!statement.contains("(external link)"));
}
