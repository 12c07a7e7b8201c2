//! `config.toml`: the site's settings. Only `title` and `base_url` are required.
//!
//! Over 600 lines: one struct per table of `config.toml`, each with its
//! defaults and its checks, and their unit tests (about 150 lines).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::date::SiteDate;
use crate::diagnostic::Diagnostic;
use crate::toml_source::TomlSource;
use crate::wcag::Criterion;

/// The site's settings, as written in `config.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The site's name, shown in the header and every page title.
    pub title: String,
    /// Where the site is published; used only for absolute URLs (sitemap, feeds, canonical).
    pub base_url: String,
    /// The language of the content, e.g. `en-GB`; becomes `<html lang>`.
    #[serde(default = "default_language")]
    pub(crate) language: String,
    /// A sentence describing the site, for search engines and the home page.
    #[serde(default)]
    pub(crate) description: String,
    /// The theme folder under `themes/`.
    #[serde(default = "default_theme")]
    pub(crate) theme: String,
    /// Time zone of meeting times.
    #[serde(default = "default_timezone")]
    pub(crate) timezone: String,
    /// About the partnership itself.
    #[serde(default)]
    pub partnership: Partnership,
    /// Contact details shown in every page's footer.
    #[serde(default)]
    pub(crate) contact: Contact,
    /// How often pages should be reviewed; `None` when config.toml has no `[review]`.
    #[serde(default)]
    pub(crate) review: Option<Review>,
    /// Facts for the accessibility statement.
    #[serde(default)]
    pub(crate) accessibility: Accessibility,
    /// Facts for snapshots.
    #[serde(default)]
    pub archive: Archive,
    /// Markdown options.
    #[serde(default)]
    pub(crate) markdown: MarkdownOptions,
    /// When agendas and minutes are due.
    #[serde(default)]
    pub(crate) meetings: Meetings,
    /// The browser editor; `None` when config.toml has no `[cms]`.
    #[serde(default)]
    pub(crate) cms: Option<Cms>,
    /// The search page, box and index.
    #[serde(default)]
    pub(crate) search: SearchOptions,
    /// `[pagination]`: how long lists are split into pages.
    #[serde(default)]
    pub(crate) pagination: Pagination,
    /// Free-form values for templates.
    #[serde(default)]
    pub(crate) extra: toml::Table,
    /// Further languages, by code (`[languages.cy]`); the default is `language`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(crate) languages: BTreeMap<String, LanguageConfig>,
    /// Where this language's pages are served: `""` for the default
    /// language, `cy/` in the Welsh copy of the settings ([`Config::translated`]).
    /// Templates see it as `config.path_prefix`: the home page's path.
    #[serde(skip_deserializing)]
    pub(crate) path_prefix: String,
    /// The addresses of the pages Alliance generates, in this language.
    #[serde(skip)]
    pub(crate) generated: Generated,
    /// The text of config.toml, for diagnostics that point into it.
    #[serde(skip)]
    pub(crate) source_text: String,
}

/// `[languages.X]`: a further language of the site. Its text tables are
/// read here to check their keys; [`Config::translated`] lays them over the
/// default language's, key by key.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LanguageConfig {
    /// The site's name in this language.
    #[serde(default)]
    pub(crate) title: Option<String>,
    /// The site's description in this language.
    #[serde(default)]
    pub(crate) description: Option<String>,
    /// Whether a page without its translation is an error (else a warning).
    #[serde(default)]
    pub(crate) require_translation: bool,
    /// `[languages.X.partnership]`: the partnership's words in this language.
    #[serde(default)]
    pub(crate) partnership: Option<Partnership>,
    /// `[languages.X.contact]`.
    #[serde(default)]
    pub(crate) contact: Option<Contact>,
    /// `[languages.X.accessibility]`.
    #[serde(default)]
    pub(crate) accessibility: Option<Accessibility>,
    /// `[languages.X.archive]`.
    #[serde(default)]
    pub(crate) archive: Option<Archive>,
    /// `[languages.X.extra]`.
    #[serde(default)]
    pub(crate) extra: Option<toml::Table>,
}

