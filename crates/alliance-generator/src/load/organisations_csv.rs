//! `organisations.csv`: a members spreadsheet, each row an organisation page.
//!
//! Comms teams keep member lists in Excel and export them: the reader accepts a
//! UTF-8 byte-order mark, CRLF line ends, quoted fields holding commas and blank
//! lines. Each row becomes a [`Page`] exactly as if it had been written as
//! `content/<section>/<id>.md` with `kind = "organisation"`.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, LineStarts, Position, suggest};
use crate::load::frontmatter::FrontMatter;
use crate::load::kind::{Column, PageKind};
use crate::load::site::{Origin, Page};
use crate::util::url::slugify;

/// The file name that marks a members spreadsheet.
pub(crate) const FILE_NAME: &str = "organisations.csv";

/// A members spreadsheet, read: a page per good row, and the problems of the others.
#[derive(Debug, Default)]
pub(crate) struct Sheet {
    /// An organisation page per row without errors.
    pub(crate) pages: Vec<Page>,
    /// Every problem, all together.
    pub(crate) errors: Vec<Diagnostic>,
    /// The content paths (`members/<id>.md`) of rows left out for their errors.
    pub(crate) with_errors: Vec<String>,
}

impl From<Vec<Diagnostic>> for Sheet {
    fn from(errors: Vec<Diagnostic>) -> Self {
        Sheet {
            errors,
            ..Sheet::default()
        }
    }
}

/// Reads `content/<rel>` into organisation pages. All bad rows are reported together.
pub(crate) fn read(file: &Path, rel: &str) -> Sheet {
    let source = PathBuf::from("content").join(rel);
    match crate::load::read_text(
        file,
        &source,
        "the spreadsheet",
        "in Excel, use File › Save As › \"CSV UTF-8 (Comma delimited)\"",
    ) {
        Ok(text) => parse(&source, rel, &text),
        Err(errors) => {
            // A spreadsheet refused for a control character is left out, but
            // its rows are known: references to them are not reported again.
            let rows = std::fs::read(file)
                .ok()
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .map(|text| parse(&source, rel, &text))
                .unwrap_or_default();
            let named = rows.pages.into_iter().map(|page| page.content_path);
            Sheet {
                errors,
                with_errors: named.chain(rows.with_errors).collect(),
                ..Sheet::default()
            }
        }
    }
}

/// Parses the text of a members spreadsheet found at `rel` (relative to `content/`).
pub(crate) fn parse(source: &Path, rel: &str, text: &str) -> Sheet {
    let body = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(body.as_bytes());
    let headers: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_lowercase()).collect(),
        Err(e) => return vec![csv_error(source, &body, &LineStarts::new(&body), &e)].into(),
    };
    let required = Column::required();
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|c| !headers.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        let hint = match missing.first().and_then(|m| {
            headers
                .iter()
                .find(|h| !required.contains(&h.as_str()))
                .map(|h| (m, h))
        }) {
            Some((m, h)) if suggest(h, [*m]).starts_with("did you") => {
                format!("rename the column `{h}` to `{m}`")
            }
            _ => "the first row names the columns: id,name,sector,website (more columns allowed)"
                .to_owned(),
        };
        return vec![
            Diagnostic::error(
                source,
                format!(
                    "the spreadsheet has no `{}` column{}",
                    missing.join("`, `"),
                    if missing.len() > 1 { "s" } else { "" }
                ),
            )
            .at(text, Position { line: 1, col: 1 })
            .with_hint(hint),
        ]
        .into();
    }
    let section_dir = rel.rsplit_once('/').map_or("", |(dir, _)| dir);
    let mut sheet = Sheet {
        pages: Vec::with_capacity(body.matches('\n').count()),
        ..Sheet::default()
    };
    let errors = &mut sheet.errors;
    let lines = LineStarts::new(&body);
    let mut breaks_in_cells = 0;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(csv_error(source, &body, &lines, &e));
                continue;
            }
        };
        let Some(place) = record.position() else {
            continue;
        };
        let (line, raw) = row_at(&body, &lines, place.byte());
        // A spreadsheet program shows a cell's line breaks inside one row.
        let row = line - breaks_in_cells;
        breaks_in_cells += record
            .iter()
            .map(|c| c.matches('\n').count())
            .sum::<usize>();
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() != headers.len() {
            errors.push(row_error(
                source,
                line,
                raw,
                format!(
                    "this row has {} cells but the header row names {} columns",
                    record.len(),
                    headers.len()
                ),
            ));
            continue;
        }
        let cells = cell_columns(raw, &headers);
        let cell = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| record.get(i))
                .map(str::trim)
                .unwrap_or_default()
        };
        let (id, name) = (cell(Column::ID), cell(Column::NAME));
        let mut page = Page {
            source: source.to_path_buf(),
            content_path: format!(
                "{section_dir}{}{id}.md",
                if section_dir.is_empty() { "" } else { "/" }
            ),
            text: raw.to_owned(),
            front: FrontMatter {
                title: name.to_owned(),
                kind: Some(PageKind::Organisation),
                ..FrontMatter::default()
            },
            typed: toml::Table::new(),
            toml_offset: 0,
            body_offset: raw.len(),
            is_section: false,
            path: format!("{}{}/", crate::load::site_dir(section_dir), slugify(id)),
            id: id.to_owned(),
            folder: PathBuf::from("content").join(section_dir),
            parent: None,
            children: Vec::new(),
            subsections: Vec::new(),
            origin: Origin::CsvRow { line, row, cells },
            index: Default::default(),
        };
        if id.is_empty() || name.is_empty() {
            let column = if id.is_empty() {
                Column::ID
            } else {
                Column::NAME
            };
            errors.push(
                page.value_error(&[column], format!("this row has no `{column}`"))
                    .with_hint(
                        "every organisation needs an id (used in links and `members`) and a name",
                    ),
            );
            if !id.is_empty() {
                sheet.with_errors.push(page.content_path);
            }
            continue;
        }
        let row_errors = errors.len();
        for (i, header) in headers.iter().enumerate() {
            let value = record.get(i).unwrap_or_default().trim();
            if value.is_empty() {
                continue;
            }
            match Column::of(header) {
                Column::Id | Column::Name => {}
                Column::Description => page.front.description = Some(value.to_owned()),
                Column::Owner => page.front.owner = Some(value.to_owned()),
                Column::Reviewed => match crate::date::SiteDate::parse(value) {
                    Ok(date) => page.front.reviewed = Some(date),
                    Err(message) => errors.push(
                        page.value_error(&["reviewed"], message)
                            .with_hint("write the date as YYYY-MM-DD"),
                    ),
                },
                Column::Typed(key) => {
                    page.typed.insert(key.name.to_owned(), value.into());
                }
                Column::Extra => {
                    page.front.extra.insert(header.clone(), value.into());
                }
            }
        }
        if errors.len() > row_errors {
            sheet.with_errors.push(page.content_path);
        } else {
            sheet.pages.push(page);
        }
    }
    sheet
}

