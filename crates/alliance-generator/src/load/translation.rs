//! Translations: `page.X.md`, `_index.X.md` and `index.X.md` beside a page,
//! for each further language `X` of `[languages]`. A translation gives the
//! page's words only (title, description, body and the words of typed pages);
//! every fact comes from the default-language page. [`site_in`] makes the
//! site as it reads in one further language.
//!
//! Over 600 lines with its unit tests (about 130 of them): finding
//! translation files, laying their words over their pages and the findings
//! (missing, stale, orphaned) are one idea, a page and its translations.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::de::{DeTable, DeValue};

use crate::config::Config;
use crate::date::SiteDate;
use crate::diagnostic::{Diagnostic, Diagnostics, Position};
use crate::load::kind::PageKind;
use crate::load::site::{Asset, Origin, Page, PageId, Site};
use crate::toml_source::TomlSource;
use crate::util::url::slugify;

/// A translation file, read but not yet laid over its page.
#[derive(Debug, Clone)]
pub(crate) struct Translation {
    /// Its language's code (`cy`).
    pub(crate) code: String,
    /// The file, relative to the site root (`content/about.cy.md`).
    pub(crate) source: PathBuf,
    /// The content path of the page it translates (`about.md`).
    pub(crate) of: String,
    /// The whole file text.
    pub(crate) text: String,
    /// Byte offset of the TOML in `text`.
    pub(crate) toml_offset: usize,
    /// Byte offset of the Markdown body in `text`.
    pub(crate) body_offset: usize,
}

/// If `rel` (a content path) names a translation into one of `codes`, the
/// code and the content path of the page it translates: `about.cy.md` →
/// (`cy`, `about.md`). A file whose middle part is not a language of the
/// site (`report.2026.md`) is a page of its own.
pub(crate) fn translation_of<'a>(
    rel: &str,
    codes: impl IntoIterator<Item = &'a String>,
) -> Option<(String, String)> {
    let stem = rel.strip_suffix(".md")?;
    let (page, code) = stem.rsplit_once('.')?;
    if page.ends_with('/') || page.is_empty() {
        return None;
    }
    let code = codes.into_iter().find(|c| c.as_str() == code)?;
    Some((code.clone(), format!("{page}.md")))
}

/// Reads a translation file: its fences must be there; its keys are checked
/// against its page later, in [`site_in`].
pub(crate) fn read(
    file: &Path,
    rel: &str,
    code: String,
    of: String,
) -> Result<Translation, Vec<Diagnostic>> {
    let source = PathBuf::from("content").join(rel);
    let text = crate::load::read_text(
        file,
        &source,
        "the file",
        "save the file as UTF-8 in your editor",
    )?;
    let (toml_offset, toml, body_offset) =
        crate::load::frontmatter::split(&source, &text).map_err(|d| vec![d])?;
    if let Err(e) = DeTable::parse(toml) {
        let at = toml_offset + e.span().map_or(0, |s| s.start);
        return Err(vec![
            Diagnostic::error(
                &source,
                format!("malformed front matter: {}", e.message().trim()),
            )
            .at_offset(&text, at)
            .with_hint("front matter is TOML: `key = \"value\"`, one per line, text in quotes"),
        ]);
    }
    Ok(Translation {
        code,
        source,
        of,
        text,
        toml_offset,
        body_offset,
    })
}

/// The words a translation may give, as a tree over its front matter.
enum Words {
    /// A piece of text.
    Text,
    /// A list of strings, given whole.
    Strings,
    /// A list of tables matching the default page's entry by entry, each with these words.
    Entries(&'static [(&'static str, Words)]),
}

/// The keys every translation may give (read into its front matter).
const COMMON_WORDS: [&str; 6] = [
    "title",
    "description",
    "slug",
    "updated",
    "reviewed",
    "draft",
];

