//! Packages a small hand-made site and reads every output back.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use alliance_archive::{ArchiveError, PackageReport, package};
use data_encoding::BASE32;
use flate2::bufread::GzDecoder;
use sha1::{Digest as _, Sha1};
use sha2::Sha256;

#[path = "../examples/support/sample_site.rs"]
mod sample_site;

const BASE: &str = "https://www.welwynhatfieldalliance.org.uk";
const STEM: &str = "welwyn-hatfield-alliance-2026-11-22";

/// A temporary folder with the sample site in `site/`, packaged into itself.
fn packaged() -> (tempfile::TempDir, PackageReport) {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("site");
    fs::create_dir(&site).expect("site dir");
    sample_site::write(&site).expect("sample site");
    let report = package(&site, dir.path(), &sample_site::meta()).expect("package");
    (dir, report)
}

fn warc_sha1(data: &[u8]) -> String {
    format!("sha1:{}", BASE32.encode(&Sha1::digest(data)))
}

fn sha256(data: &[u8]) -> String {
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One WARC record: its headers and its block.
struct Record {
    headers: BTreeMap<String, String>,
    block: Vec<u8>,
}

impl Record {
    fn get(&self, name: &str) -> &str {
        self.headers.get(name).map(String::as_str).unwrap_or("")
    }
}

/// Decompresses the one gzip member at `offset..offset+length` and parses it
/// as one whole WARC record.
fn read_member(warc: &[u8], offset: usize, length: usize) -> Record {
    let member = &warc[offset..offset + length];
    let mut decoder = GzDecoder::new(member);
    let mut text = Vec::new();
    decoder.read_to_end(&mut text).expect("gzip member");
    // bufread::GzDecoder reads exactly one member: nothing may be left over.
    assert!(
        decoder.into_inner().is_empty(),
        "member at {offset} has trailing bytes"
    );
    let split = text
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of WARC headers");
    let head = std::str::from_utf8(&text[..split]).expect("UTF-8 headers");
    let mut lines = head.split("\r\n");
    assert_eq!(lines.next(), Some("WARC/1.1"));
    let headers: BTreeMap<String, String> = lines
        .map(|l| {
            let (k, v) = l.split_once(": ").expect("header line");
            (k.to_string(), v.to_string())
        })
        .collect();
    let length: usize = headers["Content-Length"].parse().expect("Content-Length");
    let block_start = split + 4;
    assert_eq!(
        text.len(),
        block_start + length + 4,
        "record at {offset}: Content-Length {length} does not match its block"
    );
    assert_eq!(&text[block_start + length..], b"\r\n\r\n");
    Record {
        headers,
        block: text[block_start..block_start + length].to_vec(),
    }
}

/// Walks the WARC member by member from the start.
fn read_all_members(warc: &[u8]) -> Vec<(usize, usize, Record)> {
    let mut records = Vec::new();
    let mut offset = 0;
    while offset < warc.len() {
        let mut decoder = GzDecoder::new(&warc[offset..]);
        std::io::copy(&mut decoder, &mut std::io::sink()).expect("gzip member");
        let length = warc.len() - offset - decoder.into_inner().len();
        records.push((offset, length, read_member(warc, offset, length)));
        offset += length;
    }
    records
}

#[test]
fn warc_records_are_complete_and_digests_match() {
    let (dir, report) = packaged();
    assert_eq!(report.warc, dir.path().join(format!("{STEM}.warc.gz")));
    let warc = fs::read(&report.warc).unwrap();
    assert_eq!(warc.len() as u64, report.warc_bytes);
    let records = read_all_members(&warc);
    assert_eq!(records.len(), report.records);
    // 11 files, 3 of them index.html pages (/, /about/, /meetings/), each
    // with a revisit record for its explicit URL.
    assert_eq!(report.files, 11);
    assert_eq!(report.records, 1 + 11 + 3);

    let info = &records[0].2;
    assert_eq!(info.get("WARC-Type"), "warcinfo");
    assert_eq!(info.get("Content-Type"), "application/warc-fields");
    assert!(!info.headers.contains_key("WARC-Target-URI"));
    let fields = String::from_utf8(info.block.clone()).unwrap();
    for needed in [
        "software: Alliance 0.1.0\r\n",
        "format: WARC File Format 1.1\r\n",
        "conformsTo: ",
        "isPartOf: Welwyn Hatfield Alliance\r\n",
        BASE,
    ] {
        assert!(
            fields.contains(needed),
            "warcinfo lacks {needed:?}: {fields}"
        );
    }
    let info_id = info.get("WARC-Record-ID").to_string();

    let mut by_uri = BTreeMap::new();
    for (_, _, record) in &records {
        assert_eq!(record.get("WARC-Date"), "2026-11-22T00:00:00Z");
        let id = record.get("WARC-Record-ID");
        assert!(
            id.starts_with("<urn:uuid:") && id.ends_with('>') && id.len() == 47,
            "{id}"
        );
        assert_eq!(record.get("WARC-Block-Digest"), warc_sha1(&record.block));
        if record.get("WARC-Type") != "warcinfo" {
            assert_eq!(record.get("WARC-Warcinfo-ID"), info_id);
            assert_eq!(
                record.get("Content-Type"),
                "application/http;msgtype=response"
            );
            by_uri.insert(record.get("WARC-Target-URI").to_string(), record);
        }
    }
    let ids: std::collections::BTreeSet<_> =
        records.iter().map(|r| r.2.get("WARC-Record-ID")).collect();
    assert_eq!(ids.len(), records.len(), "record ids are unique");

    // A response is the HTTP message a server would send.
    let about = by_uri[&format!("{BASE}/about/")];
    assert_eq!(about.get("WARC-Type"), "response");
    let body = fs::read(dir.path().join("site/about/index.html")).unwrap();
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    assert_eq!(about.block, [head.as_bytes(), &body].concat());
    assert_eq!(about.get("WARC-Payload-Digest"), warc_sha1(&body));

    // Its explicit URL replays through a revisit of the same payload.
    let revisit = by_uri[&format!("{BASE}/about/index.html")];
    assert_eq!(revisit.get("WARC-Type"), "revisit");
    assert_eq!(
        revisit.get("WARC-Profile"),
        "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
    );
    assert_eq!(
        revisit.get("WARC-Refers-To-Target-URI"),
        format!("{BASE}/about/")
    );
    assert_eq!(revisit.get("WARC-Refers-To-Date"), "2026-11-22T00:00:00Z");
    assert_eq!(revisit.get("WARC-Refers-To"), about.get("WARC-Record-ID"));
    assert_eq!(revisit.get("WARC-Payload-Digest"), warc_sha1(&body));
    assert_eq!(revisit.block, head.as_bytes());

    assert_eq!(by_uri[&format!("{BASE}/")].get("WARC-Type"), "response");
    assert_eq!(
        by_uri[&format!("{BASE}/index.html")].get("WARC-Type"),
        "revisit"
    );

    for (uri, mime) in [
        ("style.css", "text/css; charset=utf-8"),
        ("logo.png", "image/png"),
        ("docs/strategy.pdf", "application/pdf"),
        ("meetings/meetings.ics", "text/calendar; charset=utf-8"),
        ("sitemap.xml", "application/xml"),
        ("atom.xml", "application/atom+xml"),
        ("meetings/Minutes%20(March%202026).pdf", "application/pdf"),
    ] {
        let record = by_uri[&format!("{BASE}/{uri}")];
        let block = String::from_utf8_lossy(&record.block);
        assert!(
            block.starts_with(&format!("HTTP/1.1 200 OK\r\nContent-Type: {mime}\r\n")),
            "{uri}: {block}"
        );
        let split = record
            .block
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .unwrap()
            + 4;
        let payload = &record.block[split..];
        assert!(block.contains(&format!("\r\nContent-Length: {}\r\n", payload.len())));
        assert_eq!(record.get("WARC-Payload-Digest"), warc_sha1(payload));
    }
    let png = &by_uri[&format!("{BASE}/logo.png")].block;
    assert!(png.ends_with(sample_site::PNG));
}

/// Parses a CDXJ text into (key, timestamp, fields) triples.
fn parse_cdxj(text: &str) -> Vec<(String, String, serde_json::Value)> {
    text.lines()
        .map(|line| {
            let mut parts = line.splitn(3, ' ');
            let key = parts.next().unwrap().to_string();
            let ts = parts.next().unwrap().to_string();
            let json = serde_json::from_str(parts.next().unwrap()).expect("CDXJ JSON");
            (key, ts, json)
        })
        .collect()
}

#[test]
fn cdxj_offsets_point_at_records() {
    let (_dir, report) = packaged();
    let warc = fs::read(&report.warc).unwrap();
    let text = fs::read_to_string(&report.cdxj).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted, "CDXJ lines are sorted");
    let entries = parse_cdxj(&text);
    assert_eq!(entries.len(), report.records - 1);
    for (key, ts, json) in &entries {
        assert_eq!(ts, "20261122000000");
        assert_eq!(json["filename"], format!("{STEM}.warc.gz"));
        let offset: usize = json["offset"].as_str().unwrap().parse().unwrap();
        let length: usize = json["length"].as_str().unwrap().parse().unwrap();
        let record = read_member(&warc, offset, length);
        assert_eq!(record.get("WARC-Target-URI"), json["url"]);
        assert_eq!(record.get("WARC-Payload-Digest"), json["digest"]);
        assert_eq!(json["status"], "200");
        let expected_mime = if record.get("WARC-Type") == "revisit" {
            "warc/revisit"
        } else {
            ""
        };
        if !expected_mime.is_empty() {
            assert_eq!(json["mime"], expected_mime);
        }
        assert!(key.starts_with("uk,org,welwynhatfieldalliance)/"), "{key}");
    }
    let keys: Vec<&str> = entries.iter().map(|e| e.0.as_str()).collect();
    assert!(keys.contains(&"uk,org,welwynhatfieldalliance)/"));
    assert!(keys.contains(&"uk,org,welwynhatfieldalliance)/about"));
    assert!(keys.contains(&"uk,org,welwynhatfieldalliance)/meetings/minutes%20(march%202026).pdf"));
}