/// The addresses of the pages Alliance generates (A to Z, accessibility
/// statement, search page, calendar, 404 page) in one language: the default
/// language's at the root, another's under its folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Generated {
    /// The A to Z.
    pub(crate) a_to_z: String,
    /// The accessibility statement.
    pub(crate) statement: String,
    /// The search page.
    pub(crate) search: String,
    /// The calendar of every meeting.
    pub(crate) calendar: String,
    /// The page a host shows for a missing address.
    pub(crate) not_found: String,
}

impl Generated {
    /// The addresses under `prefix` (`""` or `cy/`).
    pub(crate) fn under(prefix: &str) -> Generated {
        Generated {
            a_to_z: format!("{prefix}a-z/"),
            statement: format!("{prefix}accessibility/"),
            search: format!("{prefix}search/"),
            calendar: format!("{prefix}meetings.ics"),
            not_found: format!("{prefix}404.html"),
        }
    }
}

impl Default for Generated {
    fn default() -> Self {
        Generated::under("")
    }
}

/// The text tables a language may override, key by key.
const TEXT_TABLES: [&str; 5] = [
    "partnership",
    "contact",
    "accessibility",
    "archive",
    "extra",
];

/// `[partnership]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Partnership {
    /// The partnership's name; defaults to the site title.
    #[serde(default)]
    pub name: String,
    /// The area it serves, e.g. "Welwyn Hatfield".
    #[serde(default)]
    pub(crate) area: String,
    /// What kind of body it is, e.g. "Local Strategic Partnership".
    #[serde(default)]
    pub(crate) kind: String,
    /// A logo under `static/`, e.g. `images/logo.svg`.
    #[serde(default)]
    pub(crate) logo: String,
    /// Whether it still exists: `active`, `closed`, `merged` or `replaced`.
    #[serde(default)]
    pub(crate) status: PartnershipStatus,
    /// When it closed (required unless active).
    pub(crate) closed: Option<SiteDate>,
    /// The body that took over its work.
    pub(crate) successor: Option<Successor>,
}

/// Whether the partnership still exists.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum PartnershipStatus {
    /// It is working.
    #[default]
    Active,
    /// It closed.
    Closed,
    /// It merged with another body.
    Merged,
    /// Another body replaced it.
    Replaced,
}

/// `[partnership] successor = { name, url }`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Successor {
    /// Its name.
    pub(crate) name: String,
    /// Its website.
    pub(crate) url: Option<String>,
}

/// `[meetings]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Meetings {
    /// The clear days before a meeting by which its agenda must be published.
    #[serde(default = "default_notice_days")]
    pub(crate) notice_days: u32,
    /// The days after a held meeting by which its minutes should be published.
    #[serde(default = "default_minutes_days")]
    pub(crate) minutes_days: u32,
}

impl Default for Meetings {
    fn default() -> Self {
        Meetings {
            notice_days: default_notice_days(),
            minutes_days: default_minutes_days(),
        }
    }
}

/// `[contact]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Contact {
    /// Lines of the postal address.
    #[serde(default)]
    pub(crate) address: Vec<String>,
    /// Telephone number.
    #[serde(default)]
    pub(crate) phone: String,
    /// Email address.
    #[serde(default)]
    pub(crate) email: String,
}

/// `[review]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Review {
    /// A page not reviewed for longer than this is reported by `check`.
    #[serde(default = "default_review_months")]
    pub(crate) period_months: u32,
}

impl Default for Review {
    fn default() -> Self {
        Review {
            period_months: default_review_months(),
        }
    }
}

/// How far the site meets WCAG, for the accessibility statement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum ComplianceStatus {
    /// Fully compliant.
    #[default]
    Full,
    /// Partially compliant.
    Partial,
    /// Not compliant.
    None,
}

