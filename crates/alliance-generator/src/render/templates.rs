//! The template engine: tera 2 with the theme's templates and Alliance's filters
//! and functions. Template errors become diagnostics naming the template file and line.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use tera::{Kwargs, State, Tera, Value};

use crate::content::Content;
use crate::diagnostic::{Diagnostic, Diagnostics, Position};
use crate::load::site::Site;
use crate::render::theme::Theme;
use crate::render::views::Views;
use crate::render::words::{Lexicon, Words};
use crate::util::url::relative;

/// Compiled templates, ready to render any page.
pub(crate) struct Templates {
    tera: Tera,
    /// Whether external links get a visible "(external link)" marker (snapshots).
    pub(crate) mark_external_links: bool,
    /// Template name → (file as shown to editors, its text).
    sources: BTreeMap<String, (PathBuf, String)>,
    /// The site-data functions the templates call.
    used: Vec<&'static str>,
    /// The theme's words in every language.
    lexicon: Arc<Lexicon>,
    /// The same templates for each further language, seeing that language's
    /// site (in the order of [`Content::translations`]).
    pub(crate) translations: Vec<Templates>,
}

/// The context key holding the site path of the file being rendered.
pub(crate) const CURRENT_PATH: &str = "current_path";

/// The context key that, when set, makes the `url` filter write links from
/// the host's root (`/partnership/about/`) rather than relative ones: for the
/// 404 page, which a host serves at any missing address.
pub(crate) const LINK_BASE: &str = "link_base";

impl Templates {
    /// Compiles the theme's templates and registers Alliance's filters and
    /// functions; templates see the theme's words as `words` and the site's
    /// default language as `lang` (a page's own context may set another).
    pub(crate) fn new(theme: &Theme, content: &Content) -> Result<Templates, Diagnostics> {
        let mut diagnostics = Diagnostics::new();
        let site = &content.site;
        let lexicon = match Lexicon::load(theme, &site.root, &site.config.language) {
            Ok(lexicon) => Arc::new(lexicon),
            Err(errors) => {
                diagnostics.extend(errors);
                Arc::new(Lexicon::empty(&site.config.language))
            }
        };
        let mut sources = BTreeMap::new();
        for (name, file) in &theme.templates {
            let text = match file.source.read().map(String::from_utf8) {
                Ok(Ok(text)) => text,
                Ok(Err(e)) => {
                    diagnostics.push(crate::diagnostic::not_utf8(
                        &file.display,
                        "this template",
                        "save it as UTF-8: in your editor, Save As › Encoding › UTF-8",
                        &e,
                    ));
                    String::new()
                }
                Err(e) => {
                    diagnostics.push(
                        Diagnostic::error(&file.display, format!("cannot read this template: {e}"))
                            .with_hint("check the file exists and can be read"),
                    );
                    String::new()
                }
            };
            // An unreadable template stays, empty, so those including it do
            // not also report it missing.
            sources.insert(name.clone(), (file.display.clone(), text));
        }
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".htm", ".xml", ".svg"]);
        register_filters(&mut tera, &content.site, &lexicon);
        tera.global_context()
            .insert_value("words", lexicon.to_value());
        tera.global_context()
            .insert("lang", lexicon.default_language());
        let used: Vec<&'static str> = SITE_FUNCTIONS
            .into_iter()
            .filter(|f| sources.values().any(|(_, text)| text.contains(f)))
            .collect();
        register_site_functions(
            &mut tera,
            content,
            &used,
            lexicon.words(&site.config.language),
        );
        if let Err(e) =
            tera.add_raw_templates(sources.iter().map(|(n, (_, t))| (n.as_str(), t.as_str())))
        {
            diagnostics.push(template_error(&e, &sources, None));
        }
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok(Templates {
            tera,
            mark_external_links: false,
            sources,
            used,
            lexicon,
            translations: Vec::new(),
        })
    }

    /// The theme's words in every language.
    pub(crate) fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The words of the language `code` (the default language's if it has none).
    pub(crate) fn words(&self, code: &str) -> &Words {
        self.lexicon.words(code)
    }

    /// Gives the site-data functions (`get_group`...) the site as it is now.
    pub(crate) fn refresh(&mut self, content: &Content) {
        let words = self.lexicon.words(&content.site.config.language);
        register_site_functions(&mut self.tera, content, &self.used, words);
    }

    /// Whether any template calls a site-data function (`get_page`, `get_group`...).
    pub(crate) fn reads_other_pages(&self) -> bool {
        !self.used.is_empty()
    }

    /// The templates `name` is made of: itself and, recursively, what it
    /// extends, includes or imports.
    pub(crate) fn closure(&self, name: &str) -> std::collections::BTreeSet<String> {
        let mut seen = std::collections::BTreeSet::new();
        let mut todo = vec![name.to_owned()];
        while let Some(next) = todo.pop() {
            if !seen.insert(next.clone()) {
                continue;
            }
            if let Some((_, text)) = self.sources.get(&next) {
                todo.extend(referenced_templates(text));
            }
        }
        seen
    }

    /// Whether a template of that name exists.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.sources.contains_key(name)
    }

    /// The names of all templates.
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.sources.keys().map(String::as_str)
    }

    /// Sets a value every template sees.
    pub(crate) fn set_global(&mut self, key: &'static str, value: &impl serde::Serialize) {
        self.tera.global_context().insert(key, value);
    }

    /// Renders a template; `page` names the content file for the error message.
    pub(crate) fn render(
        &self,
        name: &str,
        context: &tera::Context,
        page: &std::path::Path,
    ) -> Result<String, Diagnostic> {
        let html = self
            .tera
            .render(name, context)
            .map_err(|e| template_error(&e, &self.sources, Some(page)))?;
        Ok(if self.mark_external_links {
            let lang = context
                .get("lang")
                .and_then(Value::as_str)
                .unwrap_or(self.lexicon.default_language());
            mark_external_links(&html, self.words(lang).get("external_link"))
        } else {
            html
        })
    }
}

