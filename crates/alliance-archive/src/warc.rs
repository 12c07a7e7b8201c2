//! The WARC/1.1 file: a `warcinfo` record, then the site as a web server would
//! have served it, each record in its own gzip member (WARC 1.1 Annex D).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use alliance_generator::util::media::media_type;
use flate2::{Compression, GzBuilder};

use crate::capture::Capture;
use crate::digest::{record_id, warc_sha1};
use crate::site::{SiteFile, html_title};
use crate::{ArchiveError, SnapshotMeta, mime};

/// The `WARC-Profile` of a revisit whose payload is that of an earlier record.
const IDENTICAL_PAYLOAD: &str = "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest";

/// One record of the WARC as the CDXJ index describes it.
#[derive(Debug, Clone)]
pub(crate) struct IndexEntry {
    /// `WARC-Target-URI`.
    pub url: String,
    /// Media type of the payload (`warc/revisit` for revisits).
    pub mime: String,
    /// HTTP status code.
    pub status: u16,
    /// `WARC-Payload-Digest`.
    pub digest: String,
    /// Offset of the record's gzip member in the WARC file.
    pub offset: u64,
    /// Length in bytes of the record's gzip member.
    pub length: u64,
}

/// An HTML page of the site, listed in the WACZ's `pages.jsonl`.
#[derive(Debug, Clone)]
pub(crate) struct Page {
    /// The URL the page is served at.
    pub url: String,
    /// Its `<title>`, if it has one.
    pub title: Option<String>,
}

/// What writing the WARC produced.
#[derive(Debug)]
pub(crate) struct WarcSummary {
    /// One entry per record except `warcinfo`, in file order.
    pub entries: Vec<IndexEntry>,
    /// The HTML pages, in site path order.
    pub pages: Vec<Page>,
    /// Number of records, `warcinfo` included.
    pub records: usize,
    /// Size of the WARC file.
    pub bytes: u64,
}

/// Writes the WARC of `files` to `path`.
pub(crate) fn write(
    path: &Path,
    files: &[SiteFile],
    redirects: &BTreeMap<String, String>,
    capture: &Capture,
    meta: &SnapshotMeta,
) -> Result<WarcSummary, ArchiveError> {
    let file = File::create(path).map_err(|e| ArchiveError::io("cannot create", path, e))?;
    let mut out = MemberWriter {
        path,
        inner: BufWriter::new(file),
        offset: 0,
    };
    let filename = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();

    let info = warcinfo_block(capture, meta);
    let info_id = record_id(&["warcinfo", &filename, &capture.datetime, &warc_sha1(&info)]);
    out.record(
        &[
            ("WARC-Type", "warcinfo"),
            ("WARC-Record-ID", &info_id),
            ("WARC-Date", &capture.datetime),
            ("WARC-Filename", &filename),
            ("Content-Type", "application/warc-fields"),
            ("WARC-Block-Digest", &warc_sha1(&info)),
        ],
        &info,
        Compression::default(),
    )?;

    let mut summary = WarcSummary {
        entries: Vec::with_capacity(files.len() * 2),
        pages: Vec::new(),
        records: 1,
        bytes: 0,
    };
    for file in files {
        let body = std::fs::read(&file.path)
            .map_err(|e| ArchiveError::io("cannot read", &file.path, e))?;
        let content_type = media_type(&file.rel);
        // An old address (a page's alias) answers as the live site does: a
        // redirect, its small page as the body for clients that do not follow.
        let redirect = redirects.get(&file.rel);
        let (status, head) = match redirect {
            Some(location) => (
                301,
                format!(
                    "HTTP/1.1 301 Moved Permanently\r\nLocation: {location}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
                    body.len()
                ),
            ),
            None => (
                200,
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
                    body.len()
                ),
            ),
        };
        let payload_digest = warc_sha1(&body);
        let mut block = Vec::with_capacity(head.len() + body.len());
        block.extend_from_slice(head.as_bytes());
        block.extend_from_slice(&body);

        // A folder's index.html is served at the folder's URL; its explicit
        // URL replays too, through a revisit of the same payload.
        let explicit_url = capture.url_for(&file.rel);
        let index_dir = match file.rel.rsplit_once('/') {
            Some((dir, "index.html")) => Some(format!("{dir}/")),
            None if file.rel == "index.html" => Some(String::new()),
            _ => None,
        };
        let url = match &index_dir {
            Some(dir) => capture.url_for(dir),
            None => explicit_url.clone(),
        };

        let id = record_id(&["response", &url, &payload_digest, &capture.datetime]);
        let (offset, length) = out.record(
            &[
                ("WARC-Type", "response"),
                ("WARC-Record-ID", &id),
                ("WARC-Date", &capture.datetime),
                ("WARC-Target-URI", &url),
                ("WARC-Warcinfo-ID", &info_id),
                ("WARC-Payload-Digest", &payload_digest),
                ("WARC-Block-Digest", &warc_sha1(&block)),
                ("Content-Type", "application/http;msgtype=response"),
            ],
            &block,
            // Recompressing a PNG or a .docx hard gains nothing but time.
            if mime::is_compressed(content_type) {
                Compression::fast()
            } else {
                Compression::default()
            },
        )?;
        summary.records += 1;
        summary.entries.push(IndexEntry {
            url: url.clone(),
            mime: mime::essence(content_type).to_string(),
            status,
            digest: payload_digest.clone(),
            offset,
            length,
        });

        if index_dir.is_some() && redirect.is_none() {
            let revisit_id =
                record_id(&["revisit", &explicit_url, &payload_digest, &capture.datetime]);
            let (offset, length) = out.record(
                &[
                    ("WARC-Type", "revisit"),
                    ("WARC-Record-ID", &revisit_id),
                    ("WARC-Date", &capture.datetime),
                    ("WARC-Target-URI", &explicit_url),
                    ("WARC-Warcinfo-ID", &info_id),
                    ("WARC-Profile", IDENTICAL_PAYLOAD),
                    ("WARC-Refers-To", &id),
                    ("WARC-Refers-To-Target-URI", &url),
                    ("WARC-Refers-To-Date", &capture.datetime),
                    ("WARC-Payload-Digest", &payload_digest),
                    ("WARC-Block-Digest", &warc_sha1(head.as_bytes())),
                    ("Content-Type", "application/http;msgtype=response"),
                ],
                head.as_bytes(),
                Compression::default(),
            )?;
            summary.records += 1;
            summary.entries.push(IndexEntry {
                url: explicit_url,
                mime: "warc/revisit".to_string(),
                status: 200,
                digest: payload_digest,
                offset,
                length,
            });
        }

        if mime::is_html(content_type) && redirect.is_none() {
            summary.pages.push(Page {
                url,
                title: html_title(&body),
            });
        }
    }
    summary.bytes = out.finish()?;
    Ok(summary)
}

