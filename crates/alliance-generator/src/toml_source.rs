//! Reading TOML (config and front matter) with errors that point into the file.

use std::path::Path;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::date::SiteDate;
use crate::diagnostic::{Diagnostic, nearest};

/// A piece of TOML inside a larger file: `offset` is where it starts in `file_text`.
#[derive(Debug, Clone, Copy)]
pub struct TomlSource<'a> {
    /// The file's path, for diagnostics.
    pub path: &'a Path,
    /// The whole file, for line and column numbers.
    pub file_text: &'a str,
    /// The TOML itself.
    pub toml: &'a str,
    /// Byte offset of `toml` inside `file_text`.
    pub offset: usize,
}

impl TomlSource<'_> {
    /// Deserialises the TOML, turning every error into a diagnostic with a place and hint.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Vec<Diagnostic>> {
        let table = DeTable::parse(self.toml).map_err(|err| vec![self.diagnostic(&err)])?;
        deserialize_all(table).map_err(|errs| {
            let mut found: Vec<Diagnostic> = errs.iter().map(|e| self.diagnostic(e)).collect();
            found.sort_by_key(|d| d.position);
            found
        })
    }

    /// A diagnostic at a byte range of the TOML text.
    pub fn error_at(&self, start: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.path, message).at_offset(self.file_text, self.offset + start)
    }

    /// For a TOML syntax error at `start` that is a date written another way
    /// (`date = 01/12/2026`): the message and a hint giving the line to write,
    /// without quotes, so following it leads to no second error.
    pub fn unquoted_date(&self, start: usize) -> Option<(String, String)> {
        let rest = self.toml.get(start..)?;
        let token = rest.split([' ', '\t', '\r', '\n', '#', ',', ']']).next()?;
        let date = crate::date::meant(token)?;
        let long = SiteDate { date, time: None }.long();
        let line_start = self.toml[..start].rfind('\n').map_or(0, |i| i + 1);
        let key = self.toml[line_start..start]
            .trim_end()
            .trim_end_matches('=')
            .trim();
        let line = if key.is_empty() {
            format!("{date}")
        } else {
            format!("`{key} = {date}`")
        };
        Some((
            format!("`{token}` is not a date TOML can read"),
            format!("write {line} ({long}): year-month-day, without quotes"),
        ))
    }

    fn diagnostic(&self, err: &toml::de::Error) -> Diagnostic {
        let start = err.span().map_or(0, |s| s.start);
        if let Some((message, hint)) = self.unquoted_date(start) {
            return self.error_at(start, message).with_hint(hint);
        }
        let raw = err.message().trim();
        let (message, hint) = explain(raw);
        let diagnostic = self.error_at(start, message);
        match hint {
            Some(hint) => diagnostic.with_hint(hint),
            None => diagnostic,
        }
    }
}

/// Deserialises a parsed table, reporting every error rather than the first:
/// after each error the value it is about is left out and the rest read again.
/// A key reported missing after something was left out may be that value: it
/// is not reported, and the table missing it is left out in turn.
pub fn deserialize_all<T: DeserializeOwned>(
    mut table: Spanned<DeTable<'_>>,
) -> Result<T, Vec<toml::de::Error>> {
    let mut errors = Vec::new();
    loop {
        let err = match T::deserialize(toml::Deserializer::from(table.clone())) {
            Ok(value) if errors.is_empty() => return Ok(value),
            Ok(_) => return Err(errors),
            Err(err) => err,
        };
        let at = err.span().map(|s| s.start);
        let knock_on = err.message().starts_with("missing field") && !errors.is_empty();
        if !knock_on {
            errors.push(err);
        }
        let root = table.span().start;
        let nested = at.filter(|&at| !knock_on || at != root);
        if !nested.is_some_and(|at| leave_out(table.get_mut(), at)) {
            return Err(errors);
        }
    }
}

/// Removes the innermost key whose key or value holds the byte `at`; whether one did.
fn leave_out(table: &mut DeTable<'_>, at: usize) -> bool {
    let mut found = None;
    for (key, value) in table.iter_mut() {
        let (key_span, value_span) = (key.span(), value.span());
        // A `[table]`'s span need not cover its keys: look inside every table.
        if let DeValue::Table(inner) = value.get_mut()
            && leave_out(inner, at)
        {
            return true;
        }
        if key_span.contains(&at) || value_span.contains(&at) {
            found = Some(key.get_ref().to_string());
            break;
        }
    }
    found.is_some_and(|name| table.remove(name.as_str()).is_some())
}

/// Turns serde's messages into an editor's words, with a hint where one helps.
fn explain(raw: &str) -> (String, Option<String>) {
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let hint = match nearest(field, known.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None if known.is_empty() => "remove this key".to_owned(),
            None => format!("known keys here are {}", quote_all(&known)),
        };
        return (format!("unknown key `{field}`"), Some(hint));
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        return (
            format!("missing required key `{field}`"),
            Some(format!("add a line such as `{field} = \"...\"`")),
        );
    }
    if raw.starts_with("unknown variant `") {
        let mut parts = raw.split('`');
        let value = parts.nth(1).unwrap_or_default();
        let known: Vec<&str> = raw
            .split_once("expected")
            .map(|(_, e)| e.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let hint = match nearest(value, known.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("use one of {}", quote_all(&known)),
        };
        return (format!("`{value}` is not an allowed value"), Some(hint));
    }
    if raw.contains("invalid type") {
        return (
            raw.replace("invalid type: ", "wrong kind of value: "),
            Some(
                "check the quotes and brackets: text needs \"quotes\", lists need [brackets]"
                    .into(),
            ),
        );
    }
    let hint = if raw.contains("string") || raw.contains("key") || raw.contains("invalid") {
        Some("front matter and config are TOML: `key = \"value\"`, one per line".to_owned())
    } else {
        None
    };
    (raw.to_owned(), hint)
}

fn quote_all(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("`{w}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Sample {
        title: String,
        weight: Option<i64>,
    }

    fn parse_all(text: &str) -> Result<Sample, Vec<Diagnostic>> {
        TomlSource {
            path: Path::new("x.toml"),
            file_text: text,
            toml: text,
            offset: 0,
        }
        .parse()
    }

    fn parse(text: &str) -> Result<Sample, Diagnostic> {
        parse_all(text).map_err(|mut e| e.remove(0))
    }

    #[test]
    fn every_bad_value_is_reported() {
        let e = parse_all("title = 1\nweight = \"x\"\ntitel = 2\n").unwrap_err();
        let lines: Vec<usize> = e.iter().map(|d| d.position.line).collect();
        assert_eq!(lines, [1, 2, 3], "{e:?}");
    }

    #[test]
    fn unknown_key_points_at_it_and_suggests() {
        let err = parse("title = \"a\"\ntitel = \"b\"\n").unwrap_err();
        assert_eq!(err.message, "unknown key `titel`");
        assert_eq!(err.position.line, 2);
        assert_eq!(err.hint.as_deref(), Some("did you mean `title`?"));
    }

    #[test]
    fn malformed_toml_has_a_place() {
        let err = parse("title = \"a\nweight = 2\n").unwrap_err();
        assert_eq!(err.position.line, 1);
        assert!(err.position.col > 1);
    }

    #[test]
    fn missing_key_is_named() {
        let err = parse("weight = 1\n").unwrap_err();
        assert_eq!(err.message, "missing required key `title`");
    }
}
