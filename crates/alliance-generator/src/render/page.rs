//! Rendering: each page's template context, then its HTML, in parallel.

use rayon::prelude::*;
use serde::Serialize;
use serde_json::json;

use crate::content::Content;
use crate::date::SiteDate;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::kind::PageKind;
use crate::load::site::{PageId, Site, Summary};
use crate::load::translation::Language;
use crate::markdown::TocEntry;
use crate::model::Entity;
use crate::output::Sink;
use crate::render::jsonld::JsonLd;
use crate::render::pagination::{List, Paged, PaginationView, page_count, page_path};
use crate::render::templates::{CURRENT_PATH, LINK_BASE, Templates};
use crate::render::views::{
    DirectoryView, DocumentView, GroupView, MeetingLists, MeetingView, OrganisationPage,
    PublicationView, StrategyView, StructureView, Views,
};
use crate::util::url::{relative, root_prefix};

/// What the build is for; templates see it as `mode`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Mode {
    /// Set when rendering a dated snapshot for an archive.
    pub snapshot: Option<SnapshotInfo>,
}

/// The facts a snapshot's banner shows.
#[derive(Debug, Clone, Serialize)]
pub struct SnapshotInfo {
    /// The capture date.
    pub date: SiteDate,
    /// The archive that acquired it.
    pub organisation: String,
}

/// The `page` a template sees.
#[derive(Serialize)]
struct PageView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    content: &'a str,
    toc: &'a [TocEntry],
    path: &'a str,
    permalink: String,
    source: String,
    kind: Option<&'a str>,
    id: &'a str,
    is_section: bool,
    date: Option<SiteDate>,
    updated: Option<SiteDate>,
    reviewed: Option<SiteDate>,
    owner: Option<&'a str>,
    weight: Option<i64>,
    extra: &'a toml::Table,
    word_count: usize,
    ancestors: Vec<Summary<'a>>,
    pages: Vec<Summary<'a>>,
    subsections: Vec<Summary<'a>>,
    feed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    organisation: Option<OrganisationPage<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<GroupView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meeting: Option<MeetingView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    document: Option<DocumentView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    strategy: Option<StrategyView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    structure: Option<StructureView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    directory: Option<DirectoryView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meetings: Option<MeetingLists<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publications: Option<Vec<PublicationView<'a>>>,
    /// The home page only: the next meeting of the whole site.
    #[serde(skip_serializing_if = "Option::is_none")]
    next_meeting: Option<MeetingView<'a>>,
    /// The home page only: the newest news pages, newest first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    latest_news: Vec<Summary<'a>>,
    /// A section whose list takes more than one page: where this page is among them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pagination: Option<PaginationView>,
}

/// One version of a page in the language switcher and the head's `hreflang` links.
#[derive(Serialize)]
struct Version<'a> {
    /// The language's code, as in config (`cy`, `en-GB`).
    code: &'a str,
    /// The language's name in itself ("Cymraeg").
    name: &'a str,
    /// The version's site path.
    path: String,
    /// The link to it from the page being rendered (written here, not by the
    /// `url` filter, which would take the default language's home page for this language's).
    href: String,
    /// Whether it is the page being rendered.
    current: bool,
}

/// The versions of a page in each language it is published in, for its
/// `translations`; none unless it has more than one.
fn versions<'a>(
    site: &'a Site,
    link: impl Fn(&str) -> String,
    all: impl Iterator<Item = (&'a Language, String)>,
) -> Vec<Version<'a>> {
    let current = site
        .languages
        .list
        .get(site.language)
        .map(|l| l.code.as_str());
    let versions: Vec<Version<'a>> = all
        .map(|(l, path)| Version {
            code: &l.code,
            name: &l.name,
            href: link(&path),
            path,
            current: Some(l.code.as_str()) == current,
        })
        .collect();
    if versions.len() > 1 {
        versions
    } else {
        Vec::new()
    }
}

/// The versions of a generated page (`path` in this site's language): one in every language.
fn generated_versions<'a>(
    site: &'a Site,
    path: &str,
    link: impl Fn(&str) -> String,
) -> Vec<Version<'a>> {
    let base = path.strip_prefix(&site.config.path_prefix).unwrap_or(path);
    let all = site
        .languages
        .list
        .iter()
        .map(|l| (l, format!("{}{base}", l.prefix)));
    versions(site, link, all)
}

/// How many news pages the home page lists.
const LATEST_NEWS: usize = 3;

