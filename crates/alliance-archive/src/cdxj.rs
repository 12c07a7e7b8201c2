//! The CDXJ index of the WARC: one `SURT timestamp {json}` line per record,
//! sorted, as pywb and ReplayWeb.page read it.

use serde::Serialize;

use crate::warc::IndexEntry;

/// The JSON part of a CDXJ line: field names, order and string-typed numbers
/// as pywb's `cdxj-indexer` writes them.
#[derive(Serialize)]
struct Fields<'a> {
    url: &'a str,
    mime: &'a str,
    status: String,
    digest: &'a str,
    length: String,
    offset: String,
    filename: &'a str,
}

/// The sorted CDXJ lines (each ending in `\n`) for the records of the WARC
/// named `filename`, all captured at the 14-digit `timestamp`.
pub(crate) fn index(entries: &[IndexEntry], timestamp: &str, filename: &str) -> String {
    let mut lines: Vec<String> = entries
        .iter()
        .map(|e| {
            let fields = Fields {
                url: &e.url,
                mime: &e.mime,
                status: e.status.to_string(),
                digest: &e.digest,
                length: e.length.to_string(),
                offset: e.offset.to_string(),
                filename,
            };
            // Serialising a plain struct of strings cannot fail.
            let json = serde_json::to_string(&fields).unwrap_or_default();
            format!("{} {timestamp} {json}\n", surt(&e.url))
        })
        .collect();
    lines.sort();
    lines.concat()
}

/// The Sort-friendly URI Reordering Transform of an absolute http(s) URL, as
/// the Python `surt` package computes it with its defaults: scheme dropped,
/// host lower-cased with a leading `www.` removed and its labels reversed and
/// joined by `,`, default port dropped, then `)` and the path and query,
/// percent-escapes normalised, a trailing `/` dropped (but not a lone `/`),
/// the whole lower-cased.
pub(crate) fn surt(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("http", url));
    let split = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(split);
    let authority = authority.to_ascii_lowercase();
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !port.contains(']') => (host, Some(port)),
        _ => (authority.as_str(), None),
    };
    let port = port.filter(|p| !matches!((scheme, *p), ("http", "80") | ("https", "443")));
    let host = host.trim_end_matches('.');
    let host = match host.strip_prefix("www") {
        Some(rest) => match rest
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .strip_prefix('.')
        {
            Some(stripped) if !stripped.is_empty() => stripped,
            _ => host,
        },
        None => host,
    };
    let mut key = host.split('.').rev().collect::<Vec<_>>().join(",");
    if let Some(port) = port {
        key.push(':');
        key.push_str(port);
    }
    key.push(')');
    // Like `surt`, drop a trailing slash unless the path is just `/`.
    let path = match path {
        "" | "/" => "/",
        _ => path.strip_suffix('/').unwrap_or(path),
    };
    key.push_str(&normalise_escapes(path));
    key.to_ascii_lowercase()
}

/// Decodes percent-escapes (repeatedly, as Google's URL canonicaliser does)
/// and escapes again only control characters, space, `#`, `%` and non-ASCII.
fn normalise_escapes(path: &str) -> String {
    let mut bytes = path.as_bytes().to_vec();
    loop {
        let decoded = percent_decode(&bytes);
        if decoded == bytes {
            break;
        }
        bytes = decoded;
    }
    let mut out = String::with_capacity(bytes.len());
    for b in bytes {
        if b <= 0x20 || b >= 0x7f || b == b'#' || b == b'%' {
            out.push_str(&format!("%{b:02X}"));
        } else {
            out.push(char::from(b));
        }
    }
    out
}

/// One pass of percent-decoding; malformed escapes are kept as they are.
fn percent_decode(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surts() {
        assert_eq!(
            surt("https://www.welwynhatfieldalliance.org.uk/"),
            "uk,org,welwynhatfieldalliance)/"
        );
        assert_eq!(surt("https://www.example.org"), "org,example)/");
        assert_eq!(
            surt("http://Example.org:8080/About/Index.html"),
            "org,example:8080)/about/index.html"
        );
        assert_eq!(surt("https://x.org/about/"), "org,x)/about");
        assert_eq!(surt("https://example.org:443/a"), "org,example)/a");
        assert_eq!(surt("https://www2.example.org/a"), "org,example)/a");
        assert_eq!(surt("https://www.org/a"), "org)/a");
        assert_eq!(surt("https://x.org/a%2fb%7E"), "org,x)/a/b~");
        assert_eq!(
            surt("https://x.org/Annual%20Report%20%282024%29.pdf"),
            "org,x)/annual%20report%20(2024).pdf"
        );
        assert_eq!(surt("https://x.org/caf%C3%A9/"), "org,x)/caf%c3%a9");
        assert_eq!(surt("https://x.org/100%25"), "org,x)/100%25");
    }

    #[test]
    fn lines_are_sorted() {
        let entry = |url: &str, offset| IndexEntry {
            url: url.into(),
            mime: "text/html".into(),
            status: 200,
            digest: "sha1:X".into(),
            offset,
            length: 10,
        };
        let text = index(
            &[entry("https://x.org/b", 0), entry("https://x.org/a", 10)],
            "20261122000000",
            "f.warc.gz",
        );
        assert_eq!(
            text,
            "org,x)/a 20261122000000 {\"url\":\"https://x.org/a\",\"mime\":\"text/html\",\"status\":\"200\",\"digest\":\"sha1:X\",\"length\":\"10\",\"offset\":\"10\",\"filename\":\"f.warc.gz\"}\n\
             org,x)/b 20261122000000 {\"url\":\"https://x.org/b\",\"mime\":\"text/html\",\"status\":\"200\",\"digest\":\"sha1:X\",\"length\":\"10\",\"offset\":\"0\",\"filename\":\"f.warc.gz\"}\n"
        );
    }
}
