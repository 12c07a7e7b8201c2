//! Front matter: the `+++`-fenced TOML at the top of every content file.

use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::de::DeTable;

use crate::date::SiteDate;
use crate::diagnostic::{Diagnostic, Position, suggest};
use crate::load::kind::{COMMON, PageKind};
use crate::toml_source::TomlSource;
pub(crate) use crate::toml_source::value_span;
use crate::util::url::{inside_site, slug_problem};

/// The front matter keys common to all pages, deserialised.
#[derive(Debug, Clone, Deserialize, Serialize, Default, PartialEq)]
pub(crate) struct FrontMatter {
    /// The page's title (required): its `<h1>` and `<title>`.
    pub(crate) title: String,
    /// A one-sentence summary, for listings and search engines.
    #[serde(default)]
    pub(crate) description: Option<String>,
    /// When the page was first published.
    #[serde(default)]
    pub(crate) date: Option<SiteDate>,
    /// When it last changed.
    #[serde(default)]
    pub(crate) updated: Option<SiteDate>,
    /// The date of last review, shown on the page.
    #[serde(default)]
    pub(crate) reviewed: Option<SiteDate>,
    /// Who answers for the content.
    #[serde(default)]
    pub(crate) owner: Option<String>,
    /// Order among siblings (lower first).
    #[serde(default)]
    pub(crate) weight: Option<i64>,
    /// A draft is not published.
    #[serde(default)]
    pub(crate) draft: bool,
    /// Replaces the last part of the page's URL.
    #[serde(default)]
    pub(crate) slug: Option<String>,
    /// Old URLs that should redirect here.
    #[serde(default)]
    pub(crate) aliases: Vec<String>,
    /// A template to use instead of the default for this kind of page.
    #[serde(default)]
    pub(crate) template: Option<String>,
    /// The typed kind (`organisation`, `group`, ...), if any: checked, then
    /// set by [`parse`], not deserialised with the rest.
    #[serde(skip_deserializing)]
    pub(crate) kind: Option<PageKind>,
    /// Free-form values for templates.
    #[serde(default)]
    pub(crate) extra: toml::Table,
}

/// A content file split into its front matter and body.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    /// The common keys.
    pub(crate) front: FrontMatter,
    /// The kind-specific keys, for the domain model to read.
    pub(crate) typed: toml::Table,
    /// Byte offset of the TOML inside the file.
    pub(crate) toml_offset: usize,
    /// Byte offset where the Markdown body starts.
    pub(crate) body_offset: usize,
}

/// Splits `text` into TOML and body and checks the keys. All key errors are returned.
pub(crate) fn parse(path: &Path, text: &str) -> Result<Parsed, Vec<Diagnostic>> {
    let (toml_offset, toml_text, body_offset) = split(path, text).map_err(|d| vec![d])?;
    let source = TomlSource {
        path,
        file_text: text,
        toml: toml_text,
        offset: toml_offset,
    };
    let table = DeTable::parse(toml_text).map_err(|e| {
        if let Some(deep) = source.too_deep(&e) {
            return vec![deep];
        }
        let start = e.span().map_or(0, |s| s.start);
        let (message, hint) = source.unquoted_date(start).unwrap_or_else(|| {
            (
                format!("malformed front matter: {}", e.message().trim()),
                "front matter is TOML: `key = \"value\"`, one per line, text in quotes".into(),
            )
        });
        vec![source.error_at(start, message).with_hint(hint)]
    })?;
    let mut errors = source.control_characters(table.get_ref());
    let kind = read_kind(&source, &table, &mut errors);
    let kind_keys = kind.map_or(&[][..], PageKind::keys);
    let known = |name: &str| COMMON.iter().chain(kind_keys).any(|k| k.name == name);
    for (key, _) in table.get_ref().iter() {
        let name: &str = key.get_ref();
        if known(name) {
            continue;
        }
        let allowed = COMMON.iter().chain(kind_keys).map(|k| k.name);
        let mut hint = suggest(name, allowed);
        if table.get_ref().get("kind").is_none()
            && let Some(k) = PageKind::ALL.into_iter().find(|k| k.has_key(name))
        {
            hint = format!(
                "`{name}` belongs to typed pages: add `kind = \"{k}\"` if this page is one"
            );
        }
        errors.push(
            source
                .error_at(
                    key.span().start,
                    format!("unknown front-matter key `{name}`"),
                )
                .with_hint(hint),
        );
    }
    let front = match FrontMatter::deserialize(toml::Deserializer::from(table.clone())) {
        Ok(front) => Some(front),
        Err(e) => {
            let err = source_error(&source, &e);
            // A key error already explains an unknown key; keep type errors too.
            errors.push(err);
            None
        }
    };
    if let Some(front) = &front
        && front.title.trim().is_empty()
    {
        let at = table.get_ref().get("title").map_or(0, |v| v.span().start);
        errors.push(
            source
                .error_at(at, "the page's `title` is empty")
                .with_hint("every page needs a title: it becomes its heading"),
        );
    }
    if let Some(front) = &front {
        check_addresses(&source, table.get_ref(), front, &mut errors);
    }
    errors.sort_by_key(|d| d.position);
    let mut typed = toml::Table::deserialize(toml::Deserializer::from(table)).unwrap_or_default();
    typed.retain(|k, _| kind_keys.iter().any(|key| key.name == k));
    match front {
        Some(front) if errors.is_empty() => Ok(Parsed {
            front: FrontMatter { kind, ..front },
            typed,
            toml_offset,
            body_offset,
        }),
        _ => Err(errors),
    }
}

