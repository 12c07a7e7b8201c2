//! Markdown to HTML, by comrak with GitHub's extensions.
//!
//! Besides the HTML this yields what the rest of the build needs to know about
//! a page's body: its headings (for ids, anchors and the table of contents),
//! its `@/` internal links with their places (checked later), and the facts
//! the authoring checks read (images, headings, links and tables as written).
//!
//! Over 600 lines with its unit tests (about 130 of them): the comrak
//! passes share one parse and its node helpers; the authoring facts are apart
//! in [`facts`].

pub(crate) mod facts;

use std::fmt::{self, Write as _};
use std::sync::Mutex;

use crate::markdown::facts::Facts;
use comrak::adapters::{HeadingAdapter, HeadingMeta};
use comrak::nodes::{AlertType, NodeValue, Sourcepos};
use comrak::options::Plugins;
use comrak::{Anchorizer, Arena, Options};
use rayon::prelude::*;
use serde::Serialize;

use crate::load::site::{PageId, Site};
use crate::util::url::relative;

/// One entry of a page's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct TocEntry {
    /// Heading level, 1–6.
    pub(crate) level: u8,
    /// The heading's id, GitHub style: "Its role" → `its-role`.
    pub(crate) id: String,
    /// The heading's text.
    pub(crate) title: String,
    /// Headings nested under this one.
    pub(crate) children: Vec<TocEntry>,
}

/// A link to another page of the site found in a page body: `@/path.md#anchor`,
/// a relative `path.md`, or an address (`/groups/board/`, `../members/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InternalLink {
    /// The page it names.
    pub(crate) target: Target,
    /// The heading id after `#`, if any.
    pub(crate) anchor: Option<String>,
    /// Line within the body (1-based).
    pub(crate) line: usize,
    /// Column within that line (1-based).
    pub(crate) col: usize,
}

/// How a link names its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// By its file under `content/` (`about/_index.md`): `@/` and `.md` links.
    Content(String),
    /// By its address, as a site path (`groups/board/`), as it was written (`/groups/board`).
    Address {
        /// The site path it resolves to.
        path: String,
        /// The link as written, for messages.
        written: String,
    },
}

/// A rendered page body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML.
    pub(crate) html: String,
    /// The table of contents, nested.
    pub(crate) toc: Vec<TocEntry>,
    /// The `@/` links.
    pub links: Vec<InternalLink>,
    /// The number of words, for reading time and summaries.
    pub(crate) word_count: usize,
    /// What the authoring checks read: images, headings, links and tables as written.
    pub(crate) facts: Facts,
}

/// How to render: the page's own path and how to find other pages.
pub(crate) struct Context<'a> {
    /// The path of the page being rendered, e.g. `about/`.
    pub(crate) page_path: &'a str,
    /// The folder of its file under `content/` (`about/` for `content/about/team.md`):
    /// relative `.md` links are read from there.
    pub(crate) content_folder: &'a str,
    /// Maps a content path (`about/index.md`) to a site path (`about/`).
    pub(crate) resolve: &'a (dyn Fn(&str) -> Option<String> + Sync),
    /// The site's base URL: links to it are made relative.
    pub(crate) base_url: &'a str,
    /// Let raw HTML through instead of escaping it.
    pub(crate) unsafe_html: bool,
}

/// The title that marks an image as decorative: `![](border.png "decorative")`.
/// Its empty alt text is then intended, and the title is not rendered.
pub(crate) const DECORATIVE: &str = "decorative";

/// Whether an image title is the [`DECORATIVE`] marker (any case, spaces around allowed).
pub(crate) fn is_decorative(title: &str) -> bool {
    title.trim().eq_ignore_ascii_case(DECORATIVE)
}

/// The comrak options every parse of `markdown`, a page body, uses, so that
/// places agree. Columns come in bytes; [`facts::Columns`] counts them in
/// characters, as diagnostics show them, for the few places reported.
/// Footnotes are parsed only in a body that may have one (`[^`): comrak's two
/// whole-tree walks for them are a third of the parse of a long body without.
pub(crate) fn options(markdown: &str, unsafe_html: bool) -> Options<'static> {
    let mut options = Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.tasklist = true;
    options.extension.footnotes = markdown.contains("[^");
    options.render.r#unsafe = unsafe_html;
    options.render.escape = !unsafe_html;
    options.render.tasklist_classes = true;
    // `> [!NOTE]` and `:::details Summary` become GOV.UK's patterns (see `Patterns`).
    options.extension.alerts = true;
    options.extension.block_directive = true;
    options
}

