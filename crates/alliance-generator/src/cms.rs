//! The browser editor (Decap CMS): its page, `admin/index.html`, and its
//! configuration, `admin/config.yml`, made from the site's content model.
//!
//! Every collection, field and widget comes from the definitions the build
//! reads: the page kinds and their keys ([`PageKind`], [`COMMON`]), the fixed
//! lists of the model (`Sector`, `GroupKind`...) and the pages the site has
//! (which kinds it uses, in which folders, as page folders or files). The dev
//! server makes it on every request, so it never drifts from the site.
//!
//! Over 600 lines with its unit tests (about 240 of them): one collection
//! per page kind, each made from the same field table.

use std::collections::{BTreeMap, BTreeSet};

use crate::load::kind::{COMMON, Key, List, PageKind, Value};
use crate::load::site::{Origin, Page, Site};
use crate::model::{
    AttendanceMode, Attended, Choice, GroupKind, MeetingStatus, PaperKind, SeatCategory, Sector,
};
use crate::util::escape::escape;

/// Where the editor page loads Decap CMS from unless `[cms] script` says otherwise.
pub(crate) const DEFAULT_SCRIPT: &str = "https://unpkg.com/decap-cms@3.16.3/dist/decap-cms.js";

/// The Subresource Integrity hash of [`DEFAULT_SCRIPT`] (the npm package's
/// `dist/decap-cms.js`), so a changed copy on the CDN is refused.
pub(crate) const DEFAULT_SCRIPT_INTEGRITY: &str =
    "sha384-A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p";

/// The editor's files in the output: `admin/index.html` and `admin/config.yml`.
pub(crate) const FILES: [&str; 2] = ["admin/index.html", "admin/config.yml"];

/// Where the editor is served: by the dev server (its own address, e.g.
/// `http://127.0.0.1:1111`, answering the local-backend API), or by the live
/// site, editing through the git host of `[cms]`.
#[derive(Debug, Clone, Copy)]
pub enum Backend<'a> {
    /// The dev server at this origin.
    Local(&'a str),
    /// The git host of `[cms]`.
    Git,
}