/// The words of each typed kind, as PRODUCT.md lists them.
fn typed_words(kind: Option<PageKind>) -> &'static [(&'static str, Words)] {
    const INDICATOR: &[(&str, Words)] = &[("name", Words::Text)];
    const PRIORITY: &[(&str, Words)] = &[
        ("title", Words::Text),
        ("summary", Words::Text),
        ("indicators", Words::Entries(INDICATOR)),
    ];
    match kind {
        Some(PageKind::Group) => &[
            ("priorities", Words::Strings),
            ("achievements", Words::Strings),
            ("approach", Words::Strings),
        ],
        Some(PageKind::Strategy) => &[
            ("vision", Words::Text),
            ("priorities", Words::Entries(PRIORITY)),
        ],
        Some(PageKind::Meeting) => &[
            ("location", Words::Text),
            ("papers", Words::Entries(&[("title", Words::Text)])),
            (
                "agenda",
                Words::Entries(&[("title", Words::Text), ("decision", Words::Text)]),
            ),
        ],
        _ => &[],
    }
}

/// The front-matter keys a translation sets on its page.
#[derive(Deserialize)]
struct TranslatedFront {
    title: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    slug: Option<String>,
    #[serde(default)]
    updated: Option<SiteDate>,
    #[serde(default)]
    reviewed: Option<SiteDate>,
    /// A translation not ready yet: its page is reported untranslated.
    #[serde(default)]
    draft: bool,
}