/// The template a page is rendered with.
pub(crate) fn template_for(
    site: &Site,
    templates: &Templates,
    id: PageId,
) -> Result<String, Diagnostic> {
    let page = &site.pages[id];
    if let Some(name) = &page.front.template {
        if templates.has(name) {
            return Ok(name.clone());
        }
        let known: Vec<&str> = templates.names().filter(|n| !n.contains('/')).collect();
        return Err(page
            .key_error("template", format!("template `{name}` not found"))
            .with_hint(
                crate::diagnostic::suggest(name, known)
                    .replace("expected one of", "the theme's templates are"),
            ));
    }
    if id == site.home {
        return Ok("index.html".into());
    }
    if let Some(kind) = &page.front.kind {
        let name = format!("{kind}.html");
        if templates.has(&name) {
            return Ok(name);
        }
    }
    Ok(if page.is_section {
        "section.html"
    } else {
        "page.html"
    }
    .into())
}

/// The path of a section's Atom feed, if it has one: sections listing news
/// (their own or their sub-sections', [`Model::listed`]), or asking with
/// `extra.feed = true`.
pub(crate) fn feed_path(content: &Content, id: PageId) -> Option<String> {
    let site = &content.site;
    let page = &site.pages[id];
    let asks = page.front.extra.get("feed").and_then(toml::Value::as_bool);
    let has_news = page.is_section
        && content
            .model
            .listed(site, id)
            .iter()
            .any(|&c| site.pages[c].kind() == Some(PageKind::News));
    (page.is_section && asks.unwrap_or(has_news)).then(|| format!("{}atom.xml", page.path))
}

/// Whether a page is rendered: not a typed page whose typed facts have
/// errors (they are reported; there is nothing to show).
pub(crate) fn renders(content: &Content, id: PageId) -> bool {
    content.site.pages[id].front.kind.is_none()
        || content
            .model
            .entities
            .get(id)
            .is_some_and(|e| *e != Entity::None)
}

/// Renders pages into the sink, each at `PATH/index.html`, and the further
/// pages of a section's long list at `PATH/page/N/index.html`. All errors
/// are collected.
pub(crate) fn render_pages(
    content: &Content,
    templates: &Templates,
    sink: &dyn Sink,
    ids: &[PageId],
) -> Diagnostics {
    let site = &content.site;
    let jsonld = &JsonLd::new(content);
    let errors: Vec<Diagnostic> = ids
        .par_iter()
        .filter(|&&id| renders(content, id))
        .flat_map_iter(|&id| {
            let page = &site.pages[id];
            (1..=page_count(content, id)).filter_map(move |number| {
                let path = page_path(&page.path, number);
                match render_page(content, templates, jsonld, id, number) {
                    Ok(html) => sink
                        .write(&format!("{path}index.html"), html.into_bytes())
                        .err()
                        .map(|e| {
                            Diagnostic::error(&page.source, format!("cannot write the page: {e}"))
                        }),
                    Err(d) => Some(d),
                }
            })
        })
        .collect();
    Diagnostics::from(errors)
}

