//! Site paths and relative links.
//!
//! A page's *path* is its place in the site without a leading slash: `""` for
//! the home page, `"about/"` for a page, `"news/atom.xml"` for a file. Every
//! link the generator writes is relative from one path to another, so the site
//! works under any sub-path and from `file://`. Links to pages end in
//! `index.html` so that browsing from disk opens the page, not a folder listing.

/// Turns a file or folder name into a URL segment: lower case, `-` between
/// words, in Unicode NFC (so `café` gives one address whether typed on
/// Windows, composed, or on macOS, decomposed).
pub(crate) fn slugify(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut out = String::with_capacity(name.len());
    let mut dash = false;
    for c in name.nfc() {
        if c.is_alphanumeric() || c == '_' || c == '.' {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    if dash && out.is_empty() {
        out.push('-');
    }
    out
}

/// A content file's path as the site knows it (`a/b.md`): a Markdown
/// extension written in any case (`About.MD`) is `.md`. The rest stays as on
/// disk, so files beside the page are still found; addresses and ids are
/// normalised to NFC (`slugify`, `nfc`).
pub(crate) fn content_name(rel: &str) -> String {
    let mut name = rel.to_owned();
    let len = name.len();
    if len > 3 && name.is_char_boundary(len - 3) && name[len - 3..].eq_ignore_ascii_case(".md") {
        name.replace_range(len - 3.., ".md");
    }
    name
}

/// `text` in Unicode NFC: `café` typed on macOS (decomposed) reads as on Windows.
pub(crate) fn nfc(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfc().collect()
}

/// Why `slug` is not one URL segment (empty, `.`, `..`, or holding a `/`), if it is not.
pub(crate) fn slug_problem(slug: &str) -> Option<&'static str> {
    let slug = slug.trim();
    if slug.is_empty() {
        Some("is empty")
    } else if slug.contains(['/', '\\']) {
        Some("holds a `/`: a slug is one part of the address")
    } else if slug == "." || slug == ".." {
        Some("is `.` or `..`, which name folders rather than a page")
    } else if slug.chars().any(char::is_control) {
        Some("holds a control character")
    } else {
        None
    }
}

/// The hint for a link that is not an `http(s)`, `mailto:` or `tel:` address.
pub(crate) const LINK_HINT: &str = "write the whole address, starting https:// (e.g. https://www.example.org.uk/), or mailto: or tel:";

/// Why `link`, a value published as a link (a website, where to join a
/// meeting), is not one a resident can safely follow, if it is not: only
/// `http(s)://`, `mailto:` and `tel:` addresses are.
pub(crate) fn link_problem(link: &str) -> Option<String> {
    let link = link.trim().to_ascii_lowercase();
    let (scheme, rest) = link.split_once(':').unwrap_or_default();
    let is_scheme = !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    let full = match scheme {
        "http" | "https" => rest.strip_prefix("//").is_some_and(|host| !host.is_empty()),
        "mailto" | "tel" => !rest.trim().is_empty(),
        _ if is_scheme => return Some(format!("is a `{scheme}:` link, which is not allowed")),
        _ => false,
    };
    (!full).then(|| "is not a full web address".to_owned())
}

/// Whether a site path as written (`/old/page/`, `old.html`) stays inside
/// the site: not the home page, no `.`, `..` or empty parts, no `\\`.
pub(crate) fn inside_site(path: &str) -> bool {
    let path = path.trim().trim_start_matches('/');
    let path = path.strip_suffix('/').unwrap_or(path);
    !path.is_empty()
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
        && path
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != "..")
}

/// The folder a path lives in: `"a/b/"` → `"a/b/"`, `"a/feed.xml"` → `"a/"`.
fn folder_of(path: &str) -> &str {
    match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "",
    }
}

/// The relative link from the page or file at `from` to the path `to`.
///
/// Page paths (ending in `/` or empty) get `index.html` appended.
/// Templates call this for every link they write, so it walks both paths
/// once and allocates only the result.
pub(crate) fn relative(from: &str, to: &str) -> String {
    let (to_path, fragment) = to.split_at(to.find('#').unwrap_or(to.len()));
    let mut from_parts = folder_of(from).split('/').filter(|s| !s.is_empty());
    // What is left of `to_path` after the segments the two share (`None`
    // once all of its segments are shared), and the folders to climb.
    let mut rest = Some(to_path);
    let mut ups = 0;
    for part in from_parts.by_ref() {
        let Some(left) = rest else {
            ups += 1;
            continue;
        };
        let (segment, after) = match left.split_once('/') {
            Some((segment, after)) => (segment, Some(after)),
            None => (left, None),
        };
        if segment != part {
            ups += 1;
            break;
        }
        rest = after;
    }
    ups += from_parts.count();
    let rest = rest.unwrap_or("");
    let mut out = String::with_capacity(3 * ups + rest.len() + "index.html".len() + fragment.len());
    for _ in 0..ups {
        out.push_str("../");
    }
    out.push_str(rest);
    if to_path.is_empty() || to_path.ends_with('/') {
        out.push_str("index.html");
    }
    out.push_str(fragment);
    out
}

