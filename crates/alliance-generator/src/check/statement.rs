//! The checks on the facts of the accessibility statement (`[accessibility]` in config).

use jiff::civil::Date;

use crate::check::authoring::review::months_after;
use crate::config::{ComplianceStatus, Config, IssueKind};
use crate::diagnostic::Diagnostic;
use crate::load::frontmatter::{spans, value_span};

/// Warnings about the statement's facts: missing contact or test date, a
/// status that does not match the issues, a review overdue.
pub(crate) fn check(config: &Config, today: Date) -> Vec<Diagnostic> {
    let a11y = &config.accessibility;
    let mut out = Vec::new();
    let at = |key: &str, message: String, hint: String| {
        let table = spans(&config.source_text);
        let span = table.as_ref().and_then(|t| {
            value_span(t, &["accessibility", key]).or_else(|| value_span(t, &["accessibility"]))
        });
        let diagnostic = Diagnostic::warning("config.toml", message).with_hint(hint);
        match span {
            Some(span) => diagnostic.at_offset(&config.source_text, span.start),
            None => diagnostic,
        }
    };
    if a11y.contact.is_empty() {
        out.push(at(
            "contact",
            "the accessibility statement has no email address for reporting problems".into(),
            "add `email` to [contact], or `contact` to [accessibility]: the regulations require a way to report problems".into(),
        ));
    }
    if a11y.last_tested.is_none() {
        out.push(at(
            "last_tested",
            "the accessibility statement does not say when the site was last tested".into(),
            "test the site with an accessibility checker (such as axe-core and the Nu Html Checker) or an audit, then add `last_tested = YYYY-MM-DD` to [accessibility]".into(),
        ));
    }
    let non_compliances = a11y
        .issues
        .iter()
        .filter(|i| i.kind == IssueKind::NonCompliance)
        .count();
    match a11y.status {
        ComplianceStatus::Full if non_compliances > 0 => out.push(at(
            "status",
            format!("`status = \"full\"` but `issues` lists {non_compliances} non-compliance(s)"),
            "set `status = \"partial\"`, or remove the issues that are fixed".into(),
        )),
        ComplianceStatus::Partial | ComplianceStatus::None if a11y.issues.is_empty() => out
            .push(at(
            "status",
            "the accessibility statement says the site is not fully compliant but lists no issues"
                .into(),
            "list what is not accessible in `issues` under [accessibility], one sentence each"
                .into(),
        )),
        _ => {}
    }
    let months = config.review_period_months();
    let last = [
        ("reviewed", a11y.reviewed),
        ("prepared", a11y.prepared),
        ("last_tested", a11y.last_tested),
    ]
    .into_iter()
    .find_map(|(key, date)| date.map(|d| (key, d)));
    // A partnership that has closed reviews nothing: its statement is a record too.
    if let Some((key, last)) = last
        && months > 0
        && config.closed_on().is_none()
        && months_after(last.date, months).is_some_and(|due| today > due)
    {
        out.push(at(
            key,
            format!(
                "the accessibility statement was last reviewed on {}, more than {months} months ago",
                last.long()
            ),
            format!("review it, then set `reviewed = {today}` under [accessibility]"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::statement::tests::config;

    #[test]
    fn checks_facts_and_places_them() {
        let today: Date = "2026-11-22".parse().unwrap();
        let found = check(
            &config("status = \"partial\"\nlast_tested = 2025-01-01\n"),
            today,
        );
        let lines: Vec<_> = found
            .iter()
            .map(|d| (d.position.line, d.message.as_str()))
            .collect();
        assert_eq!(
            lines,
            [
                (
                    6,
                    "the accessibility statement says the site is not fully compliant but lists no issues"
                ),
                (
                    7,
                    "the accessibility statement was last reviewed on 1 January 2025, more than 12 months ago"
                ),
            ]
        );
        assert!(check(&config("last_tested = 2026-11-01\n"), today).is_empty());
    }
}
