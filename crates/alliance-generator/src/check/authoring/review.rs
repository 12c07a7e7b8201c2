//! Review dates: a page not reviewed within `[review] period_months` is
//! reported, naming its owner, so out-of-date information does not linger.
//!
//! The date of last review is `reviewed`, else `updated`, else `date`. Pages
//! that record a moment (news, meetings, documents) are not due for review
//! unless they set `reviewed`. Pages with no date at all are reported only
//! when config.toml has a `[review]` table: the site has asked for reviews.

use jiff::civil::Date;

use crate::diagnostic::Diagnostic;
use crate::load::kind::PageKind;
use crate::load::site::{Page, Site};

/// Kinds of page that record a moment rather than describe something current.
const RECORDS: &[PageKind] = &[PageKind::News, PageKind::Meeting, PageKind::Document];

/// The date `months` after `date`, or `None` past the end of the calendar.
pub(crate) fn months_after(date: Date, months: u32) -> Option<Date> {
    date.checked_add(jiff::Span::new().try_months(i64::from(months)).ok()?)
        .ok()
}

/// A warning if the page is overdue for review (or has no date, when reviews are asked for).
pub(crate) fn check(site: &Site, page: &Page, today: Date) -> Option<Diagnostic> {
    let months = site.config.review_period_months();
    let is_record = page.kind().is_some_and(|k| RECORDS.contains(&k));
    // A spreadsheet row is reviewed with its spreadsheet, unless it has its own `reviewed` column.
    let is_row = matches!(page.origin, crate::load::site::Origin::CsvRow { .. });
    // A partnership that has closed reviews nothing: its pages are a record.
    let closed = site.config.closed_on().is_some();
    if months == 0 || closed || ((is_record || is_row) && page.front.reviewed.is_none()) {
        return None;
    }
    let front = &page.front;
    let last = [
        ("reviewed", front.reviewed, "last reviewed on"),
        ("updated", front.updated, "last updated on"),
        ("date", front.date, "dated"),
    ]
    .into_iter()
    .find_map(|(key, date, said)| date.map(|d| (key, d, said)));
    let owner = front.owner.as_deref();
    let set_reviewed = format!("`reviewed = {today}`");
    let action = match owner {
        Some(owner) => {
            format!("ask {owner} to check the page is still right, then set {set_reviewed}")
        }
        None => format!(
            "check the page is still right, then set {set_reviewed}; add `owner = \"...\"` so someone answers for it"
        ),
    };
    let owner_note = owner.map_or_else(|| "no owner".to_owned(), |o| format!("owner: {o}"));
    match last {
        None if site.config.review.is_some() => Some(
            page.key_error(
                "title",
                format!("page has no review date ({owner_note}); the site asks for a review every {months} months"),
            )
            .with_hint(action)
            .into_warning(),
        ),
        None => None,
        Some((key, date, said)) => {
            let due = months_after(date.date, months)?;
            (today > due).then(|| {
                page.key_error(
                    key,
                    format!(
                        "page not reviewed for more than {months} months: {said} {} ({owner_note})",
                        date.long()
                    ),
                )
                .with_hint(action)
                .into_warning()
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_after_keeps_to_the_calendar() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(months_after(d("2025-11-22"), 12), Some(d("2026-11-22")));
        assert_eq!(months_after(d("2026-01-31"), 1), Some(d("2026-02-28")));
        assert_eq!(months_after(d("9999-12-01"), 12), None);
    }
}