#[test]
fn wacz_is_stored_and_self_consistent() {
    let (_dir, report) = packaged();
    let file = fs::File::open(&report.wacz).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("zip");
    let mut entries = BTreeMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        assert_eq!(
            entry.compression(),
            zip::CompressionMethod::Stored,
            "{}",
            entry.name()
        );
        let modified = entry.last_modified().expect("mtime");
        assert_eq!(
            (
                modified.year(),
                modified.month(),
                modified.day(),
                modified.hour()
            ),
            (2026, 11, 22, 0)
        );
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).unwrap();
        entries.insert(entry.name().to_string(), bytes);
    }
    let names: Vec<&str> = entries.keys().map(String::as_str).collect();
    let warc_entry = format!("archive/{STEM}.warc.gz");
    assert_eq!(
        names,
        [
            warc_entry.as_str(),
            "datapackage-digest.json",
            "datapackage.json",
            "indexes/index.cdxj",
            "pages/pages.jsonl"
        ]
    );
    assert_eq!(entries[&warc_entry], fs::read(&report.warc).unwrap());
    assert_eq!(
        entries["indexes/index.cdxj"],
        fs::read(&report.cdxj).unwrap()
    );

    let package: serde_json::Value = serde_json::from_slice(&entries["datapackage.json"]).unwrap();
    assert_eq!(package["profile"], "data-package");
    assert_eq!(package["wacz_version"], "1.1.1");
    assert_eq!(package["title"], "Welwyn Hatfield Alliance");
    assert_eq!(package["created"], "2026-11-22T00:00:00Z");
    assert_eq!(package["software"], "Alliance 0.1.0");
    assert_eq!(package["mainPageUrl"], format!("{BASE}/"));
    assert_eq!(package["mainPageDate"], "2026-11-22T00:00:00Z");
    let resources = package["resources"].as_array().unwrap();
    assert_eq!(resources.len(), 3);
    for resource in resources {
        let path = resource["path"].as_str().unwrap();
        let bytes = &entries[path];
        assert_eq!(
            resource["hash"],
            format!("sha256:{}", sha256(bytes)),
            "{path}"
        );
        assert_eq!(resource["bytes"], bytes.len(), "{path}");
        assert_eq!(resource["name"], path.rsplit('/').next().unwrap());
    }
    let digest: serde_json::Value =
        serde_json::from_slice(&entries["datapackage-digest.json"]).unwrap();
    assert_eq!(digest["path"], "datapackage.json");
    assert_eq!(
        digest["hash"],
        format!("sha256:{}", sha256(&entries["datapackage.json"]))
    );

    let pages = String::from_utf8(entries["pages/pages.jsonl"].clone()).unwrap();
    let mut lines = pages.lines();
    assert_eq!(
        lines.next(),
        Some(r#"{"format": "json-pages-1.0", "id": "pages", "title": "All Pages"}"#)
    );
    let pages: Vec<serde_json::Value> = lines.map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(pages.len(), report.pages);
    assert_eq!(pages.len(), 4);
    let titles: BTreeMap<&str, &str> = pages
        .iter()
        .map(|p| {
            assert_eq!(p["ts"], "2026-11-22T00:00:00Z");
            (p["url"].as_str().unwrap(), p["title"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        titles[format!("{BASE}/").as_str()],
        "Welwyn Hatfield Alliance"
    );
    assert_eq!(
        titles[format!("{BASE}/about/").as_str()],
        "About the Alliance & its partners — Welwyn Hatfield Alliance"
    );
    assert!(titles.contains_key(format!("{BASE}/404.html").as_str()));
}

/// Parses a manifest into path → hash.
fn manifest(path: &Path) -> BTreeMap<String, String> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| {
            let (hash, file) = l.split_once("  ").expect("manifest line");
            (file.to_string(), hash.to_string())
        })
        .collect()
}

/// Every file under `dir`, relative, `/`-separated.
fn files_under(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            rel.to_str().unwrap().replace('\\', "/")
        })
        .collect();
    files.sort();
    files
}