/// The 1-based line and the text of the row starting at `byte` (the reader
/// counts blank lines before a row as part of it).
fn row_at<'a>(body: &'a str, lines: &LineStarts, byte: u64) -> (usize, &'a str) {
    let mut start = (byte as usize).min(body.len());
    while body[start..].starts_with('\n') {
        start += 1;
    }
    (
        lines.line_of(start),
        body[start..].lines().next().unwrap_or_default(),
    )
}

/// Where each cell of a row starts (1-based columns), found by splitting the
/// raw line on commas outside quotes.
fn cell_columns(raw: &str, headers: &[String]) -> Vec<(String, usize)> {
    let mut starts = vec![1];
    let mut quoted = false;
    for (col, c) in raw.chars().enumerate() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => starts.push(col + 2),
            _ => {}
        }
    }
    headers.iter().cloned().zip(starts).collect()
}

fn csv_error(source: &Path, body: &str, lines: &LineStarts, e: &csv::Error) -> Diagnostic {
    let (line, raw) = row_at(body, lines, e.position().map_or(0, |p| p.byte()));
    row_error(source, line, raw, format!("cannot read this row: {e}"))
}

/// An error about a whole row, quoting it.
fn row_error(source: &Path, line: usize, raw: &str, message: String) -> Diagnostic {
    Diagnostic::error(source, message)
        .with_hint("a cell holding a comma must be in \"double quotes\"")
        .quoting(raw, Position { line, col: 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Sheet {
        parse(
            Path::new("content/members/organisations.csv"),
            "members/organisations.csv",
            text,
        )
    }

    #[test]
    fn reads_an_excel_export() {
        let text = "\u{feff}id,name,sector,website,Phone\r\n\
                    police,\"Hertfordshire Constabulary, Welwyn Hatfield\",police,https://herts.police.uk,101\r\n\
                    \r\n\
                    ymca,YMCA,voluntary,,\r\n\r\n";
        let pages = rows(text).pages;
        assert_eq!(pages.len(), 2);
        let police = &pages[0];
        assert_eq!(
            police.front.title,
            "Hertfordshire Constabulary, Welwyn Hatfield"
        );
        assert_eq!(police.id, "police");
        assert_eq!(police.path, "members/police/");
        assert_eq!(police.content_path, "members/police.md");
        assert_eq!(police.typed["sector"].as_str(), Some("police"));
        assert_eq!(police.front.extra["phone"].as_str(), Some("101"));
        assert!(pages[1].typed.get("website").is_none());
        let Origin::CsvRow { line, .. } = pages[1].origin else {
            panic!("not a row")
        };
        assert_eq!(line, 4);
    }

    #[test]
    fn places_errors_on_the_row_and_cell() {
        let sheet = rows("id,name,sector\na,A,public\nb,B\n,C,public\nd,D,public,x\ne,E,public\n");
        let e = sheet.errors;
        assert_eq!(e.len(), 3);
        assert_eq!(e[0].position, Position { line: 3, col: 1 });
        assert!(e[0].message.contains("2 cells"));
        assert_eq!(e[1].position.line, 4);
        assert!(e[1].message.contains("no `id`"));
        let ids: Vec<&str> = sheet.pages.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["a", "e"], "the good rows are read all the same");
        let ok = rows("id,name,sector\n\"x\",\"Y, Z\",publik\n").pages;
        let d = ok[0].value_error(&["sector"], "bad sector");
        assert_eq!(d.position, Position { line: 2, col: 12 });
        assert_eq!(d.source_line.as_deref(), Some("\"x\",\"Y, Z\",publik"));
    }

    #[test]
    fn names_a_missing_column() {
        let e = rows("id,name,sectr\na,A,public\n").errors;
        assert!(e[0].message.contains("no `sector` column"));
        assert_eq!(
            e[0].hint.as_deref(),
            Some("rename the column `sectr` to `sector`")
        );
    }
}
