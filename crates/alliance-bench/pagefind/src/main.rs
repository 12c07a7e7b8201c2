//! Pagefind in process over a built site: `alliance-bench-pagefind SITE_DIR [OUT_DIR]`.
//!
//! Reads every `.html` file of a built site, gives each to
//! `pagefind::api::PagefindIndex::add_html_file` (as Pagefind's command line
//! does), asks for the index files, and prints the time taken, the peak
//! resident memory, the index's size and what a typical query fetches. With
//! `OUT_DIR` the index is written there (`OUT_DIR/pagefind/`), for the quality
//! queries of `tests/search/quality.mjs`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

/// The process's peak resident memory in MiB (`getrusage`).
fn peak_rss_mib() -> f64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    usage.ru_maxrss as f64 / 1024.0
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let Some(site) = args.next().map(PathBuf::from) else {
        eprintln!("usage: alliance-bench-pagefind SITE_DIR [OUT_DIR]");
        std::process::exit(2);
    };
    let out = args.next().map(PathBuf::from);
    let pages: Vec<(String, String)> = walkdir::WalkDir::new(&site)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .filter_map(|e| {
            let rel = e.path().strip_prefix(&site).ok()?.to_string_lossy().into_owned();
            let html = std::fs::read_to_string(e.path()).ok()?;
            Some((rel, html))
        })
        .collect();
    let before = peak_rss_mib();
    let start = Instant::now();
    let options = PagefindServiceConfig::builder()
        .force_language("en".to_owned())
        .build();
    let mut index = PagefindIndex::new(Some(options)).expect("valid options");
    for (rel, html) in &pages {
        if let Err(e) = index.add_html_file(Some(rel.clone()), None, html.clone()).await {
            eprintln!("{rel}: {e}");
        }
    }
    let files = index.get_files().await.expect("index files");
    let elapsed = start.elapsed();
    let total: usize = files.iter().map(|f| f.contents.len()).sum();
    let size_of = |prefix: &str| -> Vec<usize> {
        files
            .iter()
            .filter(|f| f.filename.to_string_lossy().starts_with(prefix))
            .map(|f| f.contents.len())
            .collect()
    };
    let mean = |v: &[usize]| v.iter().sum::<usize>() as f64 / v.len().max(1) as f64;
    let (chunks, fragments) = (size_of("index/"), size_of("fragment/"));
    let fixed: usize = ["pagefind.js", "pagefind-entry.json", "wasm.en.pagefind", "pagefind.en_"]
        .iter()
        .flat_map(|p| size_of(p))
        .sum();
    // A two-word query: the fixed files, two index chunks and five fragments.
    let query = fixed as f64 + 2.0 * mean(&chunks) + 5.0 * mean(&fragments);
    println!("html files indexed: {}", pages.len());
    println!("index time: {:.2} s", elapsed.as_secs_f64());
    println!("peak RSS: {:.0} MiB (pages read: {before:.0} MiB)", peak_rss_mib());
    println!("index: {} files, {:.1} MB", files.len(), total as f64 / 1e6);
    println!(
        "index bytes per 1,000 pages: {:.1} MB",
        total as f64 / 1e6 / pages.len() as f64 * 1000.0
    );
    println!(
        "query fetch (entry + script + wasm + meta, 2 chunks, 5 fragments): {:.0} KB",
        query / 1e3
    );
    if let Some(out) = out {
        write(&out.join("pagefind"), &files);
    }
}

/// Writes the index files under `dir`.
fn write(dir: &Path, files: &[pagefind::api::SyntheticFile]) {
    for f in files {
        let path = dir.join(&f.filename);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create index folder");
        }
        std::fs::write(&path, &f.contents).expect("write index file");
    }
}