#[test]
fn bag_manifests_match_files() {
    let (dir, report) = packaged();
    let bag = &report.bag;
    assert_eq!(
        fs::read_to_string(bag.join("bagit.txt")).unwrap(),
        "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"
    );
    let payload = manifest(&bag.join("manifest-sha256.txt"));
    let data_files: Vec<String> = files_under(&bag.join("data"))
        .into_iter()
        .map(|f| format!("data/{f}"))
        .collect();
    assert_eq!(payload.keys().cloned().collect::<Vec<_>>(), data_files);
    let mut total = 0;
    for (file, hash) in &payload {
        let bytes = fs::read(bag.join(file)).unwrap();
        total += bytes.len() as u64;
        assert_eq!(&sha256(&bytes), hash, "{file}");
    }
    for name in [
        format!("{STEM}.warc.gz"),
        format!("{STEM}.cdxj"),
        format!("{STEM}.wacz"),
    ] {
        assert_eq!(
            fs::read(bag.join("data").join(&name)).unwrap(),
            fs::read(dir.path().join(&name)).unwrap()
        );
    }
    assert_eq!(
        fs::read(bag.join("data/site/meetings/Minutes (March 2026).pdf")).unwrap(),
        fs::read(dir.path().join("site/meetings/Minutes (March 2026).pdf")).unwrap()
    );
    assert_eq!(total, report.bag_payload_bytes);

    let info = fs::read_to_string(bag.join("bag-info.txt")).unwrap();
    for needed in [
        "Source-Organization: Hertfordshire Archives\n".to_string(),
        "Bagging-Date: 2026-11-22\n".to_string(),
        format!("Payload-Oxum: {total}.{}\n", payload.len()),
        "Bag-Software-Agent: Alliance 0.1.0\n".to_string(),
        "External-Description: ".to_string(),
    ] {
        assert!(
            info.contains(&needed),
            "bag-info.txt lacks {needed:?}:\n{info}"
        );
    }

    let tags = manifest(&bag.join("tagmanifest-sha256.txt"));
    assert_eq!(
        tags.keys().cloned().collect::<Vec<_>>(),
        ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"]
    );
    for (file, hash) in &tags {
        assert_eq!(&sha256(&fs::read(bag.join(file)).unwrap()), hash, "{file}");
    }
}