/// The editor's page: loads Decap CMS, which reads `config.yml` beside it.
///
/// Decap reads `config.yml` once, when the page opens. Where the ids of a
/// kind are a `select` made from the pages there are (some are rows of
/// `organisations.csv`, see [`unlisted`]), the dev server's page opens itself
/// again once a page of that kind is saved and the preview has rebuilt, so the
/// lists name the new one (the live site's `config.yml` changes only when the site is built).
pub fn index_html(site: &Site, backend: Backend<'_>) -> String {
    let cms = site.config.cms.as_ref();
    let script = match cms.and_then(|c| c.script.as_deref()) {
        Some(url) => format!(r#"<script src="{}"></script>"#, escape(url)),
        None => format!(
            r#"<script src="{DEFAULT_SCRIPT}" integrity="{DEFAULT_SCRIPT_INTEGRITY}" crossorigin="anonymous"></script>"#
        ),
    };
    let unlisted = match backend {
        Backend::Local(_) => unlisted(site),
        Backend::Git => BTreeSet::new(),
    };
    let kinds: Vec<String> = unlisted
        .iter()
        .map(|k| serde_json::Value::from(k.name()).to_string())
        .collect();
    let reopen = if kinds.is_empty() {
        String::new()
    } else {
        format!(
            r#"
<script>
// Once the preview has rebuilt (config.yml names the page) and the form is at
// the page's own address, open the editor again: its lists are then made anew.
if (window.CMS) CMS.registerEventListener({{ name: "postSave", handler: ({{ entry }}) => {{
  if (![{}].includes(entry.getIn(["data", "kind"]))) return;
  const name = JSON.stringify(entry.getIn(["data", "title"]));
  const until = Date.now() + 20000;
  const wait = () => fetch("config.yml", {{ cache: "no-store" }}).then(r => r.text()).then(yml => {{
    const done = yml.includes(`label: ${{name}}`) && !location.hash.endsWith("/new");
    if (done || Date.now() > until) location.reload(); else setTimeout(wait, 250);
  }}, () => setTimeout(wait, 250));
  setTimeout(wait, 250);
}} }});
</script>"#,
            kinds.join(", ")
        )
    };
    format!(
        r#"<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Editor – {title}</title>
<link href="config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<noscript><p>The editor needs JavaScript. Without it, edit the files in the site's <code>content/</code> folder.</p></noscript>
{script}{reopen}
</body>
</html>
"#,
        lang = escape(&site.config.language),
        title = escape(&site.config.title),
    )
}

/// The editor's `config.yml` for `site`, editing through `backend`.
pub fn config_yml(site: &Site, backend: Backend<'_>) -> String {
    let cms = site.config.cms.clone().unwrap_or_default();
    let mut git = vec![(
        "name",
        Yaml::str(cms.backend.as_deref().unwrap_or("git-gateway")),
    )];
    if let Some(repo) = &cms.repo {
        git.push(("repo", Yaml::str(repo)));
    }
    git.push(("branch", Yaml::str(&cms.branch)));
    let mut top = vec![("backend", Yaml::Map(git))];
    let site_url = match backend {
        Backend::Local(origin) => {
            let host = origin
                .split("://")
                .nth(1)
                .unwrap_or(origin)
                .rsplit_once(':')
                .map_or(origin, |(host, _)| host)
                .trim_matches(['[', ']']);
            top.push((
                "local_backend",
                Yaml::Map(vec![
                    ("url", Yaml::str(&format!("{origin}/api/v1"))),
                    ("allowed_hosts", Yaml::List(vec![Yaml::str(host)])),
                ]),
            ));
            origin.to_owned()
        }
        Backend::Git => site.config.base_url.clone(),
    };
    top.extend([
        ("site_url", Yaml::str(&site_url)),
        ("display_url", Yaml::str(&site_url)),
        ("publish_mode", Yaml::str("simple")),
        ("media_folder", Yaml::str("static/uploads")),
        ("public_folder", Yaml::str("/uploads")),
        (
            "slug",
            Yaml::Map(vec![
                ("encoding", Yaml::str("ascii")),
                ("clean_accents", Yaml::Bool(true)),
            ]),
        ),
        ("collections", Yaml::List(Collections::new(site).all())),
    ]);
    let mut out = String::from(
        "# Made by Alliance from the site's content model: edit config.toml and the content, not this file.\n",
    );
    Yaml::Map(top).write(0, &mut out);
    out
}

/// A folder of `content/` and what it holds.
#[derive(Debug, Default)]
struct Folder<'a> {
    /// Pages of each kind (plain pages under `None`), sections left out.
    pages: BTreeMap<Option<PageKind>, Vec<&'a Page>>,
    /// Whether most of its pages are page folders (`name/index.md`).
    bundles: usize,
}

/// The site's pages sorted into the editor's collections.
struct Collections<'a> {
    site: &'a Site,
    /// Folders of `content/` (`""`, `meetings`...) with their pages.
    folders: BTreeMap<String, Folder<'a>>,
    /// Each kind's main folder: where most of its pages are.
    main: BTreeMap<PageKind, String>,
}

