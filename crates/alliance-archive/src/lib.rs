//! Packages a built Alliance site snapshot in the formats archives ingest.
//!
//! [`package`] takes a folder holding a static site, exactly as it would be
//! served at [`SnapshotMeta::base_url`], and writes into an output folder:
//!
//! - `<name>-<date>.warc.gz`: a WARC/1.1 file, one gzip member per record: a
//!   `warcinfo` record, then a `200 OK` `response` record for every file at
//!   its URL. A folder's `index.html` is served at the folder's URL (`/about/`)
//!   and its explicit URL (`/about/index.html`) gets a `revisit` record.
//! - `<name>-<date>.cdxj`: the sorted CDXJ index of that WARC.
//! - `<name>-<date>.wacz`: a WACZ 1.1.1 package (a STORED zip) holding the
//!   WARC, the index, `pages/pages.jsonl` and `datapackage.json`.
//! - `bag/`: a BagIt 1.0 bag whose payload is the site (`data/site/`) and the
//!   three files above.
//!
//! `<name>` is the slug of [`SnapshotMeta::title`] (lower-case ASCII letters
//! and digits joined by `-`, e.g. `welwyn-hatfield-alliance`), or of the base
//! URL's host when the title has no letters or digits.
//!
//! The same site and metadata always give byte-identical files: nothing
//! depends on the clock, on randomness or on the order a folder is listed in.
//! Everything is built in a temporary folder inside the output folder and
//! renamed into place at the end, so a failure leaves earlier packages as
//! they were.

#![warn(missing_docs)]

mod bagit;
mod capture;
mod cdxj;
mod digest;
mod error;
mod mime;
mod redirects;
mod site;
mod wacz;
mod warc;

use std::fs;
use std::path::{Path, PathBuf};

pub use error::ArchiveError;

use capture::Capture;

/// What to say about a snapshot in its packages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnapshotMeta {
    /// The capture date, `YYYY-MM-DD`; every record is dated that day at
    /// 00:00:00 UTC.
    pub date: String,
    /// The URL the site is published at, e.g.
    /// `https://www.welwynhatfieldalliance.org.uk`; it may have a sub-path and
    /// may end with `/`.
    pub base_url: String,
    /// The site's title, e.g. `Welwyn Hatfield Alliance`.
    pub title: String,
    /// The archive that acquires the snapshot, e.g. `Hertfordshire Archives`
    /// (the bag's `Source-Organization`).
    pub organisation: String,
    /// The software that made the snapshot, e.g. `Alliance 0.1.0`.
    pub software: String,
}

/// What [`package`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageReport {
    /// The WARC file, `<out>/<name>-<date>.warc.gz`.
    pub warc: PathBuf,
    /// The CDXJ index, `<out>/<name>-<date>.cdxj`.
    pub cdxj: PathBuf,
    /// The WACZ package, `<out>/<name>-<date>.wacz`.
    pub wacz: PathBuf,
    /// The BagIt bag, `<out>/bag`.
    pub bag: PathBuf,
    /// Number of files in the site.
    pub files: usize,
    /// Number of WARC records, the `warcinfo` record included.
    pub records: usize,
    /// Number of HTML pages (lines of `pages.jsonl` after its header).
    pub pages: usize,
    /// Size of the WARC file in bytes.
    pub warc_bytes: u64,
    /// Size of the CDXJ index in bytes.
    pub cdxj_bytes: u64,
    /// Size of the WACZ file in bytes.
    pub wacz_bytes: u64,
    /// Total size of the bag's payload in bytes (from its Payload-Oxum).
    pub bag_payload_bytes: u64,
}

/// Packages the site in `site_dir` into `out_dir` (created if missing) as a
/// WARC, a CDXJ index, a WACZ and a BagIt bag; see the crate documentation for
/// the layout. Files of an earlier run with the same names are replaced only
/// once everything has been written.
pub fn package(
    site_dir: &Path,
    out_dir: &Path,
    meta: &SnapshotMeta,
) -> Result<PackageReport, ArchiveError> {
    let capture = Capture::new(meta)?;
    let files = site::scan(site_dir)?;
    let redirects = redirects::read(site_dir, &capture)?;
    fs::create_dir_all(out_dir)
        .map_err(|e| ArchiveError::io("cannot create folder", out_dir, e))?;
    let tmp = tempfile::Builder::new()
        .prefix(".alliance-archive-")
        .tempdir_in(out_dir)
        .map_err(|e| ArchiveError::io("cannot create a temporary folder in", out_dir, e))?;
    let work = tmp.path();

    let warc_name = format!("{}.warc.gz", capture.stem);
    let cdxj_name = format!("{}.cdxj", capture.stem);
    let wacz_name = format!("{}.wacz", capture.stem);
    let warc_path = work.join(&warc_name);
    let cdxj_path = work.join(&cdxj_name);
    let wacz_path = work.join(&wacz_name);

    let warc = warc::write(&warc_path, &files, &redirects, &capture, meta)?;
    let index = cdxj::index(&warc.entries, &capture.timestamp, &warc_name);
    fs::write(&cdxj_path, &index).map_err(|e| ArchiveError::io("cannot write", &cdxj_path, e))?;
    let wacz_bytes = wacz::write(&wacz_path, &warc_path, &index, &warc.pages, &capture, meta)?;
    let bag = bagit::write(
        &work.join("bag"),
        &files,
        &[&warc_path, &cdxj_path, &wacz_path],
        &capture,
        meta,
    )?;

    let report = PackageReport {
        warc: out_dir.join(&warc_name),
        cdxj: out_dir.join(&cdxj_name),
        wacz: out_dir.join(&wacz_name),
        bag: out_dir.join("bag"),
        files: files.len(),
        records: warc.records,
        pages: warc.pages.len(),
        warc_bytes: warc.bytes,
        cdxj_bytes: index.len() as u64,
        wacz_bytes,
        bag_payload_bytes: bag.payload_bytes,
    };
    install(work, &report)?;
    Ok(report)
}

/// Moves the finished packages from `work` to their final names: the bag
/// first (an earlier bag is moved aside into `work`, and put back if the new
/// one cannot be moved in), then the three files, each by an atomic rename.
/// `work` is removed by its owner afterwards, with any earlier bag in it.
fn install(work: &Path, report: &PackageReport) -> Result<(), ArchiveError> {
    let rename = |from: &Path, to: &Path| {
        fs::rename(from, to).map_err(|e| ArchiveError::io("cannot move into place", to, e))
    };
    let old_bag = work.join("previous-bag");
    let had_bag = report.bag.exists();
    if had_bag {
        rename(&report.bag, &old_bag)?;
    }
    if let Err(e) = rename(&work.join("bag"), &report.bag) {
        if had_bag {
            // Best effort: the error that matters is the one above.
            let _ = fs::rename(&old_bag, &report.bag);
        }
        return Err(e);
    }
    for target in [&report.warc, &report.cdxj, &report.wacz] {
        if let Some(name) = target.file_name() {
            rename(&work.join(name), target)?;
        }
    }
    Ok(())
}