/// The info string that opens a details block: `:::details What it covers`.
const DETAILS: &str = "details";

comrak::create_formatter!(Patterns, {
    // GOV.UK's inset text (`[!NOTE]`, `[!TIP]`) and warning text (the others),
    // instead of GitHub's alert boxes; a custom title is kept, in bold.
    NodeValue::Alert(ref alert) => |context, entering| {
        let warning = !matches!(alert.alert_type, AlertType::Note | AlertType::Tip);
        if entering {
            context.cr()?;
            if warning {
                context.write_str("<div class=\"warning-text\">\n<span class=\"warning-text__icon\" aria-hidden=\"true\">!</span>\n<div class=\"warning-text__text\"><span class=\"visually-hidden\">Warning</span>\n")?;
            } else {
                context.write_str("<div class=\"inset-text\">\n")?;
            }
            if let Some(title) = &alert.title {
                context.write_str("<p><strong>")?;
                context.escape(title)?;
                context.write_str("</strong></p>\n")?;
            }
        } else {
            context.cr()?;
            context.write_str(if warning { "</div>\n</div>\n" } else { "</div>\n" })?;
        }
    },
    // `:::details Summary` … `:::`: GOV.UK's details component; other
    // directives keep comrak's `<div class="info">`.
    NodeValue::BlockDirective(ref directive) => |context, node, entering| {
        let info = directive.info.trim();
        match info.strip_prefix(DETAILS).filter(|rest| rest.is_empty() || rest.starts_with(' ')) {
            Some(summary) => {
                context.cr()?;
                if entering {
                    let summary = summary.trim();
                    context.write_str("<details class=\"details\">\n<summary class=\"details__summary\">")?;
                    context.escape(if summary.is_empty() { "More detail" } else { summary })?;
                    context.write_str("</summary>\n<div class=\"details__text\">\n")?;
                } else {
                    context.write_str("</div>\n</details>\n")?;
                }
            }
            None => return comrak::html::format_node_default(context, node, entering),
        }
    },
});

/// Renders Markdown to HTML and collects headings and links.
pub(crate) fn render(markdown: &str, cx: &Context<'_>) -> Rendered {
    let options = options(markdown, cx.unsafe_html);
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, markdown, &options);
    // Read before links are rewritten: the checks want them as written.
    let columns = facts::Columns::new(markdown);
    let facts = facts::read_tree(root, &columns, cx.unsafe_html);
    let mut anchorizer = Anchorizer::new();
    let mut flat = Vec::new();
    let mut links = Vec::new();
    let mut word_count = 0;
    for node in root.descendants() {
        let mut data = node.data_mut();
        let Sourcepos { start, .. } = data.sourcepos;
        match &mut data.value {
            NodeValue::Heading(heading) => {
                let level = heading.level;
                drop(data);
                let title = node.collect_text();
                let id = anchorizer.anchorize(&title);
                flat.push((level, id, title));
            }
            NodeValue::Link(link) => {
                let (target, anchor, to) = match internal_target(&link.url, cx) {
                    Some(Found::Page { target, anchor, to }) => (target, anchor, to),
                    Some(Found::File(url)) => {
                        link.url = url;
                        continue;
                    }
                    None => continue,
                };
                link.url = match to {
                    Some(path) => {
                        let to = match &anchor {
                            Some(a) => format!("{path}#{a}"),
                            None => path,
                        };
                        relative(cx.page_path, &to)
                    }
                    None => "#".to_owned(),
                };
                let place = columns.place(start);
                links.push(InternalLink {
                    target,
                    anchor,
                    line: place.line,
                    col: place.col,
                });
            }
            NodeValue::Image(image) => {
                if is_decorative(&image.title) {
                    image.title.clear();
                }
                if let Some(local) = site_local(&image.url, cx.base_url) {
                    image.url = relative(cx.page_path, &local);
                }
            }
            NodeValue::Text(text) => word_count += text.split_whitespace().count(),
            _ => {}
        }
    }
    let anchors: Vec<String> = flat.iter().map(|(_, id, _)| id.clone()).collect();
    let adapter = HeadingIds {
        ids: Mutex::new(anchors.into_iter()),
    };
    let mut plugins = Plugins::default();
    plugins.render.heading_adapter = Some(&adapter);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    // Writing into a String cannot fail.
    let _ = Patterns::format_document_with_plugins(root, &options, &mut html, &plugins);
    Rendered {
        html: accessible_tables(html),
        toc: nest(flat),
        links,
        word_count,
        facts,
    }
}