impl<'a> Collections<'a> {
    fn new(site: &'a Site) -> Collections<'a> {
        let mut folders: BTreeMap<String, Folder<'a>> = BTreeMap::new();
        for page in site.pages.iter().filter(|p| editable(p) && !p.is_section) {
            let (folder, bundle) = folder_of(&page.content_path);
            let entry = folders.entry(folder.to_owned()).or_default();
            entry.pages.entry(page.kind()).or_default().push(page);
            entry.bundles += usize::from(bundle);
        }
        let mut main = BTreeMap::new();
        for kind in PageKind::ALL {
            let most = folders
                .iter()
                .filter_map(|(name, f)| Some((f.pages.get(&Some(kind))?.len(), name)))
                .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(a.1)));
            if let Some((_, name)) = most {
                main.insert(kind, name.clone());
            }
        }
        Collections {
            site,
            folders,
            main,
        }
    }

    /// The collection name of `kind`'s pages in `folder`.
    fn name(&self, kind: PageKind, folder: &str) -> String {
        if self.main.get(&kind).is_some_and(|m| m == folder) {
            kind.name().to_owned()
        } else {
            format!("{kind}-{}", folder.replace('/', "-"))
        }
    }

    /// Every collection: the typed pages by kind and folder, the plain pages
    /// by folder, then the sections' own pages.
    fn all(&self) -> Vec<Yaml> {
        let mut typed = Vec::new();
        for kind in PageKind::ALL {
            for (name, folder) in &self.folders {
                if folder.pages.contains_key(&Some(kind)) {
                    typed.push(self.typed(kind, name, folder));
                }
            }
        }
        let plain = self
            .folders
            .iter()
            .filter_map(|(name, folder)| Some(self.plain(name, folder, folder.pages.get(&None)?)));
        typed
            .into_iter()
            .chain(plain)
            .chain(self.sections())
            .collect()
    }

    /// A folder collection of `kind`'s pages in `folder`: new pages get the kind.
    fn typed(&self, kind: PageKind, name: &str, folder: &Folder<'_>) -> Yaml {
        let total: usize = folder.pages.values().map(Vec::len).sum();
        let bundles = folder.bundles * 2 > total;
        let mut label = plural(kind).to_owned();
        if self.main.get(&kind).is_none_or(|m| m != name) {
            label = format!("{label} in {}", self.folder_title(name));
        }
        let mut entries = vec![
            ("name", Yaml::str(&self.name(kind, name))),
            ("label", Yaml::str(&label)),
            ("label_singular", Yaml::str(&capitalise(kind.name()))),
            ("folder", Yaml::str(&content_folder(name))),
            ("create", Yaml::Bool(true)),
            ("extension", Yaml::str("md")),
            ("format", Yaml::str("toml-frontmatter")),
            ("frontmatter_delimiter", Yaml::str("+++")),
            (
                "filter",
                Yaml::Map(vec![
                    ("field", Yaml::str("kind")),
                    ("value", Yaml::str(kind.name())),
                ]),
            ),
        ];
        if bundles {
            entries.push(("path", Yaml::str("{{slug}}/index")));
        }
        // Files (papers, documents) go beside the page, named as written.
        entries.push(("media_folder", Yaml::str("")));
        entries.push(("public_folder", Yaml::str("")));
        entries.push(("fields", Yaml::List(self.fields(Some(kind)))));
        Yaml::Map(entries)
    }

    /// The plain pages of a folder: a folder collection if nothing else is
    /// there (new pages can be made), or a list of the files otherwise.
    fn plain(&self, name: &str, folder: &Folder<'_>, pages: &[&Page]) -> Yaml {
        let label = format!("Pages in {}", self.folder_title(name));
        let collection =
            format!("pages-{}", if name.is_empty() { "home" } else { name }).replace('/', "-");
        let mut entries = vec![
            ("name", Yaml::str(&collection)),
            ("label", Yaml::str(&label)),
        ];
        if folder.pages.len() == 1 {
            entries.extend([
                ("folder", Yaml::str(&content_folder(name))),
                ("create", Yaml::Bool(true)),
                ("extension", Yaml::str("md")),
                ("format", Yaml::str("toml-frontmatter")),
                ("frontmatter_delimiter", Yaml::str("+++")),
            ]);
            if folder.bundles * 2 > pages.len() {
                entries.push(("path", Yaml::str("{{slug}}/index")));
            }
            entries.push(("fields", Yaml::List(self.fields(None))));
        } else {
            entries.push(("files", Yaml::List(self.files(pages))));
        }
        Yaml::Map(entries)
    }

    /// The sections' own pages (`_index.md`), the home page first.
    fn sections(&self) -> Option<Yaml> {
        let pages: Vec<&Page> = self
            .site
            .pages
            .iter()
            .filter(|p| p.is_section && editable(p))
            .collect();
        (!pages.is_empty()).then(|| {
            Yaml::Map(vec![
                ("name", Yaml::str("sections")),
                ("label", Yaml::str("Sections")),
                ("files", Yaml::List(self.files(&pages))),
            ])
        })
    }

    /// A file collection's entries, one per page.
    fn files(&self, pages: &[&Page]) -> Vec<Yaml> {
        pages
            .iter()
            .map(|page| {
                let name = page.content_path.trim_end_matches(".md").replace('/', "-");
                Yaml::Map(vec![
                    ("name", Yaml::str(&name)),
                    ("label", Yaml::str(&page.front.title)),
                    ("file", Yaml::str(&format!("content/{}", page.content_path))),
                    ("format", Yaml::str("toml-frontmatter")),
                    ("frontmatter_delimiter", Yaml::str("+++")),
                    ("fields", Yaml::List(self.fields(page.kind()))),
                ])
            })
            .collect()
    }

    /// The fields of a page of `kind`: the title, the kind's own keys, the
    /// other common keys, then the body.
    fn fields(&self, kind: Option<PageKind>) -> Vec<Yaml> {
        let own = kind.map_or(&[][..], PageKind::keys);
        let (title, common) = COMMON.split_at(1);
        title
            .iter()
            .chain(own)
            .chain(common)
            .filter_map(|key| self.field(key, kind))
            .chain([Yaml::Map(vec![
                ("name", Yaml::str("body")),
                ("label", Yaml::str("Text")),
                ("widget", Yaml::str("markdown")),
                ("required", Yaml::Bool(false)),
            ])])
            .collect()
    }

    /// The field asking for `key` of a page of `kind`, if the editor asks for it.
    fn field(&self, key: &Key, kind: Option<PageKind>) -> Option<Yaml> {
        let mut field = vec![
            ("name", Yaml::str(key.name)),
            ("label", Yaml::str(&capitalise(key.name))),
        ];
        let mut widget = |name: &str, options: Vec<(&'static str, Yaml)>| {
            field.push(("widget", Yaml::str(name)));
            field.extend(options);
        };
        match key.value {
            Value::Free => return None,
            Value::Kind => {
                let kind = kind?;
                widget("hidden", vec![("default", Yaml::str(kind.name()))]);
            }
            Value::Text => widget("string", vec![]),
            Value::Paragraph => widget("text", vec![]),
            Value::Lines => widget(
                "list",
                vec![(
                    "field",
                    Yaml::Map(vec![
                        ("name", Yaml::str("line")),
                        ("label", Yaml::str(&capitalise(key.name))),
                        ("widget", Yaml::str("string")),
                    ]),
                )],
            ),
            Value::Date => widget(
                "datetime",
                vec![
                    ("format", Yaml::str("YYYY-MM-DD")),
                    ("date_format", Yaml::str("DD/MM/YYYY")),
                    ("time_format", Yaml::Bool(false)),
                    ("picker_utc", Yaml::Bool(true)),
                ],
            ),
            Value::DateTime => widget(
                "datetime",
                vec![
                    ("format", Yaml::str("YYYY-MM-DDTHH:mm:ss")),
                    ("date_format", Yaml::str("DD/MM/YYYY")),
                    ("time_format", Yaml::str("HH:mm")),
                ],
            ),
            Value::Number => widget("number", vec![("value_type", Yaml::str("float"))]),
            Value::Whole => widget("number", vec![("value_type", Yaml::str("int"))]),
            Value::Flag => widget("boolean", vec![("default", Yaml::Bool(false))]),
            Value::Choice(list) => widget("select", vec![("options", options(list))]),
            Value::Id(target) => {
                let (name, options) = self.reference(target);
                widget(name, options);
            }
            Value::File => widget("file", vec![("choose_url", Yaml::Bool(false))]),
            Value::Table => widget(
                "object",
                vec![("fields", Yaml::List(self.entries(key.entries)))],
            ),
            // An explicit empty default: else the editor starts the list with
            // one entry made of its fields' defaults (a `false` flag), whose
            // required fields then stop the page from being saved.
            Value::Tables => widget(
                "list",
                vec![
                    ("fields", Yaml::List(self.entries(key.entries))),
                    ("default", Yaml::List(Vec::new())),
                ],
            ),
        }
        let required = key.required.is_some() || kind.is_some_and(|k| k.requires(key.name));
        field.push(("required", Yaml::Bool(required)));
        Some(Yaml::Map(field))
    }

    /// The fields of a table's entries.
    fn entries(&self, keys: &[Key]) -> Vec<Yaml> {
        keys.iter().filter_map(|k| self.field(k, None)).collect()
    }

    /// The widget for an id of a `target` page: a relation to the kind's
    /// collection, or, when some of those pages are not files the editor can
    /// list (rows of `organisations.csv`), a list of the ids there are now.
    fn reference(&self, target: PageKind) -> (&'static str, Vec<(&'static str, Yaml)>) {
        let pages = || {
            self.site
                .pages
                .iter()
                .filter(move |p| p.kind() == Some(target))
        };
        match self.main.get(&target) {
            Some(folder) if !unlisted(self.site).contains(&target) => (
                "relation",
                vec![
                    ("collection", Yaml::str(&self.name(target, folder))),
                    ("value_field", Yaml::str("{{slug}}")),
                    ("search_fields", Yaml::List(vec![Yaml::str("title")])),
                    ("display_fields", Yaml::List(vec![Yaml::str("title")])),
                ],
            ),
            _ => {
                let mut ids: Vec<(&str, &str)> = pages()
                    .map(|p| (p.front.title.as_str(), p.id.as_str()))
                    .collect();
                ids.sort();
                let options = ids
                    .into_iter()
                    .map(|(title, id)| {
                        Yaml::Map(vec![("label", Yaml::str(title)), ("value", Yaml::str(id))])
                    })
                    .collect();
                ("select", vec![("options", Yaml::List(options))])
            }
        }
    }

    /// The title of the section a folder is, or the folder's name.
    fn folder_title(&self, folder: &str) -> String {
        let index = if folder.is_empty() {
            "_index.md".to_owned()
        } else {
            format!("{folder}/_index.md")
        };
        self.site
            .page_by_content_path(&index)
            .map_or_else(|| folder.to_owned(), |p| p.front.title.clone())
    }
}

