//! Search end to end: the real binary builds a fixture, and the index files
//! on disk are queried as the search page's script reads them (a word's
//! shard from `meta.json`, the word's stem, the stem's postings, the page's
//! record in its chunk).

mod common;

use std::path::Path;

use common::{alliance, build_ok, copy_tree, fixture, walkdir};
use serde_json::Value;

/// Builds the partnership fixture (with `config_extra` appended to its config) into a temp folder.
fn build(config_extra: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("site");
    copy_tree(&fixture("partnership"), &src);
    let config = src.join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap() + config_extra;
    std::fs::write(&config, text).unwrap();
    let out = tmp.path().join("out");
    build_ok(&src, &out);
    (tmp, out)
}

fn json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// The records of the pages a word is found on, as the script finds them.
fn lookup(index: &Path, word: &str) -> Vec<Value> {
    let meta = json(&index.join("meta.json"));
    let shard_of = |w: &str| {
        let firsts = meta["shards"].as_array().unwrap();
        firsts
            .iter()
            .rposition(|f| f.as_str().unwrap() <= w)
            .unwrap_or(0)
    };
    let entry = |w: &str| json(&index.join(format!("t{}.json", shard_of(w))))[w].clone();
    let postings = match entry(word) {
        Value::String(stem) => entry(&stem),
        other => other,
    };
    let Some(list) = postings.as_array() else {
        return Vec::new();
    };
    let chunk = meta["chunk"].as_u64().unwrap();
    let mut page = 0;
    list.chunks(2)
        .map(|pair| {
            page += pair[0].as_u64().unwrap();
            let records = json(&index.join(format!("p{}.json", page / chunk)));
            records[(page % chunk) as usize].clone()
        })
        .collect()
}

#[test]
fn the_index_finds_pages_by_their_words_stems_and_facts() {
    let (_tmp, out) = build("");
    let index = out.join("search/en");
    let meta = json(&index.join("meta.json"));
    assert_eq!(meta["language"], "en");
    assert_eq!(meta["stemmed"], true);

    // A word of a body, with its section and the heading it is under.
    let found = lookup(&index, "responsible");
    let safety = found
        .iter()
        .find(|r| r["u"] == "groups/safety/")
        .expect("the safety group's page has the word");
    assert_eq!(safety["t"], "Community Safety Partnership");
    assert!(safety["s"].as_str().unwrap().len() > 1, "{safety}");
    assert!(
        safety["x"]
            .as_str()
            .unwrap()
            .contains("responsible authorities")
    );
    let heading = &safety["h"][0];
    assert_eq!(heading[0], "our-work");
    let at = heading[2].as_u64().unwrap() as usize;
    let text: Vec<u16> = safety["x"].as_str().unwrap().encode_utf16().collect();
    assert!(String::from_utf16_lossy(&text[at..]).starts_with("Our work"));

    // A word as written names its stem, which has the pages of every form.
    let firsts = meta["shards"].as_array().unwrap();
    let n = firsts
        .iter()
        .rposition(|f| f.as_str().unwrap() <= "authorities")
        .unwrap();
    assert_eq!(
        json(&index.join(format!("t{n}.json")))["authorities"],
        "author"
    );
    let authors = lookup(&index, "authorities");
    assert!(
        authors.iter().any(|r| r["u"] == "groups/safety/"),
        "{authors:?}"
    );

    // Typed facts: an organisation by its sector, a meeting by its group and date.
    let meetings = lookup(&index, "board");
    assert!(meetings.iter().any(|r| r["u"] == "meetings/2026-03-exec/"));
    let dated = lookup(&index, "2026");
    assert!(dated.iter().any(|r| r["u"] == "meetings/2026-03-exec/"));
    let police = lookup(&index, "police");
    assert!(police.iter().any(|r| r["u"] == "members/police/"));

    // A word no page has finds nothing.
    assert!(lookup(&index, "zebracrossing").is_empty());
}

#[test]
fn every_page_has_the_box_leading_to_the_a_to_z_and_the_search_page_exists() {
    let (_tmp, out) = build("");
    let page = std::fs::read_to_string(out.join("about/index.html")).unwrap();
    assert!(page.contains(
        "<form class=\"site-search\" role=\"search\" aria-label=\"Site\" action=\"../a-z/index.html\" method=\"get\" data-search=\"../search/index.html\">"
    ));
    assert!(page.contains("<script src=\"../search.js\" defer></script>"));
    let search = std::fs::read_to_string(out.join("search/index.html")).unwrap();
    assert!(search.contains("<h1>Search</h1>"));
    assert!(search.contains("role=\"status\" aria-live=\"polite\""));
    assert!(search.contains("data-index=\"en/\""));
    assert!(out.join("search.js").is_file());
    for file in walkdir(&out) {
        if file.extension().is_some_and(|e| e == "html") && !file.ends_with("404.html") {
            let html = std::fs::read_to_string(&file).unwrap();
            let aliased = html.contains("http-equiv=\"refresh\"");
            assert!(
                aliased || html.contains("role=\"search\""),
                "{}",
                file.display()
            );
        }
    }
}

#[test]
fn search_disabled_turns_off_the_box_the_page_the_script_and_the_index() {
    let (_tmp, out) = build("\n[search]\nenabled = false\n");
    assert!(!out.join("search").exists());
    assert!(!out.join("search.js").exists());
    for file in walkdir(&out) {
        if file.extension().is_some_and(|e| e == "html") {
            let html = std::fs::read_to_string(&file).unwrap();
            assert!(!html.contains("role=\"search\""), "{}", file.display());
            assert!(!html.contains("search.js"), "{}", file.display());
        }
    }
}

#[test]
fn a_snapshot_keeps_the_box_but_not_the_script() {
    let tmp = tempfile::tempdir().unwrap();
    let snaps = tmp.path().join("snaps");
    let run = alliance(&[
        "snapshot",
        "--root",
        fixture("partnership").to_str().unwrap(),
        "--date",
        "2026-11-22",
        "--out",
        snaps.to_str().unwrap(),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let page = std::fs::read_to_string(snaps.join("2026-11-22/site/about/index.html")).unwrap();
    assert!(page.contains("role=\"search\" aria-label=\"Site\" action=\"../a-z/index.html\""));
    assert!(!page.contains("search.js"));
}

#[test]
fn a_welsh_site_gets_a_welsh_index_matched_word_for_word() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("site");
    copy_tree(&fixture("partnership"), &src);
    let config = src.join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(
        &config,
        text.replace("language = \"en-GB\"", "language = \"cy\""),
    )
    .unwrap();
    let out = tmp.path().join("out");
    build_ok(&src, &out);
    let index = out.join("search/cy");
    assert_eq!(json(&index.join("meta.json"))["stemmed"], false);
    assert!(!out.join("search/en").exists());
    // Not stemmed: the word as written has the pages itself.
    let found = lookup(&index, "authorities");
    assert!(
        found.iter().any(|r| r["u"] == "groups/safety/"),
        "{found:?}"
    );
    let search = std::fs::read_to_string(out.join("search/index.html")).unwrap();
    assert!(search.contains("data-index=\"cy/\""));
}