/// A `slug` must be one URL segment and every alias an address inside the
/// site: anything else would be written outside its folder, or over another page.
fn check_addresses(
    source: &TomlSource<'_>,
    table: &DeTable<'_>,
    front: &FrontMatter,
    errors: &mut Vec<Diagnostic>,
) {
    if let Some(slug) = &front.slug
        && let Some(problem) = slug_problem(slug)
    {
        let at = table.get("slug").map_or(0, |v| v.span().start);
        errors.push(
            source
                .error_at(at, format!("the slug `{}` {problem}", slug.escape_debug()))
                .with_hint("a slug replaces the last part of the page's address: one word or words-with-dashes, e.g. slug = \"our-board\""),
        );
    }
    for (i, alias) in front.aliases.iter().enumerate() {
        if inside_site(alias) {
            continue;
        }
        let at = value_span(table, &["aliases", &i.to_string()]).map_or(0, |s| s.start);
        errors.push(
            source
                .error_at(
                    at,
                    format!(
                        "the alias `{}` is not an address inside the site",
                        alias.escape_debug()
                    ),
                )
                .with_hint("an alias is an old address of this page, e.g. \"/about-us/\": not the home page, without `.` or `..`"),
        );
    }
}

/// The page's `kind`, if it names one; an unknown kind or one that is not text is an error.
fn read_kind(
    source: &TomlSource<'_>,
    table: &toml::Spanned<DeTable<'_>>,
    errors: &mut Vec<Diagnostic>,
) -> Option<PageKind> {
    let value = table.get_ref().get("kind")?;
    let at = value.span().start;
    let Some(name) = value.get_ref().as_str() else {
        errors.push(
            source
                .error_at(at, "the page kind should be text in \"quotes\"")
                .with_hint(format!("e.g. kind = \"{}\"", PageKind::Group)),
        );
        return None;
    };
    let kind = PageKind::from_name(name);
    if kind.is_none() {
        errors.push(
            source
                .error_at(at, format!("unknown page kind `{name}`"))
                .with_hint(suggest(name, PageKind::ALL.map(PageKind::name))),
        );
    }
    kind
}

fn source_error(source: &TomlSource<'_>, e: &toml::de::Error) -> Diagnostic {
    let start = e.span().map_or(0, |s| s.start);
    let message = e.message().trim().to_owned();
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return source
            .error_at(0, format!("missing required front-matter key `{field}`"))
            .with_hint(format!("add `{field} = \"...\"` between the +++ lines"));
    }
    let hint = if message.contains("is not a valid date") {
        "dates are year-month-day, with two-digit month and day: 2026-12-01 is 1 December 2026"
    } else {
        "check the value's type: text in \"quotes\", dates as 2026-11-22, lists in [brackets]"
    };
    source.error_at(start, message).with_hint(hint)
}

