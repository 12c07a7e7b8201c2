//! Reading typed front matter: each value checked, each problem placed.
//!
//! A [`Fields`] reads one page's kind-specific keys (or one spreadsheet row)
//! and turns every wrong type, missing key or value outside its list into a
//! diagnostic pointing at the value itself (`members[2].org`, line and column).
//! Each value is read through its key's definition (`load::kind`), which
//! says whether it is required and which keys a table's entries may have.

use std::borrow::Cow;

use toml::{Table, Value};

use crate::date::SiteDate;
use crate::diagnostic::{Diagnostic, nearest, suggest};
use crate::load::kind::{Key, PageKind};
use crate::load::site::Page;

/// A fixed list of values a key may take (`sector`, `group`, `status`...).
pub(crate) trait Choice: Sized + Copy + 'static {
    /// Every value, as written in front matter, with its meaning.
    const ALL: &'static [(&'static str, Self)];
    /// Other words editors write for a value, lower case: `("nhs", "health")`.
    const ALSO: &'static [(&'static str, &'static str)];

    /// The value someone writing `written` most likely meant: one whose name
    /// or other word (the longest) is among its words ("NHS Trust" →
    /// `health`), else the nearest name by spelling.
    fn meant(written: &str) -> Option<&'static str> {
        let words = format!(
            " {} ",
            written
                .to_lowercase()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
        let names = Self::ALL.iter().map(|(name, _)| (*name, *name));
        names
            .chain(Self::ALSO.iter().copied())
            .filter(|(word, _)| words.contains(&format!(" {word} ")))
            .max_by_key(|(word, _)| word.len())
            .map(|(_, value)| value)
            .or_else(|| nearest(words.trim(), Self::ALL.iter().map(|(name, _)| *name)))
    }
}

/// A path to a value inside a page's front matter: `["members", "2", "org"]`.
pub(super) type KeyPath = Vec<String>;

/// Appends a step to a key path.
pub(super) fn step(at: &[String], key: impl ToString) -> KeyPath {
    let mut path = at.to_vec();
    path.push(key.to_string());
    path
}

/// A local date and time as front matter writes it.
const DATETIME_EXAMPLE: &str = "2026-03-04T14:00:00";

/// Reads one page's typed values, collecting diagnostics.
pub(super) struct Fields<'a> {
    /// The page being read.
    pub(crate) page: &'a Page,
    /// Its kind, which defines its keys.
    pub(crate) kind: PageKind,
    /// Problems found so far.
    pub(crate) errors: &'a mut Vec<Diagnostic>,
    /// The site's time zone, in which local times are read.
    pub(crate) zone: &'a jiff::tz::TimeZone,
}

