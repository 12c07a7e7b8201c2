//! Reading TOML (config and front matter) with errors that point into the file.

use std::path::Path;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::date::SiteDate;
use crate::diagnostic::{Diagnostic, nearest, refused};

/// A piece of TOML inside a larger file: `offset` is where it starts in `file_text`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TomlSource<'a> {
    /// The file's path, for diagnostics.
    pub(crate) path: &'a Path,
    /// The whole file, for line and column numbers.
    pub(crate) file_text: &'a str,
    /// The TOML itself.
    pub(crate) toml: &'a str,
    /// Byte offset of `toml` inside `file_text`.
    pub(crate) offset: usize,
}

impl TomlSource<'_> {
    /// Deserialises the TOML, turning every error into a diagnostic with a place and hint.
    pub(crate) fn parse<T: DeserializeOwned>(&self) -> Result<T, Vec<Diagnostic>> {
        let table = DeTable::parse(self.toml).map_err(|err| vec![self.diagnostic(&err)])?;
        let controls = self.control_characters(table.get_ref());
        let mut found = match deserialize_all(table) {
            Ok(value) if controls.is_empty() => return Ok(value),
            Ok(_) => Vec::new(),
            Err(errs) => errs.iter().map(|e| self.diagnostic(e)).collect(),
        };
        found.extend(controls);
        found.sort_by_key(|d| d.position);
        Err(found)
    }

    /// A diagnostic at a byte range of the TOML text.
    pub(crate) fn error_at(&self, start: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.path, message).at_offset(self.file_text, self.offset + start)
    }

    /// For a TOML syntax error at `start` that is a date written another way
    /// (`date = 01/12/2026`): the message and a hint giving the line to write,
    /// without quotes, so following it leads to no second error.
    pub(crate) fn unquoted_date(&self, start: usize) -> Option<(String, String)> {
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

    /// For a TOML syntax error about nesting (`a.b.c...` or `[[[[...]]]]`
    /// deeper than the parser goes): an error at the deepest line, with a hint.
    pub(crate) fn too_deep(&self, err: &toml::de::Error) -> Option<Diagnostic> {
        if !err.message().contains("recursion") {
            return None;
        }
        let mut offset = 0;
        let (mut at, mut deepest) = (0, 0);
        for line in self.toml.split_inclusive('\n') {
            let depth = line_depth(line);
            if depth > deepest {
                (at, deepest) = (offset, depth);
            }
            offset += line.len();
        }
        Some(
            self.error_at(at, "the keys or values here nest too deep to be read")
                .with_hint("tables and lists nest a few levels at most: check for a key with many dots or brackets that are never closed"),
        )
    }

    /// Every key and text value that holds a control character (other than
    /// tab and line ends), placed at the escape that wrote it (`"\u0000"`).
    pub(crate) fn control_characters(&self, table: &DeTable<'_>) -> Vec<Diagnostic> {
        let mut found = Vec::new();
        self.controls_in_table(table, &mut found);
        found
    }

    fn controls_in_table(&self, table: &DeTable<'_>, found: &mut Vec<Diagnostic>) {
        for (key, value) in table.iter() {
            self.control_in(key.get_ref(), key.span(), found);
            self.controls_in_value(value, found);
        }
    }

    fn controls_in_value(&self, value: &Spanned<DeValue<'_>>, found: &mut Vec<Diagnostic>) {
        match value.get_ref() {
            DeValue::String(text) => self.control_in(text, value.span(), found),
            DeValue::Array(items) => items.iter().for_each(|v| self.controls_in_value(v, found)),
            DeValue::Table(table) => self.controls_in_table(table, found),
            _ => {}
        }
    }

    /// An error if `text`, written at `span`, holds a control character.
    fn control_in(&self, text: &str, span: std::ops::Range<usize>, found: &mut Vec<Diagnostic>) {
        let Some(c) = text.chars().find(|&c| refused(c)) else {
            return;
        };
        let raw = self.toml.get(span.clone()).unwrap_or_default();
        let (at, written) = escape_of(raw).unwrap_or((0, ""));
        let written = if written.is_empty() {
            String::new()
        } else {
            format!(", written `{written}`")
        };
        found.push(
            self.error_at(
                span.start + at,
                format!(
                    "this text holds the control character U+{:04X}{written}",
                    u32::from(c)
                ),
            )
            .with_hint(crate::diagnostic::CONTROL_HINT),
        );
    }

    fn diagnostic(&self, err: &toml::de::Error) -> Diagnostic {
        let start = err.span().map_or(0, |s| s.start);
        if let Some((message, hint)) = self.unquoted_date(start) {
            return self.error_at(start, message).with_hint(hint);
        }
        if let Some(deep) = self.too_deep(err) {
            return deep;
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

/// Where in a quoted TOML string (as written) the first escape of a refused
/// character starts, and the escape itself (`\u0000`, `\e`).
fn escape_of(raw: &str) -> Option<(usize, &str)> {
    let mut at = 0;
    while let Some(i) = raw[at..].find('\\') {
        let start = at + i;
        let rest = &raw[start + 1..];
        let (code, len) = match rest.as_bytes().first() {
            Some(b'u') => (
                rest.get(1..5).and_then(|h| u32::from_str_radix(h, 16).ok()),
                6,
            ),
            Some(b'U') => (
                rest.get(1..9).and_then(|h| u32::from_str_radix(h, 16).ok()),
                10,
            ),
            Some(b'b') => (Some(8), 2),
            Some(b'f') => (Some(12), 2),
            Some(b'e') => (Some(0x1b), 2),
            _ => (None, 2),
        };
        if code.and_then(char::from_u32).is_some_and(refused) {
            return Some((start, &raw[start..start + len]));
        }
        at = (start + 2).min(raw.len());
        while !raw.is_char_boundary(at) {
            at += 1;
        }
    }
    None
}

/// How deep a line of TOML nests: the dots of its key, and the deepest
/// brackets and braces of its value (quotes are not told apart: a guess for a place).
fn line_depth(line: &str) -> usize {
    let key = line.split('=').next().unwrap_or_default();
    let (mut depth, mut deepest) = (0usize, key.matches('.').count());
    for c in line.chars() {
        match c {
            '[' | '{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// The byte range of the value at a dotted path (`members.2.org`) in front matter.
pub(crate) fn value_span(table: &DeTable<'_>, path: &[&str]) -> Option<std::ops::Range<usize>> {
    let (first, rest) = path.split_first()?;
    let mut value = table.get(*first)?;
    for step in rest {
        value = match value.get_ref() {
            DeValue::Table(t) => t.get(*step)?,
            DeValue::Array(a) => a.get(step.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(value.span())
}

/// Deserialises a parsed table, reporting every error rather than the first:
/// after each error the value it is about is left out and the rest read again.
/// A key reported missing after something was left out may be that value: it
/// is not reported, and the table missing it is left out in turn.
pub(crate) fn deserialize_all<T: DeserializeOwned>(
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
