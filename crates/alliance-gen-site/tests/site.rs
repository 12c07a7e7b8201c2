//! A generated site, read back the way a stranger would: files, front matter,
//! the spreadsheet and links, and finally built by the Alliance generator.

use std::collections::{BTreeMap, BTreeSet};

use alliance_gen_site::{DirSink, MemorySink, Options, generate};

type Files = BTreeMap<String, Vec<u8>>;

fn site(pages: usize, seed: u64) -> Files {
    let mut sink = MemorySink::default();
    generate(&Options { pages, seed }, &mut sink).expect("memory never fails");
    sink.files
}

fn text(files: &Files, path: &str) -> String {
    String::from_utf8(files[path].clone()).expect("UTF-8")
}

/// (front matter as TOML, body) of a Markdown file.
fn split(text: &str) -> (toml::Value, &str) {
    let rest = text.strip_prefix("+++\n").expect("front matter first");
    let end = rest.find("\n+++\n").expect("front matter closed");
    let table: toml::Table = rest[..end].parse().expect("front matter is TOML");
    (toml::Value::Table(table), &rest[end + 5..])
}

/// The fields of one CSV record line (quotes as Excel writes them).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

fn stem(path: &str) -> &str {
    let path = path.strip_suffix("/index.md").unwrap_or(path);
    let name = path.rsplit('/').next().unwrap();
    name.strip_suffix(".md").unwrap_or(name)
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let a = site(100, 7);
    assert_eq!(a, site(100, 7));
    assert_ne!(a, site(100, 8));
}

#[test]
fn the_page_count_is_honoured() {
    for n in [100, 777] {
        let files = site(n, 1);
        let pages = files
            .keys()
            .filter(|p| p.ends_with(".md") && !p.ends_with("_index.md"))
            .count();
        assert!(pages.abs_diff(n) * 20 <= n, "{pages} pages for {n}");
    }
}

#[test]
fn every_link_and_every_reference_resolves() {
    let files = site(777, 3);
    let mut defined: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut kinds: BTreeMap<String, String> = BTreeMap::new();
    let mut parents: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut references: Vec<(String, &str, String)> = Vec::new();
    let mut csv_rows = 0;
    for (path, bytes) in &files {
        if path.ends_with("organisations.csv") {
            let text = std::str::from_utf8(bytes).unwrap();
            let text = text.strip_prefix('\u{feff}').expect("a byte-order mark");
            assert!(text.ends_with("\r\n") && !text.replace("\r\n", "").contains('\n'));
            let mut lines = text.split_terminator("\r\n");
            assert_eq!(lines.next(), Some("id,name,sector,website,phone"));
            for line in lines {
                let fields = csv_fields(line);
                assert_eq!(fields.len(), 5, "{line}");
                defined
                    .entry(fields[0].clone())
                    .or_default()
                    .push(path.clone());
                kinds.insert(fields[0].clone(), "organisation".into());
                csv_rows += 1;
            }
            continue;
        }
        if !path.ends_with(".md") || path.ends_with("_index.md") {
            continue;
        }
        let text = text(&files, path);
        let (front, body) = split(&text);
        let id = stem(path).to_owned();
        defined.entry(id.clone()).or_default().push(path.clone());
        let kind = front.get("kind").and_then(|k| k.as_str()).unwrap_or("");
        kinds.insert(id.clone(), kind.into());
        let str_of = |v: &toml::Value, key: &str| v[key].as_str().unwrap().to_owned();
        match kind {
            "group" => {
                let parent = front
                    .get("reports_to")
                    .map(|r| r.as_str().unwrap().to_owned());
                assert_eq!(
                    parent.is_none(),
                    front["group"].as_str() == Some("executive")
                );
                if let Some(r) = &parent {
                    references.push((path.clone(), "group", r.clone()));
                }
                parents.insert(id.clone(), parent);
                references.push((path.clone(), "organisation", str_of(&front["chair"], "org")));
                for m in front["members"].as_array().unwrap() {
                    references.push((path.clone(), "organisation", str_of(m, "org")));
                }
            }
            "meeting" => {
                references.push((path.clone(), "group", str_of(&front, "group")));
                let folder = path.trim_end_matches("index.md");
                for paper in front["papers"].as_array().unwrap() {
                    let file = format!("{folder}{}", str_of(paper, "file"));
                    assert!(files.contains_key(&file), "{path}: no {file}");
                }
            }
            "document" => {
                let file = format!(
                    "{}{}",
                    path.trim_end_matches("index.md"),
                    str_of(&front, "file")
                );
                assert!(files.contains_key(&file), "{path}: no {file}");
            }
            "strategy" => {
                for p in front["priorities"].as_array().unwrap() {
                    references.push((path.clone(), "group", str_of(p, "lead")));
                }
            }
            _ => {}
        }
        // Every `@/` link names a file that exists.
        for (i, _) in body.match_indices("](@/") {
            let target = &body[i + 4..];
            let target = &target[..target.find(')').unwrap()];
            let file = format!("content/{}", target.split('#').next().unwrap());
            assert!(files.contains_key(&file), "{path}: broken link to {target}");
        }
    }
    assert!(csv_rows > 0);
    for (id, paths) in &defined {
        assert_eq!(paths.len(), 1, "`{id}` is defined in {paths:?}");
    }
    for (path, kind, id) in &references {
        assert_eq!(
            kinds.get(id).map(String::as_str),
            Some(*kind),
            "{path}: `{id}` is not a {kind}"
        );
    }
    // Following reports_to from any group ends at an executive, never in a loop.
    for start in parents.keys() {
        let mut seen = BTreeSet::new();
        let mut at = start.clone();
        while let Some(Some(up)) = parents.get(&at) {
            assert!(seen.insert(at.clone()), "reports_to cycle through {at}");
            at = up.clone();
        }
        assert!(
            parents.contains_key(&at),
            "{start} reports to an unknown group"
        );
    }
}

#[test]
fn alliance_checks_the_site_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    generate(
        &Options {
            pages: 100,
            seed: 5,
        },
        &mut DirSink::new(dir.path()),
    )
    .unwrap();
    if let Err(errors) = alliance_generator::check(dir.path()) {
        let all: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{} errors:\n{}", all.len(), all.join("\n"));
    }
}
