//! Helpers shared by the end-to-end tests: run the real binary, copy fixtures, read output.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// A fixture site under `tests/fixtures/`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// The day tests build for: 1 June 2026 (meetings before it are past).
pub(crate) const TODAY_EPOCH: &str = "1780315200";

/// Runs `alliance ARGS...`, on 1 June 2026 as far as the build knows.
pub(crate) fn alliance(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alliance"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        .output()
        .expect("the alliance binary runs")
}

/// Copies a folder tree.
pub(crate) fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir(from) {
        let rel = entry.strip_prefix(from).unwrap();
        let target = to.join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &target).unwrap();
    }
}

/// Every file under a folder, sorted.
pub(crate) fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path)
            } else {
                out.push(path)
            }
        }
    }
    out.sort();
    out
}

/// Every file of a built site, by relative path.
pub(crate) fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir(dir)
        .into_iter()
        .map(|p| {
            (
                p.strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// Runs `alliance build --root ROOT --output OUT`.
pub(crate) fn build(root: &Path, out: &Path) -> Output {
    alliance(&[
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ])
}

/// Builds a site folder into `out`, asserting success.
pub(crate) fn build_ok(root: &Path, out: &Path) {
    let o = build(root, out);
    assert!(
        o.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// Runs `alliance snapshot` of `root` for 22 November 2026 into `out`, asserting success.
pub(crate) fn snapshot(root: &Path, out: &Path) {
    let o = alliance(&[
        "snapshot",
        "--root",
        root.to_str().unwrap(),
        "--date",
        "2026-11-22",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Values of an attribute (`href`, `src`) in an HTML document.
pub(crate) fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest[..rest.find('"').unwrap()].replace("&amp;", "&")
        })
        .collect()
}

/// Copies a fixture, applies `edit`, builds over a previous good output,
/// and returns stderr after checking the exit code and that the old output is intact.
pub(crate) fn build_broken(fixture_name: &str, edit: impl FnOnce(&Path)) -> String {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture(fixture_name), &site);
    let out = dir.path().join("public");
    build_ok(&site, &out);
    let before = tree(&out);
    edit(&site);
    let o = build(&site, &out);
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert_eq!(
        o.status.code(),
        Some(1),
        "expected exit 1, stderr:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(tree(&out), before, "the previous output changed");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "staging folder left behind: {leftovers:?}"
    );
    // `check` reports the same problem.
    let c = alliance(&["check", "--root", site.to_str().unwrap()]);
    assert_eq!(c.status.code(), Some(1));
    stderr
}

/// Replaces the first `from` in the site's file `rel` with `to`; the file must have it.
pub(crate) fn replace(site: &Path, rel: &str, from: &str, to: &str) {
    let path = site.join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{rel} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

pub(crate) fn write(site: &Path, rel: &str, text: &str) {
    let path = site.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Builds a fixture site into a temporary folder: the folder (keep it) and the output.
pub(crate) fn built_fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    build_ok(&fixture(name), &out);
    (dir, out)
}

/// A built file as text.
pub(crate) fn read(out: &Path, rel: &str) -> String {
    std::fs::read_to_string(out.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The `<main>` element of a page.
pub(crate) fn main_of(html: &str) -> &str {
    &html[html.find("<main").unwrap()..html.find("</main>").unwrap()]
}

/// The JSON-LD graph of a page (its `@context` checked).
pub(crate) fn json_ld(html: &str) -> Vec<serde_json::Value> {
    let open = "<script type=\"application/ld+json\">";
    let rest = &html[html.find(open).unwrap() + open.len()..];
    let json = &rest[..rest.find("</script>").unwrap()];
    let value: serde_json::Value = serde_json::from_str(&json.replace("<\\/", "</")).unwrap();
    assert_eq!(value["@context"], "https://schema.org");
    value["@graph"].as_array().unwrap().clone()
}
