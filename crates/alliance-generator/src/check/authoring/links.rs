//! Link text must say where a link goes: screen-reader users often list a
//! page's links out of context, where "click here" or a web address read out
//! letter by letter tells them nothing.

use crate::diagnostic::Diagnostic;
use crate::load::site::{Page, Site};
use crate::markdown::facts::{Facts, Link};

/// Link texts that say nothing about where the link goes.
pub(crate) const VAGUE: &[&str] = &[
    "click",
    "click here",
    "find out more",
    "here",
    "learn more",
    "link",
    "more",
    "more info",
    "more information",
    "read more",
    "see more",
    "this",
    "this link",
    "this page",
];

/// An error for each link with no text; a warning for vague text or a bare address.
pub(crate) fn check(site: &Site, page: &Page, facts: &Facts) -> Vec<Diagnostic> {
    facts
        .links
        .iter()
        .filter_map(|link| {
            let text = normalise(&link.text);
            let at = |message: String| page.body_error(link.place.line, link.place.col, message);
            if text.is_empty() {
                return Some(at("link with no text".to_owned()).with_hint(
                    "screen readers announce it only as \"link\": write where it goes between the brackets, [like this](...)",
                ));
            }
            if VAGUE.contains(&text.as_str()) || text.starts_with("click here") {
                return Some(
                    at(format!(
                        "link text \"{}\" does not say where the link goes",
                        link.text.trim()
                    ))
                    .with_hint(better_text_hint(site, link))
                    .into_warning(),
                );
            }
            if is_bare_address(&text, &link.url) {
                return Some(
                    at(format!("link text is a bare web address: {}", link.text.trim()))
                        .with_hint(
                            "screen readers read addresses out letter by letter: name where it goes, \
                             e.g. [Hertfordshire County Council](https://www.hertfordshire.gov.uk/)",
                        )
                        .into_warning(),
                );
            }
            None
        })
        .collect()
}

/// Lower case, single spaces, no punctuation at either end.
fn normalise(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| c.is_ascii_punctuation() || c == '…')
        .trim()
        .to_lowercase()
}

/// Whether link text is a web address (email addresses and phone numbers are fine).
fn is_bare_address(text: &str, url: &str) -> bool {
    if url.starts_with("mailto:") || url.starts_with("tel:") || text.contains(' ') {
        return false;
    }
    text.starts_with("http://")
        || text.starts_with("https://")
        || text.starts_with("www.")
        || text == url.to_lowercase()
}

/// Suggests the target page's title for an `@/` link, else an example.
fn better_text_hint(site: &Site, link: &Link) -> String {
    let target = link
        .url
        .strip_prefix("@/")
        .map(|t| t.split('#').next().unwrap_or(t));
    match target.and_then(|t| site.page_by_content_path(t)) {
        Some(target) => format!(
            "say where it goes, e.g. with the page's title: [{}]({})",
            target.front.title, link.url
        ),
        None => format!(
            "say where it goes, e.g. [Annual report 2025]({}) rather than \"click here\" or \"read more\"",
            link.url
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_spots_addresses() {
        assert_eq!(normalise("  Read\n more… "), "read more");
        assert_eq!(normalise("Here."), "here");
        assert!(is_bare_address("www.e.org", "http://www.e.org"));
        assert!(is_bare_address("https://e.org/a", "https://e.org/a"));
        assert!(!is_bare_address("a@e.org", "mailto:a@e.org"));
        assert!(!is_bare_address("our annual report", "https://e.org/a"));
    }
}
