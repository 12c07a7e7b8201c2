//! The WACZ 1.1.1 package: the WARC, its index and page list and a
//! `datapackage.json` in a zip whose entries are all STORED (not deflated),
//! so that replay tools can read records straight out of the zip.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};
use std::path::Path;

use serde::Serialize;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::capture::Capture;
use crate::digest::{sha256_file, sha256_hex};
use crate::warc::{Page, one_line};
use crate::{ArchiveError, SnapshotMeta};

/// The header line of `pages/pages.jsonl`, spelled as the WACZ spec shows it.
pub(crate) const PAGES_HEADER: &str =
    r#"{"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}"#;

/// One line of `pages.jsonl` after the header.
#[derive(Serialize)]
struct PageLine<'a> {
    id: String,
    url: &'a str,
    ts: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
}

/// `datapackage.json`, fields in a fixed order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DataPackage<'a> {
    profile: &'static str,
    #[serde(rename = "wacz_version")]
    wacz_version: &'static str,
    title: String,
    description: String,
    created: &'a str,
    modified: &'a str,
    software: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    main_page_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    main_page_date: Option<&'a str>,
    resources: Vec<Resource>,
}

/// One file of the package as `datapackage.json` lists it.
#[derive(Serialize)]
struct Resource {
    name: String,
    path: String,
    hash: String,
    bytes: u64,
}

/// `datapackage-digest.json`.
#[derive(Serialize)]
struct Digest<'a> {
    path: &'static str,
    hash: &'a str,
}

/// Writes the WACZ to `path`, holding the WARC at `warc_path`, the CDXJ
/// index text and the page list; returns the WACZ's size.
pub(crate) fn write(
    path: &Path,
    warc_path: &Path,
    cdxj: &str,
    pages: &[Page],
    capture: &Capture,
    meta: &SnapshotMeta,
) -> Result<u64, ArchiveError> {
    let warc_name = warc_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let pages_jsonl = pages_jsonl(pages, &capture.datetime);
    let (warc_hash, warc_bytes) = sha256_file(warc_path)?;
    let resource = |path: &str, hash: String, bytes: u64| Resource {
        name: path.rsplit('/').next().unwrap_or(path).to_lowercase(),
        path: path.to_string(),
        hash: format!("sha256:{hash}"),
        bytes,
    };
    // The home page if the site has one, else the first page by URL.
    let home = format!("{}/", capture.url_prefix);
    let main_page = pages
        .iter()
        .find(|p| p.url == home)
        .or_else(|| pages.iter().min_by(|a, b| a.url.cmp(&b.url)));
    let package = DataPackage {
        profile: "data-package",
        wacz_version: "1.1.1",
        title: one_line(&meta.title),
        description: one_line(&format!(
            "Snapshot of {} as served at {}/, taken on {}",
            meta.title, capture.url_prefix, capture.date
        )),
        created: &capture.datetime,
        modified: &capture.datetime,
        software: one_line(&meta.software),
        main_page_url: main_page.map(|p| p.url.as_str()),
        main_page_date: main_page.map(|_| capture.datetime.as_str()),
        resources: vec![
            resource(&format!("archive/{warc_name}"), warc_hash, warc_bytes),
            resource(
                "indexes/index.cdxj",
                sha256_hex(cdxj.as_bytes()),
                cdxj.len() as u64,
            ),
            resource(
                "pages/pages.jsonl",
                sha256_hex(pages_jsonl.as_bytes()),
                pages_jsonl.len() as u64,
            ),
        ],
    };
    // Serialising plain structs of strings and numbers cannot fail.
    let mut datapackage = serde_json::to_string_pretty(&package).unwrap_or_default();
    datapackage.push('\n');
    let digest_hash = format!("sha256:{}", sha256_hex(datapackage.as_bytes()));
    let mut digest = serde_json::to_string_pretty(&Digest {
        path: "datapackage.json",
        hash: &digest_hash,
    })
    .unwrap_or_default();
    digest.push('\n');

    let zip_err = |source| ArchiveError::Zip {
        path: path.to_path_buf(),
        source,
    };
    let io_err = |e| ArchiveError::io("cannot write", path, e);
    let file = File::create(path).map_err(|e| ArchiveError::io("cannot create", path, e))?;
    let mut zip = ZipWriter::new(BufWriter::new(file));
    let (y, m, d) = capture.ymd;
    let modified =
        DateTime::from_date_and_time(y, m, d, 0, 0, 0).map_err(|_| ArchiveError::InvalidDate {
            date: capture.date.clone(),
        })?;
    let options = |bytes: u64| {
        SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .last_modified_time(modified)
            .unix_permissions(0o644)
            .large_file(bytes >= u64::from(u32::MAX))
    };

    zip.start_file(format!("archive/{warc_name}"), options(warc_bytes))
        .map_err(zip_err)?;
    let warc = File::open(warc_path).map_err(|e| ArchiveError::io("cannot open", warc_path, e))?;
    io::copy(&mut BufReader::new(warc), &mut zip).map_err(io_err)?;
    for (name, text) in [
        ("indexes/index.cdxj", cdxj),
        ("pages/pages.jsonl", pages_jsonl.as_str()),
        ("datapackage.json", datapackage.as_str()),
        ("datapackage-digest.json", digest.as_str()),
    ] {
        zip.start_file(name, options(text.len() as u64))
            .map_err(zip_err)?;
        zip.write_all(text.as_bytes()).map_err(io_err)?;
    }
    let mut out = zip.finish().map_err(zip_err)?;
    out.flush().map_err(io_err)?;
    let bytes = out
        .get_ref()
        .metadata()
        .map_err(|e| ArchiveError::io("cannot read", path, e))?
        .len();
    Ok(bytes)
}

/// The text of `pages/pages.jsonl`: the header line, then one line per page.
fn pages_jsonl(pages: &[Page], ts: &str) -> String {
    let mut sorted: Vec<&Page> = pages.iter().collect();
    sorted.sort_by(|a, b| a.url.cmp(&b.url));
    let mut text = format!("{PAGES_HEADER}\n");
    for page in sorted {
        let line = PageLine {
            id: sha256_hex(page.url.as_bytes())[..32].to_string(),
            url: &page.url,
            ts,
            title: page.title.as_deref(),
        };
        text.push_str(&serde_json::to_string(&line).unwrap_or_default());
        text.push('\n');
    }
    text
}
