//! A small scanner for the tags in a piece of HTML: raw HTML written in
//! Markdown (when `[markdown] unsafe_html` is on) and rendered pages.
//!
//! It finds start and end tags with their attributes, skipping comments and
//! the text of `<script>` and `<style>`. It does not build a tree: the checks
//! only need to know which tags appear, in order, and where.

/// One start or end tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tag {
    /// The element name, lower case (`img`, `table`, `h1`).
    pub(crate) name: String,
    /// Whether this is an end tag (`</table>`).
    pub(crate) closing: bool,
    /// Attributes in order: lower-case name, and value if one was given.
    pub(crate) attrs: Vec<(String, Option<String>)>,
    /// Byte offset of the `<` in the scanned text.
    pub(crate) offset: usize,
}

impl Tag {
    /// The value of an attribute: `Some("")` for `alt=""` or a bare `alt`, `None` if absent.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_deref().unwrap_or(""))
    }

    /// Whether this is a heading start tag; its level if so.
    pub(crate) fn heading_level(&self) -> Option<u8> {
        let digit = self.name.strip_prefix('h')?;
        match digit.parse::<u8>() {
            Ok(level @ 1..=6) if !self.closing => Some(level),
            _ => None,
        }
    }
}

/// Every tag in `html`, in order.
pub(crate) fn tags(html: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|p| p + i) {
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| lt + e + 3);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = lt + 1 + usize::from(closing);
        let name_len = html[name_start..]
            .bytes()
            .take_while(u8::is_ascii_alphanumeric)
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let (attrs, end) = attributes(html, name_start + name_len);
        i = end;
        if !closing && (name == "script" || name == "style") {
            let close = format!("</{name}");
            i = find_ascii_ci(&html[end..], &close).map_or(html.len(), |e| end + e);
        }
        out.push(Tag {
            name,
            closing,
            attrs,
            offset: lt,
        });
    }
    out
}

/// Parses attributes from `at` up to the tag's `>`; returns them and the offset after `>`.
fn attributes(html: &str, mut at: usize) -> (Vec<(String, Option<String>)>, usize) {
    let bytes = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        if at >= bytes.len() {
            return (attrs, at);
        }
        if bytes[at] == b'>' {
            return (attrs, at + 1);
        }
        let start = at;
        while at < bytes.len()
            && !matches!(bytes[at], b'=' | b'>' | b'/')
            && !bytes[at].is_ascii_whitespace()
        {
            at += 1;
        }
        let name = html[start..at].to_ascii_lowercase();
        while at < bytes.len() && bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let mut value = None;
        if at < bytes.len() && bytes[at] == b'=' {
            at += 1;
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
            let (v, next) = match bytes.get(at) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = html[at + 1..]
                        .find(q as char)
                        .map_or(html.len(), |e| at + 1 + e);
                    (&html[(at + 1).min(end)..end], (end + 1).min(html.len()))
                }
                _ => {
                    let end = html[at..]
                        .find(|c: char| c.is_ascii_whitespace() || c == '>')
                        .map_or(html.len(), |e| at + e);
                    (&html[at..end], end)
                }
            };
            value = Some(v.to_owned());
            at = next;
        }
        if !name.is_empty() {
            attrs.push((name, value));
        }
    }
}

/// The offset of `needle` (ASCII) in `haystack`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// The number of `<h1>` elements in a piece of HTML. Only the fragments that
/// start like one are read as tags: a whole page is not scanned tag by tag.
pub(crate) fn count_h1(html: &str) -> usize {
    let mut count = 0;
    for (i, _) in html.match_indices('<') {
        let rest = &html.as_bytes()[i + 1..];
        let opens_h1 = rest.len() >= 3
            && rest[0].eq_ignore_ascii_case(&b'h')
            && rest[1] == b'1'
            && (rest[2] == b'>' || rest[2] == b'/' || rest[2].is_ascii_whitespace());
        if opens_h1 {
            let end = html[i..].find('>').map_or(html.len(), |e| i + e + 1);
            count += tags(&html[i..end])
                .iter()
                .filter(|t| t.heading_level() == Some(1))
                .count();
        }
    }
    count
}

/// Every `id` attribute in a piece of HTML, in order, each with whether it is
/// on a heading (`<h1>` to `<h6>`). Only `id="` and `id='` after white space
/// are read, so the page is not scanned tag by tag.
pub(crate) fn ids(html: &str) -> Vec<(String, bool)> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    for i in memchr::memmem::find_iter(bytes, b"id=") {
        let quote = bytes.get(i + 3).copied();
        let after_space = i > 0 && bytes[i - 1].is_ascii_whitespace();
        let (true, Some(q @ (b'"' | b'\''))) = (after_space, quote) else {
            continue;
        };
        let start = i + 4;
        let Some(len) = bytes[start..].iter().position(|&b| b == q) else {
            continue;
        };
        let tag_start = html[..i].rfind('<').unwrap_or(0);
        let tag = &bytes[tag_start..i];
        let heading = tag.len() >= 3
            && tag[1].eq_ignore_ascii_case(&b'h')
            && (b'1'..=b'6').contains(&tag[2])
            && tag.get(3).is_none_or(u8::is_ascii_whitespace);
        out.push((html[start..start + len].to_owned(), heading));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_tags_and_attributes() {
        let t = tags("<p>x</p><IMG src=\"a.png\" ALT='' hidden><br/><a href=x.html>");
        let names: Vec<_> = t.iter().map(|t| (t.name.as_str(), t.closing)).collect();
        assert_eq!(
            names,
            [
                ("p", false),
                ("p", true),
                ("img", false),
                ("br", false),
                ("a", false)
            ]
        );
        assert_eq!(t[2].attr("alt"), Some(""));
        assert_eq!(t[2].attr("src"), Some("a.png"));
        assert_eq!(t[2].attr("hidden"), Some(""));
        assert_eq!(t[2].attr("title"), None);
        assert_eq!(t[4].attr("href"), Some("x.html"));
        assert_eq!(t[2].offset, 8);
    }

    #[test]
    fn skips_comments_scripts_and_text() {
        let t = tags("a < b <!-- <h1> --><script>if (a<h1) {}</script><h1 class=x>T</h1>");
        let names: Vec<_> = t.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["script", "script", "h1", "h1"]);
        assert_eq!(count_h1("<h1>a</h1><h2>b</h2><H1>c</H1><h10>"), 2);
    }

    #[test]
    fn finds_ids_and_whether_headings_have_them() {
        let html = "<main id=\"main\"><h2 class=x id='a-b'>A</h2><p data-id=\"no\" id=\"p\"><h23 id=\"q\">";
        assert_eq!(
            ids(html),
            [
                ("main".to_owned(), false),
                ("a-b".to_owned(), true),
                ("p".to_owned(), false),
                ("q".to_owned(), false),
            ]
        );
    }

    #[test]
    fn unterminated_input_does_not_panic() {
        for text in [
            "<",
            "<img",
            "<img alt=\"x",
            "<a href=",
            "</",
            "<!--",
            "<script>",
            "<é>",
        ] {
            let _ = tags(text);
        }
    }
}
