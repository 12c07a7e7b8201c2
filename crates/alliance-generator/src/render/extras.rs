//! Files derived from the whole site: sitemap, robots.txt, Atom feeds, alias redirects.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::content::Content;
use crate::date::SiteDate;
use crate::load::site::{Site, Summary};
use crate::util::collate;
use crate::util::escape::escape;
use crate::util::url::relative;

/// Where the A to Z index of pages is served (unless a content page is there).
pub(crate) const A_TO_Z: &str = "a-z/";

/// Pages under one letter of the A to Z.
#[derive(serde::Serialize)]
pub(crate) struct Letter<'a> {
    /// "A", or "0–9" for titles starting with a digit or a sign.
    pub(crate) letter: String,
    /// The letter as an anchor: "a", "other".
    pub(crate) id: String,
    /// The pages, by title.
    pub(crate) pages: Vec<Summary<'a>>,
}

impl<'a> Letter<'a> {
    /// The letter's pages by their first two letters in `lang` ("Ba", "Be";
    /// in Welsh "Lla", "Chw"), for a letter longer than `most` pages: the
    /// titles whose first letter is followed by no letter first, under the
    /// letter alone, then the others in the language's order; a part longer
    /// than `most` is cut in runs of `most` ("Pa 1", "Pa 2"). Pages keep the
    /// letter's order.
    pub(crate) fn split(&self, lang: &str, most: usize) -> Vec<Letter<'a>> {
        let mut parts: BTreeMap<Option<Vec<u32>>, Letter<'a>> = BTreeMap::new();
        let initial: String = self.letter.chars().take(1).collect();
        let rest = self.letter.chars().skip(1).flat_map(char::to_lowercase);
        let letter: String = initial.chars().chain(rest).collect();
        for summary in &self.pages {
            let second = collate::second_letter(summary.title, lang);
            let key = second.as_deref().map(|s| collate::collate(s, lang));
            parts
                .entry(key)
                .or_insert_with(|| {
                    let second = second.unwrap_or_default();
                    Letter {
                        letter: format!("{letter}{second}"),
                        id: format!("{}{second}", self.id),
                        pages: Vec::new(),
                    }
                })
                .pages
                .push(summary.clone());
        }
        let most = most.max(1);
        parts
            .into_values()
            .flat_map(|part| {
                if part.pages.len() <= most {
                    return vec![part];
                }
                part.pages
                    .chunks(most)
                    .enumerate()
                    .map(|(n, run)| Letter {
                        letter: format!("{} {}", part.letter, n + 1),
                        id: format!("{}-{}", part.id, n + 1),
                        pages: run.to_vec(),
                    })
                    .collect()
            })
            .collect()
    }
}