/// `[accessibility]`: the facts the accessibility statement is written from.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Accessibility {
    /// Compliance status.
    #[serde(default)]
    pub(crate) status: ComplianceStatus,
    /// When the site was last tested.
    pub(crate) last_tested: Option<SiteDate>,
    /// Who tested it; defaults to the partnership.
    #[serde(default)]
    pub(crate) tested_by: String,
    /// When the statement was first prepared.
    pub(crate) prepared: Option<SiteDate>,
    /// When the statement was last reviewed.
    pub(crate) reviewed: Option<SiteDate>,
    /// Who to contact about accessibility; defaults to `[contact] email`.
    #[serde(default)]
    pub(crate) contact: String,
    /// How many days it takes to answer a request for another format.
    pub(crate) response_days: Option<u32>,
    /// Known problems: a sentence each, or tables with more detail.
    #[serde(default)]
    pub(crate) issues: Vec<Issue>,
}

/// Why a part of the site is not accessible, as the statement's headings sort them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum IssueKind {
    /// It fails WCAG and should be fixed.
    #[default]
    NonCompliance,
    /// Fixing it now would be a disproportionate burden (regulation 7).
    DisproportionateBurden,
    /// It is exempt from the regulations (e.g. PDFs published before 23 September 2018).
    OutOfScope,
}

/// One known accessibility problem: `"A sentence."` or
/// `{ text = "...", criteria = ["1.1.1"], fix_by = 2027-03-31, kind = "non-compliance" }`.
#[derive(Debug, Clone, Default, Serialize)]
pub(crate) struct Issue {
    /// What is not accessible, in a sentence.
    pub(crate) text: String,
    /// The WCAG success criteria it fails.
    pub(crate) criteria: Vec<Criterion>,
    /// When it will be fixed.
    pub(crate) fix_by: Option<SiteDate>,
    /// Why it is not accessible.
    pub(crate) kind: IssueKind,
}

/// The table form of an [`Issue`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IssueTable {
    text: String,
    #[serde(default)]
    criteria: Vec<Criterion>,
    fix_by: Option<SiteDate>,
    #[serde(default)]
    kind: IssueKind,
}

impl<'de> Deserialize<'de> for Issue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IssueVisitor;
        impl<'de> serde::de::Visitor<'de> for IssueVisitor {
            type Value = Issue;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a sentence, or a table { text = \"...\", criteria = [\"1.1.1\"] }")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Issue, E> {
                Ok(Issue {
                    text: text.to_owned(),
                    ..Issue::default()
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Issue, A::Error> {
                let t = IssueTable::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Issue {
                    text: t.text,
                    criteria: t.criteria,
                    fix_by: t.fix_by,
                    kind: t.kind,
                })
            }
        }
        deserializer.deserialize_any(IssueVisitor)
    }
}

/// `[archive]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Archive {
    /// The archive that takes snapshots, named in their banner.
    #[serde(default)]
    pub organisation: String,
}

/// `[cms]`: the browser editor (Decap CMS). With `backend` set, `build`
/// writes `admin/` for editing the live site through a git host.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Cms {
    /// Decap's backend for the live site: `github`, `gitlab`, `gitea`, `git-gateway`...
    #[serde(default)]
    pub(crate) backend: Option<String>,
    /// The repository on the git host, `owner/name`.
    #[serde(default)]
    pub(crate) repo: Option<String>,
    /// The branch edits are committed to.
    #[serde(default = "default_branch")]
    pub(crate) branch: String,
    /// Where the editor's script is loaded from, instead of the pinned copy on unpkg.
    #[serde(default)]
    pub(crate) script: Option<String>,
}

impl Default for Cms {
    fn default() -> Self {
        Cms {
            backend: None,
            repo: None,
            branch: default_branch(),
            script: None,
        }
    }
}

fn default_branch() -> String {
    "main".to_owned()
}

/// `[markdown]`.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MarkdownOptions {
    /// Let raw HTML in Markdown through (it is escaped otherwise).
    #[serde(default)]
    pub(crate) unsafe_html: bool,
}

/// `[search]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SearchOptions {
    /// Make the search page, the box in every header and the index (default true).
    #[serde(default = "default_true")]
    pub(crate) enabled: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { enabled: true }
    }
}

