//! Headings: one level-1 heading per page (the title, printed by the
//! template), and levels that go down one step at a time.
//!
//! Skipped levels are read from the body. The count of `<h1>` needs the
//! rendered page, because the title's `<h1>` comes from the template: it is
//! made in [`crate::check::rendered`] as the pages are written.

use crate::diagnostic::Diagnostic;
use crate::load::site::Page;
use crate::markdown::facts::{Facts, Syntax};

/// A warning for each heading more than one level below the one before it.
/// The page title (h1) comes first; level-1 headings in the body are left to
/// the [`HeadingAudit`].
pub(crate) fn check_levels(page: &Page, facts: &Facts) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut previous = 1;
    for heading in &facts.headings {
        let level = heading.level;
        if level > previous + 1 {
            let want = previous + 1;
            let (message, hint) = if previous == 1 {
                (
                    format!(
                        "a level-{level} heading straight after the main heading (the page title): a level is skipped"
                    ),
                    format!(
                        "the body's first headings are level 2: make this {}",
                        written(want, heading.syntax)
                    ),
                )
            } else {
                (
                    format!(
                        "a level-{level} heading straight after a level-{previous} one: a level is skipped"
                    ),
                    format!(
                        "headings go down one level at a time: make this {}, or add a level-{want} heading above it",
                        written(want, heading.syntax)
                    ),
                )
            };
            out.push(
                page.body_error(heading.place.line, heading.place.col, message)
                    .with_hint(hint)
                    .into_warning(),
            );
        }
        previous = level;
    }
    out
}

/// How a heading of `level` is written: `###` or `<h3>`.
pub(crate) fn written(level: u8, syntax: Syntax) -> String {
    match syntax {
        Syntax::Markdown => format!("`{}`", "#".repeat(level.into())),
        Syntax::Html => format!("<h{level}>"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels(markdown: &str) -> Vec<String> {
        let page = crate::check::authoring::tests::page(markdown);
        check_levels(&page, &crate::markdown::facts::read(page.body(), true))
            .into_iter()
            .map(|d| format!("{}: {}", d.position.line, d.message))
            .collect()
    }

    #[test]
    fn levels_go_down_one_at_a_time() {
        assert!(levels("## A\n\n### B\n\n## C\n\n### D\n").is_empty());
        assert_eq!(
            levels("### A\n\n## B\n\n#### C\n\n<h6>D</h6>\n"),
            [
                "4: a level-3 heading straight after the main heading (the page title): a level is skipped",
                "8: a level-4 heading straight after a level-2 one: a level is skipped",
                "10: a level-6 heading straight after a level-4 one: a level is skipped",
            ]
        );
        assert!(levels("# A\n\n## B\n").is_empty(), "h1s are the audit's");
    }
}