/// The `application/warc-fields` block of the `warcinfo` record.
fn warcinfo_block(capture: &Capture, meta: &SnapshotMeta) -> Vec<u8> {
    let fields = [
        ("software", one_line(&meta.software)),
        ("format", "WARC File Format 1.1".to_string()),
        (
            "conformsTo",
            "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"
                .to_string(),
        ),
        ("isPartOf", one_line(&meta.title)),
        ("title", one_line(&meta.title)),
        (
            "description",
            one_line(&format!(
                "Snapshot of {} as served at {}/, taken on {}, acquired for preservation by {}",
                meta.title, capture.url_prefix, capture.date, meta.organisation
            )),
        ),
        ("date", capture.datetime.clone()),
    ];
    fields
        .iter()
        .map(|(name, value)| format!("{name}: {value}\r\n"))
        .collect::<String>()
        .into_bytes()
}

/// `text` with line breaks and other control characters turned into spaces,
/// so that it can be a header or field value.
pub(crate) fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Writes records as gzip members and tracks where each one starts.
struct MemberWriter<'a> {
    path: &'a Path,
    inner: BufWriter<File>,
    offset: u64,
}

impl MemberWriter<'_> {
    /// Writes one record (the headers, `Content-Length`, the block, two CRLFs)
    /// as its own gzip member at `level`; returns the member's offset and length.
    fn record(
        &mut self,
        headers: &[(&str, &str)],
        block: &[u8],
        level: Compression,
    ) -> Result<(u64, u64), ArchiveError> {
        let mut head = String::from("WARC/1.1\r\n");
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));

        let fail = |e| ArchiveError::io("cannot write", self.path, e);
        // A fixed header (no name, mtime 0, OS "unknown") keeps output identical.
        let mut gz = GzBuilder::new()
            .operating_system(255)
            .write(Vec::with_capacity(block.len() / 2 + 512), level);
        gz.write_all(head.as_bytes()).map_err(fail)?;
        gz.write_all(block).map_err(fail)?;
        gz.write_all(b"\r\n\r\n").map_err(fail)?;
        let member = gz.finish().map_err(fail)?;
        self.inner.write_all(&member).map_err(fail)?;
        let offset = self.offset;
        self.offset += member.len() as u64;
        Ok((offset, member.len() as u64))
    }

    /// Flushes the file and returns its size.
    fn finish(mut self) -> Result<u64, ArchiveError> {
        self.inner
            .flush()
            .map_err(|e| ArchiveError::io("cannot write", self.path, e))?;
        Ok(self.offset)
    }
}