impl Fields<'_> {
    /// Records an error at a value.
    pub(super) fn fail(
        &mut self,
        at: &[String],
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        let path: Vec<&str> = at.iter().map(String::as_str).collect();
        self.errors
            .push(self.page.value_error(&path, message).with_hint(hint));
    }

    /// Records that a required key is missing from `at` (a table, or the page).
    fn missing(&mut self, at: &[String], key: &str, example: &str) {
        let owner = if at.is_empty() {
            let kind = self.kind.name();
            format!("{} `{kind}` page", super::article(kind))
        } else {
            format!("each entry of `{}`", at[0])
        };
        let place: Vec<&str> = at.iter().map(String::as_str).collect();
        let diagnostic = if at.is_empty() {
            self.page
                .key_error("kind", format!("{owner} needs `{key}`"))
        } else {
            self.page
                .value_error(&place, format!("{owner} needs `{key}`"))
        };
        self.errors
            .push(diagnostic.with_hint(format!("add `{key} = {example}`")));
    }

    /// A text value; absent or empty, it is an error if the kind requires the key.
    pub(super) fn text(&mut self, table: &Table, at: &[String], key: &Key) -> Option<String> {
        match table.get(key.name) {
            Some(Value::String(s)) if !s.trim().is_empty() => return Some(s.trim().to_owned()),
            None | Some(Value::String(_)) => {}
            Some(other) => {
                self.wrong_type(&step(at, key), other, "text in \"quotes\"");
                return None;
            }
        }
        if let Some(example) = key.required {
            self.missing(at, key.name, example);
        }
        None
    }

    /// A text value published as a link: an `http(s)`, `mailto:` or `tel:`
    /// address (any other is an error at the value: `javascript:` would run).
    pub(super) fn link(&mut self, table: &Table, at: &[String], key: &Key) -> Option<String> {
        let link = self.text(table, at, key)?;
        let Some(problem) = crate::util::url::link_problem(&link) else {
            return Some(link);
        };
        self.fail(
            &step(at, key),
            format!("`{}` {problem}", link.escape_debug()),
            crate::util::url::LINK_HINT,
        );
        None
    }

    /// A value from a fixed list; `None` (after an error if required) when absent.
    pub(super) fn choice<T: Choice>(
        &mut self,
        table: &Table,
        at: &[String],
        key: &Key,
    ) -> Option<T> {
        let written = self.text(table, at, key)?;
        if let Some((_, value)) = T::ALL.iter().find(|(name, _)| *name == written) {
            return Some(*value);
        }
        let all: Vec<String> = T::ALL
            .iter()
            .map(|(name, _)| name)
            .map(|n| format!("`{n}`"))
            .collect();
        let hint = match T::meant(&written) {
            Some(best) => format!(
                "did you mean `{best}`? `{key}` is one of {}",
                all.join(", ")
            ),
            None => format!("`{key}` is one of {}", all.join(", ")),
        };
        self.fail(
            &step(at, key),
            format!("`{written}` is not a valid `{key}`"),
            hint,
        );
        None
    }

    /// A list of text values (a single text is taken as a list of one).
    pub(super) fn texts(&mut self, table: &Table, at: &[String], key: &Key) -> Vec<String> {
        match table.get(key.name) {
            None => Vec::new(),
            Some(Value::String(s)) => vec![s.trim().to_owned()],
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| match item {
                    Value::String(s) => Some(s.trim().to_owned()),
                    other => {
                        self.wrong_type(&step(&step(at, key), i), other, "text in \"quotes\"");
                        None
                    }
                })
                .collect(),
            Some(other) => {
                self.wrong_type(&step(at, key), other, "a list: [\"first\", \"second\"]");
                Vec::new()
            }
        }
    }

    /// A list of tables (`members = [{ org = "..." }]`), each checked for unknown keys.
    pub(super) fn tables<'t>(
        &mut self,
        table: &'t Table,
        at: &[String],
        key: &Key,
    ) -> Vec<(KeyPath, Cow<'t, Table>)> {
        let Some(value) = table.get(key.name) else {
            return Vec::new();
        };
        let allowed = entry_keys(key);
        let shorthand = allowed.first().copied().unwrap_or_default();
        let Value::Array(items) = value else {
            self.wrong_type(
                &step(at, key),
                value,
                &format!("a list of tables: {key} = [{{ {} = \"...\" }}]", shorthand),
            );
            return Vec::new();
        };
        let mut tables = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = step(&step(at, key), i);
            // `members = ["council"]` is read as `[{ org = "council" }]`.
            let entry = match as_table(item, shorthand) {
                Some(entry) => entry,
                None => {
                    self.wrong_type(
                        &path,
                        item,
                        &format!("a table: {{ {} = \"...\" }}", shorthand),
                    );
                    continue;
                }
            };
            self.known_keys(&entry, &path, key, &allowed);
            tables.push((path, entry));
        }
        tables
    }

    /// An optional table (`chair = { name, org }`), checked for unknown keys.
    pub(super) fn table<'t>(
        &mut self,
        table: &'t Table,
        at: &[String],
        key: &Key,
    ) -> Option<Cow<'t, Table>> {
        let value = table.get(key.name)?;
        let allowed = entry_keys(key);
        let shorthand = allowed.first().copied().unwrap_or_default();
        let path = step(at, key);
        // `chair = "Jane Smith"` is read as `chair = { name = "Jane Smith" }`.
        let entry = match as_table(value, shorthand) {
            Some(entry) => entry,
            None => {
                self.wrong_type(
                    &path,
                    value,
                    &format!(
                        "a table: {key} = {{ {} = \"...\" }}",
                        allowed.join(" = \"...\", ")
                    ),
                );
                return None;
            }
        };
        self.known_keys(&entry, &path, key, &allowed);
        Some(entry)
    }

    /// Reports every key of a table entry (at `path`, inside `key`) not in `allowed`.
    fn known_keys(&mut self, entry: &Table, path: &[String], key: &Key, allowed: &[&str]) {
        for name in entry.keys() {
            if !allowed.contains(&name.as_str()) {
                self.fail(
                    &step(path, name),
                    format!("unknown key `{name}` in `{key}`"),
                    suggest(name, allowed.iter().copied()),
                );
            }
        }
    }

    /// An optional number (integer or decimal).
    pub(super) fn number(&mut self, table: &Table, at: &[String], key: &Key) -> Option<f64> {
        match table.get(key.name)? {
            Value::Integer(i) => Some(*i as f64),
            Value::Float(f) if f.is_finite() => Some(*f),
            other => {
                self.wrong_type(
                    &step(at, key),
                    other,
                    "a number, e.g. 42 or 3.5, without quotes",
                );
                None
            }
        }
    }

    /// An optional true/false value.
    pub(super) fn boolean(&mut self, table: &Table, at: &[String], key: &Key) -> Option<bool> {
        match table.get(key.name)? {
            Value::Boolean(b) => Some(*b),
            other => {
                self.wrong_type(&step(at, key), other, "true or false, without quotes");
                None
            }
        }
    }

    /// A whole number of at least 1 (`item = 3`); absent, an error if the kind requires the key.
    pub(super) fn count(&mut self, table: &Table, at: &[String], key: &Key) -> Option<usize> {
        match table.get(key.name) {
            Some(Value::Integer(i)) if *i >= 1 => usize::try_from(*i).ok(),
            Some(other) => {
                self.wrong_type(&step(at, key), other, "a whole number from 1, e.g. 3");
                None
            }
            None => {
                if let Some(example) = key.required {
                    self.missing(at, key.name, example);
                }
                None
            }
        }
    }

    /// An optional date (`2026-11-22`).
    pub(super) fn date(&mut self, table: &Table, at: &[String], key: &Key) -> Option<SiteDate> {
        let value = table.get(key.name)?;
        let written = match value {
            Value::Datetime(d) => d.to_string(),
            Value::String(s) => s.clone(),
            other => {
                self.wrong_type(&step(at, key), other, "a date, e.g. 2026-11-22");
                return None;
            }
        };
        match SiteDate::parse(&written) {
            Ok(date) => Some(date),
            Err(message) => {
                self.fail(&step(at, key), message, "write the date as YYYY-MM-DD");
                None
            }
        }
    }

    /// A date and time of day in the site's time zone (`2026-03-04T14:00:00`).
    pub(super) fn local_datetime(
        &mut self,
        table: &Table,
        at: &[String],
        key: &Key,
    ) -> Option<SiteDate> {
        let Some(value) = table.get(key.name) else {
            if let Some(example) = key.required {
                self.missing(at, key.name, example);
            }
            return None;
        };
        let hint = format!(
            "write a local date and time without quotes, e.g. {key} = {DATETIME_EXAMPLE}; times are in the site's time zone (config `timezone`)"
        );
        let read = self.written_datetime(at, key, value, hint)?;
        if let Some((message, hint)) = crate::date::zone_problem(&read, self.zone) {
            self.fail(&step(at, key), message, hint);
            return None;
        }
        Some(read)
    }

    /// The date and time `value` says, as written (before the time zone is applied).
    fn written_datetime(
        &mut self,
        at: &[String],
        key: &Key,
        value: &Value,
        hint: String,
    ) -> Option<SiteDate> {
        match value {
            Value::Datetime(d) if d.date.is_some() && d.time.is_some() && d.offset.is_none() => {
                SiteDate::parse(&d.to_string()).ok()
            }
            Value::Datetime(d) if d.offset.is_some() => {
                self.fail(
                    &step(at, key),
                    format!("`{d}` has a time-zone offset"),
                    hint,
                );
                None
            }
            Value::Datetime(d) => {
                self.fail(
                    &step(at, key),
                    format!("`{d}` needs both a date and a time"),
                    hint,
                );
                None
            }
            Value::String(text) => match SiteDate::parse(text) {
                Ok(date) if date.time.is_some() => Some(date),
                _ => {
                    self.fail(
                        &step(at, key),
                        format!("`{text}` is not a date and time"),
                        hint,
                    );
                    None
                }
            },
            other => {
                self.wrong_type(&step(at, key), other, DATETIME_EXAMPLE);
                None
            }
        }
    }

    fn wrong_type(&mut self, at: &[String], value: &Value, expected: &str) {
        let key = at.last().map_or("", String::as_str);
        let found = match value {
            Value::Integer(i) if *i < 1 => "a number below 1",
            Value::String(_) => "text",
            Value::Integer(_) | Value::Float(_) => "a number",
            Value::Boolean(_) => "true/false",
            Value::Datetime(_) => "a date",
            Value::Array(_) => "a list",
            Value::Table(_) => "a table",
        };
        self.fail(
            at,
            format!("`{key}` should be {expected}, not {found}"),
            format!("write it as {expected}"),
        );
    }
}

/// The names of the keys an entry of the table `key` may have, the shorthand first.
fn entry_keys(key: &Key) -> Vec<&'static str> {
    key.entries.iter().map(|k| k.name).collect()
}

/// A table as written, or a text read as a table of its first key (the
/// shorthand `"council"` for `{ org = "council" }`).
fn as_table<'t>(value: &'t Value, first_key: &str) -> Option<Cow<'t, Table>> {
    match value {
        Value::Table(entry) => Some(Cow::Borrowed(entry)),
        Value::String(text) => {
            let mut entry = Table::new();
            entry.insert(first_key.to_owned(), Value::String(text.clone()));
            Some(Cow::Owned(entry))
        }
        _ => None,
    }
}
