//! Work that could grow faster than the site, counted rather than timed (so
//! the test means the same on any machine): a site ten times larger must
//! cost at most eleven times the work.
//!
//! What is counted is what once went quadratic in static site generators:
//! light summaries of other pages placed into each page's template context
//! (ancestors, pages and sub-sections), `@/` links looked up, and the bytes
//! of HTML and other files written.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use alliance_gen_site::{DirSink, Options, generate};
use alliance_generator::{Mode, Sink};

/// Counts what is written, keeping nothing.
#[derive(Default)]
struct Counter {
    files: AtomicUsize,
    bytes: AtomicUsize,
}

impl Sink for Counter {
    fn write(&self, _path: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes.len(), Ordering::Relaxed);
        Ok(())
    }
}

/// The work of building one generated site.
#[derive(Debug, Clone, Copy)]
struct Work {
    pages: usize,
    summaries: usize,
    links: usize,
    files: usize,
    bytes: usize,
}

fn work(root: &Path, pages: usize) -> Work {
    std::fs::create_dir_all(root).unwrap();
    generate(&Options { pages, seed: 1 }, &mut DirSink::new(root)).unwrap();
    let (content, found) = alliance_generator::pipeline::prepare(root, None)
        .unwrap_or_else(|d| panic!("{}", d.report()));
    assert!(!found.has_errors(), "{}", found.report());
    let site = &content.site;
    let summaries = (0..site.pages.len())
        .map(|id| {
            let page = &site.pages[id];
            site.ancestors(id).len() + page.children.len() + page.subsections.len()
        })
        .sum();
    let links = content.bodies.iter().map(|b| b.links.len()).sum();
    let counter = Counter::default();
    let (_, found) = alliance_generator::pipeline::run(&content, found, &Mode::default(), &counter);
    assert!(!found.has_errors(), "{}", found.report());
    Work {
        pages: site.pages.len(),
        summaries,
        links,
        files: counter.files.into_inner(),
        bytes: counter.bytes.into_inner(),
    }
}

#[test]
fn ten_times_the_pages_is_at_most_eleven_times_the_work() {
    // On a RAM disk where there is one: creating thousands of folders on a
    // real disk takes longer than everything else here.
    let shm = Path::new("/dev/shm");
    let dir = if shm.is_dir() {
        tempfile::tempdir_in(shm)
    } else {
        tempfile::tempdir()
    }
    .unwrap();
    let small = work(&dir.path().join("small"), 200);
    let large = work(&dir.path().join("large"), 2000);
    println!("{small:?}\n{large:?}");
    let pages = large.pages as f64 / small.pages as f64;
    assert!((9.0..11.0).contains(&pages), "{pages}× the pages");
    for (what, a, b) in [
        (
            "summaries in page contexts",
            small.summaries,
            large.summaries,
        ),
        ("@/ links", small.links, large.links),
        ("files written", small.files, large.files),
        ("bytes written", small.bytes, large.bytes),
    ] {
        let ratio = b as f64 / a as f64;
        println!("{what}: {a} → {b} ({ratio:.2}×)");
        assert!(
            ratio <= 11.0,
            "{what} grew {ratio:.2}× for {pages:.1}× the pages"
        );
    }
}