/// What a link in a body is, when it is one of the site's own.
enum Found {
    /// A page: its target, its anchor, and the site path to link to (none
    /// when a `.md` file is not a page: the check stage reports it).
    Page {
        target: Target,
        anchor: Option<String>,
        to: Option<String>,
    },
    /// A file of the site written from its root: the relative link to it.
    File(String),
}

/// What a link in a body names, if it is one of the site's own. Links to
/// files (`report.pdf`) keep the address they were written with, made
/// relative when written from the site's root.
fn internal_target(url: &str, cx: &Context<'_>) -> Option<Found> {
    if url.contains('?') {
        return None;
    }
    let (path, anchor) = match url.split_once('#') {
        Some((p, a)) => (p, Some(a.to_owned())),
        None => (url, None),
    };
    if let Some(rest) = path.strip_prefix("@/") {
        // Named as the site names content files: NFC, `.md` in any case.
        let rest = crate::util::url::content_name(&crate::util::url::nfc(rest));
        let to = (cx.resolve)(&rest);
        let target = Target::Content(rest);
        return Some(Found::Page { target, anchor, to });
    }
    let local = site_local(path, cx.base_url);
    if local.is_none() && !is_relative(path) {
        return None;
    }
    if path.is_empty() {
        // `#anchor` alone: a heading of this page.
        return None;
    }
    let is_md = path.len() > 3 && path[path.len() - 3..].eq_ignore_ascii_case(".md");
    if is_md {
        let content = match &local {
            Some(root) => normalise("", root),
            None => normalise(cx.content_folder, path),
        }
        .map(|c| crate::util::url::content_name(&crate::util::url::nfc(&c)))?;
        let to = (cx.resolve)(&content);
        let target = Target::Content(content);
        return Some(Found::Page { target, anchor, to });
    }
    let site_path = match &local {
        Some(root) => normalise("", root),
        None => normalise(cx.page_path, path),
    }?;
    let last = site_path.rsplit('/').next().unwrap_or("");
    let page_like = site_path.is_empty()
        || last.is_empty()
        || !last.contains('.')
        || last.eq_ignore_ascii_case("index.html");
    if !page_like {
        return local
            .map(|root| Found::File(relative(cx.page_path, &format!("{root}{}", fragment(url)))));
    }
    let page = match site_path.strip_suffix("index.html") {
        Some(folder) => folder.to_owned(),
        None if last.is_empty() || site_path.is_empty() => site_path,
        None => format!("{site_path}/"),
    };
    let target = Target::Address {
        path: page.clone(),
        written: path.to_owned(),
    };
    Some(Found::Page {
        target,
        anchor,
        to: Some(page),
    })
}

/// The `#fragment` of a URL, with its `#`, or nothing.
fn fragment(url: &str) -> &str {
    url.find('#').map_or("", |i| &url[i..])
}

/// Whether a link is relative to the page (no scheme, not `//host`, not `/...`).
fn is_relative(url: &str) -> bool {
    if url.starts_with('/') || url.starts_with('#') {
        return false;
    }
    let scheme_end = url.find(':');
    let first_slash = url.find('/').unwrap_or(url.len());
    scheme_end.is_none_or(|i| i > first_slash) && !url.starts_with('?')
}

