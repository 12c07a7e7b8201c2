//! End-to-end: `[cms]` makes `build` write the browser editor for a git host,
//! and snapshots leave it out.

mod common;

use std::path::Path;

use common::*;

/// The partnership fixture copied to `dir`, with `extra` added to its config.
fn site_with(dir: &Path, extra: &str) -> std::path::PathBuf {
    let root = dir.join("site");
    copy_tree(&fixture("partnership"), &root);
    let config = root.join("config.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}\n{extra}")).unwrap();
    root
}

#[test]
fn cms_writes_the_editor_for_the_git_host_and_snapshots_leave_it_out() {
    let dir = tempfile::tempdir().unwrap();
    let root = site_with(
        dir.path(),
        "[cms]\nbackend = \"github\"\nrepo = \"riverside/site\"\n",
    );
    let (out, snap) = (dir.path().join("public"), dir.path().join("snapshots"));
    build_ok(&root, &out);

    let html = std::fs::read_to_string(out.join("admin/index.html")).unwrap();
    assert!(html.contains(r#"<link href="config.yml" type="text/yaml" rel="cms-config-url">"#));
    assert!(html.contains("https://unpkg.com/decap-cms@3.16.3/dist/decap-cms.js"));
    assert!(html.contains(r#"integrity="sha384-"#));
    // The live site's config.yml changes only when the site is built: its
    // editor does not reopen to read it again.
    assert!(!html.contains("registerEventListener"), "{html}");
    let yml = std::fs::read_to_string(out.join("admin/config.yml")).unwrap();
    assert!(
        yml.contains(
            "backend:\n  name: \"github\"\n  repo: \"riverside/site\"\n  branch: \"main\"\n"
        ),
        "{yml}"
    );
    assert!(!yml.contains("local_backend"), "{yml}");
    assert!(yml.contains("site_url: \"https://www.riverside-partnership.example.org\""));

    snapshot(&root, &snap);
    let day = snap.join("2026-11-22");
    assert!(day.join("site/index.html").exists());
    assert!(!day.join("site/admin").exists());
    let index = walkdir(&day)
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e == "cdxj"))
        .unwrap();
    let cdxj = std::fs::read_to_string(index).unwrap();
    assert!(cdxj.contains("index.html") && !cdxj.contains("admin/"));
}

#[test]
fn without_a_git_host_the_build_writes_no_editor() {
    let dir = tempfile::tempdir().unwrap();
    let root = site_with(dir.path(), "");
    let out = dir.path().join("public");
    build_ok(&root, &out);
    assert!(out.join("index.html").exists());
    assert!(!out.join("admin").exists());
}
