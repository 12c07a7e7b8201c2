//! Meetings published as the law expects (Local Government Act 1972 s.100B):
//! an agenda out at least `[meetings] notice_days` clear days before the
//! meeting, a past meeting's status brought up to date, minutes published
//! within `minutes_days` of a held meeting. Each is a warning on the meeting's
//! file. A partnership that has closed is not asked for any of them.

use jiff::civil::Date;

use crate::content::Content;
use crate::diagnostic::Diagnostic;
use crate::model::{Meeting, MeetingStatus, PaperKind};

/// Every meeting warning of a site, in meeting order.
pub(crate) fn check(content: &Content) -> Vec<Diagnostic> {
    let config = &content.site.config;
    if config.closed_on().is_some() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for meeting in &content.model.meetings {
        let page = &content.site.pages[meeting.page];
        let warn = |at: &[&str], message: String, hint: String| {
            page.value_error(at, message).with_hint(hint).into_warning()
        };
        let day = meeting.start.date;
        let notice = config.meetings.notice_days;
        for (i, paper) in meeting.papers.iter().enumerate() {
            let Some(published) = paper.published else {
                continue;
            };
            let clear = clear_days(published.date, day);
            if paper.kind == PaperKind::Agenda
                && meeting.status != MeetingStatus::Cancelled
                && clear < i64::from(notice)
            {
                let index = i.to_string();
                found.push(warn(
                    &["papers", &index, "published"],
                    format!(
                        "the agenda was published {} before the meeting; {notice} are needed",
                        days(clear.max(0), "clear day")
                    ),
                    format!(
                        "publish agendas at least {notice} clear days before the meeting (not counting the day published or the day of the meeting); config `[meetings] notice_days`"
                    ),
                ));
            }
        }
        if meeting.status == MeetingStatus::Scheduled && day < content.today {
            let at = if page.typed.contains_key("status") {
                "status"
            } else {
                "start"
            };
            found.push(warn(
                &[at],
                format!("the meeting was on {} but is still `scheduled`", meeting.start.long()),
                "set `status = \"held\"` (and add its minutes), or `\"cancelled\"`, `\"postponed\"` or `\"rescheduled\"`".to_owned(),
            ));
        }
        let due = config.meetings.minutes_days;
        let since = content.today - day;
        if meeting.status == MeetingStatus::Held
            && since.get_days() > i32::try_from(due).unwrap_or(i32::MAX)
            && !has_minutes(meeting)
        {
            found.push(warn(
                &["status"],
                format!(
                    "the meeting was held on {} and has no minutes after {}",
                    meeting.start.long(),
                    days(i64::from(since.get_days()), "day")
                ),
                format!(
                    "add its minutes to `papers` with kind = \"minutes\"; they are due within {due} days (config `[meetings] minutes_days`)"
                ),
            ));
        }
    }
    found
}

/// The whole days between two dates, neither counted ("clear days").
fn clear_days(from: Date, to: Date) -> i64 {
    i64::from((to - from).get_days()) - 1
}

fn has_minutes(meeting: &Meeting) -> bool {
    meeting.papers.iter().any(|p| p.kind == PaperKind::Minutes)
}

/// "1 clear day", "3 clear days".
fn days(n: i64, unit: &str) -> String {
    if n == 1 {
        format!("1 {unit}")
    } else {
        format!("{n} {unit}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clear_days_count_neither_end() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(clear_days(d("2026-11-25"), d("2026-12-01")), 5);
        assert_eq!(clear_days(d("2026-11-30"), d("2026-12-01")), 0);
        assert_eq!(days(1, "clear day"), "1 clear day");
    }
}