/// Finds the `+++` fences. Returns (toml offset, toml text, body offset).
pub(crate) fn split<'t>(path: &Path, text: &'t str) -> Result<(usize, &'t str, usize), Diagnostic> {
    let start = usize::from(text.starts_with('\u{feff}')) * 3;
    let rest = &text[start..];
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != "+++" {
        return Err(Diagnostic::error(path, "the file does not start with front matter")
            .at(text, Position { line: 1, col: 1 })
            .with_hint("start the file with a line `+++`, then `title = \"...\"`, then another `+++` line"));
    }
    let toml_start = start + first_line_end;
    let mut offset = toml_start;
    for line in text[toml_start..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Ok((toml_start, &text[toml_start..offset], offset + line.len()));
        }
        offset += line.len();
    }
    Err(Diagnostic::error(path, "the front matter is never closed")
        .at(text, Position { line: 1, col: 1 })
        .with_hint("add a line `+++` after the last front-matter key"))
}

/// The places of every key and value in a piece of front matter, for
/// diagnostics about nested values (e.g. `members[2].org`).
pub(crate) fn spans(toml: &str) -> Option<DeTable<'_>> {
    DeTable::parse(toml).ok().map(|t| t.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errs(text: &str) -> Vec<Diagnostic> {
        parse(Path::new("content/a.md"), text).unwrap_err()
    }

    #[test]
    fn parses_common_keys_and_body() {
        let text = "+++\ntitle = \"About\"\nreviewed = 2026-01-02\nweight = 3\n+++\n# Hi\n";
        let p = parse(Path::new("a.md"), text).unwrap();
        assert_eq!(p.front.title, "About");
        assert_eq!(p.front.weight, Some(3));
        assert_eq!(p.front.reviewed.unwrap().iso_date(), "2026-01-02");
        assert_eq!(&text[p.body_offset..], "# Hi\n");
    }

    #[test]
    fn every_unknown_key_is_reported_with_its_line() {
        let e = errs("+++\ntitle = \"A\"\ntitel = \"x\"\nownr = \"y\"\n+++\n");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].position.line, 3);
        assert_eq!(e[0].hint.as_deref(), Some("did you mean `title`?"));
        assert_eq!(e[1].position.line, 4);
        assert_eq!(e[1].hint.as_deref(), Some("did you mean `owner`?"));
    }

    #[test]
    fn typed_keys_need_their_kind() {
        let e = errs("+++\ntitle = \"A\"\nsector = \"public\"\n+++\n");
        assert!(
            e[0].hint
                .as_deref()
                .unwrap()
                .contains("kind = \"organisation\"")
        );
        let ok = parse(
            Path::new("a.md"),
            "+++\ntitle = \"A\"\nkind = \"organisation\"\nsector = \"public\"\n+++\n",
        )
        .unwrap();
        assert!(ok.typed.get("sector").is_some());
        let toml = "members = [{ org = \"a\" }, { org = \"b\" }]\n";
        let t = spans(toml).unwrap();
        assert_eq!(
            value_span(&t, &["members", "1", "org"]).map(|r| &toml[r]),
            Some("\"b\"")
        );
    }

    #[test]
    fn the_kind_is_typed_and_an_unknown_one_is_placed() {
        let ok = parse(
            Path::new("a.md"),
            "+++\ntitle = \"A\"\nkind = \"group\"\n+++\n",
        )
        .unwrap();
        assert_eq!(ok.front.kind, Some(PageKind::Group));
        let e = errs("+++\ntitle = \"A\"\nkind = \"groupe\"\n+++\n");
        assert_eq!(e[0].message, "unknown page kind `groupe`");
        assert_eq!(e[0].position, Position { line: 3, col: 8 });
        assert_eq!(e[0].hint.as_deref(), Some("did you mean `group`?"));
        let e = errs("+++\ntitle = \"A\"\nkind = 3\n+++\n");
        assert!(e[0].message.contains("should be text"));
    }

    #[test]
    fn bad_date_and_malformed_toml_have_places() {
        let e = errs("+++\ntitle = \"A\"\ndate = \"2026-02-31\"\n+++\n");
        assert_eq!(e[0].position.line, 3);
        assert!(e[0].message.contains("not a valid date"));
        let e = errs("+++\ntitle = \"A\ndate = 1\n+++\n");
        assert_eq!(e[0].position.line, 2);
        assert!(e[0].message.starts_with("malformed front matter"));
    }

    #[test]
    fn missing_fences_and_title() {
        assert!(
            errs("# no front matter\n")[0]
                .message
                .contains("does not start")
        );
        assert!(
            errs("+++\ntitle = \"A\"\n")[0]
                .message
                .contains("never closed")
        );
        assert!(
            errs("+++\nweight = 1\n+++\n")[0]
                .message
                .contains("missing required")
        );
    }
}
