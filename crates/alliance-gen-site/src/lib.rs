//! Synthetic partnership sites for benchmarks: a national directory of Local
//! Strategic Partnerships, each with its groups, member organisations (pages
//! and an `organisations.csv`), meetings with their papers, news, documents,
//! a strategy and plain pages, written as an Alliance site (PRODUCT.md).
//!
//! The output depends only on the page count and the seed: the same two give
//! byte-identical trees. Every id is prefixed with its partnership's slug and
//! unique across the site; every reference (`members.org`, `chair.org`,
//! `reports_to`, a meeting's `group`, a priority's `lead`) names an id that
//! exists; every `@/` link names a page that exists, and every `#anchor` a
//! heading on it.
//!
//! Sizes and times (release build, output on `/dev/shm`, 2 cores shared with
//! another build, best of three):
//!
//! | `--pages` | partnerships | section pages | Markdown | all files | time |
//! |---|---|---|---|---|---|
//! | 1,000 | 4 | 25 | 6.3 MB | 2,337 files, 7.5 MB | 0.09 s |
//! | 10,000 | 34 | 205 | 63.8 MB | 23,626 files, 76.1 MB | 1.3 s (0.8 s user, 0.4 s system) |
//!
//! Bodies have 300–1,500 words (median about 860; a page or two in 10,000
//! falls a few words outside), `##` and `###` headings, and two to four `@/`
//! links in their prose (the home page also links every partnership, a
//! structure page every group).

#![warn(missing_docs)]

pub mod config;
pub mod csv;
pub mod date;
pub mod docx;
pub mod frontmatter;
pub mod names;
pub mod page;
pub mod pdf;
pub mod prose;
pub mod rng;
pub mod shape;
pub mod vocab;
pub mod write;

use std::io;

pub use shape::plan::MIN_PAGES;
use shape::{Item, Site};
pub use write::{DirSink, MemorySink, Sink};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Content pages wanted, section pages (`_index.md`) not counted; at least [`MIN_PAGES`].
    pub pages: usize,
    /// The seed: the same seed and page count give the same bytes.
    pub seed: u64,
}

/// What was generated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Partnerships (top-level sections).
    pub partnerships: usize,
    /// Content pages, section pages not counted.
    pub pages: usize,
    /// Section pages (`_index.md`), the home page included.
    pub sections: usize,
    /// Files written, of every kind.
    pub files: usize,
    /// Bytes of Markdown.
    pub markdown_bytes: u64,
    /// Bytes of every file.
    pub bytes: u64,
}

/// Generates a site into `sink`: `config.toml` and `content/`.
pub fn generate(options: &Options, sink: &mut dyn Sink) -> io::Result<Stats> {
    let site = shape::plan(options.pages.max(MIN_PAGES), options.seed);
    let mut stats = Stats {
        partnerships: site.partnerships.len(),
        ..Stats::default()
    };
    let mut put = |stats: &mut Stats, path: &str, bytes: &[u8]| {
        stats.files += 1;
        stats.bytes += bytes.len() as u64;
        sink.put(path, bytes)
    };
    put(
        &mut stats,
        "config.toml",
        config::config_toml(&site).as_bytes(),
    )?;
    for (i, page) in site.pages.iter().enumerate() {
        let text = page::markdown(&site, i, options.seed);
        stats.markdown_bytes += text.len() as u64;
        if page.path.ends_with("_index.md") {
            stats.sections += 1;
        } else {
            stats.pages += 1;
        }
        put(
            &mut stats,
            &format!("content/{}", page.path),
            text.as_bytes(),
        )?;
        for (name, bytes) in attachments(&site, i) {
            let folder = page.path.trim_end_matches("index.md");
            put(&mut stats, &format!("content/{folder}{name}"), &bytes)?;
        }
    }
    for p in &site.partnerships {
        let mut rows = vec![
            ["id", "name", "sector", "website", "phone"]
                .map(String::from)
                .to_vec(),
        ];
        for org in p.orgs.iter().filter(|o| o.in_csv) {
            rows.push(vec![
                org.id.clone(),
                org.name.clone(),
                org.sector.to_owned(),
                org.website.clone(),
                org.phone.clone(),
            ]);
        }
        let path = format!("content/{}/members/organisations.csv", p.slug);
        put(&mut stats, &path, &csv::excel_csv(&rows))?;
    }
    Ok(stats)
}

/// The files beside a folder page: a meeting's papers, a document's file.
fn attachments(site: &Site, index: usize) -> Vec<(String, Vec<u8>)> {
    let page = &site.pages[index];
    let Some(p) = page.partnership.map(|i| &site.partnerships[i]) else {
        return Vec::new();
    };
    match &page.item {
        Item::Meeting(m) => {
            let meeting = &p.meetings[*m];
            meeting
                .papers
                .iter()
                .map(|paper| {
                    let title = format!("{}, {}", paper.title, page.title);
                    (
                        paper.file.clone(),
                        pdf::pdf(&title, &[&p.name, &meeting.location]),
                    )
                })
                .collect()
        }
        Item::Document { file, published } => {
            let lines = [p.name.as_str(), &format!("Published {}", published.long())];
            let bytes = if file.ends_with(".docx") {
                docx::docx(&page.title, &lines)
            } else {
                pdf::pdf(&page.title, &lines)
            };
            vec![(file.clone(), bytes)]
        }
        _ => Vec::new(),
    }
}