/// `[pagination]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Pagination {
    /// The items a page of a section's list shows: its news, publications or
    /// past meetings (default 20).
    #[serde(default = "default_per_page")]
    pub(crate) per_page: usize,
    /// The A to Z becomes an index of letters with a page for each once it
    /// lists more pages than this (default 2,000); a letter with more pages
    /// than this becomes an index of pages by its first two letters, each
    /// cut in runs of this many; so no page grows with the site.
    #[serde(default = "default_a_to_z")]
    pub(crate) a_to_z: usize,
}

impl Default for Pagination {
    fn default() -> Self {
        Pagination {
            per_page: default_per_page(),
            a_to_z: default_a_to_z(),
        }
    }
}

fn default_a_to_z() -> usize {
    2000
}

fn default_per_page() -> usize {
    20
}
fn default_true() -> bool {
    true
}
fn default_language() -> String {
    "en-GB".into()
}
fn default_theme() -> String {
    "civic".into()
}
fn default_timezone() -> String {
    "Europe/London".into()
}
fn default_review_months() -> u32 {
    12
}
fn default_notice_days() -> u32 {
    5
}
fn default_minutes_days() -> u32 {
    10
}

/// The byte offset of `key` in `[table]` of config text, or 0 if it is not written there.
fn key_in_table(text: &str, table: &str, key: &str) -> usize {
    text.find(&format!("[{table}]"))
        .and_then(|at| text[at..].find(key).map(|s| at + s))
        .unwrap_or(0)
}

impl Config {
    /// Reads and checks `config.toml` at `path` (reported as `display`). All its errors are returned.
    pub fn load(path: &Path, display: &Path) -> Result<Config, Vec<Diagnostic>> {
        let bytes = std::fs::read(path).map_err(|e| {
            vec![
                Diagnostic::error(display, format!("cannot read the site's settings: {e}"))
                    .with_hint(
                        "run Alliance in a site folder (one with config.toml), or pass --root DIR",
                    ),
            ]
        })?;
        let text = crate::diagnostic::decode_text(
            bytes,
            display,
            "config.toml",
            "save config.toml as UTF-8: in your editor, Save As › Encoding › UTF-8",
        )?;
        Config::parse(&text, display)
    }