impl Translation {
    /// A diagnostic at a byte offset of the front matter.
    fn error_at(&self, at: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.source, message).at_offset(&self.text, self.toml_offset + at)
    }

    /// Lays this translation over a copy of its page: the words replaced,
    /// every fact kept, with the translation's own latest date; `None` for a
    /// draft. All errors are returned.
    fn apply(&self, page: &Page) -> Result<Option<(Page, Option<SiteDate>)>, Vec<Diagnostic>> {
        let toml = &self.text[self.toml_offset..self.body_offset];
        let toml = &toml[..toml.rfind("+++").unwrap_or(toml.len())];
        let source = TomlSource {
            path: &self.source,
            file_text: &self.text,
            toml,
            offset: self.toml_offset,
        };
        let spans = DeTable::parse(toml).map_err(|_| Vec::new())?;
        let mut errors = Vec::new();
        let facts_from = format!(
            "facts come from the default-language page {}",
            page.source.display()
        );
        let words = typed_words(page.kind());
        let mut typed = page.typed.clone();
        for (key, value) in spans.get_ref() {
            let name: &str = key.get_ref();
            if COMMON_WORDS.contains(&name) {
                continue;
            }
            match words.iter().find(|(w, _)| *w == name) {
                Some((_, spec)) => {
                    let base = typed.get_mut(name);
                    self.merge(name, spec, value, base, &facts_from, &mut errors);
                }
                None => errors.push(
                    self.error_at(
                        key.span().start,
                        format!(
                            "`{name}` is not a word to translate: a translation gives only {}",
                            allowed(
                                COMMON_WORDS
                                    .iter()
                                    .copied()
                                    .chain(words.iter().map(|(w, _)| *w))
                            )
                        ),
                    )
                    .with_hint(facts_from.clone()),
                ),
            }
        }
        let front: Option<TranslatedFront> = match source.parse() {
            Ok(front) => Some(front),
            Err(found) => {
                errors.extend(found);
                None
            }
        };
        if !errors.is_empty() {
            errors.sort_by_key(|d| d.position);
            return Err(errors);
        }
        let Some(front) = front else {
            return Err(errors);
        };
        if front.draft {
            return Ok(None);
        }
        let own_date = front.updated.max(front.reviewed);
        let mut translated = page.clone();
        translated.source = self.source.clone();
        translated.text = self.text.clone();
        translated.toml_offset = self.toml_offset;
        translated.body_offset = self.body_offset;
        translated.index = Default::default();
        translated.front.title = front.title;
        translated.front.description = front.description.or(translated.front.description);
        translated.front.slug = front.slug;
        translated.front.updated = front.updated.or(page.front.updated);
        translated.front.reviewed = front.reviewed.or(page.front.reviewed);
        translated.typed = typed;
        Ok(Some((translated, own_date)))
    }

    /// Lays the words of `value` (at `name`) over the default page's `base`,
    /// reporting facts and entries the default page does not have.
    fn merge(
        &self,
        name: &str,
        spec: &Words,
        value: &toml::Spanned<DeValue<'_>>,
        base: Option<&mut toml::Value>,
        facts_from: &str,
        errors: &mut Vec<Diagnostic>,
    ) {
        let at = value.span().start;
        let Some(base) = base else {
            errors.push(
                self.error_at(
                    at,
                    format!("the default-language page has no `{name}` to translate"),
                )
                .with_hint(format!("{facts_from}: add `{name}` there first")),
            );
            return;
        };
        match (spec, value.get_ref()) {
            (Words::Text, DeValue::String(text)) => *base = toml::Value::String(text.to_string()),
            (Words::Strings, DeValue::Array(items))
                if items.iter().all(|i| matches!(i.get_ref(), DeValue::String(_))) =>
            {
                *base = toml::Value::Array(
                    items
                        .iter()
                        .filter_map(|i| match i.get_ref() {
                            DeValue::String(s) => Some(toml::Value::String(s.to_string())),
                            _ => None,
                        })
                        .collect(),
                );
            }
            (Words::Entries(fields), DeValue::Array(items)) => {
                let Some(entries) = base.as_array_mut() else { return };
                let count = entries.len();
                for (i, item) in items.iter().enumerate() {
                    let DeValue::Table(table) = item.get_ref() else {
                        errors.push(
                            self.error_at(item.span().start, format!("each entry of `{name}` is a table of words"))
                                .with_hint(format!("e.g. {{ {} = \"...\" }}", fields[0].0)),
                        );
                        continue;
                    };
                    let Some(entry) = entries.get_mut(i).and_then(toml::Value::as_table_mut) else {
                        errors.push(
                            self.error_at(
                                item.span().start,
                                format!("the default-language page has {count} `{name}`, this is entry {}", i + 1),
                            )
                            .with_hint(format!("{facts_from}: translate its entries in the same order")),
                        );
                        continue;
                    };
                    for (key, value) in table {
                        let field: &str = key.get_ref();
                        match fields.iter().find(|(f, _)| *f == field) {
                            Some((_, spec)) => {
                                self.merge(field, spec, value, entry.get_mut(field), facts_from, errors)
                            }
                            None => errors.push(
                                self.error_at(
                                    key.span().start,
                                    format!(
                                        "`{field}` in `{name}` is not a word to translate: give only {}",
                                        allowed(fields.iter().map(|(f, _)| *f))
                                    ),
                                )
                                .with_hint(facts_from.to_owned()),
                            ),
                        }
                    }
                }
            }
            (Words::Text, _) => errors.push(
                self.error_at(at, format!("`{name}` is text"))
                    .with_hint(format!("write it in quotes: {name} = \"...\"")),
            ),
            _ => errors.push(
                self.error_at(at, format!("`{name}` is a list"))
                    .with_hint(format!("write it in brackets, in the order of the default-language page: {name} = [...]")),
            ),
        }
    }
}

