//! The validated form of [`SnapshotMeta`]: the capture date in every shape the
//! formats need, the URL prefix the site is served under, and the package name.

use crate::{ArchiveError, SnapshotMeta};

/// A [`SnapshotMeta`] checked and turned into what the writers use.
#[derive(Debug, Clone)]
pub(crate) struct Capture {
    /// `YYYY-MM-DD`, as given.
    pub date: String,
    /// Year, month and day of the capture.
    pub ymd: (u16, u8, u8),
    /// `YYYY-MM-DDT00:00:00Z`: WARC-Date, `ts` of pages, `created` of the WACZ.
    pub datetime: String,
    /// `YYYYMMDD000000`: the 14-digit timestamp of CDXJ lines and replay URLs.
    pub timestamp: String,
    /// `scheme://host[:port][/path]` with no trailing slash: a file at
    /// `a/b.css` is served at `{prefix}/a/b.css`.
    pub url_prefix: String,
    /// File name stem of the packages: `<slug>-<date>`.
    pub stem: String,
}

impl Capture {
    /// Checks `meta` and derives the forms the writers need.
    pub(crate) fn new(meta: &SnapshotMeta) -> Result<Self, ArchiveError> {
        let ymd = parse_date(&meta.date).ok_or_else(|| ArchiveError::InvalidDate {
            date: meta.date.clone(),
        })?;
        let (url_prefix, host) = parse_base_url(&meta.base_url)?;
        let mut slug = ascii_name(&meta.title);
        if slug.is_empty() {
            slug = ascii_name(&host);
        }
        if slug.is_empty() {
            slug = "site".to_string();
        }
        Ok(Capture {
            date: meta.date.clone(),
            ymd,
            datetime: format!("{}T00:00:00Z", meta.date),
            timestamp: format!("{}000000", meta.date.replace('-', "")),
            url_prefix,
            stem: format!("{slug}-{}", meta.date),
        })
    }

    /// The URL a web server answers for the site file at `rel` (a `/`-separated
    /// path relative to the site folder), percent-encoded.
    pub(crate) fn url_for(&self, rel: &str) -> String {
        format!("{}/{}", self.url_prefix, percent_encode_path(rel))
    }
}

/// Parses `YYYY-MM-DD` into a real calendar date within the zip format's range.
fn parse_date(date: &str) -> Option<(u16, u8, u8)> {
    let bytes = date.as_bytes();
    if bytes.len() != 10
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || !date
            .char_indices()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    {
        return None;
    }
    let year: u16 = date[0..4].parse().ok()?;
    let month: u8 = date[5..7].parse().ok()?;
    let day: u8 = date[8..10].parse().ok()?;
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    ((1980..=2107).contains(&year) && (1..=days).contains(&day)).then_some((year, month, day))
}

/// Splits a base URL into the prefix files are served under and its host.
fn parse_base_url(url: &str) -> Result<(String, String), ArchiveError> {
    let invalid = |reason| ArchiveError::InvalidBaseUrl {
        url: url.to_string(),
        reason,
    };
    let trimmed = url.trim();
    let (scheme, rest) = trimmed
        .split_once("://")
        .ok_or_else(|| invalid("it must start with http:// or https://"))?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return Err(invalid("it must start with http:// or https://"));
    }
    if rest.contains(['?', '#']) {
        return Err(invalid("it must not have a query or a fragment"));
    }
    if rest.contains(|c: char| c.is_whitespace() || c.is_control()) {
        return Err(invalid("it must not contain spaces or control characters"));
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    if authority.contains('@') {
        return Err(invalid("it must not contain a user name"));
    }
    let authority = authority.to_ascii_lowercase();
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((addr, _)) => authority.split_at(addr.len() + 2),
            None => return Err(invalid("its IPv6 address has no closing ]")),
        },
        None => match authority.split_once(':') {
            Some((host, _)) => (host, &authority[host.len()..]),
            None => (authority.as_str(), ""),
        },
    };
    if let Some(digits) = port.strip_prefix(':') {
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid("its port is not a number"));
        }
    } else if !port.is_empty() {
        return Err(invalid("its host name is malformed"));
    }
    if host.is_empty() {
        return Err(invalid("it has no host name"));
    }
    let host = host.to_string();
    let path = path.trim_end_matches('/');
    Ok((format!("{scheme}://{authority}{path}"), host))
}

/// Lower-case ASCII letters and digits, runs of anything else turned into one
/// `-`; common accented Latin letters (Welsh ŵ and ŷ included) lose their accent.
///
/// Not `alliance_generator::util::url::slugify`, which means something else:
/// it keeps `.`, `_` and non-ASCII letters (`www.example.org` stays as it is,
/// `Gŵyr` keeps its `ŵ`), while a package name must be plain ASCII.
pub(crate) fn ascii_name(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Maps an accented lower-case Latin letter to its base letter.
fn fold_accent(c: char) -> char {
    match c {
        'à'..='å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì'..='ï' | 'ī' | 'į' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò'..='ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù'..='ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ŵ' => 'w',
        'ś' | 'š' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        other => other,
    }
}

/// Percent-encodes a `/`-separated path for use in a URL: unreserved
/// characters, `/` and the sub-delimiters a path may hold stay as they are.
fn percent_encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(date: &str, base_url: &str, title: &str) -> SnapshotMeta {
        SnapshotMeta {
            date: date.into(),
            base_url: base_url.into(),
            title: title.into(),
            organisation: "Hertfordshire Archives".into(),
            software: "Alliance 0.1.0".into(),
        }
    }

    #[test]
    fn dates_are_checked() {
        assert_eq!(parse_date("2026-11-22"), Some((2026, 11, 22)));
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "26-11-22",
            "2026-1-22",
            "1979-12-31",
            "2026-11-2x",
            "２026-11-22",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn base_urls_become_prefixes() {
        let c = Capture::new(&meta(
            "2026-11-22",
            "https://WWW.Example.org/",
            "Welwyn Hatfield Alliance",
        ))
        .unwrap();
        assert_eq!(c.url_prefix, "https://www.example.org");
        assert_eq!(c.stem, "welwyn-hatfield-alliance-2026-11-22");
        assert_eq!(c.datetime, "2026-11-22T00:00:00Z");
        assert_eq!(c.timestamp, "20261122000000");
        assert_eq!(c.url_for("about/"), "https://www.example.org/about/");
        let c = Capture::new(&meta("2026-11-22", "http://localhost:8080/lsp/sub/", "")).unwrap();
        assert_eq!(c.url_prefix, "http://localhost:8080/lsp/sub");
        assert_eq!(c.stem, "localhost-2026-11-22");
        assert_eq!(
            c.url_for("Annual Report (2024).pdf"),
            "http://localhost:8080/lsp/sub/Annual%20Report%20(2024).pdf"
        );
        for bad in [
            "www.example.org",
            "ftp://x.org",
            "https://",
            "https://x.org/?q=1",
            "https://u@x.org",
            "https://x.org:80a/",
        ] {
            assert!(
                Capture::new(&meta("2026-11-22", bad, "t")).is_err(),
                "{bad}"
            );
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(
            ascii_name("Bwrdd Gwasanaethau Cyhoeddus — Gŵyr & Môn!"),
            "bwrdd-gwasanaethau-cyhoeddus-gwyr-mon"
        );
        assert_eq!(ascii_name("www.example.org"), "www-example-org");
        assert_eq!(ascii_name("  ---  "), "");
    }
}