    /// Parses config text. All its errors are returned.
    pub fn parse(text: &str, display: &Path) -> Result<Config, Vec<Diagnostic>> {
        let source = TomlSource {
            path: display,
            file_text: text,
            toml: text,
            offset: 0,
        };
        let mut config: Config = source.parse()?;
        let mut errors = Vec::new();
        config.base_url = config.base_url.trim_end_matches('/').to_owned();
        if !(config.base_url.starts_with("https://") || config.base_url.starts_with("http://")) {
            let offset = text.find("base_url").unwrap_or(0);
            errors.push(
                source
                    .error_at(offset, "`base_url` must be an absolute http(s) address")
                    .with_hint("e.g. base_url = \"https://www.example.org.uk\""),
            );
        }
        if jiff::tz::TimeZone::get(&config.timezone).is_err() {
            let offset = text.find("timezone").unwrap_or(0);
            errors.push(
                source
                    .error_at(offset, format!("`{}` is not a time zone", config.timezone))
                    .with_hint("use an IANA time-zone name, e.g. timezone = \"Europe/London\""),
            );
        }
        if let Some(successor) = &config.partnership.successor
            && let Some(url) = &successor.url
            && let Some(problem) = crate::util::url::link_problem(url)
        {
            let span = toml::de::DeTable::parse(text).ok().and_then(|table| {
                crate::toml_source::value_span(
                    table.get_ref(),
                    &["partnership", "successor", "url"],
                )
            });
            errors.push(
                source
                    .error_at(
                        span.map_or(0, |s| s.start),
                        format!("the successor's `url` {problem}: `{}`", url.escape_debug()),
                    )
                    .with_hint(crate::util::url::LINK_HINT),
            );
        }
        if config.pagination.per_page == 0 {
            errors.push(
                source
                    .error_at(
                        key_in_table(text, "pagination", "per_page"),
                        "`per_page` must be at least 1",
                    )
                    .with_hint("e.g. per_page = 20, the items on each page of a long list"),
            );
        }
        let partnership = &config.partnership;
        if partnership.status != PartnershipStatus::Active && partnership.closed.is_none() {
            errors.push(
                source
                    .error_at(
                        key_in_table(text, "partnership", "status"),
                        "a partnership that has closed needs the date it closed",
                    )
                    .with_hint("add `closed = 2011-03-31` under [partnership]"),
            );
        }
        check_language_codes(&source, &config, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        if config.partnership.name.is_empty() {
            config.partnership.name = config.title.clone();
        }
        if config.accessibility.contact.is_empty() {
            config.accessibility.contact = config.contact.email.clone();
        }
        config.source_text = text.to_owned();
        Ok(config)
    }

    /// The settings in the further language `code`: its title, description
    /// and text tables laid over the default language's key by key, its pages
    /// under `code/`. `None` if `code` is not a language of the site.
    pub(crate) fn translated(&self, code: &str) -> Option<Config> {
        let language = self.languages.get(code)?;
        let mut table: toml::Table = self.source_text.parse().ok()?;
        let overrides = table
            .remove("languages")
            .and_then(|mut all| all.as_table_mut()?.remove(code))
            .and_then(|v| v.try_into::<toml::Table>().ok())
            .unwrap_or_default();
        for name in TEXT_TABLES {
            let Some(toml::Value::Table(over)) = overrides.get(name) else {
                continue;
            };
            let entry = table
                .entry(name)
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            if let toml::Value::Table(base) = entry {
                base.extend(over.clone());
            }
        }
        let mut config =
            Config::parse(&toml::to_string(&table).ok()?, Path::new("config.toml")).ok()?;
        config.title = language.title.clone().unwrap_or_else(|| self.title.clone());
        config.description = language
            .description
            .clone()
            .unwrap_or_else(|| self.description.clone());
        let names_partnership = overrides
            .get("partnership")
            .is_some_and(|p| p.get("name").is_some());
        if !names_partnership && self.partnership.name == self.title {
            config.partnership.name = config.title.clone();
        }
        config.base_url = self.base_url.clone();
        config.language = code.to_owned();
        config.languages = self.languages.clone();
        config.path_prefix = format!("{code}/");
        config.generated = Generated::under(&config.path_prefix);
        config.source_text = self.source_text.clone();
        Some(config)
    }

    /// A site path as templates write it, in this language: the home page
    /// (`""`) and the generated pages move under the language's folder.
    pub(crate) fn localise<'a>(&self, path: &'a str) -> std::borrow::Cow<'a, str> {
        if self.path_prefix.is_empty() {
            return path.into();
        }
        let root = Generated::default();
        let generated = [
            &root.a_to_z,
            &root.statement,
            &root.search,
            &root.calendar,
            &root.not_found,
        ];
        if path.is_empty() || generated.iter().any(|g| *g == path) {
            format!("{}{path}", self.path_prefix).into()
        } else {
            path.into()
        }
    }

    /// The site's time zone (checked when the config was read).
    pub(crate) fn time_zone(&self) -> jiff::tz::TimeZone {
        jiff::tz::TimeZone::get(&self.timezone).unwrap_or(jiff::tz::TimeZone::UTC)
    }

    /// How many months a page may go unreviewed: `[review] period_months`, 12 by default.
    pub(crate) fn review_period_months(&self) -> u32 {
        self.review
            .as_ref()
            .map_or_else(default_review_months, |r| r.period_months)
    }

    /// The day the partnership closed, if it has (`[partnership] status` is not `active`).
    pub(crate) fn closed_on(&self) -> Option<jiff::civil::Date> {
        match self.partnership.status {
            PartnershipStatus::Active => None,
            _ => self.partnership.closed.map(|d| d.date),
        }
    }

    /// The path of `base_url` on its host, between slashes: `/` for
    /// `https://e.org`, `/partnership/` for `https://e.org/partnership`.
    pub(crate) fn base_path(&self) -> String {
        let after_scheme = self.base_url.split_once("://").map_or("", |(_, rest)| rest);
        match after_scheme.find('/') {
            Some(i) => format!("{}/", after_scheme[i..].trim_end_matches('/')),
            None => "/".to_owned(),
        }
    }

    /// The absolute URL of a site path such as `about/`.
    pub(crate) fn absolute_url(&self, path: &str) -> String {
        format!("{}/{}", self.base_url, path)
    }
}