fn template_error(
    e: &tera::Error,
    sources: &BTreeMap<String, (PathBuf, String)>,
    page: Option<&std::path::Path>,
) -> Diagnostic {
    let while_rendering = page
        .map(|p| format!(" (while rendering {})", p.display()))
        .unwrap_or_default();
    match e.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let (path, text) = sources
                .get(report.filename())
                .map(|(p, t)| (p.clone(), t.as_str()))
                .unwrap_or_else(|| (PathBuf::from(report.filename()), ""));
            let span = report.span();
            let kind = if matches!(e.kind(), tera::ErrorKind::SyntaxError(_)) {
                "template syntax error"
            } else {
                "template error"
            };
            let mut message = format!("{kind}: {}{while_rendering}", report.message());
            if let Some(source) = std::error::Error::source(e) {
                message.push_str(&format!(": {source}"));
            }
            Diagnostic::error(path, message)
                .at(text, Position { line: span.start_line, col: span.start_col + 1 })
                .with_hint("templates use Tera syntax: {{ variable }}, {% if %}...{% endif %}; see the README's template reference")
        }
        tera::ErrorKind::TemplateNotFound(name)
        | tera::ErrorKind::MissingParent { parent: name, .. } => Diagnostic::error(
            page.map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("templates")),
            format!("template `{name}` not found{while_rendering}"),
        )
        .with_hint(format!(
            "add templates/{name}, or use one of the theme's templates"
        )),
        _ => Diagnostic::error(
            page.map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("templates")),
            format!("template error{while_rendering}: {e}"),
        ),
    }
}

