//! The BagIt 1.0 bag (RFC 8493): the site folder and the packages as payload,
//! SHA-256 manifests, and the descriptive tag files archives ask for.

use std::fs;
use std::path::{Path, PathBuf};

use crate::capture::Capture;
use crate::digest::{copy_with_sha256, sha256_hex};
use crate::site::SiteFile;
use crate::warc::one_line;
use crate::{ArchiveError, SnapshotMeta};

/// What the bag holds.
#[derive(Debug)]
pub(crate) struct BagSummary {
    /// Total size of the payload files (the first half of Payload-Oxum).
    pub payload_bytes: u64,
}

/// Builds the bag in the new folder `bag_dir`: `data/site/` holds a copy of
/// `site_files`, and each of `packages` is copied to `data/<its file name>`.
pub(crate) fn write(
    bag_dir: &Path,
    site_files: &[SiteFile],
    packages: &[&Path],
    capture: &Capture,
    meta: &SnapshotMeta,
) -> Result<BagSummary, ArchiveError> {
    let data = bag_dir.join("data");
    let mut copies: Vec<(String, &Path)> = site_files
        .iter()
        .map(|f| (format!("data/site/{}", f.rel), f.path.as_path()))
        .collect();
    for package in packages {
        let name = package
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        copies.push((format!("data/{name}"), package));
    }
    copies.sort_by(|a, b| a.0.cmp(&b.0));

    let mut manifest = String::new();
    let mut payload_bytes = 0;
    let mut made_dir: Option<PathBuf> = None;
    create_dir(&data)?;
    for (rel, from) in &copies {
        let to = bag_dir.join(rel);
        if let Some(parent) = to.parent()
            && made_dir.as_deref() != Some(parent)
        {
            create_dir(parent)?;
            made_dir = Some(parent.to_path_buf());
        }
        let (hash, bytes) = copy_with_sha256(from, &to)?;
        payload_bytes += bytes;
        manifest.push_str(&format!("{hash}  {}\n", encode_path(rel)));
    }

    let bagit_txt = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";
    let bag_info = [
        ("Source-Organization", one_line(&meta.organisation)),
        (
            "External-Description",
            one_line(&format!(
                "Snapshot of the website {} ({}/) taken on {}: the site as published \
                 (data/site/), its WARC/1.1 capture, CDXJ index and WACZ package.",
                meta.title, capture.url_prefix, capture.date
            )),
        ),
        ("External-Identifier", capture.stem.clone()),
        ("Bagging-Date", capture.date.clone()),
        ("Payload-Oxum", format!("{payload_bytes}.{}", copies.len())),
        ("Bag-Software-Agent", one_line(&meta.software)),
    ]
    .iter()
    .map(|(label, value)| format!("{label}: {value}\n"))
    .collect::<String>();

    let mut tag_manifest = String::new();
    for (name, text) in [
        ("bag-info.txt", bag_info.as_str()),
        ("bagit.txt", bagit_txt),
        ("manifest-sha256.txt", manifest.as_str()),
    ] {
        write_file(&bag_dir.join(name), text)?;
        tag_manifest.push_str(&format!("{}  {name}\n", sha256_hex(text.as_bytes())));
    }
    write_file(&bag_dir.join("tagmanifest-sha256.txt"), &tag_manifest)?;

    Ok(BagSummary { payload_bytes })
}

/// A manifest path as RFC 8493 §2.1.3 wants it: `%`, CR and LF percent-encoded.
fn encode_path(path: &str) -> String {
    path.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Creates a folder and its parents.
fn create_dir(path: &Path) -> Result<(), ArchiveError> {
    fs::create_dir_all(path).map_err(|e| ArchiveError::io("cannot create folder", path, e))
}

/// Writes a whole text file.
fn write_file(path: &Path, text: &str) -> Result<(), ArchiveError> {
    fs::write(path, text).map_err(|e| ArchiveError::io("cannot write", path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_encoded() {
        assert_eq!(encode_path("data/100%\r\nx.txt"), "data/100%25%0D%0Ax.txt");
        assert_eq!(encode_path("data/a b.pdf"), "data/a b.pdf");
    }
}