/// The kinds some of whose pages the editor cannot list (rows of
/// `organisations.csv`). A `relation` lists the entries of one collection
/// (a folder, or one file of a file collection) in a format Decap reads, and
/// Decap reads no CSV: the ids of these kinds are a `select` instead.
fn unlisted(site: &Site) -> BTreeSet<PageKind> {
    site.pages
        .iter()
        .filter(|p| !editable(p))
        .filter_map(Page::kind)
        .collect()
}

/// Whether the editor can open `page`: a Markdown file, not a spreadsheet row.
fn editable(page: &Page) -> bool {
    matches!(page.origin, Origin::Markdown)
}

/// The folder of `content/` a page is an entry of, and whether it is a page
/// folder: `meetings/x/index.md` → (`meetings`, true), `groups/a.md` → (`groups`, false).
fn folder_of(content_path: &str) -> (&str, bool) {
    let dir = content_path.rsplit_once('/').map_or("", |(d, _)| d);
    if content_path.ends_with("/index.md") || content_path == "index.md" {
        (dir.rsplit_once('/').map_or("", |(d, _)| d), true)
    } else {
        (dir, false)
    }
}

/// `content/` joined with a folder of it.
fn content_folder(folder: &str) -> String {
    if folder.is_empty() {
        "content".to_owned()
    } else {
        format!("content/{folder}")
    }
}

