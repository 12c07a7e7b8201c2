//! The `gen-site` command: exit codes and the folder it may write into.

use std::fs;
use std::process::Command;

fn gen_site(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gen-site"))
        .args(args)
        .output()
        .expect("gen-site runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn misuse_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("site");
    let out = out.to_str().unwrap();
    assert_eq!(gen_site(&["--out", out]).0, 2);
    assert_eq!(gen_site(&["--pages", "5", "--out", out]).0, 2);
    assert!(!dir.path().join("site").exists());

    let kept = dir.path().join("keep.txt");
    fs::write(&kept, "mine").unwrap();
    let (code, stderr) = gen_site(&["--pages", "20", "--out", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--force"), "{stderr}");
    assert!(!dir.path().join("content").exists());
}

#[test]
fn force_replaces_only_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_str().unwrap();
    fs::write(dir.path().join("keep.txt"), "mine").unwrap();
    assert_eq!(gen_site(&["--pages", "40", "--out", root, "--force"]).0, 0);
    assert_eq!(
        gen_site(&["--pages", "20", "--seed", "2", "--out", root, "--force"]).0,
        0
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("keep.txt")).unwrap(),
        "mine"
    );
    let pages = count_pages(&dir.path().join("content"));
    assert_eq!(pages, 20, "no page of the earlier, larger site is left");
}

/// Content pages (not section pages) under `dir`.
fn count_pages(dir: &std::path::Path) -> usize {
    fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                count_pages(&path)
            } else {
                usize::from(name.ends_with(".md") && name != "_index.md")
            }
        })
        .sum()
}