/// Keys, for messages: "`title`, `summary`".
fn allowed<'a>(words: impl Iterator<Item = &'a str>) -> String {
    words
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The site as it reads in the further language `code` of `config`: each
/// translated page with its words and its address under `code/`, every other
/// page as it is in the default language (links to it lead there, and it is
/// not published in this language). Also the findings about the language's
/// translations: errors in them, translations of no page, pages without a
/// translation, translations older than their page. The second value says
/// which pages are published in the language.
pub(crate) fn site_in(
    site: &Site,
    config: Config,
    translations: &[Translation],
) -> (Site, Vec<bool>, Diagnostics) {
    let code = config.language.clone();
    let prefix = config.path_prefix.clone();
    let required = site
        .config
        .languages
        .get(&code)
        .is_some_and(|l| l.require_translation);
    let mut found = Diagnostics::new();
    let mut pages = site.pages.clone();
    let mut published = vec![false; pages.len()];
    let mut slugs: HashMap<PageId, String> = HashMap::new();
    let mut failed = vec![false; pages.len()];
    for t in translations.iter().filter(|t| t.code == code) {
        let Some(&id) = site.by_content_path.get(&t.of) else {
            if !site.drafts.contains(&t.of) && !site.with_errors.contains(&t.of) {
                found.push(
                    Diagnostic::error(&t.source, format!("this translation has no page: content/{} does not exist", t.of))
                        .at(&t.text, Position { line: 1, col: 1 })
                        .with_hint(format!(
                            "a translation sits beside its default-language file: add content/{}, or rename this file",
                            t.of
                        )),
                );
            }
            continue;
        };
        match t.apply(&site.pages[id]) {
            Ok(None) => {}
            Ok(Some((page, own_date))) => {
                stale(&site.pages[id], &page, own_date, &mut found);
                if let Some(slug) = &page.front.slug {
                    slugs.insert(id, slugify(slug));
                }
                pages[id] = page;
                published[id] = true;
            }
            Err(errors) => {
                // Reported; its page is not reported untranslated as well.
                failed[id] = true;
                found.extend(errors);
            }
        }
    }
    let name_key = format!("name_{code}");
    for (id, page) in pages.iter_mut().enumerate() {
        if published[id] {
            continue;
        }
        if let Origin::CsvRow { .. } = page.origin
            && let Some(name) = page
                .front
                .extra
                .get(&name_key)
                .and_then(toml::Value::as_str)
            && !name.trim().is_empty()
        {
            page.front.title = name.trim().to_owned();
            published[id] = true;
            continue;
        }
        if id == site.home {
            // Every language has a home page: its title and description come from [languages.X].
            page.front.title = config.title.clone();
            page.front.description = Some(config.description.clone()).filter(|d| !d.is_empty());
            page.text = String::new();
            page.toml_offset = 0;
            page.body_offset = 0;
            published[id] = true;
        }
        if failed[id]
            || (site.pages[id].text.is_empty() && !matches!(page.origin, Origin::CsvRow { .. }))
        {
            continue;
        }
        let missing = match &page.origin {
            Origin::CsvRow { .. } => page
                .value_error(
                    &["name"],
                    format!("this organisation has no name in `{code}`"),
                )
                .with_hint(format!(
                    "add a column `{name_key}` with its name in that language"
                )),
            Origin::Markdown => {
                let file = translation_file(&site.pages[id].content_path, &code);
                Diagnostic::error(&site.pages[id].source, format!("this page has no translation into `{code}`"))
                    .at(&site.pages[id].text, Position { line: 1, col: 1 })
                    .with_hint(format!(
                        "add content/{file} with its title and body; until then pages in `{code}` link to this one"
                    ))
            }
        };
        found.push(if required {
            missing
        } else {
            missing.into_warning()
        });
    }
    // Addresses: under the section's translated address, or under `code/`.
    let mut order: Vec<PageId> = (0..pages.len()).filter(|&id| published[id]).collect();
    order.sort_by_key(|&id| (site.pages[id].path.len(), id));
    let mut taken: HashMap<String, PageId> = HashMap::new();
    for id in order {
        let default_path = &site.pages[id].path;
        let parent = site.pages[id].parent;
        let (above, rest) = match parent.filter(|&p| published[p]) {
            Some(p) if default_path.starts_with(&site.pages[p].path) => (
                pages[p].path.clone(),
                &default_path[site.pages[p].path.len()..],
            ),
            _ => (prefix.clone(), default_path.as_str()),
        };
        let rest = match slugs.get(&id) {
            Some(slug) if !rest.is_empty() => {
                let trimmed = rest.trim_end_matches('/');
                let head = trimmed.rfind('/').map_or("", |i| &trimmed[..=i]);
                format!("{head}{slug}/")
            }
            _ => rest.to_owned(),
        };
        let path = format!("{above}{rest}");
        let slug = slugs.get(&id).map(String::as_str).unwrap_or_default();
        let problem = crate::util::url::slug_problem(slug).filter(|_| slugs.contains_key(&id));
        let other = taken.get(&path).or_else(|| site.by_path.get(&path));
        if problem.is_some() || other.is_some() {
            let message = match (problem, other) {
                (Some(problem), _) => format!("the address this `slug` gives, `{slug}`, {problem}"),
                (None, Some(&other)) => format!(
                    "two pages would be served at /{path}: this one and {}",
                    pages[other].source.display()
                ),
                (None, None) => String::new(),
            };
            let key = if slugs.contains_key(&id) {
                "slug"
            } else {
                "title"
            };
            found.push(
                pages[id]
                    .key_error(key, message)
                    .with_hint("give this translation a different `slug`"),
            );
            published[id] = false;
            continue;
        }
        taken.insert(path.clone(), id);
        pages[id].path = path;
    }
    let mut translated = Site {
        root: site.root.clone(),
        config,
        home: site.home,
        by_content_path: site.by_content_path.clone(),
        by_path: BTreeMap::new(),
        assets: Vec::new(),
        drafts: site.drafts.clone(),
        with_errors: site.with_errors.clone(),
        pages,
        languages: Default::default(),
        language: 0,
        translations: Vec::new(),
        // The default language's site reports the links left out, once.
        unfollowed: Vec::new(),
    };
    for (id, page) in translated.pages.iter().enumerate() {
        translated.by_path.insert(page.path.clone(), id);
    }
    for id in 0..translated.pages.len() {
        let mut children = std::mem::take(&mut translated.pages[id].children);
        let mut subsections = std::mem::take(&mut translated.pages[id].subsections);
        crate::load::sort_pages(&translated.pages, &mut children);
        crate::load::sort_pages(&translated.pages, &mut subsections);
        translated.pages[id].children = children;
        translated.pages[id].subsections = subsections;
    }
    translated.assets = colocated(site, &translated, &published);
    (translated, published, found)
}

/// The name of the translation file of a content path into `code`: `about.md` → `about.cy.md`.
pub(crate) fn translation_file(content_path: &str, code: &str) -> String {
    let stem = content_path.strip_suffix(".md").unwrap_or(content_path);
    format!("{stem}.{code}.md")
}

/// A warning when the translation is older than its page's later `updated` or `reviewed`.
fn stale(page: &Page, translated: &Page, own: Option<SiteDate>, found: &mut Diagnostics) {
    if let (Some(own), Some(theirs)) = (own, page.front.updated.max(page.front.reviewed))
        && own < theirs
    {
        let key = if translated.front.updated == Some(own) {
            "updated"
        } else {
            "reviewed"
        };
        let their_key = if page.front.updated == Some(theirs) {
            "updated"
        } else {
            "reviewed"
        };
        found.push(
            translated
                .key_error(
                    key,
                    format!(
                        "this translation ({key} {}) is older than its page {} ({their_key} {})",
                        own.iso_date(),
                        page.source.display(),
                        theirs.iso_date()
                    ),
                )
                .into_warning()
                .with_hint(
                    "bring the translation up to date with its page, then set its `updated`",
                ),
        );
    }
}

/// The co-located files of the translated pages, copied beside them too.
fn colocated(site: &Site, translated: &Site, published: &[bool]) -> Vec<Asset> {
    let mut out = Vec::new();
    for asset in &site.assets {
        let mut dir = asset.path.as_str();
        let owner = loop {
            dir = match dir.trim_end_matches('/').rfind('/') {
                Some(i) => &dir[..=i],
                None => break None,
            };
            if let Some(&id) = site.by_path.get(dir) {
                break Some(id);
            }
        };
        if let Some(id) = owner
            && published[id]
            && id != site.home
        {
            let rest = &asset.path[site.pages[id].path.len()..];
            out.push(Asset {
                source: asset.source.clone(),
                path: format!("{}{rest}", translated.pages[id].path),
            });
        }
    }
    out
}

/// The languages of a site and where each page is published in each: shared
/// by the default-language site and its translations.
#[derive(Debug, Clone, Default)]
pub(crate) struct Languages {
    /// The default language first, then `[languages]` in code order. Empty
    /// for a site in one language.
    pub(crate) list: Vec<Language>,
}

/// One language of a site.
#[derive(Debug, Clone)]
pub(crate) struct Language {
    /// Its code, as in config (`en-GB`, `cy`).
    pub(crate) code: String,
    /// Its name in itself, for the language switcher ("Cymraeg").
    pub(crate) name: String,
    /// Where its generated pages go: `""` or `cy/`.
    pub(crate) prefix: String,
    /// Each page's address in this language, if it is published in it.
    pub(crate) paths: Vec<Option<String>>,
}

impl Languages {
    /// The versions of a page: each language it is published in, with its address.
    pub(crate) fn versions(&self, id: PageId) -> impl Iterator<Item = (&Language, &str)> {
        self.list
            .iter()
            .filter_map(move |l| l.paths.get(id)?.as_deref().map(|path| (l, path)))
    }
}

/// A language's name in itself, from its code's first part; the code itself
/// for a language not listed.
pub(crate) fn own_name(code: &str) -> String {
    let primary = code.split('-').next().unwrap_or(code).to_ascii_lowercase();
    match primary.as_str() {
        "en" => "English",
        "cy" => "Cymraeg",
        "ga" => "Gaeilge",
        "gd" => "Gàidhlig",
        "kw" => "Kernewek",
        "gv" => "Gaelg",
        "fr" => "Français",
        "de" => "Deutsch",
        "es" => "Español",
        "pl" => "Polski",
        "pa" => "ਪੰਜਾਬੀ",
        "ur" => "اردو",
        "bn" => "বাংলা",
        "so" => "Soomaali",
        "ar" => "العربية",
        _ => return code.to_owned(),
    }
    .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site_with(files: &[(&str, &str)]) -> (tempfile::TempDir, Site) {
        let dir = tempfile::tempdir().unwrap();
        for (rel, text) in files {
            let path = dir.path().join("content").join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let config = Config::parse(
            "title = \"T\"\nbase_url = \"https://e.org\"\n[languages.cy]\ntitle = \"Cy\"\n",
            Path::new("config.toml"),
        )
        .unwrap();
        let (site, found) = crate::load::load(dir.path(), config);
        assert!(found.is_empty(), "{found:?}");
        (dir, site)
    }

    fn welsh(site: &Site) -> (Site, Vec<bool>, Diagnostics) {
        site_in(
            site,
            site.config.translated("cy").unwrap(),
            &site.translations,
        )
    }

    const STRATEGY: &str = "+++\ntitle = \"Strategy\"\nkind = \"strategy\"\nperiod = \"2026–2030\"\nvision = \"A fair Vale\"\npriorities = [\n  { id = \"safe\", title = \"Safe\", summary = \"S\", indicators = [{ name = \"Crime\", unit = \"%\", baseline = 1.0, target = 2.0, values = [] }] },\n  { id = \"well\", title = \"Well\", summary = \"W\" },\n]\n+++\n";

    #[test]
    fn a_translation_gives_words_entry_by_entry_and_keeps_the_facts() {
        let (_dir, site) = site_with(&[
            ("_index.md", "+++\ntitle = \"Home\"\n+++\n"),
            ("strategy.md", STRATEGY),
            (
                "strategy.cy.md",
                "+++\ntitle = \"Strategaeth\"\nvision = \"Bro deg\"\npriorities = [{ title = \"Diogel\", indicators = [{ name = \"Troseddu\" }] }]\n+++\nCorff.\n",
            ),
        ]);
        let (cy, published, found) = welsh(&site);
        let id = site.by_content_path["strategy.md"];
        assert!(published[id]);
        let page = &cy.pages[id];
        assert_eq!(page.path, "cy/strategy/");
        assert_eq!(page.front.title, "Strategaeth");
        assert_eq!(page.body(), "Corff.\n");
        assert_eq!(page.typed["vision"].as_str(), Some("Bro deg"));
        let first = &page.typed["priorities"][0];
        assert_eq!(first["title"].as_str(), Some("Diogel"));
        assert_eq!(
            first["summary"].as_str(),
            Some("S"),
            "untranslated words stay"
        );
        assert_eq!(first["id"].as_str(), Some("safe"), "facts stay");
        assert_eq!(first["indicators"][0]["name"].as_str(), Some("Troseddu"));
        assert_eq!(first["indicators"][0]["target"].as_float(), Some(2.0));
        assert_eq!(page.typed["period"].as_str(), Some("2026–2030"));
        // The home page has no translation: reported, and published with the language's title.
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["this page has no translation into `cy`"]);
        assert_eq!(cy.pages[site.home].front.title, "Cy");
        assert_eq!(cy.pages[site.home].path, "cy/");
    }

    #[test]
    fn facts_and_extra_entries_in_a_translation_are_placed_errors() {
        let (_dir, site) = site_with(&[
            ("_index.md", "+++\ntitle = \"Home\"\n+++\n"),
            ("_index.cy.md", "+++\ntitle = \"Hafan\"\n+++\n"),
            ("strategy.md", STRATEGY),
            (
                "strategy.cy.md",
                "+++\ntitle = \"Strategaeth\"\nperiod = \"x\"\npriorities = [{ title = \"A\" }, { lead = \"board\" }, { title = \"C\" }]\nvision = 3\n+++\n",
            ),
        ]);
        let (_, published, found) = welsh(&site);
        assert!(!published[site.by_content_path["strategy.md"]]);
        let placed: Vec<(usize, usize, &str)> = found
            .iter()
            .map(|d| (d.position.line, d.position.col, d.message.as_str()))
            .collect();
        assert_eq!(
            placed,
            [
                (
                    3,
                    1,
                    "`period` is not a word to translate: a translation gives only `title`, `description`, `slug`, `updated`, `reviewed`, `draft`, `vision`, `priorities`"
                ),
                (
                    4,
                    34,
                    "`lead` in `priorities` is not a word to translate: give only `title`, `summary`, `indicators`"
                ),
                (
                    4,
                    52,
                    "the default-language page has 2 `priorities`, this is entry 3"
                ),
                (5, 10, "`vision` is text"),
            ]
        );
        assert_eq!(
            found.iter().next().unwrap().hint.as_deref(),
            Some("facts come from the default-language page content/strategy.md")
        );
    }

    #[test]
    fn translation_names_are_told_from_dotted_names() {
        let codes = ["cy".to_owned()];
        assert_eq!(
            translation_of("about.cy.md", &codes),
            Some(("cy".into(), "about.md".into()))
        );
        assert_eq!(
            translation_of("a/_index.cy.md", &codes),
            Some(("cy".into(), "a/_index.md".into()))
        );
        assert_eq!(translation_of("report.2026.md", &codes), None);
        assert_eq!(translation_of("a/.cy.md", &codes), None);
        assert_eq!(translation_file("a/index.md", "cy"), "a/index.cy.md");
    }
}