/// Renders page `number` (from 1: a section's long list takes several) of
/// one page to HTML; `jsonld` is the structured data of the build's pages.
pub(crate) fn render_page(
    content: &Content,
    templates: &Templates,
    jsonld: &JsonLd<'_>,
    id: PageId,
    number: usize,
) -> Result<String, Diagnostic> {
    let site = &content.site;
    let page = &site.pages[id];
    let body = content.body(id);
    let template = template_for(site, templates, id)?;
    let mut context = tera::Context::new();
    let summaries = |ids: &[PageId]| ids.iter().map(|&c| site.summary(c)).collect::<Vec<_>>();
    let ancestors = site.ancestors(id);
    let listed = content.model.listed(site, id);
    let path = page_path(&page.path, number);
    let mut view = PageView {
        title: &page.front.title,
        description: page.front.description.as_deref(),
        content: &body.html,
        toc: &body.toc,
        path: &path,
        permalink: site.config.absolute_url(&path),
        source: page.source.to_string_lossy().replace('\\', "/"),
        kind: page.kind().map(PageKind::name),
        id: &page.id,
        is_section: page.is_section,
        date: page.front.date,
        updated: page.front.updated,
        reviewed: page.front.reviewed,
        owner: page.front.owner.as_deref(),
        weight: page.front.weight,
        extra: &page.front.extra,
        word_count: body.word_count,
        ancestors: summaries(&ancestors),
        pages: summaries(&listed),
        subsections: summaries(&page.subsections),
        feed: feed_path(content, id),
        organisation: None,
        group: None,
        meeting: None,
        document: None,
        strategy: None,
        structure: None,
        directory: None,
        meetings: None,
        publications: None,
        next_meeting: None,
        latest_news: Vec::new(),
        pagination: None,
    };
    let views = Views::new(content, templates.words(&site.config.language));
    match content.model.entities.get(id).copied().unwrap_or_default() {
        Entity::Organisation(o) => view.organisation = Some(views.organisation_page(o)),
        Entity::Group(g) => view.group = Some(views.group(g)),
        Entity::Meeting(m) => view.meeting = Some(views.meeting(m)),
        Entity::Document(d) => view.document = Some(views.document(d)),
        Entity::Strategy(s) => view.strategy = Some(views.strategy(s)),
        Entity::Structure => view.structure = Some(views.structure_for(id)),
        Entity::News | Entity::None => {}
    }
    if page.is_section {
        view.directory = views.directory(&page.children);
        view.meetings = views.section_meetings(id);
        view.publications = views.section_publications(id);
        let paged = Paged::from_lists(
            content,
            id,
            view.directory.is_some(),
            view.meetings.as_ref(),
            view.publications.as_deref(),
        );
        if let Some(paged) = paged.filter(|p| p.pages() > 1) {
            let range = paged.range(number);
            if number > 1 {
                // A later page shows the list only.
                view.subsections.clear();
                view.directory = None;
                if paged.list != List::Publications {
                    view.publications = None;
                }
                if paged.list != List::PastMeetings {
                    view.meetings = None;
                }
            }
            match paged.list {
                List::Publications => {
                    if let Some(docs) = &mut view.publications {
                        docs.truncate(range.end);
                        docs.drain(..range.start);
                    }
                }
                List::PastMeetings => {
                    if let Some(meetings) = &mut view.meetings {
                        meetings.keep_past(range);
                    }
                }
                List::Pages => view.pages = summaries(&listed[range]),
            }
            view.pagination = Some(paged.view(&page.path, number));
        }
    }
    if id == site.home {
        view.next_meeting = views.next_meeting();
        let mut news: Vec<PageId> = (0..site.pages.len())
            .filter(|&p| site.pages[p].kind() == Some(PageKind::News) && renders(content, p))
            .collect();
        news.sort_by_key(|&p| (std::cmp::Reverse(site.pages[p].front.date), p));
        view.latest_news = summaries(&news[..news.len().min(LATEST_NEWS)]);
    }
    context.insert("page", &view);
    context.insert("lang", &site.config.language);
    context.insert(
        "translations",
        &versions(
            site,
            |to| relative(&path, to),
            site.languages.versions(id).map(|(l, p)| (l, p.to_owned())),
        ),
    );
    context.insert(CURRENT_PATH, &path);
    context.insert("root", &root_prefix(&path));
    context.insert("json_ld", &jsonld.for_page(id));
    if content.model.partnership_of(site, id).is_some() {
        let label = templates
            .words(&site.config.language)
            .get(super::ALL_PARTNERSHIPS);
        context.insert("menu", &super::menu(content, label, Some(id)));
    }
    templates.render(&template, &context, &page.source)
}

/// Renders a page that has no content file (the accessibility statement, the
/// A to Z...), with its structured data.
pub(crate) fn render_special(
    site: &Site,
    templates: &Templates,
    template: &str,
    path: &str,
    title: &str,
    extra: &impl Serialize,
) -> Result<String, Diagnostic> {
    let mut context = special_context(site, path, title, extra);
    context.insert(
        "json_ld",
        &crate::render::jsonld::generated_page(site, path, title),
    );
    templates.render(template, &context, std::path::Path::new(template))
}

/// Renders the 404 page. A host serves it at any missing address, however
/// deep, so its links and stylesheets are written from the host's root
/// (`base_path`, the path of `base_url`: `/` or `/partnership/`), not
/// relative to where it is.
pub(crate) fn render_not_found(site: &Site, templates: &Templates) -> Result<String, Diagnostic> {
    let base_path = site.config.base_path();
    let path = &site.config.generated.not_found;
    let title = templates.words(&site.config.language).get("not_found");
    let mut context = special_context(site, path, title, &());
    context.insert(
        "json_ld",
        &crate::render::jsonld::generated_page(site, path, title),
    );
    context.insert(
        "translations",
        &generated_versions(site, path, |to| format!("{base_path}{to}")),
    );
    context.insert("root", &base_path);
    context.insert(LINK_BASE, &base_path);
    templates.render("404.html", &context, std::path::Path::new("404.html"))
}

/// The context of a page that has no content file.
fn special_context(site: &Site, path: &str, title: &str, extra: &impl Serialize) -> tera::Context {
    let mut context = tera::Context::new();
    context.insert("lang", &site.config.language);
    context.insert(
        "translations",
        &generated_versions(site, path, |to| relative(path, to)),
    );
    context.insert("page", &json!({ "title": title, "path": path, "ancestors": [], "pages": [], "subsections": [], "extra": {} }));
    context.insert("data", extra);
    context.insert(CURRENT_PATH, path);
    context.insert("root", &root_prefix(path));
    context
}