/// Each `[languages.X]` must be a language code (letters and hyphens, as
/// `cy` or `ga-IE`) other than the default `language`: it becomes a folder
/// of the site and the pages' `lang`.
fn check_language_codes(source: &TomlSource<'_>, config: &Config, errors: &mut Vec<Diagnostic>) {
    let text = source.toml;
    for code in config.languages.keys() {
        let place = [format!("[languages.{code}]"), format!("languages.{code}")]
            .iter()
            .find_map(|at| text.find(at.as_str()))
            .or_else(|| text.find("languages"))
            .unwrap_or(0);
        let well_formed = !code.is_empty()
            && code.len() <= 12
            && code.split('-').all(|part| {
                (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
            })
            && code.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if !well_formed {
            errors.push(
                source
                    .error_at(place, format!("`{code}` is not a language code"))
                    .with_hint("name each language by its code, e.g. [languages.cy] for Welsh"),
            );
        } else if code.eq_ignore_ascii_case(&config.language)
            || config
                .language
                .split('-')
                .next()
                .is_some_and(|primary| primary.eq_ignore_ascii_case(code))
        {
            errors.push(
                source
                    .error_at(
                        place,
                        format!("`{code}` is the site's default language (`language = \"{}\"`)", config.language),
                    )
                    .with_hint("[languages.X] tables are for the further languages: remove this one, or change `language`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_config_gets_defaults() {
        let c = Config::parse(
            "title = \"T\"\nbase_url = \"https://e.org/\"\n",
            Path::new("config.toml"),
        )
        .unwrap();
        assert_eq!(c.base_url, "https://e.org");
        assert_eq!(c.base_path(), "/");
        assert_eq!(c.language, "en-GB");
        assert_eq!(c.theme, "civic");
        assert_eq!(c.partnership.name, "T");
        assert!(c.review.is_none());
        assert_eq!(c.review_period_months(), 12);
        assert_eq!(c.pagination.per_page, 20);
    }

    #[test]
    fn per_page_is_read_and_zero_is_refused() {
        let text = "title = \"T\"\nbase_url = \"https://e.org\"\n[pagination]\nper_page = 5\n";
        let c = Config::parse(text, Path::new("config.toml")).unwrap();
        assert_eq!(c.pagination.per_page, 5);
        let err = Config::parse(&text.replace('5', "0"), Path::new("config.toml"))
            .unwrap_err()
            .remove(0);
        assert_eq!((err.position.line, err.position.col), (4, 1));
        assert_eq!(err.message, "`per_page` must be at least 1");
    }

    #[test]
    fn unknown_table_key_is_an_error_with_hint() {
        let err = Config::parse(
            "title = \"T\"\nbase_url = \"https://e.org\"\n[contact]\nphon = \"1\"\n",
            Path::new("config.toml"),
        )
        .unwrap_err()
        .remove(0);
        assert_eq!(err.position.line, 4);
        assert_eq!(err.hint.as_deref(), Some("did you mean `phone`?"));
    }

    #[test]
    fn issues_are_sentences_or_tables() {
        let c = Config::parse(
            "title = \"T\"\nbase_url = \"https://e.org\"\n[accessibility]\nissues = [\n  \"Old PDFs.\",\n  { text = \"Maps\", criteria = [\"1.1.1\"], kind = \"out-of-scope\" },\n]\n",
            Path::new("config.toml"),
        )
        .unwrap();
        let issues = &c.accessibility.issues;
        assert_eq!(issues[0].text, "Old PDFs.");
        assert_eq!(issues[0].kind, IssueKind::NonCompliance);
        assert_eq!(issues[1].criteria[0].name, "Non-text Content");
        assert_eq!(issues[1].kind, IssueKind::OutOfScope);
    }

    #[test]
    fn bad_issue_entries_are_placed() {
        let text = "title = \"T\"\nbase_url = \"https://e.org\"\n[accessibility]\nissues = [\n  { text = \"Maps\", criteria = [\"1.1.9\"] },\n  { txt = \"x\" },\n]\n";
        let err = Config::parse(text, Path::new("config.toml"))
            .unwrap_err()
            .remove(0);
        assert_eq!(err.position.line, 5);
        assert!(
            err.message.contains("`1.1.9` is not a WCAG 2.2"),
            "{}",
            err.message
        );
        let text = text.replace("1.1.9", "1.1.1");
        let err = Config::parse(&text, Path::new("config.toml"))
            .unwrap_err()
            .remove(0);
        assert_eq!(err.position.line, 6);
        assert_eq!(err.message, "unknown key `txt`");
        assert_eq!(err.hint.as_deref(), Some("did you mean `text`?"));
    }

    #[test]
    fn every_error_is_reported_together() {
        let errors = Config::parse(
            "title = 3\nbase_url = \"https://e.org\"\n[contact]\nphon = \"1\"\n[review]\nperiod_months = \"x\"\n",
            Path::new("config.toml"),
        )
        .unwrap_err();
        let lines: Vec<usize> = errors.iter().map(|e| e.position.line).collect();
        assert_eq!(lines, [1, 4, 6], "{errors:?}");
        let errors = Config::parse(
            "title = \"T\"\nbase_url = \"/x\"\ntimezone = \"Mars/Olympus\"\n",
            Path::new("config.toml"),
        )
        .unwrap_err();
        assert_eq!(errors.len(), 2);
    }

    #[test]
    fn a_language_overrides_the_text_tables_key_by_key() {
        let c = Config::parse(
            "title = \"Vale\"\nbase_url = \"https://e.org\"\n[contact]\nphone = \"01\"\naddress = [\"Holton Road\"]\n[languages.cy]\ntitle = \"Bro\"\nrequire_translation = true\n[languages.cy.contact]\naddress = [\"Heol Holton\"]\n",
            Path::new("config.toml"),
        )
        .unwrap();
        assert!(c.languages["cy"].require_translation);
        let cy = c.translated("cy").unwrap();
        assert_eq!(cy.title, "Bro");
        assert_eq!(cy.language, "cy");
        assert_eq!(cy.path_prefix, "cy/");
        assert_eq!(cy.partnership.name, "Bro");
        assert_eq!(cy.contact.address, ["Heol Holton"]);
        assert_eq!(cy.contact.phone, "01");
        assert!(c.translated("fr").is_none());
    }

    #[test]
    fn a_bad_language_table_is_placed_with_a_hint() {
        let err = Config::parse(
            "title = \"T\"\nbase_url = \"https://e.org\"\n[languages.cy]\ntitle = \"B\"\n[languages.cy.partnershp]\nname = \"P\"\n",
            Path::new("config.toml"),
        )
        .unwrap_err()
        .remove(0);
        assert_eq!((err.position.line, err.position.col), (5, 15), "{err:?}");
        assert_eq!(err.hint.as_deref(), Some("did you mean `partnership`?"));
        let err = Config::parse(
            "title = \"T\"\nbase_url = \"https://e.org\"\n[languages.en]\ntitle = \"B\"\n",
            Path::new("config.toml"),
        )
        .unwrap_err()
        .remove(0);
        assert_eq!(err.position.line, 3);
        assert!(err.message.contains("default language"), "{}", err.message);
        let err = Config::parse(
            "title = \"T\"\nbase_url = \"https://e.org\"\n[languages.\"c y\"]\ntitle = \"B\"\n",
            Path::new("config.toml"),
        )
        .unwrap_err()
        .remove(0);
        assert_eq!(err.message, "`c y` is not a language code");
    }

    #[test]
    fn relative_base_url_is_refused() {
        let err = Config::parse(
            "title = \"T\"\nbase_url = \"/x\"\n",
            Path::new("config.toml"),
        )
        .unwrap_err()
        .remove(0);
        assert_eq!(err.position.line, 2);
    }
}
