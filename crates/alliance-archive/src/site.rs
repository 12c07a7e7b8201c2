//! The site folder as a sorted list of files, and what is read from its pages.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::ArchiveError;

/// One file of the site.
#[derive(Debug, Clone)]
pub(crate) struct SiteFile {
    /// Path relative to the site folder, `/`-separated.
    pub rel: String,
    /// Path on disk.
    pub path: PathBuf,
}

/// Every file under `site_dir` (symbolic links followed), sorted by relative
/// path byte order so that every output is in a fixed order.
pub(crate) fn scan(site_dir: &Path) -> Result<Vec<SiteFile>, ArchiveError> {
    let meta = std::fs::metadata(site_dir)
        .map_err(|e| ArchiveError::io("cannot read the site folder", site_dir, e))?;
    if !meta.is_dir() {
        return Err(ArchiveError::io(
            "the site folder is not a folder",
            site_dir,
            std::io::Error::from(std::io::ErrorKind::NotADirectory),
        ));
    }
    let mut files = Vec::new();
    for entry in WalkDir::new(site_dir).follow_links(true) {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(site_dir).to_path_buf();
            ArchiveError::io("cannot list", &path, e.into())
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.into_path();
        let rel = path
            .strip_prefix(site_dir)
            .ok()
            .and_then(|rel| {
                rel.components()
                    .map(|c| c.as_os_str().to_str())
                    .collect::<Option<Vec<_>>>()
            })
            .ok_or_else(|| ArchiveError::NonUtf8Path { path: path.clone() })?
            .join("/");
        files.push(SiteFile { rel, path });
    }
    if files.is_empty() {
        return Err(ArchiveError::EmptySite {
            path: site_dir.to_path_buf(),
        });
    }
    files.sort_by(|a, b| a.rel.cmp(&b.rel));
    Ok(files)
}

/// The text of the first `<title>` element of an HTML page, entities decoded
/// and white space collapsed; `None` if there is none or it is empty.
pub(crate) fn html_title(html: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(html);
    let lower = text.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    let title = decode_entities(&text[start..end])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!title.is_empty()).then_some(title)
}

/// Decodes the character references a generator writes in a title: the five
/// XML entities, `&nbsp;` and numeric references. Others are left as they are.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let name = &rest[1..semi];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => name.strip_prefix('#').and_then(|num| {
                    match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => num.parse().ok(),
                    }
                    .and_then(char::from_u32)
                }),
            };
            c.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles() {
        assert_eq!(
            html_title(b"<html><head><TITLE lang=en>\n  About &amp; contact &#8212; WHA\n</TITLE>")
                .as_deref(),
            Some("About & contact \u{2014} WHA")
        );
        assert_eq!(
            html_title(b"<title>Fish &chips; &#x41;</title>").as_deref(),
            Some("Fish &chips; A")
        );
        assert_eq!(html_title(b"<title> </title>"), None);
        assert_eq!(html_title(b"<p>no title</p>"), None);
    }
}