/// Every file under `dir` with its bytes, the site copy left out.
fn outputs(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|f| {
            let bytes = fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

#[test]
fn same_input_gives_identical_bytes() {
    let (first, _) = packaged();
    let (second, _) = packaged();
    let a = outputs(first.path());
    let b = outputs(second.path());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs between two runs");
    }
    // Packaging again over the previous output replaces it with the same bytes.
    let site = first.path().join("site");
    package(&site, first.path(), &sample_site::meta()).expect("second package");
    assert_eq!(outputs(first.path()), a);
}

/// Names of the entries of a folder.
fn entries_of(dir: &Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    names
}

#[test]
fn a_failure_leaves_previous_packages_untouched() {
    let (dir, _) = packaged();
    let before = outputs(dir.path());
    let listing = entries_of(dir.path());

    let missing = dir.path().join("no-such-site");
    let err = package(&missing, dir.path(), &sample_site::meta()).unwrap_err();
    assert!(matches!(err, ArchiveError::Io { .. }));
    assert!(err.to_string().contains("no-such-site"), "{err}");

    let mut bad_date = sample_site::meta();
    bad_date.date = "2026-02-30".into();
    let err = package(&dir.path().join("site"), dir.path(), &bad_date).unwrap_err();
    assert!(err.to_string().contains("2026-02-30"), "{err}");

    let empty = tempfile::tempdir().unwrap();
    let err = package(empty.path(), dir.path(), &sample_site::meta()).unwrap_err();
    assert!(matches!(err, ArchiveError::EmptySite { .. }), "{err}");

    assert_eq!(
        entries_of(dir.path()),
        listing,
        "no temporary folder is left behind"
    );
    assert_eq!(outputs(dir.path()), before);
}

#[test]
fn sub_path_base_urls_and_site_outside_out_dir() {
    let site = tempfile::tempdir().unwrap();
    sample_site::write(site.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().join("snapshots/2026-11-22");
    let mut meta = sample_site::meta();
    meta.base_url = "https://example.gov.uk/partnerships/lsp/".into();
    meta.title = "".into();
    let report = package(site.path(), &out_dir, &meta).unwrap();
    assert_eq!(
        report.warc,
        out_dir.join("example-gov-uk-2026-11-22.warc.gz")
    );
    let cdxj = fs::read_to_string(&report.cdxj).unwrap();
    assert!(
        cdxj.contains("\"url\":\"https://example.gov.uk/partnerships/lsp/\""),
        "{cdxj}"
    );
    assert!(
        cdxj.contains("uk,gov,example)/partnerships/lsp/about "),
        "{cdxj}"
    );
    assert!(out_dir.join("bag/data/site/index.html").is_file());
}

#[test]
fn old_addresses_are_recorded_as_redirects() {
    let site = tempfile::tempdir().unwrap();
    sample_site::write(site.path()).unwrap();
    fs::create_dir_all(site.path().join("old-about")).unwrap();
    fs::write(
        site.path().join("old-about/index.html"),
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><title>Moved: About</title><meta http-equiv=\"refresh\" content=\"0; url=../about/index.html\"></head><body></body></html>\n",
    )
    .unwrap();
    fs::write(
        site.path().join("_redirects"),
        "# Old addresses\n/old-about/ /about/ 301\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let report = package(site.path(), out.path(), &sample_site::meta()).unwrap();
    let cdxj = fs::read_to_string(&report.cdxj).unwrap();
    let (_, _, entry) = parse_cdxj(&cdxj)
        .into_iter()
        .find(|(_, _, json)| json["url"] == format!("{BASE}/old-about/"))
        .unwrap_or_else(|| panic!("no entry for the old address in {cdxj}"));
    assert_eq!(entry["status"], "301");
    let warc = fs::read(&report.warc).unwrap();
    let offset: usize = entry["offset"].as_str().unwrap().parse().unwrap();
    let length: usize = entry["length"].as_str().unwrap().parse().unwrap();
    let record = read_member(&warc, offset, length);
    let block = String::from_utf8_lossy(&record.block);
    assert!(
        block.starts_with("HTTP/1.1 301 Moved Permanently\r\n"),
        "{block}"
    );
    assert!(
        block.contains(&format!("\r\nLocation: {BASE}/about/\r\n")),
        "{block}"
    );
    // Not a page of the snapshot (the WACZ's page list), and no revisit at old-about/index.html.
    assert!(!cdxj.contains("/old-about/index.html"), "{cdxj}");
}