/// The A to Z index in the language `lang`: every page but the home page,
/// and the pages the build makes itself (`generated`), by title in that
/// language's alphabetical order, under its first letter (in Welsh "LL" and
/// "CH" are letters); titles starting with no letter of the alphabet come
/// last, under "0–9".
pub(crate) fn a_to_z<'a>(site: &'a Site, generated: &[Summary<'a>], lang: &str) -> Vec<Letter<'a>> {
    const OTHER: &str = "0–9";
    let letter_of =
        |title: &str| collate::letter_of(title, lang).unwrap_or_else(|| OTHER.to_owned());
    let mut entries: Vec<(String, Vec<u32>, Summary<'a>)> = (0..site.pages.len())
        .filter(|&i| i != site.home && site.published(i))
        .map(|i| site.summary(i))
        .chain(generated.iter().cloned())
        .map(|summary| {
            (
                letter_of(summary.title),
                collate::collate(summary.title, lang),
                summary,
            )
        })
        .collect();
    entries.sort_by_cached_key(|(letter, key, summary)| {
        (
            letter == OTHER,
            collate::collate(letter, lang),
            key.clone(),
            summary.path,
        )
    });
    let mut letters: Vec<Letter<'_>> = Vec::new();
    for (letter, _, summary) in entries {
        match letters.last_mut() {
            Some(last) if last.letter == letter => last.pages.push(summary),
            _ => letters.push(Letter {
                id: if letter == OTHER {
                    "other".to_owned()
                } else {
                    letter.to_lowercase()
                },
                letter,
                pages: vec![summary],
            }),
        }
    }
    letters
}

/// The versions of a page in the sitemap: each language's code and address.
pub(crate) type Versions<'a> = Vec<(&'a str, String)>;

/// `sitemap.xml`: every page's absolute URL, with its last change where known;
/// `generated` adds pages with no content file (path, last change), at the
/// same path under each language's prefix; `lists` adds the further pages of
/// long lists, each with its own versions (a translated section has its own
/// address and may have fewer pages). A site in several languages lists each
/// version of a page, each with `xhtml:link` alternates naming every version.
///
/// Returns the files, path and text: `sitemap.xml` alone, or, past
/// `per_file` addresses (the protocol allows [`SITEMAP_URLS`] a file),
/// `sitemap.xml` as an index of `sitemap-1.xml`, `sitemap-2.xml`... each
/// listing `per_file` addresses at most, in order.
pub(crate) fn sitemaps(
    site: &Site,
    generated: &[(String, Option<SiteDate>)],
    lists: &[Versions<'_>],
    per_file: usize,
) -> Vec<(String, String)> {
    let languages = &site.languages.list;
    // Each address with its last change and the versions it is one of.
    let mut entries: BTreeMap<String, (Option<SiteDate>, Versions<'_>)> = BTreeMap::new();
    for (path, &id) in &site.by_path {
        let front = &site.pages[id].front;
        let date = front.updated.or(front.reviewed).or(front.date);
        let versions: Versions<'_> = site
            .languages
            .versions(id)
            .map(|(l, p)| (l.code.as_str(), p.to_owned()))
            .collect();
        if versions.is_empty() {
            entries.insert(path.clone(), (date, versions));
            continue;
        }
        for (_, version) in &versions {
            entries.insert(version.clone(), (date, versions.clone()));
        }
    }
    for (path, date) in generated {
        let versions: Versions<'_> = languages
            .iter()
            .map(|l| (l.code.as_str(), format!("{}{path}", l.prefix)))
            .collect();
        for (_, version) in versions.iter().filter(|_| !languages.is_empty()) {
            entries
                .entry(version.clone())
                .or_insert_with(|| (*date, versions.clone()));
        }
        entries.entry(path.clone()).or_insert((*date, Vec::new()));
    }
    for versions in lists {
        for (_, version) in versions {
            entries.insert(version.clone(), (None, versions.clone()));
        }
    }
    let mut urls = Vec::with_capacity(entries.len());
    for (path, (date, versions)) in entries {
        let mut out = String::new();
        let _ = write!(
            out,
            "  <url>\n    <loc>{}</loc>\n",
            escape(&site.config.absolute_url(&path))
        );
        if let Some(date) = date {
            let _ = writeln!(out, "    <lastmod>{}</lastmod>", date.iso_date());
        }
        for (code, version) in versions.iter().filter(|_| versions.len() > 1) {
            let _ = writeln!(
                out,
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                escape(code),
                escape(&site.config.absolute_url(version))
            );
        }
        out.push_str("  </url>\n");
        urls.push(out);
    }
    let urlset = |urls: &[String]| {
        let mut out = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"",
        );
        if !languages.is_empty() {
            out.push_str(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\"");
        }
        out.push_str(">\n");
        out.extend(urls.iter().map(String::as_str));
        out.push_str("</urlset>\n");
        out
    };
    if urls.len() <= per_file {
        return vec![("sitemap.xml".to_owned(), urlset(&urls))];
    }
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let parts: Vec<(String, String)> = urls
        .chunks(per_file.max(1))
        .enumerate()
        .map(|(i, chunk)| (format!("sitemap-{}.xml", i + 1), urlset(chunk)))
        .collect();
    for (name, _) in &parts {
        let _ = writeln!(
            index,
            "  <sitemap>\n    <loc>{}</loc>\n  </sitemap>",
            escape(&site.config.absolute_url(name))
        );
    }
    index.push_str("</sitemapindex>\n");
    std::iter::once(("sitemap.xml".to_owned(), index))
        .chain(parts)
        .collect()
}

/// The most addresses one sitemap file may list (sitemaps.org's protocol).
pub(crate) const SITEMAP_URLS: usize = 50_000;

/// `robots.txt`: everything may be crawled; here is the sitemap.
pub(crate) fn robots(site: &Site) -> String {
    let base = site.config.base_path();
    let note = if base == "/" {
        String::new()
    } else {
        format!(
            "# This site is served under {base}, but crawlers read robots.txt only at the\n# root of the host: copy these lines into the host's own /robots.txt.\n"
        )
    };
    format!(
        "{note}User-agent: *\nAllow: {base}\nSitemap: {}\n",
        site.config.absolute_url("sitemap.xml")
    )
}

/// An Atom feed (RFC 4287) of a section's dated pages, newest first.
pub(crate) fn atom_feed(content: &Content, section: usize, feed_path: &str) -> String {
    let site = &content.site;
    let page = &site.pages[section];
    let config = &site.config;
    let entries: Vec<usize> = content
        .model
        .listed(site, section)
        .iter()
        .copied()
        .filter(|&c| site.pages[c].date().is_some())
        .collect();
    let updated = entries
        .iter()
        .filter_map(|&c| site.pages[c].front.updated.or(site.pages[c].date()))
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), |d| d.rfc3339());
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"",
    );
    let _ = writeln!(out, " xml:lang=\"{}\">", escape(&config.language));
    let _ = writeln!(
        out,
        "  <title>{} – {}</title>",
        escape(&config.title),
        escape(&page.front.title)
    );
    let _ = writeln!(
        out,
        "  <id>{}</id>",
        escape(&config.absolute_url(&page.path))
    );
    let _ = writeln!(
        out,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        escape(&config.absolute_url(feed_path))
    );
    let _ = writeln!(
        out,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        escape(&config.absolute_url(&page.path))
    );
    let _ = writeln!(out, "  <updated>{updated}</updated>");
    let _ = writeln!(
        out,
        "  <author><name>{}</name></author>",
        escape(&config.partnership.name)
    );
    let _ = writeln!(out, "  <generator>Alliance</generator>");
    for &c in &entries {
        let entry = &site.pages[c];
        let url = config.absolute_url(&entry.path);
        let published = entry.date().map(|d| d.rfc3339()).unwrap_or_default();
        let updated = entry
            .front
            .updated
            .map_or_else(|| published.clone(), |d| d.rfc3339());
        out.push_str("  <entry>\n");
        let _ = writeln!(out, "    <title>{}</title>", escape(&entry.front.title));
        let _ = writeln!(out, "    <id>{}</id>", escape(&url));
        let _ = writeln!(
            out,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
            escape(&url)
        );
        let _ = writeln!(out, "    <published>{published}</published>");
        let _ = writeln!(out, "    <updated>{updated}</updated>");
        if let Some(d) = &entry.front.description {
            let _ = writeln!(out, "    <summary>{}</summary>", escape(d));
        }
        let html = absolutise(&content.body(c).html, &entry.path, config);
        let _ = writeln!(
            out,
            "    <content type=\"html\">{}</content>",
            escape(&html)
        );
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// Feed readers have no page to resolve relative links against: make them absolute.
fn absolutise(html: &str, page_path: &str, config: &crate::config::Config) -> String {
    const ATTRIBUTES: [&str; 3] = [" href=\"", " src=\"", " srcset=\""];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // The earliest attribute holding a URL, whichever comes first.
    while let Some((i, attr)) = ATTRIBUTES
        .iter()
        .filter_map(|a| rest.find(a).map(|i| (i, *a)))
        .min()
    {
        let value_start = i + attr.len();
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        let end = rest.find('"').unwrap_or(rest.len());
        let value = &rest[..end];
        if attr == " srcset=\"" {
            // `a.png 1x, b.png 2x`: each candidate's URL, its descriptor kept.
            let candidates: Vec<String> = value
                .split(',')
                .map(|candidate| {
                    let candidate = candidate.trim();
                    let (url, descriptor) = candidate
                        .split_once(char::is_whitespace)
                        .unwrap_or((candidate, ""));
                    let url = absolute_link(config, page_path, url);
                    if descriptor.is_empty() {
                        url
                    } else {
                        format!("{url} {}", descriptor.trim())
                    }
                })
                .collect();
            out.push_str(&candidates.join(", "));
        } else {
            out.push_str(&absolute_link(config, page_path, value));
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `link` as written on the page at `page_path`, made absolute unless it
/// already is, or is an anchor, an email, a phone number or inline data.
fn absolute_link(config: &crate::config::Config, page_path: &str, link: &str) -> String {
    if link.contains("://")
        || link.starts_with('#')
        || ["mailto:", "tel:", "data:"]
            .iter()
            .any(|scheme| link.starts_with(scheme))
    {
        link.to_owned()
    } else {
        resolve_relative(config, page_path, link)
    }
}

fn resolve_relative(config: &crate::config::Config, page_path: &str, link: &str) -> String {
    let mut parts: Vec<&str> = page_path.split('/').filter(|s| !s.is_empty()).collect();
    for segment in link.split('/') {
        match segment {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    let mut joined = parts.join("/");
    if link.ends_with('/') {
        joined.push('/');
    }
    config.absolute_url(&joined)
}

/// A small page at an old URL that sends readers on to the new one.
pub(crate) fn alias_page(site: &Site, alias_path: &str, target: &str, title: &str) -> String {
    let href = escape(&relative(alias_path, target));
    let canonical = escape(&site.config.absolute_url(target));
    let title = escape(title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<title>Moved: {title}</title>\n<link rel=\"canonical\" href=\"{canonical}\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n</head>\n<body>\n<main>\n<h1>This page has moved</h1>\n<p><a href=\"{href}\">Go to {title}</a></p>\n</main>\n</body>\n</html>\n",
        lang = escape(&site.config.language),
    )
}

/// The redirects file Netlify and Cloudflare Pages read from the output's root.
pub(crate) const NETLIFY_REDIRECTS: &str = "_redirects";

/// The redirects as an nginx `map` (see the README: `include` it in a `map` block).
pub(crate) const NGINX_REDIRECTS: &str = "redirects.nginx.map";

/// Each alias and the page it moved to, as `_redirects` lines: `/old/ /new/ 301`,
/// under the site's path on its host (`base`, from `base_url`).
pub(crate) fn netlify_redirects(base: &str, redirects: &[(String, &str)]) -> String {
    let mut out = String::from(
        "# Old addresses of pages (their `aliases`), for Netlify and Cloudflare Pages.\n",
    );
    for (from, to) in redirects {
        let _ = writeln!(out, "{base}{from} {base}{to} 301");
    }
    out
}

/// Each alias and the page it moved to, as an nginx `map` body:
/// `/old/ /new/;`, under the site's path on its host (`base`).
pub(crate) fn nginx_redirects(base: &str, redirects: &[(String, &str)]) -> String {
    let mut out = String::from(
        "# Old addresses of pages (their `aliases`): inside `map $uri $alliance_redirect { ... }`.\n",
    );
    for (from, to) in redirects {
        let _ = writeln!(out, "{base}{from} {base}{to};");
    }
    out
}

/// Turns an alias as written (`/old/page`, `old/page/`) into a site path (`old/page/`).
pub(crate) fn alias_path(alias: &str) -> String {
    let trimmed = alias.trim().trim_start_matches('/');
    if trimmed.ends_with(".html") || trimmed.ends_with('/') || trimmed.is_empty() {
        trimmed.to_owned()
    } else {
        format!("{trimmed}/")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_paths() {
        assert_eq!(alias_path("/old/page"), "old/page/");
        assert_eq!(alias_path("old.html"), "old.html");
    }

    #[test]
    fn feeds_make_every_url_absolute_whichever_comes_first() {
        let config = crate::config::Config::parse(
            "title = \"T\"\nbase_url = \"https://e.org/p/\"\n",
            std::path::Path::new("config.toml"),
        )
        .unwrap();
        let html = r#"<img src="a.png" srcset="a.png 1x, ../b.png 2x" alt=""> <a href="../x/index.html">x</a> <img src="data:image/gif;base64,R0" alt=""> <a href="https://o.org/">o</a>"#;
        assert_eq!(
            absolutise(html, "/news/one/", &config),
            r#"<img src="https://e.org/p/news/one/a.png" srcset="https://e.org/p/news/one/a.png 1x, https://e.org/p/news/b.png 2x" alt=""> <a href="https://e.org/p/news/x/index.html">x</a> <img src="data:image/gif;base64,R0" alt=""> <a href="https://o.org/">o</a>"#
        );
    }

    #[test]
    fn a_sitemap_past_its_limit_is_an_index_of_files_each_within_it() {
        use crate::check::authoring::tests::{content, page_with};
        let pages = (0..5)
            .map(|i| {
                let mut page = page_with("title = \"T\"\n", "Body.\n");
                page.path = format!("p{i}/");
                page.content_path = format!("p{i}.md");
                page
            })
            .collect();
        let site = content("", pages, jiff::civil::date(2026, 12, 1)).site;
        let locs = |text: &str| -> Vec<String> {
            text.split("<loc>")
                .skip(1)
                .map(|rest| rest.split("</loc>").next().unwrap_or_default().to_owned())
                .collect()
        };
        let whole = sitemaps(&site, &[], &[], 5);
        assert_eq!(whole.len(), 1);
        assert_eq!(whole[0].0, "sitemap.xml");
        assert!(whole[0].1.contains("<urlset"));
        let every = locs(&whole[0].1);
        assert_eq!(every.len(), 5);

        let split = sitemaps(&site, &[], &[], 2);
        let names: Vec<&str> = split.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap.xml",
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml"
            ]
        );
        let index = &split[0].1;
        assert!(index.contains("<sitemapindex"), "{index}");
        assert!(!index.contains("<urlset"), "{index}");
        assert_eq!(
            locs(index),
            [
                "https://e.org/sitemap-1.xml",
                "https://e.org/sitemap-2.xml",
                "https://e.org/sitemap-3.xml"
            ]
        );
        let mut listed = Vec::new();
        for (_, text) in &split[1..] {
            assert!(text.starts_with("<?xml") && text.contains("<urlset"));
            let here = locs(text);
            assert!(!here.is_empty() && here.len() <= 2, "{text}");
            listed.extend(here);
        }
        assert_eq!(listed, every, "every address once, in order");
    }
}