/// The editor's name for a collection of pages of `kind`.
fn plural(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Organisation => "Organisations",
        PageKind::Group => "Groups",
        PageKind::Meeting => "Meetings",
        PageKind::Document => "Documents",
        PageKind::News => "News",
        PageKind::Strategy => "Strategy",
        PageKind::Structure => "Structure pages",
    }
}

/// A key as a label: `reports_to` → `Reports to`.
fn capitalise(name: &str) -> String {
    let text = name.replace(['_', '-'], " ");
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// A fixed list's values as the select widget's options, labelled as readers see them.
fn options(list: List) -> Yaml {
    fn of<T: Choice>(label: fn(T) -> &'static str) -> Yaml {
        Yaml::List(
            T::ALL
                .iter()
                .map(|&(value, v)| {
                    Yaml::Map(vec![
                        ("label", Yaml::str(label(v))),
                        ("value", Yaml::str(value)),
                    ])
                })
                .collect(),
        )
    }
    match list {
        List::Sector => of(Sector::label),
        List::GroupKind => of(GroupKind::label),
        List::MeetingStatus => of(MeetingStatus::label),
        List::PaperKind => of(PaperKind::label),
        List::AttendanceMode => of(AttendanceMode::label),
        List::Attended => of(Attended::label),
        List::SeatCategory => of(SeatCategory::label),
    }
}

/// A YAML value, written in block style with its keys in order.
#[derive(Debug, Clone)]
enum Yaml {
    /// Text, written as a double-quoted scalar.
    Str(String),
    /// `true` or `false`.
    Bool(bool),
    /// A sequence.
    List(Vec<Yaml>),
    /// A mapping, keys as given.
    Map(Vec<(&'static str, Yaml)>),
}

impl Yaml {
    fn str(text: &str) -> Yaml {
        Yaml::Str(text.to_owned())
    }

    /// The value inline, if it is a scalar or empty.
    fn inline(&self) -> Option<String> {
        match self {
            // A JSON string is a valid YAML double-quoted scalar.
            Yaml::Str(s) => Some(serde_json::Value::from(s.as_str()).to_string()),
            Yaml::Bool(b) => Some(b.to_string()),
            Yaml::List(items) if items.is_empty() => Some("[]".to_owned()),
            Yaml::Map(entries) if entries.is_empty() => Some("{}".to_owned()),
            _ => None,
        }
    }

    /// Writes a block collection at `indent` spaces.
    fn write(&self, indent: usize, out: &mut String) {
        let pad = " ".repeat(indent);
        match self {
            Yaml::Map(entries) => {
                for (key, value) in entries {
                    match value.inline() {
                        Some(text) => out.push_str(&format!("{pad}{key}: {text}\n")),
                        None => {
                            out.push_str(&format!("{pad}{key}:\n"));
                            let inner = if matches!(value, Yaml::List(_)) { 0 } else { 2 };
                            value.write(indent + inner, out);
                        }
                    }
                }
            }
            Yaml::List(items) => {
                for item in items {
                    match item.inline() {
                        Some(text) => out.push_str(&format!("{pad}- {text}\n")),
                        None => {
                            let mut block = String::new();
                            item.write(indent + 2, &mut block);
                            out.push_str(&pad);
                            out.push_str("- ");
                            out.push_str(&block[indent + 2..]);
                        }
                    }
                }
            }
            scalar => {
                out.push_str(&pad);
                out.push_str(&scalar.inline().unwrap_or_default());
                out.push('\n');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use serde_norway::Value as Y;

    use super::*;
    use crate::model::Choice;

    /// The repository's example site and every fixture site.
    fn sites() -> Vec<PathBuf> {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let fixtures = std::fs::read_dir(repo.join("tests/fixtures")).unwrap();
        let mut sites: Vec<PathBuf> = fixtures
            .map(|e| e.unwrap().path())
            .filter(|p| p.join("config.toml").exists())
            .chain([repo.clone()])
            .collect();
        sites.sort();
        sites
    }

    fn names(fields: &Y) -> Vec<&str> {
        let list = fields.as_sequence().unwrap();
        list.iter().map(|f| f["name"].as_str().unwrap()).collect()
    }

    /// The values a select field offers, in order.
    fn option_values(field: &Y) -> Vec<&str> {
        let options = field["options"].as_sequence().unwrap();
        options
            .iter()
            .map(|o| o["value"].as_str().unwrap())
            .collect()
    }

    /// Checks a collection's fields against the keys of `kind`, recursively.
    fn check_fields(fields: &Y, keys: &[Key], kind: Option<PageKind>, at: &str) {
        for key in keys.iter().filter(|k| !matches!(k.value, Value::Free)) {
            let field = fields
                .as_sequence()
                .unwrap()
                .iter()
                .find(|f| f["name"].as_str() == Some(key.name))
                .unwrap_or_else(|| panic!("{at}: no field `{}`", key.name));
            let required = key.required.is_some() || kind.is_some_and(|k| k.requires(key.name));
            assert_eq!(
                field["required"].as_bool(),
                Some(required),
                "{at}.{}",
                key.name
            );
            let widget = field["widget"].as_str().unwrap();
            match key.value {
                Value::Choice(list) => {
                    assert_eq!(widget, "select", "{at}.{}", key.name);
                    let values = option_values(field);
                    let want: Vec<&str> = match list {
                        List::Sector => Sector::ALL.iter().map(|(v, _)| *v).collect(),
                        List::GroupKind => GroupKind::ALL.iter().map(|(v, _)| *v).collect(),
                        List::MeetingStatus => MeetingStatus::ALL.iter().map(|(v, _)| *v).collect(),
                        List::PaperKind => PaperKind::ALL.iter().map(|(v, _)| *v).collect(),
                        List::AttendanceMode => {
                            AttendanceMode::ALL.iter().map(|(v, _)| *v).collect()
                        }
                        List::Attended => Attended::ALL.iter().map(|(v, _)| *v).collect(),
                        List::SeatCategory => SeatCategory::ALL.iter().map(|(v, _)| *v).collect(),
                    };
                    assert_eq!(values, want, "{at}.{}", key.name);
                }
                Value::Id(_) => assert!(
                    widget == "relation" || widget == "select",
                    "{at}.{}: {widget}",
                    key.name
                ),
                Value::DateTime | Value::Date => assert_eq!(widget, "datetime"),
                Value::File => assert_eq!(widget, "file"),
                Value::Tables => {
                    assert_eq!(widget, "list");
                    check_fields(&field["fields"], key.entries, None, key.name);
                }
                Value::Table => {
                    assert_eq!(widget, "object");
                    check_fields(&field["fields"], key.entries, None, key.name);
                }
                Value::Kind => assert_eq!(field["default"].as_str(), kind.map(PageKind::name)),
                _ => {}
            }
        }
    }

    #[test]
    fn config_yml_is_yaml_matching_the_content_model_of_every_site() {
        for root in sites() {
            let (content, _) = crate::pipeline::prepare(&root, None).unwrap();
            let site = &content.site;
            let text = config_yml(site, Backend::Local("http://127.0.0.1:1111"));
            let yaml: Y = serde_norway::from_str(&text)
                .unwrap_or_else(|e| panic!("{}: {e}\n{text}", root.display()));
            assert_eq!(
                yaml["local_backend"]["url"].as_str(),
                Some("http://127.0.0.1:1111/api/v1")
            );
            let collections = yaml["collections"].as_sequence().unwrap();
            let mut seen = Vec::new();
            for page in site.pages.iter().filter(|p| editable(p)) {
                let file = format!("content/{}", page.content_path);
                let (folder, _) = folder_of(&page.content_path);
                let collection = collections.iter().find(|c| {
                    let in_folder = c["folder"].as_str() == Some(&content_folder(folder))
                        && !page.is_section
                        && match page.kind() {
                            Some(kind) => c["filter"]["value"].as_str() == Some(kind.name()),
                            None => c["filter"].is_null(),
                        };
                    let listed = c["files"]
                        .as_sequence()
                        .is_some_and(|f| f.iter().any(|f| f["file"].as_str() == Some(&file)));
                    in_folder || listed
                });
                let collection =
                    collection.unwrap_or_else(|| panic!("{file}: in no collection\n{text}"));
                let fields = match collection["files"].as_sequence() {
                    Some(files) => &files
                        .iter()
                        .find(|f| f["file"].as_str() == Some(&file))
                        .unwrap()["fields"],
                    None => {
                        assert_eq!(collection["format"].as_str(), Some("toml-frontmatter"));
                        assert_eq!(collection["frontmatter_delimiter"].as_str(), Some("+++"));
                        &collection["fields"]
                    }
                };
                let own = page.kind().map_or(&[][..], PageKind::keys);
                check_fields(fields, own, page.kind(), &file);
                let common: Vec<Key> = COMMON
                    .iter()
                    .filter(|k| page.kind().is_some() || k.value != Value::Kind)
                    .copied()
                    .collect();
                check_fields(fields, &common, page.kind(), &file);
                assert_eq!(names(fields).last(), Some(&"body"));
                seen.extend(page.kind());
            }
            // Relations point at collections that exist.
            for relation in text
                .lines()
                .filter(|l| l.trim_start().starts_with("collection:"))
            {
                let name = relation.split('"').nth(1).unwrap();
                assert!(
                    collections.iter().any(|c| c["name"].as_str() == Some(name)),
                    "{}: relation to {name}",
                    root.display()
                );
            }
            assert!(!seen.is_empty() || site.pages.len() < 3);
        }
    }

    /// Every field asking for an organisation's id, at any depth.
    fn org_fields<'y>(value: &'y Y, out: &mut Vec<&'y Y>) {
        match value {
            Y::Mapping(map) => {
                if value["name"].as_str() == Some("org") {
                    out.push(value);
                }
                map.values().for_each(|v| org_fields(v, out));
            }
            Y::Sequence(items) => items.iter().for_each(|v| org_fields(v, out)),
            _ => {}
        }
    }

    #[test]
    fn organisations_are_a_relation_unless_some_are_spreadsheet_rows() {
        let mut seen = (0, 0);
        for root in sites() {
            let (content, _) = crate::pipeline::prepare(&root, None).unwrap();
            let site = &content.site;
            let orgs: Vec<&Page> = site
                .pages
                .iter()
                .filter(|p| p.kind() == Some(PageKind::Organisation))
                .collect();
            if !orgs.iter().any(|p| editable(p)) {
                continue;
            }
            let yaml: Y = serde_norway::from_str(&config_yml(site, Backend::Git)).unwrap();
            let mut fields = Vec::new();
            org_fields(&yaml["collections"], &mut fields);
            assert!(!fields.is_empty(), "{}", root.display());
            let html = index_html(site, Backend::Local("http://127.0.0.1:1111"));
            assert!(!index_html(site, Backend::Git).contains("registerEventListener"));
            let rows = orgs.iter().any(|p| !editable(p));
            for field in fields {
                if rows {
                    let values: BTreeSet<&str> = option_values(field).into_iter().collect();
                    let ids: BTreeSet<&str> = orgs.iter().map(|p| p.id.as_str()).collect();
                    assert_eq!(field["widget"].as_str(), Some("select"));
                    assert_eq!(values, ids, "{}", root.display());
                } else {
                    assert_eq!(field["widget"].as_str(), Some("relation"));
                    assert_eq!(field["collection"].as_str(), Some("organisation"));
                }
            }
            // The page reopens after an organisation is saved only where a
            // select would otherwise miss it.
            let reopens = html.contains(
                r#"if (!["organisation"].includes(entry.getIn(["data", "kind"]))) return;"#,
            );
            assert_eq!(reopens, rows, "{}", root.display());
            if rows { seen.0 += 1 } else { seen.1 += 1 }
        }
        assert!(seen.0 > 0 && seen.1 > 0, "{seen:?}");
    }

    #[test]
    fn the_live_sites_editor_uses_the_git_host_and_no_local_backend() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/partnership");
        let (mut content, _) = crate::pipeline::prepare(&root, None).unwrap();
        content.site.config.cms = Some(crate::config::Cms {
            backend: Some("github".into()),
            repo: Some("riverside/site".into()),
            ..Default::default()
        });
        let yaml: Y = serde_norway::from_str(&config_yml(&content.site, Backend::Git)).unwrap();
        assert_eq!(yaml["backend"]["name"].as_str(), Some("github"));
        assert_eq!(yaml["backend"]["repo"].as_str(), Some("riverside/site"));
        assert_eq!(yaml["backend"]["branch"].as_str(), Some("main"));
        assert!(yaml["local_backend"].is_null());
        assert_eq!(
            yaml["site_url"].as_str(),
            Some("https://www.riverside-partnership.example.org")
        );
        let html = index_html(&content.site, Backend::Git);
        assert!(html.contains(DEFAULT_SCRIPT_INTEGRITY));
    }
}
