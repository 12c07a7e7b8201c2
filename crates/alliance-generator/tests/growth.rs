//! Work that must grow linearly with the input (issue 13): a long line of
//! inline elements (comrak's places), a long spreadsheet (its rows' lines),
//! many broken links on one line (their reports). Each input is made 10×
//! larger; the time may grow by at most 12× (quadratic work grows 100×).
//!
//! Timings mean something in release builds only:
//! `cargo test --release -p alliance-generator --test growth -- --ignored --nocapture`

use std::path::Path;
use std::time::{Duration, Instant};

use alliance_generator::pipeline;

fn write(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The best of three runs of the load, model, Markdown and check stages, and
/// the length of their report, on a site whose one page or spreadsheet `make` writes.
fn time(make: impl Fn(&Path)) -> (Duration, usize) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "config.toml",
        "title = \"T\"\nbase_url = \"https://e.org\"\n",
    );
    write(root, "content/_index.md", "+++\ntitle = \"Home\"\n+++\n");
    make(root);
    let mut best = Duration::MAX;
    let mut report = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let (_, mut found) = pipeline::prepare(root, None).unwrap();
        found.sort();
        report = found.report().len();
        best = best.min(start.elapsed());
    }
    (best, report)
}

/// Asserts that 10× the input takes at most 12× the time (and the report at most 12× the bytes).
fn linear(what: &str, make: impl Fn(&Path, usize), n: usize) {
    let (small, small_report) = time(|root| make(root, n));
    let (large, large_report) = time(|root| make(root, 10 * n));
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    println!(
        "{what}: n = {n}: {small:?}, 10n: {large:?} ({ratio:.1}×); report {small_report} → {large_report} bytes"
    );
    assert!(ratio <= 12.0, "{what} grows {ratio:.1}× for 10× the input");
    assert!(
        large_report <= 12 * small_report.max(1000),
        "{what}: report grows too fast"
    );
}

#[test]
#[ignore = "timing: run in release"]
fn a_long_line_of_bold_text_is_linear() {
    linear(
        "bold paragraph",
        |root, n| {
            let line = "**bold** text ".repeat(n);
            write(
                root,
                "content/long.md",
                &format!("+++\ntitle = \"L\"\n+++\n{line}\n"),
            );
        },
        // 280 KB to 2.8 MB: below ~300 KB comrak's tree fits the caches and
        // every step up costs more per byte (memory, not work; see docs/robustness.md).
        20_000,
    );
}

#[test]
#[ignore = "timing: run in release"]
fn a_long_spreadsheet_is_linear() {
    linear(
        "organisations.csv",
        |root, n| {
            let mut csv = String::from("id,name,sector,website\n");
            for i in 0..n {
                csv.push_str(&format!(
                    "org{i},Organisation {i},public,https://e.org/{i}\n"
                ));
            }
            write(
                root,
                "content/members/_index.md",
                "+++\ntitle = \"Members\"\n+++\n",
            );
            write(root, "content/members/organisations.csv", &csv);
        },
        4_000,
    );
}

#[test]
#[ignore = "timing: run in release"]
fn many_broken_links_on_one_line_are_linear_and_their_report_bounded() {
    linear(
        "broken links on one line",
        |root, n| {
            let line = "[x](@/nowhere.md) ".repeat(n);
            write(
                root,
                "content/long.md",
                &format!("+++\ntitle = \"L\"\n+++\n{line}\n"),
            );
        },
        1_000,
    );
}