/// The prefix that leads from `from` back to the site root: `"../../"` for `"a/b/"`.
pub(crate) fn root_prefix(from: &str) -> String {
    "../".repeat(folder_of(from).matches('/').count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_mail_and_phone_links_are_published() {
        for good in [
            "https://e.org/",
            "HTTP://e.org",
            "mailto:a@e.org",
            "tel:+441234",
        ] {
            assert_eq!(link_problem(good), None, "{good}");
        }
        for (bad, problem) in [
            (
                "javascript:alert(1)",
                "is a `javascript:` link, which is not allowed",
            ),
            (
                " JavaScript:x",
                "is a `javascript:` link, which is not allowed",
            ),
            (
                "data:text/html,x",
                "is a `data:` link, which is not allowed",
            ),
            ("www.e.org", "is not a full web address"),
            ("https://", "is not a full web address"),
            ("mailto:", "is not a full web address"),
        ] {
            assert_eq!(link_problem(bad).as_deref(), Some(problem), "{bad}");
        }
    }

    #[test]
    fn names_are_one_whatever_the_keyboard() {
        assert_eq!(slugify("cafe\u{301}"), slugify("caf\u{e9}"));
        assert_eq!(slugify("cafe\u{301}"), "caf\u{e9}");
        assert_eq!(content_name("About.MD"), "About.md");
        assert_eq!(content_name("a/b.Md"), "a/b.md");
        assert_eq!(content_name("notes.mdx"), "notes.mdx");
        assert_eq!(nfc("cafe\u{301}"), "caf\u{e9}");
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Health and Wellbeing"), "health-and-wellbeing");
        assert_eq!(slugify("about"), "about");
        assert_eq!(slugify("Report 2015.pdf"), "report-2015.pdf");
        assert_eq!(slugify("a--b"), "a-b");
    }

    #[test]
    fn relative_links() {
        assert_eq!(relative("", "about/"), "about/index.html");
        assert_eq!(relative("about/", ""), "../index.html");
        assert_eq!(relative("a/b/", "a/c/"), "../c/index.html");
        assert_eq!(relative("a/b/", "a/b/"), "index.html");
        assert_eq!(relative("a/b/", "a/b/x.pdf"), "x.pdf");
        assert_eq!(relative("a/b/", "css/site.css"), "../../css/site.css");
        assert_eq!(relative("news/atom.xml", "news/x/"), "x/index.html");
        assert_eq!(relative("a/", "a/b/#role"), "b/index.html#role");
        assert_eq!(relative("404.html", "about/"), "about/index.html");
    }

    /// The first, plainer implementation of [`relative`], as the reference.
    fn relative_by_parts(from: &str, to: &str) -> String {
        let from_dir = folder_of(from);
        let (to_path, fragment) = match to.find('#') {
            Some(i) => (&to[..i], &to[i..]),
            None => (to, ""),
        };
        let from_parts: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
        let to_parts: Vec<&str> = to_path.split('/').collect();
        let common = from_parts
            .iter()
            .zip(&to_parts)
            .take_while(|(a, b)| a == b)
            .count();
        let mut out = "../".repeat(from_parts.len() - common);
        out.push_str(&to_parts[common..].join("/"));
        if to_path.is_empty() || to_path.ends_with('/') {
            out.push_str("index.html");
        }
        out.push_str(fragment);
        out
    }

    #[test]
    fn relative_links_agree_with_the_reference_on_every_small_path() {
        let mut paths = vec![String::new(), "/a/".into(), "a//b/".into(), "/".into()];
        let segments = ["a", "b", "x.xml"];
        let mut level = vec![String::new()];
        for _ in 0..3 {
            level = level
                .iter()
                .flat_map(|p| segments.iter().map(move |s| format!("{p}{s}/")))
                .collect();
            for p in &level {
                paths.push(p.clone());
                paths.push(p.trim_end_matches('/').to_owned());
            }
        }
        for from in &paths {
            for to in &paths {
                for to in [to.clone(), format!("{to}#part")] {
                    assert_eq!(
                        relative(from, &to),
                        relative_by_parts(from, &to),
                        "from {from:?} to {to:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn root_prefixes() {
        assert_eq!(root_prefix(""), "");
        assert_eq!(root_prefix("a/b/"), "../../");
        assert_eq!(root_prefix("404.html"), "");
    }
}
