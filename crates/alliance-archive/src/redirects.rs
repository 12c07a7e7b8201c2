//! The site's redirects (the generator's `_redirects`, from pages' `aliases`):
//! in a snapshot, an old address is recorded as the redirect it is on the
//! live site, not as a page of its own.

use std::collections::BTreeMap;
use std::path::Path;

use crate::capture::Capture;
use crate::error::ArchiveError;

/// The redirects file the generator writes when pages have aliases.
pub(crate) const FILE: &str = "_redirects";

/// For each old address, by the site file that stands at it
/// (`old-role/index.html`), the absolute URL it redirects to. No file, no
/// redirects; a line that is not `FROM TO [STATUS]` under the site's path is
/// left out.
pub(crate) fn read(
    site_dir: &Path,
    capture: &Capture,
) -> Result<BTreeMap<String, String>, ArchiveError> {
    let path = site_dir.join(FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => return Err(ArchiveError::io("cannot read", &path, e)),
    };
    let (origin, base) = split_prefix(&capture.url_prefix);
    let mut out = BTreeMap::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut words = line.split_whitespace();
        let (Some(from), Some(to)) = (words.next(), words.next()) else {
            continue;
        };
        let Some(rel) = from.strip_prefix(&base) else {
            continue;
        };
        let file = if rel.is_empty() || rel.ends_with('/') {
            format!("{rel}index.html")
        } else {
            rel.to_owned()
        };
        out.insert(file, format!("{origin}{to}"));
    }
    Ok(out)
}

/// `https://e.org/sub` → (`https://e.org`, `/sub/`).
fn split_prefix(prefix: &str) -> (&str, String) {
    let after_scheme = prefix.find("://").map_or(0, |i| i + 3);
    match prefix[after_scheme..].find('/') {
        Some(i) => (
            &prefix[..after_scheme + i],
            format!("{}/", &prefix[after_scheme + i..]),
        ),
        None => (prefix, "/".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_split_into_origin_and_path() {
        assert_eq!(
            split_prefix("https://e.org"),
            ("https://e.org", "/".to_owned())
        );
        assert_eq!(
            split_prefix("https://e.org/sub"),
            ("https://e.org", "/sub/".to_owned())
        );
    }
}
