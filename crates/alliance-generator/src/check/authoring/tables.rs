//! Tables need a header row, so that a screen reader can say which column a
//! cell is in.

use crate::diagnostic::Diagnostic;
use crate::load::site::Page;
use crate::markdown::facts::{Facts, Syntax};

/// A warning for each table without a header row (or whose header cells are all empty).
pub(crate) fn check(page: &Page, facts: &Facts) -> Vec<Diagnostic> {
    facts
        .tables
        .iter()
        .filter(|t| !t.has_header)
        .map(|table| {
            let hint = match table.syntax {
                Syntax::Markdown => {
                    "write the column headings in the table's first row: | Partner | Sector |"
                }
                Syntax::Html => "mark the heading cells with <th> (e.g. a first row of <th> cells)",
            };
            page.body_error(
                table.place.line,
                table.place.col,
                "table without a header row",
            )
            .with_hint(hint)
            .into_warning()
        })
        .collect()
}