/// `rel` joined to the folder `base` (a site or content path ending in `/`, or
/// a file path whose folder is taken), with `.` and `..` resolved; none if it
/// climbs above the root.
fn normalise(base: &str, rel: &str) -> Option<String> {
    let folder = match base.rfind('/') {
        Some(i) => &base[..=i],
        None => "",
    };
    let mut parts: Vec<&str> = folder.split('/').filter(|s| !s.is_empty()).collect();
    let trailing = rel.ends_with('/')
        || rel.ends_with("/.")
        || rel.ends_with("/..")
        || rel == "."
        || rel == "..";
    for segment in rel.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if trailing && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// A root-relative (`/about/`) or own-site absolute link, as a site path.
fn site_local(url: &str, base_url: &str) -> Option<String> {
    if let Some(rest) = url.strip_prefix(base_url).filter(|_| !base_url.is_empty()) {
        if rest.is_empty() || rest.starts_with('/') {
            return Some(rest.trim_start_matches('/').to_owned());
        }
        return None;
    }
    if url.starts_with('/') && !url.starts_with("//") {
        return Some(url.trim_start_matches('/').to_owned());
    }
    None
}

/// Writes `<hN id="...">` with the ids computed while walking the tree.
struct HeadingIds {
    ids: Mutex<std::vec::IntoIter<String>>,
}

impl HeadingAdapter for HeadingIds {
    fn enter(
        &self,
        output: &mut dyn fmt::Write,
        heading: &HeadingMeta,
        _sourcepos: Option<Sourcepos>,
    ) -> fmt::Result {
        let id = self
            .ids
            .lock()
            .ok()
            .and_then(|mut ids| ids.next())
            .unwrap_or_default();
        write!(output, "<h{} id=\"{}\">", heading.level, id)
    }

    fn exit(&self, output: &mut dyn fmt::Write, heading: &HeadingMeta) -> fmt::Result {
        write!(output, "</h{}>", heading.level)
    }
}

/// Header cells get `scope="col"`; each table sits in a labelled region that
/// scrolls on its own, so a wide table never makes the page scroll sideways.
/// One pass over the HTML; a body without tables is returned as it is.
fn accessible_tables(html: String) -> String {
    if !html.contains("<table>") {
        return html;
    }
    const CELLS: [(&str, &str); 3] = [
        ("</table>", "</table></div>"),
        ("<th>", "<th scope=\"col\">"),
        ("<th align=", "<th scope=\"col\" align="),
    ];
    let mut out = String::with_capacity(html.len() + 256);
    let mut n = 0;
    let mut rest = html.as_str();
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if let Some(after) = rest.strip_prefix("<table>") {
            n += 1;
            out.push_str(&format!(
                "<div class=\"table-scroll\" role=\"region\" aria-label=\"Table {n}\" tabindex=\"0\"><table>"
            ));
            rest = after;
        } else if let Some((from, to)) = CELLS.iter().find(|(from, _)| rest.starts_with(from)) {
            out.push_str(to);
            rest = &rest[from.len()..];
        } else {
            out.push('<');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Nests a flat list of headings by level.
fn nest(flat: Vec<(u8, String, String)>) -> Vec<TocEntry> {
    let mut roots: Vec<TocEntry> = Vec::new();
    for (level, id, title) in flat {
        let entry = TocEntry {
            level,
            id,
            title,
            children: Vec::new(),
        };
        let mut siblings = &mut roots;
        while siblings.last().is_some_and(|last| last.level < level) {
            siblings = &mut siblings.last_mut().expect("checked non-empty").children;
        }
        siblings.push(entry);
    }
    roots
}

/// The Markdown stage: renders the bodies of some pages of a site (every page
/// for a build, the changed ones for the dev server), in parallel, in the
/// order of `ids`. `@/` links are resolved through the site's own index (no
/// copy of it is made), so one page costs the same on a site of any size.
pub(crate) fn render_pages(site: &Site, ids: &[PageId]) -> Vec<Rendered> {
    let resolve = |target: &str| {
        site.page_by_content_path(target)
            .map(|page| page.path.clone())
    };
    ids.par_iter()
        .map(|&id| {
            let page = &site.pages[id];
            let content_folder = match page.content_path.rfind('/') {
                Some(i) => &page.content_path[..=i],
                None => "",
            };
            let cx = Context {
                page_path: &page.path,
                content_folder,
                resolve: &resolve,
                base_url: &site.config.base_url,
                unsafe_html: site.config.markdown.unsafe_html,
            };
            render(page.body(), &cx)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(path: &str) -> Option<String> {
        (path == "about/index.md").then(|| "about/".to_owned())
    }

    fn md(text: &str) -> Rendered {
        render(
            text,
            &Context {
                page_path: "news/item/",
                content_folder: "news/",
                resolve: &resolve,
                base_url: "https://e.org",
                unsafe_html: false,
            },
        )
    }

    #[test]
    fn alerts_become_inset_and_warning_text() {
        let note = md("> [!NOTE]\n> Bring photo ID.\n").html;
        assert_eq!(
            note,
            "<div class=\"inset-text\">\n<p>Bring photo ID.</p>\n</div>\n"
        );
        for kind in ["WARNING", "CAUTION", "IMPORTANT"] {
            let html = md(&format!("> [!{kind}] Deadline\n> Apply by *May*.\n")).html;
            assert_eq!(
                html,
                "<div class=\"warning-text\">\n<span class=\"warning-text__icon\" aria-hidden=\"true\">!</span>\n\
                 <div class=\"warning-text__text\"><span class=\"visually-hidden\">Warning</span>\n\
                 <p><strong>Deadline</strong></p>\n<p>Apply by <em>May</em>.</p>\n</div>\n</div>\n",
                "{kind}"
            );
        }
    }

    #[test]
    fn details_directive_becomes_details() {
        let html = md(":::details Who can <apply>?\nAnyone.\n:::\n\n:::other\nx\n:::\n").html;
        assert_eq!(
            html,
            "<details class=\"details\">\n<summary class=\"details__summary\">Who can &lt;apply&gt;?</summary>\n\
             <div class=\"details__text\">\n<p>Anyone.</p>\n</div>\n</details>\n<div class=\"other\">\n<p>x</p>\n</div>\n"
        );
    }

    #[test]
    fn headings_get_github_ids_and_a_toc() {
        let r = md("## Its role\n\n### Who\n\n## Its role\n");
        assert!(r.html.contains("<h2 id=\"its-role\">Its role</h2>"));
        assert!(r.html.contains("<h2 id=\"its-role-1\">"));
        assert_eq!(r.toc.len(), 2);
        assert_eq!(r.toc[0].children[0].id, "who");
    }

    #[test]
    fn internal_links_become_relative_and_are_recorded() {
        let r = md("See [about](@/about/index.md#its-role) and [x](@/nope.md).\n");
        assert!(r.html.contains("href=\"../../about/index.html#its-role\""));
        assert_eq!(r.links.len(), 2);
        assert_eq!(r.links[0].anchor.as_deref(), Some("its-role"));
        assert_eq!(
            (r.links[1].line, &r.links[1].target),
            (1, &Target::Content("nope.md".into()))
        );
    }

    #[test]
    fn own_site_links_become_relative() {
        let r = md("[a](/contact/) [b](https://e.org/about/) [c](https://other.org/)\n");
        assert!(r.html.contains("href=\"../../contact/index.html\""));
        assert!(r.html.contains("href=\"../../about/index.html\""));
        assert!(r.html.contains("href=\"https://other.org/\""));
    }

    #[test]
    fn raw_html_is_escaped_and_tables_are_accessible() {
        let r = md("<script>x</script>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(r.html.contains("&lt;script&gt;"));
        assert!(r.html.contains("<th scope=\"col\">a</th>"));
        assert!(
            r.html
                .contains("role=\"region\" aria-label=\"Table 1\" tabindex=\"0\"><table>")
        );
    }

    #[test]
    fn every_table_is_wrapped_and_numbered() {
        let r = md("| a | b |\n|:--|---|\n| 1 | 2 |\n\ntext\n\n| c |\n|---|\n| 3 |\n");
        let region = |n: usize| {
            format!(
                "<div class=\"table-scroll\" role=\"region\" aria-label=\"Table {n}\" tabindex=\"0\"><table>"
            )
        };
        assert_eq!(r.html.matches("<table>").count(), 2);
        assert!(r.html.contains(&region(1)) && r.html.contains(&region(2)));
        assert_eq!(r.html.matches("</table></div>").count(), 2);
        assert!(r.html.contains("<th scope=\"col\" align=\"left\">a</th>"));
        assert!(r.html.contains("<th scope=\"col\">b</th>"));
        assert!(r.html.contains("<th scope=\"col\">c</th>"));
        assert!(!r.html.contains("<th>"));
        assert!(r.html.contains("<p>text</p>"));
    }

    #[test]
    fn gfm_extensions() {
        let r = md("~~x~~ www.e.org\n\n- [x] done\n\nA[^1]\n\n[^1]: note\n");
        assert!(r.html.contains("<del>x</del>"));
        assert!(r.html.contains("href=\"http://www.e.org\""));
        assert!(r.html.contains("type=\"checkbox\""));
        assert!(r.html.contains("footnote"));
    }

    #[test]
    fn relative_links_resolve_like_a_browser() {
        assert_eq!(normalise("a/b/", "../c/").as_deref(), Some("a/c/"));
        assert_eq!(normalise("a/b/", "./x.md").as_deref(), Some("a/b/x.md"));
        assert_eq!(normalise("a/", ".."), Some(String::new()));
        assert_eq!(normalise("a/", "../.."), None);
        assert!(is_relative("x.md") && is_relative("../x/") && is_relative("a/b:c"));
        assert!(
            !is_relative("mailto:a@e.org") && !is_relative("https://e.org/") && !is_relative("/x/")
        );
        assert!(!is_relative("#top") && !is_relative("//cdn.example/x"));
    }
}