/// Alliance's filters.
fn register_filters(tera: &mut Tera, site: &Site, lexicon: &Arc<Lexicon>) {
    // `{{ words[lang].members_of | fill(name=page.title) }}`: a word with each
    // `{name}` replaced by the value given, escaped as `{{ }}` would (the
    // word itself is the theme's and stays as written).
    tera.register_filter(
        "fill",
        |word: &Value, kwargs: Kwargs, state: &State| -> tera::TeraResult<Value> {
            let mut out = state.escape_if_needed(word)?;
            for (key, value) in kwargs.iter() {
                let text = state.escape_if_needed(value)?;
                out = out.replace(&format!("{{{key}}}"), &text);
            }
            Ok(Value::safe_string(&out))
        },
    );
    // `{{ page.date | date(lang=lang) }}`: "22 November 2026" in the page's
    // language; `form="weekday"` ("Sunday"), `"time"` ("2pm", empty without
    // a time), `"full"` ("Sunday 22 November 2026"), `"short"` (22/11/2026).
    let words = Arc::clone(lexicon);
    tera.register_filter(
        "date",
        move |date: &Value, kwargs: Kwargs, state: &State| -> tera::TeraResult<String> {
            let text = date
                .as_map()
                .and_then(|m| m.get(&tera::value::Key::Str("datetime")))
                .and_then(Value::as_str)
                .or_else(|| date.as_str())
                .ok_or_else(|| tera::Error::message("date: expects a date, such as page.date"))?;
            let date = crate::date::SiteDate::parse(text).map_err(tera::Error::message)?;
            let lang = match kwargs.get::<String>("lang")? {
                Some(lang) => lang,
                None => state.get::<String>("lang")?.unwrap_or_default(),
            };
            let form = kwargs
                .get::<String>("form")?
                .unwrap_or_else(|| "long".into());
            let words = words.words(&lang).dates();
            Ok(match form.as_str() {
                "long" => date.long_in(&words),
                "weekday" => date.weekday_in(&words).to_owned(),
                "full" => format!("{} {}", date.weekday_in(&words), date.long_in(&words)),
                "time" => date.clock_in(&words).unwrap_or_default(),
                "short" => date.short(),
                other => {
                    return Err(tera::Error::message(format!(
                        "date: unknown form `{other}`; use long, weekday, full, time or short"
                    )));
                }
            })
        },
    );
    // `{{ path | url }}`: a site path as a link relative to the page being
    // rendered; in a translation, the home page and generated pages are its language's.
    let config = site.config.clone();
    tera.register_filter(
        "url",
        move |path: &str, _: Kwargs, state: &State| -> tera::TeraResult<String> {
            let path = config.localise(path);
            let path = path.as_ref();
            if let Some(base) = state.get::<String>(LINK_BASE)? {
                return Ok(format!("{base}{path}"));
            }
            let from: String = state.get(CURRENT_PATH)?.unwrap_or_default();
            Ok(relative(&from, path))
        },
    );
    // `{{ 1200.5 | format_number }}`: "1,200.5".
    tera.register_filter("format_number", |value: f64, _: Kwargs, _: &State| {
        crate::render::charts::format_number(value)
    });
    // `{{ text | percent_encode }}`: text for a URL's query (a `mailto:` subject or body).
    tera.register_filter("percent_encode", |text: &str, _: Kwargs, _: &State| {
        percent_encode(text)
    });
    let base = site.config.base_url.clone();
    // `{{ path | absolute }}`: the published URL of a site path.
    tera.register_filter("absolute", move |path: &str, _: Kwargs, _: &State| {
        format!("{base}/{path}")
    });
}

/// Percent-encodes every byte but RFC 3986's unreserved characters.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The functions that give templates the site's data, registered only when a
/// template calls them (so a site that does not pays nothing to refresh them).
const SITE_FUNCTIONS: [&str; 4] = ["get_page", "get_organisation", "get_group", "get_structure"];

/// Registers the site-data functions the templates use.
fn register_site_functions(tera: &mut Tera, content: &Content, used: &[&str], words: &Words) {
    let site = &content.site;
    let wants = |name: &str| used.contains(&name);
    let views = Views::new(content, words);
    let model = &content.model;
    if wants("get_organisation") {
        // `get_organisation(id="...")` and `get_group(id="...")`: the same facts as
        // `page.organisation` and `page.group` on their own pages.
        let organisations = Arc::new(
            (0..model.organisations.len())
                .map(|o| {
                    let view = views.organisation_page(o);
                    (view.org.id.to_owned(), Value::from_serializable(&view))
                })
                .collect::<BTreeMap<_, _>>(),
        );
        register_lookup(tera, "get_organisation", "organisation", organisations);
    }
    if wants("get_group") {
        let groups = Arc::new(
            (0..model.groups.len())
                .map(|g| {
                    let view = views.group(g);
                    (view.link.id.to_owned(), Value::from_serializable(&view))
                })
                .collect::<BTreeMap<_, _>>(),
        );
        register_lookup(tera, "get_group", "group", groups);
    }
    if wants("get_structure") {
        // `get_structure()`: the whole partnership's structure, as `page.structure`.
        let structure = Value::from_serializable(&views.structure(site.home));
        tera.register_function("get_structure", move |_: Kwargs, _: &State| {
            structure.clone()
        });
    }
    if !wants("get_page") {
        return;
    }
    // `get_page(path="about.md")`: a summary of another page, by content path.
    let pages: Arc<BTreeMap<String, Value>> = Arc::new(
        site.by_content_path
            .iter()
            .map(|(k, &id)| (k.clone(), Value::from_serializable(&site.summary(id))))
            .collect(),
    );
    tera.register_function(
        "get_page",
        move |kwargs: Kwargs, _: &State| -> tera::TeraResult<Value> {
            let path: String = kwargs.must_get("path")?;
            pages
                .get(path.trim_start_matches("@/"))
                .cloned()
                .ok_or_else(|| tera::Error::message(format!("get_page: no page `content/{path}`")))
        },
    );
}

/// Template names a template's text refers to in `extends`, `include` or `import` tags.
fn referenced_templates(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for tag in text.split("{%").skip(1) {
        let tag = tag.trim_start_matches('-').trim_start();
        let Some(rest) = ["extends", "include", "import"]
            .iter()
            .find_map(|k| tag.strip_prefix(k))
        else {
            continue;
        };
        let rest = rest.trim_start();
        if let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'')
            && let Some(end) = rest[1..].find(quote)
        {
            names.push(rest[1..=end].to_owned());
        }
    }
    names
}

/// Registers a function `name(id="...")` that looks an id up in `values`.
fn register_lookup(
    tera: &mut Tera,
    name: &'static str,
    noun: &'static str,
    values: Arc<BTreeMap<String, Value>>,
) {
    tera.register_function(
        name,
        move |kwargs: Kwargs, _: &State| -> tera::TeraResult<Value> {
            let id: String = kwargs.must_get("id")?;
            values.get(&id).cloned().ok_or_else(|| {
                let hint = crate::diagnostic::nearest(&id, values.keys().map(String::as_str))
                    .map(|best| format!("; did you mean `{best}`?"))
                    .unwrap_or_default();
                tera::Error::message(format!("{name}: no {noun} has the id `{id}`{hint}"))
            })
        },
    );
}

/// Adds a visible marker (`<span class="external-link"> (external link)</span>`,
/// with `words` the language's "external link") inside every `<a>` whose
/// target is another site, as an archived copy marks links that leave it.
pub(crate) fn mark_external_links(html: &str, words: &str) -> String {
    let marker = format!("<span class=\"external-link\"> ({words})</span>");
    let mut out = String::with_capacity(html.len() + 512);
    let mut rest = html;
    while let Some(i) = rest.find("<a ") {
        let tag_end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        let tag = &rest[i..tag_end];
        let external = tag.contains("href=\"http://") || tag.contains("href=\"https://");
        match rest[tag_end..].find("</a>").filter(|_| external) {
            Some(close) => {
                let close = tag_end + close;
                out.push_str(&rest[..close]);
                out.push_str(&marker);
                rest = &rest[close..];
            }
            None => {
                out.push_str(&rest[..tag_end]);
                rest = &rest[tag_end..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_only_external_links() {
        let html = "<a href=\"../a/index.html\">A</a> <a class=\"x\" href=\"https://e.org/\">E</a> <a href=\"mailto:a@b\">M</a>";
        let out = mark_external_links(html, "external link");
        assert_eq!(out.matches("(external link)").count(), 1);
        assert!(out.contains("\">E<span class=\"external-link\"> (external link)</span></a>"));
    }
}
